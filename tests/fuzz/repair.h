/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Repair mode (repair.c): fix a packet, but for the repairs in @keep; with
 * @short4884 an ICMP error's RFC 4884 length octet is taken modulo 8.
 */
#ifndef _REPAIR_H
#define _REPAIR_H

#include "fuzz.h"

void fz_repair4(u8 *p, unsigned int len, const struct v4v6_xlat *x, u8 keep,
		bool short4884);
void fz_repair6(u8 *p, unsigned int len, const struct v4v6_xlat *x, u8 keep,
		bool short4884);

#endif
