/* SPDX-License-Identifier: GPL-2.0 */
/* spinlock_t, for v4v6.h: single-threaded here. */
#ifndef _SHIM_LINUX_SPINLOCK_H
#define _SHIM_LINUX_SPINLOCK_H

typedef struct {
	int locked;
} spinlock_t;

#endif
