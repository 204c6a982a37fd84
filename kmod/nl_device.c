// SPDX-License-Identifier: GPL-2.0
/*
 * The device table's generic netlink commands; uapi/linux/v4v6.h documents
 * them.
 */
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <net/addrconf.h>
#include <net/genetlink.h>

#include "netlink.h"

#define V4V6_DEV_ATTRS (BIT_ULL(V4V6_A_DEV_MAC) | BIT_ULL(V4V6_A_DEV_IPV4) | \
			BIT_ULL(V4V6_A_DEV_IPV6) | \
			BIT_ULL(V4V6_A_DEV_WAN_IFINDEX) | \
			BIT_ULL(V4V6_A_DEV_STATE) | BIT_ULL(V4V6_A_DEV_FLAGS) | \
			BIT_ULL(V4V6_A_DEV_ALLOW))

static int v4v6_dev_fill(struct sk_buff *skb, const void *arg)
{
	const struct v4v6_device *d = arg;
	u64 idle = jiffies64_to_msecs(jiffies - READ_ONCE(d->last_seen));
	struct v4v6_dev_totals t;

	v4v6_device_stats(d, &t);
	if (nla_put(skb, V4V6_A_DEV_MAC, ETH_ALEN, d->mac) ||
	    nla_put_in_addr(skb, V4V6_A_DEV_IPV4, d->ip4) ||
	    nla_put_in6_addr(skb, V4V6_A_DEV_IPV6, &d->ip6) ||
	    nla_put_u32(skb, V4V6_A_DEV_WAN_IFINDEX, d->wan_ifindex) ||
	    nla_put_u8(skb, V4V6_A_DEV_STATE, d->state) ||
	    nla_put_u32(skb, V4V6_A_DEV_FLAGS, d->flags) ||
	    nla_put_u64_64bit(skb, V4V6_A_DEV_IDLE_MS, idle, V4V6_A_PAD) ||
	    nla_put_u64_64bit(skb, V4V6_A_DEV_TX_PACKETS, t.tx_packets,
			      V4V6_A_PAD) ||
	    nla_put_u64_64bit(skb, V4V6_A_DEV_TX_BYTES, t.tx_bytes,
			      V4V6_A_PAD) ||
	    nla_put_u64_64bit(skb, V4V6_A_DEV_RX_PACKETS, t.rx_packets,
			      V4V6_A_PAD) ||
	    nla_put_u64_64bit(skb, V4V6_A_DEV_RX_BYTES, t.rx_bytes,
			      V4V6_A_PAD) ||
	    nla_put_u64_64bit(skb, V4V6_A_DEV_DROPS, t.drops, V4V6_A_PAD) ||
	    nla_put_u64_64bit(skb, V4V6_A_DEV_UNSOLICITED, t.unsolicited,
			      V4V6_A_PAD) ||
	    v4v6_allow_fill(skb, d))
		return -EMSGSIZE;
	if (d->wan_gone[0] &&
	    nla_put_string(skb, V4V6_A_DEV_WAN_GONE, d->wan_gone))
		return -EMSGSIZE;
	return 0;
}

/* Announce that @d was added, changed or (about to be) removed. */
void v4v6_dev_event(struct net *net, const struct v4v6_device *d, u8 cmd)
{
	struct sk_buff *msg = v4v6_nl_msg(0, 0, cmd, v4v6_dev_fill, d);

	if (msg)
		v4v6_nl_event(net, msg);
}

static int v4v6_dev_ipv4(struct genl_info *info, struct v4v6_device *d)
{
	struct nlattr *attr = info->attrs[V4V6_A_DEV_IPV4];
	__be32 a = nla_get_in_addr(attr);

	if (ipv4_is_multicast(a) || ipv4_is_lbcast(a) || ipv4_is_zeronet(a) ||
	    ipv4_is_loopback(a)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "the IPv4 address must be unicast");
		return -EINVAL;
	}
	d->ip4 = a;
	return 0;
}

static int v4v6_dev_ipv6(struct genl_info *info, const struct v4v6_config *cfg,
			 struct v4v6_device *d)
{
	struct nlattr *attr = info->attrs[V4V6_A_DEV_IPV6];
	struct in6_addr a = nla_get_in6_addr(attr);
	int type = ipv6_addr_type(&a);
	__be32 v4;

	if (!(type & IPV6_ADDR_UNICAST) ||
	    type & (IPV6_ADDR_LOOPBACK | IPV6_ADDR_LINKLOCAL |
		    IPV6_ADDR_MAPPED | IPV6_ADDR_SITELOCAL)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "the IPv6 address must be global unicast");
		return -EINVAL;
	}
	if (v4v6_addr_extract(&cfg->pref64, &a, &v4)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "the IPv6 address lies in the NAT64 prefix");
		return -EINVAL;
	}
	d->ip6 = a;
	return 0;
}

