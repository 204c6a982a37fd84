// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/dhcp6_client.c: the RFC 8415 state machine, driven
 * by a fake clock, a scripted random source and fake servers; what it sends
 * is parsed back with dhcp6_msg.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "dhcp6.h"
#include "dhcp6_msg.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define NEVER		UINT64_MAX
#define MAX_SENT	256
#define IAID		0x00c0ffee
#define T0		1000000u	/* when most tests start */

/* RFC 8415 section 7.6, milliseconds: what the client must follow */
#define SOL_TIMEOUT	1000u
#define SOL_MAX_RT	3600000u
#define REQ_TIMEOUT	1000u
#define REQ_MAX_RT	30000u
#define REQ_MAX_RC	10u
#define REN_TIMEOUT	10000u
#define REN_MAX_RT	600000u
#define REB_TIMEOUT	10000u
#define REL_TIMEOUT	1000u
#define REL_MAX_RC	4u
#define DEC_MAX_RC	4u

static const uint8_t mac[6] = { 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
static const uint8_t srv_duids[3][7] = {
	{ 0 },
	{ 0, 2, 0, 0, 0, 9, 1 },
	{ 0, 2, 0, 0, 0, 9, 2 },
};

struct sent {
	uint8_t msg[DHCP6_MSG_MAX];
	size_t len;
	uint64_t at;
};

struct fake {
	struct dhcp6_client *c;
	uint64_t now;
	unsigned int n_sent;
	struct sent sent[MAX_SENT];
	unsigned int n_bound, n_lost, n_released;
	struct dhcp6_lease bound, lost;
	char events[64];	/* S sent, B bound, L lost, R released */
	unsigned int n_events;
	uint32_t script[64];
	unsigned int n_script, i_script;
	uint32_t seed;
	bool free_on_release;
};

static void event(struct fake *f, char e)
{
	if (f->n_events < sizeof(f->events) - 1)
		f->events[f->n_events++] = e;
}

static void fake_send(void *ctx, const uint8_t *msg, size_t len)
{
	struct fake *f = ctx;

	assert_true(f->n_sent < MAX_SENT);
	assert_true(len <= DHCP6_MSG_MAX);
	memcpy(f->sent[f->n_sent].msg, msg, len);
	f->sent[f->n_sent].len = len;
	f->sent[f->n_sent].at = f->now;
	f->n_sent++;
	event(f, 'S');
}

static void fake_bound(void *ctx, const struct dhcp6_lease *lease)
{
	struct fake *f = ctx;

	f->n_bound++;
	f->bound = *lease;
	event(f, 'B');
}

static void fake_lost(void *ctx, const struct dhcp6_lease *lease)
{
	struct fake *f = ctx;

	f->n_lost++;
	f->lost = *lease;
	event(f, 'L');
}

static void fake_released(void *ctx)
{
	struct fake *f = ctx;

	f->n_released++;
	event(f, 'R');
	if (f->free_on_release) {
		/* ASan: any use of the client after this is caught */
		free(f->c);
		f->c = NULL;
	}
}

/* Scripted values first, then a fixed pseudo-random sequence. */
static uint32_t fake_random(void *ctx)
{
	struct fake *f = ctx;

	if (f->i_script < f->n_script)
		return f->script[f->i_script++];
	f->seed = f->seed * 1103515245u + 12345u;
	return f->seed ^ f->seed >> 15;
}

static const struct dhcp6_ops fake_ops = {
	.send = fake_send,
	.bound = fake_bound,
	.lost = fake_lost,
	.released = fake_released,
	.random = fake_random,
};

static int setup(void **state)
{
	struct fake *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->c = malloc(sizeof(*f->c));
	assert_non_null(f->c);
	f->seed = 42;
	dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fake *f = *state;

	free(f->c);
	free(f);
	return 0;
}

static void script(struct fake *f, const uint32_t *v, unsigned int n)
{
	memcpy(f->script, v, n * sizeof(*v));
	f->n_script = n;
	f->i_script = 0;
}

static struct in6_addr addr_of(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

/* sent_msg(): the @i-th message sent, parsed; -1: the last. */
static struct dhcp6_parsed sent_msg(struct fake *f, int i)
{
	struct dhcp6_parsed p;
	const char *why = NULL;
	unsigned int k = i < 0 ? f->n_sent - 1 : (unsigned int)i;

	assert_true(f->n_sent > 0 && k < f->n_sent);
	if (dhcp6_parse(f->sent[k].msg, f->sent[k].len, &p, &why))
		fail_msg("sent message %u does not parse: %s", k, why);
	return p;
}

static uint8_t last_type(struct fake *f)
{
	return sent_msg(f, -1).type;
}

/* fire(): the clock to the client's deadline, and its timer called. */
static void fire(struct fake *f)
{
	uint64_t d = dhcp6_client_deadline(f->c);

	assert_true(d != NEVER);
	assert_true(d >= f->now);
	f->now = d;
	dhcp6_client_timer(f->c, f->now);
}

/* ---- Fake servers ---- */

struct srv_addr {
	struct in6_addr addr;
	uint32_t preferred, valid;
};

struct srv {
	uint8_t type;
	uint32_t xid;
	uint8_t clientid[DHCP6_DUID_MAX];
	size_t clientid_len;
	int server;		/* 0: no Server ID, else srv_duids[server] */
	int status;		/* top-level, -1: none */
	int pref;		/* -1: none */
	bool rapid;
	uint32_t sol_max_rt;
	bool no_ia;
	uint32_t iaid, t1, t2;
	int ia_status;
	unsigned int n_addrs;
	struct srv_addr addrs[3];
};

static void put_status(struct dhcp6_writer *w, int status)
{
	size_t s;

	if (status < 0)
		return;
	s = dhcp6_opt_begin(w, DHCP6_OPT_STATUS_CODE);
	dhcp6_put_u16(w, (uint16_t)status);
	dhcp6_put_bytes(w, "test", 4);
	dhcp6_opt_end(w, s);
}

static void put_ia(struct dhcp6_writer *w, const struct srv *s)
{
	size_t ia = dhcp6_opt_begin(w, DHCP6_OPT_IA_NA);
	unsigned int i;

	dhcp6_put_u32(w, s->iaid);
	dhcp6_put_u32(w, s->t1);
	dhcp6_put_u32(w, s->t2);
	for (i = 0; i < s->n_addrs; i++) {
		size_t a = dhcp6_opt_begin(w, DHCP6_OPT_IAADDR);

		dhcp6_put_bytes(w, &s->addrs[i].addr, 16);
		dhcp6_put_u32(w, s->addrs[i].preferred);
		dhcp6_put_u32(w, s->addrs[i].valid);
		dhcp6_opt_end(w, a);
	}
	put_status(w, s->ia_status);
	dhcp6_opt_end(w, ia);
}

static size_t srv_build(const struct srv *s, uint8_t *buf, size_t size)
{
	struct dhcp6_writer w;
	uint8_t pref = (uint8_t)s->pref;

	dhcp6_writer_init(&w, buf, size);
	dhcp6_put_header(&w, s->type, s->xid);
	if (s->clientid_len)
		dhcp6_put_option(&w, DHCP6_OPT_CLIENTID, s->clientid,
				 s->clientid_len);
	if (s->server)
		dhcp6_put_option(&w, DHCP6_OPT_SERVERID, srv_duids[s->server],
				 sizeof(srv_duids[0]));
	put_status(&w, s->status);
	if (s->pref >= 0)
		dhcp6_put_option(&w, DHCP6_OPT_PREFERENCE, &pref, 1);
	if (s->rapid)
		dhcp6_put_option(&w, DHCP6_OPT_RAPID_COMMIT, NULL, 0);
	if (s->sol_max_rt) {
		size_t o = dhcp6_opt_begin(&w, DHCP6_OPT_SOL_MAX_RT);

		dhcp6_put_u32(&w, s->sol_max_rt);
		dhcp6_opt_end(&w, o);
	}
	if (!s->no_ia)
		put_ia(&w, s);
	assert_true(dhcp6_writer_end(&w));
	return dhcp6_writer_end(&w);
}

/*
 * answer() - a server's answer of @type to the last message sent: server
 * @server, T1 1000 s, T2 2000 s, 2001:db8::1 for 3600 s preferred, 7200 s
 * valid.
 */
static struct srv answer(struct fake *f, uint8_t type, int server)
{
	struct dhcp6_parsed last = sent_msg(f, -1);
	struct srv s = {
		.type = type,
		.xid = last.xid,
		.clientid_len = last.clientid_len,
		.server = server,
		.status = -1,
		.pref = -1,
		.iaid = IAID,
		.t1 = 1000,
		.t2 = 2000,
		.ia_status = -1,
		.n_addrs = 1,
	};

	memcpy(s.clientid, last.clientid, last.clientid_len);
	s.addrs[0].addr = addr_of("2001:db8::1");
	s.addrs[0].preferred = 3600;
	s.addrs[0].valid = 7200;
	return s;
}

static struct srv rapid_reply(struct fake *f)
{
	struct srv s = answer(f, DHCP6_REPLY, 1);

	s.rapid = true;
	return s;
}

static void deliver(struct fake *f, const struct srv *s)
{
	uint8_t buf[DHCP6_MSG_MAX];
	size_t len = srv_build(s, buf, sizeof(buf));

	dhcp6_client_receive(f->c, buf, len, f->now);
}

/* bind_at(): started at @t, bound at @t by a Rapid Commit Reply. */
static void bind_at(struct fake *f, uint64_t t, uint32_t t1, uint32_t t2,
		    uint32_t preferred, uint32_t valid)
{
	struct srv s;

	f->now = t;
	dhcp6_client_start(f->c, t);
	s = rapid_reply(f);
	s.t1 = t1;
	s.t2 = t2;
	s.addrs[0].preferred = preferred;
	s.addrs[0].valid = valid;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
}

static void assert_addr(const struct in6_addr *a, const char *want)
{
	struct in6_addr w = addr_of(want);

	assert_memory_equal(a, &w, sizeof(w));
}

static void assert_server(const struct dhcp6_parsed *p, int server)
{
	if (!server) {
		assert_int_equal(p->serverid_len, 0);
		return;
	}
	assert_int_equal(p->serverid_len, sizeof(srv_duids[0]));
	assert_memory_equal(p->serverid, srv_duids[server],
			    sizeof(srv_duids[0]));
}

static void assert_last_server(struct fake *f, int server)
{
	struct dhcp6_parsed p = sent_msg(f, -1);

	assert_server(&p, server);
}

/* The IA_NA of a message sent: ours, with @addr (NULL: none). */
static void assert_sent_ia(const struct dhcp6_parsed *p, const char *addr)
{
	assert_int_equal(p->n_ia, 1);
	assert_int_equal(p->ia[0].iaid, IAID);
	if (!addr) {
		assert_int_equal(p->ia[0].n_addrs, 0);
		return;
	}
	assert_int_equal(p->ia[0].n_addrs, 1);
	assert_addr(&p->ia[0].addrs[0].addr, addr);
}

/* ---- Solicit ---- */

static void test_rapid_commit(void **state)
{
	static const uint8_t duid[] = { 0, 3, 0, 1,
					0x02, 0x11, 0x22, 0x33, 0x44, 0x55 };
	struct fake *f = *state;
	struct dhcp6_parsed p;
	struct srv s;

	f->now = T0;
	assert_int_equal(dhcp6_client_deadline(f->c), NEVER);
	dhcp6_client_start(f->c, T0);
	/* no random delay: the Solicit goes at once */
	assert_int_equal(f->n_sent, 1);
	p = sent_msg(f, 0);
	assert_int_equal(p.type, DHCP6_SOLICIT);
	assert_memory_equal(p.clientid, duid, sizeof(duid));
	assert_int_equal(p.clientid_len, sizeof(duid));
	assert_server(&p, 0);
	assert_true(p.rapid_commit);
	assert_true(p.has_oro);
	assert_int_equal(p.oro[0], DHCP6_OPT_SOL_MAX_RT);
	assert_int_equal(p.elapsed, 0);
	assert_sent_ia(&p, NULL);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_SOLICIT);
	assert_null(dhcp6_client_lease(f->c));

	f->now = T0 + 30;
	s = rapid_reply(f);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	assert_addr(&f->bound.addr, "2001:db8::1");
	assert_int_equal(f->bound.iaid, IAID);
	assert_int_equal(f->bound.t1, 1000);
	assert_int_equal(f->bound.t2, 2000);
	assert_int_equal(f->bound.preferred, 3600);
	assert_int_equal(f->bound.valid, 7200);
	assert_int_equal(f->bound.start_ms, T0 + 30);
	assert_int_equal(f->bound.server_duid_len, sizeof(srv_duids[1]));
	assert_memory_equal(f->bound.server_duid, srv_duids[1],
			    sizeof(srv_duids[1]));
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
	assert_non_null(dhcp6_client_lease(f->c));
	/* server's T1 honoured */
	assert_int_equal(dhcp6_client_deadline(f->c), T0 + 30 + 1000000);
	assert_int_equal(f->n_sent, 1);
	assert_string_equal(f->events, "SB");
}

static void test_reply_without_rapid_commit(void **state)
{
	struct fake *f = *state;
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	s = answer(f, DHCP6_REPLY, 1);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 0);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_SOLICIT);
}

