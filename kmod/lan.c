// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 from the LAN: a known device's packet for the IPv4 internet leaves
 * as IPv6, from the device's IPv6 address, through the device's WAN
 * identity.
 */
#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/netfilter.h>
#include <linux/if_arp.h>
#include <linux/netfilter_bridge.h>
#include <net/dst.h>
#include <net/icmp.h>
#include <net/inet_dscp.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/ip_fib.h>
#include <net/route.h>

#include "path.h"
#include "route6.h"
#include "fib4.h"

/*
 * Whether the packet was addressed to the router at L2: only those are
 * the router's to forward (ip_forward() drops the others), and only those
 * are v4v6's. The IPv4 stack never hands PRE_ROUTING a frame for another
 * host's MAC, but br_netfilter (bridge-nf-call-iptables, as on Docker and
 * libvirt hosts) runs the IPv4 hooks on the frames a LAN bridge merely
 * forwards between its ports too, with the bridge as input device and
 * their PACKET_OTHERHOST disguised as PACKET_HOST until the hooks are done
 * (setup_pre_routing()): a device's frames to another gateway of the LAN.
 */
static bool v4v6_for_router(const struct sk_buff *skb)
{
#if IS_ENABLED(CONFIG_BRIDGE_NETFILTER)
	const struct nf_bridge_info *nf_bridge = nf_bridge_info_get(skb);

	if (nf_bridge && nf_bridge->pkt_otherhost)
		return false;
#endif
	return skb->pkt_type == PACKET_HOST;
}

/*
 * Where a packet goes: to the IPv4 internet if not for a special address,
 * and not for one the router has a route for other than a default route
 * (the LAN itself, other local networks, VPNs). On an IPv6-only network
 * there is usually no IPv4 default route at all; if there is one, v4v6
 * takes precedence over it.
 *
 * Only "no route" is the internet: fib_lookup() returns -ENETUNREACH when
 * no table has a route (a throw route sends the lookup on to the next
 * rule, so one that no later table answers ends there too). The routes and
 * rules that refuse are the operator's and win, even as a default route:
 * blackhole (-EINVAL), unreachable (-EHOSTUNREACH), prohibit (-EACCES), and
 * "ip rule ... blackhole|prohibit" (-EINVAL, -EACCES); the IPv4 stack then
 * routes the packet to the same refusal and answers or drops it as the
 * route says. "ip rule ... unreachable" returns -ENETUNREACH as well, and
 * cannot be told from no route here.
 */
static enum v4v6_way4 v4v6_way4_lookup(struct net *net,
				       const struct v4v6_fib4_key *k)
{
	struct fib_result res;
	struct flowi4 fl4 = {
		.daddr = k->daddr,
		.saddr = k->saddr,
		.flowi4_iif = k->iif,
		.flowi4_mark = k->mark,
		.flowi4_scope = RT_SCOPE_UNIVERSE,
	};
	int err;

	v4v6_flowi4_set_dscp(&fl4, (__force dscp_t)k->dscp);
	err = fib_lookup(net, &fl4, &res, 0);
	if (err)
		return err == -ENETUNREACH ? V4V6_WAY4_NONE : V4V6_WAY4_ROUTER;
	if (!res.prefixlen && res.type != RTN_LOCAL &&
	    res.type != RTN_BROADCAST && res.type != RTN_MULTICAST)
		return V4V6_WAY4_DEFAULT;
	return V4V6_WAY4_ROUTER;
}

