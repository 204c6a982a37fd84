// SPDX-License-Identifier: GPL-2.0
/*
 * What must hold after a translation, whatever the input was: a result in
 * range; on V4V6_XLAT_OK a packet of the other family that parses, with
 * its lengths, header offsets, protocol, addresses and checksums right
 * (transport checksums where the input's was), Packet Too Big and
 * Fragmentation Needed MTUs within RFC 7915's bounds; for the results that
 * keep the packet to quote it (TTL, ROUTING, FRAG_NEEDED, SOURCE_ROUTE) the
 * packet untouched; a clone's bytes never changed; the sk_buff consistent;
 * and the fragments v4v6_fragment6() cuts reassembling into the packet.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "shim/shim.h"

/* What a failure report shows: the packet given and the one made. */
static const struct fz_case *cur;
static const u8 *cur_out;
static unsigned int cur_out_len;

/* The first 256 bytes, which hold the headers; the rest is in the input. */
static void hexdump(const char *what, const u8 *p, unsigned int len)
{
	unsigned int i;

	fprintf(stderr, "%s (%u bytes):", what, len);
	for (i = 0; i < min(len, 256u); i++)
		fprintf(stderr, "%s%02x", i % 32 ? (i % 4 ? "" : " ") : "\n  ", p[i]);
	fprintf(stderr, "%s\n", len > 256 ? " ..." : "");
}

#ifdef FZ_COVERAGE
jmp_buf fz_replay;
#endif

void fz_fail(int line, const char *what)
{
	fprintf(stderr, "oracle: %s (oracle.c:%d)\n", what, line);
	if (cur) {
		fprintf(stderr, "flags %#x ip_summed %u gso %u lowest_mtu %u\n",
			cur->h.flags, cur->summed, cur->gso_size,
			cur->x.lowest_mtu);
		hexdump("input", cur->in, cur->len);
	}
	if (cur_out)
		hexdump("output", cur_out, cur_out_len);
#ifdef FZ_COVERAGE
	longjmp(fz_replay, 1);
#endif
	__builtin_trap();
}

u8 *fz_flat(const struct sk_buff *skb)
{
	u8 *p = malloc(skb->len ? skb->len : 1);

	if (!p)
		abort();
	FZ_CHECK(!skb_copy_bits(skb, 0, p, skb->len));
	return p;
}

/* RFC 6052 section 2.2, written here rather than taken from addr.c. */
static void synth(const struct v4v6_prefix *p, const u8 *v4, u8 *out)
{
	unsigned int pos = p->len / 8, i;

	memcpy(out, p->addr.s6_addr, 16);
	for (i = 0; i < 4; i++, pos++) {
		if (pos == 8)
			pos++;
		out[pos] = v4[i];
	}
}

static bool extract(const struct v4v6_prefix *p, const u8 *a, u8 *v4)
{
	unsigned int pos = p->len / 8, i;

	if (memcmp(a, p->addr.s6_addr, pos))
		return false;
	for (i = 0; i < 4; i++, pos++) {
		if (pos == 8)
			pos++;
		v4[i] = a[pos];
	}
	return true;
}

/*
 * An IPv4 source no host beyond a NAT64 has, whatever the prefix: 0/8,
 * 127/8, 169.254/16, 224/4 and 240/4 (the fuzzers give no local4()).
 */
static bool martian(const u8 *v4)
{
	return !v4[0] || v4[0] == 127 || (v4[0] == 169 && v4[1] == 254) ||
	       v4[0] >= 224;
}

/* Where the packet in error of an ICMP error ends (RFC 4884 length). */
static unsigned int quoted_end(const u8 *icmp, unsigned int in_off,
			       unsigned int end, bool v6)
{
	unsigned int words = v6 ? icmp[4] : icmp[5], word = v6 ? 8 : 4;

	if (v6 && icmp[0] != ICMPV6_DEST_UNREACH && icmp[0] != ICMPV6_TIME_EXCEED)
		return end;
	return words && in_off + words * word < end ? in_off + words * word : end;
}

/*
 * The transport checksum of @k in @p: right, or the CHECKSUM_PARTIAL seed.
 * Only for the protocols of @k's family: ICMP carried in IPv6 or ICMPv6 in
 * IPv4 has no defined checksum.
 */
