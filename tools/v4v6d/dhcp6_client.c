// SPDX-License-Identifier: GPL-2.0
/*
 * The DHCPv6 client of one device (RFC 8415): Solicit (with Rapid Commit),
 * Request, Renew, Rebind, Decline and Release, retransmitted as section 15
 * says. No I/O and no clock: see dhcp6.h for the contract.
 *
 * Times are the caller's milliseconds. Lifetimes, T1 and T2 are seconds,
 * 0xffffffff meaning infinity: such a time is NEVER (UINT64_MAX), and
 * finite times saturate there rather than wrap round.
 *
 * A lease is one address of our IA_NA: the one held (or asked for) while a
 * server still gives it, else the first usable one the server gives. A
 * Renew or Rebind Reply that leaves the address held out but gives another
 * does not take it away: it is used until its valid lifetime ends, and the
 * other one then (RFC 8415 18.2.10.1), so that the device's connections
 * last as long as they can.
 */
#include <string.h>

#include "dhcp6.h"
#include "dhcp6_msg.h"
#include "log.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define NEVER		UINT64_MAX

/* RFC 8415 section 7.6; timeouts in milliseconds */
#define SOL_TIMEOUT	1000u
#define SOL_MAX_RT	3600u	/* seconds: until a server says otherwise */
#define REQ_TIMEOUT	1000u
#define REQ_MAX_RT	30000u
#define REQ_MAX_RC	10u
#define REN_TIMEOUT	10000u
#define REN_MAX_RT	600000u
#define REB_TIMEOUT	10000u
#define REB_MAX_RT	600000u
#define REL_TIMEOUT	1000u
#define REL_MAX_RC	4u
#define DEC_TIMEOUT	1000u
#define DEC_MAX_RC	4u
#define CNF_TIMEOUT	1000u
#define CNF_MAX_RT	4000u
#define CNF_MAX_RD	10000u

/* The shortest T1 (seconds): a server's zero times must not loop Renews. */
#define MIN_T1		1u
/* A restored lease's first Renew: within this, randomly (restore_delay()). */
#define RESTORE_SPREAD	10000u
/* The longest wait before a Solicit after failures: SOL_TIMEOUT << this. */
#define MAX_BACKOFF_SHIFT	16u

/**
 * struct rt_params - an exchange's retransmission parameters (section 15)
 * @irt: IRT, milliseconds
 * @mrt: MRT, milliseconds; 0: none (Solicit's is @sol_max_rt)
 * @mrc: MRC; 0: none
 *
 * MRD is the client's @mrd_end_ms: T2 for Renew, the end of the valid
 * lifetime for Rebind, none for the others.
 */
struct rt_params {
	uint32_t irt;
	uint32_t mrt;
	unsigned int mrc;
};

static const struct rt_params rt_params[] = {
	[DHCP6_S_SOLICIT] = { SOL_TIMEOUT, 0, 0 },
	[DHCP6_S_REQUEST] = { REQ_TIMEOUT, REQ_MAX_RT, REQ_MAX_RC },
	[DHCP6_S_RENEW] = { REN_TIMEOUT, REN_MAX_RT, 0 },
	[DHCP6_S_REBIND] = { REB_TIMEOUT, REB_MAX_RT, 0 },
	[DHCP6_S_DECLINE] = { DEC_TIMEOUT, 0, DEC_MAX_RC },
	[DHCP6_S_RELEASE] = { REL_TIMEOUT, 0, REL_MAX_RC },
};

/* The message each exchanging state sends. */
static const uint8_t state_msg[] = {
	[DHCP6_S_SOLICIT] = DHCP6_SOLICIT,
	[DHCP6_S_REQUEST] = DHCP6_REQUEST,
	[DHCP6_S_RENEW] = DHCP6_RENEW,
	[DHCP6_S_REBIND] = DHCP6_REBIND,
	[DHCP6_S_DECLINE] = DHCP6_DECLINE,
	[DHCP6_S_RELEASE] = DHCP6_RELEASE,
};

const char *dhcp6_state_name(enum dhcp6_state state)
{
	static const char *const names[] = {
		[DHCP6_S_IDLE] = "idle",
		[DHCP6_S_SOLICIT] = "solicit",
		[DHCP6_S_REQUEST] = "request",
		[DHCP6_S_BOUND] = "bound",
		[DHCP6_S_RENEW] = "renew",
		[DHCP6_S_REBIND] = "rebind",
		[DHCP6_S_DECLINE] = "decline",
		[DHCP6_S_RELEASE] = "release",
	};

	if ((unsigned int)state >= ARRAY_SIZE(names))
		return "unknown";
	return names[state];
}

static void cdbg(const struct dhcp6_client *c, const char *what,
		 const char *why)
{
	const uint8_t *m = c->duid + 4;

	log_debug("dhcp6 %02x:%02x:%02x:%02x:%02x:%02x: %s: %s", m[0], m[1],
		  m[2], m[3], m[4], m[5], what, why);
}

/* ---- Time ---- */

static uint64_t add_ms(uint64_t t, uint64_t ms)
{
	return ms > NEVER - t ? NEVER : t + ms;
}

