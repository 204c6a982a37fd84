/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsing, checking and formatting of the values v4v6ctl and v4v6d both
 * take: NAT64 prefixes, MTUs, MACs, device keys, allow rules. Pure
 * functions, no I/O, so that tests/test_lib_parse.c checks them on their own.
 */
#ifndef V4V6_LIB_PARSE_H
#define V4V6_LIB_PARSE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/v4v6.h>

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
	PARSE_EORDER,	/* a range whose first number is above its last */
	PARSE_LAST = PARSE_EORDER
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
 * Whether @mac can be a device's: PARSE_EMULTICAST for a multicast address
 * (the broadcast address among them), PARSE_EZERO for all zeros, else
 * PARSE_OK. The one check of a device's MAC, wherever one comes from.
 */
enum parse_err mac_check(const uint8_t mac[MAC_LEN]);

/*
 * Parse an Ethernet address: six pairs of hex digits separated by ':',
 * e.g. "02:00:00:00:00:0a", else PARSE_ESYNTAX. Any address.
 */
enum parse_err parse_mac_any(const char *s, uint8_t mac[MAC_LEN]);

/* parse_mac_any(), then mac_check(): the MAC of a device. */
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

/**
 * struct allow_rule - an inbound allow rule of a device (V4V6_A_ALLOW)
 * @proto: IPPROTO_TCP, IPPROTO_UDP or IPPROTO_ICMP
 * @port_min: the lowest destination port it lets in; 0: every port (and
 *	always for ICMP), V4V6_A_ALLOW_PORT_MIN and _MAX then left out
 * @port_max: the highest
 */
struct allow_rule {
	uint8_t proto;
	uint16_t port_min;
	uint16_t port_max;
};

/* The rules of a device: at most V4V6_ALLOW_MAX. */
struct allow_list {
	unsigned int n;
	struct allow_rule v[V4V6_ALLOW_MAX];
};

/* "tcp", "udp" or "icmp" for an allow rule's protocol, else NULL. */
const char *allow_proto_name(unsigned int proto);

/* Parse "PORT" or "LO-HI", ports 1 to 65535 and LO <= HI. */
enum parse_err parse_port_range(const char *s, uint16_t *lo, uint16_t *hi);

/*
 * Parse one allow rule from the @argc words at @argv: PROTO (tcp, udp or
 * icmp) and, for tcp and udp, optionally the word after it if it starts
 * with a digit: PORT or LO-HI (none: every port). Returns how many words
 * it took (1 or 2), or -1 with a sentence naming the bad word in @err.
 */
int parse_allow(int argc, char *const *argv, struct allow_rule *r, char *err,
		size_t errlen);

/*
 * Add @r to @l: false, with a sentence in @err, if @l holds V4V6_ALLOW_MAX
 * rules already.
 */
bool allow_add(struct allow_list *l, const struct allow_rule *r, char *err,
	       size_t errlen);

/* Whether @a and @b hold the same rules in the same order. */
bool allow_equal(const struct allow_list *a, const struct allow_list *b);

/* "5000-5010", "22", or "" for every port, in @buf of ALLOW_PORTS_STRLEN. */
#define ALLOW_PORTS_STRLEN sizeof("65535-65535")
void format_allow_ports(const struct allow_rule *r,
			char buf[ALLOW_PORTS_STRLEN]);

/*
 * Write the rules of @l as "tcp 22, udp 5000-5010, icmp" ("" for none)
 * into @buf; a protocol without a name is its number.
 */
#define ALLOW_LIST_STRLEN (V4V6_ALLOW_MAX * sizeof("icmp 65535-65535, "))
void format_allow_list(const struct allow_list *l, char *buf, size_t size);

#endif /* V4V6_LIB_PARSE_H */
