// SPDX-License-Identifier: GPL-2.0
/*
 * The device table to and from the state file. Saved at exit, within a
 * second of a change that must survive a crash (a device added or removed,
 * an address, a mode: d4.dirty), and within the configured state-interval of
 * one that can wait (a lease renewed for the same address, a DHCPv6
 * client's step, a device going idle or coming back: d4.stale), since the
 * state file may live on flash. What waits and is lost to a crash costs
 * little: a restored lease looks older than it is (its device renews or
 * rebinds sooner), a device idle since is aged from its older last sign.
 * Restored at start: each device gets its identity and, while its lease is
 * valid, its address and its place in the kernel's table at once, before
 * the lease is renewed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "v4v6d.h"

#define SAVE_EVERY_MS	1000

static void dev_to_state(const struct dev *d, struct state_dev *s)
{
	const struct dhcp6_lease *l = NULL;

	memset(s, 0, sizeof(*s));
	memcpy(s->mac, d->mac, 6);
	s->ipv4 = d->ipv4;
	s->is_static = d->is_static;
	s->inactive = d->inactive;
	s->mode = d->mode;
	s->has_ipv6 = d->has_ipv6;
	s->ipv6 = d->ipv6;
	s->last_seen = ms_to_unix(d->seen_ms);
	if (d->dhcp.have_lease)
		l = &d->dhcp.lease;
	else if (d->restore)
		l = d->restore;
	if (l) {
		s->has_lease = true;
		s->lease = *l;
		s->lease_start = ms_to_unix(l->start_ms);
	}
	if (d->mode == STATE_MODE_DHCPV6 && d->started)
		snprintf(s->dhcp6_state, sizeof(s->dhcp6_state), "%s",
			 dhcp6_state_name(d->dhcp.state));
}

/* persist_due(): whether the changes pending must be written by now. */
bool persist_due(uint64_t now)
{
	if (d4.dirty)
		return now >= d4.saved_ms + SAVE_EVERY_MS;
	return d4.stale &&
	       now >= d4.saved_ms + (uint64_t)d4.cfg.state_interval * 1000;
}

void persist_save(bool force)
{
	struct state st = { 0 };
	uint64_t now = now_ms();
	const struct dev *d;
	size_t dropped;
	char err[256];

	if (!force && !persist_due(now))
		return;
	if (!d4.dirty && !d4.stale)
		return;
	st.devs = calloc(d4.n_devs ? d4.n_devs : 1, sizeof(*st.devs));
	if (!st.devs) {
		log_err("state file: out of memory");
		return;
	}
	for (d = d4.devs; d; d = d->next)
		if (!d->dead && !d->releasing && st.n < d4.n_devs)
			dev_to_state(d, &st.devs[st.n++]);
	st.has_pref64 = d4.pref64_set;
	st.pref64 = d4.pref64;
	st.pref64_len = d4.pref64_len;
	/* A bad device is left out, and the others saved. */
	dropped = state_prune(&st, err, sizeof(err));
	if (dropped || *err)
		log_err("state file: %zu devices not saved: %s", dropped, err);
	if (state_save(d4.cfg.state_file, &st, err, sizeof(err)))
		log_err("state file: %s", err);
	else
		d4.dirty = d4.stale = false;
	d4.saved_ms = now;
	free(st.devs);
}

static uint32_t left(uint32_t lifetime, int64_t start, int64_t now)
{
	if (lifetime == 0xffffffffu)
		return lifetime;
	if (now < start)
		return lifetime;
	return now - start >= lifetime ? 0 : lifetime - (now - start);
}

static void restore_lease(struct dev *d, const struct state_dev *s)
{
	int64_t now = ms_to_unix(now_ms());
	uint32_t valid = left(s->lease.valid, s->lease_start, now);

	if (dev_restore(d, &s->lease))
		return;
	d->restore->start_ms = unix_to_ms(s->lease_start);
	if (!valid || !d->ifindex)
		return;
	log_info("%s: lease of %s restored (%us left)", d->ident,
		 ip6_str(&s->lease.addr), valid);
	dev_set_addr(d, &s->lease.addr, valid,
		     left(s->lease.preferred, s->lease_start, now));
}

static void restore_dev(const struct state_dev *s)
{
	struct dev *d;

	if (dev_find(s->mac))
		return;
	d = dev_new(s->mac, s->ipv4);
	if (!d)
		return;
	d->inactive = s->inactive;
	d->seen_ms = state_seen_ms(s, time(NULL), now_ms());
	if (s->mode == STATE_MODE_SLAAC)
		d->mode = STATE_MODE_SLAAC;
	if (s->has_lease && s->mode == STATE_MODE_DHCPV6)
		restore_lease(d, s);
}

/* persist_restore(): the devices of the state file; -1 if it is unusable. */
int persist_restore(void)
{
	const char *path = d4.cfg.state_file;
	struct state st = { 0 };
	bool from_bak = false;
	char err[512];
	size_t i;
	int ret = state_load(path, &st, &from_bak, err, sizeof(err));

	if (ret < 0) {
		log_err("state file: %s: starting with no devices", err);
		return -1;
	}
	if (ret == 1) {
		log_info("no state file %s yet: starting with no devices", path);
		return 0;
	}
	if (from_bak)
		log_warn("state file: %s: restored from %s.bak", err, path);
	for (i = 0; i < st.n; i++)
		restore_dev(&st.devs[i]);
	log_info("restored %zu devices from %s%s", st.n, path,
		 from_bak ? ".bak" : "");
	state_free(&st);
	return 0;
}
