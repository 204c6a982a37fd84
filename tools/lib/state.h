/* SPDX-License-Identifier: GPL-2.0 */
/*
 * v4v6d's state file: the device table and its leases as JSON (json-c).
 * Its layout and rules (state.c) and its reader (state_read.c), for v4v6d
 * and v4v6ctl; v4v6d writes it (v4v6d/state_write.h).
 */
#ifndef V4V6_LIB_STATE_H
#define V4V6_LIB_STATE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lease.h"

/* The layout's version: change it for anything an older reader misreads. */
#define STATE_VERSION		1

/* The largest state file read or parsed. */
#define STATE_FILE_MAX		(64 << 20)
/*
 * Where v4v6d keeps its state unless told otherwise (v4v6d -s, v4v6ctl):
 * the build's STATE_FILE (tools/Makefile), which must survive a reboot.
 */
#ifndef STATE_FILE_DEFAULT
#define STATE_FILE_DEFAULT	"/var/lib/v4v6/state.json"
#endif

/* The most devices a state file may hold. */
#define STATE_MAX_DEVICES	65536

enum state_mode {
	STATE_MODE_DHCPV6,	/* address from a DHCPv6 lease */
	STATE_MODE_SLAAC,	/* address from an RA prefix and the MAC */
	STATE_MODE_FIXED,	/* address configured by the operator */
};

/**
 * struct state_dev - one device as saved
 * @mac: the device's MAC
 * @ipv4: its IPv4 address (network order)
 * @is_static: configured by the operator: never ages
 * @inactive: marked inactive by aging
 * @mode: where its IPv6 address comes from
 * @has_ipv6: @ipv6 is set
 * @ipv6: its IPv6 address
 * @last_seen: when it was last seen, Unix time in seconds; 0: unknown
 * @has_lease: @lease is set (mode DHCPv6)
 * @lease: its lease; @lease.start_ms is not saved: @lease_start is
 * @lease_start: when the lease's times began, Unix time in seconds
 * @dhcp6_state: the client's state when saved (dhcp6_state_name(): "bound",
 *	"renew", ...; "" when none), for v4v6ctl: not used on restore
 */
struct state_dev {
	uint8_t mac[6];
	struct in_addr ipv4;
	bool is_static;
	bool inactive;
	enum state_mode mode;
	bool has_ipv6;
	struct in6_addr ipv6;
	int64_t last_seen;
	bool has_lease;
	struct dhcp6_lease lease;
	int64_t lease_start;
	char dhcp6_state[16];
};

/**
 * struct state - the whole file
 * @devs: the devices (malloc'd array)
 * @n: how many
 * @has_pref64: the last NAT64 prefix in use is known
 * @pref64: that prefix
 * @pref64_len: its length
 */
struct state {
	struct state_dev *devs;
	size_t n;
	bool has_pref64;
	struct in6_addr pref64;
	uint8_t pref64_len;
};

/*
 * state_parse(): @len bytes of JSON into @st (which the caller frees with
 * state_free() on success). Returns 0, or -1 with a message in @err. Every
 * field is checked: a file that parses loads completely or not at all.
 */
int state_parse(const char *text, size_t len, struct state *st, char *err,
		size_t errlen);
/*
 * state_validate(): 0 if state_parse() would take @st back, else -1 with
 * the first problem in @err (state.c).
 */
int state_validate(const struct state *st, char *err, size_t errlen);
/*
 * state_dev_check(): 0 if state_parse() would take @d back as a device of
 * a file (all but the checks between devices: a MAC or an IPv4 address
 * twice), else -1 with the problem in @err, after @where ("devices[3]").
 */
int state_dev_check(const struct state_dev *d, const char *where, char *err,
		    size_t errlen);
/* state_pref64_check(): the same for @st's NAT64 prefix, if it has one. */
int state_pref64_check(const struct state *st, char *err, size_t errlen);
/* state_duid_hex(): @l's server DUID as hex digits, as the file has it. */
#define STATE_DUID_HEXLEN	(2 * DHCP6_DUID_MAX + 1)
void state_duid_hex(const struct dhcp6_lease *l, char hex[STATE_DUID_HEXLEN]);
/*
 * state_load(): @path, or @path.bak when @path is missing or corrupt
 * (*@from_bak tells which, and @err says what was wrong with @path).
 * Returns 0; 1 when neither exists (an empty @st: a first start); -1 when
 * neither loads, with @err set.
 */
int state_load(const char *path, struct state *st, bool *from_bak, char *err,
	       size_t errlen);
void state_free(struct state *st);

/*
 * state_seen_ms(): @d's last_seen on the caller's monotonic clock, which
 * reads @now_ms at Unix time @now: so many seconds before @now_ms, less two
 * for the roundings (0 at the earliest), @now_ms when it is unknown or in
 * the future. Aging goes on from there after a restart.
 */
uint64_t state_seen_ms(const struct state_dev *d, int64_t now,
		       uint64_t now_ms);

/* state_mode_name(): "dhcpv6", "slaac" or "fixed"; NULL for no mode. */
const char *state_mode_name(enum state_mode mode);

#endif /* V4V6_LIB_STATE_H */
