// SPDX-License-Identifier: GPL-2.0
/*
 * The identities' DHCPv6 socket: one UDP socket on [::]:546 bound to no
 * interface. A message goes out of an identity by IPV6_PKTINFO (its index,
 * its link-local source), an answer comes back with the index of the
 * interface it arrived on (IPV6_RECVPKTINFO), which imap_find() turns
 * into the identity in one hash lookup.
 *
 * Sharing port 546 with the router's own client: a DHCPv6 client of the
 * WAN (OpenWrt's odhcp6c) binds [::]:546 with SO_BINDTODEVICE on the WAN
 * and SO_REUSEADDR, which this socket sets too, so both binds succeed.
 * The kernel gives a datagram to the socket of best score
 * (net/ipv6/udp.c compute_score(), 6.1 to 7.x): a socket bound to another
 * device does not match at all; one bound to the arrival device scores one
 * more than one bound to none. The other points are a connected peer
 * (neither socket is connected) and sk_incoming_cpu, which an unconnected
 * socket only has when it sets SO_INCOMING_CPU (neither does). So what
 * arrives on the WAN goes to the WAN's client, what arrives on an
 * identity (a macvlan of its own) comes here; whatever comes here on an
 * interface that is no identity is dropped.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "dhcp6.h"
#include "isock.h"
#include "log.h"

/* Room for a burst of answers (SO_RCVBUFFORCE: CAP_NET_ADMIN). */
#define ISOCK_RCVBUF	(1 << 20)

static unsigned int bucket_of(int ifindex)
{
	return (unsigned int)ifindex & (IMAP_BUCKETS - 1);
}

void imap_add(struct imap *m, struct imap_node *node, int ifindex)
{
	struct imap_node **b = &m->bucket[bucket_of(ifindex)];

	node->ifindex = ifindex;
	node->next = *b;
	*b = node;
	m->n++;
}

void imap_del(struct imap *m, struct imap_node *node)
{
	struct imap_node **pp = &m->bucket[bucket_of(node->ifindex)];

	for (; *pp; pp = &(*pp)->next) {
		if (*pp == node) {
			*pp = node->next;
			node->next = NULL;
			m->n--;
			return;
		}
	}
}

struct imap_node *imap_find(const struct imap *m, int ifindex)
{
	struct imap_node *n;

	if (!ifindex)
		return NULL;
	for (n = m->bucket[bucket_of(ifindex)]; n; n = n->next)
		if (n->ifindex == ifindex)
			return n;
	return NULL;
}

int isock_open(void)
{
	struct sockaddr_in6 sa = {
		.sin6_family = AF_INET6,
		.sin6_port = htons(DHCP6_CLIENT_PORT),
	};
	int one = 1, hops = 1, rcvbuf = ISOCK_RCVBUF;
	int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	int err;

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		       sizeof(rcvbuf)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one,
		       sizeof(one)) ||
	    setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops,
		       sizeof(hops)) ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}

int isock_send(int fd, int ifindex, const struct in6_addr *src,
	       const uint8_t *msg, size_t len)
{
	struct sockaddr_in6 to = {
		.sin6_family = AF_INET6,
		.sin6_port = htons(DHCP6_SERVER_PORT),
		.sin6_addr = DHCP6_ALL_SERVERS,
		.sin6_scope_id = ifindex,
	};
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(struct in6_pktinfo))];
	} ctl = { 0 };
	struct iovec iov = { .iov_base = (void *)msg, .iov_len = len };
	struct msghdr mh = {
		.msg_name = &to,
		.msg_namelen = sizeof(to),
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = ctl.buf,
		.msg_controllen = sizeof(ctl.buf),
	};
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	struct in6_pktinfo pi = { .ipi6_ifindex = ifindex };

	if (fd < 0 || !ifindex)
		return -ENOTCONN;
	if (src)
		pi.ipi6_addr = *src;
	cm->cmsg_level = IPPROTO_IPV6;
	cm->cmsg_type = IPV6_PKTINFO;
	cm->cmsg_len = CMSG_LEN(sizeof(pi));
	memcpy(CMSG_DATA(cm), &pi, sizeof(pi));
	if (sendmsg(fd, &mh, 0) < 0)
		return -errno;
	return 0;
}

int isock_ifindex(const struct msghdr *mh)
{
	struct cmsghdr *cm;
	struct in6_pktinfo pi;

	for (cm = CMSG_FIRSTHDR(mh); cm; cm = CMSG_NXTHDR((struct msghdr *)mh,
							  cm)) {
		if (cm->cmsg_level != IPPROTO_IPV6 ||
		    cm->cmsg_type != IPV6_PKTINFO ||
		    cm->cmsg_len < CMSG_LEN(sizeof(pi)))
			continue;
		memcpy(&pi, CMSG_DATA(cm), sizeof(pi));
		return (int)pi.ipi6_ifindex;
	}
	return 0;
}

unsigned int isock_receive(int fd, const struct imap *m,
			   isock_deliver_fn deliver, void *arg)
{
	static uint8_t buf[4096];
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(struct in6_pktinfo)) + 64];
	} ctl;
	struct sockaddr_in6 from;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr mh;
	struct imap_node *node;
	unsigned int i;
	int ifindex;
	ssize_t n;

	for (i = 0; i < ISOCK_BATCH; i++) {
		mh = (struct msghdr){
			.msg_name = &from,
			.msg_namelen = sizeof(from),
			.msg_iov = &iov,
			.msg_iovlen = 1,
			.msg_control = ctl.buf,
			.msg_controllen = sizeof(ctl.buf),
		};
		n = recvmsg(fd, &mh, 0);
		if (n < 0)
			break;
		ifindex = isock_ifindex(&mh);
		node = imap_find(m, ifindex);
		if (!node)
			log_debug("DHCPv6: a datagram on interface %d, no "
				  "identity: dropped", ifindex);
		else if (!(mh.msg_flags & MSG_TRUNC))
			deliver(arg, node, buf, (size_t)n);
	}
	return i;
}
