// SPDX-License-Identifier: GPL-2.0
/*
 * A device's life: learnt from a sign on the LAN, given an identity, an
 * address (DHCPv6, SLAAC or configured) and a place in v4v6.ko's table;
 * aged to inactive when it is not seen, released and removed after longer.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/if_addr.h>
#include <linux/v4v6.h>

#include "arp.h"
#include "knl.h"
#include "log.h"
#include "rtnl.h"
#include "v4v6d.h"

#define LL_WAIT_MS	1500	/* longest wait for a usable link-local */
#define RETRY_MS	5000	/* between attempts to make an identity */
#define INFINITE	0xffffffffu

/* The device of a node of d4.idents. */
#define dev_of(node)	((struct dev *)((char *)(node) - \
					offsetof(struct dev, ifnode)))

struct dev *dev_find(const uint8_t mac[6])
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (!d->dead && !memcmp(d->mac, mac, 6))
			return d;
	return NULL;
}

/* How many devices count against max-devices: not those on their way out. */
static unsigned int dev_count(void)
{
	unsigned int n = 0;
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		n += !d->dead && !d->releasing;
	return n;
}

/* The device that holds @ipv4: one being released holds nothing. */
static struct dev *dev_by_ipv4(struct in_addr ipv4)
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (!d->dead && !d->releasing && d->ipv4.s_addr == ipv4.s_addr)
			return d;
	return NULL;
}

/* dev_by_ifindex(): the device of identity @ifindex: one hash lookup. */
struct dev *dev_by_ifindex(int ifindex)
{
	struct imap_node *n = imap_find(&d4.idents, ifindex);

	return n && !dev_of(n)->dead ? dev_of(n) : NULL;
}

static void dev_kernel_put(struct dev *d)
{
	struct kdev k = {
		.ipv4 = d->ipv4,
		.ipv6 = d->ipv6,
		.wan_ifindex = d->ifindex,
		.flags = (d->is_static ? V4V6_DEV_F_STATIC : 0) |
			 (d->conflict ? V4V6_DEV_F_CONFLICT : 0),
		.state = d->inactive ? V4V6_DEV_STATE_INACTIVE :
			 V4V6_DEV_STATE_ACTIVE,
		.allow = config_allow(&d4.cfg, d->mac),
	};

	if (!d->has_ipv6 || !d->ifindex || d->releasing)
		return;
	memcpy(k.mac, d->mac, 6);
	if (!knl_dev_put(&k)) {
		d->allow_stale = false;
		if (!d->in_kernel)
			log_info("%s %s: translated as %s on %s",
				 mac_str(d->mac), inet_ntoa(d->ipv4),
				 ip6_str(&d->ipv6), d->ident);
		d->in_kernel = true;
	}
}

static void dev_kernel_del(struct dev *d)
{
	if (d->in_kernel)
		knl_dev_del(d->mac);
	d->in_kernel = false;
}

/* dev_drop_addr(): the device's address leaves the kernel and identity. */
static void dev_drop_addr(struct dev *d)
{
	if (!d->has_ipv6)
		return;
	dev_kernel_del(d);
	d->has_ipv6 = false;
	ident_addr(d, NULL);
	if (d->ifindex)
		rtnl_addr6_del(d->ifindex, &d->ipv6, 128);
	d4.dirty = true;
}

void dev_set_addr(struct dev *d, const struct in6_addr *a, uint32_t valid,
		  uint32_t preferred)
{
	bool same = d->has_ipv6 && !memcmp(&d->ipv6, a, 16);

	if (d->has_ipv6 && !same) {
		log_info("%s: address %s replaced", d->ident, ip6_str(&d->ipv6));
		dev_drop_addr(d);
	}
	if (rtnl_addr6_set(d->ifindex, a, 128, valid, preferred, true))
		return;
	d->ipv6 = *a;
	d->has_ipv6 = true;
	ident_addr(d, a);
	/*
	 * A renewal of the address the kernel has changes nothing there: no
	 * SET_DEVICE, which would announce a change and cut every dump of
	 * the table under way (200 devices renewing is 20 a second).
	 */
	if (!same || !d->in_kernel || d->allow_stale)
		dev_kernel_put(d);
	/* A renewal of the same address can wait for the next save. */
	if (same)
		d4.stale = true;
	else
		d4.dirty = true;
}

