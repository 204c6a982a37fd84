// SPDX-License-Identifier: GPL-2.0
/*
 * The v4v6 generic netlink family: its policy, the configuration and the
 * counters. uapi/linux/v4v6.h documents the protocol; nl_device.c has the
 * device table's commands.
 */
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "netlink.h"

/*
 * nla_policy's own min and max are s16: too small for an MTU. Not const:
 * 6.1's policy points to it through a non-const pointer.
 */
static struct netlink_range_validation v4v6_mtu_range __ro_after_init = {
	.min = V4V6_MIN_MTU,
	.max = V4V6_MAX_MTU,
};

#define V4V6_READ_ONLY { .type = NLA_REJECT, .reject_message = "read-only attribute" }

const struct nla_policy v4v6_nl_policy[V4V6_A_MAX + 1] = {
	[V4V6_A_CFG_LAN_IFINDEX] = { .type = NLA_U32 },
	[V4V6_A_CFG_WAN_IFINDEX] = { .type = NLA_U32 },
	[V4V6_A_CFG_PREF64] = NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[V4V6_A_CFG_PREF64_LEN] = NLA_POLICY_RANGE(NLA_U8, 32, 96),
	[V4V6_A_CFG_LOWEST_MTU] = NLA_POLICY_FULL_RANGE(NLA_U32, &v4v6_mtu_range),
	[V4V6_A_CFG_UNKNOWN] = NLA_POLICY_MAX(NLA_U8, __V4V6_UNKNOWN_MAX - 1),
	[V4V6_A_CFG_INBOUND] = NLA_POLICY_MAX(NLA_U8, __V4V6_INBOUND_MAX - 1),
	[V4V6_A_DEV_MAC] = NLA_POLICY_ETH_ADDR,
	[V4V6_A_DEV_IPV4] = { .type = NLA_U32 },
	[V4V6_A_DEV_IPV6] = NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[V4V6_A_DEV_WAN_IFINDEX] = { .type = NLA_U32 },
	[V4V6_A_DEV_STATE] = NLA_POLICY_RANGE(NLA_U8, V4V6_DEV_STATE_ACTIVE,
					      __V4V6_DEV_STATE_MAX - 1),
	[V4V6_A_DEV_FLAGS] = NLA_POLICY_MASK(NLA_U32, V4V6_DEV_F_ALL),
	[V4V6_A_DEV_IDLE_MS] = V4V6_READ_ONLY,
	[V4V6_A_DEV_TX_PACKETS] = V4V6_READ_ONLY,
	[V4V6_A_DEV_TX_BYTES] = V4V6_READ_ONLY,
	[V4V6_A_DEV_RX_PACKETS] = V4V6_READ_ONLY,
	[V4V6_A_DEV_RX_BYTES] = V4V6_READ_ONLY,
	[V4V6_A_DEV_DROPS] = V4V6_READ_ONLY,
	[V4V6_A_STATS] = V4V6_READ_ONLY,
	[V4V6_A_DEVICES] = V4V6_READ_ONLY,
	[V4V6_A_FLUSH_ALL] = { .type = NLA_FLAG },
	[V4V6_A_PAD] = V4V6_READ_ONLY,
	[V4V6_A_CFG_LAN_GONE] = V4V6_READ_ONLY,
	[V4V6_A_CFG_WAN_GONE] = V4V6_READ_ONLY,
	[V4V6_A_DEV_WAN_GONE] = V4V6_READ_ONLY,
	[V4V6_A_LINK_IFINDEX] = V4V6_READ_ONLY,
	[V4V6_A_LINK_NAME] = V4V6_READ_ONLY,
	[V4V6_A_LINK_ROLES] = V4V6_READ_ONLY,
	[V4V6_A_DEV_UNSOLICITED] = V4V6_READ_ONLY,
	[V4V6_A_DEV_ALLOW] = { .type = NLA_NESTED },
	[V4V6_A_ALLOW] = { .type = NLA_NESTED },
	[V4V6_A_ALLOW_PROTO] = { .type = NLA_U8 },
	[V4V6_A_ALLOW_PORT_MIN] = NLA_POLICY_MIN(NLA_U16, 1),
	[V4V6_A_ALLOW_PORT_MAX] = NLA_POLICY_MIN(NLA_U16, 1),
};

/**
 * v4v6_nl_only() - refuse the attributes a command does not take
 * @info: the request
 * @allowed: a bit for each attribute type the command takes
 *
 * Return: 0, or -EINVAL with the first other attribute named in the ack.
 */
