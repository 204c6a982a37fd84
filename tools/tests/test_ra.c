// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/ra.c: Router Advertisements built by hand, the
 * Router Solicitation, and RFC 7050 prefix discovery.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "ra.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* An RA being built: the header, then options appended. */
struct pkt {
	uint8_t b[1500];
	size_t len;
};

static void ra_start(struct pkt *p, uint8_t flags, uint16_t lifetime)
{
	memset(p, 0, sizeof(*p));
	p->b[0] = 134;
	p->b[4] = 64;		/* cur hop limit */
	p->b[5] = flags;
	p->b[6] = (uint8_t)(lifetime >> 8);
	p->b[7] = (uint8_t)lifetime;
	p->len = 16;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static struct in6_addr addr6(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

#define assert_addr6(a, s) do { \
	struct in6_addr want_ = addr6(s); \
	assert_memory_equal((a), &want_, sizeof(want_)); \
} while (0)

/* Append an option of @units 8-byte units, returning its start. */
static uint8_t *add_opt(struct pkt *p, uint8_t type, uint8_t units)
{
	uint8_t *o = p->b + p->len;

	assert_true(p->len + units * 8u <= sizeof(p->b));
	o[0] = type;
	o[1] = units;
	p->len += units * 8u;
	return o;
}

static void add_prefix(struct pkt *p, const char *prefix, uint8_t len,
		       uint8_t flags, uint32_t valid, uint32_t preferred)
{
	uint8_t *o = add_opt(p, 3, 4);
	struct in6_addr a = addr6(prefix);

	o[2] = len;
	o[3] = flags;
	put32(o + 4, valid);
	put32(o + 8, preferred);
	memcpy(o + 16, &a, 16);
}

static void add_pref64(struct pkt *p, const char *prefix, uint16_t scaled,
		       uint8_t plc)
{
	uint8_t *o = add_opt(p, 38, 2);
	struct in6_addr a = addr6(prefix);
	uint16_t v = (uint16_t)(scaled << 3 | plc);

	o[2] = (uint8_t)(v >> 8);
	o[3] = (uint8_t)v;
	memcpy(o + 4, &a, 12);
}

static void add_mtu(struct pkt *p, uint32_t mtu)
{
	put32(add_opt(p, 5, 1) + 4, mtu);
}

static void parse_ok(const struct pkt *p, struct ra_info *ra)
{
	const char *why = NULL;

	if (ra_parse(p->b, p->len, ra, &why))
		fail_msg("ra_parse failed: %s", why);
}

static void parse_fails(const uint8_t *b, size_t len, const char *what)
{
	struct ra_info ra;
	const char *why = NULL;

	assert_int_equal(ra_parse(b, len, &ra, &why), -1);
	assert_non_null(why);
	if (!strstr(why, what))
		fail_msg("\"%s\" does not say \"%s\"", why, what);
}

static void test_flags(void **state)
{
	static const struct {
		uint8_t flags;
		bool managed, other;
	} cases[] = {
		{ 0x00, false, false }, { 0x80, true, false },
		{ 0x40, false, true }, { 0xc0, true, true },
		{ 0x3f, false, false }, { 0xff, true, true },
	};
	struct ra_info ra;
	struct pkt p;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		ra_start(&p, cases[i].flags, 1800);
		parse_ok(&p, &ra);
		assert_int_equal(ra.managed, cases[i].managed);
		assert_int_equal(ra.other, cases[i].other);
		assert_int_equal(ra.router_lifetime, 1800);
		assert_int_equal(ra.n_prefixes, 0);
		assert_int_equal(ra.mtu, 0);
		assert_false(ra.has_pref64);
	}
	ra_start(&p, 0, 0);
	parse_ok(&p, &ra);
	assert_int_equal(ra.router_lifetime, 0);
	ra_start(&p, 0, 0xffff);
	parse_ok(&p, &ra);
	assert_int_equal(ra.router_lifetime, 0xffff);
}

