// SPDX-License-Identifier: GPL-2.0
/*
 * The sk_buff a case asks for: headroom, tailroom, page fragments,
 * ip_summed and GSO, as the stack would hand it to the netfilter hook.
 * Where the input asks for a state the stack never produces it is
 * dropped: CHECKSUM_PARTIAL only on whole TCP or UDP whose checksum field
 * is in the linear part (skb_checksum_help() WARNs otherwise), GSO only
 * on such TCP or UDP with its headers linear, as GRO leaves it (kmod/gso.c
 * segments the other types before they reach the translator).
 */
#include <linux/if_ether.h>
#include <linux/in.h>
#include <stdlib.h>

#include "harness.h"

#define UNINIT 0xbd

static struct {
	int unused;
} fz_netdev;

/* Whether the stack could give us this packet with CHECKSUM_PARTIAL. */
static bool partial_ok(const struct fz_case *c)
{
	unsigned int l4len = c->k.end - c->k.l4off;

	return c->parsed && !c->k.frag &&
	       ((c->k.proto == IPPROTO_TCP && l4len >= 20) ||
		(c->k.proto == IPPROTO_UDP && l4len >= 8));
}

/* The transport header of each segment of a GSO packet; 0: none fits. */
static unsigned int gso_thlen(const struct fz_case *c)
{
	unsigned int l4len = c->k.end - c->k.l4off, th;

	if (!partial_ok(c))
		return 0;
	th = c->k.proto == IPPROTO_UDP ? 8 : (c->in[c->k.l4off + 12] >> 4) * 4;
	/* GRO merges segments with a payload, TCP's with a whole header. */
	return th >= 8 && th < l4len ? th : 0;
}

static void add_frag(struct sk_buff *skb, const u8 *data, unsigned int size,
		     unsigned int slack)
{
	struct skb_shared_info *si = skb_shinfo(skb);
	struct page *p = calloc(1, sizeof(*p));

	if (!p)
		abort();
	p->mem = malloc(slack + size);
	if (!p->mem)
		abort();
	p->refcount = 1;
	p->size = slack + size;
	memset(p->mem, UNINIT, slack);
	memcpy(p->mem + slack, data, size);
	si->frags[si->nr_frags++] = (skb_frag_t){ p, size, slack };
	skb->len += size;
	skb->data_len += size;
}

struct sk_buff *fz_build_skb(struct fz_case *c)
{
	const struct fz_hdr *h = &c->h;
	unsigned int nfrags = h->layout & 3, slack = (h->layout >> 2) & 7;
	unsigned int headlen = c->len, min_head = 0, rem, pos, size, i;
	struct skb_shared_info *si;
	struct sk_buff *skb;
	int csum_off = 0;

	c->summed = (h->flags >> FZ_F_SUMMED_SHIFT) & 3;
	c->gso_thlen = gso_thlen(c);
	c->gso = (h->flags & FZ_F_GSO) && c->gso_thlen;
	if (c->gso)
		c->summed = CHECKSUM_PARTIAL;
	if (c->summed == CHECKSUM_PARTIAL && !partial_ok(c))
		c->summed = CHECKSUM_NONE;
	if (c->summed == CHECKSUM_PARTIAL) {
		csum_off = l4_csum_off(c->k.proto);
		min_head = c->k.l4off + (c->gso ? c->gso_thlen : csum_off + 2);
		if (h->flags & FZ_F_REPAIR) {
			const u8 *sa = c->in + (c->k.v6 ? 8 : 12);
			const u8 *da = c->in + (c->k.v6 ? 24 : 16);
			__sum16 seed = l4_csum_seed(c->k.proto,
						    c->k.end - c->k.l4off,
						    c->k.v6, sa, da);

			memcpy(c->in + c->k.l4off + csum_off, &seed, 2);
		}
	}

