// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of v4v6d/admit.c on a fake clock: who is learnt (MACs, the
 * LAN's subnets, the lists, the WAN's MACs, max-devices, learn-rate and
 * its queue), and when an IPv4 address passes from its holder to another
 * MAC (only when the holder leaves ARP requests unanswered); and of the
 * ARP packets of v4v6d/arp.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "admit.h"
#include "arp.h"

#define T0	1000000000000ull	/* the fake clock's start, as v4v6d's */

static const uint8_t VICTIM[6] = { 2, 0, 0, 0, 0, 0x0a };
static const uint8_t SPOOFER[6] = { 2, 0, 0, 0, 0, 0x66 };
static const uint8_t OTHER[6] = { 2, 0, 0, 0, 0, 0x0b };

/* What admit.c asked of the daemon. */
static struct {
	unsigned int probes, gone, learnt, conflicts_on, conflicts_off;
	unsigned int refused;
	uint8_t probed[6], gone_holder[6], gone_claimant[6], learnt_mac[6];
	struct in_addr probed_ip, learnt_ip;
} calls;

static void on_probe(void *ctx, struct in_addr ipv4, const uint8_t holder[6])
{
	(void)ctx;
	calls.probes++;
	calls.probed_ip = ipv4;
	memcpy(calls.probed, holder, 6);
}

static void on_gone(void *ctx, struct in_addr ipv4, const uint8_t holder[6],
		    const uint8_t claimant[6])
{
	(void)ctx;
	(void)ipv4;
	calls.gone++;
	memcpy(calls.gone_holder, holder, 6);
	memcpy(calls.gone_claimant, claimant, 6);
}

static void on_conflict(void *ctx, struct in_addr ipv4,
			const uint8_t holder[6], bool on)
{
	(void)ctx;
	(void)ipv4;
	assert_memory_equal(holder, VICTIM, 6);
	if (on)
		calls.conflicts_on++;
	else
		calls.conflicts_off++;
}

static struct admit a;
static struct config cfg;
static uint64_t fake_now;

/* As v4v6d's dev_seen() does: the source is checked again. */
static void on_refused(void *ctx, struct in_addr ipv4,
		       const uint8_t holder[6])
{
	(void)ctx;
	(void)ipv4;
	assert_memory_equal(holder, VICTIM, 6);
	calls.refused++;
}

static void on_learn(void *ctx, const uint8_t mac[6], struct in_addr ipv4,
		     bool sure)
{
	(void)ctx;
	assert_int_equal(admit_new(&a, &cfg, mac, ipv4, 1, sure, fake_now),
			 ADMIT_OK);
	calls.learnt++;
	memcpy(calls.learnt_mac, mac, 6);
	calls.learnt_ip = ipv4;
}

static const struct admit_ops ops = {
	.probe = on_probe,
	.gone = on_gone,
	.conflict = on_conflict,
	.refused = on_refused,
	.learn = on_learn,
};

static struct in_addr ip4(const char *s)
{
	struct in_addr x;

	assert_int_equal(inet_pton(AF_INET, s, &x), 1);
	return x;
}

/* A LAN of 192.168.1.1/24, defaults otherwise. */
static int setup(void **state)
{
	(void)state;
	memset(&calls, 0, sizeof(calls));
	admit_init(&a, &ops, NULL);
	config_defaults(&cfg);
	admit_subnet(&a, ip4("192.168.1.1"), 24, false);
	return 0;
}

static enum admit_why learn(const uint8_t mac[6], const char *ip,
			    unsigned int n_devs, uint64_t now)
{
	return admit_new(&a, &cfg, mac, ip4(ip), n_devs, true, now);
}

static void test_macs(void **state)
{
	static const uint8_t mcast[6] = { 1, 0, 0x5e, 0, 0, 1 };
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t zero[6] = { 0 };
	static const uint8_t odd[6] = { 3, 0, 0, 0, 0, 1 };

	(void)state;
	assert_int_equal(learn(mcast, "192.168.1.20", 0, T0), ADMIT_BAD_MAC);
	assert_int_equal(learn(bcast, "192.168.1.20", 0, T0), ADMIT_BAD_MAC);
	assert_int_equal(learn(zero, "192.168.1.20", 0, T0), ADMIT_BAD_MAC);
	assert_int_equal(learn(odd, "192.168.1.20", 0, T0), ADMIT_BAD_MAC);
	assert_int_equal(a.count[ADMIT_BAD_MAC], 4);
	/* logged once, the others counted as not logged */
	assert_int_equal(a.quiet[ADMIT_BAD_MAC], 3);
	assert_int_equal(learn(VICTIM, "192.168.1.20", 0, T0), ADMIT_OK);
}

