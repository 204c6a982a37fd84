// SPDX-License-Identifier: GPL-2.0
/*
 * ICMP errors (RFC 7915 sections 4.2, 4.3, 5.2 and 5.3): the type, code,
 * pointer and MTU tables, and the packet in error they carry, translated
 * one level deep. Errors are rare and small, so this path linearises the
 * packet and recomputes the ICMP checksum after verifying the original.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <net/ip6_checksum.h>

#include "xlat.h"

/* An ICMPv6 error fits the IPv6 minimum MTU (RFC 4443 section 2.4). */
#define V4V6_ICMP6_ERR_MAX 1280
/* An ICMPv4 error fits 576 bytes (RFC 1812 section 4.3.2.3). */
#define V4V6_ICMP4_ERR_MAX 576
#define V4V6_ICMP_HLEN 8

/* RFC 7600: the source of ICMPv4 errors from untranslatable IPv6 hosts. */
#define V4V6_DUMMY_IPV4 htonl(0xc0000008)	/* 192.0.0.8 */

bool v4v6_icmp4_is_error(u8 type)
{
	return type == ICMP_DEST_UNREACH || type == ICMP_TIME_EXCEEDED ||
	       type == ICMP_PARAMETERPROB;
}

bool v4v6_icmp6_is_error(u8 type)
{
	return !(type & ICMPV6_INFOMSG_MASK);
}

/* RFC 7915 figure 3: IPv4 header offsets to IPv6 ones; -1: none. */
static const s8 v4v6_pointer_4to6[20] = {
	0, 1, 4, 4, -1, -1, -1, -1, 7, 6, -1, -1, 8, 8, 8, 8, 24, 24, 24, 24,
};

/* RFC 7915 figure 6: IPv6 header offsets to IPv4 ones; -1: none. */
static int v4v6_pointer_6to4(u32 p)
{
	static const s8 map[8] = { 0, 1, -1, -1, 2, 2, 9, 8 };

	if (p < 8)
		return map[p];
	if (p < 24)
		return 12;
	if (p < 40)
		return 16;
	return -1;
}

/* RFC 1191 section 7: for routers that report an MTU of zero. */
static const u16 v4v6_plateaus[] = {
	65535, 32000, 17914, 8166, 4352, 2002, 1492, 1006, 508, 296, 68,
};

static u32 v4v6_plateau_below(u32 len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(v4v6_plateaus); i++)
		if (v4v6_plateaus[i] < len)
			return v4v6_plateaus[i];
	return 68;
}

/* The smaller of @mtu and @hop (a next hop's MTU; 0: unknown). */
static u32 v4v6_mtu_min(u32 mtu, u32 hop)
{
	return hop ? min(mtu, hop) : mtu;
}

/*
 * Packet Too Big for Fragmentation Needed (RFC 7915 section 4.2):
 * minimum(advertised + 20, IPv6 next hop, IPv4 next hop + 20), 28 for a
 * fragment; an advertised 0 is the RFC 1191 plateau below the packet in
 * error's length. Never under the IPv6 minimum, never over 65535.
 */
static u32 v4v6_ptb_mtu(const struct v4v6_xlat *x, u32 mtu, u16 in_tot,
			bool in_frag)
{
	u32 grow = sizeof(struct ipv6hdr) - sizeof(struct iphdr);

	if (!mtu)
		mtu = v4v6_plateau_below(in_tot);
	mtu += grow + (in_frag ? sizeof(struct frag_hdr) : 0);
	mtu = v4v6_mtu_min(mtu, x->lowest_mtu);
	mtu = v4v6_mtu_min(mtu, x->mtu4 ? x->mtu4 + grow : 0);
	return clamp_t(u32, mtu, IPV6_MIN_MTU, IP_MAX_MTU);
}

/*
 * Fragmentation Needed for Packet Too Big (RFC 7915 section 5.2):
 * minimum(advertised - 20, IPv4 next hop, IPv6 next hop - 20), 28 for a
 * fragment. An advertised 0 (no IPv6 node sends one) is the plateau below
 * the packet in error's IPv4 length @in_tot.
 */
