// SPDX-License-Identifier: GPL-2.0
/*
 * What the WAN's Router Advertisements said, kept as a host keeps it: the
 * default router list and the on-link prefixes of RFC 4861 section 6.3.4,
 * and the SLAAC prefix of RFC 4862 section 5.5.3, each until its lifetime
 * ends. No I/O and no clock: the caller passes the time in and acts on
 * what changed (routes, addresses).
 *
 * v4v6d gives each device one address, so one SLAAC prefix is used at a
 * time: the first autonomous /64 advertised, until its valid lifetime ends
 * (the two-hour rule keeps an RA from cutting it short); another one
 * advertised meanwhile is used after it.
 */
#include <string.h>

#include "ra.h"

#define INFINITE	0xffffffffu

/* end_of(): @secs after @now, in milliseconds; infinity is RA_NEVER. */
static uint64_t end_of(uint32_t secs, uint64_t now)
{
	uint64_t ms = (uint64_t)secs * 1000;

	if (secs == INFINITE || ms > RA_NEVER - now)
		return RA_NEVER;
	return now + ms;
}

uint32_t ra_secs_left(uint64_t end_ms, uint64_t now_ms)
{
	uint64_t s;

	if (end_ms == RA_NEVER)
		return INFINITE;
	if (end_ms <= now_ms)
		return 0;
	s = (end_ms - now_ms) / 1000;
	return s >= INFINITE ? INFINITE - 1 : (uint32_t)s;
}

static bool same_prefix(const struct ra_timed *t, const struct in6_addr *p,
			uint8_t len)
{
	return t->len == len && !memcmp(&t->prefix, p, sizeof(*p));
}

/* ---- Default routers (RFC 4861 section 6.3.4) ---- */

const struct in6_addr *ra_state_router(const struct ra_state *s)
{
	return s->n_routers ? &s->routers[0].addr : NULL;
}

static int router_find(const struct ra_state *s, const struct in6_addr *a)
{
	unsigned int i;

	for (i = 0; i < s->n_routers; i++)
		if (!memcmp(&s->routers[i].addr, a, sizeof(*a)))
			return (int)i;
	return -1;
}

/* router_remove(): entry @i gone; RA_CH_ROUTER if it was the one used. */
static unsigned int router_remove(struct ra_state *s, unsigned int i)
{
	s->n_routers--;
	memmove(&s->routers[i], &s->routers[i + 1],
		(s->n_routers - i) * sizeof(s->routers[0]));
	return i ? 0 : RA_CH_ROUTER;
}

/*
 * routers_update() - an RA from @from with router lifetime @lifetime: a
 * new entry, a new end, or (lifetime 0) the entry timed out at once. A
 * router that finds the list full is not used.
 */
static unsigned int routers_update(struct ra_state *s,
				   const struct in6_addr *from,
				   uint16_t lifetime, uint64_t now)
{
	int i = router_find(s, from);
	unsigned int ch = 0;

	if (i >= 0 && !lifetime)
		return router_remove(s, (unsigned int)i);
	if (!lifetime)
		return 0;
	if (i < 0) {
		if (s->n_routers == RA_MAX_ROUTERS)
			return 0;
		i = (int)s->n_routers++;
		s->routers[i].addr = *from;
		ch = i ? 0 : RA_CH_ROUTER;
	}
	s->routers[i].end_ms = end_of(lifetime, now);
	return ch;
}

/* ---- On-link prefixes (RFC 4861 section 6.3.4) ---- */

static int onlink_find(const struct ra_state *s, const struct in6_addr *p,
		       uint8_t len)
{
	unsigned int i;

	for (i = 0; i < s->n_onlink; i++)
		if (same_prefix(&s->onlink[i], p, len))
			return (int)i;
	return -1;
}

bool ra_state_has_onlink(const struct ra_state *s,
			 const struct in6_addr *prefix, uint8_t len)
{
	return onlink_find(s, prefix, len) >= 0;
}

static void onlink_remove(struct ra_state *s, unsigned int i)
{
	s->n_onlink--;
	memmove(&s->onlink[i], &s->onlink[i + 1],
		(s->n_onlink - i) * sizeof(s->onlink[0]));
}

static void timed_set(struct ra_timed *t, const struct ra_prefix *p,
		      uint64_t now)
{
	t->prefix = p->prefix;
	t->len = p->len;
	t->valid_end_ms = end_of(p->valid, now);
	t->preferred_end_ms = end_of(p->preferred, now);
}

