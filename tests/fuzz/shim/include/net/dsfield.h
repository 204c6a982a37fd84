/* SPDX-License-Identifier: GPL-2.0 */
/* The traffic class of an IPv6 header (the kernel's include/net/dsfield.h). */
#ifndef _SHIM_NET_DSFIELD_H
#define _SHIM_NET_DSFIELD_H

#include <linux/ipv6.h>

static inline __u8 ipv6_get_dsfield(const struct ipv6hdr *ipv6h)
{
	return ntohs(*(const __be16 *)ipv6h) >> 4;
}

#endif
