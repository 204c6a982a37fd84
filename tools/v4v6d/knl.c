// SPDX-License-Identifier: GPL-2.0
/*
 * The v4v6 generic netlink family through libnl-genl-3. Two sockets: one for
 * requests, answered synchronously, and one in the "events" group and in
 * nlctrl's "notify" group (the family registered and unregistered: v4v6.ko
 * loaded and unloaded), read when the main loop sees it readable. The
 * kernel's extended ACK message is logged with every refused request.
 */
#include <errno.h>
#include <string.h>

#include <linux/netlink.h>
#include <linux/v4v6.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "knl.h"
#include "log.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static struct nl_sock *cmd_sk;
static struct nl_sock *ev_sk;
static int family = -1;		/* -1: not there */

struct request {
	int error;
	char msg[256];		/* the kernel's extack message */
	void (*cb)(void *arg, const struct kdev *d);
	void *arg;
};

static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct request *req = arg;
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	int len;

	(void)nla;
	req->error = e->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NL_STOP;
	len = (int)nlh->nlmsg_len - NLMSG_HDRLEN - (int)sizeof(*e);
	if (len > 0 &&
	    !nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)(e + 1), len,
		       NULL) && tb[NLMSGERR_ATTR_MSG])
		nla_strlcpy(req->msg, tb[NLMSGERR_ATTR_MSG], sizeof(req->msg));
	return NL_STOP;
}

static int on_ack(struct nl_msg *msg, void *arg)
{
	struct request *req = arg;

	(void)msg;
	req->error = 0;
	return NL_STOP;
}

static int on_finish(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_STOP;
}

static void dev_from_attrs(struct nlattr **tb, struct kdev *d)
{
	memset(d, 0, sizeof(*d));
	if (tb[V4V6_A_DEV_MAC] && nla_len(tb[V4V6_A_DEV_MAC]) == 6)
		memcpy(d->mac, nla_data(tb[V4V6_A_DEV_MAC]), 6);
	if (tb[V4V6_A_DEV_IPV4])
		d->ipv4.s_addr = nla_get_u32(tb[V4V6_A_DEV_IPV4]);
	if (tb[V4V6_A_DEV_IPV6] && nla_len(tb[V4V6_A_DEV_IPV6]) == 16)
		memcpy(&d->ipv6, nla_data(tb[V4V6_A_DEV_IPV6]), 16);
	if (tb[V4V6_A_DEV_WAN_IFINDEX])
		d->wan_ifindex = nla_get_u32(tb[V4V6_A_DEV_WAN_IFINDEX]);
	if (tb[V4V6_A_DEV_FLAGS])
		d->flags = nla_get_u32(tb[V4V6_A_DEV_FLAGS]);
	if (tb[V4V6_A_DEV_STATE])
		d->state = nla_get_u8(tb[V4V6_A_DEV_STATE]);
	if (tb[V4V6_A_DEV_IDLE_MS])
		d->idle_ms = nla_get_u64(tb[V4V6_A_DEV_IDLE_MS]);
}

static int on_device(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[V4V6_A_MAX + 1];
	struct request *req = arg;
	struct kdev d;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, V4V6_A_MAX, NULL) ||
	    !tb[V4V6_A_DEV_MAC])
		return NL_SKIP;
	dev_from_attrs(tb, &d);
	if (req->cb)
		req->cb(req->arg, &d);
	return NL_OK;
}

/* Send @msg (freed here) and wait for its answer; dumps call req->cb. */
static int request(struct nl_msg *msg, struct request *req, const char *what)
{
	struct nl_cb *cb;
	int err;

	if (family < 0) {
		nlmsg_free(msg);
		return -ENODEV;		/* v4v6.ko is away: said once */
	}
	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!cb) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	req->error = 1;
	req->msg[0] = '\0';
	nl_cb_err(cb, NL_CB_CUSTOM, on_error, req);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_ack, req);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_finish, req);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_device, req);
	err = nl_send_auto(cmd_sk, msg);
	nlmsg_free(msg);
	while (err >= 0 && req->error == 1) {
		err = nl_recvmsgs(cmd_sk, cb);
		if (err == -NLE_DUMP_INTR)
			err = 0;
		else if (err >= 0 && req->error == 1)
			req->error = 0;	/* a dump's NLMSG_DONE */
	}
	nl_cb_put(cb);
	/* an error ACK makes nl_recvmsgs() fail too: req->error tells it */
	if (err < 0 && req->error == 1) {
		log_err("%s: netlink: %s", what, nl_geterror(err));
		return -EIO;
	}
	if (req->error && req->error != -ENOENT)
		log_err("%s: %s%s%s", what, strerror(-req->error),
			*req->msg ? ": " : "", req->msg);
	return req->error;
}

