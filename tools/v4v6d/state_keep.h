/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which devices a save keeps (state_save_src()): each one checked on its
 * own as the reader checks it, and against those kept before it through a
 * set of their MACs and IPv4 addresses (16 bytes or so a device), never a
 * copy of the table.
 */
#ifndef V4V6D_STATE_KEEP_H
#define V4V6D_STATE_KEEP_H

#include <stddef.h>
#include <stdint.h>

#include "state.h"

/**
 * struct state_keep - what a save has kept so far
 * @set: the kept devices' MACs and IPv4 addresses as tagged keys, open
 *	addressing (0: a free slot)
 * @cap: @set's slots, a power of two (0 before the first)
 * @used: the slots in use
 * @seen: the devices looked at
 * @kept: the devices kept
 * @dropped: the devices left out
 * @why: why the first thing was left out; "" while nothing was
 *
 * Zeroed before the first device; state_keep_free() after the last.
 */
struct state_keep {
	uint64_t *set;
	size_t cap, used;
	size_t seen, kept, dropped;
	char why[256];
};

/*
 * state_keep_dev(): 1 if @d is to be saved (it is remembered), 0 if it is
 * left out (counted, and @k->why says why if it is the first), -1 when out
 * of memory (errno ENOMEM).
 */
int state_keep_dev(struct state_keep *k, const struct state_dev *d);
/* state_keep_drop(): count something else left out, for @why. */
void state_keep_drop(struct state_keep *k, const char *why);
void state_keep_free(struct state_keep *k);

#endif /* V4V6D_STATE_KEEP_H */
