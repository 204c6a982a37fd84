// SPDX-License-Identifier: GPL-2.0
/*
 * A small generic netlink client: resolve a family, send a request, receive
 * the replies and the ack, and turn an error into -errno and the kernel's
 * extended-ack message.
 */
#include <errno.h>
#include <net/ethernet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/v4v6.h>

#include "nl.h"
#include "v4v6ctl.h"

/* What nl_talk() and nl_recv() hand the callbacks of mnl_cb_run2(). */
struct talk {
	struct nl *nl;
	mnl_cb_t cb;
	void *data;
	int err;	/* the kernel's error, 0 if none */
};

static int extack_attr_cb(const struct nlattr *attr, void *data)
{
	const char **msg = data;

	if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
	    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		*msg = mnl_attr_get_str(attr);
	return MNL_CB_OK;
}

/* The extended-ack message of @nlh, whose attributes are at @off, or NULL. */
static const char *extack_at(const struct nlmsghdr *nlh, size_t off)
{
	const char *msg = NULL;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    MNL_ALIGN(off) > mnl_nlmsg_get_payload_len(nlh))
		return NULL;
	mnl_attr_parse(nlh, (unsigned int)off, extack_attr_cb, &msg);
	return msg;
}

/* The extended-ack message of the NLMSG_ERROR @nlh, or NULL. */
static const char *extack_msg(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	size_t off = sizeof(*err);

	/* Unless capped, the request follows, then the attributes. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (err->msg.nlmsg_len < NLMSG_HDRLEN)
			return NULL;
		off += err->msg.nlmsg_len - NLMSG_HDRLEN;
	}
	return extack_at(nlh, off);
}

/* Record the kernel's @error, and @msg saying why. */
static int talk_fail(struct talk *t, int error, const char *msg)
{
	if (msg)
		snprintf(t->nl->extack, sizeof(t->nl->extack), "%s", msg);
	/* A positive error would not be an error: keep it negative. */
	t->err = error < 0 ? error : -EPROTO;
	errno = -t->err;
	return MNL_CB_ERROR;
}

static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	const char *msg;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*err))) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	msg = extack_msg(nlh);
	if (err->error == 0) {
		/* An ack; a message with it is a warning. */
		if (msg)
			fprintf(stderr, PROG ": warning: %s\n", msg);
		return MNL_CB_STOP;
	}
	return talk_fail(data, err->error, msg);
}

/* The end of a dump, carrying the dump's error, if any, and its reason. */
static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;
	int error;

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(error))
		return MNL_CB_STOP;
	memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(error));
	if (error >= 0)
		return MNL_CB_STOP;
	return talk_fail(t, error, extack_at(nlh, sizeof(error)));
}

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;

	if (nlh->nlmsg_type != t->nl->family ||
	    mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN) {
		errno = EPROTO;
		return MNL_CB_ERROR;
	}
	return t->cb ? t->cb(nlh, t->data) : MNL_CB_OK;
}

/*
 * nl_drain(): the rest of a dump cut short (NLM_F_DUMP_INTR), read up to
 * its NLMSG_DONE, so that the socket is clean for the next request.
 */
static void nl_drain(struct nl *nl, uint32_t seq)
{
	const struct nlmsghdr *nlh;
	ssize_t n;
	int len;

	for (;;) {
		n = mnl_socket_recvfrom(nl->sock, nl->buf, sizeof(nl->buf));
		if (n <= 0)
			return;
		len = (int)n;
		nlh = (const struct nlmsghdr *)nl->buf;
		for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len))
			if (nlh->nlmsg_seq == seq &&
			    (nlh->nlmsg_type == NLMSG_DONE ||
			     nlh->nlmsg_type == NLMSG_ERROR))
				return;
	}
}

int nl_talk(struct nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data)
{
	/*
	 * NLMSG_ERROR and NLMSG_DONE are ours, NLMSG_NOOP skipped; the type
	 * past the array, NLMSG_OVERRUN, keeps libmnl's handling.
	 */
	mnl_cb_t ctl[NLMSG_DONE + 1] = {
		[NLMSG_ERROR] = error_cb,
		[NLMSG_DONE] = done_cb,
	};
	struct talk t = { .nl = nl, .cb = cb, .data = data };
	uint32_t seq = req->nlmsg_seq;
	int ret;

	nl->extack[0] = '\0';
	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0)
		return -errno;
	do {
		ssize_t n = mnl_socket_recvfrom(nl->sock, nl->buf,
						sizeof(nl->buf));

		if (n < 0)
			return -errno;
		ret = mnl_cb_run2(nl->buf, (size_t)n, seq, nl->portid, data_cb,
				  &t, ctl, MNL_ARRAY_SIZE(ctl));
	} while (ret > MNL_CB_STOP);
	if (ret != MNL_CB_ERROR)
		return 0;
	if (t.err)
		return t.err;
	/* libmnl's word for a message marked NLM_F_DUMP_INTR. */
	if (errno == EINTR) {
		nl_drain(nl, seq);
		snprintf(nl->extack, sizeof(nl->extack), "the table changed "
			 "during the dump: run it again");
		errno = EINTR;
	}
	return errno ? -errno : -EPROTO;
}

