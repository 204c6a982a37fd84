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
	assert_false(c.inbound_all);
	assert_int_equal(c.n_allows, 0);
	assert_int_equal(c.lowest_mtu, 0);
	assert_string_equal(c.ident_prefix, "v6d");
	assert_int_equal(c.n_statics, 0);
	assert_int_equal(c.max_devices, 1024);
	assert_int_equal(c.learn_rate, 50);
	assert_int_equal(c.n_learn_allow, 0);
	assert_int_equal(c.n_learn_deny, 0);
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
	assert_int_equal(line(&c, "inbound all"), 0);
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
	assert_true(c.inbound_all);
	assert_int_equal(line(&c, "inbound replies"), 0);
	assert_false(c.inbound_all);
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
		{ "inbound none", "inbound: \"none\" is neither replies nor all" },
		{ "inbound", "one value" },
		{ "allow 02:00:00:00:00:0a", "allow: MAC PROTO [PORT|LO-HI]" },
		{ "allow 03:00:00:00:00:0a tcp 22", "multicast" },
		{ "allow tcp 22", "allow: \"tcp\": malformed" },
		{ "allow 02:00:00:00:00:0a sctp",
		  "allow: invalid allow protocol \"sctp\", expected tcp, udp or icmp" },
		{ "allow 02:00:00:00:00:0a tcp 65536",
		  "allow: invalid allow port \"65536\": out of range" },
		{ "allow 02:00:00:00:00:0a udp 53-52",
		  "allow: invalid allow port \"53-52\": the first port is above" },
		{ "allow 02:00:00:00:00:0a icmp 8", "icmp takes no port" },
		{ "allow 02:00:00:00:00:0a tcp 22 udp 53",
		  "allow: \"udp\": one rule a line" },
		{ "allow 02:00:00:00:00:0a tcp ssh", "allow: \"ssh\": one rule" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 allow",
		  "static: allow needs a protocol" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 allow tcp 0",
		  "static: invalid allow port \"0\": out of range" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 ipv6 2001:db8::a "
		  "allow gre", "static: invalid allow protocol \"gre\"" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 permit tcp",
		  "static: MAC IPV4 [ipv6 ADDRESS] [allow PROTO" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 ipv6",
		  "static: MAC IPV4" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 allow tcp 22 tcp 23",
		  "static: \"tcp\" is not \"allow PROTO [PORT|LO-HI]\"" },
		{ "static 02:00:00:00:00:0a 192.168.1.10 allow icmp allow icmp "
		  "allow icmp allow icmp allow icmp allow icmp allow icmp "
		  "allow icmp allow icmp allow icmp allow icmp allow icmp "
		  "allow icmp allow icmp allow icmp allow icmp allow udp 1-2",
		  "static: more than 16 allow rules" },
		{ "a b c d e f g h i j k l m n o p q r s t u v w x y z "
		  "a b c d e f g h i j k l m n o p q r s t u v w x y z "
		  "a b c d e f g h i j k l m", "too many" },
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
		/* a bad line changes nothing */
		assert_int_equal(c.n_statics, 0);
		assert_int_equal(c.n_allows, 0);
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

/* The rules of @mac in @c as v4v6ctl prints them, "-" for none. */
static const char *rules(const struct config *c, const char *mac)
{
	static char buf[ALLOW_LIST_STRLEN];
	const struct allow_list *l;
	uint8_t m[6];

	assert_int_equal(parse_mac(mac, m), PARSE_OK);
	l = config_allow(c, m);
	if (!l)
		return "-";
	assert_true(l->n > 0);
	format_allow_list(l, buf, sizeof(buf));
	return buf;
}

static void test_allows(void **state)
{
	static const char a[] = "02:00:00:00:00:0a", b[] = "02:00:00:00:00:0b";
	struct config c, d;
	uint8_t mb[6];
	int i;

	(void)state;
	config_defaults(&c);
	assert_int_equal(line(&c, "static 02:00:00:00:00:0a 192.168.1.10 "
			      "allow tcp 22 allow udp 5000-5010 allow icmp"), 0);
	assert_int_equal(line(&c, "static 02:00:00:00:00:0c 192.168.1.12 "
			      "ipv6 2001:db8::c allow tcp"), 0);
	assert_int_equal(line(&c, "static 02:00:00:00:00:0d 192.168.1.13"), 0);
	/* a learned device's lines, and more for a static one */
	assert_int_equal(line(&c, "allow 02:00:00:00:00:0B tcp 80 # web"), 0);
	assert_int_equal(line(&c, "allow 02:00:00:00:00:0b icmp"), 0);
	assert_int_equal(line(&c, "allow 02:00:00:00:00:0a udp 53"), 0);
	assert_int_equal(c.n_statics, 3);
	assert_true(c.statics[1].has_ipv6);
	assert_int_equal(c.n_allows, 3);
	assert_string_equal(rules(&c, a),
			    "tcp 22, udp 5000-5010, icmp, udp 53");
	assert_string_equal(rules(&c, b), "tcp 80, icmp");
	assert_string_equal(rules(&c, "02:00:00:00:00:0c"), "tcp");
	assert_string_equal(rules(&c, "02:00:00:00:00:0d"), "-");
	assert_string_equal(rules(&c, "02:00:00:00:00:0e"), "-");

	/* at most V4V6_ALLOW_MAX a device, "static" and "allow" together */
	for (i = 4; i < V4V6_ALLOW_MAX; i++)
		assert_int_equal(line(&c, "allow 02:00:00:00:00:0a tcp 1"), 0);
	assert_int_equal(line(&c, "allow 02:00:00:00:00:0a tcp 2"), -1);
	assert_string_equal(err, "allow: more than 16 allow rules for "
			    "02:00:00:00:00:0a");
	assert_int_equal(config_allow(&c, c.statics[0].mac)->n,
			 V4V6_ALLOW_MAX);
	for (i = 2; i < V4V6_ALLOW_MAX; i++)
		assert_int_equal(line(&c, "allow 02:00:00:00:00:0b udp 1"), 0);
	assert_int_equal(line(&c, "static 02:00:00:00:00:0b 192.168.1.11 "
			      "allow icmp"), -1);
	assert_string_equal(err, "static: more than 16 allow rules for "
			    "02:00:00:00:00:0b");
	/* the refused line added no static device either */
	assert_int_equal(c.n_statics, 3);

	/* what a reload compares */
	config_defaults(&c);
	config_defaults(&d);
	assert_int_equal(parse_mac(b, mb), PARSE_OK);
	assert_true(config_allow_same(&c, &d, mb));
	line(&c, "allow 02:00:00:00:00:0b tcp 22");
	assert_false(config_allow_same(&c, &d, mb));
	line(&d, "static 02:00:00:00:00:0b 192.168.1.11 allow tcp 22");
	assert_true(config_allow_same(&c, &d, mb));
	line(&d, "allow 02:00:00:00:00:0a tcp 22");
	assert_true(config_allow_same(&c, &d, mb));
	line(&d, "allow 02:00:00:00:00:0b tcp 23");
	assert_false(config_allow_same(&c, &d, mb));
}

