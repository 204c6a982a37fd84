// SPDX-License-Identifier: GPL-2.0
/*
 * v4v6d's configuration file: one setting per line, "keyword value...",
 * '#' to the end of a line is a comment. Every value is checked and a bad
 * one names its file and line.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "parse.h"
#include "state.h"

#define DEFAULT_INACTIVE	600	/* 10 minutes */
#define DEFAULT_RELEASE		86400	/* a day */
/*
 * Two hours: a thousand devices make a state file of about 450 KiB (e2e 69
 * measures 92 KiB for 200), which renewals would otherwise rewrite every
 * second or so; on flash this is under 4 KiB a minute.
 */
#define DEFAULT_STATE_INTERVAL	7200
/*
 * "static MAC IPV4 ipv6 ADDR" and V4V6_ALLOW_MAX "allow PROTO PORTS", and
 * room for a rule too many to be told as such.
 */
#define MAX_WORDS		64
_Static_assert(MAX_WORDS >= 5 + 3 * (V4V6_ALLOW_MAX + 1),
	       "a static line with a rule too many fits");

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->state_file, sizeof(cfg->state_file), "%s",
		 STATE_FILE_DEFAULT);
	cfg->dns64 = true;
	cfg->addressing = ADDR_AUTO;
	cfg->inactive_after = DEFAULT_INACTIVE;
	cfg->release_after = DEFAULT_RELEASE;
	cfg->state_interval = DEFAULT_STATE_INTERVAL;
	cfg->max_devices = CONFIG_MAX_DEVICES;
	cfg->learn_rate = CONFIG_LEARN_RATE;
	snprintf(cfg->ident_prefix, sizeof(cfg->ident_prefix), "v6d");
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* @mac as text, in a static buffer. */
static const char *mac_text(const uint8_t mac[6])
{
	static char buf[MAC_STRLEN];

	format_mac(mac, buf);
	return buf;
}

static int set_ifname(char *dst, const char *v, const char *key, char *err,
		      size_t errlen)
{
	if (!*v || strlen(v) >= IF_NAMESIZE || strchr(v, '/'))
		return fail(err, errlen, "%s: \"%s\" is not an interface name",
			    key, v);
	strcpy(dst, v);
	return 0;
}

static int set_seconds(uint32_t *dst, const char *v, const char *key,
		       char *err, size_t errlen)
{
	unsigned long long n;
	char *end;

	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno || end == v || *end || *v == '-' || n < 1 || n > 31536000)
		return fail(err, errlen,
			    "%s: \"%s\" is not a number of seconds (1 to 31536000)",
			    key, v);
	*dst = n;
	return 0;
}

static int set_count(uint32_t *dst, const char *v, const char *key,
		     unsigned long long max, char *err, size_t errlen)
{
	unsigned long long n;
	char *end;

	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno || end == v || *end || *v == '-' || n < 1 || n > max)
		return fail(err, errlen, "%s: \"%s\" is not a number from 1 to %llu",
			    key, v, max);
	*dst = n;
	return 0;
}

/* learn-allow MAC, learn-deny MAC */
static int add_learn(struct config *cfg, const char *k, const char *v,
		     char *err, size_t errlen)
{
	bool deny = !strcmp(k, "learn-deny");
	uint8_t (*list)[6] = deny ? cfg->learn_deny : cfg->learn_allow;
	unsigned int *n = deny ? &cfg->n_learn_deny : &cfg->n_learn_allow;
	enum parse_err e;
	uint8_t mac[6];
	unsigned int i;

	e = parse_mac(v, mac);
	if (e)
		return fail(err, errlen, "%s: \"%s\": %s", k, v,
			    parse_strerror(e));
	for (i = 0; i < *n; i++)
		if (!memcmp(list[i], mac, 6))
			return 0;
	if (*n == CONFIG_MAX_LEARN)
		return fail(err, errlen, "%s: more than %d MACs", k,
			    CONFIG_MAX_LEARN);
	memcpy(list[(*n)++], mac, 6);
	return 0;
}

static int set_bool(bool *dst, const char *v, const char *key, char *err,
		    size_t errlen)
{
	if (!strcmp(v, "on") || !strcmp(v, "yes") || !strcmp(v, "1")) {
		*dst = true;
	} else if (!strcmp(v, "off") || !strcmp(v, "no") || !strcmp(v, "0")) {
		*dst = false;
	} else {
		return fail(err, errlen, "%s: \"%s\" is neither on nor off",
			    key, v);
	}
	return 0;
}

