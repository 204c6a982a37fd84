// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the device table, on a private instance of its own.
 *
 * Device number n has the MAC 02:00:00:nn:nn:nn, the IPv4 address 10.0.0.0
 * plus n and the IPv6 address 2001:db8::n, so that any two numbers differ in
 * all three keys and a test can make one key collide at will.
 */
#include <kunit/test.h>
#include <linux/bottom_half.h>
#include <linux/cpumask.h>
#include <linux/etherdevice.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/rhashtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "../v4v6.h"

#define MANY_DEVICES 5000

struct dev_fixture {
	struct v4v6_net *vn;
	bool table;			/* v4v6_table_init() succeeded */
	struct v4v6_device *own[8];	/* not in the table: .exit frees them */
};

static void dev_addrs(u32 n, u8 *mac, __be32 *ip4, struct in6_addr *ip6)
{
	mac[0] = 0x02;
	mac[1] = 0;
	mac[2] = 0;
	mac[3] = n >> 16;
	mac[4] = n >> 8;
	mac[5] = n;
	*ip4 = htonl(0x0a000000 + n);
	ipv6_addr_set(ip6, htonl(0x20010db8), 0, 0, htonl(n));
}

/* Device @n, not in the table: the test owns it until it is inserted. */
static struct v4v6_device *dev_new(struct kunit *test, u32 n)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(f->own) && f->own[i]; i++)
		;
	KUNIT_ASSERT_LT(test, i, ARRAY_SIZE(f->own));
	d = v4v6_device_alloc(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d);
	f->own[i] = d;
	dev_addrs(n, d->mac, &d->ip4, &d->ip6);
	return d;
}

/* The table took @d: the test no longer owns it. */
static void dev_disown(struct dev_fixture *f, struct v4v6_device *d)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(f->own); i++)
		if (f->own[i] == d)
			f->own[i] = NULL;
}

static int dev_insert(struct kunit *test, struct v4v6_device *d)
{
	struct dev_fixture *f = test->priv;
	int err;

	mutex_lock(&f->vn->lock);
	err = v4v6_device_insert(f->vn, d);
	mutex_unlock(&f->vn->lock);
	if (!err)
		dev_disown(f, d);
	return err;
}

/* Device @n, inserted. */
static struct v4v6_device *dev_add(struct kunit *test, u32 n)
{
	struct v4v6_device *d = dev_new(test, n);

	KUNIT_ASSERT_EQ(test, dev_insert(test, d), 0);
	return d;
}

static void dev_remove(struct kunit *test, struct v4v6_device *d)
{
	struct dev_fixture *f = test->priv;

	mutex_lock(&f->vn->lock);
	v4v6_device_remove(f->vn, d);
	mutex_unlock(&f->vn->lock);
}

/* Lookups as the packet path makes them, under RCU alone. */
static struct v4v6_device *find4(struct kunit *test, __be32 ip4)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d;

	rcu_read_lock();
	d = v4v6_device_by4(f->vn, ip4);
	rcu_read_unlock();
	return d;
}

static struct v4v6_device *find6(struct kunit *test,
				 const struct in6_addr *ip6)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d;

	rcu_read_lock();
	d = v4v6_device_by6(f->vn, ip6);
	rcu_read_unlock();
	return d;
}

static struct v4v6_device *find_mac(struct kunit *test, const u8 *mac)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d;

	mutex_lock(&f->vn->lock);
	d = v4v6_device_by_mac(f->vn, mac);
	mutex_unlock(&f->vn->lock);
	return d;
}

/* Expect device number @n to be @want (NULL: absent) by all three keys. */
static void expect_dev(struct kunit *test, u32 n, struct v4v6_device *want)
{
	struct in6_addr ip6;
	u8 mac[ETH_ALEN];
	__be32 ip4;

	dev_addrs(n, mac, &ip4, &ip6);
	KUNIT_EXPECT_PTR_EQ_MSG(test, find4(test, ip4), want, "%pI4", &ip4);
	KUNIT_EXPECT_PTR_EQ_MSG(test, find6(test, &ip6), want, "%pI6c", &ip6);
	KUNIT_EXPECT_PTR_EQ_MSG(test, find_mac(test, mac), want, "%pM", mac);
}

