/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IPv4 FIB's answers that the data path asks for with every packet,
 * remembered per CPU (fib4.c).
 */
#ifndef _V4V6_FIB4_H
#define _V4V6_FIB4_H

#include <linux/types.h>

/*
 * Slots on each CPU: how many questions (what, destination, source,
 * interface, mark, DSCP) have their answers kept at once; 3 KiB a CPU.
 */
#define V4V6_FIB4_SLOTS 128

/**
 * enum v4v6_fib4_ask - the questions
 * @V4V6_ASK_WAY: where a LAN packet to the router goes (enum v4v6_way4,
 *	lan.c)
 * @V4V6_ASK_LOCAL: whether an IPv4 address is the router's own or its
 *	LAN's (wan.c)
 */
enum v4v6_fib4_ask {
	V4V6_ASK_WAY,
	V4V6_ASK_LOCAL,
};

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
 * struct v4v6_fib4_key - a question: the inputs of the FIB lookup that answers
 * @daddr: the destination
 * @saddr: the source
 * @iif: the input interface (the LAN)
 * @mark: the packet's mark
 * @dscp: its DSCP
 * @ask: what is asked (enum v4v6_fib4_ask)
 */
struct v4v6_fib4_key {
	__be32 daddr;
	__be32 saddr;
	int iif;
	u32 mark;
	u8 dscp;
	u8 ask;
};

struct net;
struct v4v6_fib4_cache;

int v4v6_fib4_init(struct v4v6_fib4_cache __percpu **cache);
void v4v6_fib4_destroy(struct v4v6_fib4_cache __percpu *cache);
int v4v6_fib4_recall(const struct net *net,
		     struct v4v6_fib4_cache __percpu *cache,
		     const struct v4v6_fib4_key *k);
void v4v6_fib4_keep(struct v4v6_fib4_cache __percpu *cache,
		    const struct v4v6_fib4_key *k, int genid, u8 answer);

#endif /* _V4V6_FIB4_H */
