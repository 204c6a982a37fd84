/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared declarations of the v4v6 module.
 */
#ifndef _V4V6_H
#define _V4V6_H

#include <linux/if.h>
#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>
#include <net/net_namespace.h>
#include <linux/v4v6.h>

/**
 * struct v4v6_prefix - an RFC 6052 NAT64 prefix
 * @addr: the prefix; bits past @len are zero
 * @len: its length: 32, 40, 48, 56, 64 or 96
 */
struct v4v6_prefix {
	struct in6_addr addr;
	u8 len;
};

/**
 * struct v4v6_config - configuration of one namespace's instance
 * @lan_ifindex: interface of the IPv4-only LAN, 0 if unset
 * @wan_ifindex: interface of the IPv6-only network, 0 if unset
 * @pref64: NAT64 prefix
 * @lowest_mtu: lowest IPv6 MTU on the path to the NAT64
 * @unknown: enum v4v6_unknown_policy
 * @lan_gone: the name of the LAN interface if it was unregistered (and
 *	@lan_ifindex cleared) and not set since, else empty
 * @wan_gone: the same for the WAN
 * @inbound: enum v4v6_inbound_policy
 * @rcu: frees the configuration this one replaced
 *
 * Readers see it under rcu_read_lock(); writers replace it whole under
 * &struct v4v6_net.lock, so a reader never sees half an update.
 */
struct v4v6_config {
	int lan_ifindex;
	int wan_ifindex;
	struct v4v6_prefix pref64;
	u32 lowest_mtu;
	u8 unknown;
	char lan_gone[IFNAMSIZ];
	char wan_gone[IFNAMSIZ];
	u8 inbound;
	struct rcu_head rcu;
};

/**
 * struct v4v6_dev_stats - per-CPU counters of one device
 * @tx_packets: translated from the device
 * @tx_bytes: their IPv4 bytes
 * @rx_packets: translated to the device
 * @rx_bytes: their IPv6 bytes
 * @drops: the device's packets dropped
 * @unsolicited: of those, packets from the IPv6 network that started no
 *	flow the device or its allow rules let in
 * @syncp: consistent 64-bit reads on 32-bit machines
 */
struct v4v6_dev_stats {
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t drops;
	u64_stats_t unsolicited;
	struct u64_stats_sync syncp;
};

/**
 * struct v4v6_dev_totals - the sums of a device's &struct v4v6_dev_stats
 * @tx_packets: see &struct v4v6_dev_stats
 * @tx_bytes: ditto
 * @rx_packets: ditto
 * @rx_bytes: ditto
 * @drops: ditto
 * @unsolicited: ditto
 */
struct v4v6_dev_totals {
	u64 tx_packets;
	u64 tx_bytes;
	u64 rx_packets;
	u64 rx_bytes;
	u64 drops;
	u64 unsolicited;
};

/**
 * struct v4v6_allow - an inbound allow rule of a device
 * @proto: IPPROTO_TCP, IPPROTO_UDP or IPPROTO_ICMP (echo requests)
 * @lo: the lowest destination port it lets in (0 for ICMP)
 * @hi: the highest
 */
struct v4v6_allow {
	u8 proto;
	u16 lo;
	u16 hi;
};

/**
 * struct v4v6_device - one IPv4 device of the LAN and its IPv6 identity
 * @node4: in &struct v4v6_net.by4, keyed by @ip4
 * @node6: in &struct v4v6_net.by6, keyed by @ip6
 * @list: in &struct v4v6_net.devices
 * @ip4: the device's IPv4 address
 * @ip6: its IPv6 address
 * @mac: its Ethernet address
 * @wan_ifindex: its WAN identity, 0 for the WAN itself
 * @wan_gone: the name of its identity if that was unregistered (and
 *	@wan_ifindex cleared) and not set since, else empty: its packets are
 *	dropped
 * @state: enum v4v6_dev_state, kept for userspace
 * @flags: V4V6_DEV_F_* bits
 * @last_seen: jiffies of the last translated packet
 * @allow: its inbound allow rules (allow.c)
 * @n_allow: how many of @allow are in use
 * @stats: its counters, shared with the device that replaces it
 * @stats_moved: @stats now belong to a replacement: do not free them
 * @rcu: frees it after the readers that may hold it
 *
 * A device never changes once in the table but for @last_seen and @stats:
 * a change replaces it by a copy, so that readers need no lock.
 */
