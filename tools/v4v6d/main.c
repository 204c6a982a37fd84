// SPDX-License-Identifier: GPL-2.0
/*
 * v4v6d: the daemon's start, its loop and its signals. See v4v6d.h.
 *
 * Signals: SIGHUP reloads the configuration file; SIGTERM and SIGINT save
 * the state and exit, leaving v4v6.ko's table, the identities and their
 * addresses in place, so that translation goes on without the daemon.
 * v4v6d -R ends all that instead (for uninstalling): each lease released,
 * each identity and table entry removed, the identities' rule too, an
 * empty state saved.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include <linux/neighbour.h>

#include "arp.h"
#include "knl.h"
#include "log.h"
#include "rtnl.h"
#include "v4v6d.h"

/* Monotonic times are offset so that times before the start fit too. */
#define CLOCK_OFFSET_MS	1000000000000ull
#define TICK_MS		1000
/*
 * v4v6d -R: how long the Releases may take. RFC 8415 §18.2.7 sends one up
 * to REL_MAX_RC (4) times, 1 + 2 + 4 + 8 s apart at most, after the
 * identity is made again and has its link-local (a few seconds).
 */
#define ENDING_MS	30000
#define IDLE_POLL_MS	2000
#define RS_EVERY_MS	60000
#define SAVE_WAIT_MS	1000

struct daemon d4;

/* The command line's settings, applied over the file on every reload. */
static const char *config_path = CONFIG_FILE_DEFAULT;
static bool config_given;
static char *flag_lines[8];
static unsigned int n_flag_lines;

uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return CLOCK_OFFSET_MS + ts.tv_sec * 1000ull + ts.tv_nsec / 1000000;
}

int64_t ms_to_unix(uint64_t ms)
{
	uint64_t now = now_ms();

	return (int64_t)time(NULL) - (int64_t)(ms < now ? (now - ms) / 1000 : 0);
}

uint64_t unix_to_ms(int64_t t)
{
	int64_t ago = (int64_t)time(NULL) - t;
	uint64_t now = now_ms();

	if (ago <= 0)
		return now;
	if ((uint64_t)ago > (now - 1000) / 1000)
		return 1000;
	return now - (uint64_t)ago * 1000;
}

