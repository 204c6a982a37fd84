// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing and formatting of values: addresses, prefixes, MTUs, allow rules.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/v4v6.h>

#include "parse.h"

/* Bits 64..71 of a NAT64 prefix, reserved by RFC 6052 section 2.2. */
#define U_OCTET 8

const char *parse_strerror(enum parse_err err)
{
	switch (err) {
	case PARSE_OK:
		return "no error";
	case PARSE_ESYNTAX:
		return "malformed";
	case PARSE_EADDR:
		return "not an IPv6 address";
	case PARSE_ELEN:
		return "the length must be 32, 40, 48, 56, 64 or 96";
	case PARSE_EPASTLEN:
		return "bits are set past the prefix length";
	case PARSE_EUOCTET:
		return "bits 64-71 (the RFC 6052 u octet) must be zero";
	case PARSE_ERANGE:
		return "out of range";
	case PARSE_EMULTICAST:
		return "a multicast address, not a device's";
	case PARSE_EZERO:
		return "the all-zero address, not a device's";
	case PARSE_EORDER:
		return "the first port is above the last";
	}
	return "unknown error";
}

int pref64_len_valid(unsigned int len)
{
	switch (len) {
	case 32: case 40: case 48: case 56: case 64: case 96:
		return 1;
	}
	return 0;
}

enum parse_err pref64_check(const struct in6_addr *addr, unsigned int len)
{
	size_t i;

	if (!pref64_len_valid(len))
		return PARSE_ELEN;
	/* Every valid length is a whole number of octets. */
	for (i = len / 8; i < sizeof(addr->s6_addr); i++)
		if (addr->s6_addr[i])
			return PARSE_EPASTLEN;
	/* Past the length for all but /96, where it is checked here. */
	if (addr->s6_addr[U_OCTET])
		return PARSE_EUOCTET;
	return PARSE_OK;
}

/* @s, decimal digits and nothing else, as a number in *@v. */
static enum parse_err parse_ulong(const char *s, unsigned long *v)
{
	size_t n = strspn(s, "0123456789");

	if (n == 0 || s[n])
		return PARSE_ESYNTAX;
	errno = 0;
	*v = strtoul(s, NULL, 10);
	return errno ? PARSE_ERANGE : PARSE_OK;
}

enum parse_err parse_pref64(const char *s, struct in6_addr *addr,
			    uint8_t *len)
{
	char buf[INET6_ADDRSTRLEN];
	const char *slash = strchr(s, '/');
	enum parse_err err;
	unsigned long l;
	size_t alen;

	if (!slash)
		return PARSE_ESYNTAX;
	alen = (size_t)(slash - s);
	if (alen == 0 || alen >= sizeof(buf))
		return PARSE_EADDR;
	memcpy(buf, s, alen);
	buf[alen] = '\0';
	if (inet_pton(AF_INET6, buf, addr) != 1)
		return PARSE_EADDR;
	err = parse_ulong(slash + 1, &l);
	if (err == PARSE_ESYNTAX)
		return err;
	if (err || l > 128 || !pref64_len_valid((unsigned int)l))
		return PARSE_ELEN;
	*len = (uint8_t)l;
	return pref64_check(addr, *len);
}

void format_pref64(const struct in6_addr *addr, unsigned int len, char *buf,
		   size_t size)
{
	char a[INET6_ADDRSTRLEN];

	/* inet_ntop() only fails for a short buffer or an unknown family. */
	if (!inet_ntop(AF_INET6, addr, a, sizeof(a)))
		a[0] = '\0';
	snprintf(buf, size, "%s/%u", a, len);
}

enum parse_err parse_mtu(const char *s, uint32_t *mtu)
{
	enum parse_err err;
	unsigned long v;

	err = parse_ulong(s, &v);
	if (err)
		return err;
	if (v < V4V6_MIN_MTU || v > V4V6_MAX_MTU)
		return PARSE_ERANGE;
	*mtu = (uint32_t)v;
	return PARSE_OK;
}

/* The value of the hex digit @c; @c must be one. */
static uint8_t hex_value(char c)
{
	return (uint8_t)(isdigit((unsigned char)c) ? c - '0' :
			 tolower((unsigned char)c) - 'a' + 10);
}

enum parse_err mac_check(const uint8_t mac[MAC_LEN])
{
	if (mac[0] & 1)
		return PARSE_EMULTICAST;
	if (!(mac[0] | mac[1] | mac[2] | mac[3] | mac[4] | mac[5]))
		return PARSE_EZERO;
	return PARSE_OK;
}

enum parse_err parse_mac_any(const char *s, uint8_t mac[MAC_LEN])
{
	uint8_t m[MAC_LEN];
	size_t i;

	if (strlen(s) != MAC_STRLEN - 1)
		return PARSE_ESYNTAX;
	for (i = 0; i < MAC_LEN; i++) {
		const char *p = s + 3 * i;

		if (!isxdigit((unsigned char)p[0]) ||
		    !isxdigit((unsigned char)p[1]) ||
		    (i < MAC_LEN - 1 && p[2] != ':'))
			return PARSE_ESYNTAX;
		m[i] = (uint8_t)(hex_value(p[0]) << 4 | hex_value(p[1]));
	}
	memcpy(mac, m, sizeof(m));
	return PARSE_OK;
}

enum parse_err parse_mac(const char *s, uint8_t mac[MAC_LEN])
{
	uint8_t m[MAC_LEN];
	enum parse_err err = parse_mac_any(s, m);

	if (!err)
		err = mac_check(m);
	if (!err)
		memcpy(mac, m, sizeof(m));
	return err;
}

