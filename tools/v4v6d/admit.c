// SPDX-License-Identifier: GPL-2.0
/*
 * Admission. A LAN is not trusted: any host can send frames from any MAC
 * and address. v4v6d learns a source as a device only if its MAC is a
 * unicast one, not denied (learn-deny, learn-allow), not one already on
 * the WAN, its IPv4 address a host of the LAN's subnets, there is room
 * (max-devices) and time (learn-rate: at most that many new devices a
 * second; the others wait in a queue). An IPv4 address that a device holds
 * passes to another MAC only when the holder is gone: it does not answer
 * ARP requests sent to its MAC. Everything refused is counted and logged,
 * each reason at most once every ADMIT_LOG_EVERY_MS.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "admit.h"
#include "log.h"
#include "parse.h"

static const char *const why_names[ADMIT_N] = {
	[ADMIT_OK] = "admitted",
	[ADMIT_BAD_MAC] = "not a unicast MAC",
	[ADMIT_SUBNET] = "not an address of the LAN's subnets",
	[ADMIT_DENIED] = "denied by learn-allow/learn-deny",
	[ADMIT_WAN_MAC] = "a MAC already on the WAN",
	[ADMIT_FULL] = "max-devices reached",
	[ADMIT_RATE] = "over learn-rate: queued",
	[ADMIT_QUEUE_FULL] = "over learn-rate, the queue full: dropped",
	[ADMIT_CONFLICT] = "its IPv4 address is another device's",
};

const char *admit_why_name(enum admit_why why)
{
	return why < ADMIT_N ? why_names[why] : "?";
}

static const char *mac_text(const uint8_t mac[6], char buf[18])
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

static const char *ip_text(struct in_addr a, char buf[INET_ADDRSTRLEN])
{
	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

void admit_init(struct admit *a, const struct admit_ops *ops, void *ctx)
{
	memset(a, 0, sizeof(*a));
	a->ops = ops;
	a->ctx = ctx;
}

/* Count a refusal, and log it unless its reason was logged lately. */
static enum admit_why refuse(struct admit *a, enum admit_why why,
			     const uint8_t mac[6], struct in_addr ipv4,
			     uint64_t now)
{
	char m[18], ip[INET_ADDRSTRLEN];

	a->count[why]++;
	if (a->logged_ms[why] && now < a->logged_ms[why] + ADMIT_LOG_EVERY_MS) {
		a->quiet[why]++;
		return why;
	}
	/* Waiting for learn-rate is no fault of the source's. */
	log_msg(why == ADMIT_RATE ? LOG_INFO : LOG_WARNING,
		"%s %s not learnt: %s (%" PRIu64 " so far, %" PRIu64
		" not logged)", mac_text(mac, m), ip_text(ipv4, ip),
		why_names[why], a->count[why], a->quiet[why]);
	a->logged_ms[why] = now;
	a->quiet[why] = 0;
	return why;
}

/* The LAN's subnets. */

static uint32_t mask_of(unsigned int plen)
{
	return plen ? ~0u << (32 - plen) : 0;
}

void admit_subnet(struct admit *a, struct in_addr addr, unsigned int plen,
		  bool gone)
{
	unsigned int i;

	if (plen > 32)
		return;
	for (i = 0; i < a->n_subnets; i++)
		if (a->subnets[i].addr.s_addr == addr.s_addr &&
		    a->subnets[i].plen == plen)
			break;
	if (gone) {
		if (i < a->n_subnets)
			a->subnets[i] = a->subnets[--a->n_subnets];
		return;
	}
	if (i < a->n_subnets || a->n_subnets == ADMIT_MAX_SUBNETS)
		return;
	a->subnets[a->n_subnets].addr = addr;
	a->subnets[a->n_subnets++].plen = plen;
}

void admit_lan_forget(struct admit *a)
{
	a->n_subnets = 0;
}

