/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the harness controls in the shim: allocation failures (the NOMEM
 * paths) and the pseudo-random numbers.
 */
#ifndef _SHIM_H
#define _SHIM_H

#include <linux/types.h>

/* Fail the @n-th allocation from now (1: the next), 0: none fails. */
void shim_fail_alloc(unsigned int n);
/* Whether an allocation may go ahead, counting it. */
bool shim_alloc_may_succeed(void);
/* How many allocations failed since shim_fail_alloc(). */
unsigned int shim_alloc_failures(void);

void shim_random_seed(u64 seed);

#endif
