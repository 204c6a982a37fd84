// SPDX-License-Identifier: GPL-2.0
/*
 * IPv4-embedded IPv6 addresses (RFC 6052 section 2).
 *
 * The IPv4 address follows the prefix, skipping bits 64..71 (the "u" octet,
 * kept zero for compatibility with RFC 4291 interface identifiers); the
 * suffix after it is zero.
 */
#include <linux/string.h>

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