/* The subnet of @a's that has @ipv4 as a host, or NULL. */
static const struct admit_subnet *subnet_of(const struct admit *a,
					    struct in_addr ipv4)
{
	uint32_t h = ntohl(ipv4.s_addr), m, net;
	unsigned int i;

	for (i = 0; i < a->n_subnets; i++) {
		const struct admit_subnet *s = &a->subnets[i];

		m = mask_of(s->plen);
		net = ntohl(s->addr.s_addr) & m;
		if ((h & m) != net || s->addr.s_addr == ipv4.s_addr)
			continue;
		/* Neither the network's nor the broadcast address. */
		if (s->plen < 31 && ((h & ~m) == 0 || (h & ~m) == ~m))
			continue;
		return s;
	}
	return NULL;
}

bool admit_in_lan(const struct admit *a, struct in_addr ipv4)
{
	return subnet_of(a, ipv4);
}

struct in_addr admit_lan_addr(const struct admit *a, struct in_addr ipv4)
{
	const struct admit_subnet *s = subnet_of(a, ipv4);

	return s ? s->addr : (struct in_addr){ 0 };
}

/* The WAN's MACs. */

static int wan_index(const struct admit *a, const uint8_t mac[6])
{
	unsigned int i;

	for (i = 0; i < a->n_wan_macs; i++)
		if (!memcmp(a->wan_macs[i], mac, 6))
			return (int)i;
	return -1;
}

static bool on_wan(const struct admit *a, const uint8_t mac[6])
{
	return (a->has_wan_own && !memcmp(a->wan_own, mac, 6)) ||
	       wan_index(a, mac) >= 0;
}

void admit_wan_mac(struct admit *a, const uint8_t mac[6], bool own,
		   bool gone)
{
	int i = wan_index(a, mac);

	if (own) {
		memcpy(a->wan_own, mac, 6);
		a->has_wan_own = true;
		return;
	}
	if (gone) {
		if (i >= 0)
			memcpy(a->wan_macs[i], a->wan_macs[--a->n_wan_macs], 6);
		return;
	}
	if (i >= 0)
		return;
	if (a->n_wan_macs < ADMIT_MAX_WAN_MACS) {
		memcpy(a->wan_macs[a->n_wan_macs++], mac, 6);
		return;
	}
	/* Full: the newest takes turns with the others' places. */
	memcpy(a->wan_macs[a->wan_next++ % ADMIT_MAX_WAN_MACS], mac, 6);
}

void admit_wan_forget(struct admit *a)
{
	a->has_wan_own = false;
	a->n_wan_macs = 0;
	a->wan_next = 0;
}

/* The checks. */

static bool mac_listed(const uint8_t (*list)[6], unsigned int n,
		       const uint8_t mac[6])
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!memcmp(list[i], mac, 6))
			return true;
	return false;
}

static bool mac_denied(const struct config *c, const uint8_t mac[6])
{
	if (mac_listed(c->learn_deny, c->n_learn_deny, mac))
		return true;
	return c->n_learn_allow &&
	       !mac_listed(c->learn_allow, c->n_learn_allow, mac);
}

/* learn-rate's bucket: one second's worth at most. */
static void fill(struct admit *a, const struct config *c, uint64_t now)
{
	uint64_t cap = (uint64_t)c->learn_rate * 1000;

	if (!a->tokens_set || now < a->tokens_ms) {
		a->tokens = cap;
		a->tokens_set = true;
	} else {
		a->tokens += (now - a->tokens_ms) * c->learn_rate;
	}
	if (a->tokens > cap)
		a->tokens = cap;
	a->tokens_ms = now;
}

static struct admit_pending *pending_at(struct admit *a, unsigned int i)
{
	return &a->pending[(a->pending_head + i) % ADMIT_MAX_PENDING];
}

