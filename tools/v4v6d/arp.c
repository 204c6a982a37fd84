// SPDX-License-Identifier: GPL-2.0
/*
 * ARP on the LAN: a packet socket (SOCK_DGRAM, ETH_P_ARP) on the LAN
 * interface, its filter passing ARP replies only, so that the LAN's
 * broadcast requests do not wake the daemon.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/filter.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>

#include "arp.h"
#include "log.h"

#define ARPOP_REQ	1
#define ARPOP_REP	2

static int arp_sock = -1;

int arp_fd(void)
{
	return arp_sock;
}

int arp_open(int ifindex)
{
	/* The operation, 6 bytes into the ARP packet: replies only. */
	static struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 6),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARPOP_REP, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { .len = 4, .filter = code };
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ARP),
		.sll_ifindex = ifindex,
	};

	arp_close();
	arp_sock = socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
			  0);
	if (arp_sock < 0 ||
	    setsockopt(arp_sock, SOL_SOCKET, SO_ATTACH_FILTER, &prog,
		       sizeof(prog)) ||
	    bind(arp_sock, (struct sockaddr *)&sll, sizeof(sll))) {
		log_err("ARP socket: %s: no address moves between MACs",
			strerror(errno));
		arp_close();
		return -1;
	}
	return 0;
}

void arp_close(void)
{
	if (arp_sock >= 0)
		close(arp_sock);
	arp_sock = -1;
}

void arp_build(uint8_t buf[ARP_LEN], const uint8_t src_mac[6],
	       struct in_addr src_ip, struct in_addr target)
{
	memset(buf, 0, ARP_LEN);
	buf[0] = 0;
	buf[1] = ARPHRD_ETHER;
	buf[2] = ETH_P_IP >> 8;
	buf[3] = ETH_P_IP & 0xff;
	buf[4] = 6;
	buf[5] = 4;
	buf[7] = ARPOP_REQ;
	memcpy(buf + 8, src_mac, 6);
	memcpy(buf + 14, &src_ip, 4);
	/* target hardware address 0: unknown */
	memcpy(buf + 24, &target, 4);
}

int arp_parse(const uint8_t *buf, size_t len, uint8_t mac[6],
	      struct in_addr *ip)
{
	if (len < ARP_LEN || buf[0] || buf[1] != ARPHRD_ETHER ||
	    buf[2] != ETH_P_IP >> 8 || buf[3] != (ETH_P_IP & 0xff) ||
	    buf[4] != 6 || buf[5] != 4 || buf[6] || buf[7] != ARPOP_REP)
		return 0;
	memcpy(mac, buf + 8, 6);
	memcpy(ip, buf + 14, 4);
	return 1;
}

int arp_send(int ifindex, const uint8_t dst[6], const uint8_t src_mac[6],
	     struct in_addr src_ip, struct in_addr target)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ARP),
		.sll_ifindex = ifindex,
		.sll_halen = 6,
	};
	uint8_t buf[ARP_LEN];

	if (arp_sock < 0)
		return -1;
	memcpy(sll.sll_addr, dst, 6);
	arp_build(buf, src_mac, src_ip, target);
	if (sendto(arp_sock, buf, sizeof(buf), 0, (struct sockaddr *)&sll,
		   sizeof(sll)) < 0) {
		log_debug("ARP request for %s: %s", inet_ntoa(target),
			  strerror(errno));
		return -1;
	}
	return 0;
}

void arp_receive(void (*fn)(const uint8_t mac[6], struct in_addr ip))
{
	uint8_t buf[64], mac[6];
	struct in_addr ip;
	ssize_t n;

	while ((n = recv(arp_sock, buf, sizeof(buf), MSG_TRUNC)) >= 0)
		if ((size_t)n <= sizeof(buf) && arp_parse(buf, (size_t)n, mac, &ip))
			fn(mac, ip);
}
