// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation failures on demand: the harness picks which allocation of a
 * translation fails, so that every NOMEM path is taken.
 */
#include "shim.h"

static unsigned int countdown, failures;

void shim_fail_alloc(unsigned int n)
{
	countdown = n;
	failures = 0;
}

bool shim_alloc_may_succeed(void)
{
	if (!countdown || --countdown)
		return true;
	failures++;
	return false;
}

unsigned int shim_alloc_failures(void)
{
	return failures;
}
