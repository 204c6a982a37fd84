// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the generic netlink family's policy, as the genetlink core applies
 * it (strict validation), and the checks of the commands on attributes.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/inet.h>
#include <net/genetlink.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/netlink.h>

#include "../netlink.h"
#include "../path.h"

#define RO_MSG "read-only attribute"
#define LEN_MSG "invalid attribute length"
#define SIZE_MSG "binary attribute size out of range"
#define RANGE_MSG "integer out of range"

struct nl_fixture {
	u8 buf[512];
	int len;
	struct nlattr *tb[V4V6_A_MAX + 1];
	struct netlink_ext_ack extack;
	struct genl_info info;
};

/* Append an attribute to the fixture's buffer. */
static struct nlattr *nl_put(struct kunit *test, u16 type, int len,
			     const void *data)
{
	struct nl_fixture *f = test->priv;
	struct nlattr *nla = (struct nlattr *)(f->buf + f->len);

	KUNIT_ASSERT_LE(test, f->len + nla_total_size(len),
			(int)sizeof(f->buf));
	nla->nla_type = type;
	nla->nla_len = nla_attr_size(len);
	memcpy(nla_data(nla), data, len);
	memset((u8 *)nla_data(nla) + len, 0, nla_padlen(len));
	f->len += nla_total_size(len);
	return nla;
}

/* An integer attribute @len bytes long, in host order. */
static struct nlattr *nl_put_int(struct kunit *test, u16 type, int len,
				 u64 val)
{
	union {
		u8 u8;
		u16 u16;
		u32 u32;
		u64 u64;
	} v;

	switch (len) {
	case 1:
		v.u8 = val;
		break;
	case 2:
		v.u16 = val;
		break;
	case 4:
		v.u32 = val;
		break;
	case 8:
		v.u64 = val;
		break;
	default:
		KUNIT_FAIL(test, "no integer of %d bytes", len);
		return NULL;
	}
	return nl_put(test, type, len, &v);
}

/* Parse the buffer as the genetlink core parses a request to the family. */
static int nl_parse(struct kunit *test)
{
	struct nl_fixture *f = test->priv;

	memset(&f->extack, 0, sizeof(f->extack));
	return __nla_parse(f->tb, V4V6_A_MAX, (struct nlattr *)f->buf, f->len,
			   v4v6_nl_policy, NL_VALIDATE_STRICT, &f->extack);
}

/* Expect the parse to have failed with @err, on @nla, saying @msg. */
static void expect_refused(struct kunit *test, int got, int err,
			   const struct nlattr *nla, const char *msg)
{
	struct nl_fixture *f = test->priv;

	KUNIT_EXPECT_EQ(test, got, err);
	KUNIT_EXPECT_PTR_EQ(test, f->extack.bad_attr, nla);
	KUNIT_ASSERT_NOT_NULL(test, f->extack._msg);
	KUNIT_EXPECT_STREQ(test, f->extack._msg, msg);
}

struct policy_case {
	const char *desc;
	u16 type;
	u8 len;			/* the payload's length */
	u64 val;		/* for integers (len 1, 2, 4 or 8) */
	bool binary;		/* a pattern of @len bytes instead */
	int err;		/* 0: accepted */
	const char *msg;	/* the extended ack's message on refusal */
};

#define OK_INT(t, l, v) { #t " = " #v, t, l, v, false, 0, NULL }
#define OK_BIN(t, l) { #t " of " #l " bytes", t, l, 0, true, 0, NULL }
#define BAD_INT(t, l, v, e, m) { #t " = " #v " in " #l " bytes", t, l, v, false, e, m }
#define BAD_BIN(t, l, e, m) { #t " of " #l " bytes", t, l, 0, true, e, m }

