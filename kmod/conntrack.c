// SPDX-License-Identifier: GPL-2.0
/*
 * Translated flows in the kernel's connection tracking, as IPv4 flows.
 *
 * A device's flow is tracked in the family the device and the operator see
 * it in, IPv4, as a NAT44 router's would be: the device's packet gets its
 * entry in IPv4's PRE_ROUTING as any forwarded packet, and v4v6 confirms it
 * when it has been through the forward chain (it never reaches IPv4's
 * POST_ROUTING, where the kernel would); a packet from the IPv6 network is
 * looked up once translated, in a pass through IPv4's PRE_ROUTING. So
 * `conntrack -L` lists translated flows, `ct state` holds in the forward
 * chain both ways, and a packet from the IPv6 network is known as a reply
 * (or an ICMP error about a flow: "related") or as the start of a flow.
 *
 * The IPv6 side of a translated packet is not tracked: the entry an
 * incoming IPv6 packet got is freed when it is translated (v4v6_scrub()).
 */
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_core.h>

#include "path.h"

#if IS_ENABLED(CONFIG_NF_CONNTRACK)

/**
 * v4v6_ct_hold() - have connection tracking in the namespace, or not
 * @net: the namespace
 * @vn: its instance, its lock held
 * @need: whether the configuration about to be applied needs it
 *
 * Connection tracking runs in a namespace only while something there asks
 * for it. v4v6 asks while it translates with the inbound policy "replies".
 *
 * Return: 0, or an error from nf_ct_netns_get() (the state is unchanged).
 */
int v4v6_ct_hold(struct net *net, struct v4v6_net *vn, bool need)
{
	int err;

	lockdep_assert_held(&vn->lock);
	if (need == vn->ct_held)
		return 0;
	if (need) {
		err = nf_ct_netns_get(net, NFPROTO_IPV4);
		if (err)
			return err;
	} else {
		nf_ct_netns_put(net, NFPROTO_IPV4);
	}
	vn->ct_held = need;
	return 0;
}

/**
 * v4v6_ct_confirm() - confirm the entry of a device's packet
 * @skb: the device's IPv4 packet, through the forward chain
 *
 * The kernel confirms an entry when its first packet leaves IPv4
 * (POST_ROUTING) or is delivered locally; a packet v4v6 translates does
 * neither, so v4v6 confirms it here, before the packet changes family.
 *
 * Return: whether the packet may go on (false: conntrack refused it, e.g.
 * a clash it could not resolve; the caller drops it).
 */
bool v4v6_ct_confirm(struct sk_buff *skb)
{
	return nf_conntrack_confirm(skb) == NF_ACCEPT;
}

/**
 * v4v6_ct_is_reply() - whether a translated packet belongs to a known flow
 * @skb: an IPv4 packet translated from the IPv6 network, after IPv4's
 *	PRE_ROUTING
 *
 * Return: true for a packet of a tracked, confirmed flow in either
 * direction (a reply, or a later packet of a flow the operator let in) and
 * for an ICMP error about one ("related"); false for the first packet of a
 * flow, an untracked packet, one conntrack found invalid, or none tracked.
 */
bool v4v6_ct_is_reply(const struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return false;
	switch (ctinfo) {
	case IP_CT_ESTABLISHED:
	case IP_CT_ESTABLISHED_REPLY:
	case IP_CT_RELATED:
	case IP_CT_RELATED_REPLY:
		return true;
	default:
		return false;
	}
}

#else /* !CONFIG_NF_CONNTRACK: "replies" cannot be told from the rest */

int v4v6_ct_hold(struct net *net, struct v4v6_net *vn, bool need)
{
	return need ? -EOPNOTSUPP : 0;
}

bool v4v6_ct_confirm(struct sk_buff *skb)
{
	return true;
}

bool v4v6_ct_is_reply(const struct sk_buff *skb)
{
	return false;
}

#endif
