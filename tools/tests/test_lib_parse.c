// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of lib/parse.c, the tools library's values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <linux/v4v6.h>

#include "parse.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const unsigned int valid_lens[] = { 32, 40, 48, 56, 64, 96 };

struct pref_case {
	const char *s;
	enum parse_err err;
	unsigned int len;	/* when err is PARSE_OK */
};

static void check_pref_cases(const struct pref_case *c, size_t n)
{
	struct in6_addr addr, want;
	char back[PREF64_STRLEN];
	uint8_t len;
	size_t i;

	for (i = 0; i < n; i++) {
		enum parse_err err = parse_pref64(c[i].s, &addr, &len);

		if (err != c[i].err)
			fail_msg("\"%s\": got %d (%s), want %d (%s)", c[i].s,
				 err, parse_strerror(err), c[i].err,
				 parse_strerror(c[i].err));
		if (err)
			continue;
		assert_int_equal(len, c[i].len);
		/* The address is what inet_pton() makes of the part before /. */
		assert_true(strchr(c[i].s, '/'));
		snprintf(back, sizeof(back), "%.*s",
			 (int)(strchr(c[i].s, '/') - c[i].s), c[i].s);
		assert_int_equal(inet_pton(AF_INET6, back, &want), 1);
		assert_memory_equal(&addr, &want, sizeof(addr));
	}
}

static void test_pref64_valid(void **state)
{
	static const struct pref_case cases[] = {
		{ "64:ff9b::/96", PARSE_OK, 96 },
		{ "2001:db8::/32", PARSE_OK, 32 },
		{ "2001:db8:100::/40", PARSE_OK, 40 },
		{ "2001:db8:122::/48", PARSE_OK, 48 },
		{ "2001:db8:122:300::/56", PARSE_OK, 56 },
		{ "2001:db8:122:344::/64", PARSE_OK, 64 },
		{ "2001:db8:122:344::/96", PARSE_OK, 96 },
		/* Bits 72..95 are part of a /96 prefix. */
		{ "2001:db8:122:344:ff:ffff::/96", PARSE_OK, 96 },
		{ "64:ff9b:1::/48", PARSE_OK, 48 },
		{ "64:FF9B::/96", PARSE_OK, 96 },
		{ "64:ff9b::0.0.0.0/96", PARSE_OK, 96 },
		{ "::/96", PARSE_OK, 96 },
		{ "::/32", PARSE_OK, 32 },
		{ "64:ff9b::/096", PARSE_OK, 96 },
	};

	(void)state;
	check_pref_cases(cases, ARRAY_SIZE(cases));
}

static void test_pref64_bad_len(void **state)
{
	static const struct pref_case cases[] = {
		{ "64:ff9b::/0", PARSE_ELEN, 0 },
		{ "64:ff9b::/8", PARSE_ELEN, 0 },
		{ "64:ff9b::/31", PARSE_ELEN, 0 },
		{ "64:ff9b::/33", PARSE_ELEN, 0 },
		{ "64:ff9b::/63", PARSE_ELEN, 0 },
		{ "64:ff9b::/72", PARSE_ELEN, 0 },
		{ "64:ff9b::/95", PARSE_ELEN, 0 },
		{ "64:ff9b::/97", PARSE_ELEN, 0 },
		{ "64:ff9b::/128", PARSE_ELEN, 0 },
		{ "64:ff9b::/129", PARSE_ELEN, 0 },
		{ "64:ff9b::/256", PARSE_ELEN, 0 },
		/* 2^32 + 96 and 2^64 + 96: no wrapping round to 96. */
		{ "64:ff9b::/4294967392", PARSE_ELEN, 0 },
		{ "64:ff9b::/18446744073709551712", PARSE_ELEN, 0 },
	};

	(void)state;
	check_pref_cases(cases, ARRAY_SIZE(cases));
}

