/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARP on the LAN: the requests that ask a device whether it still holds an
 * address another MAC claims, and the replies (admit.c decides).
 */
#ifndef V4V6D_ARP_H
#define V4V6D_ARP_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

#define ARP_LEN	28	/* an Ethernet/IPv4 ARP packet */

/* arp_open(): a socket for ARP replies on @ifindex; -1 on failure. */
int arp_open(int ifindex);
void arp_close(void);
int arp_fd(void);
/*
 * arp_build(): into @buf, a request for @target from @src_mac, @src_ip
 * (0.0.0.0 when the LAN has no address in @target's subnet: an RFC 5227
 * probe, which hosts answer too).
 */
void arp_build(uint8_t buf[ARP_LEN], const uint8_t src_mac[6],
	       struct in_addr src_ip, struct in_addr target);
/*
 * arp_parse(): whether @buf (@len bytes from the network header on) is an
 * Ethernet/IPv4 ARP reply; its sender into @mac and @ip if so.
 */
int arp_parse(const uint8_t *buf, size_t len, uint8_t mac[6],
	      struct in_addr *ip);
/* arp_send(): the request of arp_build() to @dst on @ifindex. */
int arp_send(int ifindex, const uint8_t dst[6], const uint8_t src_mac[6],
	     struct in_addr src_ip, struct in_addr target);
/* arp_receive(): @fn for the sender of each reply waiting. */
void arp_receive(void (*fn)(const uint8_t mac[6], struct in_addr ip));

#endif
