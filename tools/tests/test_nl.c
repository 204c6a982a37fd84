// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of v4v6ctl's netlink client and config commands against a fake
 * kernel: the libmnl socket calls are wrapped (ld --wrap) so that requests
 * are answered here, the way kmod/netlink.c and the genetlink controller
 * answer them, or deliberately not.
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

/* main() of v4v6ctl/main.c, renamed for the test. */
int v4v6ctl_main(int argc, char **argv);

#define FAMILY_ID 0x20
#define PORTID 4242

/* What the fake kernel does. */
enum mode {
	NORMAL,
	BAD_PREF64_LEN,		/* reply's PREF64 is 15 bytes */
	MISSING_ATTR,		/* reply lacks LOWEST_MTU */
	EXTRA_ATTR,		/* reply has an attribute from the future */
	NO_REPLY,		/* ack without a reply */
	NO_ACK,			/* nothing at all */
	SHORT_ERROR,		/* NLMSG_ERROR shorter than struct nlmsgerr */
	BAD_ECHO_LEN,		/* uncapped error echoing a bogus length */
	WRONG_SEQ,		/* reply to another request */
};

static struct {
	bool loaded;
	enum mode mode;
	int set_error;		/* SET_CONFIG's answer */
	const char *extack;	/* its extended-ack message */
	bool capped;		/* whether the request is left out of errors */
	uint32_t lan, wan, mtu;
	struct in6_addr pref64;
	uint8_t pref64_len;
	/* The last SET_CONFIG request. */
	alignas(struct nlmsghdr) char set_req[4096];
	/* The datagrams to receive. */
	struct {
		alignas(struct nlmsghdr) char buf[4096];
	} q[4];
	int queued, received;
	int sockets;		/* open ones */
	bool ext_ack;		/* NETLINK_EXT_ACK was set */
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

ssize_t __wrap_mnl_socket_recvfrom(const struct mnl_socket *nl, void *buf,
				   size_t size)
{
	const struct nlmsghdr *nlh;

	assert_ptr_equal(nl, &fake_socket);
	if (k.received == k.queued) {
		errno = EAGAIN;
		return -1;
	}
	nlh = (const void *)k.q[k.received++].buf;
	assert_true(nlh->nlmsg_len <= size);
	memcpy(buf, nlh, nlh->nlmsg_len);
	return nlh->nlmsg_len;
}

/* A new datagram answering @req. */
static struct nlmsghdr *put(const struct nlmsghdr *req, uint16_t type)
{
	struct nlmsghdr *nlh;

