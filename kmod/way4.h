/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Whether a LAN packet is for the IPv4 internet, remembered per CPU (way4.c).
 */
#ifndef _V4V6_WAY4_H
#define _V4V6_WAY4_H

#include <linux/types.h>

/*
 * Slots on each CPU: how many lookups (destination, source, interface, mark,
 * DSCP) have their answers kept at once; 3 KiB a CPU.
 */
#define V4V6_WAY4_SLOTS 128

/**
 * enum v4v6_way4 - where a LAN packet to the router goes
 * @V4V6_WAY4_ROUTER: not to the internet: the IPv4 stack's
 * @V4V6_WAY4_NONE: to the internet, which has no route at all
 * @V4V6_WAY4_DEFAULT: to the internet, through a default route
 */
enum v4v6_way4 {
	V4V6_WAY4_ROUTER,
	V4V6_WAY4_NONE,
	V4V6_WAY4_DEFAULT,
};

/**
 * struct v4v6_way4_key - the inputs of the FIB lookup that tells
 * @daddr: the packet's destination
 * @saddr: its source
 * @iif: the interface it came in on
 * @mark: its mark
 * @dscp: its DSCP
 */
struct v4v6_way4_key {
	__be32 daddr;
	__be32 saddr;
	int iif;
	u32 mark;
	u8 dscp;
};

struct net;
struct v4v6_way4_cache;

int v4v6_way4_init(struct v4v6_way4_cache __percpu **cache);
void v4v6_way4_destroy(struct v4v6_way4_cache __percpu *cache);
int v4v6_way4_recall(const struct net *net,
		     struct v4v6_way4_cache __percpu *cache,
		     const struct v4v6_way4_key *k);
void v4v6_way4_keep(struct v4v6_way4_cache __percpu *cache,
		    const struct v4v6_way4_key *k, int genid, u8 way);

#endif /* _V4V6_WAY4_H */