static void test_pref64_syntax(void **state)
{
	static const struct pref_case cases[] = {
		{ "", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/96x", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/9 6", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/ 96", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/96 ", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/+96", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/-96", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/0x60", PARSE_ESYNTAX, 0 },
		{ "64:ff9b::/96/96", PARSE_ESYNTAX, 0 },
		{ "/", PARSE_EADDR, 0 },
		{ "/96", PARSE_EADDR, 0 },
		{ "192.0.2.0/24", PARSE_EADDR, 0 },
		{ "192.0.2.0/96", PARSE_EADDR, 0 },
		{ "foo/96", PARSE_EADDR, 0 },
		{ " 64:ff9b::/96", PARSE_EADDR, 0 },
		{ "64:ff9b:::/96", PARSE_EADDR, 0 },
		{ "64:ff9g::/96", PARSE_EADDR, 0 },
		{ "64:ff9b::%eth0/96", PARSE_EADDR, 0 },
		{ "1:2:3:4:5:6:7:8:9/96", PARSE_EADDR, 0 },
		/* Longer than any address: must not overrun the copy. */
		{ "0000:0000:0000:0000:0000:0000:0000:0000:0000:0000:0000/96",
		  PARSE_EADDR, 0 },
	};

	(void)state;
	check_pref_cases(cases, ARRAY_SIZE(cases));
}

/* A prefix of @len with every bit it may have set: all but the u octet. */
static void full_prefix(struct in6_addr *a, unsigned int len)
{
	memset(a, 0, sizeof(*a));
	memset(a->s6_addr, 0xff, len / 8);
	a->s6_addr[8] = 0;
}

static void set_bit(struct in6_addr *a, unsigned int bit)
{
	a->s6_addr[bit / 8] |= (uint8_t)(0x80 >> (bit % 8));
}

/* Every bit that a prefix of each length may not have, one at a time. */
static void test_pref64_bits(void **state)
{
	char s[PREF64_STRLEN];
	struct in6_addr a, got;
	enum parse_err want;
	unsigned int i, bit;
	uint8_t len;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(valid_lens); i++) {
		unsigned int l = valid_lens[i];

		full_prefix(&a, l);
		assert_int_equal(pref64_check(&a, l), PARSE_OK);
		format_pref64(&a, l, s, sizeof(s));
		assert_int_equal(parse_pref64(s, &got, &len), PARSE_OK);
		assert_memory_equal(&got, &a, sizeof(a));
		assert_int_equal(len, l);

		for (bit = 64; bit < 128; bit++) {
			if (bit < l && bit >= 72)
				continue;	/* part of the prefix */
			full_prefix(&a, l);
			set_bit(&a, bit);
			want = bit >= l ? PARSE_EPASTLEN : PARSE_EUOCTET;
			if (pref64_check(&a, l) != want)
				fail_msg("/%u, bit %u: got %d, want %d", l, bit,
					 pref64_check(&a, l), want);
			format_pref64(&a, l, s, sizeof(s));
			if (parse_pref64(s, &got, &len) != want)
				fail_msg("%s: got %d, want %d", s,
					 parse_pref64(s, &got, &len), want);
		}
		for (bit = l; bit < 64; bit++) {
			full_prefix(&a, l);
			set_bit(&a, bit);
			assert_int_equal(pref64_check(&a, l), PARSE_EPASTLEN);
		}
	}
}

static void test_pref64_examples(void **state)
{
	static const struct pref_case cases[] = {
		/* What `make check` runs through the CLI. */
		{ "64:ff9b::1/96", PARSE_EPASTLEN, 0 },
		{ "2001:db8::1/32", PARSE_EPASTLEN, 0 },
		{ "2001:db8:8000::/32", PARSE_EPASTLEN, 0 },
		{ "2001:db8:180::/40", PARSE_EPASTLEN, 0 },
		{ "2001:db8:122:1::/48", PARSE_EPASTLEN, 0 },
		{ "2001:db8:122:301::/56", PARSE_EPASTLEN, 0 },
		{ "2001:db8:122:344:1::/64", PARSE_EPASTLEN, 0 },
		{ "2001:db8:122:344:0:1::/64", PARSE_EPASTLEN, 0 },
		{ "2001:db8:122:344:0:0:1:0/96", PARSE_EPASTLEN, 0 },
		/* The u octet set in a /96 (RFC 6052 section 2.2). */
		{ "2001:db8:122:344:100::/96", PARSE_EUOCTET, 0 },
		{ "2001:db8:122:344:8000::/96", PARSE_EUOCTET, 0 },
		{ "64:ff9b::ff00:0:0:0/96", PARSE_EUOCTET, 0 },
	};

	(void)state;
	check_pref_cases(cases, ARRAY_SIZE(cases));
}