static uint64_t secs_after(uint64_t start_ms, uint32_t secs)
{
	if (secs == DHCP6_INFINITY)
		return NEVER;
	return add_ms(start_ms, (uint64_t)secs * 1000);
}

static uint64_t t1_at(const struct dhcp6_lease *l)
{
	return secs_after(l->start_ms, l->t1);
}

static uint64_t t2_at(const struct dhcp6_lease *l)
{
	return secs_after(l->start_ms, l->t2);
}

static uint64_t valid_end(const struct dhcp6_lease *l)
{
	return secs_after(l->start_ms, l->valid);
}

/* last_end(): when the last address of the IA expires. */
static uint64_t last_end(const struct dhcp6_client *c)
{
	uint64_t end = valid_end(&c->lease);

	if (c->have_next && valid_end(&c->next) > end)
		end = valid_end(&c->next);
	return end;
}

/* secs_between(): from @start to @at in seconds (NEVER: infinity). */
static uint32_t secs_between(uint64_t start, uint64_t at)
{
	uint64_t s;

	if (at == NEVER)
		return DHCP6_INFINITY;
	s = at > start ? (at - start) / 1000 : 0;
	return s >= DHCP6_INFINITY ? DHCP6_INFINITY - 1 : (uint32_t)s;
}

/*
 * retime() - @l's T1 and T2 made those of @from (the IA's latest Reply),
 * counted from @l's own start, so that its lifetimes stay as granted
 */
static void retime(struct dhcp6_lease *l, const struct dhcp6_lease *from)
{
	l->t1 = secs_between(l->start_ms, t1_at(from));
	l->t2 = secs_between(l->start_ms, t2_at(from));
}

/* scaled(): @secs * @num / @den, infinity staying infinity */
static uint32_t scaled(uint32_t secs, unsigned int num, unsigned int den)
{
	if (secs == DHCP6_INFINITY)
		return DHCP6_INFINITY;
	return (uint32_t)((uint64_t)secs * num / den);
}

/*
 * bounded() - the server's T1 or T2 @t when usable, else @mine
 *
 * RFC 8415 21.4: a 0 leaves the time to the client. A time at or past the
 * end of the valid lifetime (infinity included, when the lifetime is
 * finite) would never come before the lease is lost: the client picks
 * one too (18.2.4 lets it Renew at its discretion then).
 */
static uint32_t bounded(uint32_t t, uint32_t mine, uint32_t valid)
{
	if (!t || (valid != DHCP6_INFINITY && t >= valid))
		return mine;
	return t;
}

/*
 * set_t1_t2() - @l's effective T1 and T2 from the server's @t1 and @t2
 *
 * Where the server leaves the choice (bounded()), the client takes 0.5 and
 * 0.8 times the preferred lifetime (the valid one when the address is
 * already deprecated), as RFC 8415 21.4 recommends: both end before the
 * valid lifetime does. T1 is kept at most T2 (one of them may be the
 * client's) and at least MIN_T1.
 */
static void set_t1_t2(struct dhcp6_lease *l, uint32_t t1, uint32_t t2)
{
	uint32_t base = l->preferred ? l->preferred : l->valid;

	l->t1 = bounded(t1, scaled(base, 1, 2), l->valid);
	l->t2 = bounded(t2, scaled(base, 4, 5), l->valid);
	if (l->t1 > l->t2)
		l->t1 = l->t2;
	if (l->t1 < MIN_T1)
		l->t1 = MIN_T1;
	if (l->t2 < l->t1)
		l->t2 = l->t1;
}

/* ---- Retransmission (section 15) ---- */

/*
 * rand_permille() - RAND in thousandths: uniform in -100..100, or in
 * 1..100 when @positive
 */
static int rand_permille(struct dhcp6_client *c, bool positive)
{
	uint32_t r = c->ops->random(c->ctx);

	if (positive)
		return 1 + (int)(r % 100);
	return (int)(r % 201) - 100;
}

/* plus_rand(): @base + RAND * @of, RAND in thousandths */
static uint64_t plus_rand(uint64_t base, uint64_t of, int rand)
{
	return (uint64_t)((int64_t)base + (int64_t)of * rand / 1000);
}

static uint64_t mrt_ms(const struct dhcp6_client *c)
{
	if (c->checking)
		return CNF_MAX_RT;
	if (c->state == DHCP6_S_SOLICIT)
		return (uint64_t)c->sol_max_rt * 1000;
	return rt_params[c->state].mrt;
}

/*
 * first_rt() - RT = IRT + RAND * IRT; for Solicit RAND is strictly
 * positive, so that the first RT is greater than IRT (section 18.2.1).
 */
static uint64_t first_rt(struct dhcp6_client *c)
{
	uint64_t irt = c->checking ? CNF_TIMEOUT : rt_params[c->state].irt;
	int rand = rand_permille(c, c->state == DHCP6_S_SOLICIT);

	return plus_rand(irt, irt, rand);
}

/*
 * next_rt() - RT = 2 * RTprev + RAND * RTprev, and when that passes MRT,
 * RT = MRT + RAND * MRT (one RAND for both).
 */