static bool l4_right(const struct pkt *k, const u8 *p, bool partial)
{
	const u8 *s = p + (k->v6 ? 8 : 12), *d = p + (k->v6 ? 24 : 16);
	unsigned int len = k->end - k->l4off;
	int off = l4_csum_off(k->proto);
	__sum16 seed;

	if (!pkt_whole(k) || off < 0 || len < l4_min_len(k->proto) ||
	    k->proto == (k->v6 ? IPPROTO_ICMP : IPPROTO_ICMPV6))
		return false;
	if (!partial)
		return l4_csum_ok(k->proto, p + k->l4off, len, k->v6, s, d);
	seed = l4_csum_seed(k->proto, len, k->v6, s, d);
	return !memcmp(p + k->l4off + off, &seed, 2);
}

/*
 * FUZZ_XLAT_WAIVE=csum0 (harness.h): whether a transport checksum that
 * fails is 0x0000 where 0xffff is due, the one known open issue
 * (udp-zero-csum in the findings), and the waiver is on.
 */
bool fz_waive_csum0;

static bool csum0_waived(const struct pkt *k, const u8 *p)
{
	int off = l4_csum_off(k->proto);
	size_t n = k->end;
	bool right;
	u8 *q;

	if (!fz_waive_csum0 || off < 0 || rd16(p + k->l4off + off))
		return false;
	q = malloc(n);
	if (!q)
		abort();
	memcpy(q, p, n);
	q[k->l4off + off] = q[k->l4off + off + 1] = 0xff;
	right = l4_right(k, q, false);
	free(q);
	return right;
}

/* The packet in error of the ICMP error @p, if quoted whole and right. */
static bool inner_right(const struct pkt *k, const u8 *p)
{
	unsigned int in_off = k->l4off + 8, qend;
	const u8 *icmp = p + k->l4off;
	struct pkt in;

	if (k->end < in_off)
		return false;
	qend = quoted_end(icmp, in_off, k->end, k->v6);
	if (!(k->v6 ? pkt_parse6 : pkt_parse4)(p + in_off, qend - in_off,
						false, &in))
		return false;
	/* IPv4 UDP without checksum stays without: IPv6 would reject it. */
	if (in.proto == IPPROTO_UDP && !in.v6 && in.end - in.l4off >= 8 &&
	    !p[in_off + in.l4off + 6] && !p[in_off + in.l4off + 7])
		return false;
	return l4_right(&in, p + in_off, false);
}

void fz_learn_input(struct fz_case *c)
{
	const u8 *icmp = c->in + c->k.l4off;

	c->l4_ok = false;
	c->inner_ok = false;
	if (!c->parsed || !pkt_whole(&c->k))
		return;
	if (c->k.proto == (c->to6 ? IPPROTO_ICMP : IPPROTO_ICMPV6) &&
	    c->k.end - c->k.l4off >= 8 && icmp_is_error(icmp[0], !c->to6)) {
		c->inner_ok = inner_right(&c->k, c->in);
		c->ext_off = quoted_end(icmp, c->k.l4off + 8, c->k.end, !c->to6);
		c->ext_len = c->k.end - c->ext_off;
		return;
	}
	c->l4_ok = l4_right(&c->k, c->in, c->summed == CHECKSUM_PARTIAL);
}

/* With CHECKSUM_PARTIAL the start is the transport header, the seed right. */
static void check_l4(const struct fz_case *c, const struct sk_buff *skb,
		     const struct pkt *k, const u8 *o)
{
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		FZ_CHECK(c->summed == CHECKSUM_PARTIAL);
		FZ_CHECK(skb_checksum_start(skb) == skb_transport_header(skb));
		FZ_CHECK((int)skb->csum_offset == l4_csum_off(k->proto));
	}
	if (!c->l4_ok || !pkt_whole(k))
		return;
	FZ_CHECK(l4_right(k, o, skb->ip_summed == CHECKSUM_PARTIAL) ||
		 csum0_waived(k, o));
	/*
	 * A UDP checksum computed as zero is sent as 0xffff (RFC 768): zero
	 * means none, which IPv6 refuses (RFC 8200 section 8.1).
	 */
	if (k->proto == IPPROTO_UDP && skb->ip_summed != CHECKSUM_PARTIAL)
		FZ_CHECK(rd16(o + k->l4off + 6) || fz_waive_csum0 ||
			 (!k->v6 && !rd16(c->in + c->k.l4off + 6)));
}

