// SPDX-License-Identifier: GPL-2.0
/*
 * rtnetlink through libnl-route-3: one socket for requests, one for the
 * events v4v6d follows (neighbours, addresses, links), and one for each
 * dump (links, addresses, neighbours; routes and rules, removed as found).
 */
#include <errno.h>
#include <stdlib.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/macvlan.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>
#include <netlink/route/rule.h>

#include "log.h"
#include "rtnl.h"

#ifndef FR_ACT_TO_TBL
#define FR_ACT_TO_TBL 1
#endif
#define RTPROT_V4V6D 99		/* the routes v4v6d made ("proto 99") */
#define EV_RCVBUF (4 << 20)	/* the event socket's receive buffer */

static struct nl_sock *cmd_sk;
static struct nl_sock *ev_sk;

/* libnl's error as a negative errno-like number, logged. */
static int nlerr(int err, const char *what)
{
	if (err >= 0)
		return 0;
	log_debug("%s: %s", what, nl_geterror(err));
	return err;
}

static struct nl_addr *addr6(const struct in6_addr *a, int plen)
{
	struct nl_addr *na = nl_addr_build(AF_INET6, a, 16);

	if (na)
		nl_addr_set_prefixlen(na, plen);
	return na;
}

int rtnl_ifindex(const char *name)
{
	struct rtnl_link *link;
	int ifindex;

	if (rtnl_link_get_kernel(cmd_sk, 0, name, &link) < 0)
		return 0;
	ifindex = rtnl_link_get_ifindex(link);
	rtnl_link_put(link);
	return ifindex;
}

unsigned int rtnl_ifflags(int ifindex)
{
	struct rtnl_link *link;
	unsigned int flags;

	if (!ifindex || rtnl_link_get_kernel(cmd_sk, ifindex, NULL, &link) < 0)
		return 0;
	flags = rtnl_link_get_flags(link);
	rtnl_link_put(link);
	return flags;
}

int rtnl_ifmac(int ifindex, uint8_t mac[6])
{
	struct rtnl_link *link;
	struct nl_addr *a;
	int ret = -1;

	if (rtnl_link_get_kernel(cmd_sk, ifindex, NULL, &link) < 0)
		return -1;
	a = rtnl_link_get_addr(link);
	if (a && nl_addr_get_len(a) == 6) {
		memcpy(mac, nl_addr_get_binary_addr(a), 6);
		ret = 0;
	}
	rtnl_link_put(link);
	return ret;
}

int rtnl_macvlan_add(const char *name, int lower, const uint8_t mac[6])
{
	struct rtnl_link *link = rtnl_link_macvlan_alloc();
	struct nl_addr *lladdr = nl_addr_build(AF_LLC, mac, 6);
	int err = -NLE_NOMEM;

	if (link && lladdr) {
		rtnl_link_set_name(link, name);
		rtnl_link_set_link(link, lower);
		rtnl_link_set_addr(link, lladdr);
		rtnl_link_macvlan_set_mode(link, MACVLAN_MODE_PRIVATE);
		err = rtnl_link_add(cmd_sk, link, NLM_F_CREATE | NLM_F_EXCL);
	}
	nl_addr_put(lladdr);
	rtnl_link_put(link);
	if (err < 0) {
		log_err("macvlan %s: %s", name, nl_geterror(err));
		return err;
	}
	return rtnl_ifindex(name) ?: -ENODEV;
}

int rtnl_link_up(int ifindex)
{
	struct rtnl_link *link, *change = rtnl_link_alloc();
	int err = -NLE_NOMEM;

	if (!change)
		return err;
	err = rtnl_link_get_kernel(cmd_sk, ifindex, NULL, &link);
	if (err >= 0) {
		rtnl_link_set_flags(change, IFF_UP);
		err = rtnl_link_change(cmd_sk, link, change, 0);
		rtnl_link_put(link);
	}
	rtnl_link_put(change);
	return nlerr(err, "link up");
}

