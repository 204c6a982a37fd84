/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The translator core (RFC 7915): one skb from IPv4 to IPv6 or back, in
 * place. It knows nothing of netfilter, netlink or the device table: the
 * caller passes the addresses to use.
 */
#ifndef _V4V6_XLAT_H
#define _V4V6_XLAT_H

#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <net/ipv6.h>

#include "v4v6.h"

/**
 * struct v4v6_xlat - what translating one packet needs
 * @pref64: the NAT64 prefix: the far side's addresses live in it
 * @dev4: the device's IPv4 address
 * @dev6: the device's IPv6 address
 * @lowest_mtu: the lowest IPv6 MTU towards the NAT64 (the IPv6 next hop's
 *	included), 0 for no limit
 * @mtu4: the MTU of the IPv4 next hop, the LAN, 0 if unknown; with
 *	@lowest_mtu it bounds the MTUs that Packet Too Big and Fragmentation
 *	Needed report (RFC 7915 sections 4.2 and 5.2)
 * @local4: IPv6 to IPv4 only: whether an IPv4 address is the router's own
 *	or on its LAN, as the namespace's routes say (the core knows none);
 *	NULL for none. See v4v6_xlat_martian().
 * @net: the namespace, for @local4
 * @lan_ifindex: the LAN interface, for @local4
 */
struct v4v6_xlat {
	const struct v4v6_prefix *pref64;
	__be32 dev4;
	struct in6_addr dev6;
	u32 lowest_mtu;
	u32 mtu4;
	bool (*local4)(const struct v4v6_xlat *x, __be32 v4);
	struct net *net;
	int lan_ifindex;
};

/**
 * enum v4v6_xlat_result - whether, or why not, a packet was translated
 * @V4V6_XLAT_OK: translated
 * @V4V6_XLAT_TRUNCATED: headers shorter than they claim
 * @V4V6_XLAT_BAD_HEADER: malformed IP header
 * @V4V6_XLAT_NOMEM: no memory to rewrite the packet
 * @V4V6_XLAT_TTL: TTL or hop limit expired; the caller sends Time Exceeded
 *	(so traceroute works)
 * @V4V6_XLAT_NOT_MAPPED: an address outside the mapping
 * @V4V6_XLAT_NOT_GLOBAL: a non-global IPv4 address under 64:ff9b::/96
 * @V4V6_XLAT_UDP_ZERO_CSUM_FRAG: a fragment of UDP without a checksum
 * @V4V6_XLAT_ICMP_FRAG: a fragment of ICMP
 * @V4V6_XLAT_ICMP_TYPE: an ICMP type that is not translated
 * @V4V6_XLAT_EXT_HEADER: malformed IPv6 extension headers
 * @V4V6_XLAT_ROUTING: a routing header with segments left; the caller
 *	sends Parameter Problem
 * @V4V6_XLAT_TOO_BIG: too big for an IPv4 header
 * @V4V6_XLAT_ICMP_CSUM: an ICMP error with a bad checksum
 * @V4V6_XLAT_FRAG_NEEDED: with DF, too big for the lowest IPv6 MTU; the
 *	caller sends Fragmentation Needed with v4v6_xlat_mtu4()
 * @V4V6_XLAT_SOURCE_ROUTE: an unexpired IPv4 source route (RFC 7915
 *	section 4.1); the caller sends Source Route Failed
 * @V4V6_XLAT_MARTIAN: from the IPv6 network, an IPv4 address that no host
 *	beyond the NAT64 has, under any prefix (v4v6_xlat_martian())
 * @__V4V6_XLAT_MAX: the number of results
 *
 * The data path counts every result but OK per namespace.
 */
enum v4v6_xlat_result {
	V4V6_XLAT_OK,
	V4V6_XLAT_TRUNCATED,
	V4V6_XLAT_BAD_HEADER,
	V4V6_XLAT_NOMEM,
	V4V6_XLAT_TTL,
	V4V6_XLAT_NOT_MAPPED,
	V4V6_XLAT_NOT_GLOBAL,
	V4V6_XLAT_UDP_ZERO_CSUM_FRAG,
	V4V6_XLAT_ICMP_FRAG,
	V4V6_XLAT_ICMP_TYPE,
	V4V6_XLAT_EXT_HEADER,
	V4V6_XLAT_ROUTING,
	V4V6_XLAT_TOO_BIG,
	V4V6_XLAT_ICMP_CSUM,
	V4V6_XLAT_FRAG_NEEDED,
	V4V6_XLAT_SOURCE_ROUTE,
	V4V6_XLAT_MARTIAN,
	__V4V6_XLAT_MAX
};