static const struct policy_case policy_cases[] = {
	/* Each attribute a request may carry, at its right size. */
	OK_INT(V4V6_A_CFG_LAN_IFINDEX, 4, 7),
	OK_INT(V4V6_A_CFG_WAN_IFINDEX, 4, 0),
	OK_BIN(V4V6_A_CFG_PREF64, 16),
	OK_INT(V4V6_A_CFG_PREF64_LEN, 1, 32),
	OK_INT(V4V6_A_CFG_PREF64_LEN, 1, 96),
	OK_INT(V4V6_A_CFG_LOWEST_MTU, 4, 1280),
	OK_INT(V4V6_A_CFG_LOWEST_MTU, 4, 65535),
	OK_INT(V4V6_A_CFG_UNKNOWN, 1, V4V6_UNKNOWN_PASS),
	OK_INT(V4V6_A_CFG_UNKNOWN, 1, V4V6_UNKNOWN_DROP),
	OK_BIN(V4V6_A_DEV_MAC, 6),
	OK_BIN(V4V6_A_DEV_IPV4, 4),
	OK_BIN(V4V6_A_DEV_IPV6, 16),
	OK_INT(V4V6_A_DEV_WAN_IFINDEX, 4, 3),
	OK_INT(V4V6_A_DEV_STATE, 1, V4V6_DEV_STATE_ACTIVE),
	OK_INT(V4V6_A_DEV_STATE, 1, V4V6_DEV_STATE_INACTIVE),
	OK_INT(V4V6_A_DEV_FLAGS, 4, 0),
	OK_INT(V4V6_A_DEV_FLAGS, 4, V4V6_DEV_F_STATIC),
	OK_INT(V4V6_A_DEV_FLAGS, 4, V4V6_DEV_F_CONFLICT),
	OK_BIN(V4V6_A_FLUSH_ALL, 0),
	OK_INT(V4V6_A_CFG_INBOUND, 1, V4V6_INBOUND_REPLIES),
	OK_INT(V4V6_A_CFG_INBOUND, 1, V4V6_INBOUND_ALL),

	/* Too short, too long. */
	BAD_BIN(V4V6_A_DEV_MAC, 5, -ERANGE, SIZE_MSG),
	BAD_BIN(V4V6_A_DEV_MAC, 7, -ERANGE, SIZE_MSG),
	BAD_BIN(V4V6_A_DEV_IPV6, 15, -ERANGE, SIZE_MSG),
	BAD_BIN(V4V6_A_DEV_IPV6, 17, -ERANGE, SIZE_MSG),
	BAD_BIN(V4V6_A_CFG_PREF64, 15, -ERANGE, SIZE_MSG),
	BAD_BIN(V4V6_A_CFG_PREF64, 17, -ERANGE, SIZE_MSG),
	BAD_BIN(V4V6_A_DEV_IPV4, 3, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_DEV_IPV4, 2, 1, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_DEV_IPV4, 8, 1, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_CFG_LAN_IFINDEX, 2, 1, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_CFG_WAN_IFINDEX, 8, 1, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_CFG_LOWEST_MTU, 2, 1280, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_CFG_LOWEST_MTU, 8, 1280, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_DEV_WAN_IFINDEX, 2, 1, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_DEV_FLAGS, 8, 0, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_CFG_PREF64_LEN, 4, 96, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_DEV_STATE, 2, 1, -EINVAL, LEN_MSG),
	BAD_INT(V4V6_A_CFG_UNKNOWN, 4, 0, -EINVAL, LEN_MSG),
	BAD_BIN(V4V6_A_FLUSH_ALL, 1, -ERANGE,
		"Attribute failed policy validation"),

	/* Out of range. */
	BAD_INT(V4V6_A_CFG_PREF64_LEN, 1, 31, -ERANGE, RANGE_MSG),
	BAD_INT(V4V6_A_CFG_PREF64_LEN, 1, 97, -ERANGE, RANGE_MSG),
	BAD_INT(V4V6_A_CFG_LOWEST_MTU, 4, 1279, -ERANGE, RANGE_MSG),
	BAD_INT(V4V6_A_CFG_LOWEST_MTU, 4, 65536, -ERANGE, RANGE_MSG),
	BAD_INT(V4V6_A_DEV_STATE, 1, 0, -ERANGE, RANGE_MSG),
	BAD_INT(V4V6_A_DEV_STATE, 1, 3, -ERANGE, RANGE_MSG),
	BAD_INT(V4V6_A_CFG_UNKNOWN, 1, 2, -ERANGE, RANGE_MSG),
	BAD_INT(V4V6_A_CFG_INBOUND, 1, 2, -ERANGE, RANGE_MSG),

	/* A nest must say so (strict validation), an empty one too. */
	BAD_BIN(V4V6_A_DEV_ALLOW, 0, -EINVAL, "NLA_F_NESTED is missing"),
	BAD_BIN(V4V6_A_DEV_ALLOW, 8, -EINVAL, "NLA_F_NESTED is missing"),
	BAD_INT(V4V6_A_DEV_FLAGS, 4, 0x4, -EINVAL, "reserved bit set"),
	BAD_INT(V4V6_A_DEV_FLAGS, 4, 0x80000001, -EINVAL, "reserved bit set"),

	/* What only the module says. */
	BAD_INT(V4V6_A_DEV_IDLE_MS, 8, 1, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_DEV_TX_PACKETS, 8, 1, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_DEV_TX_BYTES, 8, 1, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_DEV_RX_PACKETS, 8, 1, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_DEV_RX_BYTES, 8, 1, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_DEV_DROPS, 8, 1, -EINVAL, RO_MSG),
	BAD_BIN(V4V6_A_STATS, 0, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_STATS, 8, 1, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_DEVICES, 4, 1, -EINVAL, RO_MSG),
	BAD_BIN(V4V6_A_PAD, 0, -EINVAL, RO_MSG),
	BAD_BIN(V4V6_A_PAD, 4, -EINVAL, RO_MSG),
	BAD_BIN(V4V6_A_CFG_LAN_GONE, 4, -EINVAL, RO_MSG),
	BAD_BIN(V4V6_A_CFG_WAN_GONE, 4, -EINVAL, RO_MSG),
	BAD_BIN(V4V6_A_DEV_WAN_GONE, 4, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_LINK_IFINDEX, 4, 1, -EINVAL, RO_MSG),
	BAD_BIN(V4V6_A_LINK_NAME, 4, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_LINK_ROLES, 4, 1, -EINVAL, RO_MSG),
	BAD_INT(V4V6_A_DEV_UNSOLICITED, 8, 1, -EINVAL, RO_MSG),

	/* Unknown to the family. */
	BAD_INT(V4V6_A_UNSPEC, 4, 1, -EINVAL, "Unknown attribute type"),
	BAD_INT(V4V6_A_MAX + 1, 4, 1, -EINVAL, "Unknown attribute type"),
	BAD_INT(0x7fff, 4, 1, -EINVAL, "Unknown attribute type"),
};

