// SPDX-License-Identifier: GPL-2.0
/*
 * The device table: IPv4 devices of the LAN and their IPv6 identities.
 *
 * Two resizable hash tables find a device by its IPv4 address (packets from
 * the LAN) and by its IPv6 address (packets from the IPv6 network) in
 * constant time, under RCU alone. Writers hold &struct v4v6_net.lock. A
 * device is never changed in place: a change puts a copy in the original's
 * place, so that a lookup by an address that stays never misses, and RCU
 * frees the original once no reader can hold it.
 */
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/percpu.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "v4v6.h"

static const struct rhashtable_params v4v6_by4_params = {
	.key_len = sizeof(__be32),
	.key_offset = offsetof(struct v4v6_device, ip4),
	.head_offset = offsetof(struct v4v6_device, node4),
	.automatic_shrinking = true,
};

static const struct rhashtable_params v4v6_by6_params = {
	.key_len = sizeof(struct in6_addr),
	.key_offset = offsetof(struct v4v6_device, ip6),
	.head_offset = offsetof(struct v4v6_device, node6),
	.automatic_shrinking = true,
};

int v4v6_table_init(struct v4v6_net *vn)
{
	int err;

	INIT_LIST_HEAD(&vn->devices);
	vn->n_devices = 0;
	err = rhashtable_init(&vn->by4, &v4v6_by4_params);
	if (err)
		return err;
	err = rhashtable_init(&vn->by6, &v4v6_by6_params);
	if (err)
		rhashtable_destroy(&vn->by4);
	return err;
}

/*
 * The namespace is going: no reader or writer is left. The hash tables'
 * deferred worker may still be resizing them, walking the devices' nodes:
 * rhashtable_destroy() waits for it, so the tables go before the devices.
 */
void v4v6_table_destroy(struct v4v6_net *vn)
{
	struct v4v6_device *d, *tmp;

	rhashtable_destroy(&vn->by6);
	rhashtable_destroy(&vn->by4);
	list_for_each_entry_safe(d, tmp, &vn->devices, list) {
		list_del(&d->list);
		v4v6_device_free(d);
	}
	vn->n_devices = 0;
}

/*
 * Under rcu_read_lock() or the namespace's lock. The _fast lookups take the
 * RCU read lock themselves: the hash tables' buckets need it even when the
 * namespace's lock keeps the device alive.
 */
struct v4v6_device *v4v6_device_by4(struct v4v6_net *vn, __be32 ip4)
{
	return rhashtable_lookup_fast(&vn->by4, &ip4, v4v6_by4_params);
}

struct v4v6_device *v4v6_device_by6(struct v4v6_net *vn,
				    const struct in6_addr *ip6)
{
	return rhashtable_lookup_fast(&vn->by6, ip6, v4v6_by6_params);
}

/* Under the namespace's lock: the control path only. */
struct v4v6_device *v4v6_device_by_mac(struct v4v6_net *vn, const u8 *mac)
{
	struct v4v6_device *d;

	lockdep_assert_held(&vn->lock);
	list_for_each_entry(d, &vn->devices, list)
		if (ether_addr_equal(d->mac, mac))
			return d;
	return NULL;
}

/**
 * v4v6_device_alloc() - a zeroed device with its counters
 * @gfp: allocation flags
 *
 * Return: the device, active and seen now, or NULL.
 */
struct v4v6_device *v4v6_device_alloc(gfp_t gfp)
{
	struct v4v6_device *d;
	int cpu;

	d = kzalloc_obj(*d, gfp);
	if (!d)
		return NULL;
	d->stats = alloc_percpu_gfp(struct v4v6_dev_stats, gfp);
	if (!d->stats) {
		kfree(d);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(d->stats, cpu)->syncp);
	d->state = V4V6_DEV_STATE_ACTIVE;
	d->last_seen = jiffies;
	return d;
}

/**
 * v4v6_device_dup() - a copy of a device, to change and put in its place
 * @old: a device of the table, the namespace's lock held
 *
 * The copy has no counters of its own: v4v6_device_replace() hands it those
 * of @old. It cannot fail, for a caller that must not (a netdevice
 * notifier): a device is small.
 *
 * Return: the copy, in no table.
 */
struct v4v6_device *v4v6_device_dup(const struct v4v6_device *old)
{
	struct v4v6_device *d;

	d = kmemdup(old, sizeof(*d), GFP_KERNEL | __GFP_NOFAIL);
	memset(&d->node4, 0, sizeof(d->node4));
	memset(&d->node6, 0, sizeof(d->node6));
	INIT_LIST_HEAD(&d->list);
	d->stats = NULL;
	d->stats_moved = false;
	return d;
}

