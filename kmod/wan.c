// SPDX-License-Identifier: GPL-2.0
/*
 * IPv6 from the IPv6 network: a packet from the NAT64 prefix to a device's
 * IPv6 address goes to the device on the LAN as IPv4.
 */
#include <linux/icmpv6.h>
#include <linux/netfilter.h>
#include <net/dsfield.h>
#include <net/dst.h>
#include <net/inet_dscp.h>
#include <net/ip.h>
#include <net/ip_fib.h>
#include <net/ipv6.h>
#include <net/route.h>

#include "fib4.h"
#include "path.h"

/*
 * Where the ICMPv6 header of @skb is: its offset, 0 in a later fragment of
 * ICMPv6, or -1 if @skb is not ICMPv6.
 */
static int v4v6_icmp6_off(const struct sk_buff *skb)
{
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;
	struct frag_hdr _fh;
	const struct frag_hdr *fh;
	__be16 frag_off;
	int off;

	off = ipv6_skip_exthdr(skb, sizeof(struct ipv6hdr), &nexthdr, &frag_off);
	if (off < 0)
		return -1;
	if (nexthdr == NEXTHDR_FRAGMENT) {
		/* A later fragment: the walk stopped at its Fragment header. */
		fh = skb_header_pointer(skb, off, sizeof(_fh), &_fh);
		return fh && fh->nexthdr == IPPROTO_ICMPV6 ? 0 : -1;
	}
	if (nexthdr != IPPROTO_ICMPV6)
		return -1;
	return frag_off ? 0 : off;
}

/*
 * Whether @skb is an ICMPv6 error: routers of the IPv6 network send those
 * about a device's packets from their own addresses, outside the prefix.
 */
static bool v4v6_is_icmp6_error(const struct sk_buff *skb)
{
	int off = v4v6_icmp6_off(skb);
	u8 _type, *type;

	if (off <= 0)
		return false;
	type = skb_header_pointer(skb, off, sizeof(_type), &_type);
	return type && !(*type & ICMPV6_INFOMSG_MASK);
}

/*
 * Whether @v4 is the router's own (a local, broadcast or anycast route:
 * its addresses and its subnets' broadcast addresses, on any interface) or
 * routed to the LAN interface (the LAN's subnets, and networks behind a
 * LAN router): no host beyond the NAT64 has it, so a source in the prefix
 * that embeds it is forged (struct v4v6_xlat.local4). One lookup of the
 * FIB, as the router's own output to @v4 would make; "no route" is the
 * IPv4 internet, which lives behind the NAT64, and so is a default route,
 * even one out of the LAN (v4v6 takes precedence over it, lan.c): with it,
 * every source would look like the LAN's.
 */
static bool v4v6_local4_lookup(const struct v4v6_xlat *x, __be32 v4)
{
	struct flowi4 fl4 = {
		.daddr = v4,
		.flowi4_scope = RT_SCOPE_UNIVERSE,
	};
	struct fib_result res;

	if (fib_lookup(x->net, &fl4, &res, 0))
		return false;
	switch (res.type) {
	case RTN_LOCAL:
	case RTN_BROADCAST:
	case RTN_ANYCAST:
	case RTN_MULTICAST:
		return true;
	case RTN_UNICAST:
		return res.prefixlen && res.nhc && FIB_RES_DEV(res) &&
		       FIB_RES_DEV(res)->ifindex == x->lan_ifindex;
	default:
		return false;
	}
}

/* The same, remembered for the same address while the routes stay (fib4.c). */
static bool v4v6_local4(const struct v4v6_xlat *x, __be32 v4)
{
	struct v4v6_net *vn = v4v6_net(x->net);
	struct v4v6_fib4_key k = {
		.daddr = v4,
		.iif = x->lan_ifindex,
		.ask = V4V6_ASK_LOCAL,
	};
	int genid, local;

	local = v4v6_fib4_recall(x->net, vn->fib4, &k);
	if (local >= 0)
		return local;
	genid = rt_genid_ipv4(x->net);
	local = v4v6_local4_lookup(x, v4);
	v4v6_fib4_keep(vn->fib4, &k, genid, local);
	return local;
}

