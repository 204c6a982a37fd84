/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG and WARN. The test kernels run with panic_on_warn, so here a WARN is
 * as fatal as a BUG: both abort, which libFuzzer records as a crash.
 */
#ifndef _SHIM_LINUX_BUG_H
#define _SHIM_LINUX_BUG_H

void __attribute__((noreturn)) shim_bug(const char *file, int line,
					const char *what);

#define BUG() shim_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(c) do { if (unlikely(c)) shim_bug(__FILE__, __LINE__, #c); } while (0)
#define WARN_ON(c) ({ int __w = !!(c); \
	if (unlikely(__w)) shim_bug(__FILE__, __LINE__, "WARN_ON(" #c ")"); \
	__w; })
#define WARN_ON_ONCE(c) WARN_ON(c)
#define WARN_ONCE(c, ...) WARN_ON(c)
#define BUILD_BUG_ON(c) _Static_assert(!(c), #c)

#endif