/* The same, remembered for the same packets while the routes stay (fib4.c). */
static enum v4v6_way4 v4v6_for_internet(struct net *net, struct v4v6_net *vn,
					const struct sk_buff *skb,
					const struct net_device *in)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct v4v6_fib4_key k = {
		.daddr = iph->daddr,
		.saddr = iph->saddr,
		.iif = in->ifindex,
		.mark = skb->mark,
		.dscp = (__force u8)inet_dsfield_to_dscp(iph->tos),
		.ask = V4V6_ASK_WAY,
	};
	int genid, way;

	if (ipv4_is_multicast(k.daddr) || ipv4_is_lbcast(k.daddr) ||
	    ipv4_is_zeronet(k.daddr) || ipv4_is_loopback(k.daddr) ||
	    ipv4_is_linklocal_169(k.daddr))
		return V4V6_WAY4_ROUTER;
	way = v4v6_fib4_recall(net, vn->fib4, &k);
	if (way >= 0)
		return way;
	genid = rt_genid_ipv4(net);
	way = v4v6_way4_lookup(net, &k);
	v4v6_fib4_keep(vn->fib4, &k, genid, way);
	return way;
}

/*
 * Whether @rt is the input route that ip_route_input() makes for any
 * packet without a route (its "no_route" case): RTN_UNREACHABLE on the
 * loopback device, not local, its error ENETUNREACH (positive, as
 * ip_error() reads it), nothing of the packet in it.
 */
static bool v4v6_unrouted_shape(const struct rtable *rt,
				const struct net_device *in)
{
	return rt->rt_type == RTN_UNREACHABLE && rt_is_input_route(rt) &&
	       !(rt->rt_flags & (RTCF_LOCAL | RTCF_BROADCAST |
				 RTCF_MULTICAST)) &&
	       rt->dst.error == ENETUNREACH &&
	       rt->dst.dev == dev_net(in)->loopback_dev;
}

/**
 * v4v6_lan_unroute() - give back the input route lent to unrouted packets
 * @vn: the instance
 *
 * It holds the loopback interface: when that goes (the namespace goes),
 * and when the instance goes. Packets that have it (noref, under RCU) keep
 * it until a grace period ends.
 */
void v4v6_lan_unroute(struct v4v6_net *vn)
{
	dst_release(unrcu_pointer(xchg(&vn->unrouted4, NULL)));
}

/*
 * The input route of a device's packet for the forward hooks (a "reject"
 * rule's ICMP error needs one). Without any route, ip_route_input() makes
 * a new one for every packet and frees it after (uncached: an allocation,
 * a second FIB lookup and an RCU callback a packet), though they are all
 * alike: the instance keeps the first and lends it to the others (noref,
 * as the kernel lends its cached routes). Best effort: without a route, a
 * reject sends no ICMP error.
 */
static void v4v6_lan_route(struct v4v6_net *vn, struct sk_buff *skb,
			   struct net_device *in, enum v4v6_way4 way)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct dst_entry *dst;

	if (skb_dst(skb))
		return;
	if (way == V4V6_WAY4_NONE) {
		dst = rcu_dereference(vn->unrouted4);
		if (dst) {
			skb_dst_set_noref(skb, dst);
			return;
		}
	}
	if (!v4v6_route_input(skb, iph->daddr, iph->saddr,
			      inet_dsfield_to_dscp(iph->tos), in))
		return;
	dst = skb_dst(skb);
	if (way != V4V6_WAY4_NONE || !v4v6_unrouted_shape(skb_rtable(skb), in))
		return;
	dst_hold(dst);
	if (cmpxchg((struct dst_entry __force **)&vn->unrouted4, NULL, dst))
		dst_release(dst);
}

/* The Ethernet source of a packet, or NULL if it has none. */
static const u8 *v4v6_src_mac(const struct sk_buff *skb,
			      const struct net_device *in)
{
	if (in->type != ARPHRD_ETHER || !skb_mac_header_was_set(skb) ||
	    skb_mac_header_len(skb) < ETH_HLEN)
		return NULL;
	return eth_hdr(skb)->h_source;
}

/*
 * Send an ICMP error about @skb back to the device. icmp_send() needs the
 * packet's input route, which a packet taken before routing has not got
 * yet: look it up (for a destination without a route that is an
 * "unreachable" route, which is all icmp_send() needs).
 */
