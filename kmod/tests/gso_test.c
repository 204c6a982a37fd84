// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: GSO packets, as the data path takes them (gso.c) and as the
 * translator rewrites them. A UDP GSO packet keeps its datagram size; every
 * segment of a fraglist GRO packet comes out translated; types v4v6 does not
 * carry are segmented first, never rewritten blindly; BIG TCP is segmented;
 * the MTU checks judge segments.
 *
 * Each test does what the data path does: v4v6_gso_plan4() or
 * v4v6_gso_plan6(), v4v6_gso_segment() when the plan says so, then the
 * translator on every packet; then every packet that would leave (every
 * segment, and every member of a frag_list still attached) is checked.
 */
#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>

#include "../path.h"

#define HEADROOM 128
#define BUFSZ 2048

struct gso_fixture {
	struct v4v6_prefix pref64;
	struct v4v6_xlat x;
	__be32 dev4, srv4;
	struct in6_addr dev6, srv6;
	struct sk_buff *skb;	/* a packet or a list: gso_test_exit() frees it */
	struct sk_buff *cut;	/* segments being checked: ditto */
	u8 buf[BUFSZ];
};

/* One packet to build: the device's (IPv4) or the server's (IPv6). */
struct pkt {
	bool v6;
	u8 proto;		/* of the outer header; TCP and UDP get theirs */
	unsigned int paylen;	/* past the transport header */
	unsigned int base;	/* where its payload starts in the pattern */
	bool df;
	u8 ext;			/* bytes of IPv6 destination options (8) */
};

static u8 pattern(unsigned int k)
{
	return k * 7 + (k >> 8) + 3;
}

static unsigned int thlen(u8 proto)
{
	if (proto == IPPROTO_TCP)
		return sizeof(struct tcphdr);
	return proto == IPPROTO_UDP ? sizeof(struct udphdr) : 0;
}

static unsigned int iphlen(const struct pkt *p)
{
	return p->v6 ? sizeof(struct ipv6hdr) + p->ext : sizeof(struct iphdr);
}

/* The transport header, payload and complete checksum. */
static void fill_l4(struct gso_fixture *f, u8 *l4, const struct pkt *p)
{
	unsigned int i, hl = thlen(p->proto), len = hl + p->paylen;
	struct tcphdr *th = (void *)l4;
	struct udphdr *uh = (void *)l4;
	__sum16 *check = NULL;
	__wsum sum;

	for (i = 0; i < p->paylen; i++)
		l4[hl + i] = pattern(p->base + i);
	if (p->proto == IPPROTO_TCP) {
		th->source = htons(40000);
		th->dest = htons(80);
		th->seq = htonl(1000 + p->base);
		th->doff = 5;
		th->ack = 1;
		th->window = htons(1024);
		check = &th->check;
	} else if (p->proto == IPPROTO_UDP) {
		uh->source = htons(40000);
		uh->dest = htons(4433);
		uh->len = htons(len);
		check = &uh->check;
	}
	if (!check)
		return;
	sum = csum_partial(l4, len, 0);
	if (p->v6)
		*check = csum_ipv6_magic(&f->srv6, &f->dev6, len, p->proto, sum);
	else
		*check = csum_tcpudp_magic(f->dev4, f->srv4, len, p->proto, sum);
	if (p->proto == IPPROTO_UDP && !*check)
		*check = CSUM_MANGLED_0;
}

static void fill_ip(struct gso_fixture *f, u8 *b, const struct pkt *p,
		    unsigned int len)
{
	struct ipv6hdr *ip6 = (void *)b;
	struct iphdr *iph = (void *)b;

	if (!p->v6) {
		iph->version = 4;
		iph->ihl = 5;
		iph->tot_len = htons(len);
		iph->id = htons(p->base);
		iph->frag_off = p->df ? htons(IP_DF) : 0;
		iph->ttl = 64;
		iph->protocol = p->proto;
		iph->saddr = f->dev4;
		iph->daddr = f->srv4;
		ip_send_check(iph);
		return;
	}
	ip6_flow_hdr(ip6, 0, 0);
	ip6->payload_len = htons(len - sizeof(*ip6));
	ip6->nexthdr = p->ext ? NEXTHDR_DEST : p->proto;
	ip6->hop_limit = 64;
	ip6->saddr = f->srv6;
	ip6->daddr = f->dev6;
	if (p->ext) {
		b[sizeof(*ip6)] = p->proto;		/* then PadN */
		b[sizeof(*ip6) + 1] = p->ext / 8 - 1;
		b[sizeof(*ip6) + 2] = IPV6_TLV_PADN;
		b[sizeof(*ip6) + 3] = p->ext - 4;
	}
}

