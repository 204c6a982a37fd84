// SPDX-License-Identifier: GPL-2.0
/*
 * Interfaces that go. The configuration names the LAN and the WAN, and each
 * device its WAN identity, by ifindex. An interface that is deleted (OpenWrt
 * re-creates br-lan on every network reload) or moved to another namespace
 * leaves that ifindex dead, and an interface created later may even be
 * given it again. A netdevice notifier forgets it at once: the LAN or the
 * WAN becomes 0 (translation stops, as the hooks need both), a device's
 * identity 0 with its packets dropped, and each keeps the name the interface
 * had, for userspace to see, until it is set again. Nothing is picked up
 * again by name here: whoever set the interface (v4v6d) sets it again, and
 * the ordinary netlink commands do so.
 */
#include <linux/bottom_half.h>
#include <linux/netdevice.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "netlink.h"
#include "path.h"

/*
 * Set while the notifier goes: unregistering it replays NETDEV_UNREGISTER
 * for every interface of every namespace, which is no news.
 */
static bool v4v6_link_closing;

/**
 * v4v6_config_forget() - forget an interface in a configuration
 * @cfg: a copy of the configuration, not yet seen by readers
 * @ifindex: the interface that goes
 * @name: its name
 *
 * Return: V4V6_LINK_LAN and V4V6_LINK_WAN bits: what it was in @cfg, whose
 * ifindex for it is now 0 and whose @lan_gone or @wan_gone is @name.
 */
u32 v4v6_config_forget(struct v4v6_config *cfg, int ifindex, const char *name)
{
	u32 roles = 0;

	if (ifindex <= 0)
		return 0;
	if (cfg->lan_ifindex == ifindex) {
		cfg->lan_ifindex = 0;
		strscpy(cfg->lan_gone, name, sizeof(cfg->lan_gone));
		roles |= V4V6_LINK_LAN;
	}
	if (cfg->wan_ifindex == ifindex) {
		cfg->wan_ifindex = 0;
		strscpy(cfg->wan_gone, name, sizeof(cfg->wan_gone));
		roles |= V4V6_LINK_WAN;
	}
	return roles;
}

/**
 * v4v6_devices_forget() - forget an interface as the identity of devices
 * @vn: the namespace, its lock held
 * @ifindex: the interface that goes
 * @name: its name
 * @changed: called with each device changed (the copy now in the table)
 * @arg: passed to @changed
 *
 * Each device whose identity it was is replaced by a copy whose
 * @wan_ifindex is 0 and whose @wan_gone is @name; its counters carry over.
 *
 * Return: how many devices were changed.
 */
unsigned int v4v6_devices_forget(struct v4v6_net *vn, int ifindex,
				 const char *name,
				 void (*changed)(struct v4v6_device *d,
						 void *arg),
				 void *arg)
{
	struct v4v6_device *d, *tmp, *copy;
	unsigned int n = 0;

	lockdep_assert_held(&vn->lock);
	if (ifindex <= 0)
		return 0;
	list_for_each_entry_safe(d, tmp, &vn->devices, list) {
		if (d->wan_ifindex != ifindex)
			continue;
		copy = v4v6_device_dup(d);
		copy->wan_ifindex = 0;
		strscpy(copy->wan_gone, name, sizeof(copy->wan_gone));
		/* Same keys: only a failed hash table insert can fail it. */
		if (v4v6_device_replace(vn, d, copy)) {
			v4v6_device_free(copy);
			pr_warn("%pM keeps the identity %s that went: no memory\n",
				d->mac, name);
			break;	/* @d may be back at the end of the list */
		}
		vn->gen++;
		n++;
		if (changed)
			changed(copy, arg);
	}
	return n;
}

