// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4 to IPv6 (RFC 7915 section 4), in place.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>

#include "xlat.h"

/*
 * RFC 7915 section 4.1: options are dropped, but a packet with an
 * unexpired source route must not be translated. The options come from the
 * network before the stack has looked at them: each length is checked.
 */
static enum v4v6_xlat_result v4v6_ipv4_options(const u8 *opt, unsigned int len)
{
	unsigned int i = 0, olen;

	while (i < len) {
		if (opt[i] == IPOPT_END)
			break;
		if (opt[i] == IPOPT_NOOP) {
			i++;
			continue;
		}
		if (len - i < 2)
			return V4V6_XLAT_BAD_HEADER;
		olen = opt[i + 1];
		if (olen < 2 || olen > len - i)
			return V4V6_XLAT_BAD_HEADER;
		/* The pointer is 1-based: past the length, the route is done. */
		if ((opt[i] == IPOPT_LSRR || opt[i] == IPOPT_SSRR) && olen >= 3 &&
		    opt[i + 2] <= olen)
			return V4V6_XLAT_SOURCE_ROUTE;
		i += olen;
	}
	return V4V6_XLAT_OK;
}

/* The transport header of a first (or only) fragment. */
static enum v4v6_xlat_result
v4v6_l4_4to6(struct sk_buff *skb, const struct iphdr *iph, unsigned int l4off,
	     unsigned int csum_off, const struct in6_addr *s6,
	     const struct in6_addr *d6, bool frag)
{
	unsigned int l4len = ntohs(iph->tot_len) - l4off;
	__sum16 *check;
	__wsum diff;

	if (iph->protocol == IPPROTO_ICMP)
		return v4v6_icmp_echo_xlat(skb, l4off, true,
					   v4v6_pseudo6(s6, d6, l4len,
							IPPROTO_ICMPV6));

	check = (__sum16 *)(skb->data + l4off + csum_off);
	if (iph->protocol == IPPROTO_UDP && !*check) {
		/* IPv6 requires a UDP checksum (RFC 7915 section 4.5). */
		if (frag)
			return V4V6_XLAT_UDP_ZERO_CSUM_FRAG;
		*check = csum_ipv6_magic(s6, d6, l4len, IPPROTO_UDP,
					 skb_checksum(skb, l4off, l4len, 0));
		if (!*check)
			*check = CSUM_MANGLED_0;
		return V4V6_XLAT_OK;
	}
	/* Only the addresses of the pseudo-header change. */
	diff = csum_sub(csum_partial(s6, sizeof(*s6),
				     csum_partial(d6, sizeof(*d6), 0)),
			csum_partial(&iph->saddr, 2 * sizeof(__be32), 0));
	v4v6_csum_l4_diff(skb, check, diff);
	return V4V6_XLAT_OK;
}

/**
 * v4v6_fill_ipv6() - the IPv6 header (and Fragment header) for an IPv4 one
 * @p: where to write them
 * @iph: the IPv4 header
 * @s6: source address
 * @d6: destination address
 * @hop: hop limit
 * @l4len: bytes after the IPv4 header, as its total length says
 * @fh: add a Fragment header even to an unfragmented packet, which is to
 *	be fragmented
 *
 * Return: the bytes written: 40, or 48 with a Fragment header.
 */
unsigned int v4v6_fill_ipv6(u8 *p, const struct iphdr *iph,
			    const struct in6_addr *s6,
			    const struct in6_addr *d6, u8 hop,
			    unsigned int l4len, bool fh)
{
	struct ipv6hdr *ip6 = (struct ipv6hdr *)p;
	bool frag = fh || ip_is_fragment(iph);
	u8 proto = iph->protocol == IPPROTO_ICMP ? IPPROTO_ICMPV6 : iph->protocol;
	struct frag_hdr *f;
	u16 off;

	ip6_flow_hdr(ip6, iph->tos, 0);
	ip6->payload_len = htons(l4len + (frag ? sizeof(*f) : 0));
	ip6->nexthdr = frag ? NEXTHDR_FRAGMENT : proto;
	ip6->hop_limit = hop;
	ip6->saddr = *s6;
	ip6->daddr = *d6;
	if (!frag)
		return sizeof(*ip6);
	off = ntohs(iph->frag_off);
	f = (struct frag_hdr *)(ip6 + 1);
	f->nexthdr = proto;
	f->reserved = 0;
	f->frag_off = htons((off & IP_OFFSET) << 3 | (off & IP_MF ? IP6_MF : 0));
	f->identification = htonl(ntohs(iph->id));
	return sizeof(*ip6) + sizeof(*f);
}