/* Free a device no reader can see (never inserted, or after a grace period). */
void v4v6_device_free(struct v4v6_device *d)
{
	if (!d->stats_moved)
		free_percpu(d->stats);
	kfree(d);
}

static void v4v6_device_free_rcu(struct rcu_head *head)
{
	v4v6_device_free(container_of(head, struct v4v6_device, rcu));
}

/**
 * v4v6_device_insert() - add a device to the table
 * @vn: the namespace, its lock held
 * @d: the device, from v4v6_device_alloc()
 *
 * Return: 0, -EEXIST if its MAC, IPv4 or IPv6 address is taken, -ENOSPC
 * if the table is full, or -ENOMEM. On error @d is still the caller's.
 */
int v4v6_device_insert(struct v4v6_net *vn, struct v4v6_device *d)
{
	int err;

	lockdep_assert_held(&vn->lock);
	if (vn->n_devices >= V4V6_MAX_DEVICES)
		return -ENOSPC;
	if (v4v6_device_by_mac(vn, d->mac))
		return -EEXIST;
	err = rhashtable_lookup_insert_fast(&vn->by4, &d->node4,
					    v4v6_by4_params);
	if (err)
		return err;
	err = rhashtable_lookup_insert_fast(&vn->by6, &d->node6,
					    v4v6_by6_params);
	if (err) {
		rhashtable_remove_fast(&vn->by4, &d->node4, v4v6_by4_params);
		/* A reader may have found it in the meantime. */
		synchronize_rcu();
		return err;
	}
	list_add_tail_rcu(&d->list, &vn->devices);
	vn->n_devices++;
	return 0;
}

static void v4v6_device_unlink(struct v4v6_net *vn, struct v4v6_device *d)
{
	rhashtable_remove_fast(&vn->by4, &d->node4, v4v6_by4_params);
	rhashtable_remove_fast(&vn->by6, &d->node6, v4v6_by6_params);
	list_del_rcu(&d->list);
	vn->n_devices--;
}

/**
 * v4v6_device_remove() - remove a device; RCU frees it
 * @vn: the namespace, its lock held
 * @d: a device of its table
 */
void v4v6_device_remove(struct v4v6_net *vn, struct v4v6_device *d)
{
	lockdep_assert_held(&vn->lock);
	v4v6_device_unlink(vn, d);
	call_rcu(&d->rcu, v4v6_device_free_rcu);
}

/*
 * Put @d in @old's place in one of the hash tables (@old_node, @new_node
 * their nodes in it): swapped in one step when the key is the same, so
 * that no lookup by it misses; otherwise @d is added under its new key,
 * and @old comes out later (v4v6_device_swap_finish()).
 */
static int v4v6_device_swap_start(struct rhashtable *ht,
				  struct rhash_head *new_node, bool same_key,
				  const struct rhashtable_params params)
{
	if (same_key)
		return 0;
	return rhashtable_lookup_insert_fast(ht, new_node, params);
}

static void v4v6_device_swap_finish(struct rhashtable *ht,
				    struct rhash_head *old_node,
				    struct rhash_head *new_node, bool same_key,
				    const struct rhashtable_params params)
{
	if (same_key)
		WARN_ON(rhashtable_replace_fast(ht, old_node, new_node, params));
	else
		rhashtable_remove_fast(ht, old_node, params);
}

/**
 * v4v6_device_replace() - put a changed copy of a device in its place
 * @vn: the namespace, its lock held
 * @old: the device in the table
 * @d: its copy, from v4v6_device_alloc(), with the same MAC and the changes
 *
 * @d takes over the counters and the last-seen time of @old, which RCU
 * frees. A reader looking a device up by an address that does not change
 * finds @old or @d at every instant, never neither: where a key stays,
 * @d takes @old's place in that hash table in one step
 * (rhashtable_replace_fast()); where it changes, @d is found by its new
 * address before @old stops being found by its old one. In the list (the
 * dumps' order) @d takes @old's place.
 *
 * Return: 0, or -EEXIST if a new address belongs to another device, or
 * the hash table's error (-ENOMEM): the table is then unchanged and @d
 * still the caller's.
 */
int v4v6_device_replace(struct v4v6_net *vn, struct v4v6_device *old,
			struct v4v6_device *d)
{
	struct v4v6_dev_stats __percpu *own = d->stats;
	bool same4 = d->ip4 == old->ip4;
	bool same6 = ipv6_addr_equal(&d->ip6, &old->ip6);
	struct v4v6_device *other;
	int err;

	lockdep_assert_held(&vn->lock);
	other = v4v6_device_by4(vn, d->ip4);
	if (other && other != old)
		return -EEXIST;
	other = v4v6_device_by6(vn, &d->ip6);
	if (other && other != old)
		return -EEXIST;

