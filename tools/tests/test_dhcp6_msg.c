// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/dhcp6_msg.c: building the client's messages and
 * parsing (untrusted) Advertise and Reply messages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <string.h>

#include "dhcp6.h"
#include "dhcp6_msg.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define U16(v)		(uint8_t)((v) >> 8), (uint8_t)(v)
#define U32(v)		(uint8_t)((uint32_t)(v) >> 24), \
			(uint8_t)((uint32_t)(v) >> 16), \
			(uint8_t)((uint32_t)(v) >> 8), (uint8_t)(v)
#define MAC		0x02, 0x11, 0x22, 0x33, 0x44, 0x55
#define DUID		0, 3, 0, 1, MAC
#define CLIENTID	U16(1), U16(10), DUID
#define SRV_DUID	0, 2, 0, 0, 0, 9, 7
#define SERVERID	U16(2), U16(7), SRV_DUID
/* 2001:db8::1 and 2001:db8::2 */
#define ADDR1		0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, \
			0, 0, 0, 1
#define ADDR2		0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, \
			0, 0, 0, 2
#define IAADDR(addr, pref, valid) \
			U16(5), U16(24), addr, U32(pref), U32(valid)
#define IA_HDR(len, iaid, t1, t2) \
			U16(3), U16(len), U32(iaid), U32(t1), U32(t2)

static const uint8_t mac[6] = { MAC };
static const uint8_t duid[] = { DUID };
static const uint8_t srv_duid[] = { SRV_DUID };