static void v4v6_icmp4_reply(struct sk_buff *skb, const struct net_device *in,
			     int type, int code, u32 info)
{
	const struct iphdr *iph = ip_hdr(skb);
	dscp_t dscp = inet_dsfield_to_dscp(iph->tos);

	if (!skb_dst(skb) &&
	    !v4v6_route_input(skb, iph->daddr, iph->saddr, dscp,
			      (struct net_device *)in))
		return;
	icmp_send(skb, type, code, htonl(info));
}

/* The route of the translated packet, through the device's WAN identity. */
static struct dst_entry *v4v6_route6(struct net *net, struct v4v6_net *vn,
				     const struct v4v6_config *cfg,
				     const struct v4v6_device *d,
				     const struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct flowi6 fl6 = {
		.flowi6_oif = d->wan_ifindex ?: cfg->wan_ifindex,
		.flowi6_mark = skb->mark,
		.flowi6_proto = iph->protocol == IPPROTO_ICMP ?
				IPPROTO_ICMPV6 : iph->protocol,
		.saddr = d->ip6,
	};

	v4v6_addr_synth(&cfg->pref64, iph->daddr, &fl6.daddr);
	/* Strictly through the identity: else it would leave with our MAC. */
	return v4v6_route6_output(net, vn->route6, &fl6);
}

/* Send the translated @skb on @dst (whose reference it takes). */
static void v4v6_output6(struct net *net, struct v4v6_net *vn,
			 struct sk_buff *skb, struct dst_entry *dst,
			 unsigned int mtu)
{
	struct sk_buff_head frags;
	struct sk_buff *n;

	v4v6_scrub(skb);
	if (skb_is_gso(skb) || skb->len <= mtu) {
		skb_dst_set(skb, dst);
		dst_output(net, NULL, skb);
		return;
	}
	/* Without DF, too big for the lowest MTU: RFC 7915 section 4. */
	if (v4v6_fragment6(skb, mtu, &frags)) {
		kfree_skb(skb);
		dst_release(dst);
		v4v6_count(vn, V4V6_STAT_NOMEM);
		return;
	}
	v4v6_count(vn, V4V6_STAT_FRAGMENTED);
	while ((n = __skb_dequeue(&frags))) {
		skb_dst_set(n, dst_clone(dst));
		dst_output(net, NULL, n);
	}
	dst_release(dst);
}

/* No way out for the device's packet: count it (@why), Network Unreachable. */
static unsigned int v4v6_unroutable(struct v4v6_net *vn, struct v4v6_device *d,
				    struct sk_buff *skb,
				    const struct net_device *in,
				    enum v4v6_stat why)
{
	v4v6_count(vn, why);
	v4v6_device_drop(d);
	v4v6_icmp4_reply(skb, in, ICMP_DEST_UNREACH, ICMP_NET_UNREACH, 0);
	return NF_DROP;
}

/* What the core refused: count it, and answer the device where RFC 7915 says. */
static void v4v6_refuse4(struct v4v6_net *vn, struct v4v6_device *d,
			 struct sk_buff *skb, const struct net_device *in,
			 enum v4v6_xlat_result res, u32 mtu4)
{
	v4v6_count_result(vn, d, res);
	if (res == V4V6_XLAT_TTL)
		v4v6_icmp4_reply(skb, in, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0);
	else if (res == V4V6_XLAT_FRAG_NEEDED)
		v4v6_icmp4_reply(skb, in, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED,
				 mtu4);
	else if (res == V4V6_XLAT_SOURCE_ROUTE)
		v4v6_icmp4_reply(skb, in, ICMP_DEST_UNREACH, ICMP_SR_FAILED, 0);
	else if (v4v6_result_prohibited(res))
		/* icmp_send() itself never answers an ICMP error. */
		v4v6_icmp4_reply(skb, in, ICMP_DEST_UNREACH, ICMP_PKT_FILTERED, 0);
}

/*
 * A packet of a source the table does not have (@d NULL), or of a spoofer:
 * one from a device's IPv4 address with another MAC (or none). A spoofer's
 * packet is dropped and not announced: an event would tell v4v6d that the
 * address has a new owner, and one forged frame would take it from the
 * device that holds it.
 */