static int set_pref64(struct config *cfg, const char *v, char *err,
		      size_t errlen)
{
	enum parse_err e = parse_pref64(v, &cfg->pref64, &cfg->pref64_len);

	if (e)
		return fail(err, errlen, "pref64: \"%s\": %s", v,
			    parse_strerror(e));
	cfg->has_pref64 = true;
	return 0;
}

static int set_addressing(struct config *cfg, const char *v, char *err,
			  size_t errlen)
{
	if (!strcmp(v, "auto"))
		cfg->addressing = ADDR_AUTO;
	else if (!strcmp(v, "dhcpv6"))
		cfg->addressing = ADDR_DHCPV6;
	else if (!strcmp(v, "slaac"))
		cfg->addressing = ADDR_SLAAC;
	else
		return fail(err, errlen,
			    "addressing: \"%s\" is not auto, dhcpv6 or slaac", v);
	return 0;
}

static int set_mtu(struct config *cfg, const char *v, char *err, size_t errlen)
{
	enum parse_err e = parse_mtu(v, &cfg->lowest_mtu);

	if (e)
		return fail(err, errlen, "lowest-mtu: \"%s\": %s", v,
			    parse_strerror(e));
	return 0;
}

static int set_prefix(struct config *cfg, const char *v, char *err,
		      size_t errlen)
{
	size_t i, n = strlen(v);

	if (n < 1 || n >= sizeof(cfg->ident_prefix))
		return fail(err, errlen,
			    "ident-prefix: \"%s\": 1 to 3 characters", v);
	for (i = 0; i < n; i++)
		if (!(v[i] >= 'a' && v[i] <= 'z') &&
		    !(v[i] >= '0' && v[i] <= '9') && v[i] != '-')
			return fail(err, errlen,
				    "ident-prefix: \"%s\": only a-z, 0-9 and -",
				    v);
	strcpy(cfg->ident_prefix, v);
	return 0;
}

/* The index of @mac in cfg->allows, or -1. */
static int allow_index(const struct config *cfg, const uint8_t mac[6])
{
	unsigned int i;

	for (i = 0; i < cfg->n_allows; i++)
		if (!memcmp(cfg->allows[i].mac, mac, 6))
			return (int)i;
	return -1;
}

const struct allow_list *config_allow(const struct config *cfg,
				      const uint8_t mac[6])
{
	int i = allow_index(cfg, mac);

	return i < 0 ? NULL : &cfg->allows[i].rules;
}

bool config_allow_same(const struct config *a, const struct config *b,
		       const uint8_t mac[6])
{
	static const struct allow_list none;
	const struct allow_list *x = config_allow(a, mac);
	const struct allow_list *y = config_allow(b, mac);

	return allow_equal(x ? x : &none, y ? y : &none);
}

/*
 * Add the rules @l to those of @mac, all or none; @key is the line's
 * keyword, for errors.
 */
static int allow_add_mac(struct config *cfg, const uint8_t mac[6],
			 const struct allow_list *l, const char *key,
			 char *err, size_t errlen)
{
	int i = allow_index(cfg, mac);
	struct mac_allow *m;
	unsigned int j;

	if (!l->n)
		return 0;
	if (i < 0 && cfg->n_allows == CONFIG_MAX_ALLOW)
		return fail(err, errlen,
			    "%s: more than %d devices with allow rules", key,
			    CONFIG_MAX_ALLOW);
	if (i >= 0 && cfg->allows[i].rules.n + l->n > V4V6_ALLOW_MAX)
		return fail(err, errlen,
			    "%s: more than %d allow rules for %s", key,
			    V4V6_ALLOW_MAX, mac_text(mac));
	if (i < 0) {
		m = &cfg->allows[cfg->n_allows++];
		memset(m, 0, sizeof(*m));
		memcpy(m->mac, mac, 6);
	} else {
		m = &cfg->allows[i];
	}
	for (j = 0; j < l->n; j++)
		m->rules.v[m->rules.n++] = l->v[j];
	return 0;
}

/*
 * The rules of the @n words at @w, each "allow PROTO [PORT|LO-HI]", into
 * @l.
 */