static uint64_t next_rt(struct dhcp6_client *c)
{
	int rand = rand_permille(c, false);
	uint64_t mrt = mrt_ms(c);
	uint64_t rt = plus_rand(2 * c->rt_ms, c->rt_ms, rand);

	if (mrt && rt > mrt)
		rt = plus_rand(mrt, mrt, rand);
	return rt;
}

static uint32_t new_xid(struct dhcp6_client *c)
{
	uint32_t xid = c->ops->random(c->ctx) & 0xffffff;

	/* A late answer to the last exchange must not match this one. */
	return xid == c->xid ? xid ^ 1 : xid;
}

/* about(): the lease the state's message is about, NULL for Solicit. */
static const struct dhcp6_lease *about(const struct dhcp6_client *c)
{
	switch (c->state) {
	case DHCP6_S_RENEW:
	case DHCP6_S_REBIND:
		return &c->lease;
	case DHCP6_S_REQUEST:
	case DHCP6_S_DECLINE:
	case DHCP6_S_RELEASE:
		return &c->target;
	default:
		return NULL;
	}
}

/* about2(): the address to move to, when the message is about it too. */
static const struct in6_addr *about2(const struct dhcp6_client *c)
{
	switch (c->state) {
	case DHCP6_S_RENEW:
	case DHCP6_S_REBIND:
	case DHCP6_S_RELEASE:
		return c->have_next ? &c->next.addr : NULL;
	default:
		return NULL;
	}
}

static void send_msg(struct dhcp6_client *c, uint64_t now)
{
	const struct dhcp6_lease *l = about(c);
	struct dhcp6_out m = {
		.type = state_msg[c->state],
		.xid = c->xid,
		.client_duid = c->duid,
		.client_duid_len = sizeof(c->duid),
		.iaid = c->iaid,
		.addr2 = about2(c),
		.elapsed = dhcp6_elapsed(c->exchange_start_ms, now),
	};
	uint8_t buf[DHCP6_MSG_MAX];
	size_t len;

	if (l) {
		m.addr = &l->addr;
		m.server_duid = l->server_duid;
		m.server_duid_len = l->server_duid_len;
	}
	len = dhcp6_build(&m, buf, sizeof(buf));
	if (!len) {
		cdbg(c, dhcp6_type_name(m.type), "cannot be built");
		return;
	}
	c->ops->send(c->ctx, buf, len);
}

/* transmit(): the exchange's next message, and when to send another. */
static void transmit(struct dhcp6_client *c, uint64_t now)
{
	if (!c->rc) {
		c->xid = new_xid(c);
		c->exchange_start_ms = now;
		c->rt_ms = first_rt(c);
	} else {
		c->rt_ms = next_rt(c);
	}
	send_msg(c, now);
	c->rc++;
	c->deadline_ms = add_ms(now, c->rt_ms);
}

/* begin(): a new exchange in state @s, given up at @mrd_end (MRD). */
static void begin(struct dhcp6_client *c, enum dhcp6_state s, uint64_t now,
		  uint64_t mrd_end)
{
	c->state = s;
	c->rc = 0;
	c->mrd_end_ms = mrd_end;
	c->checking = false;
	transmit(c, now);
}

/* ---- Transitions ---- */

static void idle(struct dhcp6_client *c)
{
	c->state = DHCP6_S_IDLE;
	c->checking = false;
	c->have_lease = false;
	c->have_next = false;
	c->have_offer = false;
	c->rc = 0;
	c->deadline_ms = NEVER;
	c->mrd_end_ms = NEVER;
}

/*
 * solicit_delay() - how long to wait before a Solicit: nothing, unless
 * acquisitions failed twice or more in a row (a server that offers what it
 * then refuses, an address DAD keeps finding in use): then SOL_TIMEOUT,
 * doubling up to SOL_MAX_RT.
 */
static uint64_t solicit_delay(const struct dhcp6_client *c)
{
	uint64_t max = (uint64_t)c->sol_max_rt * 1000;
	unsigned int shift;
	uint64_t d;

	if (c->failures < 2)
		return 0;
	shift = c->failures - 2;
	if (shift > MAX_BACKOFF_SHIFT)
		shift = MAX_BACKOFF_SHIFT;
	d = (uint64_t)SOL_TIMEOUT << shift;
	return d < max ? d : max;
}

/*
 * solicit() - look for a server (RFC 8415 18.2.1)
 *
 * Without the random delay of up to SOL_MAX_DELAY before the first
 * Solicit: v4v6d must have a new device's address within 2 s, and its
 * clients start one by one as devices appear, not all together at boot.
 */
static void solicit(struct dhcp6_client *c, uint64_t now)
{
	uint64_t delay = solicit_delay(c);

	c->state = DHCP6_S_SOLICIT;
	c->rc = 0;
	c->checking = false;
	c->have_offer = false;
	c->mrd_end_ms = NEVER;
	if (delay)
		c->deadline_ms = add_ms(now, delay);
	else
		transmit(c, now);
}

/* drop_lease(): the lease is over without a Release: say so. */
static void drop_lease(struct dhcp6_client *c)
{
	struct dhcp6_lease old = c->lease;

	c->have_lease = false;
	c->have_next = false;
	c->ops->lost(c->ctx, &old);
}