/* Queue @mac at @ipv4 for later; false when there is no room. */
static bool queue(struct admit *a, const uint8_t mac[6], struct in_addr ipv4,
		  bool sure)
{
	struct admit_pending *p;
	unsigned int i;

	for (i = 0; i < a->n_pending; i++) {
		p = pending_at(a, i);
		if (!memcmp(p->mac, mac, 6)) {
			p->ipv4 = ipv4;
			p->sure |= sure;
			return true;
		}
	}
	if (a->n_pending == ADMIT_MAX_PENDING)
		return false;
	p = pending_at(a, a->n_pending++);
	memcpy(p->mac, mac, 6);
	p->ipv4 = ipv4;
	p->sure = sure;
	return true;
}

static bool ipv4_host(struct in_addr a)
{
	uint32_t h = ntohl(a.s_addr);

	return (h >> 24) != 0 && (h >> 24) != 127 && (h >> 16) != 0xa9fe &&
	       (h >> 28) < 0xe;
}

enum admit_why admit_check(struct admit *a, const struct config *c,
			   const uint8_t mac[6], struct in_addr ipv4,
			   unsigned int n_devs, uint64_t now)
{
	if (mac_check(mac))
		return refuse(a, ADMIT_BAD_MAC, mac, ipv4, now);
	if (!ipv4_host(ipv4) || !admit_in_lan(a, ipv4))
		return refuse(a, ADMIT_SUBNET, mac, ipv4, now);
	if (mac_denied(c, mac))
		return refuse(a, ADMIT_DENIED, mac, ipv4, now);
	if (on_wan(a, mac))
		return refuse(a, ADMIT_WAN_MAC, mac, ipv4, now);
	if (n_devs >= c->max_devices)
		return refuse(a, ADMIT_FULL, mac, ipv4, now);
	return ADMIT_OK;
}

enum admit_why admit_rate(struct admit *a, const struct config *c,
			  const uint8_t mac[6], struct in_addr ipv4, bool sure,
			  uint64_t now)
{
	fill(a, c, now);
	if (a->tokens < 1000) {
		if (!queue(a, mac, ipv4, sure))
			return refuse(a, ADMIT_QUEUE_FULL, mac, ipv4, now);
		return refuse(a, ADMIT_RATE, mac, ipv4, now);
	}
	a->tokens -= 1000;
	return ADMIT_OK;
}

enum admit_why admit_new(struct admit *a, const struct config *c,
			 const uint8_t mac[6], struct in_addr ipv4,
			 unsigned int n_devs, bool sure, uint64_t now)
{
	enum admit_why why = admit_check(a, c, mac, ipv4, n_devs, now);

	return why ? why : admit_rate(a, c, mac, ipv4, sure, now);
}

void admit_refused(struct admit *a, enum admit_why why, const uint8_t mac[6],
		   struct in_addr ipv4, uint64_t now)
{
	if (why > ADMIT_OK && why < ADMIT_N)
		refuse(a, why, mac, ipv4, now);
}

enum admit_why admit_move(struct admit *a, const uint8_t mac[6],
			  struct in_addr ipv4, uint64_t now)
{
	if (!ipv4_host(ipv4) || !admit_in_lan(a, ipv4))
		return refuse(a, ADMIT_SUBNET, mac, ipv4, now);
	return ADMIT_OK;
}

/* Claims. */

static struct admit_probe *probe_of(struct admit *a, struct in_addr ipv4)
{
	unsigned int i;

	for (i = 0; i < ADMIT_MAX_PROBES; i++)
		if (a->probes[i].used && a->probes[i].ipv4.s_addr == ipv4.s_addr)
			return &a->probes[i];
	return NULL;
}

bool admit_probing(const struct admit *a, struct in_addr ipv4)
{
	return probe_of((struct admit *)a, ipv4);
}

static struct admit_conflict *conflict_of(struct admit *a, struct in_addr ipv4,
					  const uint8_t claimant[6])
{
	unsigned int i;

	for (i = 0; i < ADMIT_MAX_CONFLICTS; i++) {
		struct admit_conflict *k = &a->conflicts[i];

		if (k->used && k->ipv4.s_addr == ipv4.s_addr &&
		    (!claimant || !memcmp(k->claimant, claimant, 6)))
			return k;
	}
	return NULL;
}

