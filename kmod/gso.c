// SPDX-License-Identifier: GPL-2.0
/*
 * GSO packets in the data path: which ones the translator carries as they
 * are, and the software segmentation of the others.
 *
 * GRO hands a router packets of many segments. The translator rewrites the
 * headers of one packet, which is right for TCP and UDP GSO, whose segments
 * the stack (or the device) cuts after it from those headers. It is wrong
 * for everything else: fraglist GRO (rx-gro-list, OpenWrt's default) keeps
 * each segment with its own headers on the frag_list, tunnel types carry
 * headers the translator does not know, and BIG TCP's lengths do not fit an
 * IP header. Those are segmented in software first, as the stack does for a
 * device that cannot take them, and each segment is translated as a packet
 * of its own.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "path.h"

/*
 * The bytes past the IP headers of each full segment of a GSO packet of a
 * type the translator carries: its transport header and gso_size. 0 if the
 * transport header cannot be read.
 */
static unsigned int v4v6_gso_l4seg(const struct sk_buff *skb,
				   unsigned int l4off)
{
	struct tcphdr _th;
	const struct tcphdr *th;

	if (skb_shinfo(skb)->gso_type & SKB_GSO_UDP_L4)
		return sizeof(struct udphdr) + skb_shinfo(skb)->gso_size;
	th = skb_header_pointer(skb, l4off, sizeof(_th), &_th);
	if (!th || th->doff < sizeof(*th) / 4)
		return 0;
	return th->doff * 4 + skb_shinfo(skb)->gso_size;
}

/**
 * v4v6_gso_plan4() - how to take an IPv4 packet from the LAN
 * @skb: the packet, its data at its IPv4 header (checked by the IPv4 stack)
 * @mtu6: the lowest IPv6 MTU it goes through, 0 for none
 *
 * A GSO packet is segmented first if its type is not one the translator
 * carries, if it is BIG TCP (total length 0), or if its segments are too
 * big for @mtu6 without DF: each is then cut into IPv6 fragments as a
 * packet of that size would be. With DF the translator refuses it by the
 * size of its segments (Fragmentation Needed), as it does one segment.
 *
 * Return: %V4V6_GSO_WHOLE or %V4V6_GSO_SPLIT.
 */
enum v4v6_gso_plan v4v6_gso_plan4(const struct sk_buff *skb, unsigned int mtu6)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int seg;

	if (!skb_is_gso(skb))
		return V4V6_GSO_WHOLE;
	if (!iph->tot_len || ip_is_fragment(iph) ||
	    !v4v6_gso_carried(skb_shinfo(skb)->gso_type, false, iph->protocol))
		return V4V6_GSO_SPLIT;
	if (!mtu6 || (iph->frag_off & htons(IP_DF)))
		return V4V6_GSO_WHOLE;
	seg = v4v6_gso_l4seg(skb, iph->ihl * 4);
	return seg && seg + sizeof(struct ipv6hdr) <= mtu6 ? V4V6_GSO_WHOLE :
							     V4V6_GSO_SPLIT;
}

/**
 * v4v6_gso_plan6() - how to take an IPv6 GSO packet for the LAN
 * @skb: the packet, its data at its IPv6 header
 * @mtu4: the LAN's MTU
 *
 * Segmented first: a type the translator does not carry, BIG TCP (payload
 * length 0, with or without a Hop-by-Hop jumbo option), and segments too
 * big for @mtu4 that leave without DF (1260 bytes or less, RFC 7915
 * section 5.1), which the IPv4 stack then fragments. Segments too big with
 * DF get the sender Packet Too Big, as one of them would.
 *
 * Return: %V4V6_GSO_WHOLE (also for a packet that is not GSO),
 * %V4V6_GSO_SPLIT or %V4V6_GSO_TOO_BIG.
 */
enum v4v6_gso_plan v4v6_gso_plan6(const struct sk_buff *skb, unsigned int mtu4)
{
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;
	unsigned int seg;
	__be16 frag_off;
	int l4off;