static void test_subnets(void **state)
{
	(void)state;
	assert_true(admit_in_lan(&a, ip4("192.168.1.10")));
	assert_int_equal(learn(VICTIM, "192.168.2.10", 0, T0), ADMIT_SUBNET);
	assert_int_equal(learn(VICTIM, "10.0.0.1", 0, T0), ADMIT_SUBNET);
	/* the network, its broadcast, the router itself */
	assert_int_equal(learn(VICTIM, "192.168.1.0", 0, T0), ADMIT_SUBNET);
	assert_int_equal(learn(VICTIM, "192.168.1.255", 0, T0), ADMIT_SUBNET);
	assert_int_equal(learn(VICTIM, "192.168.1.1", 0, T0), ADMIT_SUBNET);
	assert_int_equal(a.count[ADMIT_SUBNET], 5);
	assert_int_equal(learn(VICTIM, "192.168.1.254", 0, T0), ADMIT_OK);
	/* a second subnet, then the first gone */
	admit_subnet(&a, ip4("10.1.0.1"), 16, false);
	assert_int_equal(learn(OTHER, "10.1.200.3", 0, T0), ADMIT_OK);
	admit_subnet(&a, ip4("192.168.1.1"), 24, true);
	assert_int_equal(learn(OTHER, "192.168.1.20", 0, T0), ADMIT_SUBNET);
	assert_int_equal(admit_lan_addr(&a, ip4("10.1.2.3")).s_addr,
			 ip4("10.1.0.1").s_addr);
	assert_int_equal(admit_lan_addr(&a, ip4("192.168.1.3")).s_addr, 0);
	/* no subnet at all: nothing is learnt */
	admit_subnet(&a, ip4("10.1.0.1"), 16, true);
	assert_int_equal(learn(OTHER, "10.1.200.3", 0, T0), ADMIT_SUBNET);
	/* a device's move is checked alike */
	admit_subnet(&a, ip4("192.168.1.1"), 24, false);
	assert_int_equal(admit_move(&a, VICTIM, ip4("192.168.1.9"), T0),
			 ADMIT_OK);
	assert_int_equal(admit_move(&a, VICTIM, ip4("172.16.0.9"), T0),
			 ADMIT_SUBNET);
}

static void test_lists(void **state)
{
	char buf[64];

	(void)state;
	snprintf(buf, sizeof(buf), "learn-deny 02:00:00:00:00:66");
	assert_int_equal(config_line(&cfg, buf, buf, sizeof(buf)), 0);
	assert_int_equal(learn(SPOOFER, "192.168.1.66", 0, T0), ADMIT_DENIED);
	assert_int_equal(learn(VICTIM, "192.168.1.10", 0, T0), ADMIT_OK);
	/* with an allow list, only those */
	snprintf(buf, sizeof(buf), "learn-allow 02:00:00:00:00:0a");
	assert_int_equal(config_line(&cfg, buf, buf, sizeof(buf)), 0);
	assert_int_equal(learn(VICTIM, "192.168.1.10", 0, T0), ADMIT_OK);
	assert_int_equal(learn(OTHER, "192.168.1.11", 0, T0), ADMIT_DENIED);
	/* deny wins */
	snprintf(buf, sizeof(buf), "learn-allow 02:00:00:00:00:66");
	assert_int_equal(config_line(&cfg, buf, buf, sizeof(buf)), 0);
	assert_int_equal(learn(SPOOFER, "192.168.1.66", 0, T0), ADMIT_DENIED);
	assert_int_equal(a.count[ADMIT_DENIED], 3);
}

static void test_wan_macs(void **state)
{
	static const uint8_t own[6] = { 2, 0xee, 0, 0, 0, 1 };
	static const uint8_t router[6] = { 2, 0xee, 0, 0, 0, 2 };
	uint8_t m[6] = { 2, 0xdd, 0, 0, 0, 0 };
	unsigned int i;

	(void)state;
	admit_wan_mac(&a, own, true, false);
	admit_wan_mac(&a, router, false, false);
	assert_int_equal(learn(own, "192.168.1.20", 0, T0), ADMIT_WAN_MAC);
	assert_int_equal(learn(router, "192.168.1.21", 0, T0), ADMIT_WAN_MAC);
	admit_wan_mac(&a, router, false, true);
	assert_int_equal(learn(router, "192.168.1.21", 0, T0), ADMIT_OK);
	/* a crowd of neighbours never pushes out the WAN's own MAC */
	for (i = 0; i < 3 * ADMIT_MAX_WAN_MACS; i++) {
		m[5] = (uint8_t)i;
		m[4] = (uint8_t)(i >> 8);
		admit_wan_mac(&a, m, false, false);
	}
	assert_int_equal(a.n_wan_macs, ADMIT_MAX_WAN_MACS);
	assert_int_equal(learn(own, "192.168.1.20", 0, T0), ADMIT_WAN_MAC);
	/* the newest neighbour is kept */
	assert_int_equal(learn(m, "192.168.1.22", 0, T0), ADMIT_WAN_MAC);
	/* the own MAC's "gone" is not a neighbour's */
	admit_wan_mac(&a, own, false, true);
	assert_int_equal(learn(own, "192.168.1.20", 0, T0), ADMIT_WAN_MAC);
}

