// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/isock.c: the map from an interface index to its
 * identity, and the one DHCPv6 socket's dispatch: what arrives on an
 * identity goes to that identity, what arrives elsewhere (the WAN itself)
 * nowhere. sendmsg() and recvmsg() are wrapped (-Wl,--wrap): the datagrams
 * "received" are scripted, with the IPV6_PKTINFO the kernel would add.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dhcp6.h"
#include "isock.h"

#define N_IDENTS	1000
#define FIRST		5	/* the first identity's ifindex */
#define WAN		2
#define FAKE_FD		42

/* ---- the map ---- */

static struct imap map;
static struct imap_node nodes[N_IDENTS + 1];

static void test_map(void **state)
{
	unsigned int i;

	(void)state;
	memset(&map, 0, sizeof(map));
	for (i = 0; i < N_IDENTS; i++)
		imap_add(&map, &nodes[i], FIRST + (int)i);
	/* one in the same bucket as the first */
	imap_add(&map, &nodes[N_IDENTS], FIRST + IMAP_BUCKETS * 3);
	assert_int_equal(map.n, N_IDENTS + 1);
	for (i = 0; i < N_IDENTS; i++)
		assert_ptr_equal(imap_find(&map, FIRST + (int)i), &nodes[i]);
	assert_ptr_equal(imap_find(&map, FIRST + IMAP_BUCKETS * 3),
			 &nodes[N_IDENTS]);
	assert_null(imap_find(&map, 0));
	assert_null(imap_find(&map, WAN));
	assert_null(imap_find(&map, FIRST + N_IDENTS));
	assert_null(imap_find(&map, -FIRST));
	/* out, in the middle of a chain, and at its head */
	imap_del(&map, &nodes[0]);
	imap_del(&map, &nodes[N_IDENTS]);
	imap_del(&map, &nodes[0]);	/* not there: nothing happens */
	assert_int_equal(map.n, N_IDENTS - 1);
	assert_null(imap_find(&map, FIRST));
	assert_null(imap_find(&map, FIRST + IMAP_BUCKETS * 3));
	assert_ptr_equal(imap_find(&map, FIRST + 1), &nodes[1]);
	/* a chain no longer than a few: the indexes are sequential */
	for (i = 0; i < IMAP_BUCKETS; i++) {
		struct imap_node *n;
		unsigned int len = 0;

		for (n = map.bucket[i]; n; n = n->next)
			len++;
		assert_true(len <= 1);
	}
}

/* ---- the socket: scripted datagrams ---- */

struct dgram {
	int ifindex;		/* 0: no IPV6_PKTINFO */
	bool truncated;
	char payload[16];
};

static struct dgram queue[400];
static unsigned int n_queue, i_queue;

ssize_t __wrap_recvmsg(int fd, struct msghdr *mh, int flags);
ssize_t __wrap_recvmsg(int fd, struct msghdr *mh, int flags)
{
	const struct dgram *g;
	struct in6_pktinfo pi = { 0 };
	struct cmsghdr *cm;
	size_t len;

	(void)flags;
	assert_int_equal(fd, FAKE_FD);
	if (i_queue == n_queue) {
		errno = EAGAIN;
		return -1;
	}
	g = &queue[i_queue++];
	len = strlen(g->payload);
	assert_true(mh->msg_iovlen == 1 && mh->msg_iov[0].iov_len >= len);
	memcpy(mh->msg_iov[0].iov_base, g->payload, len);
	mh->msg_flags = g->truncated ? MSG_TRUNC : 0;
	if (!g->ifindex) {
		mh->msg_controllen = 0;
		return (ssize_t)len;
	}
	assert_true(mh->msg_controllen >= CMSG_SPACE(sizeof(pi)));
	/* another option first, as the kernel may put one */
	cm = CMSG_FIRSTHDR(mh);
	cm->cmsg_level = IPPROTO_IPV6;
	cm->cmsg_type = IPV6_HOPLIMIT;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memset(CMSG_DATA(cm), 0, sizeof(int));
	cm = CMSG_NXTHDR(mh, cm);
	assert_non_null(cm);
	pi.ipi6_ifindex = (unsigned int)g->ifindex;
	cm->cmsg_level = IPPROTO_IPV6;
	cm->cmsg_type = IPV6_PKTINFO;
	cm->cmsg_len = CMSG_LEN(sizeof(pi));
	memcpy(CMSG_DATA(cm), &pi, sizeof(pi));
	mh->msg_controllen = CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(pi));
	return (ssize_t)len;
}

static void push(int ifindex, const char *payload, bool truncated)
{
	assert_true(n_queue < sizeof(queue) / sizeof(queue[0]));
	queue[n_queue].ifindex = ifindex;
	queue[n_queue].truncated = truncated;
	snprintf(queue[n_queue].payload, sizeof(queue[n_queue].payload), "%s",
		 payload);
	n_queue++;
}

/* What was delivered, "IFINDEX:PAYLOAD;" one after the other. */
static char got[8192];
static unsigned int n_got;

static void deliver(void *arg, struct imap_node *node, const uint8_t *msg,
		    size_t len)
{
	size_t used = strlen(got);

	assert_ptr_equal(arg, &map);
	n_got++;
	snprintf(got + used, sizeof(got) - used, "%d:%.*s;", node->ifindex,
		 (int)len, (const char *)msg);
}

static int setup(void **state)
{
	(void)state;
	memset(&map, 0, sizeof(map));
	n_queue = i_queue = n_got = 0;
	got[0] = '\0';
	return 0;
}

