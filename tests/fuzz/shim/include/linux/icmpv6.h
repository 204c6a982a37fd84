/* SPDX-License-Identifier: GPL-2.0 */
/* struct icmp6hdr (uapi) and the kernel's accessor for it. */
#ifndef _SHIM_LINUX_ICMPV6_H
#define _SHIM_LINUX_ICMPV6_H

#include_next <linux/icmpv6.h>
#include <linux/skbuff.h>

static inline struct icmp6hdr *icmp6_hdr(const struct sk_buff *skb)
{
	return (struct icmp6hdr *)skb_transport_header(skb);
}

#endif
