/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Building and printing JSON with json-c. Every json_add*() takes the value
 * it is given: on failure (no memory) it frees it and returns false, so that
 * a chain of them stops at the first.
 */
#ifndef V4V6CTL_JSONOUT_H
#define V4V6CTL_JSONOUT_H

#include <stdbool.h>
#include <stdint.h>

#include <json-c/json.h>

/* Add @val to @obj as @key. NULL is JSON null when @null_ok, else a failure. */
bool json_add(struct json_object *obj, const char *key,
	      struct json_object *val, bool null_ok);

bool json_add_str(struct json_object *obj, const char *key, const char *s);
/* @s, or null if it is empty. */
bool json_add_str_or_null(struct json_object *obj, const char *key,
			  const char *s);
bool json_add_u64(struct json_object *obj, const char *key, uint64_t v);
bool json_add_bool(struct json_object *obj, const char *key, bool b);

/* Append @val to the array @arr; on failure free @val. */
bool json_append(struct json_object *arr, struct json_object *val);

/*
 * Print @obj (which may be NULL after a failure to build it) on one line of
 * stdout and free it: EXIT_OK, or EXIT_FAIL after saying why not.
 */
int json_print(struct json_object *obj);

#endif /* V4V6CTL_JSONOUT_H */
