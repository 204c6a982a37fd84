// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/follow.c: what v4v6d does when the LAN, the WAN, an
 * identity or v4v6.ko goes and comes back, and after lost rtnetlink events,
 * against fakes of the kernel (rtnetlink, the v4v6 family) and of the rest
 * of the daemon, which record what they were asked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include <linux/v4v6.h>

#include "knl.h"
#include "rtnl.h"
#include "v4v6d.h"
#include "asked.h"

struct daemon d4;

/* The system: interfaces by name, and what the dumps find. */
static struct {
	const char *name;
	int ifindex;
	unsigned int flags;
} links[8];
static unsigned int n_links;
static struct {
	int ifindex;
	struct in6_addr addr;
} addrs[8];
static unsigned int n_addrs;
static bool family_there;

static void link_is(const char *name, int ifindex, unsigned int flags)
{
	links[n_links].name = name;
	links[n_links].ifindex = ifindex;
	links[n_links].flags = flags;
	n_links++;
}

int rtnl_ifindex(const char *name)
{
	unsigned int i;

	for (i = 0; i < n_links; i++)
		if (!strcmp(links[i].name, name))
			return links[i].ifindex;
	return 0;
}

unsigned int rtnl_ifflags(int ifindex)
{
	unsigned int i;

	for (i = 0; i < n_links; i++)
		if (links[i].ifindex == ifindex)
			return links[i].flags;
	return 0;
}

int rtnl_link_dump(const struct rtnl_event_ops *ops, void *arg)
{
	unsigned int i;

	for (i = 0; i < n_links; i++)
		ops->link(arg, links[i].ifindex, links[i].name,
			  links[i].flags, false);
	return 0;
}

int rtnl_addr6_dump(const struct rtnl_event_ops *ops, void *arg)
{
	unsigned int i;

	for (i = 0; i < n_addrs; i++)
		ops->addr(arg, addrs[i].ifindex, &addrs[i].addr, 0, false);
	return 0;
}

int knl_set_config(uint32_t lan, uint32_t wan, bool unknown_drop,
		   bool inbound_all, uint32_t lowest_mtu)
{
	(void)unknown_drop;
	(void)inbound_all;
	(void)lowest_mtu;
	ask("config(%u,%u)", lan, wan);
	return 0;
}

int knl_reopen(void)
{
	ask("reopen");
	return family_there ? 0 : -1;
}

void knl_gone(void)
{
	ask("gone");
}

void pref64_choose(void)
{
	ask("pref64(%d)", d4.pref64_set);
}

void dev_kernel_resync(void)
{
	ask("resync");
}

void lan_neigh_dump(void)
{
	ask("neigh(%d)", d4.lan_ifindex);
}

void lan_admit_read(bool moved)
{
	ask("lan_admit(%d,%d)", d4.lan_ifindex, moved);
}

void wan_admit_read(void)
{
	ask("wan_admit(%d)", d4.wan_ifindex);
}

int wan_open(void)
{
	ask("ra(%d)", d4.wan_ifindex);
	return 0;
}

void ident_remake_all(void)
{
	ask("remake");
}

void wan_carrier(unsigned int flags)
{
	ask("carrier(%x)", flags);
}

void dev_link_gone(int ifindex)
{
	ask("link_gone(%d)", ifindex);
}

void dev_addr_event(int ifindex, const struct in6_addr *addr,
		    unsigned int flags, bool gone)
{
	(void)flags;
	/* only what the daemon has to hear: addresses gone */
	if (gone)
		ask("addr_gone(%d,%02x)", ifindex, addr->s6_addr[15]);
}

#define UP	0x10001u	/* IFF_UP | IFF_LOWER_UP */

/* A gateway: LAN br-lan (5), WAN eth1 (3), identities 10 and 11. */
static int setup(void **state)
{
	(void)state;
	memset(&d4, 0, sizeof(d4));
	snprintf(d4.cfg.lan, sizeof(d4.cfg.lan), "br-lan");
	snprintf(d4.cfg.wan, sizeof(d4.cfg.wan), "eth1");
	d4.lan_ifindex = 5;
	d4.wan_ifindex = 3;
	d4.wan_carrier = true;
	d4.pref64_set = true;
	n_links = 0;
	link_is("br-lan", 5, UP);
	link_is("eth1", 3, UP);
	link_is("v6d0a", 10, UP);
	link_is("v6d0b", 11, UP);
	n_addrs = 0;
	family_there = true;
	asked_len = 0;
	asked[0] = '\0';
	return 0;
}

static const char *what(void)
{
	static char copy[sizeof(asked)];

	memcpy(copy, asked, sizeof(copy));
	asked_len = 0;
	asked[0] = '\0';
	return copy;
}