static void test_prefixes(void **state)
{
	struct ra_info ra;
	struct pkt p;

	(void)state;
	ra_start(&p, 0, 1800);
	add_prefix(&p, "2001:db8:1::", 64, 0xc0, 86400, 14400);
	add_prefix(&p, "2001:db8:2::", 64, 0x80, 0xffffffff, 0xffffffff);
	add_prefix(&p, "2001:db8:3::", 64, 0x40, 0, 0);
	add_prefix(&p, "2001:db8:4::", 48, 0x00, 10, 5);
	/* Bits past the length are cleared; reserved flag bits ignored. */
	add_prefix(&p, "2001:db8:5:ffff:1::1", 63, 0xff, 100, 100);
	add_prefix(&p, "2001:db8:6::1", 128, 0xc0, 100, 100);
	add_prefix(&p, "2001:db8:7::1", 0, 0xc0, 100, 100);
	parse_ok(&p, &ra);
	assert_int_equal(ra.n_prefixes, 7);
	assert_int_equal(ra.n_prefixes_dropped, 0);

	assert_addr6(&ra.prefixes[0].prefix, "2001:db8:1::");
	assert_int_equal(ra.prefixes[0].len, 64);
	assert_true(ra.prefixes[0].onlink);
	assert_true(ra.prefixes[0].autonomous);
	assert_int_equal(ra.prefixes[0].valid, 86400);
	assert_int_equal(ra.prefixes[0].preferred, 14400);

	assert_true(ra.prefixes[1].onlink);
	assert_false(ra.prefixes[1].autonomous);
	assert_int_equal(ra.prefixes[1].valid, 0xffffffff);
	assert_int_equal(ra.prefixes[1].preferred, 0xffffffff);

	assert_false(ra.prefixes[2].onlink);
	assert_true(ra.prefixes[2].autonomous);
	assert_int_equal(ra.prefixes[2].valid, 0);

	assert_false(ra.prefixes[3].onlink);
	assert_false(ra.prefixes[3].autonomous);
	assert_int_equal(ra.prefixes[3].len, 48);
	assert_int_equal(ra.prefixes[3].valid, 10);
	assert_int_equal(ra.prefixes[3].preferred, 5);

	assert_addr6(&ra.prefixes[4].prefix, "2001:db8:5:fffe::");
	assert_int_equal(ra.prefixes[4].len, 63);
	assert_true(ra.prefixes[4].onlink && ra.prefixes[4].autonomous);

	assert_addr6(&ra.prefixes[5].prefix, "2001:db8:6::1");
	assert_int_equal(ra.prefixes[5].len, 128);
	assert_addr6(&ra.prefixes[6].prefix, "::");
	assert_int_equal(ra.prefixes[6].len, 0);
}

/* RFC 4862 section 5.5.3's options to ignore, and those of a bad length. */
static void test_prefixes_ignored(void **state)
{
	struct ra_info ra;
	struct pkt p;
	uint8_t *o;

	(void)state;
	ra_start(&p, 0, 1800);
	add_prefix(&p, "2001:db8:1::", 129, 0xc0, 100, 100);
	add_prefix(&p, "2001:db8:1::", 255, 0xc0, 100, 100);
	add_prefix(&p, "fe80::", 64, 0xc0, 100, 100);
	add_prefix(&p, "febf:1::", 64, 0xc0, 100, 100);
	add_prefix(&p, "fe80::", 10, 0xc0, 100, 100);
	/* Link-local once the bits past the length are cleared. */
	add_prefix(&p, "fe80:ffff::1", 16, 0xc0, 100, 100);
	add_prefix(&p, "febf:ffff::1", 12, 0xc0, 100, 100);
	add_prefix(&p, "2001:db8:2::", 64, 0xc0, 100, 101);
	/* A Prefix Information option of length 3 or 5: skipped. */
	o = add_opt(&p, 3, 3);
	o[2] = 64;
	o[3] = 0xc0;
	o = add_opt(&p, 3, 5);
	o[2] = 64;
	o[3] = 0xc0;
	/* Not link-local: fec0::/10, and fe80::/9 (which holds more). */
	add_prefix(&p, "fec0::", 64, 0xc0, 100, 100);
	add_prefix(&p, "fefe::", 9, 0xc0, 100, 100);
	parse_ok(&p, &ra);
	assert_int_equal(ra.n_prefixes, 2);
	assert_int_equal(ra.n_prefixes_dropped, 0);
	assert_addr6(&ra.prefixes[0].prefix, "fec0::");
	assert_addr6(&ra.prefixes[1].prefix, "fe80::");
	assert_int_equal(ra.prefixes[1].len, 9);
}

