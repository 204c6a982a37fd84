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
#define MAX_WORDS		8

void config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->state_file, sizeof(cfg->state_file), "%s",
		 STATE_FILE_DEFAULT);
	cfg->dns64 = true;
	cfg->addressing = ADDR_AUTO;
	cfg->inactive_after = DEFAULT_INACTIVE;
	cfg->release_after = DEFAULT_RELEASE;
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

static bool static_clash(const struct config *cfg, const struct static_dev *s)
{
	unsigned int i;

	for (i = 0; i < cfg->n_statics; i++)
		if (!memcmp(cfg->statics[i].mac, s->mac, 6) ||
		    cfg->statics[i].ipv4.s_addr == s->ipv4.s_addr)
			return true;
	return false;
}

/* static MAC IPV4 [ipv6 ADDR] */
static int add_static(struct config *cfg, char **w, int n, char *err,
		      size_t errlen)
{
	struct static_dev s = { 0 };
	enum parse_err e;

	if (n != 3 && n != 5)
		return fail(err, errlen, "static: MAC IPV4 [ipv6 ADDRESS]");
	e = parse_mac(w[1], s.mac);
	if (e)
		return fail(err, errlen, "static: \"%s\": %s", w[1],
			    parse_strerror(e));
	if (inet_pton(AF_INET, w[2], &s.ipv4) != 1 || !s.ipv4.s_addr)
		return fail(err, errlen, "static: \"%s\" is not an IPv4 address",
			    w[2]);
	if (n == 5) {
		if (strcmp(w[3], "ipv6") ||
		    inet_pton(AF_INET6, w[4], &s.ipv6) != 1)
			return fail(err, errlen,
				    "static: \"%s %s\" is not \"ipv6 ADDRESS\"",
				    w[3], w[4]);
		s.has_ipv6 = true;
	}
	if (static_clash(cfg, &s))
		return fail(err, errlen,
			    "static: %s or %s is already a static device",
			    w[1], w[2]);
	if (cfg->n_statics == CONFIG_MAX_STATIC)
		return fail(err, errlen, "static: more than %d devices",
			    CONFIG_MAX_STATIC);
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
	if (!strcmp(k, "unknown")) {
		if (strcmp(v, "pass") && strcmp(v, "drop"))
			return fail(err, errlen,
				    "unknown: \"%s\" is neither pass nor drop", v);
		cfg->unknown_drop = !strcmp(v, "drop");
		return 0;
	}
	if (!strcmp(k, "lowest-mtu"))
		return set_mtu(cfg, v, err, errlen);
	if (!strcmp(k, "ident-prefix"))
		return set_prefix(cfg, v, err, errlen);
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
