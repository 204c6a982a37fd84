/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels v4v6 builds for, from 6.1 on, in one
 * place. kmod/Kbuild probes the kernel's headers for each difference,
 * defines V4V6_HAVE_* for what it finds and includes this file first in
 * every source: the rest of the module uses what is here and never tests
 * LINUX_VERSION_CODE.
 *
 * The userspace build of the translator (tests/fuzz) includes it too,
 * without any V4V6_HAVE_*: the oldest kernel's side of each difference
 * must keep to its shim of the kernel headers.
 */
#ifndef _V4V6_COMPAT_H
#define _V4V6_COMPAT_H

/* 6.12: <asm/unaligned.h> became <linux/unaligned.h>. */
#ifdef V4V6_HAVE_LINUX_UNALIGNED_H
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * 6.5: the GSO helpers (skb_gso_validate_network_len()) moved from
 * <linux/netdevice.h> to <net/gso.h>.
 */
#ifdef V4V6_HAVE_NET_GSO_H
#include <net/gso.h>
#endif

#endif /* _V4V6_COMPAT_H */