/* Whether the packet is v4v6's to translate for @d. */
static bool v4v6_for_device(const struct v4v6_config *cfg,
			    const struct v4v6_device *d,
			    const struct sk_buff *skb,
			    const struct net_device *in)
{
	const struct ipv6hdr *ip6 = ipv6_hdr(skb);
	__be32 v4;

	if (in->ifindex != d->wan_ifindex && in->ifindex != cfg->wan_ifindex)
		return false;
	/* Anything else to the device's address is the router's own. */
	return v4v6_addr_extract(&cfg->pref64, &ip6->saddr, &v4) ||
	       v4v6_is_icmp6_error(skb);
}

/*
 * RFC 7915 sets DF on translated packets over 1260 bytes so that IPv4
 * path MTU discovery works: if such a packet does not fit the LAN, its
 * IPv6 sender learns it from us. Fragments and reassembled packets go
 * without DF and are fragmented for the LAN instead. A GSO packet is
 * judged by its segments (gso.c).
 */
static bool v4v6_too_big_for_lan(const struct sk_buff *skb, unsigned int mtu4)
{
	unsigned int len4 = skb->len - sizeof(struct ipv6hdr) + sizeof(struct iphdr);

	if (skb_is_gso(skb))
		return v4v6_gso_plan6(skb, mtu4) == V4V6_GSO_TOO_BIG;
	/* ICMPv6 errors are cut to 576 bytes on the way: never too big. */
	return !IP6CB(skb)->frag_max_size &&
	       ipv6_hdr(skb)->nexthdr != NEXTHDR_FRAGMENT &&
	       len4 > V4V6_DF_THRESHOLD && len4 > mtu4 &&
	       !v4v6_is_icmp6_error(skb);
}

/* What the core refused: count it, and answer where RFC 7915 says. */
static void v4v6_refuse6(struct v4v6_net *vn, struct v4v6_device *d,
			 struct sk_buff *skb, enum v4v6_xlat_result res)
{
	struct v4v6_ipv6_info info;

	v4v6_count_result(vn, d, res);
	if (res == V4V6_XLAT_TTL) {
		icmpv6_send(skb, ICMPV6_TIME_EXCEED, ICMPV6_EXC_HOPLIMIT, 0);
	} else if (res == V4V6_XLAT_ROUTING) {
		/* The pointer is to Segments Left of the header that has some. */
		if (v4v6_ipv6_walk(skb, 0, skb->len, ipv6_hdr(skb)->nexthdr,
				   &info) == V4V6_XLAT_ROUTING)
			icmpv6_send(skb, ICMPV6_PARAMPROB, ICMPV6_HDR_FIELD,
				    info.l4off + offsetof(struct ipv6_rt_hdr,
							  segments_left));
	} else if (v4v6_result_prohibited(res) && v4v6_icmp6_off(skb) < 0) {
		/* Never about an ICMPv6 message (RFC 7915 section 5.4). */
		icmpv6_send(skb, ICMPV6_DEST_UNREACH, ICMPV6_ADM_PROHIBITED, 0);
	}
}

/* The device's route on the LAN. */
static struct rtable *v4v6_route4(struct net *net,
				  const struct v4v6_config *cfg,
				  const struct v4v6_device *d,
				  const struct sk_buff *skb)
{
	u8 dsfield = ipv6_get_dsfield(ipv6_hdr(skb));
	struct flowi4 fl4 = {
		.daddr = d->ip4,
		.flowi4_oif = cfg->lan_ifindex,
		.flowi4_mark = skb->mark,
		.flowi4_scope = RT_SCOPE_UNIVERSE,
	};

	v4v6_flowi4_set_dscp(&fl4, inet_dsfield_to_dscp(dsfield));
	return ip_route_output_key(net, &fl4);
}

