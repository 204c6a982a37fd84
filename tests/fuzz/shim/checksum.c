// SPDX-License-Identifier: GPL-2.0
/*
 * The Internet checksum (RFC 1071): a one's complement sum of 16-bit words,
 * kept in 32 bits with the carries added back in. On a little-endian host
 * the words are summed as loaded; the one's complement sum is the same in
 * either byte order, so the folded result stored in memory is right.
 */
#include <net/ip6_checksum.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "little-endian only");

static u32 fold64(u64 s)
{
	s = (s & 0xffffffff) + (s >> 32);
	s = (s & 0xffffffff) + (s >> 32);
	return s;
}

__wsum csum_partial(const void *buff, int len, __wsum sum)
{
	const u8 *p = buff;
	u64 s = (__force u32)sum;

	for (; len >= 2; len -= 2, p += 2)
		s += p[0] | p[1] << 8;
	if (len > 0)
		s += p[0];	/* a last odd byte is the high half of its word */
	return (__force __wsum)fold64(s);
}

__sum16 csum_fold(__wsum csum)
{
	u32 sum = (__force u32)csum;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__force __sum16)~sum;
}

__sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	return csum_fold(csum_partial(iph, ihl * 4, 0));
}

__sum16 ip_compute_csum(const void *buff, int len)
{
	return csum_fold(csum_partial(buff, len, 0));
}

__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, __u32 len, __u8 proto,
			  __wsum sum)
{
	u64 s = (__force u32)sum;

	s += (__force u32)saddr;
	s += (__force u32)daddr;
	s += (__force u32)htonl(len);
	s += (__force u32)htonl(proto);
	return (__force __wsum)fold64(s);
}

__sum16 csum_ipv6_magic(const struct in6_addr *saddr,
			const struct in6_addr *daddr, __u32 len, __u8 proto,
			__wsum csum)
{
	u64 s = (__force u32)csum;
	int i;

	for (i = 0; i < 4; i++)
		s += (__force u32)saddr->s6_addr32[i] +
		     (u64)(__force u32)daddr->s6_addr32[i];
	s += (__force u32)htonl(len);
	s += (__force u32)htonl(proto);
	return csum_fold((__force __wsum)fold64(s));
}
