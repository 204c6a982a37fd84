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
 * state_equal(): whether @a and @b would be saved alike (what is not
 * saved, such as @lease.start_ms, or @ipv6 without @has_ipv6, is ignored).
 */
bool state_equal(const struct state *a, const struct state *b);

#endif /* V4V6D_STATE_WRITE_H */
