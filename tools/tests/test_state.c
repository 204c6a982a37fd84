// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/state.c: the state file's JSON both ways, its
 * validation, and saving and loading with the .bak.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state_write.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static void set_mac(struct state_dev *d, uint8_t last)
{
	static const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, 0 };

	memcpy(d->mac, mac, 6);
	d->mac[5] = last;
}

static void set6(struct in6_addr *a, const char *s)
{
	assert_int_equal(inet_pton(AF_INET6, s, a), 1);
}

static void set4(struct in_addr *a, const char *s)
{
	assert_int_equal(inet_pton(AF_INET, s, a), 1);
}

/* A state with a bit of everything: @st->devs malloc'd. */
static void sample(struct state *st)
{
	struct state_dev *d;

	memset(st, 0, sizeof(*st));
	st->has_pref64 = true;
	set6(&st->pref64, "64:ff9b::");
	st->pref64_len = 96;
	st->n = 5;
	st->devs = calloc(st->n, sizeof(*st->devs));
	assert_non_null(st->devs);

	d = &st->devs[0];	/* DHCPv6 with a lease */
	set_mac(d, 0x0a);
	set4(&d->ipv4, "192.168.1.10");
	d->mode = STATE_MODE_DHCPV6;
	d->has_ipv6 = true;
	set6(&d->ipv6, "2001:db8::a");
	d->last_seen = 1790000000;
	strcpy(d->dhcp6_state, "bound");
	d->has_lease = true;
	d->lease.addr = d->ipv6;
	d->lease.iaid = 0xffffffff;
	d->lease.t1 = 1800;
	d->lease.t2 = 2880;
	d->lease.preferred = 3600;
	d->lease.valid = 7200;
	d->lease_start = 1789999000;
	d->lease.server_duid_len = 10;
	memcpy(d->lease.server_duid, "\x00\x03\x00\x01\x02\x00\x00\x00\x00\xfe",
	       10);

	d = &st->devs[1];	/* static, SLAAC */
	set_mac(d, 0x0b);
	set4(&d->ipv4, "192.168.1.11");
	d->is_static = true;
	d->mode = STATE_MODE_SLAAC;
	d->has_ipv6 = true;
	set6(&d->ipv6, "2001:db8::ff:fe00:b");

	d = &st->devs[2];	/* infinite lifetimes, the longest DUID */
	set_mac(d, 0x0c);
	memset(d->mac + 1, 0xff, 5);
	set4(&d->ipv4, "10.0.0.1");
	d->inactive = true;
	d->mode = STATE_MODE_DHCPV6;
	d->last_seen = (INT64_C(1) << 53) - 1;
	strcpy(d->dhcp6_state, "renew");
	d->has_lease = true;
	set6(&d->lease.addr, "2001:db8:ffff::c");
	d->lease.t1 = d->lease.t2 = 0xffffffff;
	d->lease.preferred = d->lease.valid = 0xffffffff;
	d->lease_start = 0;
	d->lease.server_duid_len = DHCP6_DUID_MAX;
	memset(d->lease.server_duid, 0xa5, DHCP6_DUID_MAX);

	d = &st->devs[3];	/* fixed, inactive and static */
	set_mac(d, 0x0d);
	d->mac[0] = 0xfc;
	set4(&d->ipv4, "0.0.0.0");
	d->is_static = d->inactive = true;
	d->mode = STATE_MODE_FIXED;
	d->has_ipv6 = true;
	set6(&d->ipv6, "2001:db8::d");
	strcpy(d->dhcp6_state, "");

	d = &st->devs[4];	/* DHCPv6 without a lease nor an address */
	set_mac(d, 0x0e);
	set4(&d->ipv4, "255.255.255.255");
	d->mode = STATE_MODE_DHCPV6;
	strcpy(d->dhcp6_state, "solicit");
}

/* format, then parse: the same state, and the same text again. */
static void round_trip(const struct state *st)
{
	char *text, *again, err[256] = "";
	struct state back;

	text = state_format(st);
	assert_non_null(text);
	if (state_parse(text, strlen(text), &back, err, sizeof(err)))
		fail_msg("%s in\n%s", err, text);
	assert_true(state_equal(st, &back));
	assert_true(state_equal(&back, st));
	again = state_format(&back);
	assert_non_null(again);
	assert_string_equal(text, again);
	free(again);
	free(text);
	state_free(&back);
	assert_null(back.devs);
	assert_int_equal(back.n, 0);
}

static void test_round_trip(void **state)
{
	static const struct {
		const char *prefix;
		uint8_t len;
	} prefs[] = {
		{ "2001:db8::", 32 }, { "2001:db8:100::", 40 },
		{ "2001:db8:122::", 48 }, { "2001:db8:122:300::", 56 },
		{ "2001:db8:122:344::", 64 }, { "2001:db8:122:344::", 96 },
		{ "64:ff9b:1:2:0:ff::", 96 },
	};
	struct state st;
	size_t i;

	(void)state;
	sample(&st);
	round_trip(&st);
	for (i = 0; i < ARRAY_SIZE(prefs); i++) {
		set6(&st.pref64, prefs[i].prefix);
		st.pref64_len = prefs[i].len;
		round_trip(&st);
	}
	st.has_pref64 = false;
	round_trip(&st);
	st.n = 1;
	round_trip(&st);
	st.n = 0;
	round_trip(&st);
	state_free(&st);
}