static struct in6_addr addr_of(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

/* ---- A raw walk of a built message's top-level options ---- */

static unsigned int option_codes(const uint8_t *msg, size_t len,
				 uint16_t *codes, unsigned int max)
{
	size_t off = DHCP6_HDR_LEN;
	unsigned int n = 0;

	while (off < len) {
		uint16_t olen;

		assert_true(off + 4 <= len);
		assert_true(n < max);
		codes[n++] = (uint16_t)(msg[off] << 8 | msg[off + 1]);
		olen = (uint16_t)(msg[off + 2] << 8 | msg[off + 3]);
		off += 4u + olen;
		assert_true(off <= len);
	}
	return n;
}

static size_t build(enum dhcp6_type type, const struct in6_addr *addr,
		    uint16_t elapsed, uint8_t *buf, size_t size)
{
	struct dhcp6_out m = {
		.type = type,
		.xid = 0xabcdef,
		.client_duid = duid,
		.client_duid_len = sizeof(duid),
		.server_duid = srv_duid,
		.server_duid_len = sizeof(srv_duid),
		.iaid = 0x01020304,
		.addr = addr,
		.elapsed = elapsed,
	};

	return dhcp6_build(&m, buf, size);
}

static void check_codes(enum dhcp6_type type, const uint16_t *want,
			unsigned int n_want)
{
	struct in6_addr a = addr_of("2001:db8::1");
	uint8_t buf[DHCP6_MSG_MAX];
	uint16_t codes[16];
	unsigned int n;
	size_t len;

	len = build(type, &a, 0, buf, sizeof(buf));
	assert_true(len > DHCP6_HDR_LEN);
	assert_int_equal(buf[0], type);
	n = option_codes(buf, len, codes, ARRAY_SIZE(codes));
	assert_int_equal(n, n_want);
	assert_memory_equal(codes, want, n * sizeof(codes[0]));
}

static void test_duid_ll(void **state)
{
	uint8_t d[DHCP6_DUID_LL_LEN];
	static const uint8_t want[] = { 0x00, 0x03, 0x00, 0x01, MAC };

	(void)state;
	dhcp6_duid_ll(d, mac);
	assert_memory_equal(d, want, sizeof(want));
}

static void test_elapsed(void **state)
{
	(void)state;
	assert_int_equal(dhcp6_elapsed(1000, 1000), 0);
	assert_int_equal(dhcp6_elapsed(1000, 500), 0);
	assert_int_equal(dhcp6_elapsed(1000, 1009), 0);
	assert_int_equal(dhcp6_elapsed(1000, 1010), 1);
	assert_int_equal(dhcp6_elapsed(0, 12345), 1234);
	assert_int_equal(dhcp6_elapsed(0, 655349), 65534);
	assert_int_equal(dhcp6_elapsed(0, 655350), 0xffff);
	assert_int_equal(dhcp6_elapsed(0, 655359), 0xffff);
	assert_int_equal(dhcp6_elapsed(0, 10000000), 0xffff);
	assert_int_equal(dhcp6_elapsed(0, UINT64_MAX), 0xffff);
}

/* RFC 8415 18.2 and Appendix B: which options each message carries. */
static void test_options_per_type(void **state)
{
	static const uint16_t sol[] = { 1, 3, 8, 6, 14 };
	static const uint16_t req[] = { 1, 2, 3, 8, 6 };
	static const uint16_t reb[] = { 1, 3, 8, 6 };
	static const uint16_t rel[] = { 1, 2, 3, 8 };

	(void)state;
	check_codes(DHCP6_SOLICIT, sol, ARRAY_SIZE(sol));
	check_codes(DHCP6_REQUEST, req, ARRAY_SIZE(req));
	check_codes(DHCP6_RENEW, req, ARRAY_SIZE(req));
	check_codes(DHCP6_REBIND, reb, ARRAY_SIZE(reb));
	check_codes(DHCP6_RELEASE, rel, ARRAY_SIZE(rel));
	check_codes(DHCP6_DECLINE, rel, ARRAY_SIZE(rel));
}

/* A Solicit without an address, byte for byte. */
static void test_solicit_bytes(void **state)
{
	static const uint8_t want[] = {
		1, 0xab, 0xcd, 0xef,
		CLIENTID,
		IA_HDR(12, 0x01020304, 0, 0),
		U16(8), U16(2), U16(0),
		U16(6), U16(2), U16(82),
		U16(14), U16(0),
	};
	uint8_t buf[DHCP6_MSG_MAX];
	size_t len;

	(void)state;
	len = build(DHCP6_SOLICIT, NULL, 0, buf, sizeof(buf));
	assert_int_equal(len, sizeof(want));
	assert_memory_equal(buf, want, sizeof(want));
}

/* A Renew, byte for byte: T1, T2 and the lifetimes are 0 (18.2.4). */
static void test_renew_bytes(void **state)
{
	static const uint8_t want[] = {
		5, 0xab, 0xcd, 0xef,
		CLIENTID,
		SERVERID,
		IA_HDR(40, 0x01020304, 0, 0),
		IAADDR(ADDR1, 0, 0),
		U16(8), U16(2), U16(0x1234),
		U16(6), U16(2), U16(82),
	};
	struct in6_addr a = addr_of("2001:db8::1");
	uint8_t buf[DHCP6_MSG_MAX];
	size_t len;

	(void)state;
	len = build(DHCP6_RENEW, &a, 0x1234, buf, sizeof(buf));
	assert_int_equal(len, sizeof(want));
	assert_memory_equal(buf, want, sizeof(want));
}

/* A Renew about two addresses: the one held and the one to move to. */
static void test_renew_two_addrs(void **state)
{
	static const uint8_t want[] = {
		5, 0xab, 0xcd, 0xef,
		CLIENTID,
		SERVERID,
		IA_HDR(68, 0x01020304, 0, 0),
		IAADDR(ADDR1, 0, 0),
		IAADDR(ADDR2, 0, 0),
		U16(8), U16(2), U16(0),
		U16(6), U16(2), U16(82),
	};
	struct in6_addr a = addr_of("2001:db8::1"), b = addr_of("2001:db8::2");
	struct dhcp6_out m = {
		.type = DHCP6_RENEW,
		.xid = 0xabcdef,
		.client_duid = duid,
		.client_duid_len = sizeof(duid),
		.server_duid = srv_duid,
		.server_duid_len = sizeof(srv_duid),
		.iaid = 0x01020304,
		.addr = &a,
		.addr2 = &b,
	};
	uint8_t buf[DHCP6_MSG_MAX];
	size_t len;

	(void)state;
	len = dhcp6_build(&m, buf, sizeof(buf));
	assert_int_equal(len, sizeof(want));
	assert_memory_equal(buf, want, sizeof(want));
}

/* Each type parses back with what it was built with. */
static void test_build_parse_back(void **state)
{
	static const enum dhcp6_type types[] = {
		DHCP6_SOLICIT, DHCP6_REQUEST, DHCP6_RENEW, DHCP6_REBIND,
		DHCP6_RELEASE, DHCP6_DECLINE,
	};
	struct in6_addr a = addr_of("2001:db8::1");
	uint8_t buf[DHCP6_MSG_MAX];
	struct dhcp6_parsed p;
	const char *why = NULL;
	size_t i, len;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(types); i++) {
		bool server = types[i] != DHCP6_SOLICIT &&
			      types[i] != DHCP6_REBIND;
		bool oro = types[i] != DHCP6_RELEASE &&
			   types[i] != DHCP6_DECLINE;

		len = build(types[i], &a, 77, buf, sizeof(buf));
		assert_true(len);
		assert_int_equal(dhcp6_parse(buf, len, &p, &why), 0);
		assert_int_equal(p.type, types[i]);
		assert_int_equal(p.xid, 0xabcdef);
		assert_int_equal(p.clientid_len, sizeof(duid));
		assert_memory_equal(p.clientid, duid, sizeof(duid));
		assert_int_equal(p.serverid_len, server ? sizeof(srv_duid) : 0);
		assert_true(p.has_elapsed);
		assert_int_equal(p.elapsed, 77);
		assert_int_equal(p.has_oro, oro);
		if (oro) {
			assert_int_equal(p.n_oro, 1);
			assert_int_equal(p.oro[0], DHCP6_OPT_SOL_MAX_RT);
		}
		assert_int_equal(p.rapid_commit, types[i] == DHCP6_SOLICIT);
		assert_int_equal(p.n_ia, 1);
		assert_int_equal(p.ia[0].iaid, 0x01020304);
		assert_int_equal(p.ia[0].t1, 0);
		assert_int_equal(p.ia[0].t2, 0);
		assert_int_equal(p.ia[0].n_addrs, 1);
		assert_memory_equal(&p.ia[0].addrs[0].addr, &a, sizeof(a));
		assert_int_equal(p.ia[0].addrs[0].preferred, 0);
		assert_int_equal(p.ia[0].addrs[0].valid, 0);
	}
}

