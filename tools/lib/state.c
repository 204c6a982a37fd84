// SPDX-License-Identifier: GPL-2.0
/*
 * v4v6d's state file: the device table and the leases, as JSON (json-c).
 *
 * The layout (version 1), which v4v6ctl reads too; keep it stable, and
 * change "version" for anything an older reader would misread:
 *
 *   {
 *     "version": 1,
 *     "pref64": "64:ff9b::/96",                 (optional)
 *     "devices": [
 *       {
 *         "mac": "02:00:00:00:00:0a",
 *         "ipv4": "192.168.1.10",
 *         "static": false,
 *         "inactive": false,
 *         "mode": "dhcpv6",                      ("slaac", "fixed")
 *         "ipv6": "2001:db8::1",                 (optional)
 *         "last_seen": 1790000000,               (Unix time, seconds;
 *                                                 optional, 0: unknown)
 *         "dhcp6_state": "bound",                (optional)
 *         "lease": {                             (optional)
 *           "address": "2001:db8::1",
 *           "iaid": 1,
 *           "t1": 1800, "t2": 2880,
 *           "preferred": 3600, "valid": 7200,   (4294967295: infinity)
 *           "start": 1790000000,                 (Unix time, seconds)
 *           "server_duid": "000300010200000000fe"   (hex, 1..130 bytes)
 *         }
 *       }
 *     ]
 *   }
 *
 * The file is read as untrusted text (it may be truncated, or edited by
 * hand), and strictly: JSON syntax (json-c's strict mode, UTF-8 checked,
 * nothing but white space after the object), every member of the right
 * type, the numbers in range (iaid, t1, t2, preferred and valid 0 to
 * 0xffffffff; times 0 to 2^53 - 1, which every JSON reader holds exactly),
 * the addresses valid (a device's MAC neither multicast nor all zeros:
 * mac_check()), the NAT64 prefix one the kernel takes (pref64_check(),
 * parse.h, as for the configuration and v4v6ctl), each MAC and each IPv4 address at
 * most once, at most STATE_MAX_DEVICES devices. The first problem found is
 * reported, naming where it is, as in:
 *   devices[3].ipv4: "300.1.2.3" is not an IPv4 address
 * Relations between values (T1 <= T2, preferred <= valid, a lease only in
 * mode dhcpv6) are not checked: a lease is saved as it was granted, and
 * one odd lease must not make the whole file unloadable; v4v6d decides
 * what to restore.
 *
 * Members this version does not know are ignored, so that a file written
 * by a newer v4v6d that only adds members still loads.
 *
 * A file in the writer's outline is read one device at a time, never as
 * one document of json-c objects (some ten times the text's size): see
 * parse_split().
 *
 * state_save() checks the same rules before it writes anything, so that a
 * state that would not load never replaces a good file (nor its .bak).
 *
 * The times of a lease are saved as they were granted with the wall-clock
 * time they began ("start"): the reader works out what is left.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "parse.h"
#include "state.h"

#define TIME_MAX	((INT64_C(1) << 53) - 1)
#define VALUE_SHOWN	64		/* of a bad value, in a message */
#define WHERE_SIZE	32		/* "devices[65535].lease" */

static const char *const mode_names[] = {
	[STATE_MODE_DHCPV6] = "dhcpv6",
	[STATE_MODE_SLAAC] = "slaac",
	[STATE_MODE_FIXED] = "fixed",
};

const char *state_mode_name(enum state_mode mode)
{
	if ((unsigned int)mode >= sizeof(mode_names) / sizeof(mode_names[0]))
		return NULL;
	return mode_names[mode];
}

void state_duid_hex(const struct dhcp6_lease *l, char hex[STATE_DUID_HEXLEN])
{
	size_t i;

	for (i = 0; i < l->server_duid_len && i < DHCP6_DUID_MAX; i++)
		snprintf(hex + 2 * i, 3, "%02x", l->server_duid[i]);
	hex[2 * i] = '\0';
}

/* Where an error is: the object being read, as in "devices[3].lease". */
struct ctx {
	char *err;
	size_t errlen;
	char where[WHERE_SIZE];
};

