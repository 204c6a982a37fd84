// SPDX-License-Identifier: GPL-2.0
/*
 * Netfilter hooks: where packets enter v4v6.
 *
 * Both hooks sit in PRE_ROUTING, after defragmentation and connection
 * tracking (so an nftables ruleset, as OpenWrt's fw4 loads, has seen the
 * packet and tracks its flow) and after destination NAT (so port forwards of
 * the LAN still apply), and before routing: a packet v4v6 translates never
 * reaches the IPv4 or IPv6 forwarding path in its original family.
 */
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>

#include "v4v6.h"

#define V4V6_PRI_IPV4 (NF_IP_PRI_NAT_DST + 25)
#define V4V6_PRI_IPV6 (NF_IP6_PRI_NAT_DST + 25)

/*
 * Packets arriving on the LAN. Until the device table and the translator are
 * wired in, every packet continues unchanged.
 */
static unsigned int v4v6_hook_ipv4(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	return NF_ACCEPT;
}

/* Packets arriving from the IPv6 network; see v4v6_hook_ipv4(). */
static unsigned int v4v6_hook_ipv6(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	return NF_ACCEPT;
}

static const struct nf_hook_ops v4v6_hook_ops[] = {
	{
		.hook = v4v6_hook_ipv4,
		.pf = NFPROTO_IPV4,
		.hooknum = NF_INET_PRE_ROUTING,
		.priority = V4V6_PRI_IPV4,
	},
	{
		.hook = v4v6_hook_ipv6,
		.pf = NFPROTO_IPV6,
		.hooknum = NF_INET_PRE_ROUTING,
		.priority = V4V6_PRI_IPV6,
	},
};

int v4v6_hooks_register(struct net *net)
{
	return nf_register_net_hooks(net, v4v6_hook_ops,
				     ARRAY_SIZE(v4v6_hook_ops));
}

void v4v6_hooks_unregister(struct net *net)
{
	nf_unregister_net_hooks(net, v4v6_hook_ops, ARRAY_SIZE(v4v6_hook_ops));
}