/* As many devices with rules as the table holds, and no more. */
static void test_allows_full(void **state)
{
	struct config *c = malloc(sizeof(*c));
	char buf[64];
	int i;

	(void)state;
	assert_non_null(c);
	config_defaults(c);
	for (i = 0; i < CONFIG_MAX_ALLOW; i++) {
		snprintf(buf, sizeof(buf), "allow 02:00:00:00:%02x:%02x icmp",
			 i >> 8, i & 0xff);
		assert_int_equal(line(c, buf), 0);
	}
	assert_int_equal(line(c, "allow 02:00:00:00:00:00 tcp 1"), 0);
	assert_int_equal(line(c, "allow 02:00:00:01:00:00 tcp 1"), -1);
	assert_string_equal(err, "allow: more than 1024 devices with allow "
			    "rules");
	free(c);
}

static void test_learning(void **state)
{
	static const uint8_t m1[6] = { 2, 0, 0, 0, 0, 1 };
	struct config c;
	unsigned int i;
	char buf[64];

	(void)state;
	config_defaults(&c);
	assert_int_equal(line(&c, "max-devices 3"), 0);
	assert_int_equal(c.max_devices, 3);
	assert_int_equal(line(&c, "max-devices 65536"), 0);
	assert_int_equal(line(&c, "learn-rate 1"), 0);
	assert_int_equal(c.learn_rate, 1);
	assert_int_equal(line(&c, "learn-allow 02:00:00:00:00:01"), 0);
	assert_int_equal(line(&c, "learn-allow 02:00:00:00:00:01"), 0);
	assert_int_equal(c.n_learn_allow, 1);
	assert_memory_equal(c.learn_allow[0], m1, 6);
	assert_int_equal(line(&c, "learn-deny 02:00:00:00:00:02"), 0);
	assert_int_equal(c.n_learn_deny, 1);

	assert_int_equal(line(&c, "max-devices 0"), -1);
	assert_non_null(strstr(err, "max-devices"));
	assert_int_equal(line(&c, "max-devices 65537"), -1);
	assert_int_equal(line(&c, "max-devices -1"), -1);
	assert_int_equal(line(&c, "learn-rate 10001"), -1);
	assert_int_equal(line(&c, "learn-rate x"), -1);
	assert_int_equal(line(&c, "learn-deny 01:00:5e:00:00:01"), -1);
	assert_non_null(strstr(err, "learn-deny"));
	assert_int_equal(line(&c, "learn-allow 00:00:00:00:00:00"), -1);
	assert_int_equal(line(&c, "learn-allow nonsense"), -1);
	assert_int_equal(line(&c, "learn-allow"), -1);

	for (i = c.n_learn_deny; i < CONFIG_MAX_LEARN; i++) {
		snprintf(buf, sizeof(buf), "learn-deny 02:00:00:01:%02x:%02x",
			 i >> 8, i & 0xff);
		assert_int_equal(line(&c, buf), 0);
	}
	assert_int_equal(line(&c, "learn-deny 02:00:00:02:00:00"), -1);
	assert_non_null(strstr(err, "more than"));
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

	/* rules over several lines, a rule too many named by its line */
	write_file(path, "lan eth0\nwan eth1\ninbound all\n"
		   "static 02:00:00:00:00:0a 192.168.1.10 allow tcp 22 "
		   "allow tcp 23 allow tcp 24 allow tcp 25 allow tcp 26 "
		   "allow tcp 27 allow tcp 28 allow tcp 29 allow tcp 30 "
		   "allow tcp 31 allow tcp 32 allow tcp 33 allow tcp 34 "
		   "allow tcp 35 allow tcp 36 allow udp 60000-65535\n"
		   "allow 02:00:00:00:00:0a icmp\n");
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, true, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "v4v6d.conf:5: allow: more than 16 allow "
			       "rules for 02:00:00:00:00:0a"));
	assert_true(c.inbound_all);
	assert_int_equal(c.allows[0].rules.n, 16);

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
		cmocka_unit_test(test_allows),
		cmocka_unit_test(test_allows_full),
		cmocka_unit_test(test_learning),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
