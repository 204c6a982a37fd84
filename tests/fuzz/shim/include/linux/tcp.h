/* SPDX-License-Identifier: GPL-2.0 */
/* struct tcphdr (uapi) and the kernel's accessors for it. */
#ifndef _SHIM_LINUX_TCP_H
#define _SHIM_LINUX_TCP_H

#include_next <linux/tcp.h>
#include <linux/skbuff.h>

static inline struct tcphdr *tcp_hdr(const struct sk_buff *skb)
{
	return (struct tcphdr *)skb_transport_header(skb);
}

static inline unsigned int tcp_hdrlen(const struct sk_buff *skb)
{
	return tcp_hdr(skb)->doff * 4;
}

#endif