/* A LAN or WAN made anew: what admission knew of it is read again. */
static void test_forget(void **state)
{
	static const uint8_t own[6] = { 2, 0xee, 0, 0, 0, 1 };
	static const uint8_t router[6] = { 2, 0xee, 0, 0, 0, 2 };

	(void)state;
	admit_lan_forget(&a);
	assert_int_equal(a.n_subnets, 0);
	assert_int_equal(learn(VICTIM, "192.168.1.20", 0, T0), ADMIT_SUBNET);
	admit_subnet(&a, ip4("192.168.7.1"), 24, false);
	assert_int_equal(learn(VICTIM, "192.168.1.20", 0, T0), ADMIT_SUBNET);
	assert_int_equal(learn(VICTIM, "192.168.7.20", 0, T0), ADMIT_OK);
	/* the WAN's own MAC goes with the rest */
	admit_wan_mac(&a, own, true, false);
	admit_wan_mac(&a, router, false, false);
	admit_wan_forget(&a);
	assert_int_equal(learn(own, "192.168.7.21", 0, T0), ADMIT_OK);
	assert_int_equal(learn(router, "192.168.7.22", 0, T0), ADMIT_OK);
	admit_wan_mac(&a, router, false, false);
	assert_int_equal(learn(router, "192.168.7.22", 0, T0), ADMIT_WAN_MAC);
}

static void test_max_devices(void **state)
{
	(void)state;
	cfg.max_devices = 3;
	assert_int_equal(learn(VICTIM, "192.168.1.10", 2, T0), ADMIT_OK);
	assert_int_equal(learn(OTHER, "192.168.1.11", 3, T0), ADMIT_FULL);
	assert_int_equal(learn(OTHER, "192.168.1.11", 4, T0), ADMIT_FULL);
	assert_int_equal(a.count[ADMIT_FULL], 2);
	assert_int_equal(learn(OTHER, "192.168.1.11", 2, T0), ADMIT_OK);
}

static void test_learn_rate(void **state)
{
	uint8_t m[6] = { 2, 0xcc, 0, 0, 0, 0 };
	char ip[32];
	unsigned int i;

	(void)state;
	cfg.learn_rate = 10;
	for (i = 0; i < 10; i++) {
		m[5] = (uint8_t)i;
		snprintf(ip, sizeof(ip), "192.168.1.%u", 20 + i);
		assert_int_equal(learn(m, ip, i, T0), ADMIT_OK);
	}
	/* the eleventh waits */
	m[5] = 10;
	assert_int_equal(learn(m, "192.168.1.30", 10, T0), ADMIT_RATE);
	assert_int_equal(a.n_pending, 1);
	/* queued once, however often it is seen */
	assert_int_equal(learn(m, "192.168.1.31", 10, T0 + 10), ADMIT_RATE);
	assert_int_equal(a.n_pending, 1);
	assert_int_equal(admit_deadline(&a, &cfg), T0 + 100);
	admit_timers(&a, &cfg, fake_now = T0 + 99);
	assert_int_equal(calls.learnt, 0);
	admit_timers(&a, &cfg, fake_now = T0 + 100);
	assert_int_equal(calls.learnt, 1);
	assert_memory_equal(calls.learnt_mac, m, 6);
	assert_int_equal(calls.learnt_ip.s_addr, ip4("192.168.1.31").s_addr);
	assert_int_equal(a.n_pending, 0);
	assert_int_equal(admit_deadline(&a, &cfg), UINT64_MAX);
}

