/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The devices of the table: reading them from the kernel's messages,
 * printing them as text and JSON.
 */
#ifndef V4V6CTL_DEVICE_H
#define V4V6CTL_DEVICE_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

#include "nl.h"
#include "parse.h"

struct dev {
	uint8_t mac[MAC_LEN];
	struct in_addr ipv4;
	struct in6_addr ipv6;
	uint32_t wan_ifindex;	/* 0: the WAN itself */
	char wan_gone[IF_NAMESIZE];	/* its identity, if it went */
	uint8_t state;		/* enum v4v6_dev_state */
	uint32_t flags;		/* V4V6_DEV_F_* */
	uint64_t idle_ms;
	uint64_t tx_packets;
	uint64_t tx_bytes;
	uint64_t rx_packets;
	uint64_t rx_bytes;
	uint64_t drops;
	uint64_t unsolicited;	/* 0 from a module without the counter */
	struct allow_list allow;	/* its inbound allow rules */
};

struct dev_list {
	struct dev *v;
	size_t n;
	size_t cap;
};

/*
 * Read a V4V6_CMD_GET_DEVICE reply or a device event: 0, or -EPROTO if an
 * attribute is malformed or missing.
 */
int dev_parse(const struct nlmsghdr *nlh, struct dev *d);

/*
 * Add the members "mac", "ipv4", "ipv6", "wan", "wan_ifindex", "wan_gone",
 * "state", "static", "idle_ms", "tx_packets", "tx_bytes", "rx_packets",
 * "rx_bytes", "drops", "unsolicited" and "allow" to @obj: false if there
 * was no memory. "wan_gone" is the name of the device's identity if it went
 * (wan is then null and wan_ifindex 0), else null. "allow" is an array of
 * {"proto": "tcp"|"udp"|"icmp", "ports": "22"|"5000-5010"|null}, null
 * for every port.
 */
bool dev_json_add(struct json_object *obj, const struct dev *d);

/* A new JSON object of the members above, or NULL. */
struct json_object *dev_json(const struct dev *d);

/*
 * Print @d on one line: "MAC IPV4 IPV6 wan IFNAME|-|gone:IFNAME STATE
 * static|dynamic idle 1.2s tx PACKETS/BYTES rx PACKETS/BYTES drops N
 * unsolicited N[ allow tcp 22, udp 5000-5010, icmp]".
 */
void dev_print(const struct dev *d);

/*
 * Dump the table into @list, sorted by IPv4 address: 0 or -errno, the
 * kernel's reason in nl->extack. Free @list with dev_list_free() either way.
 */
int devices_get(struct nl *nl, struct dev_list *list);

void dev_list_free(struct dev_list *list);

/*
 * A JSON array of the devices of @list in @state (0: all), or NULL if there
 * was no memory.
 */
struct json_object *dev_list_json(const struct dev_list *list,
				  unsigned int state);

#endif /* V4V6CTL_DEVICE_H */
