// SPDX-License-Identifier: GPL-2.0
/*
 * device add | set | del | show | flush | help: one device of the table.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/v4v6.h>

#include "device.h"
#include "jsonout.h"
#include "names.h"
#include "nl.h"
#include "parse.h"
#include "v4v6ctl.h"

static void device_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " device add MAC ipv4 ADDR ipv6 ADDR [wan IFNAME|none]\n"
		"                          [static] [state active|inactive]\n"
		"                          [allow PROTO [PORT|LO-HI]]...\n"
		"       " PROG " device set MAC [ipv4 ADDR] [ipv6 ADDR] [wan IFNAME|none]\n"
		"                          [state active|inactive] [static|dynamic]\n"
		"                          [allow PROTO [PORT|LO-HI]]... | [allow none]\n"
		"       " PROG " device del MAC|IPV4\n"
		"       " PROG " [-j] device show MAC|IPV4|IPV6\n"
		"       " PROG " device flush [all]\n"
		"       " PROG " device help\n"
		"\n"
		"MAC is the device's Ethernet address, e.g. 02:00:00:00:00:0a;\n"
		"ipv4 its address on the LAN, ipv6 the global address it has on\n"
		"the IPv6 network; wan the interface holding that address (e.g.\n"
		"a macvlan of the WAN), none for the WAN itself. A static device\n"
		"is never aged and survives a flush; dynamic undoes static.\n"
		"Each allow (at most %d) lets the IPv6 network start flows to the\n"
		"device under inbound replies: PROTO is tcp, udp or icmp (echo\n"
		"requests); tcp and udp take a destination port or range, every\n"
		"port without. set replaces the rules with those given, allow\n"
		"none removes them, no allow keeps them.\n"
		"flush removes the dynamic devices, flush all every device.\n",
		V4V6_ALLOW_MAX);
}

enum { DK_IPV4, DK_IPV6, DK_WAN, DK_STATE, DK_STATIC, DK_DYNAMIC, DK_ALLOW,
	DK_N };
static const struct arg_kw dev_keywords[] = {
	[DK_IPV4] = { "ipv4", true },
	[DK_IPV6] = { "ipv6", true },
	[DK_WAN] = { "wan", true },
	[DK_STATE] = { "state", true },
	[DK_STATIC] = { "static", false },
	[DK_DYNAMIC] = { "dynamic", false },
	/* Repeatable: taken out by allow_args() before args_parse(). */
	[DK_ALLOW] = { "allow", true },
};

/* The arguments of "device add" and "device set". */
struct dev_args {
	const char *val[DK_N];
	uint32_t given;
	struct dev d;	/* what they say */
	bool allow;	/* d.allow is to be sent, even empty (allow none) */
};

#define GIVEN(a, kw) ((a)->given & (1u << (kw)))

/* @s as the MAC address of a device: false after saying why not. */
static bool mac_arg(const char *s, uint8_t mac[MAC_LEN])
{
	enum parse_err err = parse_mac(s, mac);

	if (err)
		fprintf(stderr, PROG ": invalid MAC address \"%s\": %s%s\n", s,
			parse_strerror(err), err == PARSE_ESYNTAX ?
			", expected six hex pairs as in 02:00:00:00:00:0a" :
			"");
	return !err;
}

/* @s as an address of @family: false after saying why not. */
static bool addr_arg(const char *kw, const char *s, int family, void *addr)
{
	if (inet_pton(family, s, addr) == 1)
		return true;
	fprintf(stderr, PROG ": invalid %s \"%s\": not an %s address\n", kw,
		s, family == AF_INET ? "IPv4" : "IPv6");
	return false;
}