static unsigned int list_len(struct v4v6_net *vn)
{
	struct v4v6_device *d;
	unsigned int n = 0;

	list_for_each_entry(d, &vn->devices, list)
		n++;
	return n;
}

static void expect_count(struct kunit *test, unsigned int n)
{
	struct dev_fixture *f = test->priv;

	KUNIT_EXPECT_EQ(test, f->vn->n_devices, n);
	KUNIT_EXPECT_EQ(test, list_len(f->vn), n);
	KUNIT_EXPECT_EQ(test, atomic_read(&f->vn->by4.nelems), (int)n);
	KUNIT_EXPECT_EQ(test, atomic_read(&f->vn->by6.nelems), (int)n);
}

static void device_insert_lookup_test(struct kunit *test)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d1, *d2;

	d1 = dev_add(test, 1);
	d2 = dev_add(test, 2);
	expect_dev(test, 1, d1);
	expect_dev(test, 2, d2);
	expect_dev(test, 3, NULL);
	expect_count(test, 2);

	/* The control path looks up under the instance's lock alone. */
	mutex_lock(&f->vn->lock);
	KUNIT_EXPECT_PTR_EQ(test, v4v6_device_by4(f->vn, d2->ip4), d2);
	KUNIT_EXPECT_PTR_EQ(test, v4v6_device_by6(f->vn, &d2->ip6), d2);
	mutex_unlock(&f->vn->lock);

	/* In the order added. */
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&f->vn->devices,
						   struct v4v6_device, list), d1);
	KUNIT_EXPECT_PTR_EQ(test, list_last_entry(&f->vn->devices,
						  struct v4v6_device, list), d2);
}

static void device_duplicate_test(struct kunit *test)
{
	struct v4v6_device *d1, *d;

	d1 = dev_add(test, 1);

	/* Device 2 with device 1's MAC. */
	d = dev_new(test, 2);
	ether_addr_copy(d->mac, d1->mac);
	KUNIT_EXPECT_EQ(test, dev_insert(test, d), -EEXIST);
	expect_dev(test, 1, d1);
	KUNIT_EXPECT_NULL(test, find4(test, d->ip4));
	KUNIT_EXPECT_NULL(test, find6(test, &d->ip6));
	expect_count(test, 1);

	/* Device 3 with device 1's IPv4 address. */
	d = dev_new(test, 3);
	d->ip4 = d1->ip4;
	KUNIT_EXPECT_EQ(test, dev_insert(test, d), -EEXIST);
	expect_dev(test, 1, d1);
	KUNIT_EXPECT_NULL(test, find6(test, &d->ip6));
	KUNIT_EXPECT_NULL(test, find_mac(test, d->mac));
	expect_count(test, 1);

	/* Device 4 with device 1's IPv6 address. */
	d = dev_new(test, 4);
	d->ip6 = d1->ip6;
	KUNIT_EXPECT_EQ(test, dev_insert(test, d), -EEXIST);
	expect_dev(test, 1, d1);
	KUNIT_EXPECT_NULL(test, find4(test, d->ip4));
	KUNIT_EXPECT_NULL(test, find_mac(test, d->mac));
	expect_count(test, 1);

	/* Nothing of the refused ones stayed behind. */
	dev_add(test, 2);
	dev_add(test, 3);
	dev_add(test, 4);
	expect_count(test, 4);
}

static void device_remove_test(struct kunit *test)
{
	struct v4v6_device *d1, *d2, *d;

	d1 = dev_add(test, 1);
	d2 = dev_add(test, 2);
	dev_remove(test, d1);
	expect_dev(test, 1, NULL);
	expect_dev(test, 2, d2);
	expect_count(test, 1);

	/* Its keys are free again. */
	d = dev_add(test, 1);
	expect_dev(test, 1, d);
	expect_count(test, 2);

	dev_remove(test, d2);
	dev_remove(test, d);
	expect_dev(test, 1, NULL);
	expect_dev(test, 2, NULL);
	expect_count(test, 0);
}

struct replace_case {
	const char *desc;
	bool ip4, ip6;		/* which address changes */
};

