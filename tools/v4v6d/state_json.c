// SPDX-License-Identifier: GPL-2.0
/*
 * The state file's JSON text from a struct state (the layout is described
 * in lib/state.c, which reads it), and the comparison the round-trip tests
 * and the fuzz target use.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state_write.h"

/*
 * The text is written as it goes, one field at a time, and never held
 * whole: with 1,000 devices a document of json-c objects built first, then
 * printed, was some 5 MiB at each save. The layout is json-c's pretty
 * printing, which the file always had (two spaces an indent, "key":value,
 * slashes not escaped), byte for byte.
 */

/* The escape json-c writes for @c, NULL for none. */
static const char *escape(unsigned char c)
{
	switch (c) {
	case '\b':
		return "\\b";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '\f':
		return "\\f";
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	}
	return NULL;
}

/* put_str(): @s as a JSON string, escaped as json-c escapes. */
static void put_str(FILE *f, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p;

	putc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		if (escape(*p))
			fputs(escape(*p), f);
		else if (*p < ' ')
			fprintf(f, "\\u00%c%c", hex[*p >> 4], hex[*p & 15]);
		else
			putc(*p, f);
	}
	putc('"', f);
}

/*
 * A member of an object (or an element of an array, @key NULL) at
 * indentation @level: after a comma unless it is the first (*@first).
 */
static void put_key(FILE *f, int level, bool *first, const char *key)
{
	fputs(*first ? "\n" : ",\n", f);
	*first = false;
	fprintf(f, "%*s", 2 * level, "");
	if (key)
		fprintf(f, "\"%s\":", key);
}

/*
 * The end of an object or array whose members were at @level + 1 (on a
 * line of its own: json-c's "[\n  ]" for no devices too).
 */
static void put_end(FILE *f, int level, char close)
{
	fprintf(f, "\n%*s%c", 2 * level, "", close);
}

static void put_int(FILE *f, int level, bool *first, const char *key,
		    int64_t v)
{
	put_key(f, level, first, key);
	fprintf(f, "%" PRId64, v);
}

static void put_text(FILE *f, int level, bool *first, const char *key,
		     const char *s)
{
	put_key(f, level, first, key);
	put_str(f, s);
}

static void put_bool(FILE *f, int level, bool *first, const char *key,
		     bool v)
{
	put_key(f, level, first, key);
	fputs(v ? "true" : "false", f);
}

static bool put_addr(FILE *f, int level, bool *first, const char *key,
		     int family, const void *addr)
{
	char s[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, addr, s, sizeof(s)))
		return false;
	put_text(f, level, first, key, s);
	return true;
}

/* @d's lease, an object whose members are at @level. */
static bool put_lease(FILE *f, int level, const struct state_dev *d)
{
	const struct dhcp6_lease *l = &d->lease;
	char duid[STATE_DUID_HEXLEN];
	bool first = true;

	state_duid_hex(l, duid);
	putc('{', f);
	if (!put_addr(f, level, &first, "address", AF_INET6, &l->addr))
		return false;
	put_int(f, level, &first, "iaid", l->iaid);
	put_int(f, level, &first, "t1", l->t1);
	put_int(f, level, &first, "t2", l->t2);
	put_int(f, level, &first, "preferred", l->preferred);
	put_int(f, level, &first, "valid", l->valid);
	put_int(f, level, &first, "start", d->lease_start);
	put_text(f, level, &first, "server_duid", duid);
	put_end(f, level - 1, '}');
	return true;
}

