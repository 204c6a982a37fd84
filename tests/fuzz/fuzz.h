/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The translator fuzzers' input: a header of FZ_HDR_LEN bytes choosing the
 * translation and the sk_buff's shape, then the packet. A missing header
 * byte reads as 0. The seed exporter writes the same format.
 *
 *  0 flags      FZ_F_*; bits 4-5: ip_summed (CHECKSUM_*)
 *  1 prefix     NAT64 prefix, an index into fz_prefixes (modulo)
 *  2 mtu        lowest IPv6 MTU: 0 none, else 1279 + mtu (1280..1534)
 *  3 headroom   bytes before the packet in its head buffer
 *  4 tailroom   bytes after it
 *  5 layout     bits 0-1: page fragments (0: linear), bits 2-4: slack
 *               before the data in each fragment's page, bits 5-7: the
 *               IPv4 next hop's MTU, an index into fz_mtu4 (0: unknown)
 *  6 headlen    bytes of the packet in the head when there are fragments
 *  7 split[0]   size of the first fragment (all but the last take 1+n%room)
 *  8 split[1]   size of the second
 *  9 gso        SKB_GSO_* flags beside the type, which follows the
 *               packet (TCPV4, TCPV6, UDP_L4): bit 0 TCP_FIXEDID (IPv4),
 *               bit 1 TCP_ECN, bit 2 DODGY
 * 10 gso_size   big-endian, 16 bits (0 with FZ_F_GSO: 1)
 * 12 keep       FZ_K_*: repairs not to make
 * 13 fail       fail the n-th allocation of the translation, 0: none
 */
#ifndef _FUZZ_H
#define _FUZZ_H

#include <linux/in6.h>
#include <linux/types.h>

#include "../../kmod/xlat.h"

#define FZ_HDR_LEN 14

#define FZ_F_6TO4	0x01	/* made for 6to4: says which, each target has one */
#define FZ_F_REPAIR	0x02	/* fix lengths, addresses and checksums */
#define FZ_F_CLONE	0x04	/* translate one of two clones */
#define FZ_F_GSO	0x08	/* GSO fields, for TCP */
#define FZ_F_SUMMED_SHIFT 4
#define FZ_F_SHARED_FRAG 0x40	/* SKBFL_SHARED_FRAG on the fragments */
/* repair: RFC 4884 length octet modulo 8, lengths ending in the headers */
#define FZ_F_SHORT4884	0x80

#define FZ_K_LEN	0x01	/* tot_len / payload_len */
#define FZ_K_ADDR	0x02	/* the outer addresses */
#define FZ_K_INNER_LEN	0x04	/* the length of a packet in error */
#define FZ_K_INNER_ADDR	0x08	/* its addresses */
#define FZ_K_L4CSUM	0x10	/* transport checksums, outer and inner */
#define FZ_K_ICMPCSUM	0x20	/* the ICMP error's checksum */
#define FZ_K_IPCSUM	0x40	/* IPv4 header checksums */

struct fz_hdr {
	u8 flags;
	u8 prefix;
	u8 mtu;
	u8 headroom;
	u8 tailroom;
	u8 layout;
	u8 headlen;
	u8 split[2];
	u8 gso;
	u8 gso_size[2];
	u8 keep;
	u8 fail;
};

_Static_assert(sizeof(struct fz_hdr) == FZ_HDR_LEN, "header layout");

/* The prefixes of the KUnit suite: the well-known one and RFC 6052's. */
#define FZ_N_PREFIXES 7
extern const struct v4v6_prefix fz_prefixes[FZ_N_PREFIXES];
/* The device of the KUnit fixture: 192.168.1.10, 2001:db8:6::1000. */
extern const __be32 fz_dev4;
extern const struct in6_addr fz_dev6;

/* The IPv4 next hop's MTUs (struct v4v6_xlat.mtu4) an input picks from. */
#define FZ_N_MTU4 8
extern const u32 fz_mtu4[FZ_N_MTU4];

/* The translation an input asks for. */
void fz_xlat(const struct fz_hdr *h, struct v4v6_xlat *x);

#endif