/* A linear packet as it arrives, its checksums complete. */
static struct sk_buff *build(struct kunit *test, const struct pkt *p)
{
	struct gso_fixture *f = test->priv;
	unsigned int hl = iphlen(p), len = hl + thlen(p->proto) + p->paylen;
	struct sk_buff *skb = alloc_skb(HEADROOM + len, GFP_KERNEL);

	if (!skb)
		return NULL;
	skb_reserve(skb, HEADROOM);
	skb_put_zero(skb, len);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, hl);
	skb->protocol = htons(p->v6 ? ETH_P_IPV6 : ETH_P_IP);
	fill_ip(f, skb->data, p, len);
	fill_l4(f, skb->data + hl, p);
	return skb;
}

/* The fixture owns @skb (a packet or a list), instead of its last one. */
static struct sk_buff *own(struct kunit *test, struct sk_buff *skb)
{
	struct gso_fixture *f = test->priv;

	kfree_skb_list(f->skb);
	f->skb = skb;
	KUNIT_ASSERT_NOT_NULL(test, skb);
	return skb;
}

/*
 * What GRO leaves: a GSO packet of @n segments of @p->paylen payload (the
 * last one @last, if not 0), linear, its lengths covering them all, with
 * the checksum seed of an offloaded packet (CHECKSUM_PARTIAL).
 */
static struct sk_buff *gro(struct kunit *test, struct pkt p, unsigned int n,
			   unsigned int last, unsigned int type)
{
	unsigned int seg = p.paylen, hl = iphlen(&p), l4len;
	struct gso_fixture *f = test->priv;
	struct sk_buff *skb;
	__sum16 *check;

	p.paylen = (n - 1) * seg + (last ?: seg);
	skb = own(test, build(test, &p));
	skb_shinfo(skb)->gso_type = type;
	skb_shinfo(skb)->gso_size = seg;
	skb_shinfo(skb)->gso_segs = n;
	if (!thlen(p.proto))
		return skb;
	l4len = skb->len - hl;
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_transport_header(skb) - skb->head;
	skb->csum_offset = p.proto == IPPROTO_TCP ?
			   offsetof(struct tcphdr, check) :
			   offsetof(struct udphdr, check);
	check = (__sum16 *)(skb->data + hl + skb->csum_offset);
	if (p.v6)
		*check = ~csum_ipv6_magic(&f->srv6, &f->dev6, l4len, p.proto, 0);
	else
		*check = ~csum_tcpudp_magic(f->dev4, f->srv4, l4len, p.proto, 0);
	return skb;
}

/*
 * What fraglist GRO leaves (skb_gro_receive_list(), udp4_gro_complete()):
 * the first datagram as head, the others on its frag_list, each with its
 * own headers but pulled to its payload; the head's lengths cover them all.
 */
static struct sk_buff *fraglist(struct kunit *test, struct pkt p,
				unsigned int n)
{
	unsigned int hl = iphlen(&p), i;
	struct sk_buff *head, *m, **tail;

	head = own(test, build(test, &p));
	tail = &skb_shinfo(head)->frag_list;
	for (i = 1; i < n; i++) {
		p.base += p.paylen;
		m = build(test, &p);
		KUNIT_ASSERT_NOT_NULL(test, m);
		*tail = m;
		tail = &m->next;
		m->ip_summed = CHECKSUM_UNNECESSARY;
		skb_pull(m, hl + sizeof(struct udphdr));
		head->len += m->len;
		head->data_len += m->len;
		head->truesize += m->truesize;
	}
	if (p.v6) {
		ipv6_hdr(head)->payload_len = htons(head->len - sizeof(struct ipv6hdr));
	} else {
		ip_hdr(head)->tot_len = htons(head->len);
		ip_send_check(ip_hdr(head));
	}
	udp_hdr(head)->len = htons(head->len - hl);
	head->ip_summed = CHECKSUM_UNNECESSARY;
	skb_shinfo(head)->gso_type = SKB_GSO_UDP_L4 | SKB_GSO_FRAGLIST;
	skb_shinfo(head)->gso_size = p.paylen;
	skb_shinfo(head)->gso_segs = n;
	return head;
}