static u32 v4v6_frag_needed_mtu(const struct v4v6_xlat *x, u32 mtu, u32 in_tot,
				bool in_frag)
{
	u32 shrink = sizeof(struct ipv6hdr) - sizeof(struct iphdr);

	if (!mtu)
		mtu = v4v6_plateau_below(in_tot);
	else
		mtu -= min(mtu, shrink + (in_frag ? sizeof(struct frag_hdr) : 0));
	mtu = v4v6_mtu_min(mtu, x->mtu4);
	mtu = v4v6_mtu_min(mtu, x->lowest_mtu > shrink ? x->lowest_mtu - shrink : 0);
	return clamp_t(u32, mtu, 68, IP_MAX_MTU);
}

/*
 * ICMPv4 error header @h4 to ICMPv6 @h6 (RFC 7915 section 4.2). @in_tot and
 * @in_frag describe the packet in error, for Fragmentation Needed.
 */
static bool v4v6_err_map_4to6(const struct v4v6_xlat *x, const u8 *h4, u8 *h6,
			      u16 in_tot, bool in_frag)
{
	memset(h6, 0, V4V6_ICMP_HLEN);
	switch (h4[0]) {
	case ICMP_DEST_UNREACH:
		h6[0] = ICMPV6_DEST_UNREACH;
		switch (h4[1]) {
		case ICMP_NET_UNREACH: case ICMP_HOST_UNREACH:
		case ICMP_SR_FAILED: case ICMP_NET_UNKNOWN:
		case ICMP_HOST_UNKNOWN: case ICMP_HOST_ISOLATED:
		case ICMP_NET_UNR_TOS: case ICMP_HOST_UNR_TOS:
			h6[1] = ICMPV6_NOROUTE;
			return true;
		case ICMP_PORT_UNREACH:
			h6[1] = ICMPV6_PORT_UNREACH;
			return true;
		case ICMP_NET_ANO: case ICMP_HOST_ANO:
		case ICMP_PKT_FILTERED: case ICMP_PREC_CUTOFF:
			h6[1] = ICMPV6_ADM_PROHIBITED;
			return true;
		case ICMP_PROT_UNREACH:
			h6[0] = ICMPV6_PARAMPROB;
			h6[1] = ICMPV6_UNK_NEXTHDR;
			put_unaligned_be32(offsetof(struct ipv6hdr, nexthdr), h6 + 4);
			return true;
		case ICMP_FRAG_NEEDED:
			h6[0] = ICMPV6_PKT_TOOBIG;
			h6[1] = 0;
			put_unaligned_be32(v4v6_ptb_mtu(x, get_unaligned_be16(h4 + 6),
							in_tot, in_frag), h6 + 4);
			return true;
		}
		return false;
	case ICMP_TIME_EXCEEDED:
		/* "The Code is unchanged." */
		h6[0] = ICMPV6_TIME_EXCEED;
		h6[1] = h4[1];
		return true;
	case ICMP_PARAMETERPROB:
		if ((h4[1] != 0 && h4[1] != 2) || h4[4] >= sizeof(v4v6_pointer_4to6) ||
		    v4v6_pointer_4to6[h4[4]] < 0)
			return false;
		h6[0] = ICMPV6_PARAMPROB;
		h6[1] = ICMPV6_HDR_FIELD;
		put_unaligned_be32(v4v6_pointer_4to6[h4[4]], h6 + 4);
		return true;
	}
	return false;
}

/*
 * ICMPv6 error header @h6 to ICMPv4 @h4 (RFC 7915 section 5.2). @in_tot
 * (as IPv4) and @in_frag describe the packet in error.
 */
