/* SPDX-License-Identifier: GPL-2.0 */
/*
 * v4v6d's writing of the state file (state_json.c, state_file.c): the JSON
 * text, written atomically with the previous version kept as PATH.bak. The
 * layout, its rules and the reader are the tools library's (lib/state.h).
 */
#ifndef V4V6D_STATE_WRITE_H
#define V4V6D_STATE_WRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "state.h"

/**
 * struct state_src - devices to write, one at a time
 * @next: puts the next device in @d and returns 1; 0 when there are no
 *	more; -1 on an error (the write fails)
 * @ctx: @next's first argument
 */
struct state_src {
	int (*next)(void *ctx, struct state_dev *d);
	void *ctx;
};

/* struct state_array - where state_array_src() is in its array */
struct state_array {
	const struct state *st;
	size_t i;
};

/* state_array_src(): @st's devices as a source, its place kept in @a. */
struct state_src state_array_src(struct state_array *a,
				 const struct state *st);
/*
 * state_write_src(): @head's NAT64 prefix (its devices are ignored) and the
 * devices of @src as JSON text to @f, written as they come. Returns 0, or
 * -1 on an error of @f's or @src's, or a field that cannot be written.
 */
int state_write_src(FILE *f, const struct state *head,
		    const struct state_src *src);
/*
 * state_write(): @st as JSON text to @f, written as it goes (never the whole
 * text or a document in memory). Returns 0, or -1 on an error of @f's or a
 * field that cannot be written.
 */
int state_write(FILE *f, const struct state *st);
/* state_format(): @st as JSON text (malloc'd), NULL when out of memory. */
char *state_format(const struct state *st);
/*
 * state_save(): write @st to @path: a temporary file in the same
 * directory, fsync, the current @path hard-linked to @path.bak, then the
 * temporary renamed over @path. Returns 0 or -1 with @err set.
 */
int state_save(const char *path, const struct state *st, char *err,
	       size_t errlen);
/*
 * state_save_src(): state_save() of @head's NAT64 prefix and @src's
 * devices, never a whole table in memory, without what state_validate()
 * would refuse: a device it refuses, one with the MAC or IPv4 address of
 * one before it, devices past STATE_MAX_DEVICES, a bad NAT64 prefix. One
 * bad entry never stops every save. *@dropped counts the devices left out;
 * @err says why the first thing was left out ("" when nothing was).
 * Returns 0, or -1 with @err set when nothing was saved.
 */
int state_save_src(const char *path, const struct state *head,
		   const struct state_src *src, size_t *dropped, char *err,
		   size_t errlen);
/*
 * state_equal(): whether @a and @b would be saved alike (what is not
 * saved, such as @lease.start_ms, or @ipv6 without @has_ipv6, is ignored).
 */
bool state_equal(const struct state *a, const struct state *b);

#endif /* V4V6D_STATE_WRITE_H */