/* bound_state(): the exchange is over: wait for T1. */
static void bound_state(struct dhcp6_client *c)
{
	c->state = DHCP6_S_BOUND;
	c->rc = 0;
	c->checking = false;
	c->mrd_end_ms = NEVER;
	c->deadline_ms = t1_at(&c->lease);
}

/*
 * take_lease() - @l is the lease now: a successful exchange ends a run of
 * failures (@acquired: by a Request, whose Decline would continue it)
 */
static void take_lease(struct dhcp6_client *c, const struct dhcp6_lease *l,
		       bool acquired)
{
	struct dhcp6_lease copy = *l;

	c->failures_before = acquired ? c->failures : 0;
	c->failures = 0;
	c->lease = *l;
	c->have_lease = true;
	c->have_offer = false;
	if (acquired)
		c->have_next = false;
	bound_state(c);
	c->ops->bound(c->ctx, &copy);
}

/* promote(): the address held expired: the one to move to takes over. */
static void promote(struct dhcp6_client *c)
{
	struct dhcp6_lease copy = c->next;

	cdbg(c, "lease", "valid lifetime over: moving to the next address");
	c->lease = c->next;
	c->have_next = false;
	if (c->state == DHCP6_S_BOUND)
		c->deadline_ms = t1_at(&c->lease);
	c->ops->bound(c->ctx, &copy);
}

static void request(struct dhcp6_client *c, const struct dhcp6_lease *offer,
		    uint64_t now)
{
	c->target = *offer;
	c->have_offer = false;
	begin(c, DHCP6_S_REQUEST, now, NEVER);
}

/* request_failed(): refused or unanswered: back to Solicit. */
static void request_failed(struct dhcp6_client *c, uint64_t now)
{
	c->failures++;
	if (c->have_lease)
		drop_lease(c);
	solicit(c, now);
}

/* rebind(): Rebind until the last address of the IA expires (its MRD). */
static void rebind(struct dhcp6_client *c, uint64_t now)
{
	uint64_t end = last_end(c);

	if (now >= end) {
		drop_lease(c);
		solicit(c, now);
		return;
	}
	begin(c, DHCP6_S_REBIND, now, end);
}

/* renew(): Renew until T2, or Rebind when past it or the server unknown. */
static void renew(struct dhcp6_client *c, uint64_t now)
{
	uint64_t t2 = t2_at(&c->lease);

	if (now >= t2 || !c->lease.server_duid_len) {
		rebind(c, now);
		return;
	}
	begin(c, DHCP6_S_RENEW, now, t2);
}

/* release_done(): the last thing: released() may free the client. */
static void release_done(struct dhcp6_client *c)
{
	idle(c);
	c->ops->released(c->ctx);
}

/* ---- Timers ---- */

/* lease_over(): the valid lifetime ended. */
static void lease_over(struct dhcp6_client *c, uint64_t now)
{
	bool requesting = c->state == DHCP6_S_REQUEST;

	if (c->have_next && now < valid_end(&c->next)) {
		promote(c);
		return;
	}
	cdbg(c, "lease", "valid lifetime over");
	drop_lease(c);
	if (!requesting)
		solicit(c, now);
}

/*
 * mrd_over() - the exchange ran for its MRD: Renew until T2, then Rebind.
 * (Rebind's is the valid lifetime's end: lease_over() comes first.) The
 * check of a link come up (CNF_MAX_RD) leaves the lease as it was: bound
 * until T1, or on to Renew or Rebind at once when past it.
 */
static void mrd_over(struct dhcp6_client *c, uint64_t now)
{
	if (c->checking) {
		cdbg(c, "Rebind", "unanswered after the link came up");
		c->checking = false;
		c->state = DHCP6_S_BOUND;
		c->rc = 0;
		c->mrd_end_ms = NEVER;
		c->deadline_ms = t1_at(&c->lease);
		if (now >= c->deadline_ms)
			renew(c, now);
		return;
	}
	cdbg(c, "Renew", "unanswered until T2");
	rebind(c, now);
}

/* mrc_over(): the exchange sent MRC messages and the last one timed out. */
static void mrc_over(struct dhcp6_client *c, uint64_t now)
{
	cdbg(c, dhcp6_type_name(state_msg[c->state]), "unanswered");
	switch (c->state) {
	case DHCP6_S_REQUEST:
		request_failed(c, now);
		break;
	case DHCP6_S_DECLINE:
		solicit(c, now);
		break;
	case DHCP6_S_RELEASE:
		release_done(c);	/* the last thing */
		break;
	default:
		break;
	}
}

static void solicit_timeout(struct dhcp6_client *c, uint64_t now)
{
	/* The first RT is over: the best Advertise collected wins. */
	if (c->have_offer)
		request(c, &c->offer, now);
	else
		transmit(c, now);
}