int nl_recv(struct nl *nl, mnl_cb_t cb, void *data)
{
	struct talk t = { .nl = nl, .cb = cb, .data = data };
	ssize_t n = mnl_socket_recvfrom(nl->sock, nl->buf, sizeof(nl->buf));

	if (n < 0)
		return -errno;
	/* Notifications have neither a sequence number nor a port of ours. */
	if (mnl_cb_run(nl->buf, (size_t)n, 0, 0, data_cb, &t) == MNL_CB_ERROR)
		return errno ? -errno : -EPROTO;
	return 0;
}

struct nlmsghdr *nl_request(struct nl *nl, uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = nl->family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

struct nlmsghdr *nl_dump_request(struct nl *nl, uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh = nl_request(nl, cmd, version);

	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	return nlh;
}

/* What a CTRL_CMD_GETFAMILY reply says that we want to know. */
struct family {
	uint16_t id;
	const char *group;	/* the multicast group to look for, or NULL */
	uint32_t group_id;	/* its id, 0 if not found */
};

static int group_attr_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type == CTRL_ATTR_MCAST_GRP_NAME &&
	    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
		tb[type] = attr;
	if (type == CTRL_ATTR_MCAST_GRP_ID &&
	    mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
		tb[type] = attr;
	return MNL_CB_OK;
}

static void family_groups(const struct nlattr *groups, struct family *f)
{
	const struct nlattr *grp;

	mnl_attr_for_each_nested(grp, groups) {
		const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1] = { NULL };

		mnl_attr_parse_nested(grp, group_attr_cb, tb);
		if (f->group && tb[CTRL_ATTR_MCAST_GRP_NAME] &&
		    tb[CTRL_ATTR_MCAST_GRP_ID] &&
		    !strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]),
			    f->group))
			f->group_id = mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
}

static int family_attr_cb(const struct nlattr *attr, void *data)
{
	struct family *f = data;

	switch (mnl_attr_get_type(attr)) {
	case CTRL_ATTR_FAMILY_ID:
		if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0)
			break;
		f->id = mnl_attr_get_u16(attr);
		return MNL_CB_OK;
	case CTRL_ATTR_MCAST_GROUPS:
		if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0)
			break;
		family_groups(attr, f);
		return MNL_CB_OK;
	default:
		return MNL_CB_OK;
	}
	errno = EPROTO;
	return MNL_CB_ERROR;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	return mnl_attr_parse(nlh, GENL_HDRLEN, family_attr_cb, data);
}

/* Ask the genetlink controller about the family @name. */
static int family_get(struct nl *nl, const char *name, struct family *f)
{
	uint16_t family = nl->family;
	struct nlmsghdr *nlh;
	int err;

	nl->family = GENL_ID_CTRL;
	nlh = nl_request(nl, CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	err = nl_talk(nl, nlh, family_cb, f);
	nl->family = family;
	if (!err && !f->id)
		err = -EPROTO;
	return err;
}

int nl_open(struct nl *nl, const char *name)
{
	struct family f = { 0 };
	int one = 1;
	int err;

	nl->extack[0] = '\0';
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock)
		return -errno;
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		err = -errno;
		goto fail;
	}
	/*
	 * Ask for the kernel's reasons with its errors, and not for our
	 * requests back. Kernels before 4.12 lack both: errors then just come
	 * without a reason.
	 */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = (uint32_t)time(NULL);

	err = family_get(nl, name, &f);
	if (err)
		goto fail;
	nl->family = f.id;
	return 0;
fail:
	mnl_socket_close(nl->sock);
	nl->sock = NULL;
	return err;
}

int nl_connect(struct nl *nl)
{
	int err = nl_open(nl, V4V6_GENL_NAME);

	if (err == -ENOENT)
		fprintf(stderr, PROG ": the v4v6 module is not loaded "
			"(generic netlink family " V4V6_GENL_NAME
			" not found)\n");
	else if (err)
		fprintf(stderr, PROG ": cannot resolve generic netlink family "
			V4V6_GENL_NAME ": %s\n", strerror(-err));
	return err;
}

int nl_subscribe(struct nl *nl, const char *name, const char *group)
{
	struct family f = { .group = group };
	int err = family_get(nl, name, &f);

	if (err)
		return err;
	if (!f.group_id)
		return -ENOENT;
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &f.group_id,
				  sizeof(f.group_id)) < 0)
		return -errno;
	return 0;
}

