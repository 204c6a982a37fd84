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

struct nlmsghdr;

/*
 * What the events group says, and nlctrl's "notify" group of the v4v6
 * family, for knl_read_events().
 */
struct knl_event_ops {
	/* an IPv4 packet for translation came from a device not in the table */
	void (*unknown)(void *arg, const uint8_t mac[6], struct in_addr ipv4);
	/* a device was removed (by anyone) */
	void (*deleted)(void *arg, const uint8_t mac[6]);
	/*
	 * interface @ifindex, @name, that the module used was unregistered:
	 * V4V6_LINK_* @roles say as what
	 */
	void (*link_gone)(void *arg, int ifindex, const char *name,
			  uint32_t roles);
	/* the family was registered (v4v6.ko loaded) or went (unloaded) */
	void (*family)(void *arg, bool present);
};

/*
 * knl_open(): the family and its events group, and nlctrl's notifications;
 * -1 when v4v6.ko is absent.
 */
int knl_open(void);
void knl_close(void);
/*
 * knl_reopen(): the family resolved again (v4v6.ko loaded anew: its id and
 * its events group's may have changed) and its events group joined; -1
 * when it is not there. Until then, while it is gone, requests fail with
 * -ENODEV and log nothing.
 */
int knl_reopen(void);
/* knl_gone(): the family went: requests fail until knl_reopen(). */
void knl_gone(void);
/* knl_changed(): the family's id differs from the one in use (or is gone). */
bool knl_changed(void);
/* knl_event_fd(): a descriptor that turns readable when events wait. */
int knl_event_fd(void);
/* knl_read_events(): what is waiting; false when some were lost. */
bool knl_read_events(const struct knl_event_ops *ops, void *arg);
/*
 * knl_event(): one message of the events socket: from @family (v4v6's id)
 * or from nlctrl, given to @ops; anything else is ignored.
 */
void knl_event(struct nlmsghdr *nlh, int family,
	       const struct knl_event_ops *ops, void *arg);

/*
 * knl_set_config(): LAN and WAN (each when nonzero: one that is gone stays
 * so in the kernel), the unknown-source and inbound policies and, when
 * nonzero, the lowest MTU.
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
