// SPDX-License-Identifier: GPL-2.0
/*
 * IPv6 to IPv4 (RFC 7915 section 5), in place.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/random.h>
#include <net/dsfield.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "xlat.h"

/**
 * v4v6_ipv6_walk() - walk the extension headers of an IPv6 packet
 * @skb: the packet
 * @base: offset of its IPv6 header in @skb
 * @end: offset where its headers must end
 * @nexthdr: the IPv6 header's next header
 * @info: what the walk found
 *
 * RFC 7915 section 5.1: hop-by-hop, destination options and routing headers
 * without segments left are dropped, the Fragment header becomes IPv4
 * fragmentation. Extension headers after a Fragment header are part of
 * what was fragmented: they cannot be dropped from the first fragment
 * without breaking the offsets of the others, and the others would carry
 * them as a protocol. Such packets are refused, fragment by fragment; AH
 * too, whose integrity check translation breaks anyway.
 */
enum v4v6_xlat_result v4v6_ipv6_walk(const struct sk_buff *skb,
				     unsigned int base, unsigned int end,
				     u8 nexthdr, struct v4v6_ipv6_info *info)
{
	unsigned int off = base + sizeof(struct ipv6hdr);
	struct ipv6_rt_hdr rt;

	info->frag = false;
	info->first = true;
	if (off > end)
		return V4V6_XLAT_TRUNCATED;
	for (;;) {
		switch (nexthdr) {
		case NEXTHDR_HOP:
			if (off != base + sizeof(struct ipv6hdr))
				return V4V6_XLAT_EXT_HEADER;
			fallthrough;
		case NEXTHDR_DEST:
		case NEXTHDR_ROUTING:
			if (off + 8 > end || skb_copy_bits(skb, off, &rt, sizeof(rt)))
				return V4V6_XLAT_TRUNCATED;
			if (nexthdr == NEXTHDR_ROUTING && rt.segments_left) {
				info->l4off = off;
				return V4V6_XLAT_ROUTING;
			}
			off += ipv6_optlen(&rt);
			nexthdr = rt.nexthdr;
			break;
		case NEXTHDR_FRAGMENT:
			if (info->frag)
				return V4V6_XLAT_EXT_HEADER;
			if (off + sizeof(info->fh) > end ||
			    skb_copy_bits(skb, off, &info->fh, sizeof(info->fh)))
				return V4V6_XLAT_TRUNCATED;
			info->frag = true;
			info->first = !(info->fh.frag_off & htons(IP6_OFFSET));
			off += sizeof(info->fh);
			nexthdr = info->fh.nexthdr;
			if (nexthdr == NEXTHDR_HOP || nexthdr == NEXTHDR_DEST ||
			    nexthdr == NEXTHDR_ROUTING || nexthdr == NEXTHDR_FRAGMENT ||
			    nexthdr == NEXTHDR_AUTH)
				return V4V6_XLAT_EXT_HEADER;
			/* Later fragments carry no further headers. */
			if (!info->first)
				goto out;
			break;
		default:
			goto out;
		}
		if (off > end)
			return V4V6_XLAT_TRUNCATED;
	}
out:
	info->l4off = off;
	info->proto = nexthdr;
	return V4V6_XLAT_OK;
}

/* The transport header of a first (or only) fragment. */
static enum v4v6_xlat_result
v4v6_l4_6to4(struct sk_buff *skb, const struct ipv6hdr *ip6,
	     const struct v4v6_ipv6_info *info, unsigned int l4len,
	     unsigned int csum_off, __be32 s4, __be32 d4)
{
	__be32 addrs[2] = { s4, d4 };
	__sum16 *check;
	__wsum diff;

	if (info->proto == IPPROTO_ICMPV6)
		return v4v6_icmp_echo_xlat(skb, info->l4off, false,
					   v4v6_pseudo6(&ip6->saddr, &ip6->daddr,
							l4len, IPPROTO_ICMPV6));

	check = (__sum16 *)(skb->data + info->l4off + csum_off);
	/* A zero UDP checksum means none in IPv4: keep it so. */
	if (info->proto == IPPROTO_UDP && !*check)
		return V4V6_XLAT_OK;
	diff = csum_sub(csum_partial(addrs, sizeof(addrs), 0),
			csum_partial(&ip6->saddr, 2 * sizeof(struct in6_addr), 0));
	v4v6_csum_l4_diff(skb, check, diff);
	return V4V6_XLAT_OK;
}

/**
 * v4v6_fill_ipv4() - the IPv4 header for an IPv6 one
 * @iph: where to write it
 * @ip6: the IPv6 header
 * @info: what its extension headers said
 * @l4len: bytes after its extension headers, as its payload length says
 * @s4: source address
 * @d4: destination address
 * @ttl: time to live
 * @quoted: the header quoted in an ICMP error: identification 0, as the
 *	original one is not known
 */
void v4v6_fill_ipv4(struct iphdr *iph, const struct ipv6hdr *ip6,
		    const struct v4v6_ipv6_info *info, unsigned int l4len,
		    __be32 s4, __be32 d4, u8 ttl, bool quoted)
{
	iph->version = 4;
	iph->ihl = sizeof(*iph) / 4;
	iph->tos = ipv6_get_dsfield(ip6);
	iph->tot_len = htons(sizeof(*iph) + l4len);
	if (info->frag) {
		u16 off = ntohs(info->fh.frag_off);

		iph->id = htons(ntohl(info->fh.identification) & 0xffff);
		iph->frag_off = htons((off & IP6_OFFSET) >> 3 |
				      (off & IP6_MF ? IP_MF : 0));
	} else if (sizeof(*iph) + l4len > V4V6_DF_THRESHOLD) {
		iph->id = 0;
		iph->frag_off = htons(IP_DF);
	} else {
		iph->id = quoted ? 0 : htons(get_random_u16());
		iph->frag_off = 0;
	}
	iph->ttl = ttl;
	iph->protocol = info->proto == IPPROTO_ICMPV6 ? IPPROTO_ICMP : info->proto;
	iph->saddr = s4;
	iph->daddr = d4;
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
}