static void test_advertise_best_preference(void **state)
{
	struct fake *f = *state;
	uint32_t solicit_xid;
	struct dhcp6_parsed p;
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	solicit_xid = sent_msg(f, -1).xid;
	s = answer(f, DHCP6_ADVERTISE, 1);
	s.pref = 10;
	deliver(f, &s);
	s = answer(f, DHCP6_ADVERTISE, 2);
	s.pref = 200;
	s.addrs[0].addr = addr_of("2001:db8::2");
	deliver(f, &s);
	s = answer(f, DHCP6_ADVERTISE, 1);	/* no preference: 0 */
	s.addrs[0].addr = addr_of("2001:db8::3");
	deliver(f, &s);
	/* collecting until the first RT is over */
	assert_int_equal(f->n_sent, 1);
	fire(f);
	assert_true(f->now > T0 + SOL_TIMEOUT);
	assert_int_equal(f->n_sent, 2);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_REQUEST);
	assert_true(p.xid != solicit_xid);
	assert_server(&p, 2);
	assert_sent_ia(&p, "2001:db8::2");
	assert_int_equal(p.elapsed, 0);
	assert_true(p.has_oro);
	assert_false(p.rapid_commit);

	/* a Reply from a server not asked is ignored */
	f->now += 10;
	s = answer(f, DHCP6_REPLY, 1);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 0);
	s = answer(f, DHCP6_REPLY, 2);
	s.addrs[0].addr = addr_of("2001:db8::2");
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	assert_addr(&f->bound.addr, "2001:db8::2");
	assert_int_equal(f->bound.start_ms, f->now);
	assert_memory_equal(f->bound.server_duid, srv_duids[2], 7);
}

static void test_advertise_255(void **state)
{
	struct fake *f = *state;
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	f->now = T0 + 5;
	s = answer(f, DHCP6_ADVERTISE, 2);
	s.pref = 255;
	deliver(f, &s);
	assert_int_equal(f->n_sent, 2);
	assert_int_equal(f->sent[1].at, T0 + 5);
	assert_int_equal(last_type(f), DHCP6_REQUEST);
	assert_last_server(f, 2);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_REQUEST);
}

/* After the first RT the first Advertise is Requested at once. */
static void test_advertise_after_first_rt(void **state)
{
	struct fake *f = *state;
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	fire(f);
	assert_int_equal(f->n_sent, 2);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
	f->now += 100;
	s = answer(f, DHCP6_ADVERTISE, 1);
	deliver(f, &s);
	assert_int_equal(f->n_sent, 3);
	assert_int_equal(last_type(f), DHCP6_REQUEST);
}