static void test_build_xid_24_bits(void **state)
{
	struct dhcp6_out m = {
		.type = DHCP6_SOLICIT, .xid = 0xff123456,
		.client_duid = duid, .client_duid_len = sizeof(duid),
	};
	uint8_t buf[DHCP6_MSG_MAX];

	(void)state;
	assert_true(dhcp6_build(&m, buf, sizeof(buf)));
	assert_int_equal(buf[1], 0x12);
	assert_int_equal(buf[2], 0x34);
	assert_int_equal(buf[3], 0x56);
}

static void test_build_refuses(void **state)
{
	static const uint8_t long_duid[DHCP6_DUID_MAX + 1] = { 0 };
	struct dhcp6_out m = {
		.type = DHCP6_REQUEST,
		.client_duid = duid, .client_duid_len = sizeof(duid),
	};
	uint8_t buf[DHCP6_MSG_MAX];

	(void)state;
	/* Request, Renew, Release, Decline need the server's DUID */
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.type = DHCP6_RENEW;
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.type = DHCP6_RELEASE;
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.type = DHCP6_DECLINE;
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.server_duid = long_duid;
	m.server_duid_len = sizeof(long_duid);
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.server_duid_len = DHCP6_DUID_MAX;
	assert_true(dhcp6_build(&m, buf, sizeof(buf)));
	/* not a client message */
	m.type = DHCP6_ADVERTISE;
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.type = DHCP6_REPLY;
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.type = DHCP6_CONFIRM;
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	/* our own DUID: 1..130 bytes */
	m.type = DHCP6_SOLICIT;
	m.client_duid_len = 0;
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
	m.client_duid = long_duid;
	m.client_duid_len = sizeof(long_duid);
	assert_int_equal(dhcp6_build(&m, buf, sizeof(buf)), 0);
}