/* What the data path does before translating: the packets to translate. */
static struct sk_buff *prepare(struct kunit *test, bool v6, unsigned int mtu)
{
	struct gso_fixture *f = test->priv;
	struct sk_buff *segs;

	if ((v6 ? v4v6_gso_plan6(f->skb, mtu) : v4v6_gso_plan4(f->skb, mtu)) !=
	    V4V6_GSO_SPLIT)
		return f->skb;
	segs = v4v6_gso_segment(f->skb);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR_OR_NULL(segs),
			       "segmentation failed: %ld", PTR_ERR(segs));
	f->skb = segs;		/* the packet was consumed */
	return segs;
}

/* Translate every packet of @list (of family @v6). */
static void xlat_list(struct kunit *test, struct sk_buff *list, bool v6)
{
	struct gso_fixture *f = test->priv;
	enum v4v6_xlat_result res;

	for (; list; list = list->next) {
		res = v6 ? v4v6_xlat_6to4(list, &f->x) : v4v6_xlat_4to6(list, &f->x);
		KUNIT_ASSERT_STREQ(test, v4v6_xlat_reason(res),
				   v4v6_xlat_reason(V4V6_XLAT_OK));
	}
}

static unsigned int count(const struct sk_buff *skb)
{
	unsigned int n = 0;

	for (; skb; skb = skb->next)
		n++;
	return n;
}

/* Whether @skb and every member of its frag_list are of family @v6. */
static void expect_family(struct kunit *test, struct sk_buff *skb, bool v6)
{
	unsigned int i = 0;
	struct sk_buff *m;

	KUNIT_EXPECT_EQ(test, skb_network_header(skb)[0] >> 4, v6 ? 6 : 4);
	skb_walk_frags(skb, m)
		KUNIT_EXPECT_EQ_MSG(test, skb_network_header(m)[0] >> 4, v6 ? 6 : 4,
				    "frag_list member %u left untranslated", ++i);
}

/* The transport header and payload of @p at @l4, with their checksum. */
static bool l4_ok(const struct sk_buff *skb, const u8 *l4,
		  const struct pkt *p, __sum16 seed)
{
	unsigned int off = p->proto == IPPROTO_TCP ? offsetof(struct tcphdr, check) :
			   offsetof(struct udphdr, check);
	unsigned int i, hl = thlen(p->proto), len = hl + p->paylen;
	__sum16 check = *(const __sum16 *)(l4 + off);

	for (i = 0; i < p->paylen; i++)
		if (l4[hl + i] != pattern(p->base + i))
			return false;
	if (p->proto == IPPROTO_TCP &&
	    ntohl(((const struct tcphdr *)l4)->seq) != 1000 + p->base)
		return false;
	if (p->proto == IPPROTO_UDP &&
	    ntohs(((const struct udphdr *)l4)->len) != len)
		return false;
	/* An offloaded checksum holds the pseudo-header's sum. */
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		return check == seed;
	return !csum_fold(csum_add(csum_unfold(seed), csum_partial(l4, len, 0)));
}

