/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsing and formatting of command-line values: pure functions, no I/O, so
 * that tests/test_parse.c can check them on their own.
 */
#ifndef V4V6CTL_PARSE_H
#define V4V6CTL_PARSE_H

#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>

/* "ADDR/LEN" is at most an IPv6 address, '/' and three digits. */
#define PREF64_STRLEN (INET6_ADDRSTRLEN + 4)

/* "xx:xx:xx:xx:xx:xx" and its NUL. */
#define MAC_STRLEN 18
#define MAC_LEN 6

enum parse_err {
	PARSE_OK,
	PARSE_ESYNTAX,	/* not of the expected form */
	PARSE_EADDR,	/* not an IPv6 address */
	PARSE_ELEN,	/* a prefix length RFC 6052 does not allow */
	PARSE_EPASTLEN,	/* bits set past the prefix length */
	PARSE_EUOCTET,	/* bits 64..71 set */
	PARSE_ERANGE,	/* a number out of range */
	PARSE_EMULTICAST, /* a multicast Ethernet address */
	PARSE_EZERO,	/* the all-zero Ethernet address */
	PARSE_LAST = PARSE_EZERO
};

/* A sentence saying what @err means. */
const char *parse_strerror(enum parse_err err);

/* Whether @len is a prefix length RFC 6052 allows: 32, 40, 48, 56, 64, 96. */
int pref64_len_valid(unsigned int len);

/* Check @addr/@len as a NAT64 prefix, as the kernel does. */
enum parse_err pref64_check(const struct in6_addr *addr, unsigned int len);

/* Parse "ADDR/LEN", e.g. "64:ff9b::/96", into @addr and @len, and check it. */
enum parse_err parse_pref64(const char *s, struct in6_addr *addr,
			    uint8_t *len);

/* Write @addr/@len as "ADDR/LEN" into @buf, of at least PREF64_STRLEN bytes. */
void format_pref64(const struct in6_addr *addr, unsigned int len, char *buf,
		   size_t size);

/* Parse a decimal MTU in V4V6_MIN_MTU..V4V6_MAX_MTU. */
enum parse_err parse_mtu(const char *s, uint32_t *mtu);

/*
 * Parse an Ethernet address of a device: six pairs of hex digits separated
 * by ':', e.g. "02:00:00:00:00:0a", neither multicast nor all zeros.
 */
enum parse_err parse_mac(const char *s, uint8_t mac[MAC_LEN]);

/* Write @mac as "xx:xx:xx:xx:xx:xx" into @buf, of MAC_STRLEN bytes. */
void format_mac(const uint8_t mac[MAC_LEN], char buf[MAC_STRLEN]);

/* What names a device on the command line. */
enum dev_key_type {
	DEV_KEY_MAC,
	DEV_KEY_IPV4,
	DEV_KEY_IPV6,
};

struct dev_key {
	enum dev_key_type type;
	union {
		uint8_t mac[MAC_LEN];
		struct in_addr ipv4;
		struct in6_addr ipv6;
	};
};

/*
 * Parse a MAC, IPv4 or IPv6 address naming a device: PARSE_ESYNTAX if it
 * is none of them, or parse_mac()'s error for a MAC that is not a device's.
 */
enum parse_err parse_dev_key(const char *s, struct dev_key *key);

/* Write milliseconds @ms as seconds with one decimal, e.g. "1.2s". */
void format_idle(uint64_t ms, char *buf, size_t size);

/*
 * Look @arg up among @n keywords, the first at @words, the next @stride bytes
 * further (so that it walks both an array of strings and an array of structs
 * whose member is the name): an exact match, else the only keyword that @arg
 * abbreviates, as ip(8) takes "sh" for "show". Returns the keyword's index,
 * KEYWORD_UNKNOWN or KEYWORD_AMBIGUOUS.
 */
#define KEYWORD_UNKNOWN (-1)
#define KEYWORD_AMBIGUOUS (-2)
int keyword_lookup(const char *arg, const char *const *words, size_t n,
		   size_t stride);

#endif /* V4V6CTL_PARSE_H */