int v4v6_nl_only(struct genl_info *info, u64 allowed)
{
	int type;

	for (type = 1; type <= V4V6_A_MAX; type++) {
		if (info->attrs[type] && !(allowed & BIT_ULL(type))) {
			NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[type],
					    "attribute not valid for this command");
			return -EINVAL;
		}
	}
	return 0;
}

/* Check that a u32 attribute names an interface of @net, or is 0. */
int v4v6_nl_ifindex(struct net *net, struct nlattr *attr,
		    struct netlink_ext_ack *extack)
{
	int ifindex = nla_get_u32(attr);
	bool found;

	if (!ifindex)
		return 0;
	rcu_read_lock();
	found = dev_get_by_index_rcu(net, ifindex);
	rcu_read_unlock();
	if (!found) {
		NL_SET_ERR_MSG_ATTR(extack, attr,
				    "no such interface in this namespace");
		return -ENODEV;
	}
	return 0;
}

/* Announce @msg, a finished message, to the namespace's listeners. */
void v4v6_nl_event(struct net *net, struct sk_buff *msg)
{
	genlmsg_multicast_netns(&v4v6_genl_family, net, msg, 0,
				V4V6_MCGRP_EVENTS, GFP_KERNEL);
}

/* The configuration @arg, as GET_CONFIG replies and SET_CONFIG announces. */
int v4v6_cfg_fill(struct sk_buff *skb, const void *arg)
{
	const struct v4v6_config *cfg = arg;

	if (nla_put_u32(skb, V4V6_A_CFG_LAN_IFINDEX, cfg->lan_ifindex) ||
	    nla_put_u32(skb, V4V6_A_CFG_WAN_IFINDEX, cfg->wan_ifindex) ||
	    nla_put_in6_addr(skb, V4V6_A_CFG_PREF64, &cfg->pref64.addr) ||
	    nla_put_u8(skb, V4V6_A_CFG_PREF64_LEN, cfg->pref64.len) ||
	    nla_put_u32(skb, V4V6_A_CFG_LOWEST_MTU, cfg->lowest_mtu) ||
	    nla_put_u8(skb, V4V6_A_CFG_UNKNOWN, cfg->unknown) ||
	    nla_put_u8(skb, V4V6_A_CFG_INBOUND, cfg->inbound))
		return -EMSGSIZE;
	if (cfg->lan_gone[0] &&
	    nla_put_string(skb, V4V6_A_CFG_LAN_GONE, cfg->lan_gone))
		return -EMSGSIZE;
	if (cfg->wan_gone[0] &&
	    nla_put_string(skb, V4V6_A_CFG_WAN_GONE, cfg->wan_gone))
		return -EMSGSIZE;
	return 0;
}

/**
 * v4v6_nl_msg() - a finished message of @cmd, or NULL
 * @portid: its destination, 0 for an event
 * @seq: the request's sequence number, 0 for an event
 * @cmd: the command
 * @fill: puts its attributes
 * @arg: what @fill describes
 */
struct sk_buff *v4v6_nl_msg(u32 portid, u32 seq, u8 cmd,
			    int (*fill)(struct sk_buff *, const void *),
			    const void *arg)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return NULL;
	hdr = genlmsg_put(msg, portid, seq, &v4v6_genl_family, 0, cmd);
	if (!hdr || fill(msg, arg)) {
		nlmsg_free(msg);
		return NULL;
	}
	genlmsg_end(msg, hdr);
	return msg;
}

static int v4v6_get_config(struct sk_buff *skb, struct genl_info *info)
{
	struct v4v6_net *vn = v4v6_net(genl_info_net(info));
	struct sk_buff *msg;
	int err;

	err = v4v6_nl_only(info, 0);
	if (err)
		return err;
	mutex_lock(&vn->lock);
	msg = v4v6_nl_msg(info->snd_portid, info->snd_seq, V4V6_CMD_GET_CONFIG,
			  v4v6_cfg_fill, v4v6_cfg_locked(vn));
	mutex_unlock(&vn->lock);
	if (!msg)
		return -ENOMEM;
	return genlmsg_reply(msg, info);
}

