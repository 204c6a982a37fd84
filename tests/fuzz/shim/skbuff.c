// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line sk_buff functions, with the semantics of the 6.1 kernel's
 * net/core/skbuff.c and net/core/dev.c (written anew, page fragments only).
 * Buffers come from shim_alloc() (alloc.c) at their exact size, and are
 * filled with a pattern where the kernel's would hold whatever kmalloc
 * returned, so that a byte the translator forgets to write shows.
 */
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <stdlib.h>

#include "shim.h"

#define UNINIT 0xbd

static void page_unref(struct page *p)
{
	if (--p->refcount)
		return;
	free(p->mem);
	free(p);
}

static void skb_frag_ref(struct sk_buff *skb, int i)
{
	skb_shinfo(skb)->frags[i].bv_page->refcount++;
}

static void skb_frag_unref(struct sk_buff *skb, int i)
{
	page_unref(skb_shinfo(skb)->frags[i].bv_page);
}

/* The head and its shared info: one kmalloc in the kernel, so one here. */
static int alloc_head(unsigned int size, u8 **head,
		      struct skb_shared_info **shinfo)
{
	if (!shim_alloc_may_succeed())
		return -ENOMEM;
	*head = malloc(size ? size : 1);
	*shinfo = calloc(1, sizeof(**shinfo));
	if (!*head || !*shinfo)
		abort();
	memset(*head, UNINIT, size);
	return 0;
}

struct sk_buff *alloc_skb(unsigned int size, gfp_t priority)
{
	struct skb_shared_info *shinfo;
	struct sk_buff *skb;
	u8 *head;

	(void)priority;
	if (alloc_head(size, &head, &shinfo))
		return NULL;
	skb = calloc(1, sizeof(*skb));
	if (!skb)
		abort();
	skb->head = skb->data = head;
	skb->end = size;
	skb->shinfo = shinfo;
	shinfo->dataref = 1;
	skb->users = 1;
	skb->mac_header = (u16)~0U;
	skb->transport_header = (u16)~0U;
	return skb;
}

/* Drop this skb's reference to the data: the last one frees it. */
static void skb_release_data(struct sk_buff *skb)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	int i;

	if (skb->cloned) {
		shinfo->dataref -= skb->nohdr ? (1 << SKB_DATAREF_SHIFT) + 1 : 1;
		if (shinfo->dataref)
			return;
	}
	for (i = 0; i < shinfo->nr_frags; i++)
		skb_frag_unref(skb, i);
	BUG_ON(shinfo->frag_list);
	free(skb->head);
	free(shinfo);
}

void kfree_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	BUG_ON(skb->users <= 0);
	if (--skb->users)
		return;
	skb_release_data(skb);
	free(skb);
}

void consume_skb(struct sk_buff *skb)
{
	kfree_skb(skb);
}

/* __skb_clone(): a second sk_buff on the same data. */
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority)
{
	struct sk_buff *n;

	(void)priority;
	if (!shim_alloc_may_succeed())
		return NULL;
	n = malloc(sizeof(*n));
	if (!n)
		abort();
	*n = *skb;
	n->next = n->prev = NULL;
	n->users = 1;
	n->cloned = 1;
	n->nohdr = 0;
	n->hdr_len = skb->nohdr ? skb_headroom(skb) : skb->hdr_len;
	skb->cloned = 1;
	skb_shinfo(skb)->dataref++;
	return n;
}

static void skb_headers_offset_update(struct sk_buff *skb, int off)
{
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		skb->csum_start += off;
	if (skb->mac_header != (u16)~0U)
		skb->mac_header += off;
	skb->network_header += off;
	if (skb->transport_header != (u16)~0U)
		skb->transport_header += off;
}

int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp)
{
	unsigned int size = skb->end + nhead + ntail;
	struct skb_shared_info *shinfo;
	u8 *data;
	long off;
	int i;

	(void)gfp;
	BUG_ON(nhead < 0);
	BUG_ON(skb->users != 1);
	/* kmalloc's limit: a larger request is a bug, not a failure */
	BUG_ON(size > 4u << 20);
	if (alloc_head(size, &data, &shinfo))
		return -ENOMEM;
	memcpy(data + nhead, skb->head, skb->tail);
	memcpy(shinfo, skb_shinfo(skb), sizeof(*shinfo));
	if (skb_cloned(skb)) {
		for (i = 0; i < shinfo->nr_frags; i++)
			skb_frag_ref(skb, i);
		skb_release_data(skb);
	} else {
		free(skb->head);
		free(skb_shinfo(skb));
	}
	off = (data + nhead) - skb->head;
	skb->head = data;
	skb->head_frag = 0;
	skb->data += off;
	skb->end = size;
	skb->tail += nhead;
	skb->shinfo = shinfo;
	skb_headers_offset_update(skb, nhead);
	skb->cloned = 0;
	skb->hdr_len = 0;
	skb->nohdr = 0;
	shinfo->dataref = 1;
	return 0;
}

