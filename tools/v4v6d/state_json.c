// SPDX-License-Identifier: GPL-2.0
/*
 * The state file's JSON text from a struct state (the layout is described
 * in lib/state.c, which reads it), and the comparison the round-trip tests
 * and the fuzz target use.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "state_write.h"

static bool add(struct json_object *obj, const char *key,
		struct json_object *val)
{
	if (!val || json_object_object_add(obj, key, val)) {
		json_object_put(val);
		return false;
	}
	return true;
}

static bool add_str(struct json_object *obj, const char *key, const char *s)
{
	return add(obj, key, json_object_new_string(s));
}

static bool add_int(struct json_object *obj, const char *key, int64_t v)
{
	return add(obj, key, json_object_new_int64(v));
}

static bool add_addr(struct json_object *obj, const char *key, int family,
		     const void *addr)
{
	char s[INET6_ADDRSTRLEN];

	return inet_ntop(family, addr, s, sizeof(s)) && add_str(obj, key, s);
}

static struct json_object *lease_json(const struct state_dev *d)
{
	const struct dhcp6_lease *l = &d->lease;
	struct json_object *obj = json_object_new_object();
	char duid[STATE_DUID_HEXLEN];

	state_duid_hex(l, duid);
	if (!obj || !add_addr(obj, "address", AF_INET6, &l->addr) ||
	    !add_int(obj, "iaid", l->iaid) || !add_int(obj, "t1", l->t1) ||
	    !add_int(obj, "t2", l->t2) ||
	    !add_int(obj, "preferred", l->preferred) ||
	    !add_int(obj, "valid", l->valid) ||
	    !add_int(obj, "start", d->lease_start) ||
	    !add_str(obj, "server_duid", duid)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static struct json_object *dev_json(const struct state_dev *d)
{
	struct json_object *obj = json_object_new_object();
	const char *mode = state_mode_name(d->mode);
	char mac[18];

	snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		 d->mac[0], d->mac[1], d->mac[2], d->mac[3], d->mac[4],
		 d->mac[5]);
	if (!obj || !mode || !add_str(obj, "mac", mac) ||
	    !add_addr(obj, "ipv4", AF_INET, &d->ipv4) ||
	    !add(obj, "static", json_object_new_boolean(d->is_static)) ||
	    !add(obj, "inactive", json_object_new_boolean(d->inactive)) ||
	    !add_str(obj, "mode", mode) ||
	    (d->has_ipv6 && !add_addr(obj, "ipv6", AF_INET6, &d->ipv6)) ||
	    !add_int(obj, "last_seen", d->last_seen) ||
	    (d->dhcp6_state[0] && memchr(d->dhcp6_state, 0,
					  sizeof(d->dhcp6_state)) &&
	     !add_str(obj, "dhcp6_state", d->dhcp6_state)) ||
	    (d->has_lease && !add(obj, "lease", lease_json(d)))) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static struct json_object *state_json(const struct state *st)
{
	struct json_object *root = json_object_new_object(), *arr;
	char pref[INET6_ADDRSTRLEN + 4];
	size_t i;

	if (!root || !add_int(root, "version", STATE_VERSION))
		goto fail;
	if (st->has_pref64) {
		if (!inet_ntop(AF_INET6, &st->pref64, pref, sizeof(pref)))
			goto fail;
		snprintf(pref + strlen(pref), sizeof(pref) - strlen(pref),
			 "/%u", st->pref64_len);
		if (!add_str(root, "pref64", pref))
			goto fail;
	}
	arr = json_object_new_array_ext((int)(st->n ? st->n : 1));
	if (!add(root, "devices", arr))
		goto fail;
	for (i = 0; i < st->n; i++) {
		struct json_object *d = dev_json(&st->devs[i]);

		if (!d || json_object_array_add(arr, d)) {
			json_object_put(d);
			goto fail;
		}
	}
	return root;
fail:
	json_object_put(root);
	return NULL;
}

char *state_format(const struct state *st)
{
	const int flags = JSON_C_TO_STRING_PRETTY |
			  JSON_C_TO_STRING_NOSLASHESCAPE;
	struct json_object *root = state_json(st);
	const char *s = NULL;
	char *text = NULL;

	if (root)
		s = json_object_to_json_string_ext(root, flags);
	if (s && asprintf(&text, "%s\n", s) < 0)
		text = NULL;
	json_object_put(root);
	return text;
}

static bool lease_equal(const struct state_dev *x, const struct state_dev *y)
{
	const struct dhcp6_lease *a = &x->lease, *b = &y->lease;

	return x->lease_start == y->lease_start &&
	       !memcmp(&a->addr, &b->addr, sizeof(a->addr)) &&
	       a->iaid == b->iaid && a->t1 == b->t1 && a->t2 == b->t2 &&
	       a->preferred == b->preferred && a->valid == b->valid &&
	       a->server_duid_len == b->server_duid_len &&
	       a->server_duid_len <= DHCP6_DUID_MAX &&
	       !memcmp(a->server_duid, b->server_duid, a->server_duid_len);
}

static bool dev_equal(const struct state_dev *a, const struct state_dev *b)
{
	return !memcmp(a->mac, b->mac, sizeof(a->mac)) &&
	       a->ipv4.s_addr == b->ipv4.s_addr &&
	       a->is_static == b->is_static && a->inactive == b->inactive &&
	       a->mode == b->mode && a->has_ipv6 == b->has_ipv6 &&
	       (!a->has_ipv6 || !memcmp(&a->ipv6, &b->ipv6, sizeof(a->ipv6))) &&
	       a->last_seen == b->last_seen &&
	       !strncmp(a->dhcp6_state, b->dhcp6_state,
			sizeof(a->dhcp6_state)) &&
	       a->has_lease == b->has_lease &&
	       (!a->has_lease || lease_equal(a, b));
}

bool state_equal(const struct state *a, const struct state *b)
{
	size_t i;

	if (a->has_pref64 != b->has_pref64 || a->n != b->n ||
	    (a->has_pref64 && (a->pref64_len != b->pref64_len ||
			       memcmp(&a->pref64, &b->pref64,
				      sizeof(a->pref64)))))
		return false;
	for (i = 0; i < a->n; i++)
		if (!dev_equal(&a->devs[i], &b->devs[i]))
			return false;
	return true;
}