static void test_advertise_no_addrs_ignored(void **state)
{
	struct fake *f = *state;
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	s = answer(f, DHCP6_ADVERTISE, 1);
	s.ia_status = DHCP6_ST_NO_ADDRS_AVAIL;
	s.n_addrs = 0;
	s.pref = 255;
	deliver(f, &s);
	s = answer(f, DHCP6_ADVERTISE, 2);
	s.status = DHCP6_ST_NO_ADDRS_AVAIL;
	s.no_ia = true;
	s.pref = 255;
	deliver(f, &s);
	s = answer(f, DHCP6_ADVERTISE, 2);	/* preferred > valid */
	s.addrs[0].preferred = 7201;
	s.pref = 255;
	deliver(f, &s);
	assert_int_equal(f->n_sent, 1);
	fire(f);
	assert_int_equal(f->n_sent, 2);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
}

static void test_solicit_first_rt(void **state)
{
	struct fake *f = *state;
	uint32_t r;

	(void)state;
	for (r = 0; r < 300; r++) {
		uint32_t v[2] = { 0x123456, r };

		dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
		f->n_sent = 0;
		script(f, v, 2);
		f->now = T0;
		dhcp6_client_start(f->c, T0);
		/* RFC 8415 18.2.1: strictly more than IRT, at most 1.1 IRT */
		assert_in_range(dhcp6_client_deadline(f->c) - T0,
				SOL_TIMEOUT + 1, SOL_TIMEOUT * 11 / 10);
	}
	/* both ends are reached */
	dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
	script(f, (const uint32_t[]){ 1, 99 }, 2);
	dhcp6_client_start(f->c, T0);
	assert_int_equal(dhcp6_client_deadline(f->c) - T0, 1100);
	dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
	script(f, (const uint32_t[]){ 1, 100 }, 2);
	dhcp6_client_start(f->c, T0);
	assert_int_equal(dhcp6_client_deadline(f->c) - T0, 1001);
}

/*
 * assert_rt() - @rt follows @prev as section 15 says: 2 * prev + RAND *
 * prev, RAND in [-0.1, 0.1] (truncated to the millisecond), unless that
 * passes @mrt: then MRT + RAND * MRT.
 */
static void assert_rt(uint64_t rt, uint64_t prev, uint64_t mrt)
{
	uint64_t lo = 2 * prev - prev / 10 - 1, hi = 2 * prev + prev / 10;

	if (rt >= lo && rt <= hi && rt <= mrt)
		return;
	if (hi > mrt && rt >= mrt - mrt / 10 && rt <= mrt + mrt / 10)
		return;
	fail_msg("RT %llu after %llu (MRT %llu)", (unsigned long long)rt,
		 (unsigned long long)prev, (unsigned long long)mrt);
}

/*
 * run_solicits() - @n more Solicits with RAND fixed by @r (200: +0.1,
 * 0: -0.1, -1: pseudo-random), each RT checked against section 15 with
 * MRT @mrt; returns the last RT.
 */
static uint64_t run_solicits(struct fake *f, unsigned int n, int r,
			     uint64_t mrt)
{
	uint64_t prev, rt = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (r >= 0)
			script(f, (const uint32_t[]){ (uint32_t)r }, 1);
		fire(f);
		assert_int_equal(last_type(f), DHCP6_SOLICIT);
		rt = dhcp6_client_deadline(f->c) - f->now;
		prev = f->now - f->sent[f->n_sent - 2].at;
		assert_rt(rt, prev, mrt);
		if (r == 200 && 2 * prev + prev / 10 <= mrt)
			assert_int_equal(rt, 2 * prev + prev / 10);
		if (r == 0 && 2 * prev - prev / 10 <= mrt)
			assert_int_equal(rt, 2 * prev - prev / 10);
	}
	return rt;
}

static void test_solicit_retransmission(void **state)
{
	struct fake *f = *state;
	uint64_t rt;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	rt = run_solicits(f, 30, -1, SOL_MAX_RT);
	assert_in_range(rt, SOL_MAX_RT * 9 / 10, SOL_MAX_RT * 11 / 10);
	assert_int_equal(f->n_bound, 0);
}

/* The jitter's extremes: +0.1 and -0.1 all along, and at the cap. */
static void test_solicit_jitter_extremes(void **state)
{
	struct fake *f = *state;
	uint64_t rt;

	f->now = T0;
	script(f, (const uint32_t[]){ 7, 99 }, 2);
	dhcp6_client_start(f->c, T0);
	assert_int_equal(dhcp6_client_deadline(f->c) - T0, 1100);
	rt = run_solicits(f, 1, 200, SOL_MAX_RT);
	assert_int_equal(rt, 2 * 1100 + 110);
	rt = run_solicits(f, 20, 200, SOL_MAX_RT);
	assert_int_equal(rt, SOL_MAX_RT + SOL_MAX_RT / 10);

	dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
	f->now = T0;
	script(f, (const uint32_t[]){ 7, 0 }, 2);
	dhcp6_client_start(f->c, T0);
	assert_int_equal(dhcp6_client_deadline(f->c) - T0, 1001);
	rt = run_solicits(f, 1, 0, SOL_MAX_RT);
	assert_int_equal(rt, 2 * 1001 - 100);
	rt = run_solicits(f, 25, 0, SOL_MAX_RT);
	assert_int_equal(rt, SOL_MAX_RT - SOL_MAX_RT / 10);
}

static void test_sol_max_rt_option(void **state)
{
	struct fake *f = *state;
	struct srv s;
	uint64_t rt;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	/* honoured even from an Advertise that is ignored (no address) */
	s = answer(f, DHCP6_ADVERTISE, 1);
	s.status = DHCP6_ST_NO_ADDRS_AVAIL;
	s.no_ia = true;
	s.sol_max_rt = 120;
	deliver(f, &s);
	rt = run_solicits(f, 12, -1, 120000);
	assert_in_range(rt, 108000, 132000);
	/* out of range (RFC 8415 21.24): ignored */
	s = answer(f, DHCP6_ADVERTISE, 1);
	s.status = DHCP6_ST_NO_ADDRS_AVAIL;
	s.no_ia = true;
	s.sol_max_rt = 59;
	deliver(f, &s);
	rt = run_solicits(f, 3, -1, 120000);
	assert_in_range(rt, 108000, 132000);
	s = answer(f, DHCP6_ADVERTISE, 1);
	s.no_ia = true;
	s.sol_max_rt = 86401;
	deliver(f, &s);
	rt = run_solicits(f, 3, -1, 120000);
	assert_in_range(rt, 108000, 132000);
}

static void test_elapsed_time(void **state)
{
	struct fake *f = *state;
	uint16_t prev = 0;
	unsigned int i;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	assert_int_equal(sent_msg(f, 0).elapsed, 0);
	for (i = 1; i < 14; i++) {
		struct dhcp6_parsed p;
		uint64_t want;

		fire(f);
		p = sent_msg(f, -1);
		want = (f->now - T0) / 10;
		assert_int_equal(p.elapsed, want > 0xffff ? 0xffff : want);
		assert_true(p.elapsed > prev || p.elapsed == 0xffff);
		prev = p.elapsed;
	}
	assert_int_equal(prev, 0xffff);	/* 14 Solicits take > 655 s */
}

/* ---- Request ---- */

/* to_request(): Solicit, an Advertise of preference 255, a Request. */
static void to_request(struct fake *f, int server)
{
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	s = answer(f, DHCP6_ADVERTISE, server);
	s.pref = 255;
	deliver(f, &s);
	assert_int_equal(last_type(f), DHCP6_REQUEST);
}

static void test_request_max_rc(void **state)
{
	struct fake *f = *state;
	uint64_t prev_rt = 0;
	unsigned int i;

	to_request(f, 1);
	for (i = 1; i < REQ_MAX_RC; i++) {
		uint64_t rt = dhcp6_client_deadline(f->c) - f->now;

		if (i == 1)
			assert_in_range(rt, REQ_TIMEOUT * 9 / 10,
					REQ_TIMEOUT * 11 / 10);
		else
			assert_rt(rt, prev_rt, REQ_MAX_RT);
		prev_rt = rt;
		fire(f);
		assert_int_equal(last_type(f), DHCP6_REQUEST);
		assert_last_server(f, 1);
	}
	assert_int_equal(f->n_sent, 1 + REQ_MAX_RC);
	/* the 10th Request's RT over: Solicit again */
	fire(f);
	assert_int_equal(f->n_sent, 2 + REQ_MAX_RC);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_SOLICIT);
}