/* What is not saved is not compared. */
static void test_equal(void **state)
{
	struct state a, b;

	(void)state;
	sample(&a);
	sample(&b);
	assert_true(state_equal(&a, &b));
	b.devs[0].lease.start_ms = 12345;
	b.devs[1].lease.valid = 7;	/* no lease */
	b.devs[4].ipv6.s6_addr[0] = 1;	/* no ipv6 */
	b.devs[4].lease_start = 99;
	b.devs[0].lease.server_duid[20] = 1;	/* past the length */
	strcpy(b.devs[4].dhcp6_state + 10, "x");	/* past the NUL */
	assert_true(state_equal(&a, &b));
	b.devs[0].lease.server_duid[9] = 0;
	assert_false(state_equal(&a, &b));
	b.devs[0].lease.server_duid[9] = 0xfe;
	b.devs[2].lease_start = 1;
	assert_false(state_equal(&a, &b));
	b.devs[2].lease_start = 0;
	b.pref64.s6_addr[1] = 0;
	assert_false(state_equal(&a, &b));
	b.has_pref64 = a.has_pref64 = false;
	assert_true(state_equal(&a, &b));
	b.n--;
	assert_false(state_equal(&a, &b));
	b.n++;
	b.devs[3].mode = STATE_MODE_SLAAC;
	assert_false(state_equal(&a, &b));
	state_free(&a);
	state_free(&b);
}

/* Parsing @text fails with an error that contains @want, *st empty. */
static void parse_fails(const char *text, const char *want)
{
	struct state st;
	char err[256] = "";

	memset(&st, 0x55, sizeof(st));
	if (!state_parse(text, strlen(text), &st, err, sizeof(err)))
		fail_msg("parsed, but wanted \"%s\":\n%s", want, text);
	if (!strstr(err, want))
		fail_msg("\"%s\" does not say \"%s\"", err, want);
	assert_null(st.devs);
	assert_int_equal(st.n, 0);
	assert_false(st.has_pref64);
}

static void parse_ok(const char *text, struct state *st)
{
	char err[256] = "";

	if (state_parse(text, strlen(text), st, err, sizeof(err)))
		fail_msg("%s in\n%s", err, text);
}

/*
 * A document of two devices, the second with the member @key ("mac",
 * "lease.t1") set to the JSON text @val, or left out when @val is NULL.
 */
static char *doc_with(const char *key, const char *val)
{
	static const char *const dev[][2] = {
		{ "mac", "\"02:00:00:00:00:0b\"" },
		{ "ipv4", "\"192.168.1.11\"" },
		{ "static", "false" },
		{ "inactive", "true" },
		{ "mode", "\"dhcpv6\"" },
		{ "ipv6", "\"2001:db8::b\"" },
		{ "last_seen", "1790000000" },
		{ "dhcp6_state", "\"bound\"" },
		{ "lease", NULL },
	};
	static const char *const lease[][2] = {
		{ "address", "\"2001:db8::b\"" },
		{ "iaid", "1" },
		{ "t1", "1800" },
		{ "t2", "2880" },
		{ "preferred", "3600" },
		{ "valid", "7200" },
		{ "start", "1789990000" },
		{ "server_duid", "\"00030001020000000b01\"" },
	};
	char *s = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&s, &len);
	const char *sep = "", *lsep;

	assert_non_null(f);
	fprintf(f, "{\"version\": 1, \"devices\": [{\"mac\": \"02:00:00:00:00:0a\", "
		"\"ipv4\": \"192.168.1.10\", \"static\": true, \"inactive\": false, "
		"\"mode\": \"slaac\", \"last_seen\": 0}, {");
	for (i = 0; i < ARRAY_SIZE(dev); i++) {
		const char *v = !strcmp(dev[i][0], key) ? val : dev[i][1];
		size_t j;

		if (!v && strcmp(dev[i][0], "lease"))
			continue;
		if (!v && !strcmp(key, "lease"))
			continue;
		fprintf(f, "%s\"%s\": ", sep, dev[i][0]);
		sep = ", ";
		if (v) {
			fputs(v, f);
			continue;
		}
		fputs("{", f);
		for (j = 0, lsep = ""; j < ARRAY_SIZE(lease); j++) {
			v = lease[j][1];
			if (!strncmp(key, "lease.", 6) &&
			    !strcmp(key + 6, lease[j][0]))
				v = val;
			if (!v)
				continue;
			fprintf(f, "%s\"%s\": %s", lsep, lease[j][0], v);
			lsep = ", ";
		}
		fputs("}", f);
	}
	fputs("}]}", f);
	assert_int_equal(fclose(f), 0);
	return s;
}

static void test_doc_with(void **state)
{
	struct state st;
	char *s = doc_with("", NULL);

	(void)state;
	parse_ok(s, &st);
	free(s);
	assert_int_equal(st.n, 2);
	assert_true(st.devs[0].is_static);
	assert_int_equal(st.devs[0].mode, STATE_MODE_SLAAC);
	assert_false(st.devs[0].has_lease);
	assert_false(st.devs[0].has_ipv6);
	assert_string_equal(st.devs[0].dhcp6_state, "");
	assert_true(st.devs[1].has_lease);
	assert_true(st.devs[1].inactive);
	assert_int_equal(st.devs[1].lease.t2, 2880);
	assert_int_equal(st.devs[1].lease_start, 1789990000);
	assert_int_equal(st.devs[1].lease.start_ms, 0);
	assert_int_equal(st.devs[1].lease.server_duid_len, 10);
	assert_int_equal(st.devs[1].lease.server_duid[9], 1);
	assert_string_equal(st.devs[1].dhcp6_state, "bound");
	state_free(&st);

	/* The optional members. */
	s = doc_with("lease", NULL);
	parse_ok(s, &st);
	free(s);
	assert_false(st.devs[1].has_lease);
	state_free(&st);
	s = doc_with("ipv6", NULL);
	parse_ok(s, &st);
	free(s);
	assert_false(st.devs[1].has_ipv6);
	state_free(&st);
	s = doc_with("dhcp6_state", NULL);
	parse_ok(s, &st);
	free(s);
	assert_string_equal(st.devs[1].dhcp6_state, "");
	state_free(&st);
	/* Not checked: a lease in another mode, T1 > T2, preferred > valid. */
	s = doc_with("mode", "\"slaac\"");
	parse_ok(s, &st);
	free(s);
	assert_true(st.devs[1].has_lease);
	assert_int_equal(st.devs[1].mode, STATE_MODE_SLAAC);
	state_free(&st);
	s = doc_with("lease.t1", "2881");
	parse_ok(s, &st);
	free(s);
	state_free(&st);
	s = doc_with("lease.preferred", "7201");
	parse_ok(s, &st);
	free(s);
	state_free(&st);
}