/* @skb, one packet, is the translation of @p. */
static void expect_pkt(struct kunit *test, struct sk_buff *skb,
		       const struct pkt *p)
{
	struct gso_fixture *f = test->priv;
	unsigned int l4len = thlen(p->proto) + p->paylen;
	unsigned int hl = p->v6 ? sizeof(struct iphdr) : sizeof(struct ipv6hdr);
	struct ipv6hdr *ip6 = (void *)f->buf;
	struct iphdr *iph = (void *)f->buf;
	__sum16 seed;

	KUNIT_ASSERT_EQ_MSG(test, skb->len, hl + l4len, "segment at %u", p->base);
	KUNIT_ASSERT_EQ(test, skb_network_offset(skb), 0);
	KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, f->buf, skb->len), 0);
	if (p->v6) {	/* now IPv4 */
		KUNIT_EXPECT_EQ(test, f->buf[0] >> 4, 4);
		KUNIT_EXPECT_EQ(test, ntohs(iph->tot_len), skb->len);
		KUNIT_EXPECT_EQ(test, iph->protocol, p->proto);
		KUNIT_EXPECT_EQ(test, iph->saddr, f->srv4);
		KUNIT_EXPECT_EQ(test, iph->daddr, f->dev4);
		KUNIT_EXPECT_EQ(test, ip_fast_csum(iph, iph->ihl), 0);
		seed = ~csum_tcpudp_magic(iph->saddr, iph->daddr, l4len,
					  p->proto, 0);
	} else {
		KUNIT_EXPECT_EQ(test, f->buf[0] >> 4, 6);
		KUNIT_EXPECT_EQ(test, ntohs(ip6->payload_len), l4len);
		KUNIT_EXPECT_EQ(test, ip6->nexthdr, p->proto);
		KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ip6->saddr, &f->dev6));
		KUNIT_EXPECT_TRUE(test, ipv6_addr_equal(&ip6->daddr, &f->srv6));
		seed = ~csum_ipv6_magic(&ip6->saddr, &ip6->daddr, l4len,
					p->proto, 0);
	}
	KUNIT_EXPECT_TRUE_MSG(test, l4_ok(skb, f->buf + hl, p, seed),
			      "segment at %u: payload, length or checksum wrong",
			      p->base);
}

/*
 * The packets that leave with @list are the translations of @n segments
 * of @p (the last with @last bytes of payload, if not 0). A GSO packet is
 * cut here as the stack will cut it; a frag_list is not (its members only
 * must have been translated).
 */
static void expect_out(struct kunit *test, struct sk_buff *list, struct pkt p,
		       unsigned int n, unsigned int last)
{
	struct gso_fixture *f = test->priv;
	unsigned int seg = p.paylen, got = 0;
	struct sk_buff *skb, *s;

	for (skb = list; skb; skb = skb->next) {
		expect_family(test, skb, !p.v6);
		if (skb_has_frag_list(skb)) {
			got += 1 + count(skb_shinfo(skb)->frag_list);
			continue;
		}
		f->cut = skb_is_gso(skb) ? __skb_gso_segment(skb, NETIF_F_SG, false) :
			 NULL;
		KUNIT_ASSERT_FALSE(test, IS_ERR(f->cut));
		for (s = f->cut ?: skb; s; s = f->cut ? s->next : NULL) {
			p.paylen = ++got < n || !last ? seg : last;
			KUNIT_EXPECT_FALSE(test, skb_is_gso(s));
			expect_pkt(test, s, &p);
			p.base += seg;
		}
		kfree_skb_list(f->cut);
		f->cut = NULL;
	}
	KUNIT_EXPECT_EQ(test, got, n);
}

static int gso_test_init(struct kunit *test)
{
	struct gso_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	test->priv = f;
	KUNIT_ASSERT_TRUE(test, in6_pton("64:ff9b::", -1, f->pref64.addr.s6_addr,
					 -1, NULL));
	f->pref64.len = 96;
	KUNIT_ASSERT_TRUE(test, in4_pton("192.168.1.10", -1, (u8 *)&f->dev4,
					 -1, NULL));
	KUNIT_ASSERT_TRUE(test, in4_pton("192.31.196.10", -1, (u8 *)&f->srv4,
					 -1, NULL));
	KUNIT_ASSERT_TRUE(test, in6_pton("2001:db8:6::1000", -1, f->dev6.s6_addr,
					 -1, NULL));
	v4v6_addr_synth(&f->pref64, f->srv4, &f->srv6);
	f->x.pref64 = &f->pref64;
	f->x.dev4 = f->dev4;
	f->x.dev6 = f->dev6;
	return 0;
}