/* Report "@where.@field: ..." (or "@field: ..." at the top), return -1. */
__attribute__((format(printf, 3, 4)))
static int fail(struct ctx *c, const char *field, const char *fmt, ...)
{
	size_t n;
	va_list ap;
	int r;

	r = snprintf(c->err, c->errlen, "%s%s%s%s", c->where,
		     *c->where && *field ? "." : "", field,
		     *c->where || *field ? ": " : "");
	n = r < 0 ? 0 : (size_t)r;
	if (n < c->errlen) {
		va_start(ap, fmt);
		vsnprintf(c->err + n, c->errlen - n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/*
 * @s (of @len bytes) made fit for a message: at most VALUE_SHOWN
 * characters, those not printable ASCII as '?', "..." when cut.
 */
static const char *shown(const char *s, size_t len,
			 char buf[VALUE_SHOWN + 4])
{
	size_t i, n = len > VALUE_SHOWN ? VALUE_SHOWN : len;

	for (i = 0; i < n; i++)
		buf[i] = isprint((unsigned char)s[i]) ? s[i] : '?';
	strcpy(buf + n, len > n ? "..." : "");
	return buf;
}

/*
 * Member @key of @obj, of @type. Returns 0 with *@val set, 1 when it is
 * absent and @optional, else -1 after saying what is wrong.
 */
static int member(struct ctx *c, struct json_object *obj, const char *key,
		  enum json_type type, bool optional, struct json_object **val)
{
	static const char *const expected[] = {
		[json_type_boolean] = "true or false",
		[json_type_int] = "an integer",
		[json_type_object] = "an object",
		[json_type_array] = "an array",
		[json_type_string] = "a string",
	};

	if (!json_object_object_get_ex(obj, key, val))
		return optional ? 1 : fail(c, key, "missing");
	if (!json_object_is_type(*val, type))
		return fail(c, key, "expected %s", expected[type]);
	return 0;
}

/* A string member without NULs: as member(). */
static int str_member(struct ctx *c, struct json_object *obj,
		      const char *key, bool optional, const char **s,
		      size_t *len)
{
	struct json_object *val;
	int r = member(c, obj, key, json_type_string, optional, &val);

	if (r)
		return r;
	*s = json_object_get_string(val);
	*len = (size_t)json_object_get_string_len(val);
	if (strlen(*s) != *len)
		return fail(c, key, "contains a NUL character");
	return 0;
}

/* An integer member in @min..@max. */
static int int_member(struct ctx *c, struct json_object *obj,
		      const char *key, int64_t min, int64_t max, int64_t *v)
{
	struct json_object *val;
	int r = member(c, obj, key, json_type_int, false, &val);

	if (r)
		return r;
	*v = json_object_get_int64(val);
	/* json-c holds those past INT64_MAX as uint64, and clamps. */
	if (*v < min || *v > max ||
	    (*v >= 0 && json_object_get_uint64(val) != (uint64_t)*v))
		return fail(c, key, "%s is out of range (%" PRId64 " to %"
			    PRId64 ")", json_object_get_string(val), min, max);
	return 0;
}

static int u32_member(struct ctx *c, struct json_object *obj,
		      const char *key, uint32_t *v)
{
	int64_t v64;

	if (int_member(c, obj, key, 0, UINT32_MAX, &v64))
		return -1;
	*v = (uint32_t)v64;
	return 0;
}

static int bool_member(struct ctx *c, struct json_object *obj,
		       const char *key, bool *b)
{
	struct json_object *val;

	if (member(c, obj, key, json_type_boolean, false, &val))
		return -1;
	*b = json_object_get_boolean(val);
	return 0;
}

/* An address member of @family (AF_INET, AF_INET6). */
static int addr_member(struct ctx *c, struct json_object *obj,
		       const char *key, int family, bool optional, void *addr)
{
	char buf[VALUE_SHOWN + 4];
	const char *s;
	size_t len;
	int r = str_member(c, obj, key, optional, &s, &len);

	if (r)
		return r;
	if (inet_pton(family, s, addr) != 1)
		return fail(c, key, "\"%s\" is not an %s address",
			    shown(s, len, buf),
			    family == AF_INET ? "IPv4" : "IPv6");
	return 0;
}

static int hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* @len hex digits at @s into @out, or false. */
static bool parse_hex(const char *s, size_t len, uint8_t *out)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < len / 2; i++) {
		hi = hex_digit(s[2 * i]);
		lo = hex_digit(s[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

static int mac_member(struct ctx *c, struct json_object *obj,
		      uint8_t mac[MAC_LEN])
{
	char buf[VALUE_SHOWN + 4];
	const char *s;
	size_t len;

	if (str_member(c, obj, "mac", false, &s, &len))
		return -1;
	if (parse_mac_any(s, mac))
		return fail(c, "mac", "\"%s\" is not a MAC address (as in "
			    "02:00:00:00:00:0a)", shown(s, len, buf));
	return 0;
}

static int duid_member(struct ctx *c, struct json_object *obj,
		       struct dhcp6_lease *l)
{
	char buf[VALUE_SHOWN + 4];
	const char *s;
	size_t len;

	if (str_member(c, obj, "server_duid", false, &s, &len))
		return -1;
	if (len < 2 || len > 2 * DHCP6_DUID_MAX || len % 2 ||
	    !parse_hex(s, len, l->server_duid))
		return fail(c, "server_duid", "\"%s\" is not a DUID (1 to %d "
			    "bytes in hex)", shown(s, len, buf),
			    DHCP6_DUID_MAX);
	l->server_duid_len = (uint16_t)(len / 2);
	return 0;
}

static int mode_member(struct ctx *c, struct json_object *obj,
		       enum state_mode *mode)
{
	char buf[VALUE_SHOWN + 4];
	const char *s;
	size_t len;
	unsigned int m;

	if (str_member(c, obj, "mode", false, &s, &len))
		return -1;
	for (m = 0; m < sizeof(mode_names) / sizeof(mode_names[0]); m++) {
		if (!strcmp(s, mode_names[m])) {
			*mode = (enum state_mode)m;
			return 0;
		}
	}
	return fail(c, "mode", "\"%s\" is not dhcpv6, slaac or fixed",
		    shown(s, len, buf));
}

/* A DHCPv6 state's name as saved: 1 to 15 of [a-z0-9_-]. */
static bool dhcp6_state_ok(const char *s, size_t len)
{
	size_t i;

	if (!len || len >= sizeof(((struct state_dev *)0)->dhcp6_state))
		return false;
	for (i = 0; i < len; i++)
		if (!islower((unsigned char)s[i]) &&
		    !isdigit((unsigned char)s[i]) && s[i] != '_' &&
		    s[i] != '-')
			return false;
	return true;
}

static int dhcp6_state_member(struct ctx *c, struct json_object *obj,
			      struct state_dev *d)
{
	char buf[VALUE_SHOWN + 4];
	const char *s;
	size_t len;
	int r = str_member(c, obj, "dhcp6_state", true, &s, &len);

	if (r)
		return r < 0 ? -1 : 0;
	if (!dhcp6_state_ok(s, len))
		return fail(c, "dhcp6_state", "\"%s\" is not a DHCPv6 state",
			    shown(s, len, buf));
	memcpy(d->dhcp6_state, s, len + 1);
	return 0;
}

static int parse_lease(struct ctx *c, struct json_object *obj,
		       struct state_dev *d)
{
	struct dhcp6_lease *l = &d->lease;

	if (addr_member(c, obj, "address", AF_INET6, false, &l->addr) ||
	    u32_member(c, obj, "iaid", &l->iaid) ||
	    u32_member(c, obj, "t1", &l->t1) ||
	    u32_member(c, obj, "t2", &l->t2) ||
	    u32_member(c, obj, "preferred", &l->preferred) ||
	    u32_member(c, obj, "valid", &l->valid) ||
	    int_member(c, obj, "start", 0, TIME_MAX, &d->lease_start) ||
	    duid_member(c, obj, l))
		return -1;
	return 0;
}

/*
 * The checks of a device that do not depend on how it was written: for
 * state_parse() after reading it, and for state_save() before writing.
 * @c->where names the device.
 */
static int check_dev(struct ctx *c, const struct state_dev *d)
{
	enum parse_err e = mac_check(d->mac);

	if (e)
		return fail(c, "mac", "%s", parse_strerror(e));
	if (!state_mode_name(d->mode))
		return fail(c, "mode", "unknown mode %d", (int)d->mode);
	if (d->last_seen < 0 || d->last_seen > TIME_MAX)
		return fail(c, "last_seen", "%" PRId64 " is out of range",
			    d->last_seen);
	if (!memchr(d->dhcp6_state, 0, sizeof(d->dhcp6_state)) ||
	    (*d->dhcp6_state &&
	     !dhcp6_state_ok(d->dhcp6_state, strlen(d->dhcp6_state))))
		return fail(c, "dhcp6_state", "not a DHCPv6 state");
	if (!d->has_lease)
		return 0;
	if (d->lease_start < 0 || d->lease_start > TIME_MAX)
		return fail(c, "lease.start", "%" PRId64 " is out of range",
			    d->lease_start);
	if (!d->lease.server_duid_len ||
	    d->lease.server_duid_len > DHCP6_DUID_MAX)
		return fail(c, "lease.server_duid", "the length %u is not 1 "
			    "to %d", d->lease.server_duid_len, DHCP6_DUID_MAX);
	return 0;
}

/* "last_seen": files of early versions lack it: 0, unknown. */
static int last_seen_member(struct ctx *c, struct json_object *obj,
			    int64_t *v)
{
	*v = 0;
	if (!json_object_object_get_ex(obj, "last_seen", NULL))
		return 0;
	return int_member(c, obj, "last_seen", 0, TIME_MAX, v);
}

static int parse_dev(struct ctx *c, struct json_object *obj,
		     struct state_dev *d)
{
	struct json_object *lease;
	int r;

	if (!json_object_is_type(obj, json_type_object))
		return fail(c, "", "expected an object");
	if (mac_member(c, obj, d->mac) ||
	    addr_member(c, obj, "ipv4", AF_INET, false, &d->ipv4) ||
	    bool_member(c, obj, "static", &d->is_static) ||
	    bool_member(c, obj, "inactive", &d->inactive) ||
	    mode_member(c, obj, &d->mode) ||
	    last_seen_member(c, obj, &d->last_seen) ||
	    dhcp6_state_member(c, obj, d))
		return -1;
	r = addr_member(c, obj, "ipv6", AF_INET6, true, &d->ipv6);
	if (r < 0)
		return -1;
	d->has_ipv6 = !r;
	r = member(c, obj, "lease", json_type_object, true, &lease);
	if (r < 0)
		return -1;
	d->has_lease = !r;
	if (d->has_lease) {
		strcat(c->where, ".lease");
		if (parse_lease(c, lease, d))
			return -1;
		c->where[strlen(c->where) - strlen(".lease")] = '\0';
	}
	return check_dev(c, d);
}

/* As the kernel wants it: pref64_check(). */
static int check_pref64(struct ctx *c, const struct in6_addr *a,
			unsigned int len)
{
	enum parse_err e = pref64_check(a, len);

	if (e)
		return fail(c, "pref64", "/%u: %s", len, parse_strerror(e));
	return 0;
}

static int pref64_member(struct ctx *c, struct json_object *obj,
			 struct state *st)
{
	char buf[VALUE_SHOWN + 4], addr[INET6_ADDRSTRLEN];
	const char *s, *slash;
	size_t len;
	int r = str_member(c, obj, "pref64", true, &s, &len);

	if (r)
		return r < 0 ? -1 : 0;
	slash = strchr(s, '/');
	if (!slash || (size_t)(slash - s) >= sizeof(addr) ||
	    strlen(slash + 1) != 2 || !isdigit((unsigned char)slash[1]) ||
	    !isdigit((unsigned char)slash[2]))
		goto bad;
	memcpy(addr, s, (size_t)(slash - s));
	addr[slash - s] = '\0';
	if (inet_pton(AF_INET6, addr, &st->pref64) != 1)
		goto bad;
	st->pref64_len = (uint8_t)((slash[1] - '0') * 10 + slash[2] - '0');
	st->has_pref64 = true;
	return check_pref64(c, &st->pref64, st->pref64_len);
bad:
	return fail(c, "pref64", "\"%s\" is not a NAT64 prefix (as in "
		    "64:ff9b::/96)", shown(s, len, buf));
}

/* For sorting the devices by a key and finding duplicates. */
struct dup_key {
	uint8_t key[6];
	size_t index;
};

static int dup_key_cmp(const void *a, const void *b)
{
	const struct dup_key *x = a, *y = b;
	int r = memcmp(x->key, y->key, sizeof(x->key));

	if (r)
		return r;
	return (x->index > y->index) - (x->index < y->index);
}

/*
 * The first device (by index) whose MAC (@mac) or IPv4 address repeats
 * one of an earlier device: -1 after naming both, else 0.
 */
static int check_dups(struct ctx *c, const struct state *st, bool mac)
{
	struct dup_key *k;
	size_t i, first = 0, dup = SIZE_MAX;

	if (st->n < 2)
		return 0;
	k = calloc(st->n, sizeof(*k));
	if (!k)
		return fail(c, "devices", "%s", strerror(ENOMEM));
	for (i = 0; i < st->n; i++) {
		if (mac)
			memcpy(k[i].key, st->devs[i].mac, 6);
		else
			memcpy(k[i].key, &st->devs[i].ipv4, 4);
		k[i].index = i;
	}
	qsort(k, st->n, sizeof(*k), dup_key_cmp);
	for (i = 1; i < st->n; i++) {
		if (memcmp(k[i].key, k[i - 1].key, sizeof(k[i].key)) ||
		    k[i].index > dup)
			continue;
		dup = k[i].index;
		first = k[i - 1].index;
	}
	free(k);
	if (dup == SIZE_MAX)
		return 0;
	snprintf(c->where, sizeof(c->where), "devices[%zu]", dup);
	return fail(c, mac ? "mac" : "ipv4", "the same as devices[%zu]'s",
		    first);
}

static int parse_devices(struct ctx *c, struct json_object *root,
			 struct state *st)
{
	struct json_object *arr;
	size_t i, n;

	if (member(c, root, "devices", json_type_array, false, &arr))
		return -1;
	n = json_object_array_length(arr);
	if (n > STATE_MAX_DEVICES)
		return fail(c, "devices", "more than %d devices",
			    STATE_MAX_DEVICES);
	st->devs = calloc(n ? n : 1, sizeof(*st->devs));
	if (!st->devs)
		return fail(c, "devices", "%s", strerror(ENOMEM));
	for (i = 0; i < n; i++, st->n++) {
		snprintf(c->where, sizeof(c->where), "devices[%zu]", i);
		if (parse_dev(c, json_object_array_get_idx(arr, i),
			      &st->devs[i]))
			return -1;
	}
	*c->where = '\0';
	if (check_dups(c, st, true) || check_dups(c, st, false))
		return -1;
	return 0;
}

static int parse_root(struct ctx *c, struct json_object *root,
		      struct state *st)
{
	int64_t version;

	if (!json_object_is_type(root, json_type_object))
		return fail(c, "", "not a JSON object");
	if (int_member(c, root, "version", INT64_MIN, INT64_MAX, &version))
		return -1;
	if (version != STATE_VERSION)
		return fail(c, "version", "%" PRId64 " is not supported "
			    "(expected %d)", version, STATE_VERSION);
	if (pref64_member(c, root, st) || parse_devices(c, root, st))
		return -1;
	return 0;
}

/* @text as JSON (strict), or NULL after saying why not. */
static struct json_object *parse_json(struct ctx *c, const char *text,
				      size_t len)
{
	struct json_object *root;
	struct json_tokener *tok;
	enum json_tokener_error jerr;
	size_t end;

	if (len > STATE_FILE_MAX) {
		fail(c, "", "larger than %d bytes", STATE_FILE_MAX);
		return NULL;
	}
	if (memchr(text, '\0', len)) {
		fail(c, "", "a NUL byte at offset %zu",
		     (size_t)((const char *)memchr(text, '\0', len) - text));
		return NULL;
	}
	for (end = 0; end < len && isspace((unsigned char)text[end]); end++)
		;
	if (end == len) {
		fail(c, "", "empty");
		return NULL;
	}
	if (text[end] != '{') {
		fail(c, "", "not a JSON object");
		return NULL;
	}
	tok = json_tokener_new();
	if (!tok) {
		fail(c, "", "%s", strerror(ENOMEM));
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
			       JSON_TOKENER_ALLOW_TRAILING_CHARS |
			       JSON_TOKENER_VALIDATE_UTF8);
	root = json_tokener_parse_ex(tok, text, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (jerr == json_tokener_continue) {
		fail(c, "", "the JSON text ends early (truncated?)");
		return NULL;
	}
	if (jerr != json_tokener_success) {
		fail(c, "", "invalid JSON at offset %zu: %s", end,
		     json_tokener_error_desc(jerr));
		return NULL;
	}
	for (; end < len; end++) {
		if (!isspace((unsigned char)text[end])) {
			json_object_put(root);
			fail(c, "", "more after the JSON text, at offset %zu",
			     end);
			return NULL;
		}
	}
	return root;
}

/*
 * Reading a large file in pieces. A document of json-c objects is some ten
 * times the size of its text (some 4 MiB for 1,000 devices), so when the
 * text's outline is plain (the writer's: a top-level object with one
 * member "devices", an array, and no escapes in the top-level keys) each
 * device is parsed and checked on its own, and the rest as a document whose
 * "devices" is empty. JSON's rules are kept: the outline is only located
 * here, every piece is parsed strictly by json-c and what lies between them
 * is white space and commas, so the pieces are valid exactly when the whole
 * is. If anything at all fails, the whole text is parsed again as one
 * document, which then reports the first problem as it always did.
 */

/* Past JSON's white space at @i (json-c's strict mode takes no other). */
static size_t skip_ws(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
			   s[i] == '\r'))
		i++;
	return i;
}

/*
 * Just past the value that starts at @i, as far as brackets and strings
 * tell (json-c checks the value); @i when there is none to be seen whole.
 */
static size_t value_end(const char *s, size_t i, size_t len)
{
	size_t j, depth = 0;
	bool in_str = false;

	for (j = i; j < len; j++) {
		if (in_str) {
			if (s[j] == '\\') {
				j++;
			} else if (s[j] == '"') {
				in_str = false;
				if (!depth)
					return j + 1;
			}
			continue;
		}
		if (s[j] == '"') {
			in_str = true;
		} else if (s[j] == '{' || s[j] == '[') {
			depth++;
		} else if (s[j] == '}' || s[j] == ']') {
			if (!depth)
				return j;
			if (!--depth)
				return j + 1;
		} else if (!depth && (s[j] == ',' || skip_ws(s, j, len) > j)) {
			return j;
		}
	}
	return depth || in_str ? i : j;
}

/* The "devices" array in the text: its brackets, and its elements. */
struct outline {
	size_t open, close;
	size_t n;
};

/*
 * The array's next element from *@i, its end in *@end; *@i then at the
 * next one. Returns 1 for an element, 0 at the closing bracket, -1 if
 * neither is there.
 */
static int element_next(const char *s, size_t len, size_t *i, size_t *end)
{
	size_t j = skip_ws(s, *i, len);

	if (j < len && s[j] == ']') {
		*i = j;
		return 0;
	}
	*end = value_end(s, j, len);
	if (*end == j)
		return -1;
	*i = j;
	j = skip_ws(s, *end, len);
	if (j < len && s[j] == ',') {
		j = skip_ws(s, j + 1, len);
		if (j < len && s[j] == ']')
			return -1;
	} else if (j >= len || s[j] != ']') {
		return -1;
	}
	return 1;
}

/* The array from @ol->open: its elements counted, and where it closes. */
static bool outline_array(const char *s, size_t len, struct outline *ol)
{
	size_t i = ol->open + 1, end;
	int r;

	ol->n = 0;
	while ((r = element_next(s, len, &i, &end)) > 0) {
		ol->n++;
		i = skip_ws(s, end, len);
		if (s[i] == ',')
			i++;
	}
	ol->close = i;
	return !r;
}

/* @ol from @s: false when the text is not plainly outlined. */
static bool outline(const char *s, size_t len, struct outline *ol)
{
	size_t i = skip_ws(s, 0, len), k;
	unsigned int found = 0;
	bool devices;

	if (i >= len || s[i] != '{')
		return false;
	for (i = skip_ws(s, i + 1, len); i < len && s[i] == '"';
	     i = skip_ws(s, i + 1, len)) {
		k = value_end(s, i, len);
		if (k == i || memchr(s + i, '\\', k - i))
			return false;
		devices = k - i == 9 && !memcmp(s + i, "\"devices\"", 9);
		i = skip_ws(s, k, len);
		if (i >= len || s[i] != ':')
			return false;
		i = skip_ws(s, i + 1, len);
		if (devices) {
			if (found++ || i >= len || s[i] != '[')
				return false;
			ol->open = i;
			if (!outline_array(s, len, ol))
				return false;
			k = ol->close + 1;
		} else {
			k = value_end(s, i, len);
			if (k == i)
				return false;
		}
		i = skip_ws(s, k, len);
		if (i >= len || s[i] != ',')
			break;
	}
	return found == 1;
}

/* One element of @len bytes, strictly, as a whole value; NULL if not. */
static struct json_object *parse_piece(struct json_tokener *tok,
				       const char *s, size_t len)
{
	struct json_object *obj;

	json_tokener_reset(tok);
	obj = json_tokener_parse_ex(tok, s, (int)len);
	if (obj && (json_tokener_get_error(tok) != json_tokener_success ||
		    json_tokener_get_parse_end(tok) != len)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

/* The devices of @ol, each parsed and checked on its own: 0 or -1. */
static int parse_pieces(struct ctx *c, const char *s, size_t len,
			const struct outline *ol, struct state *st)
{
	/* as deep as they would be in the whole: root, "devices", them */
	struct json_tokener *tok =
		json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH - 2);
	struct json_object *obj;
	size_t i = ol->open + 1, end;
	int r = -1;

	if (!tok)
		return -1;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
			       JSON_TOKENER_VALIDATE_UTF8);
	st->devs = calloc(ol->n ? ol->n : 1, sizeof(*st->devs));
	while (st->devs && element_next(s, len, &i, &end) > 0) {
		obj = parse_piece(tok, s + i, end - i);
		snprintf(c->where, sizeof(c->where), "devices[%zu]", st->n);
		if (!obj || parse_dev(c, obj, &st->devs[st->n]))
			goto out;
		json_object_put(obj);
		obj = NULL;
		st->n++;
		i = skip_ws(s, end, len);
		if (s[i] == ',')
			i++;
	}
	*c->where = '\0';
	if (st->devs && st->n == ol->n && !check_dups(c, st, true) &&
	    !check_dups(c, st, false))
		r = 0;
out:
	json_object_put(obj);
	json_tokener_free(tok);
	return r;
}

/*
 * @text parsed in pieces, when it is plainly outlined: 0, or -1 when the
 * whole is to be parsed as one document instead (@c's message is then
 * not the one to give).
 */
static int parse_split(struct ctx *c, const char *text, size_t len,
		       struct state *st)
{
	struct json_object *root, *arr;
	struct outline ol = { 0 };
	size_t rest;
	char *outer;
	int r = -1;

	if (len > STATE_FILE_MAX || memchr(text, '\0', len) ||
	    !outline(text, len, &ol) || ol.n > STATE_MAX_DEVICES)
		return -1;
	/* the text with the array emptied: "devices":[] */
	rest = len - ol.close;
	outer = malloc(ol.open + 1 + rest);
	if (!outer)
		return -1;
	memcpy(outer, text, ol.open + 1);
	memcpy(outer + ol.open + 1, text + ol.close, rest);
	root = parse_json(c, outer, ol.open + 1 + rest);
	free(outer);
	if (root && !parse_root(c, root, st) &&
	    json_object_object_get_ex(root, "devices", &arr) &&
	    json_object_is_type(arr, json_type_array) &&
	    !json_object_array_length(arr) && !st->n) {
		free(st->devs);
		st->devs = NULL;
		r = parse_pieces(c, text, len, &ol, st);
	}
	json_object_put(root);
	return r;
}

int state_parse(const char *text, size_t len, struct state *st, char *err,
		size_t errlen)
{
	struct ctx c = { .err = err, .errlen = errlen };
	struct json_object *root;
	int r = -1;

	memset(st, 0, sizeof(*st));
	if (!parse_split(&c, text, len, st))
		return 0;
	state_free(st);
	*c.where = '\0';
	if (errlen)
		*err = '\0';
	root = parse_json(&c, text, len);
	if (root)
		r = parse_root(&c, root, st);
	json_object_put(root);
	if (r)
		state_free(st);
	return r;
}

/* Saving. */

/* What state_parse() would refuse in @st: state_save() writes no such file. */
static int state_check(struct ctx *c, const struct state *st)
{
	size_t i;

	if (st->has_pref64 && check_pref64(c, &st->pref64, st->pref64_len))
		return -1;
	if (st->n > STATE_MAX_DEVICES)
		return fail(c, "devices", "more than %d devices",
			    STATE_MAX_DEVICES);
	for (i = 0; i < st->n; i++) {
		snprintf(c->where, sizeof(c->where), "devices[%zu]", i);
		if (check_dev(c, &st->devs[i]))
			return -1;
	}
	*c->where = '\0';
	return check_dups(c, st, true) || check_dups(c, st, false) ? -1 : 0;
}

int state_validate(const struct state *st, char *err, size_t errlen)
{
	struct ctx c = { .err = err, .errlen = errlen };

	if (errlen)
		*err = '\0';
	return state_check(&c, st);
}

/* Remove devs[@i] from @st, keeping the order. */
static void drop_dev(struct state *st, size_t i)
{
	memmove(&st->devs[i], &st->devs[i + 1],
		(st->n - i - 1) * sizeof(st->devs[0]));
	st->n--;
}

/* The index in c->where ("devices[N]"), for check_dups()'s finding. */
static size_t where_index(const struct ctx *c)
{
	unsigned long long i;

	if (sscanf(c->where, "devices[%llu]", &i) != 1)
		return SIZE_MAX;
	return (size_t)i;
}

size_t state_prune(struct state *st, char *err, size_t errlen)
{
	char msg[256], first[256] = "";
	struct ctx c = { .err = msg, .errlen = sizeof(msg) };
	size_t i, dropped = 0, dup;

	if (st->has_pref64 && check_pref64(&c, &st->pref64, st->pref64_len)) {
		snprintf(first, sizeof(first), "%s", msg);
		st->has_pref64 = false;
	}
	for (i = 0; i < st->n;) {
		snprintf(c.where, sizeof(c.where), "devices[%zu]", i);
		if (!check_dev(&c, &st->devs[i])) {
			i++;
			continue;
		}
		if (!*first)
			snprintf(first, sizeof(first), "%s", msg);
		drop_dev(st, i);
		dropped++;
	}
	while (st->n > STATE_MAX_DEVICES) {
		drop_dev(st, st->n - 1);
		dropped++;
	}
	for (;;) {
		/* (out of memory leaves no index in c.where: then stop) */
		*c.where = '\0';
		if (!check_dups(&c, st, true) && !check_dups(&c, st, false))
			break;
		dup = where_index(&c);
		if (!*first)
			snprintf(first, sizeof(first), "%s", msg);
		if (dup >= st->n)
			break;
		drop_dev(st, dup);
		dropped++;
	}
	if (errlen)
		snprintf(err, errlen, "%s", first);
	return dropped;
}

void state_free(struct state *st)
{
	free(st->devs);
	memset(st, 0, sizeof(*st));
}

/*
 * Seconds added to a restored last_seen: the file keeps whole seconds, and
 * the daemon's two clocks (monotonic, wall) each round once more each way.
 * Later only delays aging; earlier would make the kernel's idle time, a
 * moment after the restart, look like a new sign of life.
 */
#define SEEN_SLACK	2

uint64_t state_seen_ms(const struct state_dev *d, int64_t now,
		       uint64_t now_ms)
{
	uint64_t ago;

	if (!d->last_seen || d->last_seen + SEEN_SLACK >= now)
		return now_ms;
	ago = (uint64_t)(now - d->last_seen - SEEN_SLACK);
	return ago >= now_ms / 1000 ? 0 : now_ms - ago * 1000;
}
