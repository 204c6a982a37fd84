/* SPDX-License-Identifier: GPL-2.0 */
/*
 * v4v6d: learns the IPv4 devices of the LAN, gives each a WAN identity (a
 * macvlan with the device's MAC) holding an IPv6 address of its own from
 * DHCPv6 or SLAAC, and keeps v4v6.ko's device table in step.
 *
 * The pieces: dev.c (a device's life), admit.c (who is learnt, and when an
 * address changes hands), arp.c (asking a holder), ident.c (its identity:
 * link, routes), isock.c (the identities' one DHCPv6 socket), wan.c (RAs: router, prefixes, PREF64),
 * dns64.c (RFC 7050), persist.c (the state file), main.c (the loop),
 * follow.c (interfaces and the module coming and going), knl.c and rtnl.c
 * (netlink).
 */
#ifndef V4V6D_H
#define V4V6D_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "admit.h"
#include "conf.h"
#include "dhcp6.h"
#include "isock.h"
#include "ra.h"
#include "state_write.h"

/* A link up with a carrier: IFF_UP and IFF_LOWER_UP (<linux/if.h>). */
#define LINK_CARRIER		(IFF_UP | 0x10000)

/*
 * Identities' routing (ident.c): one table, IDENT_TABLE, of routes "from
 * ADDR/128" through each identity, reached by one rule at IDENT_RULE_PRIO.
 * A kernel without CONFIG_IPV6_SUBTREES takes no such routes: then, as
 * earlier versions did, a table per identity, IDENT_TABLE_BASE + ifindex
 * (1001 and up: an ifindex is never 0, so never IDENT_TABLE), and a rule
 * "from ADDR" each, at IDENT_RULE_PRIO too.
 */
#define IDENT_TABLE		1000
#define IDENT_TABLE_BASE	1000
#define IDENT_RULE_PRIO		1000
/* Their main-table default route's metric: this + ifindex. */
#define IDENT_METRIC_BASE	4096

/**
 * struct dev - a LAN device v4v6d looks after
 * @next: the list of devices
 * @mac: its MAC
 * @ipv4: its IPv4 address
 * @is_static: configured ("static" line): never ages
 * @mode: where its IPv6 address comes from
 * @has_ipv6: @ipv6 is on the identity
 * @ipv6: the address in use
 * @ident: its identity's name
 * @ifindex: its identity's index, 0 while there is none
 * @ifnode: its place in d4.idents while @ifindex is set
 * @ll_ready: the identity has a link-local address it can send from
 * @ll: that address, once an event or a dump showed it (@ll_ready)
 * @started: addressing has begun (the identity had a usable link-local)
 * @dhcp: its DHCPv6 client (mode DHCPv6)
 * @restore: a lease to be renewed when addressing begins (from the state
 *	file, or held when the identity was made again), malloc'd: NULL
 *	but for those few moments, since a lease is 184 bytes of 1,000
 *	devices' memory
 * @fixed6: the configured address (mode fixed)
 * @created_ms: when the identity was made
 * @seen_ms: when it was last seen (monotonic)
 * @probed: an ARP probe was asked for since @seen_ms
 * @inactive: aged to inactive
 * @conflict: another MAC claims its IPv4 address, refused (admit.c)
 * @in_kernel: in v4v6.ko's table
 * @allow_stale: the kernel has other allow rules than the configuration's
 * @has_src: the identity is routed for traffic from @src_addr
 * @src_addr: the device's address its routes (or rule) are for
 * @releasing: being released: the Release runs, then it is removed
 * @dead: to be freed at the end of the loop's round
 */
struct dev {
	struct dev *next;
	uint8_t mac[6];
	struct in_addr ipv4;
	bool is_static;
	enum state_mode mode;
	bool has_ipv6;
	struct in6_addr ipv6;
	char ident[IF_NAMESIZE];
	int ifindex;
	struct imap_node ifnode;
	bool ll_ready;
	struct in6_addr ll;
	bool started;
	struct dhcp6_client dhcp;
	struct dhcp6_lease *restore;
	struct in6_addr fixed6;
	uint64_t created_ms;
	uint64_t seen_ms;
	bool probed;
	bool inactive;
	bool conflict;
	bool in_kernel;
	bool allow_stale;
	bool has_src;
	struct in6_addr src_addr;
	bool releasing;
	bool dead;
};

/* What the WAN's routers said (wan.c). */
struct wan_info {
	bool ra_seen;
	bool managed;
	struct ra_state ra;	/* routers, on-link and SLAAC prefixes */
	bool have_ra_pref64;
	struct in6_addr ra_pref64;
	uint8_t ra_pref64_len;
	uint64_t ra_pref64_expires_ms;
};

struct daemon {
	struct config cfg;
	int lan_ifindex;	/* 0 while the LAN is gone */
	int wan_ifindex;	/* 0 while the WAN is gone */
	bool wan_carrier;	/* the WAN is up with a carrier */
	struct wan_info wan;
	/* the NAT64 prefix: from RFC 7050, and the one in the kernel */
	bool have_dns64;
	struct in6_addr dns64_pref;
	uint8_t dns64_len;
	struct in6_addr pref64;
	uint8_t pref64_len;
	bool pref64_set;
	struct dev *devs;
	unsigned int n_devs;
	struct imap idents;	/* the devices by their identity's ifindex */
	int dhcp6_fd;		/* the identities' DHCPv6 socket (isock.c) */
	bool dirty;		/* the state file lacks what must survive */
	bool stale;		/* it lacks only what may wait */
	uint64_t saved_ms;
	struct admit admit;	/* who is learnt, who takes an address */
	bool ending;		/* v4v6d -R: every device released, no new one */
};

