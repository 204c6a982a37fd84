// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the remembered FIB answers (fib4.c): an answer only for the same
 * question, and only under the route generation it was found under.
 */
#include <kunit/test.h>
#include <linux/preempt.h>
#include <net/net_namespace.h>

#include "../fib4.h"

struct fib4_ctx {
	struct net *net;
	struct v4v6_fib4_cache __percpu *cache;
};

static void fib4_exit(struct kunit *test)
{
	struct fib4_ctx *c = test->priv;

	v4v6_fib4_destroy(c->cache);
}

static int fib4_init(struct kunit *test)
{
	struct fib4_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	if (!c)
		return -ENOMEM;
	/* Only its route generation is read: a zeroed one will do. */
	c->net = kunit_kzalloc(test, sizeof(*c->net), GFP_KERNEL);
	if (!c->net || v4v6_fib4_init(&c->cache))
		return -ENOMEM;
	test->priv = c;
	return 0;
}

static const struct v4v6_fib4_key base = {
	.daddr = cpu_to_be32(0xc01fc40a),
	.saddr = cpu_to_be32(0xc0a8010a),
	.iif = 2,
	.mark = 7,
	.dscp = 10,
	.ask = V4V6_ASK_WAY,
};

/* Keep @answer for @k, then ask for @q, on one CPU (the slots are per CPU). */
static int keep_recall(struct fib4_ctx *c, const struct v4v6_fib4_key *k,
		       u8 answer, const struct v4v6_fib4_key *q)
{
	int got;

	preempt_disable();
	v4v6_fib4_keep(c->cache, k, rt_genid_ipv4(c->net), answer);
	got = v4v6_fib4_recall(c->net, c->cache, q);
	preempt_enable();
	return got;
}

static void fib4_same_question(struct kunit *test)
{
	struct fib4_ctx *c = test->priv;
	struct v4v6_fib4_key q;

	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 2, &base), 2);
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 0, &base), 0);
	q = base;
	q.daddr = cpu_to_be32(0xc01fc40b);
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 1, &q), -1);
	q = base;
	q.saddr = cpu_to_be32(0xc0a8010b);
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 1, &q), -1);
	q = base;
	q.iif = 3;
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 1, &q), -1);
	q = base;
	q.mark = 0;
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 1, &q), -1);
	q = base;
	q.dscp = 0;
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 1, &q), -1);
	q = base;
	q.ask = V4V6_ASK_LOCAL;
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 1, &q), -1);
}

static void fib4_generation(struct kunit *test)
{
	struct fib4_ctx *c = test->priv;
	int genid, got;

	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 1, &base), 1);
	/* a route, rule, address or link changed */
	rt_genid_bump_ipv4(c->net);
	KUNIT_EXPECT_EQ(test, v4v6_fib4_recall(c->net, c->cache, &base), -1);
	/* an answer found while the routes changed is never given */
	preempt_disable();
	genid = rt_genid_ipv4(c->net);
	rt_genid_bump_ipv4(c->net);
	v4v6_fib4_keep(c->cache, &base, genid, 2);
	got = v4v6_fib4_recall(c->net, c->cache, &base);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, got, -1);
	KUNIT_EXPECT_EQ(test, keep_recall(c, &base, 2, &base), 2);
}

/* Many questions: each answered right after, none ever answered wrongly. */
static void fib4_many(struct kunit *test)
{
	struct fib4_ctx *c = test->priv;
	struct v4v6_fib4_key k = base;
	unsigned int i, missed = 0, wrong = 0, kept = 0;
	int genid = rt_genid_ipv4(c->net), got;

	/* all on one CPU, whose slots they are */
	preempt_disable();
	for (i = 0; i < 8 * V4V6_FIB4_SLOTS; i++) {
		k.daddr = cpu_to_be32(0x0a000000 + i);
		v4v6_fib4_keep(c->cache, &k, genid, i % 3);
		if (v4v6_fib4_recall(c->net, c->cache, &k) != i % 3)
			missed++;
	}
	for (i = 0; i < 8 * V4V6_FIB4_SLOTS; i++) {
		k.daddr = cpu_to_be32(0x0a000000 + i);
		got = v4v6_fib4_recall(c->net, c->cache, &k);
		if (got >= 0)
			kept++;
		if (got >= 0 && got != i % 3)
			wrong++;
	}
	preempt_enable();
	KUNIT_EXPECT_EQ(test, missed, 0U);
	KUNIT_EXPECT_EQ(test, wrong, 0U);
	/* the slots hold some, at most one a slot */
	KUNIT_EXPECT_GT(test, kept, 0U);
	KUNIT_EXPECT_LE(test, kept, (unsigned int)V4V6_FIB4_SLOTS);
}

static struct kunit_case fib4_test_cases[] = {
	KUNIT_CASE(fib4_same_question),
	KUNIT_CASE(fib4_generation),
	KUNIT_CASE(fib4_many),
	{}
};

static struct kunit_suite fib4_test_suite = {
	.name = "v4v6_fib4",
	.init = fib4_init,
	.exit = fib4_exit,
	.test_cases = fib4_test_cases,
};

kunit_test_suite(fib4_test_suite);
