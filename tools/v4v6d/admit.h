/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Admission: which LAN sources v4v6d learns as devices, and when an IPv4
 * address may pass from the device that holds it to another MAC. Pure
 * logic on a clock the caller gives (the tests' fake one), with the
 * outside world behind struct admit_ops: see admit.c.
 */
#ifndef V4V6D_ADMIT_H
#define V4V6D_ADMIT_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include "conf.h"

#define ADMIT_MAX_SUBNETS	16	/* IPv4 addresses of the LAN kept */
#define ADMIT_MAX_WAN_MACS	64	/* MACs seen on the WAN kept */
#define ADMIT_MAX_PENDING	1024	/* sources waiting for learn-rate */
#define ADMIT_MAX_PROBES	32	/* claims being checked at once */
#define ADMIT_MAX_CONFLICTS	64	/* conflicts remembered */
#define ADMIT_PROBE_TRIES	3	/* ARP requests to the holder */
#define ADMIT_PROBE_WAIT_MS	1000	/* between them, and after the last */
#define ADMIT_HOLD_MS		60000	/* a refused claimant: no new probe */
#define ADMIT_FORGET_MS		3600000	/* a conflict: logged once, flagged */
#define ADMIT_LOG_EVERY_MS	10000	/* one log line per reason at most */

/* Why a source was not learnt (or not yet). */
enum admit_why {
	ADMIT_OK,
	ADMIT_BAD_MAC,		/* multicast, broadcast or all-zero MAC */
	ADMIT_SUBNET,		/* IPv4 not a host of the LAN's subnets */
	ADMIT_DENIED,		/* learn-deny, or not in learn-allow */
	ADMIT_WAN_MAC,		/* a MAC already on the WAN */
	ADMIT_FULL,		/* max-devices reached */
	ADMIT_RATE,		/* over learn-rate: queued, learnt later */
	ADMIT_QUEUE_FULL,	/* over learn-rate and no room to queue it */
	ADMIT_CONFLICT,		/* claims a held IPv4 whose holder answers */
	ADMIT_N
};

/* What admission needs from the daemon. */
struct admit_ops {
	/* send an ARP request for @ipv4 to @holder */
	void (*probe)(void *ctx, struct in_addr ipv4, const uint8_t holder[6]);
	/* @holder did not answer: @ipv4 may pass to @claimant now */
	void (*gone)(void *ctx, struct in_addr ipv4, const uint8_t holder[6],
		     const uint8_t claimant[6]);
	/* @holder of @ipv4 is (@on) or no longer is in a conflict */
	void (*conflict)(void *ctx, struct in_addr ipv4,
			 const uint8_t holder[6], bool on);
	/* a claim on @ipv4 was refused: @holder answers for it */
	void (*refused)(void *ctx, struct in_addr ipv4,
			const uint8_t holder[6]);
	/* learn @mac at @ipv4 again (queued by learn-rate) */
	void (*learn)(void *ctx, const uint8_t mac[6], struct in_addr ipv4,
		      bool sure);
};

struct admit_subnet {
	struct in_addr addr;	/* the router's own address */
	uint8_t plen;
};

struct admit_pending {
	uint8_t mac[6];
	struct in_addr ipv4;
	bool sure;
};

struct admit_probe {
	bool used;
	struct in_addr ipv4;
	uint8_t holder[6];
	uint8_t claimant[6];
	unsigned int tries;
	uint64_t since_ms;	/* when the holder was first asked */
	uint64_t next_ms;
};

struct admit_conflict {
	bool used;
	struct in_addr ipv4;
	uint8_t holder[6];
	uint8_t claimant[6];
	uint64_t hold_ms;	/* no new probe for this claimant before */
	uint64_t forget_ms;	/* forgotten (and the flag off) at */
};

/**
 * struct admit - the admission state
 * @ops: the daemon's side
 * @ctx: for @ops
 * @subnets: the LAN's IPv4 addresses and their prefixes
 * @n_subnets: how many
 * @has_wan_own: @wan_own is known
 * @wan_own: the WAN interface's own MAC
 * @wan_macs: the MACs of the WAN's neighbours
 * @n_wan_macs: how many
 * @wan_next: the slot to replace when full
 * @tokens: learn-rate's bucket, in thousandths of a device
 * @tokens_ms: when it was last filled
 * @tokens_set: @tokens was filled once
 * @pending: sources waiting for the bucket (a ring)
 * @pending_head: the first of them
 * @n_pending: how many
 * @probes: claims being checked
 * @conflicts: claims refused because the holder answered
 * @count: refusals by reason (@count[ADMIT_CONFLICT]: claims refused)
 * @n_conflicts: conflicts found (holders that answered)
 * @moves: addresses that passed to a new MAC after their holder was gone
 * @logged_ms: when each reason was last logged
 * @quiet: refusals of each reason not logged since
 */
struct admit {
	const struct admit_ops *ops;
	void *ctx;
	struct admit_subnet subnets[ADMIT_MAX_SUBNETS];
	unsigned int n_subnets;
	bool has_wan_own;
	uint8_t wan_own[6];
	uint8_t wan_macs[ADMIT_MAX_WAN_MACS][6];
	unsigned int n_wan_macs;
	unsigned int wan_next;
	uint64_t tokens;
	uint64_t tokens_ms;
	bool tokens_set;
	struct admit_pending pending[ADMIT_MAX_PENDING];
	unsigned int pending_head;
	unsigned int n_pending;
	struct admit_probe probes[ADMIT_MAX_PROBES];
	struct admit_conflict conflicts[ADMIT_MAX_CONFLICTS];
	uint64_t count[ADMIT_N];
	uint64_t n_conflicts;
	uint64_t moves;
	uint64_t logged_ms[ADMIT_N];
	uint64_t quiet[ADMIT_N];
};

void admit_init(struct admit *a, const struct admit_ops *ops, void *ctx);
/* admit_why_name(): a reason in words ("multicast MAC", ...). */
const char *admit_why_name(enum admit_why why);

/* admit_subnet(): the LAN has (or, @gone, no longer has) @addr/@plen. */
void admit_subnet(struct admit *a, struct in_addr addr, unsigned int plen,
		  bool gone);
/* admit_lan_forget(): the LAN's subnets forgotten (to be read again). */
void admit_lan_forget(struct admit *a);
/* admit_in_lan(): @ipv4 is a host of one of the LAN's subnets. */
bool admit_in_lan(const struct admit *a, struct in_addr ipv4);
/* admit_lan_addr(): the router's LAN address in @ipv4's subnet, or 0. */
struct in_addr admit_lan_addr(const struct admit *a, struct in_addr ipv4);
/*
 * admit_wan_mac(): @mac is (or, @gone, no longer is) on the WAN; @own:
 * the WAN interface's own MAC, kept whatever the neighbours do.
 */
void admit_wan_mac(struct admit *a, const uint8_t mac[6], bool own,
		   bool gone);
/* admit_wan_forget(): the WAN's MACs, its own too, forgotten (read again). */
void admit_wan_forget(struct admit *a);

/*
 * admit_check(): whether @mac at @ipv4 may be learnt as a new device, with
 * @n_devs devices in the table: its MAC, address, the lists, the WAN's
 * MACs, max-devices. A refusal is counted and logged (at most once every
 * ADMIT_LOG_EVERY_MS a reason).
 */
enum admit_why admit_check(struct admit *a, const struct config *c,
			   const uint8_t mac[6], struct in_addr ipv4,
			   unsigned int n_devs, uint64_t now);
/*
 * admit_rate(): whether learn-rate lets a new device in now; if not
 * (ADMIT_RATE), the source is queued for ops->learn when it does.
 */
enum admit_why admit_rate(struct admit *a, const struct config *c,
			  const uint8_t mac[6], struct in_addr ipv4, bool sure,
			  uint64_t now);
/* admit_new(): admit_check(), then admit_rate(). */
enum admit_why admit_new(struct admit *a, const struct config *c,
			 const uint8_t mac[6], struct in_addr ipv4,
			 unsigned int n_devs, bool sure, uint64_t now);
/* admit_refused(): count and log (rate-limited) a refusal made elsewhere. */
void admit_refused(struct admit *a, enum admit_why why, const uint8_t mac[6],
		   struct in_addr ipv4, uint64_t now);
/*
 * admit_move(): whether a device (@mac) may change to @ipv4, an address
 * nobody holds: only inside the LAN's subnets. Counted and logged if not.
 */
enum admit_why admit_move(struct admit *a, const uint8_t mac[6],
			  struct in_addr ipv4, uint64_t now);

/*
 * admit_claim(): @claimant claims @ipv4, which @holder (active) has. The
 * claim is refused now; @holder is sent ADMIT_PROBE_TRIES ARP requests
 * ADMIT_PROBE_WAIT_MS apart, and if none is answered (admit_alive())
 * within ADMIT_PROBE_WAIT_MS of the last, ops->gone says that @ipv4 may
 * pass. If @holder answers, the claimant is refused (ADMIT_CONFLICT, the
 * conflict logged once) and not probed for again for ADMIT_HOLD_MS.
 */
void admit_claim(struct admit *a, struct in_addr ipv4, const uint8_t holder[6],
		 const uint8_t claimant[6], uint64_t now);
/*
 * admit_alive(): a sign of @mac at @ipv4 from @mac itself (its ARP, its
 * traffic) at @at: one from before the holder was asked is no answer (the
 * kernel reports a device's last packet late, and a holder that has just
 * left sent its last packets before).
 */
void admit_alive(struct admit *a, struct in_addr ipv4, const uint8_t mac[6],
		 uint64_t at);
/* admit_moved(): @ipv4 passed to a new MAC; its conflicts are forgotten. */
void admit_moved(struct admit *a, struct in_addr ipv4);
/* admit_probing(): a claim on @ipv4 is being checked. */
bool admit_probing(const struct admit *a, struct in_addr ipv4);

/* admit_timers(): probes, the learn-rate queue, conflicts to forget. */
void admit_timers(struct admit *a, const struct config *c, uint64_t now);
/* admit_deadline(): when admit_timers() has something to do. */
uint64_t admit_deadline(const struct admit *a, const struct config *c);

#endif
