// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target of v4v6d's DHCPv6 messages and client.
 *
 * The input is parsed as a message by itself, then fed to a client put in
 * the state its first byte selects (soliciting, after the first RT,
 * requesting, renewing, rebinding, releasing, declining, or restored from
 * a lease the input makes up). The rest is a list of chunks:
 *
 *	len (2 bytes), action, dt, grant (1 byte each), message (len bytes)
 *
 * Before delivery, the action's bits patch the message so that the client
 * looks deeper: the outstanding transaction ID, our Client ID, the server's
 * Server ID; grant's add an IA_NA of ours (times from a table of the
 * interesting ones, a status in it) and Rapid Commit. The fuzzer's bytes
 * follow as more options. Then the clock moves on by dt^2 * 100 ms, the
 * timers due run, and the action may release or decline the lease.
 *
 * What the client does is checked as it goes: every message it sends must
 * parse back and be a client message with our DUID, every lease it reports
 * must be consistent, the timers must make progress, and nothing may be
 * called after released().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dhcp6.h"
#include "dhcp6_msg.h"

#define IAID		0x1234
#define BASE_MS		(1ull << 40)
#define MAX_CHUNKS	16
#define MAX_TIMER_RUNS	8	/* timer() calls a due deadline may need */

enum {
	A_XID = 0x01,		/* the outstanding transaction ID */
	A_CLIENTID = 0x02,	/* our Client ID, after the header */
	A_SERVERID = 0x04,	/* the server's Server ID, after that */
	A_FIRE = 0x08,		/* then jump to the deadline and run it */
	A_RELEASE = 0x10,	/* then release */
	A_DECLINE = 0x20,	/* then decline the lease held */
};

/* grant's bits */
enum {
	G_TIMES = 0x07,		/* an index in times[] */
	G_RAPID = 0x08,		/* add Rapid Commit */
	G_ALT_ADDR = 0x10,	/* the IA_NA's address is another one */
	G_IA = 0x20,		/* add an IA_NA of ours */
	G_STATUS = 0xc0,	/* in statuses[] */
};

/* T1, T2, preferred and valid lifetimes worth trying */
static const uint32_t times[8][4] = {
	{ 100, 160, 200, 300 },
	{ 0, 0, 1000, 2000 },
	{ 0, 0, DHCP6_INFINITY, DHCP6_INFINITY },
	{ DHCP6_INFINITY, DHCP6_INFINITY, 3600, 7200 },
	{ 3000, 2000, 100, 200 },	/* T1 > T2 */
	{ 10, 20, 300, 200 },		/* preferred > valid */
	{ 0, 0, 1, 1 },			/* T1 and T2 would be 0 */
	{ 0xfffffffe, 0xfffffffe, 0xfffffffe, 0xfffffffe },
};

#define WITHDRAWN	(-2)

/* The IA_NA's status; WITHDRAWN: none, its address's lifetimes 0 */
static const int statuses[4] = {
	-1, DHCP6_ST_NO_BINDING, DHCP6_ST_NO_ADDRS_AVAIL, WITHDRAWN,
};

static const uint8_t mac[6] = { 0x02, 0, 0x5e, 0x10, 0x20, 0x30 };
static const uint8_t srv_duid[] = { 0, 2, 0, 0, 0x7f, 0xff, 1, 2, 3 };

static struct {
	struct dhcp6_client c;
	uint8_t duid[DHCP6_DUID_LL_LEN];
	uint64_t now;
	uint32_t xid;		/* of the last message sent */
	uint32_t rnd;
	bool released;
} fz;

static void check(bool ok)
{
	if (!ok)
		abort();
}

static bool client_type(uint8_t t)
{
	return t == DHCP6_SOLICIT || t == DHCP6_REQUEST ||
	       t == DHCP6_RENEW || t == DHCP6_REBIND ||
	       t == DHCP6_RELEASE || t == DHCP6_DECLINE;
}

