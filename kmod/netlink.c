// SPDX-License-Identifier: GPL-2.0
/*
 * The v4v6 generic netlink family. uapi/linux/v4v6.h documents the protocol.
 */
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "v4v6.h"

/*
 * nla_policy's own min and max are s16: too small for an MTU. Not const:
 * 6.1's policy points to it through a non-const pointer.
 */
static struct netlink_range_validation v4v6_mtu_range __ro_after_init = {
	.min = V4V6_MIN_MTU,
	.max = V4V6_MAX_MTU,
};

static const struct nla_policy v4v6_cfg_policy[V4V6_A_CFG_MAX + 1] = {
	[V4V6_A_CFG_LAN_IFINDEX] = { .type = NLA_U32 },
	[V4V6_A_CFG_WAN_IFINDEX] = { .type = NLA_U32 },
	[V4V6_A_CFG_PREF64] = NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[V4V6_A_CFG_PREF64_LEN] = NLA_POLICY_RANGE(NLA_U8, 32, 96),
	[V4V6_A_CFG_LOWEST_MTU] = NLA_POLICY_FULL_RANGE(NLA_U32, &v4v6_mtu_range),
};

static struct genl_family v4v6_genl_family;

enum v4v6_mcgrp {
	V4V6_MCGRP_EVENTS,
};

static int v4v6_cfg_fill(struct sk_buff *skb, const struct v4v6_config *cfg)
{
	if (nla_put_u32(skb, V4V6_A_CFG_LAN_IFINDEX, cfg->lan_ifindex) ||
	    nla_put_u32(skb, V4V6_A_CFG_WAN_IFINDEX, cfg->wan_ifindex) ||
	    nla_put_in6_addr(skb, V4V6_A_CFG_PREF64, &cfg->pref64.addr) ||
	    nla_put_u8(skb, V4V6_A_CFG_PREF64_LEN, cfg->pref64.len) ||
	    nla_put_u32(skb, V4V6_A_CFG_LOWEST_MTU, cfg->lowest_mtu))
		return -EMSGSIZE;
	return 0;
}

/* A message of @cmd carrying @cfg, or NULL. */
static struct sk_buff *v4v6_cfg_msg(const struct v4v6_config *cfg, u32 portid,
				    u32 seq, u8 cmd)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return NULL;
	hdr = genlmsg_put(msg, portid, seq, &v4v6_genl_family, 0, cmd);
	if (!hdr || v4v6_cfg_fill(msg, cfg)) {
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

	mutex_lock(&vn->lock);
	msg = v4v6_cfg_msg(rcu_dereference_protected(vn->cfg,
						     lockdep_is_held(&vn->lock)),
			   info->snd_portid, info->snd_seq,
			   V4V6_CMD_GET_CONFIG);
	mutex_unlock(&vn->lock);
	if (!msg)
		return -ENOMEM;
	return genlmsg_reply(msg, info);
}

static int v4v6_ifindex_check(struct net *net, struct nlattr *attr,
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

/* Apply the attributes of @info to @cfg, or say why not. */
static int v4v6_cfg_parse(struct net *net, struct genl_info *info,
			  struct v4v6_config *cfg)
{
	struct netlink_ext_ack *extack = info->extack;
	struct nlattr **tb = info->attrs;
	int err;

	if (!!tb[V4V6_A_CFG_PREF64] != !!tb[V4V6_A_CFG_PREF64_LEN]) {
		NL_SET_ERR_MSG(extack, "pref64 and its length go together");
		return -EINVAL;
	}
	if (tb[V4V6_A_CFG_PREF64]) {
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
	}
	if (tb[V4V6_A_CFG_LAN_IFINDEX]) {
		err = v4v6_ifindex_check(net, tb[V4V6_A_CFG_LAN_IFINDEX], extack);
		if (err)
			return err;
		cfg->lan_ifindex = nla_get_u32(tb[V4V6_A_CFG_LAN_IFINDEX]);
	}
	if (tb[V4V6_A_CFG_WAN_IFINDEX]) {
		err = v4v6_ifindex_check(net, tb[V4V6_A_CFG_WAN_IFINDEX], extack);
		if (err)
			return err;
		cfg->wan_ifindex = nla_get_u32(tb[V4V6_A_CFG_WAN_IFINDEX]);
	}
	if (cfg->lan_ifindex && cfg->lan_ifindex == cfg->wan_ifindex) {
		NL_SET_ERR_MSG(extack, "the LAN and the WAN must be different interfaces");
		return -EINVAL;
	}
	if (tb[V4V6_A_CFG_LOWEST_MTU])
		cfg->lowest_mtu = nla_get_u32(tb[V4V6_A_CFG_LOWEST_MTU]);
	return 0;
}

static int v4v6_set_config(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct v4v6_net *vn = v4v6_net(net);
	struct v4v6_config *old, *cfg;
	struct sk_buff *event;
	int err;

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;

	mutex_lock(&vn->lock);
	old = rcu_dereference_protected(vn->cfg, lockdep_is_held(&vn->lock));
	*cfg = *old;
	err = v4v6_cfg_parse(net, info, cfg);
	if (err) {
		mutex_unlock(&vn->lock);
		kfree(cfg);
		return err;
	}
	rcu_assign_pointer(vn->cfg, cfg);
	event = v4v6_cfg_msg(cfg, 0, 0, V4V6_CMD_SET_CONFIG);
	mutex_unlock(&vn->lock);
	kfree_rcu(old, rcu);

	if (event)
		genlmsg_multicast_netns(&v4v6_genl_family, net, event, 0,
					V4V6_MCGRP_EVENTS, GFP_KERNEL);
	return 0;
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
};

static const struct genl_multicast_group v4v6_genl_mcgrps[] = {
	[V4V6_MCGRP_EVENTS] = { .name = V4V6_GENL_MCGRP_EVENTS },
};

static struct genl_family v4v6_genl_family __ro_after_init = {
	.name = V4V6_GENL_NAME,
	.version = V4V6_GENL_VERSION,
	.maxattr = V4V6_A_CFG_MAX,
	.policy = v4v6_cfg_policy,
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
