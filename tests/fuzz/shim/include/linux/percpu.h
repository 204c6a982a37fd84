/* SPDX-License-Identifier: GPL-2.0 */
/* Per-CPU data on one CPU: the pointer itself. */
#ifndef _SHIM_LINUX_PERCPU_H
#define _SHIM_LINUX_PERCPU_H

#define this_cpu_ptr(p) (p)

#endif