static void gso_test_exit(struct kunit *test)
{
	struct gso_fixture *f = test->priv;

	kfree_skb_list(f->cut);
	kfree_skb_list(f->skb);
}

#define P4(...) ((struct pkt){ .df = true, __VA_ARGS__ })
#define P6(...) ((struct pkt){ .v6 = true, __VA_ARGS__ })
#define UDP4(n) P4(.proto = IPPROTO_UDP, .paylen = (n))
#define UDP6(n) P6(.proto = IPPROTO_UDP, .paylen = (n))
#define TCP4(n) P4(.proto = IPPROTO_TCP, .paylen = (n))
#define TCP6(n) P6(.proto = IPPROTO_TCP, .paylen = (n))

/* UDP GSO: gso_size is the datagrams' payload, whatever their headers. */
static void gso_udp_size_test(struct kunit *test)
{
	struct gso_fixture *f = test->priv;
	struct sk_buff *skb;

	f->x.lowest_mtu = 1500;
	skb = gro(test, UDP4(1400), 4, 600, SKB_GSO_UDP_L4);
	KUNIT_EXPECT_EQ(test, v4v6_gso_plan4(skb, 1500), V4V6_GSO_WHOLE);
	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_size, 1400);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_segs, 4);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_type, SKB_GSO_UDP_L4);
	expect_out(test, skb, UDP4(1400), 4, 600);

	skb = gro(test, UDP6(1400), 4, 600, SKB_GSO_UDP_L4);
	KUNIT_EXPECT_EQ(test, v4v6_gso_plan6(skb, 1500), V4V6_GSO_WHOLE);
	KUNIT_ASSERT_EQ(test, v4v6_xlat_6to4(skb, &f->x), V4V6_XLAT_OK);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_size, 1400);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_segs, 4);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_type, SKB_GSO_UDP_L4);
	expect_out(test, skb, UDP6(1400), 4, 600);
}

/* TCP towards IPv6: segments shrink by the header growth, and are counted. */
static void gso_tcp_segs_test(struct kunit *test)
{
	struct gso_fixture *f = test->priv;
	struct sk_buff *skb;

	skb = gro(test, TCP4(1460), 3, 0, SKB_GSO_TCPV4 | SKB_GSO_TCP_FIXEDID);
	KUNIT_ASSERT_EQ(test, v4v6_xlat_4to6(skb, &f->x), V4V6_XLAT_OK);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_type, SKB_GSO_TCPV6);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_size, 1440);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_segs, 4);
	expect_out(test, skb, TCP4(1440), 4, 3 * 1460 - 3 * 1440);
}

/* Fraglist GRO (rx-gro-list): each segment has its own headers. */
static void gso_fraglist_test(struct kunit *test)
{
	struct gso_fixture *f = test->priv;
	struct sk_buff *list;

	f->x.lowest_mtu = 1500;
	fraglist(test, UDP4(1000), 5);
	list = prepare(test, false, 1500);
	xlat_list(test, list, false);
	expect_out(test, list, UDP4(1000), 5, 0);

	fraglist(test, UDP6(1000), 5);
	list = prepare(test, true, 1500);
	xlat_list(test, list, true);
	expect_out(test, list, UDP6(1000), 5, 0);
}

/* BIG TCP: IPv4 with a total length of 0 (>= 6.3). */
static void gso_big_tcp4_test(struct kunit *test)
{
	struct gso_fixture *f = test->priv;
	struct sk_buff *skb, *list;

	skb = gro(test, TCP4(1440), 48, 1000, SKB_GSO_TCPV4);
	KUNIT_ASSERT_GT(test, skb->len, 65535);
	ip_hdr(skb)->tot_len = 0;
	ip_send_check(ip_hdr(skb));
	f->x.lowest_mtu = 1500;
	KUNIT_EXPECT_EQ(test, v4v6_gso_plan4(skb, 1500), V4V6_GSO_SPLIT);
	list = prepare(test, false, 1500);
	xlat_list(test, list, false);
	expect_out(test, list, TCP4(1440), 48, 1000);
}

