// SPDX-License-Identifier: GPL-2.0
/*
 * Which devices a save keeps: what state_validate() would refuse is left
 * out, one device at a time. A device is checked as the reader checks it
 * (state_dev_check()), then its MAC and IPv4 address are looked up among
 * those kept before it: the later of two that share one is left out, so
 * that one bad entry never stops every save.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state_keep.h"

#define KEY_MAC		(1ull << 62)
#define KEY_IPV4	(2ull << 62)
#define MIN_SLOTS	64

static uint64_t mac_key(const uint8_t mac[6])
{
	uint64_t k = 0;
	int i;

	for (i = 0; i < 6; i++)
		k = k << 8 | mac[i];
	return KEY_MAC | k;
}

static uint64_t ipv4_key(struct in_addr a)
{
	return KEY_IPV4 | a.s_addr;
}

/* The slot of @key, or of the free slot where it would go. */
static size_t slot(const struct state_keep *k, uint64_t key)
{
	size_t i = (size_t)((key * 0x9e3779b97f4a7c15ull) >> 32) &
		   (k->cap - 1);

	while (k->set[i] && k->set[i] != key)
		i = (i + 1) & (k->cap - 1);
	return i;
}

static bool has(const struct state_keep *k, uint64_t key)
{
	return k->cap && k->set[slot(k, key)] == key;
}

static void put(struct state_keep *k, uint64_t key)
{
	size_t i = slot(k, key);

	if (!k->set[i]) {
		k->set[i] = key;
		k->used++;
	}
}

/* Room for two more keys at a load of at most a half: 0 or -1. */
static int reserve(struct state_keep *k)
{
	struct state_keep old = *k;
	size_t i;

	if ((k->used + 2) * 2 <= k->cap)
		return 0;
	k->cap = old.cap ? old.cap * 2 : MIN_SLOTS;
	k->set = calloc(k->cap, sizeof(*k->set));
	if (!k->set) {
		*k = old;
		errno = ENOMEM;
		return -1;
	}
	k->used = 0;
	for (i = 0; i < old.cap; i++)
		if (old.set[i])
			put(k, old.set[i]);
	free(old.set);
	return 0;
}

void state_keep_drop(struct state_keep *k, const char *why)
{
	if (!*k->why)
		snprintf(k->why, sizeof(k->why), "%s", why);
}

static int drop(struct state_keep *k, const char *where, const char *what)
{
	char why[sizeof(k->why)];

	snprintf(why, sizeof(why), "%s.%s", where, what);
	state_keep_drop(k, why);
	k->dropped++;
	return 0;
}

int state_keep_dev(struct state_keep *k, const struct state_dev *d)
{
	char where[32], why[sizeof(k->why)];
	uint64_t mac = mac_key(d->mac), ipv4 = ipv4_key(d->ipv4);

	snprintf(where, sizeof(where), "devices[%zu]", k->seen++);
	if (state_dev_check(d, where, why, sizeof(why))) {
		state_keep_drop(k, why);
		k->dropped++;
		return 0;
	}
	if (k->kept >= STATE_MAX_DEVICES)
		return drop(k, where, "mac: past the most devices a file holds");
	if (has(k, mac))
		return drop(k, where, "mac: the same as an earlier device's");
	if (has(k, ipv4))
		return drop(k, where, "ipv4: the same as an earlier device's");
	if (reserve(k))
		return -1;
	put(k, mac);
	put(k, ipv4);
	k->kept++;
	return 1;
}

void state_keep_free(struct state_keep *k)
{
	free(k->set);
	k->set = NULL;
	k->cap = k->used = 0;
}