/* Check the values other than the interface: false after saying why not. */
static bool dev_values(struct dev_args *a)
{
	int state;

	if ((GIVEN(a, DK_IPV4) &&
	     !addr_arg("ipv4", a->val[DK_IPV4], AF_INET, &a->d.ipv4)) ||
	    (GIVEN(a, DK_IPV6) &&
	     !addr_arg("ipv6", a->val[DK_IPV6], AF_INET6, &a->d.ipv6)))
		return false;
	if (GIVEN(a, DK_STATE)) {
		state = dev_state_lookup(a->val[DK_STATE]);
		if (state < 0) {
			fprintf(stderr, PROG ": invalid state \"%s\", expected "
				"active or inactive\n", a->val[DK_STATE]);
			return false;
		}
		a->d.state = (uint8_t)state;
	}
	if (GIVEN(a, DK_STATIC) && GIVEN(a, DK_DYNAMIC)) {
		fprintf(stderr, PROG ": static and dynamic exclude each other\n");
		return false;
	}
	if (GIVEN(a, DK_STATIC))
		a->d.flags = V4V6_DEV_F_STATIC;
	return true;
}

/*
 * Take every "allow PROTO [PORT|LO-HI]" and "allow none" out of the @argc
 * words at @argv into a->d.allow, and copy the other words to @rest (room
 * for @argc), a keyword's value with it: how many were copied, or -1
 * after saying why not.
 */
static int allow_args(int argc, char **argv, struct dev_args *a, char **rest)
{
	struct allow_rule r;
	int i, n = 0, kw, took;
	bool none = false;
	char err[128];

	for (i = 0; i < argc; i++) {
		kw = keyword_lookup(argv[i], &dev_keywords[0].name, DK_N,
				    sizeof(dev_keywords[0]));
		if (kw != DK_ALLOW) {
			rest[n++] = argv[i];
			if (kw >= 0 && dev_keywords[kw].takes_value &&
			    i + 1 < argc)
				rest[n++] = argv[++i];
			continue;
		}
		a->allow = true;
		if (i + 1 < argc && !strcmp(argv[i + 1], "none")) {
			none = true;
			i++;
			continue;
		}
		took = parse_allow(argc - i - 1, argv + i + 1, &r, err,
				   sizeof(err));
		if (took < 0 || !allow_add(&a->d.allow, &r, err, sizeof(err))) {
			fprintf(stderr, PROG ": %s\n", err);
			return -1;
		}
		i += took;
	}
	if (none && a->d.allow.n) {
		fprintf(stderr, PROG ": allow none and allow rules exclude each "
			"other\n");
		return -1;
	}
	return n;
}

/* "add|set MAC KEYWORDS...": EXIT_OK, or what to exit with. */
static int dev_args_parse(int argc, char **argv, struct dev_args *a)
{
	char **rest;
	int n;

	memset(a, 0, sizeof(*a));
	if (argc < 2) {
		fprintf(stderr, PROG ": device %s: the MAC address is missing\n",
			argv[0]);
		device_usage(stderr);
		return EXIT_USAGE;
	}
	if (!mac_arg(argv[1], a->d.mac))
		return EXIT_USAGE;
	rest = calloc((size_t)argc, sizeof(*rest));
	if (!rest) {
		fprintf(stderr, PROG ": %s\n", strerror(errno));
		return EXIT_FAIL;
	}
	n = allow_args(argc - 2, argv + 2, a, rest);
	if (n < 0 || args_parse(n, rest, dev_keywords,
				ARRAY_SIZE(dev_keywords), a->val, &a->given) ||
	    !dev_values(a)) {
		free(rest);
		return EXIT_USAGE;
	}
	free(rest);
	if (a->allow)
		a->given |= 1u << DK_ALLOW;
	if (GIVEN(a, DK_WAN) && !ifindex_get(a->val[DK_WAN], &a->d.wan_ifindex))
		return EXIT_FAIL;
	return EXIT_OK;
}

/* V4V6_A_DEV_ALLOW: a V4V6_A_ALLOW nest for each rule of @l. */
static void allow_put(struct nlmsghdr *nlh, const struct allow_list *l)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, V4V6_A_DEV_ALLOW);
	struct nlattr *rule;
	unsigned int i;

	for (i = 0; i < l->n; i++) {
		rule = mnl_attr_nest_start(nlh, V4V6_A_ALLOW);
		mnl_attr_put_u8(nlh, V4V6_A_ALLOW_PROTO, l->v[i].proto);
		if (l->v[i].port_min) {
			mnl_attr_put_u16(nlh, V4V6_A_ALLOW_PORT_MIN,
					 l->v[i].port_min);
			mnl_attr_put_u16(nlh, V4V6_A_ALLOW_PORT_MAX,
					 l->v[i].port_max);
		}
		mnl_attr_nest_end(nlh, rule);
	}
	mnl_attr_nest_end(nlh, nest);
}