struct v4v6_device {
	struct rhash_head node4;
	struct rhash_head node6;
	struct list_head list;
	__be32 ip4;
	struct in6_addr ip6;
	u8 mac[ETH_ALEN];
	int wan_ifindex;
	char wan_gone[IFNAMSIZ];
	u8 state;
	u32 flags;
	unsigned long last_seen;
	struct v4v6_allow allow[V4V6_ALLOW_MAX];
	u8 n_allow;
	struct v4v6_dev_stats __percpu *stats;
	bool stats_moved;
	struct rcu_head rcu;
};

/**
 * struct v4v6_counters - per-CPU counters of a namespace
 * @cnt: one per enum v4v6_stat
 * @syncp: consistent 64-bit reads on 32-bit machines
 */
struct v4v6_counters {
	u64_stats_t cnt[__V4V6_STAT_MAX];
	struct u64_stats_sync syncp;
};

#define V4V6_RECENT_SLOTS 16

/**
 * struct v4v6_recent - an unknown LAN source announced lately
 * @ip4: its IPv4 address
 * @mac: its Ethernet address
 * @when: jiffies of the announcement
 */
struct v4v6_recent {
	__be32 ip4;
	u8 mac[ETH_ALEN];
	unsigned long when;
};

/**
 * struct v4v6_net - the instance of one network namespace
 * @cfg: current configuration, never NULL once the namespace is set up
 * @lock: serialises writers of @cfg and of the device table
 * @by4: devices by IPv4 address
 * @by6: devices by IPv6 address
 * @devices: every device, in the order added (dumps walk it under RCU)
 * @n_devices: how many
 * @gen: changes of the table, so that a dump can tell it was interrupted
 * @counters: the namespace's counters
 * @route6: the IPv6 routes of its translated packets (route6.c)
 * @fib4: the answers of its IPv4 FIB that the data path asks for (fib4.c)
 * @unrouted4: the input route of LAN packets without any route, lent to
 *	them all (lan.c); given back when the loopback interface goes
 * @ev_lock: protects the unknown-source limiter below
 * @ev_window: jiffies at which the current second of events began
 * @ev_sent: events sent in it
 * @recent: the sources announced lately, by a hash of their address
 * @ct_held: whether v4v6 holds connection tracking on in the namespace
 */
struct v4v6_net {
	struct v4v6_config __rcu *cfg;
	struct mutex lock; /* serialises writers of @cfg and the table */
	struct rhashtable by4;
	struct rhashtable by6;
	struct list_head devices;
	unsigned int n_devices;
	unsigned int gen;
	struct v4v6_counters __percpu *counters;
	struct v4v6_route6_cache __percpu *route6;
	struct v4v6_fib4_cache __percpu *fib4;
	struct dst_entry __rcu *unrouted4;
	spinlock_t ev_lock; /* the unknown-source limiter */
	unsigned long ev_window;
	unsigned int ev_sent;
	struct v4v6_recent recent[V4V6_RECENT_SLOTS];
	bool ct_held;
};

/* The configuration, for a writer holding &struct v4v6_net.lock. */
static inline struct v4v6_config *v4v6_cfg_locked(struct v4v6_net *vn)
{
	return rcu_dereference_protected(vn->cfg, lockdep_is_held(&vn->lock));
}

