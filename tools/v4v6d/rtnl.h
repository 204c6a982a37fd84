/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Links, addresses, routes, rules and neighbours through libnl-route-3, and
 * the rtnetlink events v4v6d follows: LAN neighbours, WAN neighbours' MACs,
 * the LAN's IPv4 addresses, identity addresses (DAD), links coming,
 * changing (the WAN's carrier) and going.
 */
#ifndef V4V6D_RTNL_H
#define V4V6D_RTNL_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rtnl_event_ops {
	/* an IPv4 neighbour on @ifindex with a link-layer address */
	void (*neigh)(void *arg, int ifindex, const uint8_t mac[6],
		      struct in_addr ipv4, int nud_state);
	/* an IPv6 address changed (@gone: removed); IFA_F_* @flags */
	void (*addr)(void *arg, int ifindex, const struct in6_addr *addr,
		     unsigned int flags, bool gone);
	/*
	 * a link named @name with IFF_* @flags (IFF_LOWER_UP: carrier) is
	 * there, new or changed, or went away (@gone)
	 */
	void (*link)(void *arg, int ifindex, const char *name,
		     unsigned int flags, bool gone);
	/* an IPv4 address @addr/@plen on @ifindex (@gone: removed) */
	void (*addr4)(void *arg, int ifindex, struct in_addr addr,
		      unsigned int plen, bool gone);
	/* a neighbour of any family on @ifindex has (had: @gone) @mac */
	void (*lladdr)(void *arg, int ifindex, const uint8_t mac[6],
		       bool gone);
	/* a link named @name has the MAC @mac (NULL: none of 6 bytes) */
	void (*link_mac)(void *arg, int ifindex, const char *name,
			 const uint8_t *mac);
};

int rtnl_open(void);
void rtnl_close(void);
int rtnl_event_fd(void);
/* rtnl_read_events(): what is waiting; false when some were lost. */
bool rtnl_read_events(const struct rtnl_event_ops *ops, void *arg);

/* rtnl_ifindex(): the index of interface @name, 0 when there is none. */
int rtnl_ifindex(const char *name);
/* rtnl_ifflags(): the IFF_* flags of @ifindex; 0 when there is none. */
unsigned int rtnl_ifflags(int ifindex);
/* rtnl_ifmac(): the MAC of @ifindex into @mac; -1 when it has none. */
int rtnl_ifmac(int ifindex, uint8_t mac[6]);
/*
 * rtnl_macvlan_add(): a private-mode macvlan @name on @lower with @mac;
 * returns its index or a negative errno.
 */
int rtnl_macvlan_add(const char *name, int lower, const uint8_t mac[6]);
int rtnl_link_up(int ifindex);
int rtnl_link_del(int ifindex);

/*
 * rtnl_addr6_set(): @addr/@plen on @ifindex with the lifetimes (seconds,
 * 0xffffffff forever), added or updated; @optimistic: usable while DAD runs
 * (RFC 4429).
 */
int rtnl_addr6_set(int ifindex, const struct in6_addr *addr, int plen,
		   uint32_t valid, uint32_t preferred, bool optimistic);
int rtnl_addr6_del(int ifindex, const struct in6_addr *addr, int plen);
/* rtnl_addr6_flags(): IFA_F_* of @addr on @ifindex, -1 when absent. */
int rtnl_addr6_flags(int ifindex, const struct in6_addr *addr);
/*
 * rtnl_linklocal(): whether @ifindex has a link-local address it may use
 * (a whole address dump: not for each of many interfaces), into @ll.
 */
bool rtnl_linklocal(int ifindex, struct in6_addr *ll);

/*
 * rtnl_route6_set(): @dst/@len in @table through @ifindex (via @gw unless
 * NULL), for traffic from @src/128 only unless NULL, with @metric, added or
 * replaced.
 */
int rtnl_route6_set(uint32_t table, const struct in6_addr *dst, int len,
		    const struct in6_addr *src, const struct in6_addr *gw,
		    int ifindex, uint32_t metric);
int rtnl_route6_del(uint32_t table, const struct in6_addr *dst, int len,
		    const struct in6_addr *src, int ifindex, uint32_t metric);
/*
 * rtnl_route6_flush(): every IPv6 route of the @n @tables (sorted) removed,
 * in one dump; returns how many, or a negative error.
 */
int rtnl_route6_flush(const uint32_t *tables, size_t n);
/*
 * rtnl_route6_src_ok(): whether the kernel takes IPv6 routes with a source
 * (CONFIG_IPV6_SUBTREES), tried with one in @table, removed at once (an
 * unreachable route to the discard prefix 100::/64 from ::1).
 */
bool rtnl_route6_src_ok(uint32_t table);
/*
 * rtnl_rule6_add(): "from @src lookup @table pref @prio" (@src NULL: from
 * all); one that is there already is no error. rtnl_rule6_del(): removed.
 */
int rtnl_rule6_add(const struct in6_addr *src, uint32_t table, uint32_t prio);
int rtnl_rule6_del(const struct in6_addr *src, uint32_t table, uint32_t prio);
/*
 * rtnl_rule6_purge(): the IPv6 rules at priority @prio that look up a
 * table numbered @min_table or more removed, the number of each told to
 * @gone (once or more); returns how many there were, or a negative error.
 */
int rtnl_rule6_purge(uint32_t prio, uint32_t min_table,
		     void (*gone)(void *arg, uint32_t table), void *arg);

/* rtnl_link_dump(): @ops->link for each link there is. */
int rtnl_link_dump(const struct rtnl_event_ops *ops, void *arg);
/* rtnl_addr6_dump(): @ops->addr for each IPv6 address there is. */
int rtnl_addr6_dump(const struct rtnl_event_ops *ops, void *arg);
/*
 * rtnl_neigh4_dump(): @ops->neigh for each IPv4 entry on @ifindex, and
 * @ops->lladdr for each entry of any family.
 */
int rtnl_neigh4_dump(int ifindex, const struct rtnl_event_ops *ops, void *arg);
/* rtnl_addr4_dump(): @ops->addr4 for each IPv4 address of @ifindex. */
int rtnl_addr4_dump(int ifindex, const struct rtnl_event_ops *ops, void *arg);
/* rtnl_neigh4_probe(): have the kernel confirm @ipv4 on @ifindex (ARP). */
int rtnl_neigh4_probe(int ifindex, struct in_addr ipv4);
/* rtnl_neigh4_set(): the entry of @ipv4 on @ifindex is @mac, reachable. */
int rtnl_neigh4_set(int ifindex, struct in_addr ipv4, const uint8_t mac[6]);
/* rtnl_neigh4_del(): the entry of @ipv4 on @ifindex removed, if any. */
int rtnl_neigh4_del(int ifindex, struct in_addr ipv4);

#endif
