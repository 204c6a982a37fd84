// SPDX-License-Identifier: GPL-2.0
/*
 * Following the system: v4v6d holds the LAN, the WAN and each identity by
 * ifindex, and v4v6.ko's family by id, and each of them can go and come back
 * as a new one: OpenWrt re-creates br-lan on every network reload, a WAN
 * (a VLAN, a PPP link) can be made anew, the module can be unloaded and
 * loaded again. The LAN and WAN are followed by name (RTM_NEWLINK and
 * RTM_DELLINK, and the module's V4V6_CMD_LINK_GONE); the module by nlctrl's
 * notifications. Whatever comes back is given what it had: the kernel's
 * configuration, the identities on the WAN with their addresses and routes,
 * the kernel's table.
 *
 * rtnetlink events lost to an overrun are made up for by reading the links,
 * the addresses, the LAN's IPv4 subnets, the WAN's MACs and the LAN's
 * neighbours again. A LAN or WAN made anew has its subnets or MACs read
 * again for admission too, and the ARP socket follows the LAN.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/v4v6.h>

#include "knl.h"
#include "log.h"
#include "rtnl.h"
#include "v4v6d.h"

int kernel_config(void)
{
	return knl_set_config(d4.lan_ifindex, d4.wan_ifindex,
			      d4.cfg.unknown_drop, d4.cfg.inbound_all,
			      d4.cfg.lowest_mtu);
}

/* kernel_push_all(): a new v4v6.ko gets the whole configuration and table. */
static void kernel_push_all(void)
{
	kernel_config();
	d4.pref64_set = false;
	pref64_choose();
	dev_kernel_resync();
}

/* lan_set(): the LAN is interface @ifindex now; 0: it is gone. */
static void lan_set(int ifindex)
{
	d4.lan_ifindex = ifindex;
	lan_admit_read(true);	/* its subnets, the ARP socket on it */
	if (!ifindex) {
		log_warn("LAN %s is gone: waiting for it", d4.cfg.lan);
		return;
	}
	kernel_config();
	log_info("LAN %s is interface %d now: set in the kernel", d4.cfg.lan,
		 ifindex);
	lan_neigh_dump();
}

/*
 * wan_set(): the WAN is interface @ifindex (@flags: IFF_*) now; 0: it is
 * gone, and its identities with it (a macvlan goes with its lower device).
 */
static void wan_set(int ifindex, unsigned int flags)
{
	d4.wan_ifindex = ifindex;
	d4.wan_carrier = false;
	wan_open();
	wan_admit_read();	/* its MAC and its neighbours' */
	if (!ifindex) {
		log_warn("WAN %s is gone: waiting for it", d4.cfg.wan);
		return;
	}
	kernel_config();
	log_info("WAN %s is interface %d now: identities made again",
		 d4.cfg.wan, ifindex);
	ident_remake_all();
	wan_carrier(flags);	/* with a carrier already: RS, leases checked */
}

void follow_link(int ifindex, const char *name, unsigned int flags, bool gone)
{
	if (gone) {
		if (ifindex == d4.lan_ifindex)
			lan_set(0);
		else if (ifindex == d4.wan_ifindex)
			wan_set(0, 0);
		else
			dev_link_gone(ifindex);
		return;
	}
	if (!strcmp(name, d4.cfg.lan)) {
		if (ifindex != d4.lan_ifindex)
			lan_set(ifindex);
	} else if (!strcmp(name, d4.cfg.wan)) {
		if (ifindex != d4.wan_ifindex)
			wan_set(ifindex, flags);
		else
			wan_carrier(flags);
	}
}

void follow_links(void)
{
	int lan = rtnl_ifindex(d4.cfg.lan), wan = rtnl_ifindex(d4.cfg.wan);

	if (lan != d4.lan_ifindex)
		lan_set(lan);
	if (wan != d4.wan_ifindex)
		wan_set(wan, rtnl_ifflags(wan));
	else if (wan)
		wan_carrier(rtnl_ifflags(wan));
}

