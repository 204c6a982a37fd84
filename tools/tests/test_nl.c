// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of v4v6ctl's netlink client and commands against a fake kernel: the
 * libmnl socket calls are wrapped (ld --wrap) so that requests are answered
 * here, the way uapi/linux/v4v6.h says kmod/netlink.c and the genetlink
 * controller answer them, or deliberately not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/v4v6.h>

/* main() of v4v6ctl/main.c, renamed for the test, and its option. */
int v4v6ctl_main(int argc, char **argv);
extern bool json_output;

#define FAMILY_ID 0x20
#define PORTID 4242

/* What the fake kernel does. */
enum mode {
	NORMAL,
	BAD_PREF64_LEN,		/* reply's PREF64 is 15 bytes */
	MISSING_ATTR,		/* reply lacks LOWEST_MTU, or a device's DROPS */
	EXTRA_ATTR,		/* reply has an attribute from the future */
	NO_REPLY,		/* ack without a reply */
	NO_ACK,			/* nothing at all */
	SHORT_ERROR,		/* NLMSG_ERROR shorter than struct nlmsgerr */
	BAD_ECHO_LEN,		/* uncapped error echoing a bogus length */
	WRONG_SEQ,		/* reply to another request */
	DUMP_ERROR,		/* a dump ends with an error in NLMSG_DONE */
	DUMP_INTR,		/* every dump is marked NLM_F_DUMP_INTR */
	BAD_STATS,		/* a counter is not a u64 */
	BAD_ALLOW,		/* a device's allow rule lacks its protocol */
	MANY_ALLOW,		/* a device has V4V6_ALLOW_MAX + 1 rules */
};

#define EVENTS_GROUP 5
#define MAX_DEVS 8
#define MAX_CMDS 16

/* An allow rule of a fake device; a port of -1 is left out. */
struct fake_rule {
	uint8_t proto;
	int min, max;
};

/* A device of the fake table. */
struct fake_dev {
	uint8_t mac[6];
	const char *ipv4;
	const char *ipv6;
	uint32_t wan;
	uint8_t state;
	uint32_t flags;
	uint64_t idle_ms, tx_packets, tx_bytes, rx_packets, rx_bytes, drops;
	const char *wan_gone;	/* its identity went: the name it had */
	uint64_t unsolicited;	/* 0: V4V6_A_DEV_UNSOLICITED left out */
	struct fake_rule allow[4];	/* up to a rule of proto 0 */
};

/* A datagram to receive, or the error (-errno) to receive instead. */
struct dgram {
	alignas(struct nlmsghdr) char buf[8192];
	int err;
};

static struct {
	bool loaded;
	enum mode mode;
	int error;		/* the answer to a change, or to GET_DEVICE */
	const char *extack;	/* its extended-ack message */
	bool capped;		/* whether the request is left out of errors */
	uint32_t lan, wan, mtu;
	struct in6_addr pref64;
	uint8_t pref64_len;
	uint8_t unknown;
	uint8_t inbound;
	bool no_inbound;	/* a module without V4V6_A_CFG_INBOUND */
	const char *lan_gone, *wan_gone;	/* NULL: not gone */
	struct fake_dev devs[MAX_DEVS];
	int n_devs;
	uint64_t stats[__V4V6_STAT_MAX];
	/* The last request of the family, and the commands of a run. */
	alignas(struct nlmsghdr) char req[4096];
	uint8_t cmds[MAX_CMDS];
	int n_cmds;
	int intr_dumps;		/* the next dumps marked NLM_F_DUMP_INTR */
	/* The datagrams to receive. */
	struct dgram q[8];
	int queued, received;
	int sockets;		/* open ones */
	bool ext_ack;		/* NETLINK_EXT_ACK was set */
	uint32_t group;		/* the multicast group joined */
	void (*on_join)(void);	/* queues the events once joined */
} k;

static char fake_socket;

struct mnl_socket *__wrap_mnl_socket_open(int bus)
{
	assert_int_equal(bus, NETLINK_GENERIC);
	k.sockets++;
	return (struct mnl_socket *)&fake_socket;
}

int __wrap_mnl_socket_bind(struct mnl_socket *nl, unsigned int groups,
			   pid_t pid)
{
	assert_ptr_equal(nl, &fake_socket);
	assert_int_equal(groups, 0);
	assert_int_equal(pid, MNL_SOCKET_AUTOPID);
	return 0;
}

int __wrap_mnl_socket_setsockopt(const struct mnl_socket *nl, int type,
				 void *buf, socklen_t len)
{
	assert_ptr_equal(nl, &fake_socket);
	assert_int_equal(len, sizeof(int));
	if (type == NETLINK_EXT_ACK)
		k.ext_ack = *(int *)buf;
	if (type == NETLINK_ADD_MEMBERSHIP) {
		k.group = *(uint32_t *)buf;
		if (k.on_join)
			k.on_join();
	}
	return 0;
}

unsigned int __wrap_mnl_socket_get_portid(const struct mnl_socket *nl)
{
	assert_ptr_equal(nl, &fake_socket);
	return PORTID;
}

int __wrap_mnl_socket_close(struct mnl_socket *nl)
{
	assert_ptr_equal(nl, &fake_socket);
	k.sockets--;
	return 0;
}

/* The length of the messages in @d: up to the first of length 0. */
static size_t dgram_len(const struct dgram *d)
{
	size_t off = 0;

	while (off + NLMSG_HDRLEN <= sizeof(d->buf)) {
		const struct nlmsghdr *nlh = (const void *)(d->buf + off);

		if (!nlh->nlmsg_len)
			break;
		off += NLMSG_ALIGN(nlh->nlmsg_len);
	}
	return off;
}

ssize_t __wrap_mnl_socket_recvfrom(const struct mnl_socket *nl, void *buf,
				   size_t size)
{
	const struct dgram *d;
	size_t len;

	assert_ptr_equal(nl, &fake_socket);
	if (k.received == k.queued) {
		errno = EAGAIN;
		return -1;
	}
	d = &k.q[k.received++];
	if (d->err) {
		errno = -d->err;
		return -1;
	}
	len = dgram_len(d);
	assert_true(len <= size);
	memcpy(buf, d->buf, len);
	return (ssize_t)len;
}

/* A new datagram, empty. */
static struct dgram *new_dgram(void)
{
	struct dgram *d;

	assert_true(k.queued < (int)(sizeof(k.q) / sizeof(k.q[0])));
	d = &k.q[k.queued++];
	memset(d, 0, sizeof(*d));
	return d;
}

/* A message of @type and @seq, in a new datagram or after the last one. */
static struct nlmsghdr *put_msg(uint32_t seq, uint16_t type, bool same)
{
	struct dgram *d = same ? &k.q[k.queued - 1] : new_dgram();
	struct nlmsghdr *nlh;

	assert_true(dgram_len(d) + 2048 <= sizeof(d->buf));
	nlh = mnl_nlmsg_put_header(d->buf + dgram_len(d));
	nlh->nlmsg_type = type;
	nlh->nlmsg_seq = seq;
	nlh->nlmsg_pid = seq ? PORTID : 0;
	return nlh;
}

/* A new datagram answering @req. */
static struct nlmsghdr *put(const struct nlmsghdr *req, uint16_t type)
{
	return put_msg(req->nlmsg_seq + (k.mode == WRONG_SEQ), type, false);
}

static void put_genl_hdr(struct nlmsghdr *nlh, uint8_t cmd)
{
	struct genlmsghdr *genl;

	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
}

static struct nlmsghdr *put_genl(const struct nlmsghdr *req, uint16_t type,
				 uint8_t cmd)
{
	struct nlmsghdr *nlh = put(req, type);

	put_genl_hdr(nlh, cmd);
	return nlh;
}

/* An ack (@error 0) or an error, as netlink_ack() lays them out. */
static void put_err(const struct nlmsghdr *req, int error, const char *msg)
{
	struct nlmsghdr *nlh = put(req, NLMSG_ERROR);
	struct nlmsgerr *err;
	size_t echo = req->nlmsg_len - NLMSG_HDRLEN;

	err = mnl_nlmsg_put_extra_header(nlh, sizeof(*err));
	err->error = error;
	err->msg = *req;
	if (k.mode == SHORT_ERROR) {
		nlh->nlmsg_len = NLMSG_HDRLEN + sizeof(int);
		return;
	}
	if (error && !k.capped) {
		memcpy(mnl_nlmsg_put_extra_header(nlh, echo), req + 1, echo);
	} else {
		nlh->nlmsg_flags |= NLM_F_CAPPED;
	}
	if (k.mode == BAD_ECHO_LEN)
		err->msg.nlmsg_len = 60000;
	if (msg && k.ext_ack) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
	}
}

/* The end of a dump, as netlink_dump_done() lays it out. */
static void put_done(const struct nlmsghdr *req, int error, const char *msg)
{
	struct nlmsghdr *nlh = put_msg(req->nlmsg_seq, NLMSG_DONE, true);
	int *e = mnl_nlmsg_put_extra_header(nlh, sizeof(int));

	*e = error;
	nlh->nlmsg_flags = NLM_F_MULTI;
	if (msg && k.ext_ack) {
		nlh->nlmsg_flags |= NLM_F_ACK_TLVS;
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, msg);
	}
}

