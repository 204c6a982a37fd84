// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration: reading it from the kernel's messages, printing it.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/v4v6.h>

#include "config.h"
#include "jsonout.h"
#include "names.h"
#include "parse.h"
#include "v4v6ctl.h"

int config_parse(const struct nlmsghdr *nlh, struct config *cfg)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];
	int type;

	if (v4v6_parse(nlh, tb))
		return -EPROTO;
	for (type = V4V6_A_CFG_LAN_IFINDEX; type <= V4V6_A_CFG_UNKNOWN; type++)
		if (!tb[type])
			return -EPROTO;
	cfg->lan_ifindex = mnl_attr_get_u32(tb[V4V6_A_CFG_LAN_IFINDEX]);
	cfg->wan_ifindex = mnl_attr_get_u32(tb[V4V6_A_CFG_WAN_IFINDEX]);
	memcpy(&cfg->pref64, mnl_attr_get_payload(tb[V4V6_A_CFG_PREF64]),
	       sizeof(cfg->pref64));
	cfg->pref64_len = mnl_attr_get_u8(tb[V4V6_A_CFG_PREF64_LEN]);
	cfg->lowest_mtu = mnl_attr_get_u32(tb[V4V6_A_CFG_LOWEST_MTU]);
	cfg->unknown = mnl_attr_get_u8(tb[V4V6_A_CFG_UNKNOWN]);
	cfg->inbound = tb[V4V6_A_CFG_INBOUND] ?
		       mnl_attr_get_u8(tb[V4V6_A_CFG_INBOUND]) :
		       V4V6_INBOUND_ALL;
	nl_attr_str(tb[V4V6_A_CFG_LAN_GONE], cfg->lan_gone,
		    sizeof(cfg->lan_gone));
	nl_attr_str(tb[V4V6_A_CFG_WAN_GONE], cfg->wan_gone,
		    sizeof(cfg->wan_gone));
	return 0;
}

struct get {
	struct config *cfg;
	bool valid;	/* filled in from a reply */
};

static int get_cb(const struct nlmsghdr *nlh, void *data)
{
	struct get *g = data;

	if (config_parse(nlh, g->cfg)) {
		errno = EPROTO;
		return MNL_CB_ERROR;
	}
	g->valid = true;
	return MNL_CB_OK;
}

int config_get(struct nl *nl, struct config *cfg)
{
	struct get g = { .cfg = cfg };
	int err;

	err = nl_talk(nl, nl_request(nl, V4V6_CMD_GET_CONFIG,
				     V4V6_GENL_VERSION), get_cb, &g);
	if (!err && !g.valid)
		err = -EPROTO;	/* acked without a reply */
	return err;
}

/* The policy for unknown sources, by name. */
static const char *unknown_str(const struct config *cfg, char buf[NUM_BUFSIZE])
{
	return name_or_num(unknown_policy_name(cfg->unknown), cfg->unknown,
			   buf);
}

/* The inbound policy, by name. */
static const char *inbound_str(const struct config *cfg, char buf[NUM_BUFSIZE])
{
	return name_or_num(inbound_policy_name(cfg->inbound), cfg->inbound,
			   buf);
}

/* "ifname": the interface's name, null if none or gone. */
static bool json_add_if(struct json_object *obj, const char *key,
			uint32_t ifindex)
{
	char name[IF_NAMESIZE];
	bool named = ifindex && if_indextoname(ifindex, name);

	return json_add(obj, key, named ? json_object_new_string(name) : NULL,
			!named);
}

bool config_json_add(struct json_object *obj, const struct config *cfg)
{
	char pref64[PREF64_STRLEN], num[NUM_BUFSIZE];

	format_pref64(&cfg->pref64, cfg->pref64_len, pref64, sizeof(pref64));
	return json_add_if(obj, "lan", cfg->lan_ifindex) &&
	       json_add_u64(obj, "lan_ifindex", cfg->lan_ifindex) &&
	       json_add_str_or_null(obj, "lan_gone", cfg->lan_gone) &&
	       json_add_if(obj, "wan", cfg->wan_ifindex) &&
	       json_add_u64(obj, "wan_ifindex", cfg->wan_ifindex) &&
	       json_add_str_or_null(obj, "wan_gone", cfg->wan_gone) &&
	       json_add_str(obj, "pref64", pref64) &&
	       json_add_u64(obj, "lowest_mtu", cfg->lowest_mtu) &&
	       json_add_str(obj, "unknown", unknown_str(cfg, num)) &&
	       json_add_str(obj, "inbound", inbound_str(cfg, num));
}

struct json_object *config_json(const struct config *cfg)
{
	struct json_object *obj = json_object_new_object();

	if (obj && !config_json_add(obj, cfg)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static void print_if(const char *key, uint32_t ifindex, const char *gone)
{
	char name[IF_NAMESIZE];

	if (!ifindex && *gone)
		printf("%s: gone (was %s)\n", key, gone);
	else if (!ifindex)
		printf("%s: none\n", key);
	else if (if_indextoname(ifindex, name))
		printf("%s: %s\n", key, name);
	else
		printf("%s: ifindex %u (no such interface)\n", key, ifindex);
}

void config_print(const struct config *cfg)
{
	char pref64[PREF64_STRLEN], num[NUM_BUFSIZE], num2[NUM_BUFSIZE];

	format_pref64(&cfg->pref64, cfg->pref64_len, pref64, sizeof(pref64));
	print_if("lan", cfg->lan_ifindex, cfg->lan_gone);
	print_if("wan", cfg->wan_ifindex, cfg->wan_gone);
	printf("pref64: %s\nlowest-mtu: %u\nunknown: %s\ninbound: %s\n",
	       pref64, cfg->lowest_mtu, unknown_str(cfg, num),
	       inbound_str(cfg, num2));
}

/*
 * An interface on one line: its name, "none", "gone:NAME" if the kernel
 * saw it go, or "if<N>" if it is not here.
 */
static const char *if_word(uint32_t ifindex, const char *gone,
			   char buf[GONE_BUFSIZE])
{
	if (!ifindex && *gone) {
		snprintf(buf, GONE_BUFSIZE, "gone:%s", gone);
		return buf;
	}
	return ifindex ? ifindex_name(ifindex, buf) : "none";
}

void config_print_line(const struct config *cfg)
{
	char lan[GONE_BUFSIZE], wan[GONE_BUFSIZE];
	char pref64[PREF64_STRLEN], num[NUM_BUFSIZE], num2[NUM_BUFSIZE];

	format_pref64(&cfg->pref64, cfg->pref64_len, pref64, sizeof(pref64));
	printf("lan %s wan %s pref64 %s lowest-mtu %u unknown %s inbound %s\n",
	       if_word(cfg->lan_ifindex, cfg->lan_gone, lan),
	       if_word(cfg->wan_ifindex, cfg->wan_gone, wan),
	       pref64, cfg->lowest_mtu, unknown_str(cfg, num),
	       inbound_str(cfg, num2));
}