extern struct daemon d4;

/* now_ms(): monotonic milliseconds, offset so that past leases fit. */
uint64_t now_ms(void);
/* ms_to_unix(): a monotonic time as Unix seconds, and back. */
int64_t ms_to_unix(uint64_t ms);
uint64_t unix_to_ms(int64_t t);
/* mac_str(): "xx:xx:..." in one of four rotating static buffers. */
const char *mac_str(const uint8_t mac[6]);
const char *ip6_str(const struct in6_addr *a);

/* dev.c */
/* dev_init(): before the first dev_seen() */
void dev_init(void);
/* dev_arp_reply(): an ARP reply from @mac for @ip on the LAN */
void dev_arp_reply(const uint8_t mac[6], struct in_addr ip);
struct dev *dev_find(const uint8_t mac[6]);
struct dev *dev_by_ifindex(int ifindex);
/* dev_seen(): a sign of life of @mac at @ipv4; @sure: from the device now */
void dev_seen(const uint8_t mac[6], struct in_addr ipv4, bool sure);
struct dev *dev_new(const uint8_t mac[6], struct in_addr ipv4);
/* dev_restore(): @l (copied) for @d to renew, NULL: none. 0, or -ENOMEM. */
int dev_restore(struct dev *d, const struct dhcp6_lease *l);
void dev_set_addr(struct dev *d, const struct in6_addr *a, uint32_t valid,
		  uint32_t preferred);
void dev_kernel_idle(const uint8_t mac[6], uint64_t idle_ms, uint64_t now);
void dev_timers(uint64_t now);
uint64_t dev_deadline(void);
void dev_age(uint64_t now);
/* dev_receive(): the DHCPv6 datagrams waiting, each to its identity */
void dev_receive(void);
void dev_addr_event(int ifindex, const struct in6_addr *addr,
		    unsigned int flags, bool gone);
void dev_link_gone(int ifindex);
void dev_kernel_deleted(const uint8_t mac[6]);
void dev_release(struct dev *d);
void dev_slaac_refresh(void);
void dev_routes_refresh(void);
void dev_sweep(void);
void dev_stop_all(void);
void dev_apply_statics(void);
/* dev_allow_mark(): before @next replaces d4.cfg, whose rules will change */
void dev_allow_mark(const struct config *next);
/* dev_allow_apply(): after, the kernel gets the new rules of those */
void dev_allow_apply(void);
/* dev_kernel_resync(): every device put in v4v6.ko's table again */
void dev_kernel_resync(void);

/* ident.c */
/*
 * ident_routing_start(): at start, before any identity: how identities are
 * routed (source routes, or a table each: the kernel says), the shared
 * rule, and an earlier version's rules and tables removed.
 * ident_routing_end(): v4v6d -R: the shared rule removed.
 */
void ident_routing_start(void);
void ident_routing_end(void);
int ident_create(struct dev *d);
/*
 * ident_scan(): at start, the links named like identities read in one
 * dump, for ident_create() to take over; ident_scan_done() forgets them.
 */
void ident_scan(void);
void ident_scan_done(void);
void ident_remake_all(void);
void ident_destroy(struct dev *d);
void ident_routes(struct dev *d);
void ident_unroute(struct dev *d, const struct in6_addr *dst, uint8_t len);
/* ident_addr(): the identity routed for traffic from @addr (NULL: none). */
void ident_addr(struct dev *d, const struct in6_addr *addr);
void ident_sysctls(struct dev *d, bool all);
int ident_send(struct dev *d, const uint8_t *msg, size_t len);

/* wan.c */
int wan_open(void);
int wan_fd(void);
void wan_receive(void);
void wan_solicit(void);
/* wan_carrier(): the WAN's IFF_* @flags: carrier back, leases checked */
void wan_carrier(unsigned int flags);
void wan_expire(uint64_t now);
void pref64_choose(void);

/* dns64.c */
int dns64_fd(void);
void dns64_start(void);
void dns64_receive(void);
void dns64_tick(uint64_t now);

/* follow.c: LAN, WAN, identities and v4v6.ko come and go */
int kernel_config(void);
void follow_link(int ifindex, const char *name, unsigned int flags,
		 bool gone);
void follow_kernel_link_gone(int ifindex, const char *name, uint32_t roles);
void follow_links(void);
void follow_family(bool present);
void follow_resync(void);

/* main.c */
/* lan_neigh_dump(): every IPv4 neighbour of the LAN, as if it were new */
void lan_neigh_dump(void);
/*
 * lan_admit_read(): the LAN's IPv4 subnets read again, after lost events or
 * the LAN made anew (@moved: the ARP socket is opened on it again too).
 */
void lan_admit_read(bool moved);
/* wan_admit_read(): the WAN's own MAC and its neighbours' read again. */
void wan_admit_read(void);

/* persist.c */
bool persist_due(uint64_t now);
void persist_save(bool force);
int persist_restore(void);

#endif
