/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A DHCPv6 client (RFC 8415) for one device: the messages (dhcp6_msg.c) and
 * the per-device state machine (dhcp6_client.c). Neither does any I/O nor
 * reads a clock: the caller passes the time (monotonic milliseconds) in, and
 * gets messages to send and lease changes out through struct dhcp6_ops.
 * v4v6d runs one client per LAN device, each with the device's DUID-LL, on
 * the device's WAN identity.
 */
#ifndef V4V6D_DHCP6_H
#define V4V6D_DHCP6_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lease.h"

#define DHCP6_CLIENT_PORT	546
#define DHCP6_SERVER_PORT	547
/* All_DHCP_Relay_Agents_and_Servers: ff02::1:2 */
#define DHCP6_ALL_SERVERS	{ { { 0xff, 2, 0, 0, 0, 0, 0, 0, \
				      0, 0, 0, 0, 0, 1, 0, 2 } } }

#define DHCP6_MSG_MAX		1500	/* what the client builds at most */

enum dhcp6_type {
	DHCP6_SOLICIT = 1,
	DHCP6_ADVERTISE = 2,
	DHCP6_REQUEST = 3,
	DHCP6_CONFIRM = 4,
	DHCP6_RENEW = 5,
	DHCP6_REBIND = 6,
	DHCP6_REPLY = 7,
	DHCP6_RELEASE = 8,
	DHCP6_DECLINE = 9,
	DHCP6_RECONFIGURE = 10,
	DHCP6_INFORMATION_REQUEST = 11,
};

/**
 * struct dhcp6_ops - what a client asks of its caller
 * @send: send @len bytes to All_DHCP_Relay_Agents_and_Servers from the
 *	device's identity (UDP 546 -> 547)
 * @bound: a lease was obtained, extended or changed (the address may be a
 *	new one: the caller replaces what it had). A lease given earlier
 *	takes over when the address held expires (@start_ms then lies in
 *	the past: its lifetimes count from there)
 * @lost: the lease ended without a Release: valid lifetime over, or the
 *	server refused it; the client goes on soliciting by itself
 * @released: a Release exchange is over (answered or given up); the client
 *	is idle and may be freed
 * @random: a uniformly random 32-bit number (jitter, transaction IDs)
 *
 * The callbacks are called from within dhcp6_client_*() and must not call
 * dhcp6_client_*() on the same client. @released is always the last thing
 * the client does before returning: it may free the client's memory (or
 * init it again). @bound, @lost and @send must leave the client alone.
 * Whenever @bound or @lost is called, the lease passed is a copy that lives
 * until the callback returns.
 */
struct dhcp6_ops {
	void (*send)(void *ctx, const uint8_t *msg, size_t len);
	void (*bound)(void *ctx, const struct dhcp6_lease *lease);
	void (*lost)(void *ctx, const struct dhcp6_lease *lease);
	void (*released)(void *ctx);
	uint32_t (*random)(void *ctx);
};

enum dhcp6_state {
	DHCP6_S_IDLE,		/* nothing to do */
	DHCP6_S_SOLICIT,	/* Solicit sent, collecting Advertise */
	DHCP6_S_REQUEST,	/* Request sent */
	DHCP6_S_BOUND,		/* lease held, waiting for T1 */
	DHCP6_S_RENEW,		/* Renew sent (T1 passed, or restored) */
	DHCP6_S_REBIND,		/* Rebind sent (T2 passed) */
	DHCP6_S_DECLINE,	/* Decline sent (DAD failed) */
	DHCP6_S_RELEASE,	/* Release sent */
};

/**
 * struct dhcp6_client - one device's client
 *
 * Callers treat it as opaque (its fields are private to dhcp6_client.c and
 * may change) but may embed it: its size is public. Use
 * dhcp6_client_state() and dhcp6_client_lease() to look at it.
 *
 * @state: what it is doing
 * @ops: the caller's callbacks
 * @ctx: their first argument
 * @duid: our DUID-LL: type 3, hardware type 1, the MAC
 * @iaid: our IA_NA's IAID
 * @xid: the outstanding exchange's transaction ID (24 bits)
 * @exchange_start_ms: when its first message went (Elapsed Time)
 * @deadline_ms: the next transmission, or T1 when bound; UINT64_MAX: none
 * @mrd_end_ms: when the exchange gives up (MRD: T2 for Renew, the valid
 *	lifetime's end for Rebind); UINT64_MAX: never
 * @rt_ms: the current retransmission timeout (RT)
 * @rc: messages sent in this exchange (0: the first is still to go)
 * @failures: acquisitions that failed in a row (Request refused or
 *	unanswered, Decline): the next Solicit waits more each time. A
 *	lease obtained ends the run (@failures 0), except for its Decline
 * @failures_before: @failures when the lease held was obtained by a
 *	Request (0 once a Renew or Rebind extended it): its Decline (DAD
 *	failed) continues that run rather than starting a new one
 * @sol_max_rt: SOL_MAX_RT in seconds (a server's SOL_MAX_RT option)
 * @checking: the Rebind outstanding checks the lease after the link came up
 *	(dhcp6_client_link_up()): Confirm's timing, and the lease goes on as
 *	it was when nothing answers
 * @have_lease: @lease is held
 * @lease: the lease, when @have_lease
 * @have_next: a Renew or Rebind Reply left @lease out and gave @next
 *	instead: @lease is used until its valid lifetime ends, then @next
 *	(RFC 8415 18.2.10.1; a device has one address at a time)
 * @next: that address, with the times of the Reply that gave it
 * @have_offer: Solicit: @offer holds the best Advertise so far
 * @offer_pref: its preference
 * @offer: what it offered
 * @target: the lease a Request asks for, or a Decline or Release gives back
 */
