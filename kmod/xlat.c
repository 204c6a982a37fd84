// SPDX-License-Identifier: GPL-2.0
/*
 * What both translation directions share.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

#include "xlat.h"

static const char * const v4v6_xlat_texts[__V4V6_XLAT_MAX] = {
	[V4V6_XLAT_OK] = "translated",
	[V4V6_XLAT_TRUNCATED] = "headers shorter than they claim",
	[V4V6_XLAT_BAD_HEADER] = "malformed IP header",
	[V4V6_XLAT_NOMEM] = "no memory to rewrite the packet",
	[V4V6_XLAT_TTL] = "TTL or hop limit expired",
	[V4V6_XLAT_NOT_MAPPED] = "address outside the mapping",
	[V4V6_XLAT_NOT_GLOBAL] = "non-global IPv4 address under 64:ff9b::/96",
	[V4V6_XLAT_UDP_ZERO_CSUM_FRAG] = "fragmented UDP without checksum",
	[V4V6_XLAT_ICMP_FRAG] = "fragmented ICMP",
	[V4V6_XLAT_ICMP_TYPE] = "ICMP type not translated",
	[V4V6_XLAT_EXT_HEADER] = "malformed IPv6 extension headers",
	[V4V6_XLAT_ROUTING] = "routing header with segments left",
	[V4V6_XLAT_TOO_BIG] = "too big for an IPv4 header",
	[V4V6_XLAT_ICMP_CSUM] = "ICMP error with a bad checksum",
	[V4V6_XLAT_FRAG_NEEDED] = "too big for the lowest IPv6 MTU, with DF",
	[V4V6_XLAT_SOURCE_ROUTE] = "unexpired IPv4 source route",
	[V4V6_XLAT_MARTIAN] = "IPv4 address of the router, its LAN or no host",
};

const char *v4v6_xlat_reason(enum v4v6_xlat_result r)
{
	return r < __V4V6_XLAT_MAX ? v4v6_xlat_texts[r] : "unknown";
}

/**
 * v4v6_xlat_martian() - whether an IPv4 address from the IPv6 side is forged
 * @x: the translation, its @local4 set by the caller or NULL
 * @v4: the IPv4 address embedded in a source from the NAT64 prefix (or in
 *	the destination of a packet an ICMPv6 error quotes)
 *
 * Under any prefix: a block no remote host has (v4v6_addr_martian()), or
 * an address the router knows as its own or its LAN's (@x->local4). The
 * device would take such a packet as one from itself, its gateway, its DNS
 * server or a neighbour.
 */
bool v4v6_xlat_martian(const struct v4v6_xlat *x, __be32 v4)
{
	return v4v6_addr_martian(v4) || (x->local4 && x->local4(x, v4));
}

/**
 * v4v6_csum_update() - a finished checksum after its data gained @diff
 * @check: the checksum
 * @diff: what the checksummed data (pseudo-header included) gained
 *
 * The incremental update (RFC 1624) can give 0x0000 where a checksum
 * computed from scratch gives 0xffff, its one's complement twin. Both
 * verify, except that a UDP checksum of 0 means "none" (dropped in IPv6,
 * unchecked in IPv4) and that data summing to zero needs 0xffff: the
 * result is never 0.
 *
 * Return: the new checksum.
 */
__sum16 v4v6_csum_update(__sum16 check, __wsum diff)
{
	__sum16 sum = csum_fold(csum_add(diff, ~csum_unfold(check)));

	return sum ?: CSUM_MANGLED_0;
}

/**
 * v4v6_csum_l4_diff() - add @diff to a TCP, UDP or ICMPv6 checksum
 * @skb: the packet
 * @check: the checksum field
 * @diff: what the checksummed data (pseudo-header included) gained
 *
 * A wrong checksum stays as wrong (but never 0, see v4v6_csum_update()).
 * With CHECKSUM_PARTIAL (GSO or a local sender's offload) the field holds
 * the uncomplemented pseudo-header sum the device will complete, so @diff
 * is added to it as such.
 */
void v4v6_csum_l4_diff(struct sk_buff *skb, __sum16 *check, __wsum diff)
{
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		*check = ~csum_fold(csum_add(diff, csum_unfold(*check)));
	else
		*check = v4v6_csum_update(*check, diff);
}

/**
 * v4v6_pseudo6() - the unfolded sum of an IPv6 pseudo-header (RFC 8200 8.1)
 * @s: source address
 * @d: destination address
 * @len: upper-layer packet length
 * @proto: next header
 */
__wsum v4v6_pseudo6(const struct in6_addr *s, const struct in6_addr *d,
		    u32 len, u8 proto)
{
	return ~csum_unfold(csum_ipv6_magic(s, d, len, proto, 0));
}

/**
 * v4v6_l4_csum_offset() - where a transport header keeps its checksum
 * @proto: the protocol, as the packet's own header says
 * @v6: the packet is IPv6 (ICMPv6 is its ICMP), else IPv4 (ICMP)
 * @hdrlen: set to the bytes of that header that must be present
 *
 * ICMP of the other family (protocol 58 in IPv4, next header 1 in IPv6)
 * is no protocol a translator knows: RFC 7915 copies the protocol number,
 * so it passes untouched, its checksum too.
 *
 * Return: the checksum's offset in the header, or -1 for a protocol whose
 * checksum (if any) is not translated: it passes untouched.
 */
