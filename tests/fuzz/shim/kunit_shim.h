/* SPDX-License-Identifier: GPL-2.0 */
/* The KUnit shim's runner, for the seed exporter. */
#ifndef _KUNIT_SHIM_H
#define _KUNIT_SHIM_H

#include <stdbool.h>

struct kunit_shim_counts {
	unsigned int passed;		/* cases (each parameter counts) */
	unsigned int failed;
	unsigned int failed_checks;	/* expectations and assertions */
};

void kunit_shim_run_all(struct kunit_shim_counts *counts, bool verbose);
/* The name of the case running now, NULL between cases. */
const char *kunit_shim_current_case(void);

#endif