static void test_request_refused(void **state)
{
	static const int refusals[] = {
		DHCP6_ST_NOT_ON_LINK, DHCP6_ST_NO_ADDRS_AVAIL,
	};
	struct fake *f = *state;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(refusals); i++) {
		struct srv s;

		dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
		to_request(f, 1);
		s = answer(f, DHCP6_REPLY, 1);
		if (refusals[i] == DHCP6_ST_NOT_ON_LINK) {
			s.status = refusals[i];
		} else {
			s.ia_status = refusals[i];
			s.n_addrs = 0;
		}
		deliver(f, &s);
		assert_int_equal(last_type(f), DHCP6_SOLICIT);
		assert_int_equal(f->n_bound, 0);
	}
}

/* UnspecFail: the exchange goes on (retransmission as usual). */
static void test_request_unspec_fail(void **state)
{
	struct fake *f = *state;
	unsigned int sent;
	uint64_t d;
	struct srv s;

	to_request(f, 1);
	sent = f->n_sent;
	d = dhcp6_client_deadline(f->c);
	s = answer(f, DHCP6_REPLY, 1);
	s.status = DHCP6_ST_UNSPEC_FAIL;
	deliver(f, &s);
	assert_int_equal(f->n_sent, sent);
	assert_int_equal(dhcp6_client_deadline(f->c), d);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_REQUEST);
	fire(f);
	assert_int_equal(last_type(f), DHCP6_REQUEST);
	s = answer(f, DHCP6_REPLY, 1);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
}

/* Refused twice in a row: the next Solicit waits (no loop at wire speed). */
/* refuse(): the Request outstanding refused (NotOnLink). */
static void refuse(struct fake *f)
{
	struct srv s = answer(f, DHCP6_REPLY, 1);

	assert_int_equal(last_type(f), DHCP6_REQUEST);
	s.status = DHCP6_ST_NOT_ON_LINK;
	deliver(f, &s);
}

/* advertise(): the Solicit outstanding answered, at preference 255. */
static void advertise(struct fake *f)
{
	struct srv s;

	while (last_type(f) != DHCP6_SOLICIT)
		fire(f);
	s = answer(f, DHCP6_ADVERTISE, 1);
	s.pref = 255;
	deliver(f, &s);
	assert_int_equal(last_type(f), DHCP6_REQUEST);
}

/*
 * A lease obtained after failures ends their run: a Request refused
 * later is a first failure again, and the Solicit after it goes at once.
 */
static void test_failures_reset(void **state)
{
	struct fake *f = *state;
	unsigned int sent;
	struct srv s;

	to_request(f, 1);
	refuse(f);
	advertise(f);
	refuse(f);
	advertise(f);
	s = answer(f, DHCP6_REPLY, 1);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	/* the Renew finds no binding: Request, refused */
	fire(f);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	s = answer(f, DHCP6_REPLY, 1);
	s.ia_status = DHCP6_ST_NO_BINDING;
	s.n_addrs = 0;
	deliver(f, &s);
	sent = f->n_sent;
	refuse(f);
	assert_int_equal(f->n_sent, sent + 1);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
}

/* A Decline right after the lease continues the run: DAD keeps failing. */
static void test_decline_backoff(void **state)
{
	struct fake *f = *state;
	struct in6_addr a = addr_of("2001:db8::1");
	unsigned int i;
	struct srv s;

	to_request(f, 1);
	for (i = 0; i < 3; i++) {
		s = answer(f, DHCP6_REPLY, 1);
		deliver(f, &s);
		assert_int_equal(f->n_bound, i + 1);
		dhcp6_client_decline(f->c, &a, f->now);
		s = answer(f, DHCP6_REPLY, 1);
		s.no_ia = true;
		deliver(f, &s);
		if (i) {
			assert_int_equal(dhcp6_client_deadline(f->c) - f->now,
					 SOL_TIMEOUT << (i - 1));
			assert_int_equal(last_type(f), DHCP6_DECLINE);
		}
		advertise(f);
	}
}

static void test_request_failure_backoff(void **state)
{
	struct fake *f = *state;
	unsigned int i;

	to_request(f, 1);
	for (i = 0; i < 3; i++) {
		struct srv s = answer(f, DHCP6_REPLY, 1);

		s.status = DHCP6_ST_NOT_ON_LINK;
		deliver(f, &s);
		if (i) {
			assert_int_equal(last_type(f), DHCP6_REQUEST);
			assert_int_equal(dhcp6_client_deadline(f->c) - f->now,
					 SOL_TIMEOUT << (i - 1));
			fire(f);
		}
		assert_int_equal(last_type(f), DHCP6_SOLICIT);
		s = answer(f, DHCP6_ADVERTISE, 1);
		s.pref = 255;
		deliver(f, &s);
		assert_int_equal(last_type(f), DHCP6_REQUEST);
	}
}

/* ---- Validation (section 16) ---- */

static void test_ignored_messages(void **state)
{
	static const uint8_t foreign[] = { 0, 3, 0, 1, 2, 0, 0, 0, 0, 1 };
	static const uint8_t garbage[] = { 7, 1, 2, 3, 0, 1, 0, 99 };
	struct fake *f = *state;
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	s = rapid_reply(f);
	s.xid ^= 1;
	deliver(f, &s);
	s = rapid_reply(f);
	memcpy(s.clientid, foreign, sizeof(foreign));
	deliver(f, &s);
	s = rapid_reply(f);
	s.clientid_len = 0;
	deliver(f, &s);
	s = rapid_reply(f);
	s.server = 0;
	deliver(f, &s);
	s = rapid_reply(f);
	s.type = DHCP6_RECONFIGURE;
	deliver(f, &s);
	s = rapid_reply(f);
	s.type = DHCP6_SOLICIT;
	deliver(f, &s);
	dhcp6_client_receive(f->c, garbage, sizeof(garbage), f->now);
	dhcp6_client_receive(f->c, garbage, 3, f->now);
	assert_int_equal(f->n_bound, 0);
	assert_int_equal(f->n_sent, 1);
	/* a valid one still works after all that */
	s = rapid_reply(f);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	/* bound: no exchange, so no answer is taken */
	s.addrs[0].addr = addr_of("2001:db8::9");
	deliver(f, &s);
	s.type = DHCP6_ADVERTISE;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	assert_int_equal(f->n_sent, 1);
}

/* An Advertise answering a Renew, or a Reply from the past: ignored. */
static void test_ignored_in_renew(void **state)
{
	struct fake *f = *state;
	struct srv s;
	uint32_t old_xid;

	bind_at(f, T0, 100, 160, 200, 300);
	old_xid = sent_msg(f, -1).xid;
	fire(f);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	s = answer(f, DHCP6_ADVERTISE, 1);
	deliver(f, &s);
	s = answer(f, DHCP6_REPLY, 1);
	s.xid = old_xid;
	deliver(f, &s);
	s = answer(f, DHCP6_REPLY, 0);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_RENEW);
}

/* ---- T1, T2 and lifetimes ---- */

static void test_t1_t2_zero(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, 0, 0, 1000, 2000);
	assert_int_equal(f->bound.t1, 500);
	assert_int_equal(f->bound.t2, 800);
	assert_int_equal(dhcp6_client_deadline(f->c), T0 + 500000);
}

static void test_t1_only_zero(void **state)
{
	struct fake *f = *state;

	/* 0.5 * preferred would pass the server's T2: kept at T2 */
	bind_at(f, T0, 0, 300, 1000, 2000);
	assert_int_equal(f->bound.t1, 300);
	assert_int_equal(f->bound.t2, 300);
}

static void test_t1_above_t2_ignored(void **state)
{
	struct fake *f = *state;
	struct srv s;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	s = rapid_reply(f);
	s.t1 = 3000;
	s.t2 = 2000;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 0);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_SOLICIT);
}

static void test_infinite_lifetimes(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, 0, 0, DHCP6_INFINITY, DHCP6_INFINITY);
	assert_int_equal(f->bound.t1, DHCP6_INFINITY);
	assert_int_equal(f->bound.t2, DHCP6_INFINITY);
	assert_int_equal(dhcp6_client_deadline(f->c), NEVER);
	dhcp6_client_timer(f->c, NEVER - 1);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
	assert_int_equal(f->n_sent, 1);
	assert_int_equal(f->n_lost, 0);
}