static void op_send(void *ctx, const uint8_t *msg, size_t len)
{
	struct dhcp6_parsed p;
	const char *why;

	(void)ctx;
	check(!fz.released);
	check(len <= DHCP6_MSG_MAX);
	check(!dhcp6_parse(msg, len, &p, &why));
	check(client_type(p.type));
	check(p.clientid_len == sizeof(fz.duid));
	check(!memcmp(p.clientid, fz.duid, sizeof(fz.duid)));
	check(p.n_ia == 1 && p.ia[0].iaid == fz.c.iaid);
	fz.xid = p.xid;
}

static void op_bound(void *ctx, const struct dhcp6_lease *l)
{
	(void)ctx;
	check(!fz.released);
	check(l->valid && l->preferred <= l->valid);
	check(l->t1 && l->t1 <= l->t2);
	/* T1 and T2 come before the lease ends (or the lease never does) */
	check(l->valid == DHCP6_INFINITY || l->t2 <= l->valid);
	/* granted now, or earlier and taken over now: still valid */
	check(l->start_ms <= fz.now);
	check(l->valid == DHCP6_INFINITY ||
	      fz.now - l->start_ms < (uint64_t)l->valid * 1000);
	check(l->server_duid_len >= 1 && l->server_duid_len <= DHCP6_DUID_MAX);
}

static void op_lost(void *ctx, const struct dhcp6_lease *l)
{
	(void)ctx;
	(void)l;
	check(!fz.released);
}

static void op_released(void *ctx)
{
	(void)ctx;
	check(!fz.released);
	fz.released = true;
}

static uint32_t op_random(void *ctx)
{
	(void)ctx;
	fz.rnd = fz.rnd * 1664525u + 1013904223u;
	return fz.rnd;
}

static const struct dhcp6_ops ops = {
	.send = op_send,
	.bound = op_bound,
	.lost = op_lost,
	.released = op_released,
	.random = op_random,
};

/* run_timers(): whatever is due by now; each call must make progress. */
static void run_timers(void)
{
	unsigned int i;

	for (i = 0; !fz.released && dhcp6_client_deadline(&fz.c) <= fz.now;
	     i++) {
		check(i < MAX_TIMER_RUNS);
		dhcp6_client_timer(&fz.c, fz.now);
	}
}

static void fire(void)
{
	uint64_t d = dhcp6_client_deadline(&fz.c);

	if (d == UINT64_MAX || fz.released)
		return;
	check(d >= fz.now);
	fz.now = d;
	run_timers();
}

static struct dhcp6_lease lease(uint64_t age_ms)
{
	struct dhcp6_lease l = {
		.iaid = IAID, .t1 = 100, .t2 = 160,
		.preferred = 200, .valid = 300,
		.start_ms = fz.now - age_ms,
		.server_duid_len = sizeof(srv_duid),
	};

	l.addr.s6_addr[0] = 0x20;
	l.addr.s6_addr[1] = 0x01;
	l.addr.s6_addr[15] = 1;
	memcpy(l.server_duid, srv_duid, sizeof(srv_duid));
	return l;
}