/*
 * "last_seen" is restored, so that aging goes on across a restart: an hour
 * ago in the file is an hour before now on the daemon's clock. Files
 * written before it was saved lack it: they load, and aging starts afresh.
 */
static void test_last_seen(void **state)
{
	const int64_t now = 1790000000;
	const uint64_t now_ms = 5000000000ull;	/* the fake monotonic clock */
	struct state st;
	char *s;

	(void)state;
	s = doc_with("last_seen", "1789996400");
	parse_ok(s, &st);
	free(s);
	assert_int_equal(st.devs[1].last_seen, now - 3600);
	/* less two seconds for the roundings */
	assert_int_equal(state_seen_ms(&st.devs[1], now, now_ms),
			 now_ms - 3598000);
	st.devs[1].last_seen = now - 2;
	assert_int_equal(state_seen_ms(&st.devs[1], now, now_ms), now_ms);
	/* the first device's is 0: unknown, seen now */
	assert_int_equal(state_seen_ms(&st.devs[0], now, now_ms), now_ms);
	/* in the future (the clock was set back): now */
	st.devs[1].last_seen = now + 10;
	assert_int_equal(state_seen_ms(&st.devs[1], now, now_ms), now_ms);
	/* before the monotonic clock began: its start */
	st.devs[1].last_seen = 1;
	assert_int_equal(state_seen_ms(&st.devs[1], now, now_ms), 0);
	state_free(&st);

	s = doc_with("last_seen", NULL);
	parse_ok(s, &st);
	free(s);
	assert_int_equal(st.devs[1].last_seen, 0);
	assert_int_equal(state_seen_ms(&st.devs[1], now, now_ms), now_ms);
	state_free(&st);
}

struct bad_case {
	const char *key, *val, *want;
};

static void check_bad(const struct bad_case *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *s = doc_with(c[i].key, c[i].val);

		parse_fails(s, c[i].want);
		free(s);
	}
}

static void test_bad_device(void **state)
{
	static const struct bad_case cases[] = {
		{ "mac", NULL, "devices[1].mac: missing" },
		{ "mac", "1", "devices[1].mac: expected a string" },
		{ "mac", "\"02:00:00:00:00\"",
		  "devices[1].mac: \"02:00:00:00:00\" is not a MAC address" },
		{ "mac", "\"02:00:00:00:00:0g\"", "is not a MAC address" },
		{ "mac", "\"02-00-00-00-00-0a\"", "is not a MAC address" },
		{ "mac", "\"02:00:00:00:00:0a:\"", "is not a MAC address" },
		{ "mac", "\"02:00:00:00:00:\\u0000a\"",
		  "devices[1].mac: contains a NUL" },
		{ "mac", "\"01:00:5e:00:00:01\"", "devices[1].mac: a multicast" },
		{ "mac", "\"00:00:00:00:00:00\"", "devices[1].mac: the all-zero" },
		{ "ipv4", NULL, "devices[1].ipv4: missing" },
		{ "ipv4", "\"300.1.2.3\"",
		  "devices[1].ipv4: \"300.1.2.3\" is not an IPv4 address" },
		{ "ipv4", "\"2001:db8::1\"", "is not an IPv4 address" },
		{ "ipv4", "null", "devices[1].ipv4: expected a string" },
		{ "static", NULL, "devices[1].static: missing" },
		{ "static", "0", "devices[1].static: expected true or false" },
		{ "static", "\"false\"", "expected true or false" },
		{ "inactive", "null", "devices[1].inactive: expected true" },
		{ "mode", "\"dhcp\"",
		  "devices[1].mode: \"dhcp\" is not dhcpv6, slaac or fixed" },
		{ "mode", "\"DHCPV6\"", "is not dhcpv6, slaac or fixed" },
		{ "mode", NULL, "devices[1].mode: missing" },
		{ "ipv6", "\"192.168.1.1\"",
		  "devices[1].ipv6: \"192.168.1.1\" is not an IPv6 address" },
		{ "ipv6", "[]", "devices[1].ipv6: expected a string" },
		{ "last_seen", "-1", "devices[1].last_seen: -1 is out of range" },
		{ "last_seen", "9007199254740992", "is out of range" },
		{ "last_seen", "1.5", "devices[1].last_seen: expected an integer" },
		{ "last_seen", "1e3", "expected an integer" },
		{ "last_seen", "\"1\"", "expected an integer" },
		{ "dhcp6_state", "\"\"",
		  "devices[1].dhcp6_state: \"\" is not a DHCPv6 state" },
		{ "dhcp6_state", "\"0123456789abcdef\"", "is not a DHCPv6 state" },
		{ "dhcp6_state", "\"Bound\"", "is not a DHCPv6 state" },
		{ "dhcp6_state", "\"bo und\"", "is not a DHCPv6 state" },
		{ "dhcp6_state", "\"\\u001b[31m\"",
		  "\"?[31m\" is not a DHCPv6 state" },
		{ "dhcp6_state", "7", "devices[1].dhcp6_state: expected a string" },
		{ "lease", "[]", "devices[1].lease: expected an object" },
		{ "lease", "{}", "devices[1].lease.address: missing" },
	};

	(void)state;
	check_bad(cases, ARRAY_SIZE(cases));
}

