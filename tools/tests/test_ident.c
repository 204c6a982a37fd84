// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/ident.c's routing: source routes in one table with
 * one rule, an earlier version's rules and tables removed at start, and a
 * table and rule per identity on a kernel without CONFIG_IPV6_SUBTREES,
 * against a fake of rtnetlink that records what it was asked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "rtnl.h"
#include "v4v6d.h"
#include "asked.h"

struct daemon d4;

/* what(): what was asked since the last call */
static const char *what(void)
{
	static char out[sizeof(asked)];

	memcpy(out, asked, asked_len + 1);
	asked_len = 0;
	asked[0] = '\0';
	return out;
}

/* ip(): @a as text, "-" for none (four at a time in one ask()) */
static const char *ip(const struct in6_addr *a)
{
	static char buf[4][INET6_ADDRSTRLEN];
	static unsigned int n;
	char *s = buf[n++ % 4];

	if (!a)
		return "-";
	return inet_ntop(AF_INET6, a, s, INET6_ADDRSTRLEN);
}

/* The kernel: takes source routes or not; the earlier rules it has. */
static bool subtrees;
static const uint32_t *old_rules;
static size_t n_old_rules;

bool rtnl_route6_src_ok(uint32_t table)
{
	ask("src_ok(%u)", table);
	return subtrees;
}

int rtnl_route6_set(uint32_t table, const struct in6_addr *dst, int len,
		    const struct in6_addr *src, const struct in6_addr *gw,
		    int ifindex, uint32_t metric)
{
	ask("set(%u,%s/%d,%s,%s,%d,%u)", table, ip(dst), len, ip(src), ip(gw),
	    ifindex, metric);
	return 0;
}

int rtnl_route6_del(uint32_t table, const struct in6_addr *dst, int len,
		    const struct in6_addr *src, int ifindex, uint32_t metric)
{
	ask("del(%u,%s/%d,%s,%d,%u)", table, ip(dst), len, ip(src), ifindex,
	    metric);
	return 0;
}

int rtnl_route6_flush(const uint32_t *tables, size_t n)
{
	char list[256] = "";
	size_t i, len = 0;

	for (i = 0; i < n; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%u",
					i ? "," : "", tables[i]);
	ask("flush(%s)", list);
	return (int)n * 2;
}

int rtnl_rule6_add(const struct in6_addr *src, uint32_t table, uint32_t prio)
{
	ask("rule_add(%s,%u,%u)", ip(src), table, prio);
	return 0;
}

int rtnl_rule6_del(const struct in6_addr *src, uint32_t table, uint32_t prio)
{
	ask("rule_del(%s,%u,%u)", ip(src), table, prio);
	return 0;
}

int rtnl_rule6_purge(uint32_t prio, uint32_t min_table,
		     void (*gone)(void *arg, uint32_t table), void *arg)
{
	size_t i;

	ask("purge(%u,%u)", prio, min_table);
	for (i = 0; i < n_old_rules; i++)
		gone(arg, old_rules[i]);
	return (int)n_old_rules;
}

/* What ident.c uses besides, not called by these tests. */
int rtnl_ifindex(const char *name)
{
	(void)name;
	return 0;
}

int rtnl_ifmac(int ifindex, uint8_t mac[6])
{
	(void)ifindex;
	(void)mac;
	return -1;
}

int rtnl_macvlan_add(const char *name, int lower, const uint8_t mac[6])
{
	(void)name;
	(void)lower;
	(void)mac;
	return -1;
}

int rtnl_link_up(int ifindex)
{
	(void)ifindex;
	return 0;
}

int rtnl_link_del(int ifindex)
{
	ask("link_del(%d)", ifindex);
	return 0;
}

bool rtnl_linklocal(int ifindex, struct in6_addr *ll)
{
	(void)ifindex;
	(void)ll;
	return false;
}

int rtnl_link_dump(const struct rtnl_event_ops *ops, void *arg)
{
	(void)ops;
	(void)arg;
	return 0;
}

void imap_add(struct imap *m, struct imap_node *node, int ifindex)
{
	(void)m;
	(void)node;
	(void)ifindex;
}

void imap_del(struct imap *m, struct imap_node *node)
{
	(void)m;
	(void)node;
}

int isock_send(int fd, int ifindex, const struct in6_addr *src,
	       const uint8_t *msg, size_t len)
{
	(void)fd;
	(void)ifindex;
	(void)src;
	(void)msg;
	(void)len;
	return 0;
}

uint64_t now_ms(void)
{
	return 1000;
}

const char *mac_str(const uint8_t mac[6])
{
	(void)mac;
	return "mac";
}

