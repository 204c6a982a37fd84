// SPDX-License-Identifier: GPL-2.0
/*
 * The devices: reading them from the kernel's messages, printing them.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <linux/v4v6.h>

#include "device.h"
#include "jsonout.h"
#include "names.h"
#include "v4v6ctl.h"

static uint64_t get_u64(const struct nlattr **tb, int type)
{
	return mnl_attr_get_u64(tb[type]);
}

/* One V4V6_A_ALLOW nest into @r: 0, or -EPROTO. */
static int allow_rule_parse(const struct nlattr *nest, struct allow_rule *r)
{
	const struct nlattr *attr, *min = NULL, *max = NULL;
	bool proto = false;

	memset(r, 0, sizeof(*r));
	mnl_attr_for_each_nested(attr, nest) {
		switch (mnl_attr_get_type(attr)) {
		case V4V6_A_ALLOW_PROTO:
			if (proto || mnl_attr_validate(attr, MNL_TYPE_U8) < 0)
				return -EPROTO;
			r->proto = mnl_attr_get_u8(attr);
			proto = true;
			break;
		case V4V6_A_ALLOW_PORT_MIN:
		case V4V6_A_ALLOW_PORT_MAX:
			if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0)
				return -EPROTO;
			if (mnl_attr_get_type(attr) == V4V6_A_ALLOW_PORT_MIN)
				min = attr;
			else
				max = attr;
			break;
		}	/* others: a newer module's */
	}
	if (!proto)
		return -EPROTO;
	/* MAX alone: from 1; MIN alone: that port. */
	if (min || max) {
		r->port_min = min ? mnl_attr_get_u16(min) : 1;
		r->port_max = max ? mnl_attr_get_u16(max) : r->port_min;
	}
	return 0;
}

/* V4V6_A_DEV_ALLOW (NULL: no rules) into @l: 0, or -EPROTO. */
static int allow_parse(const struct nlattr *nest, struct allow_list *l)
{
	const struct nlattr *attr;

	l->n = 0;
	if (!nest)
		return 0;
	mnl_attr_for_each_nested(attr, nest) {
		if (mnl_attr_get_type(attr) != V4V6_A_ALLOW)
			continue;
		if (l->n == V4V6_ALLOW_MAX ||
		    mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0 ||
		    allow_rule_parse(attr, &l->v[l->n]))
			return -EPROTO;
		l->n++;
	}
	return 0;
}

int dev_parse(const struct nlmsghdr *nlh, struct dev *d)
{
	const struct nlattr *tb[V4V6_A_MAX + 1];
	int type;

	if (v4v6_parse(nlh, tb))
		return -EPROTO;
	for (type = V4V6_A_DEV_MAC; type <= V4V6_A_DEV_DROPS; type++)
		if (!tb[type])
			return -EPROTO;
	memcpy(d->mac, mnl_attr_get_payload(tb[V4V6_A_DEV_MAC]), MAC_LEN);
	/* In network byte order, as s_addr. */
	d->ipv4.s_addr = mnl_attr_get_u32(tb[V4V6_A_DEV_IPV4]);
	memcpy(&d->ipv6, mnl_attr_get_payload(tb[V4V6_A_DEV_IPV6]),
	       sizeof(d->ipv6));
	d->wan_ifindex = mnl_attr_get_u32(tb[V4V6_A_DEV_WAN_IFINDEX]);
	nl_attr_str(tb[V4V6_A_DEV_WAN_GONE], d->wan_gone, sizeof(d->wan_gone));
	d->state = mnl_attr_get_u8(tb[V4V6_A_DEV_STATE]);
	d->flags = mnl_attr_get_u32(tb[V4V6_A_DEV_FLAGS]);
	d->idle_ms = get_u64(tb, V4V6_A_DEV_IDLE_MS);
	d->tx_packets = get_u64(tb, V4V6_A_DEV_TX_PACKETS);
	d->tx_bytes = get_u64(tb, V4V6_A_DEV_TX_BYTES);
	d->rx_packets = get_u64(tb, V4V6_A_DEV_RX_PACKETS);
	d->rx_bytes = get_u64(tb, V4V6_A_DEV_RX_BYTES);
	d->drops = get_u64(tb, V4V6_A_DEV_DROPS);
	d->unsolicited = tb[V4V6_A_DEV_UNSOLICITED] ?
			 get_u64(tb, V4V6_A_DEV_UNSOLICITED) : 0;
	return allow_parse(tb[V4V6_A_DEV_ALLOW], &d->allow);
}

/* The addresses of @d as text. */
struct dev_strs {
	char mac[MAC_STRLEN];
	char ipv4[INET_ADDRSTRLEN];
	char ipv6[INET6_ADDRSTRLEN];
	char wan[GONE_BUFSIZE];	/* its name, "if<N>" or "gone:NAME" */
	char num[NUM_BUFSIZE];
	const char *state;	/* its name, or its number in num */
};

static void dev_strs(const struct dev *d, struct dev_strs *s)
{
	format_mac(d->mac, s->mac);
	/* inet_ntop() only fails for a short buffer or an unknown family. */
	inet_ntop(AF_INET, &d->ipv4, s->ipv4, sizeof(s->ipv4));
	inet_ntop(AF_INET6, &d->ipv6, s->ipv6, sizeof(s->ipv6));
	if (!d->wan_ifindex && d->wan_gone[0])
		snprintf(s->wan, sizeof(s->wan), "gone:%s", d->wan_gone);
	else
		ifindex_name(d->wan_ifindex, s->wan);
	s->state = name_or_num(dev_state_name(d->state), d->state, s->num);
}