/* The LAN or the WAN went: a new configuration without it, announced. */
static u32 v4v6_link_config(struct net *net, struct v4v6_net *vn,
			    const struct net_device *dev)
{
	struct v4v6_config *old = v4v6_cfg_locked(vn), *cfg;
	struct sk_buff *event;
	u32 roles;

	if (old->lan_ifindex != dev->ifindex &&
	    old->wan_ifindex != dev->ifindex)
		return 0;
	/* A notifier cannot fail; the configuration is small. */
	cfg = kmemdup(old, sizeof(*cfg), GFP_KERNEL | __GFP_NOFAIL);
	roles = v4v6_config_forget(cfg, dev->ifindex, dev->name);
	rcu_assign_pointer(vn->cfg, cfg);
	kfree_rcu(old, rcu);
	event = v4v6_nl_msg(0, 0, V4V6_CMD_SET_CONFIG, v4v6_cfg_fill, cfg);
	if (event)
		v4v6_nl_event(net, event);
	return roles;
}

static void v4v6_link_dev_changed(struct v4v6_device *d, void *net)
{
	v4v6_dev_event(net, d, V4V6_CMD_SET_DEVICE);
}

/* What V4V6_CMD_LINK_GONE says. */
struct v4v6_gone {
	int ifindex;
	const char *name;
	u32 roles;
	u32 devices;
};

static int v4v6_gone_fill(struct sk_buff *skb, const void *arg)
{
	const struct v4v6_gone *g = arg;

	if (nla_put_u32(skb, V4V6_A_LINK_IFINDEX, g->ifindex) ||
	    nla_put_string(skb, V4V6_A_LINK_NAME, g->name) ||
	    nla_put_u32(skb, V4V6_A_LINK_ROLES, g->roles) ||
	    nla_put_u32(skb, V4V6_A_DEVICES, g->devices))
		return -EMSGSIZE;
	return 0;
}

/* @dev leaves its namespace: forget it wherever the instance uses it. */
static void v4v6_link_gone(struct net *net, const struct net_device *dev)
{
	struct v4v6_net *vn = v4v6_net(net);
	struct v4v6_gone g = { .ifindex = dev->ifindex, .name = dev->name };
	struct sk_buff *event;

	mutex_lock(&vn->lock);
	g.roles = v4v6_link_config(net, vn, dev);
	g.devices = v4v6_devices_forget(vn, dev->ifindex, dev->name,
					v4v6_link_dev_changed, net);
	mutex_unlock(&vn->lock);
	if (g.devices)
		g.roles |= V4V6_LINK_IDENTITY;
	if (!g.roles)
		return;

	local_bh_disable();
	v4v6_count(vn, V4V6_STAT_LINK_GONE);
	local_bh_enable();
	pr_info("%s (ifindex %d) is gone:%s%s identity of %u devices\n",
		dev->name, dev->ifindex,
		g.roles & V4V6_LINK_LAN ? " the LAN," : "",
		g.roles & V4V6_LINK_WAN ? " the WAN," : "", g.devices);
	event = v4v6_nl_msg(0, 0, V4V6_CMD_LINK_GONE, v4v6_gone_fill, &g);
	if (event)
		v4v6_nl_event(net, event);
}

/*
 * Under RTNL. NETDEV_UNREGISTER comes after the interface left the
 * namespace's index (netlink commands that check an ifindex under the
 * instance's lock no longer find it) and before its ifindex is freed, in
 * the namespace it leaves, whose instance is still there (namespaces take
 * their interfaces away before the instance goes).
 */
static int v4v6_link_event(struct notifier_block *nb, unsigned long event,
			   void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct net *net = dev_net(dev);

	if (event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;
	/* The loopback interface goes last, and waits for its references. */
	if (dev == net->loopback_dev)
		v4v6_lan_unroute(v4v6_net(net));
	if (!READ_ONCE(v4v6_link_closing))
		v4v6_link_gone(net, dev);
	return NOTIFY_DONE;
}

static struct notifier_block v4v6_link_notifier = {
	.notifier_call = v4v6_link_event,
};

/* After the instances and the family, which the notifier uses. */
int v4v6_link_register(void)
{
	WRITE_ONCE(v4v6_link_closing, false);
	return register_netdevice_notifier(&v4v6_link_notifier);
}

/* Before the family and the instances go. */
void v4v6_link_unregister(void)
{
	WRITE_ONCE(v4v6_link_closing, true);
	unregister_netdevice_notifier(&v4v6_link_notifier);
}
