/* SPDX-License-Identifier: GPL-2.0 */
/* RCU as v4v6.h uses it: no concurrent readers here, so plain pointers. */
#ifndef _SHIM_LINUX_RCUPDATE_H
#define _SHIM_LINUX_RCUPDATE_H

struct rcu_head {
	struct rcu_head *next;
	void (*func)(struct rcu_head *head);
};

#define rcu_dereference_protected(p, c) ((void)(c), (p))

#endif
