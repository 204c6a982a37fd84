// SPDX-License-Identifier: GPL-2.0
/*
 * Regression seeds: the packets of the bugs the fuzzers found in the
 * translator, built here from field values and written with the KUnit
 * seeds, so that each run replays them first and fails at once if one of
 * the bugs is back (or still there), instead of when the fuzzer finds it
 * again. Those whose checksums are hard to get right by hand use repair
 * mode, which makes them right.
 */
#include <linux/in.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "pkt.h"
#include "regress.h"

#define FAR4 0x0ac41fc0u		/* 192.31.196.10, as stored */
#define MAXPKT 2048

static const struct in6_addr far6 = { .in6_u.u6_addr8 = {
	0, 0x64, 0xff, 0x9b, [12] = 192, 31, 196, 10 } };	/* under the WKP */

struct rpkt {
	struct fz_hdr h;
	u8 p[MAXPKT];
	unsigned int len;
};

static u8 *ip4(struct rpkt *r, u32 src, u32 dst, u8 proto, u16 frag,
	       unsigned int l4len)
{
	u8 *p = r->p;

	memset(p, 0, 20);
	p[0] = 0x45;
	wr16(p + 2, 20 + l4len);
	wr16(p + 4, 0x1234);
	wr16(p + 6, frag);
	p[8] = 64;
	p[9] = proto;
	memcpy(p + 12, &src, 4);
	memcpy(p + 16, &dst, 4);
	ip_send_check((struct iphdr *)p);
	r->len = 20 + l4len;
	return p + 20;
}

static u8 *ip6(u8 *p, const struct in6_addr *src, const struct in6_addr *dst,
	       u8 nexthdr, unsigned int l4len)
{
	memset(p, 0, 40);
	p[0] = 0x60;
	wr16(p + 4, l4len);
	p[6] = nexthdr;
	p[7] = 64;
	memcpy(p + 8, src, 16);
	memcpy(p + 24, dst, 16);
	return p + 40;
}

static u8 *udp(u8 *p, unsigned int paylen)
{
	unsigned int i;

	wr16(p, 40000);
	wr16(p + 2, 53);
	wr16(p + 4, 8 + paylen);
	wr16(p + 6, 0);
	for (i = 0; i < paylen; i++)
		p[8 + i] = i * 7 + 3;
	return p;
}