static void test_too_many_prefixes(void **state)
{
	char s[INET6_ADDRSTRLEN];
	struct ra_info ra;
	struct pkt p;
	unsigned int i;

	(void)state;
	ra_start(&p, 0, 1800);
	for (i = 0; i < RA_MAX_PREFIXES + 3; i++) {
		snprintf(s, sizeof(s), "2001:db8:%x::", i + 1);
		add_prefix(&p, s, 64, 0xc0, 100, 50);
	}
	add_mtu(&p, 1492);
	parse_ok(&p, &ra);
	assert_int_equal(ra.n_prefixes, RA_MAX_PREFIXES);
	assert_int_equal(ra.n_prefixes_dropped, 3);
	for (i = 0; i < RA_MAX_PREFIXES; i++) {
		snprintf(s, sizeof(s), "2001:db8:%x::", i + 1);
		assert_addr6(&ra.prefixes[i].prefix, s);
	}
	/* Options after the dropped ones are still read. */
	assert_int_equal(ra.mtu, 1492);
}

static void test_mtu(void **state)
{
	struct ra_info ra;
	struct pkt p;
	uint8_t *o;

	(void)state;
	ra_start(&p, 0, 1800);
	add_mtu(&p, 1500);
	parse_ok(&p, &ra);
	assert_int_equal(ra.mtu, 1500);

	/* The first counts; below 1280 or of a bad length is ignored. */
	ra_start(&p, 0, 1800);
	add_mtu(&p, 1279);
	o = add_opt(&p, 5, 2);
	put32(o + 4, 1400);
	add_mtu(&p, 1280);
	add_mtu(&p, 9000);
	parse_ok(&p, &ra);
	assert_int_equal(ra.mtu, 1280);

	ra_start(&p, 0, 1800);
	add_mtu(&p, 0xffffffff);
	parse_ok(&p, &ra);
	assert_int_equal(ra.mtu, 0xffffffff);
}

static void test_malformed(void **state)
{
	struct pkt p;
	size_t n;

	(void)state;
	ra_start(&p, 0, 1800);
	parse_fails(p.b, 0, "shorter");
	for (n = 1; n < 16; n++)
		parse_fails(p.b, n, "shorter");
	p.b[0] = 133;
	parse_fails(p.b, 16, "not a Router Advertisement");
	p.b[0] = 134;
	p.b[1] = 1;
	parse_fails(p.b, 16, "not a Router Advertisement");

	/* An option of length 0, alone or after a good one. */
	ra_start(&p, 0, 1800);
	add_opt(&p, 3, 1)[1] = 0;
	parse_fails(p.b, p.len, "length 0");
	ra_start(&p, 0, 1800);
	add_mtu(&p, 1500);
	add_opt(&p, 99, 1)[1] = 0;
	parse_fails(p.b, p.len, "length 0");

	/* Past the end: by one unit, by a byte, a lone type byte. */
	ra_start(&p, 0, 1800);
	add_prefix(&p, "2001:db8::", 64, 0xc0, 100, 100);
	parse_fails(p.b, p.len - 8, "past the end");
	parse_fails(p.b, p.len - 1, "past the end");
	ra_start(&p, 0, 1800);
	add_mtu(&p, 1500);
	p.b[p.len + 1] = 1;
	parse_fails(p.b, p.len + 1, "truncated");
	parse_fails(p.b, p.len + 2, "past the end");
	ra_start(&p, 0, 1800);
	add_opt(&p, 1, 1)[1] = 255;
	parse_fails(p.b, p.len, "past the end");
}

/* Options of unknown types are skipped, whatever their length. */
static void test_unknown_options(void **state)
{
	struct ra_info ra;
	struct pkt p;

	(void)state;
	ra_start(&p, 0x80, 600);
	add_opt(&p, 1, 1);		/* source link-layer address */
	add_opt(&p, 25, 3);		/* RDNSS */
	add_opt(&p, 200, 7);
	add_mtu(&p, 1500);
	parse_ok(&p, &ra);
	assert_true(ra.managed);
	assert_int_equal(ra.mtu, 1500);
}

