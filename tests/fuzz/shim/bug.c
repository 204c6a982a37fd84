// SPDX-License-Identifier: GPL-2.0
/* A BUG or WARN: say where, then abort so that libFuzzer keeps the input. */
#include <linux/bug.h>
#include <stdio.h>
#include <stdlib.h>

void shim_bug(const char *file, int line, const char *what)
{
	fprintf(stderr, "shim: %s at %s:%d\n", what, file, line);
	abort();
}