/*
 * T1 and T2 at or past the valid lifetime's end (infinity with a finite
 * lifetime too) would come after the lease is lost: the client picks its
 * own, 0.5 and 0.8 times the preferred lifetime, and Renews in time.
 */
static void test_infinite_t1_t2_finite_valid(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, DHCP6_INFINITY, DHCP6_INFINITY, 3600, 7200);
	assert_int_equal(f->bound.t1, 1800);
	assert_int_equal(f->bound.t2, 2880);
	assert_int_equal(dhcp6_client_deadline(f->c), T0 + 1800000);
	fire(f);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	assert_int_equal(f->n_lost, 0);
}

static void test_t1_t2_past_valid(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, 8000, 9000, 3600, 7200);
	assert_int_equal(f->bound.t1, 1800);
	assert_int_equal(f->bound.t2, 2880);
	assert_int_equal(dhcp6_client_deadline(f->c), T0 + 1800000);
	fire(f);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	/* Renew until T2, then Rebind: all before the lease ends */
	while (last_type(f) == DHCP6_RENEW)
		fire(f);
	assert_int_equal(last_type(f), DHCP6_REBIND);
	assert_true(f->now < T0 + 7200000);
	assert_int_equal(f->n_lost, 0);
}

/* The server's T1 is kept; only its T2 at the valid end is replaced. */
static void test_t2_at_valid(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, 1000, 7200, 3600, 7200);
	assert_int_equal(f->bound.t1, 1000);
	assert_int_equal(f->bound.t2, 2880);
}

/* Times near the end of the clock saturate instead of wrapping round. */
static void test_no_overflow(void **state)
{
	struct fake *f = *state;
	uint64_t t = NEVER - 5000000;

	bind_at(f, t, 0xfffffffe, 0xfffffffe, 0xfffffffe, 0xfffffffe);
	assert_int_equal(dhcp6_client_deadline(f->c), NEVER);
	dhcp6_client_timer(f->c, t + 1000);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
	assert_int_equal(f->n_sent, 1);
}

/* ---- Renew, Rebind ---- */

static void test_renew_rebind_lost(void **state)
{
	struct fake *f = *state;
	uint32_t renew_xid;
	struct dhcp6_parsed p;
	unsigned int renews = 0;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	assert_int_equal(f->now, T0 + 100000);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_RENEW);
	renew_xid = p.xid;
	assert_server(&p, 1);
	assert_sent_ia(&p, "2001:db8::1");
	assert_int_equal(p.ia[0].t1, 0);
	assert_int_equal(p.ia[0].t2, 0);
	assert_int_equal(p.ia[0].addrs[0].preferred, 0);
	assert_int_equal(p.ia[0].addrs[0].valid, 0);
	assert_int_equal(p.elapsed, 0);
	assert_true(p.has_oro);
	assert_in_range(dhcp6_client_deadline(f->c) - f->now, 9000, 11000);
	/* Renew until T2 */
	while (last_type(f) == DHCP6_RENEW) {
		renews++;
		assert_int_equal(sent_msg(f, -1).xid, renew_xid);
		assert_true(f->now < T0 + 160000);
		fire(f);
	}
	assert_in_range(renews, 3, 4);
	assert_int_equal(f->now, T0 + 160000);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_REBIND);
	assert_server(&p, 0);
	assert_sent_ia(&p, "2001:db8::1");
	assert_int_equal(p.elapsed, 0);
	assert_true(p.has_oro);
	assert_in_range(dhcp6_client_deadline(f->c) - f->now, 9000, 11000);
	/* Rebind until the valid lifetime is over */
	while (last_type(f) == DHCP6_REBIND) {
		assert_true(f->now < T0 + 300000);
		assert_int_equal(f->n_lost, 0);
		fire(f);
	}
	assert_int_equal(f->now, T0 + 300000);
	assert_int_equal(f->n_lost, 1);
	assert_addr(&f->lost.addr, "2001:db8::1");
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
	assert_int_equal(sent_msg(f, -1).elapsed, 0);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_SOLICIT);
	assert_null(dhcp6_client_lease(f->c));
	/* lost, then the Solicit */
	assert_int_equal(f->events[f->n_events - 2], 'L');
	assert_int_equal(f->events[f->n_events - 1], 'S');
}

/* Renew's RTs double from REN_TIMEOUT up to REN_MAX_RT. */
static void test_renew_retransmission(void **state)
{
	struct fake *f = *state;
	uint64_t prev = 0;
	unsigned int i;

	bind_at(f, T0, 100000, 200000, 300000, 400000);
	fire(f);
	for (i = 0; i < 12; i++) {
		uint64_t rt = dhcp6_client_deadline(f->c) - f->now;

		assert_int_equal(last_type(f), DHCP6_RENEW);
		if (!i)
			assert_in_range(rt, REN_TIMEOUT * 9 / 10,
					REN_TIMEOUT * 11 / 10);
		else
			assert_rt(rt, prev, REN_MAX_RT);
		prev = rt;
		fire(f);
	}
	assert_in_range(prev, REN_MAX_RT * 9 / 10, REN_MAX_RT * 11 / 10);
}

static void test_renew_reply_other_server(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	fire(f);	/* a retransmission */
	assert_int_equal(last_type(f), DHCP6_RENEW);
	f->now += 10;
	s = answer(f, DHCP6_REPLY, 2);
	s.t1 = 50;
	s.t2 = 80;
	s.addrs[0].preferred = 100;
	s.addrs[0].valid = 120;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 2);
	assert_addr(&f->bound.addr, "2001:db8::1");
	assert_int_equal(f->bound.start_ms, f->now);
	assert_int_equal(f->bound.t1, 50);
	assert_int_equal(f->bound.valid, 120);
	assert_memory_equal(f->bound.server_duid, srv_duids[2], 7);
	assert_int_equal(dhcp6_client_deadline(f->c), f->now + 50000);
	/* the next Renew goes to the server that answered */
	fire(f);
	assert_last_server(f, 2);
}

static void test_renew_address_change(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	s = answer(f, DHCP6_REPLY, 1);
	s.n_addrs = 2;
	s.addrs[0].preferred = 0;
	s.addrs[0].valid = 0;
	s.addrs[1].addr = addr_of("2001:db8::77");
	s.addrs[1].preferred = 500;
	s.addrs[1].valid = 600;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 2);
	assert_addr(&f->bound.addr, "2001:db8::77");
	assert_int_equal(f->n_lost, 0);
	assert_addr(&dhcp6_client_lease(f->c)->addr, "2001:db8::77");
}

/*
 * A Renew Reply that leaves the address held out, giving another: the held
 * one stays until its valid lifetime ends (the device's connections go on),
 * then the other takes over; Renews meanwhile are about both.
 */
static void test_renew_omits_address(void **state)
{
	struct fake *f = *state;
	struct dhcp6_parsed p;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	f->now += 1000;
	s = answer(f, DHCP6_REPLY, 1);
	s.t1 = 100;
	s.t2 = 160;
	s.addrs[0].addr = addr_of("2001:db8::77");
	s.addrs[0].preferred = 500;
	s.addrs[0].valid = 600;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	assert_int_equal(f->n_lost, 0);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
	assert_addr(&dhcp6_client_lease(f->c)->addr, "2001:db8::1");
	assert_int_equal(dhcp6_client_lease(f->c)->valid, 300);
	/* the Reply's T1 (100 s after it) */
	assert_int_equal(dhcp6_client_deadline(f->c), f->now + 100000);
	fire(f);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_RENEW);
	assert_int_equal(p.ia[0].n_addrs, 2);
	assert_addr(&p.ia[0].addrs[0].addr, "2001:db8::1");
	assert_addr(&p.ia[0].addrs[1].addr, "2001:db8::77");
	/* unanswered: at the held address's end, the other one */
	while (f->n_bound == 1)
		fire(f);
	assert_int_equal(f->now, T0 + 300000);
	assert_addr(&f->bound.addr, "2001:db8::77");
	assert_int_equal(f->n_lost, 0);
	assert_addr(&dhcp6_client_lease(f->c)->addr, "2001:db8::77");
	/* it runs to its own end */
	while (!f->n_lost)
		fire(f);
	assert_addr(&f->lost.addr, "2001:db8::77");
}