/* BIG TCP: IPv6 with a Hop-by-Hop jumbo option and payload length 0. */
static void gso_big_tcp6_test(struct kunit *test)
{
	struct sk_buff *skb, *list;
	struct ipv6hdr *ip6;
	u8 *hbh;

	skb = gro(test, P6(.proto = IPPROTO_TCP, .paylen = 1440, .ext = 8), 48,
		  1000, SKB_GSO_TCPV6);
	KUNIT_ASSERT_GT(test, skb->len, 65535);
	ip6 = ipv6_hdr(skb);
	ip6->payload_len = 0;
	ip6->nexthdr = NEXTHDR_HOP;
	hbh = (u8 *)(ip6 + 1);
	hbh[2] = IPV6_TLV_JUMBO;
	hbh[3] = 4;
	put_unaligned_be32(skb->len - sizeof(*ip6), hbh + 4);
	KUNIT_EXPECT_EQ(test, v4v6_gso_plan6(skb, 1500), V4V6_GSO_SPLIT);
	list = prepare(test, true, 1500);
	xlat_list(test, list, true);
	expect_out(test, list, TCP6(1440), 48, 1000);
}

/* A type that cannot be segmented: an error, and the packet still ours. */
static void gso_segment_error_test(struct kunit *test)
{
	struct gso_fixture *f = test->priv;
	struct sk_buff *skb, *segs;

	skb = gro(test, P4(.proto = IPPROTO_GRE, .paylen = 1000), 3, 0,
		  SKB_GSO_GRE | SKB_GSO_TCPV4);
	KUNIT_EXPECT_EQ(test, v4v6_gso_plan4(skb, 1500), V4V6_GSO_SPLIT);
	segs = v4v6_gso_segment(skb);
	KUNIT_EXPECT_TRUE(test, IS_ERR(segs));
	if (!IS_ERR(segs))
		f->skb = segs;
}

struct type_case {
	const char *name;
	bool v6;
	u8 proto;
	unsigned int type;
	bool split;		/* the data path segments it first */
	unsigned int after;	/* its type after translation, if carried */
};

#define CARRY4(n, t, p, a) { n, false, IPPROTO_##p, t, false, a }
#define CARRY6(n, t, p, a) { n, true, IPPROTO_##p, t, false, a }
#define SPLIT4(n, t, p) { n, false, IPPROTO_##p, t, true }
#define SPLIT6(n, t, p) { n, true, IPPROTO_##p, t, true }