/* {"proto": "tcp", "ports": "22"}, ports null for every port. */
static struct json_object *allow_rule_json(const struct allow_rule *r)
{
	struct json_object *obj = json_object_new_object();
	char ports[ALLOW_PORTS_STRLEN], num[NUM_BUFSIZE];
	const char *name = allow_proto_name(r->proto);

	format_allow_ports(r, ports);
	if (obj && (!json_add_str(obj, "proto",
				  name_or_num(name, r->proto, num)) ||
		    !json_add_str_or_null(obj, "ports", ports))) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

static struct json_object *allow_json(const struct allow_list *l)
{
	struct json_object *arr = json_object_new_array();
	unsigned int i;

	for (i = 0; arr && i < l->n; i++) {
		if (!json_append(arr, allow_rule_json(&l->v[i]))) {
			json_object_put(arr);
			arr = NULL;
		}
	}
	return arr;
}

bool dev_json_add(struct json_object *obj, const struct dev *d)
{
	struct dev_strs s;

	dev_strs(d, &s);
	return json_add_str(obj, "mac", s.mac) &&
	       json_add_str(obj, "ipv4", s.ipv4) &&
	       json_add_str(obj, "ipv6", s.ipv6) &&
	       json_add(obj, "wan", d->wan_ifindex ?
			json_object_new_string(s.wan) : NULL,
			!d->wan_ifindex) &&
	       json_add_u64(obj, "wan_ifindex", d->wan_ifindex) &&
	       json_add_str_or_null(obj, "wan_gone", d->wan_gone) &&
	       json_add_str(obj, "state", s.state) &&
	       json_add_bool(obj, "static", d->flags & V4V6_DEV_F_STATIC) &&
	       json_add_bool(obj, "conflict",
			     d->flags & V4V6_DEV_F_CONFLICT) &&
	       json_add_u64(obj, "idle_ms", d->idle_ms) &&
	       json_add_u64(obj, "tx_packets", d->tx_packets) &&
	       json_add_u64(obj, "tx_bytes", d->tx_bytes) &&
	       json_add_u64(obj, "rx_packets", d->rx_packets) &&
	       json_add_u64(obj, "rx_bytes", d->rx_bytes) &&
	       json_add_u64(obj, "drops", d->drops) &&
	       json_add_u64(obj, "unsolicited", d->unsolicited) &&
	       json_add(obj, "allow", allow_json(&d->allow), false);
}

struct json_object *dev_json(const struct dev *d)
{
	struct json_object *obj = json_object_new_object();

	if (obj && !dev_json_add(obj, d)) {
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

void dev_print(const struct dev *d)
{
	char idle[32], allow[ALLOW_LIST_STRLEN];
	struct dev_strs s;

	dev_strs(d, &s);
	format_idle(d->idle_ms, idle, sizeof(idle));
	format_allow_list(&d->allow, allow, sizeof(allow));
	printf("%s %s %s wan %s %s %s idle %s tx %" PRIu64 "/%" PRIu64
	       " rx %" PRIu64 "/%" PRIu64 " drops %" PRIu64
	       " unsolicited %" PRIu64 "%s%s%s\n",
	       s.mac, s.ipv4, s.ipv6,
	       d->wan_ifindex || d->wan_gone[0] ? s.wan : "-",
	       s.state,
	       d->flags & V4V6_DEV_F_STATIC ? "static" : "dynamic", idle,
	       d->tx_packets, d->tx_bytes, d->rx_packets, d->rx_bytes,
	       d->drops, d->unsolicited,
	       d->flags & V4V6_DEV_F_CONFLICT ? " conflict" : "",
	       *allow ? " allow " : "", allow);
}

static int dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct dev_list *list = data;

	if (list->n == list->cap) {
		size_t cap = list->cap ? 2 * list->cap : 64;
		struct dev *v = realloc(list->v, cap * sizeof(*v));

		if (!v)
			return MNL_CB_ERROR;	/* errno is ENOMEM */
		list->v = v;
		list->cap = cap;
	}
	if (dev_parse(nlh, &list->v[list->n])) {
		errno = EPROTO;
		return MNL_CB_ERROR;
	}
	list->n++;
	return MNL_CB_OK;
}

static int ipv4_cmp(const void *a, const void *b)
{
	uint32_t x = ntohl(((const struct dev *)a)->ipv4.s_addr);
	uint32_t y = ntohl(((const struct dev *)b)->ipv4.s_addr);

	return (x > y) - (x < y);
}

/* A table that changes during a dump is dumped again, this many times. */
#define DUMP_TRIES	10

int devices_get(struct nl *nl, struct dev_list *list)
{
	int err, tries = 0;

	do {
		memset(list, 0, sizeof(*list));
		err = nl_talk(nl, nl_dump_request(nl, V4V6_CMD_GET_DEVICE,
						  V4V6_GENL_VERSION),
			      dump_cb, list);
		if (err == -EINTR)
			dev_list_free(list);
	} while (err == -EINTR && ++tries < DUMP_TRIES);
	if (!err && list->n)
		qsort(list->v, list->n, sizeof(list->v[0]), ipv4_cmp);
	return err;
}

void dev_list_free(struct dev_list *list)
{
	free(list->v);
	memset(list, 0, sizeof(*list));
}

struct json_object *dev_list_json(const struct dev_list *list,
				  unsigned int state)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; arr && i < list->n; i++) {
		if (state && list->v[i].state != state)
			continue;
		if (!json_append(arr, dev_json(&list->v[i]))) {
			json_object_put(arr);
			arr = NULL;
		}
	}
	return arr;
}
