/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The data path: what the hooks hand a packet to.
 */
#ifndef _V4V6_PATH_H
#define _V4V6_PATH_H

#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "v4v6.h"
#include "xlat.h"

/* lan.c: IPv4 from the LAN */
unsigned int v4v6_from_lan(struct net *net, struct v4v6_net *vn,
			   const struct v4v6_config *cfg, struct sk_buff *skb,
			   struct net_device *in);

void v4v6_lan_unroute(struct v4v6_net *vn);

/* wan.c: IPv6 from the IPv6 network */
unsigned int v4v6_from_wan(struct net *net, struct v4v6_net *vn,
			   const struct v4v6_config *cfg, struct sk_buff *skb,
			   struct net_device *in);

/* unknown.c: announcing LAN sources that are not in the table */
bool v4v6_unknown_allow(struct v4v6_net *vn, const u8 *mac, __be32 ip4,
			unsigned long now);
void v4v6_unknown_source(struct net *net, struct v4v6_net *vn,
			 const u8 *mac, __be32 ip4, int ifindex);

/**
 * enum v4v6_gso_plan - how the data path takes a packet (gso.c)
 * @V4V6_GSO_WHOLE: translated as it is: not GSO, or GSO that the translator
 *	carries, whose segments are cut after it by the stack or the device
 * @V4V6_GSO_SPLIT: segmented in software first, each segment then taken as
 *	a packet of its own
 * @V4V6_GSO_TOO_BIG: its segments would leave with DF and do not fit: the
 *	sender gets Packet Too Big, as for one such packet
 */
enum v4v6_gso_plan {
	V4V6_GSO_WHOLE,
	V4V6_GSO_SPLIT,
	V4V6_GSO_TOO_BIG,
};

/* gso.c: GSO packets, carried whole or segmented first */
enum v4v6_gso_plan v4v6_gso_plan4(const struct sk_buff *skb,
				  unsigned int mtu6);
enum v4v6_gso_plan v4v6_gso_plan6(const struct sk_buff *skb,
				  unsigned int mtu4);
struct sk_buff *v4v6_gso_segment(struct sk_buff *skb);

/* hooks.c: what the two directions share */
void v4v6_count_result(struct v4v6_net *vn, struct v4v6_device *d,
		       enum v4v6_xlat_result res);
bool v4v6_result_prohibited(enum v4v6_xlat_result res);
void v4v6_scrub(struct sk_buff *skb);
const struct v4v6_config *v4v6_active(struct v4v6_net *vn);

/* conntrack.c: translated flows tracked as IPv4 flows */
bool v4v6_ct_confirm(struct sk_buff *skb);
bool v4v6_ct_is_reply(const struct sk_buff *skb);

/* allow.c: the ports the operator opened */
bool v4v6_allow_match(const struct v4v6_device *d, const struct sk_buff *skb);

#endif /* _V4V6_PATH_H */
