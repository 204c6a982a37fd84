/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading and checksumming packets in flat buffers, independently of the
 * translator: what the repair and the oracle stand on.
 */
#ifndef _PKT_H
#define _PKT_H

#include <linux/types.h>

/* An IPv4 or IPv6 packet (or the packet in error of an ICMP error). */
struct pkt {
	bool v6;
	unsigned int hlen;	/* IPv4: ihl * 4 */
	unsigned int end;	/* where its length field says it ends */
	unsigned int l4off;	/* past every header (IPv6: extension headers) */
	u8 proto;		/* the transport protocol */
	bool frag;		/* a fragment header (IPv6) or fragment (IPv4) */
	bool first;		/* offset 0 */
	bool more;		/* M / MF */
	unsigned int fhoff;	/* IPv6: offset of the Fragment header */
};

/*
 * Parse the packet at @p, @len bytes there: false unless the version is
 * right, the headers fit @len and the length field does too (unless
 * @trunc: a packet in error may be cut short; then end is min'd to @len).
 */
bool pkt_parse4(const u8 *p, unsigned int len, bool trunc, struct pkt *o);
bool pkt_parse6(const u8 *p, unsigned int len, bool trunc, struct pkt *o);

/* Whether it is whole: not a fragment, or an atomic one. */
static inline bool pkt_whole(const struct pkt *k)
{
	return k->first && !k->more;
}

/* Offset of the checksum in the transport header, -1 if none covered. */
int l4_csum_off(u8 proto);
/* The bytes of the transport header that must be present. */
unsigned int l4_min_len(u8 proto);

/*
 * The transport checksum of @proto over @l4 (@len bytes) with the
 * pseudo-header of @s and @d (IPv4 or IPv6 addresses by @v6): whether it
 * verifies, and the value that would make it verify. A UDP checksum of
 * zero verifies in IPv4 (none).
 */
bool l4_csum_ok(u8 proto, const u8 *l4, unsigned int len, bool v6,
		const void *s, const void *d);
void l4_csum_set(u8 proto, u8 *l4, unsigned int len, bool v6, const void *s,
		 const void *d);
/* The CHECKSUM_PARTIAL seed: the pseudo-header sum, not complemented. */
__sum16 l4_csum_seed(u8 proto, unsigned int len, bool v6, const void *s,
		     const void *d);

/* Whether @type is an ICMP (!@v6) or ICMPv6 error. */
bool icmp_is_error(u8 type, bool v6);

/* The 4-byte big-endian value at @p, and the 2-byte one. */
u32 rd32(const u8 *p);
u16 rd16(const u8 *p);
void wr16(u8 *p, u16 v);

#endif
