// SPDX-License-Identifier: GPL-2.0
/*
 * The IPv4 FIB's answers that the data path asks for with every packet,
 * remembered: whether a LAN packet to the router is for the internet (a
 * route other than a default route keeps it the IPv4 stack's, lan.c), and
 * whether the IPv4 source of a packet from the IPv6 network is the
 * router's own or its LAN's (forged, wan.c). Each is a FIB lookup, which
 * costs about a third of translating the packet. An answer depends only
 * on the lookup's inputs and on the routes and rules, and the kernel bumps
 * the namespace's route generation (rt_genid_ipv4()) whenever those
 * change: a route added, a route that was used removed, a rule changed, an
 * interface or its carrier down or up, addresses. Sockets' cached IPv4
 * routes rely on the same. So each CPU keeps the last answers in slots by
 * a hash of the question, each with the generation it was found under, and
 * a slot answers only the same question under the same generation.
 */
#include <linux/bottom_half.h>
#include <linux/jhash.h>
#include <linux/percpu.h>
#include <net/net_namespace.h>

#include "fib4.h"

/**
 * struct v4v6_fib4_slot - an answer and the lookup it answers
 * @key: the lookup's inputs
 * @genid: the namespace's route generation it was found under
 * @answer: the answer
 * @used: whether the slot holds an answer
 */
struct v4v6_fib4_slot {
	struct v4v6_fib4_key key;
	int genid;
	u8 answer;
	bool used;
};

struct v4v6_fib4_cache {
	struct v4v6_fib4_slot slot[V4V6_FIB4_SLOTS];
};

/**
 * v4v6_fib4_init() - the empty slots of a namespace
 * @cache: where to put them
 *
 * Return: 0 or -ENOMEM.
 */
int v4v6_fib4_init(struct v4v6_fib4_cache __percpu **cache)
{
	*cache = alloc_percpu(struct v4v6_fib4_cache);
	return *cache ? 0 : -ENOMEM;
}

/* v4v6_fib4_destroy() - the slots of a namespace given back (NULL: none) */
void v4v6_fib4_destroy(struct v4v6_fib4_cache __percpu *cache)
{
	free_percpu(cache);
}

static struct v4v6_fib4_slot *
v4v6_fib4_slot(struct v4v6_fib4_cache __percpu *cache,
	       const struct v4v6_fib4_key *k)
{
	u32 h = jhash_3words((__force u32)k->daddr, (__force u32)k->saddr,
			     k->iif ^ k->mark ^ k->dscp, k->ask);

	return &this_cpu_ptr(cache)->slot[h % V4V6_FIB4_SLOTS];
}

static bool v4v6_fib4_same(const struct v4v6_fib4_key *a,
			   const struct v4v6_fib4_key *b)
{
	return a->daddr == b->daddr && a->saddr == b->saddr &&
	       a->iif == b->iif && a->mark == b->mark && a->dscp == b->dscp &&
	       a->ask == b->ask;
}

/**
 * v4v6_fib4_recall() - a remembered answer
 * @net: the namespace
 * @cache: its slots
 * @k: the lookup's inputs
 *
 * Return: the answer, or -1 if there is none under the
 * namespace's route generation now.
 */
int v4v6_fib4_recall(const struct net *net,
		     struct v4v6_fib4_cache __percpu *cache,
		     const struct v4v6_fib4_key *k)
{
	const struct v4v6_fib4_slot *s;
	int answer = -1;

	/* The hooks run with BH off; the slots are this CPU's meanwhile. */
	local_bh_disable();
	s = v4v6_fib4_slot(cache, k);
	if (s->used && s->genid == rt_genid_ipv4(net) &&
	    v4v6_fib4_same(&s->key, k))
		answer = s->answer;
	local_bh_enable();
	return answer;
}

/**
 * v4v6_fib4_keep() - remember an answer
 * @cache: the namespace's slots
 * @k: the lookup's inputs
 * @genid: the namespace's route generation read before the lookup (if the
 *	routes changed meanwhile, the answer is never given)
 * @answer: the answer
 */
void v4v6_fib4_keep(struct v4v6_fib4_cache __percpu *cache,
		    const struct v4v6_fib4_key *k, int genid, u8 answer)
{
	struct v4v6_fib4_slot *s;

	local_bh_disable();
	s = v4v6_fib4_slot(cache, k);
	s->key = *k;
	s->genid = genid;
	s->answer = answer;
	s->used = true;
	local_bh_enable();
}