static void test_pref64_len_valid(void **state)
{
	unsigned int len, i;

	(void)state;
	for (len = 0; len <= 256; len++) {
		unsigned int valid = 0;

		for (i = 0; i < ARRAY_SIZE(valid_lens); i++)
			valid |= len == valid_lens[i];
		assert_int_equal(!!pref64_len_valid(len), valid);
	}
}

static void test_format_pref64(void **state)
{
	struct in6_addr a;
	char buf[PREF64_STRLEN], small[8];

	(void)state;
	assert_int_equal(inet_pton(AF_INET6, "64:ff9b::", &a), 1);
	format_pref64(&a, 96, buf, sizeof(buf));
	assert_string_equal(buf, "64:ff9b::/96");

	/* The longest there is fits. */
	memset(&a, 0xff, sizeof(a));
	format_pref64(&a, 128, buf, sizeof(buf));
	assert_string_equal(buf, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
	assert_int_equal(inet_pton(AF_INET6, "::ffff:0:0", &a), 1);
	format_pref64(&a, 96, buf, sizeof(buf));
	assert_string_equal(buf, "::ffff:0.0.0.0/96");

	/* A short buffer is cut, not overrun. */
	format_pref64(&a, 96, small, sizeof(small));
	assert_string_equal(small, "::ffff:");
}

static void test_mtu(void **state)
{
	static const struct {
		const char *s;
		enum parse_err err;
		uint32_t mtu;
	} cases[] = {
		{ "1280", PARSE_OK, 1280 },
		{ "1500", PARSE_OK, 1500 },
		{ "01500", PARSE_OK, 1500 },
		{ "65535", PARSE_OK, 65535 },
		{ "0", PARSE_ERANGE, 0 },
		{ "1279", PARSE_ERANGE, 0 },
		{ "65536", PARSE_ERANGE, 0 },
		{ "4294967296", PARSE_ERANGE, 0 },
		{ "4294968576", PARSE_ERANGE, 0 },	/* 2^32 + 1280 */
		{ "18446744073709552896", PARSE_ERANGE, 0 }, /* 2^64 + 1280 */
		{ "99999999999999999999999999", PARSE_ERANGE, 0 },
		{ "", PARSE_ESYNTAX, 0 },
		{ " 1500", PARSE_ESYNTAX, 0 },
		{ "1500 ", PARSE_ESYNTAX, 0 },
		{ "+1500", PARSE_ESYNTAX, 0 },
		{ "-1500", PARSE_ESYNTAX, 0 },
		{ "0x500", PARSE_ESYNTAX, 0 },
		{ "1e3", PARSE_ESYNTAX, 0 },
		{ "15 00", PARSE_ESYNTAX, 0 },
		{ "1500x", PARSE_ESYNTAX, 0 },
		{ "mtu", PARSE_ESYNTAX, 0 },
	};
	uint32_t mtu;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		enum parse_err err = parse_mtu(cases[i].s, &mtu);

		if (err != cases[i].err)
			fail_msg("\"%s\": got %d, want %d", cases[i].s, err,
				 cases[i].err);
		if (!err)
			assert_int_equal(mtu, cases[i].mtu);
	}
}

static void test_strerror(void **state)
{
	enum parse_err e, f;

	(void)state;
	for (e = PARSE_OK; e <= PARSE_LAST; e++) {
		assert_non_null(parse_strerror(e));
		for (f = PARSE_OK; f < e; f++)
			assert_string_not_equal(parse_strerror(e),
						parse_strerror(f));
	}
	assert_non_null(strstr(parse_strerror(PARSE_EPASTLEN),
			       "past the prefix length"));
}

