/* SPDX-License-Identifier: GPL-2.0 */
/* What the translator takes from linux/netdevice.h: the link header room. */
#ifndef _SHIM_LINUX_NETDEVICE_H
#define _SHIM_LINUX_NETDEVICE_H

/* The value of an x86-64 Debian kernel (no WLAN mesh, no AX.25). */
#define LL_MAX_HEADER 128

struct net_device;

#endif