static void test_pref64_plc(void **state)
{
	static const struct {
		uint8_t plc, len;
		const char *prefix;
	} cases[] = {
		{ 0, 96, "2001:db8:1:2ff:3:4::" },
		{ 1, 64, "2001:db8:1:2ff::" },
		{ 2, 56, "2001:db8:1:200::" },
		{ 3, 48, "2001:db8:1::" },
		{ 4, 40, "2001:db8::" },
		{ 5, 32, "2001:db8::" },
	};
	struct ra_info ra;
	struct pkt p;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		ra_start(&p, 0, 1800);
		/* Every bit of the 96 set: those past the length go. */
		add_pref64(&p, "2001:db8:1:2ff:3:4::", 225, cases[i].plc);
		memset(p.b + p.len - 12 + cases[i].len / 8, 0xff,
		       12 - cases[i].len / 8);
		parse_ok(&p, &ra);
		assert_true(ra.has_pref64);
		assert_int_equal(ra.pref64_len, cases[i].len);
		assert_int_equal(ra.pref64_lifetime, 1800);
		assert_addr6(&ra.pref64, cases[i].prefix);
	}
	/* The well-known prefix, the last 32 bits ignored. */
	ra_start(&p, 0, 1800);
	add_pref64(&p, "64:ff9b::", 75, 0);
	memset(p.b + p.len - 4, 0, 4);
	parse_ok(&p, &ra);
	assert_addr6(&ra.pref64, "64:ff9b::");
	assert_int_equal(ra.pref64_lifetime, 600);
}

static void test_pref64_bad(void **state)
{
	struct ra_info ra;
	struct pkt p;
	uint8_t plc, *o;

	(void)state;
	for (plc = 6; plc <= 7; plc++) {
		ra_start(&p, 0, 1800);
		add_pref64(&p, "2001:db8::", 100, plc);
		parse_ok(&p, &ra);
		assert_false(ra.has_pref64);
		assert_int_equal(ra.pref64_len, 0);
	}
	/* Length 1 or 3: ignored, and the next one counts. */
	ra_start(&p, 0, 1800);
	o = add_opt(&p, 38, 1);
	o[3] = 0;
	o = add_opt(&p, 38, 3);
	o[3] = 1;
	add_pref64(&p, "2001:db8:bad::", 100, 7);
	add_pref64(&p, "64:ff9b::", 100, 0);
	add_pref64(&p, "2001:db8::", 200, 5);
	parse_ok(&p, &ra);
	assert_true(ra.has_pref64);
	assert_addr6(&ra.pref64, "64:ff9b::");
	assert_int_equal(ra.pref64_len, 96);
	assert_int_equal(ra.pref64_lifetime, 800);
}

static void test_pref64_lifetime(void **state)
{
	static const uint16_t scaled[] = { 0, 1, 2, 1000, 0x1000, 0x1fff };
	struct ra_info ra;
	struct pkt p;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(scaled); i++) {
		ra_start(&p, 0, 1800);
		add_pref64(&p, "64:ff9b::", scaled[i], 0);
		parse_ok(&p, &ra);
		assert_true(ra.has_pref64);
		assert_int_equal(ra.pref64_lifetime, scaled[i] * 8u);
	}
	assert_int_equal(ra.pref64_lifetime, 65528);
}

static void test_rs(void **state)
{
	static const uint8_t mac[6] = { 0x02, 0x00, 0x5e, 0x10, 0x20, 0xfe };
	static const uint8_t want[16] = {
		133, 0, 0, 0, 0, 0, 0, 0,
		1, 1, 0x02, 0x00, 0x5e, 0x10, 0x20, 0xfe,
	};
	uint8_t buf[64];
	size_t n;

	(void)state;
	memset(buf, 0xaa, sizeof(buf));
	assert_int_equal(ra_build_rs(buf, sizeof(buf), mac), sizeof(want));
	assert_memory_equal(buf, want, sizeof(want));
	assert_int_equal(buf[16], 0xaa);
	memset(buf, 0xaa, sizeof(buf));
	assert_int_equal(ra_build_rs(buf, 16, mac), 16);
	assert_memory_equal(buf, want, sizeof(want));
	for (n = 0; n < 16; n++) {
		memset(buf, 0xaa, sizeof(buf));
		assert_int_equal(ra_build_rs(buf, n, mac), 0);
		assert_int_equal(buf[0], 0xaa);
	}
}

