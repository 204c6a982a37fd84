// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: ra_parse() on arbitrary bytes, with checks of what it
 * claims of its result; pref64_from_aaaa() on the same bytes taken as AAAA
 * records; ra_build_rs() into a buffer of a size the input chooses. An RA
 * that parses is applied to a ra_state (from a router and at a time the
 * input chooses), which is then expired, and checked both times.
 */
#include <stdlib.h>
#include <string.h>

#include "ra.h"

/* Whether the bits of @a past @len are all clear. */
static bool clear_past(const struct in6_addr *a, unsigned int len)
{
	unsigned int i;

	for (i = len; i < 128; i++)
		if (a->s6_addr[i / 8] & (0x80 >> (i % 8)))
			return false;
	return true;
}

static bool pref64_len_ok(unsigned int len)
{
	return len == 32 || len == 40 || len == 48 || len == 56 ||
	       len == 64 || len == 96;
}

static void check_ra(const struct ra_info *ra)
{
	unsigned int i;

	if (ra->n_prefixes > RA_MAX_PREFIXES ||
	    (ra->n_prefixes_dropped && ra->n_prefixes != RA_MAX_PREFIXES))
		abort();
	for (i = 0; i < ra->n_prefixes; i++) {
		const struct ra_prefix *p = &ra->prefixes[i];

		if (p->len > 128 || !clear_past(&p->prefix, p->len) ||
		    p->preferred > p->valid ||
		    (p->len >= 10 && p->prefix.s6_addr[0] == 0xfe &&
		     (p->prefix.s6_addr[1] & 0xc0) == 0x80))
			abort();
	}
	if (ra->mtu && ra->mtu < 1280)
		abort();
	if (ra->has_pref64 &&
	    (!pref64_len_ok(ra->pref64_len) ||
	     !clear_past(&ra->pref64, ra->pref64_len) ||
	     ra->pref64_lifetime % 8 || ra->pref64_lifetime > 0x1fff * 8))
		abort();
}

static void fuzz_aaaa(const uint8_t *data, size_t size)
{
	size_t n = size / sizeof(struct in6_addr);
	struct in6_addr *addrs, prefix;
	uint8_t len;

	addrs = malloc(n ? n * sizeof(*addrs) : 1);
	if (!addrs)
		return;
	memcpy(addrs, data, n * sizeof(*addrs));
	if (!pref64_from_aaaa(addrs, n, &prefix, &len) &&
	    (!pref64_len_ok(len) || !clear_past(&prefix, len) ||
	     prefix.s6_addr[8]))
		abort();
	free(addrs);
}

static void check_timed(const struct ra_timed *t)
{
	if (t->preferred_end_ms > t->valid_end_ms || t->len > 128)
		abort();
}

static void check_state(const struct ra_state *s)
{
	unsigned int i;

	if (s->n_routers > RA_MAX_ROUTERS || s->n_onlink > RA_MAX_PREFIXES ||
	    (s->have_slaac_next && !s->have_slaac) ||
	    (s->have_slaac && s->slaac.len != 64) ||
	    (s->have_slaac && s->slaac.preferred_end_ms > s->slaac.valid_end_ms))
		abort();
	for (i = 0; i < s->n_onlink; i++)
		check_timed(&s->onlink[i]);
	for (i = 0; i < s->n_routers; i++)
		if (!s->routers[i].end_ms)
			abort();
}

/*
 * fuzz_state(): @ra from a router of the input's last byte, at a time of
 * its first two, applied to a state kept from one input to the next (as the
 * daemon keeps it), then expired at a later time.
 */
static void fuzz_state(const struct ra_info *ra, const uint8_t *data,
		       size_t size)
{
	static struct ra_state s;
	static uint64_t now = 1000;
	struct in6_addr from = { { { 0xfe, 0x80 } } };

	from.s6_addr[15] = data[size - 1] & 15;
	now += (uint64_t)(data[0] << 8 | data[1]) * 1000;
	ra_state_update(&s, &from, ra, now);
	check_state(&s);
	ra_state_expire(&s, now + (uint64_t)data[2] * 60000);
	check_state(&s);
}

/* An RS into a buffer of exactly @size bytes: 16 fit, fewer do not. */
static void fuzz_rs(const uint8_t mac[6], size_t size)
{
	uint8_t *rs = malloc(size ? size : 1);

	if (!rs)
		return;
	if (ra_build_rs(rs, size, mac) != (size >= 16 ? 16 : 0))
		abort();
	free(rs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A copy of its exact size, so that ASan sees any overread. */
	uint8_t *buf = malloc(size ? size : 1);
	const char *why = NULL;
	struct ra_info ra;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (!ra_parse(buf, size, &ra, &why)) {
		check_ra(&ra);
		fuzz_state(&ra, data, size);
	} else if (!why)
		abort();
	free(buf);

	fuzz_aaaa(data, size);

	if (size >= 6)
		fuzz_rs(data, size % 24);
	return 0;
}