static void test_lan_recreated(void **state)
{
	(void)state;
	follow_link(5, "br-lan", UP, true);
	assert_int_equal(d4.lan_ifindex, 0);
	/* admission forgets its subnets, its ARP socket is closed */
	assert_string_equal(what(), "lan_admit(0,1);");
	/* other links come and go meanwhile: nothing for the LAN */
	follow_link(6, "eth0", UP, false);
	assert_string_equal(what(), "");
	follow_link(7, "br-lan", 0, false);
	assert_int_equal(d4.lan_ifindex, 7);
	/* its subnets read and ARP opened before a neighbour is learnt */
	assert_string_equal(what(), "lan_admit(7,1);config(7,3);neigh(7);");
	/* changes of the same: nothing more */
	follow_link(7, "br-lan", UP, false);
	assert_string_equal(what(), "");
}

static void test_wan_recreated(void **state)
{
	(void)state;
	follow_link(3, "eth1", UP, true);
	assert_int_equal(d4.wan_ifindex, 0);
	assert_false(d4.wan_carrier);
	assert_string_equal(what(), "ra(0);wan_admit(0);");
	/* its identities go with it */
	follow_link(10, "v6d0a", UP, true);
	assert_string_equal(what(), "link_gone(10);");
	follow_link(12, "eth1", 0x1002, false);
	assert_int_equal(d4.wan_ifindex, 12);
	assert_string_equal(what(), "ra(12);wan_admit(12);config(5,12);remake;"
			    "carrier(1002);");
	/* then only its carrier matters */
	follow_link(12, "eth1", UP, false);
	assert_string_equal(what(), "carrier(10001);");
}

static void test_identity_gone(void **state)
{
	(void)state;
	follow_link(11, "v6d0b", UP, true);
	assert_string_equal(what(), "link_gone(11);");
	assert_int_equal(d4.lan_ifindex, 5);
	assert_int_equal(d4.wan_ifindex, 3);
}

/* The module's link-gone: the LAN and WAN looked up by name again. */
static void test_kernel_link_gone(void **state)
{
	(void)state;
	/* br-lan is back already as 8 */
	links[0].ifindex = 8;
	follow_kernel_link_gone(5, "br-lan", V4V6_LINK_LAN);
	assert_int_equal(d4.lan_ifindex, 8);
	assert_string_equal(what(), "lan_admit(8,1);config(8,3);neigh(8);"
			    "carrier(10001);");
	/* not back yet */
	links[0].name = "lan-old";
	follow_kernel_link_gone(8, "br-lan", V4V6_LINK_LAN);
	assert_int_equal(d4.lan_ifindex, 0);
	assert_string_equal(what(), "lan_admit(0,1);carrier(10001);");
	follow_kernel_link_gone(10, "v6d0a", V4V6_LINK_IDENTITY);
	assert_string_equal(what(), "link_gone(10);");
}

static void test_family(void **state)
{
	(void)state;
	follow_family(false);
	assert_string_equal(what(), "gone;");
	follow_family(true);
	assert_string_equal(what(), "reopen;config(5,3);pref64(0);resync;");
	/* gone again before it could be resolved: nothing pushed */
	family_there = false;
	follow_family(true);
	assert_string_equal(what(), "reopen;");
}

/* Lost events: identities and addresses that went meanwhile. */
static void test_resync(void **state)
{
	struct dev a = { .ifindex = 10, .has_ipv6 = true };
	struct dev b = { .ifindex = 11, .has_ipv6 = true, .next = &a };
	struct dev c = { .next = &b };	/* no identity yet */

	(void)state;
	a.ipv6.s6_addr[15] = 0xa;
	b.ipv6.s6_addr[15] = 0xb;
	d4.devs = &c;
	addrs[n_addrs].ifindex = 11;
	addrs[n_addrs++].addr = b.ipv6;
	addrs[n_addrs].ifindex = 10;
	addrs[n_addrs++].addr = b.ipv6;	/* not a's */
	n_links = 3;			/* v6d0b (11) is gone */
	follow_resync();
	assert_string_equal(what(),
			    "link_gone(11);carrier(10001);addr_gone(10,0a);"
			    "lan_admit(5,0);wan_admit(3);neigh(5);");
	/* the WAN made anew meanwhile */
	links[1].ifindex = 13;
	follow_resync();
	assert_string_equal(what(),
			    "link_gone(11);ra(13);wan_admit(13);config(5,13);"
			    "remake;carrier(10001);addr_gone(10,0a);"
			    "lan_admit(5,0);wan_admit(13);neigh(5);");
}

#define T(name)	cmocka_unit_test_setup(name, setup)

int main(void)
{
	static const struct CMUnitTest tests[] = {
		T(test_lan_recreated),
		T(test_wan_recreated),
		T(test_identity_gone),
		T(test_kernel_link_gone),
		T(test_family),
		T(test_resync),
	};

	return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
