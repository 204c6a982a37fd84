/* SPDX-License-Identifier: GPL-2.0 */
/* struct net is only pointed to by the declarations of v4v6.h. */
#ifndef _SHIM_NET_NET_NAMESPACE_H
#define _SHIM_NET_NET_NAMESPACE_H

struct net;

#endif