/* Drop the first @eat bytes of the page fragments, now in the head. */
static void frags_eat(struct skb_shared_info *si, unsigned int eat)
{
	unsigned int i, kept = 0;

	for (i = 0; i < si->nr_frags; i++) {
		skb_frag_t f = si->frags[i];

		if (eat >= f.bv_len) {
			eat -= f.bv_len;
			page_unref(f.bv_page);
			continue;
		}
		f.bv_offset += eat;
		f.bv_len -= eat;
		eat = 0;
		si->frags[kept++] = f;
	}
	si->nr_frags = kept;
}

/* Keep the first @keep bytes of the page fragments, drop the rest. */
static void frags_keep(struct skb_shared_info *si, unsigned int keep)
{
	unsigned int i, kept = 0;

	for (i = 0; i < si->nr_frags; i++) {
		if (!keep) {
			page_unref(si->frags[i].bv_page);
			continue;
		}
		si->frags[i].bv_len = min(si->frags[i].bv_len, keep);
		keep -= si->frags[i].bv_len;
		kept = i + 1;
	}
	si->nr_frags = kept;
}

/*
 * Move @delta bytes from the fragments to the head's tail: a copy of the
 * head first when it is shared or too small, with 128 bytes to spare then.
 */
void *__pskb_pull_tail(struct sk_buff *skb, int delta)
{
	int short_by = skb->tail + delta - skb->end;

	if (short_by > 0 || skb_cloned(skb)) {
		if (pskb_expand_head(skb, 0, short_by > 0 ? short_by + 128 : 0,
				     GFP_ATOMIC))
			return NULL;
	}
	BUG_ON(skb_copy_bits(skb, skb_headlen(skb), skb_tail_pointer(skb),
			     delta));
	frags_eat(skb_shinfo(skb), delta);
	skb->tail += delta;
	skb->data_len -= delta;
	return skb_tail_pointer(skb);
}

/* Cut a paged skb to @len bytes; a shared head is copied first. */
int ___pskb_trim(struct sk_buff *skb, unsigned int len)
{
	unsigned int head = skb_headlen(skb);
	int err;

	if (skb_cloned(skb)) {
		err = pskb_expand_head(skb, 0, 0, GFP_ATOMIC);
		if (err)
			return err;
	}
	frags_keep(skb_shinfo(skb), len > head ? len - head : 0);
	if (len > head) {
		skb->data_len = len - head;
	} else {
		skb->data_len = 0;
		skb_set_tail_pointer(skb, len);
	}
	skb->len = len;
	return 0;
}

int pskb_trim_rcsum_slow(struct sk_buff *skb, unsigned int len)
{
	if (skb->ip_summed == CHECKSUM_COMPLETE) {
		int delta = skb->len - len;

		skb->csum = csum_block_sub(skb->csum,
					   skb_checksum(skb, len, delta, 0), len);
	} else if (skb->ip_summed == CHECKSUM_PARTIAL) {
		unsigned int hdlen = len > skb_headlen(skb) ? skb_headlen(skb) : len;
		int offset = skb_checksum_start_offset(skb) + skb->csum_offset;

		if (offset + sizeof(__sum16) > hdlen)
			return -EINVAL;
	}
	return __pskb_trim(skb, len);
}

void *skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb_tail_pointer(skb);

	SKB_LINEAR_ASSERT(skb);
	skb->tail += len;
	skb->len += len;
	BUG_ON(skb->tail > skb->end);	/* skb_over_panic() */
	return tmp;
}

void *skb_push(struct sk_buff *skb, unsigned int len)
{
	skb->data -= len;
	skb->len += len;
	BUG_ON(skb->data < skb->head);	/* skb_under_panic() */
	return skb->data;
}

void *skb_pull(struct sk_buff *skb, unsigned int len)
{
	return len > skb->len ? NULL : __skb_pull(skb, len);
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len > len)
		__skb_trim(skb, len);
}

/* Piece @i of the data: 0 the head, then each page fragment. */
static unsigned int skb_piece(const struct sk_buff *skb, unsigned int i,
			      const u8 **p)
{
	const skb_frag_t *f;

	if (!i) {
		*p = skb->data;
		return skb_headlen(skb);
	}
	f = &skb_shinfo(skb)->frags[i - 1];
	*p = skb_frag_address(f);
	return skb_frag_size(f);
}

