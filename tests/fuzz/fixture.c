// SPDX-License-Identifier: GPL-2.0
/* The fixture of the KUnit suite, which the fuzzers' inputs choose from. */
#include "fuzz.h"

#define A6(...) { .in6_u.u6_addr8 = { __VA_ARGS__ } }

const struct v4v6_prefix fz_prefixes[FZ_N_PREFIXES] = {
	{ A6(0, 0x64, 0xff, 0x9b), 96 },			/* 64:ff9b::/96 */
	{ A6(0x20, 0x01, 0x0d, 0xb8), 32 },			/* 2001:db8::/32 */
	{ A6(0x20, 0x01, 0x0d, 0xb8, 0x01), 40 },		/* 2001:db8:100::/40 */
	{ A6(0x20, 0x01, 0x0d, 0xb8, 0x01, 0x22), 48 },
	{ A6(0x20, 0x01, 0x0d, 0xb8, 0x01, 0x22, 0x03), 56 },
	{ A6(0x20, 0x01, 0x0d, 0xb8, 0x01, 0x22, 0x03, 0x44), 64 },
	{ A6(0x20, 0x01, 0x0d, 0xb8, 0x01, 0x22, 0x03, 0x44), 96 },
};

const __be32 fz_dev4 = (__force __be32)0x0a01a8c0;	/* 192.168.1.10 */
const struct in6_addr fz_dev6 = A6(0x20, 0x01, 0x0d, 0xb8, 0, 0x06,
				   [14] = 0x10, [15] = 0x00);

const u32 fz_mtu4[FZ_N_MTU4] = { 0, 1500, 1400, 1280, 576, 68, 9000, 65535 };

void fz_xlat(const struct fz_hdr *h, struct v4v6_xlat *x)
{
	x->pref64 = &fz_prefixes[h->prefix % FZ_N_PREFIXES];
	x->dev4 = fz_dev4;
	x->dev6 = fz_dev6;
	x->lowest_mtu = h->mtu ? 1279 + h->mtu : 0;
	x->mtu4 = fz_mtu4[h->layout >> 5];
}
