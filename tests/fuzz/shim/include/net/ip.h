/* SPDX-License-Identifier: GPL-2.0 */
/* IPv4 flags, fragments and header checksum (the kernel's include/net/ip.h). */
#ifndef _SHIM_NET_IP_H
#define _SHIM_NET_IP_H

#include <linux/ip.h>
#include <net/checksum.h>

#define IP_CE		0x8000
#define IP_DF		0x4000
#define IP_MF		0x2000
#define IP_OFFSET	0x1FFF
#define IP_MAX_MTU	0xFFFFU

static inline bool ip_is_fragment(const struct iphdr *iph)
{
	return (iph->frag_off & htons(IP_MF | IP_OFFSET)) != 0;
}

static inline void ip_send_check(struct iphdr *iph)
{
	iph->check = 0;
	iph->check = ip_fast_csum((unsigned char *)iph, iph->ihl);
}

#endif