static struct nl_msg *new_msg(uint8_t cmd, int flags)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0,
				flags | NLM_F_ACK, cmd, V4V6_GENL_VERSION)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

/* Give up on a message whose attributes did not fit. */
static int too_big(struct nl_msg *msg, const char *what)
{
	nlmsg_free(msg);
	log_err("%s: message too big", what);
	return -EMSGSIZE;
}

int knl_set_config(uint32_t lan, uint32_t wan, bool unknown_drop,
		   bool inbound_all, uint32_t lowest_mtu)
{
	struct nl_msg *msg = new_msg(V4V6_CMD_SET_CONFIG, 0);
	struct request req = { 0 };

	if (!msg)
		return -ENOMEM;
	if ((lan && nla_put_u32(msg, V4V6_A_CFG_LAN_IFINDEX, lan)) ||
	    (wan && nla_put_u32(msg, V4V6_A_CFG_WAN_IFINDEX, wan)) ||
	    nla_put_u8(msg, V4V6_A_CFG_UNKNOWN, unknown_drop ?
		       V4V6_UNKNOWN_DROP : V4V6_UNKNOWN_PASS) ||
	    nla_put_u8(msg, V4V6_A_CFG_INBOUND, inbound_all ?
		       V4V6_INBOUND_ALL : V4V6_INBOUND_REPLIES) ||
	    (lowest_mtu && nla_put_u32(msg, V4V6_A_CFG_LOWEST_MTU, lowest_mtu)))
		return too_big(msg, "config");
	return request(msg, &req, "kernel configuration");
}

int knl_set_pref64(const struct in6_addr *prefix, uint8_t len)
{
	struct nl_msg *msg = new_msg(V4V6_CMD_SET_CONFIG, 0);
	struct request req = { 0 };

	if (!msg)
		return -ENOMEM;
	if (nla_put(msg, V4V6_A_CFG_PREF64, 16, prefix) ||
	    nla_put_u8(msg, V4V6_A_CFG_PREF64_LEN, len))
		return too_big(msg, "pref64");
	return request(msg, &req, "kernel NAT64 prefix");
}

int knl_put_allow(struct nl_msg *msg, const struct allow_list *l)
{
	struct nlattr *nest = nla_nest_start(msg, V4V6_A_DEV_ALLOW);
	struct nlattr *rule;
	unsigned int i;

	if (!nest)
		return -1;
	for (i = 0; l && i < l->n; i++) {
		rule = nla_nest_start(msg, V4V6_A_ALLOW);
		if (!rule ||
		    nla_put_u8(msg, V4V6_A_ALLOW_PROTO, l->v[i].proto) ||
		    (l->v[i].port_min &&
		     (nla_put_u16(msg, V4V6_A_ALLOW_PORT_MIN,
				  l->v[i].port_min) ||
		      nla_put_u16(msg, V4V6_A_ALLOW_PORT_MAX,
				  l->v[i].port_max))))
			return -1;
		nla_nest_end(msg, rule);
	}
	/* nla_nest_end() would drop an empty nest: "no rules" is one */
	return nla_nest_end_keep_empty(msg, nest) ? -1 : 0;
}

static int dev_msg(uint8_t cmd, const struct kdev *d, const char *what)
{
	struct nl_msg *msg = new_msg(cmd, 0);
	struct request req = { 0 };

	if (!msg)
		return -ENOMEM;
	if (nla_put(msg, V4V6_A_DEV_MAC, 6, d->mac) ||
	    nla_put_u32(msg, V4V6_A_DEV_IPV4, d->ipv4.s_addr) ||
	    nla_put(msg, V4V6_A_DEV_IPV6, 16, &d->ipv6) ||
	    nla_put_u32(msg, V4V6_A_DEV_WAN_IFINDEX, d->wan_ifindex) ||
	    nla_put_u32(msg, V4V6_A_DEV_FLAGS, d->flags) ||
	    nla_put_u8(msg, V4V6_A_DEV_STATE, d->state ? d->state :
		       V4V6_DEV_STATE_ACTIVE) ||
	    knl_put_allow(msg, d->allow))
		return too_big(msg, what);
	return request(msg, &req, what);
}