static const struct type_case type_cases[] = {
	CARRY4("TCPV4", SKB_GSO_TCPV4, TCP, SKB_GSO_TCPV6),
	CARRY4("TCPV4 ECN", SKB_GSO_TCPV4 | SKB_GSO_TCP_ECN, TCP,
	       SKB_GSO_TCPV6 | SKB_GSO_TCP_ECN),
	CARRY4("TCPV4 FIXEDID", SKB_GSO_TCPV4 | SKB_GSO_TCP_FIXEDID, TCP,
	       SKB_GSO_TCPV6),
	CARRY4("TCPV4 DODGY", SKB_GSO_TCPV4 | SKB_GSO_DODGY, TCP,
	       SKB_GSO_TCPV6 | SKB_GSO_DODGY),
	CARRY4("UDP_L4", SKB_GSO_UDP_L4, UDP, SKB_GSO_UDP_L4),
	CARRY6("TCPV6", SKB_GSO_TCPV6, TCP, SKB_GSO_TCPV4),
	CARRY6("TCPV6 ECN", SKB_GSO_TCPV6 | SKB_GSO_TCP_ECN, TCP,
	       SKB_GSO_TCPV4 | SKB_GSO_TCP_ECN),
	CARRY6("UDP_L4 v6", SKB_GSO_UDP_L4, UDP, SKB_GSO_UDP_L4),
	SPLIT4("UDP_L4 FRAGLIST", SKB_GSO_UDP_L4 | SKB_GSO_FRAGLIST, UDP),
	SPLIT4("TCPV4 FRAGLIST", SKB_GSO_TCPV4 | SKB_GSO_FRAGLIST, TCP),
	SPLIT6("TCPV6 FRAGLIST", SKB_GSO_TCPV6 | SKB_GSO_FRAGLIST, TCP),
	SPLIT4("UFO", SKB_GSO_UDP, UDP),
	SPLIT4("TCPV6 on IPv4", SKB_GSO_TCPV6, TCP),
	SPLIT6("TCPV4 on IPv6", SKB_GSO_TCPV4, TCP),
	SPLIT4("TCPV4 on UDP", SKB_GSO_TCPV4, UDP),
	SPLIT4("UDP_L4 on TCP", SKB_GSO_UDP_L4, TCP),
	SPLIT4("GRE", SKB_GSO_GRE | SKB_GSO_TCPV4, GRE),
	SPLIT4("GRE_CSUM", SKB_GSO_GRE_CSUM | SKB_GSO_TCPV4, GRE),
	SPLIT6("GRE v6", SKB_GSO_GRE | SKB_GSO_TCPV6, GRE),
	SPLIT4("IPXIP4", SKB_GSO_IPXIP4 | SKB_GSO_TCPV4, IPIP),
	SPLIT4("IPXIP6", SKB_GSO_IPXIP6 | SKB_GSO_TCPV6, IPV6),
	SPLIT4("UDP_TUNNEL", SKB_GSO_UDP_TUNNEL | SKB_GSO_TCPV4, UDP),
	SPLIT6("UDP_TUNNEL_CSUM", SKB_GSO_UDP_TUNNEL_CSUM | SKB_GSO_TCPV4, UDP),
	SPLIT4("PARTIAL", SKB_GSO_PARTIAL | SKB_GSO_GRE | SKB_GSO_TCPV4, GRE),
	SPLIT4("TUNNEL_REMCSUM", SKB_GSO_TUNNEL_REMCSUM | SKB_GSO_UDP_TUNNEL, UDP),
	SPLIT4("ESP", SKB_GSO_ESP, ESP),
	SPLIT6("ESP v6", SKB_GSO_ESP, ESP),
	SPLIT4("SCTP", SKB_GSO_SCTP, SCTP),
};

static void type_desc(const struct type_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(type, type_cases, type_desc);

/* Types v4v6 does not carry are segmented first, never rewritten. */
static void gso_type_test(struct kunit *test)
{
	const struct type_case *c = test->param_value;
	struct gso_fixture *f = test->priv;
	struct pkt p = { .v6 = c->v6, .proto = c->proto, .paylen = 1000,
			 .df = true };
	enum v4v6_xlat_result res;
	struct sk_buff *skb;

	skb = gro(test, p, 3, 0, c->type);
	KUNIT_EXPECT_EQ(test, c->v6 ? v4v6_gso_plan6(skb, 1500) :
			v4v6_gso_plan4(skb, 1500),
			c->split ? V4V6_GSO_SPLIT : V4V6_GSO_WHOLE);
	/* The translator itself rewrites only what it knows. */
	res = c->v6 ? v4v6_xlat_6to4(skb, &f->x) : v4v6_xlat_4to6(skb, &f->x);
	KUNIT_ASSERT_EQ(test, res, V4V6_XLAT_OK);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_type,
			c->split ? c->type : c->after);
	if (!c->split && c->proto == IPPROTO_UDP)
		KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_size, 1000);
}

struct mtu_case {
	const char *name;
	struct pkt p;
	unsigned int type, mtu;
	enum v4v6_gso_plan plan;
	enum v4v6_xlat_result res;	/* of the translator, for 4to6 */
};

#define M4(n, pk, t, m, pl, r) { n, pk, SKB_GSO_##t, m, V4V6_GSO_##pl, V4V6_XLAT_##r }
#define M6(n, pk, t, m, pl) { n, pk, SKB_GSO_##t, m, V4V6_GSO_##pl, V4V6_XLAT_OK }

