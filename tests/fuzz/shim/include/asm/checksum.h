/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The checksum primitives an architecture provides (RFC 1071 one's
 * complement sums), implemented in shim/checksum.c.
 */
#ifndef _SHIM_ASM_CHECKSUM_H
#define _SHIM_ASM_CHECKSUM_H

#include <linux/types.h>

__wsum csum_partial(const void *buff, int len, __wsum sum);
__sum16 csum_fold(__wsum csum);
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);
__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, __u32 len, __u8 proto,
			  __wsum sum);
__sum16 ip_compute_csum(const void *buff, int len);

static inline __sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, __u32 len,
					__u8 proto, __wsum sum)
{
	return csum_fold(csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}

#endif
