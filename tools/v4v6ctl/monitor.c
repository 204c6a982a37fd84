// SPDX-License-Identifier: GPL-2.0
/*
 * monitor: print the events of the namespace's v4v6 instance as they come.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/v4v6.h>

#include "config.h"
#include "device.h"
#include "jsonout.h"
#include "nl.h"
#include "parse.h"
#include "v4v6ctl.h"

static void monitor_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [-j] monitor\n"
		"       " PROG " monitor help\n"
		"\n"
		"Print the events of v4v6, one a line, until killed:\n"
		"  unknown-source mac MAC ipv4 ADDR lan IFNAME\n"
		"  new-device|set-device|del-device DEVICE\n"
		"  config SETTINGS\n"
		"  link-gone IFNAME ifindex N was lan|wan|identity[,...] devices N\n"
		"DEVICE is laid out as by devices, SETTINGS as in\n"
		"\"lan IFNAME wan IFNAME pref64 PREFIX/LEN lowest-mtu N unknown P\".\n"
		"link-gone: an interface v4v6 used was deleted or left the\n"
		"namespace (the LAN, the WAN, or the identity of N devices);\n"
		"config and set-device events with \"gone:IFNAME\" came before it.\n"
		"With -j, one JSON object a line, whose member \"event\" is\n"
		"unknown_source, new_device, set_device, del_device, config or\n"
		"link_gone.\n");
}

/* The names of the events, by command, as text and in JSON. */
static const struct {
	const char *text;
	const char *json;
} events[] = {
	[V4V6_CMD_SET_CONFIG] = { "config", "config" },
	[V4V6_CMD_NEW_DEVICE] = { "new-device", "new_device" },
	[V4V6_CMD_SET_DEVICE] = { "set-device", "set_device" },
	[V4V6_CMD_DEL_DEVICE] = { "del-device", "del_device" },
	[V4V6_CMD_UNKNOWN_SOURCE] = { "unknown-source", "unknown_source" },
	[V4V6_CMD_LINK_GONE] = { "link-gone", "link_gone" },
};

/* A JSON object whose first member says the event @cmd, or NULL. */
static struct json_object *event_json(uint8_t cmd)
{
	struct json_object *obj = json_object_new_object();

	if (obj && !json_add_str(obj, "event", events[cmd].json)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static int event_config(const struct nlmsghdr *nlh, uint8_t cmd)
{
	struct json_object *obj;
	struct config cfg;

	if (config_parse(nlh, &cfg))
		return -EPROTO;
	if (!json_output) {
		printf("%s ", events[cmd].text);
		config_print_line(&cfg);
		return 0;
	}
	obj = event_json(cmd);
	if (obj && !config_json_add(obj, &cfg)) {
		json_object_put(obj);
		obj = NULL;
	}
	return json_print(obj) ? -ENOMEM : 0;
}

static int event_device(const struct nlmsghdr *nlh, uint8_t cmd)
{
	struct json_object *obj;
	struct dev d;

	if (dev_parse(nlh, &d))
		return -EPROTO;
	if (!json_output) {
		printf("%s ", events[cmd].text);
		dev_print(&d);
		return 0;
	}
	obj = event_json(cmd);
	if (obj && !dev_json_add(obj, &d)) {
		json_object_put(obj);
		obj = NULL;
	}
	return json_print(obj) ? -ENOMEM : 0;
}

/* What V4V6_CMD_UNKNOWN_SOURCE says. */
struct unknown {
	char mac[MAC_STRLEN];
	char ipv4[INET_ADDRSTRLEN];
	char lan[IFNAME_BUFSIZE];
	uint32_t lan_ifindex;
};

static int unknown_parse(const struct nlmsghdr *nlh, struct unknown *u)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];
	struct in_addr ipv4;

	if (v4v6_parse(nlh, tb) || !tb[V4V6_A_DEV_MAC] ||
	    !tb[V4V6_A_DEV_IPV4] || !tb[V4V6_A_CFG_LAN_IFINDEX])
		return -EPROTO;
	format_mac(mnl_attr_get_payload(tb[V4V6_A_DEV_MAC]), u->mac);
	ipv4.s_addr = mnl_attr_get_u32(tb[V4V6_A_DEV_IPV4]);
	inet_ntop(AF_INET, &ipv4, u->ipv4, sizeof(u->ipv4));
	u->lan_ifindex = mnl_attr_get_u32(tb[V4V6_A_CFG_LAN_IFINDEX]);
	ifindex_name(u->lan_ifindex, u->lan);
	return 0;
}

static int event_unknown(const struct nlmsghdr *nlh, uint8_t cmd)
{
	struct json_object *obj;
	struct unknown u;

	if (unknown_parse(nlh, &u))
		return -EPROTO;
	if (!json_output) {
		printf("%s mac %s ipv4 %s lan %s\n", events[cmd].text, u.mac,
		       u.ipv4, u.lan);
		return 0;
	}
	obj = event_json(cmd);
	if (obj && (!json_add_str(obj, "mac", u.mac) ||
		    !json_add_str(obj, "ipv4", u.ipv4) ||
		    !json_add_str(obj, "lan", u.lan) ||
		    !json_add_u64(obj, "lan_ifindex", u.lan_ifindex))) {
		json_object_put(obj);
		obj = NULL;
	}
	return json_print(obj) ? -ENOMEM : 0;
}

