// SPDX-License-Identifier: GPL-2.0
/*
 * Netfilter hooks: where packets enter v4v6.
 *
 * Both hooks sit in PRE_ROUTING after defragmentation, the raw table,
 * connection tracking, mangle and destination NAT, and before routing:
 *
 * - After defragmentation: where the namespace tracks connections, defrag
 *   hands whole packets to everything after it; where nothing loaded defrag,
 *   the translator carries fragments as fragments (RFC 7915).
 * - After connection tracking, so that the ICMP errors v4v6 sends about a
 *   packet (Time Exceeded, Fragmentation Needed, Packet Too Big) are
 *   RELATED to it: icmp_send() attaches the packet's entry to the error, and
 *   a firewall that drops invalid packets (fw4 with drop_invalid) lets them
 *   through. The price, where conntrack is loaded: each translated packet
 *   gets an unconfirmed entry that is freed with its old family.
 * - After mangle and destination NAT, so that marks (policy routing, QoS)
 *   apply and a DNAT or redirect rule for LAN traffic (e.g. DNS to the
 *   router) wins over translation: the packet is then local, and v4v6 leaves
 *   local destinations alone.
 *
 * A packet v4v6 translates leaves the stack of its family here (NF_STOLEN):
 * it is routed and sent by v4v6 and never reaches the filter chains.
 * Everything else continues untouched.
 */
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "path.h"

/* -75: after destination NAT (-100), see above. */
#define V4V6_PRI_IPV4 (NF_IP_PRI_NAT_DST + 25)
#define V4V6_PRI_IPV6 (NF_IP6_PRI_NAT_DST + 25)

/* The counter of each result of the translator. */
static const u8 v4v6_result_stat[__V4V6_XLAT_MAX] = {
	[V4V6_XLAT_OK] = V4V6_STAT_UNSPEC,
	[V4V6_XLAT_TRUNCATED] = V4V6_STAT_TRUNCATED,
	[V4V6_XLAT_BAD_HEADER] = V4V6_STAT_BAD_HEADER,
	[V4V6_XLAT_NOMEM] = V4V6_STAT_NOMEM,
	[V4V6_XLAT_TTL] = V4V6_STAT_TTL,
	[V4V6_XLAT_NOT_MAPPED] = V4V6_STAT_NOT_MAPPED,
	[V4V6_XLAT_NOT_GLOBAL] = V4V6_STAT_NOT_GLOBAL,
	[V4V6_XLAT_UDP_ZERO_CSUM_FRAG] = V4V6_STAT_UDP_ZERO_CSUM_FRAG,
	[V4V6_XLAT_ICMP_FRAG] = V4V6_STAT_ICMP_FRAG,
	[V4V6_XLAT_ICMP_TYPE] = V4V6_STAT_ICMP_TYPE,
	[V4V6_XLAT_EXT_HEADER] = V4V6_STAT_EXT_HEADER,
	[V4V6_XLAT_ROUTING] = V4V6_STAT_ROUTING,
	[V4V6_XLAT_TOO_BIG] = V4V6_STAT_TOO_BIG,
	[V4V6_XLAT_ICMP_CSUM] = V4V6_STAT_ICMP_CSUM,
	[V4V6_XLAT_FRAG_NEEDED] = V4V6_STAT_FRAG_NEEDED,
	[V4V6_XLAT_SOURCE_ROUTE] = V4V6_STAT_SOURCE_ROUTE,
	[V4V6_XLAT_MARTIAN] = V4V6_STAT_MARTIAN,
};

/**
 * v4v6_count_result() - count a packet the translator refused
 * @vn: the namespace's instance
 * @d: the device it was for
 * @res: why
 */
void v4v6_count_result(struct v4v6_net *vn, struct v4v6_device *d,
		       enum v4v6_xlat_result res)
{
	if (WARN_ON_ONCE(res >= __V4V6_XLAT_MAX || res == V4V6_XLAT_OK))
		return;
	v4v6_count(vn, v4v6_result_stat[res]);
	v4v6_device_drop(d);
}

/**
 * v4v6_result_prohibited() - whether a refusal answers "prohibited"
 * @res: why the translator refused a packet
 *
 * RFC 7915 sections 4.4 and 5.4: a translator that discards a packet
 * should tell its sender with Communication Administratively Prohibited,
 * unless another error is specified (Time Exceeded, Fragmentation Needed,
 * Parameter Problem, Source Route Failed), RFC 7915 says to drop silently
 * (ICMP types it does not translate) or the packet is an error itself.
 * Malformed packets, and those the translator could not afford to rewrite,
 * get nothing: an answer would only serve whoever forged them. The kernel's
 * ICMP rate limits (net.ipv4.icmp_ratelimit and icmp_ratemask,
 * net.ipv6.icmp.ratelimit) bound these as any other error.
 *
 * Return: true for the refusals of packets v4v6 could read but will not
 * translate.
 */
bool v4v6_result_prohibited(enum v4v6_xlat_result res)
{
	switch (res) {
	case V4V6_XLAT_NOT_GLOBAL:
	case V4V6_XLAT_UDP_ZERO_CSUM_FRAG:
	case V4V6_XLAT_ICMP_FRAG:
	case V4V6_XLAT_EXT_HEADER:
	case V4V6_XLAT_TOO_BIG:
		return true;
	/* ICMP types without translation: "Silently drop" (4.2, 5.2). */
	default:
		return false;
	}
}

/**
 * v4v6_scrub() - forget what the packet's old family attached to it
 * @skb: a packet just translated, about to be routed out
 *
 * Its connection tracking entry, control block and receive time belong to
 * the packet it was; the route is about to be replaced.
 */
void v4v6_scrub(struct sk_buff *skb)
{
	nf_reset_ct(skb);
	skb_dst_drop(skb);
	skb_clear_tstamp(skb);
	memset(skb->cb, 0, max(sizeof(struct inet_skb_parm),
			       sizeof(struct inet6_skb_parm)));
}

/**
 * v4v6_active() - the configuration, if translation is on
 * @vn: the namespace's instance
 *
 * Under RCU, as the hooks and what they call run.
 */
const struct v4v6_config *v4v6_active(struct v4v6_net *vn)
{
	const struct v4v6_config *cfg = rcu_dereference(vn->cfg);

	return v4v6_cfg_active(cfg) ? cfg : NULL;
}

/* Packets arriving on the LAN. */
static unsigned int v4v6_hook_ipv4(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	struct v4v6_net *vn = v4v6_net(state->net);
	const struct v4v6_config *cfg = v4v6_active(vn);

	if (!cfg || state->in->ifindex != cfg->lan_ifindex)
		return NF_ACCEPT;
	return v4v6_from_lan(state->net, vn, cfg, skb, state->in);
}

/* Packets arriving from the IPv6 network. */
static unsigned int v4v6_hook_ipv6(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	struct v4v6_net *vn = v4v6_net(state->net);
	const struct v4v6_config *cfg = v4v6_active(vn);

	if (!cfg || state->in->ifindex == cfg->lan_ifindex)
		return NF_ACCEPT;
	return v4v6_from_wan(state->net, vn, cfg, skb, state->in);
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