static const struct replace_case replace_cases[] = {
	{ "IPv4", true, false },
	{ "IPv6", false, true },
	{ "both", true, true },
	{ "neither", false, false },
};

static void replace_case_desc(const struct replace_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(replace, replace_cases, replace_case_desc);

static void device_replace_test(struct kunit *test)
{
	const struct replace_case *c = test->param_value;
	struct dev_fixture *f = test->priv;
	struct v4v6_dev_stats __percpu *stats;
	struct v4v6_device *old, *d;
	struct v4v6_dev_totals t;
	struct in6_addr old6;
	unsigned long seen;
	__be32 old4;
	bool moved;
	int err;

	old = dev_add(test, 1);
	dev_add(test, 3);
	old4 = old->ip4;
	old6 = old->ip6;
	local_bh_disable();
	v4v6_device_count(old, true, 100);
	v4v6_device_count(old, true, 60);
	v4v6_device_count(old, false, 1280);
	v4v6_device_drop(old);
	local_bh_enable();
	seen = jiffies - 10 * HZ;
	old->last_seen = seen;
	stats = old->stats;

	/* Device 1 with the addresses of device 2 that change. */
	d = dev_new(test, 2);
	ether_addr_copy(d->mac, old->mac);
	if (!c->ip4)
		d->ip4 = old->ip4;
	if (!c->ip6)
		d->ip6 = old->ip6;

	/*
	 * Hold off the grace period that frees @old, so as to look at it
	 * afterwards: on success, replacing sleeps nowhere.
	 */
	mutex_lock(&f->vn->lock);
	rcu_read_lock();
	err = v4v6_device_replace(f->vn, old, d);
	moved = old->stats_moved;
	rcu_read_unlock();
	mutex_unlock(&f->vn->lock);
	KUNIT_ASSERT_EQ(test, err, 0);
	dev_disown(f, d);

	KUNIT_EXPECT_PTR_EQ(test, find4(test, d->ip4), d);
	KUNIT_EXPECT_PTR_EQ(test, find6(test, &d->ip6), d);
	KUNIT_EXPECT_PTR_EQ(test, find_mac(test, d->mac), d);
	KUNIT_EXPECT_PTR_EQ(test, find4(test, old4), c->ip4 ? NULL : d);
	KUNIT_EXPECT_PTR_EQ(test, find6(test, &old6), c->ip6 ? NULL : d);
	expect_count(test, 2);
	/* In @old's place in the list, before device 3. */
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&f->vn->devices,
						   struct v4v6_device, list), d);

	KUNIT_EXPECT_TRUE(test, moved);
	KUNIT_EXPECT_TRUE(test, d->stats == stats);
	KUNIT_EXPECT_EQ(test, d->last_seen, seen);
	v4v6_device_stats(d, &t);
	KUNIT_EXPECT_EQ(test, t.tx_packets, 2ull);
	KUNIT_EXPECT_EQ(test, t.tx_bytes, 160ull);
	KUNIT_EXPECT_EQ(test, t.rx_packets, 1ull);
	KUNIT_EXPECT_EQ(test, t.rx_bytes, 1280ull);
	KUNIT_EXPECT_EQ(test, t.drops, 1ull);

	/* @old is gone, its counters not: they count on. */
	rcu_barrier();
	local_bh_disable();
	v4v6_device_drop(d);
	local_bh_enable();
	v4v6_device_stats(d, &t);
	KUNIT_EXPECT_EQ(test, t.drops, 2ull);
	KUNIT_EXPECT_EQ(test, t.tx_packets, 2ull);
}

