// SPDX-License-Identifier: GPL-2.0
/*
 * The WAN's Router Advertisements: the router the identities route through,
 * the on-link prefixes, whether addresses come by DHCPv6 (M) or SLAAC (A),
 * and the NAT64 prefix of a PREF64 option (RFC 8781). Also the choice of
 * the NAT64 prefix the kernel uses: PREF64, else RFC 7050, else the
 * configured one, else the well-known 64:ff9b::/96.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/icmp6.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "knl.h"
#include "log.h"
#include "parse.h"
#include "rtnl.h"
#include "v4v6d.h"

static int ra_fd = -1;

int wan_fd(void)
{
	return ra_fd;
}

/*
 * wan_open(): the RA socket, bound to the WAN (by its index: a WAN made
 * anew needs it opened again); none while the WAN is gone.
 */
int wan_open(void)
{
	struct icmp6_filter filter;
	char name[IF_NAMESIZE];
	int one = 1, hops = 255;

	if (ra_fd >= 0)
		close(ra_fd);
	ra_fd = -1;
	if (!d4.wan_ifindex)
		return -1;
	ra_fd = socket(AF_INET6, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
		       IPPROTO_ICMPV6);
	if (ra_fd < 0 || !if_indextoname(d4.wan_ifindex, name))
		goto fail;
	ICMP6_FILTER_SETBLOCKALL(&filter);
	ICMP6_FILTER_SETPASS(ND_ROUTER_ADVERT, &filter);
	if (setsockopt(ra_fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filter,
		       sizeof(filter)) ||
	    setsockopt(ra_fd, SOL_SOCKET, SO_BINDTODEVICE, name,
		       strlen(name)) ||
	    setsockopt(ra_fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one,
		       sizeof(one)) ||
	    setsockopt(ra_fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops,
		       sizeof(hops)) ||
	    setsockopt(ra_fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &d4.wan_ifindex,
		       sizeof(d4.wan_ifindex)))
		goto fail;
	return 0;
fail:
	log_err("RA socket on the WAN: %s", strerror(errno));
	if (ra_fd >= 0)
		close(ra_fd);
	ra_fd = -1;
	return -1;
}

/* wan_solicit(): ask the WAN's routers for an RA now. */
void wan_solicit(void)
{
	struct sockaddr_in6 to = {
		.sin6_family = AF_INET6,
		.sin6_scope_id = d4.wan_ifindex,
	};
	uint8_t buf[64], mac[6];
	size_t len;

	if (ra_fd < 0 || rtnl_ifmac(d4.wan_ifindex, mac))
		return;
	inet_pton(AF_INET6, "ff02::2", &to.sin6_addr);
	len = ra_build_rs(buf, sizeof(buf), mac);
	if (len && sendto(ra_fd, buf, len, 0, (struct sockaddr *)&to,
			  sizeof(to)) < 0)
		log_debug("router solicitation: %s", strerror(errno));
}

static const struct in6_addr any6;

/*
 * wan_carrier() - the WAN's flags changed: when its carrier came back, the
 * link may be another one (RFC 8415 18.2.12): each lease is checked at once
 * and a client soliciting starts again, rather than after the backoff grown
 * while the cable was out (up to SOL_MAX_RT, an hour); the routers are asked
 * for an RA.
 */
void wan_carrier(unsigned int flags)
{
	bool up = (flags & LINK_CARRIER) == LINK_CARRIER;
	uint64_t now = now_ms();
	struct dev *d;

	if (up == d4.wan_carrier)
		return;
	d4.wan_carrier = up;
	if (!up) {
		log_warn("WAN %s: no carrier", d4.cfg.wan);
		return;
	}
	log_info("WAN %s: carrier back: leases checked, routers asked",
		 d4.cfg.wan);
	wan_solicit();
	for (d = d4.devs; d; d = d->next)
		if (d->started && d->mode == STATE_MODE_DHCPV6 &&
		    !d->releasing && !d->dead)
			dhcp6_client_link_up(&d->dhcp, now);
}

/* routes_withdraw(): every identity's route to @dst/@len goes. */
static void routes_withdraw(const struct in6_addr *dst, uint8_t len)
{
	struct dev *d;

	for (d = d4.devs; d; d = d->next)
		if (!d->dead)
			ident_unroute(d, dst, len);
}

/* onlink_diff(): log what @now has and @was not; if @gone, withdraw it. */
static void onlink_diff(const struct ra_state *now, const struct ra_state *was,
			bool gone)
{
	unsigned int i;

	for (i = 0; i < now->n_onlink; i++) {
		const struct ra_timed *p = &now->onlink[i];

		if (ra_state_has_onlink(was, &p->prefix, p->len))
			continue;
		log_info("WAN: on-link prefix %s/%u%s", ip6_str(&p->prefix),
			 p->len, gone ? ": its lifetime is over" : "");
		if (gone)
			routes_withdraw(&p->prefix, p->len);
	}
}

/*
 * ra_follow() - the identities follow what changed in d4.wan.ra (@ch) from
 * @old: routes to prefixes gone and through a router gone are withdrawn,
 * the rest set again; SLAAC addresses follow their prefix.
 */
