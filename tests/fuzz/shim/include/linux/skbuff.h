/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A userspace sk_buff with the kernel's (6.1) semantics, for fuzzing.
 *
 * Each head buffer and each page fragment is a malloc of exactly its size,
 * so that AddressSanitizer reports any byte read or written outside it.
 * The shared info lives in its own allocation (the kernel keeps it at
 * skb->end) and is shared by clones, as are the fragments' pages. There is
 * no frag_list: page fragments only. The inline helpers are here as in the
 * kernel's header; the rest is in shim/skbuff.c.
 */
#ifndef _SHIM_LINUX_SKBUFF_H
#define _SHIM_LINUX_SKBUFF_H

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/string.h>
#include <linux/types.h>
#include <net/checksum.h>

#define GFP_ATOMIC	0x1u
#define GFP_KERNEL	0x2u

#define CHECKSUM_NONE		0
#define CHECKSUM_UNNECESSARY	1
#define CHECKSUM_COMPLETE	2
#define CHECKSUM_PARTIAL	3

#define MAX_SKB_FRAGS	17
#define GSO_BY_FRAGS	0xFFFF

/* enum skb_gso_type, the 6.1 values */
enum {
	SKB_GSO_TCPV4 = 1 << 0,
	SKB_GSO_DODGY = 1 << 1,
	SKB_GSO_TCP_ECN = 1 << 2,
	SKB_GSO_TCP_FIXEDID = 1 << 3,
	SKB_GSO_TCPV6 = 1 << 4,
	SKB_GSO_SCTP = 1 << 14,
	SKB_GSO_UDP_L4 = 1 << 16,
	SKB_GSO_FRAGLIST = 1 << 17,
};

/* skb_shared_info.flags */
#define SKBFL_SHARED_FRAG	0x2

#define SKB_DATAREF_SHIFT 16
#define SKB_DATAREF_MASK ((1 << SKB_DATAREF_SHIFT) - 1)

/* A page: here a malloc of exactly the bytes it holds, refcounted. */
struct page {
	int refcount;
	unsigned int size;
	u8 *mem;
};

typedef struct {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
} skb_frag_t;

struct sk_buff;

struct skb_shared_info {
	u8 flags;
	u8 nr_frags;
	unsigned short gso_size;
	unsigned short gso_segs;
	struct sk_buff *frag_list;	/* always NULL here */
	unsigned int gso_type;
	int dataref;
	skb_frag_t frags[MAX_SKB_FRAGS];
};

struct sk_buff {
	/* first, as in the kernel: a struct sk_buff_head links through them */
	struct sk_buff *next;
	struct sk_buff *prev;
	struct net_device *dev;
	char cb[48];
	unsigned int len;
	unsigned int data_len;
	u16 mac_len;
	u16 hdr_len;
	u8 cloned:1;
	u8 nohdr:1;
	u8 head_frag:1;
	u8 encapsulation:1;
	u8 ip_summed:2;
	__be16 protocol;
	u16 transport_header;
	u16 network_header;
	u16 mac_header;
	union {
		__wsum csum;
		struct {
			u16 csum_start;
			u16 csum_offset;
		};
	};
	u32 priority;
	u32 mark;
	int users;
	/* offsets from head, as NET_SKBUFF_DATA_USES_OFFSET on 64-bit */
	unsigned int tail;
	unsigned int end;
	unsigned char *head;
	unsigned char *data;
	struct skb_shared_info *shinfo;
};

struct sk_buff_head {
	struct sk_buff *next;
	struct sk_buff *prev;
	u32 qlen;
};

static inline struct skb_shared_info *skb_shinfo(const struct sk_buff *skb)
{
	return skb->shinfo;
}

static inline unsigned int skb_frag_size(const skb_frag_t *frag)
{
	return frag->bv_len;
}

static inline void *skb_frag_address(const skb_frag_t *frag)
{
	return frag->bv_page->mem + frag->bv_offset;
}

static inline bool skb_is_nonlinear(const struct sk_buff *skb)
{
	return skb->data_len;
}

static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

static inline unsigned char *skb_tail_pointer(const struct sk_buff *skb)
{
	return skb->head + skb->tail;
}

