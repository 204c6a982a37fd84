// SPDX-License-Identifier: GPL-2.0
/*
 * A small generic netlink client: resolve a family, send a request, receive
 * the replies and the ack, and turn an error into -errno and the kernel's
 * extended-ack message.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/v4v6.h>

#include "nl.h"
#include "v4v6ctl.h"

/* What nl_talk() hands the callbacks of mnl_cb_run2(). */
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

/* The extended-ack message of the NLMSG_ERROR @nlh, or NULL. */
static const char *extack_msg(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	size_t off = sizeof(*err);
	const char *msg = NULL;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NULL;
	/* Unless capped, the request follows, then the attributes. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (err->msg.nlmsg_len < NLMSG_HDRLEN)
			return NULL;
		off += err->msg.nlmsg_len - NLMSG_HDRLEN;
	}
	if (MNL_ALIGN(off) > mnl_nlmsg_get_payload_len(nlh))
		return NULL;
	mnl_attr_parse(nlh, (unsigned int)off, extack_attr_cb, &msg);
	return msg;
}

static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	struct talk *t = data;
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
	if (msg)
		snprintf(t->nl->extack, sizeof(t->nl->extack), "%s", msg);
	/* A positive error would not be an error: keep it negative. */
	t->err = err->error < 0 ? err->error : -EPROTO;
	errno = -t->err;
	return MNL_CB_ERROR;
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

int nl_talk(struct nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data)
{
	/*
	 * NLMSG_ERROR is ours, NLMSG_NOOP skipped; the types past the array,
	 * NLMSG_DONE and NLMSG_OVERRUN, keep libmnl's handling.
	 */
	mnl_cb_t ctl[NLMSG_ERROR + 1] = {
		[NLMSG_ERROR] = error_cb,
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
	if (ret == MNL_CB_ERROR)
		return t.err ? t.err : errno ? -errno : -EPROTO;
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

static int family_attr_cb(const struct nlattr *attr, void *data)
{
	uint16_t *id = data;

	if (mnl_attr_get_type(attr) != CTRL_ATTR_FAMILY_ID)
		return MNL_CB_OK;
	if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0) {
		errno = EPROTO;
		return MNL_CB_ERROR;
	}
	*id = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	return mnl_attr_parse(nlh, GENL_HDRLEN, family_attr_cb, data);
}

int nl_open(struct nl *nl, const char *name)
{
	int one = 1;
	struct nlmsghdr *nlh;
	uint16_t id = 0;
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

	nl->family = GENL_ID_CTRL;
	nlh = nl_request(nl, CTRL_CMD_GETFAMILY, 1);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	err = nl_talk(nl, nlh, family_cb, &id);
	if (!err && !id)
		err = -EPROTO;
	if (err)
		goto fail;
	nl->family = id;
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