int rtnl_link_del(int ifindex)
{
	struct rtnl_link *link = rtnl_link_alloc();
	int err;

	if (!link)
		return -NLE_NOMEM;
	rtnl_link_set_ifindex(link, ifindex);
	err = rtnl_link_delete(cmd_sk, link);
	rtnl_link_put(link);
	return nlerr(err, "link delete");
}

static struct rtnl_addr *addr_obj(int ifindex, const struct in6_addr *a,
				  int plen)
{
	struct rtnl_addr *ra = rtnl_addr_alloc();
	struct nl_addr *local = addr6(a, plen);

	if (ra && local) {
		rtnl_addr_set_ifindex(ra, ifindex);
		rtnl_addr_set_family(ra, AF_INET6);
		rtnl_addr_set_local(ra, local);
		rtnl_addr_set_prefixlen(ra, plen);
	} else {
		rtnl_addr_put(ra);
		ra = NULL;
	}
	nl_addr_put(local);
	return ra;
}

int rtnl_addr6_set(int ifindex, const struct in6_addr *addr, int plen,
		   uint32_t valid, uint32_t preferred, bool optimistic)
{
	struct rtnl_addr *ra = addr_obj(ifindex, addr, plen);
	int err;

	if (!ra)
		return -NLE_NOMEM;
	rtnl_addr_set_valid_lifetime(ra, valid);
	rtnl_addr_set_preferred_lifetime(ra, preferred);
	rtnl_addr_set_flags(ra, IFA_F_NOPREFIXROUTE |
			    (optimistic ? IFA_F_OPTIMISTIC : 0));
	err = rtnl_addr_add(cmd_sk, ra, NLM_F_REPLACE);
	rtnl_addr_put(ra);
	if (err < 0)
		log_err("address on interface %d: %s", ifindex,
			nl_geterror(err));
	return err < 0 ? err : 0;
}

int rtnl_addr6_del(int ifindex, const struct in6_addr *addr, int plen)
{
	struct rtnl_addr *ra = addr_obj(ifindex, addr, plen);
	int err;

	if (!ra)
		return -NLE_NOMEM;
	err = rtnl_addr_delete(cmd_sk, ra, 0);
	rtnl_addr_put(ra);
	return nlerr(err, "address delete");
}

struct addr_query {
	int ifindex;
	const struct in6_addr *addr;	/* NULL: any link-local */
	int flags;
	struct in6_addr found;		/* the address that matched */
};

static void addr_match(struct nl_object *obj, void *arg)
{
	struct rtnl_addr *ra = (struct rtnl_addr *)obj;
	struct addr_query *q = arg;
	struct nl_addr *local = rtnl_addr_get_local(ra);
	const struct in6_addr *a;
	unsigned int flags = rtnl_addr_get_flags(ra);

	if (rtnl_addr_get_ifindex(ra) != q->ifindex ||
	    rtnl_addr_get_family(ra) != AF_INET6 || !local ||
	    nl_addr_get_len(local) != 16)
		return;
	a = nl_addr_get_binary_addr(local);
	if (q->addr ? !memcmp(a, q->addr, 16) :
	    (IN6_IS_ADDR_LINKLOCAL(a) &&
	     (!(flags & IFA_F_TENTATIVE) || (flags & IFA_F_OPTIMISTIC)) &&
	     !(flags & IFA_F_DADFAILED))) {
		q->flags = flags;
		memcpy(&q->found, a, 16);
	}
}

static int addr_query(struct addr_query *q)
{
	struct nl_cache *cache;

	q->flags = -1;
	if (rtnl_addr_alloc_cache(cmd_sk, &cache) < 0)
		return -1;
	nl_cache_foreach(cache, addr_match, q);
	nl_cache_free(cache);
	return q->flags;
}

int rtnl_addr6_flags(int ifindex, const struct in6_addr *addr)
{
	struct addr_query q = { .ifindex = ifindex, .addr = addr };

	return addr_query(&q);
}

bool rtnl_linklocal(int ifindex, struct in6_addr *ll)
{
	struct addr_query q = { .ifindex = ifindex };

	if (addr_query(&q) < 0)
		return false;
	*ll = q.found;
	return true;
}

