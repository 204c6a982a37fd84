/* SPDX-License-Identifier: GPL-2.0 */
/* Unaligned loads and stores, through a packed struct as the kernel does. */
#ifndef _SHIM_ASM_UNALIGNED_H
#define _SHIM_ASM_UNALIGNED_H

#include <linux/types.h>
#include <asm/byteorder.h>

#define get_unaligned(ptr) ({ \
	const struct { __typeof__(*(ptr)) x; } __attribute__((packed)) *__p = \
		(const void *)(ptr); \
	__p->x; })
#define put_unaligned(val, ptr) do { \
	struct { __typeof__(*(ptr)) x; } __attribute__((packed)) *__p = \
		(void *)(ptr); \
	__p->x = (val); } while (0)

static inline u16 get_unaligned_be16(const void *p)
{
	return be16_to_cpu(get_unaligned((const __be16 *)p));
}

static inline u32 get_unaligned_be32(const void *p)
{
	return be32_to_cpu(get_unaligned((const __be32 *)p));
}

static inline void put_unaligned_be16(u16 v, void *p)
{
	put_unaligned(cpu_to_be16(v), (__be16 *)p);
}

static inline void put_unaligned_be32(u32 v, void *p)
{
	put_unaligned(cpu_to_be32(v), (__be32 *)p);
}

#endif