static void answer_ctrl(const struct nlmsghdr *req)
{
	const struct nlattr *attr;
	const char *name = NULL;
	struct nlmsghdr *nlh;
	struct nlattr *groups, *grp;

	assert_int_equal(((struct genlmsghdr *)(req + 1))->cmd,
			 CTRL_CMD_GETFAMILY);
	mnl_attr_for_each(attr, req, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_NAME)
			name = mnl_attr_get_str(attr);
	assert_non_null(name);
	if (!k.loaded || strcmp(name, V4V6_GENL_NAME)) {
		put_err(req, -ENOENT, NULL);
		return;
	}
	nlh = put_genl(req, GENL_ID_CTRL, CTRL_CMD_NEWFAMILY);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	mnl_attr_put_u16(nlh, CTRL_ATTR_FAMILY_ID, FAMILY_ID);
	mnl_attr_put_u32(nlh, CTRL_ATTR_VERSION, V4V6_GENL_VERSION);
	/* Another group first, to be told apart. */
	groups = mnl_attr_nest_start(nlh, CTRL_ATTR_MCAST_GROUPS);
	grp = mnl_attr_nest_start(nlh, 1);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, EVENTS_GROUP + 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, "eventsx");
	mnl_attr_nest_end(nlh, grp);
	grp = mnl_attr_nest_start(nlh, 2);
	mnl_attr_put_u32(nlh, CTRL_ATTR_MCAST_GRP_ID, EVENTS_GROUP);
	mnl_attr_put_strz(nlh, CTRL_ATTR_MCAST_GRP_NAME, V4V6_GENL_MCGRP_EVENTS);
	mnl_attr_nest_end(nlh, grp);
	mnl_attr_nest_end(nlh, groups);
	put_err(req, 0, NULL);
}

static void put_config(struct nlmsghdr *nlh)
{
	mnl_attr_put_u32(nlh, V4V6_A_CFG_LAN_IFINDEX, k.lan);
	mnl_attr_put_u32(nlh, V4V6_A_CFG_WAN_IFINDEX, k.wan);
	mnl_attr_put(nlh, V4V6_A_CFG_PREF64,
		     sizeof(k.pref64) - (k.mode == BAD_PREF64_LEN), &k.pref64);
	mnl_attr_put_u8(nlh, V4V6_A_CFG_PREF64_LEN, k.pref64_len);
	if (k.mode != MISSING_ATTR)
		mnl_attr_put_u32(nlh, V4V6_A_CFG_LOWEST_MTU, k.mtu);
	mnl_attr_put_u8(nlh, V4V6_A_CFG_UNKNOWN, k.unknown);
	if (!k.no_inbound)
		mnl_attr_put_u8(nlh, V4V6_A_CFG_INBOUND, k.inbound);
	if (k.lan_gone)
		mnl_attr_put_strz(nlh, V4V6_A_CFG_LAN_GONE, k.lan_gone);
	if (k.wan_gone)
		mnl_attr_put_strz(nlh, V4V6_A_CFG_WAN_GONE, k.wan_gone);
	if (k.mode == EXTRA_ATTR)
		mnl_attr_put_u64(nlh, V4V6_A_MAX + 1, 7);
}

static void answer_get_config(const struct nlmsghdr *req)
{
	if (k.mode != NO_REPLY)
		put_config(put_genl(req, FAMILY_ID, V4V6_CMD_GET_CONFIG));
	put_err(req, 0, NULL);
}

/* A device's allow rules, if it has any (or if k.mode says so). */
static void put_allow(struct nlmsghdr *nlh, const struct fake_dev *d)
{
	struct nlattr *nest, *rule;
	int i, n = 0;

	while (n < 4 && d->allow[n].proto)
		n++;
	if (k.mode == MANY_ALLOW)
		n = V4V6_ALLOW_MAX + 1;
	if (!n && k.mode != BAD_ALLOW)
		return;
	nest = mnl_attr_nest_start(nlh, V4V6_A_DEV_ALLOW);
	for (i = 0; i < n; i++) {
		const struct fake_rule *fr = &d->allow[i % 4];

		rule = mnl_attr_nest_start(nlh, V4V6_A_ALLOW);
		mnl_attr_put_u8(nlh, V4V6_A_ALLOW_PROTO,
				fr->proto ? fr->proto : IPPROTO_ICMP);
		if (fr->min >= 0)
			mnl_attr_put_u16(nlh, V4V6_A_ALLOW_PORT_MIN,
					 (uint16_t)fr->min);
		if (fr->max >= 0)
			mnl_attr_put_u16(nlh, V4V6_A_ALLOW_PORT_MAX,
					 (uint16_t)fr->max);
		if (k.mode == EXTRA_ATTR)
			mnl_attr_put_u32(nlh, V4V6_A_ALLOW_PORT_MAX + 5, 7);
		mnl_attr_nest_end(nlh, rule);
	}
	if (k.mode == BAD_ALLOW) {
		rule = mnl_attr_nest_start(nlh, V4V6_A_ALLOW);
		mnl_attr_put_u16(nlh, V4V6_A_ALLOW_PORT_MIN, 22);
		mnl_attr_nest_end(nlh, rule);
	}
	mnl_attr_nest_end(nlh, nest);
}

/* The attributes of a device, as a GET_DEVICE reply lays them out. */
static void put_dev(struct nlmsghdr *nlh, const struct fake_dev *d)
{
	struct in6_addr v6;
	struct in_addr v4;

	assert_int_equal(inet_pton(AF_INET, d->ipv4, &v4), 1);
	assert_int_equal(inet_pton(AF_INET6, d->ipv6, &v6), 1);
	mnl_attr_put(nlh, V4V6_A_DEV_MAC, 6, d->mac);
	mnl_attr_put_u32(nlh, V4V6_A_DEV_IPV4, v4.s_addr);
	mnl_attr_put(nlh, V4V6_A_DEV_IPV6, sizeof(v6), &v6);
	mnl_attr_put_u32(nlh, V4V6_A_DEV_WAN_IFINDEX, d->wan);
	mnl_attr_put_u8(nlh, V4V6_A_DEV_STATE, d->state);
	mnl_attr_put_u32(nlh, V4V6_A_DEV_FLAGS, d->flags);
	/* What nla_put_u64_64bit() may put before a u64. */
	mnl_attr_put(nlh, V4V6_A_PAD, 0, NULL);
	mnl_attr_put_u64(nlh, V4V6_A_DEV_IDLE_MS, d->idle_ms);
	mnl_attr_put_u64(nlh, V4V6_A_DEV_TX_PACKETS, d->tx_packets);
	mnl_attr_put_u64(nlh, V4V6_A_DEV_TX_BYTES, d->tx_bytes);
	mnl_attr_put_u64(nlh, V4V6_A_DEV_RX_PACKETS, d->rx_packets);
	mnl_attr_put_u64(nlh, V4V6_A_DEV_RX_BYTES, d->rx_bytes);
	if (k.mode != MISSING_ATTR)
		mnl_attr_put_u64(nlh, V4V6_A_DEV_DROPS, d->drops);
	if (d->wan_gone)
		mnl_attr_put_strz(nlh, V4V6_A_DEV_WAN_GONE, d->wan_gone);
	if (d->unsolicited)
		mnl_attr_put_u64(nlh, V4V6_A_DEV_UNSOLICITED, d->unsolicited);
	put_allow(nlh, d);
	if (k.mode == EXTRA_ATTR)
		mnl_attr_put_u64(nlh, V4V6_A_MAX + 1, 7);
}

/* Whether @d is the device that the attribute @key names. */
static bool dev_matches(const struct fake_dev *d, const struct nlattr *key)
{
	struct in6_addr v6;
	struct in_addr v4;

	inet_pton(AF_INET, d->ipv4, &v4);
	inet_pton(AF_INET6, d->ipv6, &v6);
	switch (mnl_attr_get_type(key)) {
	case V4V6_A_DEV_MAC:
		return !memcmp(mnl_attr_get_payload(key), d->mac, 6);
	case V4V6_A_DEV_IPV4:
		return mnl_attr_get_u32(key) == v4.s_addr;
	case V4V6_A_DEV_IPV6:
		return !memcmp(mnl_attr_get_payload(key), &v6, sizeof(v6));
	}
	fail_msg("GET_DEVICE with attribute %u", mnl_attr_get_type(key));
	return false;
}

static void answer_get_device(const struct nlmsghdr *req)
{
	const struct nlattr *key = mnl_nlmsg_get_payload_offset(req,
								GENL_HDRLEN);
	int i;

	/* Exactly one attribute. */
	assert_true(mnl_attr_ok(key, (int)(req->nlmsg_len - NLMSG_HDRLEN -
					   GENL_HDRLEN)));
	assert_int_equal(NLMSG_HDRLEN + GENL_HDRLEN + NLA_ALIGN(key->nla_len),
			 req->nlmsg_len);
	for (i = 0; i < k.n_devs && !k.error; i++) {
		if (!dev_matches(&k.devs[i], key))
			continue;
		if (k.mode != NO_REPLY)
			put_dev(put_genl(req, FAMILY_ID, V4V6_CMD_GET_DEVICE),
				&k.devs[i]);
		put_err(req, 0, NULL);
		return;
	}
	put_err(req, k.error ? k.error : -ENOENT, k.extack);
}