static bool v4v6_err_map_6to4(const struct v4v6_xlat *x, const u8 *h6, u8 *h4,
			      u32 in_tot, bool in_frag)
{
	int ptr;

	memset(h4, 0, V4V6_ICMP_HLEN);
	switch (h6[0]) {
	case ICMPV6_DEST_UNREACH:
		h4[0] = ICMP_DEST_UNREACH;
		switch (h6[1]) {
		case ICMPV6_NOROUTE: case ICMPV6_NOT_NEIGHBOUR:
		case ICMPV6_ADDR_UNREACH:
			h4[1] = ICMP_HOST_UNREACH;
			return true;
		case ICMPV6_ADM_PROHIBITED:
			h4[1] = ICMP_HOST_ANO;
			return true;
		case ICMPV6_PORT_UNREACH:
			h4[1] = ICMP_PORT_UNREACH;
			return true;
		}
		return false;
	case ICMPV6_PKT_TOOBIG:
		h4[0] = ICMP_DEST_UNREACH;
		h4[1] = ICMP_FRAG_NEEDED;
		put_unaligned_be16(v4v6_frag_needed_mtu(x, get_unaligned_be32(h6 + 4),
							in_tot, in_frag), h4 + 6);
		return true;
	case ICMPV6_TIME_EXCEED:
		/* "The Code is unchanged." */
		h4[0] = ICMP_TIME_EXCEEDED;
		h4[1] = h6[1];
		return true;
	case ICMPV6_PARAMPROB:
		if (h6[1] == ICMPV6_UNK_NEXTHDR) {
			h4[0] = ICMP_DEST_UNREACH;
			h4[1] = ICMP_PROT_UNREACH;
			return true;
		}
		ptr = v4v6_pointer_6to4(get_unaligned_be32(h6 + 4));
		if (h6[1] != ICMPV6_HDR_FIELD || ptr < 0)
			return false;
		h4[0] = ICMP_PARAMETERPROB;
		h4[4] = ptr;
		return true;
	}
	return false;
}

/*
 * The transport checksum of the packet in error (of family @v6 before
 * translation): its addresses changed by @diff; an echo inside also
 * changes type and pseudo-header (@pseudo is what ICMPv6's pseudo-header
 * adds, negative towards IPv4). Truncated packets may lack the checksum:
 * nothing to do then.
 */
static enum v4v6_xlat_result
v4v6_err_inner_l4(u8 *l4, unsigned int avail, u8 proto, bool v6, __wsum diff,
		  __wsum pseudo)
{
	unsigned int need;
	int off = v4v6_l4_csum_offset(proto, v6, &need);
	__sum16 *check;
	__be16 old;

	if (off < 0 || avail < off + sizeof(*check))
		return V4V6_XLAT_OK;
	check = (__sum16 *)(l4 + off);
	if (proto == IPPROTO_UDP && !*check)
		return V4V6_XLAT_OK;
	if (proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) {
		/* Only queries can be in error: never an error in an error. */
		old = *(__be16 *)l4;
		if (!v4v6_icmp_echo_map(&l4[0], !v6))
			return V4V6_XLAT_ICMP_TYPE;
		diff = csum_add(pseudo, v4v6_csum_words(old, *(__be16 *)l4));
	}
	*check = v4v6_csum_update(*check, diff);
	return V4V6_XLAT_OK;
}

/* RFC 4884 section 5: a compliant sender quotes at least 128 bytes. */
#define V4V6_RFC4884_MIN 128

/*
 * RFC 4884: a set length octet says where the packet in error (padded)
 * ends and an extension structure begins. Return that end, and in @ext the
 * extension's length, 0 when @carry is false (the translated type has no
 * length octet) and the extension is to be dropped.
 *
 * The octet comes from the network: a length under 128 bytes is a
 * non-compliant sender's and means no extension (section 5), so the end
 * never falls inside the quoted headers; one at or past @end is none
 * either.
 */
static unsigned int v4v6_err_end(unsigned int in_off, unsigned int end,
				 u8 words, unsigned int word, bool carry,
				 unsigned int *ext)
{
	unsigned int quoted = words * word;

	*ext = 0;
	if (quoted < V4V6_RFC4884_MIN || in_off + quoted >= end)
		return end;
	if (carry)
		*ext = end - (in_off + quoted);
	return in_off + quoted;
}

/*
 * RFC 4884 on the way out: pad the translated packet in error, from @start
 * to @ext bytes before the end, to a multiple of @word and at least 128
 * bytes, moving the extension behind it. If the whole no longer fits @max,
 * the extension goes. Return the length octet to write (0: none), or a
 * negative errno.
 */
static int v4v6_err_ext(struct sk_buff *skb, unsigned int start,
			unsigned int ext, unsigned int word, unsigned int max)
{
	unsigned int len, padded, pad;

	if (!ext)
		return 0;
	if (start + ext > skb->len)
		return -EINVAL;
	len = skb->len - ext - start;
	padded = max_t(unsigned int, round_up(len, word), V4V6_RFC4884_MIN);
	pad = padded - len;
	if (skb->len + pad > max) {
		skb_trim(skb, skb->len - ext);
		return 0;
	}
	if (skb_tailroom(skb) < pad &&
	    pskb_expand_head(skb, 0, pad, GFP_ATOMIC))
		return -ENOMEM;
	skb_put(skb, pad);
	memmove(skb->data + start + padded, skb->data + start + len, ext);
	memset(skb->data + start + len, 0, pad);
	return padded / word;
}

