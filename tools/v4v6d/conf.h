/* SPDX-License-Identifier: GPL-2.0 */
/*
 * v4v6d's configuration: a file of "keyword value..." lines, then the
 * command line's flags over it. See v4v6d.8 and README.md.
 */
#ifndef V4V6D_CONF_H
#define V4V6D_CONF_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>

#include "parse.h"

#define CONFIG_FILE_DEFAULT	"/etc/v4v6/v4v6d.conf"
#define CONFIG_MAX_STATIC	1024
/* The most devices with allow rules ("allow" lines or rules of "static"). */
#define CONFIG_MAX_ALLOW	1024
/* The most "learn-allow" lines, and the most "learn-deny" lines. */
#define CONFIG_MAX_LEARN	1024
/*
 * max-devices by default: a home or office router's LAN is one /24 (254
 * hosts), seldom four; each device costs an interface, an address and a
 * lease upstream, which a flood of made-up MACs must not exhaust.
 */
#define CONFIG_MAX_DEVICES	1024
/* learn-rate by default: new devices a second (the kernel announces 20). */
#define CONFIG_LEARN_RATE	50

enum addressing {
	ADDR_AUTO,	/* DHCPv6, or SLAAC when the RA has A and no M */
	ADDR_DHCPV6,
	ADDR_SLAAC,
};

/**
 * struct static_dev - a device configured by the operator ("static")
 * @mac: its MAC
 * @ipv4: its IPv4 address
 * @has_ipv6: @ipv6 is fixed (no DHCPv6, no SLAAC for it)
 * @ipv6: that address
 */
struct static_dev {
	uint8_t mac[6];
	struct in_addr ipv4;
	bool has_ipv6;
	struct in6_addr ipv6;
};

/**
 * struct mac_allow - the inbound allow rules of a device
 * @mac: its MAC
 * @rules: its rules, from its "static" line and its "allow" lines, in the
 *	order of the file
 */
struct mac_allow {
	uint8_t mac[6];
	struct allow_list rules;
};

/**
 * struct config - everything v4v6d can be told
 * @lan: the LAN interface (devices live there)
 * @wan: the IPv6-only network's interface (identities are made on it)
 * @state_file: where the device table is saved
 * @has_pref64: @pref64 was configured (used when the network tells none)
 * @pref64: the configured NAT64 prefix
 * @pref64_len: its length
 * @dns64: look the prefix up per RFC 7050
 * @addressing: how identities get their addresses
 * @inactive_after: seconds without a sign of a device before it is inactive
 * @release_after: seconds without a sign before its lease is released
 * @state_interval: seconds the state file may lag behind the changes that
 *	can wait (lease renewals, DHCPv6 client steps, activity)
 * @unknown_drop: the kernel drops IPv4 from unknown sources
 * @inbound_all: the kernel lets everything in from the IPv6 network, not
 *	only replies and what the allow rules let in
 * @lowest_mtu: the kernel's lowest MTU on the IPv6 path, 0 to leave it
 * @ident_prefix: identity interface names: this and the MAC's 12 digits
 * @statics: static devices
 * @n_statics: how many
 * @allows: the devices with allow rules
 * @n_allows: how many
 * @max_devices: the most devices learnt (static ones are always taken)
 * @learn_rate: the most new devices learnt a second
 * @learn_allow: when any, only these MACs are learnt
 * @n_learn_allow: how many
 * @learn_deny: these MACs are never learnt
 * @n_learn_deny: how many
 */
struct config {
	char lan[IF_NAMESIZE];
	char wan[IF_NAMESIZE];
	char state_file[256];
	bool has_pref64;
	struct in6_addr pref64;
	uint8_t pref64_len;
	bool dns64;
	enum addressing addressing;
	uint32_t inactive_after;
	uint32_t release_after;
	uint32_t state_interval;
	bool unknown_drop;
	bool inbound_all;
	uint32_t lowest_mtu;
	char ident_prefix[4];
	struct static_dev statics[CONFIG_MAX_STATIC];
	unsigned int n_statics;
	struct mac_allow allows[CONFIG_MAX_ALLOW];
	unsigned int n_allows;
	uint32_t max_devices;
	uint32_t learn_rate;
	uint8_t learn_allow[CONFIG_MAX_LEARN][6];
	unsigned int n_learn_allow;
	uint8_t learn_deny[CONFIG_MAX_LEARN][6];
	unsigned int n_learn_deny;
};

/* config_defaults(): the settings without a file. */
void config_defaults(struct config *cfg);
/*
 * config_load(): the file @path over @cfg. Returns 0; -1 with a message
 * "PATH:LINE: what" in @err. A missing file is an error only if @must.
 */
int config_load(struct config *cfg, const char *path, bool must, char *err,
		size_t errlen);
/* config_line(): one "keyword value..." line over @cfg; -1 with @err. */
int config_line(struct config *cfg, char *line, char *err, size_t errlen);
/* config_check(): what must be set is; -1 with @err. */
int config_check(const struct config *cfg, char *err, size_t errlen);
/*
 * config_allow(): the allow rules of the device with @mac, NULL if it has
 * none.
 */
const struct allow_list *config_allow(const struct config *cfg,
				      const uint8_t mac[6]);
/* config_allow_same(): @a and @b give the device with @mac the same rules. */
bool config_allow_same(const struct config *a, const struct config *b,
		       const uint8_t mac[6]);

#endif
