// SPDX-License-Identifier: GPL-2.0
/*
 * A device's WAN identity: a private-mode macvlan on the WAN with the
 * device's MAC, set up as a host (no forwarding, no RAs, DAD on, optimistic
 * so a new lease is usable at once), with routes of its own. Its DHCPv6
 * client talks through the one socket of all identities (isock.c), which
 * finds it by its ifindex in d4.idents.
 *
 * Routes: table IDENT_TABLE holds, for each identity, the default route via
 * the WAN's router and the on-link prefixes, all through the identity and
 * for traffic from the device's address only ("from ADDR/128": source
 * routes, CONFIG_IPV6_SUBTREES), and one rule, at IDENT_RULE_PRIO and
 * without a selector, has every lookup try that table first: a lookup from
 * another source finds nothing there and goes on to the main table. So
 * 1,000 devices cost each IPv6 route lookup one more table, not 1,000
 * rules. The main table has a default route through each identity too,
 * metric IDENT_METRIC_BASE + ifindex, for lookups bound to the interface
 * without a source. v4v6.ko routes each translated packet strictly on its
 * identity (its address as the source), so without these it would have no
 * way out.
 *
 * A kernel without CONFIG_IPV6_SUBTREES refuses source routes: then, for
 * the whole run, each identity has a table of its own, IDENT_TABLE_BASE +
 * ifindex, with the same routes without a source, and a rule "from ADDR"
 * to it, as earlier versions of v4v6d did. Otherwise such rules and
 * tables found at start (left by an earlier version) are removed.
 *
 * At start, identities left by an earlier run are taken over: one link
 * dump finds them all (ident_scan()), and one address dump, after, their
 * link-locals, rather than a query, or a whole dump, per identity.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "log.h"
#include "rtnl.h"
#include "v4v6d.h"

static const struct in6_addr any6;
/* no source routes (no CONFIG_IPV6_SUBTREES): a table and rule each */
static bool own_tables;

/* Tables of an earlier version's rules, found at start (sorted after). */
static struct {
	uint32_t *v;
	size_t n, cap;
	bool failed;
} old_tables;

static void old_table(void *arg, uint32_t table)
{
	uint32_t *v;

	(void)arg;
	if (old_tables.failed)
		return;
	if (old_tables.n == old_tables.cap) {
		old_tables.cap = old_tables.cap ? old_tables.cap * 2 : 64;
		v = realloc(old_tables.v, old_tables.cap * sizeof(*v));
		if (!v) {
			old_tables.failed = true;
			return;
		}
		old_tables.v = v;
	}
	old_tables.v[old_tables.n++] = table;
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

void ident_routing_start(void)
{
	int n;

	own_tables = !rtnl_route6_src_ok(IDENT_TABLE);
	if (own_tables) {
		log_warn("the kernel takes no IPv6 routes with a source "
			 "(CONFIG_IPV6_SUBTREES): a table and a rule for "
			 "each identity");
		rtnl_rule6_del(NULL, IDENT_TABLE, IDENT_RULE_PRIO);
		return;
	}
	if (rtnl_rule6_add(NULL, IDENT_TABLE, IDENT_RULE_PRIO))
		log_err("no rule for table %u: the identities' routes go "
			"unused", IDENT_TABLE);
	/* an earlier version's: a rule "from ADDR" and a table each */
	n = rtnl_rule6_purge(IDENT_RULE_PRIO, IDENT_TABLE_BASE + 1, old_table,
			     NULL);
	if (n > 0) {
		qsort(old_tables.v, old_tables.n, sizeof(*old_tables.v),
		      u32_cmp);
		log_info("an earlier version's rules removed: %d; their "
			 "tables' routes: %d", n,
			 rtnl_route6_flush(old_tables.v, old_tables.n));
	}
	free(old_tables.v);
	memset(&old_tables, 0, sizeof(old_tables));
}

void ident_routing_end(void)
{
	if (!own_tables)
		rtnl_rule6_del(NULL, IDENT_TABLE, IDENT_RULE_PRIO);
}

static void ident_name(struct dev *d)
{
	const uint8_t *m = d->mac;

	snprintf(d->ident, sizeof(d->ident), "%s%02x%02x%02x%02x%02x%02x",
		 d4.cfg.ident_prefix, m[0], m[1], m[2], m[3], m[4], m[5]);
}

/* sysctl_write(): net.ipv6.@dir.@ifname.@key = @v ("conf" or "neigh") */
static int sysctl_write(const char *dir, const char *ifname, const char *key,
			const char *v, bool only_if_differs)
{
	char path[128], cur[16];
	int fd, n, ret = 0;

	snprintf(path, sizeof(path), "/proc/sys/net/ipv6/%s/%s/%s", dir,
		 ifname, key);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (only_if_differs) {
		n = read(fd, cur, sizeof(cur) - 1);
		cur[n > 0 ? n : 0] = '\0';
		if (n > 0 && atoi(cur) == atoi(v))
			goto out;
		lseek(fd, 0, SEEK_SET);
	}
	if (write(fd, v, strlen(v)) < 0)
		ret = -errno;
	else if (only_if_differs)
		log_info("%s: %s was changed: set back to %s", ifname, key, v);
out:
	close(fd);
	return ret;
}

/*
 * ident_sysctls(): the identity behaves as a host. Anything writing
 * net.ipv6.conf.all.forwarding resets every interface's forwarding, so the
 * loop calls this again now and then (@all false: forwarding only, and only
 * written when it changed).
 *
 * DAD stays on, but quick: the kernel waits up to router_solicitation_delay
 * before its first probe, then retrans_time_ms per probe, a second or two
 * by default, and a new device is to be leased within two seconds. With
 * IPv6 forwarding on anywhere, optimistic DAD (RFC 4429) is off for every
 * interface, so it cannot help on a router; it is asked for all the same,
 * for gateways that do not forward IPv6.
 */
void ident_sysctls(struct dev *d, bool all)
{
	static const char *const set[][3] = {
		{ "conf", "forwarding", "0" },
		{ "conf", "accept_ra", "0" },
		{ "conf", "accept_dad", "1" },
		{ "conf", "router_solicitation_delay", "0" },
		{ "neigh", "retrans_time_ms", "250" },
		{ "conf", "optimistic_dad", "1" },
		{ "conf", "use_optimistic", "1" },
	};
	unsigned int i;
	int err;

	if (!all) {
		sysctl_write("conf", d->ident, "forwarding", "0", true);
		return;
	}
	for (i = 0; i < sizeof(set) / sizeof(set[0]); i++) {
		err = sysctl_write(set[i][0], d->ident, set[i][1], set[i][2],
				   false);
		/* kernels without CONFIG_IPV6_OPTIMISTIC_DAD lack the last two */
		if (err && !(err == -ENOENT && i >= 5))
			log_warn("%s: %s: %s", d->ident, set[i][1],
				 strerror(-err));
	}
}

/* The links named like identities, found by ident_scan(), by name. */
static struct found {
	char name[IF_NAMESIZE];
	int ifindex;
	bool has_mac;
	uint8_t mac[6];
} *found;
static size_t n_found, cap_found;
static bool scanned, scan_failed;

static int found_cmp(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->name,
		      ((const struct found *)b)->name);
}