static struct rtnl_route *route_obj(uint32_t table, const struct in6_addr *dst,
				   int len, const struct in6_addr *src,
				   const struct in6_addr *gw, int ifindex,
				   uint32_t metric)
{
	struct rtnl_route *rt = rtnl_route_alloc();
	struct rtnl_nexthop *nh = rtnl_route_nh_alloc();
	struct nl_addr *d = addr6(dst, len), *g = gw ? addr6(gw, 128) : NULL;
	struct nl_addr *s = src ? addr6(src, 128) : NULL;

	if (!rt || !nh || !d || (gw && !g) || (src && !s)) {
		rtnl_route_put(rt);
		rtnl_route_nh_free(nh);
		rt = NULL;
		goto out;
	}
	rtnl_route_set_family(rt, AF_INET6);
	rtnl_route_set_table(rt, table);
	rtnl_route_set_dst(rt, d);
	if (s)
		rtnl_route_set_src(rt, s);
	rtnl_route_set_priority(rt, metric);
	rtnl_route_set_protocol(rt, RTPROT_V4V6D);
	rtnl_route_nh_set_ifindex(nh, ifindex);
	if (g)
		rtnl_route_nh_set_gateway(nh, g);
	rtnl_route_add_nexthop(rt, nh);
out:
	nl_addr_put(d);
	nl_addr_put(g);
	nl_addr_put(s);
	return rt;
}

int rtnl_route6_set(uint32_t table, const struct in6_addr *dst, int len,
		    const struct in6_addr *src, const struct in6_addr *gw,
		    int ifindex, uint32_t metric)
{
	struct rtnl_route *rt = route_obj(table, dst, len, src, gw, ifindex,
					  metric);
	int err;

	if (!rt)
		return -NLE_NOMEM;
	err = rtnl_route_add(cmd_sk, rt, NLM_F_CREATE | NLM_F_REPLACE);
	rtnl_route_put(rt);
	if (err < 0)
		log_err("route on interface %d: %s", ifindex, nl_geterror(err));
	return err < 0 ? err : 0;
}

int rtnl_route6_del(uint32_t table, const struct in6_addr *dst, int len,
		    const struct in6_addr *src, int ifindex, uint32_t metric)
{
	struct rtnl_route *rt = route_obj(table, dst, len, src, NULL, ifindex,
					  metric);
	int err;

	if (!rt)
		return -NLE_NOMEM;
	err = rtnl_route_delete(cmd_sk, rt, 0);
	rtnl_route_put(rt);
	return nlerr(err, "route delete");
}

/*
 * A kernel without CONFIG_IPV6_SUBTREES refuses any route with a source:
 * EINVAL, "Specifying source address requires IPV6_SUBTREES to be enabled"
 * (EOPNOTSUPP from some older ones). The route tried routes nothing that
 * could be sent: from ::1 (never on the wire) to the discard-only prefix
 * (RFC 6666), unreachable.
 */
bool rtnl_route6_src_ok(uint32_t table)
{
	static const struct in6_addr discard = { { { 0x01 } } };
	struct rtnl_route *rt = rtnl_route_alloc();
	struct nl_addr *d = addr6(&discard, 64);
	struct nl_addr *s = addr6(&in6addr_loopback, 128);
	int err = -NLE_NOMEM;

	if (rt && d && s) {
		rtnl_route_set_family(rt, AF_INET6);
		rtnl_route_set_table(rt, table);
		rtnl_route_set_type(rt, RTN_UNREACHABLE);
		rtnl_route_set_dst(rt, d);
		rtnl_route_set_src(rt, s);
		rtnl_route_set_protocol(rt, RTPROT_V4V6D);
		err = rtnl_route_add(cmd_sk, rt, NLM_F_CREATE | NLM_F_REPLACE);
		if (err >= 0)
			nlerr(rtnl_route_delete(cmd_sk, rt, 0), "route delete");
	}
	nl_addr_put(d);
	nl_addr_put(s);
	rtnl_route_put(rt);
	if (err == -NLE_INVAL || err == -NLE_OPNOTSUPP)
		return false;
	if (err < 0)
		log_warn("a route with a source, tried: %s", nl_geterror(err));
	return true;
}