static void policy_case_desc(const struct policy_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(policy, policy_cases, policy_case_desc);

static void nl_policy_test(struct kunit *test)
{
	const struct policy_case *c = test->param_value;
	struct nl_fixture *f = test->priv;
	struct nlattr *nla;
	u8 pattern[32];
	unsigned int i;
	int err;

	for (i = 0; i < sizeof(pattern); i++)
		pattern[i] = 0x20 + i;
	if (c->binary)
		nla = nl_put(test, c->type, c->len, pattern);
	else
		nla = nl_put_int(test, c->type, c->len, c->val);
	KUNIT_ASSERT_NOT_NULL(test, nla);

	err = nl_parse(test);
	if (!c->err) {
		KUNIT_EXPECT_EQ(test, err, 0);
		KUNIT_EXPECT_NULL(test, f->extack._msg);
		KUNIT_EXPECT_PTR_EQ(test, f->tb[c->type], nla);
		return;
	}
	expect_refused(test, err, c->err, nla, c->msg);
}

/* A whole request, its attributes in any order, and one bad one among them. */
static void nl_policy_message_test(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
	struct nl_fixture *f = test->priv;
	struct in6_addr ip6 = {};
	struct nlattr *bad;
	__be32 ip4 = htonl(0xc0a8010a);
	int type;

	nl_put_int(test, V4V6_A_DEV_FLAGS, 4, V4V6_DEV_F_STATIC);
	nl_put(test, V4V6_A_DEV_IPV6, sizeof(ip6), &ip6);
	nl_put(test, V4V6_A_DEV_MAC, ETH_ALEN, mac);
	nl_put(test, V4V6_A_DEV_IPV4, sizeof(ip4), &ip4);
	nl_put_int(test, V4V6_A_DEV_STATE, 1, V4V6_DEV_STATE_INACTIVE);
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);
	for (type = 0; type <= V4V6_A_MAX; type++) {
		switch (type) {
		case V4V6_A_DEV_FLAGS:
		case V4V6_A_DEV_IPV6:
		case V4V6_A_DEV_MAC:
		case V4V6_A_DEV_IPV4:
		case V4V6_A_DEV_STATE:
			KUNIT_EXPECT_NOT_NULL_MSG(test, f->tb[type], "type %d",
						  type);
			break;
		default:
			KUNIT_EXPECT_NULL_MSG(test, f->tb[type], "type %d", type);
		}
	}
	KUNIT_EXPECT_EQ(test, ntohl(nla_get_in_addr(f->tb[V4V6_A_DEV_IPV4])),
			ntohl(ip4));
	KUNIT_EXPECT_EQ(test, nla_get_u32(f->tb[V4V6_A_DEV_FLAGS]),
			V4V6_DEV_F_STATIC);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(nla_data(f->tb[V4V6_A_DEV_MAC]),
						 mac));

	bad = nl_put_int(test, V4V6_A_DEV_TX_BYTES, 8, 0);
	nl_put_int(test, V4V6_A_CFG_LOWEST_MTU, 4, 1500);
	expect_refused(test, nl_parse(test), -EINVAL, bad, RO_MSG);

	/* Trailing bytes after the last attribute. */
	f->len = 0;
	nl_put_int(test, V4V6_A_CFG_LOWEST_MTU, 4, 1500);
	f->len += 2;
	KUNIT_EXPECT_EQ(test, nl_parse(test), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, f->extack._msg);
	KUNIT_EXPECT_STREQ(test, f->extack._msg,
			   "bytes leftover after parsing attributes");
}

/* A fake request: its parsed attributes and an ack the test owns. */
static struct genl_info *nl_info(struct kunit *test)
{
	struct nl_fixture *f = test->priv;

	f->info.attrs = f->tb;
	f->info.extack = &f->extack;
	memset(&f->extack, 0, sizeof(f->extack));
	return &f->info;
}

static void nl_only_test(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
	struct nl_fixture *f = test->priv;
	__be32 ip4 = htonl(0xc0a8010a);
	struct nlattr *amac, *aip4, *pad;

	amac = nl_put(test, V4V6_A_DEV_MAC, ETH_ALEN, mac);
	aip4 = nl_put(test, V4V6_A_DEV_IPV4, sizeof(ip4), &ip4);
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);

	KUNIT_EXPECT_EQ(test, v4v6_nl_only(nl_info(test),
					   BIT_ULL(V4V6_A_DEV_MAC) |
					   BIT_ULL(V4V6_A_DEV_IPV4)), 0);
	KUNIT_EXPECT_NULL(test, f->extack._msg);
	KUNIT_EXPECT_NULL(test, f->extack.bad_attr);
	KUNIT_EXPECT_EQ(test, v4v6_nl_only(nl_info(test), U64_MAX), 0);

	KUNIT_EXPECT_EQ(test, v4v6_nl_only(nl_info(test),
					   BIT_ULL(V4V6_A_DEV_MAC)), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, f->extack.bad_attr, aip4);
	KUNIT_ASSERT_NOT_NULL(test, f->extack._msg);
	KUNIT_EXPECT_STREQ(test, f->extack._msg,
			   "attribute not valid for this command");

	/* The first one outside is named. */
	KUNIT_EXPECT_EQ(test, v4v6_nl_only(nl_info(test), 0), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, f->extack.bad_attr, amac);
	KUNIT_EXPECT_NOT_NULL(test, f->extack._msg);

	/* The last type of all is checked too. */
	pad = nl_put(test, V4V6_A_PAD, 0, NULL);
	f->tb[V4V6_A_PAD] = pad;
	KUNIT_EXPECT_EQ(test, v4v6_nl_only(nl_info(test),
					   BIT_ULL(V4V6_A_DEV_MAC) |
					   BIT_ULL(V4V6_A_DEV_IPV4)), -EINVAL);
	KUNIT_EXPECT_PTR_EQ(test, f->extack.bad_attr, pad);

	/* No attribute at all: every command takes that. */
	memset(f->tb, 0, sizeof(f->tb));
	KUNIT_EXPECT_EQ(test, v4v6_nl_only(nl_info(test), 0), 0);
	KUNIT_EXPECT_NULL(test, f->extack._msg);
}