static void device_replace_conflict_test(struct kunit *test)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d1, *d2, *d;
	struct v4v6_dev_totals t;
	int err;

	d1 = dev_add(test, 1);
	d2 = dev_add(test, 2);
	local_bh_disable();
	v4v6_device_drop(d1);
	local_bh_enable();

	/* Device 1 wants device 2's IPv4 address, then its IPv6 one. */
	d = dev_new(test, 3);
	ether_addr_copy(d->mac, d1->mac);
	d->ip4 = d2->ip4;
	d->ip6 = d1->ip6;
	mutex_lock(&f->vn->lock);
	err = v4v6_device_replace(f->vn, d1, d);
	mutex_unlock(&f->vn->lock);
	KUNIT_EXPECT_EQ(test, err, -EEXIST);
	expect_dev(test, 1, d1);
	expect_dev(test, 2, d2);
	expect_count(test, 2);

	d->ip4 = d1->ip4;
	d->ip6 = d2->ip6;
	mutex_lock(&f->vn->lock);
	err = v4v6_device_replace(f->vn, d1, d);
	mutex_unlock(&f->vn->lock);
	KUNIT_EXPECT_EQ(test, err, -EEXIST);
	expect_dev(test, 1, d1);
	expect_dev(test, 2, d2);
	expect_count(test, 2);

	/* Each kept its own counters. */
	KUNIT_EXPECT_FALSE(test, d1->stats_moved);
	KUNIT_EXPECT_TRUE(test, d->stats != d1->stats);
	v4v6_device_stats(d1, &t);
	KUNIT_EXPECT_EQ(test, t.drops, 1ull);
	v4v6_device_stats(d, &t);
	KUNIT_EXPECT_EQ(test, t.drops, 0ull);
}

/*
 * Lookups during replaces: device 1 is looked up, as the packet path does,
 * by the addresses that do not change while the test replaces it again and
 * again; not one lookup may miss (a miss is a packet that the router's own
 * stack would answer with a RST or Port Unreachable). The lookups come from
 * kthreads on the other CPUs, and from a timer interrupting the writer on
 * its own CPU, as a packet's softirq may: a guest under load may have
 * brought up a single CPU, and without preemption a kthread sharing the
 * writer's CPU would only ever run between two replaces.
 */
#define HAMMER_REPLACES 20000
#define HAMMER_READERS 4
#define HAMMER_TICK_NS (50 * NSEC_PER_USEC)

struct hammer {
	struct v4v6_net *vn;
	__be32 ip4;		/* valid if @check4 */
	struct in6_addr ip6;	/* valid if @check6 */
	u8 mac[ETH_ALEN];
	bool check4, check6;
	struct hrtimer timer;
	atomic_t started;
	atomic_long_t lookups, ticks, misses, wrong;
};

/* Look device 1 up by its stable addresses, under RCU alone. */
static void hammer_look(struct hammer *h)
{
	struct v4v6_device *d;

	rcu_read_lock();
	if (h->check4) {
		d = v4v6_device_by4(h->vn, h->ip4);
		if (!d)
			atomic_long_inc(&h->misses);
		else if (!ether_addr_equal(d->mac, h->mac))
			atomic_long_inc(&h->wrong);
	}
	if (h->check6) {
		d = v4v6_device_by6(h->vn, &h->ip6);
		if (!d)
			atomic_long_inc(&h->misses);
		else if (!ether_addr_equal(d->mac, h->mac))
			atomic_long_inc(&h->wrong);
	}
	rcu_read_unlock();
}

static int hammer_reader(void *arg)
{
	struct hammer *h = arg;
	unsigned long n = 0;

	atomic_inc(&h->started);
	while (!kthread_should_stop()) {
		hammer_look(h);
		if (!(++n % 64))
			cond_resched();
	}
	atomic_long_add(n, &h->lookups);
	return 0;
}

static enum hrtimer_restart hammer_tick(struct hrtimer *t)
{
	struct hammer *h = container_of(t, struct hammer, timer);

	hammer_look(h);
	atomic_long_inc(&h->ticks);
	hrtimer_forward_now(t, ns_to_ktime(HAMMER_TICK_NS));
	return HRTIMER_RESTART;
}

struct hammer_case {
	const char *desc;
	bool ip4, ip6;		/* which address changes on each replace */
};

static const struct hammer_case hammer_cases[] = {
	{ "neither address changes", false, false },
	{ "the IPv4 address changes", true, false },
	{ "the IPv6 address changes", false, true },
};

static void hammer_case_desc(const struct hammer_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hammer, hammer_cases, hammer_case_desc);

