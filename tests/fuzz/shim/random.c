// SPDX-License-Identifier: GPL-2.0
/* get_random_u32() from a splitmix64 generator that the harness reseeds. */
#include <linux/random.h>

static u64 state;

void shim_random_seed(u64 seed)
{
	state = seed;
}

u32 get_random_u32(void)
{
	u64 z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (z ^ (z >> 31)) >> 32;
}