static struct rtnl_rule *rule_obj(const struct in6_addr *src, uint32_t table,
				  uint32_t prio)
{
	struct rtnl_rule *rule = rtnl_rule_alloc();
	struct nl_addr *s = src ? addr6(src, 128) : NULL;

	if (!rule || (src && !s)) {
		rtnl_rule_put(rule);
		nl_addr_put(s);
		return NULL;
	}
	rtnl_rule_set_family(rule, AF_INET6);
	if (s)
		rtnl_rule_set_src(rule, s);
	rtnl_rule_set_table(rule, table);
	rtnl_rule_set_prio(rule, prio);
	rtnl_rule_set_action(rule, FR_ACT_TO_TBL);
	nl_addr_put(s);
	return rule;
}

int rtnl_rule6_add(const struct in6_addr *src, uint32_t table, uint32_t prio)
{
	struct rtnl_rule *rule = rule_obj(src, table, prio);
	int err;

	if (!rule)
		return -NLE_NOMEM;
	err = rtnl_rule_add(cmd_sk, rule, NLM_F_CREATE | NLM_F_EXCL);
	rtnl_rule_put(rule);
	if (err == -NLE_EXIST)
		err = 0;
	if (err < 0)
		log_err("rule for table %u: %s", table, nl_geterror(err));
	return err < 0 ? err : 0;
}

int rtnl_rule6_del(const struct in6_addr *src, uint32_t table, uint32_t prio)
{
	struct rtnl_rule *rule = rule_obj(src, table, prio);
	int err;

	if (!rule)
		return -NLE_NOMEM;
	err = rtnl_rule_delete(cmd_sk, rule, 0);
	rtnl_rule_put(rule);
	return nlerr(err, "rule delete");
}

struct ev_ctx {
	const struct rtnl_event_ops *ops;
	void *arg;
	int type;		/* RTM_* of the message */
	int ifi_family;		/* a link message's (libnl's object says
				 * AF_BRIDGE for any bridge) */
	int only_ifindex;	/* dumps of neighbours, IPv4 addresses:
				 * this interface only */
	int only_family;	/* address dumps: this family only */
	int req_family;		/* the dump's family (AF_UNSPEC: all) */
	/*
	 * rtnl_route6_flush(): the routes of these tables are removed;
	 * rtnl_rule6_purge(): the rules at @prio for @table or above
	 */
	const uint32_t *tables;
	size_t n_tables;
	uint32_t table, prio;
	void (*gone)(void *arg, uint32_t table);
	int count;
};

static void on_neigh(struct rtnl_neigh *n, struct ev_ctx *c)
{
	struct nl_addr *dst = rtnl_neigh_get_dst(n);
	struct nl_addr *ll = rtnl_neigh_get_lladdr(n);
	struct in_addr ip;
	int state = rtnl_neigh_get_state(n);

	if (c->only_ifindex && rtnl_neigh_get_ifindex(n) != c->only_ifindex)
		return;
	if (c->ops->lladdr && ll && nl_addr_get_len(ll) == 6)
		c->ops->lladdr(c->arg, rtnl_neigh_get_ifindex(n),
			       nl_addr_get_binary_addr(ll),
			       c->type == RTM_DELNEIGH);
	if (rtnl_neigh_get_family(n) != AF_INET || !dst ||
	    nl_addr_get_len(dst) != 4 || !c->ops->neigh)
		return;
	if (c->type == RTM_DELNEIGH)
		state = NUD_NONE;
	else if (!ll || nl_addr_get_len(ll) != 6)
		return;
	memcpy(&ip, nl_addr_get_binary_addr(dst), 4);
	c->ops->neigh(c->arg, rtnl_neigh_get_ifindex(n),
		      ll && nl_addr_get_len(ll) == 6 ?
		      nl_addr_get_binary_addr(ll) : (const uint8_t[6]){ 0 },
		      ip, state);
}