/**
 * v4v6_icmp_err_4to6() - translate an ICMPv4 error from a device
 * @skb: the packet, its IPv4 header validated, not a fragment
 * @x: the device's addresses and the NAT64 prefix
 * @iph: a copy of its IPv4 header
 * @s6: the outer IPv6 source
 * @d6: the outer IPv6 destination
 *
 * The packet in error went from the far side to the device: its source is
 * synthesised from the NAT64 prefix and its destination is the device's
 * IPv6 address. RFC 4884 extensions are carried, the translated packet in
 * error padded before them, unless they no longer fit.
 */
enum v4v6_xlat_result v4v6_icmp_err_4to6(struct sk_buff *skb,
					 const struct v4v6_xlat *x,
					 const struct iphdr *iph,
					 const struct in6_addr *s6,
					 const struct in6_addr *d6)
{
	unsigned int hlen4 = iph->ihl * 4, in_off = hlen4 + V4V6_ICMP_HLEN;
	unsigned int end, ext, in_hlen, in_l4len, old_pre, new_pre;
	u8 h4[V4V6_ICMP_HLEN], h6[V4V6_ICMP_HLEN], *icmp6;
	struct in6_addr in6a[2];	/* the inner source and destination */
	enum v4v6_xlat_result res;
	struct iphdr in;
	__wsum diff;
	int words;

	/* Rewritten throughout: linear, and ours even if cloned. */
	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		return V4V6_XLAT_NOMEM;
	if (skb_ensure_writable(skb, skb->len))
		return V4V6_XLAT_NOMEM;
	skb->ip_summed = CHECKSUM_NONE;
	end = skb->len;
	if (csum_fold(skb_checksum(skb, hlen4, end - hlen4, 0)))
		return V4V6_XLAT_ICMP_CSUM;
	if (end < in_off + sizeof(in))
		return V4V6_XLAT_TRUNCATED;
	memcpy(h4, skb->data + hlen4, sizeof(h4));
	memcpy(&in, skb->data + in_off, sizeof(in));
	in_hlen = in.ihl * 4;
	if (in.version != 4 || in_hlen < sizeof(in) || ntohs(in.tot_len) < in_hlen)
		return V4V6_XLAT_BAD_HEADER;
	if (end < in_off + in_hlen)
		return V4V6_XLAT_TRUNCATED;
	if (in.daddr != x->dev4)
		return V4V6_XLAT_NOT_MAPPED;
	if (!v4v6_addr_translatable(x->pref64, in.saddr))
		return V4V6_XLAT_NOT_GLOBAL;

	if (!v4v6_err_map_4to6(x, h4, h6, ntohs(in.tot_len), ip_is_fragment(&in)))
		return V4V6_XLAT_ICMP_TYPE;
	/* Only Destination Unreachable and Time Exceeded have a length. */
	end = v4v6_err_end(in_off, end, h4[5], 4,
			   h6[0] == ICMPV6_DEST_UNREACH || h6[0] == ICMPV6_TIME_EXCEED,
			   &ext);
	if (end < in_off + in_hlen)
		return V4V6_XLAT_TRUNCATED;
	v4v6_addr_synth(x->pref64, in.saddr, &in6a[0]);
	in6a[1] = x->dev6;
	in_l4len = ntohs(in.tot_len) - in_hlen;
	if (!(in.frag_off & htons(IP_OFFSET))) {
		diff = csum_sub(csum_partial(in6a, sizeof(in6a), 0),
				csum_partial(&in.saddr, 2 * sizeof(in.saddr), 0));
		res = v4v6_err_inner_l4(skb->data + in_off + in_hlen,
					end - in_off - in_hlen, in.protocol, false, diff,
					v4v6_pseudo6(&in6a[0], &in6a[1], in_l4len,
						     IPPROTO_ICMPV6));
		if (res != V4V6_XLAT_OK)
			return res;
	}

	/* IPv6, ICMPv6, the inner IPv6 (and Fragment) header, the rest. */
	old_pre = in_off + in_hlen;
	new_pre = sizeof(struct ipv6hdr) + V4V6_ICMP_HLEN + sizeof(struct ipv6hdr) +
		  (ip_is_fragment(&in) ? sizeof(struct frag_hdr) : 0);
	if (skb_cow_head(skb, max_t(int, new_pre - old_pre, 0)))
		return V4V6_XLAT_NOMEM;
	skb_trim(skb, end + ext);
	__skb_pull(skb, old_pre);
	skb_push(skb, new_pre);
	skb_reset_network_header(skb);
	words = v4v6_err_ext(skb, sizeof(struct ipv6hdr) + V4V6_ICMP_HLEN, ext,
			     8, V4V6_ICMP6_ERR_MAX);
	if (words < 0)
		return words == -ENOMEM ? V4V6_XLAT_NOMEM : V4V6_XLAT_TRUNCATED;
	if (words)
		h6[4] = words;
	icmp6 = skb->data + sizeof(struct ipv6hdr);
	memcpy(icmp6, h6, sizeof(h6));
	v4v6_fill_ipv6(icmp6 + V4V6_ICMP_HLEN, &in, &in6a[0], &in6a[1], in.ttl,
		       in_l4len, false);
	if (skb->len > V4V6_ICMP6_ERR_MAX)
		skb_trim(skb, V4V6_ICMP6_ERR_MAX);
	v4v6_fill_ipv6(skb->data, iph, s6, d6, iph->ttl - 1,
		       skb->len - sizeof(struct ipv6hdr), false);
	end = skb->len - sizeof(struct ipv6hdr);
	put_unaligned(csum_ipv6_magic(s6, d6, end, IPPROTO_ICMPV6,
				      csum_partial(icmp6, end, 0)),
		      (__sum16 *)(icmp6 + 2));
	skb_set_transport_header(skb, sizeof(struct ipv6hdr));
	skb->protocol = htons(ETH_P_IPV6);
	return V4V6_XLAT_OK;
}

