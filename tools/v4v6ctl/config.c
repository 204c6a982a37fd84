// SPDX-License-Identifier: GPL-2.0
/*
 * config show | set | help: the instance's configuration.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>

#include <json-c/json.h>
#include <linux/genetlink.h>
#include <linux/v4v6.h>

#include "nl.h"
#include "parse.h"
#include "v4v6ctl.h"

struct config {
	uint32_t lan_ifindex;
	uint32_t wan_ifindex;
	struct in6_addr pref64;
	uint8_t pref64_len;
	uint32_t lowest_mtu;
	bool valid;	/* filled in from a reply */
};

static void config_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [-j] config [show]\n"
		"       " PROG " config set [lan IFNAME|none] [wan IFNAME|none]\n"
		"                          [pref64 PREFIX/LEN] [lowest-mtu N]\n"
		"       " PROG " config help\n"
		"\n"
		"PREFIX/LEN is the NAT64 prefix (RFC 6052), e.g. 64:ff9b::/96;\n"
		"LEN is 32, 40, 48, 56, 64 or 96. N is the lowest IPv6 MTU on the\n"
		"path to the NAT64, %d to %d.\n", V4V6_MIN_MTU, V4V6_MAX_MTU);
}

/* Keep the attributes of a configuration whose type and length are right. */
static int cfg_attr_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	uint16_t type = mnl_attr_get_type(attr);
	int ret;

	switch (type) {
	case V4V6_A_CFG_LAN_IFINDEX:
	case V4V6_A_CFG_WAN_IFINDEX:
	case V4V6_A_CFG_LOWEST_MTU:
		ret = mnl_attr_validate(attr, MNL_TYPE_U32);
		break;
	case V4V6_A_CFG_PREF64:
		ret = mnl_attr_validate2(attr, MNL_TYPE_BINARY,
					 sizeof(struct in6_addr));
		break;
	case V4V6_A_CFG_PREF64_LEN:
		ret = mnl_attr_validate(attr, MNL_TYPE_U8);
		break;
	default:
		/* One a newer module added: not ours to read. */
		return MNL_CB_OK;
	}
	if (ret < 0) {
		errno = EPROTO;
		return MNL_CB_ERROR;
	}
	tb[type] = attr;
	return MNL_CB_OK;
}

static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[V4V6_A_CFG_MAX + 1] = { NULL };
	struct config *cfg = data;
	int type;

	if (mnl_attr_parse(nlh, GENL_HDRLEN, cfg_attr_cb, tb) != MNL_CB_OK)
		return MNL_CB_ERROR;
	for (type = V4V6_A_CFG_LAN_IFINDEX; type <= V4V6_A_CFG_MAX; type++)
		if (!tb[type]) {
			errno = EPROTO;
			return MNL_CB_ERROR;
		}
	cfg->lan_ifindex = mnl_attr_get_u32(tb[V4V6_A_CFG_LAN_IFINDEX]);
	cfg->wan_ifindex = mnl_attr_get_u32(tb[V4V6_A_CFG_WAN_IFINDEX]);
	memcpy(&cfg->pref64, mnl_attr_get_payload(tb[V4V6_A_CFG_PREF64]),
	       sizeof(cfg->pref64));
	cfg->pref64_len = mnl_attr_get_u8(tb[V4V6_A_CFG_PREF64_LEN]);
	cfg->lowest_mtu = mnl_attr_get_u32(tb[V4V6_A_CFG_LOWEST_MTU]);
	cfg->valid = true;
	return MNL_CB_OK;
}

/* Add @val to @obj as @key; on failure free @val. NULL is JSON null. */
static bool json_add(struct json_object *obj, const char *key,
		     struct json_object *val, bool null_ok)
{
	if ((!val && !null_ok) || json_object_object_add(obj, key, val)) {
		json_object_put(val);
		return false;
	}
	return true;
}

static bool json_add_if(struct json_object *obj, const char *key,
			uint32_t ifindex)
{
	char name[IF_NAMESIZE];
	bool named = ifindex && if_indextoname(ifindex, name);

	return json_add(obj, key, named ? json_object_new_string(name) : NULL,
			!named);
}

static int show_json(const struct config *cfg, const char *pref64)
{
	struct json_object *obj = json_object_new_object();
	const char *s = NULL;

	if (obj && json_add_if(obj, "lan", cfg->lan_ifindex) &&
	    json_add(obj, "lan_ifindex",
		     json_object_new_int64(cfg->lan_ifindex), false) &&
	    json_add_if(obj, "wan", cfg->wan_ifindex) &&
	    json_add(obj, "wan_ifindex",
		     json_object_new_int64(cfg->wan_ifindex), false) &&
	    json_add(obj, "pref64", json_object_new_string(pref64), false) &&
	    json_add(obj, "lowest_mtu",
		     json_object_new_int64(cfg->lowest_mtu), false))
		s = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN |
						   JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s)
		puts(s);
	else
		fprintf(stderr, PROG ": cannot build JSON: %s\n",
			strerror(ENOMEM));
	json_object_put(obj);
	return s ? EXIT_OK : EXIT_FAIL;
}

static void show_if(const char *key, uint32_t ifindex)
{
	char name[IF_NAMESIZE];

	if (!ifindex)
		printf("%s: none\n", key);
	else if (if_indextoname(ifindex, name))
		printf("%s: %s\n", key, name);
	else
		printf("%s: ifindex %u (no such interface)\n", key, ifindex);
}

