// SPDX-License-Identifier: GPL-2.0
/*
 * The IPv6 routes of translated packets, remembered. Every packet from a
 * device leaves on the route from the device's address through its WAN
 * identity: ip6_route_output() walks the policy rules and looks up a table
 * for it, which costs about as much as translating the packet. A socket
 * keeps its route (sk_dst_cache); v4v6 keeps, on each CPU, the routes of
 * the last flows it sent, one slot per hash of the lookup's inputs. A slot
 * answers only a lookup with the same inputs, and only while the kernel
 * says that its route still stands: dst_check() with the cookie of the
 * route's table node, which changes when a route is added or removed under
 * that node and when a policy rule changes (every table's nodes then).
 * A route that did not stand, or another flow of the slot, is looked up.
 *
 * A slot holds a reference on its route; a route the kernel removed gives
 * its interface back at once (dst_dev_put()), so a slot holds memory at
 * most, never an interface, until it is reused or the namespace goes.
 */
#include <linux/bottom_half.h>
#include <linux/jhash.h>
#include <linux/percpu.h>
#include <net/dst.h>
#include <net/ip6_fib.h>
#include <net/ip6_route.h>

#include "route6.h"

/**
 * struct v4v6_route6_slot - a remembered route and the lookup it answers
 * @dst: the route, with a reference; NULL while the slot is empty
 * @saddr: the lookup's source (the device's IPv6 address)
 * @daddr: its destination
 * @oif: its interface (the identity)
 * @mark: its packet mark
 * @cookie: the route's table node's serial number when it was looked up
 * @proto: its transport protocol (policy rules may select on it)
 */
struct v4v6_route6_slot {
	struct dst_entry *dst;
	struct in6_addr saddr;
	struct in6_addr daddr;
	int oif;
	u32 mark;
	u32 cookie;
	u8 proto;
};

struct v4v6_route6_cache {
	struct v4v6_route6_slot slot[V4V6_ROUTE6_SLOTS];
};

/**
 * v4v6_route6_init() - the empty slots of a namespace
 * @cache: where to put them
 *
 * Return: 0 or -ENOMEM.
 */
int v4v6_route6_init(struct v4v6_route6_cache __percpu **cache)
{
	*cache = alloc_percpu(struct v4v6_route6_cache);
	return *cache ? 0 : -ENOMEM;
}

/**
 * v4v6_route6_destroy() - the slots of a namespace given back
 * @cache: they, NULL for none; nothing can use them any more
 */
void v4v6_route6_destroy(struct v4v6_route6_cache __percpu *cache)
{
	unsigned int i;
	int cpu;

	if (!cache)
		return;
	for_each_possible_cpu(cpu)
		for (i = 0; i < V4V6_ROUTE6_SLOTS; i++)
			dst_release(per_cpu_ptr(cache, cpu)->slot[i].dst);
	free_percpu(cache);
}

static unsigned int v4v6_route6_hash(const struct flowi6 *fl6)
{
	const __be32 *s = fl6->saddr.s6_addr32, *d = fl6->daddr.s6_addr32;

	return jhash_3words((__force u32)(s[2] ^ s[3]),
			    (__force u32)(d[2] ^ d[3]), fl6->flowi6_oif,
			    fl6->flowi6_mark) % V4V6_ROUTE6_SLOTS;
}

static bool v4v6_route6_same(const struct v4v6_route6_slot *s,
			     const struct flowi6 *fl6)
{
	return s->oif == fl6->flowi6_oif && s->mark == fl6->flowi6_mark &&
	       s->proto == fl6->flowi6_proto &&
	       ipv6_addr_equal(&s->daddr, &fl6->daddr) &&
	       ipv6_addr_equal(&s->saddr, &fl6->saddr);
}

static void v4v6_route6_keep(struct v4v6_route6_slot *s,
			     const struct flowi6 *fl6, struct dst_entry *dst)
{
	dst_release(s->dst);
	dst_hold(dst);
	s->dst = dst;
	s->cookie = rt6_get_cookie(container_of(dst, struct rt6_info, dst));
	s->saddr = fl6->saddr;
	s->daddr = fl6->daddr;
	s->oif = fl6->flowi6_oif;
	s->mark = fl6->flowi6_mark;
	s->proto = fl6->flowi6_proto;
}

/**
 * v4v6_route6_output() - the route of a translated packet
 * @net: the namespace
 * @cache: its slots
 * @fl6: the lookup: the device's address, the destination, the identity
 *	as the interface (strictly: the packet must leave with the device's
 *	MAC), the mark and the protocol; nothing else set
 *
 * Return: the route, with a reference for the caller, as from
 * ip6_route_output(): one with dst->error set if there is none.
 */
struct dst_entry *v4v6_route6_output(struct net *net,
				     struct v4v6_route6_cache __percpu *cache,
				     struct flowi6 *fl6)
{
	struct v4v6_route6_slot *s;
	struct dst_entry *dst;
	struct flowi6 want;

	/* The hooks run with BH off; the slots are this CPU's meanwhile. */
	local_bh_disable();
	s = &this_cpu_ptr(cache)->slot[v4v6_route6_hash(fl6)];
	if (s->dst && v4v6_route6_same(s, fl6) && dst_check(s->dst, s->cookie)) {
		dst = s->dst;
		dst_hold(dst);
		goto out;
	}
	/* (the lookup may change @fl6: a VRF's interface for the identity) */
	want = *fl6;
	dst = ip6_route_output_flags(net, NULL, fl6, RT6_LOOKUP_F_IFACE);
	if (!dst->error)
		v4v6_route6_keep(s, &want, dst);
out:
	local_bh_enable();
	return dst;
}