/*
 * RFC 6052 section 2.2: @v4 embedded in @prefix/@len, the u octet (bits
 * 64..71) skipped, with @suffix in the bytes after (but the u octet).
 */
static struct in6_addr embed(const char *prefix, unsigned int len,
			     const uint8_t v4[4], uint8_t suffix)
{
	struct in6_addr a = addr6(prefix);
	unsigned int pos = len / 8, i;

	for (i = 0; i < 4; i++, pos++) {
		if (pos == 8)
			pos++;
		a.s6_addr[pos] = v4[i];
	}
	for (; pos < 16; pos++)
		if (pos != 8)
			a.s6_addr[pos] = suffix;
	return a;
}

static void test_aaaa_lengths(void **state)
{
	static const struct {
		const char *prefix;
		unsigned int len;
	} cases[] = {
		{ "64:ff9b::", 96 },
		{ "2001:db8:122:344::", 96 },
		{ "2001:db8:122:344::", 64 },
		{ "2001:db8:122:300::", 56 },
		{ "2001:db8:122::", 48 },
		{ "2001:db8:100::", 40 },
		{ "2001:db8::", 32 },
	};
	static const uint8_t wka[2][4] = {
		{ 192, 0, 0, 170 }, { 192, 0, 0, 171 },
	};
	struct in6_addr a[2], prefix;
	size_t i, w;
	uint8_t len;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		for (w = 0; w < 2; w++) {
			a[0] = embed(cases[i].prefix, cases[i].len, wka[w], 0);
			len = 0;
			assert_int_equal(pref64_from_aaaa(a, 1, &prefix, &len),
					 0);
			assert_int_equal(len, cases[i].len);
			assert_addr6(&prefix, cases[i].prefix);
		}
		/* The suffix (bits past the IPv4 address) is ignored. */
		if (cases[i].len < 96) {
			a[0] = embed(cases[i].prefix, cases[i].len, wka[0],
				     0x5a);
			assert_int_equal(pref64_from_aaaa(a, 1, &prefix, &len),
					 0);
			assert_int_equal(len, cases[i].len);
		}
		/* After an address without one, in a list of two. */
		a[0] = addr6("2001:db8::1");
		a[1] = embed(cases[i].prefix, cases[i].len, wka[1], 0);
		assert_int_equal(pref64_from_aaaa(a, 2, &prefix, &len), 0);
		assert_int_equal(len, cases[i].len);
		assert_addr6(&prefix, cases[i].prefix);
	}
}

static void test_aaaa_order(void **state)
{
	static const uint8_t v4[4] = { 192, 0, 0, 170 };
	struct in6_addr a[2], prefix;
	uint8_t len;

	(void)state;
	/* 192.0.0.170 at both /96 and /32: /96 is tried first. */
	a[0] = embed("2001:db8::", 32, v4, 0);
	a[0].s6_addr[12] = 192;
	a[0].s6_addr[13] = 0;
	a[0].s6_addr[14] = 0;
	a[0].s6_addr[15] = 171;
	assert_int_equal(pref64_from_aaaa(a, 1, &prefix, &len), 0);
	assert_int_equal(len, 96);
	assert_addr6(&prefix, "2001:db8:c000:aa::");

	/* The first address that has one wins. */
	a[0] = embed("2001:db8:1::", 48, v4, 0);
	a[1] = embed("64:ff9b::", 96, v4, 0);
	assert_int_equal(pref64_from_aaaa(a, 2, &prefix, &len), 0);
	assert_int_equal(len, 48);
	assert_addr6(&prefix, "2001:db8:1::");
}