static void test_bad_lease(void **state)
{
	static const struct bad_case cases[] = {
		{ "lease.address", NULL, "devices[1].lease.address: missing" },
		{ "lease.address", "\"2001:db8::g\"",
		  "devices[1].lease.address: \"2001:db8::g\" is not an IPv6" },
		{ "lease.iaid", "-1",
		  "devices[1].lease.iaid: -1 is out of range (0 to 4294967295)" },
		{ "lease.iaid", "4294967296", "lease.iaid: 4294967296 is out" },
		{ "lease.iaid", "true", "lease.iaid: expected an integer" },
		{ "lease.t1", NULL, "devices[1].lease.t1: missing" },
		{ "lease.t1", "1e2", "devices[1].lease.t1: expected an integer" },
		{ "lease.t2", "18446744073709551615", "lease.t2: " },
		{ "lease.t2", "99999999999999999999999", "lease.t2: " },
		{ "lease.preferred", "-4294967295", "lease.preferred: " },
		{ "lease.valid", "4294967296", "lease.valid: 4294967296 is out" },
		{ "lease.valid", "\"forever\"", "lease.valid: expected an int" },
		{ "lease.start", "-1", "devices[1].lease.start: -1 is out" },
		{ "lease.start", NULL, "devices[1].lease.start: missing" },
		{ "lease.server_duid", NULL, "lease.server_duid: missing" },
		{ "lease.server_duid", "\"\"",
		  "devices[1].lease.server_duid: \"\" is not a DUID" },
		{ "lease.server_duid", "\"0\"", "is not a DUID" },
		{ "lease.server_duid", "\"000\"", "is not a DUID" },
		{ "lease.server_duid", "\"0x01\"", "is not a DUID" },
		{ "lease.server_duid", "\"00 1\"", "is not a DUID" },
		{ "lease.server_duid", "1", "server_duid: expected a string" },
	};
	char duid[2 * DHCP6_DUID_MAX + 5];
	struct bad_case big = {
		"lease.server_duid", duid, "is not a DUID (1 to 130 bytes"
	};
	struct state st;
	char *s;

	(void)state;
	check_bad(cases, ARRAY_SIZE(cases));
	/* 130 bytes fit, 131 do not. */
	duid[0] = '"';
	memset(duid + 1, 'f', 2 * DHCP6_DUID_MAX);
	strcpy(duid + 1 + 2 * DHCP6_DUID_MAX, "\"");
	s = doc_with(big.key, duid);
	parse_ok(s, &st);
	free(s);
	assert_int_equal(st.devs[1].lease.server_duid_len, DHCP6_DUID_MAX);
	state_free(&st);
	strcpy(duid + 1 + 2 * DHCP6_DUID_MAX, "ff\"");
	check_bad(&big, 1);
	/* The extremes that are good. */
	s = doc_with("lease.valid", "4294967295");
	parse_ok(s, &st);
	free(s);
	assert_int_equal(st.devs[1].lease.valid, 0xffffffff);
	state_free(&st);
	s = doc_with("lease.iaid", "0");
	parse_ok(s, &st);
	free(s);
	state_free(&st);
}

static void test_bad_top(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{ "", "empty" },
		{ " \n\t", "empty" },
		{ "{", "ends early" },
		{ "{\"version\": 1, \"devices\": [", "ends early" },
		{ "{\"version\": 1, \"devices\": []", "ends early" },
		{ "{\"version\": 1, \"devices\": []}x", "more after the JSON" },
		{ "{\"version\": 1, \"devices\": []}{}", "more after the JSON" },
		{ "{\"version\": 1, \"devices\": [],}", "invalid JSON" },
		{ "{\"version\": 1, \"devices\": [] /* */}", "invalid JSON" },
		{ "{\"version\": 01, \"devices\": []}", "invalid JSON" },
		{ "{\"version\": 1, \"devices\": [], \"x\": \"\xff\"}",
		  "invalid JSON" },
		{ "[]", "not a JSON object" },
		{ "1", "not a JSON object" },
		{ "\"version\"", "not a JSON object" },
		{ "null", "not a JSON object" },
		{ "{}", "version: missing" },
		{ "{\"devices\": []}", "version: missing" },
		{ "{\"version\": 2, \"devices\": []}",
		  "version: 2 is not supported (expected 1)" },
		{ "{\"version\": 0, \"devices\": []}", "version: 0 is not" },
		{ "{\"version\": \"1\", \"devices\": []}",
		  "version: expected an integer" },
		{ "{\"version\": 1.0, \"devices\": []}", "expected an integer" },
		{ "{\"version\": 1}", "devices: missing" },
		{ "{\"version\": 1, \"devices\": {}}", "devices: expected an array" },
		{ "{\"version\": 1, \"devices\": [1]}",
		  "devices[0]: expected an object" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": 96}",
		  "pref64: expected a string" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"64:ff9b::\"}",
		  "pref64: \"64:ff9b::\" is not a NAT64 prefix" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"64:ff9b::/95\"}",
		  "pref64: /95: the length must be 32, 40, 48, 56, 64 or 96" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"64:ff9b::/128\"}",
		  "is not a NAT64 prefix" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"64:ff9b::/096\"}",
		  "is not a NAT64 prefix" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"64:ff9b::/ 96\"}",
		  "is not a NAT64 prefix" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"10.0.0.0/96\"}",
		  "is not a NAT64 prefix" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"64:ff9b::1/96\"}",
		  "pref64: /96: bits are set past the prefix length" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"2001:db8::1:0:0/64\"}",
		  "pref64: /64: bits are set past" },
		{ "{\"version\": 1, \"devices\": [], \"pref64\": \"2001:db8:1:2:100::/96\"}",
		  "pref64: /96: bits 64-71 (the RFC 6052 u octet) must be zero" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++)
		parse_fails(cases[i].text, cases[i].want);
	/* A NUL byte, which strlen() would not see. */
	{
		static const char text[] = "{\"version\": 1, \"devices\": []}\0";
		struct state st;
		char err[128];

		assert_int_equal(state_parse(text, sizeof(text) - 1, &st, err,
					     sizeof(err)), -1);
		assert_non_null(strstr(err, "a NUL byte at offset 29"));
		assert_int_equal(state_parse(text, sizeof(text) - 2, &st, err,
					     sizeof(err)), 0);
		state_free(&st);
	}
}

