/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Seeded pseudo-random state, for the KUnit suite's random packets. Not
 * the kernel's Tausworthe generator: the sequence differs, which only
 * changes which random packets the suite makes.
 */
#ifndef _SHIM_LINUX_PRANDOM_H
#define _SHIM_LINUX_PRANDOM_H

#include <linux/types.h>

struct rnd_state {
	u64 s;
};

static inline void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	state->s = seed ? seed : 1;
}

/* xorshift64* */
static inline u32 prandom_u32_state(struct rnd_state *state)
{
	state->s ^= state->s >> 12;
	state->s ^= state->s << 25;
	state->s ^= state->s >> 27;
	return (state->s * 0x2545F4914F6CDD1DULL) >> 32;
}

#endif