/* A dump: two devices a datagram, NLMSG_DONE after the last. */
static void answer_dump(const struct nlmsghdr *req)
{
	struct nlmsghdr *nlh;
	int i;

	assert_int_equal(req->nlmsg_len, NLMSG_HDRLEN + GENL_HDRLEN);
	for (i = 0; i < k.n_devs; i++) {
		nlh = put_msg(req->nlmsg_seq, FAMILY_ID, i % 2);
		nlh->nlmsg_flags = NLM_F_MULTI;
		if (k.mode == DUMP_INTR || k.intr_dumps > 0)
			nlh->nlmsg_flags |= NLM_F_DUMP_INTR;
		put_genl_hdr(nlh, V4V6_CMD_GET_DEVICE);
		put_dev(nlh, &k.devs[i]);
		if (k.mode == DUMP_ERROR)
			break;
	}
	if (!k.n_devs)
		new_dgram();
	put_done(req, k.mode == DUMP_ERROR ? -EINVAL : 0, k.extack);
	if (k.intr_dumps > 0)
		k.intr_dumps--;
}

static void answer_stats(const struct nlmsghdr *req)
{
	struct nlmsghdr *nlh = put_genl(req, FAMILY_ID, V4V6_CMD_GET_STATS);
	struct nlattr *nest;
	int i;

	mnl_attr_put_u32(nlh, V4V6_A_DEVICES, (uint32_t)k.n_devs);
	nest = mnl_attr_nest_start(nlh, V4V6_A_STATS);
	for (i = 1; i < __V4V6_STAT_MAX; i++) {
		/* What nla_put_u64_64bit(..., V4V6_STAT_UNSPEC) may add. */
		if (i % 2)
			mnl_attr_put(nlh, V4V6_STAT_UNSPEC, 0, NULL);
		mnl_attr_put_u64(nlh, (uint16_t)i, k.stats[i]);
	}
	/* Counters of a newer module. */
	mnl_attr_put_u64(nlh, 200, 7);
	mnl_attr_put_u64(nlh, 1000, 8);
	if (k.mode == BAD_STATS)
		mnl_attr_put_u32(nlh, 201, 9);
	mnl_attr_nest_end(nlh, nest);
	put_err(req, 0, NULL);
}

ssize_t __wrap_mnl_socket_sendto(const struct mnl_socket *nl, const void *buf,
				 size_t len)
{
	const struct nlmsghdr *req = buf;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(req);
	bool dump = genl->cmd == V4V6_CMD_GET_DEVICE &&
		    (req->nlmsg_flags & NLM_F_DUMP);

	assert_ptr_equal(nl, &fake_socket);
	assert_int_equal(req->nlmsg_len, len);
	assert_true(len >= NLMSG_HDRLEN + GENL_HDRLEN);
	/* Dumps end with NLMSG_DONE: an ack is not asked for. */
	assert_int_equal(req->nlmsg_flags, NLM_F_REQUEST |
			 (dump ? NLM_F_DUMP : NLM_F_ACK));
	k.queued = k.received = 0;
	if (k.mode == NO_ACK)
		return (ssize_t)len;
	if (req->nlmsg_type == GENL_ID_CTRL) {
		answer_ctrl(req);
		return (ssize_t)len;
	}
	assert_int_equal(req->nlmsg_type, FAMILY_ID);
	assert_int_equal(genl->version, V4V6_GENL_VERSION);
	assert_true(len <= sizeof(k.req));
	memcpy(k.req, buf, len);
	assert_true(k.n_cmds < MAX_CMDS);
	k.cmds[k.n_cmds++] = genl->cmd;
	switch (genl->cmd) {
	case V4V6_CMD_GET_CONFIG:
		answer_get_config(req);
		break;
	case V4V6_CMD_GET_DEVICE:
		if (dump)
			answer_dump(req);
		else
			answer_get_device(req);
		break;
	case V4V6_CMD_GET_STATS:
		answer_stats(req);
		break;
	case V4V6_CMD_SET_CONFIG:
	case V4V6_CMD_NEW_DEVICE:
	case V4V6_CMD_SET_DEVICE:
	case V4V6_CMD_DEL_DEVICE:
	case V4V6_CMD_FLUSH:
		put_err(req, k.error, k.extack);
		break;
	default:
		fail_msg("unexpected command %u", genl->cmd);
	}
	return (ssize_t)len;
}

/* Three devices, not in the order of their IPv4 addresses. */
static const struct fake_dev devs[] = {
	{ { 2, 0, 0, 0, 0, 0x0b }, "192.168.1.11", "2001:db8:6::100b", 0,
	  V4V6_DEV_STATE_INACTIVE, 0, 600000, 0, 0, 0, 0, 0, NULL, 0, { { 0 } } },
	{ { 2, 0, 0, 0, 0, 0x0a }, "192.168.1.10", "2001:db8:6::100a", 1,
	  V4V6_DEV_STATE_ACTIVE, V4V6_DEV_F_STATIC, 1234, 10, 840, 9, 1000, 0, NULL,
	  5, { { IPPROTO_TCP, 22, 22 }, { IPPROTO_UDP, 5000, 5010 },
	       { IPPROTO_ICMP, -1, -1 } } },
	/* Every TCP port (MAX alone), UDP port 53 (MIN alone). */
	{ { 2, 0xab, 0, 0, 0, 0x02 }, "10.0.0.2", "2001:db8:6::2", 999999,
	  V4V6_DEV_STATE_ACTIVE, V4V6_DEV_F_CONFLICT, 5, 1, 1ull << 40, 2, 3,
	  4, NULL,
	  1ull << 33, { { IPPROTO_TCP, -1, 65535 }, { IPPROTO_UDP, 53, -1 } } },
};

#define DEV_B "02:00:00:00:00:0b 192.168.1.11 2001:db8:6::100b wan - " \
	      "inactive dynamic idle 600.0s tx 0/0 rx 0/0 drops 0 " \
	      "unsolicited 0\n"
#define DEV_A "02:00:00:00:00:0a 192.168.1.10 2001:db8:6::100a wan lo " \
	      "active static idle 1.2s tx 10/840 rx 9/1000 drops 0 " \
	      "unsolicited 5 allow tcp 22, udp 5000-5010, icmp\n"
#define DEV_2 "02:ab:00:00:00:02 10.0.0.2 2001:db8:6::2 wan if999999 " \
	      "active dynamic idle 0.0s tx 1/1099511627776 rx 2/3 drops 4 " \
	      "unsolicited 8589934592 conflict allow tcp, udp 53\n"
#define JSON_B "{\"mac\":\"02:00:00:00:00:0b\",\"ipv4\":\"192.168.1.11\"," \
	"\"ipv6\":\"2001:db8:6::100b\",\"wan\":null,\"wan_ifindex\":0," \
	"\"wan_gone\":null,\"state\":\"inactive\",\"static\":false," \
	"\"conflict\":false,\"idle_ms\":600000," \
	"\"tx_packets\":0,\"tx_bytes\":0,\"rx_packets\":0,\"rx_bytes\":0," \
	"\"drops\":0,\"unsolicited\":0,\"allow\":[]}"
#define JSON_A "{\"mac\":\"02:00:00:00:00:0a\",\"ipv4\":\"192.168.1.10\"," \
	"\"ipv6\":\"2001:db8:6::100a\",\"wan\":\"lo\",\"wan_ifindex\":1," \
	"\"wan_gone\":null,\"state\":\"active\",\"static\":true," \
	"\"conflict\":false,\"idle_ms\":1234," \
	"\"tx_packets\":10,\"tx_bytes\":840,\"rx_packets\":9," \
	"\"rx_bytes\":1000,\"drops\":0,\"unsolicited\":5,\"allow\":[" \
	"{\"proto\":\"tcp\",\"ports\":\"22\"}," \
	"{\"proto\":\"udp\",\"ports\":\"5000-5010\"}," \
	"{\"proto\":\"icmp\",\"ports\":null}]}"
#define JSON_2 "{\"mac\":\"02:ab:00:00:00:02\",\"ipv4\":\"10.0.0.2\"," \
	"\"ipv6\":\"2001:db8:6::2\",\"wan\":\"if999999\"," \
	"\"wan_ifindex\":999999,\"wan_gone\":null,\"state\":\"active\"," \
	"\"static\":false,\"conflict\":true," \
	"\"idle_ms\":5,\"tx_packets\":1,\"tx_bytes\":1099511627776," \
	"\"rx_packets\":2,\"rx_bytes\":3,\"drops\":4," \
	"\"unsolicited\":8589934592,\"allow\":[" \
	"{\"proto\":\"tcp\",\"ports\":null}," \
	"{\"proto\":\"udp\",\"ports\":\"53\"}]}"
#define JSON_CONFIG "{\"lan\":\"lo\",\"lan_ifindex\":1,\"lan_gone\":null," \
	"\"wan\":null,\"wan_ifindex\":0,\"wan_gone\":null,\"pref64\":\"64:ff9b::/96\",\"lowest_mtu\":1280," \
	"\"unknown\":\"pass\",\"inbound\":\"replies\"}"

