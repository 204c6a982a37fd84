// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the translator core against RFC 7915, packet pair by packet pair.
 *
 * Both the input and the expected output are built here from explicit field
 * values, their checksums computed from scratch over the whole packet: the
 * translator updates them incrementally, so the two must agree. A "bad"
 * checksum is the right one plus an error, and must come out as the new
 * right one plus the same error.
 */
#include <kunit/test.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/inet.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/prandom.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>

#include "../xlat.h"

#define DEV4 "192.168.1.10"
#define DEV6 "2001:db8:6::1000"
#define SRV4 "192.31.196.10"
#define SRV6 "64:ff9b::c01f:c40a"
#define HEADROOM 128

struct xlat_fixture {
	struct v4v6_prefix pref64;
	struct v4v6_xlat x;
	struct sk_buff *skb[2];	/* freed by xlat_test_exit(), even on failure */
	u8 in[10240], want[10240], tmp[10240];
};

/* A transport header and its payload. */
struct tspec {
	u8 proto;		/* as carried in this packet's family */
	u8 type, code;		/* ICMP or ICMPv6 */
	u16 paylen;		/* bytes after the transport header */
	bool udp_zero;		/* UDP without a checksum */
	u16 csum_err;		/* how wrong the checksum is (0: right) */
};

static unsigned int tspec_hdrlen(const struct tspec *t)
{
	switch (t->proto) {
	case IPPROTO_TCP:
		return sizeof(struct tcphdr);
	case IPPROTO_UDP:
		return sizeof(struct udphdr);
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return 8;
	}
	return 0;
}

static unsigned int tspec_len(const struct tspec *t)
{
	return tspec_hdrlen(t) + t->paylen;
}

/* Write the transport header and payload, checksum zero. */
static __sum16 *tspec_write(const struct tspec *t, u8 *p)
{
	unsigned int i, hl = tspec_hdrlen(t);
	struct tcphdr *th = (void *)p;
	struct udphdr *uh = (void *)p;

	memset(p, 0, hl);
	for (i = 0; i < t->paylen; i++)
		p[hl + i] = i * 7 + 3;
	switch (t->proto) {
	case IPPROTO_TCP:
		th->source = htons(40000);
		th->dest = htons(80);
		th->seq = htonl(1);
		th->doff = 5;
		th->ack = 1;
		th->window = htons(1024);
		return &th->check;
	case IPPROTO_UDP:
		uh->source = htons(40000);
		uh->dest = htons(53);
		uh->len = htons(tspec_len(t));
		return &uh->check;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		p[0] = t->type;
		p[1] = t->code;
		p[4] = 0x42;	/* identifier */
		p[7] = 1;	/* sequence */
		return (__sum16 *)(p + 2);
	}
	return NULL;
}

/* The checksum a packet of @family carrying @t at @p must have. */
static void tspec_csum(const struct tspec *t, u8 *p, __sum16 *check,
		       bool v6, const void *s, const void *d)
{
	unsigned int len = tspec_len(t);
	__wsum sum;

	if (!check || (t->proto == IPPROTO_UDP && t->udp_zero))
		return;
	sum = csum_add(csum_partial(p, len, 0), (__force __wsum)t->csum_err);
	if (t->proto == IPPROTO_ICMP)
		*check = csum_fold(sum);
	else if (v6)
		*check = csum_ipv6_magic(s, d, len, t->proto, sum);
	else
		*check = csum_tcpudp_magic(*(__be32 *)s, *(__be32 *)d, len,
					   t->proto, sum);
	if (t->proto == IPPROTO_UDP && !*check)
		*check = CSUM_MANGLED_0;
}

struct hdr4 {
	u8 tos, ttl, proto, optlen;
	u16 id, frag;		/* frag: flags and offset, host order */
	const char *src, *dst;
	const u8 *opts;		/* @optlen bytes of options (default: NOP) */
};

struct hdr6 {
	u8 tclass, hop;
	const char *src, *dst;
	const u8 *ext;		/* extension headers, their chain included */
	u8 extlen, nexthdr;	/* nexthdr: the IPv6 header's (default: @t's) */
};

static __be32 a4(struct kunit *test, const char *s)
{
	__be32 a;

	KUNIT_ASSERT_TRUE(test, in4_pton(s, -1, (u8 *)&a, -1, NULL));
	return a;
}

static struct in6_addr a6(struct kunit *test, const char *s)
{
	struct in6_addr a;

	KUNIT_ASSERT_TRUE(test, in6_pton(s, -1, a.s6_addr, -1, NULL));
	return a;
}

static unsigned int build4(struct kunit *test, u8 *buf, const struct hdr4 *h,
			   const struct tspec *t)
{
	unsigned int hl = sizeof(struct iphdr) + h->optlen;
	struct iphdr *iph = (void *)buf;
	__sum16 *check;

	memset(buf, 0, hl);
	iph->version = 4;
	iph->ihl = hl / 4;
	iph->tos = h->tos;
	iph->tot_len = htons(hl + tspec_len(t));
	iph->id = htons(h->id);
	iph->frag_off = htons(h->frag);
	iph->ttl = h->ttl;
	iph->protocol = h->proto;
	iph->saddr = a4(test, h->src);
	iph->daddr = a4(test, h->dst);
	if (h->opts)
		memcpy(buf + sizeof(*iph), h->opts, h->optlen);
	else if (h->optlen)
		buf[sizeof(*iph)] = IPOPT_NOOP;	/* then IPOPT_END */
	ip_send_check(iph);
	check = tspec_write(t, buf + hl);
	if (!(h->frag & IP_OFFSET))
		tspec_csum(t, buf + hl, check, false, &iph->saddr, &iph->daddr);
	return hl + tspec_len(t);
}

static unsigned int build6(struct kunit *test, u8 *buf, const struct hdr6 *h,
			   const struct tspec *t, bool first)
{
	unsigned int hl = sizeof(struct ipv6hdr) + h->extlen;
	struct ipv6hdr *ip6 = (void *)buf;
	__sum16 *check;

	memset(buf, 0, sizeof(*ip6));
	ip6_flow_hdr(ip6, h->tclass, 0);
	ip6->payload_len = htons(h->extlen + tspec_len(t));
	ip6->nexthdr = h->ext || h->nexthdr ? h->nexthdr : t->proto;
	ip6->hop_limit = h->hop;
	ip6->saddr = a6(test, h->src);
	ip6->daddr = a6(test, h->dst);
	memcpy(buf + sizeof(*ip6), h->ext, h->extlen);
	check = tspec_write(t, buf + hl);
	if (first)
		tspec_csum(t, buf + hl, check, true, &ip6->saddr, &ip6->daddr);
	return hl + tspec_len(t);
}

static struct sk_buff *skb_of(struct kunit *test, const u8 *buf,
			      unsigned int len, __be16 proto);

static struct xlat_fixture *test_fixture(struct kunit *test)
{
	return test->priv;
}

static void xlat_test_exit(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;

	kfree_skb(f->skb[0]);
	kfree_skb(f->skb[1]);
}

/* Slot @i of the fixture owns @skb: a failed assertion cannot leak it. */
static struct sk_buff *own(struct kunit *test, int i, struct sk_buff *skb)
{
	struct xlat_fixture *f = test->priv;

	kfree_skb(f->skb[i]);
	f->skb[i] = skb;
	return skb;
}

static struct sk_buff *skb_of(struct kunit *test, const u8 *buf,
			      unsigned int len, __be16 proto)
{
	struct sk_buff *skb = own(test, 0, alloc_skb(HEADROOM + len, GFP_KERNEL));

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, HEADROOM);
	skb_put_data(skb, buf, len);
	skb_reset_network_header(skb);
	skb->protocol = proto;
	return skb;
}

static int xlat_test_init(struct kunit *test)
{
	struct xlat_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->pref64.addr = a6(test, "64:ff9b::");
	f->pref64.len = 96;
	f->x.pref64 = &f->pref64;
	f->x.dev4 = a4(test, DEV4);
	f->x.dev6 = a6(test, DEV6);
	test->priv = f;
	return 0;
}

/* Compare @skb with @want, skipping IPv4's identification if @skip_id. */
static void expect_bytes(struct kunit *test, struct sk_buff *skb,
			 const u8 *want, unsigned int len, bool skip_id)
{
	u8 *got = test_fixture(test)->tmp;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, skb->len, len);
	KUNIT_ASSERT_LE(test, len, sizeof(test_fixture(test)->tmp));
	KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, got, len), 0);
	if (skip_id) {
		struct iphdr *g = (void *)got, *w = (void *)want;

		/* Then the header checksum differs by exactly that. */
		g->id = w->id;
		ip_send_check(g);
	}
	for (i = 0; i < len; i++)
		if (got[i] != want[i])
			break;
	KUNIT_EXPECT_EQ_MSG(test, i, len, "first difference at byte %u: got %02x, want %02x",
			    i, i < len ? got[i] : 0, i < len ? want[i] : 0);
}

struct case46 {
	const char *name;
	struct hdr4 in;
	struct tspec tin;
	enum v4v6_xlat_result want;
	struct hdr6 out;
	struct tspec tout;
};

#define H4(...) { .src = DEV4, .dst = SRV4, .ttl = 64, __VA_ARGS__ }
#define H6(...) { .src = DEV6, .dst = SRV6, .hop = 63, __VA_ARGS__ }
#define TCP(...) { .proto = IPPROTO_TCP, .paylen = 100, __VA_ARGS__ }
#define UDP(...) { .proto = IPPROTO_UDP, .paylen = 33, __VA_ARGS__ }
#define ICMP4(t, ...) { .proto = IPPROTO_ICMP, .type = (t), .paylen = 56, __VA_ARGS__ }
#define ICMP6(t, ...) { .proto = IPPROTO_ICMPV6, .type = (t), .paylen = 56, __VA_ARGS__ }

static const u8 frag_first[] = { IPPROTO_UDP, 0, 0x00, 0x01, 0, 0, 0x12, 0x34 };
static const u8 frag_mid_tcp[] = { IPPROTO_TCP, 0, 0x00, 0xb9, 0, 0, 0x12, 0x34 };
static const u8 frag_last_tcp[] = { IPPROTO_TCP, 0, 0x01, 0x70, 0, 0, 0xab, 0xcd };

/* Source routes (RFC 791): type, length 7, pointer, one address. */
static const u8 lsrr_live[] = { IPOPT_NOOP, IPOPT_LSRR, 7, 4, 192, 31, 196, 1 };
static const u8 ssrr_live[] = { IPOPT_SSRR, 7, 4, 192, 31, 196, 1, IPOPT_END };
static const u8 lsrr_done[] = { IPOPT_LSRR, 7, 8, 192, 31, 196, 1, IPOPT_END };
static const u8 opt_badlen[] = { IPOPT_NOOP, IPOPT_RR, 9, 4, 0, 0, 0, 0 };
static const u8 opt_len1[] = { IPOPT_TIMESTAMP, 1, 0, 0 };