/* Every prefix of a good text is refused (but that without its newline). */
static void test_truncated(void **state)
{
	struct state st, back;
	char *text, err[256];
	size_t len, n;

	(void)state;
	sample(&st);
	text = state_format(&st);
	assert_non_null(text);
	len = strlen(text);
	assert_int_equal(text[len - 1], '\n');
	for (n = 0; n < len - 1; n++) {
		memset(&back, 0x55, sizeof(back));
		if (!state_parse(text, n, &back, err, sizeof(err)))
			fail_msg("%zu of %zu bytes parsed", n, len);
		assert_null(back.devs);
		assert_int_equal(back.n, 0);
	}
	assert_int_equal(state_parse(text, len - 1, &back, err, sizeof(err)),
			 0);
	assert_true(state_equal(&st, &back));
	state_free(&back);
	free(text);
	state_free(&st);
}

/* Device @i, with @extra members, at the end of @text. */
static void add_dev(char *text, int i, const char *extra)
{
	sprintf(text + strlen(text),
		"{\"mac\": \"02:00:00:00:00:0%d\", \"ipv4\": \"10.0.0.%d\", "
		"\"static\": false, \"inactive\": false, \"mode\": \"slaac\"%s}",
		i, i, extra);
}

/*
 * A file read in pieces (the writer's outline) reads exactly as the same
 * text read as one document (an outline that is not plain: a top-level key
 * with an escape): the same devices, the same refusals, JSON's nesting
 * limit counted from the top.
 */
static void test_pieces(void **state)
{
	static const char *const keys[] = { "devices", "devic\\u0065s" };
	static const char head[] = "{\"version\": 1, \"devices\": [";
	char text[2048], deep[128];
	struct state st, whole;
	size_t k;
	int d;

	(void)state;
	for (k = 0; k < ARRAY_SIZE(keys); k++) {
		sprintf(text, "{\"version\": 1, \"%s\": [\n", keys[k]);
		for (d = 1; d <= 3; d++) {
			add_dev(text, d, "");
			strcat(text, d < 3 ? ",\n" : "]}\n");
		}
		parse_ok(text, k ? &whole : &st);
	}
	assert_int_equal(st.n, 3);
	assert_true(state_equal(&st, &whole));
	state_free(&st);
	state_free(&whole);
	/* 32 levels at most: root, "devices", the device, "x"'s 29 */
	for (d = 28; d <= 30; d++) {
		memset(deep, 0, sizeof(deep));
		strcpy(deep, ", \"x\": ");
		memset(deep + strlen(deep), '[', (size_t)d);
		memset(deep + strlen(deep), ']', (size_t)d);
		strcpy(text, head);
		add_dev(text, 1, deep);
		strcat(text, "]}");
		if (d < 30) {
			parse_ok(text, &st);
			state_free(&st);
		} else {
			parse_fails(text, "nesting too deep");
		}
	}
	/* between the devices: one comma, and none after the last */
	strcpy(text, head);
	add_dev(text, 1, "");
	strcat(text, ",,");
	add_dev(text, 2, "");
	strcat(text, "]}");
	parse_fails(text, "invalid JSON");
	strcpy(text, head);
	add_dev(text, 1, "");
	strcat(text, " ");
	add_dev(text, 2, "");
	strcat(text, "]}");
	parse_fails(text, "invalid JSON");
	strcpy(text, head);
	add_dev(text, 1, "");
	strcat(text, ",]}");
	parse_fails(text, "invalid JSON");
	/* a device's problem named as in the whole */
	strcpy(text, head);
	add_dev(text, 1, "");
	strcat(text, ",");
	add_dev(text, 2, ", \"ipv6\": 1");
	strcat(text, "], \"devices2\": []}");
	parse_fails(text, "devices[1].ipv6: expected a string");
	/* two "devices": the last one counts, as json-c has it */
	parse_ok("{\"version\": 1, \"devices\": [1], \"devices\": []}", &st);
	assert_int_equal(st.n, 0);
	state_free(&st);
}