/* A Prefix Information option with the L flag: valid lifetime 0 ends it. */
static unsigned int onlink_update(struct ra_state *s,
				  const struct ra_prefix *p, uint64_t now)
{
	int i = onlink_find(s, &p->prefix, p->len);

	if (!p->valid) {
		if (i < 0)
			return 0;
		onlink_remove(s, (unsigned int)i);
		return RA_CH_ONLINK;
	}
	if (i >= 0) {
		timed_set(&s->onlink[i], p, now);
		return 0;
	}
	if (s->n_onlink == RA_MAX_PREFIXES)
		return 0;
	timed_set(&s->onlink[s->n_onlink++], p, now);
	return RA_CH_ONLINK;
}

/* ---- The SLAAC prefix (RFC 4862 section 5.5.3) ---- */

/*
 * two_hours() - RFC 4862 5.5.3 (e): the new end of the valid lifetime of
 * a prefix in use that ends at @end, given an RA's @valid. An RA may make
 * it longer, or cut it to two hours, but no shorter: a forged or mistaken
 * RA cannot take the addresses away at once.
 */
static uint64_t two_hours(uint64_t end, uint32_t valid, uint64_t now)
{
	uint64_t received = end_of(valid, now);
	uint64_t two = now + RA_TWO_HOURS_MS;

	if (received > two || received > end)
		return received;
	return end <= two ? end : two;
}

static unsigned int slaac_refresh(struct ra_timed *t,
				  const struct ra_prefix *p, uint64_t now)
{
	uint64_t preferred = end_of(p->preferred, now);

	t->valid_end_ms = two_hours(t->valid_end_ms, p->valid, now);
	t->preferred_end_ms = preferred < t->valid_end_ms ? preferred :
			      t->valid_end_ms;
	return RA_CH_SLAAC;
}

/* A Prefix Information option with the A flag (a /64: EUI-64 addresses). */
static unsigned int slaac_update(struct ra_state *s,
				 const struct ra_prefix *p, uint64_t now)
{
	if (!p->autonomous || p->len != 64)
		return 0;
	if (s->have_slaac && same_prefix(&s->slaac, &p->prefix, p->len))
		return slaac_refresh(&s->slaac, p, now);
	if (s->have_slaac_next &&
	    same_prefix(&s->slaac_next, &p->prefix, p->len)) {
		s->have_slaac_next = p->valid != 0;
		timed_set(&s->slaac_next, p, now);
		return 0;
	}
	if (!p->valid)
		return 0;
	if (!s->have_slaac) {
		timed_set(&s->slaac, p, now);
		s->have_slaac = true;
		return RA_CH_SLAAC;
	}
	if (!s->have_slaac_next) {
		timed_set(&s->slaac_next, p, now);
		s->have_slaac_next = true;
	}
	return 0;
}

/* ---- Both ways ---- */

unsigned int ra_state_update(struct ra_state *s, const struct in6_addr *from,
			     const struct ra_info *ra, uint64_t now_ms)
{
	unsigned int ch = routers_update(s, from, ra->router_lifetime, now_ms);
	unsigned int i;

	for (i = 0; i < ra->n_prefixes; i++) {
		const struct ra_prefix *p = &ra->prefixes[i];

		if (p->onlink)
			ch |= onlink_update(s, p, now_ms);
		ch |= slaac_update(s, p, now_ms);
	}
	return ch;
}

static unsigned int slaac_expire(struct ra_state *s, uint64_t now)
{
	if (s->have_slaac_next && s->slaac_next.valid_end_ms <= now)
		s->have_slaac_next = false;
	if (!s->have_slaac || s->slaac.valid_end_ms > now)
		return 0;
	s->have_slaac = s->have_slaac_next;
	s->slaac = s->slaac_next;
	s->have_slaac_next = false;
	return RA_CH_SLAAC;
}

unsigned int ra_state_expire(struct ra_state *s, uint64_t now_ms)
{
	unsigned int ch = 0, i;

	for (i = s->n_routers; i-- > 0;)
		if (s->routers[i].end_ms <= now_ms)
			ch |= router_remove(s, i);
	for (i = s->n_onlink; i-- > 0;) {
		if (s->onlink[i].valid_end_ms <= now_ms) {
			onlink_remove(s, i);
			ch |= RA_CH_ONLINK;
		}
	}
	return ch | slaac_expire(s, now_ms);
}