static int setup(void **state)
{
	(void)state;
	memset(&k, 0, sizeof(k));
	k.loaded = true;
	k.capped = true;
	k.lan = 1;	/* lo, in any namespace */
	k.mtu = 1280;
	k.pref64_len = 96;
	inet_pton(AF_INET6, "64:ff9b::", &k.pref64);
	return 0;
}

/* The fake table: the devices above. */
static void add_devs(void)
{
	memcpy(k.devs, devs, sizeof(devs));
	k.n_devs = (int)(sizeof(devs) / sizeof(devs[0]));
}

/* v4v6ctl's stdout and stderr of the last run. */
static char out[8192], errout[4096];

/* While v4v6ctl runs: its stdout and stderr, and the test's. */
static FILE *run_out, *run_err;
static int saved_out = -1, saved_err = -1;

static void slurp(FILE *f, char *buf, size_t size)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Give the test its stdout and stderr back, v4v6ctl's in out and errout. */
static void restore(void)
{
	if (saved_out < 0)
		return;
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	saved_out = saved_err = -1;
	slurp(run_out, out, sizeof(out));
	slurp(run_err, errout, sizeof(errout));
}

/* After a failure while v4v6ctl ran, show what the failure printed. */
static int teardown(void **state)
{
	(void)state;
	if (saved_out >= 0) {
		restore();
		fprintf(stderr, "v4v6ctl's stdout:\n%s\nits stderr, and the "
			"failure:\n%s\n", out, errout);
	}
	return 0;
}

/* Run v4v6ctl with the arguments, into out and errout; its exit status. */
#define RUN(...) run((const char *[]){ "v4v6ctl", __VA_ARGS__, NULL })
static int run(const char **args)
{
	char *argv[64];
	int argc, ret;

	for (argc = 0; args[argc]; argc++) {
		assert_true(argc < 63);
		argv[argc] = (char *)args[argc];
	}
	argv[argc] = NULL;

	run_out = tmpfile();
	run_err = tmpfile();
	assert_non_null(run_out);
	assert_non_null(run_err);
	fflush(stdout);
	fflush(stderr);
	saved_out = dup(1);
	saved_err = dup(2);
	assert_true(saved_out >= 0 && saved_err >= 0);
	dup2(fileno(run_out), 1);
	dup2(fileno(run_err), 2);
	optind = 0;	/* getopt starts afresh */
	json_output = false;
	k.n_cmds = 0;
	ret = v4v6ctl_main(argc, argv);
	restore();
	assert_int_equal(k.sockets, 0);	/* every socket closed */
	return ret;
}

static void test_show(void **state)
{
	(void)state;
	assert_int_equal(RUN("config", "show"), 0);
	assert_string_equal(out, "lan: lo\nwan: none\npref64: 64:ff9b::/96\n"
			    "lowest-mtu: 1280\nunknown: pass\n"
			    "inbound: replies\n");
	assert_string_equal(errout, "");
	assert_true(k.ext_ack);

	k.lan = 0;
	k.wan = 999999;
	k.mtu = 1500;
	k.pref64_len = 32;
	k.unknown = V4V6_UNKNOWN_DROP;
	k.inbound = V4V6_INBOUND_ALL;
	inet_pton(AF_INET6, "2001:db8::", &k.pref64);
	assert_int_equal(RUN("config"), 0);
	assert_string_equal(out, "lan: none\n"
			    "wan: ifindex 999999 (no such interface)\n"
			    "pref64: 2001:db8::/32\nlowest-mtu: 1500\n"
			    "unknown: drop\ninbound: all\n");
	/* A policy of a newer module, by number. */
	k.unknown = 9;
	k.inbound = 7;
	assert_int_equal(RUN("config"), 0);
	assert_non_null(strstr(out, "\nunknown: 9\ninbound: 7\n"));
	/* A module without the inbound policy lets everything in. */
	k.inbound = V4V6_INBOUND_REPLIES;
	k.no_inbound = true;
	assert_int_equal(RUN("config"), 0);
	assert_non_null(strstr(out, "\ninbound: all\n"));
}

static void test_show_json(void **state)
{
	(void)state;
	assert_int_equal(RUN("-j", "config", "show"), 0);
	assert_string_equal(out, JSON_CONFIG "\n");
	k.wan = 999999;
	assert_int_equal(RUN("config", "show", "--json"), 0);
	assert_non_null(strstr(out, "\"wan\":null,\"wan_ifindex\":999999,"));
	k.unknown = V4V6_UNKNOWN_DROP;
	k.inbound = V4V6_INBOUND_ALL;
	assert_int_equal(RUN("config", "show", "--json"), 0);
	assert_non_null(strstr(out, ",\"unknown\":\"drop\","
			       "\"inbound\":\"all\"}\n"));
}

static void test_not_loaded(void **state)
{
	static const char msg[] = "v4v6ctl: the v4v6 module is not loaded "
				  "(generic netlink family v4v6 not found)\n";

	(void)state;
	k.loaded = false;
	assert_int_equal(RUN("config", "show"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, msg);
	assert_int_equal(RUN("config", "set", "lowest-mtu", "1400"), 1);
	assert_string_equal(errout, msg);
}

static void assert_mac(const struct nlattr *attr, const char *mac)
{
	uint8_t want[6];

	assert_non_null(attr);
	assert_int_equal(sscanf(mac, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &want[0],
				&want[1], &want[2], &want[3], &want[4],
				&want[5]), 6);
	assert_int_equal(mnl_attr_get_payload_len(attr), 6);
	assert_memory_equal(mnl_attr_get_payload(attr), want, 6);
}

static void assert_ipv4(const struct nlattr *attr, const char *ipv4)
{
	struct in_addr want;

	assert_non_null(attr);
	assert_int_equal(inet_pton(AF_INET, ipv4, &want), 1);
	assert_int_equal(mnl_attr_validate(attr, MNL_TYPE_U32), 0);
	/* In network byte order. */
	assert_int_equal(mnl_attr_get_u32(attr), want.s_addr);
}

static void assert_ipv6(const struct nlattr *attr, const char *ipv6)
{
	struct in6_addr want;

	assert_non_null(attr);
	assert_int_equal(inet_pton(AF_INET6, ipv6, &want), 1);
	assert_int_equal(mnl_attr_get_payload_len(attr), 16);
	assert_memory_equal(mnl_attr_get_payload(attr), &want, 16);
}

static void assert_u32(const struct nlattr *attr, uint32_t v)
{
	assert_non_null(attr);
	assert_int_equal(mnl_attr_validate(attr, MNL_TYPE_U32), 0);
	assert_int_equal(mnl_attr_get_u32(attr), v);
}

static void assert_u8(const struct nlattr *attr, uint8_t v)
{
	assert_non_null(attr);
	assert_int_equal(mnl_attr_validate(attr, MNL_TYPE_U8), 0);
	assert_int_equal(mnl_attr_get_u8(attr), v);
}

/* The attributes of the last request but @n, all NULL. */
static void assert_only(const struct nlattr *tb[V4V6_A_MAX + 1], int n)
{
	int type, present = 0;

	for (type = 1; type <= V4V6_A_MAX; type++)
		present += !!tb[type];
	assert_int_equal(present, n);
}

/* The attributes of the last SET_CONFIG request. */
/* The attributes of the last request of the family, of command @cmd. */
static void req_attrs(uint8_t cmd, const struct nlattr *tb[V4V6_A_MAX + 1])
{
	const struct nlmsghdr *req = (const void *)k.req;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(req);
	const struct nlattr *attr;

	assert_int_equal(genl->cmd, cmd);
	memset(tb, 0, sizeof(*tb) * (V4V6_A_MAX + 1));
	mnl_attr_for_each(attr, req, GENL_HDRLEN) {
		uint16_t type = mnl_attr_get_type(attr);

		assert_in_range(type, 1, V4V6_A_MAX);
		assert_null(tb[type]);
		tb[type] = attr;
	}
}

static void test_set(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];
	struct in6_addr want;

	(void)state;
	assert_int_equal(RUN("config", "set", "lan", "lo", "wan", "none",
			     "pref64", "2001:db8:100::/40", "lowest-mtu",
			     "1400", "unknown", "drop", "inbound", "all"), 0);
	assert_string_equal(out, "");
	assert_string_equal(errout, "");
	req_attrs(V4V6_CMD_SET_CONFIG, tb);
	assert_int_equal(mnl_attr_validate(tb[V4V6_A_CFG_LAN_IFINDEX],
					   MNL_TYPE_U32), 0);
	assert_int_equal(mnl_attr_get_u32(tb[V4V6_A_CFG_LAN_IFINDEX]), 1);
	assert_int_equal(mnl_attr_get_u32(tb[V4V6_A_CFG_WAN_IFINDEX]), 0);
	assert_int_equal(mnl_attr_get_payload_len(tb[V4V6_A_CFG_PREF64]), 16);
	inet_pton(AF_INET6, "2001:db8:100::", &want);
	assert_memory_equal(mnl_attr_get_payload(tb[V4V6_A_CFG_PREF64]),
			    &want, 16);
	assert_int_equal(mnl_attr_validate(tb[V4V6_A_CFG_PREF64_LEN],
					   MNL_TYPE_U8), 0);
	assert_int_equal(mnl_attr_get_u8(tb[V4V6_A_CFG_PREF64_LEN]), 40);
	assert_int_equal(mnl_attr_get_u32(tb[V4V6_A_CFG_LOWEST_MTU]), 1400);
	assert_int_equal(mnl_attr_validate(tb[V4V6_A_CFG_UNKNOWN],
					   MNL_TYPE_U8), 0);
	assert_int_equal(mnl_attr_get_u8(tb[V4V6_A_CFG_UNKNOWN]),
			 V4V6_UNKNOWN_DROP);
	assert_u8(tb[V4V6_A_CFG_INBOUND], V4V6_INBOUND_ALL);

	/* Only what is given, abbreviated or not. */
	assert_int_equal(RUN("config", "se", "lo", "1500"), 0);
	req_attrs(V4V6_CMD_SET_CONFIG, tb);
	assert_null(tb[V4V6_A_CFG_LAN_IFINDEX]);
	assert_null(tb[V4V6_A_CFG_WAN_IFINDEX]);
	assert_null(tb[V4V6_A_CFG_PREF64]);
	assert_null(tb[V4V6_A_CFG_PREF64_LEN]);
	assert_null(tb[V4V6_A_CFG_UNKNOWN]);
	assert_null(tb[V4V6_A_CFG_INBOUND]);
	assert_int_equal(mnl_attr_get_u32(tb[V4V6_A_CFG_LOWEST_MTU]), 1500);

	assert_int_equal(RUN("config", "set", "unknown", "pass"), 0);
	req_attrs(V4V6_CMD_SET_CONFIG, tb);
	assert_null(tb[V4V6_A_CFG_LOWEST_MTU]);
	assert_int_equal(mnl_attr_get_u8(tb[V4V6_A_CFG_UNKNOWN]),
			 V4V6_UNKNOWN_PASS);
	assert_null(tb[V4V6_A_CFG_INBOUND]);

	/* Abbreviated, alone. */
	assert_int_equal(RUN("config", "set", "inb", "rep"), 0);
	req_attrs(V4V6_CMD_SET_CONFIG, tb);
	assert_u8(tb[V4V6_A_CFG_INBOUND], V4V6_INBOUND_REPLIES);
	assert_only(tb, 1);
}