/* Members this version does not know are ignored, at every level. */
static void test_unknown_members(void **state)
{
	static const char text[] =
		"{\"version\": 1, \"future\": {\"a\": [1, 2, {}]},\n"
		" \"devices\": [{\"mac\": \"02:00:00:00:00:0A\", \"x\": null,\n"
		"  \"ipv4\": \"192.168.1.10\", \"static\": false,\n"
		"  \"inactive\": false, \"mode\": \"dhcpv6\", \"last_seen\": 1,\n"
		"  \"lease\": {\"address\": \"2001:db8::a\", \"iaid\": 1,\n"
		"   \"t1\": 0, \"t2\": 0, \"preferred\": 0, \"valid\": 0,\n"
		"   \"start\": 0, \"server_duid\": \"00\", \"y\": 1.5}}],\n"
		" \"z\": \"\\u00e9t\\u00e9\"}";
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 0x0a };
	struct state st;

	(void)state;
	parse_ok(text, &st);
	assert_int_equal(st.n, 1);
	assert_memory_equal(st.devs[0].mac, mac, 6);
	assert_true(st.devs[0].has_lease);
	assert_int_equal(st.devs[0].lease.server_duid_len, 1);
	assert_false(st.has_pref64);
	state_free(&st);
}

static void test_duplicates(void **state)
{
	static const char *const head = "{\"version\": 1, \"devices\": [";
	static const char *const devs[] = {
		"{\"mac\": \"02:00:00:00:00:01\", \"ipv4\": \"10.0.0.1\"",
		"{\"mac\": \"02:00:00:00:00:02\", \"ipv4\": \"10.0.0.2\"",
		"{\"mac\": \"02:00:00:00:00:03\", \"ipv4\": \"10.0.0.3\"",
		"{\"mac\": \"02:00:00:00:00:02\", \"ipv4\": \"10.0.0.4\"",
		"{\"mac\": \"02:00:00:00:00:05\", \"ipv4\": \"10.0.0.1\"",
		"{\"mac\": \"02:00:00:00:00:01\", \"ipv4\": \"10.0.0.6\"",
	};
	static const char *const tail = ", \"static\": false, "
		"\"inactive\": false, \"mode\": \"slaac\", \"last_seen\": 0}";
	static const struct {
		unsigned int mask;
		const char *want;
	} cases[] = {
		{ 0x0f, "devices[3].mac: the same as devices[1]'s" },
		{ 0x17, "devices[3].ipv4: the same as devices[0]'s" },
		{ 0x3f, "devices[3].mac: the same as devices[1]'s" },
		{ 0x37, "devices[4].mac: the same as devices[0]'s" },
		{ 0x2f, "devices[3].mac" },
	};
	char text[2048];
	struct state st;
	size_t i, j;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases) + 1; i++) {
		unsigned int mask = 0x07;	/* no duplicate */
		const char *sep = "";

		if (i < ARRAY_SIZE(cases))
			mask = cases[i].mask;
		strcpy(text, head);
		for (j = 0; j < ARRAY_SIZE(devs); j++) {
			if (!(mask & (1u << j)))
				continue;
			strcat(text, sep);
			strcat(text, devs[j]);
			strcat(text, tail);
			sep = ", ";
		}
		strcat(text, "]}");
		if (i == ARRAY_SIZE(cases)) {
			parse_ok(text, &st);
			assert_int_equal(st.n, 3);
			state_free(&st);
		} else {
			parse_fails(text, cases[i].want);
		}
	}
}

/* @n distinct devices as a state file's text. */
static char *many_devices(size_t n)
{
	char *s = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&s, &len);

	assert_non_null(f);
	fputs("{\"version\":1,\"devices\":[", f);
	for (i = 0; i < n; i++)
		fprintf(f, "%s{\"mac\":\"02:00:00:%02zx:%02zx:%02zx\","
			"\"ipv4\":\"10.%zu.%zu.%zu\",\"static\":false,"
			"\"inactive\":false,\"mode\":\"slaac\",\"last_seen\":0}",
			i ? "," : "", (i >> 16) & 0xff, (i >> 8) & 0xff,
			i & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
	fputs("]}", f);
	assert_int_equal(fclose(f), 0);
	return s;
}

static void test_many_devices(void **state)
{
	struct state st;
	char *s, *fmt, err[128];

	(void)state;
	s = many_devices(STATE_MAX_DEVICES);
	parse_ok(s, &st);
	free(s);
	assert_int_equal(st.n, STATE_MAX_DEVICES);
	fmt = state_format(&st);
	assert_non_null(fmt);
	free(fmt);
	/* Another, the same as the first but for its MAC. */
	st.devs = realloc(st.devs, (st.n + 1) * sizeof(*st.devs));
	assert_non_null(st.devs);
	st.devs[st.n] = st.devs[0];
	st.devs[st.n++].mac[1] = 1;
	assert_int_equal(state_save("/nonexistent/x", &st, err, sizeof(err)),
			 -1);
	assert_string_equal(err, "devices: more than 65536 devices");
	state_free(&st);

	s = many_devices(STATE_MAX_DEVICES + 1);
	parse_fails(s, "devices: more than 65536 devices");
	free(s);
}

/* A temporary directory with the path of a state file in it. */
struct tmp {
	char dir[64];
	char path[96];
	char bak[100];
};

static void tmp_make(struct tmp *t)
{
	strcpy(t->dir, "/tmp/test_state.XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof(t->path), "%s/state.json", t->dir);
	snprintf(t->bak, sizeof(t->bak), "%s.bak", t->path);
}

/* The names in @t->dir, sorted, space-separated. */
static void tmp_names(const struct tmp *t, char *buf, size_t size)
{
	struct dirent **names;
	int n, i;

	n = scandir(t->dir, &names, NULL, alphasort);
	assert_true(n >= 0);
	*buf = '\0';
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] != '.') {
			if (*buf)
				strncat(buf, " ", size - strlen(buf) - 1);
			strncat(buf, names[i]->d_name, size - strlen(buf) - 1);
		}
		free(names[i]);
	}
	free(names);
}

