/* SPDX-License-Identifier: GPL-2.0 */
/* struct list_head, for the declarations of v4v6.h; the translator has none. */
#ifndef _SHIM_LINUX_LIST_H
#define _SHIM_LINUX_LIST_H

struct list_head {
	struct list_head *next, *prev;
};

#endif