/* Every buffer too small fails, and nothing is written past its end. */
static void test_build_overflow(void **state)
{
	struct in6_addr a = addr_of("2001:db8::1");
	uint8_t buf[DHCP6_MSG_MAX + 16];
	size_t full, size, i;

	(void)state;
	full = build(DHCP6_RENEW, &a, 1, buf, sizeof(buf));
	assert_true(full > 40);
	for (size = 0; size < full; size++) {
		memset(buf, 0xa5, sizeof(buf));
		assert_int_equal(build(DHCP6_RENEW, &a, 1, buf, size), 0);
		for (i = size; i < sizeof(buf); i++)
			assert_int_equal(buf[i], 0xa5);
	}
	assert_int_equal(build(DHCP6_RENEW, &a, 1, buf, full), full);
}

static void test_writer(void **state)
{
	uint8_t buf[8];
	struct dhcp6_writer w;
	size_t start;

	(void)state;
	memset(buf, 0, sizeof(buf));
	dhcp6_writer_init(&w, buf, sizeof(buf));
	start = dhcp6_opt_begin(&w, 0x1234);
	dhcp6_put_u16(&w, 0xabcd);
	dhcp6_opt_end(&w, start);
	assert_int_equal(dhcp6_writer_end(&w), 6);
	assert_int_equal(buf[2], 0);
	assert_int_equal(buf[3], 2);
	/* 4 bytes do not fit in the 2 left: overflow sticks */
	dhcp6_put_u32(&w, 0xffffffff);
	assert_true(w.overflow);
	dhcp6_put_u8(&w, 0xff);
	assert_int_equal(dhcp6_writer_end(&w), 0);
	assert_int_equal(buf[6], 0);
	assert_int_equal(buf[7], 0);
	/* an option longer than 0xffff cannot be */
	dhcp6_writer_init(&w, buf, sizeof(buf));
	dhcp6_put_option(&w, 1, buf, 0x10000);
	assert_int_equal(dhcp6_writer_end(&w), 0);
}

/* ---- Parsing ---- */

static void parse_ok(const uint8_t *msg, size_t len, struct dhcp6_parsed *p)
{
	const char *why = NULL;

	if (dhcp6_parse(msg, len, p, &why))
		fail_msg("rejected: %s", why);
}

static void parse_bad(const uint8_t *msg, size_t len, const char *want)
{
	struct dhcp6_parsed p;
	const char *why = NULL;

	assert_int_equal(dhcp6_parse(msg, len, &p, &why), -1);
	assert_non_null(why);
	if (want && !strstr(why, want))
		fail_msg("reason \"%s\", want \"%s\"", why, want);
}

static const uint8_t advertise[] = {
	2, 0x12, 0x34, 0x56,
	CLIENTID,
	SERVERID,
	IA_HDR(12 + 28 + 6, 7, 1000, 2000),
		IAADDR(ADDR1, 3600, 7200),
		U16(13), U16(2), U16(0),
	U16(7), U16(1), 200,
	U16(82), U16(4), U32(120),
};

static void test_parse_advertise(void **state)
{
	struct in6_addr a1 = addr_of("2001:db8::1");
	struct dhcp6_parsed p;

	(void)state;
	parse_ok(advertise, sizeof(advertise), &p);
	assert_int_equal(p.type, DHCP6_ADVERTISE);
	assert_int_equal(p.xid, 0x123456);
	assert_int_equal(p.clientid_len, sizeof(duid));
	assert_memory_equal(p.clientid, duid, sizeof(duid));
	assert_int_equal(p.serverid_len, sizeof(srv_duid));
	assert_memory_equal(p.serverid, srv_duid, sizeof(srv_duid));
	assert_int_equal(p.status, DHCP6_STATUS_NONE);
	assert_true(p.has_preference);
	assert_int_equal(p.preference, 200);
	assert_false(p.rapid_commit);
	assert_int_equal(p.sol_max_rt, 120);
	assert_int_equal(p.n_ia, 1);
	assert_int_equal(p.ia[0].iaid, 7);
	assert_int_equal(p.ia[0].t1, 1000);
	assert_int_equal(p.ia[0].t2, 2000);
	assert_int_equal(p.ia[0].status, DHCP6_ST_SUCCESS);
	assert_int_equal(p.ia[0].n_addrs, 1);
	assert_memory_equal(&p.ia[0].addrs[0].addr, &a1, sizeof(a1));
	assert_int_equal(p.ia[0].addrs[0].preferred, 3600);
	assert_int_equal(p.ia[0].addrs[0].valid, 7200);
	assert_int_equal(p.ia[0].addrs[0].status, DHCP6_STATUS_NONE);
	assert_ptr_equal(dhcp6_find_ia(&p, 7), &p.ia[0]);
	assert_null(dhcp6_find_ia(&p, 8));
}

