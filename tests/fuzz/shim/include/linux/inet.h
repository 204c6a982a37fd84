/* SPDX-License-Identifier: GPL-2.0 */
/* Address parsing as the kernel's net/core/utils.c offers it (shim/inet.c). */
#ifndef _SHIM_LINUX_INET_H
#define _SHIM_LINUX_INET_H

#include <linux/types.h>

int in4_pton(const char *src, int srclen, u8 *dst, int delim,
	     const char **end);
int in6_pton(const char *src, int srclen, u8 *dst, int delim,
	     const char **end);

#endif
