/* SPDX-License-Identifier: GPL-2.0 */
/* struct ipv6hdr and the extension headers (uapi), the kernel's accessors. */
#ifndef _SHIM_LINUX_IPV6_H
#define _SHIM_LINUX_IPV6_H

#include_next <linux/ipv6.h>
#include <linux/skbuff.h>

#define ipv6_optlen(p) (((p)->hdrlen + 1) << 3)

static inline struct ipv6hdr *ipv6_hdr(const struct sk_buff *skb)
{
	return (struct ipv6hdr *)skb_network_header(skb);
}

#endif