struct dhcp6_client {
	enum dhcp6_state state;
	const struct dhcp6_ops *ops;
	void *ctx;
	uint8_t duid[10];
	uint32_t iaid;
	uint32_t xid;
	uint64_t exchange_start_ms;
	uint64_t deadline_ms;
	uint64_t mrd_end_ms;
	uint64_t rt_ms;
	unsigned int rc;
	unsigned int failures;
	unsigned int failures_before;
	uint32_t sol_max_rt;
	bool checking;
	bool have_lease;
	struct dhcp6_lease lease;
	bool have_next;
	struct dhcp6_lease next;
	bool have_offer;
	uint8_t offer_pref;
	struct dhcp6_lease offer;
	struct dhcp6_lease target;
};

/* The state's name for logs and v4v6ctl: "solicit", "bound", ... */
const char *dhcp6_state_name(enum dhcp6_state state);

/*
 * dhcp6_client_init(): a client for the device with MAC @mac, idle.
 * Its DUID is the DUID-LL of @mac, its IA_NA's IAID @iaid.
 */
void dhcp6_client_init(struct dhcp6_client *c, const uint8_t mac[6],
		       uint32_t iaid, const struct dhcp6_ops *ops, void *ctx);
/*
 * dhcp6_client_start(): Solicit (with Rapid Commit) from now on; the first
 * Solicit goes at once. A lease held is forgotten without @lost.
 */
void dhcp6_client_start(struct dhcp6_client *c, uint64_t now_ms);
/*
 * dhcp6_client_restore(): a lease from before a restart, received at
 * @lease->start_ms: Renew it soon if it is still valid, after a random
 * delay of up to 10 s (less when T1, T2 or its end is nearer), so that
 * many restored together are not renewed in one burst (Rebind past T2, or
 * when it has no server DUID; Solicit at once when it has expired, calling
 * @lost first). The lease's IAID becomes the client's. @bound comes when a
 * Reply confirms it.
 */
void dhcp6_client_restore(struct dhcp6_client *c,
			  const struct dhcp6_lease *lease, uint64_t now_ms);
/*
 * dhcp6_client_receive(): a message that arrived on the identity: anything
 * that is not a valid answer to the exchange outstanding is ignored (logged
 * at debug level).
 */
void dhcp6_client_receive(struct dhcp6_client *c, const uint8_t *msg,
			  size_t len, uint64_t now_ms);
/*
 * dhcp6_client_deadline(): when to call dhcp6_client_timer() next;
 * UINT64_MAX: never.
 */
uint64_t dhcp6_client_deadline(const struct dhcp6_client *c);
/*
 * dhcp6_client_timer(): what is due at @now_ms (nothing when nothing is).
 * It handles one thing: should dhcp6_client_deadline() still be <= @now_ms
 * afterwards, call it again.
 */
void dhcp6_client_timer(struct dhcp6_client *c, uint64_t now_ms);
/*
 * dhcp6_client_decline(): DAD found the leased address @addr in use:
 * forget the lease (without @lost), Decline it (DEC_MAX_RC tries), then
 * Solicit again. Ignored when @addr is not the address leased.
 */
void dhcp6_client_decline(struct dhcp6_client *c, const struct in6_addr *addr,
			  uint64_t now_ms);
/*
 * dhcp6_client_release(): Release the lease (retransmitted per RFC 8415
 * section 18.2.7: REL_MAX_RC tries), then call @released. The lease is
 * forgotten at once (dhcp6_client_lease() is NULL). Without a lease (or
 * without its server's DUID): @released before this returns. Either way
 * the client is idle once @released is called.
 */
void dhcp6_client_release(struct dhcp6_client *c, uint64_t now_ms);
/*
 * dhcp6_client_link_up(): the link came up again (carrier), and may be
 * another link now (RFC 8415 section 18.2.12): a lease held (bound, or
 * being renewed or rebound) is checked at once with a Rebind, retransmitted
 * as a Confirm would be (CNF_TIMEOUT, CNF_MAX_RT) for up to CNF_MAX_RD, after
 * which the lease goes on with the times it had; a client soliciting
 * (however long its backoff has grown) Solicits again at once. Requests,
 * Declines and Releases outstanding go on as they were.
 */
void dhcp6_client_link_up(struct dhcp6_client *c, uint64_t now_ms);
/* dhcp6_client_stop(): forget everything, send nothing (daemon exit). */
void dhcp6_client_stop(struct dhcp6_client *c);
/* dhcp6_client_state(): what @c is doing. */
enum dhcp6_state dhcp6_client_state(const struct dhcp6_client *c);
/* dhcp6_client_lease(): the lease @c holds, NULL when it holds none. */
const struct dhcp6_lease *dhcp6_client_lease(const struct dhcp6_client *c);

#endif