const char *mac_str(const uint8_t mac[6])
{
	static char buf[4][18];
	static unsigned int i;
	char *s = buf[i++ % 4];

	snprintf(s, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
	return s;
}

const char *ip6_str(const struct in6_addr *a)
{
	static char buf[4][INET6_ADDRSTRLEN];
	static unsigned int i;
	char *s = buf[i++ % 4];

	return inet_ntop(AF_INET6, a, s, INET6_ADDRSTRLEN);
}

static void on_unknown(void *arg, const uint8_t mac[6], struct in_addr ipv4)
{
	(void)arg;
	log_debug("kernel: unknown source %s %s", mac_str(mac),
		  inet_ntoa(ipv4));
	dev_seen(mac, ipv4, true);
}

static void on_deleted(void *arg, const uint8_t mac[6])
{
	(void)arg;
	dev_kernel_deleted(mac);
}

static void on_kernel_link_gone(void *arg, int ifindex, const char *name,
				uint32_t roles)
{
	(void)arg;
	follow_kernel_link_gone(ifindex, name, roles);
}

/* The family came (1) or went (-1) in the events just read. */
static int family_news;

static void on_family(void *arg, bool present)
{
	(void)arg;
	family_news = present ? 1 : -1;
}

static const struct knl_event_ops knl_ops = {
	.unknown = on_unknown,
	.deleted = on_deleted,
	.link_gone = on_kernel_link_gone,
	.family = on_family,
};

static void on_neigh(void *arg, int ifindex, const uint8_t mac[6],
		     struct in_addr ipv4, int nud)
{
	(void)arg;
	if (ifindex != d4.lan_ifindex ||
	    !(nud & (NUD_REACHABLE | NUD_STALE | NUD_PERMANENT)))
		return;
	/*
	 * A stale entry says the device was there once, not when: it may
	 * teach a new device, but a known one ages on (an entry going stale,
	 * or found stale at a restart, is no sign of life).
	 */
	if (!(nud & NUD_REACHABLE) && dev_find(mac))
		return;
	dev_seen(mac, ipv4, nud & NUD_REACHABLE);
}

static void on_addr(void *arg, int ifindex, const struct in6_addr *addr,
		    unsigned int flags, bool gone)
{
	(void)arg;
	dev_addr_event(ifindex, addr, flags, gone);
}

static void on_link(void *arg, int ifindex, const char *name,
		    unsigned int flags, bool gone)
{
	(void)arg;
	follow_link(ifindex, name, flags, gone);
}

/* The LAN's subnets: what devices are learnt in. */
static void on_addr4(void *arg, int ifindex, struct in_addr addr,
		     unsigned int plen, bool gone)
{
	(void)arg;
	if (ifindex != d4.lan_ifindex)
		return;
	log_debug("LAN address %s/%u%s", inet_ntoa(addr), plen,
		  gone ? " removed" : "");
	admit_subnet(&d4.admit, addr, plen, gone);
}

/* The WAN's neighbours: their MACs are never a device's. */
static void on_lladdr(void *arg, int ifindex, const uint8_t mac[6], bool gone)
{
	(void)arg;
	if (ifindex == d4.wan_ifindex)
		admit_wan_mac(&d4.admit, mac, false, gone);
}

static const struct rtnl_event_ops rtnl_ops = {
	.neigh = on_neigh,
	.addr = on_addr,
	.link = on_link,
	.addr4 = on_addr4,
	.lladdr = on_lladdr,
};

void lan_neigh_dump(void)
{
	if (d4.lan_ifindex)
		rtnl_neigh4_dump(d4.lan_ifindex, &rtnl_ops, NULL);
}

void lan_admit_read(bool moved)
{
	admit_lan_forget(&d4.admit);
	if (moved)
		arp_close();
	if (!d4.lan_ifindex)
		return;
	rtnl_addr4_dump(d4.lan_ifindex, &rtnl_ops, NULL);
	if (!d4.admit.n_subnets)
		log_warn("%s has no IPv4 address: no device is learnt until "
			 "it has one", d4.cfg.lan);
	if (moved)
		arp_open(d4.lan_ifindex);
}

void wan_admit_read(void)
{
	uint8_t mac[6];

	admit_wan_forget(&d4.admit);
	if (!d4.wan_ifindex)
		return;
	if (!rtnl_ifmac(d4.wan_ifindex, mac))
		admit_wan_mac(&d4.admit, mac, true, false);
	rtnl_neigh4_dump(d4.wan_ifindex, &rtnl_ops, NULL);
}

static void on_kdev(void *arg, const struct kdev *k)
{
	dev_kernel_idle(k->mac, k->idle_ms, *(uint64_t *)arg);
}

static int load_config(struct config *cfg)
{
	char err[512], line[256];
	unsigned int i;

	config_defaults(cfg);
	if (config_load(cfg, config_path, config_given, err, sizeof(err))) {
		log_err("%s", err);
		return -1;
	}
	for (i = 0; i < n_flag_lines; i++) {
		snprintf(line, sizeof(line), "%s", flag_lines[i]);
		if (config_line(cfg, line, err, sizeof(err))) {
			log_err("command line: %s", err);
			return -1;
		}
	}
	if (config_check(cfg, err, sizeof(err))) {
		log_err("%s", err);
		return -1;
	}
	return 0;
}

static void reload(void)
{
	struct config cfg;

	log_info("SIGHUP: reloading %s", config_path);
	if (load_config(&cfg)) {
		log_err("the configuration is unchanged");
		return;
	}
	if (strcmp(cfg.lan, d4.cfg.lan) || strcmp(cfg.wan, d4.cfg.wan) ||
	    strcmp(cfg.state_file, d4.cfg.state_file) ||
	    strcmp(cfg.ident_prefix, d4.cfg.ident_prefix)) {
		log_warn("lan, wan, state and ident-prefix change on restart only");
		memcpy(cfg.lan, d4.cfg.lan, sizeof(cfg.lan));
		memcpy(cfg.wan, d4.cfg.wan, sizeof(cfg.wan));
		memcpy(cfg.state_file, d4.cfg.state_file,
		       sizeof(cfg.state_file));
		memcpy(cfg.ident_prefix, d4.cfg.ident_prefix,
		       sizeof(cfg.ident_prefix));
	}
	dev_allow_mark(&cfg);
	d4.cfg = cfg;
	kernel_config();
	dev_apply_statics();
	dev_allow_apply();
	pref64_choose();
	dns64_start();
	d4.dirty = true;
}

static int signals_open(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		return -1;
	signal(SIGPIPE, SIG_IGN);
	return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

/* Returns false when it is time to exit. */
static bool on_signal(int fd)
{
	struct signalfd_siginfo si;

	while (read(fd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			reload();
		} else {
			log_info("signal %u: exiting, the kernel's table stays",
				 si.ssi_signo);
			return false;
		}
	}
	return true;
}

static int setup(void)
{
	d4.dhcp6_fd = isock_open();
	if (d4.dhcp6_fd < 0) {
		log_err("DHCPv6 socket on port %d: %s", DHCP6_CLIENT_PORT,
			strerror(-d4.dhcp6_fd));
		return -1;
	}
	d4.lan_ifindex = rtnl_ifindex(d4.cfg.lan);
	d4.wan_ifindex = rtnl_ifindex(d4.cfg.wan);
	if (!d4.lan_ifindex || !d4.wan_ifindex) {
		log_err("no interface %s", !d4.lan_ifindex ? d4.cfg.lan :
			d4.cfg.wan);
		return -1;
	}
	if (knl_open() || kernel_config())
		return -1;
	d4.wan_carrier = (rtnl_ifflags(d4.wan_ifindex) & LINK_CARRIER) ==
			 LINK_CARRIER;
	wan_open();
	pref64_choose();
	dev_init();
	lan_admit_read(true);
	wan_admit_read();
	ident_routing_start();
	ident_scan();
	persist_restore();
	dev_apply_statics();
	ident_scan_done();
	/* the link-locals of the identities taken over, in one dump */
	rtnl_addr6_dump(&rtnl_ops, NULL);
	lan_neigh_dump();
	wan_solicit();
	dns64_start();
	log_info("v4v6d: LAN %s, WAN %s, %u devices", d4.cfg.lan, d4.cfg.wan,
		 d4.n_devs);
	return 0;
}

/*
 * The fds to poll: signals, kernel events, rtnetlink, RAs, DNS64, ARP, the
 * identities' DHCPv6 socket: as many for a thousand devices as for one.
 */
enum { FD_SIG, FD_KNL, FD_RTNL, FD_RA, FD_DNS64, FD_ARP, FD_DHCP6, FD_N };

static struct pollfd *poll_set(int sigfd)
{
	static struct pollfd fds[FD_N];

	fds[FD_SIG] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
	fds[FD_KNL] = (struct pollfd){ .fd = knl_event_fd(), .events = POLLIN };
	fds[FD_RTNL] = (struct pollfd){ .fd = rtnl_event_fd(),
					 .events = POLLIN };
	fds[FD_RA] = (struct pollfd){ .fd = wan_fd(), .events = POLLIN };
	fds[FD_DNS64] = (struct pollfd){ .fd = dns64_fd(), .events = POLLIN };
	fds[FD_ARP] = (struct pollfd){ .fd = arp_fd(), .events = POLLIN };
	fds[FD_DHCP6] = (struct pollfd){ .fd = d4.dhcp6_fd, .events = POLLIN };
	return fds;
}

/*
 * knl_events(): the module's events, then what they said of the family.
 * Some lost: the interfaces checked, and the family (unloaded and loaded
 * again unseen?).
 */
static void knl_events(void)
{
	int news;

	if (!knl_read_events(&knl_ops, NULL)) {
		follow_links();
		if (knl_changed())
			family_news = 1;
	}
	news = family_news;
	family_news = 0;
	if (news)
		follow_family(news > 0);
}

static void poll_dispatch(struct pollfd *fds)
{
	if (fds[FD_KNL].revents)
		knl_events();
	if (fds[FD_RTNL].revents && !rtnl_read_events(&rtnl_ops, NULL))
		follow_resync();	/* the socket overran */
	if (fds[FD_ARP].revents)
		arp_receive(dev_arp_reply);
	if (fds[FD_RA].revents)
		wan_receive();
	if (fds[FD_DNS64].revents)
		dns64_receive();
	if (fds[FD_DHCP6].revents)
		dev_receive();
}

/* Once a second: aging, expiries, kernel idle times, RS, DNS64. */
static void tick(uint64_t now)
{
	static uint64_t idle_ms, rs_ms;

	if (now >= idle_ms + IDLE_POLL_MS) {
		idle_ms = now;
		knl_dev_dump(on_kdev, &now);
	}
	if (!d4.wan.ra_seen && now >= rs_ms + RS_EVERY_MS / 10) {
		rs_ms = now;
		wan_solicit();
	}
	wan_expire(now);
	dns64_tick(now);
	dev_age(now);
}

/* v4v6d -R: when to stop waiting for Replies to the Releases */
static uint64_t ending_by;

static void run(int sigfd)
{
	uint64_t next_tick = 0, now, deadline;
	struct pollfd *fds;
	int timeout;

	for (;;) {
		now = now_ms();
		if (now >= next_tick) {
			tick(now);
			next_tick = now + TICK_MS;
		}
		dev_timers(now);
		dev_sweep();
		persist_save(false);
		deadline = dev_deadline();
		if (deadline > next_tick)
			deadline = next_tick;
		timeout = deadline > now ? (int)(deadline - now) : 0;
		if (d4.dirty && timeout > (int)SAVE_WAIT_MS)
			timeout = SAVE_WAIT_MS;
		fds = poll_set(sigfd);
		if (poll(fds, FD_N, timeout) < 0 && errno != EINTR) {
			log_err("poll: %s", strerror(errno));
			return;
		}
		if (fds[FD_SIG].revents && !on_signal(sigfd))
			return;
		poll_dispatch(fds);
		if (d4.ending && (!d4.devs || now_ms() >= ending_by))
			return;
	}
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: v4v6d [-f] [-v] [-c FILE] [-s FILE] [-l LAN] [-w WAN] [-t|-R]\n"
		"  -c FILE   configuration file (default " CONFIG_FILE_DEFAULT ")\n"
		"  -s FILE   state file (default " STATE_FILE_DEFAULT ")\n"
		"  -l IF     the LAN interface (the IPv4 devices' side)\n"
		"  -w IF     the WAN interface (the IPv6-only network)\n"
		"  -f        log to stderr instead of syslog\n"
		"  -v        log debug messages too\n"
		"  -t        check the configuration and exit\n"
		"  -R        release every lease, remove every identity and\n"
		"            table entry, and exit (to uninstall; v4v6d stopped)\n"
		"  -h        this help\n"
		"See v4v6d(8).\n");
}

static int flag_line(const char *key, const char *value)
{
	char *line;

	if (n_flag_lines == sizeof(flag_lines) / sizeof(flag_lines[0]) ||
	    asprintf(&line, "%s %s", key, value) < 0)
		return -1;
	flag_lines[n_flag_lines++] = line;
	return 0;
}

static int parse_args(int argc, char **argv, bool *fg, bool *verbose,
		      bool *test)
{
	int c;

	while ((c = getopt(argc, argv, "c:s:l:w:fvtRh")) != -1) {
		switch (c) {
		case 'c':
			config_path = optarg;
			config_given = true;
			break;
		case 's':
			flag_line("state", optarg);
			break;
		case 'l':
			flag_line("lan", optarg);
			break;
		case 'w':
			flag_line("wan", optarg);
			break;
		case 'f':
			*fg = true;
			break;
		case 'v':
			*verbose = true;
			break;
		case 't':
			*test = true;
			break;
		case 'R':
			d4.ending = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "v4v6d: unexpected argument \"%s\"\n",
			argv[optind]);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	bool fg = false, verbose = false, test = false;
	int sigfd, ret = 1;

#ifdef M_ARENA_MAX
	/*
	 * glibc gives each thread that allocates an arena of its own, kept
	 * for good: the RFC 7050 lookup's thread (dns64.c) needs none.
	 */
	mallopt(M_ARENA_MAX, 1);
#endif
	if (parse_args(argc, argv, &fg, &verbose, &test))
		return 2;
	log_open(!fg && !test, verbose);
	if (load_config(&d4.cfg))
		return 1;
	if (test) {
		printf("v4v6d: %s: configuration ok\n", config_path);
		return 0;
	}
	d4.dhcp6_fd = -1;
	sigfd = signals_open();
	if (sigfd < 0 || rtnl_open()) {
		log_err("cannot start: %s", strerror(errno));
		return 1;
	}
	if (!setup()) {
		if (d4.ending) {
			log_info("releasing %u devices", d4.n_devs);
			ending_by = now_ms() + ENDING_MS;
		}
		run(sigfd);
		d4.dirty = true;	/* when each device was last seen */
		persist_save(true);
		ret = 0;
	}
	dev_stop_all();
	if (d4.ending)
		ident_routing_end();
	if (d4.dhcp6_fd >= 0)
		close(d4.dhcp6_fd);
	arp_close();
	knl_close();
	rtnl_close();
	return ret;
}