static void on_send(void *ctx, const uint8_t *msg, size_t len)
{
	ident_send(ctx, msg, len);
}

/*
 * lease_left(): what is left now of @secs granted at @start_ms (a lease
 * taken over when the address before it expired was granted earlier), for
 * the address on the identity. Rounded up: the client's own timer, not the
 * kernel's expiry of the address a fraction of a second earlier, is what
 * ends a lease, so that it is ended as one ("lease lost": the mapping goes
 * with it) rather than as an address that vanished.
 */
static uint32_t lease_left(uint32_t secs, uint64_t start_ms)
{
	uint64_t end = start_ms + secs * 1000ull, now = now_ms();

	if (secs == INFINITE)
		return INFINITE;
	if (end <= now)
		return 0;
	end = (end - now + 999) / 1000;
	return end >= INFINITE ? INFINITE - 1 : (uint32_t)end;
}

static void on_bound(void *ctx, const struct dhcp6_lease *l)
{
	struct dev *d = ctx;
	uint32_t valid = lease_left(l->valid, l->start_ms);

	log_info("%s: DHCPv6 lease %s (T1 %us, T2 %us, valid %us)", d->ident,
		 ip6_str(&l->addr), l->t1, l->t2, l->valid);
	dev_set_addr(d, &l->addr, valid ? valid : 1,
		     lease_left(l->preferred, l->start_ms));
}

static void on_lost(void *ctx, const struct dhcp6_lease *l)
{
	struct dev *d = ctx;

	log_warn("%s: lease of %s lost", d->ident, ip6_str(&l->addr));
	if (d->has_ipv6 && !memcmp(&d->ipv6, &l->addr, 16))
		dev_drop_addr(d);
}

static void on_released(void *ctx)
{
	struct dev *d = ctx;

	d->dead = true;
}

static uint32_t on_random(void *ctx)
{
	(void)ctx;
	return arc4random();
}

static const struct dhcp6_ops dhcp_ops = {
	.send = on_send,
	.bound = on_bound,
	.lost = on_lost,
	.released = on_released,
	.random = on_random,
};

int dev_restore(struct dev *d, const struct dhcp6_lease *l)
{
	if (!l) {
		free(d->restore);
		d->restore = NULL;
		return 0;
	}
	if (!d->restore)
		d->restore = malloc(sizeof(*d->restore));
	if (!d->restore) {
		log_err("%s: out of memory: its lease not kept", d->ident);
		return -ENOMEM;
	}
	*d->restore = *l;
	return 0;
}

struct dev *dev_new(const uint8_t mac[6], struct in_addr ipv4)
{
	struct dev *d = calloc(1, sizeof(*d));
	uint32_t iaid;

	if (!d) {
		log_err("out of memory for device %s", mac_str(mac));
		return NULL;
	}
	memcpy(d->mac, mac, 6);
	d->ipv4 = ipv4;
	d->mode = STATE_MODE_DHCPV6;
	d->seen_ms = now_ms();
	iaid = (uint32_t)mac[2] << 24 | mac[3] << 16 | mac[4] << 8 | mac[5];
	dhcp6_client_init(&d->dhcp, mac, iaid, &dhcp_ops, d);
	d->next = d4.devs;
	d4.devs = d;
	d4.n_devs++;
	d4.dirty = true;
	if (ident_create(d))
		d->created_ms = now_ms();	/* tried: retry later */
	log_info("%s %s: new device, identity %s", mac_str(mac),
		 inet_ntoa(ipv4), d->ident);
	return d;
}

static bool ipv4_usable(struct in_addr a)
{
	uint32_t h = ntohl(a.s_addr);

	return h && (h >> 24) != 0 && (h >> 24) != 127 &&
	       (h >> 16) != 0xa9fe && (h >> 28) < 0xe;
}

/*
 * dev_take_ipv4(): whether @ipv4 may be @mac's (@d: its device, if it has
 * one) now. A device that holds it gives it up when the operator says so
 * (@configured), when it is inactive, or when it does not answer ARP
 * (admit_claim(), which refuses the claim until it knows); a static device
 * keeps it.
 */
