// SPDX-License-Identifier: GPL-2.0
/*
 * Flat packet parsing and checksums for the harness, written from the RFCs
 * (791, 8200, 768, 793, 792, 4443) rather than from the translator.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/in.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>

#include "pkt.h"

u32 rd32(const u8 *p)
{
	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

u16 rd16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

void wr16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v;
}

bool pkt_parse4(const u8 *p, unsigned int len, bool trunc, struct pkt *o)
{
	u16 frag;

	if (len < 20 || p[0] >> 4 != 4)
		return false;
	o->v6 = false;
	o->hlen = (p[0] & 0xf) * 4;
	o->end = rd16(p + 2);
	if (o->hlen < 20 || o->hlen > len || o->end < o->hlen)
		return false;
	if (o->end > len) {
		if (!trunc)
			return false;
		o->end = len;
	}
	o->l4off = o->hlen;
	o->proto = p[9];
	frag = rd16(p + 6);
	o->first = !(frag & 0x1fff);
	o->more = frag & 0x2000;
	o->frag = !pkt_whole(o);
	o->fhoff = 0;
	return true;
}

bool pkt_parse6(const u8 *p, unsigned int len, bool trunc, struct pkt *o)
{
	unsigned int off = 40;
	u8 nh;

	if (len < 40 || p[0] >> 4 != 6)
		return false;
	o->v6 = true;
	o->hlen = 40;
	o->end = 40 + rd16(p + 4);
	if (o->end > len) {
		if (!trunc)
			return false;
		o->end = len;
	}
	o->frag = false;
	o->first = true;
	o->more = false;
	o->fhoff = 0;
	nh = p[6];
	/*
	 * Extension headers: 8 + 8 * length octets, Fragment 8 (RFC 8200).
	 * Each moves on by 8 bytes at least: the walk ends.
	 */
	for (;;) {
		if (nh == NEXTHDR_HOP || nh == NEXTHDR_DEST ||
		    nh == NEXTHDR_ROUTING) {
			if (off + 8 > o->end)
				return false;
			nh = p[off];
			off += (p[off + 1] + 1) * 8;
		} else if (nh == NEXTHDR_FRAGMENT) {
			if (o->frag || off + 8 > o->end)
				return false;
			o->frag = true;
			o->fhoff = off;
			o->first = !(rd16(p + off + 2) & 0xfff8);
			o->more = p[off + 3] & 1;
			nh = p[off];
			off += 8;
			if (!o->first)
				break;
		} else {
			break;
		}
		if (off > o->end)
			return false;
	}
	o->l4off = off;
	o->proto = nh;
	return true;
}

int l4_csum_off(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return 16;
	case IPPROTO_UDP:
		return 6;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return 2;
	}
	return -1;
}

unsigned int l4_min_len(u8 proto)
{
	return proto == IPPROTO_TCP ? 20 : 8;
}

static __wsum pseudo(u8 proto, unsigned int len, bool v6, const void *s,
		     const void *d)
{
	if (proto == IPPROTO_ICMP)
		return 0;
	if (v6)
		return ~csum_unfold(csum_ipv6_magic(s, d, len, proto, 0));
	return csum_tcpudp_nofold(*(const __be32 *)s, *(const __be32 *)d, len,
				  proto, 0);
}

bool l4_csum_ok(u8 proto, const u8 *l4, unsigned int len, bool v6,
		const void *s, const void *d)
{
	if (l4_csum_off(proto) < 0 || len < (unsigned int)l4_csum_off(proto) + 2)
		return false;
	if (proto == IPPROTO_UDP && !v6 && !l4[6] && !l4[7])
		return true;
	return !csum_fold(csum_add(csum_partial(l4, len, 0),
				   pseudo(proto, len, v6, s, d)));
}

void l4_csum_set(u8 proto, u8 *l4, unsigned int len, bool v6, const void *s,
		 const void *d)
{
	int off = l4_csum_off(proto);
	__sum16 c;

	if (off < 0 || len < (unsigned int)off + 2)
		return;
	l4[off] = l4[off + 1] = 0;
	c = csum_fold(csum_add(csum_partial(l4, len, 0),
			       pseudo(proto, len, v6, s, d)));
	if (proto == IPPROTO_UDP && !c)
		c = CSUM_MANGLED_0;
	memcpy(l4 + off, &c, 2);
}

__sum16 l4_csum_seed(u8 proto, unsigned int len, bool v6, const void *s,
		     const void *d)
{
	return ~csum_fold(pseudo(proto, len, v6, s, d));
}

bool icmp_is_error(u8 type, bool v6)
{
	if (v6)
		return type < 128;
	return type == ICMP_DEST_UNREACH || type == ICMP_SOURCE_QUENCH ||
	       type == ICMP_REDIRECT || type == ICMP_TIME_EXCEEDED ||
	       type == ICMP_PARAMETERPROB;
}