	if (nfrags)
		headlen = max_t(unsigned int, min(h->headlen, c->len),
				min(min_head, c->len));
	rem = c->len - headlen;
	nfrags = min(nfrags, rem);
	if (!nfrags)
		headlen = c->len;

	skb = alloc_skb(h->headroom + headlen + h->tailroom, GFP_KERNEL);
	if (!skb)
		abort();
	skb_reserve(skb, h->headroom);
	skb_put_data(skb, c->in, headlen);
	pos = headlen;
	rem = c->len - headlen;
	for (i = 0; i < nfrags; i++) {
		size = i == nfrags - 1 ? rem :
		       1 + h->split[i] % (rem - (nfrags - 1 - i));
		add_frag(skb, c->in + pos, size, slack);
		pos += size;
		rem -= size;
	}
	si = skb_shinfo(skb);
	if (nfrags && (h->flags & FZ_F_SHARED_FRAG))
		si->flags |= SKBFL_SHARED_FRAG;

	skb->dev = (struct net_device *)&fz_netdev;
	skb->mark = FZ_MARK;
	skb->priority = FZ_PRIORITY;
	skb->protocol = htons(c->to6 ? ETH_P_IP : ETH_P_IPV6);
	skb_reset_network_header(skb);
	/* ip_rcv() and ipv6_rcv() leave it past the IP header. */
	if (c->parsed)
		skb_set_transport_header(skb, c->k.hlen);
	skb->ip_summed = c->summed;
	if (c->summed == CHECKSUM_COMPLETE) {
		skb->csum = skb_checksum(skb, 0, skb->len, 0);
	} else if (c->summed == CHECKSUM_PARTIAL) {
		skb->csum_start = skb_headroom(skb) + c->k.l4off;
		skb->csum_offset = csum_off;
	}
	if (c->gso) {
		unsigned int payload = c->k.end - c->k.l4off - c->gso_thlen;
		bool tcp = c->k.proto == IPPROTO_TCP;

		si->gso_size = max_t(u16, rd16(h->gso_size), 1);
		if (si->gso_size == GSO_BY_FRAGS)
			si->gso_size--;
		si->gso_type = !tcp ? SKB_GSO_UDP_L4 :
			       c->k.v6 ? SKB_GSO_TCPV6 : SKB_GSO_TCPV4;
		if ((h->gso & 1) && tcp && !c->k.v6)
			si->gso_type |= SKB_GSO_TCP_FIXEDID;
		if ((h->gso & 2) && tcp)
			si->gso_type |= SKB_GSO_TCP_ECN;
		if (h->gso & 4)
			si->gso_type |= SKB_GSO_DODGY;
		si->gso_segs = DIV_ROUND_UP(payload, si->gso_size);
		c->gso_size = si->gso_size;
		c->gso_type = si->gso_type;
	}
	return skb;
}

void fz_check_skb(const struct sk_buff *skb)
{
	const struct skb_shared_info *si = skb_shinfo(skb);
	unsigned int i, paged = 0;

	FZ_CHECK(skb->users == 1);
	FZ_CHECK(si->dataref >= 1);
	FZ_CHECK(skb->data >= skb->head);
	FZ_CHECK(skb->tail <= skb->end);
	FZ_CHECK(skb->len >= skb->data_len);
	FZ_CHECK(skb->data + skb_headlen(skb) == skb_tail_pointer(skb));
	FZ_CHECK(si->nr_frags <= MAX_SKB_FRAGS);
	FZ_CHECK(!si->frag_list);
	for (i = 0; i < si->nr_frags; i++) {
		const skb_frag_t *f = &si->frags[i];

		FZ_CHECK(f->bv_len > 0);
		FZ_CHECK(f->bv_offset + f->bv_len <= f->bv_page->size);
		FZ_CHECK(f->bv_page->refcount >= 1);
		paged += f->bv_len;
	}
	FZ_CHECK(paged == skb->data_len);
	FZ_CHECK(skb->network_header <= skb->end);
}