static bool dev_take_ipv4(struct dev *d, const uint8_t mac[6],
			  struct in_addr ipv4, bool configured)
{
	struct dev *other = dev_by_ipv4(ipv4);

	if (!other || other == d)
		return true;
	if (other->is_static && !configured) {
		admit_refused(&d4.admit, ADMIT_CONFLICT, mac, ipv4, now_ms());
		return false;
	}
	if (!configured && !other->inactive) {
		admit_claim(&d4.admit, ipv4, other->mac, mac, now_ms());
		return false;
	}
	log_info("%s moved from %s to %s (%s)", inet_ntoa(ipv4),
		 mac_str(other->mac), mac_str(mac),
		 configured ? "configured" : "the holder was inactive");
	admit_moved(&d4.admit, ipv4);
	dev_release(other);
	return true;
}

/* dev_seen() of a sign of life at @at (now, or earlier). */
static void dev_seen_at(const uint8_t mac[6], struct in_addr ipv4, bool sure,
			uint64_t at)
{
	struct dev *d = dev_find(mac);
	uint64_t now = now_ms();

	if (d4.ending || !ipv4_usable(ipv4) || (d && d->releasing))
		return;
	if (!d) {
		/*
		 * Even a stale ARP entry may claim a held address: the
		 * holder is asked first (admit_claim()), and a device that
		 * took the address of one that left is not kept waiting
		 * until its first packet is answered, which it never is
		 * (the kernel drops it as spoofed).
		 */
		/* (one that takes a held address replaces its holder) */
		if (admit_check(&d4.admit, &d4.cfg, mac, ipv4,
				dev_count() - (dev_by_ipv4(ipv4) ? 1 : 0), now) ||
		    !dev_take_ipv4(NULL, mac, ipv4, false) ||
		    admit_rate(&d4.admit, &d4.cfg, mac, ipv4, sure, now))
			return;
		dev_new(mac, ipv4);
		return;
	}
	if (at > d->seen_ms)
		d->seen_ms = at;
	d->probed = false;
	if (d->ipv4.s_addr == ipv4.s_addr)
		admit_alive(&d4.admit, ipv4, mac, at);
	if (d->inactive) {
		log_info("%s: active again", mac_str(mac));
		d->inactive = false;
		dev_kernel_put(d);
		d4.stale = true;
	}
	if (sure && !d->is_static && d->ipv4.s_addr != ipv4.s_addr &&
	    !admit_move(&d4.admit, mac, ipv4, now) &&
	    dev_take_ipv4(d, mac, ipv4, false)) {
		log_info("%s: IPv4 %s now", mac_str(mac), inet_ntoa(ipv4));
		d->ipv4 = ipv4;
		d->conflict = false;
		dev_kernel_put(d);
		d4.dirty = true;
	} else if (sure && !d->in_kernel) {
		dev_kernel_put(d);
	}
}

void dev_seen(const uint8_t mac[6], struct in_addr ipv4, bool sure)
{
	dev_seen_at(mac, ipv4, sure, now_ms());
}

void dev_arp_reply(const uint8_t mac[6], struct in_addr ip)
{
	admit_alive(&d4.admit, ip, mac, now_ms());
}

/* admit.c's side: ARP requests, moves, conflicts, the learn-rate queue. */
static void on_probe(void *ctx, struct in_addr ipv4, const uint8_t holder[6])
{
	uint8_t own[6];

	(void)ctx;
	if (rtnl_ifmac(d4.lan_ifindex, own))
		return;
	arp_send(d4.lan_ifindex, holder, own,
		 admit_lan_addr(&d4.admit, ipv4), ipv4);
}

static void on_gone(void *ctx, struct in_addr ipv4, const uint8_t holder[6],
		    const uint8_t claimant[6])
{
	struct dev *h = dev_by_ipv4(ipv4);

	(void)ctx;
	if (h && !memcmp(h->mac, holder, 6) && !h->is_static) {
		log_info("%s moved from %s to %s (the holder is gone)",
			 inet_ntoa(ipv4), mac_str(holder), mac_str(claimant));
		/* its ARP entry too: it would learn the holder again */
		rtnl_neigh4_del(d4.lan_ifindex, ipv4);
		dev_release(h);
	}
	dev_seen(claimant, ipv4, true);
}