int knl_dev_put(const struct kdev *d)
{
	int err = dev_msg(V4V6_CMD_SET_DEVICE, d, "kernel device change");

	if (err == -ENOENT)
		err = dev_msg(V4V6_CMD_NEW_DEVICE, d, "kernel device add");
	return err;
}

int knl_dev_del(const uint8_t mac[6])
{
	struct nl_msg *msg = new_msg(V4V6_CMD_DEL_DEVICE, 0);
	struct request req = { 0 };
	int err;

	if (!msg)
		return -ENOMEM;
	if (nla_put(msg, V4V6_A_DEV_MAC, 6, mac))
		return too_big(msg, "device del");
	err = request(msg, &req, "kernel device removal");
	return err == -ENOENT ? 0 : err;
}

int knl_dev_dump(void (*cb)(void *arg, const struct kdev *d), void *arg)
{
	struct nl_msg *msg = new_msg(V4V6_CMD_GET_DEVICE, NLM_F_DUMP);
	struct request req = { .cb = cb, .arg = arg };

	if (!msg)
		return -ENOMEM;
	return request(msg, &req, "kernel device dump");
}

/* What the events say, checked: no attribute shorter than its type. */
static const struct nla_policy ev_policy[V4V6_A_MAX + 1] = {
	[V4V6_A_DEV_IPV4] = { .type = NLA_U32 },
	[V4V6_A_LINK_IFINDEX] = { .type = NLA_U32 },
	[V4V6_A_LINK_NAME] = { .type = NLA_STRING },
	[V4V6_A_LINK_ROLES] = { .type = NLA_U32 },
};

static void v4v6_event(struct nlmsghdr *nlh, const struct knl_event_ops *ops,
		       void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlh);
	struct nlattr *tb[V4V6_A_MAX + 1];
	struct nlattr *mac, *name;
	struct in_addr ipv4;

	if (genlmsg_parse(nlh, 0, tb, V4V6_A_MAX, ev_policy))
		return;
	mac = tb[V4V6_A_DEV_MAC] && nla_len(tb[V4V6_A_DEV_MAC]) == 6 ?
	      tb[V4V6_A_DEV_MAC] : NULL;
	name = tb[V4V6_A_LINK_NAME];
	switch (gh->cmd) {
	case V4V6_CMD_UNKNOWN_SOURCE:
		if (!mac || !tb[V4V6_A_DEV_IPV4] || !ops->unknown)
			break;
		ipv4.s_addr = nla_get_u32(tb[V4V6_A_DEV_IPV4]);
		ops->unknown(arg, nla_data(mac), ipv4);
		break;
	case V4V6_CMD_DEL_DEVICE:
		if (mac && ops->deleted)
			ops->deleted(arg, nla_data(mac));
		break;
	case V4V6_CMD_LINK_GONE:
		if (!tb[V4V6_A_LINK_IFINDEX] || !ops->link_gone)
			break;
		ops->link_gone(arg, (int)nla_get_u32(tb[V4V6_A_LINK_IFINDEX]),
			       name ? nla_data(name) : "",
			       tb[V4V6_A_LINK_ROLES] ?
			       nla_get_u32(tb[V4V6_A_LINK_ROLES]) : 0);
		break;
	default:
		break;
	}
}

/* nlctrl's notifications: only v4v6's family coming and going. */
static void ctrl_event(struct nlmsghdr *nlh, const struct knl_event_ops *ops,
		       void *arg)
{
	struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct genlmsghdr *gh = nlmsg_data(nlh);
	struct nlattr *name;

	if (genlmsg_parse(nlh, 0, tb, CTRL_ATTR_MAX, NULL) ||
	    (gh->cmd != CTRL_CMD_NEWFAMILY && gh->cmd != CTRL_CMD_DELFAMILY))
		return;
	name = tb[CTRL_ATTR_FAMILY_NAME];
	if (!name || nla_len(name) != sizeof(V4V6_GENL_NAME) ||
	    memcmp(nla_data(name), V4V6_GENL_NAME, sizeof(V4V6_GENL_NAME)))
		return;
	if (ops->family)
		ops->family(arg, gh->cmd == CTRL_CMD_NEWFAMILY);
}