	/* Before readers can find @d: they count into its counters at once. */
	d->stats = old->stats;
	d->last_seen = READ_ONCE(old->last_seen);
	err = v4v6_device_swap_start(&vn->by4, &d->node4, same4,
				     v4v6_by4_params);
	if (err)
		goto undo;
	err = v4v6_device_swap_start(&vn->by6, &d->node6, same6,
				     v4v6_by6_params);
	if (err) {
		if (!same4) {
			rhashtable_remove_fast(&vn->by4, &d->node4,
					       v4v6_by4_params);
			/* A reader may have found @d by its new IPv4 address. */
			synchronize_rcu();
		}
		goto undo;
	}
	/* Nothing fails from here on. */
	v4v6_device_swap_finish(&vn->by4, &old->node4, &d->node4, same4,
				v4v6_by4_params);
	v4v6_device_swap_finish(&vn->by6, &old->node6, &d->node6, same6,
				v4v6_by6_params);
	list_replace_rcu(&old->list, &d->list);
	free_percpu(own);
	old->stats_moved = true;
	call_rcu(&old->rcu, v4v6_device_free_rcu);
	return 0;

undo:
	/* No reader holds @d any more: it gets its own counters back. */
	d->stats = own;
	return err;
}

/* The fast path: note that @d was seen, without dirtying its line often. */
void v4v6_device_seen(struct v4v6_device *d)
{
	unsigned long now = jiffies;

	if (READ_ONCE(d->last_seen) != now)
		WRITE_ONCE(d->last_seen, now);
}

/* Count a packet translated from (@tx) or to the device. */
void v4v6_device_count(struct v4v6_device *d, bool tx, unsigned int bytes)
{
	struct v4v6_dev_stats *s = this_cpu_ptr(d->stats);

	u64_stats_update_begin(&s->syncp);
	if (tx) {
		u64_stats_inc(&s->tx_packets);
		u64_stats_add(&s->tx_bytes, bytes);
	} else {
		u64_stats_inc(&s->rx_packets);
		u64_stats_add(&s->rx_bytes, bytes);
	}
	u64_stats_update_end(&s->syncp);
}

void v4v6_device_drop(struct v4v6_device *d)
{
	struct v4v6_dev_stats *s = this_cpu_ptr(d->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->drops);
	u64_stats_update_end(&s->syncp);
}

/* Count a packet from the IPv6 network refused as unsolicited (a drop). */
void v4v6_device_unsolicited(struct v4v6_device *d)
{
	struct v4v6_dev_stats *s = this_cpu_ptr(d->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->drops);
	u64_stats_inc(&s->unsolicited);
	u64_stats_update_end(&s->syncp);
}

/* The sums of a device's counters over every CPU. */
void v4v6_device_stats(const struct v4v6_device *d, struct v4v6_dev_totals *t)
{
	const struct v4v6_dev_stats *s;
	struct v4v6_dev_totals one;
	unsigned int start;
	int cpu;

	memset(t, 0, sizeof(*t));
	for_each_possible_cpu(cpu) {
		s = per_cpu_ptr(d->stats, cpu);
		do {
			start = u64_stats_fetch_begin(&s->syncp);
			one.tx_packets = u64_stats_read(&s->tx_packets);
			one.tx_bytes = u64_stats_read(&s->tx_bytes);
			one.rx_packets = u64_stats_read(&s->rx_packets);
			one.rx_bytes = u64_stats_read(&s->rx_bytes);
			one.drops = u64_stats_read(&s->drops);
			one.unsolicited = u64_stats_read(&s->unsolicited);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		t->tx_packets += one.tx_packets;
		t->tx_bytes += one.tx_bytes;
		t->rx_packets += one.rx_packets;
		t->rx_bytes += one.rx_bytes;
		t->drops += one.drops;
		t->unsolicited += one.unsolicited;
	}
}

/* The sums of the namespace's counters over every CPU, one per stat. */
void v4v6_counters_read(struct v4v6_net *vn, u64 *out)
{
	const struct v4v6_counters *c;
	u64 one[__V4V6_STAT_MAX];
	unsigned int start;
	int cpu, i;

	memset(out, 0, sizeof(one));
	for_each_possible_cpu(cpu) {
		c = per_cpu_ptr(vn->counters, cpu);
		do {
			start = u64_stats_fetch_begin(&c->syncp);
			for (i = 0; i < __V4V6_STAT_MAX; i++)
				one[i] = u64_stats_read(&c->cnt[i]);
		} while (u64_stats_fetch_retry(&c->syncp, start));
		for (i = 0; i < __V4V6_STAT_MAX; i++)
			out[i] += one[i];
	}
}
