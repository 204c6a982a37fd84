/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The counters of a namespace's v4v6 instance.
 */
#ifndef V4V6CTL_STATS_H
#define V4V6CTL_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "nl.h"

/* Counters of higher types than this are skipped. */
#define STATS_TYPES 256

struct stats {
	uint32_t devices;		/* in the table */
	uint64_t v[STATS_TYPES];	/* by enum v4v6_stat */
	bool has[STATS_TYPES];		/* whether the kernel sent v[i] */
};

/* Ask the kernel: 0 or -errno, the kernel's reason in nl->extack. */
int stats_get(struct nl *nl, struct stats *st);

/* The sum of the counters of dropped packets. */
uint64_t stats_drops(const struct stats *st);

/* The name of counter @type: "xlat_4to6", or "stat_<type>" if unknown. */
#define STAT_NAME_BUFSIZE 16
const char *stats_name(unsigned int type, char buf[STAT_NAME_BUFSIZE]);

#endif /* V4V6CTL_STATS_H */