static void test_aaaa_none(void **state)
{
	static const uint8_t other[4] = { 192, 0, 0, 172 };
	static const uint8_t v4[4] = { 192, 0, 0, 170 };
	struct in6_addr a[4], prefix = IN6ADDR_ANY_INIT;
	uint8_t len = 7;

	(void)state;
	memset(a, 0, sizeof(a));
	assert_int_equal(pref64_from_aaaa(a, 0, &prefix, &len), -1);
	a[0] = addr6("2001:db8::1");
	a[1] = embed("64:ff9b::", 96, other, 0);
	a[2] = addr6("::");
	a[3] = embed("2001:db8::", 64, other, 0);
	assert_int_equal(pref64_from_aaaa(a, 4, &prefix, &len), -1);

	/* A nonzero u octet: no RFC 6052 address, whatever the length. */
	a[0] = embed("2001:db8::", 32, v4, 0);
	a[0].s6_addr[8] = 1;
	a[1] = embed("2001:db8:1::", 48, v4, 0);
	a[1].s6_addr[8] = 0x80;
	a[2] = embed("2001:db8:1:2::", 64, v4, 0);
	a[2].s6_addr[8] = 0xff;
	a[3] = embed("2001:db8:1:2:100::", 96, v4, 0);
	assert_int_equal(pref64_from_aaaa(a, 4, &prefix, &len), -1);
	assert_int_equal(len, 7);
	assert_addr6(&prefix, "::");
}

/* ---- ra_state.c: the routers and prefixes kept, on a fake clock ---- */

#define S(x)	((uint64_t)(x) * 1000)	/* seconds on the fake clock */

static struct ra_info ra_of(uint16_t lifetime)
{
	struct ra_info ra;

	memset(&ra, 0, sizeof(ra));
	ra.router_lifetime = lifetime;
	return ra;
}

static void ra_pio(struct ra_info *ra, const char *prefix, bool onlink,
		   bool autonomous, uint32_t valid, uint32_t preferred)
{
	struct ra_prefix *p = &ra->prefixes[ra->n_prefixes++];

	p->prefix = addr6(prefix);
	p->len = 64;
	p->onlink = onlink;
	p->autonomous = autonomous;
	p->valid = valid;
	p->preferred = preferred;
}

static unsigned int from(struct ra_state *s, const char *router,
			 const struct ra_info *ra, uint64_t now)
{
	struct in6_addr a = addr6(router);

	return ra_state_update(s, &a, ra, now);
}

#define assert_router(s, want) do { \
	const struct in6_addr *r_ = ra_state_router(s); \
	if (!(want)) { \
		assert_null(r_); \
	} else { \
		assert_non_null(r_); \
		assert_addr6(r_, (want) ? (want) : "::"); \
	} \
} while (0)

/*
 * A default router list, not "the last RA wins": a second router does not
 * replace the first; the first is used until it leaves (lifetime 0) or its
 * lifetime ends, and then the route goes with the last one.
 */
static void test_router_list(void **state)
{
	struct ra_state s = { 0 };
	struct ra_info a = ra_of(1800), b = ra_of(600), bye = ra_of(0);

	(void)state;
	assert_router(&s, NULL);
	assert_int_equal(from(&s, "fe80::a", &a, 0), RA_CH_ROUTER);
	assert_router(&s, "fe80::a");
	assert_int_equal(from(&s, "fe80::b", &b, S(10)), 0);
	assert_router(&s, "fe80::a");
	assert_int_equal(s.n_routers, 2);
	assert_int_equal(from(&s, "fe80::a", &a, S(20)), 0);
	assert_int_equal(from(&s, "fe80::a", &bye, S(30)), RA_CH_ROUTER);
	assert_router(&s, "fe80::b");
	assert_int_equal(from(&s, "fe80::c", &bye, S(30)), 0);
	assert_int_equal(ra_state_expire(&s, S(610) - 1), 0);
	assert_router(&s, "fe80::b");
	assert_int_equal(ra_state_expire(&s, S(610)), RA_CH_ROUTER);
	assert_router(&s, NULL);
	assert_int_equal(s.n_routers, 0);
}

/* The first router's lifetime ends: the next one in the list is used. */
static void test_router_expires(void **state)
{
	struct ra_state s = { 0 };
	struct ra_info a = ra_of(100), b = ra_of(1000);

	(void)state;
	from(&s, "fe80::a", &a, 0);
	from(&s, "fe80::b", &b, 0);
	assert_int_equal(from(&s, "fe80::a", &a, S(50)), 0);
	assert_int_equal(ra_state_expire(&s, S(149)), 0);
	assert_int_equal(ra_state_expire(&s, S(150)), RA_CH_ROUTER);
	assert_router(&s, "fe80::b");
}

