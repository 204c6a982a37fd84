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
			   const struct net_device *in);

/* wan.c: IPv6 from the IPv6 network */
unsigned int v4v6_from_wan(struct net *net, struct v4v6_net *vn,
			   const struct v4v6_config *cfg, struct sk_buff *skb,
			   const struct net_device *in);

/* unknown.c: announcing LAN sources that are not in the table */
void v4v6_unknown_source(struct net *net, struct v4v6_net *vn,
			 const u8 *mac, __be32 ip4, int ifindex);

/* hooks.c: what the two directions share */
void v4v6_count_result(struct v4v6_net *vn, struct v4v6_device *d,
		       enum v4v6_xlat_result res);
bool v4v6_result_prohibited(enum v4v6_xlat_result res);
void v4v6_scrub(struct sk_buff *skb);

#endif /* _V4V6_PATH_H */
