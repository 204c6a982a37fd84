// SPDX-License-Identifier: GPL-2.0
/*
 * Router Advertisements (RFC 4861 section 4.2) with the PREF64 option
 * (RFC 8781), Router Solicitations (RFC 4861 section 4.1), and the NAT64
 * prefix of RFC 7050 found in the AAAA records of ipv4only.arpa.
 *
 * ra_parse() reads untrusted bytes: every read is bounds-checked. What it
 * leaves to the caller, who has the packet's metadata (RFC 4861 section
 * 6.1.2): checking that the hop limit is 255, that the source is a
 * link-local address, and the checksum (the kernel verifies it on raw
 * ICMPv6 sockets).
 */
#include <string.h>

#include "ra.h"

#define ICMP6_RS		133
#define ICMP6_RA		134

#define RA_HDR_LEN		16	/* ICMPv6 header + RA fields */
#define RS_HDR_LEN		8	/* ICMPv6 header + reserved */
#define RA_F_MANAGED		0x80
#define RA_F_OTHER		0x40

#define OPT_SLLA		1
#define OPT_PREFIX_INFO		3
#define OPT_MTU			5
#define OPT_PREF64		38

#define PIO_LEN			4	/* in units of 8 bytes */
#define PIO_F_ONLINK		0x80
#define PIO_F_AUTONOMOUS	0x40
#define MTU_OPT_LEN		1
#define PREF64_OPT_LEN		2
#define IPV6_MIN_MTU		1280

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Clear the bits of @addr past the first @len (at most 128). */
static void clear_past(struct in6_addr *addr, unsigned int len)
{
	unsigned int i, keep;

	for (i = 0; i < 16; i++) {
		keep = len > 8 * i ? len - 8 * i : 0;	/* bits of byte i */
		if (keep < 8)
			addr->s6_addr[i] &= (uint8_t)(0xff00 >> keep);
	}
}

/* Whether @prefix/@len lies within fe80::/10. */
static bool is_link_local(const struct in6_addr *prefix, unsigned int len)
{
	return len >= 10 && prefix->s6_addr[0] == 0xfe &&
	       (prefix->s6_addr[1] & 0xc0) == 0x80;
}

/**
 * parse_prefix_info() - a Prefix Information option (RFC 4861 section 4.6.2)
 * @opt: the option, PIO_LEN * 8 bytes
 * @ra: where to add it
 *
 * Ignored, as RFC 4862 section 5.5.3 says for address autoconfiguration
 * (what v4v6d uses the prefixes for): a prefix length over 128, a
 * link-local prefix (within fe80::/10, once the bits past the length are
 * cleared), and a preferred lifetime longer than the valid one. The A and
 * L flags are left to the caller.
 */
static void parse_prefix_info(const uint8_t *opt, struct ra_info *ra)
{
	struct ra_prefix *p;
	struct in6_addr prefix;
	uint8_t len = opt[2];
	uint32_t valid = get32(opt + 4), preferred = get32(opt + 8);

	if (len > 128 || preferred > valid)
		return;
	memcpy(&prefix, opt + 16, sizeof(prefix));
	clear_past(&prefix, len);
	if (is_link_local(&prefix, len))
		return;
	if (ra->n_prefixes >= RA_MAX_PREFIXES) {
		ra->n_prefixes_dropped++;
		return;
	}
	p = &ra->prefixes[ra->n_prefixes++];
	p->prefix = prefix;
	p->len = len;
	p->onlink = opt[3] & PIO_F_ONLINK;
	p->autonomous = opt[3] & PIO_F_AUTONOMOUS;
	p->valid = valid;
	p->preferred = preferred;
}

/*
 * The MTU option (RFC 4861 section 4.6.4): the first one counts. A value
 * below the IPv6 minimum is ignored, as RFC 4861 section 6.3.4 says.
 */
static void parse_mtu(const uint8_t *opt, struct ra_info *ra)
{
	uint32_t mtu = get32(opt + 4);

	if (!ra->mtu && mtu >= IPV6_MIN_MTU)
		ra->mtu = mtu;
}

/*
 * The prefix length of a PREF64 Prefix Length Code (RFC 8781 section 4),
 * 0 for a code it does not define.
 */
static uint8_t pref64_plc_len(unsigned int plc)
{
	static const uint8_t lens[] = { 96, 64, 56, 48, 40, 32 };

	return plc < sizeof(lens) ? lens[plc] : 0;
}

/*
 * The PREF64 option (RFC 8781 section 4): the first valid one counts, one
 * with an undefined PLC is ignored. Its lifetime is in units of 8 seconds.
 */