static void test_parse_reply(void **state)
{
	static const uint8_t msg[] = {
		7, 0, 0, 1,
		U16(14), U16(0),
		SERVERID,
		CLIENTID,
		U16(13), U16(2 + 4), U16(0), 'o', 'k', '\n', 0xff,
		IA_HDR(12 + 2 * 28, 1, 0, 0),
			IAADDR(ADDR1, 100, 200),
			IAADDR(ADDR2, 0xffffffff, 0xffffffff),
		IA_HDR(12, 2, 5, 6),
	};
	struct in6_addr a2 = addr_of("2001:db8::2");
	struct dhcp6_parsed p;

	(void)state;
	parse_ok(msg, sizeof(msg), &p);
	assert_int_equal(p.type, DHCP6_REPLY);
	assert_int_equal(p.xid, 1);
	assert_true(p.rapid_commit);
	assert_false(p.has_preference);
	assert_int_equal(p.sol_max_rt, 0);
	assert_int_equal(p.status, DHCP6_ST_SUCCESS);
	assert_string_equal(p.status_msg, "ok??");
	assert_int_equal(p.n_ia, 2);
	assert_int_equal(p.ia[0].n_addrs, 2);
	assert_memory_equal(&p.ia[0].addrs[1].addr, &a2, sizeof(a2));
	assert_int_equal(p.ia[0].addrs[1].valid, DHCP6_INFINITY);
	assert_int_equal(p.ia[1].iaid, 2);
	assert_int_equal(p.ia[1].n_addrs, 0);
	assert_int_equal(p.ia[1].status, DHCP6_STATUS_NONE);
}

static void test_parse_truncated_header(void **state)
{
	static const uint8_t msg[] = { 7, 0, 0 };
	size_t len;

	(void)state;
	for (len = 0; len < DHCP6_HDR_LEN; len++)
		parse_bad(msg, len, "truncated header");
}

static void test_parse_option_past_end(void **state)
{
	static const uint8_t past[] = {
		7, 0, 0, 1, CLIENTID, U16(2), U16(8), SRV_DUID,
	};
	static const uint8_t half_header[] = { 7, 0, 0, 1, CLIENTID, 0, 2 };
	static const uint8_t len_ffff[] = { 7, 0, 0, 1, U16(9), U16(0xffff) };

	(void)state;
	parse_bad(past, sizeof(past), "past its container");
	parse_bad(half_header, sizeof(half_header), "past its container");
	parse_bad(len_ffff, sizeof(len_ffff), "past its container");
}

/* A sub-option running past its IA_NA, though not past the message. */
static void test_parse_suboption_past_container(void **state)
{
	static const uint8_t in_ia[] = {
		7, 0, 0, 1,
		IA_HDR(12 + 27, 1, 0, 0),
			IAADDR(ADDR1, 1, 2),
	};
	static const uint8_t in_iaaddr[] = {
		7, 0, 0, 1,
		IA_HDR(12 + 28 + 6, 1, 0, 0),
			U16(5), U16(24 + 6), ADDR1, U32(1), U32(2),
				U16(13), U16(3), U16(2), 'x',
		U16(99), U16(0),
	};

	(void)state;
	parse_bad(in_ia, sizeof(in_ia), "past its container");
	parse_bad(in_iaaddr, sizeof(in_iaaddr), "past its container");
}

static void test_parse_short_ia(void **state)
{
	static const uint8_t ia_11[] = {
		7, 0, 0, 1, U16(3), U16(11), U32(1), U32(0), 0, 0, 0,
	};
	static const uint8_t iaaddr_23[] = {
		7, 0, 0, 1,
		IA_HDR(12 + 27, 1, 0, 0),
			U16(5), U16(23), ADDR1, U32(1), 0, 0, 0,
	};

	(void)state;
	parse_bad(ia_11, sizeof(ia_11), "IA_NA option shorter than 12");
	parse_bad(iaaddr_23, sizeof(iaaddr_23),
		  "IAADDR option shorter than 24");
}