static int v4v6_cfg_prefix(struct genl_info *info, struct v4v6_config *cfg)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **tb = info->attrs;

	if (!!tb[V4V6_A_CFG_PREF64] != !!tb[V4V6_A_CFG_PREF64_LEN]) {
		NL_SET_ERR_MSG(extack, "pref64 and its length go together");
		return -EINVAL;
	}
	if (!tb[V4V6_A_CFG_PREF64])
		return 0;
	cfg->pref64.addr = nla_get_in6_addr(tb[V4V6_A_CFG_PREF64]);
	cfg->pref64.len = nla_get_u8(tb[V4V6_A_CFG_PREF64_LEN]);
	if (!v4v6_prefix_len_valid(cfg->pref64.len)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[V4V6_A_CFG_PREF64_LEN],
				    "pref64 length must be 32, 40, 48, 56, 64 or 96");
		return -EINVAL;
	}
	if (!v4v6_prefix_valid(&cfg->pref64)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[V4V6_A_CFG_PREF64],
				    "pref64 has bits set past its length or in bits 64-71");
		return -EINVAL;
	}
	return 0;
}

/* Apply the attributes of @info to @cfg, or say why not. */
static int v4v6_cfg_parse(struct net *net, struct genl_info *info,
			  struct v4v6_config *cfg)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **tb = info->attrs;
	int err;

	err = v4v6_cfg_prefix(info, cfg);
	if (err)
		return err;
	if (tb[V4V6_A_CFG_LAN_IFINDEX]) {
		err = v4v6_nl_ifindex(net, tb[V4V6_A_CFG_LAN_IFINDEX], extack);
		if (err)
			return err;
		cfg->lan_ifindex = nla_get_u32(tb[V4V6_A_CFG_LAN_IFINDEX]);
		cfg->lan_gone[0] = '\0';
	}
	if (tb[V4V6_A_CFG_WAN_IFINDEX]) {
		err = v4v6_nl_ifindex(net, tb[V4V6_A_CFG_WAN_IFINDEX], extack);
		if (err)
			return err;
		cfg->wan_ifindex = nla_get_u32(tb[V4V6_A_CFG_WAN_IFINDEX]);
		cfg->wan_gone[0] = '\0';
	}
	if (cfg->lan_ifindex && cfg->lan_ifindex == cfg->wan_ifindex) {
		NL_SET_ERR_MSG(extack, "the LAN and the WAN must be different interfaces");
		return -EINVAL;
	}
	if (tb[V4V6_A_CFG_LOWEST_MTU])
		cfg->lowest_mtu = nla_get_u32(tb[V4V6_A_CFG_LOWEST_MTU]);
	if (tb[V4V6_A_CFG_UNKNOWN])
		cfg->unknown = nla_get_u8(tb[V4V6_A_CFG_UNKNOWN]);
	if (tb[V4V6_A_CFG_INBOUND])
		cfg->inbound = nla_get_u8(tb[V4V6_A_CFG_INBOUND]);
	return 0;
}

#define V4V6_CFG_ATTRS (BIT_ULL(V4V6_A_CFG_LAN_IFINDEX) | \
			BIT_ULL(V4V6_A_CFG_WAN_IFINDEX) | \
			BIT_ULL(V4V6_A_CFG_PREF64) | \
			BIT_ULL(V4V6_A_CFG_PREF64_LEN) | \
			BIT_ULL(V4V6_A_CFG_LOWEST_MTU) | \
			BIT_ULL(V4V6_A_CFG_UNKNOWN) | \
			BIT_ULL(V4V6_A_CFG_INBOUND))