struct dev_case {
	const char *desc;
	u16 type;		/* V4V6_A_DEV_MAC, _IPV4 or _IPV6 */
	const char *addr;
	const char *msg;	/* NULL: accepted */
};

#define MAC_MSG "the MAC address must be unicast and not zero"
#define IPV4_MSG "the IPv4 address must be unicast"
#define IPV6_MSG "the IPv6 address must be global unicast"
#define NAT64_MSG "the IPv6 address lies in the NAT64 prefix"

static const struct dev_case dev_cases[] = {
	{ "MAC unicast", V4V6_A_DEV_MAC, "02:00:5e:10:00:01", NULL },
	{ "MAC multicast", V4V6_A_DEV_MAC, "01:00:5e:00:00:01", MAC_MSG },
	{ "MAC broadcast", V4V6_A_DEV_MAC, "ff:ff:ff:ff:ff:ff", MAC_MSG },
	{ "MAC zero", V4V6_A_DEV_MAC, "00:00:00:00:00:00", MAC_MSG },
	{ "IPv4 private", V4V6_A_DEV_IPV4, "192.168.1.10", NULL },
	{ "IPv4 public", V4V6_A_DEV_IPV4, "192.0.2.33", NULL },
	{ "IPv4 zero", V4V6_A_DEV_IPV4, "0.0.0.0", IPV4_MSG },
	{ "IPv4 multicast", V4V6_A_DEV_IPV4, "224.0.0.1", IPV4_MSG },
	{ "IPv4 multicast high", V4V6_A_DEV_IPV4, "239.255.255.250", IPV4_MSG },
	{ "IPv4 broadcast", V4V6_A_DEV_IPV4, "255.255.255.255", IPV4_MSG },
	{ "IPv4 loopback", V4V6_A_DEV_IPV4, "127.0.0.1", IPV4_MSG },
	{ "IPv6 global", V4V6_A_DEV_IPV6, "2001:db8:6::1000", NULL },
	{ "IPv6 next to the prefix", V4V6_A_DEV_IPV6, "64:ff9b:1::1", NULL },
	{ "IPv6 unspecified", V4V6_A_DEV_IPV6, "::", IPV6_MSG },
	{ "IPv6 loopback", V4V6_A_DEV_IPV6, "::1", IPV6_MSG },
	{ "IPv6 link-local", V4V6_A_DEV_IPV6, "fe80::1", IPV6_MSG },
	{ "IPv6 site-local", V4V6_A_DEV_IPV6, "fec0::1", IPV6_MSG },
	{ "IPv6 multicast", V4V6_A_DEV_IPV6, "ff02::1", IPV6_MSG },
	{ "IPv6 v4-mapped", V4V6_A_DEV_IPV6, "::ffff:192.0.2.1", IPV6_MSG },
	{ "IPv6 in the NAT64 prefix", V4V6_A_DEV_IPV6, "64:ff9b::c000:221",
	  NAT64_MSG },
};

static void dev_case_desc(const struct dev_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(dev, dev_cases, dev_case_desc);

/* The addresses a device may have (v4v6_dev_parse()), one at a time. */
static void nl_dev_addr_test(struct kunit *test)
{
	const struct dev_case *c = test->param_value;
	struct nl_fixture *f = test->priv;
	struct v4v6_device *d, zero = {};
	struct v4v6_config cfg;
	u8 addr[16];
	int err;

	switch (c->type) {
	case V4V6_A_DEV_MAC:
		KUNIT_ASSERT_TRUE(test, mac_pton(c->addr, addr));
		nl_put(test, c->type, ETH_ALEN, addr);
		break;
	case V4V6_A_DEV_IPV4:
		KUNIT_ASSERT_TRUE(test, in4_pton(c->addr, -1, addr, -1, NULL));
		nl_put(test, c->type, 4, addr);
		break;
	default:
		KUNIT_ASSERT_TRUE(test, in6_pton(c->addr, -1, addr, -1, NULL));
		nl_put(test, c->type, 16, addr);
	}
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);
	v4v6_config_init(&cfg);
	d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);

	err = v4v6_dev_parse(&init_net, nl_info(test), &cfg, d);
	if (c->msg) {
		expect_refused(test, err, -EINVAL, f->tb[c->type], c->msg);
		/* Nothing taken from a refused request. */
		KUNIT_EXPECT_EQ(test, memcmp(d, &zero, sizeof(zero)), 0);
		return;
	}
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_NULL(test, f->extack._msg);
	switch (c->type) {
	case V4V6_A_DEV_MAC:
		KUNIT_EXPECT_TRUE(test, ether_addr_equal(d->mac, addr));
		break;
	case V4V6_A_DEV_IPV4:
		KUNIT_EXPECT_EQ(test, memcmp(&d->ip4, addr, 4), 0);
		break;
	default:
		KUNIT_EXPECT_EQ(test, memcmp(&d->ip6, addr, 16), 0);
	}
}

