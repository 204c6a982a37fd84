/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Router Advertisements as v4v6d reads them on the WAN (RFC 4861), with
 * the PREF64 option (RFC 8781), and the NAT64 prefix found by RFC 7050
 * (the AAAA records of ipv4only.arpa). Parsing only: no I/O.
 */
#ifndef V4V6D_RA_H
#define V4V6D_RA_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RA_MAX_PREFIXES	8

/**
 * struct ra_prefix - a Prefix Information option
 * @prefix: the prefix, bits past @len cleared
 * @len: its length
 * @onlink: the L flag
 * @autonomous: the A flag (SLAAC)
 * @valid: valid lifetime, seconds (0xffffffff: infinity)
 * @preferred: preferred lifetime, seconds
 */
struct ra_prefix {
	struct in6_addr prefix;
	uint8_t len;
	bool onlink, autonomous;
	uint32_t valid, preferred;
};

/**
 * struct ra_info - what an RA says
 * @managed: the M flag (addresses by DHCPv6)
 * @other: the O flag
 * @router_lifetime: seconds; 0: not a default router
 * @mtu: the MTU option, 0 when absent
 * @prefixes: the Prefix Information options, in order (at most
 *	RA_MAX_PREFIXES; more are counted in @n_prefixes_dropped)
 * @n_prefixes: how many of @prefixes are set
 * @n_prefixes_dropped: Prefix Information options past RA_MAX_PREFIXES
 * @has_pref64: a valid PREF64 option was there (the first one counts)
 * @pref64: its prefix (bits past @pref64_len cleared)
 * @pref64_len: 96, 64, 56, 48, 40 or 32 (from the PLC)
 * @pref64_lifetime: seconds (scaled lifetime * 8); 0: stop using it
 */
struct ra_info {
	bool managed, other;
	uint16_t router_lifetime;
	uint32_t mtu;
	struct ra_prefix prefixes[RA_MAX_PREFIXES];
	unsigned int n_prefixes, n_prefixes_dropped;
	bool has_pref64;
	struct in6_addr pref64;
	uint8_t pref64_len;
	uint32_t pref64_lifetime;
};

/*
 * What the RAs said so far, as RFC 4861 section 6.3.4 and RFC 4862 section
 * 5.5.3 ask a host to keep it (ra_state.c): the default routers, the
 * on-link prefixes and the SLAAC prefix, each until its lifetime ends.
 * Times are the caller's monotonic milliseconds; RA_NEVER: infinity.
 */
#define RA_MAX_ROUTERS		8
#define RA_NEVER		UINT64_MAX
#define RA_TWO_HOURS_MS		(2 * 3600 * 1000ull)	/* RFC 4862 5.5.3 (e) */

/**
 * struct ra_router - an entry of the default router list
 * @addr: the router's link-local address
 * @end_ms: when its router lifetime ends
 */
struct ra_router {
	struct in6_addr addr;
	uint64_t end_ms;
};

/**
 * struct ra_timed - a prefix and when its lifetimes end
 * @prefix: the prefix
 * @len: its length
 * @valid_end_ms: the end of its valid lifetime
 * @preferred_end_ms: the end of its preferred lifetime
 */
struct ra_timed {
	struct in6_addr prefix;
	uint8_t len;
	uint64_t valid_end_ms, preferred_end_ms;
};

/**
 * struct ra_state - the WAN as its RAs describe it
 * @n_routers: entries in @routers
 * @routers: the default router list, oldest first: the first is the one
 *	used, until its lifetime ends or it says it is no router (lifetime 0)
 * @n_onlink: entries in @onlink
 * @onlink: the on-link prefixes (L flag)
 * @have_slaac: @slaac is set
 * @slaac: the /64 the identities' SLAAC addresses are in (A flag), with the
 *	two-hour rule applied to its valid lifetime
 * @have_slaac_next: @slaac_next is set
 * @slaac_next: another autonomous /64 advertised meanwhile: it becomes
 *	@slaac when that one expires (a device has one address at a time)
 */
struct ra_state {
	unsigned int n_routers;
	struct ra_router routers[RA_MAX_ROUTERS];
	unsigned int n_onlink;
	struct ra_timed onlink[RA_MAX_PREFIXES];
	bool have_slaac, have_slaac_next;
	struct ra_timed slaac, slaac_next;
};

/* What ra_state_update() and ra_state_expire() changed. */
enum ra_change {
	RA_CH_ROUTER = 1,	/* the router used (or none now) */
	RA_CH_ONLINK = 2,	/* an on-link prefix came or went */
	RA_CH_SLAAC = 4,	/* the SLAAC prefix or its lifetimes */
};

/*
 * ra_state_update(): the RA @ra from @from at @now_ms applied to @s.
 * Returns the enum ra_change bits of what changed.
 */
unsigned int ra_state_update(struct ra_state *s, const struct in6_addr *from,
			     const struct ra_info *ra, uint64_t now_ms);
/* ra_state_expire(): what ended by @now_ms removed; enum ra_change bits. */
unsigned int ra_state_expire(struct ra_state *s, uint64_t now_ms);
/* ra_state_router(): the default router used, NULL when none. */
const struct in6_addr *ra_state_router(const struct ra_state *s);
/* ra_state_has_onlink(): whether @prefix/@len is on-link in @s. */
bool ra_state_has_onlink(const struct ra_state *s,
			 const struct in6_addr *prefix, uint8_t len);
/* ra_secs_left(): seconds from @now_ms to @end_ms (0xffffffff: RA_NEVER). */
uint32_t ra_secs_left(uint64_t end_ms, uint64_t now_ms);

/*
 * ra_parse(): the RA in @buf (@len bytes from the ICMPv6 header on) into
 * @ra. Returns 0, or -1 with *@why set to a static description of what is
 * wrong (not an RA, truncated, an option of length 0 or past the end...).
 * Options that are malformed but skippable (a PREF64 with an unknown PLC, a
 * prefix longer than 128) are ignored, as RFC 4861 asks.
 */
int ra_parse(const uint8_t *buf, size_t len, struct ra_info *ra,
	     const char **why);

/*
 * ra_build_rs(): a Router Solicitation (ICMPv6 type 133) into @buf with a
 * Source Link-Layer Address option for @mac. Returns its length; the
 * kernel fills in the checksum.
 */
size_t ra_build_rs(uint8_t *buf, size_t size, const uint8_t mac[6]);

/*
 * pref64_from_aaaa(): RFC 7050 section 3: the NAT64 prefix in the AAAA
 * records @addrs of ipv4only.arpa: the first address holding 192.0.0.170
 * or 192.0.0.171 at one of the RFC 6052 positions (/96, /64, /56, /48, /40,
 * /32, tried in that order). Returns 0 and sets @prefix and @len, or -1
 * when none does.
 */
int pref64_from_aaaa(const struct in6_addr *addrs, size_t n,
		     struct in6_addr *prefix, uint8_t *len);

#endif