static void dev_args_put(struct nlmsghdr *nlh, const struct dev_args *a)
{
	mnl_attr_put(nlh, V4V6_A_DEV_MAC, MAC_LEN, a->d.mac);
	if (GIVEN(a, DK_IPV4))
		mnl_attr_put_u32(nlh, V4V6_A_DEV_IPV4, a->d.ipv4.s_addr);
	if (GIVEN(a, DK_IPV6))
		mnl_attr_put(nlh, V4V6_A_DEV_IPV6, sizeof(a->d.ipv6),
			     &a->d.ipv6);
	if (GIVEN(a, DK_WAN))
		mnl_attr_put_u32(nlh, V4V6_A_DEV_WAN_IFINDEX, a->d.wan_ifindex);
	if (GIVEN(a, DK_STATE))
		mnl_attr_put_u8(nlh, V4V6_A_DEV_STATE, a->d.state);
	/* The kernel replaces the flags whole. */
	if (GIVEN(a, DK_STATIC) || GIVEN(a, DK_DYNAMIC))
		mnl_attr_put_u32(nlh, V4V6_A_DEV_FLAGS, a->d.flags);
	/* The kernel replaces the rules whole; an empty nest removes them. */
	if (GIVEN(a, DK_ALLOW))
		allow_put(nlh, &a->d.allow);
}

/* The end of a talk about a device: "no such device" if the kernel says none. */
static int dev_finish(struct nl *nl, int err)
{
	if (err == -ENOENT && !nl->extack[0])
		snprintf(nl->extack, sizeof(nl->extack), "no such device");
	return nl_finish(nl, err);
}

/* Send @cmd for the device of @a and wait for the ack. */
static int dev_change(uint8_t cmd, const struct dev_args *a)
{
	struct nlmsghdr *nlh;
	struct nl nl;

	if (nl_connect(&nl))
		return EXIT_FAIL;
	nlh = nl_request(&nl, cmd, V4V6_GENL_VERSION);
	dev_args_put(nlh, a);
	return dev_finish(&nl, nl_talk(&nl, nlh, NULL, NULL));
}

static int device_add(int argc, char **argv)
{
	struct dev_args a;
	int ret = dev_args_parse(argc, argv, &a);

	if (ret)
		return ret;
	if (!GIVEN(&a, DK_IPV4) || !GIVEN(&a, DK_IPV6)) {
		fprintf(stderr, PROG ": device add: ipv4 and ipv6 are needed\n");
		device_usage(stderr);
		return EXIT_USAGE;
	}
	return dev_change(V4V6_CMD_NEW_DEVICE, &a);
}

static int device_set(int argc, char **argv)
{
	struct dev_args a;
	int ret = dev_args_parse(argc, argv, &a);

	if (ret)
		return ret;
	if (!a.given) {
		fprintf(stderr, PROG ": device set: nothing to set\n");
		device_usage(stderr);
		return EXIT_USAGE;
	}
	return dev_change(V4V6_CMD_SET_DEVICE, &a);
}