/* Every device attribute of a request lands in the device. */
static void nl_dev_parse_test(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 9 };
	struct v4v6_device *d;
	struct v4v6_config cfg;
	struct in6_addr ip6;
	__be32 ip4;

	KUNIT_ASSERT_TRUE(test, in6_pton("2001:db8::9", -1, ip6.s6_addr, -1,
					 NULL));
	ip4 = htonl(0xc0a80109);
	nl_put(test, V4V6_A_DEV_MAC, ETH_ALEN, mac);
	nl_put(test, V4V6_A_DEV_IPV4, 4, &ip4);
	nl_put(test, V4V6_A_DEV_IPV6, 16, &ip6);
	nl_put_int(test, V4V6_A_DEV_STATE, 1, V4V6_DEV_STATE_INACTIVE);
	nl_put_int(test, V4V6_A_DEV_FLAGS, 4, V4V6_DEV_F_STATIC);
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);
	v4v6_config_init(&cfg);
	d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);
	d->wan_ifindex = 5;

	KUNIT_EXPECT_EQ(test, v4v6_dev_parse(&init_net, nl_info(test), &cfg, d),
			0);
	KUNIT_EXPECT_TRUE(test, ether_addr_equal(d->mac, mac));
	KUNIT_EXPECT_EQ(test, ntohl(d->ip4), ntohl(ip4));
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&d->ip6, &ip6));
	KUNIT_EXPECT_EQ(test, d->state, V4V6_DEV_STATE_INACTIVE);
	KUNIT_EXPECT_EQ(test, d->flags, V4V6_DEV_F_STATIC);
	/* Absent attributes leave the device as it was. */
	KUNIT_EXPECT_EQ(test, d->wan_ifindex, 5);
}

/* Setting a device's identity again ends its "gone" state; nothing else does. */
static void nl_dev_gone_test(struct kunit *test)
{
	struct nl_fixture *f = test->priv;
	struct v4v6_device *d;
	struct v4v6_config cfg;

	v4v6_config_init(&cfg);
	d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);
	strscpy(d->wan_gone, "id-tv", sizeof(d->wan_gone));

	nl_put_int(test, V4V6_A_DEV_STATE, 1, V4V6_DEV_STATE_INACTIVE);
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);
	KUNIT_EXPECT_EQ(test, v4v6_dev_parse(&init_net, nl_info(test), &cfg, d),
			0);
	KUNIT_EXPECT_STREQ(test, d->wan_gone, "id-tv");

	f->len = 0;
	nl_put_int(test, V4V6_A_DEV_WAN_IFINDEX, 4, 0);
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);
	KUNIT_EXPECT_EQ(test, v4v6_dev_parse(&init_net, nl_info(test), &cfg, d),
			0);
	KUNIT_EXPECT_STREQ(test, d->wan_gone, "");
	KUNIT_EXPECT_EQ(test, d->wan_ifindex, 0);
}

/* An interface that goes leaves the configuration, its name kept. */
static void nl_config_forget_test(struct kunit *test)
{
	struct v4v6_config cfg;

	v4v6_config_init(&cfg);
	KUNIT_EXPECT_STREQ(test, cfg.lan_gone, "");
	KUNIT_EXPECT_STREQ(test, cfg.wan_gone, "");
	cfg.lan_ifindex = 3;
	cfg.wan_ifindex = 4;

	KUNIT_EXPECT_EQ(test, v4v6_config_forget(&cfg, 9, "eth9"), 0);
	KUNIT_EXPECT_EQ(test, v4v6_config_forget(&cfg, 0, "none"), 0);
	KUNIT_EXPECT_EQ(test, cfg.lan_ifindex, 3);
	KUNIT_EXPECT_EQ(test, cfg.wan_ifindex, 4);
	KUNIT_EXPECT_STREQ(test, cfg.lan_gone, "");

	KUNIT_EXPECT_EQ(test, v4v6_config_forget(&cfg, 3, "br-lan"),
			V4V6_LINK_LAN);
	KUNIT_EXPECT_EQ(test, cfg.lan_ifindex, 0);
	KUNIT_EXPECT_STREQ(test, cfg.lan_gone, "br-lan");
	KUNIT_EXPECT_EQ(test, cfg.wan_ifindex, 4);
	KUNIT_EXPECT_STREQ(test, cfg.wan_gone, "");
	/* LAN 0 is not "the interface 0". */
	KUNIT_EXPECT_EQ(test, v4v6_config_forget(&cfg, 0, "x"), 0);
	KUNIT_EXPECT_STREQ(test, cfg.lan_gone, "br-lan");

	KUNIT_EXPECT_EQ(test, v4v6_config_forget(&cfg, 4,
						 "a-name-of-15-ch"),
			V4V6_LINK_WAN);
	KUNIT_EXPECT_EQ(test, cfg.wan_ifindex, 0);
	KUNIT_EXPECT_STREQ(test, cfg.wan_gone, "a-name-of-15-ch");
}