static const struct case46 cases46[] = {
	{ "4.1 TCP: addresses, TTL-1, checksum", H4(.proto = IPPROTO_TCP), TCP(),
	  V4V6_XLAT_OK, H6(), TCP() },
	{ "4.1 UDP", H4(.proto = IPPROTO_UDP), UDP(), V4V6_XLAT_OK, H6(), UDP() },
	{ "4.1 TOS copied to traffic class", H4(.proto = IPPROTO_TCP, .tos = 0xb8),
	  TCP(), V4V6_XLAT_OK, H6(.tclass = 0xb8), TCP() },
	{ "4.1 TTL 255", H4(.proto = IPPROTO_UDP, .ttl = 255), UDP(),
	  V4V6_XLAT_OK, H6(.hop = 254), UDP() },
	{ "4.1 TTL 2 still forwarded", H4(.proto = IPPROTO_UDP, .ttl = 2), UDP(),
	  V4V6_XLAT_OK, H6(.hop = 1), UDP() },
	{ "4.1 TTL 1 expires", H4(.proto = IPPROTO_UDP, .ttl = 1), UDP(),
	  V4V6_XLAT_TTL },
	{ "4.1 TTL 0 expires", H4(.proto = IPPROTO_UDP, .ttl = 0), UDP(),
	  V4V6_XLAT_TTL },
	{ "4.1 options dropped", H4(.proto = IPPROTO_TCP, .optlen = 4), TCP(),
	  V4V6_XLAT_OK, H6(), TCP() },
	{ "4.1 40 bytes of options dropped", H4(.proto = IPPROTO_UDP, .optlen = 40),
	  UDP(), V4V6_XLAT_OK, H6(), UDP() },
	{ "4.1 unexpired loose source route: not translated",
	  H4(.proto = IPPROTO_UDP, .optlen = 8, .opts = lsrr_live), UDP(),
	  V4V6_XLAT_SOURCE_ROUTE },
	{ "4.1 unexpired strict source route: not translated",
	  H4(.proto = IPPROTO_UDP, .optlen = 8, .opts = ssrr_live), UDP(),
	  V4V6_XLAT_SOURCE_ROUTE },
	{ "4.1 expired source route dropped like other options",
	  H4(.proto = IPPROTO_UDP, .optlen = 8, .opts = lsrr_done), UDP(),
	  V4V6_XLAT_OK, H6(), UDP() },
	{ "4.1 option longer than the header", H4(.proto = IPPROTO_UDP, .optlen = 8,
	  .opts = opt_badlen), UDP(), V4V6_XLAT_BAD_HEADER },
	{ "4.1 option length 1", H4(.proto = IPPROTO_UDP, .optlen = 4,
	  .opts = opt_len1), UDP(), V4V6_XLAT_BAD_HEADER },
	{ "4.5 ICMPv6 in IPv4 carried unchanged (protocol 58)",
	  H4(.proto = IPPROTO_ICMPV6), { .proto = 253, .paylen = 40 },
	  V4V6_XLAT_OK, H6(.nexthdr = IPPROTO_ICMPV6), { .proto = 253, .paylen = 40 } },
	{ "4.1 DF set, unfragmented", H4(.proto = IPPROTO_TCP, .frag = IP_DF),
	  TCP(), V4V6_XLAT_OK, H6(), TCP() },
	{ "4.1 unknown protocol kept", H4(.proto = 253), { .proto = 253, .paylen = 40 },
	  V4V6_XLAT_OK, H6(), { .proto = 253, .paylen = 40 } },
	{ "4.1 GRE kept", H4(.proto = IPPROTO_GRE), { .proto = IPPROTO_GRE, .paylen = 24 },
	  V4V6_XLAT_OK, H6(), { .proto = IPPROTO_GRE, .paylen = 24 } },
	{ "4.1 first fragment gets a Fragment header",
	  H4(.proto = IPPROTO_UDP, .frag = IP_MF, .id = 0x1234), UDP(.paylen = 64),
	  V4V6_XLAT_OK, H6(.ext = frag_first, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT),
	  UDP(.paylen = 64) },
	{ "4.1 middle fragment: offset, M, identification",
	  H4(.proto = IPPROTO_TCP, .frag = IP_MF | 23, .id = 0x1234),
	  { .proto = 99, .paylen = 64 },
	  V4V6_XLAT_OK, H6(.ext = frag_mid_tcp, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT),
	  { .proto = 99, .paylen = 64 } },
	{ "4.1 last fragment: 16-bit identification widened",
	  H4(.proto = IPPROTO_TCP, .frag = 46, .id = 0xabcd), { .proto = 99, .paylen = 16 },
	  V4V6_XLAT_OK, H6(.ext = frag_last_tcp, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT),
	  { .proto = 99, .paylen = 16 } },
	{ "4.1 fragment of ICMP dropped", H4(.proto = IPPROTO_ICMP, .frag = IP_MF),
	  ICMP4(ICMP_ECHO), V4V6_XLAT_ICMP_FRAG },
	{ "4.2 echo request", H4(.proto = IPPROTO_ICMP), ICMP4(ICMP_ECHO),
	  V4V6_XLAT_OK, H6(), ICMP6(ICMPV6_ECHO_REQUEST) },
	{ "4.2 echo reply", H4(.proto = IPPROTO_ICMP), ICMP4(ICMP_ECHOREPLY),
	  V4V6_XLAT_OK, H6(), ICMP6(ICMPV6_ECHO_REPLY) },
	{ "4.2 echo, empty payload", H4(.proto = IPPROTO_ICMP), ICMP4(ICMP_ECHO, .paylen = 0),
	  V4V6_XLAT_OK, H6(), ICMP6(ICMPV6_ECHO_REQUEST, .paylen = 0) },
	{ "4.2 echo, odd payload", H4(.proto = IPPROTO_ICMP), ICMP4(ICMP_ECHO, .paylen = 1001),
	  V4V6_XLAT_OK, H6(), ICMP6(ICMPV6_ECHO_REQUEST, .paylen = 1001) },
	{ "4.2 timestamp is single-hop: dropped", H4(.proto = IPPROTO_ICMP),
	  ICMP4(ICMP_TIMESTAMP), V4V6_XLAT_ICMP_TYPE },
	{ "4.2 router advertisement dropped", H4(.proto = IPPROTO_ICMP), ICMP4(9),
	  V4V6_XLAT_ICMP_TYPE },
	{ "4.2 unknown ICMP type dropped", H4(.proto = IPPROTO_ICMP), ICMP4(200),
	  V4V6_XLAT_ICMP_TYPE },
	{ "4.5 UDP checksum 0 computed", H4(.proto = IPPROTO_UDP), UDP(.udp_zero = true),
	  V4V6_XLAT_OK, H6(), UDP() },
	{ "4.5 UDP checksum 0 in a fragment dropped",
	  H4(.proto = IPPROTO_UDP, .frag = IP_MF), UDP(.udp_zero = true),
	  V4V6_XLAT_UDP_ZERO_CSUM_FRAG },
	{ "4.5 bad TCP checksum stays as bad", H4(.proto = IPPROTO_TCP),
	  TCP(.csum_err = 0x1111), V4V6_XLAT_OK, H6(), TCP(.csum_err = 0x1111) },
	{ "4.5 bad UDP checksum stays as bad", H4(.proto = IPPROTO_UDP),
	  UDP(.csum_err = 3), V4V6_XLAT_OK, H6(), UDP(.csum_err = 3) },
	{ "4.5 bad ICMP checksum stays as bad", H4(.proto = IPPROTO_ICMP),
	  ICMP4(ICMP_ECHO, .csum_err = 0x8000), V4V6_XLAT_OK, H6(),
	  ICMP6(ICMPV6_ECHO_REQUEST, .csum_err = 0x8000) },
	{ "6052 3.1 private destination under the WKP",
	  H4(.proto = IPPROTO_UDP, .dst = "10.1.2.3"), UDP(), V4V6_XLAT_NOT_GLOBAL },
	{ "6052 3.1 TEST-NET-3 under the WKP",
	  H4(.proto = IPPROTO_UDP, .dst = "203.0.113.9"), UDP(), V4V6_XLAT_NOT_GLOBAL },
	{ "6052 3.1 CGN space under the WKP",
	  H4(.proto = IPPROTO_UDP, .dst = "100.100.1.1"), UDP(), V4V6_XLAT_NOT_GLOBAL },
	{ "6052 3.1 multicast under the WKP",
	  H4(.proto = IPPROTO_UDP, .dst = "239.1.1.1"), UDP(), V4V6_XLAT_NOT_GLOBAL },
	{ "source not the device's", H4(.proto = IPPROTO_UDP, .src = "192.168.1.11"),
	  UDP(), V4V6_XLAT_NOT_MAPPED },
};

