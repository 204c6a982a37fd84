/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels v4v6 builds for, from 6.1 on, in one
 * place. kmod/Kbuild probes the kernel's headers for each difference,
 * defines V4V6_HAVE_* for what it finds and includes this file first in
 * every source: the rest of the module uses what is here and never tests
 * LINUX_VERSION_CODE.
 *
 * The userspace build of the translator (tests/fuzz) includes it too,
 * without any V4V6_HAVE_*: the oldest kernel's side of each difference
 * must keep to its shim of the kernel headers. That is why the routing
 * helpers below are macros: they need the kernel's declarations only where
 * they are used.
 */
#ifndef _V4V6_COMPAT_H
#define _V4V6_COMPAT_H

/* <asm/unaligned.h> in 6.1, <linux/unaligned.h> in 6.12 and 7.2. */
#ifdef V4V6_HAVE_LINUX_UNALIGNED_H
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * mac_pton() and the other hex helpers: <linux/kernel.h> in 6.1,
 * <linux/hex.h> in 6.12 (which <linux/kernel.h> still includes) and 7.2.
 */
#ifdef V4V6_HAVE_LINUX_HEX_H
#include <linux/hex.h>
#endif

/*
 * 6.5: the GSO helpers (skb_gso_validate_network_len()) moved from
 * <linux/skbuff.h> to <net/gso.h>.
 */
#ifdef V4V6_HAVE_NET_GSO_H
#include <net/gso.h>
#endif

/*
 * v4v6_flowi4_set_dscp(fl4, dscp): the DSCP (dscp_t) an IPv4 route lookup
 * is for, what TOS routes and policy routing rules match.
 *
 * The flow has the TOS byte, flowi4_tos, in 6.1 and 6.12, and a dscp_t,
 * flowi4_dscp, in 7.2. Where the kernel has fib_dscp_masked_match() (6.12,
 * 7.2) the lookups mask the DSCP themselves to what IPv4 routes can match;
 * before (6.1), the caller leaves only those bits, IPTOS_RT_MASK, as the
 * kernel's own input routing does. Never the ECN bits, as RT_TOS() did.
 */
#if defined(V4V6_HAVE_FLOWI4_DSCP)
#define v4v6_flowi4_set_dscp(fl4, dscp) ((fl4)->flowi4_dscp = (dscp))
#elif defined(V4V6_HAVE_FIB_DSCP_MASKED_MATCH)
#define v4v6_flowi4_set_dscp(fl4, dscp) \
	((fl4)->flowi4_tos = inet_dscp_to_dsfield(dscp))
#else
#define v4v6_flowi4_set_dscp(fl4, dscp) \
	((fl4)->flowi4_tos = inet_dscp_to_dsfield(dscp) & IPTOS_RT_MASK)
#endif

/*
 * v4v6_route_input(skb, daddr, saddr, dscp, dev): ip_route_input_noref()
 * for a packet with that DSCP (dscp_t); true if @skb now has its route.
 * It takes the TOS byte and returns an errno in 6.1 and 6.12; it takes the
 * dscp_t and returns a drop reason (SKB_NOT_DROPPED_YET: routed) in 7.2.
 */
#ifdef V4V6_HAVE_ROUTE_INPUT_DSCP
#define v4v6_route_input(skb, daddr, saddr, dscp, dev) \
	(ip_route_input_noref(skb, daddr, saddr, dscp, dev) == \
	 SKB_NOT_DROPPED_YET)
#else
#define v4v6_route_input(skb, daddr, saddr, dscp, dev) \
	(!ip_route_input_noref(skb, daddr, saddr, \
			       inet_dscp_to_dsfield(dscp), dev))
#endif

/*
 * kmalloc_obj(P, gfp), kzalloc_obj(P, gfp): room for an object of the
 * type of @P (<linux/slab.h> in 7.x, where checkpatch prefers them to
 * kmalloc() with sizeof). Before, the same spelt with sizeof. v4v6 always
 * passes the GFP flags, which 7.x makes optional.
 */
#ifndef V4V6_HAVE_KMALLOC_OBJ
#define kmalloc_obj(P, gfp) kmalloc(sizeof(P), gfp)
#define kzalloc_obj(P, gfp) kzalloc(sizeof(P), gfp)
#endif

/*
 * v4v6_hrtimer_setup(timer, function, clock, mode): hrtimer_init() and the
 * callback set apart in 6.1 and 6.12, hrtimer_setup() in 7.2 (from 6.13;
 * hrtimer_init() is gone). The KUnit suites only.
 */
#ifdef V4V6_HAVE_HRTIMER_SETUP
#define v4v6_hrtimer_setup(timer, fn, clock, mode) \
	hrtimer_setup(timer, fn, clock, mode)
#else
#define v4v6_hrtimer_setup(timer, fn, clock, mode) do { \
	struct hrtimer *__t = (timer); \
	\
	hrtimer_init(__t, clock, mode); \
	__t->function = (fn); \
} while (0)
#endif

#endif /* _V4V6_COMPAT_H */