static int v4v6_set_config(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct v4v6_net *vn = v4v6_net(net);
	struct v4v6_config *old, *cfg;
	struct sk_buff *event;
	int err;

	err = v4v6_nl_only(info, V4V6_CFG_ATTRS);
	if (err)
		return err;
	cfg = kmalloc_obj(*cfg, GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;

	mutex_lock(&vn->lock);
	old = rcu_dereference_protected(vn->cfg, lockdep_is_held(&vn->lock));
	*cfg = *old;
	err = v4v6_cfg_parse(net, info, cfg);
	if (!err) {
		/* Replies are told from the rest by connection tracking. */
		err = v4v6_ct_hold(net, vn, v4v6_cfg_needs_ct(cfg));
		if (err == -EOPNOTSUPP)
			NL_SET_ERR_MSG(info->extack,
				       "inbound \"replies\" needs connection tracking, which this kernel lacks: set inbound all");
		else if (err)
			NL_SET_ERR_MSG(info->extack,
				       "inbound \"replies\" needs connection tracking (nf_conntrack), which failed");
	}
	if (err) {
		mutex_unlock(&vn->lock);
		kfree(cfg);
		return err;
	}
	rcu_assign_pointer(vn->cfg, cfg);
	event = v4v6_nl_msg(0, 0, V4V6_CMD_SET_CONFIG, v4v6_cfg_fill, cfg);
	mutex_unlock(&vn->lock);
	kfree_rcu(old, rcu);

	if (event)
		v4v6_nl_event(net, event);
	return 0;
}

static int v4v6_stats_fill(struct sk_buff *msg, struct v4v6_net *vn)
{
	u64 cnt[__V4V6_STAT_MAX];
	struct nlattr *nest;
	int i;

	v4v6_counters_read(vn, cnt);
	if (nla_put_u32(msg, V4V6_A_DEVICES, READ_ONCE(vn->n_devices)))
		return -EMSGSIZE;
	nest = nla_nest_start(msg, V4V6_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = V4V6_STAT_UNSPEC + 1; i < __V4V6_STAT_MAX; i++)
		if (nla_put_u64_64bit(msg, i, cnt[i], V4V6_STAT_UNSPEC))
			return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

static int v4v6_get_stats(struct sk_buff *skb, struct genl_info *info)
{
	struct v4v6_net *vn = v4v6_net(genl_info_net(info));
	struct sk_buff *msg;
	void *hdr;
	int err;

	err = v4v6_nl_only(info, 0);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &v4v6_genl_family, 0,
				V4V6_CMD_GET_STATS);
	if (!hdr || v4v6_stats_fill(msg, vn)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/**
 * v4v6_notify_unknown() - announce an unknown LAN source
 * @net: the namespace
 * @mac: its Ethernet address
 * @ip4: its IPv4 address
 * @ifindex: the LAN interface
 *
 * Called from the packet path; allocates only when someone listens.
 *
 * Return: false if the announcement was lost for want of memory.
 */
bool v4v6_notify_unknown(struct net *net, const u8 *mac, __be32 ip4,
			 int ifindex)
{
	struct sk_buff *msg;
	void *hdr;

	if (!genl_has_listeners(&v4v6_genl_family, net, V4V6_MCGRP_EVENTS))
		return true;
	msg = genlmsg_new(nla_total_size(ETH_ALEN) + 2 * nla_total_size(4),
			  GFP_ATOMIC);
	if (!msg)
		return false;
	hdr = genlmsg_put(msg, 0, 0, &v4v6_genl_family, 0,
			  V4V6_CMD_UNKNOWN_SOURCE);
	if (!hdr || nla_put(msg, V4V6_A_DEV_MAC, ETH_ALEN, mac) ||
	    nla_put_in_addr(msg, V4V6_A_DEV_IPV4, ip4) ||
	    nla_put_u32(msg, V4V6_A_CFG_LAN_IFINDEX, ifindex)) {
		nlmsg_free(msg);
		return false;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&v4v6_genl_family, net, msg, 0,
				V4V6_MCGRP_EVENTS, GFP_ATOMIC);
	return true;
}

static const struct genl_small_ops v4v6_genl_ops[] = {
	{
		.cmd = V4V6_CMD_GET_CONFIG,
		.doit = v4v6_get_config,
	},
	{
		.cmd = V4V6_CMD_SET_CONFIG,
		.doit = v4v6_set_config,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = V4V6_CMD_NEW_DEVICE,
		.doit = v4v6_nl_new_device,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = V4V6_CMD_SET_DEVICE,
		.doit = v4v6_nl_set_device,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = V4V6_CMD_DEL_DEVICE,
		.doit = v4v6_nl_del_device,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = V4V6_CMD_GET_DEVICE,
		.doit = v4v6_nl_get_device,
		.dumpit = v4v6_nl_dump_devices,
	},
	{
		.cmd = V4V6_CMD_FLUSH,
		.doit = v4v6_nl_flush,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = V4V6_CMD_GET_STATS,
		.doit = v4v6_get_stats,
	},
};

static const struct genl_multicast_group v4v6_genl_mcgrps[] = {
	[V4V6_MCGRP_EVENTS] = { .name = V4V6_GENL_MCGRP_EVENTS },
};

struct genl_family v4v6_genl_family __ro_after_init = {
	.name = V4V6_GENL_NAME,
	.version = V4V6_GENL_VERSION,
	.maxattr = V4V6_A_MAX,
	.policy = v4v6_nl_policy,
	.netnsok = true,
	.parallel_ops = true,
	.module = THIS_MODULE,
	.small_ops = v4v6_genl_ops,
	.n_small_ops = ARRAY_SIZE(v4v6_genl_ops),
	.mcgrps = v4v6_genl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(v4v6_genl_mcgrps),
};

int v4v6_genl_register(void)
{
	return genl_register_family(&v4v6_genl_family);
}

void v4v6_genl_unregister(void)
{
	genl_unregister_family(&v4v6_genl_family);
}
