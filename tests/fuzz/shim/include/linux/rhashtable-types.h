/* SPDX-License-Identifier: GPL-2.0 */
/* The hash table types v4v6.h embeds (the device table, not fuzzed here). */
#ifndef _SHIM_LINUX_RHASHTABLE_TYPES_H
#define _SHIM_LINUX_RHASHTABLE_TYPES_H

struct rhash_head {
	struct rhash_head *next;
};

struct rhashtable {
	void *tbl;
};

#endif