static struct in6_addr addr(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

/* The WAN's RAs: router fe80::1, on-link 2001:db8::/64; identity 10. */
static struct dev dev;

static int setup(void **state)
{
	struct ra_state *ra = &d4.wan.ra;

	(void)state;
	memset(&d4, 0, sizeof(d4));
	memset(&dev, 0, sizeof(dev));
	ra->n_routers = 1;
	ra->routers[0].addr = addr("fe80::1");
	ra->routers[0].end_ms = 1800000;
	ra->n_onlink = 1;
	ra->onlink[0].prefix = addr("2001:db8::");
	ra->onlink[0].len = 64;
	dev.ifindex = 10;
	subtrees = true;
	n_old_rules = 0;
	what();
	return 0;
}

/* Source routes: one table and one rule for all, the routes per address. */
static void test_source_routes(void **state)
{
	struct in6_addr a = addr("2001:db8::a"), b = addr("2001:db8::b");
	struct in6_addr onlink = addr("2001:db8::");

	(void)state;
	ident_routing_start();
	assert_string_equal(what(), "src_ok(1000);rule_add(-,1000,1000);"
			    "purge(1000,1001);");
	/* no address yet: the main table's default route only */
	ident_routes(&dev);
	assert_string_equal(what(), "set(254,::/0,-,fe80::1,10,4106);");
	ident_addr(&dev, &a);
	assert_string_equal(what(),
			    "set(1000,2001:db8::/64,2001:db8::a,-,10,0);"
			    "set(1000,::/0,2001:db8::a,fe80::1,10,0);");
	ident_addr(&dev, &a);		/* a renewal: nothing */
	assert_string_equal(what(), "");
	ident_routes(&dev);		/* an RA changed something */
	assert_string_equal(what(),
			    "set(1000,2001:db8::/64,2001:db8::a,-,10,0);"
			    "set(1000,::/0,2001:db8::a,fe80::1,10,0);"
			    "set(254,::/0,-,fe80::1,10,4106);");
	ident_addr(&dev, &b);		/* the address moved */
	assert_string_equal(what(),
			    "del(1000,2001:db8::/64,2001:db8::a,10,0);"
			    "del(1000,::/0,2001:db8::a,10,0);"
			    "set(1000,2001:db8::/64,2001:db8::b,-,10,0);"
			    "set(1000,::/0,2001:db8::b,fe80::1,10,0);");
	ident_unroute(&dev, &onlink, 64);
	assert_string_equal(what(), "del(1000,2001:db8::/64,2001:db8::b,10,0);");
	d4.wan.ra.n_onlink = 0;
	d4.wan.ra.n_routers = 0;
	ident_unroute(&dev, &in6addr_any, 0);
	assert_string_equal(what(), "del(1000,::/0,2001:db8::b,10,0);"
			    "del(254,::/0,-,10,4106);");
	ident_destroy(&dev);
	assert_string_equal(what(), "del(1000,::/0,2001:db8::b,10,0);"
			    "link_del(10);");
	assert_false(dev.has_src);
	ident_routing_end();		/* v4v6d -R */
	assert_string_equal(what(), "rule_del(-,1000,1000);");
}

/* An earlier version's rules at start: gone, and their tables flushed. */
static void test_old_rules(void **state)
{
	static const uint32_t found[] = { 1013, 1011, 1013 };

	(void)state;
	old_rules = found;
	n_old_rules = 3;		/* a dump read twice tells one twice */
	ident_routing_start();
	assert_string_equal(what(), "src_ok(1000);rule_add(-,1000,1000);"
			    "purge(1000,1001);flush(1011,1013,1013);");
	/* none: no route dump */
	n_old_rules = 0;
	ident_routing_start();
	assert_string_equal(what(), "src_ok(1000);rule_add(-,1000,1000);"
			    "purge(1000,1001);");
}

/* No CONFIG_IPV6_SUBTREES: a table of its own and a rule per identity. */
static void test_own_tables(void **state)
{
	struct in6_addr a = addr("2001:db8::a"), b = addr("2001:db8::b");
	struct in6_addr onlink = addr("2001:db8::");

	(void)state;
	subtrees = false;
	ident_routing_start();
	assert_string_equal(what(), "src_ok(1000);rule_del(-,1000,1000);");
	ident_routes(&dev);		/* its table, before any address */
	assert_string_equal(what(), "set(1010,2001:db8::/64,-,-,10,0);"
			    "set(1010,::/0,-,fe80::1,10,0);"
			    "set(254,::/0,-,fe80::1,10,4106);");
	ident_addr(&dev, &a);
	assert_string_equal(what(), "rule_add(2001:db8::a,1010,1000);");
	ident_addr(&dev, &b);
	assert_string_equal(what(), "rule_del(2001:db8::a,1010,1000);"
			    "rule_add(2001:db8::b,1010,1000);");
	ident_unroute(&dev, &onlink, 64);
	assert_string_equal(what(), "del(1010,2001:db8::/64,-,10,0);");
	ident_addr(&dev, NULL);
	assert_string_equal(what(), "rule_del(2001:db8::b,1010,1000);");
	ident_routing_end();
	assert_string_equal(what(), "");
}

#define T(name)	cmocka_unit_test_setup(name, setup)

int main(void)
{
	static const struct CMUnitTest tests[] = {
		T(test_source_routes),
		T(test_old_rules),
		T(test_own_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