static void test_set_error(void **state)
{
	static const char why[] = "pref64 has bits set past its length";

	(void)state;
	k.error = -EINVAL;
	k.extack = why;
	assert_int_equal(RUN("config", "set", "wan", "lo"), 1);
	assert_string_equal(errout, "v4v6ctl: Invalid argument: "
			    "pref64 has bits set past its length\n");
	/* The request echoed before the message. */
	k.capped = false;
	assert_int_equal(RUN("config", "set", "wan", "lo"), 1);
	assert_string_equal(errout, "v4v6ctl: Invalid argument: "
			    "pref64 has bits set past its length\n");
	/* An echo claiming more than the message holds: no message. */
	k.mode = BAD_ECHO_LEN;
	assert_int_equal(RUN("config", "set", "wan", "lo"), 1);
	assert_string_equal(errout, "v4v6ctl: Invalid argument\n");
	k.mode = NORMAL;
	k.error = -EPERM;
	k.extack = NULL;
	assert_int_equal(RUN("config", "set", "wan", "lo"), 1);
	assert_string_equal(errout, "v4v6ctl: Operation not permitted\n");
	/* A message with an ack is a warning. */
	k.error = 0;
	k.extack = "something to know";
	assert_int_equal(RUN("config", "set", "wan", "lo"), 0);
	assert_string_equal(errout, "v4v6ctl: warning: something to know\n");
}

static void test_bad_replies(void **state)
{
	static const struct {
		enum mode mode;
		int status;
		const char *err;
	} cases[] = {
		{ BAD_PREF64_LEN, 1, "v4v6ctl: Protocol error\n" },
		{ MISSING_ATTR, 1, "v4v6ctl: Protocol error\n" },
		{ NO_REPLY, 1, "v4v6ctl: Protocol error\n" },
		{ EXTRA_ATTR, 0, "" },
		{ SHORT_ERROR, 1, "v4v6ctl: cannot resolve generic netlink "
				  "family v4v6: Bad message\n" },
		{ NO_ACK, 1, "v4v6ctl: cannot resolve generic netlink family "
			     "v4v6: Resource temporarily unavailable\n" },
		{ WRONG_SEQ, 1, "v4v6ctl: cannot resolve generic netlink "
				"family v4v6: Protocol error\n" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		k.mode = cases[i].mode;
		assert_int_equal(RUN("config", "show"), cases[i].status);
		assert_string_equal(errout, cases[i].err);
	}
}

/* The same, for the replies about devices and the counters. */
static void test_bad_device_replies(void **state)
{
	(void)state;
	add_devs();
	k.mode = MISSING_ATTR;
	assert_int_equal(RUN("device", "show", "192.168.1.10"), 1);
	assert_string_equal(errout, "v4v6ctl: Protocol error\n");
	assert_int_equal(RUN("devices"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: Protocol error\n");
	k.mode = NO_REPLY;
	assert_int_equal(RUN("device", "show", "192.168.1.10"), 1);
	assert_string_equal(errout, "v4v6ctl: Protocol error\n");
	k.mode = BAD_ALLOW;
	assert_int_equal(RUN("device", "show", "192.168.1.11"), 1);
	assert_string_equal(errout, "v4v6ctl: Protocol error\n");
	k.mode = MANY_ALLOW;
	assert_int_equal(RUN("devices"), 1);
	assert_string_equal(errout, "v4v6ctl: Protocol error\n");
	k.mode = EXTRA_ATTR;
	assert_int_equal(RUN("device", "show", "192.168.1.10"), 0);
	assert_string_equal(out, DEV_A);
	assert_int_equal(RUN("devices"), 0);
	assert_string_equal(out, DEV_2 DEV_A DEV_B);
	k.mode = BAD_STATS;
	assert_int_equal(RUN("stats"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: Protocol error\n");
}

static void test_device_add(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];

	(void)state;
	assert_int_equal(RUN("device", "add", "02:00:00:00:00:0A", "ipv4",
			     "192.168.1.10", "ipv6", "2001:db8:6::100a"), 0);
	assert_string_equal(out, "");
	assert_string_equal(errout, "");
	req_attrs(V4V6_CMD_NEW_DEVICE, tb);
	assert_mac(tb[V4V6_A_DEV_MAC], "02:00:00:00:00:0a");
	assert_ipv4(tb[V4V6_A_DEV_IPV4], "192.168.1.10");
	assert_ipv6(tb[V4V6_A_DEV_IPV6], "2001:db8:6::100a");
	assert_only(tb, 3);

	assert_int_equal(RUN("device", "add", "02:00:00:00:00:0b", "state",
			     "inactive", "ipv6", "2001:db8:6::100b", "static",
			     "wan", "lo", "ipv4", "192.168.1.11"), 0);
	req_attrs(V4V6_CMD_NEW_DEVICE, tb);
	assert_mac(tb[V4V6_A_DEV_MAC], "02:00:00:00:00:0b");
	assert_ipv4(tb[V4V6_A_DEV_IPV4], "192.168.1.11");
	assert_ipv6(tb[V4V6_A_DEV_IPV6], "2001:db8:6::100b");
	assert_u32(tb[V4V6_A_DEV_WAN_IFINDEX], 1);
	assert_u8(tb[V4V6_A_DEV_STATE], V4V6_DEV_STATE_INACTIVE);
	assert_u32(tb[V4V6_A_DEV_FLAGS], V4V6_DEV_F_STATIC);
	assert_only(tb, 6);

	/* Abbreviated, and the WAN itself. */
	assert_int_equal(RUN("dev", "a", "02:00:00:00:00:0c", "ipv4",
			     "10.0.0.1", "ipv6", "2001:db8::1", "w", "none",
			     "sta", "a"), 2);	/* "dev" is ambiguous */
	assert_int_equal(RUN("device", "a", "02:00:00:00:00:0c", "ipv4",
			     "10.0.0.1", "ipv6", "2001:db8::1", "w", "none",
			     "stat", "a"), 2);	/* so is "stat" */
	assert_int_equal(RUN("device", "a", "02:00:00:00:00:0c", "ipv4",
			     "10.0.0.1", "ipv6", "2001:db8::1", "w", "none",
			     "state", "a"), 0);
	req_attrs(V4V6_CMD_NEW_DEVICE, tb);
	assert_u32(tb[V4V6_A_DEV_WAN_IFINDEX], 0);
	assert_u8(tb[V4V6_A_DEV_STATE], V4V6_DEV_STATE_ACTIVE);
	assert_null(tb[V4V6_A_DEV_FLAGS]);
}

static void test_device_set(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];

	(void)state;
	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "dynamic"),
			 0);
	assert_string_equal(errout, "");
	req_attrs(V4V6_CMD_SET_DEVICE, tb);
	assert_mac(tb[V4V6_A_DEV_MAC], "02:00:00:00:00:0a");
	/* The whole flags, without the static bit. */
	assert_u32(tb[V4V6_A_DEV_FLAGS], 0);
	assert_only(tb, 2);

	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "static"),
			 0);
	req_attrs(V4V6_CMD_SET_DEVICE, tb);
	assert_u32(tb[V4V6_A_DEV_FLAGS], V4V6_DEV_F_STATIC);
	assert_only(tb, 2);

	/* Neither static nor dynamic: the flags stay as they are. */
	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "state",
			     "inactive", "wan", "none", "ipv4", "192.168.1.20",
			     "ipv6", "2001:db8:6::20"), 0);
	req_attrs(V4V6_CMD_SET_DEVICE, tb);
	assert_u8(tb[V4V6_A_DEV_STATE], V4V6_DEV_STATE_INACTIVE);
	assert_u32(tb[V4V6_A_DEV_WAN_IFINDEX], 0);
	assert_ipv4(tb[V4V6_A_DEV_IPV4], "192.168.1.20");
	assert_ipv6(tb[V4V6_A_DEV_IPV6], "2001:db8:6::20");
	assert_null(tb[V4V6_A_DEV_FLAGS]);
	assert_only(tb, 5);
}