/* argv[1] naming one device: EXIT_OK, or EXIT_USAGE after saying why. */
static int key_arg(int argc, char **argv, bool ipv6_ok, struct dev_key *key)
{
	const char *what = ipv6_ok ? "a MAC, IPv4 or IPv6 address" :
			   "a MAC or IPv4 address";
	enum parse_err err;

	if (argc != 2) {
		device_usage(stderr);
		return EXIT_USAGE;
	}
	err = parse_dev_key(argv[1], key);
	if (err == PARSE_ESYNTAX || (!err && key->type == DEV_KEY_IPV6 &&
				     !ipv6_ok)) {
		fprintf(stderr, PROG ": device %s: \"%s\" is not %s\n",
			argv[0], argv[1], what);
		return EXIT_USAGE;
	}
	if (err) {
		mac_arg(argv[1], key->mac);	/* to say why not */
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

static void key_put(struct nlmsghdr *nlh, const struct dev_key *key)
{
	switch (key->type) {
	case DEV_KEY_MAC:
		mnl_attr_put(nlh, V4V6_A_DEV_MAC, MAC_LEN, key->mac);
		break;
	case DEV_KEY_IPV4:
		mnl_attr_put_u32(nlh, V4V6_A_DEV_IPV4, key->ipv4.s_addr);
		break;
	case DEV_KEY_IPV6:
		mnl_attr_put(nlh, V4V6_A_DEV_IPV6, sizeof(key->ipv6),
			     &key->ipv6);
		break;
	}
}

static int device_del(int argc, char **argv)
{
	struct dev_key key;
	struct nlmsghdr *nlh;
	struct nl nl;

	if (key_arg(argc, argv, false, &key))
		return EXIT_USAGE;
	if (nl_connect(&nl))
		return EXIT_FAIL;
	nlh = nl_request(&nl, V4V6_CMD_DEL_DEVICE, V4V6_GENL_VERSION);
	key_put(nlh, &key);
	return dev_finish(&nl, nl_talk(&nl, nlh, NULL, NULL));
}

struct show {
	struct dev d;
	bool valid;	/* filled in from a reply */
};

static int show_cb(const struct nlmsghdr *nlh, void *data)
{
	struct show *s = data;

	if (dev_parse(nlh, &s->d)) {
		errno = EPROTO;
		return MNL_CB_ERROR;
	}
	s->valid = true;
	return MNL_CB_OK;
}

static int device_show(int argc, char **argv)
{
	struct show s = { .valid = false };
	struct dev_key key;
	struct nlmsghdr *nlh;
	struct nl nl;
	int err;

	if (key_arg(argc, argv, true, &key))
		return EXIT_USAGE;
	if (nl_connect(&nl))
		return EXIT_FAIL;
	nlh = nl_request(&nl, V4V6_CMD_GET_DEVICE, V4V6_GENL_VERSION);
	key_put(nlh, &key);
	err = nl_talk(&nl, nlh, show_cb, &s);
	if (!err && !s.valid)
		err = -EPROTO;	/* acked without a reply */
	if (dev_finish(&nl, err))
		return EXIT_FAIL;
	if (json_output)
		return json_print(dev_json(&s.d));
	dev_print(&s.d);
	return EXIT_OK;
}

static int device_flush(int argc, char **argv)
{
	static const char *const all[] = { "all" };
	struct nlmsghdr *nlh;
	struct nl nl;

	if (argc > 2 || (argc == 2 && keyword_lookup(argv[1], all, 1,
						     sizeof(all[0])))) {
		device_usage(stderr);
		return EXIT_USAGE;
	}
	if (nl_connect(&nl))
		return EXIT_FAIL;
	nlh = nl_request(&nl, V4V6_CMD_FLUSH, V4V6_GENL_VERSION);
	if (argc == 2)
		mnl_attr_put(nlh, V4V6_A_FLUSH_ALL, 0, NULL);
	return nl_finish(&nl, nl_talk(&nl, nlh, NULL, NULL));
}

static int device_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	device_usage(stdout);
	return EXIT_OK;
}

static const struct cmd device_cmds[] = {
	{ "add", device_add, "add a device" },
	{ "set", device_set, "change a device" },
	{ "del", device_del, "remove a device" },
	{ "show", device_show, "print a device" },
	{ "flush", device_flush, "remove devices" },
	{ "help", device_help, "show this help" },
};

int cmd_device(int argc, char **argv)
{
	if (argc < 2) {
		device_usage(stderr);
		return EXIT_USAGE;
	}
	return cmd_run(device_cmds, ARRAY_SIZE(device_cmds), argc - 1, argv + 1,
		       device_usage);
}