static void deadline_passed(struct dhcp6_client *c, uint64_t now)
{
	unsigned int mrc = rt_params[c->state].mrc;

	switch (c->state) {
	case DHCP6_S_IDLE:
		c->deadline_ms = NEVER;
		return;
	case DHCP6_S_BOUND:
		renew(c, now);
		return;
	case DHCP6_S_SOLICIT:
		solicit_timeout(c, now);
		return;
	default:
		break;
	}
	if (mrc && c->rc >= mrc)
		mrc_over(c, now);
	else
		transmit(c, now);
}

void dhcp6_client_timer(struct dhcp6_client *c, uint64_t now_ms)
{
	if (c->have_lease && now_ms >= valid_end(&c->lease))
		lease_over(c, now_ms);
	else if (c->have_next && now_ms >= valid_end(&c->next))
		c->have_next = false;	/* expired before it was needed */
	else if (now_ms >= c->mrd_end_ms)
		mrd_over(c, now_ms);
	else if (now_ms >= c->deadline_ms)
		deadline_passed(c, now_ms);
}

uint64_t dhcp6_client_deadline(const struct dhcp6_client *c)
{
	uint64_t d = c->deadline_ms;

	if (c->mrd_end_ms < d)
		d = c->mrd_end_ms;
	if (c->have_lease && valid_end(&c->lease) < d)
		d = valid_end(&c->lease);
	if (c->have_next && valid_end(&c->next) < d)
		d = valid_end(&c->next);
	return d;
}

/* ---- Receiving ---- */

/**
 * enum verdict - what a message grants our IA
 * @V_LEASE: a usable address (or, from status_verdict(), no objection)
 * @V_RETRY: an error worth retrying: UnspecFail, UseMulticast, unknown
 * @V_NO_ADDR: nothing for the IA: NoAddrsAvail, no IA, no usable address
 * @V_NO_BINDING: the server has no binding for the IA
 * @V_NOT_ON_LINK: the address does not belong on the link
 * @V_GONE: the address we hold now has a valid lifetime of 0
 */
enum verdict {
	V_LEASE,
	V_RETRY,
	V_NO_ADDR,
	V_NO_BINDING,
	V_NOT_ON_LINK,
	V_GONE,
};

static enum verdict status_verdict(int status)
{
	switch (status) {
	case DHCP6_STATUS_NONE:
	case DHCP6_ST_SUCCESS:
		return V_LEASE;
	case DHCP6_ST_NO_ADDRS_AVAIL:
		return V_NO_ADDR;
	case DHCP6_ST_NO_BINDING:
		return V_NO_BINDING;
	case DHCP6_ST_NOT_ON_LINK:
		return V_NOT_ON_LINK;
	default:
		return V_RETRY;
	}
}

/* RFC 8415 21.6: preferred > valid: discarded; valid 0: not leased. */
static bool addr_usable(const struct dhcp6_iaaddr *a)
{
	return a->valid && a->preferred <= a->valid &&
	       status_verdict(a->status) == V_LEASE;
}