/**
 * v4v6_icmp_err_6to4() - translate an ICMPv6 error for a device
 * @skb: the packet, its IPv6 headers walked, not a fragment
 * @x: the device's addresses and the NAT64 prefix
 * @ip6: a copy of its IPv6 header, destined to the device
 * @info: what its extension headers said
 * @end: where the packet ends
 *
 * The packet in error went from the device to the far side. An error from
 * outside the NAT64 prefix (an IPv6 router reporting Packet Too Big or Time
 * Exceeded) gets 192.0.0.8 as its IPv4 source (RFC 7600), and so does one
 * whose source in the prefix cannot be a remote host's (not global under
 * the well-known prefix, or a martian): the error still reaches the
 * device, never as if from itself, its gateway or its LAN.
 */
enum v4v6_xlat_result v4v6_icmp_err_6to4(struct sk_buff *skb,
					 const struct v4v6_xlat *x,
					 const struct ipv6hdr *ip6,
					 const struct v4v6_ipv6_info *info,
					 unsigned int end)
{
	unsigned int in_off = info->l4off + V4V6_ICMP_HLEN, in_l4len, ext = 0;
	const struct v4v6_ipv6_info outer = { .proto = IPPROTO_ICMP };
	struct v4v6_ipv6_info in_info;
	enum v4v6_xlat_result res;
	u8 h6[V4V6_ICMP_HLEN], h4[V4V6_ICMP_HLEN], *icmp4;
	__be32 s4, in_d4, addrs[2];
	struct ipv6hdr in;
	struct iphdr *iph;
	unsigned int len;
	int words;

	/* Rewritten throughout: linear, and ours even if cloned. */
	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		return V4V6_XLAT_NOMEM;
	if (skb_ensure_writable(skb, skb->len))
		return V4V6_XLAT_NOMEM;
	skb->ip_summed = CHECKSUM_NONE;
	if (csum_ipv6_magic(&ip6->saddr, &ip6->daddr, end - info->l4off,
			    IPPROTO_ICMPV6,
			    skb_checksum(skb, info->l4off, end - info->l4off, 0)))
		return V4V6_XLAT_ICMP_CSUM;
	if (end < in_off + sizeof(in))
		return V4V6_XLAT_TRUNCATED;
	memcpy(h6, skb->data + info->l4off, sizeof(h6));
	memcpy(&in, skb->data + in_off, sizeof(in));
	if (in.version != 6)
		return V4V6_XLAT_BAD_HEADER;
	/* Both have a length octet once translated (types 3 and 11). */
	if (h6[0] == ICMPV6_DEST_UNREACH || h6[0] == ICMPV6_TIME_EXCEED)
		end = v4v6_err_end(in_off, end, h6[4], 8, true, &ext);
	if (end < in_off + sizeof(in))
		return V4V6_XLAT_TRUNCATED;
	if (!ipv6_addr_equal(&in.saddr, &x->dev6) ||
	    !v4v6_addr_extract(x->pref64, &in.daddr, &in_d4))
		return V4V6_XLAT_NOT_MAPPED;
	if (!v4v6_addr_translatable(x->pref64, in_d4))
		return V4V6_XLAT_NOT_GLOBAL;
	/* The device never sent one to its own LAN through the translator. */
	if (v4v6_xlat_martian(x, in_d4))
		return V4V6_XLAT_MARTIAN;
	if (!v4v6_addr_extract(x->pref64, &ip6->saddr, &s4) ||
	    !v4v6_addr_translatable(x->pref64, s4) ||
	    v4v6_xlat_martian(x, s4))
		s4 = V4V6_DUMMY_IPV4;

	res = v4v6_ipv6_walk(skb, in_off, end, in.nexthdr, &in_info);
	if (res != V4V6_XLAT_OK)
		return res;
	len = sizeof(in) + ntohs(in.payload_len);
	in_l4len = len > in_info.l4off - in_off ? len - (in_info.l4off - in_off) : 0;
	if (!v4v6_err_map_6to4(x, h6, h4, sizeof(struct iphdr) + in_l4len,
			       in_info.frag))
		return V4V6_XLAT_ICMP_TYPE;
	if (in_info.first) {
		addrs[0] = x->dev4;
		addrs[1] = in_d4;
		res = v4v6_err_inner_l4(skb->data + in_info.l4off,
					end - in_info.l4off, in_info.proto, true,
					csum_sub(csum_partial(addrs, sizeof(addrs), 0),
						 csum_partial(&in.saddr, 32, 0)),
					~v4v6_pseudo6(&in.saddr, &in.daddr,
						      in_l4len, IPPROTO_ICMPV6));
		if (res != V4V6_XLAT_OK)
			return res;
	}

	/* IPv4, ICMPv4, the inner IPv4 header, the rest: always smaller. */
	if (skb_cow_head(skb, 0))
		return V4V6_XLAT_NOMEM;
	skb_trim(skb, end + ext);
	__skb_pull(skb, in_info.l4off);
	skb_push(skb, 2 * sizeof(struct iphdr) + V4V6_ICMP_HLEN);
	skb_reset_network_header(skb);
	words = v4v6_err_ext(skb, sizeof(struct iphdr) + V4V6_ICMP_HLEN, ext, 4,
			     V4V6_ICMP4_ERR_MAX);
	if (words < 0)
		return words == -ENOMEM ? V4V6_XLAT_NOMEM : V4V6_XLAT_TRUNCATED;
	if (words)
		h4[5] = words;
	icmp4 = skb->data + sizeof(struct iphdr);
	memcpy(icmp4, h4, sizeof(h4));
	v4v6_fill_ipv4((struct iphdr *)(icmp4 + V4V6_ICMP_HLEN), &in, &in_info,
		       in_l4len, x->dev4, in_d4, in.hop_limit, true);
	if (skb->len > V4V6_ICMP4_ERR_MAX)
		skb_trim(skb, V4V6_ICMP4_ERR_MAX);
	iph = ip_hdr(skb);
	v4v6_fill_ipv4(iph, ip6, &outer, skb->len - sizeof(*iph), s4, x->dev4,
		       ip6->hop_limit - 1, false);
	put_unaligned(csum_fold(csum_partial(icmp4, skb->len - sizeof(*iph), 0)),
		      (__sum16 *)(icmp4 + 2));
	skb_set_transport_header(skb, sizeof(*iph));
	skb->protocol = htons(ETH_P_IP);
	return V4V6_XLAT_OK;
}