/* The NAT64 prefix a device's IPv6 address must avoid is the instance's. */
static void nl_dev_prefix_test(struct kunit *test)
{
	struct nl_fixture *f = test->priv;
	struct in6_addr wkp, inside;
	struct v4v6_device *d;
	struct v4v6_config cfg;

	KUNIT_ASSERT_TRUE(test, in6_pton("64:ff9b::c000:221", -1, wkp.s6_addr,
					 -1, NULL));
	KUNIT_ASSERT_TRUE(test, in6_pton("2001:db8:122:c000:2:2100::", -1,
					 inside.s6_addr, -1, NULL));
	v4v6_config_init(&cfg);
	KUNIT_ASSERT_TRUE(test, in6_pton("2001:db8:122::", -1,
					 cfg.pref64.addr.s6_addr, -1, NULL));
	cfg.pref64.len = 48;
	KUNIT_ASSERT_TRUE(test, v4v6_prefix_valid(&cfg.pref64));
	d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);

	nl_put(test, V4V6_A_DEV_IPV6, 16, &wkp);
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);
	KUNIT_EXPECT_EQ(test, v4v6_dev_parse(&init_net, nl_info(test), &cfg, d),
			0);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&d->ip6, &wkp));

	f->len = 0;
	nl_put(test, V4V6_A_DEV_IPV6, 16, &inside);
	KUNIT_ASSERT_EQ(test, nl_parse(test), 0);
	expect_refused(test, v4v6_dev_parse(&init_net, nl_info(test), &cfg, d),
		       -EINVAL, f->tb[V4V6_A_DEV_IPV6], NAT64_MSG);
	KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&d->ip6, &wkp));
}

static int nl_test_init(struct kunit *test)
{
	test->priv = kunit_kzalloc(test, sizeof(struct nl_fixture), GFP_KERNEL);
	return test->priv ? 0 : -ENOMEM;
}

/* Open a nest of @type in the buffer; nl_nest_end() closes it. */
static struct nlattr *nl_nest(struct kunit *test, u16 type)
{
	return nl_put(test, type | NLA_F_NESTED, 0, NULL);
}

static void nl_nest_end(struct kunit *test, struct nlattr *nest)
{
	struct nl_fixture *f = test->priv;

	nest->nla_len = f->buf + f->len - (u8 *)nest;
}

/* One rule: @proto, and ports unless @lo and @hi are both 0. */
static struct nlattr *nl_rule(struct kunit *test, u8 proto, u16 lo, u16 hi)
{
	struct nlattr *rule = nl_nest(test, V4V6_A_ALLOW);

	nl_put_int(test, V4V6_A_ALLOW_PROTO, 1, proto);
	if (lo)
		nl_put_int(test, V4V6_A_ALLOW_PORT_MIN, 2, lo);
	if (hi)
		nl_put_int(test, V4V6_A_ALLOW_PORT_MAX, 2, hi);
	nl_nest_end(test, rule);
	return rule;
}

/* Parse the buffer's V4V6_A_DEV_ALLOW into @d. */
static int nl_allow(struct kunit *test, struct v4v6_device *d)
{
	struct nl_fixture *f = test->priv;
	int err = nl_parse(test);

	if (err)
		return err;
	KUNIT_EXPECT_NOT_NULL(test, f->tb[V4V6_A_DEV_ALLOW]);
	return v4v6_allow_parse(f->tb[V4V6_A_DEV_ALLOW], d, &f->extack);
}

static void nl_allow_parse_test(struct kunit *test)
{
	struct v4v6_device *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	struct nl_fixture *f = test->priv;
	struct nlattr *list;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, d);
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	nl_rule(test, IPPROTO_TCP, 22, 0);
	nl_rule(test, IPPROTO_UDP, 5000, 5010);
	nl_rule(test, IPPROTO_ICMP, 0, 0);
	nl_rule(test, IPPROTO_TCP, 0, 0);
	nl_rule(test, IPPROTO_UDP, 0, 100);
	nl_nest_end(test, list);
	KUNIT_ASSERT_EQ(test, nl_allow(test, d), 0);
	KUNIT_ASSERT_EQ(test, d->n_allow, 5);
	KUNIT_EXPECT_EQ(test, d->allow[0].proto, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, d->allow[0].lo, 22);
	KUNIT_EXPECT_EQ(test, d->allow[0].hi, 22);
	KUNIT_EXPECT_EQ(test, d->allow[1].lo, 5000);
	KUNIT_EXPECT_EQ(test, d->allow[1].hi, 5010);
	KUNIT_EXPECT_EQ(test, d->allow[2].proto, IPPROTO_ICMP);
	KUNIT_EXPECT_EQ(test, d->allow[3].lo, 1);
	KUNIT_EXPECT_EQ(test, d->allow[3].hi, 65535);
	KUNIT_EXPECT_EQ(test, d->allow[4].lo, 1);
	KUNIT_EXPECT_EQ(test, d->allow[4].hi, 100);

	/* An empty list clears them; V4V6_ALLOW_MAX rules fit. */
	f->len = 0;
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	nl_nest_end(test, list);
	KUNIT_ASSERT_EQ(test, nl_allow(test, d), 0);
	KUNIT_EXPECT_EQ(test, d->n_allow, 0);
	KUNIT_EXPECT_EQ(test, nla_len(list), 0);
	f->len = 0;
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	for (i = 0; i < V4V6_ALLOW_MAX; i++)
		nl_rule(test, IPPROTO_TCP, 100 + i, 0);
	nl_nest_end(test, list);
	KUNIT_ASSERT_EQ(test, nl_allow(test, d), 0);
	KUNIT_EXPECT_EQ(test, d->n_allow, V4V6_ALLOW_MAX);
}