/**
 * struct v4v6_ipv6_info - what the IPv6 headers of a packet say
 * @l4off: offset of the transport header (past every extension header);
 *	after V4V6_XLAT_ROUTING, of the routing header with segments left
 * @proto: the transport protocol
 * @frag: whether a Fragment header was present
 * @first: whether this is the first (or only) fragment
 * @fh: the Fragment header, when @frag
 */
struct v4v6_ipv6_info {
	unsigned int l4off;
	u8 proto;
	bool frag;
	bool first;
	struct frag_hdr fh;
};

/* Past this size a translated packet gets DF (RFC 7915 section 5.1). */
#define V4V6_DF_THRESHOLD 1260

const char *v4v6_xlat_reason(enum v4v6_xlat_result r);
bool v4v6_xlat_martian(const struct v4v6_xlat *x, __be32 v4);
enum v4v6_xlat_result v4v6_xlat_4to6(struct sk_buff *skb,
				     const struct v4v6_xlat *x);
enum v4v6_xlat_result v4v6_xlat_6to4(struct sk_buff *skb,
				     const struct v4v6_xlat *x);

u32 v4v6_xlat_mtu4(const struct v4v6_xlat *x);
int v4v6_fragment6(struct sk_buff *skb, unsigned int mtu,
		   struct sk_buff_head *list);

/* xlat.c: helpers of both directions */
__sum16 v4v6_csum_update(__sum16 check, __wsum diff);
void v4v6_csum_l4_diff(struct sk_buff *skb, __sum16 *check, __wsum diff);
__wsum v4v6_pseudo6(const struct in6_addr *s, const struct in6_addr *d,
		    u32 len, u8 proto);
int v4v6_l4_csum_offset(u8 proto, bool v6, unsigned int *hdrlen);
__wsum v4v6_csum_words(__be16 old, __be16 new);
bool v4v6_icmp_echo_map(u8 *type, bool to6);
enum v4v6_xlat_result v4v6_icmp_echo_xlat(struct sk_buff *skb,
					  unsigned int l4off, bool to6,
					  __wsum pseudo);
void v4v6_gso_fixup(struct sk_buff *skb, bool to6, int grow);

/**
 * v4v6_gso_carried() - whether the translator carries a GSO type as it is
 * @type: the packet's skb_shinfo(skb)->gso_type
 * @v6: whether the packet is IPv6
 * @proto: its transport protocol
 *
 * TCP of the packet's family (with ECN, IPv4's with fixed IDs) and UDP GSO,
 * whose segments it rewrites knowingly; DODGY only asks for checks. The
 * data path segments every other GSO packet before translating it (gso.c).
 */
static inline bool v4v6_gso_carried(unsigned int type, bool v6, u8 proto)
{
	unsigned int tcp = v6 ? SKB_GSO_TCPV6 : SKB_GSO_TCPV4;
	unsigned int opt = SKB_GSO_DODGY | SKB_GSO_TCP_ECN |
			   (v6 ? 0 : SKB_GSO_TCP_FIXEDID);

	if (proto == IPPROTO_UDP)
		return (type & ~SKB_GSO_DODGY) == SKB_GSO_UDP_L4;
	return proto == IPPROTO_TCP && (type & ~opt) == tcp;
}

/* xlat4to6.c, xlat6to4.c: header builders the ICMP errors reuse */
unsigned int v4v6_fill_ipv6(u8 *p, const struct iphdr *iph,
			    const struct in6_addr *s6,
			    const struct in6_addr *d6, u8 hop,
			    unsigned int l4len, bool fh);
void v4v6_fill_ipv4(struct iphdr *iph, const struct ipv6hdr *ip6,
		    const struct v4v6_ipv6_info *info, unsigned int l4len,
		    __be32 s4, __be32 d4, u8 ttl, bool quoted);
/* icmp.c */
bool v4v6_icmp4_is_error(u8 type);
bool v4v6_icmp6_is_error(u8 type);
enum v4v6_xlat_result v4v6_icmp_err_4to6(struct sk_buff *skb,
					 const struct v4v6_xlat *x,
					 const struct iphdr *iph,
					 const struct in6_addr *s6,
					 const struct in6_addr *d6);
enum v4v6_xlat_result v4v6_icmp_err_6to4(struct sk_buff *skb,
					 const struct v4v6_xlat *x,
					 const struct ipv6hdr *ip6,
					 const struct v4v6_ipv6_info *info,
					 unsigned int end);
enum v4v6_xlat_result v4v6_ipv6_walk(const struct sk_buff *skb,
				     unsigned int base, unsigned int end,
				     u8 nexthdr, struct v4v6_ipv6_info *info);

#endif /* _V4V6_XLAT_H */