int v4v6_l4_csum_offset(u8 proto, bool v6, unsigned int *hdrlen)
{
	bool icmp6 = proto == IPPROTO_ICMPV6;

	switch (proto) {
	case IPPROTO_TCP:
		*hdrlen = sizeof(struct tcphdr);
		return offsetof(struct tcphdr, check);
	case IPPROTO_UDP:
		*hdrlen = sizeof(struct udphdr);
		return offsetof(struct udphdr, check);
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		if (icmp6 != v6)
			return -1;
		*hdrlen = sizeof(struct icmphdr);
		return offsetof(struct icmphdr, checksum);
	}
	return -1;
}

/**
 * v4v6_icmp_echo_map() - translate an echo type (RFC 7915 4.2, 5.2)
 * @type: an ICMP type (ICMPv6 if !@to6), rewritten to the other family's
 * @to6: the direction
 *
 * Return: whether @type was an echo request or reply; every other query
 * type (timestamps, router, neighbour and multicast listener messages) is
 * single-hop or obsolete and is not translated.
 */
bool v4v6_icmp_echo_map(u8 *type, bool to6)
{
	static const u8 echo[2][2] = {
		{ ICMP_ECHO, ICMPV6_ECHO_REQUEST },
		{ ICMP_ECHOREPLY, ICMPV6_ECHO_REPLY },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(echo); i++) {
		if (*type == echo[i][!to6]) {
			*type = echo[i][to6];
			return true;
		}
	}
	return false;
}

/**
 * v4v6_icmp_echo_xlat() - translate the echo message at @l4off in place
 * @skb: the packet
 * @l4off: offset of its ICMP or ICMPv6 header, 8 bytes writable
 * @to6: the direction
 * @pseudo: the sum of the ICMPv6 pseudo-header, which ICMPv4 lacks: added
 *	towards IPv6, taken away towards IPv4
 */
enum v4v6_xlat_result v4v6_icmp_echo_xlat(struct sk_buff *skb,
					  unsigned int l4off, bool to6,
					  __wsum pseudo)
{
	__be16 old, *word;
	__wsum diff;

	/* ICMP checksums are software-computed; settle an offloaded one. */
	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		return V4V6_XLAT_NOMEM;
	word = (__be16 *)(skb->data + l4off);
	old = *word;
	if (!v4v6_icmp_echo_map((u8 *)word, to6))
		return V4V6_XLAT_ICMP_TYPE;
	diff = v4v6_csum_words(old, *word);
	diff = to6 ? csum_add(diff, pseudo) : csum_sub(diff, pseudo);
	v4v6_csum_l4_diff(skb, (__sum16 *)(word + 1), diff);
	return V4V6_XLAT_OK;
}

/**
 * v4v6_csum_words() - the checksum change of replacing one 16-bit word
 * @old: the word before
 * @new: the word after
 */
__wsum v4v6_csum_words(__be16 old, __be16 new)
{
	return csum_sub(csum_unfold((__force __sum16)new),
			csum_unfold((__force __sum16)old));
}

/**
 * v4v6_gso_fixup() - keep a GSO packet's segments valid after translation
 * @skb: the translated packet
 * @to6: whether it is now IPv6
 * @grow: how many bytes each segment's headers grew (may be negative)
 *
 * GRO hands routers packets of many segments; they are sent on as such.
 * TCP's segmentation type follows the new family, and when headers grow,
 * segments shrink so that each still fits the MTU its sender chose. UDP
 * GSO is family-neutral and its gso_size is the payload of each datagram,
 * which must stay whole: it is left alone. Types the translator does not
 * carry (v4v6_gso_carried()) are left alone too, not rewritten blindly:
 * the data path segments such packets before translating them.
 */
void v4v6_gso_fixup(struct sk_buff *skb, bool to6, int grow)
{
	struct skb_shared_info *si = skb_shinfo(skb);
	u8 proto = to6 ? ipv6_hdr(skb)->nexthdr : ip_hdr(skb)->protocol;
	unsigned int payload;

	if (!skb_is_gso(skb) || proto != IPPROTO_TCP ||
	    !v4v6_gso_carried(si->gso_type, !to6, proto))
		return;
	if (to6) {
		si->gso_type &= ~(SKB_GSO_TCPV4 | SKB_GSO_TCP_FIXEDID);
		si->gso_type |= SKB_GSO_TCPV6;
	} else {
		si->gso_type &= ~SKB_GSO_TCPV6;
		si->gso_type |= SKB_GSO_TCPV4;
	}
	if (grow <= 0 || si->gso_size <= grow)
		return;
	skb_decrease_gso_size(si, grow);
	payload = skb->len - skb_transport_offset(skb) - tcp_hdrlen(skb);
	si->gso_segs = DIV_ROUND_UP(payload, si->gso_size);
}
