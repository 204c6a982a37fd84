// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4-embedded IPv6 addresses (RFC 6052 section 2).
 *
 * The IPv4 address follows the prefix, skipping bits 64..71 (the "u" octet,
 * kept zero for compatibility with RFC 4291 interface identifiers); the
 * suffix after it is zero.
 */
#include <linux/string.h>
#include <net/ipv6.h>

#include "v4v6.h"

#define U_OCTET 8

/**
 * v4v6_prefix_len_valid() - whether @len is one RFC 6052 allows
 * @len: prefix length in bits
 */
bool v4v6_prefix_len_valid(u8 len)
{
	switch (len) {
	case 32: case 40: case 48: case 56: case 64: case 96:
		return true;
	}
	return false;
}

/**
 * v4v6_prefix_valid() - whether @p can be used as a NAT64 prefix
 * @p: the prefix
 *
 * Its length must be valid, the bits past it zero, and the u octet zero
 * (RFC 6052 section 2.2).
 */
bool v4v6_prefix_valid(const struct v4v6_prefix *p)
{
	const u8 *b = p->addr.s6_addr;
	unsigned int i;

	if (!v4v6_prefix_len_valid(p->len))
		return false;
	for (i = p->len / 8; i < sizeof(p->addr); i++)
		if (b[i])
			return false;
	return b[U_OCTET] == 0;
}

/**
 * v4v6_addr_synth() - build the IPv6 address representing an IPv4 address
 * @p: a valid prefix
 * @v4: the IPv4 address
 * @out: the IPv4-embedded IPv6 address
 */
void v4v6_addr_synth(const struct v4v6_prefix *p, __be32 v4,
		     struct in6_addr *out)
{
	const u8 *src = (const u8 *)&v4;
	unsigned int pos = p->len / 8;
	unsigned int i;

	*out = p->addr;
	for (i = 0; i < 4; i++) {
		if (pos == U_OCTET)
			pos++;
		out->s6_addr[pos++] = src[i];
	}
}

/**
 * v4v6_addr_extract() - the IPv4 address embedded in an IPv6 address
 * @p: a valid prefix
 * @a: the IPv6 address
 * @v4: the embedded IPv4 address, when the function returns true
 *
 * The u octet and the suffix are ignored, as RFC 6052 reserves them.
 *
 * Return: whether @a is inside @p.
 */
bool v4v6_addr_extract(const struct v4v6_prefix *p, const struct in6_addr *a,
		       __be32 *v4)
{
	unsigned int pos = p->len / 8;
	u8 *dst = (u8 *)v4;
	unsigned int i;

	if (memcmp(a->s6_addr, p->addr.s6_addr, pos))
		return false;
	for (i = 0; i < 4; i++) {
		if (pos == U_OCTET)
			pos++;
		dst[i] = a->s6_addr[pos++];
	}
	return true;
}

/* An IPv4 block: @net/@len, @net in host order. */
struct v4v6_block {
	u32 net;
	u8 len;
};

static bool v4v6_in_blocks(__be32 v4, const struct v4v6_block *b,
			   unsigned int n)
{
	u32 a = ntohl(v4);
	unsigned int i;

	for (i = 0; i < n; i++)
		if ((a ^ b[i].net) >> (32 - b[i].len) == 0)
			return true;
	return false;
}

/* Blocks RFC 5735 section 3 and RFC 6598 leave off the global internet. */
static const struct v4v6_block v4v6_non_global[] = {
	{ 0x00000000, 8 },	/* "this" network */
	{ 0x0a000000, 8 },	/* RFC 1918 */
	{ 0x64400000, 10 },	/* shared address space (RFC 6598) */
	{ 0x7f000000, 8 },	/* loopback */
	{ 0xa9fe0000, 16 },	/* link-local */
	{ 0xac100000, 12 },	/* RFC 1918 */
	{ 0xc0000000, 24 },	/* IETF protocol assignments */
	{ 0xc0000200, 24 },	/* TEST-NET-1 */
	{ 0xc0a80000, 16 },	/* RFC 1918 */
	{ 0xc6120000, 15 },	/* benchmarking */
	{ 0xc6336400, 24 },	/* TEST-NET-2 */
	{ 0xcb007100, 24 },	/* TEST-NET-3 */
	{ 0xe0000000, 4 },	/* multicast */
	{ 0xf0000000, 4 },	/* reserved, limited broadcast */
};

/**
 * v4v6_addr_translatable() - whether @p may carry @v4 (RFC 6052 section 3.1)
 * @p: a valid prefix
 * @v4: an IPv4 address
 *
 * The well-known prefix 64:ff9b::/96 must not represent non-global IPv4
 * addresses; a network-specific prefix may represent any.
 */
bool v4v6_addr_translatable(const struct v4v6_prefix *p, __be32 v4)
{
	static const struct in6_addr wkp = {{{ 0, 0x64, 0xff, 0x9b }}};

	if (p->len != 96 || !ipv6_prefix_equal(&p->addr, &wkp, 96))
		return true;
	return !v4v6_in_blocks(v4, v4v6_non_global,
			       ARRAY_SIZE(v4v6_non_global));
}

/* Blocks no host beyond a NAT64 can have, whatever the prefix. */
static const struct v4v6_block v4v6_martians[] = {
	{ 0x00000000, 8 },	/* "this" network (RFC 1122 3.2.1.3) */
	{ 0x7f000000, 8 },	/* loopback */
	{ 0xa9fe0000, 16 },	/* link-local (RFC 3927) */
	{ 0xe0000000, 4 },	/* multicast */
	{ 0xf0000000, 4 },	/* class E, limited broadcast */
};

/**
 * v4v6_addr_martian() - whether no host beyond a NAT64 can have @v4
 * @v4: an IPv4 address, as a source from the IPv6 network would carry it
 *
 * "This" network, loopback, link-local, multicast, class E and the limited
 * broadcast: no NAT64, whatever its prefix, represents a remote host by
 * one of these, and a device must not see them as a source from outside
 * (its own loopback, a link-local neighbour, a group). Private and shared
 * addresses are not here: a network-specific prefix may represent them
 * (RFC 6052 section 3.1).
 */
bool v4v6_addr_martian(__be32 v4)
{
	return v4v6_in_blocks(v4, v4v6_martians, ARRAY_SIZE(v4v6_martians));
}