static void test_router_list_full(void **state)
{
	struct ra_state s = { 0 };
	struct ra_info a = ra_of(100);
	char name[32];
	unsigned int i;

	(void)state;
	for (i = 0; i <= RA_MAX_ROUTERS; i++) {
		snprintf(name, sizeof(name), "fe80::%x", i + 1);
		from(&s, name, &a, 0);
	}
	assert_int_equal(s.n_routers, RA_MAX_ROUTERS);
	assert_router(&s, "fe80::1");
	assert_int_equal(ra_state_expire(&s, S(100)), RA_CH_ROUTER);
	assert_int_equal(s.n_routers, 0);
}

/* On-link prefixes live as long as their valid lifetime; 0 ends one. */
static void test_onlink_lifetimes(void **state)
{
	struct ra_state s = { 0 };
	struct ra_info ra = ra_of(0), ra2 = ra_of(0);
	struct in6_addr p1 = addr6("2001:db8:1::"), p2 = addr6("2001:db8:2::");

	(void)state;
	ra_pio(&ra, "2001:db8:1::", true, false, 100, 50);
	ra_pio(&ra, "2001:db8:2::", true, false, 1000, 50);
	ra_pio(&ra, "2001:db8:3::", false, false, 1000, 50);
	assert_int_equal(from(&s, "fe80::a", &ra, 0), RA_CH_ONLINK);
	assert_int_equal(s.n_onlink, 2);
	assert_true(ra_state_has_onlink(&s, &p1, 64));
	assert_false(ra_state_has_onlink(&s, &p1, 48));
	/* refreshed: no change, a later end */
	assert_int_equal(from(&s, "fe80::a", &ra, S(50)), 0);
	assert_int_equal(ra_state_expire(&s, S(150) - 1), 0);
	assert_int_equal(ra_state_expire(&s, S(150)), RA_CH_ONLINK);
	assert_false(ra_state_has_onlink(&s, &p1, 64));
	assert_true(ra_state_has_onlink(&s, &p2, 64));
	/* valid lifetime 0: gone at once */
	ra_pio(&ra2, "2001:db8:2::", true, false, 0, 0);
	assert_int_equal(from(&s, "fe80::b", &ra2, S(200)), RA_CH_ONLINK);
	assert_int_equal(s.n_onlink, 0);
	assert_int_equal(from(&s, "fe80::b", &ra2, S(200)), 0);
}

static void slaac_ra(struct ra_state *s, uint64_t now, uint32_t valid,
		     uint32_t preferred)
{
	struct ra_info ra = ra_of(0);

	ra_pio(&ra, "2001:db8:5::", false, true, valid, preferred);
	assert_true(from(s, "fe80::a", &ra, now) & RA_CH_SLAAC);
}

/*
 * RFC 4862 5.5.3 (e): an RA may lengthen the SLAAC prefix's valid
 * lifetime, or cut it to two hours, never shorter, and not at all when
 * two hours or less are left. The preferred lifetime is taken as it comes.
 */
static void test_slaac_two_hours(void **state)
{
	struct ra_state s = { 0 };

	(void)state;
	slaac_ra(&s, 0, 86400, 3600);
	assert_true(s.have_slaac);
	assert_addr6(&s.slaac.prefix, "2001:db8:5::");
	assert_int_equal(s.slaac.valid_end_ms, S(86400));
	/* 60 s: cut to two hours, no less */
	slaac_ra(&s, S(1000), 60, 30);
	assert_int_equal(s.slaac.valid_end_ms, S(1000 + 7200));
	assert_int_equal(s.slaac.preferred_end_ms, S(1000 + 30));
	/* 0 with two hours or less left: ignored */
	slaac_ra(&s, S(2000), 0, 0);
	assert_int_equal(s.slaac.valid_end_ms, S(8200));
	assert_int_equal(s.slaac.preferred_end_ms, S(2000));
	/* longer than what is left: taken */
	slaac_ra(&s, S(3000), 6000, 6000);
	assert_int_equal(s.slaac.valid_end_ms, S(9000));
	/* more than two hours: taken, even if shorter */
	slaac_ra(&s, S(3000), 7201, 7201);
	assert_int_equal(s.slaac.valid_end_ms, S(10201));
	assert_int_equal(ra_secs_left(s.slaac.valid_end_ms, S(3000)), 7201);
	/* the lifetime ends: no SLAAC prefix */
	assert_int_equal(ra_state_expire(&s, S(10201) - 1), 0);
	assert_int_equal(ra_state_expire(&s, S(10201)), RA_CH_SLAAC);
	assert_false(s.have_slaac);
}