static void tmp_remove(const struct tmp *t)
{
	struct dirent **names;
	char p[512];
	int n, i;

	n = scandir(t->dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		snprintf(p, sizeof(p), "%s/%s", t->dir, names[i]->d_name);
		if (names[i]->d_name[0] != '.')
			unlink(p);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	rmdir(t->dir);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void save_ok(const char *path, const struct state *st)
{
	char err[256] = "x";

	if (state_save(path, st, err, sizeof(err)))
		fail_msg("state_save: %s", err);
}

static void test_save_load(void **state)
{
	struct state st, back;
	char err[256], names[256];
	bool from_bak = true;
	struct stat sb;
	struct tmp t;

	(void)state;
	tmp_make(&t);
	sample(&st);
	save_ok(t.path, &st);
	tmp_names(&t, names, sizeof(names));
	assert_string_equal(names, "state.json");
	assert_int_equal(stat(t.path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 0);
	assert_false(from_bak);
	assert_true(state_equal(&st, &back));
	state_free(&back);

	/* Saved again: the first version is the .bak. */
	st.n = 2;
	save_ok(t.path, &st);
	tmp_names(&t, names, sizeof(names));
	assert_string_equal(names, "state.json state.json.bak");
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 0);
	assert_false(from_bak);
	assert_int_equal(back.n, 2);
	assert_true(state_equal(&st, &back));
	state_free(&back);
	assert_int_equal(state_load(t.bak, &back, &from_bak, err, sizeof(err)),
			 0);
	assert_int_equal(back.n, 5);
	state_free(&back);

	/* And again: the .bak is the second. */
	st.n = 1;
	save_ok(t.path, &st);
	assert_int_equal(state_load(t.bak, &back, &from_bak, err, sizeof(err)),
			 0);
	assert_int_equal(back.n, 2);
	state_free(&back);
	tmp_names(&t, names, sizeof(names));
	assert_string_equal(names, "state.json state.json.bak");

	st.n = 5;
	state_free(&st);
	tmp_remove(&t);
}

static void test_load_fallback(void **state)
{
	struct state st, back;
	char err[512];
	bool from_bak;
	struct tmp t;

	(void)state;
	tmp_make(&t);
	sample(&st);

	/* Neither file: a first start. */
	from_bak = true;
	memset(&back, 0x55, sizeof(back));
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 1);
	assert_false(from_bak);
	assert_int_equal(back.n, 0);
	assert_null(back.devs);

	/* PATH corrupt, the .bak good. */
	save_ok(t.path, &st);
	save_ok(t.path, &st);
	write_text(t.path, "{\"version\": 1, \"devi");
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 0);
	assert_true(from_bak);
	assert_true(state_equal(&st, &back));
	assert_non_null(strstr(err, t.path));
	assert_non_null(strstr(err, "ends early"));
	assert_null(strstr(err, ".bak"));
	state_free(&back);

	/* PATH missing, the .bak good. */
	assert_int_equal(unlink(t.path), 0);
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 0);
	assert_true(from_bak);
	assert_true(state_equal(&st, &back));
	assert_non_null(strstr(err, "No such file"));
	state_free(&back);

	/* Both corrupt: -1, saying what is wrong with each. */
	write_text(t.path, "{\"version\": 7, \"devices\": []}");
	write_text(t.bak, "[]");
	memset(&back, 0x55, sizeof(back));
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 -1);
	assert_false(from_bak);
	assert_null(back.devs);
	assert_int_equal(back.n, 0);
	assert_non_null(strstr(err, "version: 7 is not supported"));
	assert_non_null(strstr(err, "state.json.bak: not a JSON object"));

	/* PATH corrupt, no .bak: -1. */
	assert_int_equal(unlink(t.bak), 0);
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "version: 7"));
	/* PATH missing, the .bak corrupt: -1. */
	assert_int_equal(rename(t.path, t.bak), 0);
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "No such file"));
	assert_non_null(strstr(err, "version: 7"));

	/* A directory is not a state file. */
	assert_int_equal(unlink(t.bak), 0);
	assert_int_equal(mkdir(t.path, 0755), 0);
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "not a regular file"));
	assert_int_equal(rmdir(t.path), 0);

	state_free(&st);
	tmp_remove(&t);
}