struct allow_bad {
	const char *desc;
	u8 proto;
	u16 lo, hi;
	const char *msg;
};

static void nl_allow_refused_test(struct kunit *test)
{
	static const struct allow_bad bad[] = {
		{ "lo > hi", IPPROTO_TCP, 30, 20, "the lowest port is above the highest" },
		{ "ICMP port", IPPROTO_ICMP, 7, 0, "ICMP has no ports" },
		{ "SCTP", IPPROTO_SCTP, 0, 0, "an allow rule is for TCP, UDP or ICMP" },
		{ "any protocol", 0, 0, 0, "an allow rule is for TCP, UDP or ICMP" },
	};
	struct v4v6_device *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	struct nl_fixture *f = test->priv;
	struct nlattr *list, *rule;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, d);
	d->n_allow = 1;
	d->allow[0].proto = IPPROTO_UDP;
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		f->len = 0;
		list = nl_nest(test, V4V6_A_DEV_ALLOW);
		nl_rule(test, IPPROTO_TCP, 80, 0);
		nl_rule(test, bad[i].proto, bad[i].lo, bad[i].hi);
		nl_nest_end(test, list);
		KUNIT_EXPECT_EQ_MSG(test, nl_allow(test, d), -EINVAL, "%s",
				    bad[i].desc);
		KUNIT_ASSERT_NOT_NULL(test, f->extack._msg);
		KUNIT_EXPECT_STREQ_MSG(test, f->extack._msg, bad[i].msg, "%s",
				       bad[i].desc);
	}
	/* Too many; a rule without a protocol; something else in the list. */
	f->len = 0;
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	for (i = 0; i <= V4V6_ALLOW_MAX; i++)
		nl_rule(test, IPPROTO_UDP, 1 + i, 0);
	nl_nest_end(test, list);
	KUNIT_EXPECT_EQ(test, nl_allow(test, d), -EINVAL);
	KUNIT_EXPECT_STREQ(test, f->extack._msg,
			   "too many allow rules for one device");
	f->len = 0;
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	rule = nl_nest(test, V4V6_A_ALLOW);
	nl_put_int(test, V4V6_A_ALLOW_PORT_MIN, 2, 22);
	nl_nest_end(test, rule);
	nl_nest_end(test, list);
	KUNIT_EXPECT_EQ(test, nl_allow(test, d), -EINVAL);
	KUNIT_EXPECT_STREQ(test, f->extack._msg, "an allow rule needs a protocol");
	f->len = 0;
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	nl_put_int(test, V4V6_A_ALLOW_PROTO, 1, IPPROTO_TCP);
	nl_nest_end(test, list);
	KUNIT_EXPECT_EQ(test, nl_allow(test, d), -EINVAL);
	KUNIT_EXPECT_STREQ(test, f->extack._msg,
			   "an allow list holds allow rules only");
	f->len = 0;
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	rule = nl_nest(test, V4V6_A_ALLOW);
	nl_put_int(test, V4V6_A_ALLOW_PROTO, 1, IPPROTO_TCP);
	nl_put_int(test, V4V6_A_DEV_FLAGS, 4, 0);
	nl_nest_end(test, rule);
	nl_nest_end(test, list);
	KUNIT_EXPECT_EQ(test, nl_allow(test, d), -EINVAL);
	KUNIT_EXPECT_STREQ(test, f->extack._msg,
			   "attribute not valid in an allow rule");
	/* Port 0 is refused by the policy, inside the nest. */
	f->len = 0;
	list = nl_nest(test, V4V6_A_DEV_ALLOW);
	rule = nl_nest(test, V4V6_A_ALLOW);
	nl_put_int(test, V4V6_A_ALLOW_PROTO, 1, IPPROTO_TCP);
	nl_put_int(test, V4V6_A_ALLOW_PORT_MIN, 2, 0);
	nl_nest_end(test, rule);
	nl_nest_end(test, list);
	KUNIT_EXPECT_EQ(test, nl_allow(test, d), -ERANGE);
	/* Refusals leave the device's rules as they were. */
	KUNIT_EXPECT_EQ(test, d->n_allow, 1);
	KUNIT_EXPECT_EQ(test, d->allow[0].proto, IPPROTO_UDP);
}

