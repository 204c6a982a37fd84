/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The v4v6 kernel module's generic netlink family, as v4v6d uses it
 * (libnl-genl-3): configuration, the device table, and the "events" group.
 */
#ifndef V4V6D_KNL_H
#define V4V6D_KNL_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include "parse.h"

struct nl_msg;

/**
 * struct kdev - a device in the kernel's table
 * @mac: its MAC
 * @ipv4: its IPv4 address
 * @ipv6: its IPv6 address
 * @wan_ifindex: its WAN identity (0: the WAN itself)
 * @flags: V4V6_DEV_F_*
 * @state: enum v4v6_dev_state
 * @idle_ms: milliseconds since its last translated packet (dumps only)
 * @allow: its inbound allow rules, NULL for none (knl_dev_put() only: they
 *	are always sent, so that the kernel has those of the configuration)
 */
struct kdev {
	uint8_t mac[6];
	struct in_addr ipv4;
	struct in6_addr ipv6;
	uint32_t wan_ifindex;
	uint32_t flags;
	uint8_t state;
	uint64_t idle_ms;
	const struct allow_list *allow;
};

/* What the events group says, for knl_read_events(). */
struct knl_event_ops {
	/* an IPv4 packet for translation came from a device not in the table */
	void (*unknown)(void *arg, const uint8_t mac[6], struct in_addr ipv4);
	/* a device was removed (by anyone) */
	void (*deleted)(void *arg, const uint8_t mac[6]);
};

/* knl_open(): the family and its events group; -1 when v4v6.ko is absent. */
int knl_open(void);
void knl_close(void);
/* knl_event_fd(): a descriptor that turns readable when events wait. */
int knl_event_fd(void);
void knl_read_events(const struct knl_event_ops *ops, void *arg);

/*
 * knl_set_config(): LAN and WAN, the unknown-source and inbound policies
 * and, when nonzero, the lowest MTU.
 */
int knl_set_config(uint32_t lan, uint32_t wan, bool unknown_drop,
		   bool inbound_all, uint32_t lowest_mtu);
int knl_set_pref64(const struct in6_addr *prefix, uint8_t len);
/*
 * knl_put_allow(): V4V6_A_DEV_ALLOW with the rules of @l (NULL: none, an
 * empty nest) into @msg: 0, or -1 when they do not fit.
 */
int knl_put_allow(struct nl_msg *msg, const struct allow_list *l);
/* knl_dev_put(): add @d, or change it when its MAC is in the table. */
int knl_dev_put(const struct kdev *d);
/* knl_dev_del(): remove the device with @mac; 0 when it was not there. */
int knl_dev_del(const uint8_t mac[6]);
/* knl_dev_dump(): @cb for each device in the table. */
int knl_dev_dump(void (*cb)(void *arg, const struct kdev *d), void *arg);

#endif