static void test_queue_full(void **state)
{
	uint8_t m[6] = { 2, 0xcc, 0, 0, 0, 0 };
	unsigned int i;

	(void)state;
	cfg.learn_rate = 1;
	cfg.max_devices = 65536;
	assert_int_equal(learn(OTHER, "192.168.1.2", 0, T0), ADMIT_OK);
	for (i = 0; i < ADMIT_MAX_PENDING; i++) {
		m[4] = (uint8_t)(i >> 8);
		m[5] = (uint8_t)i;
		assert_int_equal(learn(m, "192.168.1.3", 1, T0), ADMIT_RATE);
	}
	m[3] = 1;
	assert_int_equal(learn(m, "192.168.1.3", 1, T0), ADMIT_QUEUE_FULL);
	assert_int_equal(a.count[ADMIT_QUEUE_FULL], 1);
	/* one a second from the queue, in order */
	admit_timers(&a, &cfg, fake_now = T0 + 1000);
	assert_int_equal(calls.learnt, 1);
	assert_int_equal(calls.learnt_mac[5], 0);
	admit_timers(&a, &cfg, fake_now = T0 + 1500);
	assert_int_equal(calls.learnt, 1);
	admit_timers(&a, &cfg, fake_now = T0 + 2000);
	assert_int_equal(calls.learnt, 2);
	assert_int_equal(calls.learnt_mac[5], 1);
}

/* The victim answers: the spoofer is refused, and the address stays. */
static void test_claim_answered(void **state)
{
	struct in_addr ip = ip4("192.168.1.10");
	uint64_t t = T0;

	(void)state;
	admit_claim(&a, ip, VICTIM, SPOOFER, t);
	assert_int_equal(calls.probes, 1);
	assert_memory_equal(calls.probed, VICTIM, 6);
	assert_int_equal(calls.probed_ip.s_addr, ip.s_addr);
	assert_true(admit_probing(&a, ip));
	/* a reply from someone else (the spoofer itself) is no answer */
	admit_alive(&a, ip, SPOOFER, t + 100);
	assert_true(admit_probing(&a, ip));
	admit_alive(&a, ip, VICTIM, t + 200);
	assert_false(admit_probing(&a, ip));
	assert_int_equal(calls.conflicts_on, 1);
	assert_int_equal(a.n_conflicts, 1);
	assert_int_equal(a.count[ADMIT_CONFLICT], 1);
	assert_int_equal(calls.refused, 1);
	/* long after, nothing moved */
	admit_timers(&a, &cfg, t + 10000);
	assert_int_equal(calls.gone, 0);
	/* claimed again within the hold: refused, no new probe, no new log */
	admit_claim(&a, ip, VICTIM, SPOOFER, t + 20000);
	assert_int_equal(calls.probes, 1);
	assert_int_equal(a.count[ADMIT_CONFLICT], 2);
	assert_int_equal(calls.refused, 2);
	/* after the hold, asked again; answered again: still one conflict */
	t += ADMIT_HOLD_MS + 1000;
	admit_claim(&a, ip, VICTIM, SPOOFER, t);
	assert_int_equal(calls.probes, 2);
	admit_alive(&a, ip, VICTIM, t + 500);
	assert_int_equal(a.n_conflicts, 1);
	assert_int_equal(calls.conflicts_on, 1);
	assert_int_equal(calls.gone, 0);
	/* forgotten an hour after the last answer, the flag off */
	admit_timers(&a, &cfg, t + 499 + ADMIT_FORGET_MS);
	assert_int_equal(calls.conflicts_off, 0);
	admit_timers(&a, &cfg, t + 500 + ADMIT_FORGET_MS);
	assert_int_equal(calls.conflicts_off, 1);
	assert_int_equal(admit_deadline(&a, &cfg), UINT64_MAX);
}

/* The holder is gone: three requests a second apart, then it passes. */
static void test_claim_unanswered(void **state)
{
	struct in_addr ip = ip4("192.168.1.10");
	uint64_t t = T0;

	(void)state;
	admit_claim(&a, ip, VICTIM, OTHER, t);
	assert_int_equal(calls.probes, 1);
	/* claims while it is asked change nothing */
	admit_claim(&a, ip, VICTIM, OTHER, t + 10);
	assert_int_equal(calls.probes, 1);
	/*
	 * a sign of the holder from before it was asked (the kernel's last
	 * packet, reported late) is no answer: it may have left since
	 */
	admit_alive(&a, ip, VICTIM, t - 1);
	assert_true(admit_probing(&a, ip));
	assert_int_equal(a.n_conflicts, 0);
	assert_int_equal(admit_deadline(&a, &cfg), t + ADMIT_PROBE_WAIT_MS);
	admit_timers(&a, &cfg, t + 999);
	assert_int_equal(calls.probes, 1);
	admit_timers(&a, &cfg, t + 1000);
	assert_int_equal(calls.probes, 2);
	admit_timers(&a, &cfg, t + 2000);
	assert_int_equal(calls.probes, ADMIT_PROBE_TRIES);
	admit_timers(&a, &cfg, t + 2999);
	assert_int_equal(calls.gone, 0);
	admit_timers(&a, &cfg, t + 3000);
	assert_int_equal(calls.gone, 1);
	assert_memory_equal(calls.gone_holder, VICTIM, 6);
	assert_memory_equal(calls.gone_claimant, OTHER, 6);
	assert_int_equal(calls.probes, ADMIT_PROBE_TRIES);
	assert_false(admit_probing(&a, ip));
	assert_int_equal(a.moves, 1);
	assert_int_equal(a.n_conflicts, 0);
}

