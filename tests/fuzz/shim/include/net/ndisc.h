/* SPDX-License-Identifier: GPL-2.0 */
/* Neighbour discovery message types (RFC 4861), as include/net/ndisc.h. */
#ifndef _SHIM_NET_NDISC_H
#define _SHIM_NET_NDISC_H

#define NDISC_ROUTER_SOLICITATION	133
#define NDISC_ROUTER_ADVERTISEMENT	134
#define NDISC_NEIGHBOUR_SOLICITATION	135
#define NDISC_NEIGHBOUR_ADVERTISEMENT	136
#define NDISC_REDIRECT			137

#endif
