// SPDX-License-Identifier: GPL-2.0
/*
 * Repair mode: make a mutated packet consistent enough to get past the
 * translator's first checks, so that the fuzzer spends its time deep in
 * the code (ICMP errors and the packets they quote, RFC 4884 lengths,
 * extension headers, fragments). Lengths follow the bytes there are, the
 * device's address goes where the mapping wants it, and checksums are
 * recomputed; each repair can be left out (FZ_K_*). What stays mutated is
 * what the fuzzer chose: protocols, types, options, the RFC 4884 length.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/in.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "fuzz.h"
#include "pkt.h"
#include "repair.h"

/* The IPv4 header's checksum, if the header is all there. */
static void ip4_check(u8 *p, unsigned int len, u8 keep)
{
	unsigned int hlen = (p[0] & 0xf) * 4;

	if (!(keep & FZ_K_IPCSUM) && hlen >= 20 && hlen <= len)
		ip_send_check((struct iphdr *)p);
}

/* Put the first bits of @pref (its length) in front of @a. */
static void into_prefix(u8 *a, const struct v4v6_prefix *pref)
{
	memcpy(a, pref->addr.s6_addr, pref->len / 8);
}

/* The RFC 4884 end of the packet in error, as an RFC-abiding sender set it. */
static unsigned int quoted_end(unsigned int in_off, unsigned int end, u8 words,
			       unsigned int word)
{
	return words && in_off + words * word < end ? in_off + words * word : end;
}

/* A transport checksum over IPv4, but a UDP one of zero: none, it stays. */
static void l4_fix4(u8 proto, u8 *l4, unsigned int len, const u8 *iph)
{
	if (proto == IPPROTO_UDP && len >= 8 && !l4[6] && !l4[7])
		return;
	l4_csum_set(proto, l4, len, false, iph + 12, iph + 16);
}

/*
 * The IPv4 packet in error at @q: @avail bytes of it in the packet, @qlen
 * of them quoted by the RFC 4884 length (which may end inside its header:
 * the header is still fixed, the quoted length is what it is).
 */
static void repair_inner4(u8 *q, unsigned int avail, unsigned int qlen, u8 keep)
{
	struct pkt k;

	if (avail < 20)
		return;
	q[0] = 0x40 | (q[0] & 0xf);
	if ((q[0] & 0xf) < 5 || (q[0] & 0xf) * 4 > avail)
		q[0] = 0x45;
	if (!(keep & FZ_K_INNER_LEN) && qlen >= (q[0] & 0xfu) * 4)
		wr16(q + 2, qlen);
	if (!(keep & FZ_K_INNER_ADDR))
		memcpy(q + 16, &fz_dev4, 4);	/* it went to the device */
	if (!(keep & FZ_K_L4CSUM) && pkt_parse4(q, qlen, false, &k) &&
	    pkt_whole(&k))
		l4_fix4(k.proto, q + k.l4off, k.end - k.l4off, q);
	ip4_check(q, avail, keep);
}

void fz_repair4(u8 *p, unsigned int len, const struct v4v6_xlat *x, u8 keep,
		bool short4884)
{
	unsigned int in_off, qend;
	struct pkt k;
	u8 *icmp;

	(void)x;
	if (len < 20)
		return;
	p[0] = 0x40 | (p[0] & 0xf);
	if ((p[0] & 0xf) < 5 || (p[0] & 0xf) * 4 > len)
		p[0] = 0x45;
	if (!(keep & FZ_K_LEN))
		wr16(p + 2, len);
	if (!(keep & FZ_K_ADDR))
		memcpy(p + 12, &fz_dev4, 4);
	if (!pkt_parse4(p, len, false, &k) || !pkt_whole(&k))
		goto out;
	icmp = p + k.l4off;
	if (k.proto == IPPROTO_ICMP && k.end - k.l4off >= 8 &&
	    icmp_is_error(icmp[0], false)) {
		in_off = k.l4off + 8;
		if (short4884)
			icmp[5] &= 7;
		qend = quoted_end(in_off, k.end, icmp[5], 4);
		repair_inner4(p + in_off, k.end - in_off, qend - in_off, keep);
		if (!(keep & FZ_K_ICMPCSUM))
			l4_csum_set(IPPROTO_ICMP, icmp, k.end - k.l4off, false,
				    NULL, NULL);
	} else if (!(keep & FZ_K_L4CSUM)) {
		l4_fix4(k.proto, icmp, k.end - k.l4off, p);
	}
out:
	ip4_check(p, len, keep);
}

/* The IPv6 packet in error at @q, as repair_inner4(). */
static void repair_inner6(u8 *q, unsigned int avail, unsigned int qlen,
			  const struct v4v6_xlat *x, u8 keep)
{
	struct pkt k;

	if (avail < 40)
		return;
	q[0] = 0x60 | (q[0] & 0xf);
	if (!(keep & FZ_K_INNER_LEN) && qlen >= 40)
		wr16(q + 4, qlen - 40);
	if (!(keep & FZ_K_INNER_ADDR)) {
		memcpy(q + 8, &x->dev6, 16);	/* it came from the device */
		into_prefix(q + 24, x->pref64);
	}
	if (!(keep & FZ_K_L4CSUM) && pkt_parse6(q, qlen, false, &k) &&
	    pkt_whole(&k))
		l4_csum_set(k.proto, q + k.l4off, k.end - k.l4off, true,
			    q + 8, q + 24);
}

void fz_repair6(u8 *p, unsigned int len, const struct v4v6_xlat *x, u8 keep,
		bool short4884)
{
	unsigned int in_off, qend;
	struct pkt k;
	u8 *icmp;

	if (len < 40)
		return;
	p[0] = 0x60 | (p[0] & 0xf);
	if (!(keep & FZ_K_LEN))
		wr16(p + 4, min(len - 40, 0xffffu));
	if (!(keep & FZ_K_ADDR)) {
		into_prefix(p + 8, x->pref64);
		memcpy(p + 24, &x->dev6, 16);
	}
	if (!pkt_parse6(p, len, false, &k) || !pkt_whole(&k))
		return;
	icmp = p + k.l4off;
	if (k.proto == IPPROTO_ICMPV6 && k.end - k.l4off >= 8 &&
	    icmp_is_error(icmp[0], true)) {
		in_off = k.l4off + 8;
		if (short4884)
			icmp[4] &= 7;
		qend = icmp[0] == ICMPV6_DEST_UNREACH ||
		       icmp[0] == ICMPV6_TIME_EXCEED ?
		       quoted_end(in_off, k.end, icmp[4], 8) : k.end;
		repair_inner6(p + in_off, k.end - in_off, qend - in_off, x,
			      keep);
		if (!(keep & FZ_K_ICMPCSUM))
			l4_csum_set(IPPROTO_ICMPV6, icmp, k.end - k.l4off, true,
				    p + 8, p + 24);
	} else if (!(keep & FZ_K_L4CSUM)) {
		l4_csum_set(k.proto, icmp, k.end - k.l4off, true, p + 8,
			    p + 24);
	}
}