static void found_link(void *arg, int ifindex, const char *name,
		       const uint8_t *mac)
{
	size_t plen = strlen(d4.cfg.ident_prefix);
	struct found *f;

	(void)arg;
	if (strncmp(name, d4.cfg.ident_prefix, plen) || scan_failed)
		return;
	if (n_found == cap_found) {
		cap_found = cap_found ? cap_found * 2 : 64;
		f = realloc(found, cap_found * sizeof(*found));
		if (!f) {
			scan_failed = true;
			return;
		}
		found = f;
	}
	f = &found[n_found++];
	memset(f, 0, sizeof(*f));
	snprintf(f->name, sizeof(f->name), "%s", name);
	f->ifindex = ifindex;
	f->has_mac = mac;
	if (mac)
		memcpy(f->mac, mac, 6);
}

void ident_scan(void)
{
	static const struct rtnl_event_ops ops = { .link_mac = found_link };

	ident_scan_done();
	if (!rtnl_link_dump(&ops, NULL) && !scan_failed) {
		if (n_found)
			qsort(found, n_found, sizeof(*found), found_cmp);
		scanned = true;
	}
}

void ident_scan_done(void)
{
	free(found);
	found = NULL;
	n_found = cap_found = 0;
	scanned = scan_failed = false;
}

/*
 * ident_lookup(): the link named like @d's identity, its MAC into @mac
 * (-1: it has none); 0 when there is no such link.
 */
static int ident_lookup(const struct dev *d, uint8_t mac[6])
{
	struct found key, *f;
	int ifindex;

	if (!scanned) {
		ifindex = rtnl_ifindex(d->ident);
		return ifindex && rtnl_ifmac(ifindex, mac) ? -1 : ifindex;
	}
	if (!n_found)
		return 0;
	snprintf(key.name, sizeof(key.name), "%s", d->ident);
	f = bsearch(&key, found, n_found, sizeof(*found), found_cmp);
	if (!f)
		return 0;
	memcpy(mac, f->mac, 6);
	return f->has_mac ? f->ifindex : -1;
}

/* An identity left by an earlier run: ours if it has the device's MAC. */
static int ident_adopt(struct dev *d)
{
	uint8_t mac[6];
	int ifindex = ident_lookup(d, mac);

	if (!ifindex)
		return 0;
	if (ifindex < 0 || memcmp(mac, d->mac, 6)) {
		log_err("%s exists and is not %s's identity", d->ident,
			mac_str(d->mac));
		return -EEXIST;
	}
	log_debug("%s: taken over from an earlier run", d->ident);
	return ifindex;
}