static void test_parse_status_codes(void **state)
{
	static const uint8_t msg[] = {
		7, 0, 0, 1,
		IA_HDR(12 + 6 + 28 + 6, 1, 0, 0),
			U16(13), U16(2), U16(DHCP6_ST_NO_ADDRS_AVAIL),
			U16(5), U16(24 + 6), ADDR1, U32(1), U32(2),
				U16(13), U16(2), U16(DHCP6_ST_NOT_ON_LINK),
		U16(13), U16(5), U16(DHCP6_ST_UNSPEC_FAIL), 'b', 'a', 'd',
	};
	static const uint8_t short_status[] = {
		7, 0, 0, 1, U16(13), U16(1), 0,
	};
	static const uint8_t two_in_ia[] = {
		7, 0, 0, 1,
		IA_HDR(12 + 12, 1, 0, 0),
			U16(13), U16(2), U16(0),
			U16(13), U16(2), U16(2),
	};
	static const uint8_t two_top[] = {
		7, 0, 0, 1,
		U16(13), U16(2), U16(0),
		U16(13), U16(2), U16(0),
	};
	struct dhcp6_parsed p;

	(void)state;
	parse_ok(msg, sizeof(msg), &p);
	assert_int_equal(p.status, DHCP6_ST_UNSPEC_FAIL);
	assert_string_equal(p.status_msg, "bad");
	assert_int_equal(p.ia[0].status, DHCP6_ST_NO_ADDRS_AVAIL);
	assert_int_equal(p.ia[0].addrs[0].status, DHCP6_ST_NOT_ON_LINK);
	parse_bad(short_status, sizeof(short_status), "shorter than 2");
	parse_bad(two_in_ia, sizeof(two_in_ia), "duplicate Status Code");
	parse_bad(two_top, sizeof(two_top), "duplicate Status Code");
}

static void test_parse_duplicates(void **state)
{
	static const uint8_t two_servers[] = {
		7, 0, 0, 1, SERVERID, CLIENTID, SERVERID,
	};
	static const uint8_t two_clients[] = {
		7, 0, 0, 1, CLIENTID, CLIENTID,
	};
	static const uint8_t two_prefs[] = {
		2, 0, 0, 1, U16(7), U16(1), 1, U16(7), U16(1), 2,
	};
	static const uint8_t two_rapid[] = {
		7, 0, 0, 1, U16(14), U16(0), U16(14), U16(0),
	};
	static const uint8_t two_sol_max_rt[] = {
		7, 0, 0, 1, U16(82), U16(4), U32(100), U16(82), U16(4),
		U32(100),
	};
	static const uint8_t two_ia_same_iaid[] = {
		7, 0, 0, 1, IA_HDR(12, 5, 0, 0), IA_HDR(12, 5, 0, 0),
	};

	(void)state;
	parse_bad(two_servers, sizeof(two_servers), "duplicate Server ID");
	parse_bad(two_clients, sizeof(two_clients), "duplicate Client ID");
	parse_bad(two_prefs, sizeof(two_prefs), "duplicate Preference");
	parse_bad(two_rapid, sizeof(two_rapid), "duplicate Rapid Commit");
	parse_bad(two_sol_max_rt, sizeof(two_sol_max_rt), "duplicate SOL_MAX");
	parse_bad(two_ia_same_iaid, sizeof(two_ia_same_iaid), "same IAID");
}

static void test_parse_unknown_skipped(void **state)
{
	static const uint8_t msg[] = {
		7, 0, 0, 1,
		U16(23), U16(16), ADDR2,		/* DNS servers */
		U16(0xfff0), U16(0),
		CLIENTID,
		IA_HDR(12 + 5 + 28 + 4, 9, 0, 0),
			U16(26), U16(1), 0,		/* IAPREFIX? */
			U16(5), U16(24 + 4), ADDR1, U32(1), U32(2),
				U16(1234), U16(0),
		U16(4242), U16(3), 1, 2, 3,
	};
	struct dhcp6_parsed p;

	(void)state;
	parse_ok(msg, sizeof(msg), &p);
	assert_int_equal(p.clientid_len, sizeof(duid));
	assert_int_equal(p.n_ia, 1);
	assert_int_equal(p.ia[0].iaid, 9);
	assert_int_equal(p.ia[0].n_addrs, 1);
	assert_int_equal(p.ia[0].addrs[0].valid, 2);
}