/* Apply the device attributes of @info to @d, or say why not. */
int v4v6_dev_parse(struct net *net, struct genl_info *info,
		   const struct v4v6_config *cfg, struct v4v6_device *d)
{
	struct nlattr **tb = info->attrs;
	int err;

	if (tb[V4V6_A_DEV_MAC]) {
		if (!is_valid_ether_addr(nla_data(tb[V4V6_A_DEV_MAC]))) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[V4V6_A_DEV_MAC],
					    "the MAC address must be unicast and not zero");
			return -EINVAL;
		}
		ether_addr_copy(d->mac, nla_data(tb[V4V6_A_DEV_MAC]));
	}
	if (tb[V4V6_A_DEV_IPV4]) {
		err = v4v6_dev_ipv4(info, d);
		if (err)
			return err;
	}
	if (tb[V4V6_A_DEV_IPV6]) {
		err = v4v6_dev_ipv6(info, cfg, d);
		if (err)
			return err;
	}
	if (tb[V4V6_A_DEV_WAN_IFINDEX]) {
		err = v4v6_nl_ifindex(net, tb[V4V6_A_DEV_WAN_IFINDEX],
				      info->extack);
		if (err)
			return err;
		d->wan_ifindex = nla_get_u32(tb[V4V6_A_DEV_WAN_IFINDEX]);
		d->wan_gone[0] = '\0';
	}
	if (tb[V4V6_A_DEV_STATE])
		d->state = nla_get_u8(tb[V4V6_A_DEV_STATE]);
	if (tb[V4V6_A_DEV_FLAGS])
		d->flags = nla_get_u32(tb[V4V6_A_DEV_FLAGS]);
	if (tb[V4V6_A_DEV_ALLOW])
		return v4v6_allow_parse(tb[V4V6_A_DEV_ALLOW], d, info->extack);
	return 0;
}

/* The message for a table change that failed with @err. */
static void v4v6_dev_conflict(struct genl_info *info, int err)
{
	if (err == -EEXIST)
		NL_SET_ERR_MSG(info->extack,
			       "another device has this MAC, IPv4 or IPv6 address");
	else if (err == -ENOSPC)
		NL_SET_ERR_MSG(info->extack, "the device table is full");
}

int v4v6_nl_new_device(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct v4v6_net *vn = v4v6_net(net);
	struct v4v6_device *d;
	int err;

	err = v4v6_nl_only(info, V4V6_DEV_ATTRS);
	if (err)
		return err;
	if (!v4v6_nl_need(info, V4V6_A_DEV_MAC, "a device needs a MAC address") ||
	    !v4v6_nl_need(info, V4V6_A_DEV_IPV4, "a device needs an IPv4 address") ||
	    !v4v6_nl_need(info, V4V6_A_DEV_IPV6, "a device needs an IPv6 address"))
		return -EINVAL;
	d = v4v6_device_alloc(GFP_KERNEL);
	if (!d)
		return -ENOMEM;

	mutex_lock(&vn->lock);
	err = v4v6_dev_parse(net, info, v4v6_cfg_locked(vn), d);
	if (!err)
		err = v4v6_device_insert(vn, d);
	if (err) {
		mutex_unlock(&vn->lock);
		v4v6_dev_conflict(info, err);
		v4v6_device_free(d);
		return err;
	}
	vn->gen++;
	v4v6_dev_event(net, d, V4V6_CMD_NEW_DEVICE);
	mutex_unlock(&vn->lock);
	return 0;
}

/* The device that exactly one of the attributes in @keys names, or NULL. */
static struct v4v6_device *v4v6_dev_find(struct v4v6_net *vn,
					 struct genl_info *info, u64 keys)
{
	struct nlattr **tb = info->attrs;
	struct v4v6_device *d = NULL;
	int n = 0, type;

	for (type = 1; type <= V4V6_A_MAX; type++)
		n += (keys & BIT_ULL(type)) && tb[type];
	if (n != 1) {
		if (keys & BIT_ULL(V4V6_A_DEV_IPV6))
			NL_SET_ERR_MSG(info->extack,
				       "name the device by exactly one of its MAC, IPv4 or IPv6 address");
		else
			NL_SET_ERR_MSG(info->extack,
				       "name the device by exactly one of its MAC or IPv4 address");
		return ERR_PTR(-EINVAL);
	}
	if (tb[V4V6_A_DEV_MAC])
		d = v4v6_device_by_mac(vn, nla_data(tb[V4V6_A_DEV_MAC]));
	else if (tb[V4V6_A_DEV_IPV4])
		d = v4v6_device_by4(vn, nla_get_in_addr(tb[V4V6_A_DEV_IPV4]));
	else
		d = v4v6_device_by6(vn, nla_data(tb[V4V6_A_DEV_IPV6]));
	if (!d) {
		NL_SET_ERR_MSG(info->extack, "no such device");
		return ERR_PTR(-ENOENT);
	}
	return d;
}