/*
 * An RFC 4884 length octet in the translated error @o: the quoted packet,
 * padded to 128 bytes at least, then the input's extension, byte for byte
 * (section 4).
 */
static void check_rfc4884(const struct fz_case *c, const struct pkt *k,
			  const u8 *o, bool v6)
{
	const u8 *icmp = o + k->l4off;
	unsigned int words = v6 ? icmp[4] : icmp[5], bytes = words * (v6 ? 8 : 4);

	if (v6 ? icmp[0] != ICMPV6_DEST_UNREACH && icmp[0] != ICMPV6_TIME_EXCEED :
	    icmp[0] != ICMP_DEST_UNREACH && icmp[0] != ICMP_TIME_EXCEEDED &&
	    icmp[0] != ICMP_PARAMETERPROB)
		return;
	if (!words)
		return;
	FZ_CHECK(bytes >= 128);
	FZ_CHECK(k->l4off + 8 + bytes < k->end);
	FZ_CHECK(k->end - (k->l4off + 8 + bytes) == c->ext_len);
	FZ_CHECK(!memcmp(o + k->l4off + 8 + bytes, c->in + c->ext_off,
			 c->ext_len));
}

/* The quoted packet of the ICMP error @o, translated into family @v6. */
static void check_inner(const struct fz_case *c, const struct pkt *k,
			const u8 *o, bool v6)
{
	unsigned int in_off = k->l4off + 8, qend;
	const u8 *q = o + in_off;
	struct pkt in;
	u8 v4[4];

	check_rfc4884(c, k, o, v6);
	if (k->end < in_off + (v6 ? 40 : 20))
		return;
	qend = quoted_end(o + k->l4off, in_off, k->end, v6);
	FZ_CHECK(q[0] >> 4 == (v6 ? 6 : 4));
	if (v6) {
		/* From the far side (synthesised) to the device. */
		FZ_CHECK(!memcmp(q + 24, &c->x.dev6, 16));
		FZ_CHECK(extract(c->x.pref64, q + 8, v4));
	} else {
		/* From the device to the far side. */
		FZ_CHECK(!memcmp(q + 12, &c->x.dev4, 4));
		FZ_CHECK(q[0] == 0x45);
		FZ_CHECK(!ip_fast_csum(q, 5));
	}
	if (!c->inner_ok)
		return;
	/* A whole packet in error whose checksum was right stays right. */
	if ((v6 ? pkt_parse6 : pkt_parse4)(q, qend - in_off, false, &in))
		FZ_CHECK(l4_right(&in, q, false) || csum0_waived(&in, q));
}

/*
 * A GSO packet: TCP's type follows the family, its segments shrink by what
 * the headers grew (and are counted again), each fitting the lowest MTU
 * when DF forbade fragments; UDP GSO stays as it was (kmod/xlat.c).
 */
static void check_gso(const struct fz_case *c, const struct sk_buff *skb,
		      const u8 *o, unsigned int l4)
{
	const struct skb_shared_info *si = skb_shinfo(skb);
	unsigned int th, payload;

	if (!c->gso)
		return;
	FZ_CHECK(skb_is_gso(skb) && skb->ip_summed == CHECKSUM_PARTIAL);
	if (c->k.proto == IPPROTO_UDP) {
		FZ_CHECK(si->gso_type == c->gso_type);
		FZ_CHECK(si->gso_size == c->gso_size);
		return;
	}
	th = (o[l4 + 12] >> 4) * 4;
	payload = skb->len - l4 - th;
	FZ_CHECK(si->gso_size <= c->gso_size);
	FZ_CHECK(si->gso_segs == DIV_ROUND_UP(payload, si->gso_size));
	if (c->to6) {
		FZ_CHECK(!(si->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCP_FIXEDID)));
		FZ_CHECK(si->gso_type & SKB_GSO_TCPV6);
		if (c->x.lowest_mtu && (c->in[6] & 0x40))
			FZ_CHECK(l4 + th + si->gso_size <= c->x.lowest_mtu);
	} else {
		FZ_CHECK(!(si->gso_type & SKB_GSO_TCPV6));
		FZ_CHECK(si->gso_type & SKB_GSO_TCPV4);
	}
}