/*
 * The rules of a request's V4V6_A_DEV_ALLOW as "PROTO:MIN-MAX ...", a
 * port left out as "_", into @buf.
 */
static const char *allow_str(const struct nlattr *nest, char *buf,
			     size_t size)
{
	const struct nlattr *rule, *attr;
	size_t len = 0;

	assert_non_null(nest);
	assert_int_equal(mnl_attr_validate(nest, MNL_TYPE_NESTED), 0);
	buf[0] = '\0';
	mnl_attr_for_each_nested(rule, nest) {
		char proto[8] = "_", min[8] = "_", max[8] = "_";

		assert_int_equal(mnl_attr_get_type(rule), V4V6_A_ALLOW);
		mnl_attr_for_each_nested(attr, rule) {
			switch (mnl_attr_get_type(attr)) {
			case V4V6_A_ALLOW_PROTO:
				assert_int_equal(mnl_attr_validate(attr,
						 MNL_TYPE_U8), 0);
				snprintf(proto, sizeof(proto), "%u",
					 mnl_attr_get_u8(attr));
				break;
			case V4V6_A_ALLOW_PORT_MIN:
			case V4V6_A_ALLOW_PORT_MAX:
				assert_int_equal(mnl_attr_validate(attr,
						 MNL_TYPE_U16), 0);
				snprintf(mnl_attr_get_type(attr) ==
					 V4V6_A_ALLOW_PORT_MIN ? min : max, 8,
					 "%u", mnl_attr_get_u16(attr));
				break;
			default:
				fail_msg("rule attribute %u",
					 mnl_attr_get_type(attr));
			}
		}
		len += (size_t)snprintf(buf + len, size - len, "%s%s:%s-%s",
					len ? " " : "", proto, min, max);
		assert_true(len < size);
	}
	return buf;
}

static void test_device_allow(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];
	char buf[1024], *argv[4 + 3 * V4V6_ALLOW_MAX + 3];
	int i, n;

	(void)state;
	assert_int_equal(RUN("device", "add", "02:00:00:00:00:0a", "allow",
			     "tcp", "22", "ipv4", "192.168.1.10", "allow", "udp",
			     "5000-5010", "ipv6", "2001:db8:6::100a", "allow",
			     "icmp", "allow", "tcp", "static"), 0);
	assert_string_equal(errout, "");
	req_attrs(V4V6_CMD_NEW_DEVICE, tb);
	assert_ipv4(tb[V4V6_A_DEV_IPV4], "192.168.1.10");
	assert_ipv6(tb[V4V6_A_DEV_IPV6], "2001:db8:6::100a");
	assert_u32(tb[V4V6_A_DEV_FLAGS], V4V6_DEV_F_STATIC);
	/* Every port: MIN and MAX left out. */
	assert_string_equal(allow_str(tb[V4V6_A_DEV_ALLOW], buf, sizeof(buf)),
			    "6:22-22 17:5000-5010 1:_-_ 6:_-_");
	assert_only(tb, 5);

	/* set: the rules alone, abbreviated; "allow none" is an empty nest. */
	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "al",
			     "udp", "53"), 0);
	req_attrs(V4V6_CMD_SET_DEVICE, tb);
	assert_string_equal(allow_str(tb[V4V6_A_DEV_ALLOW], buf, sizeof(buf)),
			    "17:53-53");
	assert_only(tb, 2);
	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "allow",
			     "none"), 0);
	req_attrs(V4V6_CMD_SET_DEVICE, tb);
	assert_string_equal(allow_str(tb[V4V6_A_DEV_ALLOW], buf, sizeof(buf)),
			    "");
	assert_int_equal(mnl_attr_get_payload_len(tb[V4V6_A_DEV_ALLOW]), 0);
	assert_only(tb, 2);
	/* No allow: the rules stay as they are. */
	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "state",
			     "active"), 0);
	req_attrs(V4V6_CMD_SET_DEVICE, tb);
	assert_null(tb[V4V6_A_DEV_ALLOW]);
	/* A value that is "allow" is a value. */
	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "wan",
			     "allow"), 1);
	assert_string_equal(errout, "v4v6ctl: no such interface \"allow\"\n");

	/* V4V6_ALLOW_MAX rules, and one more. */
	argv[0] = "v4v6ctl";
	argv[1] = "device";
	argv[2] = "set";
	argv[3] = "02:00:00:00:00:0a";
	for (i = 0, n = 4; i < V4V6_ALLOW_MAX; i++) {
		argv[n++] = "allow";
		argv[n++] = "tcp";
		argv[n++] = "1-65535";
	}
	argv[n] = NULL;
	assert_int_equal(run((const char **)argv), 0);
	req_attrs(V4V6_CMD_SET_DEVICE, tb);
	assert_int_equal(strlen(allow_str(tb[V4V6_A_DEV_ALLOW], buf,
					  sizeof(buf))),
			 V4V6_ALLOW_MAX * strlen("6:1-65535 ") - 1);
	argv[n++] = "allow";
	argv[n++] = "icmp";
	argv[n] = NULL;
	assert_int_equal(run((const char **)argv), 2);
	assert_string_equal(errout, "v4v6ctl: more than 16 allow rules\n");
	assert_int_equal(k.n_cmds, 0);
}

/* What is wrong in the rules is said before any netlink, naming the word. */
static void test_device_allow_errors(void **state)
{
	static const struct {
		const char *args[4];
		const char *err;
	} cases[] = {
		{ { "allow" }, "allow needs a protocol: tcp, udp or icmp" },
		{ { "allow", "sctp" },
		  "invalid allow protocol \"sctp\", expected tcp, udp or icmp" },
		{ { "allow", "icmp", "8" },
		  "invalid allow port \"8\": icmp takes no port" },
		{ { "allow", "tcp", "0" },
		  "invalid allow port \"0\": out of range, expected PORT or "
		  "LO-HI, 1 to 65535" },
		{ { "allow", "udp", "65536" }, "invalid allow port \"65536\"" },
		{ { "allow", "udp", "9-8" },
		  "invalid allow port \"9-8\": the first port is above the "
		  "last" },
		{ { "allow", "tcp", "22x" },
		  "invalid allow port \"22x\": malformed" },
		{ { "allow", "none", "allow", "icmp" },
		  "allow none and allow rules exclude each other" },
		{ { "allow", "tcp", "ssh" }, "unknown keyword \"ssh\"" },
	};
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *argv[9] = { "v4v6ctl", "device", "set",
					"02:00:00:00:00:0a" };

		for (j = 0; j < 4 && cases[i].args[j]; j++)
			argv[4 + j] = cases[i].args[j];
		assert_int_equal(run(argv), 2);
		assert_string_equal(out, "");
		if (!strstr(errout, cases[i].err))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, errout,
				 cases[i].err);
		assert_int_equal(k.n_cmds, 0);
	}
}

static void test_device_del(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];

	(void)state;
	assert_int_equal(RUN("device", "del", "02:00:00:00:00:0a"), 0);
	assert_string_equal(out, "");
	req_attrs(V4V6_CMD_DEL_DEVICE, tb);
	assert_mac(tb[V4V6_A_DEV_MAC], "02:00:00:00:00:0a");
	assert_only(tb, 1);

	assert_int_equal(RUN("device", "del", "192.168.1.10"), 0);
	req_attrs(V4V6_CMD_DEL_DEVICE, tb);
	assert_ipv4(tb[V4V6_A_DEV_IPV4], "192.168.1.10");
	assert_only(tb, 1);

	/* Not by IPv6: nothing sent. */
	assert_int_equal(RUN("device", "del", "2001:db8:6::100a"), 2);
	assert_int_equal(k.n_cmds, 0);
}