static void on_conflict(void *ctx, struct in_addr ipv4,
			const uint8_t holder[6], bool on)
{
	struct dev *d = dev_find(holder);

	(void)ctx;
	if (!d || d->ipv4.s_addr != ipv4.s_addr || d->conflict == on ||
	    d->releasing)
		return;
	d->conflict = on;
	dev_kernel_put(d);
}

/*
 * A claimant of @ipv4 was refused: the LAN's ARP entry for it, which the
 * claimant's ARP may have taken, is the holder's again (else the replies
 * translated for the holder would go to the claimant).
 */
static void on_refused(void *ctx, struct in_addr ipv4,
		       const uint8_t holder[6])
{
	(void)ctx;
	rtnl_neigh4_set(d4.lan_ifindex, ipv4, holder);
}

static void on_learn(void *ctx, const uint8_t mac[6], struct in_addr ipv4,
		     bool sure)
{
	(void)ctx;
	dev_seen(mac, ipv4, sure);
}

static const struct admit_ops admit_ops = {
	.probe = on_probe,
	.gone = on_gone,
	.conflict = on_conflict,
	.refused = on_refused,
	.learn = on_learn,
};

void dev_init(void)
{
	admit_init(&d4.admit, &admit_ops, NULL);
}

/* EUI-64 interface identifier of @mac after the /64 @prefix (RFC 4291). */
static void slaac_addr(const struct in6_addr *prefix, const uint8_t mac[6],
		       struct in6_addr *a)
{
	*a = *prefix;
	a->s6_addr[8] = mac[0] ^ 0x02;
	a->s6_addr[9] = mac[1];
	a->s6_addr[10] = mac[2];
	a->s6_addr[11] = 0xff;
	a->s6_addr[12] = 0xfe;
	a->s6_addr[13] = mac[3];
	a->s6_addr[14] = mac[4];
	a->s6_addr[15] = mac[5];
}

static void dev_slaac(struct dev *d, uint64_t now)
{
	const struct ra_state *ra = &d4.wan.ra;
	struct in6_addr a;
	uint32_t valid, pref;

	if (!ra->have_slaac || !d->ifindex)
		return;
	valid = ra_secs_left(ra->slaac.valid_end_ms, now);
	pref = ra_secs_left(ra->slaac.preferred_end_ms, now);
	if (!valid)
		return;
	slaac_addr(&ra->slaac.prefix, d->mac, &a);
	if (!d->has_ipv6 || memcmp(&a, &d->ipv6, 16))
		log_info("%s: SLAAC address %s", d->ident, ip6_str(&a));
	dev_set_addr(d, &a, valid, pref);
}

static enum state_mode choose_mode(const struct dev *d)
{
	const struct wan_info *w = &d4.wan;

	if (d->mode == STATE_MODE_FIXED)
		return STATE_MODE_FIXED;
	if (d4.cfg.addressing == ADDR_SLAAC)
		return STATE_MODE_SLAAC;
	if (d4.cfg.addressing == ADDR_AUTO && w->ra_seen && !w->managed &&
	    w->ra.have_slaac)
		return STATE_MODE_SLAAC;
	return STATE_MODE_DHCPV6;
}

/*
 * dev_to_slaac(): a device started before the first RA said "SLAAC" is
 * still soliciting: without a lease it changes to SLAAC (one with a lease
 * keeps it while the server gives it).
 */
static bool dev_to_slaac(struct dev *d)
{
	if (d->mode != STATE_MODE_DHCPV6 || d->dhcp.have_lease ||
	    choose_mode(d) != STATE_MODE_SLAAC)
		return false;
	log_info("%s: the RA says SLAAC: no more DHCPv6", d->ident);
	dhcp6_client_stop(&d->dhcp);
	d->mode = STATE_MODE_SLAAC;
	d4.dirty = true;
	return true;
}

