/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included before every source (-include), as Kbuild does with the
 * kernel's own compiler_types.h: the annotations the kernel sources use,
 * reduced to what a userspace compiler needs.
 */
#ifndef _SHIM_COMPILER_TYPES_H
#define _SHIM_COMPILER_TYPES_H

/* sparse annotations: meaningless here. */
#define __force
#define __user
#define __iomem
#define __percpu
#define __rcu
#define __must_check __attribute__((warn_unused_result))
#define __always_inline inline __attribute__((always_inline))
#define noinline __attribute__((noinline))
#define __maybe_unused __attribute__((unused))
#define __aligned(x) __attribute__((aligned(x)))
#define __packed __attribute__((packed))
#define fallthrough __attribute__((fallthrough))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