static void case46_desc(const struct case46 *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(x46, cases46, case46_desc);

static void xlat_4to6_test(struct kunit *test)
{
	const struct case46 *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	unsigned int inlen, wantlen;
	enum v4v6_xlat_result got;
	struct sk_buff *skb;

	inlen = build4(test, f->in, &c->in, &c->tin);
	skb = skb_of(test, f->in, inlen, htons(ETH_P_IP));
	got = v4v6_xlat_4to6(skb, &f->x);
	KUNIT_EXPECT_STREQ(test, v4v6_xlat_reason(got), v4v6_xlat_reason(c->want));
	if (got == V4V6_XLAT_OK && c->want == V4V6_XLAT_OK) {
		wantlen = build6(test, f->want, &c->out, &c->tout,
				 !(c->in.frag & IP_OFFSET));
		expect_bytes(test, skb, f->want, wantlen, false);
		KUNIT_EXPECT_EQ(test, skb->protocol, htons(ETH_P_IPV6));
		KUNIT_EXPECT_EQ(test, skb_network_offset(skb), 0);
	} else if (c->want == V4V6_XLAT_TTL) {
		/* Untouched, so that Time Exceeded can quote it. */
		expect_bytes(test, skb, f->in, inlen, false);
	}
}

struct case64 {
	const char *name;
	struct hdr6 in;
	struct tspec tin;
	enum v4v6_xlat_result want;
	struct hdr4 out;
	struct tspec tout;
	bool skip_id;
};

#define I6(...) { .src = SRV6, .dst = DEV6, .hop = 64, __VA_ARGS__ }
#define O4(...) { .src = SRV4, .dst = DEV4, .ttl = 63, __VA_ARGS__ }

static const u8 hbh_tcp[] = { IPPROTO_TCP, 0, 1, 4, 0, 0, 0, 0 };
static const u8 dst_udp[] = { IPPROTO_UDP, 0, 1, 4, 0, 0, 0, 0 };
static const u8 hbh_dst_udp[] = { NEXTHDR_DEST, 0, 1, 4, 0, 0, 0, 0,
				  IPPROTO_UDP, 1, 1, 12, 0, 0, 0, 0,
				  0, 0, 0, 0, 0, 0, 0, 0 };
static const u8 rt0_udp[] = { IPPROTO_UDP, 2, 0, 0, 0, 0, 0, 0,
			      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
			      0, 0, 0, 0, 0, 0, 0, 1 };
static const u8 rt1_udp[] = { IPPROTO_UDP, 2, 0, 1, 0, 0, 0, 0,
			      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,
			      0, 0, 0, 0, 0, 0, 0, 1 };
static const u8 dst_hbh_udp[] = { NEXTHDR_HOP, 0, 1, 4, 0, 0, 0, 0,
				  IPPROTO_UDP, 0, 1, 4, 0, 0, 0, 0 };
static const u8 f6_first_udp[] = { IPPROTO_UDP, 0, 0x00, 0x01, 0xde, 0xad, 0x12, 0x34 };
static const u8 f6_mid_tcp[] = { IPPROTO_TCP, 0, 0x00, 0xb9, 0, 0, 0x56, 0x78 };
static const u8 f6_icmp[] = { IPPROTO_ICMPV6, 0, 0x00, 0x01, 0, 0, 0, 1 };
static const u8 f6_atomic_icmp[] = { IPPROTO_ICMPV6, 0, 0, 0, 0, 0, 0, 9 };
static const u8 f6_then_ah[] = { NEXTHDR_AUTH, 0, 0x00, 0x01, 0, 0, 0, 7,
				 IPPROTO_UDP, 2, 0, 0, 0, 0, 0, 1,
				 0, 0, 0, 1, 0, 0, 0, 0 };
static const u8 f6_f6[] = { NEXTHDR_FRAGMENT, 0, 0x00, 0x01, 0, 0, 0, 1,
			    IPPROTO_UDP, 0, 0x00, 0x01, 0, 0, 0, 1 };
static const u8 f6_then_dst_udp[] = { NEXTHDR_DEST, 0, 0x00, 0x01, 0, 0, 0, 7,
				      IPPROTO_UDP, 0, 1, 4, 0, 0, 0, 0 };
static const u8 dst_trunc[] = { IPPROTO_UDP, 200, 1, 4, 0, 0, 0, 0 };
static const u8 f6_mid_then_rt[] = { NEXTHDR_ROUTING, 0, 0x00, 0xb9, 0, 0, 0, 7 };
static const u8 f6_atomic_then_dst[] = { NEXTHDR_DEST, 0, 0, 0, 0, 0, 0, 7,
					 IPPROTO_UDP, 0, 1, 4, 0, 0, 0, 0 };

static const struct case64 cases64[] = {
	{ "5.1 TCP: addresses, hop limit-1, checksum", I6(), TCP(),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_TCP), TCP(), true },
	{ "5.1 UDP", I6(), UDP(), V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP), UDP(), true },
	{ "5.1 traffic class copied to TOS", I6(.tclass = 0x2e), UDP(),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP, .tos = 0x2e), UDP(), true },
	{ "5.1 hop limit 1 expires", I6(.hop = 1), UDP(), V4V6_XLAT_TTL },
	{ "5.1 hop limit 0 expires", I6(.hop = 0), UDP(), V4V6_XLAT_TTL },
	{ "5.1 hop limit 2 forwarded", I6(.hop = 2), UDP(),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP, .ttl = 1), UDP(), true },
	{ "5.1 small packet: DF clear", I6(), UDP(.paylen = 1232),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP), UDP(.paylen = 1232), true },
	{ "5.1 1261 bytes: DF set, identification 0", I6(), UDP(.paylen = 1233),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP, .frag = IP_DF), UDP(.paylen = 1233) },
	{ "5.1 hop-by-hop options dropped",
	  I6(.ext = hbh_tcp, .extlen = 8, .nexthdr = NEXTHDR_HOP), TCP(),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_TCP), TCP(), true },
	{ "5.1 destination options dropped",
	  I6(.ext = dst_udp, .extlen = 8, .nexthdr = NEXTHDR_DEST), UDP(),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP), UDP(), true },
	{ "5.1 hop-by-hop then 16-byte destination options",
	  I6(.ext = hbh_dst_udp, .extlen = 24, .nexthdr = NEXTHDR_HOP), UDP(),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP), UDP(), true },
	{ "5.1 routing header, no segments left: dropped",
	  I6(.ext = rt0_udp, .extlen = 24, .nexthdr = NEXTHDR_ROUTING), UDP(),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP), UDP(), true },
	{ "5.1 routing header with segments left",
	  I6(.ext = rt1_udp, .extlen = 24, .nexthdr = NEXTHDR_ROUTING), UDP(),
	  V4V6_XLAT_ROUTING },
	{ "5.1 hop-by-hop not first",
	  I6(.ext = dst_hbh_udp, .extlen = 16, .nexthdr = NEXTHDR_DEST), UDP(),
	  V4V6_XLAT_EXT_HEADER },
	{ "5.1 extension header past the end",
	  I6(.ext = dst_trunc, .extlen = 8, .nexthdr = NEXTHDR_DEST), UDP(),
	  V4V6_XLAT_TRUNCATED },
	{ "5.1 first fragment: identification, M",
	  I6(.ext = f6_first_udp, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT), UDP(.paylen = 64),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_UDP, .frag = IP_MF, .id = 0x1234), UDP(.paylen = 64) },
	{ "5.1 middle fragment: offset",
	  I6(.ext = f6_mid_tcp, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT),
	  { .proto = 99, .paylen = 64 },
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_TCP, .frag = IP_MF | 23, .id = 0x5678),
	  { .proto = 99, .paylen = 64 } },
	{ "5.1 destination options after the Fragment header: refused",
	  I6(.ext = f6_then_dst_udp, .extlen = 16, .nexthdr = NEXTHDR_FRAGMENT), UDP(),
	  V4V6_XLAT_EXT_HEADER },
	{ "5.1 a later fragment of a packet with a routing header: refused",
	  I6(.ext = f6_mid_then_rt, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT),
	  { .proto = 99, .paylen = 64 }, V4V6_XLAT_EXT_HEADER },
	{ "5.1 atomic fragment then destination options: refused",
	  I6(.ext = f6_atomic_then_dst, .extlen = 16, .nexthdr = NEXTHDR_FRAGMENT),
	  UDP(), V4V6_XLAT_EXT_HEADER },
	{ "5.1 empty packet: a 20-byte IPv4 packet", I6(),
	  { .proto = NEXTHDR_NONE }, V4V6_XLAT_OK, O4(.proto = NEXTHDR_NONE),
	  { .proto = NEXTHDR_NONE }, true },
	{ "5.5 ICMPv4 in IPv6 carried unchanged (next header 1)", I6(),
	  { .proto = IPPROTO_ICMP, .paylen = 40 }, V4V6_XLAT_OK,
	  O4(.proto = IPPROTO_ICMP), { .proto = IPPROTO_ICMP, .paylen = 40 }, true },
	{ "5.1 two Fragment headers",
	  I6(.ext = f6_f6, .extlen = 16, .nexthdr = NEXTHDR_FRAGMENT), UDP(),
	  V4V6_XLAT_EXT_HEADER },
	{ "5.1 fragment of ICMPv6 dropped",
	  I6(.ext = f6_icmp, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT),
	  ICMP6(ICMPV6_ECHO_REQUEST), V4V6_XLAT_ICMP_FRAG },
	{ "5.1 atomic fragment of an echo: whole, translated",
	  I6(.ext = f6_atomic_icmp, .extlen = 8, .nexthdr = NEXTHDR_FRAGMENT),
	  ICMP6(ICMPV6_ECHO_REQUEST), V4V6_XLAT_OK,
	  O4(.proto = IPPROTO_ICMP, .id = 9), ICMP4(ICMP_ECHO) },
	{ "5.1 AH after the Fragment header: refused",
	  I6(.ext = f6_then_ah, .extlen = 24, .nexthdr = NEXTHDR_FRAGMENT), UDP(),
	  V4V6_XLAT_EXT_HEADER },
	{ "5.1 unknown protocol kept", I6(), { .proto = 253, .paylen = 40 },
	  V4V6_XLAT_OK, O4(.proto = 253), { .proto = 253, .paylen = 40 }, true },
	{ "5.1 no next header kept", I6(), { .proto = NEXTHDR_NONE, .paylen = 8 },
	  V4V6_XLAT_OK, O4(.proto = NEXTHDR_NONE), { .proto = NEXTHDR_NONE, .paylen = 8 },
	  true },
	{ "5.2 echo request", I6(), ICMP6(ICMPV6_ECHO_REQUEST),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_ICMP), ICMP4(ICMP_ECHO), true },
	{ "5.2 echo reply", I6(), ICMP6(ICMPV6_ECHO_REPLY),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_ICMP), ICMP4(ICMP_ECHOREPLY), true },
	{ "5.2 MLD query dropped", I6(), ICMP6(ICMPV6_MGM_QUERY), V4V6_XLAT_ICMP_TYPE },
	{ "5.2 neighbour solicitation dropped", I6(), ICMP6(NDISC_NEIGHBOUR_SOLICITATION),
	  V4V6_XLAT_ICMP_TYPE },
	{ "5.2 unknown informational type dropped", I6(), ICMP6(200), V4V6_XLAT_ICMP_TYPE },
	{ "5.5 bad TCP checksum stays as bad", I6(), TCP(.csum_err = 0x0101),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_TCP), TCP(.csum_err = 0x0101), true },
	{ "5.5 bad ICMPv6 checksum stays as bad", I6(), ICMP6(ICMPV6_ECHO_REPLY, .csum_err = 77),
	  V4V6_XLAT_OK, O4(.proto = IPPROTO_ICMP), ICMP4(ICMP_ECHOREPLY, .csum_err = 77), true },
	{ "source outside pref64", I6(.src = "2001:db8:99::1"), UDP(), V4V6_XLAT_NOT_MAPPED },
	{ "destination not the device's", I6(.dst = "2001:db8:6::1001"), UDP(),
	  V4V6_XLAT_NOT_MAPPED },
	{ "6052 3.1 private source under the WKP", I6(.src = "64:ff9b::c0a8:0101"), UDP(),
	  V4V6_XLAT_NOT_GLOBAL },
};

static void case64_desc(const struct case64 *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(x64, cases64, case64_desc);

static void xlat_6to4_test(struct kunit *test)
{
	const struct case64 *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	unsigned int inlen, wantlen;
	enum v4v6_xlat_result got;
	struct sk_buff *skb;
	bool first;

	first = !c->in.ext || c->in.nexthdr != NEXTHDR_FRAGMENT ||
		!(c->in.ext[2] || (c->in.ext[3] & 0xf8));
	inlen = build6(test, f->in, &c->in, &c->tin, first);
	skb = skb_of(test, f->in, inlen, htons(ETH_P_IPV6));
	got = v4v6_xlat_6to4(skb, &f->x);
	KUNIT_EXPECT_STREQ(test, v4v6_xlat_reason(got), v4v6_xlat_reason(c->want));
	if (got == V4V6_XLAT_OK && c->want == V4V6_XLAT_OK) {
		wantlen = build4(test, f->want, &c->out, &c->tout);
		expect_bytes(test, skb, f->want, wantlen, c->skip_id);
		KUNIT_EXPECT_EQ(test, skb->protocol, htons(ETH_P_IP));
	} else if (c->want == V4V6_XLAT_TTL || c->want == V4V6_XLAT_ROUTING) {
		expect_bytes(test, skb, f->in, inlen, false);
	}
}

/* Checksum offload: a CHECKSUM_PARTIAL TCP packet keeps a valid seed. */
static void xlat_partial_csum_test(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;
	struct hdr4 h = H4(.proto = IPPROTO_TCP);
	struct tspec t = TCP();
	struct ipv6hdr *ip6;
	struct sk_buff *skb;
	struct tcphdr *th;
	unsigned int len;
	__sum16 seed;

	len = build4(test, f->in, &h, &t);
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	th = (struct tcphdr *)(skb->data + sizeof(struct iphdr));
	/* What a sender with offload leaves: the pseudo-header sum. */
	th->check = ~csum_tcpudp_magic(f->x.dev4, a4(test, SRV4),
				       tspec_len(&t), IPPROTO_TCP, 0);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_headroom(skb) + sizeof(struct iphdr);
	skb->csum_offset = offsetof(struct tcphdr, check);

	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	ip6 = ipv6_hdr(skb);
	th = tcp_hdr(skb);
	seed = ~csum_ipv6_magic(&ip6->saddr, &ip6->daddr, tspec_len(&t),
				IPPROTO_TCP, 0);
	KUNIT_EXPECT_EQ(test, th->check, seed);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
	KUNIT_EXPECT_PTR_EQ(test, skb_checksum_start(skb), (unsigned char *)th);
}

/* GRO'd TCP: the segmentation type follows the family, segments shrink. */
static void xlat_gso_test(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;
	struct hdr4 h = H4(.proto = IPPROTO_TCP, .frag = IP_DF);
	struct tspec t = TCP(.paylen = 1460 * 2);
	struct sk_buff *skb;
	unsigned int len;

	len = build4(test, f->in, &h, &t);
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
	skb_shinfo(skb)->gso_size = 1460;
	skb_shinfo(skb)->gso_segs = 2;
	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_type, SKB_GSO_TCPV6);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_size, 1440);

	KUNIT_ASSERT_EQ(test, v4v6_xlat_6to4(skb, &(struct v4v6_xlat){
		.pref64 = &f->pref64, .dev4 = a4(test, SRV4),
		.dev6 = a6(test, SRV6) }), V4V6_XLAT_NOT_MAPPED);
}

/* A cloned packet (as a tap sees it) is not rewritten under the tap. */
static void xlat_clone_test(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;
	struct hdr4 h = H4(.proto = IPPROTO_UDP);
	struct tspec t = UDP();
	struct sk_buff *skb, *clone;
	unsigned int len;

	len = build4(test, f->in, &h, &t);
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	clone = own(test, 1, skb_clone(skb, GFP_KERNEL));
	KUNIT_ASSERT_NOT_NULL(test, clone);
	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	expect_bytes(test, clone, f->in, len, false);
}

/* Headers shorter than they claim, in both directions. */
static void xlat_truncated_test(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;
	struct hdr4 h4 = H4(.proto = IPPROTO_TCP);
	struct hdr6 h6 = I6();
	struct tspec t = TCP();
	struct sk_buff *skb;
	unsigned int len, cut;

	len = build4(test, f->in, &h4, &t);
	for (cut = 1; cut < sizeof(struct iphdr) + sizeof(struct tcphdr); cut++) {
		skb = skb_of(test, f->in, cut, htons(ETH_P_IP));
		KUNIT_EXPECT_NE_MSG(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK,
				    "IPv4 cut at %u", cut);
	}
	len = build6(test, f->in, &h6, &t, true);
	for (cut = 1; cut < sizeof(struct ipv6hdr) + sizeof(struct tcphdr); cut++) {
		skb = skb_of(test, f->in, cut, htons(ETH_P_IPV6));
		KUNIT_EXPECT_NE_MSG(test, v4v6_xlat_6to4(skb, &f->x), V4V6_XLAT_OK,
				    "IPv6 cut at %u", cut);
	}
}

