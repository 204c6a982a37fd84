// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/knl.c's messages that need no kernel: the allow
 * rules of a device, as the module's uapi lays them out, and the events
 * v4v6d follows (the module's, and nlctrl's about the family).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include <linux/genetlink.h>
#include <linux/v4v6.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "knl.h"

/*
 * The rules of the V4V6_A_DEV_ALLOW in @msg as "PROTO:MIN-MAX ...", a port
 * left out as "_", into @buf.
 */
static const char *allow_str(struct nl_msg *msg, char *buf, size_t size)
{
	struct nlattr *nest, *rule, *attr;
	int rem, rem2;
	size_t len = 0;

	nest = nlmsg_find_attr(nlmsg_hdr(msg), 0, V4V6_A_DEV_ALLOW);
	assert_non_null(nest);
	buf[0] = '\0';
	nla_for_each_nested(rule, nest, rem) {
		char proto[8] = "_", min[8] = "_", max[8] = "_";

		assert_int_equal(nla_type(rule), V4V6_A_ALLOW);
		nla_for_each_nested(attr, rule, rem2) {
			switch (nla_type(attr)) {
			case V4V6_A_ALLOW_PROTO:
				assert_int_equal(nla_len(attr), 1);
				snprintf(proto, sizeof(proto), "%u",
					 nla_get_u8(attr));
				break;
			case V4V6_A_ALLOW_PORT_MIN:
			case V4V6_A_ALLOW_PORT_MAX:
				assert_int_equal(nla_len(attr), 2);
				snprintf(nla_type(attr) == V4V6_A_ALLOW_PORT_MIN ?
					 min : max, 8, "%u", nla_get_u16(attr));
				break;
			default:
				fail_msg("rule attribute %d", nla_type(attr));
			}
		}
		len += (size_t)snprintf(buf + len, size - len, "%s%s:%s-%s",
					len ? " " : "", proto, min, max);
		assert_true(len < size);
	}
	return buf;
}

static void test_put_allow(void **state)
{
	struct allow_list l = { 0 };
	struct nl_msg *msg;
	char buf[1024];
	unsigned int i;

	(void)state;
	/* none: an empty nest, which clears the kernel's */
	msg = nlmsg_alloc();
	assert_non_null(msg);
	assert_int_equal(knl_put_allow(msg, NULL), 0);
	assert_string_equal(allow_str(msg, buf, sizeof(buf)), "");
	assert_int_equal(nla_len(nlmsg_find_attr(nlmsg_hdr(msg), 0,
						 V4V6_A_DEV_ALLOW)), 0);
	nlmsg_free(msg);

	msg = nlmsg_alloc();
	assert_non_null(msg);
	assert_int_equal(knl_put_allow(msg, &l), 0);
	assert_string_equal(allow_str(msg, buf, sizeof(buf)), "");
	nlmsg_free(msg);

	/* every port: the ports left out */
	l.v[l.n++] = (struct allow_rule){ IPPROTO_TCP, 22, 22 };
	l.v[l.n++] = (struct allow_rule){ IPPROTO_UDP, 5000, 5010 };
	l.v[l.n++] = (struct allow_rule){ IPPROTO_ICMP, 0, 0 };
	l.v[l.n++] = (struct allow_rule){ IPPROTO_TCP, 0, 0 };
	msg = nlmsg_alloc();
	assert_non_null(msg);
	assert_int_equal(knl_put_allow(msg, &l), 0);
	assert_string_equal(allow_str(msg, buf, sizeof(buf)),
			    "6:22-22 17:5000-5010 1:_-_ 6:_-_");
	nlmsg_free(msg);

	/* the most a device has fit a message */
	for (l.n = 0, i = 0; i < V4V6_ALLOW_MAX; i++)
		l.v[l.n++] = (struct allow_rule){ IPPROTO_UDP, 1, 65535 };
	msg = nlmsg_alloc();
	assert_non_null(msg);
	assert_int_equal(knl_put_allow(msg, &l), 0);
	assert_int_equal(strlen(allow_str(msg, buf, sizeof(buf))),
			 V4V6_ALLOW_MAX * strlen("17:1-65535 ") - 1);
	nlmsg_free(msg);
}

#define FAMILY	0x20	/* v4v6's id in these tests */

/* What the ops were told, one letter and its arguments a line. */
struct told {
	char log[512];
	size_t len;
};

static void tell(struct told *t, const char *s)
{
	t->len += (size_t)snprintf(t->log + t->len, sizeof(t->log) - t->len,
				   "%s;", s);
	assert_true(t->len < sizeof(t->log));
}

static void told_unknown(void *arg, const uint8_t mac[6], struct in_addr ipv4)
{
	char s[64];

	snprintf(s, sizeof(s), "unknown %02x:%02x %08x", mac[0], mac[5],
		 ntohl(ipv4.s_addr));
	tell(arg, s);
}

static void told_deleted(void *arg, const uint8_t mac[6])
{
	char s[64];

	snprintf(s, sizeof(s), "deleted %02x", mac[5]);
	tell(arg, s);
}

static void told_link_gone(void *arg, int ifindex, const char *name,
			   uint32_t roles)
{
	char s[64];

	snprintf(s, sizeof(s), "gone %d %s %u", ifindex, name, roles);
	tell(arg, s);
}

static void told_family(void *arg, bool present)
{
	tell(arg, present ? "family new" : "family del");
}

static const struct knl_event_ops told_ops = {
	.unknown = told_unknown,
	.deleted = told_deleted,
	.link_gone = told_link_gone,
	.family = told_family,
};

