// SPDX-License-Identifier: GPL-2.0
/*
 * status: the configuration, the devices and the main counters at a glance.
 * export: the configuration and the devices, as JSON.
 */
#include <inttypes.h>
#include <string.h>

#include <linux/v4v6.h>

#include "config.h"
#include "device.h"
#include "jsonout.h"
#include "nl.h"
#include "stats.h"
#include "v4v6ctl.h"

static void status_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [-j] status\n"
		"       " PROG " status help\n"
		"\n"
		"Print the configuration, the number of devices (active and\n"
		"inactive), the packets translated each way, those from unknown\n"
		"sources and the sum of those dropped. An interface the kernel\n"
		"saw go shows as \"lan: gone (was br-lan)\", and each device whose\n"
		"WAN identity went as \"identity gone: MAC (was IFNAME)\": its\n"
		"translation stops until the interface is set again.\n");
}

static void export_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " export\n"
		"       " PROG " export help\n"
		"\n"
		"Print the configuration and the devices as one JSON object,\n"
		"{\"config\": {...}, \"devices\": [...]}, as config show -j and\n"
		"devices -j print them.\n");
}

/* What status and export print. */
struct snapshot {
	struct config cfg;
	struct dev_list list;
	struct stats st;
};

/* Ask the kernel, for the stats too if @stats: EXIT_OK or EXIT_FAIL. */
static int snapshot_get(struct snapshot *s, bool stats)
{
	struct nl nl;
	int err;

	memset(&s->list, 0, sizeof(s->list));
	memset(&s->st, 0, sizeof(s->st));
	if (nl_connect(&nl))
		return EXIT_FAIL;
	err = config_get(&nl, &s->cfg);
	if (!err)
		err = devices_get(&nl, &s->list);
	if (!err && stats)
		err = stats_get(&nl, &s->st);
	return nl_finish(&nl, err);
}

static size_t count_state(const struct dev_list *list, unsigned int state)
{
	size_t i, n = 0;

	for (i = 0; i < list->n; i++)
		n += list->v[i].state == state;
	return n;
}

/* The devices whose WAN identity went. */
static size_t count_gone(const struct dev_list *list)
{
	size_t i, n = 0;

	for (i = 0; i < list->n; i++)
		n += list->v[i].wan_gone[0] != '\0';
	return n;
}

/* The main counters. */
struct summary {
	uint64_t xlat_4to6;
	uint64_t xlat_6to4;
	uint64_t unknown_source;
	uint64_t drops;
};

static void summarize(const struct stats *st, struct summary *sum)
{
	sum->xlat_4to6 = st->v[V4V6_STAT_XLAT_4TO6];
	sum->xlat_6to4 = st->v[V4V6_STAT_XLAT_6TO4];
	sum->unknown_source = st->v[V4V6_STAT_UNKNOWN_SOURCE];
	sum->drops = stats_drops(st);
}

static struct json_object *status_json(const struct snapshot *s)
{
	struct json_object *obj = json_object_new_object();
	struct json_object *devs, *st;
	struct summary sum;

	if (!obj || !json_add(obj, "config", config_json(&s->cfg), false))
		goto fail;
	devs = json_object_new_object();
	if (!json_add(obj, "devices", devs, false) ||
	    !json_add_u64(devs, "total", s->list.n) ||
	    !json_add_u64(devs, "active",
			  count_state(&s->list, V4V6_DEV_STATE_ACTIVE)) ||
	    !json_add_u64(devs, "inactive",
			  count_state(&s->list, V4V6_DEV_STATE_INACTIVE)) ||
	    !json_add_u64(devs, "identity_gone", count_gone(&s->list)))
		goto fail;
	summarize(&s->st, &sum);
	st = json_object_new_object();
	if (!json_add(obj, "stats", st, false) ||
	    !json_add_u64(st, "xlat_4to6", sum.xlat_4to6) ||
	    !json_add_u64(st, "xlat_6to4", sum.xlat_6to4) ||
	    !json_add_u64(st, "unknown_source", sum.unknown_source) ||
	    !json_add_u64(st, "drops", sum.drops))
		goto fail;
	return obj;
fail:
	json_object_put(obj);
	return NULL;
}

static void status_print(const struct snapshot *s)
{
	char mac[MAC_STRLEN];
	struct summary sum;
	size_t i;

	summarize(&s->st, &sum);
	config_print(&s->cfg);
	printf("devices: %zu (%zu active, %zu inactive)\n", s->list.n,
	       count_state(&s->list, V4V6_DEV_STATE_ACTIVE),
	       count_state(&s->list, V4V6_DEV_STATE_INACTIVE));
	for (i = 0; i < s->list.n; i++) {
		if (!s->list.v[i].wan_gone[0])
			continue;
		format_mac(s->list.v[i].mac, mac);
		printf("identity gone: %s (was %s)\n", mac,
		       s->list.v[i].wan_gone);
	}
	printf("xlat_4to6: %" PRIu64 "\nxlat_6to4: %" PRIu64 "\n"
	       "unknown_source: %" PRIu64 "\ndrops: %" PRIu64 "\n",
	       sum.xlat_4to6, sum.xlat_6to4, sum.unknown_source, sum.drops);
}

int cmd_status(int argc, char **argv)
{
	struct snapshot s;
	int ret;

	if (args_help(argc - 1, argv + 1)) {
		status_usage(stdout);
		return EXIT_OK;
	}
	if (argc > 1) {
		status_usage(stderr);
		return EXIT_USAGE;
	}
	ret = snapshot_get(&s, true);
	if (!ret && json_output)
		ret = json_print(status_json(&s));
	else if (!ret)
		status_print(&s);
	dev_list_free(&s.list);
	return ret;
}

static struct json_object *export_json(const struct snapshot *s)
{
	struct json_object *obj = json_object_new_object();

	if (!obj || !json_add(obj, "config", config_json(&s->cfg), false) ||
	    !json_add(obj, "devices", dev_list_json(&s->list, 0), false)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

int cmd_export(int argc, char **argv)
{
	struct snapshot s;
	int ret;

	if (args_help(argc - 1, argv + 1)) {
		export_usage(stdout);
		return EXIT_OK;
	}
	if (argc > 1) {
		export_usage(stderr);
		return EXIT_USAGE;
	}
	ret = snapshot_get(&s, false);
	if (!ret)
		ret = json_print(export_json(&s));
	dev_list_free(&s.list);
	return ret;
}