/* The route of a translated packet whose destination NAT changed. */
static struct rtable *v4v6_route4_again(struct net *net,
					const struct v4v6_config *cfg,
					const struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct flowi4 fl4 = {
		.daddr = iph->daddr,
		.flowi4_oif = cfg->lan_ifindex,
		.flowi4_mark = skb->mark,
		.flowi4_scope = RT_SCOPE_UNIVERSE,
	};

	v4v6_flowi4_set_dscp(&fl4, inet_dsfield_to_dscp(iph->tos));
	return ip_route_output_key(net, &fl4);
}

/*
 * Past IPv4's PRE_ROUTING: connection tracking has said whether the packet
 * is a reply (conntrack.c), destination NAT may have changed where it goes.
 * Under "replies", the first packet of a flow from outside stops here
 * unless the device's allow rules let it in; the rest go through IPv4's
 * forward hooks, from the WAN to the LAN, and out.
 * Called by NF_HOOK() under RCU, at once or after a queue.
 */
static int v4v6_wan_pre_routed(struct net *net, struct sock *sk,
			       struct sk_buff *skb)
{
	struct v4v6_net *vn = v4v6_net(net);
	const struct v4v6_config *cfg = v4v6_active(vn);
	struct net_device *wan = NULL;
	struct v4v6_device *d = NULL;
	struct rtable *rt;

	if (cfg) {
		d = v4v6_device_by4(vn, ip_hdr(skb)->daddr);
		wan = dev_get_by_index_rcu(net, cfg->wan_ifindex);
	}
	if (!d || !wan)
		goto drop;
	if (cfg->inbound == V4V6_INBOUND_REPLIES && !v4v6_ct_is_reply(skb) &&
	    !v4v6_allow_match(d, skb)) {
		v4v6_count(vn, V4V6_STAT_INBOUND_UNSOLICITED);
		v4v6_device_unsolicited(d);
		goto drop;
	}
	if (!skb_dst(skb)) {
		rt = v4v6_route4_again(net, cfg, skb);
		if (IS_ERR(rt)) {
			v4v6_count(vn, V4V6_STAT_NO_ROUTE);
			v4v6_device_drop(d);
			goto drop;
		}
		skb_dst_set(skb, &rt->dst);
	}
	return NF_HOOK(NFPROTO_IPV4, NF_INET_FORWARD, net, sk, skb, wan,
		       skb_dst(skb)->dev, dst_output);
drop:
	kfree_skb(skb);
	return 0;
}

/* A reassembled packet was fragments: it leaves as fragments, without DF. */
static void v4v6_clear_df(struct sk_buff *skb)
{
	struct iphdr *iph = ip_hdr(skb);

	if (iph->frag_off & htons(IP_DF)) {
		iph->frag_off &= ~htons(IP_DF);
		ip_send_check(iph);
	}
}

/*
 * Translate @skb (one packet, or a GSO packet the translator carries) for
 * the device and send it on @dst, whose reference this takes. Return:
 * whether it was sent; if not, it was counted and is the caller's to drop.
 */
static bool v4v6_send4(struct net *net, struct v4v6_net *vn,
		       struct v4v6_device *d, struct sk_buff *skb,
		       const struct v4v6_xlat *x, struct dst_entry *dst,
		       struct net_device *wan)
{
	bool reassembled = IP6CB(skb)->frag_max_size;
	unsigned int len = skb->len, mtu = dst_mtu(dst);
	enum v4v6_xlat_result res;