/* What v4v6_allow_fill() writes parses back to the same rules. */
static void nl_allow_fill_test(struct kunit *test)
{
	struct v4v6_device *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	struct v4v6_device *e = kunit_kzalloc(test, sizeof(*e), GFP_KERNEL);
	struct nl_fixture *f = test->priv;
	struct sk_buff *skb;

	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_ASSERT_NOT_NULL(test, e);
	d->allow[0] = (struct v4v6_allow){ IPPROTO_TCP, 22, 22 };
	d->allow[1] = (struct v4v6_allow){ IPPROTO_ICMP, 0, 0 };
	d->allow[2] = (struct v4v6_allow){ IPPROTO_UDP, 1, 65535 };
	d->n_allow = 3;
	skb = alloc_skb(sizeof(f->buf), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, v4v6_allow_fill(skb, e), 0);
	KUNIT_EXPECT_EQ(test, skb->len, 0);
	KUNIT_ASSERT_EQ(test, v4v6_allow_fill(skb, d), 0);
	KUNIT_ASSERT_LE(test, skb->len, sizeof(f->buf));
	memcpy(f->buf, skb->data, skb->len);
	f->len = skb->len;
	kfree_skb(skb);
	KUNIT_ASSERT_EQ(test, nl_allow(test, e), 0);
	KUNIT_EXPECT_EQ(test, e->n_allow, 3);
	KUNIT_EXPECT_EQ(test, memcmp(e->allow, d->allow, 3 * sizeof(d->allow[0])),
			0);
}

/* An IPv4 packet of @proto to port @port (ICMP: of type @port). */
static struct sk_buff *allow_pkt(struct kunit *test, u8 proto, u16 port,
				 __be16 frag_off)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	struct iphdr *iph;
	__be16 *l4;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reset_network_header(skb);
	iph = skb_put_zero(skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->protocol = proto;
	iph->frag_off = frag_off;
	l4 = skb_put_zero(skb, 8);
	if (proto == IPPROTO_ICMP)
		*(u8 *)l4 = port;
	else
		l4[1] = htons(port);
	return skb;
}

static bool allow_match(struct kunit *test, const struct v4v6_device *d,
			u8 proto, u16 port, __be16 frag_off)
{
	struct sk_buff *skb = allow_pkt(test, proto, port, frag_off);
	bool match = v4v6_allow_match(d, skb);

	kfree_skb(skb);
	return match;
}

static void allow_match_test(struct kunit *test)
{
	struct v4v6_device *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	struct sk_buff *skb;

	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_TCP, 22, 0));
	d->allow[0] = (struct v4v6_allow){ IPPROTO_TCP, 22, 22 };
	d->allow[1] = (struct v4v6_allow){ IPPROTO_UDP, 5000, 5010 };
	d->n_allow = 2;
	KUNIT_EXPECT_TRUE(test, allow_match(test, d, IPPROTO_TCP, 22, 0));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_TCP, 23, 0));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_UDP, 22, 0));
	KUNIT_EXPECT_TRUE(test, allow_match(test, d, IPPROTO_UDP, 5000, 0));
	KUNIT_EXPECT_TRUE(test, allow_match(test, d, IPPROTO_UDP, 5010, 0));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_UDP, 4999, 0));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_UDP, 5011, 0));
	/* No ICMP rule: no ping. A first fragment matches, a later one not. */
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_ICMP, ICMP_ECHO, 0));
	KUNIT_EXPECT_TRUE(test, allow_match(test, d, IPPROTO_TCP, 22,
					    htons(IP_MF)));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_TCP, 22,
					     htons(IP_MF | 1)));
	d->allow[2] = (struct v4v6_allow){ IPPROTO_ICMP, 0, 0 };
	d->n_allow = 3;
	KUNIT_EXPECT_TRUE(test, allow_match(test, d, IPPROTO_ICMP, ICMP_ECHO, 0));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_ICMP,
					     ICMP_DEST_UNREACH, 0));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_ICMP,
					     ICMP_TIMESTAMP, 0));
	KUNIT_EXPECT_FALSE(test, allow_match(test, d, IPPROTO_GRE, 0, 0));
	/* A packet too short for its ports. */
	skb = allow_pkt(test, IPPROTO_TCP, 22, 0);
	skb_trim(skb, sizeof(struct iphdr) + 3);
	KUNIT_EXPECT_FALSE(test, v4v6_allow_match(d, skb));
	kfree_skb(skb);
}

static struct kunit_case nl_test_cases[] = {
	KUNIT_CASE_PARAM(nl_policy_test, policy_gen_params),
	KUNIT_CASE(nl_policy_message_test),
	KUNIT_CASE(nl_only_test),
	KUNIT_CASE_PARAM(nl_dev_addr_test, dev_gen_params),
	KUNIT_CASE(nl_dev_parse_test),
	KUNIT_CASE(nl_dev_prefix_test),
	KUNIT_CASE(nl_dev_gone_test),
	KUNIT_CASE(nl_config_forget_test),
	KUNIT_CASE(nl_allow_parse_test),
	KUNIT_CASE(nl_allow_refused_test),
	KUNIT_CASE(nl_allow_fill_test),
	KUNIT_CASE(allow_match_test),
	{}
};

static struct kunit_suite nl_test_suite = {
	.name = "v4v6_netlink_policy",
	.init = nl_test_init,
	.test_cases = nl_test_cases,
};

kunit_test_suite(nl_test_suite);
