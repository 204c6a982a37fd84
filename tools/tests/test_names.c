// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6ctl/names.c: names of the protocol's numbers, keyword
 * lookup, the idle time.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>

#include <linux/v4v6.h>

#include "names.h"
#include "v4v6ctl.h"

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

static void test_format_idle(void **state)
{
	static const struct {
		uint64_t ms;
		const char *s;
	} cases[] = {
		{ 0, "0.0s" }, { 99, "0.0s" }, { 100, "0.1s" }, { 1234, "1.2s" },
		{ 1999, "1.9s" }, { 60000, "60.0s" },
		{ UINT64_MAX, "18446744073709551.6s" },
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		format_idle(cases[i].ms, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].s);
	}
}

static void test_stat_names(void **state)
{
	unsigned int i, j;
	const char *p;

	(void)state;
	assert_null(stat_name(V4V6_STAT_UNSPEC));
	assert_null(stat_name(__V4V6_STAT_MAX));
	assert_null(stat_name(100000));
	assert_false(stat_is_drop(__V4V6_STAT_MAX));
	assert_string_equal(stat_name(V4V6_STAT_XLAT_4TO6), "xlat_4to6");
	assert_string_equal(stat_name(V4V6_STAT_UNKNOWN_SOURCE),
			    "unknown_source");
	assert_string_equal(stat_name(V4V6_STAT_EVENTS_SUPPRESSED),
			    "events_suppressed");
	/* Every counter named, in lower case, once. */
	for (i = 1; i < __V4V6_STAT_MAX; i++) {
		if (!stat_name(i))
			fail_msg("counter %u has no name", i);
		for (p = stat_name(i); *p; p++)
			assert_true(islower((unsigned char)*p) ||
				    isdigit((unsigned char)*p) || *p == '_');
		for (j = 1; j < i; j++)
			assert_string_not_equal(stat_name(i), stat_name(j));
	}
	assert_false(stat_is_drop(V4V6_STAT_XLAT_4TO6));
	assert_false(stat_is_drop(V4V6_STAT_XLAT_6TO4));
	assert_false(stat_is_drop(V4V6_STAT_FRAGMENTED));
	assert_false(stat_is_drop(V4V6_STAT_EVENTS_SUPPRESSED));
	assert_true(stat_is_drop(V4V6_STAT_SPOOFED));
	assert_true(stat_is_drop(V4V6_STAT_NOMEM));
	assert_true(stat_is_drop(V4V6_STAT_FRAG_NEEDED));
	assert_true(stat_is_drop(V4V6_STAT_IDENTITY_GONE));
	assert_false(stat_is_drop(V4V6_STAT_LINK_GONE));
}

static void test_state_names(void **state)
{
	char buf[NUM_BUFSIZE];

	(void)state;
	assert_string_equal(dev_state_name(V4V6_DEV_STATE_ACTIVE), "active");
	assert_string_equal(dev_state_name(V4V6_DEV_STATE_INACTIVE),
			    "inactive");
	assert_null(dev_state_name(V4V6_DEV_STATE_UNSPEC));
	assert_null(dev_state_name(__V4V6_DEV_STATE_MAX));
	assert_int_equal(dev_state_lookup("active"), V4V6_DEV_STATE_ACTIVE);
	assert_int_equal(dev_state_lookup("a"), V4V6_DEV_STATE_ACTIVE);
	assert_int_equal(dev_state_lookup("inactive"), V4V6_DEV_STATE_INACTIVE);
	assert_int_equal(dev_state_lookup("in"), V4V6_DEV_STATE_INACTIVE);
	assert_int_equal(dev_state_lookup("up"), KEYWORD_UNKNOWN);
	assert_int_equal(dev_state_lookup(""), KEYWORD_UNKNOWN);

	assert_string_equal(unknown_policy_name(V4V6_UNKNOWN_PASS), "pass");
	assert_string_equal(unknown_policy_name(V4V6_UNKNOWN_DROP), "drop");
	assert_null(unknown_policy_name(__V4V6_UNKNOWN_MAX));
	assert_int_equal(unknown_policy_lookup("pass"), V4V6_UNKNOWN_PASS);
	assert_int_equal(unknown_policy_lookup("d"), V4V6_UNKNOWN_DROP);
	assert_int_equal(unknown_policy_lookup("reject"), KEYWORD_UNKNOWN);

	assert_string_equal(inbound_policy_name(V4V6_INBOUND_REPLIES),
			    "replies");
	assert_string_equal(inbound_policy_name(V4V6_INBOUND_ALL), "all");
	assert_null(inbound_policy_name(__V4V6_INBOUND_MAX));
	assert_int_equal(inbound_policy_lookup("replies"),
			 V4V6_INBOUND_REPLIES);
	assert_int_equal(inbound_policy_lookup("r"), V4V6_INBOUND_REPLIES);
	assert_int_equal(inbound_policy_lookup("all"), V4V6_INBOUND_ALL);
	assert_int_equal(inbound_policy_lookup("none"), KEYWORD_UNKNOWN);

	assert_string_equal(name_or_num("x", 7, buf), "x");
	assert_string_equal(name_or_num(NULL, 4294967295u, buf), "4294967295");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyword_lookup),
		cmocka_unit_test(test_format_idle),
		cmocka_unit_test(test_stat_names),
		cmocka_unit_test(test_state_names),
	};

	/* The number of failures, which an exit status could wrap round. */
	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
