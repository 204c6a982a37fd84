// SPDX-License-Identifier: GPL-2.0
/*
 * The names v4v6ctl gives the numbers of the protocol, the lookup of
 * keywords, the idle time as shown.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <linux/v4v6.h>

#include "names.h"
#include "v4v6ctl.h"

static const struct {
	const char *name;	/* enum v4v6_stat, lowercased, no prefix */
	bool drop;		/* counts packets dropped */
} stats[] = {
	[V4V6_STAT_XLAT_4TO6] = { "xlat_4to6", false },
	[V4V6_STAT_XLAT_6TO4] = { "xlat_6to4", false },
	/* Dropped or passed on, as the configuration says. */
	[V4V6_STAT_UNKNOWN_SOURCE] = { "unknown_source", false },
	[V4V6_STAT_SPOOFED] = { "spoofed", true },
	[V4V6_STAT_NO_ROUTE] = { "no_route", true },
	[V4V6_STAT_TOO_BIG_LAN] = { "too_big_lan", true },
	[V4V6_STAT_FRAGMENTED] = { "fragmented", false },
	[V4V6_STAT_TRUNCATED] = { "truncated", true },
	[V4V6_STAT_BAD_HEADER] = { "bad_header", true },
	[V4V6_STAT_NOMEM] = { "nomem", true },
	[V4V6_STAT_TTL] = { "ttl", true },
	[V4V6_STAT_NOT_MAPPED] = { "not_mapped", true },
	[V4V6_STAT_NOT_GLOBAL] = { "not_global", true },
	[V4V6_STAT_UDP_ZERO_CSUM_FRAG] = { "udp_zero_csum_frag", true },
	[V4V6_STAT_ICMP_FRAG] = { "icmp_frag", true },
	[V4V6_STAT_ICMP_TYPE] = { "icmp_type", true },
	[V4V6_STAT_EXT_HEADER] = { "ext_header", true },
	[V4V6_STAT_ROUTING] = { "routing", true },
	[V4V6_STAT_TOO_BIG] = { "too_big", true },
	[V4V6_STAT_ICMP_CSUM] = { "icmp_csum", true },
	[V4V6_STAT_FRAG_NEEDED] = { "frag_needed", true },
	/* Events, not packets. */
	[V4V6_STAT_EVENTS_SUPPRESSED] = { "events_suppressed", false },
	[V4V6_STAT_SOURCE_ROUTE] = { "source_route", true },
	/* GRO packets cut into their segments, which are counted on. */
	[V4V6_STAT_GSO_SEGMENTED] = { "gso_segmented", false },
	[V4V6_STAT_GSO_FAILED] = { "gso_failed", true },
	[V4V6_STAT_MARTIAN] = { "martian", true },
	[V4V6_STAT_IDENTITY_GONE] = { "identity_gone", true },
	/* Interfaces, not packets. */
	[V4V6_STAT_LINK_GONE] = { "link_gone", false },
	[V4V6_STAT_INBOUND_UNSOLICITED] = { "inbound_unsolicited", true },
};

_Static_assert(ARRAY_SIZE(stats) == __V4V6_STAT_MAX,
	       "a name for every counter of enum v4v6_stat");

static const char *const dev_states[] = {
	[V4V6_DEV_STATE_ACTIVE] = "active",
	[V4V6_DEV_STATE_INACTIVE] = "inactive",
};

_Static_assert(ARRAY_SIZE(dev_states) == __V4V6_DEV_STATE_MAX,
	       "a name for every state of enum v4v6_dev_state");

static const char *const unknown_policies[] = {
	[V4V6_UNKNOWN_PASS] = "pass",
	[V4V6_UNKNOWN_DROP] = "drop",
};

_Static_assert(ARRAY_SIZE(unknown_policies) == __V4V6_UNKNOWN_MAX,
	       "a name for every policy of enum v4v6_unknown_policy");

static const char *const inbound_policies[] = {
	[V4V6_INBOUND_REPLIES] = "replies",
	[V4V6_INBOUND_ALL] = "all",
};

_Static_assert(ARRAY_SIZE(inbound_policies) == __V4V6_INBOUND_MAX,
	       "a name for every policy of enum v4v6_inbound_policy");

const char *stat_name(unsigned int type)
{
	return type < ARRAY_SIZE(stats) ? stats[type].name : NULL;
}

bool stat_is_drop(unsigned int type)
{
	return type < ARRAY_SIZE(stats) && stats[type].drop;
}

const char *dev_state_name(unsigned int state)
{
	return state < ARRAY_SIZE(dev_states) ? dev_states[state] : NULL;
}

int dev_state_lookup(const char *s)
{
	/* Past V4V6_DEV_STATE_UNSPEC, which has no name. */
	int i = keyword_lookup(s, &dev_states[1], ARRAY_SIZE(dev_states) - 1,
			       sizeof(dev_states[0]));

	return i < 0 ? i : i + 1;
}

const char *unknown_policy_name(unsigned int policy)
{
	return policy < ARRAY_SIZE(unknown_policies) ?
	       unknown_policies[policy] : NULL;
}

int unknown_policy_lookup(const char *s)
{
	return keyword_lookup(s, unknown_policies, ARRAY_SIZE(unknown_policies),
			      sizeof(unknown_policies[0]));
}

const char *inbound_policy_name(unsigned int policy)
{
	return policy < ARRAY_SIZE(inbound_policies) ?
	       inbound_policies[policy] : NULL;
}

int inbound_policy_lookup(const char *s)
{
	return keyword_lookup(s, inbound_policies, ARRAY_SIZE(inbound_policies),
			      sizeof(inbound_policies[0]));
}

const char *name_or_num(const char *name, unsigned int v,
			char buf[NUM_BUFSIZE])
{
	if (name)
		return name;
	snprintf(buf, NUM_BUFSIZE, "%u", v);
	return buf;
}

int keyword_lookup(const char *arg, const char *const *words, size_t n,
		   size_t stride)
{
	size_t arglen = strlen(arg), i;
	int found = KEYWORD_UNKNOWN;

	if (arglen == 0)
		return KEYWORD_UNKNOWN;
	for (i = 0; i < n; i++) {
		const char *w = *(const char *const *)
				((const char *)words + i * stride);

		if (!strcmp(arg, w))
			return (int)i;
		if (!strncmp(arg, w, arglen))
			found = found == KEYWORD_UNKNOWN ? (int)i :
				KEYWORD_AMBIGUOUS;
	}
	return found;
}

void format_idle(uint64_t ms, char *buf, size_t size)
{
	snprintf(buf, size, "%" PRIu64 ".%" PRIu64 "s", ms / 1000,
		 ms % 1000 / 100);
}