static void device_replace_hammer_test(struct kunit *test)
{
	const struct hammer_case *c = test->param_value;
	struct task_struct *readers[HAMMER_READERS] = {};
	struct dev_fixture *f = test->priv;
	unsigned int i, n, nr = 0, done = 0, cpu, wcpu;
	struct v4v6_device *old, *d;
	struct hammer *h;
	int err = 0;

	h = kunit_kzalloc(test, sizeof(*h), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, h);
	/* Neighbours in the tables, so that chains are not all trivial. */
	for (n = 2; n <= 64; n++)
		dev_add(test, n);
	old = dev_add(test, 1);
	h->vn = f->vn;
	h->ip4 = old->ip4;
	h->ip6 = old->ip6;
	ether_addr_copy(h->mac, old->mac);
	h->check4 = !c->ip4;
	h->check6 = !c->ip6;

	/*
	 * The writer stays on its CPU and each reader has one of the others:
	 * on a kernel without preemption a reader sharing the writer's CPU
	 * would only ever run between two replaces.
	 */
	wcpu = raw_smp_processor_id();
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(wcpu)), 0);
	for_each_online_cpu(cpu) {
		if (nr == HAMMER_READERS || cpu == wcpu)
			continue;
		readers[nr] = kthread_create(hammer_reader, h, "v4v6-hammer/%u", cpu);
		if (IS_ERR(readers[nr])) {
			err = PTR_ERR(readers[nr]);
			readers[nr] = NULL;
			break;
		}
		kthread_bind(readers[nr], cpu);
		wake_up_process(readers[nr++]);
	}
	while (!err && atomic_read(&h->started) < nr)
		cond_resched();
	v4v6_hrtimer_setup(&h->timer, hammer_tick, CLOCK_MONOTONIC,
			   HRTIMER_MODE_REL_PINNED);
	hrtimer_start(&h->timer, ns_to_ktime(HAMMER_TICK_NS),
		      HRTIMER_MODE_REL_PINNED);

	for (n = 0; !err && n < HAMMER_REPLACES; n++) {
		d = v4v6_device_alloc(GFP_KERNEL);
		if (!d) {
			err = -ENOMEM;
			break;
		}
		ether_addr_copy(d->mac, old->mac);
		d->ip4 = old->ip4;
		d->ip6 = old->ip6;
		d->flags = n & V4V6_DEV_F_STATIC;
		/* Device 1's address and device 1000's, in turn. */
		if (c->ip4)
			d->ip4 = htonl(ntohl(d->ip4) ^ (1 ^ 1000));
		if (c->ip6)
			d->ip6.s6_addr32[3] = htonl(ntohl(d->ip6.s6_addr32[3]) ^
						    (1 ^ 1000));
		mutex_lock(&f->vn->lock);
		err = v4v6_device_replace(f->vn, old, d);
		mutex_unlock(&f->vn->lock);
		if (err) {
			v4v6_device_free(d);
			break;
		}
		old = d;
		done++;
		if (!(n % 256))
			cond_resched();
	}

	hrtimer_cancel(&h->timer);
	for (i = 0; i < nr; i++)
		kthread_stop(readers[i]);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	KUNIT_ASSERT_EQ(test, err, 0);
	kunit_info(test, "%u replaces; %u CPUs, %u readers: %ld lookups, %ld ticks\n",
		   done, num_online_cpus(), nr, atomic_long_read(&h->lookups),
		   atomic_long_read(&h->ticks));
	KUNIT_EXPECT_GT(test, atomic_long_read(&h->lookups) +
			atomic_long_read(&h->ticks), 0);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&h->misses), 0);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&h->wrong), 0);
	expect_count(test, 64);
}