static void test_slaac_infinite(void **state)
{
	struct ra_state s = { 0 };

	(void)state;
	slaac_ra(&s, 0, 0xffffffff, 0xffffffff);
	assert_int_equal(s.slaac.valid_end_ms, RA_NEVER);
	assert_int_equal(ra_secs_left(s.slaac.valid_end_ms, S(5)),
			 0xffffffff);
	slaac_ra(&s, S(10), 100, 100);
	assert_int_equal(s.slaac.valid_end_ms, S(10 + 7200));
	assert_int_equal(ra_state_expire(&s, S(100000)), RA_CH_SLAAC);
}

/*
 * Another autonomous /64 does not replace the one in use (the devices'
 * addresses would change under their connections): it is used when that
 * one's valid lifetime ends.
 */
static void test_slaac_next(void **state)
{
	struct ra_state s = { 0 };
	struct ra_info ra = ra_of(10000), other = ra_of(0);

	(void)state;
	ra_pio(&ra, "2001:db8:5::", false, true, 300, 300);
	ra_pio(&other, "2001:db8:6::", true, true, 1000, 1000);
	assert_int_equal(from(&s, "fe80::a", &ra, 0),
			 RA_CH_ROUTER | RA_CH_SLAAC);
	assert_int_equal(from(&s, "fe80::b", &other, S(10)), RA_CH_ONLINK);
	assert_addr6(&s.slaac.prefix, "2001:db8:5::");
	assert_true(s.have_slaac_next);
	assert_int_equal(ra_state_expire(&s, S(300)), RA_CH_SLAAC);
	assert_addr6(&s.slaac.prefix, "2001:db8:6::");
	assert_router(&s, "fe80::a");
	assert_int_equal(s.slaac.valid_end_ms, S(1010));
	assert_false(s.have_slaac_next);
	assert_true(ra_state_expire(&s, S(1010)) & RA_CH_SLAAC);
	assert_false(s.have_slaac);
}

/* A prefix with valid lifetime 0 is not taken; nor a /48 for SLAAC. */
static void test_slaac_not_taken(void **state)
{
	struct ra_state s = { 0 };
	struct ra_info ra = ra_of(0);

	(void)state;
	ra_pio(&ra, "2001:db8:5::", false, true, 0, 0);
	ra_pio(&ra, "2001:db8:6::", false, true, 100, 100);
	ra.prefixes[1].len = 48;
	assert_int_equal(from(&s, "fe80::a", &ra, 0), 0);
	assert_false(s.have_slaac);
}

static void test_secs_left(void **state)
{
	(void)state;
	assert_int_equal(ra_secs_left(RA_NEVER, 0), 0xffffffff);
	assert_int_equal(ra_secs_left(S(10), S(10)), 0);
	assert_int_equal(ra_secs_left(S(10), S(11)), 0);
	assert_int_equal(ra_secs_left(S(10) + 999, 0), 10);
	assert_int_equal(ra_secs_left(RA_NEVER - 1, 0), 0xfffffffe);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_prefixes_ignored),
		cmocka_unit_test(test_too_many_prefixes),
		cmocka_unit_test(test_mtu),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_unknown_options),
		cmocka_unit_test(test_pref64_plc),
		cmocka_unit_test(test_pref64_bad),
		cmocka_unit_test(test_pref64_lifetime),
		cmocka_unit_test(test_rs),
		cmocka_unit_test(test_aaaa_lengths),
		cmocka_unit_test(test_aaaa_order),
		cmocka_unit_test(test_aaaa_none),
		cmocka_unit_test(test_router_list),
		cmocka_unit_test(test_router_expires),
		cmocka_unit_test(test_router_list_full),
		cmocka_unit_test(test_onlink_lifetimes),
		cmocka_unit_test(test_slaac_two_hours),
		cmocka_unit_test(test_slaac_infinite),
		cmocka_unit_test(test_slaac_next),
		cmocka_unit_test(test_slaac_not_taken),
		cmocka_unit_test(test_secs_left),
	};

	/* The number of failures, which an exit status could wrap round. */
	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