void knl_event(struct nlmsghdr *nlh, int fam, const struct knl_event_ops *ops,
	       void *arg)
{
	if (nlh->nlmsg_type == GENL_ID_CTRL)
		ctrl_event(nlh, ops, arg);
	else if (fam > 0 && nlh->nlmsg_type == fam)
		v4v6_event(nlh, ops, arg);
}

static int on_event(struct nl_msg *msg, void *arg)
{
	void **args = arg;

	knl_event(nlmsg_hdr(msg), family, args[0], args[1]);
	return NL_OK;
}

bool knl_read_events(const struct knl_event_ops *ops, void *arg)
{
	void *args[2] = { (void *)ops, arg };
	int err;

	nl_socket_modify_cb(ev_sk, NL_CB_VALID, NL_CB_CUSTOM, on_event, args);
	do {
		err = nl_recvmsgs_default(ev_sk);
	} while (err >= 0);
	if (err == -NLE_AGAIN)
		return true;
	log_warn("kernel events: %s (some may be lost)", nl_geterror(err));
	return false;
}

int knl_event_fd(void)
{
	return nl_socket_get_fd(ev_sk);
}

static struct nl_sock *open_sock(void)
{
	struct nl_sock *sk = nl_socket_alloc();
	int one = 1;

	if (!sk)
		return NULL;
	if (genl_connect(sk)) {
		nl_socket_free(sk);
		return NULL;
	}
	setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_EXT_ACK, &one,
		   sizeof(one));
	setsockopt(nl_socket_get_fd(sk), SOL_NETLINK, NETLINK_CAP_ACK, &one,
		   sizeof(one));
	return sk;
}

/* resolve(): the family's id and its events group, joined. */
static int resolve(void)
{
	int grp;

	family = genl_ctrl_resolve(cmd_sk, V4V6_GENL_NAME);
	grp = genl_ctrl_resolve_grp(cmd_sk, V4V6_GENL_NAME,
				    V4V6_GENL_MCGRP_EVENTS);
	if (family < 0 || grp < 0) {
		family = -1;
		return -1;
	}
	if (nl_socket_add_membership(ev_sk, grp)) {
		log_err("cannot join the v4v6 events group");
		family = -1;
		return -1;
	}
	return 0;
}

int knl_open(void)
{
	int ctrl_grp;

	cmd_sk = open_sock();
	ev_sk = open_sock();
	if (!cmd_sk || !ev_sk)
		goto fail;
	nl_socket_disable_seq_check(ev_sk);
	nl_socket_set_nonblocking(ev_sk);
	nl_socket_set_buffer_size(ev_sk, 1 << 20, 0);
	ctrl_grp = genl_ctrl_resolve_grp(cmd_sk, "nlctrl", "notify");
	if (ctrl_grp < 0 || nl_socket_add_membership(ev_sk, ctrl_grp))
		log_warn("nlctrl notifications: v4v6.ko reloaded goes unseen");
	if (resolve()) {
		log_err("no \"%s\" generic netlink family: is v4v6.ko loaded?",
			V4V6_GENL_NAME);
		goto fail;
	}
	return 0;
fail:
	knl_close();
	return -1;
}

int knl_reopen(void)
{
	if (resolve()) {
		log_warn("the \"%s\" generic netlink family is not there",
			 V4V6_GENL_NAME);
		return -1;
	}
	return 0;
}

void knl_gone(void)
{
	family = -1;
}

bool knl_changed(void)
{
	int id = genl_ctrl_resolve(cmd_sk, V4V6_GENL_NAME);

	return (id < 0 ? -1 : id) != family;
}

void knl_close(void)
{
	nl_socket_free(cmd_sk);
	nl_socket_free(ev_sk);
	cmd_sk = NULL;
	ev_sk = NULL;
	family = -1;
}
