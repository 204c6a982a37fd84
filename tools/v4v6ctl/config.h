/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The configuration of a namespace's v4v6 instance: reading it from the
 * kernel's messages, printing it as text and JSON.
 */
#ifndef V4V6CTL_CONFIG_H
#define V4V6CTL_CONFIG_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "nl.h"

struct config {
	uint32_t lan_ifindex;
	uint32_t wan_ifindex;
	struct in6_addr pref64;
	uint8_t pref64_len;
	uint32_t lowest_mtu;
	uint8_t unknown;	/* enum v4v6_unknown_policy */
	uint8_t inbound;	/* enum v4v6_inbound_policy */
	/* The name of the LAN, WAN interface if it went, else empty. */
	char lan_gone[IF_NAMESIZE];
	char wan_gone[IF_NAMESIZE];
};

/*
 * Read a V4V6_CMD_GET_CONFIG reply or V4V6_CMD_SET_CONFIG event: 0, or
 * -EPROTO if an attribute is malformed or missing. A module that sends no
 * V4V6_A_CFG_INBOUND has no inbound policy: it lets everything in, so
 * inbound is then V4V6_INBOUND_ALL.
 */
int config_parse(const struct nlmsghdr *nlh, struct config *cfg);

/* Ask the kernel: 0 or -errno, the kernel's reason in nl->extack. */
int config_get(struct nl *nl, struct config *cfg);

/*
 * Add the members "lan", "lan_ifindex", "lan_gone", "wan", "wan_ifindex",
 * "wan_gone", "pref64", "lowest_mtu", "unknown" and "inbound" to @obj: false if there
 * was no memory. "lan_gone" is the name of the LAN interface if it went
 * (lan is then null and lan_ifindex 0), else null; "wan_gone" likewise.
 */
bool config_json_add(struct json_object *obj, const struct config *cfg);

/* A new JSON object of the members above, or NULL. */
struct json_object *config_json(const struct config *cfg);

/*
 * Print "lan: eth1" and so on, one setting a line; "lan: gone (was br-lan)"
 * for an interface that went.
 */
void config_print(const struct config *cfg);

/*
 * Print "lan eth1 wan eth0 pref64 ... unknown pass inbound replies" and a
 * newline; an
 * interface that went is "gone:NAME".
 */
void config_print_line(const struct config *cfg);

#endif /* V4V6CTL_CONFIG_H */