static int allow_words(char **w, int n, struct allow_list *l, const char *key,
		       char *err, size_t errlen)
{
	struct allow_rule r;
	char why[128];
	int i, took;

	for (i = 0; i < n; i += 1 + took) {
		if (strcmp(w[i], "allow"))
			return fail(err, errlen,
				    "%s: \"%s\" is not \"allow PROTO [PORT|LO-HI]\"",
				    key, w[i]);
		took = parse_allow(n - i - 1, w + i + 1, &r, why, sizeof(why));
		if (took < 0)
			return fail(err, errlen, "%s: %s", key, why);
		if (!allow_add(l, &r, why, sizeof(why)))
			return fail(err, errlen, "%s: %s", key, why);
	}
	return 0;
}

/* allow MAC PROTO [PORT|LO-HI] */
static int add_allow(struct config *cfg, char **w, int n, char *err,
		     size_t errlen)
{
	struct allow_list l = { .n = 1 };
	uint8_t mac[6];
	enum parse_err e;
	char why[128];
	int took;

	if (n < 3)
		return fail(err, errlen, "allow: MAC PROTO [PORT|LO-HI]");
	e = parse_mac(w[1], mac);
	if (e)
		return fail(err, errlen, "allow: \"%s\": %s", w[1],
			    parse_strerror(e));
	took = parse_allow(n - 2, w + 2, &l.v[0], why, sizeof(why));
	if (took < 0)
		return fail(err, errlen, "allow: %s", why);
	if (2 + took != n)
		return fail(err, errlen,
			    "allow: \"%s\": one rule a line, MAC PROTO [PORT|LO-HI]",
			    w[2 + took]);
	return allow_add_mac(cfg, mac, &l, "allow", err, errlen);
}

static bool static_clash(const struct config *cfg, const struct static_dev *s)
{
	unsigned int i;

	for (i = 0; i < cfg->n_statics; i++)
		if (!memcmp(cfg->statics[i].mac, s->mac, 6) ||
		    cfg->statics[i].ipv4.s_addr == s->ipv4.s_addr)
			return true;
	return false;
}

/* static MAC IPV4 [ipv6 ADDR] [allow PROTO [PORT|LO-HI]]... */
static int add_static(struct config *cfg, char **w, int n, char *err,
		      size_t errlen)
{
	struct static_dev s = { 0 };
	struct allow_list allow = { 0 };
	int fixed = n > 3 && !strcmp(w[3], "ipv6") ? 5 : 3;
	enum parse_err e;

	if (n < fixed || (n > 3 && fixed == 3 && strcmp(w[3], "allow")))
		return fail(err, errlen,
			    "static: MAC IPV4 [ipv6 ADDRESS] [allow PROTO [PORT|LO-HI]]...");
	e = parse_mac(w[1], s.mac);
	if (e)
		return fail(err, errlen, "static: \"%s\": %s", w[1],
			    parse_strerror(e));
	if (inet_pton(AF_INET, w[2], &s.ipv4) != 1 || !s.ipv4.s_addr)
		return fail(err, errlen, "static: \"%s\" is not an IPv4 address",
			    w[2]);
	if (fixed == 5) {
		if (inet_pton(AF_INET6, w[4], &s.ipv6) != 1)
			return fail(err, errlen,
				    "static: \"%s %s\" is not \"ipv6 ADDRESS\"",
				    w[3], w[4]);
		s.has_ipv6 = true;
	}
	if (allow_words(w + fixed, n - fixed, &allow, "static", err, errlen))
		return -1;
	if (static_clash(cfg, &s))
		return fail(err, errlen,
			    "static: %s or %s is already a static device",
			    w[1], w[2]);
	if (cfg->n_statics == CONFIG_MAX_STATIC)
		return fail(err, errlen, "static: more than %d devices",
			    CONFIG_MAX_STATIC);
	if (allow_add_mac(cfg, s.mac, &allow, "static", err, errlen))
		return -1;
	cfg->statics[cfg->n_statics++] = s;
	return 0;
}

static int split(char *line, char **w)
{
	int n = 0;
	char *p = strchr(line, '#'), *save = NULL, *t;

	if (p)
		*p = '\0';
	for (t = strtok_r(line, " \t\r\n", &save); t;
	     t = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == MAX_WORDS)
			return -1;
		w[n++] = t;
	}
	return n;
}