void dev_slaac_refresh(void)
{
	uint64_t now = now_ms();
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (d->started && !d->releasing && !d->dead &&
		    (d->mode == STATE_MODE_SLAAC || dev_to_slaac(d)))
			dev_slaac(d, now);
}

void dev_routes_refresh(void)
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (!d->releasing && !d->dead)
			ident_routes(d);
}

/* dev_start(): the identity can talk: get the device an address. */
static void dev_start(struct dev *d, uint64_t now)
{
	d->started = true;
	d->mode = choose_mode(d);
	log_debug("%s: %s link-local: %s", d->ident,
		  d->ll_ready ? "usable" : "still no usable",
		  d->mode == STATE_MODE_DHCPV6 ? "DHCPv6" :
		  d->mode == STATE_MODE_SLAAC ? "SLAAC" : "fixed address");
	switch (d->mode) {
	case STATE_MODE_FIXED:
		dev_set_addr(d, &d->fixed6, INFINITE, INFINITE);
		break;
	case STATE_MODE_SLAAC:
		dev_slaac(d, now);
		break;
	case STATE_MODE_DHCPV6:
		if (d->restore)
			dhcp6_client_restore(&d->dhcp, d->restore, now);
		else
			dhcp6_client_start(&d->dhcp, now);
		dev_restore(d, NULL);
		break;
	}
}

/* dhcp_timer(): the client's due event; the state file follows its state. */
static void dhcp_timer(struct dev *d, uint64_t now)
{
	enum dhcp6_state before = d->dhcp.state;

	dhcp6_client_timer(&d->dhcp, now);
	if (d->dhcp.state != before)
		d4.stale = true;
}

void dev_timers(uint64_t now)
{
	struct dev *d;

	admit_timers(&d4.admit, &d4.cfg, now);
	for (d = d4.devs; d; d = d->next) {
		if (d->dead || d->releasing) {
			if (d->releasing && !d->dead &&
			    dhcp6_client_deadline(&d->dhcp) <= now)
				dhcp_timer(d, now);
			continue;
		}
		if (!d->ifindex && now >= d->created_ms + RETRY_MS &&
		    ident_create(d))
			d->created_ms = now;
		if (d->ifindex && !d->started &&
		    (d->ll_ready || now >= d->created_ms + LL_WAIT_MS))
			dev_start(d, now);
		if (d4.ending && d->started) {
			dev_release(d);	/* its lease as the client has it */
			continue;
		}
		if (d->started && d->mode == STATE_MODE_DHCPV6 &&
		    dhcp6_client_deadline(&d->dhcp) <= now)
			dhcp_timer(d, now);
	}
}

uint64_t dev_deadline(void)
{
	uint64_t t = admit_deadline(&d4.admit, &d4.cfg), x;
	struct dev *d;

	for (d = d4.devs; d; d = d->next) {
		if (d->dead)
			continue;
		x = dhcp6_client_deadline(&d->dhcp);
		if (!d->started && !d->releasing)
			x = d->ifindex ? d->created_ms + LL_WAIT_MS :
			    d->created_ms + RETRY_MS;
		if (x < t)
			t = x;
	}
	return t;
}

void dev_kernel_idle(const uint8_t mac[6], uint64_t idle_ms, uint64_t now)
{
	struct dev *d = dev_find(mac);
	uint64_t seen = idle_ms < now ? now - idle_ms : 0;

	/* its last packet, not now: no answer to a probe begun since */
	if (d && seen > d->seen_ms + 1000 && !d->releasing)
		dev_seen_at(mac, d->ipv4, false, seen);
}