static void on_addr(struct rtnl_addr *ra, struct ev_ctx *c)
{
	struct nl_addr *local = rtnl_addr_get_local(ra);
	struct in_addr a4;

	if (c->only_family && rtnl_addr_get_family(ra) != c->only_family)
		return;
	if (rtnl_addr_get_family(ra) == AF_INET && local &&
	    nl_addr_get_len(local) == 4 && c->ops->addr4 &&
	    (!c->only_ifindex ||
	     rtnl_addr_get_ifindex(ra) == c->only_ifindex)) {
		memcpy(&a4, nl_addr_get_binary_addr(local), 4);
		c->ops->addr4(c->arg, rtnl_addr_get_ifindex(ra), a4,
			      rtnl_addr_get_prefixlen(ra),
			      c->type == RTM_DELADDR);
		return;
	}
	if (rtnl_addr_get_family(ra) != AF_INET6 || !local ||
	    nl_addr_get_len(local) != 16 || !c->ops->addr)
		return;
	c->ops->addr(c->arg, rtnl_addr_get_ifindex(ra),
		     nl_addr_get_binary_addr(local), rtnl_addr_get_flags(ra),
		     c->type == RTM_DELADDR);
}

/*
 * A link's own messages only: a bridge also sends RTM_NEWLINK and
 * RTM_DELLINK of family AF_BRIDGE about its ports (one leaving the bridge
 * is no link going).
 */
static void on_link(struct rtnl_link *l, struct ev_ctx *c)
{
	const char *name = rtnl_link_get_name(l);
	struct nl_addr *a = rtnl_link_get_addr(l);

	if (c->ifi_family != AF_UNSPEC)
		return;
	if (c->ops->link)
		c->ops->link(c->arg, rtnl_link_get_ifindex(l), name ? name : "",
			     rtnl_link_get_flags(l), c->type == RTM_DELLINK);
	if (c->ops->link_mac && c->type == RTM_NEWLINK)
		c->ops->link_mac(c->arg, rtnl_link_get_ifindex(l),
				 name ? name : "",
				 a && nl_addr_get_len(a) == 6 ?
				 nl_addr_get_binary_addr(a) : NULL);
}

static int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* rtnl_route6_flush()'s dump: each route of the tables removed. */
static void on_route(struct rtnl_route *rt, struct ev_ctx *c)
{
	uint32_t table = rtnl_route_get_table(rt);

	if (c->n_tables && rtnl_route_get_family(rt) == AF_INET6 &&
	    bsearch(&table, c->tables, c->n_tables, sizeof(table), u32_cmp) &&
	    !nlerr(rtnl_route_delete(cmd_sk, rt, 0), "route delete"))
		c->count++;
}

/* rtnl_rule6_purge()'s dump: each rule of the kind removed. */
static void on_rule(struct rtnl_rule *rule, struct ev_ctx *c)
{
	uint32_t table = rtnl_rule_get_table(rule);

	if (!c->table || rtnl_rule_get_family(rule) != AF_INET6 ||
	    rtnl_rule_get_prio(rule) != c->prio || table < c->table ||
	    rtnl_rule_get_action(rule) != FR_ACT_TO_TBL)
		return;
	if (nlerr(rtnl_rule_delete(cmd_sk, rule, 0), "rule delete"))
		return;
	c->count++;
	c->gone(c->arg, table);
}

static void on_object(struct nl_object *obj, void *arg)
{
	struct ev_ctx *c = arg;
	const char *type = nl_object_get_type(obj);

	if (!strcmp(type, "route/neigh"))
		on_neigh((struct rtnl_neigh *)obj, c);
	else if (!strcmp(type, "route/addr"))
		on_addr((struct rtnl_addr *)obj, c);
	else if (!strcmp(type, "route/link"))
		on_link((struct rtnl_link *)obj, c);
	else if (!strcmp(type, "route/route"))
		on_route((struct rtnl_route *)obj, c);
	else if (!strcmp(type, "route/rule"))
		on_rule((struct rtnl_rule *)obj, c);
}