/* The settings of one value each. */
static int set_one(struct config *cfg, const char *k, const char *v,
		   char *err, size_t errlen)
{
	if (!strcmp(k, "lan"))
		return set_ifname(cfg->lan, v, k, err, errlen);
	if (!strcmp(k, "wan"))
		return set_ifname(cfg->wan, v, k, err, errlen);
	if (!strcmp(k, "state")) {
		if (*v != '/' || strlen(v) >= sizeof(cfg->state_file) - 8)
			return fail(err, errlen,
				    "state: \"%s\" is not an absolute path", v);
		strcpy(cfg->state_file, v);
		return 0;
	}
	if (!strcmp(k, "pref64"))
		return set_pref64(cfg, v, err, errlen);
	if (!strcmp(k, "dns64"))
		return set_bool(&cfg->dns64, v, k, err, errlen);
	if (!strcmp(k, "addressing"))
		return set_addressing(cfg, v, err, errlen);
	if (!strcmp(k, "inactive-after"))
		return set_seconds(&cfg->inactive_after, v, k, err, errlen);
	if (!strcmp(k, "release-after"))
		return set_seconds(&cfg->release_after, v, k, err, errlen);
	if (!strcmp(k, "state-interval"))
		return set_seconds(&cfg->state_interval, v, k, err, errlen);
	if (!strcmp(k, "unknown")) {
		if (strcmp(v, "pass") && strcmp(v, "drop"))
			return fail(err, errlen,
				    "unknown: \"%s\" is neither pass nor drop", v);
		cfg->unknown_drop = !strcmp(v, "drop");
		return 0;
	}
	if (!strcmp(k, "inbound")) {
		if (strcmp(v, "replies") && strcmp(v, "all"))
			return fail(err, errlen,
				    "inbound: \"%s\" is neither replies nor all",
				    v);
		cfg->inbound_all = !strcmp(v, "all");
		return 0;
	}
	if (!strcmp(k, "lowest-mtu"))
		return set_mtu(cfg, v, err, errlen);
	if (!strcmp(k, "ident-prefix"))
		return set_prefix(cfg, v, err, errlen);
	if (!strcmp(k, "max-devices"))
		return set_count(&cfg->max_devices, v, k, STATE_MAX_DEVICES,
				 err, errlen);
	if (!strcmp(k, "learn-rate"))
		return set_count(&cfg->learn_rate, v, k, 10000, err, errlen);
	if (!strcmp(k, "learn-allow") || !strcmp(k, "learn-deny"))
		return add_learn(cfg, k, v, err, errlen);
	return fail(err, errlen, "unknown setting \"%s\"", k);
}

int config_line(struct config *cfg, char *line, char *err, size_t errlen)
{
	char *w[MAX_WORDS];
	int n = split(line, w);

	if (n < 0)
		return fail(err, errlen, "too many words");
	if (n == 0)
		return 0;
	if (!strcmp(w[0], "static"))
		return add_static(cfg, w, n, err, errlen);
	if (!strcmp(w[0], "allow"))
		return add_allow(cfg, w, n, err, errlen);
	if (n != 2)
		return fail(err, errlen, "%s: one value expected", w[0]);
	return set_one(cfg, w[0], w[1], err, errlen);
}

int config_load(struct config *cfg, const char *path, bool must, char *err,
		size_t errlen)
{
	char line[512], why[256];
	unsigned int lineno = 0;
	FILE *f = fopen(path, "re");
	int ret = 0;

	if (!f) {
		if (errno == ENOENT && !must)
			return 0;
		return fail(err, errlen, "%s: %s", path, strerror(errno));
	}
	while (!ret && fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f))
			ret = fail(err, errlen, "%s:%u: line too long", path,
				   lineno);
		else if (config_line(cfg, line, why, sizeof(why)))
			ret = fail(err, errlen, "%s:%u: %s", path, lineno, why);
	}
	if (!ret && ferror(f))
		ret = fail(err, errlen, "%s: read error", path);
	fclose(f);
	return ret;
}

int config_check(const struct config *cfg, char *err, size_t errlen)
{
	if (!*cfg->lan || !*cfg->wan)
		return fail(err, errlen,
			    "the LAN and the WAN interface must be set (lan, wan)");
	if (!strcmp(cfg->lan, cfg->wan))
		return fail(err, errlen, "lan and wan are both %s", cfg->lan);
	if (cfg->release_after < cfg->inactive_after)
		return fail(err, errlen, "release-after (%" PRIu32
			    ") is shorter than inactive-after (%" PRIu32 ")",
			    cfg->release_after, cfg->inactive_after);
	return 0;
}
