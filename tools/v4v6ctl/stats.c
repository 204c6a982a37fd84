// SPDX-License-Identifier: GPL-2.0
/*
 * stats: the counters of the namespace.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <linux/v4v6.h>

#include "jsonout.h"
#include "names.h"
#include "nl.h"
#include "stats.h"
#include "v4v6ctl.h"

static void stats_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [-j] stats\n"
		"       " PROG " stats help\n"
		"\n"
		"Print the number of devices and every counter of the namespace,\n"
		"one \"NAME VALUE\" a line; counters of a newer module show as\n"
		"stat_N.\n");
}

const char *stats_name(unsigned int type, char buf[STAT_NAME_BUFSIZE])
{
	const char *name = stat_name(type);

	if (name)
		return name;
	snprintf(buf, STAT_NAME_BUFSIZE, "stat_%u", type);
	return buf;
}

uint64_t stats_drops(const struct stats *st)
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < STATS_TYPES; i++)
		if (st->has[i] && stat_is_drop(i))
			sum += st->v[i];
	return sum;
}

/* The counters of the nest @nest: 0 or -EPROTO. */
static int stats_parse_nest(const struct nlattr *nest, struct stats *st)
{
	const struct nlattr *attr;

	mnl_attr_for_each_nested(attr, nest) {
		uint16_t type = mnl_attr_get_type(attr);

		/* The padding nla_put_u64_64bit() may put before a counter. */
		if (type == V4V6_STAT_UNSPEC)
			continue;
		if (mnl_attr_validate(attr, MNL_TYPE_U64) < 0)
			return -EPROTO;
		if (type >= STATS_TYPES)
			continue;
		st->v[type] = mnl_attr_get_u64(attr);
		st->has[type] = true;
	}
	return 0;
}

struct get {
	struct stats *st;
	bool valid;	/* filled in from a reply */
};

static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];
	struct get *g = data;

	if (v4v6_parse(nlh, tb) || !tb[V4V6_A_DEVICES] || !tb[V4V6_A_STATS] ||
	    stats_parse_nest(tb[V4V6_A_STATS], g->st)) {
		errno = EPROTO;
		return MNL_CB_ERROR;
	}
	g->st->devices = mnl_attr_get_u32(tb[V4V6_A_DEVICES]);
	g->valid = true;
	return MNL_CB_OK;
}

int stats_get(struct nl *nl, struct stats *st)
{
	struct get g = { .st = st };
	int err;

	memset(st, 0, sizeof(*st));
	err = nl_talk(nl, nl_request(nl, V4V6_CMD_GET_STATS,
				     V4V6_GENL_VERSION), get_cb, &g);
	if (!err && !g.valid)
		err = -EPROTO;	/* acked without a reply */
	return err;
}

static struct json_object *stats_json(const struct stats *st)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *counters;
	char buf[STAT_NAME_BUFSIZE];
	unsigned int i;

	if (!obj || !json_add_u64(obj, "devices", st->devices))
		goto fail;
	counters = json_object_new_object();
	if (!json_add(obj, "stats", counters, false))
		goto fail;
	for (i = 0; i < STATS_TYPES; i++)
		if (st->has[i] &&
		    !json_add_u64(counters, stats_name(i, buf), st->v[i]))
			goto fail;
	return obj;
fail:
	json_object_put(obj);
	return NULL;
}

static void stats_print(const struct stats *st)
{
	char buf[STAT_NAME_BUFSIZE];
	unsigned int i;

	printf("devices %" PRIu32 "\n", st->devices);
	for (i = 0; i < STATS_TYPES; i++)
		if (st->has[i])
			printf("%s %" PRIu64 "\n", stats_name(i, buf), st->v[i]);
}

int cmd_stats(int argc, char **argv)
{
	struct stats st;
	struct nl nl;

	if (args_help(argc - 1, argv + 1)) {
		stats_usage(stdout);
		return EXIT_OK;
	}
	if (argc > 1) {
		stats_usage(stderr);
		return EXIT_USAGE;
	}
	if (nl_connect(&nl))
		return EXIT_FAIL;
	if (nl_finish(&nl, stats_get(&nl, &st)))
		return EXIT_FAIL;
	if (json_output)
		return json_print(stats_json(&st));
	stats_print(&st);
	return EXIT_OK;
}