/* Enough devices for the hash tables to grow, then to shrink. */
static void device_many_test(struct kunit *test)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d, *tmp;
	struct in6_addr ip6;
	u8 mac[ETH_ALEN];
	__be32 ip4;
	u32 n;
	int err;

	for (n = 1; n <= MANY_DEVICES; n++) {
		d = v4v6_device_alloc(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, d);
		dev_addrs(n, d->mac, &d->ip4, &d->ip6);
		mutex_lock(&f->vn->lock);
		err = v4v6_device_insert(f->vn, d);
		mutex_unlock(&f->vn->lock);
		if (err)
			v4v6_device_free(d);
		KUNIT_ASSERT_EQ_MSG(test, err, 0, "device %u", n);
		cond_resched();
	}
	expect_count(test, MANY_DEVICES);

	for (n = 1; n <= MANY_DEVICES; n++) {
		dev_addrs(n, mac, &ip4, &ip6);
		d = find4(test, ip4);
		KUNIT_ASSERT_NOT_NULL_MSG(test, d, "device %u", n);
		KUNIT_ASSERT_PTR_EQ_MSG(test, find6(test, &ip6), d,
					"device %u", n);
		KUNIT_ASSERT_TRUE_MSG(test, ether_addr_equal(d->mac, mac),
				      "device %u", n);
		cond_resched();
	}
	/* By MAC: a walk of the list, so only some. */
	for (n = 1; n <= MANY_DEVICES; n += 499) {
		dev_addrs(n, mac, &ip4, &ip6);
		d = find_mac(test, mac);
		KUNIT_ASSERT_NOT_NULL_MSG(test, d, "device %u", n);
		KUNIT_EXPECT_EQ(test, ntohl(d->ip4), ntohl(ip4));
	}
	expect_dev(test, MANY_DEVICES + 1, NULL);

	mutex_lock(&f->vn->lock);
	list_for_each_entry_safe(d, tmp, &f->vn->devices, list)
		v4v6_device_remove(f->vn, d);
	mutex_unlock(&f->vn->lock);
	expect_count(test, 0);
	for (n = 1; n <= MANY_DEVICES; n += 97)
		expect_dev(test, n, NULL);
}

static void device_full_test(struct kunit *test)
{
	struct dev_fixture *f = test->priv;
	struct v4v6_device *d1, *d2, *d;
	int err;

	d1 = dev_add(test, 1);
	/* As if 65534 other devices were there. */
	f->vn->n_devices += V4V6_MAX_DEVICES - 2;
	d2 = dev_add(test, 2);
	KUNIT_EXPECT_EQ(test, f->vn->n_devices, V4V6_MAX_DEVICES);

	d = dev_new(test, 3);
	KUNIT_EXPECT_EQ(test, dev_insert(test, d), -ENOSPC);
	expect_dev(test, 3, NULL);
	expect_dev(test, 1, d1);
	expect_dev(test, 2, d2);
	KUNIT_EXPECT_EQ(test, f->vn->n_devices, V4V6_MAX_DEVICES);

	/* A full table still lets a device change. */
	d = dev_new(test, 4);
	ether_addr_copy(d->mac, d1->mac);
	mutex_lock(&f->vn->lock);
	err = v4v6_device_replace(f->vn, d1, d);
	mutex_unlock(&f->vn->lock);
	KUNIT_EXPECT_EQ(test, err, 0);
	if (!err)
		dev_disown(f, d);
	KUNIT_EXPECT_EQ(test, f->vn->n_devices, V4V6_MAX_DEVICES);

	/* One out, one in. */
	dev_remove(test, d2);
	d = dev_add(test, 3);
	expect_dev(test, 3, d);
	f->vn->n_devices -= V4V6_MAX_DEVICES - 2;
	expect_count(test, 2);
}

static void forget_changed(struct v4v6_device *d, void *arg)
{
	struct v4v6_device **changed = arg;

	while (*changed)
		changed++;
	*changed = d;
}

