/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The names v4v6ctl gives the numbers of the protocol: counters, device
 * states, policies for unknown sources and inbound traffic, protocols of
 * allow rules; keywords looked up; times formatted. Pure functions, no I/O.
 */
#ifndef V4V6CTL_NAMES_H
#define V4V6CTL_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The name of the counter @type of enum v4v6_stat, e.g. "xlat_4to6", or NULL
 * for one this v4v6ctl does not know.
 */
const char *stat_name(unsigned int type);

/* Whether the counter @type counts packets that were dropped. */
bool stat_is_drop(unsigned int type);

/* "active" or "inactive" for enum v4v6_dev_state, else NULL. */
const char *dev_state_name(unsigned int state);

/* The state that @s names or abbreviates, or a KEYWORD_* error. */
int dev_state_lookup(const char *s);

/* "pass" or "drop" for enum v4v6_unknown_policy, else NULL. */
const char *unknown_policy_name(unsigned int policy);

/* The policy that @s names or abbreviates, or a KEYWORD_* error. */
int unknown_policy_lookup(const char *s);

/* "replies" or "all" for enum v4v6_inbound_policy, else NULL. */
const char *inbound_policy_name(unsigned int policy);

/* The policy that @s names or abbreviates, or a KEYWORD_* error. */
int inbound_policy_lookup(const char *s);

/* @name, or @v in decimal in @buf when @name is NULL: a number unnamed. */
#define NUM_BUFSIZE 12
const char *name_or_num(const char *name, unsigned int v,
			char buf[NUM_BUFSIZE]);

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

/* Write milliseconds @ms as seconds with one decimal, e.g. "1.2s". */
void format_idle(uint64_t ms, char *buf, size_t size);

#endif /* V4V6CTL_NAMES_H */