static void conflict_off(struct admit *a, struct admit_conflict *k)
{
	struct in_addr ipv4 = k->ipv4;
	uint8_t holder[6];

	memcpy(holder, k->holder, 6);
	k->used = false;
	/* The flag stays while another claimant of the address is refused. */
	if (!conflict_of(a, ipv4, NULL) && a->ops->conflict)
		a->ops->conflict(a->ctx, ipv4, holder, false);
}

void admit_claim(struct admit *a, struct in_addr ipv4, const uint8_t holder[6],
		 const uint8_t claimant[6], uint64_t now)
{
	struct admit_conflict *k = conflict_of(a, ipv4, claimant);
	struct admit_probe *p = probe_of(a, ipv4);
	char m[18], h[18], ip[INET_ADDRSTRLEN];
	unsigned int i;

	if (k && memcmp(k->holder, holder, 6))
		conflict_off(a, k);	/* another holder: a new case */
	else if (k && now < k->hold_ms) {
		a->count[ADMIT_CONFLICT]++;
		if (a->ops->refused)
			a->ops->refused(a->ctx, ipv4, holder);
		return;
	}
	if (p)
		return;		/* being checked */
	for (i = 0; i < ADMIT_MAX_PROBES && a->probes[i].used; i++)
		;
	if (i == ADMIT_MAX_PROBES) {
		/* Too many at once: refused, and checked when claimed again. */
		refuse(a, ADMIT_CONFLICT, claimant, ipv4, now);
		return;
	}
	p = &a->probes[i];
	p->used = true;
	p->ipv4 = ipv4;
	memcpy(p->holder, holder, 6);
	memcpy(p->claimant, claimant, 6);
	p->tries = 1;
	p->since_ms = now;
	p->next_ms = now + ADMIT_PROBE_WAIT_MS;
	log_debug("%s claims %s, %s's: asking %s (ARP)",
		  mac_text(claimant, m), ip_text(ipv4, ip),
		  mac_text(holder, h), h);
	a->ops->probe(a->ctx, ipv4, holder);
}

/* @p's holder answered: the claimant is refused. */
static void conflict_found(struct admit *a, struct admit_probe *p,
			   uint64_t now)
{
	struct admit_conflict *k = conflict_of(a, p->ipv4, p->claimant);
	char m[18], h[18], ip[INET_ADDRSTRLEN];
	bool first = !conflict_of(a, p->ipv4, NULL);
	unsigned int i, oldest = 0;

	p->used = false;
	a->count[ADMIT_CONFLICT]++;
	if (!k) {
		a->n_conflicts++;
		if (a->logged_ms[ADMIT_CONFLICT] &&
		    now < a->logged_ms[ADMIT_CONFLICT] + ADMIT_LOG_EVERY_MS) {
			a->quiet[ADMIT_CONFLICT]++;
		} else {
			log_warn("%s claims %s, which %s still answers for: "
				 "refused (conflict %" PRIu64 ", %" PRIu64
				 " not logged; not logged again for this pair)",
				 mac_text(p->claimant, m), ip_text(p->ipv4, ip),
				 mac_text(p->holder, h), a->n_conflicts,
				 a->quiet[ADMIT_CONFLICT]);
			a->logged_ms[ADMIT_CONFLICT] = now;
			a->quiet[ADMIT_CONFLICT] = 0;
		}
		for (i = 0; i < ADMIT_MAX_CONFLICTS; i++) {
			if (!a->conflicts[i].used)
				break;
			if (a->conflicts[i].forget_ms <
			    a->conflicts[oldest].forget_ms)
				oldest = i;
		}
		if (i == ADMIT_MAX_CONFLICTS) {
			conflict_off(a, &a->conflicts[oldest]);
			i = oldest;
		}
		k = &a->conflicts[i];
		k->used = true;
		k->ipv4 = p->ipv4;
		memcpy(k->holder, p->holder, 6);
		memcpy(k->claimant, p->claimant, 6);
	}
	k->hold_ms = now + ADMIT_HOLD_MS;
	k->forget_ms = now + ADMIT_FORGET_MS;
	if (first && a->ops->conflict)
		a->ops->conflict(a->ctx, p->ipv4, p->holder, true);
	if (a->ops->refused)
		a->ops->refused(a->ctx, p->ipv4, p->holder);
}

