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