/* An ICMP error: outer header, ICMP header @h, then @keep bytes of @in. */
struct err_spec {
	u8 type, code;
	u32 rest;		/* the 4 bytes after the checksum */
	unsigned int keep;	/* bytes of the packet in error kept, 0: all */
	unsigned int pad;	/* zero bytes after them (RFC 4884 padding) */
	unsigned int ext;	/* RFC 4884 extension bytes after those */
	u16 csum_err;
	bool df;		/* IPv4 only: the error's header has DF */
};

static unsigned int err_inner(struct kunit *test, const struct err_spec *e,
			      unsigned int ilen, u8 *dst)
{
	struct xlat_fixture *f = test->priv;

	if (e->keep && e->keep < ilen)
		ilen = e->keep;
	memcpy(dst, f->tmp, ilen);
	memset(dst + ilen, 0, e->pad);
	memset(dst + ilen + e->pad, 0xee, e->ext);	/* an extension structure */
	return ilen + e->pad + e->ext;
}

static unsigned int build_err4(struct kunit *test, u8 *buf, const char *src,
			       const char *dst, u8 ttl, const struct err_spec *e,
			       const struct hdr4 *in, const struct tspec *tin)
{
	struct iphdr *iph = (void *)buf;
	unsigned int len;
	u8 *icmp = buf + sizeof(*iph);

	len = err_inner(test, e, build4(test, test_fixture(test)->tmp, in, tin),
			icmp + 8);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(sizeof(*iph) + 8 + len);
	iph->frag_off = e->df ? htons(IP_DF) : 0;
	iph->ttl = ttl;
	iph->protocol = IPPROTO_ICMP;
	iph->saddr = a4(test, src);
	iph->daddr = a4(test, dst);
	ip_send_check(iph);
	icmp[0] = e->type;
	icmp[1] = e->code;
	icmp[2] = 0;
	icmp[3] = 0;
	put_unaligned_be32(e->rest, icmp + 4);
	*(__sum16 *)(icmp + 2) = csum_fold(csum_add(csum_partial(icmp, 8 + len, 0),
					   (__force __wsum)e->csum_err));
	return sizeof(*iph) + 8 + len;
}

static unsigned int build_err6(struct kunit *test, u8 *buf, const char *src,
			       const char *dst, u8 hop, const struct err_spec *e,
			       const struct hdr6 *in, const struct tspec *tin)
{
	struct ipv6hdr *ip6 = (void *)buf;
	unsigned int len;
	u8 *icmp = buf + sizeof(*ip6);

	len = err_inner(test, e, build6(test, test_fixture(test)->tmp, in, tin, true),
			icmp + 8);
	memset(ip6, 0, sizeof(*ip6));
	ip6_flow_hdr(ip6, 0, 0);
	ip6->payload_len = htons(8 + len);
	ip6->nexthdr = IPPROTO_ICMPV6;
	ip6->hop_limit = hop;
	ip6->saddr = a6(test, src);
	ip6->daddr = a6(test, dst);
	icmp[0] = e->type;
	icmp[1] = e->code;
	icmp[2] = 0;
	icmp[3] = 0;
	put_unaligned_be32(e->rest, icmp + 4);
	*(__sum16 *)(icmp + 2) =
		csum_ipv6_magic(&ip6->saddr, &ip6->daddr, 8 + len, IPPROTO_ICMPV6,
				csum_add(csum_partial(icmp, 8 + len, 0),
					 (__force __wsum)e->csum_err));
	return sizeof(*ip6) + 8 + len;
}

struct err_case {
	const char *name;
	struct err_spec in;
	enum v4v6_xlat_result want;
	struct err_spec out;
	struct tspec t4, t6;	/* the packet in error, in each family */
	const char *src6;	/* 6to4: the error's IPv6 source (SRV6 if NULL) */
	const char *src4;	/* 6to4: its expected IPv4 source (SRV4 if NULL) */
	u16 in_frag;		/* the packet in error's IPv4 flags/offset */
	u32 lowest_mtu;		/* the IPv6 next hop's MTU, 0: none */
	u32 mtu4;		/* the IPv4 next hop's (the LAN's), 0: none */
};

/* What the device received and quotes; and its IPv6 original. */
#define Q4(...) { .src = SRV4, .dst = DEV4, .ttl = 50, __VA_ARGS__ }
#define Q6(...) { .src = SRV6, .dst = DEV6, .hop = 50, __VA_ARGS__ }
#define UDPQ { .proto = IPPROTO_UDP, .paylen = 100 }