void admit_alive(struct admit *a, struct in_addr ipv4, const uint8_t mac[6],
		 uint64_t at)
{
	struct admit_probe *p = probe_of(a, ipv4);

	if (p && !memcmp(p->holder, mac, 6) && at >= p->since_ms)
		conflict_found(a, p, at);
}

void admit_moved(struct admit *a, struct in_addr ipv4)
{
	struct admit_conflict *k;
	struct admit_probe *p = probe_of(a, ipv4);

	if (p)
		p->used = false;
	while ((k = conflict_of(a, ipv4, NULL)))
		conflict_off(a, k);
}

static void probe_timer(struct admit *a, struct admit_probe *p, uint64_t now)
{
	char h[18], c[18], ip[INET_ADDRSTRLEN];
	uint8_t holder[6], claimant[6];
	struct in_addr ipv4 = p->ipv4;

	if (now < p->next_ms)
		return;
	if (p->tries < ADMIT_PROBE_TRIES) {
		p->tries++;
		p->next_ms = now + ADMIT_PROBE_WAIT_MS;
		a->ops->probe(a->ctx, p->ipv4, p->holder);
		return;
	}
	memcpy(holder, p->holder, 6);
	memcpy(claimant, p->claimant, 6);
	p->used = false;
	a->moves++;
	log_info("%s did not answer %d ARP requests for %s: it passes to %s",
		 mac_text(holder, h), ADMIT_PROBE_TRIES, ip_text(ipv4, ip),
		 mac_text(claimant, c));
	admit_moved(a, ipv4);
	a->ops->gone(a->ctx, ipv4, holder, claimant);
}

void admit_timers(struct admit *a, const struct config *c, uint64_t now)
{
	struct admit_pending p;
	unsigned int i;

	for (i = 0; i < ADMIT_MAX_PROBES; i++)
		if (a->probes[i].used)
			probe_timer(a, &a->probes[i], now);
	for (i = 0; i < ADMIT_MAX_CONFLICTS; i++)
		if (a->conflicts[i].used && now >= a->conflicts[i].forget_ms)
			conflict_off(a, &a->conflicts[i]);
	fill(a, c, now);
	while (a->n_pending && a->tokens >= 1000) {
		p = *pending_at(a, 0);
		a->pending_head = (a->pending_head + 1) % ADMIT_MAX_PENDING;
		a->n_pending--;
		if (a->ops->learn)
			a->ops->learn(a->ctx, p.mac, p.ipv4, p.sure);
	}
}

uint64_t admit_deadline(const struct admit *a, const struct config *c)
{
	uint64_t t = UINT64_MAX, need;
	unsigned int i;

	for (i = 0; i < ADMIT_MAX_PROBES; i++)
		if (a->probes[i].used && a->probes[i].next_ms < t)
			t = a->probes[i].next_ms;
	for (i = 0; i < ADMIT_MAX_CONFLICTS; i++)
		if (a->conflicts[i].used && a->conflicts[i].forget_ms < t)
			t = a->conflicts[i].forget_ms;
	if (a->n_pending && c->learn_rate) {
		need = a->tokens >= 1000 ? 0 :
		       (1000 - a->tokens + c->learn_rate - 1) / c->learn_rate;
		if (a->tokens_ms + need < t)
			t = a->tokens_ms + need;
	}
	return t;
}