static const struct mtu_case mtu_cases[] = {
	/* Towards IPv6, @mtu the lowest IPv6 MTU: 40 + 8 + 1472 = 1520. */
	M4("4to6 UDP DF fits", UDP4(1472), UDP_L4, 1520, WHOLE, OK),
	M4("4to6 UDP DF too big", UDP4(1472), UDP_L4, 1500, WHOLE, FRAG_NEEDED),
	M4("4to6 UDP too big", P4(.proto = IPPROTO_UDP, .paylen = 1472, .df = false),
	   UDP_L4, 1500, SPLIT, OK),
	M4("4to6 UDP fits", P4(.proto = IPPROTO_UDP, .paylen = 1472, .df = false),
	   UDP_L4, 1520, WHOLE, OK),
	M4("4to6 TCP DF fits", TCP4(1460), TCPV4, 1520, WHOLE, OK),
	M4("4to6 TCP DF too big", TCP4(1460), TCPV4, 1519, WHOLE, FRAG_NEEDED),
	M4("4to6 TCP too big", P4(.proto = IPPROTO_TCP, .paylen = 1460, .df = false),
	   TCPV4, 1280, SPLIT, OK),
	/* Towards the LAN, @mtu its MTU; DF above 1260 bytes (RFC 7915). */
	M6("6to4 TCP fits", TCP6(1440), TCPV6, 1480, WHOLE),
	M6("6to4 TCP too big", TCP6(1440), TCPV6, 1479, TOO_BIG),
	M6("6to4 TCP behind options", P6(.proto = IPPROTO_TCP, .paylen = 1440,
					 .ext = 8), TCPV6, 1480, WHOLE),
	M6("6to4 TCP behind options too big", P6(.proto = IPPROTO_TCP,
						 .paylen = 1440, .ext = 8),
	   TCPV6, 1479, TOO_BIG),
	M6("6to4 UDP fits", UDP6(1472), UDP_L4, 1500, WHOLE),
	M6("6to4 UDP too big", UDP6(1472), UDP_L4, 1499, TOO_BIG),
	/* Segments without DF (1260 bytes or less) for a LAN below that. */
	M6("6to4 TCP small segments", TCP6(1000), TCPV6, 1000, SPLIT),
	M6("6to4 UDP small segments", UDP6(1200), UDP_L4, 1200, SPLIT),
	M6("6to4 UDP small segments fit", UDP6(1200), UDP_L4, 1228, WHOLE),
};

static void mtu_desc(const struct mtu_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mtu, mtu_cases, mtu_desc);

/* The MTU checks judge a GSO packet by its segments. */
static void gso_mtu_test(struct kunit *test)
{
	const struct mtu_case *c = test->param_value;
	struct gso_fixture *f = test->priv;
	struct sk_buff *skb;

	skb = gro(test, c->p, 3, 0, c->type);
	if (c->p.v6) {
		KUNIT_EXPECT_EQ(test, v4v6_gso_plan6(skb, c->mtu), c->plan);
		return;
	}
	KUNIT_EXPECT_EQ(test, v4v6_gso_plan4(skb, c->mtu), c->plan);
	if (c->plan != V4V6_GSO_WHOLE)
		return;
	f->x.lowest_mtu = c->mtu;
	KUNIT_EXPECT_STREQ(test, v4v6_xlat_reason(v4v6_xlat_4to6(skb, &f->x)),
			   v4v6_xlat_reason(c->res));
}

static struct kunit_case gso_test_cases[] = {
	KUNIT_CASE(gso_udp_size_test),
	KUNIT_CASE(gso_tcp_segs_test),
	KUNIT_CASE(gso_fraglist_test),
	KUNIT_CASE(gso_big_tcp4_test),
	KUNIT_CASE(gso_big_tcp6_test),
	KUNIT_CASE(gso_segment_error_test),
	KUNIT_CASE_PARAM(gso_type_test, type_gen_params),
	KUNIT_CASE_PARAM(gso_mtu_test, mtu_gen_params),
	{}
};

static struct kunit_suite gso_test_suite = {
	.name = "v4v6_gso",
	.init = gso_test_init,
	.exit = gso_test_exit,
	.test_cases = gso_test_cases,
};

kunit_test_suite(gso_test_suite);
