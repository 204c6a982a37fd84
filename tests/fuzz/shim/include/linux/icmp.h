/* SPDX-License-Identifier: GPL-2.0 */
/* struct icmphdr (uapi) and the kernel's accessor for it. */
#ifndef _SHIM_LINUX_ICMP_H
#define _SHIM_LINUX_ICMP_H

#include_next <linux/icmp.h>
#include <linux/skbuff.h>

static inline struct icmphdr *icmp_hdr(const struct sk_buff *skb)
{
	return (struct icmphdr *)skb_transport_header(skb);
}

#endif