	if (v4v6_too_big_for_lan(skb, mtu)) {
		icmpv6_send(skb, ICMPV6_PKT_TOOBIG, 0,
			    max_t(u32, IPV6_MIN_MTU, mtu +
				  sizeof(struct ipv6hdr) - sizeof(struct iphdr)));
		dst_release(dst);
		v4v6_count(vn, V4V6_STAT_TOO_BIG_LAN);
		v4v6_device_drop(d);
		return false;
	}
	res = v4v6_xlat_6to4(skb, x);
	if (res != V4V6_XLAT_OK) {
		dst_release(dst);
		v4v6_refuse6(vn, d, skb, res);
		return false;
	}
	if (reassembled)
		v4v6_clear_df(skb);
	v4v6_scrub(skb);
	skb_dst_set(skb, dst);
	v4v6_count(vn, V4V6_STAT_XLAT_6TO4);
	v4v6_device_count(d, false, len);
	/* IPv4's PRE_ROUTING, as if it had come in on the WAN as IPv4. */
	NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, net, NULL, skb, wan, NULL,
		v4v6_wan_pre_routed);
	return true;
}

/*
 * A GSO packet the translator cannot carry whole: segmented in software,
 * each segment then a packet of its own. Takes @dst's reference.
 */
static unsigned int v4v6_split6(struct net *net, struct v4v6_net *vn,
				struct v4v6_device *d, struct sk_buff *skb,
				const struct v4v6_xlat *x, struct dst_entry *dst,
				struct net_device *wan)
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
		if (!v4v6_send4(net, vn, d, seg, x, dst_clone(dst), wan))
			kfree_skb(seg);
	}
	dst_release(dst);
	return NF_STOLEN;
}

/**
 * v4v6_from_wan() - an IPv6 packet that arrived from the IPv6 network
 * @net: the namespace
 * @vn: its instance
 * @cfg: its configuration, translation on
 * @skb: the packet, before routing
 * @in: the interface it came in on: the WAN or a device's identity
 *
 * Return: NF_ACCEPT for packets v4v6 leaves to the IPv6 stack, NF_STOLEN
 * for those it translated (and handed to IPv4's hooks), NF_DROP for those
 * it refused.
 */
unsigned int v4v6_from_wan(struct net *net, struct v4v6_net *vn,
			   const struct v4v6_config *cfg, struct sk_buff *skb,
			   struct net_device *in)
{
	struct v4v6_xlat x = {
		.pref64 = &cfg->pref64,
		.local4 = v4v6_local4,
		.net = net,
		.lan_ifindex = cfg->lan_ifindex,
	};
	struct net_device *wan;
	struct v4v6_device *d;
	unsigned int verdict;
	struct rtable *rt;

	d = v4v6_device_by6(vn, &ipv6_hdr(skb)->daddr);
	if (!d || !v4v6_for_device(cfg, d, skb, in))
		return NF_ACCEPT;
	if (unlikely(d->wan_gone[0])) {
		v4v6_count(vn, V4V6_STAT_IDENTITY_GONE);
		v4v6_device_drop(d);
		return NF_DROP;
	}
	/* The firewall sees it coming in on the WAN, as IPv4. */
	wan = dev_get_by_index_rcu(net, cfg->wan_ifindex);
	if (!wan)
		return NF_DROP;

	rt = v4v6_route4(net, cfg, d, skb);
	if (IS_ERR(rt)) {
		v4v6_count(vn, V4V6_STAT_NO_ROUTE);
		v4v6_device_drop(d);
		return NF_DROP;
	}
	x.dev4 = d->ip4;
	x.dev6 = d->ip6;
	x.lowest_mtu = cfg->lowest_mtu;
	x.mtu4 = dst_mtu(&rt->dst);
	if (v4v6_gso_plan6(skb, dst_mtu(&rt->dst)) == V4V6_GSO_SPLIT)
		verdict = v4v6_split6(net, vn, d, skb, &x, &rt->dst, wan);
	else
		verdict = v4v6_send4(net, vn, d, skb, &x, &rt->dst, wan) ?
			  NF_STOLEN : NF_DROP;
	if (verdict == NF_STOLEN)
		v4v6_device_seen(d);
	return verdict;
}