static void test_device_errors(void **state)
{
	(void)state;
	k.error = -EEXIST;
	k.extack = "IPv4 address in use by 02:00:00:00:00:0b";
	assert_int_equal(RUN("device", "add", "02:00:00:00:00:0a", "ipv4",
			     "192.168.1.11", "ipv6", "2001:db8:6::100a"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: File exists: IPv4 address in "
			    "use by 02:00:00:00:00:0b\n");
	k.capped = false;
	assert_int_equal(RUN("device", "set", "02:00:00:00:00:0a", "ipv4",
			     "192.168.1.11"), 1);
	assert_string_equal(errout, "v4v6ctl: File exists: IPv4 address in "
			    "use by 02:00:00:00:00:0b\n");
	/* Without the kernel's message. */
	k.error = -ENOENT;
	k.extack = NULL;
	assert_int_equal(RUN("device", "del", "192.168.1.99"), 1);
	assert_string_equal(errout, "v4v6ctl: No such file or directory: "
			    "no such device\n");
	k.error = -ENOSPC;
	assert_int_equal(RUN("device", "add", "02:00:00:00:00:0a", "ipv4",
			     "192.168.1.11", "ipv6", "2001:db8:6::100a"), 1);
	assert_string_equal(errout, "v4v6ctl: No space left on device\n");
	k.error = -EPERM;
	assert_int_equal(RUN("device", "flush"), 1);
	assert_string_equal(errout, "v4v6ctl: Operation not permitted\n");
	k.loaded = false;
	assert_int_equal(RUN("device", "del", "192.168.1.99"), 1);
	assert_string_equal(errout, "v4v6ctl: the v4v6 module is not loaded "
			    "(generic netlink family v4v6 not found)\n");
}

static void test_device_show(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];

	(void)state;
	add_devs();
	assert_int_equal(RUN("device", "show", "02:00:00:00:00:0a"), 0);
	assert_string_equal(out, DEV_A);
	assert_string_equal(errout, "");
	req_attrs(V4V6_CMD_GET_DEVICE, tb);
	assert_mac(tb[V4V6_A_DEV_MAC], "02:00:00:00:00:0a");
	assert_only(tb, 1);

	assert_int_equal(RUN("device", "show", "192.168.1.11"), 0);
	assert_string_equal(out, DEV_B);
	req_attrs(V4V6_CMD_GET_DEVICE, tb);
	assert_ipv4(tb[V4V6_A_DEV_IPV4], "192.168.1.11");
	assert_only(tb, 1);

	assert_int_equal(RUN("-j", "device", "sh", "2001:db8:6::2"), 0);
	assert_string_equal(out, JSON_2 "\n");
	req_attrs(V4V6_CMD_GET_DEVICE, tb);
	assert_ipv6(tb[V4V6_A_DEV_IPV6], "2001:db8:6::2");
	assert_only(tb, 1);

	assert_int_equal(RUN("device", "show", "192.168.1.12"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: No such file or directory: "
			    "no such device\n");
	k.extack = "no device with IPv4 address 192.168.1.12";
	assert_int_equal(RUN("device", "show", "192.168.1.12"), 1);
	assert_string_equal(errout, "v4v6ctl: No such file or directory: "
			    "no device with IPv4 address 192.168.1.12\n");
}

static void test_flush(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];

	(void)state;
	assert_int_equal(RUN("device", "flush"), 0);
	assert_string_equal(out, "");
	req_attrs(V4V6_CMD_FLUSH, tb);
	assert_only(tb, 0);
	assert_int_equal(RUN("device", "flush", "all"), 0);
	req_attrs(V4V6_CMD_FLUSH, tb);
	assert_non_null(tb[V4V6_A_FLUSH_ALL]);
	assert_int_equal(mnl_attr_get_payload_len(tb[V4V6_A_FLUSH_ALL]), 0);
	assert_only(tb, 1);
	assert_int_equal(RUN("device", "flush", "everything"), 2);
	assert_int_equal(k.n_cmds, 0);
}

static void test_devices(void **state)
{
	(void)state;
	assert_int_equal(RUN("devices"), 0);
	assert_string_equal(out, "");
	assert_string_equal(errout, "");
	assert_int_equal(RUN("-j", "devices"), 0);
	assert_string_equal(out, "[]\n");

	/* Two datagrams of two messages, the last one NLMSG_DONE. */
	add_devs();
	assert_int_equal(RUN("devices"), 0);
	assert_string_equal(out, DEV_2 DEV_A DEV_B);
	assert_string_equal(errout, "");
	assert_int_equal(k.received, 2);
	assert_int_equal(RUN("devices", "active"), 0);
	assert_string_equal(out, DEV_2 DEV_A);
	assert_int_equal(RUN("devices", "inactive"), 0);
	assert_string_equal(out, DEV_B);
	assert_int_equal(RUN("devices", "-j"), 0);
	assert_string_equal(out, "[" JSON_2 "," JSON_A "," JSON_B "]\n");
	assert_int_equal(RUN("devices", "-j", "in"), 0);
	assert_string_equal(out, "[" JSON_B "]\n");

	/* One datagram: the device and NLMSG_DONE. */
	k.n_devs = 1;
	assert_int_equal(RUN("devices"), 0);
	assert_string_equal(out, DEV_B);
	assert_int_equal(k.received, 1);
}

static void test_dump_errors(void **state)
{
	(void)state;
	add_devs();
	k.mode = DUMP_ERROR;
	k.extack = "the table went away";
	assert_int_equal(RUN("devices"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: Invalid argument: the table "
			    "went away\n");
	k.extack = NULL;
	assert_int_equal(RUN("-j", "devices"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: Invalid argument\n");

	/*
	 * A table that changes during the dump is dumped again (the rest of
	 * the cut dump read first), up to ten times in all...
	 */
	k.mode = NORMAL;
	k.intr_dumps = 3;
	k.n_cmds = 0;
	assert_int_equal(RUN("devices"), 0);
	assert_int_equal(k.n_cmds, 4);
	assert_non_null(strstr(out, "02:00:00:00:00:0b 192.168.1.11 "));
	assert_string_equal(errout, "");

	/* ...and then better no list than an inconsistent one. */
	k.mode = DUMP_INTR;
	k.n_cmds = 0;
	assert_int_equal(RUN("devices"), 1);
	assert_int_equal(k.n_cmds, 10);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: Interrupted system call: the "
			    "table changed during the dump: run it again\n");
}

static void set_stats(void)
{
	int i;

	for (i = 1; i < __V4V6_STAT_MAX; i++)
		k.stats[i] = (uint64_t)i * 10;
	k.stats[V4V6_STAT_XLAT_4TO6] = 1ull << 40;
}

static void test_stats(void **state)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];

	(void)state;
	add_devs();
	set_stats();
	assert_int_equal(RUN("stats"), 0);
	assert_string_equal(errout, "");
	req_attrs(V4V6_CMD_GET_STATS, tb);
	assert_only(tb, 0);
	assert_true(!strncmp(out, "devices 3\nxlat_4to6 1099511627776\n"
			     "xlat_6to4 20\nunknown_source 30\nspoofed 40\n",
			     strlen("devices 3\nxlat_4to6 1099511627776\n"
				    "xlat_6to4 20\nunknown_source 30\n"
				    "spoofed 40\n")));
	assert_non_null(strstr(out, "\nfrag_needed 210\n"
			       "events_suppressed 220\nsource_route 230\n"
			       "gso_segmented 240\ngso_failed 250\nmartian 260\n"
			       "identity_gone 270\nlink_gone 280\n"
			       "inbound_unsolicited 290\nstat_200 7\n"));
	/* A counter past what v4v6ctl keeps is skipped. */
	assert_null(strstr(out, "stat_1000"));
	assert_null(strstr(out, "(null)"));

	assert_int_equal(RUN("-j", "stats"), 0);
	assert_true(!strncmp(out, "{\"devices\":3,\"stats\":{\"xlat_4to6\":"
			     "1099511627776,\"xlat_6to4\":20,", 52));
	assert_non_null(strstr(out, ",\"events_suppressed\":220,"
			       "\"source_route\":230,\"gso_segmented\":240,"
			       "\"gso_failed\":250,\"martian\":260,"
			       "\"identity_gone\":270,\"link_gone\":280,"
			       "\"inbound_unsolicited\":290,\"stat_200\":7}}\n"));
}

static void test_status(void **state)
{
	(void)state;
	add_devs();
	set_stats();
	assert_int_equal(RUN("status"), 0);
	assert_string_equal(errout, "");
	/*
	 * The drops: the counters 4 to 21 but 7 (fragmented), 23
	 * (source_route), 25 (gso_failed), 26 (martian), 27
	 * (identity_gone) and 29 (inbound_unsolicited), 10 times their type
	 * each.
	 */
	assert_string_equal(out, "lan: lo\nwan: none\npref64: 64:ff9b::/96\n"
			    "lowest-mtu: 1280\nunknown: pass\n"
			    "inbound: replies\n"
			    "devices: 3 (2 active, 1 inactive)\n"
			    "xlat_4to6: 1099511627776\nxlat_6to4: 20\n"
			    "unknown_source: 30\ndrops: 3480\n");
	assert_int_equal(k.n_cmds, 3);
	assert_int_equal(k.cmds[0], V4V6_CMD_GET_CONFIG);
	assert_int_equal(k.cmds[1], V4V6_CMD_GET_DEVICE);
	assert_int_equal(k.cmds[2], V4V6_CMD_GET_STATS);

	assert_int_equal(RUN("-j", "status"), 0);
	assert_string_equal(out, "{\"config\":" JSON_CONFIG ",\"devices\":"
			    "{\"total\":3,\"active\":2,\"inactive\":1,"
			    "\"identity_gone\":0},"
			    "\"stats\":{\"xlat_4to6\":1099511627776,"
			    "\"xlat_6to4\":20,\"unknown_source\":30,"
			    "\"drops\":3480}}\n");

	k.mode = DUMP_ERROR;
	assert_int_equal(RUN("status"), 1);
	assert_string_equal(out, "");
	assert_string_equal(errout, "v4v6ctl: Invalid argument\n");
	assert_int_equal(k.n_cmds, 2);
}