/*
 * Two hosts with one address: the holder answers each time, the other is
 * refused each time, and is asked about at most once a hold.
 */
static void test_no_flapping(void **state)
{
	struct in_addr ip = ip4("192.168.1.10");
	uint64_t t;

	(void)state;
	for (t = T0; t < T0 + 10 * ADMIT_HOLD_MS; t += 1000) {
		admit_claim(&a, ip, VICTIM, SPOOFER, t);
		if (admit_probing(&a, ip))
			admit_alive(&a, ip, VICTIM, t + 300);
		admit_timers(&a, &cfg, t + 500);
	}
	assert_int_equal(calls.gone, 0);
	assert_int_equal(a.n_conflicts, 1);
	assert_in_range(calls.probes, 10, 11);
}

/* Too many claims at once: the others refused until claimed again. */
static void test_many_claims(void **state)
{
	uint8_t holder[6] = { 2, 0, 0, 0, 0, 0x0a };
	char ip[32];
	unsigned int i;

	(void)state;
	for (i = 0; i < ADMIT_MAX_PROBES + 5; i++) {
		snprintf(ip, sizeof(ip), "192.168.1.%u", 10 + i);
		admit_claim(&a, ip4(ip), holder, SPOOFER, T0);
	}
	assert_int_equal(calls.probes, ADMIT_MAX_PROBES);
	assert_int_equal(a.count[ADMIT_CONFLICT], 5);
}

static void test_moved(void **state)
{
	struct in_addr ip = ip4("192.168.1.10");

	(void)state;
	admit_claim(&a, ip, VICTIM, SPOOFER, T0);
	admit_alive(&a, ip, VICTIM, T0 + 1);
	assert_int_equal(calls.conflicts_on, 1);
	/* the operator moved it: the conflict goes, the flag with it */
	admit_moved(&a, ip);
	assert_int_equal(calls.conflicts_off, 1);
	admit_claim(&a, ip, OTHER, SPOOFER, T0 + 2);
	assert_int_equal(calls.probes, 2);
}

static void test_arp(void **state)
{
	static const uint8_t own[6] = { 2, 0xee, 0, 0, 0, 1 };
	uint8_t buf[ARP_LEN], mac[6];
	struct in_addr ip;

	(void)state;
	arp_build(buf, own, ip4("192.168.1.1"), ip4("192.168.1.10"));
	assert_int_equal(buf[1], 1);
	assert_int_equal(buf[2], 0x08);
	assert_int_equal(buf[7], 1);
	assert_memory_equal(buf + 8, own, 6);
	assert_memory_equal(buf + 24, &(struct in_addr){ ip4("192.168.1.10").s_addr }, 4);
	/* a request is not a reply */
	assert_int_equal(arp_parse(buf, sizeof(buf), mac, &ip), 0);
	buf[7] = 2;
	assert_int_equal(arp_parse(buf, sizeof(buf), mac, &ip), 1);
	assert_memory_equal(mac, own, 6);
	assert_int_equal(ip.s_addr, ip4("192.168.1.1").s_addr);
	assert_int_equal(arp_parse(buf, sizeof(buf) - 1, mac, &ip), 0);
	buf[4] = 8;
	assert_int_equal(arp_parse(buf, sizeof(buf), mac, &ip), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_macs, setup),
		cmocka_unit_test_setup(test_subnets, setup),
		cmocka_unit_test_setup(test_lists, setup),
		cmocka_unit_test_setup(test_wan_macs, setup),
		cmocka_unit_test_setup(test_forget, setup),
		cmocka_unit_test_setup(test_max_devices, setup),
		cmocka_unit_test_setup(test_learn_rate, setup),
		cmocka_unit_test_setup(test_queue_full, setup),
		cmocka_unit_test_setup(test_claim_answered, setup),
		cmocka_unit_test_setup(test_claim_unanswered, setup),
		cmocka_unit_test_setup(test_no_flapping, setup),
		cmocka_unit_test_setup(test_many_claims, setup),
		cmocka_unit_test_setup(test_moved, setup),
		cmocka_unit_test(test_arp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