static unsigned int v4v6_stranger(struct net *net, struct v4v6_net *vn,
				  const struct v4v6_config *cfg,
				  struct sk_buff *skb, const struct net_device *in,
				  const struct v4v6_device *d)
{
	const u8 *mac;

	if (d) {
		v4v6_count(vn, V4V6_STAT_SPOOFED);
		return NF_DROP;
	}
	mac = v4v6_src_mac(skb, in);
	if (mac)
		v4v6_unknown_source(net, vn, mac, ip_hdr(skb)->saddr,
				    in->ifindex);
	v4v6_count(vn, V4V6_STAT_UNKNOWN_SOURCE);
	return cfg->unknown == V4V6_UNKNOWN_DROP ? NF_DROP : NF_ACCEPT;
}

/*
 * Translate @skb (one packet, or a GSO packet the translator carries) for
 * the IPv6 network and send it on @dst, whose reference this takes.
 * Return: whether it was sent; if not, it was counted (and answered) and
 * is the caller's to drop.
 */
static bool v4v6_send6(struct net *net, struct v4v6_net *vn,
		       struct v4v6_device *d, struct sk_buff *skb,
		       const struct net_device *in, const struct v4v6_xlat *x,
		       struct dst_entry *dst)
{
	unsigned int len = skb->len;
	enum v4v6_xlat_result res;

	res = v4v6_xlat_4to6(skb, x);
	if (res != V4V6_XLAT_OK) {
		dst_release(dst);
		v4v6_refuse4(vn, d, skb, in, res, v4v6_xlat_mtu4(x));
		return false;
	}
	v4v6_output6(net, vn, skb, dst, x->lowest_mtu);
	v4v6_count(vn, V4V6_STAT_XLAT_4TO6);
	v4v6_device_count(d, true, len);
	return true;
}

/*
 * A GSO packet the translator cannot carry whole: segmented in software,
 * each segment then a packet of its own. Takes @dst's reference.
 */
static unsigned int v4v6_split4(struct net *net, struct v4v6_net *vn,
				struct v4v6_device *d, struct sk_buff *skb,
				const struct net_device *in,
				const struct v4v6_xlat *x, struct dst_entry *dst)
{
	struct sk_buff *segs, *seg, *next;

	segs = v4v6_gso_segment(skb);
	if (IS_ERR(segs)) {
		dst_release(dst);
		v4v6_count(vn, V4V6_STAT_GSO_FAILED);
		v4v6_device_drop(d);
		return NF_DROP;
	}
	v4v6_count(vn, V4V6_STAT_GSO_SEGMENTED);
	skb_list_walk_safe(segs, seg, next) {
		skb_mark_not_on_list(seg);
		if (!v4v6_send6(net, vn, d, seg, in, x, dst_clone(dst)))
			kfree_skb(seg);
	}
	dst_release(dst);
	return NF_STOLEN;
}

/* Translate the device's packet and send it, or say NF_DROP. */
static unsigned int v4v6_lan_xlat(struct net *net, struct v4v6_net *vn,
				  const struct v4v6_config *cfg,
				  struct v4v6_device *d, struct sk_buff *skb,
				  const struct net_device *in)
{
	struct v4v6_xlat x = { .pref64 = &cfg->pref64 };
	struct dst_entry *dst;
	unsigned int verdict;

	/* Not through the WAN with our MAC: the device's address went too. */
	if (unlikely(d->wan_gone[0]))
		return v4v6_unroutable(vn, d, skb, in, V4V6_STAT_IDENTITY_GONE);
	dst = v4v6_route6(net, vn, cfg, d, skb);
	if (dst->error) {
		dst_release(dst);
		return v4v6_unroutable(vn, d, skb, in, V4V6_STAT_NO_ROUTE);
	}
	x.dev4 = d->ip4;
	x.dev6 = d->ip6;
	x.lowest_mtu = min(cfg->lowest_mtu, dst_mtu(dst));
	x.mtu4 = in->mtu;
	if (v4v6_gso_plan4(skb, x.lowest_mtu) == V4V6_GSO_SPLIT)
		verdict = v4v6_split4(net, vn, d, skb, in, &x, dst);
	else
		verdict = v4v6_send6(net, vn, d, skb, in, &x, dst) ?
			  NF_STOLEN : NF_DROP;
	if (verdict == NF_STOLEN)
		v4v6_device_seen(d);
	return verdict;
}