static const struct err_case err46[] = {
	{ "4.2 port unreachable", { 3, 3 }, V4V6_XLAT_OK, { 1, 4 }, UDPQ, UDPQ },
	{ "4.2 network unreachable", { 3, 0 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 host unreachable", { 3, 1 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 source route failed", { 3, 5 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 host unknown", { 3, 7 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 network prohibited", { 3, 9 }, V4V6_XLAT_OK, { 1, 1 }, UDPQ, UDPQ },
	{ "4.2 communication prohibited", { 3, 13 }, V4V6_XLAT_OK, { 1, 1 },
	  UDPQ, UDPQ },
	{ "4.2 precedence cutoff", { 3, 15 }, V4V6_XLAT_OK, { 1, 1 }, UDPQ, UDPQ },
	{ "4.2 host precedence violation dropped", { 3, 14 }, V4V6_XLAT_ICMP_TYPE },
	{ "4.2 network unknown", { 3, 6 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 host isolated", { 3, 8 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 host prohibited", { 3, 10 }, V4V6_XLAT_OK, { 1, 1 }, UDPQ, UDPQ },
	{ "4.2 network unreachable for TOS", { 3, 11 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 host unreachable for TOS", { 3, 12 }, V4V6_XLAT_OK, { 1, 0 }, UDPQ, UDPQ },
	{ "4.2 unknown unreachable code dropped", { 3, 16 }, V4V6_XLAT_ICMP_TYPE },
	{ "4.2 time exceeded: the code is unchanged", { 11, 2 }, V4V6_XLAT_OK,
	  { 3, 2 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the version: pointer 0", { 12, 0, 0 << 24 },
	  V4V6_XLAT_OK, { 4, 0, 0 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the TOS: pointer 1", { 12, 0, 1 << 24 },
	  V4V6_XLAT_OK, { 4, 0, 1 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the length: pointer 4", { 12, 0, 2 << 24 },
	  V4V6_XLAT_OK, { 4, 0, 4 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the protocol: pointer 6", { 12, 0, 9 << 24 },
	  V4V6_XLAT_OK, { 4, 0, 6 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the checksum dropped", { 12, 0, 10 << 24 },
	  V4V6_XLAT_ICMP_TYPE },
	{ "4.2 parameter problem in the options dropped", { 12, 0, 20 << 24 },
	  V4V6_XLAT_ICMP_TYPE },
	{ "4.2 protocol unreachable: parameter problem, pointer 6", { 3, 2 },
	  V4V6_XLAT_OK, { 4, 1, 6 }, UDPQ, UDPQ },
	{ "4.2 fragmentation needed: MTU+20", { 3, 4, 1400 },
	  V4V6_XLAT_OK, { 2, 0, 1420 }, UDPQ, UDPQ },
	{ "4.2 fragmentation needed: 1280 floor", { 3, 4, 576 },
	  V4V6_XLAT_OK, { 2, 0, 1280 }, UDPQ, UDPQ },
	{ "4.2 fragmentation needed: MTU 0, plateau below the packet",
	  { 3, 4, .keep = 200 }, V4V6_XLAT_OK,
	  { 2, 0, 1512, .keep = 220 },
	  { .proto = IPPROTO_UDP, .paylen = 1472 }, { .proto = IPPROTO_UDP, .paylen = 1472 } },
	{ "4.2 fragmentation needed: no more than the IPv6 next hop",
	  { 3, 4, 1400 }, V4V6_XLAT_OK, { 2, 0, 1280 }, UDPQ, UDPQ,
	  .lowest_mtu = 1280 },
	{ "4.2 fragmentation needed: no more than the LAN's MTU+20",
	  { 3, 4, 1500 }, V4V6_XLAT_OK, { 2, 0, 1420 }, UDPQ, UDPQ,
	  .lowest_mtu = 1500, .mtu4 = 1400 },
	{ "4.2 fragmentation needed 65535: the next hop's",
	  { 3, 4, 65535 }, V4V6_XLAT_OK, { 2, 0, 1500 }, UDPQ, UDPQ,
	  .lowest_mtu = 1500, .mtu4 = 1500 },
	{ "4.2 fragmentation needed 65535, no next hop known: 65535",
	  { 3, 4, 65535 }, V4V6_XLAT_OK, { 2, 0, 65535 }, UDPQ, UDPQ },
	{ "4.2 fragmentation needed MTU 0 for 4000 bytes: plateau, then next hop",
	  { 3, 4, .keep = 200 }, V4V6_XLAT_OK, { 2, 0, 1500, .keep = 220 },
	  { .proto = IPPROTO_UDP, .paylen = 3972 }, { .proto = IPPROTO_UDP, .paylen = 3972 },
	  .lowest_mtu = 1500, .mtu4 = 1500 },
	{ "4.2 an error with DF over the lowest MTU: truncated, not refused",
	  { 3, 3, .df = true }, V4V6_XLAT_OK, { 1, 4, .keep = 1280 - 48 },
	  { .proto = IPPROTO_UDP, .paylen = 1400 }, { .proto = IPPROTO_UDP, .paylen = 1400 },
	  .lowest_mtu = 1280 },
	{ "4.2 fragmentation needed for a fragment: MTU+28",
	  { 3, 4, 1400 }, V4V6_XLAT_OK,
	  { 2, 0, 1428 }, { .proto = 99, .paylen = 64 },
	  { .proto = 99, .paylen = 64 }, .in_frag = IP_MF | 10 },
	{ "4.2 time exceeded in transit", { 11, 0 }, V4V6_XLAT_OK, { 3, 0 },
	  UDPQ, UDPQ },
	{ "4.2 reassembly time exceeded", { 11, 1 }, V4V6_XLAT_OK, { 3, 1 },
	  UDPQ, UDPQ },
	{ "4.2 parameter problem at TTL: pointer 7", { 12, 0, 8 << 24 },
	  V4V6_XLAT_OK, { 4, 0, 7 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the source: pointer 8", { 12, 0, 13 << 24 },
	  V4V6_XLAT_OK, { 4, 0, 8 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the destination: pointer 24", { 12, 2, 19 << 24 },
	  V4V6_XLAT_OK, { 4, 0, 24 }, UDPQ, UDPQ },
	{ "4.2 parameter problem at the identification dropped", { 12, 0, 4 << 24 },
	  V4V6_XLAT_ICMP_TYPE },
	{ "4.2 missing option dropped", { 12, 1 }, V4V6_XLAT_ICMP_TYPE },
	{ "4.2 source quench dropped", { 4, 0 }, V4V6_XLAT_ICMP_TYPE },
	{ "4.2 redirect dropped", { 5, 1 }, V4V6_XLAT_ICMP_TYPE },
	{ "4.3 inner TCP checksum follows", { 3, 3 }, V4V6_XLAT_OK, { 1, 4 },
	  { .proto = IPPROTO_TCP, .paylen = 20 }, { .proto = IPPROTO_TCP, .paylen = 20 } },
	{ "4.3 inner echo request becomes ICMPv6", { 11, 0 }, V4V6_XLAT_OK,
	  { 3, 0 }, { .proto = IPPROTO_ICMP, .type = 8, .paylen = 20 },
	  { .proto = IPPROTO_ICMPV6, .type = 128, .paylen = 20 } },
	{ "4.3 error in an error dropped", { 3, 3 }, V4V6_XLAT_ICMP_TYPE, {},
	  { .proto = IPPROTO_ICMP, .type = 3, .paylen = 20 } },
	{ "4.3 inner truncated before its checksum", { 3, 3, .keep = 24 },
	  V4V6_XLAT_OK, { 1, 4, .keep = 44 },
	  { .proto = IPPROTO_TCP, .paylen = 20 }, { .proto = IPPROTO_TCP, .paylen = 20 } },
	{ "4.3 inner header truncated", { 3, 3, .keep = 12 }, V4V6_XLAT_TRUNCATED },
	{ "4.4 RFC 4884 extension carried, padded to 8-byte words",
	  { 3, 3, 32 << 16, .keep = 128, .ext = 8 }, V4V6_XLAT_OK,
	  { 1, 4, 19 << 24, .keep = 148, .pad = 4, .ext = 8 },
	  { .proto = IPPROTO_UDP, .paylen = 300 }, { .proto = IPPROTO_UDP, .paylen = 300 } },
	{ "4.4 RFC 4884 extension of time exceeded carried",
	  { 11, 0, 40 << 16, .keep = 160, .ext = 20 }, V4V6_XLAT_OK,
	  { 3, 0, 23 << 24, .keep = 180, .pad = 4, .ext = 20 },
	  { .proto = IPPROTO_UDP, .paylen = 300 }, { .proto = IPPROTO_UDP, .paylen = 300 } },
	{ "4.4 RFC 4884 extension dropped: Packet Too Big has no length",
	  { 3, 4, (32 << 16) | 1400, .keep = 128, .ext = 8 }, V4V6_XLAT_OK,
	  { 2, 0, 1420, .keep = 148 },
	  { .proto = IPPROTO_UDP, .paylen = 300 }, { .proto = IPPROTO_UDP, .paylen = 300 } },
	{ "4.4 RFC 4884 extension dropped when it no longer fits 1280",
	  { 3, 3, 255 << 16, .keep = 1020, .ext = 300 }, V4V6_XLAT_OK,
	  { 1, 4, .keep = 1040 },
	  { .proto = IPPROTO_UDP, .paylen = 1300 }, { .proto = IPPROTO_UDP, .paylen = 1300 } },
	{ "4.4 RFC 4884 length past the end: no extension", { 3, 3, 100 << 16, .keep = 128 },
	  V4V6_XLAT_OK, { 1, 4, .keep = 148 },
	  { .proto = IPPROTO_UDP, .paylen = 300 }, { .proto = IPPROTO_UDP, .paylen = 300 } },
	{ "4.4 truncated to 1280 bytes", { 3, 3 }, V4V6_XLAT_OK,
	  { 1, 4, .keep = 1280 - 48 },
	  { .proto = IPPROTO_UDP, .paylen = 1300 }, { .proto = IPPROTO_UDP, .paylen = 1300 } },
	{ "4.4 bad ICMP checksum", { 3, 3, .csum_err = 5 }, V4V6_XLAT_ICMP_CSUM },
};

static void err_desc(const struct err_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(err46, err46, err_desc);

static void xlat_err_4to6_test(struct kunit *test)
{
	const struct err_case *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	struct hdr4 q4 = Q4(.proto = c->t4.proto ? c->t4.proto : IPPROTO_UDP,
			    .frag = c->in_frag, .id = 0x77);
	struct hdr6 q6 = Q6();
	static const u8 fragq[] = { 99, 0, 0, 81, 0, 0, 0, 0x77 };
	struct tspec t4 = c->t4.proto ? c->t4 : (struct tspec)UDPQ;
	unsigned int inlen, wantlen;
	enum v4v6_xlat_result got;
	struct sk_buff *skb;

	f->x.lowest_mtu = c->lowest_mtu;
	f->x.mtu4 = c->mtu4;
	inlen = build_err4(test, f->in, DEV4, SRV4, 64, &c->in, &q4, &t4);
	skb = skb_of(test, f->in, inlen, htons(ETH_P_IP));
	got = v4v6_xlat_4to6(skb, &f->x);
	KUNIT_EXPECT_STREQ(test, v4v6_xlat_reason(got), v4v6_xlat_reason(c->want));
	if (got != V4V6_XLAT_OK || c->want != V4V6_XLAT_OK)
		return;
	if (c->in_frag) {
		q6.ext = fragq;
		q6.extlen = sizeof(fragq);
		q6.nexthdr = NEXTHDR_FRAGMENT;
	}
	wantlen = build_err6(test, f->want, DEV6, SRV6, 63, &c->out, &q6, &c->t6);
	expect_bytes(test, skb, f->want, wantlen, false);
}

static const struct err_case err64[] = {
	{ "5.2 packet too big from an IPv6 router: MTU-20, 192.0.0.8",
	  { 2, 0, 1400 }, V4V6_XLAT_OK,
	  { 3, 4, 1380 }, UDPQ, UDPQ, "2001:db8:6::1", "192.0.0.8" },
	{ "5.2 packet too big from the PLAT", { 2, 0, 1280 },
	  V4V6_XLAT_OK, { 3, 4, 1260 }, UDPQ, UDPQ },
	{ "5.2 packet too big for a fragment: MTU-28", { 2, 0, 1400 },
	  V4V6_XLAT_OK, { 3, 4, 1372 },
	  { .proto = 99, .paylen = 64 }, { .proto = 99, .paylen = 64 }, .in_frag = IP_MF | 10 },
	{ "5.2 packet too big: no more than the LAN's MTU",
	  { 2, 0, 1500 }, V4V6_XLAT_OK, { 3, 4, 1400 }, UDPQ, UDPQ,
	  .lowest_mtu = 1500, .mtu4 = 1400 },
	{ "5.2 packet too big: no more than the IPv6 next hop-20",
	  { 2, 0, 1500 }, V4V6_XLAT_OK, { 3, 4, 1260 }, UDPQ, UDPQ,
	  .lowest_mtu = 1280, .mtu4 = 1500 },
	{ "5.2 packet too big 70000: the LAN's MTU",
	  { 2, 0, 70000 }, V4V6_XLAT_OK, { 3, 4, 1500 }, UDPQ, UDPQ,
	  .mtu4 = 1500 },
	{ "5.2 packet too big 70000, no next hop known: 65535",
	  { 2, 0, 70000 }, V4V6_XLAT_OK, { 3, 4, 65535 }, UDPQ, UDPQ },
	{ "5.2 packet too big MTU 0: plateau below the quoted length",
	  { 2, 0, 0, .keep = 200 }, V4V6_XLAT_OK, { 3, 4, 1006, .keep = 180 },
	  { .proto = IPPROTO_UDP, .paylen = 1200 }, { .proto = IPPROTO_UDP, .paylen = 1200 } },
	{ "5.2 no route", { 1, 0 }, V4V6_XLAT_OK, { 3, 1 }, UDPQ, UDPQ },
	{ "5.2 administratively prohibited", { 1, 1 }, V4V6_XLAT_OK, { 3, 10 },
	  UDPQ, UDPQ },
	{ "5.2 beyond scope", { 1, 2 }, V4V6_XLAT_OK, { 3, 1 }, UDPQ, UDPQ },
	{ "5.2 address unreachable", { 1, 3 }, V4V6_XLAT_OK, { 3, 1 }, UDPQ, UDPQ },
	{ "5.2 port unreachable", { 1, 4 }, V4V6_XLAT_OK, { 3, 3 }, UDPQ, UDPQ },
	{ "5.2 source address failed policy dropped", { 1, 5 }, V4V6_XLAT_ICMP_TYPE },
	{ "5.2 time exceeded from an IPv6 router (traceroute)", { 3, 0 },
	  V4V6_XLAT_OK, { 11, 0 }, UDPQ, UDPQ, "2001:db8:6::1", "192.0.0.8" },
	{ "5.2 reassembly time exceeded", { 3, 1 }, V4V6_XLAT_OK, { 11, 1 },
	  UDPQ, UDPQ },
	{ "5.2 parameter problem at the hop limit: pointer 8",
	  { 4, 0, 7 }, V4V6_XLAT_OK, { 12, 0, 8 << 24 }, UDPQ, UDPQ },
	{ "5.2 parameter problem at the destination: pointer 16",
	  { 4, 0, 30 }, V4V6_XLAT_OK, { 12, 0, 16 << 24 }, UDPQ, UDPQ },
	{ "5.2 parameter problem at the flow label dropped",
	  { 4, 0, 2 }, V4V6_XLAT_ICMP_TYPE },
	{ "5.2 unrecognised next header: protocol unreachable", { 4, 1 },
	  V4V6_XLAT_OK, { 3, 2 }, UDPQ, UDPQ },
	{ "5.2 unrecognised option dropped", { 4, 2 }, V4V6_XLAT_ICMP_TYPE },
	{ "5.2 parameter problem at the version: pointer 0", { 4, 0, 0 },
	  V4V6_XLAT_OK, { 12, 0, 0 << 24 }, UDPQ, UDPQ },
	{ "5.2 parameter problem at the traffic class: pointer 1", { 4, 0, 1 },
	  V4V6_XLAT_OK, { 12, 0, 1 << 24 }, UDPQ, UDPQ },
	{ "5.2 parameter problem at the payload length: pointer 2", { 4, 0, 4 },
	  V4V6_XLAT_OK, { 12, 0, 2 << 24 }, UDPQ, UDPQ },
	{ "5.2 parameter problem at the next header: pointer 9", { 4, 0, 6 },
	  V4V6_XLAT_OK, { 12, 0, 9 << 24 }, UDPQ, UDPQ },
	{ "5.2 parameter problem at the source: pointer 12", { 4, 0, 8 },
	  V4V6_XLAT_OK, { 12, 0, 12 << 24 }, UDPQ, UDPQ },
	{ "5.2 parameter problem past the header dropped", { 4, 0, 40 },
	  V4V6_XLAT_ICMP_TYPE },
	{ "5.2 time exceeded: the code is unchanged", { 3, 2 }, V4V6_XLAT_OK,
	  { 11, 2 }, UDPQ, UDPQ },
	{ "5.2 error from a private IPv4 under the WKP: 192.0.0.8", { 3, 0 },
	  V4V6_XLAT_OK, { 11, 0 }, UDPQ, UDPQ, "64:ff9b::a00:1", "192.0.0.8" },
	{ "5.2 unknown error type dropped", { 5, 0 }, V4V6_XLAT_ICMP_TYPE },
	{ "5.3 inner echo reply becomes ICMPv4", { 3, 0 }, V4V6_XLAT_OK, { 11, 0 },
	  { .proto = IPPROTO_ICMP, .type = 0, .paylen = 20 },
	  { .proto = IPPROTO_ICMPV6, .type = 129, .paylen = 20 } },
	{ "5.3 inner TCP checksum follows", { 1, 4 }, V4V6_XLAT_OK, { 3, 3 },
	  { .proto = IPPROTO_TCP, .paylen = 20 }, { .proto = IPPROTO_TCP, .paylen = 20 } },
	{ "5.4 RFC 4884 extension carried, padded to 128 bytes",
	  { 1, 4, 16 << 24, .keep = 128, .ext = 16 }, V4V6_XLAT_OK,
	  { 3, 3, 32 << 16, .keep = 108, .pad = 20, .ext = 16 },
	  { .proto = IPPROTO_UDP, .paylen = 300 }, { .proto = IPPROTO_UDP, .paylen = 300 } },
	{ "5.4 RFC 4884 extension of time exceeded carried",
	  { 3, 0, 20 << 24, .keep = 160, .ext = 8 }, V4V6_XLAT_OK,
	  { 11, 0, 35 << 16, .keep = 140, .ext = 8 },
	  { .proto = IPPROTO_UDP, .paylen = 300 }, { .proto = IPPROTO_UDP, .paylen = 300 } },
	{ "5.4 RFC 4884 extension dropped when it no longer fits 576",
	  { 1, 4, 70 << 24, .keep = 560, .ext = 24 }, V4V6_XLAT_OK,
	  { 3, 3, .keep = 540 },
	  { .proto = IPPROTO_UDP, .paylen = 1000 }, { .proto = IPPROTO_UDP, .paylen = 1000 } },
	{ "5.4 truncated to 576 bytes", { 1, 4 }, V4V6_XLAT_OK,
	  { 3, 3, .keep = 576 - 28 },
	  { .proto = IPPROTO_UDP, .paylen = 1000 }, { .proto = IPPROTO_UDP, .paylen = 1000 } },
	{ "5.4 bad ICMPv6 checksum", { 1, 4, .csum_err = 9 }, V4V6_XLAT_ICMP_CSUM },
};

KUNIT_ARRAY_PARAM(err64, err64, err_desc);

static void xlat_err_6to4_test(struct kunit *test)
{
	const struct err_case *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	struct tspec t6 = c->t6.proto ? c->t6 : (struct tspec)UDPQ;
	struct tspec t4 = c->t4.proto ? c->t4 : (struct tspec)UDPQ;
	static const u8 fragq[] = { 99, 0, 0, 81, 0, 0, 0, 0x77 };
	struct hdr6 q6 = { .src = DEV6, .dst = SRV6, .hop = 50 };
	struct hdr4 q4 = { .src = DEV4, .dst = SRV4, .ttl = 50,
			   .proto = t4.proto, .frag = c->in_frag,
			   .id = c->in_frag ? 0x77 : 0 };
	unsigned int inlen, wantlen;
	enum v4v6_xlat_result got;
	struct sk_buff *skb;

	if (c->in_frag) {
		q6.ext = fragq;
		q6.extlen = sizeof(fragq);
		q6.nexthdr = NEXTHDR_FRAGMENT;
	}
	f->x.lowest_mtu = c->lowest_mtu;
	f->x.mtu4 = c->mtu4;
	inlen = build_err6(test, f->in, c->src6 ? c->src6 : SRV6, DEV6, 64, &c->in,
			   &q6, &t6);
	skb = skb_of(test, f->in, inlen, htons(ETH_P_IPV6));
	got = v4v6_xlat_6to4(skb, &f->x);
	KUNIT_EXPECT_STREQ(test, v4v6_xlat_reason(got), v4v6_xlat_reason(c->want));
	if (got != V4V6_XLAT_OK || c->want != V4V6_XLAT_OK)
		return;
	wantlen = build_err4(test, f->want, c->src4 ? c->src4 : SRV4, DEV4, 63,
			     &c->out, &q4, &t4);
	expect_bytes(test, skb, f->want, wantlen, true);
}

/*
 * RFC 4884 length octets from hostile senders. A length under 128 bytes is
 * no extension (RFC 4884 section 5); the regression cases are the two
 * packets that once made v4v6 memmove about 4 GiB: an ICMPv6 error with a
 * length octet of 1 or 2 quoting only an IPv6 header (88 bytes in all), and
 * an ICMPv4 error quoting a header with 40 bytes of options and a length
 * octet of 1 to 4. Every octet 1 to 32 is tried with short and long quotes.
 */
struct rfc4884_case {
	const char *name;
	bool v6;		/* the error is ICMPv6 (6to4) */
	unsigned int keep;	/* bytes of the packet in error quoted, 0: all */
	u16 paylen;		/* its UDP payload */
};

static const struct rfc4884_case rfc4884_cases[] = {
	{ "ICMPv6 quoting the IPv6 header only", true, 40, 100 },
	{ "ICMPv6 quoting IPv6 and UDP headers", true, 48, 100 },
	{ "ICMPv6 quoting a 348-byte packet", true, 0, 300 },
	{ "ICMPv4 quoting a 60-byte header only", false, 60, 100 },
	{ "ICMPv4 quoting a 60-byte header and UDP", false, 68, 100 },
	{ "ICMPv4 quoting a 368-byte packet", false, 0, 300 },
};

static void rfc4884_desc(const struct rfc4884_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rfc4884, rfc4884_cases, rfc4884_desc);

/* Translate the error with length octet @words; the output in @out. */
static enum v4v6_xlat_result rfc4884_xlat(struct kunit *test,
					  const struct rfc4884_case *c,
					  u8 words, u8 *out, unsigned int *len)
{
	struct xlat_fixture *f = test->priv;
	struct tspec t = { .proto = IPPROTO_UDP, .paylen = c->paylen };
	struct hdr4 q4 = Q4(.proto = IPPROTO_UDP, .optlen = 40, .id = 0x77);
	struct hdr6 q6 = { .src = DEV6, .dst = "64:ff9b::808:808", .hop = 50 };
	struct err_spec e = { .keep = c->keep };
	enum v4v6_xlat_result res;
	struct sk_buff *skb;
	unsigned int n;

	if (c->v6) {
		e.type = ICMPV6_DEST_UNREACH;
		e.code = ICMPV6_PORT_UNREACH;
		e.rest = words << 24;
		n = build_err6(test, f->in, "64:ff9b::808:808", DEV6, 64, &e,
			       &q6, &t);
		skb = skb_of(test, f->in, n, htons(ETH_P_IPV6));
		res = v4v6_xlat_6to4(skb, &f->x);
	} else {
		e.type = ICMP_DEST_UNREACH;
		e.code = ICMP_PORT_UNREACH;
		e.rest = words << 16;
		n = build_err4(test, f->in, DEV4, SRV4, 64, &e, &q4, &t);
		skb = skb_of(test, f->in, n, htons(ETH_P_IP));
		res = v4v6_xlat_4to6(skb, &f->x);
	}
	*len = skb->len;
	if (res == V4V6_XLAT_OK && skb->len <= sizeof(f->tmp))
		KUNIT_EXPECT_EQ(test, skb_copy_bits(skb, 0, out, skb->len), 0);
	return res;
}

/* An ICMP error out of the translator: lengths and checksum consistent. */
static void rfc4884_check(struct kunit *test, const u8 *p, unsigned int len,
			  bool to6, u8 words)
{
	unsigned int hl = to6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr);
	u8 octet = to6 ? p[hl + 4] : p[hl + 5];
	unsigned int word = to6 ? 8 : 4;

	KUNIT_ASSERT_GE(test, len, hl + 8);
	if (to6) {
		const struct ipv6hdr *h = (const void *)p;

		KUNIT_EXPECT_EQ(test, ntohs(h->payload_len) + hl, len);
		KUNIT_EXPECT_FALSE(test, csum_ipv6_magic(&h->saddr, &h->daddr,
							 len - hl, IPPROTO_ICMPV6,
							 csum_partial(p + hl, len - hl, 0)));
	} else {
		KUNIT_EXPECT_EQ(test, ntohs(((const struct iphdr *)p)->tot_len), len);
		KUNIT_EXPECT_EQ(test, ip_fast_csum(p, 5), 0);
		KUNIT_EXPECT_EQ(test, csum_fold(csum_partial(p + hl, len - hl, 0)), 0);
	}
	KUNIT_EXPECT_LE_MSG(test, hl + 8 + octet * word, len, "length octet %u", words);
	if (octet)
		KUNIT_EXPECT_GE_MSG(test, octet * word, 128u, "length octet %u", words);
}

static void xlat_err_rfc4884_test(struct kunit *test)
{
	const struct rfc4884_case *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	unsigned int word = c->v6 ? 8 : 4, ref_len, len;
	/* The bytes after the error's ICMP header. */
	unsigned int quoted = c->keep ?: (c->v6 ? 48 : 68) + c->paylen;
	enum v4v6_xlat_result res;
	u8 words;

	/* The same error without a length octet is the reference. */
	KUNIT_ASSERT_EQ(test, rfc4884_xlat(test, c, 0, f->want, &ref_len),
			V4V6_XLAT_OK);
	for (words = 1; words <= 32; words++) {
		res = rfc4884_xlat(test, c, words, f->tmp, &len);
		KUNIT_ASSERT_EQ_MSG(test, res, V4V6_XLAT_OK, "length octet %u: %s",
				    words, v4v6_xlat_reason(res));
		rfc4884_check(test, f->tmp, len, !c->v6, words);
		/* Under 128 bytes, or past the end: exactly as without. */
		if (words * word < 128 || words * word >= quoted) {
			KUNIT_ASSERT_EQ_MSG(test, len, ref_len, "length octet %u", words);
			if (c->v6) {	/* the outer identification is random */
				((struct iphdr *)f->tmp)->id =
					((struct iphdr *)f->want)->id;
				ip_send_check((struct iphdr *)f->tmp);
			}
			KUNIT_EXPECT_EQ_MSG(test, memcmp(f->tmp, f->want, len), 0,
					    "length octet %u", words);
		}
		if (test->status == KUNIT_FAILURE)
			return;
	}
}

/* Every RFC 6052 prefix length, both ways: 2001:db8:122:344::/N examples. */
struct pref_case {
	const char *prefix;
	u8 len;
	const char *srv6;	/* 192.0.2.33 under it, from RFC 6052 2.4 */
};

static const struct pref_case pref_cases[] = {
	{ "2001:db8::", 32, "2001:db8:c000:221::" },
	{ "2001:db8:100::", 40, "2001:db8:1c0:2:21::" },
	{ "2001:db8:122::", 48, "2001:db8:122:c000:2:2100::" },
	{ "2001:db8:122:300::", 56, "2001:db8:122:3c0:0:221::" },
	{ "2001:db8:122:344::", 64, "2001:db8:122:344:c0:2:2100:0" },
	{ "2001:db8:122:344::", 96, "2001:db8:122:344::c000:221" },
};

static void pref_desc(const struct pref_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "6052 %s/%u both ways (and TEST-NET-1)",
		 c->prefix, c->len);
}

KUNIT_ARRAY_PARAM(pref, pref_cases, pref_desc);

/*
 * Under a network-specific prefix any IPv4 address may be represented
 * (RFC 6052 section 3.1 restricts only the well-known prefix), so
 * 192.0.2.33, the RFC's own example, must translate.
 */
static void xlat_prefix_test(struct kunit *test)
{
	const struct pref_case *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	struct hdr4 h4 = H4(.proto = IPPROTO_UDP, .dst = "192.0.2.33");
	struct hdr6 o6 = H6(.dst = c->srv6);
	struct hdr6 i6 = I6(.src = c->srv6);
	struct hdr4 o4 = O4(.proto = IPPROTO_UDP, .src = "192.0.2.33");
	struct tspec t = UDP();
	unsigned int len;
	struct sk_buff *skb;

	f->pref64.addr = a6(test, c->prefix);
	f->pref64.len = c->len;
	KUNIT_ASSERT_TRUE(test, v4v6_prefix_valid(&f->pref64));

	len = build4(test, f->in, &h4, &t);
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	len = build6(test, f->want, &o6, &t, true);
	expect_bytes(test, skb, f->want, len, false);

	len = build6(test, f->in, &i6, &t, true);
	skb = skb_of(test, f->in, len, htons(ETH_P_IPV6));
	KUNIT_ASSERT_EQ(test, v4v6_xlat_6to4(skb, &f->x), V4V6_XLAT_OK);
	len = build4(test, f->want, &o4, &t);
	expect_bytes(test, skb, f->want, len, true);
}

/*
 * Sources a device must never see from the IPv6 network, under any prefix:
 * the blocks no remote host has, and what the namespace knows as the
 * router's or the LAN's (here a stand-in for wan.c's FIB lookup: the LAN
 * 192.168.1.0/24 and the router's global address 185.0.0.1).
 */
#define NSP "2001:db8:122:344::"

static bool fake_local4(const struct v4v6_xlat *x, __be32 v4)
{
	u32 a = ntohl(v4);

	return (a >> 8) == 0xc0a801 || a == 0xb9000001;
}

struct martian_case {
	const char *name;
	bool wkp;		/* under 64:ff9b::/96, else under NSP/96 */
	const char *src4;	/* embedded in the IPv6 source */
	enum v4v6_xlat_result want;
	bool err;		/* a Time Exceeded about the device's packet */
	const char *quoted4;	/* err: the packet in error's destination */
	const char *out4;	/* the IPv4 source it gets (@src4 if NULL) */
};

static const struct martian_case martian_cases[] = {
	{ "global source", false, SRV4, V4V6_XLAT_OK },
	{ "private source under an NSP (RFC 6052 3.1)", false, "10.1.2.3",
	  V4V6_XLAT_OK },
	{ "another private network than the LAN", false, "192.168.2.1",
	  V4V6_XLAT_OK },
	{ "0.0.0.0", false, "0.0.0.0", V4V6_XLAT_MARTIAN },
	{ "this network 0/8", false, "0.1.2.3", V4V6_XLAT_MARTIAN },
	{ "loopback", false, "127.0.0.1", V4V6_XLAT_MARTIAN },
	{ "loopback 127/8", false, "127.255.0.9", V4V6_XLAT_MARTIAN },
	{ "link-local", false, "169.254.10.1", V4V6_XLAT_MARTIAN },
	{ "multicast", false, "224.0.0.251", V4V6_XLAT_MARTIAN },
	{ "multicast 239/8", false, "239.255.255.250", V4V6_XLAT_MARTIAN },
	{ "class E", false, "240.0.0.1", V4V6_XLAT_MARTIAN },
	{ "limited broadcast", false, "255.255.255.255", V4V6_XLAT_MARTIAN },
	{ "the router's LAN address", false, "192.168.1.1", V4V6_XLAT_MARTIAN },
	{ "a LAN neighbour", false, "192.168.1.77", V4V6_XLAT_MARTIAN },
	{ "the router's global address", false, "185.0.0.1", V4V6_XLAT_MARTIAN },
	{ "the router's global address under the WKP", true, "185.0.0.1",
	  V4V6_XLAT_MARTIAN },
	{ "loopback under the WKP: not global first", true, "127.0.0.1",
	  V4V6_XLAT_NOT_GLOBAL },
	{ "error from a remote router", false, "10.0.0.1", V4V6_XLAT_OK, true,
	  SRV4 },
	{ "error from the router's LAN address: 192.0.0.8", false,
	  "192.168.1.1", V4V6_XLAT_OK, true, SRV4, "192.0.0.8" },
	{ "error from loopback: 192.0.0.8", false, "127.0.0.1", V4V6_XLAT_OK,
	  true, SRV4, "192.0.0.8" },
	{ "error about a packet to the LAN gateway", false, SRV4,
	  V4V6_XLAT_MARTIAN, true, "192.168.1.1" },
	{ "error about a packet to a group", false, SRV4, V4V6_XLAT_MARTIAN,
	  true, "224.0.0.251" },
};

static void martian_desc(const struct martian_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(martian, martian_cases, martian_desc);

/* @v4 under the /96 prefix @pref6, as text for build6(). */
static const char *synth6(const char *pref6, const char *v4, char *buf)
{
	snprintf(buf, 64, "%s%s", pref6, v4);
	return buf;
}

static void xlat_martian_test(struct kunit *test)
{
	const struct martian_case *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	const char *pref6 = c->wkp ? "64:ff9b::" : NSP;
	char src6[64], q6[64];
	const struct err_spec te = { ICMPV6_TIME_EXCEED, 0 };
	const struct err_spec te4 = { ICMP_TIME_EXCEEDED, 0 };
	struct tspec t = UDP(), tq = UDPQ;
	struct hdr6 i6 = I6(), qh6;
	struct hdr4 o4 = O4(.proto = IPPROTO_UDP), qh4;
	enum v4v6_xlat_result got;
	unsigned int len;
	struct sk_buff *skb;

	if (!c->wkp) {
		f->pref64.addr = a6(test, NSP);
		f->pref64.len = 96;
	}
	f->x.local4 = fake_local4;
	i6.src = synth6(pref6, c->src4, src6);
	o4.src = c->out4 ?: c->src4;
	if (c->err) {
		qh6 = (struct hdr6){ .src = DEV6, .hop = 50,
				     .dst = synth6(pref6, c->quoted4, q6) };
		qh4 = (struct hdr4){ .src = DEV4, .dst = c->quoted4, .ttl = 50,
				     .proto = IPPROTO_UDP };
		len = build_err6(test, f->in, i6.src, DEV6, 64, &te, &qh6, &tq);
	} else {
		len = build6(test, f->in, &i6, &t, true);
	}
	skb = skb_of(test, f->in, len, htons(ETH_P_IPV6));
	got = v4v6_xlat_6to4(skb, &f->x);
	KUNIT_EXPECT_STREQ(test, v4v6_xlat_reason(got), v4v6_xlat_reason(c->want));
	if (got != V4V6_XLAT_OK || c->want != V4V6_XLAT_OK)
		return;
	if (c->err)
		len = build_err4(test, f->want, o4.src, DEV4, 63, &te4, &qh4, &tq);
	else
		len = build4(test, f->want, &o4, &t);
	expect_bytes(test, skb, f->want, len, true);
}

/* RFC 7915 4.1: DF x size x lowest IPv6 MTU. */
struct mtu_case {
	const char *name;
	u16 tot;		/* IPv4 total length */
	u16 frag;		/* IPv4 flags and offset */
	u32 lowest;		/* lowest IPv6 MTU, 0: none */
	enum v4v6_xlat_result want;
	unsigned int nfrags;	/* 0: translated whole, no Fragment header */
};

static const struct mtu_case mtu_cases[] = {
	{ "4.1 DF, 1260 bytes fit 1280", 1260, IP_DF, 1280, V4V6_XLAT_OK, 0 },
	{ "4.1 DF, 1261 bytes over 1280: Fragmentation Needed", 1261, IP_DF, 1280,
	  V4V6_XLAT_FRAG_NEEDED },
	{ "4.1 DF, 1500 bytes over 1280: Fragmentation Needed", 1500, IP_DF, 1280,
	  V4V6_XLAT_FRAG_NEEDED },
	{ "4.1 DF, 1480 bytes fit a lowest MTU of 1500", 1480, IP_DF, 1500,
	  V4V6_XLAT_OK, 0 },
	{ "4.1 DF, 1500 bytes over a lowest MTU of 1500", 1500, IP_DF, 1500,
	  V4V6_XLAT_FRAG_NEEDED },
	{ "4.1 DF, no lowest MTU: 1500 bytes whole", 1500, IP_DF, 0, V4V6_XLAT_OK, 0 },
	{ "4.1 no DF, 1000 bytes: no Fragment header", 1000, 0, 1280, V4V6_XLAT_OK, 0 },
	{ "4.1 no DF, 1260 bytes: exactly 1280", 1260, 0, 1280, V4V6_XLAT_OK, 0 },
	{ "4.1 no DF, 1261 bytes: two fragments at 1280", 1261, 0, 1280, V4V6_XLAT_OK, 2 },
	{ "4.1 no DF, 1500 bytes: two fragments at 1280", 1500, 0, 1280, V4V6_XLAT_OK, 2 },
	{ "4.1 no DF, 3000 bytes: three fragments at 1280", 3000, 0, 1280, V4V6_XLAT_OK, 3 },
	{ "4.1 no DF, 9000 bytes: eight fragments at 1280", 9000, 0, 1280, V4V6_XLAT_OK, 8 },
	{ "4.1 no DF, 1500 bytes: two fragments at 1500", 1500, 0, 1500, V4V6_XLAT_OK, 2 },
	{ "4.1 no DF, 9000 bytes: seven fragments at 1500", 9000, 0, 1500, V4V6_XLAT_OK, 7 },
	{ "4.1 a fragment too big: cut further, M kept", 1500, IP_MF | 100, 1280,
	  V4V6_XLAT_OK, 2 },
	{ "4.1 a last fragment too big: cut further, last M clear", 1500, 100, 1280,
	  V4V6_XLAT_OK, 2 },
	{ "4.1 a small fragment passes", 500, IP_MF | 100, 1280, V4V6_XLAT_OK, 1 },
	{ "4.1 a last fragment ending at byte 65524: cut further", 1500, 8003, 1280,
	  V4V6_XLAT_OK, 2 },
	{ "4.1 a fragment past 65535 bytes: refused, offsets cannot wrap",
	  1500, IP_MF | 8005, 1280, V4V6_XLAT_BAD_HEADER },
	{ "4.1 a fragment at the last offset, past 65535 bytes", 1500, 0x1fff, 0,
	  V4V6_XLAT_BAD_HEADER },
};

static void mtu_desc(const struct mtu_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mtu, mtu_cases, mtu_desc);

/* @list reassembles into @want (an IPv6 packet without Fragment header). */
static void expect_fragments(struct kunit *test, struct sk_buff_head *list,
			     const u8 *want, unsigned int wantlen,
			     const struct mtu_case *c, u16 id)
{
	unsigned int n = 0, off = 0, base = (c->frag & IP_OFFSET) * 8;
	struct sk_buff *skb;
	u8 *got = test_fixture(test)->tmp;

	skb_queue_walk(list, skb) {
		struct ipv6hdr *ip6 = (void *)got;
		struct frag_hdr *fh = (void *)(got + sizeof(*ip6));
		unsigned int data = skb->len - sizeof(*ip6) - sizeof(*fh);
		bool last = skb_queue_is_last(list, skb);

		KUNIT_ASSERT_LE(test, skb->len, c->lowest);
		KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, got, skb->len), 0);
		KUNIT_EXPECT_EQ(test, ntohs(ip6->payload_len) + sizeof(*ip6), skb->len);
		KUNIT_EXPECT_EQ(test, ip6->nexthdr, NEXTHDR_FRAGMENT);
		KUNIT_EXPECT_EQ(test, memcmp(got, want, 4), 0);
		KUNIT_EXPECT_EQ(test, memcmp(got + 7, want + 7, 33), 0);
		KUNIT_EXPECT_EQ(test, fh->nexthdr, want[6]);
		KUNIT_EXPECT_EQ(test, ntohl(fh->identification), id);
		KUNIT_EXPECT_EQ(test, ntohs(fh->frag_off) & IP6_OFFSET, base + off);
		KUNIT_EXPECT_EQ(test, !!(fh->frag_off & htons(IP6_MF)),
				!last || !!(c->frag & IP_MF));
		if (!last)
			KUNIT_EXPECT_EQ(test, data % 8, 0);
		KUNIT_ASSERT_LE(test, sizeof(*ip6) + off + data, wantlen);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(got + sizeof(*ip6) + sizeof(*fh),
						 want + sizeof(*ip6) + off, data), 0,
				    "fragment %u", n);
		off += data;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, c->nfrags);
	KUNIT_EXPECT_EQ(test, sizeof(struct ipv6hdr) + off, wantlen);
}

static void xlat_mtu_test(struct kunit *test)
{
	const struct mtu_case *c = test->param_value;
	struct xlat_fixture *f = test->priv;
	bool first = !(c->frag & IP_OFFSET);
	struct hdr4 h4 = H4(.proto = IPPROTO_UDP, .frag = c->frag, .id = 0xbeef);
	struct hdr6 h6 = H6();
	struct tspec t = UDP(.paylen = c->tot - 28);
	struct sk_buff_head list;
	enum v4v6_xlat_result got;
	struct sk_buff *skb;
	unsigned int len;

	if (!first) {
		h4.proto = 99;
		t = (struct tspec){ .proto = 99, .paylen = c->tot - 20 };
	}
	f->x.lowest_mtu = c->lowest;
	len = build4(test, f->in, &h4, &t);
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	got = v4v6_xlat_4to6(skb, &f->x);
	KUNIT_ASSERT_STREQ(test, v4v6_xlat_reason(got), v4v6_xlat_reason(c->want));
	if (got == V4V6_XLAT_FRAG_NEEDED) {
		expect_bytes(test, skb, f->in, len, false);
		KUNIT_EXPECT_EQ(test, v4v6_xlat_mtu4(&f->x), c->lowest - 20);
		return;
	}
	if (got != V4V6_XLAT_OK)
		return;
	len = build6(test, f->want, &h6, &t, first);
	if (!c->nfrags) {
		expect_bytes(test, skb, f->want, len, false);
		return;
	}
	KUNIT_ASSERT_EQ(test, v4v6_fragment6(skb, c->lowest ? c->lowest : 1280, &list), 0);
	f->skb[0] = NULL;	/* consumed */
	expect_fragments(test, &list, f->want, len, c, 0xbeef);
	__skb_queue_purge(&list);
}

/* A GRO packet with DF is judged by its segments. */
static void xlat_mtu_gso_test(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;
	struct hdr4 h = H4(.proto = IPPROTO_TCP, .frag = IP_DF);
	struct tspec t = TCP(.paylen = 1460 * 3);
	struct sk_buff *skb;
	unsigned int len;

	len = build4(test, f->in, &h, &t);
	f->x.lowest_mtu = 1280;
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
	skb_shinfo(skb)->gso_size = 1460;
	KUNIT_EXPECT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_FRAG_NEEDED);

	f->x.lowest_mtu = 1520;
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
	skb_shinfo(skb)->gso_size = 1460;
	KUNIT_EXPECT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
}

#define RANDOM_PACKETS 50000	/* per direction */
#define RANDOM_SEED 0x76347636ULL

/* Whether the transport checksum of an unfragmented packet verifies. */
static bool l4_csum_ok(u8 proto, const u8 *l4, unsigned int len, bool v6,
		       const void *s, const void *d)
{
	__wsum sum = csum_partial(l4, len, 0);

	switch (proto) {
	case IPPROTO_UDP:
		if (len >= sizeof(struct udphdr) && !v6 && !l4[6] && !l4[7])
			return true;	/* no checksum in IPv4 */
		fallthrough;
	case IPPROTO_TCP:
	case IPPROTO_ICMPV6:
		if (v6)
			return !csum_ipv6_magic(s, d, len, proto, sum);
		return !csum_tcpudp_magic(*(__be32 *)s, *(__be32 *)d, len,
					  proto, sum);
	case IPPROTO_ICMP:
		return !csum_fold(sum);
	}
	return true;
}

static bool l4_checked(u8 proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP ||
	       proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6;
}

/* A valid packet of random shape, then 0..3 random lies and bit flips. */
static unsigned int random_packet(struct kunit *test, struct rnd_state *rnd,
				  u8 *buf, bool v6)
{
	static const u8 protos[] = { IPPROTO_TCP, IPPROTO_UDP, IPPROTO_ICMP,
				     IPPROTO_GRE, 253 };
	static const u8 types4[] = { ICMP_ECHO, ICMP_ECHOREPLY, 3, 11, 13 };
	static const u8 types6[] = { 128, 129, 1, 2, 3, 4, 135 };
	u32 r = prandom_u32_state(rnd);
	struct tspec t = { .proto = protos[r % ARRAY_SIZE(protos)] };
	unsigned int len, n, i;

	t.paylen = prandom_u32_state(rnd) % 1400;
	t.udp_zero = !(r & 0x100);
	t.csum_err = (r & 0x200) ? 0 : r >> 16;
	if (v6) {
		struct hdr6 h = I6(.hop = (r >> 10) & 0xff);

		if (t.proto == IPPROTO_ICMP)
			t.proto = IPPROTO_ICMPV6;
		t.type = types6[(r >> 20) % ARRAY_SIZE(types6)];
		switch ((r >> 24) & 7) {
		case 0:
			h.ext = hbh_dst_udp;
			h.extlen = sizeof(hbh_dst_udp);
			h.nexthdr = NEXTHDR_HOP;
			t.proto = IPPROTO_UDP;
			break;
		case 1:
			h.ext = f6_first_udp;
			h.extlen = sizeof(f6_first_udp);
			h.nexthdr = NEXTHDR_FRAGMENT;
			t.proto = IPPROTO_UDP;
			break;
		case 2:
			h.ext = rt0_udp;
			h.extlen = sizeof(rt0_udp);
			h.nexthdr = NEXTHDR_ROUTING;
			t.proto = IPPROTO_UDP;
			break;
		}
		len = build6(test, buf, &h, &t, true);
	} else {
		struct hdr4 h = H4(.ttl = (r >> 10) & 0xff, .proto = t.proto);

		t.type = types4[(r >> 20) % ARRAY_SIZE(types4)];
		h.optlen = ((r >> 24) & 3) * 4;
		if (r & 0x8000000)
			h.frag = prandom_u32_state(rnd) & (IP_MF | IP_DF | 0xff);
		len = build4(test, buf, &h, &t);
	}

	n = prandom_u32_state(rnd) % 4;
	for (i = 0; i < n; i++) {
		r = prandom_u32_state(rnd);
		switch (r % 4) {
		case 0:	/* truncate */
			len = (r >> 8) % (len + 1);
			break;
		case 1:	/* a lying length field */
			if (len >= 6)
				buf[v6 ? 4 + (r >> 8) % 2 : 2 + (r >> 8) % 2] = r >> 16;
			break;
		default: /* flip a bit, more often in the headers */
			if (len)
				buf[(r >> 8) % min(len, (r & 4) ? 64u : len)] ^=
					1 << ((r >> 24) % 8);
			break;
		}
	}
	return len;
}

/* Whether the input's transport checksum verified (0 if not applicable). */
static bool random_input_csum_ok(const u8 *buf, unsigned int len, bool v6)
{
	if (v6) {
		const struct ipv6hdr *h = (const void *)buf;

		if (len < sizeof(*h) || !l4_checked(h->nexthdr) ||
		    ntohs(h->payload_len) + sizeof(*h) != len)
			return false;
		return l4_csum_ok(h->nexthdr, buf + sizeof(*h), len - sizeof(*h),
				  true, &h->saddr, &h->daddr);
	} else {
		const struct iphdr *h = (const void *)buf;

		if (len < sizeof(*h) || len < h->ihl * 4 || ip_is_fragment(h) ||
		    ntohs(h->tot_len) != len || !l4_checked(h->protocol))
			return false;
		return l4_csum_ok(h->protocol, buf + h->ihl * 4, len - h->ihl * 4,
				  false, &h->saddr, &h->daddr);
	}
}

/* The output must re-parse with consistent lengths and checksums. */
static void random_check_output(struct kunit *test, struct sk_buff *skb,
				bool to6, bool csum_was_ok, u32 n)
{
	u8 *out = test_fixture(test)->tmp;
	bool good;

	KUNIT_ASSERT_LE(test, skb->len, sizeof(test_fixture(test)->tmp));
	KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, out, skb->len), 0);
	if (to6) {
		struct ipv6hdr *h = (void *)out;
		unsigned int off = sizeof(*h);
		u8 nh = h->nexthdr;

		KUNIT_ASSERT_EQ_MSG(test, (int)h->version, 6, "packet %u", n);
		KUNIT_ASSERT_EQ_MSG(test, ntohs(h->payload_len) + off, skb->len,
				    "packet %u", n);
		if (nh == NEXTHDR_FRAGMENT)
			return;
		good = l4_csum_ok(nh, out + off, skb->len - off, true,
				  &h->saddr, &h->daddr);
	} else {
		struct iphdr *h = (void *)out;

		KUNIT_ASSERT_EQ_MSG(test, (int)h->version, 4, "packet %u", n);
		KUNIT_ASSERT_EQ_MSG(test, (int)h->ihl, 5, "packet %u", n);
		KUNIT_ASSERT_EQ_MSG(test, ntohs(h->tot_len), skb->len, "packet %u", n);
		KUNIT_EXPECT_EQ_MSG(test, ip_fast_csum(out, h->ihl), 0,
				    "packet %u: header checksum", n);
		if (ip_is_fragment(h))
			return;
		good = l4_csum_ok(h->protocol, out + 20, skb->len - 20, false,
				  &h->saddr, &h->daddr);
	}
	if (csum_was_ok)
		KUNIT_EXPECT_TRUE_MSG(test, good, "packet %u: checksum", n);
}

/*
 * Random and mutated packets through both directions: each comes out valid
 * or is refused with a named result; KASAN watches every access. Seeded, so
 * a failure names the packet that reproduces it.
 */
static void xlat_random_test(struct kunit *test)
{
	unsigned int counts[2][__V4V6_XLAT_MAX] = {};
	struct xlat_fixture *f = test->priv;
	enum v4v6_xlat_result res;
	struct rnd_state rnd;
	struct sk_buff *skb;
	unsigned int len, r;
	bool v6, ok;
	u32 n;

	prandom_seed_state(&rnd, RANDOM_SEED);
	for (n = 0; n < 2 * RANDOM_PACKETS; n++) {
		v6 = n & 1;
		len = random_packet(test, &rnd, f->in, v6);
		ok = random_input_csum_ok(f->in, len, v6);
		skb = skb_of(test, f->in, len, v6 ? htons(ETH_P_IPV6) : htons(ETH_P_IP));
		res = v6 ? v4v6_xlat_6to4(skb, &f->x) : v4v6_xlat_4to6(skb, &f->x);
		KUNIT_ASSERT_LT_MSG(test, (int)res, __V4V6_XLAT_MAX, "packet %u", n);
		counts[v6][res]++;
		if (res == V4V6_XLAT_OK)
			random_check_output(test, skb, !v6, ok, n);
		if (test->status == KUNIT_FAILURE)
			return;
		/* The guest has one CPU and no preemption: let RCU breathe. */
		cond_resched();
	}
	for (r = 0; r < __V4V6_XLAT_MAX; r++)
		kunit_info(test, "%-42s 4to6 %6u  6to4 %6u\n", v4v6_xlat_reason(r),
			   counts[0][r], counts[1][r]);
	KUNIT_EXPECT_GT(test, counts[0][V4V6_XLAT_OK], RANDOM_PACKETS / 10);
	KUNIT_EXPECT_GT(test, counts[1][V4V6_XLAT_OK], RANDOM_PACKETS / 10);
}

/* Nor is a cloned ICMP error, whose packet in error is rewritten too. */
static void xlat_err_clone_test(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;
	struct err_spec e = { ICMP_DEST_UNREACH, ICMP_PORT_UNREACH };
	struct hdr4 q4 = Q4(.proto = IPPROTO_UDP);
	struct tspec t = UDPQ;
	struct sk_buff *skb, *clone;
	unsigned int len;

	len = build_err4(test, f->in, DEV4, SRV4, 64, &e, &q4, &t);
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	clone = own(test, 1, skb_clone(skb, GFP_KERNEL));
	KUNIT_ASSERT_NOT_NULL(test, clone);
	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	expect_bytes(test, clone, f->in, len, false);
}

/*
 * Fragmenting a packet whose checksum was left to the device: the
 * fragments carry the finished checksum, as ip6_fragment() makes them.
 */
static void xlat_fragment_partial_test(struct kunit *test)
{
	struct xlat_fixture *f = test->priv;
	struct hdr4 h = H4(.proto = IPPROTO_UDP, .id = 0x4242);
	struct tspec t = UDP(.paylen = 2000);
	struct sk_buff_head list;
	struct sk_buff *skb, *n;
	unsigned int len, off = 0, data;
	struct in6_addr srv6 = a6(test, SRV6);
	struct udphdr *uh;
	u8 *whole = f->want;

	len = build4(test, f->in, &h, &t);
	skb = skb_of(test, f->in, len, htons(ETH_P_IP));
	uh = (struct udphdr *)(skb->data + sizeof(struct iphdr));
	uh->check = ~csum_tcpudp_magic(f->x.dev4, a4(test, SRV4), tspec_len(&t),
				       IPPROTO_UDP, 0);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_headroom(skb) + sizeof(struct iphdr);
	skb->csum_offset = offsetof(struct udphdr, check);
	f->x.lowest_mtu = 1280;
	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	KUNIT_ASSERT_EQ(test, v4v6_fragment6(skb, 1280, &list), 0);
	f->skb[0] = NULL;	/* consumed */
	/* Reassemble the transport payload, then verify its checksum. */
	while ((n = __skb_dequeue(&list))) {
		data = n->len - sizeof(struct ipv6hdr) - sizeof(struct frag_hdr);
		if (off + data <= sizeof(f->want))
			KUNIT_EXPECT_EQ(test, skb_copy_bits(n, n->len - data,
							    whole + off, data), 0);
		off += data;
		kfree_skb(n);
	}
	KUNIT_ASSERT_EQ(test, off, tspec_len(&t));
	KUNIT_EXPECT_TRUE(test, l4_csum_ok(IPPROTO_UDP, whole, off, true,
					   &f->x.dev6, &srv6));
}

static struct kunit_case xlat_test_cases[] = {
	KUNIT_CASE_PARAM(xlat_4to6_test, x46_gen_params),
	KUNIT_CASE_PARAM(xlat_6to4_test, x64_gen_params),
	KUNIT_CASE_PARAM(xlat_err_4to6_test, err46_gen_params),
	KUNIT_CASE_PARAM(xlat_err_6to4_test, err64_gen_params),
	KUNIT_CASE_PARAM(xlat_err_rfc4884_test, rfc4884_gen_params),
	KUNIT_CASE_PARAM(xlat_prefix_test, pref_gen_params),
	KUNIT_CASE_PARAM(xlat_martian_test, martian_gen_params),
	KUNIT_CASE_PARAM(xlat_mtu_test, mtu_gen_params),
	KUNIT_CASE(xlat_mtu_gso_test),
	KUNIT_CASE(xlat_partial_csum_test),
	KUNIT_CASE(xlat_gso_test),
	KUNIT_CASE(xlat_clone_test),
	KUNIT_CASE(xlat_err_clone_test),
	KUNIT_CASE(xlat_fragment_partial_test),
	KUNIT_CASE(xlat_truncated_test),
	KUNIT_CASE(xlat_random_test),
	{}
};

static struct kunit_suite xlat_test_suite = {
	.name = "v4v6_rfc7915",
	.init = xlat_test_init,
	.exit = xlat_test_exit,
	.test_cases = xlat_test_cases,
};

kunit_test_suite(xlat_test_suite);