static void ra_follow(const struct ra_state *old, unsigned int ch)
{
	const struct ra_state *ra = &d4.wan.ra;
	const struct in6_addr *router = ra_state_router(ra);
	const struct in6_addr *was = ra_state_router(old);

	if (ch & RA_CH_ONLINK) {
		onlink_diff(old, ra, true);
		onlink_diff(ra, old, false);
	}
	if ((ch & RA_CH_ROUTER) && router) {
		log_info("WAN: router %s", ip6_str(router));
	} else if ((ch & RA_CH_ROUTER) && was) {
		log_warn("WAN: router %s gone: no default route",
			 ip6_str(was));
		routes_withdraw(&any6, 0);
	}
	if (ch & (RA_CH_ONLINK | RA_CH_ROUTER))
		dev_routes_refresh();
	if (ch & RA_CH_SLAAC) {
		if (ra->have_slaac &&
		    (!old->have_slaac ||
		     memcmp(&old->slaac.prefix, &ra->slaac.prefix, 16)))
			log_info("WAN: SLAAC prefix %s/64",
				 ip6_str(&ra->slaac.prefix));
		dev_slaac_refresh();
	}
}

static void ra_pref64(const struct ra_info *ra, uint64_t now)
{
	struct wan_info *w = &d4.wan;

	if (!ra->has_pref64)
		return;
	if (!ra->pref64_lifetime) {
		w->ra_pref64_expires_ms = now;
		wan_expire(now);
		return;
	}
	w->have_ra_pref64 = true;
	w->ra_pref64 = ra->pref64;
	w->ra_pref64_len = ra->pref64_len;
	w->ra_pref64_expires_ms = now + ra->pref64_lifetime * 1000ull;
	pref64_choose();
}

static void ra_apply(const struct ra_info *ra, const struct in6_addr *src)
{
	struct wan_info *w = &d4.wan;
	struct ra_state was = w->ra;
	uint64_t now = now_ms();

	if (!w->ra_seen || w->managed != ra->managed)
		log_info("WAN: RA from %s: addresses by %s", ip6_str(src),
			 ra->managed ? "DHCPv6 (M flag)" : "SLAAC or none");
	w->ra_seen = true;
	w->managed = ra->managed;
	ra_follow(&was, ra_state_update(&w->ra, src, ra, now));
	ra_pref64(ra, now);
}

static int hop_limit(struct msghdr *mh)
{
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(mh); c; c = CMSG_NXTHDR(mh, c))
		if (c->cmsg_level == IPPROTO_IPV6 &&
		    c->cmsg_type == IPV6_HOPLIMIT &&
		    c->cmsg_len >= CMSG_LEN(sizeof(int)))
			return *(int *)CMSG_DATA(c);
	return -1;
}

void wan_receive(void)
{
	uint8_t buf[2048];
	union {
		char buf[CMSG_SPACE(sizeof(int)) * 2];
		struct cmsghdr align;
	} cbuf;
	struct sockaddr_in6 from;
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh = {
		.msg_name = &from, .msg_namelen = sizeof(from),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf.buf, .msg_controllen = sizeof(cbuf.buf),
	};
	struct ra_info ra;
	const char *why;
	ssize_t n;

	while ((n = recvmsg(ra_fd, &mh, 0)) >= 0) {
		/* RFC 4861 6.1.2: hop limit 255 and a link-local source */
		if (hop_limit(&mh) != 255 ||
		    !IN6_IS_ADDR_LINKLOCAL(&from.sin6_addr))
			log_debug("RA from %s ignored: not from a neighbour",
				  ip6_str(&from.sin6_addr));
		else if (ra_parse(buf, n, &ra, &why))
			log_debug("RA from %s ignored: %s",
				  ip6_str(&from.sin6_addr), why);
		else
			ra_apply(&ra, &from.sin6_addr);
		mh.msg_namelen = sizeof(from);
		mh.msg_controllen = sizeof(cbuf.buf);
	}
}

void wan_expire(uint64_t now)
{
	struct wan_info *w = &d4.wan;
	struct ra_state was;
	unsigned int ch;

	if (w->have_ra_pref64 && now >= w->ra_pref64_expires_ms) {
		log_info("WAN: the RA's NAT64 prefix expired");
		w->have_ra_pref64 = false;
		pref64_choose();
		dns64_start();
	}
	was = w->ra;
	ch = ra_state_expire(&w->ra, now);
	if (ch)
		ra_follow(&was, ch);
}

void pref64_choose(void)
{
	static const struct in6_addr wkp = { { { 0, 0x64, 0xff, 0x9b } } };
	const struct wan_info *w = &d4.wan;
	const struct in6_addr *p = &wkp;
	const char *from = "the well-known prefix";
	char s[PREF64_STRLEN];
	uint8_t len = 96;

	if (w->have_ra_pref64) {
		p = &w->ra_pref64, len = w->ra_pref64_len, from = "an RA";
	} else if (d4.have_dns64) {
		p = &d4.dns64_pref, len = d4.dns64_len, from = "DNS64";
	} else if (d4.cfg.has_pref64) {
		p = &d4.cfg.pref64, len = d4.cfg.pref64_len, from = "configured";
	}
	if (d4.pref64_set && d4.pref64_len == len && !memcmp(&d4.pref64, p, 16))
		return;
	if (knl_set_pref64(p, len))
		return;
	d4.pref64 = *p;
	d4.pref64_len = len;
	d4.pref64_set = true;
	d4.dirty = true;
	format_pref64(p, len, s, sizeof(s));
	log_info("NAT64 prefix %s (%s)", s, from);
}
