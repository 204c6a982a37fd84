// SPDX-License-Identifier: GPL-2.0
/*
 * Announcing LAN sources that are not in the table, so that v4v6d learns a
 * new device from its first packet. A busy unknown host must not flood the
 * listeners: each source is announced at most once a second, and the
 * namespace at most V4V6_UNKNOWN_EVENTS_PER_SEC times a second.
 */
#include <linux/etherdevice.h>
#include <linux/jhash.h>
#include <linux/jiffies.h>

#include "path.h"

/**
 * v4v6_unknown_allow() - whether a LAN source may be announced
 * @vn: the namespace's instance
 * @mac: the source's Ethernet address
 * @ip4: its IPv4 address
 * @now: jiffies
 *
 * Notes the announcement if it may be made. The times elapsed are unsigned
 * differences of jiffies, not time_after(): the first window starts at 0,
 * and a 32-bit jiffies begins five minutes short of wrapping
 * (INITIAL_JIFFIES), where time_after_eq(now, 0 + HZ) is false, so the
 * first V4V6_UNKNOWN_EVENTS_PER_SEC events after boot would have been the
 * last for five minutes. (After more than ULONG_MAX jiffies without an
 * event, a difference may look short once: at worst one second more of the
 * last window's count.)
 *
 * Return: true if it may.
 */
bool v4v6_unknown_allow(struct v4v6_net *vn, const u8 *mac, __be32 ip4,
			unsigned long now)
{
	struct v4v6_recent *r;
	bool allow = false;

	r = &vn->recent[jhash_1word((__force u32)ip4, 0) % V4V6_RECENT_SLOTS];
	spin_lock(&vn->ev_lock);
	if (r->ip4 == ip4 && ether_addr_equal(r->mac, mac) &&
	    now - r->when < HZ)
		goto out;
	if (now - vn->ev_window >= HZ) {
		vn->ev_window = now;
		vn->ev_sent = 0;
	}
	if (vn->ev_sent >= V4V6_UNKNOWN_EVENTS_PER_SEC)
		goto out;
	vn->ev_sent++;
	r->ip4 = ip4;
	ether_addr_copy(r->mac, mac);
	r->when = now;
	allow = true;
out:
	spin_unlock(&vn->ev_lock);
	return allow;
}

/**
 * v4v6_unknown_source() - announce a LAN source that is not in the table
 * @net: its namespace
 * @vn: the namespace's instance
 * @mac: its Ethernet address
 * @ip4: its IPv4 address
 * @ifindex: the LAN interface it came from
 *
 * Called from the packet path, BH disabled.
 */
void v4v6_unknown_source(struct net *net, struct v4v6_net *vn,
			 const u8 *mac, __be32 ip4, int ifindex)
{
	if (!v4v6_unknown_allow(vn, mac, ip4, jiffies) ||
	    !v4v6_notify_unknown(net, mac, ip4, ifindex))
		v4v6_count(vn, V4V6_STAT_EVENTS_SUPPRESSED);
}