static int on_msg(struct nl_msg *msg, void *arg)
{
	struct ev_ctx *c = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct ifinfomsg *ifi = nlmsg_data(nlh);

	c->type = nlh->nlmsg_type;
	c->ifi_family = AF_UNSPEC;
	if ((c->type == RTM_NEWLINK || c->type == RTM_DELLINK) &&
	    nlmsg_datalen(nlh) >= (int)sizeof(*ifi))
		c->ifi_family = ifi->ifi_family;
	nl_msg_parse(msg, on_object, c);
	return NL_OK;
}

bool rtnl_read_events(const struct rtnl_event_ops *ops, void *arg)
{
	struct ev_ctx c = { .ops = ops, .arg = arg };
	int err;

	nl_socket_modify_cb(ev_sk, NL_CB_VALID, NL_CB_CUSTOM, on_msg, &c);
	do {
		err = nl_recvmsgs_default(ev_sk);
	} while (err >= 0);
	if (err == -NLE_AGAIN)
		return true;
	log_warn("rtnetlink events: %s: some were lost", nl_geterror(err));
	return false;
}

/*
 * dump(): a dump of @type (RTM_GETLINK, ...), each object to @c's callbacks
 * as its message comes, one at a time: never the whole table in memory (a
 * libnl cache of 1,000 identities' links is some 2 MiB). It has a socket
 * of its own, since the callbacks send requests on cmd_sk (an identity
 * made for a neighbour) and may dump in turn. A dump the kernel says was
 * interrupted by a change is read again (as libnl's caches do): the
 * callbacks take an object twice as they take an event again.
 */
static int dump(int type, struct ev_ctx *c, const char *what)
{
	struct nl_sock *sk = nl_socket_alloc();
	int err = -NLE_NOMEM, tries = 0;

	if (sk)
		err = nl_connect(sk, NETLINK_ROUTE);
	if (!err) {
		nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_msg, c);
		do {
			err = nl_rtgen_request(sk, type, c->req_family,
					       NLM_F_DUMP);
			if (err >= 0)
				err = nl_recvmsgs_default(sk);
		} while (err == -NLE_DUMP_INTR && ++tries < 5);
	}
	nl_socket_free(sk);
	return nlerr(err, what);
}

int rtnl_neigh4_dump(int ifindex, const struct rtnl_event_ops *ops, void *arg)
{
	struct ev_ctx c = { .ops = ops, .arg = arg, .only_ifindex = ifindex };

	return dump(RTM_GETNEIGH, &c, "neighbour dump");
}

int rtnl_link_dump(const struct rtnl_event_ops *ops, void *arg)
{
	struct ev_ctx c = { .ops = ops, .arg = arg };

	return dump(RTM_GETLINK, &c, "link dump");
}

/* addr_dump(): @c's callbacks for each address there is. */
static int addr_dump(struct ev_ctx *c)
{
	return dump(RTM_GETADDR, c, "address dump");
}

int rtnl_addr6_dump(const struct rtnl_event_ops *ops, void *arg)
{
	struct ev_ctx c = { .ops = ops, .arg = arg, .only_family = AF_INET6 };

	return addr_dump(&c);
}

int rtnl_addr4_dump(int ifindex, const struct rtnl_event_ops *ops, void *arg)
{
	struct ev_ctx c = { .ops = ops, .arg = arg, .only_ifindex = ifindex,
			    .only_family = AF_INET };

	return addr_dump(&c);
}

int rtnl_route6_flush(const uint32_t *tables, size_t n)
{
	struct ev_ctx c = { .req_family = AF_INET6, .tables = tables,
			    .n_tables = n };
	int err = n ? dump(RTM_GETROUTE, &c, "route dump") : 0;

	return err < 0 ? err : c.count;
}

int rtnl_rule6_purge(uint32_t prio, uint32_t min_table,
		     void (*gone)(void *arg, uint32_t table), void *arg)
{
	struct ev_ctx c = { .req_family = AF_INET6, .table = min_table,
			    .prio = prio, .gone = gone, .arg = arg };
	int err = dump(RTM_GETRULE, &c, "rule dump");

	return err < 0 ? err : c.count;
}

