/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's random numbers, from a generator the harness reseeds for
 * every input (shim/random.c), so that a run is reproducible.
 */
#ifndef _SHIM_LINUX_RANDOM_H
#define _SHIM_LINUX_RANDOM_H

#include <linux/types.h>

u32 get_random_u32(void);

static inline u16 get_random_u16(void)
{
	return get_random_u32();
}

#endif