static void test_parse_duid_lengths(void **state)
{
	static const uint8_t empty_server[] = { 7, 0, 0, 1, U16(2), U16(0) };
	static const uint8_t empty_client[] = { 7, 0, 0, 1, U16(1), U16(0) };
	uint8_t msg[DHCP6_HDR_LEN + 4 + DHCP6_DUID_MAX + 1] = { 7, 0, 0, 1 };
	struct dhcp6_parsed p;

	(void)state;
	parse_bad(empty_server, sizeof(empty_server), "empty DUID");
	parse_bad(empty_client, sizeof(empty_client), "empty DUID");
	memset(msg + 8, 0x5a, DHCP6_DUID_MAX + 1);
	msg[5] = 2;
	msg[7] = DHCP6_DUID_MAX + 1;
	parse_bad(msg, sizeof(msg), "DUID longer than 130");
	msg[7] = DHCP6_DUID_MAX;
	parse_ok(msg, sizeof(msg) - 1, &p);
	assert_int_equal(p.serverid_len, DHCP6_DUID_MAX);
	msg[7] = 1;
	parse_ok(msg, DHCP6_HDR_LEN + 5, &p);
	assert_int_equal(p.serverid_len, 1);
}

static void test_parse_sol_max_rt(void **state)
{
	static const struct {
		uint32_t v, kept;
	} cases[] = {
		{ 0, 0 }, { 59, 0 }, { 60, 60 }, { 3600, 3600 },
		{ 86400, 86400 }, { 86401, 0 }, { 0xffffffff, 0 },
	};
	uint8_t msg[] = { 7, 0, 0, 1, U16(82), U16(4), U32(0) };
	static const uint8_t bad_len[] = { 7, 0, 0, 1, U16(82), U16(3), 0,
					   0, 60 };
	struct dhcp6_parsed p;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		msg[8] = (uint8_t)(cases[i].v >> 24);
		msg[9] = (uint8_t)(cases[i].v >> 16);
		msg[10] = (uint8_t)(cases[i].v >> 8);
		msg[11] = (uint8_t)cases[i].v;
		parse_ok(msg, sizeof(msg), &p);
		assert_int_equal(p.sol_max_rt, cases[i].kept);
	}
	parse_bad(bad_len, sizeof(bad_len), "SOL_MAX_RT option length");
}

static void test_parse_fixed_lengths(void **state)
{
	static const uint8_t pref_2[] = { 2, 0, 0, 1, U16(7), U16(2), 1, 2 };
	static const uint8_t pref_0[] = { 2, 0, 0, 1, U16(7), U16(0) };
	static const uint8_t rapid_1[] = { 7, 0, 0, 1, U16(14), U16(1), 0 };
	static const uint8_t elapsed_3[] = { 7, 0, 0, 1, U16(8), U16(3), 0,
					     0, 0 };
	static const uint8_t oro_odd[] = { 7, 0, 0, 1, U16(6), U16(3), 0, 82,
					   0 };

	(void)state;
	parse_bad(pref_2, sizeof(pref_2), "Preference option length");
	parse_bad(pref_0, sizeof(pref_0), "Preference option length");
	parse_bad(rapid_1, sizeof(rapid_1), "Rapid Commit option length");
	parse_bad(elapsed_3, sizeof(elapsed_3), "Elapsed Time option length");
	parse_bad(oro_odd, sizeof(oro_odd), "odd length");
}