void format_mac(const uint8_t mac[MAC_LEN], char buf[MAC_STRLEN])
{
	snprintf(buf, MAC_STRLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

enum parse_err parse_dev_key(const char *s, struct dev_key *key)
{
	enum parse_err err = parse_mac(s, key->mac);

	key->type = DEV_KEY_MAC;
	if (err != PARSE_ESYNTAX)
		return err;
	key->type = DEV_KEY_IPV4;
	if (inet_pton(AF_INET, s, &key->ipv4) == 1)
		return PARSE_OK;
	key->type = DEV_KEY_IPV6;
	if (inet_pton(AF_INET6, s, &key->ipv6) == 1)
		return PARSE_OK;
	return PARSE_ESYNTAX;
}

static const char *const allow_protos[] = {
	[IPPROTO_ICMP] = "icmp",
	[IPPROTO_TCP] = "tcp",
	[IPPROTO_UDP] = "udp",
};

const char *allow_proto_name(unsigned int proto)
{
	return proto < sizeof(allow_protos) / sizeof(allow_protos[0]) ?
	       allow_protos[proto] : NULL;
}

/* The protocol @s names exactly, or -1. */
static int allow_proto_lookup(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(allow_protos) / sizeof(allow_protos[0]); i++)
		if (allow_protos[i] && !strcmp(s, allow_protos[i]))
			return (int)i;
	return -1;
}

/* @s as a port, 1 to 65535. */
static enum parse_err parse_port(const char *s, uint16_t *port)
{
	enum parse_err err;
	unsigned long v;

	err = parse_ulong(s, &v);
	if (err)
		return err;
	if (v < 1 || v > 65535)
		return PARSE_ERANGE;
	*port = (uint16_t)v;
	return PARSE_OK;
}

enum parse_err parse_port_range(const char *s, uint16_t *lo, uint16_t *hi)
{
	char buf[sizeof("65535")];
	const char *dash = strchr(s, '-');
	enum parse_err err;
	size_t len;

	if (!dash) {
		err = parse_port(s, lo);
		if (!err)
			*hi = *lo;
		return err;
	}
	len = (size_t)(dash - s);
	if (len == 0 || len >= sizeof(buf))
		return len ? PARSE_ERANGE : PARSE_ESYNTAX;
	memcpy(buf, s, len);
	buf[len] = '\0';
	err = parse_port(buf, lo);
	if (!err)
		err = parse_port(dash + 1, hi);
	if (!err && *lo > *hi)
		err = PARSE_EORDER;
	return err;
}

int parse_allow(int argc, char *const *argv, struct allow_rule *r, char *err,
		size_t errlen)
{
	enum parse_err perr;
	int proto;

	memset(r, 0, sizeof(*r));
	if (argc < 1) {
		snprintf(err, errlen, "allow needs a protocol: tcp, udp or icmp");
		return -1;
	}
	proto = allow_proto_lookup(argv[0]);
	if (proto < 0) {
		snprintf(err, errlen, "invalid allow protocol \"%s\", expected "
			 "tcp, udp or icmp", argv[0]);
		return -1;
	}
	r->proto = (uint8_t)proto;
	if (argc < 2 || !isdigit((unsigned char)argv[1][0]))
		return 1;
	if (proto == IPPROTO_ICMP) {
		snprintf(err, errlen, "invalid allow port \"%s\": icmp takes "
			 "no port", argv[1]);
		return -1;
	}
	perr = parse_port_range(argv[1], &r->port_min, &r->port_max);
	if (perr) {
		snprintf(err, errlen, "invalid allow port \"%s\": %s%s", argv[1],
			 parse_strerror(perr), perr == PARSE_EORDER ? "" :
			 ", expected PORT or LO-HI, 1 to 65535");
		return -1;
	}
	return 2;
}

bool allow_add(struct allow_list *l, const struct allow_rule *r, char *err,
	       size_t errlen)
{
	if (l->n >= V4V6_ALLOW_MAX) {
		snprintf(err, errlen, "more than %d allow rules",
			 V4V6_ALLOW_MAX);
		return false;
	}
	l->v[l->n++] = *r;
	return true;
}

bool allow_equal(const struct allow_list *a, const struct allow_list *b)
{
	unsigned int i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (a->v[i].proto != b->v[i].proto ||
		    a->v[i].port_min != b->v[i].port_min ||
		    a->v[i].port_max != b->v[i].port_max)
			return false;
	return true;
}

void format_allow_ports(const struct allow_rule *r,
			char buf[ALLOW_PORTS_STRLEN])
{
	if (!r->port_min || (r->port_min == 1 && r->port_max == 65535))
		buf[0] = '\0';
	else if (r->port_min == r->port_max)
		snprintf(buf, ALLOW_PORTS_STRLEN, "%u", r->port_min);
	else
		snprintf(buf, ALLOW_PORTS_STRLEN, "%u-%u", r->port_min,
			 r->port_max);
}

void format_allow_list(const struct allow_list *l, char *buf, size_t size)
{
	char ports[ALLOW_PORTS_STRLEN], num[sizeof("255")];
	const char *name;
	size_t len = 0;
	unsigned int i;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < l->n && len < size; i++) {
		name = allow_proto_name(l->v[i].proto);
		if (!name) {
			snprintf(num, sizeof(num), "%u", l->v[i].proto);
			name = num;
		}
		format_allow_ports(&l->v[i], ports);
		len += (size_t)snprintf(buf + len, size - len, "%s%s%s%s",
					i ? ", " : "", name, *ports ? " " : "",
					ports);
	}
}