void nl_close(struct nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	nl->sock = NULL;
}

void nl_perror(const struct nl *nl, int err)
{
	fprintf(stderr, PROG ": %s%s%s\n", strerror(-err),
		nl->extack[0] ? ": " : "", nl->extack);
}

int nl_finish(struct nl *nl, int err)
{
	if (err)
		nl_perror(nl, err);
	nl_close(nl);
	return err ? EXIT_FAIL : EXIT_OK;
}

int nl_parse(const struct nlmsghdr *nlh, const struct nl_policy *policy,
	     size_t n, const struct nlattr **tb)
{
	const struct nlattr *attr;

	memset(tb, 0, n * sizeof(*tb));
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		uint16_t type = mnl_attr_get_type(attr);
		const struct nl_policy *p;
		int ret;

		if (type >= n || policy[type].type == MNL_TYPE_UNSPEC)
			continue;
		p = &policy[type];
		ret = p->len ? mnl_attr_validate2(attr, p->type, p->len) :
		      mnl_attr_validate(attr, p->type);
		if (ret < 0 || tb[type])
			return -EPROTO;
		tb[type] = attr;
	}
	return 0;
}

/* The attributes of the v4v6 family, as the module sends them. */
static const struct nl_policy v4v6_policy[V4V6_A_MAX + 1] = {
	[V4V6_A_CFG_LAN_IFINDEX] = { MNL_TYPE_U32, 0 },
	[V4V6_A_CFG_WAN_IFINDEX] = { MNL_TYPE_U32, 0 },
	[V4V6_A_CFG_PREF64] = { MNL_TYPE_BINARY, sizeof(struct in6_addr) },
	[V4V6_A_CFG_PREF64_LEN] = { MNL_TYPE_U8, 0 },
	[V4V6_A_CFG_LOWEST_MTU] = { MNL_TYPE_U32, 0 },
	[V4V6_A_CFG_UNKNOWN] = { MNL_TYPE_U8, 0 },
	[V4V6_A_DEV_MAC] = { MNL_TYPE_BINARY, ETH_ALEN },
	[V4V6_A_DEV_IPV4] = { MNL_TYPE_U32, 0 },
	[V4V6_A_DEV_IPV6] = { MNL_TYPE_BINARY, sizeof(struct in6_addr) },
	[V4V6_A_DEV_WAN_IFINDEX] = { MNL_TYPE_U32, 0 },
	[V4V6_A_DEV_STATE] = { MNL_TYPE_U8, 0 },
	[V4V6_A_DEV_FLAGS] = { MNL_TYPE_U32, 0 },
	[V4V6_A_DEV_IDLE_MS] = { MNL_TYPE_U64, 0 },
	[V4V6_A_DEV_TX_PACKETS] = { MNL_TYPE_U64, 0 },
	[V4V6_A_DEV_TX_BYTES] = { MNL_TYPE_U64, 0 },
	[V4V6_A_DEV_RX_PACKETS] = { MNL_TYPE_U64, 0 },
	[V4V6_A_DEV_RX_BYTES] = { MNL_TYPE_U64, 0 },
	[V4V6_A_DEV_DROPS] = { MNL_TYPE_U64, 0 },
	[V4V6_A_STATS] = { MNL_TYPE_NESTED, 0 },
	[V4V6_A_DEVICES] = { MNL_TYPE_U32, 0 },
	[V4V6_A_FLUSH_ALL] = { MNL_TYPE_FLAG, 0 },
	[V4V6_A_CFG_LAN_GONE] = { MNL_TYPE_NUL_STRING, 0 },
	[V4V6_A_CFG_WAN_GONE] = { MNL_TYPE_NUL_STRING, 0 },
	[V4V6_A_DEV_WAN_GONE] = { MNL_TYPE_NUL_STRING, 0 },
	[V4V6_A_LINK_IFINDEX] = { MNL_TYPE_U32, 0 },
	[V4V6_A_LINK_NAME] = { MNL_TYPE_NUL_STRING, 0 },
	[V4V6_A_LINK_ROLES] = { MNL_TYPE_U32, 0 },
	[V4V6_A_CFG_INBOUND] = { MNL_TYPE_U8, 0 },
	[V4V6_A_DEV_UNSOLICITED] = { MNL_TYPE_U64, 0 },
	[V4V6_A_DEV_ALLOW] = { MNL_TYPE_NESTED, 0 },
};

void nl_attr_str(const struct nlattr *attr, char *buf, size_t size)
{
	snprintf(buf, size, "%s", attr ? mnl_attr_get_str(attr) : "");
}

int v4v6_parse(const struct nlmsghdr *nlh,
	       const struct nlattr *tb[V4V6_A_MAX + 1])
{
	return nl_parse(nlh, v4v6_policy, V4V6_A_MAX + 1, tb);
}