/* advertise(): a good Advertise of preference 255 to the Solicit. */
static void advertise(void)
{
	struct dhcp6_lease l = lease(0);
	uint8_t buf[256];
	struct dhcp6_writer w;
	uint8_t pref = 255;

	dhcp6_writer_init(&w, buf, sizeof(buf));
	dhcp6_put_header(&w, DHCP6_ADVERTISE, fz.xid);
	dhcp6_put_option(&w, DHCP6_OPT_CLIENTID, fz.duid, sizeof(fz.duid));
	dhcp6_put_option(&w, DHCP6_OPT_SERVERID, srv_duid, sizeof(srv_duid));
	dhcp6_put_option(&w, DHCP6_OPT_PREFERENCE, &pref, 1);
	dhcp6_put_ia_na(&w, IAID, 100, 160, &l.addr, 200, 300);
	dhcp6_client_receive(&fz.c, buf, dhcp6_writer_end(&w), fz.now);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* restore_made_up(): a lease whose times come from the input. */
static size_t restore_made_up(const uint8_t *data, size_t size)
{
	struct dhcp6_lease l = lease(0);

	if (size < 20)
		return 0;
	l.t1 = get32(data);
	l.t2 = get32(data + 4);
	l.preferred = get32(data + 8);
	l.valid = get32(data + 12);
	l.start_ms = fz.now - get32(data + 16) * 16ull;
	if (data[0] & 1)
		l.server_duid_len = data[1];	/* 0, or even too long */
	if (data[2] & 1)
		l.iaid ^= 1;			/* not the client's IAID */
	dhcp6_client_restore(&fz.c, &l, fz.now);
	return 20;
}

/* setup(): the client in the state @sel says; returns input used. */
static size_t setup(uint8_t sel, const uint8_t *data, size_t size)
{
	struct dhcp6_lease l;
	size_t used = 0;

	switch (sel % 8) {
	case 0:		/* soliciting */
		dhcp6_client_start(&fz.c, fz.now);
		break;
	case 1:		/* soliciting, first RT over */
		dhcp6_client_start(&fz.c, fz.now);
		fire();
		break;
	case 2:		/* requesting */
		dhcp6_client_start(&fz.c, fz.now);
		advertise();
		break;
	case 3:		/* renewing */
		l = lease(120000);
		dhcp6_client_restore(&fz.c, &l, fz.now);
		break;
	case 4:		/* rebinding */
		l = lease(200000);
		dhcp6_client_restore(&fz.c, &l, fz.now);
		break;
	case 5:		/* releasing */
		l = lease(1000);
		dhcp6_client_restore(&fz.c, &l, fz.now);
		dhcp6_client_release(&fz.c, fz.now);
		break;
	case 6:		/* declining */
		l = lease(1000);
		dhcp6_client_restore(&fz.c, &l, fz.now);
		dhcp6_client_decline(&fz.c, &l.addr, fz.now);
		break;
	default:	/* a made-up lease */
		used = restore_made_up(data, size);
		if (!used)
			dhcp6_client_start(&fz.c, fz.now);
		break;
	}
	return used;
}

/* put_grant(): the IA_NA and Rapid Commit that @grant asks for. */
static void put_grant(struct dhcp6_writer *w, uint8_t grant)
{
	const uint32_t *t = times[grant & G_TIMES];
	int status = statuses[(grant & G_STATUS) >> 6];
	struct dhcp6_lease l = lease(0);
	size_t ia, st;

	if (grant & G_RAPID)
		dhcp6_put_option(w, DHCP6_OPT_RAPID_COMMIT, NULL, 0);
	if (!(grant & G_IA))
		return;
	if (grant & G_ALT_ADDR)
		l.addr.s6_addr[15] = 2;
	ia = dhcp6_opt_begin(w, DHCP6_OPT_IA_NA);
	dhcp6_put_u32(w, IAID);
	dhcp6_put_u32(w, t[0]);
	dhcp6_put_u32(w, t[1]);
	if (status < 0) {
		size_t a = dhcp6_opt_begin(w, DHCP6_OPT_IAADDR);
		bool gone = status == WITHDRAWN;

		dhcp6_put_bytes(w, &l.addr, sizeof(l.addr));
		dhcp6_put_u32(w, gone ? 0 : t[2]);
		dhcp6_put_u32(w, gone ? 0 : t[3]);
		dhcp6_opt_end(w, a);
	}
	if (status >= 0) {
		st = dhcp6_opt_begin(w, DHCP6_OPT_STATUS_CODE);
		dhcp6_put_u16(w, (uint16_t)status);
		dhcp6_opt_end(w, st);
	}
	dhcp6_opt_end(w, ia);
}

/*
 * patch() - @msg of @len into @out with what @action and @grant ask for;
 * returns the new length (the input's first DHCP6_MSG_MAX bytes at most).
 */
static size_t patch(uint8_t action, uint8_t grant, const uint8_t *msg,
		    size_t len, uint8_t *out, size_t size)
{
	struct dhcp6_writer w;

	if (len > DHCP6_MSG_MAX)
		len = DHCP6_MSG_MAX;
	dhcp6_writer_init(&w, out, size);
	if (len < DHCP6_HDR_LEN) {
		dhcp6_put_bytes(&w, msg, len);
		return w.len;
	}
	dhcp6_put_bytes(&w, msg, DHCP6_HDR_LEN);
	if (action & A_XID) {
		out[1] = (uint8_t)(fz.xid >> 16);
		out[2] = (uint8_t)(fz.xid >> 8);
		out[3] = (uint8_t)fz.xid;
	}
	if (action & A_CLIENTID)
		dhcp6_put_option(&w, DHCP6_OPT_CLIENTID, fz.duid,
				 sizeof(fz.duid));
	if (action & A_SERVERID)
		dhcp6_put_option(&w, DHCP6_OPT_SERVERID, srv_duid,
				 sizeof(srv_duid));
	put_grant(&w, grant);
	dhcp6_put_bytes(&w, msg + DHCP6_HDR_LEN, len - DHCP6_HDR_LEN);
	return dhcp6_writer_end(&w);
}

/* chunk(): one chunk delivered and acted on; returns input used, 0: end */
static size_t chunk(const uint8_t *data, size_t size)
{
	uint8_t buf[DHCP6_MSG_MAX + 128];
	uint8_t action, dt, grant;
	size_t len, n;

	if (size < 5)
		return 0;
	len = (size_t)data[0] << 8 | data[1];
	action = data[2];
	dt = data[3];
	grant = data[4];
	if (len > size - 5)
		len = size - 5;
	n = patch(action, grant, data + 5, len, buf, sizeof(buf));
	dhcp6_client_receive(&fz.c, buf, n, fz.now);
	if (fz.released)
		return 0;
	fz.now += (uint64_t)dt * dt * 100;
	run_timers();
	if (action & A_FIRE)
		fire();
	if (!fz.released && (action & A_DECLINE) &&
	    dhcp6_client_lease(&fz.c))
		dhcp6_client_decline(&fz.c, &dhcp6_client_lease(&fz.c)->addr,
				     fz.now);
	if (!fz.released && (action & A_RELEASE))
		dhcp6_client_release(&fz.c, fz.now);
	return fz.released ? 0 : 5 + len;
}

/* check_parsed(): what dhcp6_parse() promises of a message it accepts */
static void check_parsed(const struct dhcp6_parsed *p)
{
	unsigned int i;

	check(p->xid <= 0xffffff);
	check(p->clientid_len <= DHCP6_DUID_MAX);
	check(p->serverid_len <= DHCP6_DUID_MAX);
	check(!p->sol_max_rt || (p->sol_max_rt >= DHCP6_SOL_MAX_RT_MIN &&
				 p->sol_max_rt <= DHCP6_SOL_MAX_RT_MAX));
	check(strlen(p->status_msg) < DHCP6_STATUS_MSG_MAX);
	check(p->n_ia <= DHCP6_MAX_IA);
	for (i = 0; i < p->n_ia; i++)
		check(p->ia[i].n_addrs <= DHCP6_MAX_IAADDR);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dhcp6_parsed p;
	const char *why;
	unsigned int i;
	size_t used;

	if (!dhcp6_parse(data, size, &p, &why))
		check_parsed(&p);
	if (size < 1)
		return 0;
	memset(&fz, 0, sizeof(fz));
	fz.now = BASE_MS;
	fz.rnd = 1;
	dhcp6_duid_ll(fz.duid, mac);
	dhcp6_client_init(&fz.c, mac, IAID, &ops, NULL);
	used = 1 + setup(data[0], data + 1, size - 1);
	for (i = 0; i < MAX_CHUNKS && !fz.released && used < size; i++) {
		size_t n = chunk(data + used, size - used);

		if (!n)
			break;
		used += n;
	}
	if (!fz.released)
		dhcp6_client_stop(&fz.c);
	return 0;
}