static void test_export(void **state)
{
	static const char want[] = "{\"config\":" JSON_CONFIG ",\"devices\":["
				   JSON_2 "," JSON_A "," JSON_B "]}\n";

	(void)state;
	add_devs();
	assert_int_equal(RUN("export"), 0);
	assert_string_equal(out, want);
	assert_string_equal(errout, "");
	assert_int_equal(RUN("export", "-j"), 0);
	assert_string_equal(out, want);
	k.n_devs = 0;
	assert_int_equal(RUN("export"), 0);
	assert_string_equal(out, "{\"config\":" JSON_CONFIG ",\"devices\":[]}\n");
	k.mode = MISSING_ATTR;
	assert_int_equal(RUN("export"), 1);
	assert_string_equal(out, "");
}

/* The LAN, the WAN and a device's identity went: what says so. */
static void test_gone(void **state)
{
	(void)state;
	add_devs();
	k.lan = 0;
	k.lan_gone = "br-lan";
	k.devs[1].wan = 0;
	k.devs[1].wan_gone = "id-tv";
	assert_int_equal(RUN("config"), 0);
	assert_string_equal(out, "lan: gone (was br-lan)\nwan: none\n"
			    "pref64: 64:ff9b::/96\nlowest-mtu: 1280\n"
			    "unknown: pass\ninbound: replies\n");
	assert_int_equal(RUN("-j", "config"), 0);
	assert_true(!strncmp(out, "{\"lan\":null,\"lan_ifindex\":0,"
			     "\"lan_gone\":\"br-lan\",\"wan\":null,"
			     "\"wan_ifindex\":0,\"wan_gone\":null,", 85));

	assert_int_equal(RUN("devices", "active"), 0);
	assert_string_equal(out, DEV_2 "02:00:00:00:00:0a 192.168.1.10 "
			    "2001:db8:6::100a wan gone:id-tv active static "
			    "idle 1.2s tx 10/840 rx 9/1000 drops 0 "
			    "unsolicited 5 allow tcp 22, udp 5000-5010, icmp\n");
	assert_int_equal(RUN("-j", "device", "show", "192.168.1.10"), 0);
	assert_non_null(strstr(out, ",\"wan\":null,\"wan_ifindex\":0,"
			       "\"wan_gone\":\"id-tv\",\"state\":"));

	k.wan = 1;
	k.wan_gone = "eth1";	/* not gone: set again */
	assert_int_equal(RUN("status"), 0);
	assert_true(!strncmp(out, "lan: gone (was br-lan)\nwan: lo\n", 31));
	assert_non_null(strstr(out, "\ndevices: 3 (2 active, 1 inactive)\n"
			       "identity gone: 02:00:00:00:00:0a (was id-tv)\n"
			       "xlat_4to6: 0\n"));
	k.wan = 0;
	assert_int_equal(RUN("status"), 0);
	assert_true(!strncmp(out, "lan: gone (was br-lan)\n"
			     "wan: gone (was eth1)\n", 43));
	assert_int_equal(RUN("-j", "status"), 0);
	assert_non_null(strstr(out, "\"lan_gone\":\"br-lan\","));
	assert_non_null(strstr(out, "\"wan_gone\":\"eth1\","));
	assert_non_null(strstr(out, "\"inactive\":1,\"identity_gone\":1}"));
}

/* An event of @cmd in a new datagram, or after the last one. */
static struct nlmsghdr *put_event(uint8_t cmd, bool same)
{
	struct nlmsghdr *nlh = put_msg(0, FAMILY_ID, same);

	put_genl_hdr(nlh, cmd);
	return nlh;
}

/* Once v4v6ctl monitor has joined the group: one event of each kind. */
static void queue_events(void)
{
	struct nlmsghdr *nlh;
	struct in_addr v4;

	assert_int_equal(k.group, EVENTS_GROUP);
	nlh = put_event(V4V6_CMD_UNKNOWN_SOURCE, false);
	mnl_attr_put(nlh, V4V6_A_DEV_MAC, 6, devs[0].mac);
	inet_pton(AF_INET, "192.168.1.99", &v4);
	mnl_attr_put_u32(nlh, V4V6_A_DEV_IPV4, v4.s_addr);
	mnl_attr_put_u32(nlh, V4V6_A_CFG_LAN_IFINDEX, 1);
	put_dev(put_event(V4V6_CMD_NEW_DEVICE, true), &devs[1]);
	k.q[k.queued++].err = -ENOBUFS;
	put_dev(put_event(V4V6_CMD_SET_DEVICE, false), &devs[0]);
	put_dev(put_event(V4V6_CMD_DEL_DEVICE, true), &devs[2]);
	/* One of a newer module, and a malformed one: skipped. */
	put_event(V4V6_CMD_MAX + 1, false);
	put_event(V4V6_CMD_NEW_DEVICE, true);
	put_config(put_event(V4V6_CMD_SET_CONFIG, false));
	nlh = put_event(V4V6_CMD_LINK_GONE, true);
	mnl_attr_put_u32(nlh, V4V6_A_LINK_IFINDEX, 5);
	mnl_attr_put_strz(nlh, V4V6_A_LINK_NAME, "br-lan");
	mnl_attr_put_u32(nlh, V4V6_A_LINK_ROLES,
			 V4V6_LINK_LAN | V4V6_LINK_IDENTITY);
	mnl_attr_put_u32(nlh, V4V6_A_DEVICES, 2);
	/* Without the devices: malformed, skipped. */
	nlh = put_event(V4V6_CMD_LINK_GONE, true);
	mnl_attr_put_u32(nlh, V4V6_A_LINK_IFINDEX, 6);
	mnl_attr_put_strz(nlh, V4V6_A_LINK_NAME, "eth1");
	mnl_attr_put_u32(nlh, V4V6_A_LINK_ROLES, V4V6_LINK_WAN);
}

static void test_monitor(void **state)
{
	char want[2048];

	(void)state;
	k.on_join = queue_events;
	/* Until the fake kernel has nothing more to say. */
	assert_int_equal(RUN("monitor"), 1);
	assert_string_equal(out,
			    "unknown-source mac 02:00:00:00:00:0b ipv4 "
			    "192.168.1.99 lan lo\n"
			    "new-device " DEV_A
			    "set-device " DEV_B
			    "del-device " DEV_2
			    "config lan lo wan none pref64 64:ff9b::/96 "
			    "lowest-mtu 1280 unknown pass inbound replies\n"
			    "link-gone br-lan ifindex 5 was lan,identity "
			    "devices 2\n");
	assert_string_equal(errout,
			    "v4v6ctl: warning: events were lost: the socket's "
			    "buffer overflowed\n"
			    "v4v6ctl: warning: malformed new-device event\n"
			    "v4v6ctl: warning: malformed link-gone event\n"
			    "v4v6ctl: Resource temporarily unavailable\n");
	assert_int_equal(k.n_cmds, 0);

	/* The event first, then the members of the object, past its "{". */
	snprintf(want, sizeof(want),
		 "{\"event\":\"unknown_source\",\"mac\":"
		 "\"02:00:00:00:00:0b\",\"ipv4\":\"192.168.1.99\","
		 "\"lan\":\"lo\",\"lan_ifindex\":1}\n"
		 "{\"event\":\"new_device\",%s\n"
		 "{\"event\":\"set_device\",%s\n"
		 "{\"event\":\"del_device\",%s\n"
		 "{\"event\":\"config\",%s\n"
		 "{\"event\":\"link_gone\",\"ifname\":\"br-lan\",\"ifindex\":5,"
		 "\"was\":[\"lan\",\"identity\"],\"devices\":2}\n",
		 JSON_A + 1, JSON_B + 1, JSON_2 + 1, JSON_CONFIG + 1);
	assert_int_equal(RUN("-j", "monitor"), 1);
	assert_string_equal(out, want);
	assert_string_equal(errout,
			    "v4v6ctl: warning: events were lost: the socket's "
			    "buffer overflowed\n"
			    "v4v6ctl: warning: malformed new-device event\n"
			    "v4v6ctl: warning: malformed link-gone event\n"
			    "v4v6ctl: Resource temporarily unavailable\n");
}

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_show, setup, teardown),
		cmocka_unit_test_setup_teardown(test_show_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_replies, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_device_replies, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_device_add, setup, teardown),
		cmocka_unit_test_setup_teardown(test_device_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_device_allow, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_device_allow_errors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_device_del, setup, teardown),
		cmocka_unit_test_setup_teardown(test_device_errors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_device_show, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flush, setup, teardown),
		cmocka_unit_test_setup_teardown(test_devices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dump_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_status, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_monitor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gone, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