static void test_mac(void **state)
{
	static const struct {
		const char *s;
		enum parse_err err;
		uint8_t mac[MAC_LEN];
	} cases[] = {
		{ "02:00:00:00:00:0a", PARSE_OK, { 2, 0, 0, 0, 0, 0x0a } },
		{ "02:AB:cd:Ef:99:ff", PARSE_OK,
		  { 2, 0xab, 0xcd, 0xef, 0x99, 0xff } },
		{ "fe:ff:ff:ff:ff:ff", PARSE_OK,
		  { 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff } },
		{ "00:00:00:00:00:01", PARSE_OK, { 0, 0, 0, 0, 0, 1 } },
		/* The group bit: multicast, broadcast. */
		{ "01:00:5e:00:00:01", PARSE_EMULTICAST, { 0 } },
		{ "33:33:00:00:00:01", PARSE_EMULTICAST, { 0 } },
		{ "ff:ff:ff:ff:ff:ff", PARSE_EMULTICAST, { 0 } },
		{ "00:00:00:00:00:00", PARSE_EZERO, { 0 } },
		{ "", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00:0", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00:0a:", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00:0a:0b", PARSE_ESYNTAX, { 0 } },
		{ "2:0:0:0:0:a", PARSE_ESYNTAX, { 0 } },
		{ "02-00-00-00-00-0a", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00-0a", PARSE_ESYNTAX, { 0 } },
		{ "0200.0000.000a", PARSE_ESYNTAX, { 0 } },
		{ "020000:00:00:0a", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00:0g", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00:0 ", PARSE_ESYNTAX, { 0 } },
		{ " 02:00:00:00:00:0", PARSE_ESYNTAX, { 0 } },
		{ "0x:00:00:00:00:0a", PARSE_ESYNTAX, { 0 } },
		{ "+2:00:00:00:00:0a", PARSE_ESYNTAX, { 0 } },
		{ "02:00:00:00:00:0a ", PARSE_ESYNTAX, { 0 } },
	};
	uint8_t mac[MAC_LEN];
	char back[MAC_STRLEN];
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		enum parse_err err;

		memset(mac, 0x55, sizeof(mac));
		err = parse_mac(cases[i].s, mac);
		if (err != cases[i].err)
			fail_msg("\"%s\": got %d, want %d", cases[i].s, err,
				 cases[i].err);
		if (err) {
			/* Left alone. */
			assert_int_equal(mac[0], 0x55);
			continue;
		}
		assert_memory_equal(mac, cases[i].mac, MAC_LEN);
		format_mac(mac, back);
		assert_int_equal(strcasecmp(back, cases[i].s), 0);
	}
}

/*
 * mac_check(), the one check of a device's MAC (the configuration,
 * v4v6ctl, the state file, admission): the group bit of the first octet
 * (multicast, broadcast among them) and all zeros are refused, whatever
 * else is set.
 */
static void test_mac_check(void **state)
{
	static const struct {
		uint8_t mac[MAC_LEN];
		enum parse_err err;
	} cases[] = {
		{ { 0x02, 0, 0, 0, 0, 0x0a }, PARSE_OK },
		{ { 0, 0, 0, 0, 0, 1 }, PARSE_OK },
		{ { 0, 0, 0, 0, 1, 0 }, PARSE_OK },
		{ { 0, 1, 0, 0, 0, 0 }, PARSE_OK },
		{ { 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff }, PARSE_OK },
		{ { 0x80, 0, 0, 0, 0, 0 }, PARSE_OK },
		{ { 0, 0, 0, 0, 0, 0 }, PARSE_EZERO },
		{ { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, PARSE_EMULTICAST },
		{ { 0x01, 0, 0x5e, 0, 0, 0x01 }, PARSE_EMULTICAST },
		{ { 0x33, 0x33, 0, 0, 0, 0x01 }, PARSE_EMULTICAST },
		{ { 0x01, 0, 0, 0, 0, 0 }, PARSE_EMULTICAST },
		{ { 0x03, 0, 0, 0, 0, 0x0a }, PARSE_EMULTICAST },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		enum parse_err err = mac_check(cases[i].mac);

		if (err != cases[i].err)
			fail_msg("case %zu: got %d, want %d", i, err,
				 cases[i].err);
	}
}

/* parse_mac_any(): the syntax only, so any address; parse_mac() checks. */
static void test_mac_any(void **state)
{
	static const char *const any[] = {
		"ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "01:00:5E:00:00:01",
		"02:00:00:00:00:0a",
	};
	static const char *const bad[] = {
		"", "02:00:00:00:00", "02:00:00:00:00:0g", "02-00-00-00-00-0a",
		"02:00:00:00:00:0a:", " 2:00:00:00:00:0a", "02:00:00:00:00:0a ",
	};
	uint8_t mac[MAC_LEN];
	char back[MAC_STRLEN];
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(any); i++) {
		enum parse_err err;

		assert_int_equal(parse_mac_any(any[i], mac), PARSE_OK);
		format_mac(mac, back);
		assert_int_equal(strcasecmp(back, any[i]), 0);
		err = mac_check(mac);
		assert_int_equal(parse_mac(any[i], mac), err);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(mac, 0x55, sizeof(mac));
		assert_int_equal(parse_mac_any(bad[i], mac), PARSE_ESYNTAX);
		assert_int_equal(mac[0], 0x55);
	}
}

static void test_format_mac(void **state)
{
	static const uint8_t mac[MAC_LEN] = { 0xfe, 0, 0x0a, 0xb0, 0x12, 0xff };
	char buf[MAC_STRLEN];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	format_mac(mac, buf);
	assert_string_equal(buf, "fe:00:0a:b0:12:ff");
}

static void test_dev_key(void **state)
{
	struct in6_addr v6;
	struct dev_key key;

	(void)state;
	assert_int_equal(parse_dev_key("02:00:00:00:00:0a", &key), PARSE_OK);
	assert_int_equal(key.type, DEV_KEY_MAC);
	assert_int_equal(key.mac[5], 0x0a);
	assert_int_equal(parse_dev_key("192.168.1.10", &key), PARSE_OK);
	assert_int_equal(key.type, DEV_KEY_IPV4);
	assert_int_equal(key.ipv4.s_addr, htonl(0xc0a8010a));
	assert_int_equal(parse_dev_key("2001:db8:6::100a", &key), PARSE_OK);
	assert_int_equal(key.type, DEV_KEY_IPV6);
	inet_pton(AF_INET6, "2001:db8:6::100a", &v6);
	assert_memory_equal(&key.ipv6, &v6, sizeof(v6));
	/* MAC-like, but not a device's: the MAC's error, not "malformed". */
	assert_int_equal(parse_dev_key("ff:ff:ff:ff:ff:ff", &key),
			 PARSE_EMULTICAST);
	assert_int_equal(parse_dev_key("00:00:00:00:00:00", &key), PARSE_EZERO);
	assert_int_equal(parse_dev_key("", &key), PARSE_ESYNTAX);
	assert_int_equal(parse_dev_key("192.168.1", &key), PARSE_ESYNTAX);
	assert_int_equal(parse_dev_key("192.168.1.256", &key), PARSE_ESYNTAX);
	assert_int_equal(parse_dev_key("192.168.1.10/24", &key), PARSE_ESYNTAX);
	assert_int_equal(parse_dev_key("2001:db8::g", &key), PARSE_ESYNTAX);
	assert_int_equal(parse_dev_key("02:00:00:00:00:0a:00", &key),
			 PARSE_ESYNTAX);
	assert_int_equal(parse_dev_key("eth0", &key), PARSE_ESYNTAX);
}

static void test_port_range(void **state)
{
	static const struct {
		const char *s;
		enum parse_err err;
		uint16_t lo, hi;
	} cases[] = {
		{ "22", PARSE_OK, 22, 22 },
		{ "1", PARSE_OK, 1, 1 },
		{ "65535", PARSE_OK, 65535, 65535 },
		{ "5000-5010", PARSE_OK, 5000, 5010 },
		{ "7-7", PARSE_OK, 7, 7 },
		{ "1-65535", PARSE_OK, 1, 65535 },
		{ "0", PARSE_ERANGE, 0, 0 },
		{ "65536", PARSE_ERANGE, 0, 0 },
		{ "99999999999999999999999", PARSE_ERANGE, 0, 0 },
		{ "0-5", PARSE_ERANGE, 0, 0 },
		{ "5-65536", PARSE_ERANGE, 0, 0 },
		{ "1234567-8", PARSE_ERANGE, 0, 0 },
		{ "5010-5000", PARSE_EORDER, 0, 0 },
		{ "", PARSE_ESYNTAX, 0, 0 },
		{ "22x", PARSE_ESYNTAX, 0, 0 },
		{ "-22", PARSE_ESYNTAX, 0, 0 },
		{ "22-", PARSE_ESYNTAX, 0, 0 },
		{ "1-2-3", PARSE_ESYNTAX, 0, 0 },
		{ "+22", PARSE_ESYNTAX, 0, 0 },
		{ " 22", PARSE_ESYNTAX, 0, 0 },
	};
	uint16_t lo, hi;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		lo = hi = 0;
		if (parse_port_range(cases[i].s, &lo, &hi) != cases[i].err)
			fail_msg("\"%s\": not error %d", cases[i].s,
				 cases[i].err);
		if (!cases[i].err &&
		    (lo != cases[i].lo || hi != cases[i].hi))
			fail_msg("\"%s\": %u-%u", cases[i].s, lo, hi);
	}
}

