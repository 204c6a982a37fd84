/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Extension header numbers, the Fragment header, address comparisons and
 * the first word of the header (the kernel's include/net/ipv6.h).
 */
#ifndef _SHIM_NET_IPV6_H
#define _SHIM_NET_IPV6_H

#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <linux/string.h>
#include <net/ndisc.h>
/* The kernel's header reaches IPv4's (IP_OFFSET...) through its includes. */
#include <net/ip.h>

#define NEXTHDR_HOP		0
#define NEXTHDR_IPV4		4
#define NEXTHDR_TCP		6
#define NEXTHDR_UDP		17
#define NEXTHDR_IPV6		41
#define NEXTHDR_ROUTING		43
#define NEXTHDR_FRAGMENT	44
#define NEXTHDR_GRE		47
#define NEXTHDR_ESP		50
#define NEXTHDR_AUTH		51
#define NEXTHDR_ICMP		58
#define NEXTHDR_NONE		59
#define NEXTHDR_DEST		60

struct frag_hdr {
	__u8	nexthdr;
	__u8	reserved;
	__be16	frag_off;
	__be32	identification;
};

#define IP6_MF		0x0001
#define IP6_OFFSET	0xFFF8

static inline bool ipv6_addr_equal(const struct in6_addr *a1,
				   const struct in6_addr *a2)
{
	return !memcmp(a1, a2, sizeof(*a1));
}

/* Whether the first @prefixlen bits of @a1 and @a2 agree. */
static inline bool ipv6_prefix_equal(const struct in6_addr *a1,
				     const struct in6_addr *a2,
				     unsigned int prefixlen)
{
	unsigned int bytes = prefixlen / 8, bits = prefixlen % 8;

	if (memcmp(a1->s6_addr, a2->s6_addr, bytes))
		return false;
	return !bits ||
	       !((a1->s6_addr[bytes] ^ a2->s6_addr[bytes]) & (0xff00 >> bits));
}

/* Version 6, traffic class @tclass, flow label @flowlabel. */
static inline void ip6_flow_hdr(struct ipv6hdr *hdr, unsigned int tclass,
				__be32 flowlabel)
{
	*(__be32 *)hdr = htonl(0x60000000 | (tclass << 20)) | flowlabel;
}

#endif