/* Bump counter @stat of the namespace (BH disabled, as in the hooks). */
static inline void v4v6_count(struct v4v6_net *vn, enum v4v6_stat stat)
{
	struct v4v6_counters *c = this_cpu_ptr(vn->counters);

	u64_stats_update_begin(&c->syncp);
	u64_stats_inc(&c->cnt[stat]);
	u64_stats_update_end(&c->syncp);
}

/* instance.c */
int v4v6_instance_register(void);
void v4v6_instance_unregister(void);
struct v4v6_net *v4v6_net(const struct net *net);
void v4v6_config_init(struct v4v6_config *cfg);

/* Whether translation is on with a configuration. */
static inline bool v4v6_cfg_active(const struct v4v6_config *cfg)
{
	return cfg->lan_ifindex && cfg->wan_ifindex;
}

/* Whether it needs connection tracking: to tell replies from the rest. */
static inline bool v4v6_cfg_needs_ct(const struct v4v6_config *cfg)
{
	return v4v6_cfg_active(cfg) && cfg->inbound == V4V6_INBOUND_REPLIES;
}

/* conntrack.c */
int v4v6_ct_hold(struct net *net, struct v4v6_net *vn, bool need);

/* hooks.c */
int v4v6_hooks_register(struct net *net);
void v4v6_hooks_unregister(struct net *net);

/* device.c */
int v4v6_table_init(struct v4v6_net *vn);
void v4v6_table_destroy(struct v4v6_net *vn);
struct v4v6_device *v4v6_device_by4(struct v4v6_net *vn, __be32 ip4);
struct v4v6_device *v4v6_device_by6(struct v4v6_net *vn,
				    const struct in6_addr *ip6);
struct v4v6_device *v4v6_device_by_mac(struct v4v6_net *vn, const u8 *mac);
struct v4v6_device *v4v6_device_alloc(gfp_t gfp);
struct v4v6_device *v4v6_device_dup(const struct v4v6_device *old);
void v4v6_device_free(struct v4v6_device *d);
int v4v6_device_insert(struct v4v6_net *vn, struct v4v6_device *d);
int v4v6_device_replace(struct v4v6_net *vn, struct v4v6_device *old,
			struct v4v6_device *d);
void v4v6_device_remove(struct v4v6_net *vn, struct v4v6_device *d);
void v4v6_device_seen(struct v4v6_device *d);
void v4v6_device_count(struct v4v6_device *d, bool tx, unsigned int bytes);
void v4v6_device_drop(struct v4v6_device *d);
void v4v6_device_unsolicited(struct v4v6_device *d);
void v4v6_device_stats(const struct v4v6_device *d,
		       struct v4v6_dev_totals *t);
void v4v6_counters_read(struct v4v6_net *vn, u64 *out);

/* link.c: interfaces that go */
int v4v6_link_register(void);
void v4v6_link_unregister(void);
u32 v4v6_config_forget(struct v4v6_config *cfg, int ifindex,
		       const char *name);
unsigned int v4v6_devices_forget(struct v4v6_net *vn, int ifindex,
				 const char *name,
				 void (*changed)(struct v4v6_device *d,
						 void *arg),
				 void *arg);

/* netlink.c */
int v4v6_genl_register(void);
void v4v6_genl_unregister(void);
bool v4v6_notify_unknown(struct net *net, const u8 *mac, __be32 ip4,
			 int ifindex);

/* addr.c */
bool v4v6_prefix_len_valid(u8 len);
bool v4v6_prefix_valid(const struct v4v6_prefix *p);
void v4v6_addr_synth(const struct v4v6_prefix *p, __be32 v4,
		     struct in6_addr *out);
bool v4v6_addr_extract(const struct v4v6_prefix *p, const struct in6_addr *a,
		       __be32 *v4);
bool v4v6_addr_translatable(const struct v4v6_prefix *p, __be32 v4);
bool v4v6_addr_martian(__be32 v4);

#endif /* _V4V6_H */