static int config_show(int argc, char **argv)
{
	char pref64[PREF64_STRLEN];
	struct config cfg = { 0 };
	struct nl nl;
	int err;

	(void)argv;
	if (argc > 1) {
		config_usage(stderr);
		return EXIT_USAGE;
	}
	if (nl_connect(&nl))
		return EXIT_FAIL;
	err = nl_talk(&nl, nl_request(&nl, V4V6_CMD_GET_CONFIG,
				      V4V6_GENL_VERSION), get_cb, &cfg);
	if (!err && !cfg.valid)
		err = -EPROTO;	/* acked without a reply */
	if (err)
		nl_perror(&nl, err);
	nl_close(&nl);
	if (err)
		return EXIT_FAIL;

	format_pref64(&cfg.pref64, cfg.pref64_len, pref64, sizeof(pref64));
	if (json_output)
		return show_json(&cfg, pref64);
	show_if("lan", cfg.lan_ifindex);
	show_if("wan", cfg.wan_ifindex);
	printf("pref64: %s\nlowest-mtu: %u\n", pref64, cfg.lowest_mtu);
	return EXIT_OK;
}

enum { KW_LAN, KW_WAN, KW_PREF64, KW_LOWEST_MTU };
static const char *const set_keywords[] = {
	[KW_LAN] = "lan",
	[KW_WAN] = "wan",
	[KW_PREF64] = "pref64",
	[KW_LOWEST_MTU] = "lowest-mtu",
};

/* @name as an ifindex, 0 for "none"; false after saying why not. */
static bool ifindex_get(const char *name, uint32_t *ifindex)
{
	if (!strcmp(name, "none")) {
		*ifindex = 0;
		return true;
	}
	*ifindex = if_nametoindex(name);
	if (!*ifindex)
		fprintf(stderr, PROG ": no such interface \"%s\"\n", name);
	return *ifindex;
}

static int config_set(int argc, char **argv)
{
	const char *ifname[2] = { NULL, NULL };	/* lan, wan */
	struct config cfg = { 0 };
	unsigned int given = 0;
	struct nlmsghdr *nlh;
	enum parse_err perr;
	struct nl nl;
	int i, err;

	for (i = 1; i < argc; i += 2) {
		int kw = keyword_lookup(argv[i], set_keywords,
				    ARRAY_SIZE(set_keywords),
				    sizeof(set_keywords[0]));
		if (kw < 0) {
			fprintf(stderr, PROG ": %s keyword \"%s\"\n",
				kw == KEYWORD_AMBIGUOUS ? "ambiguous" :
				"unknown", argv[i]);
			config_usage(stderr);
			return EXIT_USAGE;
		}
		if (i + 1 >= argc) {
			fprintf(stderr, PROG ": %s needs a value\n",
				set_keywords[kw]);
			return EXIT_USAGE;
		}
		if (given & (1u << kw)) {
			fprintf(stderr, PROG ": %s given twice\n",
				set_keywords[kw]);
			return EXIT_USAGE;
		}
		given |= 1u << kw;
		switch (kw) {
		case KW_LAN:
		case KW_WAN:
			ifname[kw] = argv[i + 1];
			break;
		case KW_PREF64:
			perr = parse_pref64(argv[i + 1], &cfg.pref64,
					    &cfg.pref64_len);
			if (perr) {
				fprintf(stderr, PROG ": invalid pref64 \"%s\": "
					"%s%s\n", argv[i + 1],
					parse_strerror(perr),
					perr == PARSE_ESYNTAX ?
					", expected PREFIX/LEN" : "");
				return EXIT_USAGE;
			}
			break;
		case KW_LOWEST_MTU:
			perr = parse_mtu(argv[i + 1], &cfg.lowest_mtu);
			if (perr) {
				fprintf(stderr, PROG ": invalid lowest-mtu "
					"\"%s\": %s, expected %d to %d\n",
					argv[i + 1], parse_strerror(perr),
					V4V6_MIN_MTU, V4V6_MAX_MTU);
				return EXIT_USAGE;
			}
			break;
		}
	}
	if (!given) {
		fprintf(stderr, PROG ": config set: nothing to set\n");
		config_usage(stderr);
		return EXIT_USAGE;
	}
	if ((ifname[KW_LAN] && !ifindex_get(ifname[KW_LAN], &cfg.lan_ifindex)) ||
	    (ifname[KW_WAN] && !ifindex_get(ifname[KW_WAN], &cfg.wan_ifindex)))
		return EXIT_FAIL;

	if (nl_connect(&nl))
		return EXIT_FAIL;
	nlh = nl_request(&nl, V4V6_CMD_SET_CONFIG, V4V6_GENL_VERSION);
	if (ifname[KW_LAN])
		mnl_attr_put_u32(nlh, V4V6_A_CFG_LAN_IFINDEX, cfg.lan_ifindex);
	if (ifname[KW_WAN])
		mnl_attr_put_u32(nlh, V4V6_A_CFG_WAN_IFINDEX, cfg.wan_ifindex);
	if (given & (1u << KW_PREF64)) {
		mnl_attr_put(nlh, V4V6_A_CFG_PREF64, sizeof(cfg.pref64),
			     &cfg.pref64);
		mnl_attr_put_u8(nlh, V4V6_A_CFG_PREF64_LEN, cfg.pref64_len);
	}
	if (given & (1u << KW_LOWEST_MTU))
		mnl_attr_put_u32(nlh, V4V6_A_CFG_LOWEST_MTU, cfg.lowest_mtu);
	err = nl_talk(&nl, nlh, NULL, NULL);
	if (err)
		nl_perror(&nl, err);
	nl_close(&nl);
	return err ? EXIT_FAIL : EXIT_OK;
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
