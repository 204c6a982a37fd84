// SPDX-License-Identifier: GPL-2.0
/*
 * A device's inbound allow rules: the flows from the IPv6 network that may
 * start at a device under the inbound policy "replies" (a port the
 * operator opened). uapi/linux/v4v6.h documents their attributes.
 */
#include <linux/icmp.h>
#include <linux/ip.h>
#include <net/genetlink.h>
#include <net/ip.h>

#include "netlink.h"
#include "path.h"

#define V4V6_ALLOW_ATTRS (BIT_ULL(V4V6_A_ALLOW_PROTO) | \
			  BIT_ULL(V4V6_A_ALLOW_PORT_MIN) | \
			  BIT_ULL(V4V6_A_ALLOW_PORT_MAX))

/* The ports of a TCP or UDP rule: absent, every port; MIN alone, that one. */
static int v4v6_allow_ports(struct nlattr **tb, struct v4v6_allow *a,
			    struct netlink_ext_ack *extack)
{
	a->lo = tb[V4V6_A_ALLOW_PORT_MIN] ?
		nla_get_u16(tb[V4V6_A_ALLOW_PORT_MIN]) : 1;
	if (tb[V4V6_A_ALLOW_PORT_MAX])
		a->hi = nla_get_u16(tb[V4V6_A_ALLOW_PORT_MAX]);
	else
		a->hi = tb[V4V6_A_ALLOW_PORT_MIN] ? a->lo : U16_MAX;
	if (a->lo > a->hi) {
		NL_SET_ERR_MSG_ATTR(extack, tb[V4V6_A_ALLOW_PORT_MIN],
				    "the lowest port is above the highest");
		return -EINVAL;
	}
	return 0;
}

static int v4v6_allow_one(const struct nlattr *nest, struct v4v6_allow *a,
			  struct netlink_ext_ack *extack)
{
	struct nlattr *tb[V4V6_A_MAX + 1];
	int err, type;

	if (nla_type(nest) != V4V6_A_ALLOW) {
		NL_SET_ERR_MSG_ATTR(extack, nest,
				    "an allow list holds allow rules only");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, V4V6_A_MAX, nest, v4v6_nl_policy, extack);
	if (err)
		return err;
	for (type = 1; type <= V4V6_A_MAX; type++) {
		if (tb[type] && !(V4V6_ALLOW_ATTRS & BIT_ULL(type))) {
			NL_SET_ERR_MSG_ATTR(extack, tb[type],
					    "attribute not valid in an allow rule");
			return -EINVAL;
		}
	}
	if (!tb[V4V6_A_ALLOW_PROTO]) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "an allow rule needs a protocol");
		return -EINVAL;
	}
	a->proto = nla_get_u8(tb[V4V6_A_ALLOW_PROTO]);
	switch (a->proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
		return v4v6_allow_ports(tb, a, extack);
	case IPPROTO_ICMP:
		if (tb[V4V6_A_ALLOW_PORT_MIN] || tb[V4V6_A_ALLOW_PORT_MAX]) {
			NL_SET_ERR_MSG_ATTR(extack, nest, "ICMP has no ports");
			return -EINVAL;
		}
		a->lo = 0;
		a->hi = 0;
		return 0;
	}
	NL_SET_ERR_MSG_ATTR(extack, tb[V4V6_A_ALLOW_PROTO],
			    "an allow rule is for TCP, UDP or ICMP");
	return -EINVAL;
}

/**
 * v4v6_allow_parse() - set a device's allow rules from a V4V6_A_DEV_ALLOW
 * @list: the attribute, validated as a nest
 * @d: the device, not in the table yet
 * @extack: where to say what is wrong
 *
 * Return: 0, or -EINVAL with the reason in @extack (@d unchanged).
 */
int v4v6_allow_parse(const struct nlattr *list, struct v4v6_device *d,
		     struct netlink_ext_ack *extack)
{
	struct v4v6_allow allow[V4V6_ALLOW_MAX];
	struct nlattr *nest;
	int rem, n = 0, err;

	nla_for_each_nested(nest, list, rem) {
		if (n == V4V6_ALLOW_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, nest,
					    "too many allow rules for one device");
			return -EINVAL;
		}
		err = v4v6_allow_one(nest, &allow[n], extack);
		if (err)
			return err;
		n++;
	}
	if (rem) {
		NL_SET_ERR_MSG_ATTR(extack, list, "malformed allow list");
		return -EINVAL;
	}
	memcpy(d->allow, allow, n * sizeof(*allow));
	d->n_allow = n;
	return 0;
}

/**
 * v4v6_allow_fill() - put a device's allow rules in a message
 * @skb: the message
 * @d: the device
 *
 * Nothing for a device without rules.
 *
 * Return: 0, or -EMSGSIZE (the message as it was).
 */
int v4v6_allow_fill(struct sk_buff *skb, const struct v4v6_device *d)
{
	const struct v4v6_allow *a;
	struct nlattr *list, *rule;

	if (!d->n_allow)
		return 0;
	list = nla_nest_start(skb, V4V6_A_DEV_ALLOW);
	if (!list)
		return -EMSGSIZE;
	for (a = d->allow; a < d->allow + d->n_allow; a++) {
		rule = nla_nest_start(skb, V4V6_A_ALLOW);
		if (!rule || nla_put_u8(skb, V4V6_A_ALLOW_PROTO, a->proto))
			goto cancel;
		if (a->proto != IPPROTO_ICMP &&
		    (nla_put_u16(skb, V4V6_A_ALLOW_PORT_MIN, a->lo) ||
		     nla_put_u16(skb, V4V6_A_ALLOW_PORT_MAX, a->hi)))
			goto cancel;
		nla_nest_end(skb, rule);
	}
	nla_nest_end(skb, list);
	return 0;
cancel:
	nla_nest_cancel(skb, list);
	return -EMSGSIZE;
}

/* The destination port of a TCP or UDP packet, 0 for an ICMP echo request. */
static int v4v6_allow_port(const struct sk_buff *skb, unsigned int off,
			   u8 proto)
{
	struct icmphdr _ih;
	const struct icmphdr *ih;
	__be16 _ports[2];
	const __be16 *ports;

	switch (proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
		ports = skb_header_pointer(skb, off, sizeof(_ports), _ports);
		return ports ? ntohs(ports[1]) : -1;
	case IPPROTO_ICMP:
		ih = skb_header_pointer(skb, off, sizeof(_ih), &_ih);
		return ih && ih->type == ICMP_ECHO ? 0 : -1;
	}
	return -1;
}

/**
 * v4v6_allow_match() - whether a device's rules let a packet start a flow
 * @d: the device
 * @skb: an IPv4 packet for it, translated from the IPv6 network, its
 *	network header set
 *
 * A later fragment (which has no ports) never matches: connection tracking
 * reassembles before this is asked.
 *
 * Return: true if a rule of @d matches its protocol and destination port
 * (for ICMP: an echo request).
 */
bool v4v6_allow_match(const struct v4v6_device *d, const struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	const struct v4v6_allow *a;
	int port;

	if (!d->n_allow || iph->frag_off & htons(IP_OFFSET))
		return false;
	port = v4v6_allow_port(skb, skb_network_offset(skb) + iph->ihl * 4,
			       iph->protocol);
	if (port < 0)
		return false;
	for (a = d->allow; a < d->allow + d->n_allow; a++)
		if (a->proto == iph->protocol && port >= a->lo && port <= a->hi)
			return true;
	return false;
}