static void test_dispatch(void **state)
{
	(void)state;
	imap_add(&map, &nodes[0], 7);
	imap_add(&map, &nodes[1], 7 + IMAP_BUCKETS);
	push(7, "a", false);
	push(WAN, "wan", false);		/* the WAN's own client's */
	push(7 + IMAP_BUCKETS, "b", false);
	push(0, "nopktinfo", false);
	push(7, "long", true);			/* cut: not a whole message */
	push(9, "gone", false);			/* an identity no longer */
	push(7, "c", false);
	assert_int_equal(isock_receive(FAKE_FD, &map, deliver, &map), 7);
	assert_string_equal(got, "7:a;1031:b;7:c;");
	/* nothing left */
	assert_int_equal(isock_receive(FAKE_FD, &map, deliver, &map), 0);
}

/* A thousand identities, each answered: each answer to its own. */
static void test_dispatch_1000(void **state)
{
	unsigned int i, k, total = 0;
	char want[16];

	(void)state;
	for (i = 0; i < N_IDENTS; i++)
		imap_add(&map, &nodes[i], FIRST + (int)(i * 7 % N_IDENTS));
	for (i = 0; i < 300; i++) {
		char p[16];

		snprintf(p, sizeof(p), "m%u", i);
		push(FIRST + (int)(i * 13 % N_IDENTS), p, false);
	}
	/* ISOCK_BATCH at a time: the loop's other events are not starved */
	k = isock_receive(FAKE_FD, &map, deliver, &map);
	assert_int_equal(k, ISOCK_BATCH);
	total += k;
	total += isock_receive(FAKE_FD, &map, deliver, &map);
	assert_int_equal(total, 300);
	assert_int_equal(n_got, 300);
	for (i = 0; i < 300; i++) {
		snprintf(want, sizeof(want), "%d:m%u;",
			 FIRST + (int)(i * 13 % N_IDENTS), i);
		assert_non_null(strstr(got, want));
	}
}

/* ---- sending ---- */

static struct {
	struct sockaddr_in6 to;
	bool has_pktinfo;
	struct in6_pktinfo pi;
	char payload[16];
	unsigned int n;
} sent;

ssize_t __wrap_sendmsg(int fd, const struct msghdr *mh, int flags);
ssize_t __wrap_sendmsg(int fd, const struct msghdr *mh, int flags)
{
	struct cmsghdr *cm;

	(void)flags;
	assert_int_equal(fd, FAKE_FD);
	sent.n++;
	assert_int_equal(mh->msg_namelen, sizeof(sent.to));
	memcpy(&sent.to, mh->msg_name, sizeof(sent.to));
	assert_int_equal(mh->msg_iovlen, 1);
	snprintf(sent.payload, sizeof(sent.payload), "%.*s",
		 (int)mh->msg_iov[0].iov_len,
		 (const char *)mh->msg_iov[0].iov_base);
	sent.has_pktinfo = false;
	for (cm = CMSG_FIRSTHDR(mh); cm;
	     cm = CMSG_NXTHDR((struct msghdr *)mh, cm)) {
		if (cm->cmsg_level == IPPROTO_IPV6 &&
		    cm->cmsg_type == IPV6_PKTINFO &&
		    cm->cmsg_len == CMSG_LEN(sizeof(sent.pi))) {
			memcpy(&sent.pi, CMSG_DATA(cm), sizeof(sent.pi));
			sent.has_pktinfo = true;
		}
	}
	return (ssize_t)mh->msg_iov[0].iov_len;
}

static void test_send(void **state)
{
	static const struct in6_addr all = DHCP6_ALL_SERVERS;
	struct in6_addr ll;
	char buf[INET6_ADDRSTRLEN];

	(void)state;
	assert_int_equal(inet_pton(AF_INET6, "fe80::211:22ff:fe33:4455", &ll),
			 1);
	memset(&sent, 0, sizeof(sent));
	assert_int_equal(isock_send(FAKE_FD, 1234, &ll,
				    (const uint8_t *)"hi", 2), 0);
	assert_int_equal(sent.n, 1);
	assert_string_equal(sent.payload, "hi");
	assert_int_equal(sent.to.sin6_family, AF_INET6);
	assert_int_equal(ntohs(sent.to.sin6_port), DHCP6_SERVER_PORT);
	assert_memory_equal(&sent.to.sin6_addr, &all, 16);
	assert_int_equal(sent.to.sin6_scope_id, 1234);
	assert_true(sent.has_pktinfo);
	assert_int_equal(sent.pi.ipi6_ifindex, 1234);
	inet_ntop(AF_INET6, &sent.pi.ipi6_addr, buf, sizeof(buf));
	assert_string_equal(buf, "fe80::211:22ff:fe33:4455");
	/* no source known: the kernel chooses (::) */
	assert_int_equal(isock_send(FAKE_FD, 99, NULL,
				    (const uint8_t *)"x", 1), 0);
	assert_true(sent.has_pktinfo);
	assert_int_equal(sent.pi.ipi6_ifindex, 99);
	assert_true(IN6_IS_ADDR_UNSPECIFIED(&sent.pi.ipi6_addr));
	/* no identity, no socket: nothing goes */
	assert_int_equal(isock_send(FAKE_FD, 0, NULL, (const uint8_t *)"x", 1),
			 -ENOTCONN);
	assert_int_equal(isock_send(-1, 5, NULL, (const uint8_t *)"x", 1),
			 -ENOTCONN);
	assert_int_equal(sent.n, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map),
		cmocka_unit_test_setup(test_dispatch, setup),
		cmocka_unit_test_setup(test_dispatch_1000, setup),
		cmocka_unit_test(test_send),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