/*
 * Past IPv4's forward hooks: the flow's entry is confirmed, then the packet
 * translated. Called by NF_HOOK() under RCU, at once or after a queue: the
 * device and the configuration are looked up again.
 */
static int v4v6_lan_forwarded(struct net *net, struct sock *sk,
			      struct sk_buff *skb)
{
	struct v4v6_net *vn = v4v6_net(net);
	const struct v4v6_config *cfg = v4v6_active(vn);
	struct v4v6_device *d;

	d = cfg ? v4v6_device_by4(vn, ip_hdr(skb)->saddr) : NULL;
	if (!d) {
		kfree_skb(skb);
		return 0;
	}
	if (!v4v6_ct_confirm(skb)) {
		v4v6_device_drop(d);
		kfree_skb(skb);
		return 0;
	}
	if (v4v6_lan_xlat(net, vn, cfg, d, skb, skb->dev) == NF_DROP)
		kfree_skb(skb);
	return 0;
}

/*
 * The device's packet goes through IPv4's forward hooks first, from the LAN
 * to the WAN, as a NAT44 router's packet would: the firewall's forward
 * chain filters, counts and logs it by its IPv4 addresses. It gets its
 * input route for that (an ICMP error from a "reject" rule needs one).
 */
static unsigned int v4v6_lan_forward(struct net *net, struct v4v6_net *vn,
				     const struct v4v6_config *cfg,
				     struct sk_buff *skb, struct net_device *in,
				     enum v4v6_way4 way)
{
	struct net_device *wan;

	wan = dev_get_by_index_rcu(net, cfg->wan_ifindex);
	if (!wan) {
		v4v6_count(vn, V4V6_STAT_NO_ROUTE);
		return NF_DROP;
	}
	v4v6_lan_route(vn, skb, in, way);
	NF_HOOK(NFPROTO_IPV4, NF_INET_FORWARD, net, NULL, skb, in, wan,
		v4v6_lan_forwarded);
	return NF_STOLEN;
}

/**
 * v4v6_from_lan() - an IPv4 packet that arrived on the LAN
 * @net: the namespace
 * @vn: its instance
 * @cfg: its configuration, translation on
 * @skb: the packet, before routing
 * @in: the LAN interface
 *
 * Frames not addressed to the router are left alone before anything else:
 * not counted, and their unknown sources not announced, since a device
 * that never sends to the router does not use it, and v4v6d is not to
 * give it an IPv6 address (nor "unknown drop" to drop its bridged frames).
 *
 * Return: NF_ACCEPT for packets v4v6 leaves to the IPv4 stack, NF_STOLEN
 * for those it took (to the forward hooks, then translated and sent),
 * NF_DROP for those it refused.
 */
unsigned int v4v6_from_lan(struct net *net, struct v4v6_net *vn,
			   const struct v4v6_config *cfg, struct sk_buff *skb,
			   struct net_device *in)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct v4v6_device *d;
	enum v4v6_way4 way;
	const u8 *mac;

	if (!v4v6_for_router(skb) ||
	    !v4v6_addr_translatable(&cfg->pref64, iph->daddr))
		return NF_ACCEPT;
	way = v4v6_for_internet(net, vn, skb, in);
	if (way == V4V6_WAY4_ROUTER)
		return NF_ACCEPT;
	d = v4v6_device_by4(vn, iph->saddr);
	mac = v4v6_src_mac(skb, in);
	if (!d || !mac || !ether_addr_equal(mac, d->mac))
		return v4v6_stranger(net, vn, cfg, skb, in, d);
	return v4v6_lan_forward(net, vn, cfg, skb, in, way);
}
