// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/knl.c's messages that need no kernel: the allow
 * rules of a device, as the module's uapi lays them out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <linux/v4v6.h>
#include <netlink/attr.h>
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_allow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
