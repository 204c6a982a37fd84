// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the unknown-source limiter (unknown.c): each source announced at
 * most once a second, the namespace at most V4V6_UNKNOWN_EVENTS_PER_SEC
 * times a second, from any value of jiffies on.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/jiffies.h>

#include "../path.h"

/* Where jiffies may stand: a 32-bit one's start (INITIAL_JIFFIES), 0, a wrap. */
static const unsigned long limiter_starts[] = {
	(unsigned long)(long)(-300 * HZ),
	0,
	ULONG_MAX - HZ / 2,
	12345,
};

static void limiter_start_desc(const unsigned long *t, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "jiffies %lu", *t);
}

KUNIT_ARRAY_PARAM(limiter, limiter_starts, limiter_start_desc);

/* Source @i: 02:00:00:00:01:@i at 192.168.1.(10 + @i). */
static bool allow(struct v4v6_net *vn, unsigned int i, unsigned long now)
{
	u8 mac[ETH_ALEN] = { 0x02, 0, 0, 0, 1, i };

	return v4v6_unknown_allow(vn, mac, htonl(0xc0a8010a + i), now);
}

static struct v4v6_net *limiter_net(struct kunit *test)
{
	struct v4v6_net *vn = kunit_kzalloc(test, sizeof(*vn), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, vn);
	spin_lock_init(&vn->ev_lock);
	return vn;
}

static void limiter_test(struct kunit *test)
{
	const unsigned long *start = test->param_value;
	struct v4v6_net *vn = limiter_net(test);
	unsigned long t = *start;
	unsigned int i;

	/* one source: once a second */
	KUNIT_EXPECT_TRUE(test, allow(vn, 0, t));
	KUNIT_EXPECT_FALSE(test, allow(vn, 0, t));
	KUNIT_EXPECT_FALSE(test, allow(vn, 0, t + HZ - 1));
	/* the namespace: V4V6_UNKNOWN_EVENTS_PER_SEC a second in all */
	for (i = 1; i < V4V6_UNKNOWN_EVENTS_PER_SEC; i++)
		KUNIT_EXPECT_TRUE_MSG(test, allow(vn, i, t + i), "source %u", i);
	KUNIT_EXPECT_FALSE(test, allow(vn, i, t + i));
	KUNIT_EXPECT_FALSE(test, allow(vn, i + 1, t + HZ - 1));
	/* a second on: the next ones, and the first source again */
	KUNIT_EXPECT_TRUE(test, allow(vn, i, t + HZ));
	KUNIT_EXPECT_TRUE(test, allow(vn, i + 1, t + HZ));
	KUNIT_EXPECT_TRUE(test, allow(vn, 0, t + HZ + 1));
	/* long after (a day), as at first */
	t += 86400UL * HZ;
	KUNIT_EXPECT_TRUE(test, allow(vn, 0, t));
	KUNIT_EXPECT_FALSE(test, allow(vn, 0, t + 1));
}

static struct kunit_case unknown_test_cases[] = {
	KUNIT_CASE_PARAM(limiter_test, limiter_gen_params),
	{}
};

static struct kunit_suite unknown_test_suite = {
	.name = "v4v6_unknown_limiter",
	.test_cases = unknown_test_cases,
};

kunit_test_suite(unknown_test_suite);
