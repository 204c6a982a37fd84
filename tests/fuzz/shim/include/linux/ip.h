/* SPDX-License-Identifier: GPL-2.0 */
/* struct iphdr (uapi) and the kernel's accessor for it. */
#ifndef _SHIM_LINUX_IP_H
#define _SHIM_LINUX_IP_H

#include_next <linux/ip.h>
#include <linux/skbuff.h>

static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
	return (struct iphdr *)skb_network_header(skb);
}

#endif
