/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The uapi byte order macros, plus the kernel's short names for them
 * (linux/byteorder/generic.h). Little-endian hosts only, like the
 * checksum code.
 */
#ifndef _SHIM_ASM_BYTEORDER_H
#define _SHIM_ASM_BYTEORDER_H

#include_next <asm/byteorder.h>

#ifndef __LITTLE_ENDIAN
#error "the shim assumes a little-endian host"
#endif

#define cpu_to_be16 __cpu_to_be16
#define cpu_to_be32 __cpu_to_be32
#define be16_to_cpu __be16_to_cpu
#define be32_to_cpu __be32_to_cpu
#define htons(x) __cpu_to_be16(x)
#define ntohs(x) __be16_to_cpu(x)
#define htonl(x) __cpu_to_be32(x)
#define ntohl(x) __be32_to_cpu(x)

#endif