static void save(const char *dir, const char *name, const struct rpkt *r,
		 bool to6)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/r-%s", dir, to6 ? "46" : "64", name);
	f = fopen(path, "wb");
	if (!f || fwrite(&r->h, 1, FZ_HDR_LEN, f) != FZ_HDR_LEN ||
	    fwrite(r->p, 1, r->len, f) != r->len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

/*
 * The report's packet: an ICMPv6 error whose RFC 4884 length (@words of
 * 8 bytes) ends inside the quoted IPv6 header, which it is all it quotes.
 */
static void rfc4884_6to4(const char *dir, u8 words, u8 tailroom)
{
	static const struct in6_addr g = { .in6_u.u6_addr8 = {
		0, 0x64, 0xff, 0x9b, [12] = 8, 8, 8, 8 } };
	struct rpkt r = { .h = { .flags = FZ_F_6TO4, .tailroom = tailroom } };
	u8 *icmp = ip6(r.p, &far6, &fz_dev6, IPPROTO_ICMPV6, 48);
	char name[64];

	memset(icmp, 0, 8);
	icmp[0] = 1;	/* Destination Unreachable, */
	icmp[1] = 4;	/* port */
	icmp[4] = words;
	ip6(icmp + 8, &fz_dev6, &g, IPPROTO_UDP, 8);
	r.len = 88;
	l4_csum_set(IPPROTO_ICMPV6, icmp, 48, true, r.p + 8, r.p + 24);
	snprintf(name, sizeof(name), "rfc4884-len%u-tail%u", words, tailroom);
	save(dir, name, &r, false);
}

/* The same the other way: a length of 2 words of 4 bytes, and an extension. */
static void rfc4884_4to6(const char *dir)
{
	struct rpkt r = { .h = { .flags = FZ_F_REPAIR } };
	u8 *icmp = ip4(&r, fz_dev4, FAR4, IPPROTO_ICMP, 0, 8 + 128 + 16);
	u8 *in;

	memset(icmp, 0, 8);
	icmp[0] = 3;
	icmp[1] = 3;
	icmp[5] = 2;
	in = icmp + 8;
	memset(in, 0, 20);
	in[0] = 0x45;
	wr16(in + 2, 128);
	in[8] = 50;
	in[9] = IPPROTO_UDP;
	memcpy(in + 12, &(u32){ FAR4 }, 4);
	udp(in + 20, 100);
	wr16(in + 26, 0x1234);	/* a checksum the translator would update */
	memset(in + 128, 0xee, 16);
	in[128] = 0x20;	/* an RFC 4884 extension header, version 2 */
	save(dir, "rfc4884-4to6", &r, true);
}

/* An ICMP error for a cloned skb, whose clone must not change. */
static void clone_err(const char *dir, bool to6)
{
	struct rpkt r = { .h = { .flags = FZ_F_REPAIR | FZ_F_CLONE } };
	u8 *icmp, *in;

	if (to6) {
		icmp = ip4(&r, fz_dev4, FAR4, IPPROTO_ICMP, 0, 8 + 20 + 108);
		memset(icmp, 0, 8);
		icmp[0] = 3;
		icmp[1] = 3;
		in = icmp + 8;
		memset(in, 0, 20);
		in[0] = 0x45;
		in[8] = 50;
		in[9] = IPPROTO_UDP;
		memcpy(in + 12, &(u32){ FAR4 }, 4);
		udp(in + 20, 100);
		wr16(in + 26, 1);	/* a checksum (repair makes it right) */
	} else {
		r.h.flags |= FZ_F_6TO4;
		icmp = ip6(r.p, &far6, &fz_dev6, IPPROTO_ICMPV6, 8 + 40 + 108);
		memset(icmp, 0, 8);
		icmp[0] = 1;
		icmp[1] = 4;
		udp(ip6(icmp + 8, &fz_dev6, &far6, IPPROTO_UDP, 108), 100);
		r.len = 40 + 8 + 40 + 108;
	}
	save(dir, to6 ? "clone-icmp-err-4to6" : "clone-icmp-err-6to4", &r, to6);
}

/* UDP too big for a lowest MTU of 1280, no DF, checksum left to offload. */
static void partial_fragment6(const char *dir)
{
	struct rpkt r = { .h = { .flags = FZ_F_REPAIR |
					  CHECKSUM_PARTIAL << FZ_F_SUMMED_SHIFT,
				 .mtu = 1, .headroom = 64 } };

	udp(ip4(&r, fz_dev4, FAR4, IPPROTO_UDP, 0, 8 + 1372), 1372);
	save(dir, "partial-fragment6", &r, true);
}

/* An IPv4 fragment that would end past 65535 bytes, cut for the MTU. */
static void fragment_past_64k(const char *dir)
{
	struct rpkt r = { .h = { .flags = FZ_F_REPAIR, .mtu = 1 } };
	u8 *l4 = ip4(&r, fz_dev4, FAR4, 99, 8100, 1400);

	memset(l4, 0x5a, 1400);
	save(dir, "fragment-past-64k", &r, true);
}

/*
 * A UDP datagram whose checksum in the other family computes to zero, so
 * that it must be sent as 0xffff; found by trying the last two bytes.
 */
static void udp_csum0(const char *dir, bool to6)
{
	struct rpkt r = { .h = { .flags = to6 ? 0 : FZ_F_6TO4 } };
	u8 *l4 = to6 ? ip4(&r, fz_dev4, FAR4, IPPROTO_UDP, 0, 20) :
		 ip6(r.p, &far6, &fz_dev6, IPPROTO_UDP, 20);
	unsigned int v;
	__sum16 c;

	if (!to6)
		r.len = 60;
	udp(l4, 12);
	for (v = 0; v < 0x10000; v++) {
		wr16(l4 + 18, v);
		wr16(l4 + 6, 0);
		if (to6)
			c = csum_ipv6_magic(&fz_dev6, &far6, 20, IPPROTO_UDP,
					    csum_partial(l4, 20, 0));
		else
			c = csum_tcpudp_magic(FAR4, fz_dev4, 20, IPPROTO_UDP,
					      csum_partial(l4, 20, 0));
		if (!c)
			break;
	}
	/* Its own family's checksum, right. */
	l4_csum_set(IPPROTO_UDP, l4, 20, !to6, r.p + (to6 ? 12 : 8),
		    r.p + (to6 ? 16 : 24));
	save(dir, to6 ? "udp-csum0-4to6" : "udp-csum0-6to4", &r, to6);
}

/* An ICMPv6 echo reply of zeros: an ICMPv4 one of zeros, checksum 0xffff. */
static void icmp_csum0(const char *dir)
{
	struct rpkt r = { .h = { .flags = FZ_F_6TO4 } };
	u8 *icmp = ip6(r.p, &far6, &fz_dev6, IPPROTO_ICMPV6, 8);

	memset(icmp, 0, 8);
	icmp[0] = 129;
	r.len = 48;
	l4_csum_set(IPPROTO_ICMPV6, icmp, 8, true, r.p + 8, r.p + 24);
	save(dir, "icmp-csum0-6to4", &r, false);
}

unsigned int fz_write_regressions(const char *dir)
{
	rfc4884_6to4(dir, 1, 0);
	rfc4884_6to4(dir, 2, 0);
	rfc4884_6to4(dir, 1, 64);
	rfc4884_4to6(dir);
	clone_err(dir, true);
	clone_err(dir, false);
	partial_fragment6(dir);
	fragment_past_64k(dir);
	udp_csum0(dir, true);
	udp_csum0(dir, false);
	icmp_csum0(dir);
	return 11;
}
