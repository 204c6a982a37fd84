/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one DHCPv6 client socket of all identities, and the map from an
 * interface index to its identity that a datagram received is dispatched
 * through. One socket, whatever the number of devices: a thousand
 * identities do not cost a thousand file descriptors.
 */
#ifndef V4V6D_ISOCK_H
#define V4V6D_ISOCK_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

/* A power of two; interface indexes are handed out in sequence. */
#define IMAP_BUCKETS	1024
/* The most datagrams isock_receive() reads in one call. */
#define ISOCK_BATCH	256

/**
 * struct imap_node - a member of a struct imap, embedded in its owner
 * @next: the next one in its bucket
 * @ifindex: its key, never 0 while it is in a map
 */
struct imap_node {
	struct imap_node *next;
	int ifindex;
};

/**
 * struct imap - interface index to owner, a chained hash table
 * @bucket: the chains, by ifindex modulo IMAP_BUCKETS
 * @n: how many nodes it holds
 */
struct imap {
	struct imap_node *bucket[IMAP_BUCKETS];
	unsigned int n;
};

/* imap_add(): @node under @ifindex (not 0); it must not be in a map. */
void imap_add(struct imap *m, struct imap_node *node, int ifindex);
/* imap_del(): @node out of @m, if it is there. */
void imap_del(struct imap *m, struct imap_node *node);
/* imap_find(): the node of @ifindex, NULL when none. */
struct imap_node *imap_find(const struct imap *m, int ifindex);

/*
 * isock_open(): the socket, [::]:546 for every interface; a negative errno
 * on failure.
 */
int isock_open(void);
/*
 * isock_send(): @len bytes to All_DHCP_Relay_Agents_and_Servers out of
 * @ifindex from @src (NULL or ::, the kernel chooses); 0 or a negative errno.
 */
int isock_send(int fd, int ifindex, const struct in6_addr *src,
	       const uint8_t *msg, size_t len);
/* isock_ifindex(): the arrival interface of IPV6_PKTINFO in @mh, 0: none. */
int isock_ifindex(const struct msghdr *mh);

/* @deliver: a datagram for the owner of @node */
typedef void (*isock_deliver_fn)(void *arg, struct imap_node *node,
				 const uint8_t *msg, size_t len);
/*
 * isock_receive(): the datagrams waiting (ISOCK_BATCH at most), each given
 * to @deliver with the node of the interface it came in on; those of an
 * interface @m does not hold (the WAN itself, another host's) are dropped.
 * Returns how many were read.
 */
unsigned int isock_receive(int fd, const struct imap *m,
			   isock_deliver_fn deliver, void *arg);

#endif