/* Replace the IPv4 header of @skb by an IPv6 one (and a Fragment header). */
static enum v4v6_xlat_result
v4v6_push_ipv6(struct sk_buff *skb, const struct iphdr *iph,
	       const struct in6_addr *s6, const struct in6_addr *d6, bool fh)
{
	unsigned int hlen6 = sizeof(struct ipv6hdr) +
			     (fh || ip_is_fragment(iph) ? sizeof(struct frag_hdr) : 0);
	unsigned int hlen4 = iph->ihl * 4;
	int grow = hlen6 - hlen4;

	/* Room for the larger header, and a private copy of a cloned one. */
	if (skb_cow_head(skb, max(grow, 0)))
		return V4V6_XLAT_NOMEM;
	__skb_pull(skb, hlen4);
	skb_push(skb, hlen6);
	skb_reset_network_header(skb);
	v4v6_fill_ipv6(skb->data, iph, s6, d6, iph->ttl - 1,
		       ntohs(iph->tot_len) - hlen4, fh);
	skb_set_transport_header(skb, hlen6);
	skb->protocol = htons(ETH_P_IPV6);
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	v4v6_gso_fixup(skb, true, grow);
	return V4V6_XLAT_OK;
}

/**
 * v4v6_xlat_mtu4() - the MTU to report in Fragmentation Needed
 * @x: the translation, whose lowest IPv6 MTU it follows
 */
u32 v4v6_xlat_mtu4(const struct v4v6_xlat *x)
{
	return x->lowest_mtu - (sizeof(struct ipv6hdr) - sizeof(struct iphdr));
}

/*
 * RFC 7915 section 4.1 (and 6145's "lowest IPv6 MTU"): a packet whose
 * translation would not fit is refused if it has DF, so that its sender
 * learns the path MTU, or else given a Fragment header (@split) for
 * v4v6_fragment6() to cut. A GRO packet is judged by its segments.
 */
static enum v4v6_xlat_result v4v6_mtu_check(struct sk_buff *skb,
					    const struct v4v6_xlat *x,
					    const struct iphdr *iph, bool *split)
{
	unsigned int len6 = ntohs(iph->tot_len) - iph->ihl * 4 +
			    sizeof(struct ipv6hdr) +
			    (ip_is_fragment(iph) ? sizeof(struct frag_hdr) : 0);
	bool df = iph->frag_off & htons(IP_DF);

	*split = false;
	if (!x->lowest_mtu)
		return V4V6_XLAT_OK;
	if (skb_is_gso(skb)) {
		/* The segment length is read from the transport header. */
		if (!pskb_may_pull(skb, iph->ihl * 4 + sizeof(struct tcphdr)))
			return V4V6_XLAT_TRUNCATED;
		skb_set_transport_header(skb, iph->ihl * 4);
		if (df && !skb_gso_validate_network_len(skb, v4v6_xlat_mtu4(x)))
			return V4V6_XLAT_FRAG_NEEDED;
		return V4V6_XLAT_OK;
	}
	if (len6 <= x->lowest_mtu)
		return V4V6_XLAT_OK;
	if (df)
		return V4V6_XLAT_FRAG_NEEDED;
	*split = !ip_is_fragment(iph);
	return V4V6_XLAT_OK;
}

/**
 * v4v6_fragment6() - cut an IPv6 packet with a Fragment header to fit @mtu
 * @skb: the packet, as v4v6_xlat_4to6() left it
 * @mtu: the largest fragment, 56 or more
 * @list: gets the fragments, in order
 *
 * Every fragment carries the Fragment header's identification; offsets add
 * to the packet's own (it may be a fragment already), and the last one
 * keeps its M flag. A checksum left to the device is finished first, as
 * ip6_fragment() does: the fragments are copies that no device completes.
 * This is the slow path of packets too big without DF: it allocates.
 *
 * Return: 0 with @skb consumed, or a negative errno with @skb untouched.
 */
int v4v6_fragment6(struct sk_buff *skb, unsigned int mtu,
		   struct sk_buff_head *list)
{
	const unsigned int hlen = sizeof(struct ipv6hdr) + sizeof(struct frag_hdr);
	unsigned int off, chunk, total, max;
	struct frag_hdr *fh;
	struct sk_buff *n;
	u16 base;
	bool m;