/* Only so many IA_NAs and IAADDRs are kept; the rest is still checked. */
static void test_parse_bounds(void **state)
{
	uint8_t msg[DHCP6_HDR_LEN + 8 * (16 + 6 * 28)] = { 7, 0, 0, 1 };
	struct dhcp6_writer w;
	struct dhcp6_parsed p;
	const char *why;
	uint32_t i, j;

	(void)state;
	dhcp6_writer_init(&w, msg, sizeof(msg));
	w.len = DHCP6_HDR_LEN;
	for (i = 0; i < 8; i++) {
		size_t ia = dhcp6_opt_begin(&w, DHCP6_OPT_IA_NA);

		dhcp6_put_u32(&w, i);
		dhcp6_put_u32(&w, 0);
		dhcp6_put_u32(&w, 0);
		for (j = 0; j < 6; j++) {
			size_t a = dhcp6_opt_begin(&w, DHCP6_OPT_IAADDR);
			struct in6_addr addr = { { { 0x20, 1, 0x0d, 0xb8 } } };

			addr.s6_addr[15] = (uint8_t)j;
			dhcp6_put_bytes(&w, &addr, sizeof(addr));
			dhcp6_put_u32(&w, j);
			dhcp6_put_u32(&w, j);
			dhcp6_opt_end(&w, a);
		}
		dhcp6_opt_end(&w, ia);
	}
	assert_true(dhcp6_writer_end(&w));
	parse_ok(msg, w.len, &p);
	assert_int_equal(p.n_ia, DHCP6_MAX_IA);
	for (i = 0; i < DHCP6_MAX_IA; i++) {
		assert_int_equal(p.ia[i].iaid, i);
		assert_int_equal(p.ia[i].n_addrs, DHCP6_MAX_IAADDR);
		assert_int_equal(p.ia[i].addrs[3].valid, 3);
	}
	/* a bad IAADDR in the last IA_NA, which is not kept */
	msg[w.len - 28 + 3] = 23;
	assert_int_equal(dhcp6_parse(msg, w.len, &p, &why), -1);
}

/* Any cut of a valid message parses or is rejected: only whole options. */
static void test_parse_every_cut(void **state)
{
	struct dhcp6_parsed p;
	const char *why;
	size_t len;

	(void)state;
	for (len = DHCP6_HDR_LEN; len < sizeof(advertise); len++) {
		int r = dhcp6_parse(advertise, len, &p, &why);
		/* option boundaries of the Advertise above */
		bool boundary = len == 4 || len == 18 || len == 29 ||
				len == 79 || len == 84;

		assert_int_equal(r, boundary ? 0 : -1);
	}
}

static void test_parse_relay_rejected(void **state)
{
	static const uint8_t relay[] = { 13, 0, 0, 1, 0, 0 };

	(void)state;
	parse_bad(relay, sizeof(relay), "relay");
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(dhcp6_status_name(DHCP6_ST_NO_ADDRS_AVAIL),
			    "NoAddrsAvail");
	assert_string_equal(dhcp6_status_name(DHCP6_ST_NO_BINDING),
			    "NoBinding");
	assert_string_equal(dhcp6_status_name(-1), "unknown");
	assert_string_equal(dhcp6_status_name(999), "unknown");
	assert_string_equal(dhcp6_type_name(DHCP6_REPLY), "Reply");
	assert_string_equal(dhcp6_type_name(0), "unknown");
	assert_string_equal(dhcp6_type_name(200), "unknown");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_duid_ll),
		cmocka_unit_test(test_elapsed),
		cmocka_unit_test(test_options_per_type),
		cmocka_unit_test(test_solicit_bytes),
		cmocka_unit_test(test_renew_bytes),
		cmocka_unit_test(test_renew_two_addrs),
		cmocka_unit_test(test_build_parse_back),
		cmocka_unit_test(test_build_xid_24_bits),
		cmocka_unit_test(test_build_refuses),
		cmocka_unit_test(test_build_overflow),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_parse_advertise),
		cmocka_unit_test(test_parse_reply),
		cmocka_unit_test(test_parse_truncated_header),
		cmocka_unit_test(test_parse_option_past_end),
		cmocka_unit_test(test_parse_suboption_past_container),
		cmocka_unit_test(test_parse_short_ia),
		cmocka_unit_test(test_parse_status_codes),
		cmocka_unit_test(test_parse_duplicates),
		cmocka_unit_test(test_parse_unknown_skipped),
		cmocka_unit_test(test_parse_duid_lengths),
		cmocka_unit_test(test_parse_sol_max_rt),
		cmocka_unit_test(test_parse_fixed_lengths),
		cmocka_unit_test(test_parse_bounds),
		cmocka_unit_test(test_parse_every_cut),
		cmocka_unit_test(test_parse_relay_rejected),
		cmocka_unit_test(test_names),
	};

	/* The number of failures, which an exit status could wrap round. */
	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