int ident_create(struct dev *d)
{
	int ifindex;

	ident_name(d);
	if (!d4.wan_ifindex)
		return -ENODEV;		/* the WAN is gone: ident_remake_all() */
	ifindex = ident_adopt(d);
	/*
	 * An identity taken over has its link-local already: no event comes.
	 * At start, the address dump after ident_scan_done() tells.
	 */
	if (ifindex > 0 && !scanned)
		d->ll_ready = rtnl_linklocal(ifindex, &d->ll);
	if (!ifindex)
		ifindex = rtnl_macvlan_add(d->ident, d4.wan_ifindex, d->mac);
	if (ifindex < 0)
		return ifindex;
	d->ifindex = ifindex;
	imap_add(&d4.idents, &d->ifnode, ifindex);
	d->created_ms = now_ms();
	ident_sysctls(d, true);
	if (rtnl_link_up(ifindex))
		log_warn("%s: cannot bring it up", d->ident);
	ident_routes(d);
	return 0;
}

/* ident_remake_all(): the WAN is back: the identities made on it at once. */
void ident_remake_all(void)
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (!d->ifindex && !d->dead && !d->releasing && ident_create(d))
			d->created_ms = now_ms();	/* dev_timers() retries */
}

void ident_destroy(struct dev *d)
{
	ident_addr(d, NULL);
	if (d->ifindex) {
		imap_del(&d4.idents, &d->ifnode);
		rtnl_link_del(d->ifindex);
	}
	d->ifindex = 0;
}

/*
 * The routes of traffic from the device's address: in IDENT_TABLE with
 * the address as their source, or in the identity's own table.
 */
static uint32_t src_table(const struct dev *d)
{
	return own_tables ? IDENT_TABLE_BASE + d->ifindex : IDENT_TABLE;
}

static const struct in6_addr *src_of(const struct dev *d)
{
	return own_tables ? NULL : &d->src_addr;
}

/* src_routes(): those routes for what the RAs said, set (@add) or removed */
static void src_routes(struct dev *d, bool add)
{
	const struct ra_state *ra = &d4.wan.ra;
	const struct in6_addr *router = ra_state_router(ra);
	uint32_t table = src_table(d);
	unsigned int i;

	for (i = 0; i < ra->n_onlink; i++) {
		if (add)
			rtnl_route6_set(table, &ra->onlink[i].prefix,
					ra->onlink[i].len, src_of(d), NULL,
					d->ifindex, 0);
		else
			rtnl_route6_del(table, &ra->onlink[i].prefix,
					ra->onlink[i].len, src_of(d),
					d->ifindex, 0);
	}
	if (!add)
		rtnl_route6_del(table, &any6, 0, src_of(d), d->ifindex, 0);
	else if (router)
		rtnl_route6_set(table, &any6, 0, src_of(d), router, d->ifindex,
				0);
}

/* ident_routes(): the identity's routes for what the RAs said so far. */
void ident_routes(struct dev *d)
{
	const struct in6_addr *router = ra_state_router(&d4.wan.ra);

	if (!d->ifindex)
		return;
	/* source routes need the address; an own table is there before */
	if (own_tables || d->has_src)
		src_routes(d, true);
	if (router)
		rtnl_route6_set(254, &any6, 0, NULL, router, d->ifindex,
				IDENT_METRIC_BASE + d->ifindex);
}

/*
 * ident_unroute(): the identity's route to @dst/@len withdrawn (an on-link
 * prefix that expired); ::/0: its default routes (no router left).
 */
void ident_unroute(struct dev *d, const struct in6_addr *dst, uint8_t len)
{
	if (!d->ifindex)
		return;
	if (own_tables || d->has_src)
		rtnl_route6_del(src_table(d), dst, len, src_of(d), d->ifindex,
				0);
	if (!len)
		rtnl_route6_del(254, dst, 0, NULL, d->ifindex,
				IDENT_METRIC_BASE + d->ifindex);
}

/*
 * ident_addr(): the source routes for @addr (those for an earlier address
 * removed), or with an own table, the rule "from @addr" to it.
 */
void ident_addr(struct dev *d, const struct in6_addr *addr)
{
	if (d->has_src && (!addr || memcmp(addr, &d->src_addr, 16))) {
		if (own_tables)
			rtnl_rule6_del(&d->src_addr, src_table(d),
				       IDENT_RULE_PRIO);
		else
			src_routes(d, false);
		d->has_src = false;
	}
	if (!addr || d->has_src || !d->ifindex)
		return;
	d->src_addr = *addr;
	d->has_src = true;
	if (!own_tables)
		src_routes(d, true);
	else if (rtnl_rule6_add(addr, src_table(d), IDENT_RULE_PRIO))
		d->has_src = false;
}

/*
 * ident_send(): out of the identity, from its link-local when known (else
 * the kernel chooses one: the link-local may still be tentative).
 */
int ident_send(struct dev *d, const uint8_t *msg, size_t len)
{
	const struct in6_addr *src = d->ll_ready ? &d->ll : NULL;
	int err = isock_send(d4.dhcp6_fd, d->ifindex, src, msg, len);

	/* the link-local went away unseen: the kernel's choice */
	if (src && (err == -EINVAL || err == -EADDRNOTAVAIL))
		err = isock_send(d4.dhcp6_fd, d->ifindex, NULL, msg, len);
	if (err)
		log_debug("%s: DHCPv6 send: %s", d->ident, strerror(-err));
	return err;
}
