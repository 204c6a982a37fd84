/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small generic netlink client: one socket, one request at a time.
 */
#ifndef V4V6CTL_NL_H
#define V4V6CTL_NL_H

#include <stdalign.h>
#include <stdint.h>

#include <libmnl/libmnl.h>

/* Room for any message v4v6ctl sends or receives, and then some. */
#define NL_BUFSIZE 32768

struct nl {
	struct mnl_socket *sock;
	unsigned int portid;
	uint32_t seq;
	uint16_t family;	/* the family's id, as resolved by nl_open() */
	char extack[256];	/* the kernel's message about the last request */
	alignas(struct nlmsghdr) char buf[NL_BUFSIZE];
};

/*
 * Open a generic netlink socket and resolve the id of the family @name.
 * Returns 0, -ENOENT when there is no such family, or another -errno.
 */
int nl_open(struct nl *nl, const char *name);

/* nl_open() for the v4v6 family, saying why it failed: 0 or -errno. */
int nl_connect(struct nl *nl);

void nl_close(struct nl *nl);

/*
 * Start a request of @cmd to the family in nl->buf, asking for an ack; the
 * caller appends attributes with mnl_attr_put*() and passes it to nl_talk().
 */
struct nlmsghdr *nl_request(struct nl *nl, uint8_t cmd, uint8_t version);

/*
 * Send @req and receive until the kernel acks it, passing every message of
 * the family to @cb (which may be NULL) with @data. Returns 0 or -errno: the
 * kernel's error, whose extended-ack message is then in nl->extack.
 */
int nl_talk(struct nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data);

/* Print "v4v6ctl: <strerror(-err)>[: <kernel's message>]" on stderr. */
void nl_perror(const struct nl *nl, int err);

#endif /* V4V6CTL_NL_H */