int v4v6_nl_set_device(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct v4v6_net *vn = v4v6_net(net);
	struct v4v6_device *old, *d;
	int err;

	err = v4v6_nl_only(info, V4V6_DEV_ATTRS);
	if (err)
		return err;
	if (!v4v6_nl_need(info, V4V6_A_DEV_MAC, "name the device by its MAC address"))
		return -EINVAL;
	d = v4v6_device_alloc(GFP_KERNEL);
	if (!d)
		return -ENOMEM;

	mutex_lock(&vn->lock);
	old = v4v6_device_by_mac(vn, nla_data(info->attrs[V4V6_A_DEV_MAC]));
	if (!old) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[V4V6_A_DEV_MAC],
				    "no such device");
		err = -ENOENT;
		goto out;
	}
	ether_addr_copy(d->mac, old->mac);
	d->ip4 = old->ip4;
	d->ip6 = old->ip6;
	d->wan_ifindex = old->wan_ifindex;
	strscpy(d->wan_gone, old->wan_gone, sizeof(d->wan_gone));
	d->state = old->state;
	d->flags = old->flags;
	memcpy(d->allow, old->allow, sizeof(d->allow));
	d->n_allow = old->n_allow;
	err = v4v6_dev_parse(net, info, v4v6_cfg_locked(vn), d);
	if (!err)
		err = v4v6_device_replace(vn, old, d);
	if (!err) {
		vn->gen++;
		v4v6_dev_event(net, d, V4V6_CMD_SET_DEVICE);
		d = NULL;
	}
out:
	mutex_unlock(&vn->lock);
	v4v6_dev_conflict(info, err);
	if (d)
		v4v6_device_free(d);
	return err;
}

int v4v6_nl_del_device(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct v4v6_net *vn = v4v6_net(net);
	struct v4v6_device *d;
	int err;

	err = v4v6_nl_only(info, BIT_ULL(V4V6_A_DEV_MAC) |
				 BIT_ULL(V4V6_A_DEV_IPV4));
	if (err)
		return err;
	mutex_lock(&vn->lock);
	d = v4v6_dev_find(vn, info, BIT_ULL(V4V6_A_DEV_MAC) |
				    BIT_ULL(V4V6_A_DEV_IPV4));
	if (IS_ERR(d)) {
		mutex_unlock(&vn->lock);
		return PTR_ERR(d);
	}
	v4v6_dev_event(net, d, V4V6_CMD_DEL_DEVICE);
	v4v6_device_remove(vn, d);
	vn->gen++;
	mutex_unlock(&vn->lock);
	return 0;
}

#define V4V6_DEV_KEYS (BIT_ULL(V4V6_A_DEV_MAC) | BIT_ULL(V4V6_A_DEV_IPV4) | \
		       BIT_ULL(V4V6_A_DEV_IPV6))

int v4v6_nl_get_device(struct sk_buff *skb, struct genl_info *info)
{
	struct v4v6_net *vn = v4v6_net(genl_info_net(info));
	struct v4v6_device *d;
	struct sk_buff *msg;
	int err;

	err = v4v6_nl_only(info, V4V6_DEV_KEYS);
	if (err)
		return err;
	mutex_lock(&vn->lock);
	d = v4v6_dev_find(vn, info, V4V6_DEV_KEYS);
	if (IS_ERR(d)) {
		mutex_unlock(&vn->lock);
		return PTR_ERR(d);
	}
	msg = v4v6_nl_msg(info->snd_portid, info->snd_seq, V4V6_CMD_GET_DEVICE,
			  v4v6_dev_fill, d);
	mutex_unlock(&vn->lock);
	if (!msg)
		return -ENOMEM;
	return genlmsg_reply(msg, info);
}

/*
 * One message per device, resuming after the cb->args[0] first. A change
 * of the table between two parts of the dump marks it interrupted
 * (NLM_F_DUMP_INTR), as rtnetlink does.
 */
int v4v6_nl_dump_devices(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct v4v6_net *vn = v4v6_net(sock_net(skb->sk));
	long idx = 0, skip = cb->args[0];
	struct v4v6_device *d;
	void *hdr;

	rcu_read_lock();
	cb->seq = READ_ONCE(vn->gen);
	list_for_each_entry_rcu(d, &vn->devices, list) {
		if (idx < skip) {
			idx++;
			continue;
		}
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &v4v6_genl_family,
				  NLM_F_MULTI, V4V6_CMD_GET_DEVICE);
		if (!hdr)
			break;
		genl_dump_check_consistent(cb, hdr);
		if (v4v6_dev_fill(skb, d)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		idx++;
	}
	rcu_read_unlock();
	cb->args[0] = idx;
	return skb->len;
}

int v4v6_nl_flush(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct v4v6_net *vn = v4v6_net(net);
	bool all = nla_get_flag(info->attrs[V4V6_A_FLUSH_ALL]);
	struct v4v6_device *d, *tmp;
	int err;

	err = v4v6_nl_only(info, BIT_ULL(V4V6_A_FLUSH_ALL));
	if (err)
		return err;
	mutex_lock(&vn->lock);
	list_for_each_entry_safe(d, tmp, &vn->devices, list) {
		if (!all && d->flags & V4V6_DEV_F_STATIC)
			continue;
		v4v6_dev_event(net, d, V4V6_CMD_DEL_DEVICE);
		v4v6_device_remove(vn, d);
		vn->gen++;
	}
	mutex_unlock(&vn->lock);
	return 0;
}
