/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IPv6 routes of translated packets, remembered per CPU (route6.c).
 */
#ifndef _V4V6_ROUTE6_H
#define _V4V6_ROUTE6_H

#include <net/flow.h>

/*
 * Slots on each CPU: how many flows (device address, destination, identity,
 * mark, protocol) have their routes kept at once; 7 KiB a CPU.
 */
#define V4V6_ROUTE6_SLOTS 128

struct net;
struct dst_entry;
struct v4v6_route6_cache;

int v4v6_route6_init(struct v4v6_route6_cache __percpu **cache);
void v4v6_route6_destroy(struct v4v6_route6_cache __percpu *cache);
struct dst_entry *v4v6_route6_output(struct net *net,
				     struct v4v6_route6_cache __percpu *cache,
				     struct flowi6 *fl6);

#endif /* _V4V6_ROUTE6_H */