	__skb_queue_head_init(list);
	if (!pskb_may_pull(skb, hlen) || ipv6_hdr(skb)->nexthdr != NEXTHDR_FRAGMENT ||
	    mtu < hlen + 8)
		return -EINVAL;
	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		return -ENOMEM;
	fh = (struct frag_hdr *)(ipv6_hdr(skb) + 1);
	base = ntohs(fh->frag_off) & IP6_OFFSET;
	m = fh->frag_off & htons(IP6_MF);
	total = skb->len - hlen;
	max = (mtu - hlen) & ~7;
	for (off = 0; off < total; off += chunk) {
		chunk = min(max, total - off);
		n = alloc_skb(LL_MAX_HEADER + hlen + chunk, GFP_ATOMIC);
		if (!n) {
			__skb_queue_purge(list);
			return -ENOMEM;
		}
		skb_reserve(n, LL_MAX_HEADER);
		skb_put_data(n, skb->data, hlen);
		if (skb_copy_bits(skb, hlen + off, skb_put(n, chunk), chunk))
			WARN_ON_ONCE(1);	/* within skb->len: cannot fail */
		skb_reset_network_header(n);
		skb_set_transport_header(n, hlen);
		ipv6_hdr(n)->payload_len = htons(sizeof(*fh) + chunk);
		fh = (struct frag_hdr *)(ipv6_hdr(n) + 1);
		fh->frag_off = htons((base + off) |
				     (off + chunk < total || m ? IP6_MF : 0));
		n->protocol = htons(ETH_P_IPV6);
		n->dev = skb->dev;
		n->mark = skb->mark;
		n->priority = skb->priority;
		__skb_queue_tail(list, n);
	}
	consume_skb(skb);
	return 0;
}

/**
 * v4v6_xlat_4to6() - translate an IPv4 packet from a device to IPv6
 * @skb: the packet, its data starting at the IPv4 header
 * @x: the device's addresses and the NAT64 prefix
 *
 * The source must be the device's IPv4 address; it becomes the device's
 * IPv6 address. The destination becomes its IPv4-embedded form. The TTL is
 * decremented, as by any router. IPv4 options are dropped. A fragment keeps
 * its identification, offset and MF flag in a Fragment header.
 *
 * Return: V4V6_XLAT_OK with @skb now IPv6, or why not: the caller drops
 * @skb then. For V4V6_XLAT_TTL @skb is untouched, so that an ICMP error can
 * quote it.
 */
enum v4v6_xlat_result v4v6_xlat_4to6(struct sk_buff *skb,
				     const struct v4v6_xlat *x)
{
	unsigned int hlen4, tot, need = 0;
	struct in6_addr s6 = x->dev6, d6;
	enum v4v6_xlat_result res;
	bool frag, first, split;
	struct iphdr iph;
	int csum_off;

	skb_reset_network_header(skb);
	if (!pskb_may_pull(skb, sizeof(iph)))
		return V4V6_XLAT_TRUNCATED;
	iph = *ip_hdr(skb);
	hlen4 = iph.ihl * 4;
	tot = ntohs(iph.tot_len);
	if (iph.version != 4 || hlen4 < sizeof(iph) || tot < hlen4)
		return V4V6_XLAT_BAD_HEADER;
	if (tot > skb->len || !pskb_may_pull(skb, hlen4))
		return V4V6_XLAT_TRUNCATED;
	if (pskb_trim_rcsum(skb, tot))
		return V4V6_XLAT_NOMEM;
	if (iph.ttl <= 1)
		return V4V6_XLAT_TTL;
	if (iph.saddr != x->dev4)
		return V4V6_XLAT_NOT_MAPPED;
	if (!v4v6_addr_translatable(x->pref64, iph.daddr))
		return V4V6_XLAT_NOT_GLOBAL;
	res = v4v6_ipv4_options((const u8 *)(ip_hdr(skb) + 1), hlen4 - sizeof(iph));
	if (res != V4V6_XLAT_OK)
		return res;

	frag = ip_is_fragment(&iph);
	first = !(iph.frag_off & htons(IP_OFFSET));
	if (frag && iph.protocol == IPPROTO_ICMP)
		return V4V6_XLAT_ICMP_FRAG;
	v4v6_addr_synth(x->pref64, iph.daddr, &d6);

	/* Errors are cut to 1280 bytes: never too big (RFC 7915 4.2). */
	if (iph.protocol == IPPROTO_ICMP && tot - hlen4 >= sizeof(struct icmphdr)) {
		u8 type;

		if (skb_copy_bits(skb, hlen4, &type, 1))
			return V4V6_XLAT_TRUNCATED;
		if (v4v6_icmp4_is_error(type))
			return v4v6_icmp_err_4to6(skb, x, &iph, &s6, &d6);
	}
	res = v4v6_mtu_check(skb, x, &iph, &split);
	if (res != V4V6_XLAT_OK)
		return res;

	csum_off = v4v6_l4_csum_offset(iph.protocol, false, &need);
	if (first && csum_off >= 0) {
		if (tot - hlen4 < need)
			return V4V6_XLAT_TRUNCATED;
		if (skb_ensure_writable(skb, hlen4 + need))
			return V4V6_XLAT_NOMEM;
		res = v4v6_l4_4to6(skb, &iph, hlen4, csum_off, &s6, &d6, frag);
		if (res != V4V6_XLAT_OK)
			return res;
	}
	return v4v6_push_ipv6(skb, &iph, &s6, &d6, split);
}
