// SPDX-License-Identifier: GPL-2.0
/*
 * leases [file PATH]: the devices and DHCPv6 leases that v4v6d keeps in its
 * state file. No netlink: the file is read as v4v6d reads it on start (its
 * .bak when it is corrupt), so that this works with the module unloaded
 * and v4v6d stopped.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "state.h"
#include "jsonout.h"
#include "parse.h"
#include "v4v6ctl.h"

#define LIFETIME_INFINITY	0xffffffffu

static void leases_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [-j] leases [file PATH]\n"
		"       " PROG " leases help\n"
		"\n"
		"List the devices in v4v6d's state file (PATH, by default\n"
		STATE_FILE_DEFAULT "; PATH.bak when PATH is corrupt), sorted\n"
		"by IPv4 address, one a line:\n"
		"  MAC IPV4 IPV6|- MODE DHCPV6-STATE|-\n"
		"  [valid LEFT t1 LEFT t2 LEFT] [static] [inactive]\n"
		"MODE is dhcpv6, slaac or fixed. For a lease, LEFT is the time\n"
		"left to the end of its valid lifetime, to T1 (renew) and to T2\n"
		"(rebind), as in 3540s, or expired, or infinite.\n");
}

/* Seconds from @now to @start + @secs: 0 when past, -1 for infinity. */
static int64_t time_left(int64_t start, uint32_t secs, int64_t now)
{
	int64_t left;

	if (secs == LIFETIME_INFINITY)
		return -1;
	left = start + secs - now;
	return left > 0 ? left : 0;
}

static void print_left(const char *name, int64_t left)
{
	if (left < 0)
		printf(" %s infinite", name);
	else if (!left)
		printf(" %s expired", name);
	else
		printf(" %s %" PRId64 "s", name, left);
}

static void lease_line(const struct state_dev *d, int64_t now)
{
	char mac[MAC_STRLEN], v4[INET_ADDRSTRLEN], v6[INET6_ADDRSTRLEN];
	const struct dhcp6_lease *l = &d->lease;

	format_mac(d->mac, mac);
	inet_ntop(AF_INET, &d->ipv4, v4, sizeof(v4));
	if (!d->has_ipv6 || !inet_ntop(AF_INET6, &d->ipv6, v6, sizeof(v6)))
		strcpy(v6, "-");
	printf("%s %s %s %s %s", mac, v4, v6, state_mode_name(d->mode),
	       *d->dhcp6_state ? d->dhcp6_state : "-");
	if (d->has_lease) {
		print_left("valid", time_left(d->lease_start, l->valid, now));
		print_left("t1", time_left(d->lease_start, l->t1, now));
		print_left("t2", time_left(d->lease_start, l->t2, now));
	}
	printf("%s%s\n", d->is_static ? " static" : "",
	       d->inactive ? " inactive" : "");
}

/* A number of seconds left, JSON null for infinity. */
static bool json_add_left(struct json_object *obj, const char *key,
			  int64_t left)
{
	if (left < 0)
		return json_add(obj, key, NULL, true);
	return json_add_u64(obj, key, (uint64_t)left);
}

static bool json_add_addr(struct json_object *obj, const char *key,
			  int family, const void *addr)
{
	char s[INET6_ADDRSTRLEN];

	return inet_ntop(family, addr, s, sizeof(s)) &&
	       json_add_str(obj, key, s);
}

static struct json_object *lease_json(const struct state_dev *d, int64_t now)
{
	const struct dhcp6_lease *l = &d->lease;
	struct json_object *obj = json_object_new_object();
	char duid[STATE_DUID_HEXLEN];