static struct nl_msg *event_msg(int type, uint8_t cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	assert_non_null(msg);
	assert_non_null(genlmsg_put(msg, 0, 0, type, 0, 0, cmd, 1));
	return msg;
}

/* Give @msg (freed) to knl_event(); what the ops were told. */
static const char *deliver(struct nl_msg *msg, struct told *t)
{
	memset(t, 0, sizeof(*t));
	knl_event(nlmsg_hdr(msg), FAMILY, &told_ops, t);
	nlmsg_free(msg);
	return t->log;
}

static struct nl_msg *ctrl_msg(uint8_t cmd, const void *name, int len)
{
	struct nl_msg *msg = event_msg(GENL_ID_CTRL, cmd);

	assert_int_equal(nla_put_u16(msg, CTRL_ATTR_FAMILY_ID, FAMILY), 0);
	assert_int_equal(nla_put(msg, CTRL_ATTR_FAMILY_NAME, len, name), 0);
	return msg;
}

static void test_ctrl_events(void **state)
{
	struct told t;

	(void)state;
	assert_string_equal(deliver(ctrl_msg(CTRL_CMD_NEWFAMILY, "v4v6", 5),
				    &t), "family new;");
	assert_string_equal(deliver(ctrl_msg(CTRL_CMD_DELFAMILY, "v4v6", 5),
				    &t), "family del;");
	/* other families, other commands, names not quite v4v6's */
	assert_string_equal(deliver(ctrl_msg(CTRL_CMD_NEWFAMILY, "nl80211",
					     8), &t), "");
	assert_string_equal(deliver(ctrl_msg(CTRL_CMD_NEWFAMILY, "v4v6x", 6),
				    &t), "");
	assert_string_equal(deliver(ctrl_msg(CTRL_CMD_NEWFAMILY, "v4v6", 4),
				    &t), "");
	assert_string_equal(deliver(ctrl_msg(CTRL_CMD_NEWMCAST_GRP, "v4v6",
					     5), &t), "");
	assert_string_equal(deliver(event_msg(GENL_ID_CTRL,
					      CTRL_CMD_NEWFAMILY), &t), "");
}

static void test_v4v6_events(void **state)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 0x0a };
	struct nl_msg *msg;
	struct told t;

	(void)state;
	msg = event_msg(FAMILY, V4V6_CMD_LINK_GONE);
	assert_int_equal(nla_put_u32(msg, V4V6_A_LINK_IFINDEX, 7), 0);
	assert_int_equal(nla_put_string(msg, V4V6_A_LINK_NAME, "br-lan"), 0);
	assert_int_equal(nla_put_u32(msg, V4V6_A_LINK_ROLES, V4V6_LINK_LAN),
			 0);
	assert_int_equal(nla_put_u32(msg, V4V6_A_DEVICES, 0), 0);
	assert_string_equal(deliver(msg, &t), "gone 7 br-lan 1;");

	msg = event_msg(FAMILY, V4V6_CMD_LINK_GONE);
	assert_int_equal(nla_put_u32(msg, V4V6_A_LINK_IFINDEX, 9), 0);
	assert_int_equal(nla_put_u32(msg, V4V6_A_LINK_ROLES,
				     V4V6_LINK_IDENTITY), 0);
	assert_string_equal(deliver(msg, &t), "gone 9  4;");

	/* too short an index, a name without its NUL: not believed */
	msg = event_msg(FAMILY, V4V6_CMD_LINK_GONE);
	assert_int_equal(nla_put_u16(msg, V4V6_A_LINK_IFINDEX, 7), 0);
	assert_string_equal(deliver(msg, &t), "");
	msg = event_msg(FAMILY, V4V6_CMD_LINK_GONE);
	assert_int_equal(nla_put_u32(msg, V4V6_A_LINK_IFINDEX, 7), 0);
	assert_int_equal(nla_put(msg, V4V6_A_LINK_NAME, 3, "eth"), 0);
	assert_string_equal(deliver(msg, &t), "");

	msg = event_msg(FAMILY, V4V6_CMD_UNKNOWN_SOURCE);
	assert_int_equal(nla_put(msg, V4V6_A_DEV_MAC, 6, mac), 0);
	assert_int_equal(nla_put_u32(msg, V4V6_A_DEV_IPV4, htonl(0xc0a8010a)),
			 0);
	assert_string_equal(deliver(msg, &t), "unknown 02:0a c0a8010a;");
	msg = event_msg(FAMILY, V4V6_CMD_UNKNOWN_SOURCE);
	assert_int_equal(nla_put(msg, V4V6_A_DEV_MAC, 5, mac), 0);
	assert_int_equal(nla_put_u32(msg, V4V6_A_DEV_IPV4, 1), 0);
	assert_string_equal(deliver(msg, &t), "");

	msg = event_msg(FAMILY, V4V6_CMD_DEL_DEVICE);
	assert_int_equal(nla_put(msg, V4V6_A_DEV_MAC, 6, mac), 0);
	assert_string_equal(deliver(msg, &t), "deleted 0a;");

	/* the same from another family: not v4v6's */
	msg = event_msg(FAMILY + 1, V4V6_CMD_DEL_DEVICE);
	assert_int_equal(nla_put(msg, V4V6_A_DEV_MAC, 6, mac), 0);
	assert_string_equal(deliver(msg, &t), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_allow),
		cmocka_unit_test(test_ctrl_events),
		cmocka_unit_test(test_v4v6_events),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