	if (!skb_is_gso(skb))
		return V4V6_GSO_WHOLE;
	if (!ipv6_hdr(skb)->payload_len)
		return V4V6_GSO_SPLIT;
	l4off = ipv6_skip_exthdr(skb, sizeof(struct ipv6hdr), &nexthdr, &frag_off);
	if (l4off < 0 || frag_off ||
	    !v4v6_gso_carried(skb_shinfo(skb)->gso_type, true, nexthdr))
		return V4V6_GSO_SPLIT;
	seg = v4v6_gso_l4seg(skb, l4off);
	if (!seg)
		return V4V6_GSO_SPLIT;
	seg += sizeof(struct iphdr);
	if (seg <= mtu4)
		return V4V6_GSO_WHOLE;
	return seg > V4V6_DF_THRESHOLD ? V4V6_GSO_TOO_BIG : V4V6_GSO_SPLIT;
}

/* The Hop-by-Hop header of BIG TCP over IPv6 (struct hop_jumbo_hdr). */
struct v4v6_jumbo {
	u8 nexthdr;
	u8 hdrlen;
	u8 tlv_type;
	u8 tlv_len;
	__be32 jumbo_payload_len;
};

/*
 * BIG TCP over IPv6 (kernels 6.0 to 6.x): GRO put a Hop-by-Hop jumbo option
 * behind the IPv6 header. The IPv6 segmentation removes it only where an
 * Ethernet header precedes the packet, which is not where a netfilter hook
 * sees it: remove it here, leaving payload length 0, as newer kernels' GRO
 * does.
 */
static int v4v6_gso_unjumbo(struct sk_buff *skb)
{
	const unsigned int hlen = sizeof(struct ipv6hdr) + sizeof(struct v4v6_jumbo);
	const struct v4v6_jumbo *j;
	u8 nexthdr;

	if (skb->protocol != htons(ETH_P_IPV6) || ipv6_hdr(skb)->payload_len ||
	    ipv6_hdr(skb)->nexthdr != NEXTHDR_HOP)
		return 0;
	if (skb_ensure_writable(skb, hlen))
		return -ENOMEM;
	j = (const struct v4v6_jumbo *)(ipv6_hdr(skb) + 1);
	if (j->hdrlen || j->tlv_type != IPV6_TLV_JUMBO)
		return 0;
	nexthdr = j->nexthdr;
	memmove(skb->data + sizeof(*j), skb->data, sizeof(struct ipv6hdr));
	__skb_pull(skb, sizeof(*j));
	skb_reset_network_header(skb);
	ipv6_hdr(skb)->nexthdr = nexthdr;
	return 0;
}

/**
 * v4v6_gso_segment() - cut a GSO packet into packets in software
 * @skb: the packet, its data at its IP header
 *
 * What the stack does for a device that cannot take the packet: the
 * segments of fraglist GRO are taken off the frag_list as they are (no
 * copy); other packets are cut, each segment with its checksum computed.
 * That allocates a buffer per segment: it is the path of packets the
 * translator cannot carry whole, never of TCP or UDP GSO that fits.
 *
 * Return: the segments, linked by their next pointers, with @skb consumed;
 * or an ERR_PTR, the caller still owning @skb.
 */
struct sk_buff *v4v6_gso_segment(struct sk_buff *skb)
{
	struct sk_buff *segs;
	int err;

	err = v4v6_gso_unjumbo(skb);
	if (err)
		return ERR_PTR(err);
	/* Not the transmit path: checksums may be CHECKSUM_UNNECESSARY. */
	segs = __skb_gso_segment(skb, NETIF_F_SG, false);
	if (IS_ERR(segs))
		return segs;
	if (!segs)
		return ERR_PTR(-EINVAL);
	/* Fraglist segmentation returns @skb, with a reference for us. */
	consume_skb(skb);
	return segs;
}
