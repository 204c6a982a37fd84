/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The names v4v6ctl gives the numbers of the protocol: counters, device
 * states, policies for unknown sources and inbound traffic, protocols of
 * allow rules. Pure functions, no I/O.
 */
#ifndef V4V6CTL_NAMES_H
#define V4V6CTL_NAMES_H

#include <stdbool.h>

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

#endif /* V4V6CTL_NAMES_H */