/* parse_allow() on the words of @line (at most 4). */
static int allow_words(const char *line, struct allow_rule *r, char *err,
		       size_t errlen)
{
	char buf[64], *argv[4], *save = NULL, *t;
	int argc = 0;

	snprintf(buf, sizeof(buf), "%s", line);
	for (t = strtok_r(buf, " ", &save); t && argc < 4;
	     t = strtok_r(NULL, " ", &save))
		argv[argc++] = t;
	return parse_allow(argc, argv, r, err, errlen);
}

static void test_allow(void **state)
{
	static const struct {
		const char *words;
		int took;
		uint8_t proto;
		uint16_t lo, hi;
		const char *err;	/* a part of the error */
	} cases[] = {
		{ "tcp 22", 2, IPPROTO_TCP, 22, 22, NULL },
		{ "udp 5000-5010 allow", 2, IPPROTO_UDP, 5000, 5010, NULL },
		{ "icmp", 1, IPPROTO_ICMP, 0, 0, NULL },
		{ "icmp allow tcp", 1, IPPROTO_ICMP, 0, 0, NULL },
		/* every port */
		{ "tcp", 1, IPPROTO_TCP, 0, 0, NULL },
		{ "udp allow icmp", 1, IPPROTO_UDP, 0, 0, NULL },
		{ "", -1, 0, 0, 0, "allow needs a protocol" },
		{ "sctp 22", -1, 0, 0, 0,
		  "invalid allow protocol \"sctp\", expected tcp, udp or icmp" },
		{ "TCP 22", -1, 0, 0, 0, "\"TCP\"" },
		{ "tc 22", -1, 0, 0, 0, "\"tc\"" },
		{ "icmp 8", -1, 0, 0, 0,
		  "invalid allow port \"8\": icmp takes no port" },
		{ "tcp 0", -1, 0, 0, 0,
		  "invalid allow port \"0\": out of range, expected PORT or "
		  "LO-HI, 1 to 65535" },
		{ "tcp 70000", -1, 0, 0, 0, "\"70000\": out of range" },
		{ "udp 22x", -1, 0, 0, 0, "\"22x\": malformed" },
		{ "udp 10-9", -1, 0, 0, 0,
		  "invalid allow port \"10-9\": the first port is above the "
		  "last" },
	};
	struct allow_rule r;
	char err[128];
	size_t i;
	int took;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		err[0] = '\0';
		took = allow_words(cases[i].words, &r, err, sizeof(err));
		if (took != cases[i].took)
			fail_msg("\"%s\": took %d (%s)", cases[i].words, took,
				 err);
		if (took < 0 && !strstr(err, cases[i].err))
			fail_msg("\"%s\": \"%s\" lacks \"%s\"",
				 cases[i].words, err, cases[i].err);
		if (took > 0 && (r.proto != cases[i].proto ||
				 r.port_min != cases[i].lo ||
				 r.port_max != cases[i].hi))
			fail_msg("\"%s\": %u %u-%u", cases[i].words, r.proto,
				 r.port_min, r.port_max);
	}
}