static void dev_age_one(struct dev *d, uint64_t now)
{
	/* events may have seen it after @now was taken */
	uint64_t idle = now > d->seen_ms ? now - d->seen_ms : 0;
	const struct config *c = &d4.cfg;

	if (!d->probed && idle > (uint64_t)c->inactive_after * 500) {
		rtnl_neigh4_probe(d4.lan_ifindex, d->ipv4);
		d->probed = true;
	}
	if (!d->inactive && idle > (uint64_t)c->inactive_after * 1000) {
		log_info("%s %s: inactive (not seen for %llus)",
			 mac_str(d->mac), inet_ntoa(d->ipv4),
			 (unsigned long long)idle / 1000);
		d->inactive = true;
		dev_kernel_put(d);
		d4.stale = true;
	}
	if (idle > (uint64_t)c->release_after * 1000) {
		log_info("%s %s: gone for %llus: released",
			 mac_str(d->mac), inet_ntoa(d->ipv4),
			 (unsigned long long)idle / 1000);
		/*
		 * Its ARP entry goes too: one that goes stale later (from
		 * reachable, 15 to 45 s after the last confirmation) is no
		 * sign of the device, yet would learn it again.
		 */
		rtnl_neigh4_del(d4.lan_ifindex, d->ipv4);
		dev_release(d);
	}
}

void dev_age(uint64_t now)
{
	static uint64_t sysctl_ms;
	bool sysctls = now >= sysctl_ms + 10000;
	struct dev *d;

	if (sysctls)
		sysctl_ms = now;
	for (d = d4.devs; d; d = d->next) {
		if (d->dead || d->releasing)
			continue;
		if (sysctls && d->ifindex)
			ident_sysctls(d, false);
		if (!d->is_static)
			dev_age_one(d, now);
	}
}

static void on_dhcp6(void *arg, struct imap_node *node, const uint8_t *msg,
		     size_t len)
{
	struct dev *d = dev_of(node);
	enum dhcp6_state before = d->dhcp.state;

	(void)arg;
	if (d->mode == STATE_MODE_DHCPV6 && (d->started || d->releasing) &&
	    !d->dead)
		dhcp6_client_receive(&d->dhcp, msg, len, now_ms());
	if (d->dhcp.state != before)
		d4.stale = true;
}

void dev_receive(void)
{
	isock_receive(d4.dhcp6_fd, &d4.idents, on_dhcp6, NULL);
}

void dev_addr_event(int ifindex, const struct in6_addr *addr,
		    unsigned int flags, bool gone)
{
	struct dev *d = dev_by_ifindex(ifindex);
	struct in6_addr a = *addr;
	bool dad_failed;

	if (!d)
		return;
	if (IN6_IS_ADDR_LINKLOCAL(addr) && !gone &&
	    (!(flags & IFA_F_TENTATIVE) || (flags & IFA_F_OPTIMISTIC)) &&
	    !(flags & IFA_F_DADFAILED)) {
		d->ll_ready = true;
		d->ll = *addr;
	} else if (d->ll_ready && !memcmp(addr, &d->ll, 16)) {
		d->ll_ready = false;	/* ident_send() lets the kernel choose */
	}
	if (!d->has_ipv6 || memcmp(addr, &d->ipv6, 16))
		return;
	/*
	 * Only an address without lifetimes stays when DAD fails, flagged
	 * IFA_F_DADFAILED: one with a lease's or an RA's lifetimes is
	 * removed at once, still tentative (addrconf_dad_stop()).
	 */
	dad_failed = (flags & IFA_F_DADFAILED) ||
		     (gone && (flags & IFA_F_TENTATIVE));
	if (!gone && !dad_failed)
		return;
	if (!dad_failed)
		log_warn("%s: address %s went away", d->ident, ip6_str(addr));
	else
		log_warn("%s: %s is in use by another host (DAD failed)",
			 d->ident, ip6_str(addr));
	dev_drop_addr(d);
	if (dad_failed && d->mode == STATE_MODE_DHCPV6)
		dhcp6_client_decline(&d->dhcp, &a, now_ms());
}

void dev_link_gone(int ifindex)
{
	struct dev *d = dev_by_ifindex(ifindex);

	if (!d || d->releasing)
		return;
	log_warn("%s was removed: making it again", d->ident);
	dev_drop_addr(d);
	ident_addr(d, NULL);
	d->has_src = false;
	if (d->dhcp.have_lease)
		dev_restore(d, &d->dhcp.lease);
	dhcp6_client_stop(&d->dhcp);
	ident_destroy(d);
	d->started = false;
	d->ll_ready = false;
	d->created_ms = now_ms() - RETRY_MS;
}

