// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/conf.c: every keyword, good and bad values, the
 * file's line numbers in errors, and the checks across settings.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"

static char err[512];

/* line(): config_line() on a copy of @s (it writes into its line). */
static int line(struct config *c, const char *s)
{
	char buf[512];

	snprintf(buf, sizeof(buf), "%s", s);
	err[0] = '\0';
	return config_line(c, buf, err, sizeof(err));
}

static void test_defaults(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.state_file, "/var/lib/v4v6/state.json");
	assert_true(c.dns64);
	assert_int_equal(c.addressing, ADDR_AUTO);
	assert_int_equal(c.inactive_after, 600);
	assert_int_equal(c.release_after, 86400);
	assert_false(c.has_pref64);
	assert_false(c.unknown_drop);
	assert_int_equal(c.lowest_mtu, 0);
	assert_string_equal(c.ident_prefix, "v6d");
	assert_int_equal(c.n_statics, 0);
	/* lan and wan are required */
	assert_int_equal(config_check(&c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "lan"));
}

static void test_good_lines(void **state)
{
	struct config c;
	struct in6_addr p;

	(void)state;
	config_defaults(&c);
	assert_int_equal(line(&c, "lan br-lan"), 0);
	assert_int_equal(line(&c, "  wan\teth1   # the IPv6 side"), 0);
	assert_int_equal(line(&c, "# only a comment"), 0);
	assert_int_equal(line(&c, ""), 0);
	assert_int_equal(line(&c, "state /tmp/s.json"), 0);
	assert_int_equal(line(&c, "pref64 2001:db8:64::/96"), 0);
	assert_int_equal(line(&c, "dns64 off"), 0);
	assert_int_equal(line(&c, "addressing slaac"), 0);
	assert_int_equal(line(&c, "inactive-after 30"), 0);
	assert_int_equal(line(&c, "release-after 60"), 0);
	assert_int_equal(line(&c, "unknown drop"), 0);
	assert_int_equal(line(&c, "lowest-mtu 1400"), 0);
	assert_int_equal(line(&c, "ident-prefix x-"), 0);
	assert_string_equal(c.lan, "br-lan");
	assert_string_equal(c.wan, "eth1");
	assert_string_equal(c.state_file, "/tmp/s.json");
	assert_true(c.has_pref64);
	assert_int_equal(c.pref64_len, 96);
	inet_pton(AF_INET6, "2001:db8:64::", &p);
	assert_memory_equal(&c.pref64, &p, 16);
	assert_false(c.dns64);
	assert_int_equal(c.addressing, ADDR_SLAAC);
	assert_int_equal(c.inactive_after, 30);
	assert_int_equal(c.release_after, 60);
	assert_true(c.unknown_drop);
	assert_int_equal(c.lowest_mtu, 1400);
	assert_string_equal(c.ident_prefix, "x-");
	assert_int_equal(config_check(&c, err, sizeof(err)), 0);
}

struct bad {
	const char *line;
	const char *says;	/* a part of the error */
};

static void test_bad_lines(void **state)
{
	static const struct bad bad[] = {
		{ "lan", "one value" },
		{ "lan a b", "one value" },
		{ "lan 0123456789abcdef", "interface name" },
		{ "wan a/b", "interface name" },
		{ "state relative.json", "absolute" },
		{ "pref64 64:ff9b::/95", "32, 40" },
		{ "pref64 64:ff9b::1/96", "past" },
		{ "pref64 nonsense", "pref64" },
		{ "dns64 maybe", "on nor off" },
		{ "addressing dhcp", "auto, dhcpv6 or slaac" },
		{ "inactive-after 0", "seconds" },
		{ "inactive-after -5", "seconds" },
		{ "inactive-after 10s", "seconds" },
		{ "release-after 99999999999", "seconds" },
		{ "unknown reject", "pass nor drop" },
		{ "lowest-mtu 1279", "lowest-mtu" },
		{ "ident-prefix abcd", "1 to 3" },
		{ "ident-prefix A", "a-z" },
		{ "frobnicate yes", "unknown setting" },
		{ "static 02:00:00:00:00:0a", "MAC IPV4" },
		{ "static 01:00:00:00:00:0a 192.168.1.10", "multicast" },
		{ "static 02:00:00:00:00:0a 192.168.1", "IPv4" },
		{ "static 02:00:00:00:00:0a 0.0.0.0", "IPv4" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 ipv4 ::1", "ipv6" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 ipv6 zz", "ipv6" },
		{ "a b c d e f g h i", "too many" },
	};
	struct config c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		config_defaults(&c);
		if (line(&c, bad[i].line) != -1)
			fail_msg("\"%s\" was taken", bad[i].line);
		if (!strstr(err, bad[i].says))
			fail_msg("\"%s\": error \"%s\" lacks \"%s\"",
				 bad[i].line, err, bad[i].says);
	}
}

static void test_statics(void **state)
{
	struct config c;
	struct in6_addr a;

	(void)state;
	config_defaults(&c);
	assert_int_equal(line(&c, "static 02:00:00:00:00:0a 192.168.1.10"), 0);
	assert_int_equal(line(&c, "static 02:00:00:00:00:0b 192.168.1.11 ipv6 2001:db8::b"), 0);
	assert_int_equal(c.n_statics, 2);
	assert_false(c.statics[0].has_ipv6);
	assert_int_equal(c.statics[0].ipv4.s_addr, inet_addr("192.168.1.10"));
	assert_int_equal(c.statics[0].mac[5], 0x0a);
	assert_true(c.statics[1].has_ipv6);
	inet_pton(AF_INET6, "2001:db8::b", &a);
	assert_memory_equal(&c.statics[1].ipv6, &a, 16);
	/* the same MAC or IPv4 twice */
	assert_int_equal(line(&c, "static 02:00:00:00:00:0a 192.168.1.12"), -1);
	assert_non_null(strstr(err, "already"));
	assert_int_equal(line(&c, "static 02:00:00:00:00:0c 192.168.1.11"), -1);
	assert_int_equal(c.n_statics, 2);
}

static void test_check(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	line(&c, "lan eth0");
	line(&c, "wan eth0");
	assert_int_equal(config_check(&c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "both"));
	line(&c, "wan eth1");
	line(&c, "inactive-after 100");
	line(&c, "release-after 50");
	assert_int_equal(config_check(&c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "shorter"));
	line(&c, "release-after 100");
	assert_int_equal(config_check(&c, err, sizeof(err)), 0);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_file(void **state)
{
	char dir[] = "/tmp/v4v6-config-XXXXXX", path[64], big[700];
	struct config c;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/v4v6d.conf", dir);

	/* missing: fine unless the file was asked for */
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, false, err, sizeof(err)), 0);
	assert_int_equal(config_load(&c, path, true, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file"));

	write_file(path, "lan eth0\nwan eth1\n\n# x\nunknown drop\n");
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, true, err, sizeof(err)), 0);
	assert_true(c.unknown_drop);
	assert_string_equal(c.wan, "eth1");

	/* the error names the file and the line */
	write_file(path, "lan eth0\n\nwan eth1 eth2\n");
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, true, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "v4v6d.conf:3: wan"));

	/* a line longer than the reader's buffer is refused, not split */
	memset(big, 'x', sizeof(big) - 2);
	big[sizeof(big) - 2] = '\n';
	big[sizeof(big) - 1] = '\0';
	write_file(path, big);
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, true, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":1: line too long"));

	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_good_lines),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_statics),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