static inline void skb_set_tail_pointer(struct sk_buff *skb, int offset)
{
	skb->tail = skb->data - skb->head + offset;
}

static inline unsigned char *skb_end_pointer(const struct sk_buff *skb)
{
	return skb->head + skb->end;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return skb->data - skb->head;
}

static inline int skb_tailroom(const struct sk_buff *skb)
{
	return skb_is_nonlinear(skb) ? 0 : skb->end - skb->tail;
}

static inline void skb_reserve(struct sk_buff *skb, int len)
{
	skb->data += len;
	skb->tail += len;
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = skb->data - skb->head;
}

static inline void skb_set_network_header(struct sk_buff *skb, int offset)
{
	skb->network_header = skb->data - skb->head + offset;
}

static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = skb->data - skb->head;
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
	skb->transport_header = skb->data - skb->head + offset;
}

static inline int skb_network_offset(const struct sk_buff *skb)
{
	return skb_network_header(skb) - skb->data;
}

static inline int skb_transport_offset(const struct sk_buff *skb)
{
	return skb_transport_header(skb) - skb->data;
}

static inline int skb_checksum_start_offset(const struct sk_buff *skb)
{
	return skb->csum_start - skb_headroom(skb);
}

static inline unsigned char *skb_checksum_start(const struct sk_buff *skb)
{
	return skb->head + skb->csum_start;
}

static inline int skb_cloned(const struct sk_buff *skb)
{
	return skb->cloned &&
	       (skb_shinfo(skb)->dataref & SKB_DATAREF_MASK) != 1;
}

static inline int skb_header_cloned(const struct sk_buff *skb)
{
	int dataref;

	if (!skb->cloned)
		return 0;
	dataref = skb_shinfo(skb)->dataref;
	dataref = (dataref & SKB_DATAREF_MASK) - (dataref >> SKB_DATAREF_SHIFT);
	return dataref != 1;
}

static inline bool skb_is_gso(const struct sk_buff *skb)
{
	return skb_shinfo(skb)->gso_size;
}

static inline void skb_decrease_gso_size(struct skb_shared_info *shinfo,
					 u16 decrement)
{
	if (WARN_ON_ONCE(shinfo->gso_size == GSO_BY_FRAGS))
		return;
	shinfo->gso_size -= decrement;
}

static inline bool skb_has_shared_frag(const struct sk_buff *skb)
{
	return skb_is_nonlinear(skb) &&
	       skb_shinfo(skb)->flags & SKBFL_SHARED_FRAG;
}

/* shim/skbuff.c: what the kernel has out of line */
struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority);
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp);
void *__pskb_pull_tail(struct sk_buff *skb, int delta);
int ___pskb_trim(struct sk_buff *skb, unsigned int len);
int pskb_trim_rcsum_slow(struct sk_buff *skb, unsigned int len);
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
__wsum skb_checksum(const struct sk_buff *skb, int offset, int len,
		    __wsum csum);
int skb_checksum_help(struct sk_buff *skb);
int skb_ensure_writable(struct sk_buff *skb, unsigned int write_len);
bool skb_gso_validate_network_len(const struct sk_buff *skb, unsigned int mtu);

#define SKB_LINEAR_ASSERT(skb) BUG_ON(skb_is_nonlinear(skb))

static inline void *__skb_put(struct sk_buff *skb, unsigned int len)
{
	void *tmp = skb_tail_pointer(skb);

	SKB_LINEAR_ASSERT(skb);
	skb->tail += len;
	skb->len += len;
	return tmp;
}

static inline void *skb_put_data(struct sk_buff *skb, const void *data,
				 unsigned int len)
{
	void *tmp = skb_put(skb, len);

	memcpy(tmp, data, len);
	return tmp;
}

static inline void *__skb_push(struct sk_buff *skb, unsigned int len)
{
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

/* CONFIG_DEBUG_NET's checks are on: a pull past the head is a BUG. */
static inline void *__skb_pull(struct sk_buff *skb, unsigned int len)
{
	BUG_ON(len > INT32_MAX);
	skb->len -= len;
	BUG_ON(skb->len < skb->data_len);
	return skb->data += len;
}

static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	BUG_ON(len > INT32_MAX);
	if (likely(len <= skb_headlen(skb)))
		return true;
	if (unlikely(len > skb->len))
		return false;
	return __pskb_pull_tail(skb, len - skb_headlen(skb)) != NULL;
}