/*
 * Whether the translator takes the input for an ICMP error of its family
 * (v4v6_icmp4_is_error(), v4v6_icmp6_is_error()): the output is then one.
 * ICMP of the other family (protocol 58 in IPv4, next header 1 in IPv6) is
 * an opaque protocol, copied as RFC 7915 sections 4.1 and 5.1 say.
 */
static bool input_is_error(const struct fz_case *c)
{
	const u8 *icmp = c->in + c->k.l4off;

	if (!c->parsed || !pkt_whole(&c->k) || c->k.end - c->k.l4off < 8)
		return false;
	if (c->to6)
		return c->k.proto == IPPROTO_ICMP &&
		       (icmp[0] == ICMP_DEST_UNREACH ||
			icmp[0] == ICMP_TIME_EXCEEDED ||
			icmp[0] == ICMP_PARAMETERPROB);
	return c->k.proto == IPPROTO_ICMPV6 && icmp_is_error(icmp[0], true);
}

static void check_to6(const struct fz_case *c, const struct sk_buff *skb,
		      const u8 *o)
{
	unsigned int len = skb->len, l4, len6;
	u8 proto = c->k.proto == IPPROTO_ICMP ? IPPROTO_ICMPV6 : c->k.proto;
	bool err = input_is_error(c), fh, df = c->in[6] & 0x40;
	u8 d6[16];
	struct pkt k;

	/* A Fragment header for a fragment, or one too big without DF. */
	len6 = c->k.end - c->k.hlen + 40;
	fh = !err && (c->k.frag || (c->x.lowest_mtu && !c->gso && !df &&
				    len6 > c->x.lowest_mtu));
	l4 = fh ? 48 : 40;
	FZ_CHECK(skb->protocol == htons(ETH_P_IPV6));
	FZ_CHECK(len >= l4 && o[0] >> 4 == 6 && rd16(o + 4) + 40 == len);
	FZ_CHECK(o[6] == (fh ? NEXTHDR_FRAGMENT : proto));
	FZ_CHECK(skb_transport_offset(skb) == (int)l4);
	FZ_CHECK(!memcmp(o + 8, &c->x.dev6, 16));
	synth(c->x.pref64, c->in + 16, d6);
	FZ_CHECK(!memcmp(o + 24, d6, 16));
	FZ_CHECK(o[7] == (u8)(c->in[8] - 1));
	if (fh) {
		/* The IPv4 identification, offset and MF. */
		const u8 *f = o + 40;

		FZ_CHECK(f[0] == proto);
		FZ_CHECK(rd32(f + 4) == rd16(c->in + 4));
		FZ_CHECK(rd16(f + 2) >> 3 == (rd16(c->in + 6) & IP_OFFSET));
		FZ_CHECK((f[3] & 1) == !!(rd16(c->in + 6) & IP_MF));
	}
	if (err) {
		FZ_CHECK(len >= l4 + 8 && icmp_is_error(o[l4], true));
		FZ_CHECK(len <= 1280);
		FZ_CHECK(l4_csum_ok(IPPROTO_ICMPV6, o + l4, len - l4, true,
				    o + 8, o + 24));
		/* RFC 7915 4.2: within both next hops', never under 1280. */
		if (o[l4] == ICMPV6_PKT_TOOBIG) {
			u32 mtu = rd32(o + l4 + 4);

			FZ_CHECK(mtu >= 1280 && mtu <= 65535);
			FZ_CHECK(!c->x.lowest_mtu || mtu <= c->x.lowest_mtu);
			FZ_CHECK(!c->x.mtu4 || mtu <= max(c->x.mtu4 + 20, 1280u));
		}
		k = (struct pkt){ .v6 = true, .hlen = 40, .end = len,
				  .l4off = l4, .proto = proto, .first = true };
		check_inner(c, &k, o, true);
		return;
	}
	k = (struct pkt){ .v6 = true, .hlen = 40, .end = len, .l4off = l4,
			  .proto = proto, .frag = fh,
			  .first = !fh || !(rd16(o + 42) & IP6_OFFSET),
			  .more = fh && (o[43] & IP6_MF), .fhoff = fh ? 40 : 0 };
	check_l4(c, skb, &k, o);
	check_gso(c, skb, o, l4);
}

