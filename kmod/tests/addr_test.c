// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: RFC 6052 address synthesis and extraction.
 */
#include <kunit/test.h>
#include <linux/inet.h>
#include <net/ipv6.h>

#include "../v4v6.h"

struct addr_case {
	const char *prefix;
	u8 len;
	const char *v4;
	const char *v6;
};

/* RFC 6052 section 2.4, the table of examples, verbatim. */
static const struct addr_case rfc6052_examples[] = {
	{ "2001:db8::", 32, "192.0.2.33", "2001:db8:c000:221::" },
	{ "2001:db8:100::", 40, "192.0.2.33", "2001:db8:1c0:2:21::" },
	{ "2001:db8:122::", 48, "192.0.2.33", "2001:db8:122:c000:2:2100::" },
	{ "2001:db8:122:300::", 56, "192.0.2.33", "2001:db8:122:3c0:0:221::" },
	{ "2001:db8:122:344::", 64, "192.0.2.33", "2001:db8:122:344:c0:2:2100:0" },
	{ "2001:db8:122:344::", 96, "192.0.2.33", "2001:db8:122:344::c000:221" },
	{ "64:ff9b::", 96, "192.0.2.33", "64:ff9b::c000:221" },
};

static void addr_case_desc(const struct addr_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s/%u %s", c->prefix, c->len,
		 c->v4);
}

KUNIT_ARRAY_PARAM(rfc6052, rfc6052_examples, addr_case_desc);

static void parse_case(struct kunit *test, const struct addr_case *c,
		       struct v4v6_prefix *p, __be32 *v4, struct in6_addr *v6)
{
	memset(p, 0, sizeof(*p));
	KUNIT_ASSERT_TRUE(test, in6_pton(c->prefix, -1, p->addr.s6_addr, -1,
					 NULL));
	p->len = c->len;
	KUNIT_ASSERT_TRUE(test, in4_pton(c->v4, -1, (u8 *)v4, -1, NULL));
	KUNIT_ASSERT_TRUE(test, in6_pton(c->v6, -1, v6->s6_addr, -1, NULL));
}

static void addr_synth_test(struct kunit *test)
{
	const struct addr_case *c = test->param_value;
	struct in6_addr v6, out;
	struct v4v6_prefix p;
	__be32 v4;

	parse_case(test, c, &p, &v4, &v6);
	KUNIT_ASSERT_TRUE(test, v4v6_prefix_valid(&p));
	v4v6_addr_synth(&p, v4, &out);
	KUNIT_EXPECT_TRUE_MSG(test, ipv6_addr_equal(&out, &v6),
			      "got %pI6c, want %pI6c", &out, &v6);
}

static void addr_extract_test(struct kunit *test)
{
	const struct addr_case *c = test->param_value;
	struct in6_addr v6;
	struct v4v6_prefix p;
	__be32 v4, out = 0;

	parse_case(test, c, &p, &v4, &v6);
	KUNIT_EXPECT_TRUE(test, v4v6_addr_extract(&p, &v6, &out));
	KUNIT_EXPECT_EQ(test, out, v4);

	/* One bit off inside the prefix: not ours. */
	v6.s6_addr[c->len / 8 - 1] ^= 1;
	KUNIT_EXPECT_FALSE(test, v4v6_addr_extract(&p, &v6, &out));
}

static void addr_prefix_valid_test(struct kunit *test)
{
	struct v4v6_prefix p = { .len = 96 };
	static const u8 bad_lens[] = { 0, 8, 31, 33, 72, 95, 97, 128, 255 };
	unsigned int i;

	KUNIT_EXPECT_TRUE(test, v4v6_prefix_valid(&p));
	for (i = 0; i < ARRAY_SIZE(bad_lens); i++) {
		p.len = bad_lens[i];
		KUNIT_EXPECT_FALSE_MSG(test, v4v6_prefix_valid(&p), "len %u",
				       bad_lens[i]);
	}

	/* A bit past the length. */
	p.len = 32;
	p.addr.s6_addr[4] = 0x80;
	KUNIT_EXPECT_FALSE(test, v4v6_prefix_valid(&p));

	/* The u octet (bits 64..71) set in a /96. */
	memset(&p.addr, 0, sizeof(p.addr));
	p.len = 96;
	p.addr.s6_addr[8] = 1;
	KUNIT_EXPECT_FALSE(test, v4v6_prefix_valid(&p));
}

static void addr_default_config_test(struct kunit *test)
{
	struct in6_addr wkp;
	struct v4v6_config cfg;

	KUNIT_ASSERT_TRUE(test, in6_pton("64:ff9b::", -1, wkp.s6_addr, -1,
					 NULL));
	v4v6_config_init(&cfg);
	KUNIT_EXPECT_TRUE_MSG(test, ipv6_addr_equal(&cfg.pref64.addr, &wkp),
			      "default pref64 %pI6c", &cfg.pref64.addr);
	KUNIT_EXPECT_EQ(test, cfg.pref64.len, 96);
	KUNIT_EXPECT_EQ(test, cfg.lowest_mtu, 1280u);
	KUNIT_EXPECT_EQ(test, cfg.lan_ifindex, 0);
	KUNIT_EXPECT_TRUE(test, v4v6_prefix_valid(&cfg.pref64));
}

/* The blocks no host beyond a NAT64 has, at and just past their edges. */
static void addr_martian_test(struct kunit *test)
{
	static const struct {
		const char *v4;
		bool martian;
	} cases[] = {
		{ "0.0.0.0", true }, { "0.255.255.255", true },
		{ "1.0.0.0", false }, { "10.0.0.1", false },
		{ "100.64.0.1", false }, { "126.255.255.255", false },
		{ "127.0.0.0", true }, { "127.0.0.1", true },
		{ "127.255.255.255", true }, { "128.0.0.0", false },
		{ "169.253.255.255", false }, { "169.254.0.0", true },
		{ "169.254.255.255", true }, { "169.255.0.0", false },
		{ "172.16.0.1", false }, { "192.0.0.8", false },
		{ "192.168.1.1", false }, { "223.255.255.255", false },
		{ "224.0.0.0", true }, { "239.255.255.255", true },
		{ "240.0.0.0", true }, { "255.255.255.254", true },
		{ "255.255.255.255", true }, { "192.0.2.33", false },
	};
	unsigned int i;
	__be32 a;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KUNIT_ASSERT_TRUE(test, in4_pton(cases[i].v4, -1, (u8 *)&a, -1,
						 NULL));
		KUNIT_EXPECT_EQ_MSG(test, v4v6_addr_martian(a),
				    cases[i].martian, "%s", cases[i].v4);
	}
}

static struct kunit_case addr_test_cases[] = {
	KUNIT_CASE_PARAM(addr_synth_test, rfc6052_gen_params),
	KUNIT_CASE_PARAM(addr_extract_test, rfc6052_gen_params),
	KUNIT_CASE(addr_prefix_valid_test),
	KUNIT_CASE(addr_default_config_test),
	KUNIT_CASE(addr_martian_test),
	{}
};

static struct kunit_suite addr_test_suite = {
	.name = "v4v6_rfc6052",
	.test_cases = addr_test_cases,
};

kunit_test_suite(addr_test_suite);