/* Held address left out, then withdrawn: the next one at once. */
static void test_renew_omits_then_withdraws(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	s = answer(f, DHCP6_REPLY, 1);
	s.addrs[0].addr = addr_of("2001:db8::77");
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	fire(f);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	s = answer(f, DHCP6_REPLY, 1);
	s.addrs[0].preferred = 0;
	s.addrs[0].valid = 0;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 2);
	assert_int_equal(f->n_lost, 0);
	assert_addr(&f->bound.addr, "2001:db8::77");
}

/* The address held is kept when still offered, whatever the order. */
static void test_renew_keeps_address(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	s = answer(f, DHCP6_REPLY, 1);
	s.n_addrs = 2;
	s.addrs[1] = s.addrs[0];
	s.addrs[0].addr = addr_of("2001:db8::77");
	deliver(f, &s);
	assert_int_equal(f->n_bound, 2);
	assert_addr(&f->bound.addr, "2001:db8::1");
}

static void test_renew_address_withdrawn(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	s = answer(f, DHCP6_REPLY, 1);
	s.addrs[0].preferred = 0;
	s.addrs[0].valid = 0;
	deliver(f, &s);
	assert_int_equal(f->n_lost, 1);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
}

static void test_renew_not_on_link(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	s = answer(f, DHCP6_REPLY, 1);
	s.status = DHCP6_ST_NOT_ON_LINK;
	deliver(f, &s);
	assert_int_equal(f->n_lost, 1);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
}

/* Not extended (UnspecFail, NoAddrsAvail): the Renew goes on. */
static void test_renew_not_extended(void **state)
{
	struct fake *f = *state;
	uint64_t d;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	d = dhcp6_client_deadline(f->c);
	s = answer(f, DHCP6_REPLY, 1);
	s.status = DHCP6_ST_UNSPEC_FAIL;
	deliver(f, &s);
	s = answer(f, DHCP6_REPLY, 1);
	s.ia_status = DHCP6_ST_NO_ADDRS_AVAIL;
	s.n_addrs = 0;
	deliver(f, &s);
	assert_int_equal(f->n_bound, 1);
	assert_int_equal(f->n_lost, 0);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_RENEW);
	assert_int_equal(dhcp6_client_deadline(f->c), d);
}

static void test_renew_no_binding(void **state)
{
	struct fake *f = *state;
	struct dhcp6_parsed p;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	s = answer(f, DHCP6_REPLY, 2);
	s.ia_status = DHCP6_ST_NO_BINDING;
	s.n_addrs = 0;
	deliver(f, &s);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_REQUEST);
	assert_server(&p, 2);
	assert_sent_ia(&p, "2001:db8::1");
	assert_int_equal(f->n_lost, 0);
	s = answer(f, DHCP6_REPLY, 2);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 2);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
}

/* NoBinding, then the Request unanswered: the lease is lost. */
static void test_no_binding_request_fails(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 3000);
	while (last_type(f) != DHCP6_REBIND)
		fire(f);
	s = answer(f, DHCP6_REPLY, 2);
	s.status = DHCP6_ST_NO_BINDING;
	deliver(f, &s);
	assert_int_equal(last_type(f), DHCP6_REQUEST);
	while (last_type(f) == DHCP6_REQUEST)
		fire(f);
	assert_int_equal(f->n_lost, 1);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
}

static void test_rebind_reply(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	while (last_type(f) != DHCP6_REBIND)
		fire(f);
	f->now += 3;
	s = answer(f, DHCP6_REPLY, 2);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 2);
	assert_int_equal(f->bound.start_ms, f->now);
	assert_memory_equal(f->bound.server_duid, srv_duids[2], 7);
}

/* ---- restore() ---- */

static struct dhcp6_lease restored_lease(uint64_t start)
{
	struct dhcp6_lease l = {
		.iaid = IAID,
		.t1 = 100, .t2 = 160, .preferred = 200, .valid = 300,
		.start_ms = start,
		.server_duid_len = 7,
	};

	l.addr = addr_of("2001:db8::5");
	memcpy(l.server_duid, srv_duids[1], 7);
	return l;
}

/* A restored lease gets the same bounds. */
static void test_restore_t1_past_valid(void **state)
{
	struct fake *f = *state;
	struct dhcp6_lease l = restored_lease(T0);

	l.t1 = l.t2 = DHCP6_INFINITY;
	l.preferred = 200;
	l.valid = 300;
	f->now = T0;
	dhcp6_client_restore(f->c, &l, T0);
	assert_int_equal(dhcp6_client_lease(f->c)->t1, 100);
	assert_int_equal(dhcp6_client_lease(f->c)->t2, 160);
}

static void test_restore_before_t2(void **state)
{
	static const uint64_t ages[] = { 0, 50000, 100000, 159999 };
	struct fake *f = *state;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ages); i++) {
		struct dhcp6_lease l = restored_lease(T0);
		struct dhcp6_parsed p;
		struct srv s;

		dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
		f->n_sent = 0;
		f->n_bound = 0;
		f->now = T0 + ages[i];
		dhcp6_client_restore(f->c, &l, f->now);
		/* after a random delay of 10 s at most */
		assert_int_equal(f->n_sent, 0);
		assert_true(dhcp6_client_deadline(f->c) <= f->now + 10000);
		fire(f);
		assert_int_equal(f->n_sent, 1);
		p = sent_msg(f, 0);
		assert_int_equal(p.type, DHCP6_RENEW);
		assert_server(&p, 1);
		assert_sent_ia(&p, "2001:db8::5");
		assert_true(dhcp6_client_deadline(f->c) <= T0 + 160000);
		assert_int_equal(f->n_lost, 0);
		assert_int_equal(f->n_bound, 0);
		s = answer(f, DHCP6_REPLY, 1);
		s.addrs[0].addr = addr_of("2001:db8::5");
		deliver(f, &s);
		assert_int_equal(f->n_bound, 1);
		assert_addr(&f->bound.addr, "2001:db8::5");
	}
}

static void test_restore_after_t2(void **state)
{
	struct fake *f = *state;
	struct dhcp6_lease l = restored_lease(T0);
	struct dhcp6_parsed p;

	f->now = T0 + 160000;
	dhcp6_client_restore(f->c, &l, f->now);
	assert_int_equal(f->n_sent, 0);
	fire(f);
	assert_true(f->now <= T0 + 170000);
	p = sent_msg(f, 0);
	assert_int_equal(p.type, DHCP6_REBIND);
	assert_server(&p, 0);
	assert_sent_ia(&p, "2001:db8::5");
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_REBIND);
	/* Rebind until the valid lifetime is over */
	while (last_type(f) == DHCP6_REBIND)
		fire(f);
	assert_int_equal(f->now, T0 + 300000);
	assert_int_equal(f->n_lost, 1);
}

static void test_restore_expired(void **state)
{
	struct fake *f = *state;
	struct dhcp6_lease l = restored_lease(0);

	f->now = T0;	/* 1000 s after a 300 s lease began */
	dhcp6_client_restore(f->c, &l, f->now);
	assert_int_equal(f->n_lost, 1);
	assert_addr(&f->lost.addr, "2001:db8::5");
	assert_int_equal(f->n_sent, 1);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
	assert_string_equal(f->events, "LS");
	assert_null(dhcp6_client_lease(f->c));
}

/* A restored lease without its server's DUID can only be Rebound. */
static void test_restore_no_server(void **state)
{
	struct fake *f = *state;
	struct dhcp6_lease l = restored_lease(T0);

	l.server_duid_len = 0;
	f->now = T0 + 10;
	dhcp6_client_restore(f->c, &l, f->now);
	fire(f);
	assert_int_equal(last_type(f), DHCP6_REBIND);
}

/*
 * A restart restores many leases at once: their first Renews are spread
 * over 10 s (less when T1 is nearer), not sent in one burst. 1,000 clients
 * restored at the same moment, each with its own random numbers; each
 * sends its Renew within the window, and no second of it has much more
 * than its share.
 */
