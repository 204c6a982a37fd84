// SPDX-License-Identifier: GPL-2.0
/*
 * Building and printing JSON with json-c.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "jsonout.h"
#include "v4v6ctl.h"

bool json_add(struct json_object *obj, const char *key,
	      struct json_object *val, bool null_ok)
{
	if ((!val && !null_ok) || json_object_object_add(obj, key, val)) {
		json_object_put(val);
		return false;
	}
	return true;
}

bool json_add_str(struct json_object *obj, const char *key, const char *s)
{
	return json_add(obj, key, json_object_new_string(s), false);
}

bool json_add_str_or_null(struct json_object *obj, const char *key,
			  const char *s)
{
	return *s ? json_add_str(obj, key, s) : json_add(obj, key, NULL, true);
}

bool json_add_u64(struct json_object *obj, const char *key, uint64_t v)
{
	return json_add(obj, key, json_object_new_uint64(v), false);
}

bool json_add_bool(struct json_object *obj, const char *key, bool b)
{
	return json_add(obj, key, json_object_new_boolean(b), false);
}

bool json_append(struct json_object *arr, struct json_object *val)
{
	if (!val || json_object_array_add(arr, val)) {
		json_object_put(val);
		return false;
	}
	return true;
}

int json_print(struct json_object *obj)
{
	const char *s = NULL;

	if (obj)
		s = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN |
						   JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s)
		puts(s);
	else
		fprintf(stderr, PROG ": cannot build JSON: %s\n",
			strerror(ENOMEM));
	json_object_put(obj);
	return s ? EXIT_OK : EXIT_FAIL;
}