static bool same_addr(const struct in6_addr *a, const struct in6_addr *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/* pick_addr(): @want when usable in @ia, else its first usable address. */
static const struct dhcp6_iaaddr *pick_addr(const struct dhcp6_ia *ia,
					    const struct in6_addr *want)
{
	const struct dhcp6_iaaddr *first = NULL;
	unsigned int i;

	for (i = 0; i < ia->n_addrs; i++) {
		const struct dhcp6_iaaddr *a = &ia->addrs[i];

		if (!addr_usable(a))
			continue;
		if (want && same_addr(&a->addr, want))
			return a;
		if (!first)
			first = a;
	}
	return first;
}

static bool addr_withdrawn(const struct dhcp6_ia *ia,
			   const struct in6_addr *addr)
{
	unsigned int i;

	for (i = 0; addr && i < ia->n_addrs; i++) {
		if (same_addr(&ia->addrs[i].addr, addr) && !ia->addrs[i].valid)
			return true;
	}
	return false;
}

static void fill_lease(const struct dhcp6_parsed *p,
		       const struct dhcp6_ia *ia,
		       const struct dhcp6_iaaddr *a, uint64_t now,
		       struct dhcp6_lease *l)
{
	memset(l, 0, sizeof(*l));
	l->addr = a->addr;
	l->iaid = ia->iaid;
	l->preferred = a->preferred;
	l->valid = a->valid;
	l->start_ms = now;
	memcpy(l->server_duid, p->serverid, p->serverid_len);
	l->server_duid_len = p->serverid_len;
	set_t1_t2(l, ia->t1, ia->t2);
}

/*
 * judge() - what @p grants our IA (RFC 8415 18.2.10.1)
 * @want: the address held or asked for, NULL when none
 *
 * Returns V_LEASE with *@l filled in (@want when it is still usable), or
 * why not, with *@why for the log.
 */
static enum verdict judge(const struct dhcp6_client *c,
			  const struct dhcp6_parsed *p,
			  const struct in6_addr *want, uint64_t now,
			  struct dhcp6_lease *l, const char **why)
{
	const struct dhcp6_iaaddr *a;
	const struct dhcp6_ia *ia;
	enum verdict v;

	*why = dhcp6_status_name(p->status);
	v = status_verdict(p->status);
	if (v != V_LEASE)
		return v;
	ia = dhcp6_find_ia(p, c->iaid);
	*why = "no IA_NA of our IAID";
	if (!ia)
		return V_NO_ADDR;
	*why = dhcp6_status_name(ia->status);
	v = status_verdict(ia->status);
	if (v != V_LEASE)
		return v;
	/* RFC 8415 21.4: such an IA_NA is discarded */
	*why = "IA_NA with T1 > T2";
	if (ia->t1 && ia->t2 && ia->t1 > ia->t2)
		return V_NO_ADDR;
	a = pick_addr(ia, want);
	if (!a) {
		*why = "no usable address";
		return addr_withdrawn(ia, want) ? V_GONE : V_NO_ADDR;
	}
	fill_lease(p, ia, a, now, l);
	return V_LEASE;
}

static bool same_duid(const uint8_t *a, size_t alen, const uint8_t *b,
		      size_t blen)
{
	return alen == blen && !memcmp(a, b, alen);
}

static bool in_exchange(const struct dhcp6_client *c)
{
	switch (c->state) {
	case DHCP6_S_IDLE:
	case DHCP6_S_BOUND:
		return false;
	case DHCP6_S_SOLICIT:
		return c->rc > 0;
	default:
		return true;
	}
}

/*
 * check() - RFC 8415 section 16: is @p an answer to the exchange
 * outstanding? NULL when it is, else why not.
 */
static const char *check(const struct dhcp6_client *c,
			 const struct dhcp6_parsed *p)
{
	if (p->type != DHCP6_ADVERTISE && p->type != DHCP6_REPLY)
		return "neither an Advertise nor a Reply";
	if (!in_exchange(c))
		return "no exchange outstanding";
	if (p->xid != c->xid)
		return "transaction ID mismatch";
	if (!same_duid(p->clientid, p->clientid_len, c->duid, sizeof(c->duid)))
		return "Client ID missing or not ours";
	if (!p->serverid_len)
		return "no Server ID";
	if (p->type == DHCP6_ADVERTISE)
		return c->state == DHCP6_S_SOLICIT ? NULL :
		       "Advertise outside Solicit";
	if (c->state == DHCP6_S_SOLICIT && !p->rapid_commit)
		return "Reply to Solicit without Rapid Commit";
	/* A Renew's Reply may come from another server; a Request's not. */
	if (c->state == DHCP6_S_REQUEST &&
	    !same_duid(p->serverid, p->serverid_len, c->target.server_duid,
		       c->target.server_duid_len))
		return "Reply from a server not asked";
	return NULL;
}

/*
 * on_advertise() - collect Advertises until the first RT is over (section
 * 18.2.1); one of preference 255, or any once it is over, is Requested at
 * once. Those that give no usable address are ignored.
 */
static void on_advertise(struct dhcp6_client *c, const struct dhcp6_parsed *p,
			 uint64_t now)
{
	uint8_t pref = p->has_preference ? p->preference : 0;
	struct dhcp6_lease offer;
	const char *why;

	if (judge(c, p, NULL, now, &offer, &why) != V_LEASE) {
		cdbg(c, "Advertise ignored", why);
		return;
	}
	if (!c->have_offer || pref > c->offer_pref) {
		c->offer = offer;
		c->offer_pref = pref;
		c->have_offer = true;
	}
	if (pref == 255 || c->rc > 1)
		request(c, &c->offer, now);
}

/* reply_solicit(): a Rapid Commit Reply binds, unless it gives nothing. */
static void reply_solicit(struct dhcp6_client *c,
			  const struct dhcp6_parsed *p, uint64_t now)
{
	struct dhcp6_lease l;
	const char *why;

	if (judge(c, p, NULL, now, &l, &why) != V_LEASE) {
		cdbg(c, "Rapid Commit Reply ignored", why);
		return;
	}
	take_lease(c, &l, true);
}

static void reply_request(struct dhcp6_client *c,
			  const struct dhcp6_parsed *p, uint64_t now)
{
	struct dhcp6_lease l;
	const char *why;

	switch (judge(c, p, &c->target.addr, now, &l, &why)) {
	case V_LEASE:
		take_lease(c, &l, true);
		break;
	case V_RETRY:
		cdbg(c, "Reply to Request, retrying", why);
		break;
	default:
		cdbg(c, "Request refused", why);
		request_failed(c, now);
		break;
	}
}

/*
 * no_binding() - the server that answered has no binding for our IA:
 * Request it again from that server (RFC 8415 18.2.10.1). The lease is
 * kept meanwhile; it is lost if the Request fails.
 */
static void no_binding(struct dhcp6_client *c, const struct dhcp6_parsed *p,
		       uint64_t now)
{
	struct dhcp6_lease t = c->lease;

	memcpy(t.server_duid, p->serverid, p->serverid_len);
	t.server_duid_len = p->serverid_len;
	request(c, &t, now);
}

/* set_next(): @ia's usable address other than the one held, if any. */
static void set_next(struct dhcp6_client *c, const struct dhcp6_parsed *p,
		     const struct dhcp6_ia *ia, uint64_t now)
{
	unsigned int i;

	c->have_next = false;
	for (i = 0; i < ia->n_addrs; i++) {
		const struct dhcp6_iaaddr *a = &ia->addrs[i];

		if (addr_usable(a) && !same_addr(&a->addr, &c->lease.addr)) {
			fill_lease(p, ia, a, now, &c->next);
			c->have_next = true;
			return;
		}
	}
}

/*
 * keep_until_end() - a Reply gave @l but left the address held out: that
 * one stays, neither extended nor withdrawn, until its valid lifetime ends;
 * @l takes over then (RFC 8415 18.2.10.1). The exchange succeeded: the
 * next Renew, about both, comes at the Reply's T1, to its server.
 */
static void keep_until_end(struct dhcp6_client *c, const struct dhcp6_lease *l)
{
	cdbg(c, "Reply", "the address held is left out: kept until it expires");
	c->failures = 0;
	c->failures_before = 0;
	c->next = *l;
	c->have_next = true;
	retime(&c->lease, l);
	memcpy(c->lease.server_duid, l->server_duid, l->server_duid_len);
	c->lease.server_duid_len = l->server_duid_len;
	bound_state(c);
}

/*
 * extended() - a Renew or Rebind Reply granted @l: the address held
 * extended (another one offered too is the next), or another one given:
 * at once if the held one is withdrawn, else when it expires.
 */
static void extended(struct dhcp6_client *c, const struct dhcp6_parsed *p,
		     const struct dhcp6_lease *l, uint64_t now)
{
	const struct dhcp6_ia *ia = dhcp6_find_ia(p, c->iaid);

	if (same_addr(&l->addr, &c->lease.addr)) {
		take_lease(c, l, false);
		set_next(c, p, ia, now);
	} else if (addr_withdrawn(ia, &c->lease.addr)) {
		c->have_next = false;
		take_lease(c, l, false);
	} else {
		keep_until_end(c, l);
	}
}

/* withdrawn(): the address held is withdrawn: the next one, or Solicit. */
static void withdrawn(struct dhcp6_client *c, uint64_t now)
{
	struct dhcp6_lease next = c->next;

	if (c->have_next && now < valid_end(&next)) {
		c->have_next = false;
		take_lease(c, &next, false);
		return;
	}
	drop_lease(c);
	solicit(c, now);
}

/* reply_extend(): the Reply to a Renew or a Rebind. */
static void reply_extend(struct dhcp6_client *c, const struct dhcp6_parsed *p,
			 uint64_t now)
{
	struct dhcp6_lease l;
	const char *why;

	switch (judge(c, p, &c->lease.addr, now, &l, &why)) {
	case V_LEASE:
		extended(c, p, &l, now);
		break;
	case V_NO_BINDING:
		cdbg(c, "Reply", why);
		no_binding(c, p, now);
		break;
	case V_GONE:
		cdbg(c, "lease withdrawn", why);
		withdrawn(c, now);
		break;
	case V_NOT_ON_LINK:
		cdbg(c, "lease withdrawn", why);
		drop_lease(c);
		solicit(c, now);
		break;
	default:
		/* Not extended: the lease runs on; so does the exchange. */
		cdbg(c, "Reply ignored", why);
		break;
	}
}

static void on_reply(struct dhcp6_client *c, const struct dhcp6_parsed *p,
		     uint64_t now)
{
	switch (c->state) {
	case DHCP6_S_SOLICIT:
		reply_solicit(c, p, now);
		break;
	case DHCP6_S_REQUEST:
		reply_request(c, p, now);
		break;
	case DHCP6_S_RENEW:
	case DHCP6_S_REBIND:
		reply_extend(c, p, now);
		break;
	case DHCP6_S_DECLINE:
		/* whatever its status (18.2.10.2): another address */
		solicit(c, now);
		break;
	case DHCP6_S_RELEASE:
		release_done(c);	/* the last thing */
		break;
	default:
		break;
	}
}

static void take_sol_max_rt(struct dhcp6_client *c,
			    const struct dhcp6_parsed *p)
{
	if (!p->sol_max_rt || p->sol_max_rt == c->sol_max_rt)
		return;
	cdbg(c, "SOL_MAX_RT", "updated by the server");
	c->sol_max_rt = p->sol_max_rt;
}

void dhcp6_client_receive(struct dhcp6_client *c, const uint8_t *msg,
			  size_t len, uint64_t now_ms)
{
	struct dhcp6_parsed p;
	const char *why;

	if (dhcp6_parse(msg, len, &p, &why)) {
		cdbg(c, "malformed message", why);
		return;
	}
	why = check(c, &p);
	if (why) {
		cdbg(c, dhcp6_type_name(p.type), why);
		return;
	}
	/* 18.2.9, 18.2.10: even from an Advertise that is then ignored */
	take_sol_max_rt(c, &p);
	if (p.type == DHCP6_ADVERTISE)
		on_advertise(c, &p, now_ms);
	else
		on_reply(c, &p, now_ms);
}

/* ---- The API ---- */

void dhcp6_client_init(struct dhcp6_client *c, const uint8_t mac[6],
		       uint32_t iaid, const struct dhcp6_ops *ops, void *ctx)
{
	memset(c, 0, sizeof(*c));
	c->ops = ops;
	c->ctx = ctx;
	dhcp6_duid_ll(c->duid, mac);
	c->iaid = iaid;
	c->sol_max_rt = SOL_MAX_RT;
	idle(c);
}

void dhcp6_client_start(struct dhcp6_client *c, uint64_t now_ms)
{
	c->failures = 0;
	c->failures_before = 0;
	c->have_lease = false;
	c->have_next = false;
	solicit(c, now_ms);
}

/* restored(): @lease made consistent; a different IAID becomes ours. */
static void restored(struct dhcp6_client *c, const struct dhcp6_lease *lease)
{
	struct dhcp6_lease *l = &c->lease;

	*l = *lease;
	if (l->server_duid_len > DHCP6_DUID_MAX)
		l->server_duid_len = 0;
	set_t1_t2(l, l->t1, l->t2);
	if (l->iaid != c->iaid) {
		cdbg(c, "restore", "the lease's IAID replaces the client's");
		c->iaid = l->iaid;
	}
	c->have_lease = true;
}

/*
 * restore_delay() - when a restored lease's first Renew (or Rebind) goes:
 * uniformly within RESTORE_SPREAD, or half the time to the next of T1, T2
 * and the end of the valid lifetime when that is shorter. A restart
 * restores every device's lease at once: a thousand Renews in one burst
 * would be answered late or lost (like Solicit's SOL_MAX_DELAY and
 * Confirm's CNF_MAX_DELAY, RFC 8415 18.2.1 and 18.2.3).
 */
static uint64_t restore_delay(struct dhcp6_client *c, uint64_t now)
{
	const struct dhcp6_lease *l = &c->lease;
	uint64_t limit = t1_at(l), window;

	if (now >= limit)
		limit = l->server_duid_len && now < t2_at(l) ? t2_at(l) :
			valid_end(l);
	window = (limit - now) / 2;
	if (window > RESTORE_SPREAD)
		window = RESTORE_SPREAD;
	return window * c->ops->random(c->ctx) / UINT32_MAX;
}

void dhcp6_client_restore(struct dhcp6_client *c,
			  const struct dhcp6_lease *lease, uint64_t now_ms)
{
	idle(c);
	c->failures = 0;
	c->failures_before = 0;
	restored(c, lease);
	c->state = DHCP6_S_BOUND;
	if (now_ms >= valid_end(&c->lease)) {
		drop_lease(c);
		solicit(c, now_ms);
		return;
	}
	/*
	 * RFC 8415 18.2.2 allows Confirm, or Renew/Rebind: Renew (Rebind past
	 * T2) also refreshes the lifetimes. Bound until then: the timer
	 * (deadline_passed()) Renews, or Rebinds past T2.
	 */
	c->deadline_ms = add_ms(now_ms, restore_delay(c, now_ms));
}

void dhcp6_client_decline(struct dhcp6_client *c, const struct in6_addr *addr,
			  uint64_t now_ms)
{
	if (!c->have_lease || !same_addr(addr, &c->lease.addr)) {
		cdbg(c, "Decline", "not the address leased");
		return;
	}
	c->target = c->lease;
	c->have_lease = false;
	c->have_next = false;
	c->failures = c->failures_before + 1;
	if (!c->target.server_duid_len) {
		solicit(c, now_ms);
		return;
	}
	begin(c, DHCP6_S_DECLINE, now_ms, NEVER);
}

void dhcp6_client_release(struct dhcp6_client *c, uint64_t now_ms)
{
	if (!c->have_lease || !c->lease.server_duid_len) {
		release_done(c);	/* the last thing */
		return;
	}
	c->target = c->lease;
	c->have_lease = false;
	c->have_offer = false;
	begin(c, DHCP6_S_RELEASE, now_ms, NEVER);
}

void dhcp6_client_link_up(struct dhcp6_client *c, uint64_t now_ms)
{
	uint64_t end;

	switch (c->state) {
	case DHCP6_S_SOLICIT:
		cdbg(c, "link up", "Solicit again at once");
		c->failures = 0;
		solicit(c, now_ms);
		return;
	case DHCP6_S_BOUND:
	case DHCP6_S_RENEW:
	case DHCP6_S_REBIND:
		break;
	default:
		return;
	}
	end = valid_end(&c->lease);
	if (!c->have_lease || now_ms >= end)
		return;		/* the timer is due: lease_over() */
	cdbg(c, "link up", "Rebind to check the lease");
	c->state = DHCP6_S_REBIND;
	c->rc = 0;
	c->checking = true;
	c->mrd_end_ms = add_ms(now_ms, CNF_MAX_RD);
	if (c->mrd_end_ms > end)
		c->mrd_end_ms = end;
	transmit(c, now_ms);
}

void dhcp6_client_stop(struct dhcp6_client *c)
{
	idle(c);
}

enum dhcp6_state dhcp6_client_state(const struct dhcp6_client *c)
{
	return c->state;
}

const struct dhcp6_lease *dhcp6_client_lease(const struct dhcp6_client *c)
{
	return c->have_lease ? &c->lease : NULL;
}