/* What would stop every save is pruned, the rest kept in order. */
static void test_prune(void **state)
{
	struct state st, want;
	char err[256];

	(void)state;
	sample(&st);
	assert_int_equal(state_prune(&st, err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_int_equal(st.n, 5);

	/* a multicast MAC, then a zero one, then a repeated IPv4 address */
	sample(&want);
	st.devs[1].mac[0] = 0x01;
	memset(st.devs[2].mac, 0, 6);
	st.devs[4].ipv4 = st.devs[0].ipv4;
	assert_int_equal(state_prune(&st, err, sizeof(err)), 3);
	assert_string_equal(err, "devices[1].mac: a multicast address, not "
			    "a device's");
	assert_int_equal(st.n, 2);
	assert_memory_equal(&st.devs[0], &want.devs[0], sizeof(st.devs[0]));
	assert_memory_equal(&st.devs[1], &want.devs[3], sizeof(st.devs[1]));
	assert_int_equal(state_validate(&st, err, sizeof(err)), 0);

	/* the same MAC twice: the later goes; a bad prefix is left out */
	state_free(&st);
	sample(&st);
	memcpy(st.devs[3].mac, st.devs[1].mac, 6);
	st.pref64_len = 33;
	assert_int_equal(state_prune(&st, err, sizeof(err)), 1);
	assert_false(st.has_pref64);
	assert_int_equal(st.n, 4);
	assert_memory_equal(&st.devs[3], &want.devs[4], sizeof(st.devs[3]));
	assert_int_equal(state_validate(&st, err, sizeof(err)), 0);
	state_free(&want);
	state_free(&st);
}

static void test_save_fails(void **state)
{
	struct state st, back;
	char err[256], names[256], path[160];
	bool from_bak;
	struct tmp t;

	(void)state;
	tmp_make(&t);
	sample(&st);

	/* A directory that does not exist. */
	snprintf(path, sizeof(path), "%s/missing/state.json", t.dir);
	err[0] = '\0';
	assert_int_equal(state_save(path, &st, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	tmp_names(&t, names, sizeof(names));
	assert_string_equal(names, "");

	/* PATH is a directory: the rename fails, nothing is left behind. */
	assert_int_equal(mkdir(t.path, 0755), 0);
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot"));
	tmp_names(&t, names, sizeof(names));
	assert_string_equal(names, "state.json");
	assert_int_equal(rmdir(t.path), 0);

	/* What state_parse() would refuse is not written. */
	save_ok(t.path, &st);
	st.devs[2].mac[0] = 0x03;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_string_equal(err, "devices[2].mac: a multicast address, not "
			    "a device's");
	st.devs[2].mac[0] = 0x02;
	st.devs[0].lease.server_duid_len = 0;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "devices[0].lease.server_duid:"));
	st.devs[0].lease.server_duid_len = 10;
	st.devs[4].ipv4 = st.devs[3].ipv4;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_string_equal(err, "devices[4].ipv4: the same as devices[3]'s");
	set4(&st.devs[4].ipv4, "255.255.255.255");
	st.devs[4].last_seen = -1;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "devices[4].last_seen"));
	st.devs[4].last_seen = 0;
	memset(st.devs[4].dhcp6_state, 'a', sizeof(st.devs[4].dhcp6_state));
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "devices[4].dhcp6_state"));
	strcpy(st.devs[4].dhcp6_state, "Bound");
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	strcpy(st.devs[4].dhcp6_state, "");
	st.devs[3].mode = (enum state_mode)3;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "devices[3].mode"));
	st.devs[3].mode = STATE_MODE_FIXED;
	st.pref64_len = 95;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "pref64: /95: the length"));
	st.pref64_len = 96;
	st.pref64.s6_addr[15] = 1;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_string_equal(err,
			    "pref64: /96: bits are set past the prefix length");
	st.pref64.s6_addr[15] = 0;
	st.pref64.s6_addr[8] = 1;
	assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
	assert_string_equal(err, "pref64: /96: bits 64-71 (the RFC 6052 u "
			    "octet) must be zero");
	st.pref64.s6_addr[8] = 0;

	/* None of them touched the file. */
	tmp_names(&t, names, sizeof(names));
	assert_string_equal(names, "state.json");
	assert_int_equal(state_load(t.path, &back, &from_bak, err, sizeof(err)),
			 0);
	state_free(&back);

	/* An unwritable directory (which root writes all the same). */
	assert_int_equal(chmod(t.dir, 0555), 0);
	if (access(t.dir, W_OK)) {
		assert_int_equal(state_save(t.path, &st, err, sizeof(err)), -1);
		assert_non_null(strstr(err, "cannot create"));
	}
	assert_int_equal(chmod(t.dir, 0755), 0);

	state_free(&st);
	tmp_remove(&t);
}

/* A relative path, in the current directory. */
static void test_save_relative(void **state)
{
	char cwd[4096], err[256], names[256];
	struct state st, back;
	bool from_bak;
	struct tmp t;

	(void)state;
	tmp_make(&t);
	sample(&st);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(t.dir), 0);
	save_ok("s.json", &st);
	save_ok("s.json", &st);
	assert_int_equal(state_load("s.json", &back, &from_bak, err,
				    sizeof(err)), 0);
	assert_true(state_equal(&st, &back));
	state_free(&back);
	assert_int_equal(chdir(cwd), 0);
	tmp_names(&t, names, sizeof(names));
	assert_string_equal(names, "s.json s.json.bak");
	state_free(&st);
	tmp_remove(&t);
}

/* A message longer than the buffer is cut, and still a string. */
static void test_short_err(void **state)
{
	static const char text[] = "{\"version\": 1, \"devices\": [{\"mac\": "
		"\"0123456789012345678901234567890123456789012345678901234567"
		"890123456789\"}]}";
	struct state st;
	char err[256];

	(void)state;
	memset(err, 'x', sizeof(err));
	assert_int_equal(state_parse(text, strlen(text), &st, err, 16), -1);
	assert_string_equal(err, "devices[0].mac:");
	assert_int_equal(state_parse(text, strlen(text), &st, err, 0), -1);
	assert_int_equal(state_parse(text, strlen(text), &st, err, 30), -1);
	assert_string_equal(err, "devices[0].mac: \"012345678901");
	assert_int_equal(state_parse(text, strlen(text), &st, err, 200), -1);
	assert_non_null(strstr(err, "0123456789012345678901234567890123456789"
				    "012345678901234567890123...\" is not"));
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_doc_with),
		cmocka_unit_test(test_last_seen),
		cmocka_unit_test(test_bad_device),
		cmocka_unit_test(test_bad_lease),
		cmocka_unit_test(test_bad_top),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_unknown_members),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_many_devices),
		cmocka_unit_test(test_save_load),
		cmocka_unit_test(test_load_fallback),
		cmocka_unit_test(test_prune),
		cmocka_unit_test(test_save_fails),
		cmocka_unit_test(test_save_relative),
		cmocka_unit_test(test_short_err),
	};

	/* The number of failures, which an exit status could wrap round. */
	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