static void check_to4(const struct fz_case *c, const struct sk_buff *skb,
		      const u8 *o)
{
	u8 proto = c->k.proto == IPPROTO_ICMPV6 ? IPPROTO_ICMP : c->k.proto;
	bool err = input_is_error(c);
	unsigned int len = skb->len;
	u8 s4[4];
	struct pkt k;

	FZ_CHECK(skb->protocol == htons(ETH_P_IP));
	FZ_CHECK(pkt_parse4(o, len, false, &k));
	FZ_CHECK(k.end == len && k.hlen == 20 && !ip_fast_csum(o, 5));
	FZ_CHECK(o[9] == proto);
	FZ_CHECK(skb_transport_offset(skb) == 20);
	FZ_CHECK(!memcmp(o + 16, &c->x.dev4, 4));
	FZ_CHECK(o[8] == (u8)(c->in[7] - 1));
	if (c->k.frag && !err) {
		const u8 *f = c->in + c->k.fhoff;

		FZ_CHECK(rd16(o + 4) == (rd32(f + 4) & 0xffff));
		FZ_CHECK((rd16(o + 6) & IP_OFFSET) == rd16(f + 2) >> 3);
		FZ_CHECK(!!(rd16(o + 6) & IP_MF) == (f[3] & 1));
	}
	if (err) {
		FZ_CHECK(len >= 28 && icmp_is_error(o[20], false));
		FZ_CHECK(len <= 576);
		FZ_CHECK(l4_csum_ok(IPPROTO_ICMP, o + 20, len - 20, false,
				    NULL, NULL));
		/* RFC 7915 5.2: within both next hops', never under 68. */
		if (o[20] == ICMP_DEST_UNREACH && o[21] == ICMP_FRAG_NEEDED) {
			u32 mtu = rd16(o + 26);

			FZ_CHECK(mtu >= 68);
			FZ_CHECK(!c->x.mtu4 || mtu <= max(c->x.mtu4, 68u));
			FZ_CHECK(!c->x.lowest_mtu || mtu <= c->x.lowest_mtu - 20);
		}
		/* From the prefix, or from 192.0.0.8 (RFC 7600). */
		FZ_CHECK((extract(c->x.pref64, c->in + 8, s4) &&
			  !memcmp(o + 12, s4, 4) && !martian(s4)) ||
			 !memcmp(o + 12, "\xc0\x00\x00\x08", 4));
		check_inner(c, &k, o, false);
		return;
	}
	FZ_CHECK(extract(c->x.pref64, c->in + 8, s4) && !memcmp(o + 12, s4, 4));
	FZ_CHECK(!martian(s4));
	check_l4(c, skb, &k, o);
	check_gso(c, skb, o, 20);
}

/* CHECKSUM_COMPLETE: skb->csum is the sum of the bytes from skb->data. */
static void check_complete(const struct sk_buff *skb)
{
	if (skb->ip_summed != CHECKSUM_COMPLETE)
		return;
	FZ_CHECK(csum_fold(skb->csum) ==
		 csum_fold(skb_checksum(skb, 0, skb->len, 0)));
}

void fz_check_result(const struct fz_case *c, struct sk_buff *skb,
		     enum v4v6_xlat_result res, const struct sk_buff *clone)
{
	unsigned int kept;
	u8 *o;

	cur = c;
	cur_out = NULL;
	FZ_CHECK(res < __V4V6_XLAT_MAX);
	fz_check_skb(skb);
	if (clone) {
		/* The other clone sees the packet as it came. */
		fz_check_skb(clone);
		FZ_CHECK(clone->len == c->len);
		o = fz_flat(clone);
		FZ_CHECK(!memcmp(o, c->in, c->len));
		free(o);
	}
	if (res == V4V6_XLAT_NOMEM)
		FZ_CHECK(shim_alloc_failures() ||
			 c->summed == CHECKSUM_PARTIAL);
	if (res != V4V6_XLAT_OK && res != V4V6_XLAT_TTL &&
	    res != V4V6_XLAT_ROUTING && res != V4V6_XLAT_FRAG_NEEDED &&
	    res != V4V6_XLAT_SOURCE_ROUTE)
		return;
	FZ_CHECK(skb_network_offset(skb) == 0);
	check_complete(skb);
	o = fz_flat(skb);
	cur_out = o;
	cur_out_len = skb->len;
	if (res != V4V6_XLAT_OK) {
		/* Kept whole (but trimmed) for the ICMP error that quotes it. */
		FZ_CHECK(c->len >= (c->to6 ? 20u : 40u));
		kept = c->to6 ? rd16(c->in + 2) : 40 + rd16(c->in + 4);
		FZ_CHECK(skb->len == kept && !memcmp(o, c->in, kept));
		FZ_CHECK(skb->protocol == htons(c->to6 ? ETH_P_IP : ETH_P_IPV6));
	} else {
		FZ_CHECK(c->parsed);
		if (c->to6)
			check_to6(c, skb, o);
		else
			check_to4(c, skb, o);
	}
	cur_out = NULL;
	free(o);
}

