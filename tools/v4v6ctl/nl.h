/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small generic netlink client: one socket, one request at a time.
 */
#ifndef V4V6CTL_NL_H
#define V4V6CTL_NL_H

#include <stdalign.h>
#include <stdint.h>

#include <libmnl/libmnl.h>
#include <linux/v4v6.h>

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

/* How nl_parse() checks an attribute; MNL_TYPE_UNSPEC: one it skips. */
struct nl_policy {
	enum mnl_attr_data_type type;
	size_t len;	/* the exact length of an MNL_TYPE_BINARY */
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

/* Like nl_request(), for a dump: all of the objects, without an ack. */
struct nlmsghdr *nl_dump_request(struct nl *nl, uint8_t cmd, uint8_t version);

/*
 * Send @req and receive until the kernel acks it (or ends the dump),
 * passing every message of the family to @cb (which may be NULL) with
 * @data. Returns 0 or -errno: the kernel's error, whose extended-ack message
 * is then in nl->extack; -EINTR for a dump that a change interrupted
 * (NLM_F_DUMP_INTR), which is better run again than believed.
 */
int nl_talk(struct nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data);

/* Print "v4v6ctl: <strerror(-err)>[: <kernel's message>]" on stderr. */
void nl_perror(const struct nl *nl, int err);

/*
 * The end of a command's talk: say why @err if it is not 0, close @nl.
 * Returns EXIT_OK or EXIT_FAIL.
 */
int nl_finish(struct nl *nl, int err);

/*
 * Join the multicast group @group of the family @name: 0, -ENOENT when the
 * family has no such group, or another -errno.
 */
int nl_subscribe(struct nl *nl, const char *name, const char *group);

/*
 * Receive one datagram of notifications and pass each message of the
 * family to @cb with @data: 0, or -errno (-ENOBUFS: some were lost).
 */
int nl_recv(struct nl *nl, mnl_cb_t cb, void *data);

/*
 * Put the attributes of @nlh (past its genetlink header) that @policy knows
 * into @tb, of @n entries (cleared first), after checking their types and
 * lengths. Attributes @policy does not know are skipped: a newer module's.
 * Returns 0, or -EPROTO when one is malformed or given twice.
 */
int nl_parse(const struct nlmsghdr *nlh, const struct nl_policy *policy,
	     size_t n, const struct nlattr **tb);

/*
 * The string attribute @attr (NULL: none) into @buf of @size bytes, cut to
 * fit; empty if none.
 */
void nl_attr_str(const struct nlattr *attr, char *buf, size_t size);

/* nl_parse() for the v4v6 family's attributes, enum v4v6_attr. */
int v4v6_parse(const struct nlmsghdr *nlh,
	       const struct nlattr *tb[V4V6_A_MAX + 1]);

#endif /* V4V6CTL_NL_H */