static void parse_pref64(const uint8_t *opt, struct ra_info *ra)
{
	uint16_t lt_plc = get16(opt + 2);
	uint8_t len = pref64_plc_len(lt_plc & 7);
	struct in6_addr prefix;

	if (ra->has_pref64 || !len)
		return;
	memset(&prefix, 0, sizeof(prefix));
	memcpy(&prefix, opt + 4, 12);
	clear_past(&prefix, len);
	ra->has_pref64 = true;
	ra->pref64 = prefix;
	ra->pref64_len = len;
	ra->pref64_lifetime = (uint32_t)(lt_plc >> 3) * 8;
}

/* One option of @olen units at @opt: those of the wrong length are skipped. */
static void parse_option(const uint8_t *opt, unsigned int olen,
			 struct ra_info *ra)
{
	switch (opt[0]) {
	case OPT_PREFIX_INFO:
		if (olen == PIO_LEN)
			parse_prefix_info(opt, ra);
		break;
	case OPT_MTU:
		if (olen == MTU_OPT_LEN)
			parse_mtu(opt, ra);
		break;
	case OPT_PREF64:
		if (olen == PREF64_OPT_LEN)
			parse_pref64(opt, ra);
		break;
	default:
		break;	/* RFC 4861 section 4.6: ignore the unknown */
	}
}

int ra_parse(const uint8_t *buf, size_t len, struct ra_info *ra,
	     const char **why)
{
	size_t off, olen;

	memset(ra, 0, sizeof(*ra));
	if (len < RA_HDR_LEN) {
		*why = "shorter than a Router Advertisement";
		return -1;
	}
	if (buf[0] != ICMP6_RA || buf[1] != 0) {
		*why = "not a Router Advertisement (ICMPv6 type 134 code 0)";
		return -1;
	}
	for (off = RA_HDR_LEN; off < len; off += olen) {
		if (len - off < 2) {
			*why = "an option is truncated";
			goto fail;
		}
		olen = (size_t)buf[off + 1] * 8;
		if (!olen) {
			*why = "an option has length 0";
			goto fail;
		}
		if (olen > len - off) {
			*why = "an option runs past the end";
			goto fail;
		}
		parse_option(buf + off, buf[off + 1], ra);
	}
	ra->managed = buf[5] & RA_F_MANAGED;
	ra->other = buf[5] & RA_F_OTHER;
	ra->router_lifetime = get16(buf + 6);
	return 0;
fail:
	memset(ra, 0, sizeof(*ra));
	return -1;
}

size_t ra_build_rs(uint8_t *buf, size_t size, const uint8_t mac[6])
{
	const size_t len = RS_HDR_LEN + 8;

	if (size < len)
		return 0;
	memset(buf, 0, len);
	buf[0] = ICMP6_RS;	/* code, checksum and reserved: 0 */
	buf[RS_HDR_LEN] = OPT_SLLA;
	buf[RS_HDR_LEN + 1] = 1;
	memcpy(buf + RS_HDR_LEN + 2, mac, 6);
	return len;
}

/**
 * embedded_ipv4() - the IPv4 address at the RFC 6052 position for @len
 * @a: an IPv6 address
 * @len: 32, 40, 48, 56, 64 or 96
 * @v4: the four bytes
 *
 * RFC 6052 section 2.2: the IPv4 address follows the prefix, skipping
 * bits 64..71 (the "u" octet). Those must be zero for every length (for
 * /96 they are part of the prefix, and a prefix with them set is one the
 * kernel refuses): returns false when they are not.
 */
static bool embedded_ipv4(const struct in6_addr *a, unsigned int len,
			  uint8_t v4[4])
{
	unsigned int pos = len / 8, i;

	if (a->s6_addr[8])
		return false;
	for (i = 0; i < 4; i++, pos++) {
		if (pos == 8)
			pos++;
		v4[i] = a->s6_addr[pos];
	}
	return true;
}

/*
 * RFC 7050 section 3: the Well-Known IPv4-only Addresses 192.0.0.170 and
 * 192.0.0.171, tried at each RFC 6052 position of each address in turn.
 */
int pref64_from_aaaa(const struct in6_addr *addrs, size_t n,
		     struct in6_addr *prefix, uint8_t *len)
{
	static const uint8_t lens[] = { 96, 64, 56, 48, 40, 32 };
	uint8_t v4[4];
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < sizeof(lens); j++) {
			if (!embedded_ipv4(&addrs[i], lens[j], v4) ||
			    v4[0] != 192 || v4[1] != 0 || v4[2] != 0 ||
			    (v4[3] != 170 && v4[3] != 171))
				continue;
			*prefix = addrs[i];
			clear_past(prefix, lens[j]);
			*len = lens[j];
			return 0;
		}
	}
	return -1;
}