/* An identity that goes: its devices forget it, keeping their counters. */
static void device_forget_test(struct kunit *test)
{
	struct v4v6_device *changed[4] = {}, *d1, *d2, *d3, *d;
	struct dev_fixture *f = test->priv;
	struct v4v6_dev_totals t;
	unsigned int n;
	u8 mac1[ETH_ALEN];

	d1 = dev_new(test, 1);
	d1->wan_ifindex = 5;
	KUNIT_ASSERT_EQ(test, dev_insert(test, d1), 0);
	d2 = dev_new(test, 2);
	d2->wan_ifindex = 6;
	KUNIT_ASSERT_EQ(test, dev_insert(test, d2), 0);
	d3 = dev_new(test, 3);
	d3->wan_ifindex = 5;
	KUNIT_ASSERT_EQ(test, dev_insert(test, d3), 0);
	ether_addr_copy(mac1, d1->mac);
	local_bh_disable();
	v4v6_device_count(d1, true, 100);
	local_bh_enable();

	mutex_lock(&f->vn->lock);
	KUNIT_EXPECT_EQ(test, v4v6_devices_forget(f->vn, 7, "eth7", NULL, NULL),
			0);
	KUNIT_EXPECT_EQ(test, v4v6_devices_forget(f->vn, 0, "x", NULL, NULL),
			0);
	n = v4v6_devices_forget(f->vn, 5, "id-five", forget_changed, changed);
	mutex_unlock(&f->vn->lock);
	KUNIT_EXPECT_EQ(test, n, 2);
	expect_count(test, 3);

	/* Copies in their place, d2 untouched. */
	KUNIT_EXPECT_PTR_EQ(test, find_mac(test, d2->mac), d2);
	KUNIT_EXPECT_EQ(test, d2->wan_ifindex, 6);
	KUNIT_EXPECT_STREQ(test, d2->wan_gone, "");
	d = find_mac(test, mac1);
	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_EXPECT_PTR_EQ(test, changed[0], d);
	KUNIT_EXPECT_NOT_NULL(test, changed[1]);
	KUNIT_EXPECT_NULL(test, changed[2]);
	KUNIT_EXPECT_EQ(test, d->wan_ifindex, 0);
	KUNIT_EXPECT_STREQ(test, d->wan_gone, "id-five");
	KUNIT_EXPECT_PTR_EQ(test, find4(test, d->ip4), d);
	KUNIT_EXPECT_PTR_EQ(test, find6(test, &d->ip6), d);
	v4v6_device_stats(d, &t);
	KUNIT_EXPECT_EQ(test, t.tx_packets, 1ull);
	KUNIT_EXPECT_EQ(test, t.tx_bytes, 100ull);
	d = changed[1];
	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_EXPECT_EQ(test, d->wan_ifindex, 0);
	KUNIT_EXPECT_STREQ(test, d->wan_gone, "id-five");

	/* Once forgotten, an identity is not forgotten again. */
	mutex_lock(&f->vn->lock);
	KUNIT_EXPECT_EQ(test, v4v6_devices_forget(f->vn, 5, "id-five", NULL,
						  NULL), 0);
	mutex_unlock(&f->vn->lock);
}

static int device_test_init(struct kunit *test)
{
	struct dev_fixture *f;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	test->priv = f;
	f->vn = kzalloc_obj(*f->vn, GFP_KERNEL);
	if (!f->vn)
		return -ENOMEM;
	mutex_init(&f->vn->lock);
	if (v4v6_table_init(f->vn))
		return -ENOMEM;
	f->table = true;
	return 0;
}

static void device_test_exit(struct kunit *test)
{
	struct dev_fixture *f = test->priv;
	unsigned int i;

	if (!f || !f->vn)
		return;
	/* Removed and replaced devices wait for RCU to free them. */
	rcu_barrier();
	for (i = 0; i < ARRAY_SIZE(f->own); i++)
		if (f->own[i])
			v4v6_device_free(f->own[i]);
	if (f->table)
		v4v6_table_destroy(f->vn);
	mutex_destroy(&f->vn->lock);
	kfree(f->vn);
}

static struct kunit_case device_test_cases[] = {
	KUNIT_CASE(device_insert_lookup_test),
	KUNIT_CASE(device_duplicate_test),
	KUNIT_CASE(device_remove_test),
	KUNIT_CASE_PARAM(device_replace_test, replace_gen_params),
	KUNIT_CASE(device_replace_conflict_test),
	KUNIT_CASE_PARAM(device_replace_hammer_test, hammer_gen_params),
	KUNIT_CASE(device_many_test),
	KUNIT_CASE(device_full_test),
	KUNIT_CASE(device_forget_test),
	{}
};

static struct kunit_suite device_test_suite = {
	.name = "v4v6_device_table",
	.init = device_test_init,
	.exit = device_test_exit,
	.test_cases = device_test_cases,
};

kunit_test_suite(device_test_suite);