static void test_restore_spread(void **state)
{
	/* T1 far (age 0), past T1, and T1 within 4 s */
	static const uint64_t ages[] = { 0, 120000, 96000 };
	enum { N = 1000, WINDOW = 10000 };
	unsigned int per_sec[WINDOW / 1000] = { 0 };
	struct fake *f = *state;
	uint64_t first = NEVER, last = 0, at, now;
	unsigned int i, k;

	for (i = 0; i < N; i++) {
		struct dhcp6_lease l = restored_lease(T0);

		now = T0 + ages[i % 3];
		dhcp6_client_init(f->c, mac, IAID, &fake_ops, f);
		f->seed = i * 2654435761u;
		f->n_sent = 0;
		f->now = now;
		dhcp6_client_restore(f->c, &l, now);
		assert_int_equal(f->n_sent, 0);
		while (!f->n_sent)
			fire(f);
		assert_int_equal(last_type(f), DHCP6_RENEW);
		at = f->sent[0].at - now;
		assert_true(at <= WINDOW);
		if (i % 3 == 2) {
			assert_true(at <= 2000);	/* half the 4 s to T1 */
			continue;
		}
		per_sec[at < WINDOW ? at / 1000 : WINDOW / 1000 - 1]++;
		first = at < first ? at : first;
		last = at > last ? at : last;
	}
	/* spread over the window: about 67 a second, none with 150 */
	assert_true(first < 500);
	assert_true(last > WINDOW - 500);
	for (k = 0; k < WINDOW / 1000; k++)
		assert_in_range(per_sec[k], 30, 150);
}

/* ---- Decline, Release ---- */

static void test_decline(void **state)
{
	struct fake *f = *state;
	struct in6_addr a = addr_of("2001:db8::1");
	struct dhcp6_parsed p;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	f->now += 1500;
	dhcp6_client_decline(f->c, &a, f->now);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_DECLINE);
	assert_server(&p, 1);
	assert_sent_ia(&p, "2001:db8::1");
	assert_false(p.has_oro);
	assert_false(p.rapid_commit);
	assert_null(dhcp6_client_lease(f->c));
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_DECLINE);
	s = answer(f, DHCP6_REPLY, 1);
	s.no_ia = true;
	deliver(f, &s);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
	assert_int_equal(f->n_lost, 0);
}

static void test_decline_unanswered(void **state)
{
	struct fake *f = *state;
	struct in6_addr a = addr_of("2001:db8::1");
	unsigned int declines = 0;

	bind_at(f, T0, 100, 160, 200, 300);
	dhcp6_client_decline(f->c, &a, f->now);
	while (last_type(f) == DHCP6_DECLINE) {
		declines++;
		fire(f);
	}
	assert_int_equal(declines, DEC_MAX_RC);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
}

static void test_decline_other_address(void **state)
{
	struct fake *f = *state;
	struct in6_addr a = addr_of("2001:db8::2");

	bind_at(f, T0, 100, 160, 200, 300);
	dhcp6_client_decline(f->c, &a, f->now);
	assert_int_equal(f->n_sent, 1);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
}

static void test_release_unanswered(void **state)
{
	struct fake *f = *state;
	struct dhcp6_parsed p;
	unsigned int i;
	uint64_t rt;

	bind_at(f, T0, 100, 160, 200, 300);
	f->now += 10;
	dhcp6_client_release(f->c, f->now);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_RELEASE);
	assert_server(&p, 1);
	assert_sent_ia(&p, "2001:db8::1");
	assert_false(p.has_oro);
	assert_null(dhcp6_client_lease(f->c));
	rt = dhcp6_client_deadline(f->c) - f->now;
	assert_in_range(rt, REL_TIMEOUT * 9 / 10, REL_TIMEOUT * 11 / 10);
	for (i = 1; i < REL_MAX_RC; i++) {
		fire(f);
		assert_int_equal(last_type(f), DHCP6_RELEASE);
		assert_int_equal(f->n_released, 0);
	}
	assert_int_equal(f->n_sent, 1 + REL_MAX_RC);
	f->free_on_release = true;
	fire(f);
	assert_int_equal(f->n_released, 1);
	assert_null(f->c);
	assert_int_equal(f->n_sent, 1 + REL_MAX_RC);
	assert_int_equal(f->n_lost, 0);
}

static void test_release_reply(void **state)
{
	struct fake *f = *state;
	struct srv s;

	bind_at(f, T0, 100, 160, 200, 300);
	dhcp6_client_release(f->c, f->now);
	fire(f);
	s = answer(f, DHCP6_REPLY, 1);
	s.no_ia = true;
	s.status = DHCP6_ST_SUCCESS;
	f->free_on_release = true;
	deliver(f, &s);
	assert_int_equal(f->n_released, 1);
	assert_null(f->c);
	assert_int_equal(f->n_sent, 3);
}

static void test_release_without_lease(void **state)
{
	struct fake *f = *state;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	f->free_on_release = true;
	dhcp6_client_release(f->c, T0);
	assert_int_equal(f->n_released, 1);
	assert_int_equal(f->n_sent, 1);
}

static void test_release_idle(void **state)
{
	struct fake *f = *state;

	dhcp6_client_release(f->c, T0);
	assert_int_equal(f->n_released, 1);
	assert_int_equal(f->n_sent, 0);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_IDLE);
	assert_int_equal(dhcp6_client_deadline(f->c), NEVER);
}

static void test_stop(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, 100, 160, 200, 300);
	dhcp6_client_stop(f->c);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_IDLE);
	assert_int_equal(dhcp6_client_deadline(f->c), NEVER);
	assert_null(dhcp6_client_lease(f->c));
	dhcp6_client_timer(f->c, NEVER - 1);
	assert_int_equal(f->n_sent, 1);
	assert_int_equal(f->n_lost + f->n_released, 0);
}

/* ---- The link came up again (RFC 8415 18.2.12) ---- */

#define CNF_TIMEOUT	1000u
#define CNF_MAX_RT	4000u
#define CNF_MAX_RD	10000u

/* A bound lease is checked at once by a Rebind, which a Reply extends. */
static void test_link_up_bound(void **state)
{
	struct fake *f = *state;
	struct dhcp6_parsed p;
	unsigned int sent;
	struct srv s;

	bind_at(f, T0, 1000, 2000, 3600, 7200);
	f->now = T0 + 100000;
	sent = f->n_sent;
	dhcp6_client_link_up(f->c, f->now);
	assert_int_equal(f->n_sent, sent + 1);
	p = sent_msg(f, -1);
	assert_int_equal(p.type, DHCP6_REBIND);
	assert_server(&p, 0);
	assert_sent_ia(&p, "2001:db8::1");
	assert_int_equal(p.elapsed, 0);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_REBIND);
	/* Confirm's first RT, not Rebind's REB_TIMEOUT */
	assert_in_range(dhcp6_client_deadline(f->c) - f->now,
			CNF_TIMEOUT * 9 / 10, CNF_TIMEOUT * 11 / 10);
	f->now += 20;
	s = answer(f, DHCP6_REPLY, 1);
	deliver(f, &s);
	assert_int_equal(f->n_bound, 2);
	assert_int_equal(f->bound.start_ms, f->now);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
	assert_int_equal(dhcp6_client_deadline(f->c), f->now + 1000000);
	assert_int_equal(f->n_lost, 0);
}

/*
 * Unanswered, the check retransmits as Confirm does for CNF_MAX_RD, then
 * the lease goes on untouched: bound until its T1.
 */
static void test_link_up_unanswered(void **state)
{
	struct fake *f = *state;
	uint64_t start, prev = 0, rt;
	uint32_t xid;
	unsigned int n = 0;

	bind_at(f, T0, 1000, 2000, 3600, 7200);
	start = f->now = T0 + 100000;
	dhcp6_client_link_up(f->c, f->now);
	xid = sent_msg(f, -1).xid;
	while (dhcp6_client_state(f->c) == DHCP6_S_REBIND) {
		assert_int_equal(last_type(f), DHCP6_REBIND);
		assert_int_equal(sent_msg(f, -1).xid, xid);
		rt = dhcp6_client_deadline(f->c) - f->now;
		if (!n)
			assert_in_range(rt, CNF_TIMEOUT * 9 / 10,
					CNF_TIMEOUT * 11 / 10);
		else if (f->now + rt < start + CNF_MAX_RD)
			assert_rt(rt, prev, CNF_MAX_RT);
		prev = rt;
		n++;
		fire(f);
	}
	assert_int_equal(f->now, start + CNF_MAX_RD);
	assert_in_range(n, 4, 5);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_BOUND);
	assert_non_null(dhcp6_client_lease(f->c));
	assert_int_equal(f->n_lost, 0);
	assert_int_equal(f->n_bound, 1);
	/* the lease's own T1, then its Renew as ever */
	assert_int_equal(dhcp6_client_deadline(f->c), T0 + 1000000);
	fire(f);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	assert_in_range(dhcp6_client_deadline(f->c) - f->now,
			REN_TIMEOUT * 9 / 10, REN_TIMEOUT * 11 / 10);
}