void follow_kernel_link_gone(int ifindex, const char *name, uint32_t roles)
{
	log_info("kernel: %s (interface %d) is gone", name, ifindex);
	if (roles & (V4V6_LINK_LAN | V4V6_LINK_WAN))
		follow_links();
	if (roles & V4V6_LINK_IDENTITY)
		dev_link_gone(ifindex);
}

void follow_family(bool present)
{
	if (!present) {
		log_warn("v4v6.ko was unloaded: waiting for it");
		knl_gone();
		return;
	}
	if (knl_reopen())
		return;
	kernel_push_all();
	log_info("v4v6.ko is there again: configuration and table pushed");
}

/* ---- After an overrun: what is there, read again ---- */

/* What a dump found: ifindexes, or addresses on them, sorted. */
struct seen {
	struct seen_one {
		int ifindex;
		struct in6_addr addr;
	} *v;
	size_t n, cap;
	bool short_of_memory;
};

static void seen_add(struct seen *s, int ifindex, const struct in6_addr *a)
{
	struct seen_one *v;

	if (s->n == s->cap) {
		v = realloc(s->v, (s->cap * 2 + 64) * sizeof(*v));
		if (!v) {
			s->short_of_memory = true;
			return;
		}
		s->v = v;
		s->cap = s->cap * 2 + 64;
	}
	s->v[s->n].ifindex = ifindex;
	memset(&s->v[s->n].addr, 0, sizeof(s->v[s->n].addr));
	if (a)
		s->v[s->n].addr = *a;
	s->n++;
}

static int seen_cmp(const void *a, const void *b)
{
	const struct seen_one *x = a, *y = b;

	if (x->ifindex != y->ifindex)
		return x->ifindex < y->ifindex ? -1 : 1;
	return memcmp(&x->addr, &y->addr, sizeof(x->addr));
}

static bool seen_has(const struct seen *s, int ifindex,
		     const struct in6_addr *a)
{
	struct seen_one key = { .ifindex = ifindex };

	if (a)
		key.addr = *a;
	return bsearch(&key, s->v, s->n, sizeof(key), seen_cmp);
}

static void seen_link(void *arg, int ifindex, const char *name,
		      unsigned int flags, bool gone)
{
	(void)name;
	(void)flags;
	(void)gone;
	seen_add(arg, ifindex, NULL);
}

static void seen_addr(void *arg, int ifindex, const struct in6_addr *addr,
		      unsigned int flags, bool gone)
{
	seen_add(arg, ifindex, addr);
	/* a link-local become usable, a DAD failed: as events would */
	dev_addr_event(ifindex, addr, flags, gone);
}

/* idents_check(): identities removed while the events were lost. */
static void idents_check(void)
{
	static const struct rtnl_event_ops ops = { .link = seen_link };
	struct seen s = { 0 };
	struct dev *d;

	if (!rtnl_link_dump(&ops, &s) && !s.short_of_memory) {
		qsort(s.v, s.n, sizeof(*s.v), seen_cmp);
		for (d = d4.devs; d; d = d->next)
			if (d->ifindex && !d->dead &&
			    !seen_has(&s, d->ifindex, NULL))
				dev_link_gone(d->ifindex);
	}
	free(s.v);
}

/* addrs_check(): the identities' addresses, their DAD, as they are. */
static void addrs_check(void)
{
	static const struct rtnl_event_ops ops = { .addr = seen_addr };
	struct seen s = { 0 };
	struct dev *d;

	if (!rtnl_addr6_dump(&ops, &s) && !s.short_of_memory) {
		qsort(s.v, s.n, sizeof(*s.v), seen_cmp);
		for (d = d4.devs; d; d = d->next)
			if (d->has_ipv6 && d->ifindex && !d->dead &&
			    !seen_has(&s, d->ifindex, &d->ipv6))
				dev_addr_event(d->ifindex, &d->ipv6, 0, true);
	}
	free(s.v);
}

void follow_resync(void)
{
	log_info("rtnetlink events lost: links, addresses, neighbours and "
		 "admission's subnets and WAN MACs read again");
	idents_check();
	follow_links();
	addrs_check();
	lan_admit_read(false);
	wan_admit_read();
	lan_neigh_dump();
}
