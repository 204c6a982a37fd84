// SPDX-License-Identifier: GPL-2.0
/*
 * config show | set | help: the instance's configuration.
 */
#include <string.h>

#include <linux/v4v6.h>

#include "config.h"
#include "jsonout.h"
#include "names.h"
#include "nl.h"
#include "parse.h"
#include "v4v6ctl.h"

static void config_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [-j] config [show]\n"
		"       " PROG " config set [lan IFNAME|none] [wan IFNAME|none]\n"
		"                          [pref64 PREFIX/LEN] [lowest-mtu N]\n"
		"                          [unknown pass|drop]\n"
		"                          [inbound replies|all]\n"
		"       " PROG " config help\n"
		"\n"
		"PREFIX/LEN is the NAT64 prefix (RFC 6052), e.g. 64:ff9b::/96;\n"
		"LEN is 32, 40, 48, 56, 64 or 96. N is the lowest IPv6 MTU on the\n"
		"path to the NAT64, %d to %d. unknown says what becomes of IPv4\n"
		"from LAN sources not in the device table: passed to the IPv4\n"
		"stack, or dropped. inbound says what comes in from the IPv6\n"
		"network: only replies to the devices' own flows (and what their\n"
		"allow rules let in), or everything.\n",
		V4V6_MIN_MTU, V4V6_MAX_MTU);
}

static int config_show(int argc, char **argv)
{
	struct config cfg;
	struct nl nl;
	int err;

	(void)argv;
	if (argc > 1) {
		config_usage(stderr);
		return EXIT_USAGE;
	}
	if (nl_connect(&nl))
		return EXIT_FAIL;
	err = config_get(&nl, &cfg);
	if (nl_finish(&nl, err))
		return EXIT_FAIL;
	if (json_output)
		return json_print(config_json(&cfg));
	config_print(&cfg);
	return EXIT_OK;
}

enum { KW_LAN, KW_WAN, KW_PREF64, KW_LOWEST_MTU, KW_UNKNOWN, KW_INBOUND,
	KW_N };
static const struct arg_kw set_keywords[] = {
	[KW_LAN] = { "lan", true },
	[KW_WAN] = { "wan", true },
	[KW_PREF64] = { "pref64", true },
	[KW_LOWEST_MTU] = { "lowest-mtu", true },
	[KW_UNKNOWN] = { "unknown", true },
	[KW_INBOUND] = { "inbound", true },
};

/* The values of "config set", parsed; the interfaces are looked up later. */
struct set {
	const char *val[KW_N];
	uint32_t given;
	struct config cfg;
};

#define GIVEN(s, kw) ((s)->given & (1u << (kw)))

/* Check the values other than interfaces: false after saying why not. */
static bool set_values(struct set *s)
{
	enum parse_err perr;
	int policy;

	if (GIVEN(s, KW_PREF64)) {
		perr = parse_pref64(s->val[KW_PREF64], &s->cfg.pref64,
				    &s->cfg.pref64_len);
		if (perr) {
			fprintf(stderr, PROG ": invalid pref64 \"%s\": %s%s\n",
				s->val[KW_PREF64], parse_strerror(perr),
				perr == PARSE_ESYNTAX ?
				", expected PREFIX/LEN" : "");
			return false;
		}
	}
	if (GIVEN(s, KW_LOWEST_MTU)) {
		perr = parse_mtu(s->val[KW_LOWEST_MTU], &s->cfg.lowest_mtu);
		if (perr) {
			fprintf(stderr, PROG ": invalid lowest-mtu \"%s\": %s, "
				"expected %d to %d\n", s->val[KW_LOWEST_MTU],
				parse_strerror(perr), V4V6_MIN_MTU,
				V4V6_MAX_MTU);
			return false;
		}
	}
	if (GIVEN(s, KW_UNKNOWN)) {
		policy = unknown_policy_lookup(s->val[KW_UNKNOWN]);
		if (policy < 0) {
			fprintf(stderr, PROG ": invalid unknown \"%s\", "
				"expected pass or drop\n", s->val[KW_UNKNOWN]);
			return false;
		}
		s->cfg.unknown = (uint8_t)policy;
	}
	if (GIVEN(s, KW_INBOUND)) {
		policy = inbound_policy_lookup(s->val[KW_INBOUND]);
		if (policy < 0) {
			fprintf(stderr, PROG ": invalid inbound \"%s\", "
				"expected replies or all\n", s->val[KW_INBOUND]);
			return false;
		}
		s->cfg.inbound = (uint8_t)policy;
	}
	return true;
}

static void set_put(struct nlmsghdr *nlh, const struct set *s)
{
	if (GIVEN(s, KW_LAN))
		mnl_attr_put_u32(nlh, V4V6_A_CFG_LAN_IFINDEX, s->cfg.lan_ifindex);
	if (GIVEN(s, KW_WAN))
		mnl_attr_put_u32(nlh, V4V6_A_CFG_WAN_IFINDEX, s->cfg.wan_ifindex);
	if (GIVEN(s, KW_PREF64)) {
		mnl_attr_put(nlh, V4V6_A_CFG_PREF64, sizeof(s->cfg.pref64),
			     &s->cfg.pref64);
		mnl_attr_put_u8(nlh, V4V6_A_CFG_PREF64_LEN, s->cfg.pref64_len);
	}
	if (GIVEN(s, KW_LOWEST_MTU))
		mnl_attr_put_u32(nlh, V4V6_A_CFG_LOWEST_MTU, s->cfg.lowest_mtu);
	if (GIVEN(s, KW_UNKNOWN))
		mnl_attr_put_u8(nlh, V4V6_A_CFG_UNKNOWN, s->cfg.unknown);
	if (GIVEN(s, KW_INBOUND))
		mnl_attr_put_u8(nlh, V4V6_A_CFG_INBOUND, s->cfg.inbound);
}

static int config_set(int argc, char **argv)
{
	struct set s = { 0 };
	struct nlmsghdr *nlh;
	struct nl nl;

	if (args_parse(argc - 1, argv + 1, set_keywords,
		       ARRAY_SIZE(set_keywords), s.val, &s.given) ||
	    !set_values(&s))
		return EXIT_USAGE;
	if (!s.given) {
		fprintf(stderr, PROG ": config set: nothing to set\n");
		config_usage(stderr);
		return EXIT_USAGE;
	}
	if ((GIVEN(&s, KW_LAN) &&
	     !ifindex_get(s.val[KW_LAN], &s.cfg.lan_ifindex)) ||
	    (GIVEN(&s, KW_WAN) &&
	     !ifindex_get(s.val[KW_WAN], &s.cfg.wan_ifindex)))
		return EXIT_FAIL;

	if (nl_connect(&nl))
		return EXIT_FAIL;
	nlh = nl_request(&nl, V4V6_CMD_SET_CONFIG, V4V6_GENL_VERSION);
	set_put(nlh, &s);
	return nl_finish(&nl, nl_talk(&nl, nlh, NULL, NULL));
}

static int config_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	config_usage(stdout);
	return EXIT_OK;
}

static const struct cmd config_cmds[] = {
	{ "show", config_show, "print the configuration" },
	{ "set", config_set, "change the configuration" },
	{ "help", config_help, "show this help" },
};

int cmd_config(int argc, char **argv)
{
	if (argc < 2)
		return config_show(argc, argv);
	return cmd_run(config_cmds, ARRAY_SIZE(config_cmds), argc - 1, argv + 1,
		       config_usage);
}