/* Each fragment: its headers, its place, its share of the payload. */
void fz_check_fragment6(const struct fz_case *c, struct sk_buff *skb)
{
	unsigned int total, off = 0, base, hlen = 48, len = skb->len;
	bool partial = skb->ip_summed == CHECKSUM_PARTIAL, m, whole;
	u8 *o = fz_flat(skb), *fin = fz_flat(skb), *p;
	struct sk_buff_head list;
	struct sk_buff *n;
	int rc;

	FZ_CHECK(len > hlen && o[6] == NEXTHDR_FRAGMENT);
	total = len - hlen;
	base = rd16(o + 42) & IP6_OFFSET;
	m = o[43] & IP6_MF;
	whole = !base && !m;
	if (partial) {
		/*
		 * The fragments leave without offload: the checksum the device
		 * would have finished is expected finished (ip6_fragment()
		 * does so too), as skb_checksum_help() computes it.
		 */
		unsigned int start = skb_checksum_start_offset(skb);
		__sum16 sum = csum_fold(csum_partial(o + start, len - start, 0));

		if (!sum)
			sum = CSUM_MANGLED_0;
		memcpy(fin + start + skb->csum_offset, &sum, 2);
	}
	rc = v4v6_fragment6(skb, c->x.lowest_mtu, &list);
	if (rc) {
		/* Only an allocation fails; the packet stays (maybe finished). */
		FZ_CHECK(rc == -ENOMEM && shim_alloc_failures());
		FZ_CHECK(skb_queue_empty(&list));
		fz_check_skb(skb);
		p = fz_flat(skb);
		FZ_CHECK(skb->len == len);
		FZ_CHECK(!memcmp(p, o, len) ||
			 (partial && skb->ip_summed == CHECKSUM_NONE &&
			  !memcmp(p, fin, len)));
		free(p);
		kfree_skb(skb);
		free(o);
		free(fin);
		return;
	}
	skb_queue_walk(&list, n) {
		unsigned int data = n->len - hlen;
		bool last = skb_queue_is_last(&list, n);

		fz_check_skb(n);
		FZ_CHECK(n->len <= c->x.lowest_mtu && n->len > hlen);
		FZ_CHECK(n->protocol == htons(ETH_P_IPV6));
		FZ_CHECK(skb_network_offset(n) == 0);
		FZ_CHECK(skb_transport_offset(n) == (int)hlen);
		FZ_CHECK(n->mark == FZ_MARK && n->priority == FZ_PRIORITY);
		p = fz_flat(n);
		FZ_CHECK(rd16(p + 4) + 40 == n->len);
		FZ_CHECK(!memcmp(p, o, 4) && !memcmp(p + 6, o + 6, 34));
		FZ_CHECK(p[40] == o[40] && !memcmp(p + 44, o + 44, 4));
		FZ_CHECK((rd16(p + 42) & IP6_OFFSET) == base + off);
		FZ_CHECK(!!(p[43] & IP6_MF) == (!last || m));
		FZ_CHECK(last || data % 8 == 0);
		FZ_CHECK(off + data <= total);
		FZ_CHECK(!memcmp(p + hlen, fin + hlen + off, data));
		free(p);
		off += data;
	}
	FZ_CHECK(off == total);
	/*
	 * A packet cut here was whole: its transport checksum must be final,
	 * as the fragments leave without offload (CHECKSUM_NONE).
	 */
	if (whole && c->l4_ok)
		FZ_CHECK(l4_csum_ok(o[40], fin + hlen, total, true, o + 8, o + 24));
	__skb_queue_purge(&list);
	free(o);
	free(fin);
}