static inline void __skb_set_length(struct sk_buff *skb, unsigned int len)
{
	if (WARN_ON(skb_is_nonlinear(skb)))
		return;
	skb->len = len;
	skb_set_tail_pointer(skb, len);
}

static inline void __skb_trim(struct sk_buff *skb, unsigned int len)
{
	__skb_set_length(skb, len);
}

static inline int __pskb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->data_len)
		return ___pskb_trim(skb, len);
	__skb_trim(skb, len);
	return 0;
}

static inline int pskb_trim(struct sk_buff *skb, unsigned int len)
{
	return len < skb->len ? __pskb_trim(skb, len) : 0;
}

static inline int pskb_trim_rcsum(struct sk_buff *skb, unsigned int len)
{
	if (likely(len >= skb->len))
		return 0;
	return pskb_trim_rcsum_slow(skb, len);
}

static inline int __skb_linearize(struct sk_buff *skb)
{
	return __pskb_pull_tail(skb, skb->data_len) ? 0 : -ENOMEM;
}

static inline int skb_linearize(struct sk_buff *skb)
{
	return skb_is_nonlinear(skb) ? __skb_linearize(skb) : 0;
}

static inline int skb_clone_writable(const struct sk_buff *skb,
				     unsigned int len)
{
	return !skb_header_cloned(skb) &&
	       skb_headroom(skb) + len <= skb->hdr_len;
}

/* The kernel's NET_SKB_PAD on x86-64: max(32, L1_CACHE_BYTES). */
#define NET_SKB_PAD 64

static inline int __skb_cow(struct sk_buff *skb, unsigned int headroom,
			    int cloned)
{
	int delta = 0;

	if (headroom > skb_headroom(skb))
		delta = headroom - skb_headroom(skb);
	if (delta || cloned)
		return pskb_expand_head(skb, ALIGN(delta, NET_SKB_PAD), 0,
					GFP_ATOMIC);
	return 0;
}

static inline int skb_cow_head(struct sk_buff *skb, unsigned int headroom)
{
	return __skb_cow(skb, headroom, skb_header_cloned(skb));
}

static inline void *skb_header_pointer(const struct sk_buff *skb, int offset,
				       int len, void *buffer)
{
	if (likely((int)skb_headlen(skb) - offset >= len))
		return skb->data + offset;
	if (skb_copy_bits(skb, offset, buffer, len) < 0)
		return NULL;
	return buffer;
}

/* Queues: the head is cast to an sk_buff, whose first members match it. */
static inline void __skb_queue_head_init(struct sk_buff_head *list)
{
	list->prev = list->next = (struct sk_buff *)list;
	list->qlen = 0;
}

static inline u32 skb_queue_len(const struct sk_buff_head *list)
{
	return list->qlen;
}

static inline bool skb_queue_empty(const struct sk_buff_head *list)
{
	return list->next == (const struct sk_buff *)list;
}

static inline bool skb_queue_is_last(const struct sk_buff_head *list,
				     const struct sk_buff *skb)
{
	return skb->next == (const struct sk_buff *)list;
}

static inline void __skb_queue_tail(struct sk_buff_head *list,
				    struct sk_buff *newsk)
{
	struct sk_buff *prev = list->prev;

	newsk->next = (struct sk_buff *)list;
	newsk->prev = prev;
	prev->next = newsk;
	list->prev = newsk;
	list->qlen++;
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;

	if (skb == (struct sk_buff *)list)
		return NULL;
	list->qlen--;
	list->next = skb->next;
	skb->next->prev = (struct sk_buff *)list;
	skb->next = skb->prev = NULL;
	return skb;
}

static inline void __skb_queue_purge(struct sk_buff_head *list)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(list)))
		kfree_skb(skb);
}

#define skb_queue_walk(queue, skb) \
	for (skb = (queue)->next; skb != (struct sk_buff *)(queue); \
	     skb = skb->next)

static inline void cond_resched(void)
{
}

#endif