	assert_true(k.queued < (int)(sizeof(k.q) / sizeof(k.q[0])));
	nlh = mnl_nlmsg_put_header(k.q[k.queued++].buf);
	nlh->nlmsg_type = type;
	nlh->nlmsg_seq = req->nlmsg_seq + (k.mode == WRONG_SEQ);
	nlh->nlmsg_pid = PORTID;
	return nlh;
}

static struct nlmsghdr *put_genl(const struct nlmsghdr *req, uint16_t type,
				 uint8_t cmd)
{
	struct nlmsghdr *nlh = put(req, type);
	struct genlmsghdr *genl;

	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
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

static void answer_ctrl(const struct nlmsghdr *req)
{
	const struct nlattr *attr;
	const char *name = NULL;
	struct nlmsghdr *nlh;

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
	put_err(req, 0, NULL);
}

static void answer_get(const struct nlmsghdr *req)
{
	if (k.mode != NO_REPLY) {
		struct nlmsghdr *nlh = put_genl(req, FAMILY_ID, V4V6_CMD_GET_CONFIG);
		mnl_attr_put_u32(nlh, V4V6_A_CFG_LAN_IFINDEX, k.lan);
		mnl_attr_put_u32(nlh, V4V6_A_CFG_WAN_IFINDEX, k.wan);
		mnl_attr_put(nlh, V4V6_A_CFG_PREF64,
			     sizeof(k.pref64) - (k.mode == BAD_PREF64_LEN),
			     &k.pref64);
		mnl_attr_put_u8(nlh, V4V6_A_CFG_PREF64_LEN, k.pref64_len);
		if (k.mode != MISSING_ATTR)
			mnl_attr_put_u32(nlh, V4V6_A_CFG_LOWEST_MTU, k.mtu);
		if (k.mode == EXTRA_ATTR)
			mnl_attr_put_u64(nlh, V4V6_A_CFG_MAX + 1, 7);
	}
	put_err(req, 0, NULL);
}

ssize_t __wrap_mnl_socket_sendto(const struct mnl_socket *nl, const void *buf,
				 size_t len)
{
	const struct nlmsghdr *req = buf;
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(req);

	assert_ptr_equal(nl, &fake_socket);
	assert_int_equal(req->nlmsg_len, len);
	assert_true(len >= NLMSG_HDRLEN + GENL_HDRLEN);
	assert_int_equal(req->nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
	k.queued = k.received = 0;
	if (k.mode == NO_ACK)
		return (ssize_t)len;
	if (req->nlmsg_type == GENL_ID_CTRL) {
		answer_ctrl(req);
		return (ssize_t)len;
	}
	assert_int_equal(req->nlmsg_type, FAMILY_ID);
	assert_int_equal(genl->version, V4V6_GENL_VERSION);
	if (genl->cmd == V4V6_CMD_GET_CONFIG) {
		answer_get(req);
	} else {
		assert_int_equal(genl->cmd, V4V6_CMD_SET_CONFIG);
		assert_true(len <= sizeof(k.set_req));
		memcpy(k.set_req, buf, len);
		put_err(req, k.set_error, k.extack);
	}
	return (ssize_t)len;
}

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

/* v4v6ctl's stdout and stderr of the last run. */
static char out[4096], errout[4096];

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
	char *argv[16];
	int argc, ret;

	for (argc = 0; args[argc]; argc++) {
		assert_true(argc < 15);
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
			    "lowest-mtu: 1280\n");
	assert_string_equal(errout, "");
	assert_true(k.ext_ack);

	k.lan = 0;
	k.wan = 999999;
	k.mtu = 1500;
	k.pref64_len = 32;
	inet_pton(AF_INET6, "2001:db8::", &k.pref64);
	assert_int_equal(RUN("config"), 0);
	assert_string_equal(out, "lan: none\n"
			    "wan: ifindex 999999 (no such interface)\n"
			    "pref64: 2001:db8::/32\nlowest-mtu: 1500\n");
}

static void test_show_json(void **state)
{
	(void)state;
	assert_int_equal(RUN("-j", "config", "show"), 0);
	assert_string_equal(out, "{\"lan\":\"lo\",\"lan_ifindex\":1,"
			    "\"wan\":null,\"wan_ifindex\":0,"
			    "\"pref64\":\"64:ff9b::/96\",\"lowest_mtu\":1280}\n");
	k.wan = 999999;
	assert_int_equal(RUN("config", "show", "--json"), 0);
	assert_non_null(strstr(out, "\"wan\":null,\"wan_ifindex\":999999,"));
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

/* The attributes of the last SET_CONFIG request. */
static void set_attrs(const struct nlattr *tb[V4V6_A_CFG_MAX + 1])
{
	const struct nlmsghdr *req = (const void *)k.set_req;
	const struct nlattr *attr;

	memset(tb, 0, sizeof(*tb) * (V4V6_A_CFG_MAX + 1));
	mnl_attr_for_each(attr, req, GENL_HDRLEN) {
		uint16_t type = mnl_attr_get_type(attr);

		assert_in_range(type, 1, V4V6_A_CFG_MAX);
		assert_null(tb[type]);
		tb[type] = attr;
	}
}

static void test_set(void **state)
{
	const struct nlattr *tb[V4V6_A_CFG_MAX + 1];
	struct in6_addr want;

	(void)state;
	assert_int_equal(RUN("config", "set", "lan", "lo", "wan", "none",
			     "pref64", "2001:db8:100::/40", "lowest-mtu",
			     "1400"), 0);
	assert_string_equal(out, "");
	assert_string_equal(errout, "");
	set_attrs(tb);
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

	/* Only what is given, abbreviated or not. */
	assert_int_equal(RUN("config", "se", "lo", "1500"), 0);
	set_attrs(tb);
	assert_null(tb[V4V6_A_CFG_LAN_IFINDEX]);
	assert_null(tb[V4V6_A_CFG_WAN_IFINDEX]);
	assert_null(tb[V4V6_A_CFG_PREF64]);
	assert_null(tb[V4V6_A_CFG_PREF64_LEN]);
	assert_int_equal(mnl_attr_get_u32(tb[V4V6_A_CFG_LOWEST_MTU]), 1500);
}

static void test_set_error(void **state)
{
	static const char why[] = "pref64 has bits set past its length";

	(void)state;
	k.set_error = -EINVAL;
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
	k.set_error = -EPERM;
	k.extack = NULL;
	assert_int_equal(RUN("config", "set", "wan", "lo"), 1);
	assert_string_equal(errout, "v4v6ctl: Operation not permitted\n");
	/* A message with an ack is a warning. */
	k.set_error = 0;
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

int main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_show, setup, teardown),
		cmocka_unit_test_setup_teardown(test_show_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_replies, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