/* Renewing past T1: checked at once; unanswered, Renew again until T2. */
static void test_link_up_renewing(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, 100, 160, 200, 300);
	fire(f);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	f->now += 5000;
	dhcp6_client_link_up(f->c, f->now);
	assert_int_equal(last_type(f), DHCP6_REBIND);
	while (dhcp6_client_state(f->c) == DHCP6_S_REBIND)
		fire(f);
	/* past T1: a Renew at once, until T2 */
	assert_int_equal(f->now, T0 + 115000);
	assert_int_equal(last_type(f), DHCP6_RENEW);
	assert_int_equal(f->n_bound, 1);
	while (last_type(f) == DHCP6_RENEW)
		fire(f);
	assert_int_equal(f->now, T0 + 160000);
	assert_int_equal(last_type(f), DHCP6_REBIND);
	assert_int_equal(f->n_lost, 0);
}

/* The check ends with the valid lifetime when that comes first. */
static void test_link_up_lease_ends(void **state)
{
	struct fake *f = *state;

	bind_at(f, T0, 100, 160, 200, 300);
	f->now = T0 + 295000;
	dhcp6_client_link_up(f->c, f->now);
	assert_int_equal(last_type(f), DHCP6_REBIND);
	while (!f->n_lost)
		fire(f);
	assert_int_equal(f->now, T0 + 300000);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_SOLICIT);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
}

/* A client deep in Solicit's backoff Solicits at once, RT from the start. */
static void test_link_up_solicit(void **state)
{
	struct fake *f = *state;
	uint64_t rt;
	unsigned int sent;

	f->now = T0;
	dhcp6_client_start(f->c, T0);
	rt = run_solicits(f, 12, -1, SOL_MAX_RT);
	assert_true(rt > 1000000);
	f->now += 5000;
	sent = f->n_sent;
	dhcp6_client_link_up(f->c, f->now);
	assert_int_equal(f->n_sent, sent + 1);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
	assert_int_equal(sent_msg(f, -1).elapsed, 0);
	rt = dhcp6_client_deadline(f->c) - f->now;
	assert_in_range(rt, SOL_TIMEOUT + 1, SOL_TIMEOUT * 11 / 10);
}

/* Failed acquisitions' wait before a Solicit is over too. */
static void test_link_up_failure_backoff(void **state)
{
	struct fake *f = *state;
	unsigned int i, sent;

	to_request(f, 1);
	for (i = 0; i < 6; i++) {
		struct srv s = answer(f, DHCP6_REPLY, 1);

		s.status = DHCP6_ST_NOT_ON_LINK;
		deliver(f, &s);
		if (i < 5) {
			if (i)
				fire(f);
			s = answer(f, DHCP6_ADVERTISE, 1);
			s.pref = 255;
			deliver(f, &s);
		}
	}
	/* refused six times: the next Solicit waits */
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_SOLICIT);
	assert_int_equal(dhcp6_client_deadline(f->c) - f->now,
			 SOL_TIMEOUT << 4);
	sent = f->n_sent;
	f->now += 1000;
	dhcp6_client_link_up(f->c, f->now);
	assert_int_equal(f->n_sent, sent + 1);
	assert_int_equal(last_type(f), DHCP6_SOLICIT);
	assert_in_range(dhcp6_client_deadline(f->c) - f->now,
			SOL_TIMEOUT + 1, SOL_TIMEOUT * 11 / 10);
}

/* Nothing to check: idle, or an exchange of its own outstanding. */
static void test_link_up_nothing(void **state)
{
	struct fake *f = *state;
	struct srv s;
	unsigned int sent;

	f->now = T0;
	dhcp6_client_link_up(f->c, f->now);
	assert_int_equal(f->n_sent, 0);
	assert_int_equal(dhcp6_client_deadline(f->c), NEVER);
	dhcp6_client_start(f->c, T0);
	s = answer(f, DHCP6_ADVERTISE, 1);
	s.pref = 255;
	deliver(f, &s);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_REQUEST);
	sent = f->n_sent;
	dhcp6_client_link_up(f->c, f->now);
	assert_int_equal(f->n_sent, sent);
	assert_int_equal(dhcp6_client_state(f->c), DHCP6_S_REQUEST);
}

static void test_state_names(void **state)
{
	(void)state;
	assert_string_equal(dhcp6_state_name(DHCP6_S_IDLE), "idle");
	assert_string_equal(dhcp6_state_name(DHCP6_S_SOLICIT), "solicit");
	assert_string_equal(dhcp6_state_name(DHCP6_S_REQUEST), "request");
	assert_string_equal(dhcp6_state_name(DHCP6_S_BOUND), "bound");
	assert_string_equal(dhcp6_state_name(DHCP6_S_RENEW), "renew");
	assert_string_equal(dhcp6_state_name(DHCP6_S_REBIND), "rebind");
	assert_string_equal(dhcp6_state_name(DHCP6_S_DECLINE), "decline");
	assert_string_equal(dhcp6_state_name(DHCP6_S_RELEASE), "release");
	assert_string_equal(dhcp6_state_name((enum dhcp6_state)99),
			    "unknown");
}

#define T(name)	cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	static const struct CMUnitTest tests[] = {
		T(test_rapid_commit),
		T(test_reply_without_rapid_commit),
		T(test_advertise_best_preference),
		T(test_advertise_255),
		T(test_advertise_after_first_rt),
		T(test_advertise_no_addrs_ignored),
		T(test_solicit_first_rt),
		T(test_solicit_retransmission),
		T(test_solicit_jitter_extremes),
		T(test_sol_max_rt_option),
		T(test_elapsed_time),
		T(test_request_max_rc),
		T(test_request_refused),
		T(test_request_unspec_fail),
		T(test_request_failure_backoff),
		T(test_failures_reset),
		T(test_decline_backoff),
		T(test_ignored_messages),
		T(test_ignored_in_renew),
		T(test_t1_t2_zero),
		T(test_t1_only_zero),
		T(test_t1_above_t2_ignored),
		T(test_infinite_lifetimes),
		T(test_infinite_t1_t2_finite_valid),
		T(test_t1_t2_past_valid),
		T(test_t2_at_valid),
		T(test_restore_t1_past_valid),
		T(test_no_overflow),
		T(test_renew_rebind_lost),
		T(test_renew_retransmission),
		T(test_renew_reply_other_server),
		T(test_renew_address_change),
		T(test_renew_omits_address),
		T(test_renew_omits_then_withdraws),
		T(test_renew_keeps_address),
		T(test_renew_address_withdrawn),
		T(test_renew_not_on_link),
		T(test_renew_not_extended),
		T(test_renew_no_binding),
		T(test_no_binding_request_fails),
		T(test_rebind_reply),
		T(test_restore_before_t2),
		T(test_restore_after_t2),
		T(test_restore_expired),
		T(test_restore_no_server),
		T(test_restore_spread),
		T(test_decline),
		T(test_decline_unanswered),
		T(test_decline_other_address),
		T(test_release_unanswered),
		T(test_release_reply),
		T(test_release_without_lease),
		T(test_release_idle),
		T(test_stop),
		T(test_link_up_bound),
		T(test_link_up_unanswered),
		T(test_link_up_renewing),
		T(test_link_up_lease_ends),
		T(test_link_up_solicit),
		T(test_link_up_failure_backoff),
		T(test_link_up_nothing),
		T(test_state_names),
	};

	/* The number of failures, which an exit status could wrap round. */
	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