/*
 * Call @fn on each stretch of @len bytes from @offset, with where it is in
 * the data: skb_copy_bits() and skb_checksum() are both this walk.
 */
static int skb_walk(const struct sk_buff *skb, unsigned int offset,
		    unsigned int len,
		    void (*fn)(const u8 *p, unsigned int n, unsigned int done,
			       void *arg),
		    void *arg)
{
	unsigned int i, pos = 0, n, from, take, done = 0;
	const u8 *p;

	/* A negative offset would read the headroom: never the translator. */
	WARN_ON((int)offset < 0 || (int)len < 0);
	if (offset > skb->len || len > skb->len - offset)
		return -EFAULT;
	for (i = 0; done < len && i <= skb_shinfo(skb)->nr_frags; i++) {
		n = skb_piece(skb, i, &p);
		if (offset + done < pos + n) {
			from = offset + done - pos;
			take = min(n - from, len - done);
			fn(p + from, take, done, arg);
			done += take;
		}
		pos += n;
	}
	return done == len ? 0 : -EFAULT;
}

static void copy_piece(const u8 *p, unsigned int n, unsigned int done,
		       void *to)
{
	memcpy((u8 *)to + done, p, n);
}

int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	return skb_walk(skb, offset, len, copy_piece, to);
}

/* A piece's sum goes in byte-swapped if it starts at an odd position. */
static void sum_piece(const u8 *p, unsigned int n, unsigned int done,
		      void *sum)
{
	*(__wsum *)sum = csum_block_add(*(__wsum *)sum,
					csum_partial(p, n, 0), done);
}

__wsum skb_checksum(const struct sk_buff *skb, int offset, int len,
		    __wsum csum)
{
	BUG_ON(skb_walk(skb, offset, len, sum_piece, &csum));
	return csum;
}

int skb_checksum_help(struct sk_buff *skb)
{
	__wsum csum;
	int ret = 0, offset;

	if (skb->ip_summed == CHECKSUM_COMPLETE)
		goto out_set_summed;
	/* skb_warn_bad_offload(): a WARN, so fatal here */
	WARN_ON(skb_is_gso(skb));
	if (skb_has_shared_frag(skb)) {
		ret = __skb_linearize(skb);
		if (ret)
			goto out;
	}
	offset = skb_checksum_start_offset(skb);
	WARN_ON(offset >= (int)skb_headlen(skb));
	csum = skb_checksum(skb, offset, skb->len - offset, 0);
	offset += skb->csum_offset;
	WARN_ON(offset + sizeof(__sum16) > skb_headlen(skb));
	ret = skb_ensure_writable(skb, offset + sizeof(__sum16));
	if (ret)
		goto out;
	*(__sum16 *)(skb->data + offset) = csum_fold(csum) ?: CSUM_MANGLED_0;
out_set_summed:
	skb->ip_summed = CHECKSUM_NONE;
out:
	return ret;
}

int skb_ensure_writable(struct sk_buff *skb, unsigned int write_len)
{
	if (!pskb_may_pull(skb, write_len))
		return -ENOMEM;
	if (!skb_cloned(skb) || skb_clone_writable(skb, write_len))
		return 0;
	return pskb_expand_head(skb, 0, 0, GFP_ATOMIC);
}

/*
 * skb_gso_transport_seglen() for what a router sees: no encapsulation; TCP
 * reads the header length from the transport header.
 */
static unsigned int skb_gso_transport_seglen(const struct sk_buff *skb)
{
	const struct skb_shared_info *shinfo = skb_shinfo(skb);
	unsigned int thlen = 0;

	if (shinfo->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6))
		thlen = tcp_hdrlen(skb);
	else if (shinfo->gso_type & SKB_GSO_SCTP)
		thlen = 12;	/* sizeof(struct sctphdr) */
	else if (shinfo->gso_type & SKB_GSO_UDP_L4)
		thlen = 8;	/* sizeof(struct udphdr) */
	return thlen + shinfo->gso_size;
}

bool skb_gso_validate_network_len(const struct sk_buff *skb, unsigned int mtu)
{
	unsigned int seg_len = skb_transport_header(skb) -
			       skb_network_header(skb) +
			       skb_gso_transport_seglen(skb);

	/* GSO_BY_FRAGS (SCTP) walks a frag_list, which this shim lacks. */
	BUG_ON(skb_shinfo(skb)->gso_size == GSO_BY_FRAGS);
	return seg_len <= mtu;
}
