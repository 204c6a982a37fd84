/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One's complement arithmetic on partial sums (the kernel's
 * include/net/checksum.h, written anew).
 */
#ifndef _SHIM_NET_CHECKSUM_H
#define _SHIM_NET_CHECKSUM_H

#include <linux/errno.h>
#include <linux/kernel.h>
#include <asm/byteorder.h>
#include <asm/checksum.h>

/* The 32-bit one's complement sum: the carry out goes back in. */
static inline __wsum csum_add(__wsum csum, __wsum addend)
{
	u32 res = (__force u32)csum + (__force u32)addend;

	return (__force __wsum)(res + (res < (__force u32)addend));
}

static inline __wsum csum_sub(__wsum csum, __wsum addend)
{
	return csum_add(csum, ~addend);
}

/* A sum of bytes that started at an odd offset has its bytes swapped. */
static inline __wsum csum_shift(__wsum sum, int offset)
{
	return offset & 1 ? (__force __wsum)ror32((__force u32)sum, 8) : sum;
}

static inline __wsum csum_block_add(__wsum csum, __wsum csum2, int offset)
{
	return csum_add(csum, csum_shift(csum2, offset));
}

static inline __wsum csum_block_sub(__wsum csum, __wsum csum2, int offset)
{
	return csum_block_add(csum, ~csum2, offset);
}

static inline __wsum csum_unfold(__sum16 n)
{
	return (__force __wsum)n;
}

#define CSUM_MANGLED_0 ((__force __sum16)0xffff)

static inline void csum_replace_by_diff(__sum16 *sum, __wsum diff)
{
	*sum = csum_fold(csum_add(diff, ~csum_unfold(*sum)));
}

#endif