int rtnl_neigh4_probe(int ifindex, struct in_addr ipv4)
{
	struct rtnl_neigh *n = rtnl_neigh_alloc();
	struct nl_addr *dst = nl_addr_build(AF_INET, &ipv4, 4);
	int err = -NLE_NOMEM;

	if (n && dst) {
		rtnl_neigh_set_ifindex(n, ifindex);
		rtnl_neigh_set_family(n, AF_INET);
		rtnl_neigh_set_dst(n, dst);
		rtnl_neigh_set_flags(n, NTF_USE);
		err = rtnl_neigh_add(cmd_sk, n, NLM_F_REPLACE);
	}
	nl_addr_put(dst);
	rtnl_neigh_put(n);
	return nlerr(err, "neighbour probe");
}

int rtnl_neigh4_set(int ifindex, struct in_addr ipv4, const uint8_t mac[6])
{
	struct rtnl_neigh *n = rtnl_neigh_alloc();
	struct nl_addr *dst = nl_addr_build(AF_INET, &ipv4, 4);
	struct nl_addr *ll = nl_addr_build(AF_LLC, mac, 6);
	int err = -NLE_NOMEM;

	if (n && dst && ll) {
		rtnl_neigh_set_ifindex(n, ifindex);
		rtnl_neigh_set_family(n, AF_INET);
		rtnl_neigh_set_dst(n, dst);
		rtnl_neigh_set_lladdr(n, ll);
		rtnl_neigh_set_state(n, NUD_REACHABLE);
		err = rtnl_neigh_add(cmd_sk, n, NLM_F_CREATE | NLM_F_REPLACE);
	}
	nl_addr_put(ll);
	nl_addr_put(dst);
	rtnl_neigh_put(n);
	return nlerr(err, "neighbour set");
}

int rtnl_neigh4_del(int ifindex, struct in_addr ipv4)
{
	struct rtnl_neigh *n = rtnl_neigh_alloc();
	struct nl_addr *dst = nl_addr_build(AF_INET, &ipv4, 4);
	int err = -NLE_NOMEM;

	if (n && dst) {
		rtnl_neigh_set_ifindex(n, ifindex);
		rtnl_neigh_set_family(n, AF_INET);
		rtnl_neigh_set_dst(n, dst);
		err = rtnl_neigh_delete(cmd_sk, n, 0);
		if (err == -NLE_OBJ_NOTFOUND)
			err = 0;
	}
	nl_addr_put(dst);
	rtnl_neigh_put(n);
	return nlerr(err, "neighbour delete");
}

int rtnl_event_fd(void)
{
	return nl_socket_get_fd(ev_sk);
}

int rtnl_open(void)
{
	cmd_sk = nl_socket_alloc();
	ev_sk = nl_socket_alloc();
	if (!cmd_sk || !ev_sk || nl_connect(cmd_sk, NETLINK_ROUTE) ||
	    nl_connect(ev_sk, NETLINK_ROUTE))
		goto fail;
	nl_socket_disable_seq_check(ev_sk);
	nl_socket_set_nonblocking(ev_sk);
	nl_socket_set_buffer_size(ev_sk, EV_RCVBUF, 0);
	/*
	 * SO_RCVBUF (libnl's) is capped by net.core.rmem_max, some 200 KiB
	 * by default, less than the events of a hundred identities made at
	 * once: with CAP_NET_ADMIN the whole size is had.
	 */
	setsockopt(nl_socket_get_fd(ev_sk), SOL_SOCKET, SO_RCVBUFFORCE,
		   &(int){ EV_RCVBUF }, sizeof(int));
	if (nl_socket_add_memberships(ev_sk, RTNLGRP_NEIGH,
				      RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV4_IFADDR,
				      RTNLGRP_LINK, 0))
		goto fail;
	return 0;
fail:
	log_err("rtnetlink: cannot open its sockets");
	rtnl_close();
	return -1;
}

void rtnl_close(void)
{
	nl_socket_free(cmd_sk);
	nl_socket_free(ev_sk);
	cmd_sk = NULL;
	ev_sk = NULL;
}
