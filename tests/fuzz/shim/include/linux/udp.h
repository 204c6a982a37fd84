/* SPDX-License-Identifier: GPL-2.0 */
/* struct udphdr (uapi) and the kernel's accessor for it. */
#ifndef _SHIM_LINUX_UDP_H
#define _SHIM_LINUX_UDP_H

#include_next <linux/udp.h>
#include <linux/skbuff.h>

static inline struct udphdr *udp_hdr(const struct sk_buff *skb)
{
	return (struct udphdr *)skb_transport_header(skb);
}

#endif
