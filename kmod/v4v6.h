/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared declarations of the v4v6 module.
 */
#ifndef _V4V6_H
#define _V4V6_H

#include <linux/in6.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
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
	struct rcu_head rcu;
};

/**
 * struct v4v6_net - the instance of one network namespace
 * @cfg: current configuration, never NULL once the namespace is set up
 * @lock: serialises writers of @cfg
 */
struct v4v6_net {
	struct v4v6_config __rcu *cfg;
	struct mutex lock; /* serialises writers of @cfg */
};

/* instance.c */
int v4v6_instance_register(void);
void v4v6_instance_unregister(void);
struct v4v6_net *v4v6_net(const struct net *net);
void v4v6_config_init(struct v4v6_config *cfg);

/* hooks.c */
int v4v6_hooks_register(struct net *net);
void v4v6_hooks_unregister(struct net *net);

/* netlink.c */
int v4v6_genl_register(void);
void v4v6_genl_unregister(void);

/* addr.c */
bool v4v6_prefix_len_valid(u8 len);
bool v4v6_prefix_valid(const struct v4v6_prefix *p);
void v4v6_addr_synth(const struct v4v6_prefix *p, __be32 v4,
		     struct in6_addr *out);
bool v4v6_addr_extract(const struct v4v6_prefix *p, const struct in6_addr *a,
		       __be32 *v4);
bool v4v6_addr_translatable(const struct v4v6_prefix *p, __be32 v4);

#endif /* _V4V6_H */