static void test_allow_list(void **state)
{
	static const struct allow_rule tcp22 = { IPPROTO_TCP, 22, 22 };
	static const struct allow_rule udp = { IPPROTO_UDP, 5000, 5010 };
	static const struct allow_rule icmp = { IPPROTO_ICMP, 0, 0 };
	static const struct allow_rule tcp_all = { IPPROTO_TCP, 1, 65535 };
	static const struct allow_rule gre = { 47, 0, 0 };
	struct allow_list l = { 0 }, m = { 0 };
	char buf[ALLOW_LIST_STRLEN], err[64];
	unsigned int i;

	(void)state;
	format_allow_list(&l, buf, sizeof(buf));
	assert_string_equal(buf, "");
	assert_true(allow_add(&l, &tcp22, err, sizeof(err)));
	assert_true(allow_add(&l, &udp, err, sizeof(err)));
	assert_true(allow_add(&l, &icmp, err, sizeof(err)));
	format_allow_list(&l, buf, sizeof(buf));
	assert_string_equal(buf, "tcp 22, udp 5000-5010, icmp");
	/* Every port, said or not; a protocol without a name. */
	l.n = 0;
	assert_true(allow_add(&l, &tcp_all, err, sizeof(err)));
	assert_true(allow_add(&l, &gre, err, sizeof(err)));
	format_allow_list(&l, buf, sizeof(buf));
	assert_string_equal(buf, "tcp, 47");
	/* Cut to fit. */
	format_allow_list(&l, buf, 4);
	assert_string_equal(buf, "tcp");

	assert_false(allow_equal(&l, &m));
	m = l;
	assert_true(allow_equal(&l, &m));
	m.v[1].port_max = 1;
	assert_false(allow_equal(&l, &m));

	/* At most V4V6_ALLOW_MAX, the longest still fits. */
	l.n = 0;
	for (i = 0; i < V4V6_ALLOW_MAX; i++)
		assert_true(allow_add(&l, &(struct allow_rule){ IPPROTO_ICMP,
							       65534, 65535 },
				      err, sizeof(err)));
	assert_false(allow_add(&l, &tcp22, err, sizeof(err)));
	assert_int_equal(l.n, V4V6_ALLOW_MAX);
	assert_string_equal(err, "more than 16 allow rules");
	format_allow_list(&l, buf, sizeof(buf));
	assert_int_equal(strlen(buf), V4V6_ALLOW_MAX * 18 - 2);
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pref64_valid),
		cmocka_unit_test(test_pref64_bad_len),
		cmocka_unit_test(test_pref64_syntax),
		cmocka_unit_test(test_pref64_bits),
		cmocka_unit_test(test_pref64_examples),
		cmocka_unit_test(test_pref64_len_valid),
		cmocka_unit_test(test_format_pref64),
		cmocka_unit_test(test_mtu),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_mac),
		cmocka_unit_test(test_mac_check),
		cmocka_unit_test(test_mac_any),
		cmocka_unit_test(test_format_mac),
		cmocka_unit_test(test_dev_key),
		cmocka_unit_test(test_port_range),
		cmocka_unit_test(test_allow),
		cmocka_unit_test(test_allow_list),
	};

	/* The number of failures, which an exit status could wrap round. */
	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