void dev_kernel_deleted(const uint8_t mac[6])
{
	struct dev *d = dev_find(mac);

	if (d && d->in_kernel) {
		log_info("%s: removed from the kernel's table by someone else",
			 mac_str(mac));
		d->in_kernel = false;
	}
}

void dev_release(struct dev *d)
{
	if (d->releasing || d->dead)
		return;
	d->releasing = true;
	dev_drop_addr(d);
	d4.dirty = true;
	if (d->mode == STATE_MODE_DHCPV6 && d->started && d->ifindex)
		dhcp6_client_release(&d->dhcp, now_ms());
	else
		d->dead = true;
}

void dev_sweep(void)
{
	struct dev **pp = &d4.devs, *d;

	while ((d = *pp)) {
		if (!d->dead) {
			pp = &d->next;
			continue;
		}
		*pp = d->next;
		ident_destroy(d);
		log_info("%s: removed", mac_str(d->mac));
		dhcp6_client_stop(&d->dhcp);	/* frees what it holds */
		dev_restore(d, NULL);
		free(d);
		d4.n_devs--;
		d4.dirty = true;
	}
}

/*
 * dev_stop_all(): exit: clients silenced, identities and table kept; when
 * ending (v4v6d -R), the devices not released in time lose them too.
 */
void dev_stop_all(void)
{
	struct dev *d;

	while ((d = d4.devs)) {
		d4.devs = d->next;
		dhcp6_client_stop(&d->dhcp);
		if (d4.ending) {
			log_warn("%s: no Reply to its Release: removed anyway",
				 mac_str(d->mac));
			dev_drop_addr(d);
			dev_kernel_del(d);
			ident_destroy(d);
		}
		dev_restore(d, NULL);
		free(d);
	}
	d4.n_devs = 0;
	memset(&d4.idents, 0, sizeof(d4.idents));
}

/* dev_fix(): the device's address is configured now (@a) or not (NULL). */
static void dev_fix(struct dev *d, const struct in6_addr *a)
{
	if (a && d->mode == STATE_MODE_FIXED && !memcmp(&d->fixed6, a, 16))
		return;
	if (!a && d->mode != STATE_MODE_FIXED)
		return;
	if (d->started) {
		dhcp6_client_stop(&d->dhcp);
		dev_drop_addr(d);
		d->started = false;	/* dev_timers() starts it again */
	}
	d->mode = a ? STATE_MODE_FIXED : STATE_MODE_DHCPV6;
	if (a)
		d->fixed6 = *a;
}

void dev_apply_statics(void)
{
	const struct config *c = &d4.cfg;
	struct dev *d;
	unsigned int i;

	for (d = d4.devs; d; d = d->next) {
		if (!d->is_static || d->dead || d->releasing)
			continue;
		for (i = 0; i < c->n_statics; i++)
			if (!memcmp(c->statics[i].mac, d->mac, 6))
				break;
		if (i < c->n_statics)
			continue;
		/* no longer static: a device like any other */
		d->is_static = false;
		d->seen_ms = now_ms();
		dev_fix(d, NULL);
		dev_kernel_put(d);
	}
	for (i = 0; i < c->n_statics; i++) {
		const struct static_dev *s = &c->statics[i];

		d = dev_find(s->mac);
		if (d && d->releasing)
			continue;
		if (!dev_take_ipv4(d, s->mac, s->ipv4, true))
			continue;
		if (!d)
			d = dev_new(s->mac, s->ipv4);
		if (!d)
			continue;
		d->is_static = true;
		d->ipv4 = s->ipv4;
		d->inactive = false;
		dev_fix(d, s->has_ipv6 ? &s->ipv6 : NULL);
		dev_kernel_put(d);
		d4.dirty = true;
	}
}

void dev_allow_mark(const struct config *next)
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (!config_allow_same(&d4.cfg, next, d->mac))
			d->allow_stale = true;
}

void dev_allow_apply(void)
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (d->allow_stale && d->in_kernel && !d->dead)
			dev_kernel_put(d);
}

/* dev_kernel_resync(): v4v6.ko is new: every device's entry put again. */
void dev_kernel_resync(void)
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next) {
		d->in_kernel = false;
		if (!d->dead)
			dev_kernel_put(d);
	}
}
