// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: state_parse() on arbitrary bytes, and on a state file
 * that the bytes pick member by member among good and bad values (json-c
 * is not instrumented, so that raw bytes alone seldom reach past the JSON
 * syntax). What parses must survive a round trip: formatted and parsed
 * again, it is the same state, and formatted again, the same text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state_write.h"

/* The input, read one choice at a time; 0 when used up. */
struct picker {
	const uint8_t *p;
	size_t left;
};

static const char *pick(struct picker *pk, const char *const *vals,
			size_t n)
{
	uint8_t b = 0;

	if (pk->left) {
		b = *pk->p++;
		pk->left--;
	}
	return vals[b % n];
}

#define PICK(pk, vals) pick(pk, vals, sizeof(vals) / sizeof(vals[0]))

/* A member and the values to choose from; NULL: left out. */
struct choice {
	const char *key;
	const char *const *vals;
	size_t n;
};

#define CHOICE(k, ...) { k, (const char *const []){ __VA_ARGS__ }, \
	sizeof((const char *const []){ __VA_ARGS__ }) / sizeof(const char *) }

#define U32S "1", "0", "4294967295", "4294967296", "-1", "1.0", NULL
#define TIMES "1790000000", "0", "9007199254740991", "9007199254740992", \
	"-1", "18446744073709551615", "\"1\"", NULL
#define DUID_130 "\"" \
	"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" \
	"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" \
	"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" \
	"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" \
	"ffff\""

static const struct choice dev_choices[] = {
	CHOICE("mac", "\"02:00:00:00:00:0a\"", "\"02:00:00:00:00:0b\"",
	       "\"fe:ff:ff:ff:ff:FF\"", "\"01:00:5e:00:00:01\"",
	       "\"00:00:00:00:00:00\"", "\"02:00:00:00:00\"",
	       "\"02:00:00:00:00:0a \"", "\"02:00:00:00:00:0\\u0000\"", "1",
	       NULL),
	CHOICE("ipv4", "\"192.168.1.10\"", "\"192.168.1.11\"", "\"0.0.0.0\"",
	       "\"300.1.2.3\"", "\"::1\"", "true", NULL),
	CHOICE("static", "false", "true", "0", "null", NULL),
	CHOICE("inactive", "false", "true", "\"true\"", NULL),
	CHOICE("mode", "\"dhcpv6\"", "\"slaac\"", "\"fixed\"", "\"Fixed\"",
	       "2", NULL),
	CHOICE("ipv6", "\"2001:db8::1\"", NULL, "\"::\"", "\"1.2.3.4\"", "[]"),
	CHOICE("last_seen", TIMES),
	CHOICE("dhcp6_state", "\"bound\"", NULL, "\"renew\"", "\"\"",
	       "\"0123456789abcde\"", "\"0123456789abcdef\"", "\"B\"",
	       "\"\\u001b\"", "{}"),
	CHOICE("x-future", NULL, "{\"a\": [1, {}]}"),
};

static const struct choice lease_choices[] = {
	CHOICE("address", "\"2001:db8::1\"", "\"fe80::1\"", "\"1.2.3.4\"",
	       NULL),
	CHOICE("iaid", U32S),
	CHOICE("t1", U32S),
	CHOICE("t2", U32S),
	CHOICE("preferred", U32S),
	CHOICE("valid", U32S),
	CHOICE("start", TIMES),
	CHOICE("server_duid", "\"000300010200000000fe\"", "\"00\"", DUID_130,
	       "\"\"", "\"0\"", "\"zz\"", "\"0x\"", "[]", NULL),
};

static const struct choice top_choices[] = {
	CHOICE("version", "1", "2", "\"1\"", "1.0", NULL),
	CHOICE("pref64", NULL, "\"64:ff9b::/96\"", "\"2001:db8::/32\"",
	       "\"2001:db8:100::/40\"", "\"2001:db8:1::/48\"",
	       "\"2001:db8:1:200::/56\"", "\"2001:db8:1:2::/64\"",
	       "\"64:ff9b::1/96\"", "\"64:ff9b::/95\"", "\"64:ff9b::/096\"",
	       "\"2001:db8:1:2:100::/96\"", "\"64:ff9b::\"", "96"),
};

/* The members of @c, each with a value @pk picks, into @f. */
static void members(FILE *f, struct picker *pk, const struct choice *c,
		    size_t n, const char **sep)
{
	const char *v;
	size_t i;

	for (i = 0; i < n; i++) {
		v = pick(pk, c[i].vals, c[i].n);
		if (!v)
			continue;
		fprintf(f, "%s\"%s\": %s", *sep, c[i].key, v);
		*sep = ", ";
	}
}

static void device(FILE *f, struct picker *pk)
{
	static const char *const lease_kinds[] = { "none", "object", "[]" };
	const char *sep = "", *lsep = "", *kind;

	fputs("{", f);
	members(f, pk, dev_choices, sizeof(dev_choices) /
		sizeof(dev_choices[0]), &sep);
	kind = PICK(pk, lease_kinds);
	if (!strcmp(kind, "object")) {
		fprintf(f, "%s\"lease\": {", sep);
		members(f, pk, lease_choices, sizeof(lease_choices) /
			sizeof(lease_choices[0]), &lsep);
		fputs("}", f);
	} else if (!strcmp(kind, "[]")) {
		fprintf(f, "%s\"lease\": []", sep);
	}
	fputs("}", f);
}

/* A state file that the input picks, malloc'd; NULL when out of memory. */
static char *generate(const uint8_t *data, size_t size, size_t *len)
{
	struct picker pk = { data, size };
	static const char *const counts[] = { "1", "2", "0", "3", "4" };
	const char *sep = "";
	char *s = NULL;
	FILE *f = open_memstream(&s, len);
	int n, i;

	if (!f)
		return NULL;
	fputs("{", f);
	members(f, &pk, top_choices, sizeof(top_choices) /
		sizeof(top_choices[0]), &sep);
	n = atoi(PICK(&pk, counts));
	fprintf(f, "%s\"devices\": [", sep);
	for (i = 0; i < n; i++) {
		if (i)
			fputs(", ", f);
		device(f, &pk);
	}
	fputs("]}", f);
	if (fclose(f)) {
		free(s);
		return NULL;
	}
	return s;
}

/* Parse @size bytes at @data; what parses must round-trip. */
static void check(const uint8_t *data, size_t size)
{
	/* A copy of its exact size, so that ASan sees any overread. */
	char *text = malloc(size ? size : 1), *fmt, *again, err[256];
	struct state st, back;

	if (!text)
		return;
	memcpy(text, data, size);
	if (state_parse(text, size, &st, err, sizeof(err))) {
		if (!*err || st.devs || st.n)
			abort();
		free(text);
		return;
	}
	free(text);
	fmt = state_format(&st);
	if (!fmt)
		abort();
	if (state_parse(fmt, strlen(fmt), &back, err, sizeof(err))) {
		fprintf(stderr, "formatted state refused: %s\n%s\n", err, fmt);
		abort();
	}
	if (!state_equal(&st, &back))
		abort();
	again = state_format(&back);
	if (!again || strcmp(fmt, again))
		abort();
	free(again);
	free(fmt);
	state_free(&back);
	state_free(&st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len;
	char *doc;

	check(data, size);
	doc = generate(data, size, &len);
	if (doc)
		check((const uint8_t *)doc, len);
	free(doc);
	return 0;
}