/* What V4V6_CMD_LINK_GONE says. */
struct link_gone {
	char name[IFNAME_BUFSIZE];
	uint32_t ifindex;
	uint32_t roles;		/* V4V6_LINK_* */
	uint32_t devices;
};

/* The names of the V4V6_LINK_* bits, lowest first. */
static const char *const link_roles[] = { "lan", "wan", "identity" };

static int link_gone_parse(const struct nlmsghdr *nlh, struct link_gone *g)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];

	if (v4v6_parse(nlh, tb) || !tb[V4V6_A_LINK_IFINDEX] ||
	    !tb[V4V6_A_LINK_NAME] || !tb[V4V6_A_LINK_ROLES] ||
	    !tb[V4V6_A_DEVICES])
		return -EPROTO;
	nl_attr_str(tb[V4V6_A_LINK_NAME], g->name, sizeof(g->name));
	g->ifindex = mnl_attr_get_u32(tb[V4V6_A_LINK_IFINDEX]);
	g->roles = mnl_attr_get_u32(tb[V4V6_A_LINK_ROLES]);
	g->devices = mnl_attr_get_u32(tb[V4V6_A_DEVICES]);
	return 0;
}

/* A JSON array of the names of the roles of @g, or NULL. */
static struct json_object *link_roles_json(const struct link_gone *g)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; arr && i < ARRAY_SIZE(link_roles); i++)
		if (g->roles & (1u << i) &&
		    !json_append(arr, json_object_new_string(link_roles[i]))) {
			json_object_put(arr);
			arr = NULL;
		}
	return arr;
}

static int event_link_gone(const struct nlmsghdr *nlh, uint8_t cmd)
{
	struct json_object *obj;
	struct link_gone g;
	const char *sep = "";
	size_t i;

	if (link_gone_parse(nlh, &g))
		return -EPROTO;
	if (!json_output) {
		printf("%s %s ifindex %u was ", events[cmd].text, g.name,
		       g.ifindex);
		for (i = 0; i < ARRAY_SIZE(link_roles); i++)
			if (g.roles & (1u << i)) {
				printf("%s%s", sep, link_roles[i]);
				sep = ",";
			}
		printf("%s devices %u\n", *sep ? "" : "-", g.devices);
		return 0;
	}
	obj = event_json(cmd);
	if (obj && (!json_add_str(obj, "ifname", g.name) ||
		    !json_add_u64(obj, "ifindex", g.ifindex) ||
		    !json_add(obj, "was", link_roles_json(&g), false) ||
		    !json_add_u64(obj, "devices", g.devices))) {
		json_object_put(obj);
		obj = NULL;
	}
	return json_print(obj) ? -ENOMEM : 0;
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);
	int err;

	(void)data;
	switch (genl->cmd) {
	case V4V6_CMD_SET_CONFIG:
		err = event_config(nlh, genl->cmd);
		break;
	case V4V6_CMD_NEW_DEVICE:
	case V4V6_CMD_SET_DEVICE:
	case V4V6_CMD_DEL_DEVICE:
		err = event_device(nlh, genl->cmd);
		break;
	case V4V6_CMD_UNKNOWN_SOURCE:
		err = event_unknown(nlh, genl->cmd);
		break;
	case V4V6_CMD_LINK_GONE:
		err = event_link_gone(nlh, genl->cmd);
		break;
	default:
		return MNL_CB_OK;	/* one of a newer module */
	}
	if (err == -EPROTO)
		fprintf(stderr, PROG ": warning: malformed %s event\n",
			events[genl->cmd].text);
	/* For whoever reads us through a pipe, as the events come. */
	if (fflush(stdout) == EOF || ferror(stdout))
		return MNL_CB_ERROR;
	return MNL_CB_OK;
}

int cmd_monitor(int argc, char **argv)
{
	struct nl nl;
	int err;

	if (args_help(argc - 1, argv + 1)) {
		monitor_usage(stdout);
		return EXIT_OK;
	}
	if (argc > 1) {
		monitor_usage(stderr);
		return EXIT_USAGE;
	}
	if (nl_connect(&nl))
		return EXIT_FAIL;
	err = nl_subscribe(&nl, V4V6_GENL_NAME, V4V6_GENL_MCGRP_EVENTS);
	if (err) {
		fprintf(stderr, PROG ": cannot join the multicast group "
			V4V6_GENL_MCGRP_EVENTS ": %s\n", strerror(-err));
		nl_close(&nl);
		return EXIT_FAIL;
	}
	for (;;) {
		err = nl_recv(&nl, event_cb, NULL);
		if (err == -ENOBUFS)
			fprintf(stderr, PROG ": warning: events were lost: "
				"the socket's buffer overflowed\n");
		else if (err && err != -EINTR)
			break;
	}
	return nl_finish(&nl, err);
}