/* Replace the IPv6 headers of @skb by an IPv4 header. */
static void v4v6_push_ipv4(struct sk_buff *skb, const struct ipv6hdr *ip6,
			   const struct v4v6_ipv6_info *info,
			   unsigned int l4len, __be32 s4, __be32 d4)
{
	__skb_pull(skb, info->l4off);
	skb_push(skb, sizeof(struct iphdr));
	skb_reset_network_header(skb);
	v4v6_fill_ipv4(ip_hdr(skb), ip6, info, l4len, s4, d4, ip6->hop_limit - 1,
		       false);
	skb_set_transport_header(skb, sizeof(struct iphdr));
	skb->protocol = htons(ETH_P_IP);
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	v4v6_gso_fixup(skb, false, (int)sizeof(struct iphdr) - (int)info->l4off);
}

/**
 * v4v6_xlat_6to4() - translate an IPv6 packet for a device to IPv4
 * @skb: the packet, its data starting at the IPv6 header
 * @x: the device's addresses and the NAT64 prefix
 *
 * The destination must be the device's IPv6 address; it becomes the
 * device's IPv4 address. The source must lie in the NAT64 prefix; it becomes
 * the IPv4 address embedded in it, which must not be a martian
 * (v4v6_xlat_martian()). The hop limit is decremented.
 *
 * Return: V4V6_XLAT_OK with @skb now IPv4, or why not: the caller drops
 * @skb then. For V4V6_XLAT_TTL and V4V6_XLAT_ROUTING @skb is untouched, so
 * that an ICMPv6 error can quote it.
 */
enum v4v6_xlat_result v4v6_xlat_6to4(struct sk_buff *skb,
				     const struct v4v6_xlat *x)
{
	struct v4v6_ipv6_info info;
	unsigned int end, l4len, need = 0;
	enum v4v6_xlat_result res;
	struct ipv6hdr ip6;
	__be32 s4;
	int csum_off;

	skb_reset_network_header(skb);
	if (!pskb_may_pull(skb, sizeof(ip6)))
		return V4V6_XLAT_TRUNCATED;
	ip6 = *ipv6_hdr(skb);
	/*
	 * A payload length of 0 is an empty packet (a jumbogram's would end
	 * in its hop-by-hop header and be refused as truncated).
	 */
	if (ip6.version != 6)
		return V4V6_XLAT_BAD_HEADER;
	end = sizeof(ip6) + ntohs(ip6.payload_len);
	if (end > skb->len)
		return V4V6_XLAT_TRUNCATED;
	if (pskb_trim_rcsum(skb, end))
		return V4V6_XLAT_NOMEM;
	if (ip6.hop_limit <= 1)
		return V4V6_XLAT_TTL;
	if (!ipv6_addr_equal(&ip6.daddr, &x->dev6))
		return V4V6_XLAT_NOT_MAPPED;
	res = v4v6_ipv6_walk(skb, 0, end, ip6.nexthdr, &info);
	if (res != V4V6_XLAT_OK)
		return res;
	l4len = end - info.l4off;
	if (sizeof(struct iphdr) + l4len > IP_MAX_MTU)
		return V4V6_XLAT_TOO_BIG;
	/* An atomic fragment (offset 0, no M) is whole (RFC 6946). */
	if (info.frag && info.proto == IPPROTO_ICMPV6 &&
	    (info.fh.frag_off & htons(IP6_OFFSET | IP6_MF)))
		return V4V6_XLAT_ICMP_FRAG;
	if (info.proto == IPPROTO_ICMPV6 && l4len >= sizeof(struct icmp6hdr)) {
		u8 type;

		if (skb_copy_bits(skb, info.l4off, &type, 1))
			return V4V6_XLAT_TRUNCATED;
		/* Errors may come from IPv6 routers outside the prefix. */
		if (v4v6_icmp6_is_error(type))
			return v4v6_icmp_err_6to4(skb, x, &ip6, &info, end);
	}
	if (!v4v6_addr_extract(x->pref64, &ip6.saddr, &s4))
		return V4V6_XLAT_NOT_MAPPED;
	if (!v4v6_addr_translatable(x->pref64, s4))
		return V4V6_XLAT_NOT_GLOBAL;
	if (v4v6_xlat_martian(x, s4))
		return V4V6_XLAT_MARTIAN;

	csum_off = v4v6_l4_csum_offset(info.proto, true, &need);
	if (info.first && csum_off >= 0) {
		if (l4len < need)
			return V4V6_XLAT_TRUNCATED;
		if (skb_ensure_writable(skb, info.l4off + need))
			return V4V6_XLAT_NOMEM;
		res = v4v6_l4_6to4(skb, &ip6, &info, l4len, csum_off, s4,
				   x->dev4);
		if (res != V4V6_XLAT_OK)
			return res;
	}
	/* The new header overwrites the old: it must be ours, and linear. */
	if (skb_ensure_writable(skb, info.l4off))
		return V4V6_XLAT_NOMEM;
	v4v6_push_ipv4(skb, &ip6, &info, l4len, s4, x->dev4);
	return V4V6_XLAT_OK;
}
