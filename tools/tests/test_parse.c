// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6ctl/parse.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include <linux/v4v6.h>

#include "parse.h"
#include "v4v6ctl.h"

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

static void test_keyword_lookup(void **state)
{
	static const char *const words[] = {
		"lan", "wan", "pref64", "lowest-mtu", "set", "settle",
	};
	/* A command table: names at another stride than in words[]. */
	static const struct cmd table[] = {
		{ "show", NULL, "" }, { "set", NULL, "" }, { "help", NULL, "" },
	};
	size_t n = ARRAY_SIZE(words), sz = sizeof(words[0]);

	(void)state;
	assert_int_equal(keyword_lookup("lan", words, n, sz), 0);
	assert_int_equal(keyword_lookup("wan", words, n, sz), 1);
	assert_int_equal(keyword_lookup("w", words, n, sz), 1);
	assert_int_equal(keyword_lookup("pref", words, n, sz), 2);
	assert_int_equal(keyword_lookup("lo", words, n, sz), 3);
	assert_int_equal(keyword_lookup("lowest-mtu", words, n, sz), 3);
	assert_int_equal(keyword_lookup("l", words, n, sz), KEYWORD_AMBIGUOUS);
	/* An exact match wins over the keyword it abbreviates. */
	assert_int_equal(keyword_lookup("set", words, n, sz), 4);
	assert_int_equal(keyword_lookup("sett", words, n, sz), 5);
	assert_int_equal(keyword_lookup("se", words, n, sz), KEYWORD_AMBIGUOUS);
	assert_int_equal(keyword_lookup("", words, n, sz), KEYWORD_UNKNOWN);
	assert_int_equal(keyword_lookup("lanx", words, n, sz), KEYWORD_UNKNOWN);
	assert_int_equal(keyword_lookup("LAN", words, n, sz), KEYWORD_UNKNOWN);
	assert_int_equal(keyword_lookup("bogus", words, n, sz), KEYWORD_UNKNOWN);
	assert_int_equal(keyword_lookup("lan", words, 0, sz), KEYWORD_UNKNOWN);

	/* Walking an array of structs. */
	n = ARRAY_SIZE(table);
	sz = sizeof(table[0]);
	assert_int_equal(keyword_lookup("show", &table[0].name, n, sz), 0);
	assert_int_equal(keyword_lookup("sh", &table[0].name, n, sz), 0);
	assert_int_equal(keyword_lookup("se", &table[0].name, n, sz), 1);
	assert_int_equal(keyword_lookup("h", &table[0].name, n, sz), 2);
	assert_int_equal(keyword_lookup("s", &table[0].name, n, sz),
			 KEYWORD_AMBIGUOUS);
	assert_int_equal(keyword_lookup("shows", &table[0].name, n, sz),
			 KEYWORD_UNKNOWN);
}

static void test_strerror(void **state)
{
	enum parse_err e, f;

	(void)state;
	for (e = PARSE_OK; e <= PARSE_ERANGE; e++) {
		assert_non_null(parse_strerror(e));
		for (f = PARSE_OK; f < e; f++)
			assert_string_not_equal(parse_strerror(e),
						parse_strerror(f));
	}
	assert_non_null(strstr(parse_strerror(PARSE_EPASTLEN),
			       "past the prefix length"));
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
		cmocka_unit_test(test_keyword_lookup),
		cmocka_unit_test(test_strerror),
	};

	/* The number of failures, which an exit status could wrap round. */
	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