/* @d, an object whose members are at @level. */
static bool put_dev(FILE *f, int level, const struct state_dev *d)
{
	const char *mode = state_mode_name(d->mode);
	bool first = true;
	char mac[18];

	if (!mode)
		return false;
	snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		 d->mac[0], d->mac[1], d->mac[2], d->mac[3], d->mac[4],
		 d->mac[5]);
	putc('{', f);
	put_text(f, level, &first, "mac", mac);
	if (!put_addr(f, level, &first, "ipv4", AF_INET, &d->ipv4))
		return false;
	put_bool(f, level, &first, "static", d->is_static);
	put_bool(f, level, &first, "inactive", d->inactive);
	put_text(f, level, &first, "mode", mode);
	if (d->has_ipv6 &&
	    !put_addr(f, level, &first, "ipv6", AF_INET6, &d->ipv6))
		return false;
	put_int(f, level, &first, "last_seen", d->last_seen);
	if (d->dhcp6_state[0] &&
	    memchr(d->dhcp6_state, 0, sizeof(d->dhcp6_state)))
		put_text(f, level, &first, "dhcp6_state", d->dhcp6_state);
	if (d->has_lease) {
		put_key(f, level, &first, "lease");
		if (!put_lease(f, level + 1, d))
			return false;
	}
	put_end(f, level - 1, '}');
	return true;
}

int state_write(FILE *f, const struct state *st)
{
	char pref[INET6_ADDRSTRLEN + 4];
	bool first = true, first_dev = true;
	size_t i;

	putc('{', f);
	put_int(f, 1, &first, "version", STATE_VERSION);
	if (st->has_pref64) {
		if (!inet_ntop(AF_INET6, &st->pref64, pref, sizeof(pref)))
			return -1;
		snprintf(pref + strlen(pref), sizeof(pref) - strlen(pref),
			 "/%u", st->pref64_len);
		put_text(f, 1, &first, "pref64", pref);
	}
	put_key(f, 1, &first, "devices");
	putc('[', f);
	for (i = 0; i < st->n; i++) {
		put_key(f, 2, &first_dev, NULL);
		if (!put_dev(f, 3, &st->devs[i]))
			return -1;
	}
	put_end(f, 1, ']');
	put_end(f, 0, '}');
	putc('\n', f);
	return ferror(f) ? -1 : 0;
}

char *state_format(const struct state *st)
{
	char *text = NULL;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return NULL;
	if (state_write(f, st) | fclose(f)) {
		free(text);
		return NULL;
	}
	return text;
}

static bool lease_equal(const struct state_dev *x, const struct state_dev *y)
{
	const struct dhcp6_lease *a = &x->lease, *b = &y->lease;

	return x->lease_start == y->lease_start &&
	       !memcmp(&a->addr, &b->addr, sizeof(a->addr)) &&
	       a->iaid == b->iaid && a->t1 == b->t1 && a->t2 == b->t2 &&
	       a->preferred == b->preferred && a->valid == b->valid &&
	       a->server_duid_len == b->server_duid_len &&
	       a->server_duid_len <= DHCP6_DUID_MAX &&
	       !memcmp(a->server_duid, b->server_duid, a->server_duid_len);
}

static bool dev_equal(const struct state_dev *a, const struct state_dev *b)
{
	return !memcmp(a->mac, b->mac, sizeof(a->mac)) &&
	       a->ipv4.s_addr == b->ipv4.s_addr &&
	       a->is_static == b->is_static && a->inactive == b->inactive &&
	       a->mode == b->mode && a->has_ipv6 == b->has_ipv6 &&
	       (!a->has_ipv6 || !memcmp(&a->ipv6, &b->ipv6, sizeof(a->ipv6))) &&
	       a->last_seen == b->last_seen &&
	       !strncmp(a->dhcp6_state, b->dhcp6_state,
			sizeof(a->dhcp6_state)) &&
	       a->has_lease == b->has_lease &&
	       (!a->has_lease || lease_equal(a, b));
}

bool state_equal(const struct state *a, const struct state *b)
{
	size_t i;

	if (a->has_pref64 != b->has_pref64 || a->n != b->n ||
	    (a->has_pref64 && (a->pref64_len != b->pref64_len ||
			       memcmp(&a->pref64, &b->pref64,
				      sizeof(a->pref64)))))
		return false;
	for (i = 0; i < a->n; i++)
		if (!dev_equal(&a->devs[i], &b->devs[i]))
			return false;
	return true;
}
