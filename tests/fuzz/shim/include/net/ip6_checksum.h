/* SPDX-License-Identifier: GPL-2.0 */
/* The IPv6 pseudo-header sum (RFC 8200 section 8.1), in shim/checksum.c. */
#ifndef _SHIM_NET_IP6_CHECKSUM_H
#define _SHIM_NET_IP6_CHECKSUM_H

#include <linux/in6.h>
#include <net/checksum.h>

__sum16 csum_ipv6_magic(const struct in6_addr *saddr,
			const struct in6_addr *daddr, __u32 len, __u8 proto,
			__wsum csum);

#endif
