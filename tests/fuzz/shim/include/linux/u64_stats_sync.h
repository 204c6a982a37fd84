/* SPDX-License-Identifier: GPL-2.0 */
/* 64-bit counters as on a 64-bit machine: no sequence count needed. */
#ifndef _SHIM_LINUX_U64_STATS_SYNC_H
#define _SHIM_LINUX_U64_STATS_SYNC_H

#include <linux/percpu.h>
#include <linux/types.h>

typedef struct {
	u64 v;
} u64_stats_t;

struct u64_stats_sync {
	int unused;
};

static inline void u64_stats_inc(u64_stats_t *p)
{
	p->v++;
}

static inline void u64_stats_update_begin(struct u64_stats_sync *s)
{
	(void)s;
}

static inline void u64_stats_update_end(struct u64_stats_sync *s)
{
	(void)s;
}

#endif