	state_duid_hex(l, duid);
	if (!obj || !json_add_addr(obj, "address", AF_INET6, &l->addr) ||
	    !json_add_u64(obj, "iaid", l->iaid) ||
	    !json_add_str(obj, "server_duid", duid) ||
	    !json_add_u64(obj, "start", (uint64_t)d->lease_start) ||
	    !json_add_u64(obj, "t1", l->t1) ||
	    !json_add_u64(obj, "t2", l->t2) ||
	    !json_add_u64(obj, "preferred", l->preferred) ||
	    !json_add_u64(obj, "valid", l->valid) ||
	    !json_add_left(obj, "valid_left",
			   time_left(d->lease_start, l->valid, now)) ||
	    !json_add_left(obj, "t1_left",
			   time_left(d->lease_start, l->t1, now)) ||
	    !json_add_left(obj, "t2_left",
			   time_left(d->lease_start, l->t2, now))) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static struct json_object *dev_json(const struct state_dev *d, int64_t now)
{
	struct json_object *obj = json_object_new_object();
	char mac[MAC_STRLEN];

	format_mac(d->mac, mac);
	if (!obj || !json_add_str(obj, "mac", mac) ||
	    !json_add_addr(obj, "ipv4", AF_INET, &d->ipv4) ||
	    !(d->has_ipv6 ? json_add_addr(obj, "ipv6", AF_INET6, &d->ipv6) :
			    json_add(obj, "ipv6", NULL, true)) ||
	    !json_add_str(obj, "mode", state_mode_name(d->mode)) ||
	    !json_add(obj, "dhcp6_state", *d->dhcp6_state ?
		      json_object_new_string(d->dhcp6_state) : NULL,
		      !*d->dhcp6_state) ||
	    !json_add_bool(obj, "static", d->is_static) ||
	    !json_add_bool(obj, "inactive", d->inactive) ||
	    !json_add_u64(obj, "last_seen", (uint64_t)d->last_seen) ||
	    !json_add(obj, "lease", d->has_lease ? lease_json(d, now) : NULL,
		      !d->has_lease)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static struct json_object *leases_json(const struct state *st, int64_t now)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; arr && i < st->n; i++) {
		if (!json_append(arr, dev_json(&st->devs[i], now))) {
			json_object_put(arr);
			return NULL;
		}
	}
	return arr;
}

static int dev_cmp(const void *a, const void *b)
{
	uint32_t x = ntohl(((const struct state_dev *)a)->ipv4.s_addr);
	uint32_t y = ntohl(((const struct state_dev *)b)->ipv4.s_addr);

	return (x > y) - (x < y);
}

/* Load @path as v4v6d would: EXIT_OK, or EXIT_FAIL after saying why not. */
static int leases_load(const char *path, struct state *st)
{
	char err[1024];
	bool from_bak;
	int r = state_load(path, st, &from_bak, err, sizeof(err));

	if (r > 0) {
		fprintf(stderr, PROG ": no state file at %s: is v4v6d running?\n",
			path);
		return EXIT_FAIL;
	}
	if (r < 0) {
		fprintf(stderr, PROG ": cannot load the state: %s\n", err);
		return EXIT_FAIL;
	}
	if (from_bak)
		fprintf(stderr, PROG ": warning: %s; listing %s.bak instead\n",
			err, path);
	return EXIT_OK;
}

int cmd_leases(int argc, char **argv)
{
	static const struct arg_kw kws[] = { { "file", true } };
	const char *vals[ARRAY_SIZE(kws)], *path = STATE_FILE_DEFAULT;
	struct state st;
	int64_t now;
	uint32_t given;
	size_t i;
	int ret;

	if (args_help(argc - 1, argv + 1)) {
		leases_usage(stdout);
		return EXIT_OK;
	}
	if (args_parse(argc - 1, argv + 1, kws, ARRAY_SIZE(kws), vals,
		       &given)) {
		leases_usage(stderr);
		return EXIT_USAGE;
	}
	if (given)
		path = vals[0];
	ret = leases_load(path, &st);
	if (ret)
		return ret;
	now = (int64_t)time(NULL);
	if (st.n)
		qsort(st.devs, st.n, sizeof(*st.devs), dev_cmp);
	if (json_output) {
		ret = json_print(leases_json(&st, now));
	} else {
		for (i = 0; i < st.n; i++)
			lease_line(&st.devs[i], now);
	}
	state_free(&st);
	return ret;
}
