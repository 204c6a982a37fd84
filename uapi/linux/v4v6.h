/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * v4v6: per-device CLAT for IPv4-only LANs on IPv6-only networks.
 *
 * This header is the protocol between the kernel module (v4v6.ko) and its
 * userspace (v4v6d, v4v6ctl). It is the only header they share.
 *
 * Documentation
 * =============
 *
 * The module registers the generic netlink family V4V6_GENL_NAME, version
 * V4V6_GENL_VERSION, in every network namespace (netnsok). Every command acts
 * on the calling socket's network namespace; a rejected message carries an
 * extended-ack message saying why.
 *
 * Who may use it
 * --------------
 *
 * Commands that change state (V4V6_CMD_SET_CONFIG, V4V6_CMD_NEW_DEVICE,
 * V4V6_CMD_SET_DEVICE, V4V6_CMD_DEL_DEVICE, V4V6_CMD_FLUSH) need
 * CAP_NET_ADMIN in the initial user namespace (GENL_ADMIN_PERM, which
 * checks netlink_capable()), whichever namespace they act on: root of a
 * container whose network namespace belongs to another user namespace gets
 * -EPERM, even for its own namespace (GENL_UNS_ADMIN_PERM would be the
 * per-namespace check; v4v6 does not use it).
 *
 * Reading needs no privilege: any process that can open a netlink socket in
 * the namespace may call V4V6_CMD_GET_CONFIG, V4V6_CMD_GET_STATS and
 * V4V6_CMD_GET_DEVICE (one device or the dump of the whole table, with each
 * device's MAC, addresses, counters and idle time) and join the events
 * group, as any user may read the neighbour table (ip neigh) and the
 * interfaces' counters (ip -s link).
 *
 * Attributes
 * ----------
 *
 * All commands share one attribute space, enum v4v6_attr. A command rejects
 * (with an extended ack naming the attribute) any attribute it does not take.
 * Addresses travel in network byte order.
 *
 * V4V6_CMD_GET_CONFIG
 * -------------------
 *
 * May be called with NLM_F_REQUEST. The reply carries the instance's
 * configuration:
 *
 *    V4V6_A_CFG_LAN_IFINDEX: NLA_U32, 0 when not set
 *    V4V6_A_CFG_WAN_IFINDEX: NLA_U32, 0 when not set
 *    V4V6_A_CFG_PREF64: NLA_BINARY, 16 bytes, the NAT64 prefix (RFC 6052)
 *    V4V6_A_CFG_PREF64_LEN: NLA_U8, one of 32, 40, 48, 56, 64, 96
 *    V4V6_A_CFG_LOWEST_MTU: NLA_U32, lowest IPv6 MTU assumed on the path
 *    V4V6_A_CFG_UNKNOWN: NLA_U8, enum v4v6_unknown_policy
 *    V4V6_A_CFG_LAN_GONE: NLA_NUL_STRING, only while the LAN interface is
 *                         gone: the name it had
 *    V4V6_A_CFG_WAN_GONE: NLA_NUL_STRING, the same for the WAN
 *    V4V6_A_CFG_INBOUND: NLA_U8, enum v4v6_inbound_policy
 *
 * Translation runs only while both interfaces are set; setting the LAN to 0
 * switches it off (the device table stays).
 *
 * An interface that is unregistered (deleted, or moved to another
 * namespace) is forgotten at once: if it was the LAN or the WAN, its
 * ifindex becomes 0 (translation stops) and its name is kept in
 * V4V6_A_CFG_LAN_GONE or V4V6_A_CFG_WAN_GONE until the interface is set
 * again (to a new interface of the same name, to another, or to 0). The
 * module never picks an interface up by its name by itself: an interface
 * created anew has a new ifindex, and whoever configured the old one (v4v6d)
 * sets it.
 *
 * V4V6_CMD_SET_CONFIG
 * -------------------
 *
 * May be called with NLM_F_REQUEST and, optionally, NLM_F_ACK. Any subset of
 * the attributes of V4V6_CMD_GET_CONFIG; absent ones keep their value. The
 * message is applied whole or not at all:
 *
 *    V4V6_A_CFG_LAN_IFINDEX: an existing interface of this namespace, or 0
 *    V4V6_A_CFG_WAN_IFINDEX: an existing interface of this namespace, or 0;
 *                            never the LAN interface
 *    V4V6_A_CFG_PREF64: 16 bytes; bits past V4V6_A_CFG_PREF64_LEN and bits
 *                       64..71 (the RFC 6052 "u" octet) must be zero.
 *                       Needs V4V6_A_CFG_PREF64_LEN.
 *    V4V6_A_CFG_PREF64_LEN: see above; needs V4V6_A_CFG_PREF64
 *    V4V6_A_CFG_LOWEST_MTU: 1280 .. 65535
 *    V4V6_A_CFG_UNKNOWN: V4V6_UNKNOWN_PASS or V4V6_UNKNOWN_DROP
 *    V4V6_A_CFG_INBOUND: V4V6_INBOUND_REPLIES (the default) or
 *                        V4V6_INBOUND_ALL. "replies" needs the kernel's
 *                        connection tracking (nf_conntrack), which the
 *                        module then enables in the namespace while it
 *                        translates; -EOPNOTSUPP where it cannot.
 *
 * Setting V4V6_A_CFG_LAN_IFINDEX (or _WAN_) ends the "gone" state of that
 * interface; V4V6_A_CFG_LAN_GONE and V4V6_A_CFG_WAN_GONE are read-only.
 *
 * V4V6_CMD_NEW_DEVICE
 * -------------------
 *
 * May be called with NLM_F_REQUEST and, optionally, NLM_F_ACK. Adds a device
 * to the table:
 *
 *    V4V6_A_DEV_MAC: 6 bytes, required: a unicast Ethernet address
 *    V4V6_A_DEV_IPV4: NLA_BE32, required: a unicast IPv4 address
 *    V4V6_A_DEV_IPV6: 16 bytes, required: a global unicast IPv6 address,
 *                     outside the NAT64 prefix
 *    V4V6_A_DEV_WAN_IFINDEX: NLA_U32, optional: the device's WAN identity
 *                            (an interface, usually a macvlan on the WAN
 *                            carrying the device's MAC, that holds
 *                            V4V6_A_DEV_IPV6); 0 or absent: the WAN itself
 *    V4V6_A_DEV_STATE: NLA_U8, optional: enum v4v6_dev_state, default active
 *    V4V6_A_DEV_FLAGS: NLA_U32, optional: V4V6_DEV_F_* bits
 *    V4V6_A_DEV_ALLOW: NLA_NESTED, optional: the device's inbound allow
 *                      rules, at most V4V6_ALLOW_MAX V4V6_A_ALLOW nests,
 *                      each one rule (both kinds of nest with NLA_F_NESTED
 *                      set, as mnl_attr_nest_start() and libnl's
 *                      nla_nest_start() do):
 *        V4V6_A_ALLOW_PROTO: NLA_U8, required: IPPROTO_TCP, IPPROTO_UDP
 *                            or IPPROTO_ICMP (echo requests)
 *        V4V6_A_ALLOW_PORT_MIN, V4V6_A_ALLOW_PORT_MAX: NLA_U16, TCP and
 *                            UDP only: the destination ports let in, in
 *                            host order, 1 .. 65535, MIN <= MAX; absent:
 *                            every port (MAX alone: MIN is 1; MIN alone:
 *                            that port)
 *
 * Under V4V6_INBOUND_REPLIES a packet from the IPv6 network that starts a
 * flow to a device is translated only if one of the device's rules matches
 * its IPv4 protocol and destination port (after IPv4's PRE_ROUTING, so
 * after the firewall's destination NAT); the rules mean nothing under
 * V4V6_INBOUND_ALL.
 *
 * A device's translated packets leave through its WAN identity, routed on
 * that interface only (so that they carry the device's MAC): the identity
 * needs its own IPv6 route towards the NAT64 prefix, e.g. a default route
 * with a metric above the WAN's so the router's own traffic keeps using the
 * WAN. Without one they are dropped and counted (V4V6_STAT_NO_ROUTE).
 *
 * Each of the MAC, the IPv4 and the IPv6 address belongs to at most one
 * device: a second one fails with -EEXIST. The table holds at most
 * V4V6_MAX_DEVICES devices (-ENOSPC).
 *
 * V4V6_CMD_SET_DEVICE
 * -------------------
 *
 * Like V4V6_CMD_NEW_DEVICE, for the device with V4V6_A_DEV_MAC (-ENOENT if
 * none): the other attributes present replace the device's (V4V6_A_DEV_FLAGS
 * and V4V6_A_DEV_ALLOW as a whole: read, change and write back; an empty
 * V4V6_A_DEV_ALLOW removes every rule, an absent one keeps them); its
 * counters and last-seen time carry over. Fails as a whole (-EEXIST) if the new IPv4 or
 * IPv6 address belongs to another device.
 *
 * V4V6_CMD_DEL_DEVICE
 * -------------------
 *
 * Removes one device, named by exactly one of V4V6_A_DEV_MAC and
 * V4V6_A_DEV_IPV4; -ENOENT if there is none.
 *
 * V4V6_CMD_GET_DEVICE
 * -------------------
 *
 * With NLM_F_DUMP: one message per device. A dump during which the table
 * changed has NLM_F_DUMP_INTR set on its messages: run it again. Without: the device with
 * V4V6_A_DEV_MAC, V4V6_A_DEV_IPV4 or V4V6_A_DEV_IPV6 (exactly one), or
 * -ENOENT. A device is described by:
 *
 *    V4V6_A_DEV_MAC, V4V6_A_DEV_IPV4, V4V6_A_DEV_IPV6,
 *    V4V6_A_DEV_WAN_IFINDEX (0: the WAN), V4V6_A_DEV_STATE, V4V6_A_DEV_FLAGS
 *    V4V6_A_DEV_IDLE_MS: NLA_U64, milliseconds since the device's last
 *                        translated packet (or since it was added)
 *    V4V6_A_DEV_TX_PACKETS, V4V6_A_DEV_TX_BYTES: NLA_U64, translated from
 *                        the device to the IPv6 network (IPv4 bytes)
 *    V4V6_A_DEV_RX_PACKETS, V4V6_A_DEV_RX_BYTES: NLA_U64, translated from
 *                        the IPv6 network to the device (IPv6 bytes)
 *    V4V6_A_DEV_DROPS: NLA_U64, the device's packets v4v6 dropped
 *    V4V6_A_DEV_UNSOLICITED: NLA_U64, of those, the packets from the IPv6
 *                        network refused under V4V6_INBOUND_REPLIES
 *    V4V6_A_DEV_ALLOW: as above, only if the device has rules
 *    V4V6_A_DEV_WAN_GONE: NLA_NUL_STRING, only while the device's WAN
 *                        identity is gone: the name it had
 *
 * When a device's WAN identity is unregistered, its V4V6_A_DEV_WAN_IFINDEX
 * becomes 0 and V4V6_A_DEV_WAN_GONE says which interface it was: the
 * device's packets are then dropped both ways and counted
 * (V4V6_STAT_IDENTITY_GONE), not sent through the WAN with the router's MAC,
 * until a V4V6_CMD_SET_DEVICE with V4V6_A_DEV_WAN_IFINDEX (its identity
 * created anew, or 0 for the WAN itself) ends the "gone" state.
 *
 * V4V6_CMD_FLUSH
 * --------------
 *
 * Removes every device (with V4V6_A_FLUSH_ALL) or every device without
 * V4V6_DEV_F_STATIC (without it). Each removal is announced.
 *
 * V4V6_CMD_GET_STATS
 * ------------------
 *
 * The reply carries V4V6_A_DEVICES (NLA_U32, the number of devices) and
 * V4V6_A_STATS, a nest of NLA_U64 counters of the namespace whose attribute
 * types are enum v4v6_stat. Counters a newer module adds appear with new
 * types; readers skip the ones they do not know. Attributes of type 0 in the
 * nest are padding (machines without efficient unaligned access add them
 * before 64-bit values) and carry nothing.
 *
 * Multicast group V4V6_GENL_MCGRP_EVENTS
 * --------------------------------------
 *
 * Notifications of the namespace:
 *
 *    V4V6_CMD_SET_CONFIG: the configuration changed; laid out as the reply
 *                         to V4V6_CMD_GET_CONFIG
 *    V4V6_CMD_NEW_DEVICE, V4V6_CMD_SET_DEVICE, V4V6_CMD_DEL_DEVICE: a device
 *                         was added, changed or removed; laid out as a
 *                         V4V6_CMD_GET_DEVICE reply
 *    V4V6_CMD_UNKNOWN_SOURCE: an IPv4 packet for translation came from a LAN
 *                         source whose IPv4 address is not in the table (one
 *                         from a device's address with another MAC is
 *                         counted as spoofed and not announced). Carries
 *                         V4V6_A_DEV_MAC, V4V6_A_DEV_IPV4 and
 *                         V4V6_A_CFG_LAN_IFINDEX. At most one per second for
 *                         a given MAC and address, and at most
 *                         V4V6_UNKNOWN_EVENTS_PER_SEC in all.
 *    V4V6_CMD_LINK_GONE: an interface the instance used was unregistered.
 *                         Carries V4V6_A_LINK_IFINDEX (NLA_U32, its index),
 *                         V4V6_A_LINK_NAME (NLA_NUL_STRING, its name),
 *                         V4V6_A_LINK_ROLES (NLA_U32, V4V6_LINK_* bits: what
 *                         it was) and V4V6_A_DEVICES (NLA_U32, the number of
 *                         devices whose identity it was). It follows the
 *                         V4V6_CMD_SET_CONFIG and V4V6_CMD_SET_DEVICE events
 *                         of the changes it made, so a listener that reads
 *                         the configuration or the table on it sees them.
 *                         Each is counted (V4V6_STAT_LINK_GONE).
 *
 * Joining the group needs no privilege: it tells what the neighbour table
 * (readable by any user) already tells.
 */
#ifndef _UAPI_LINUX_V4V6_H
#define _UAPI_LINUX_V4V6_H

#define V4V6_GENL_NAME		"v4v6"
#define V4V6_GENL_VERSION	1
#define V4V6_GENL_MCGRP_EVENTS	"events"

/** V4V6_PREF64_DEFAULT_LEN - length of the well-known prefix 64:ff9b::/96 */
#define V4V6_PREF64_DEFAULT_LEN	96
/** V4V6_MIN_MTU - the IPv6 minimum link MTU (RFC 8200 section 5) */
#define V4V6_MIN_MTU		1280
#define V4V6_MAX_MTU		65535
/** V4V6_MAX_DEVICES - the most devices one namespace's table holds */
#define V4V6_MAX_DEVICES	65536
/** V4V6_UNKNOWN_EVENTS_PER_SEC - the most V4V6_CMD_UNKNOWN_SOURCE a second */
#define V4V6_UNKNOWN_EVENTS_PER_SEC 20

/**
 * enum v4v6_cmd - generic netlink commands of the v4v6 family
 * @V4V6_CMD_UNSPEC: never used
 * @V4V6_CMD_GET_CONFIG: read the namespace's configuration
 * @V4V6_CMD_SET_CONFIG: change it; also the event announcing a change
 * @V4V6_CMD_NEW_DEVICE: add a device; also its event
 * @V4V6_CMD_SET_DEVICE: change a device; also its event
 * @V4V6_CMD_DEL_DEVICE: remove a device; also its event
 * @V4V6_CMD_GET_DEVICE: read one device, or dump them all
 * @V4V6_CMD_FLUSH: remove devices
 * @V4V6_CMD_GET_STATS: read the namespace's counters
 * @V4V6_CMD_UNKNOWN_SOURCE: event only: a LAN source not in the table
 * @V4V6_CMD_LINK_GONE: event only: an interface in use was unregistered
 */
enum v4v6_cmd {
	V4V6_CMD_UNSPEC,
	V4V6_CMD_GET_CONFIG,
	V4V6_CMD_SET_CONFIG,
	V4V6_CMD_NEW_DEVICE,
	V4V6_CMD_SET_DEVICE,
	V4V6_CMD_DEL_DEVICE,
	V4V6_CMD_GET_DEVICE,
	V4V6_CMD_FLUSH,
	V4V6_CMD_GET_STATS,
	V4V6_CMD_UNKNOWN_SOURCE,
	V4V6_CMD_LINK_GONE,
	__V4V6_CMD_MAX
};

#define V4V6_CMD_MAX (__V4V6_CMD_MAX - 1)

/**
 * enum v4v6_attr - attributes of every command
 * @V4V6_A_UNSPEC: never used
 * @V4V6_A_CFG_LAN_IFINDEX: u32, interface of the IPv4-only LAN
 * @V4V6_A_CFG_WAN_IFINDEX: u32, interface of the IPv6-only network
 * @V4V6_A_CFG_PREF64: 16 bytes, NAT64 prefix
 * @V4V6_A_CFG_PREF64_LEN: u8, its length in bits
 * @V4V6_A_CFG_LOWEST_MTU: u32, lowest IPv6 MTU on the path to the NAT64
 * @V4V6_A_CFG_UNKNOWN: u8, enum v4v6_unknown_policy
 * @V4V6_A_DEV_MAC: 6 bytes, the device's Ethernet address
 * @V4V6_A_DEV_IPV4: be32, the device's IPv4 address
 * @V4V6_A_DEV_IPV6: 16 bytes, the device's IPv6 address
 * @V4V6_A_DEV_WAN_IFINDEX: u32, the device's WAN identity, 0 for the WAN
 * @V4V6_A_DEV_STATE: u8, enum v4v6_dev_state
 * @V4V6_A_DEV_FLAGS: u32, V4V6_DEV_F_* bits
 * @V4V6_A_DEV_IDLE_MS: u64, milliseconds since the last translated packet
 * @V4V6_A_DEV_TX_PACKETS: u64, packets from the device translated
 * @V4V6_A_DEV_TX_BYTES: u64, their bytes, as IPv4
 * @V4V6_A_DEV_RX_PACKETS: u64, packets to the device translated
 * @V4V6_A_DEV_RX_BYTES: u64, their bytes, as IPv6
 * @V4V6_A_DEV_DROPS: u64, the device's packets dropped
 * @V4V6_A_STATS: nest of u64 counters, attribute types enum v4v6_stat
 * @V4V6_A_DEVICES: u32, the number of devices in the table
 * @V4V6_A_FLUSH_ALL: flag: flush static devices too
 * @V4V6_A_PAD: padding of 64-bit attributes
 * @V4V6_A_CFG_LAN_GONE: string, the name of the LAN interface, gone
 * @V4V6_A_CFG_WAN_GONE: string, the name of the WAN interface, gone
 * @V4V6_A_DEV_WAN_GONE: string, the name of the device's identity, gone
 * @V4V6_A_LINK_IFINDEX: u32, the index of an interface that went
 * @V4V6_A_LINK_NAME: string, its name
 * @V4V6_A_LINK_ROLES: u32, V4V6_LINK_* bits: what it was to the instance
 * @V4V6_A_CFG_INBOUND: u8, enum v4v6_inbound_policy
 * @V4V6_A_DEV_UNSOLICITED: u64, the device's unsolicited inbound packets
 * @V4V6_A_DEV_ALLOW: nest of V4V6_A_ALLOW: the device's inbound allow rules
 * @V4V6_A_ALLOW: nest: one inbound allow rule
 * @V4V6_A_ALLOW_PROTO: u8, the rule's IPv4 protocol
 * @V4V6_A_ALLOW_PORT_MIN: u16, the lowest destination port it lets in
 * @V4V6_A_ALLOW_PORT_MAX: u16, the highest
 */
enum v4v6_attr {
	V4V6_A_UNSPEC,
	V4V6_A_CFG_LAN_IFINDEX,
	V4V6_A_CFG_WAN_IFINDEX,
	V4V6_A_CFG_PREF64,
	V4V6_A_CFG_PREF64_LEN,
	V4V6_A_CFG_LOWEST_MTU,
	V4V6_A_CFG_UNKNOWN,
	V4V6_A_DEV_MAC,
	V4V6_A_DEV_IPV4,
	V4V6_A_DEV_IPV6,
	V4V6_A_DEV_WAN_IFINDEX,
	V4V6_A_DEV_STATE,
	V4V6_A_DEV_FLAGS,
	V4V6_A_DEV_IDLE_MS,
	V4V6_A_DEV_TX_PACKETS,
	V4V6_A_DEV_TX_BYTES,
	V4V6_A_DEV_RX_PACKETS,
	V4V6_A_DEV_RX_BYTES,
	V4V6_A_DEV_DROPS,
	V4V6_A_STATS,
	V4V6_A_DEVICES,
	V4V6_A_FLUSH_ALL,
	V4V6_A_PAD,
	V4V6_A_CFG_LAN_GONE,
	V4V6_A_CFG_WAN_GONE,
	V4V6_A_DEV_WAN_GONE,
	V4V6_A_LINK_IFINDEX,
	V4V6_A_LINK_NAME,
	V4V6_A_LINK_ROLES,
	V4V6_A_CFG_INBOUND,
	V4V6_A_DEV_UNSOLICITED,
	V4V6_A_DEV_ALLOW,
	V4V6_A_ALLOW,
	V4V6_A_ALLOW_PROTO,
	V4V6_A_ALLOW_PORT_MIN,
	V4V6_A_ALLOW_PORT_MAX,
	__V4V6_A_MAX
};

#define V4V6_A_MAX (__V4V6_A_MAX - 1)

/* The most inbound allow rules a device may have. */
#define V4V6_ALLOW_MAX		16

/**
 * enum v4v6_unknown_policy - what happens to IPv4 from unknown LAN sources
 * @V4V6_UNKNOWN_PASS: left to the IPv4 stack (routing, the firewall)
 * @V4V6_UNKNOWN_DROP: dropped
 *
 * Either way an event is raised (rate-limited) and the packet counted.
 */
enum v4v6_unknown_policy {
	V4V6_UNKNOWN_PASS,
	V4V6_UNKNOWN_DROP,
	__V4V6_UNKNOWN_MAX
};

/**
 * enum v4v6_inbound_policy - what v4v6 lets in from the IPv6 network
 * @V4V6_INBOUND_REPLIES: only packets of flows a device started (replies)
 *	and ICMP errors about them, as a NAT44 router does, and flows the
 *	device's allow rules (V4V6_A_DEV_ALLOW) let in; the first packet of
 *	any other flow is dropped (V4V6_STAT_INBOUND_UNSOLICITED)
 * @V4V6_INBOUND_ALL: everything for a device's address from the NAT64
 *	prefix (the firewall's forward chain still decides)
 *
 * Either way the translated packet then goes through IPv4's PRE_ROUTING
 * and forward hooks (in: the WAN, out: the LAN), and the device's own
 * packets through IPv4's forward hooks (in: the LAN, out: the WAN) before
 * they are translated: the firewall sees translated traffic as IPv4.
 */
enum v4v6_inbound_policy {
	V4V6_INBOUND_REPLIES,
	V4V6_INBOUND_ALL,
	__V4V6_INBOUND_MAX
};

/**
 * enum v4v6_dev_state - what userspace knows of a device's presence
 * @V4V6_DEV_STATE_UNSPEC: never used
 * @V4V6_DEV_STATE_ACTIVE: seen recently
 * @V4V6_DEV_STATE_INACTIVE: not seen for a while (v4v6d's aging); its
 *	packets are still translated
 */
enum v4v6_dev_state {
	V4V6_DEV_STATE_UNSPEC,
	V4V6_DEV_STATE_ACTIVE,
	V4V6_DEV_STATE_INACTIVE,
	__V4V6_DEV_STATE_MAX
};

/** V4V6_DEV_F_STATIC - configured by hand: never aged, kept by a flush */
#define V4V6_DEV_F_STATIC	0x1U
/**
 * V4V6_DEV_F_CONFLICT - another MAC claims the device's IPv4 address while
 * the device still answers for it (v4v6d's ARP probe); the claimant was
 * refused. Information for the operator only: the kernel does nothing with it.
 */
#define V4V6_DEV_F_CONFLICT	0x2U
#define V4V6_DEV_F_ALL		(V4V6_DEV_F_STATIC | V4V6_DEV_F_CONFLICT)

/* What an interface that went was to the instance (V4V6_A_LINK_ROLES). */
/** V4V6_LINK_LAN - the LAN interface */
#define V4V6_LINK_LAN		0x1U
/** V4V6_LINK_WAN - the WAN interface */
#define V4V6_LINK_WAN		0x2U
/** V4V6_LINK_IDENTITY - the WAN identity of V4V6_A_DEVICES devices */
#define V4V6_LINK_IDENTITY	0x4U

/**
 * enum v4v6_stat - counters of a namespace (V4V6_A_STATS)
 * @V4V6_STAT_UNSPEC: never used
 * @V4V6_STAT_XLAT_4TO6: packets translated from the LAN to IPv6
 * @V4V6_STAT_XLAT_6TO4: packets translated from IPv6 to the LAN
 * @V4V6_STAT_UNKNOWN_SOURCE: IPv4 for translation from a source not in the
 *	table
 * @V4V6_STAT_SPOOFED: IPv4 from a device's address with another MAC: dropped,
 *	not announced
 * @V4V6_STAT_NO_ROUTE: no route for the translated packet: dropped
 * @V4V6_STAT_TOO_BIG_LAN: IPv6 too big for the LAN's MTU: dropped, Packet
 *	Too Big sent back
 * @V4V6_STAT_FRAGMENTED: packets cut into IPv6 fragments for the lowest MTU
 * @V4V6_STAT_TRUNCATED: headers shorter than they claim: dropped
 * @V4V6_STAT_BAD_HEADER: malformed IP header: dropped
 * @V4V6_STAT_NOMEM: no memory to rewrite a packet: dropped
 * @V4V6_STAT_TTL: TTL or hop limit expired: Time Exceeded sent back
 * @V4V6_STAT_NOT_MAPPED: an address outside the mapping: dropped
 * @V4V6_STAT_NOT_GLOBAL: a non-global IPv4 address under 64:ff9b::/96
 * @V4V6_STAT_UDP_ZERO_CSUM_FRAG: fragmented UDP without checksum: dropped
 * @V4V6_STAT_ICMP_FRAG: fragmented ICMP: dropped
 * @V4V6_STAT_ICMP_TYPE: untranslatable ICMP type: dropped
 * @V4V6_STAT_EXT_HEADER: malformed IPv6 extension headers: dropped
 * @V4V6_STAT_ROUTING: routing header with segments left: Parameter Problem
 *	sent back
 * @V4V6_STAT_TOO_BIG: too big for an IPv4 header: dropped
 * @V4V6_STAT_ICMP_CSUM: ICMP error with a bad checksum: dropped
 * @V4V6_STAT_FRAG_NEEDED: IPv4 with DF too big for the lowest IPv6 MTU:
 *	Fragmentation Needed sent back
 * @V4V6_STAT_EVENTS_SUPPRESSED: unknown-source events not sent (rate limit
 *	or no memory)
 * @V4V6_STAT_SOURCE_ROUTE: IPv4 with an unexpired source route (LSRR or
 *	SSRR): Source Route Failed sent back
 * @V4V6_STAT_GSO_SEGMENTED: GSO packets segmented in software before
 *	translation, their segments then taken one by one (fraglist GRO,
 *	tunnel and other GSO types not carried whole, BIG TCP, segments too
 *	big for the MTU without DF)
 * @V4V6_STAT_GSO_FAILED: GSO packets that could not be segmented (no
 *	memory, or a type the kernel cannot segment): dropped
 * @V4V6_STAT_MARTIAN: IPv6 from the NAT64 prefix whose embedded IPv4 source
 *	no host beyond the NAT64 can have, under any prefix: "this" network
 *	0/8, loopback 127/8, link-local 169.254/16, multicast 224/4, class E
 *	240/4 and the limited broadcast, the router's own addresses (local,
 *	broadcast and anycast routes) and addresses routed to the LAN
 *	interface (the LAN's subnets): dropped. An ICMPv6 error quoting a
 *	packet to such an address is dropped too; an ICMPv6 error from such
 *	a source is translated from 192.0.0.8 instead (RFC 7600)
 * @V4V6_STAT_IDENTITY_GONE: packets of a device whose WAN identity was
 *	unregistered and not set again: dropped
 * @V4V6_STAT_LINK_GONE: interfaces in use (the LAN, the WAN or an
 *	identity) unregistered: events, not packets
 * @V4V6_STAT_INBOUND_UNSOLICITED: IPv6 to a device that is neither a reply
 *	nor related to one of its flows, under V4V6_INBOUND_REPLIES: dropped
 */
enum v4v6_stat {
	V4V6_STAT_UNSPEC,
	V4V6_STAT_XLAT_4TO6,
	V4V6_STAT_XLAT_6TO4,
	V4V6_STAT_UNKNOWN_SOURCE,
	V4V6_STAT_SPOOFED,
	V4V6_STAT_NO_ROUTE,
	V4V6_STAT_TOO_BIG_LAN,
	V4V6_STAT_FRAGMENTED,
	V4V6_STAT_TRUNCATED,
	V4V6_STAT_BAD_HEADER,
	V4V6_STAT_NOMEM,
	V4V6_STAT_TTL,
	V4V6_STAT_NOT_MAPPED,
	V4V6_STAT_NOT_GLOBAL,
	V4V6_STAT_UDP_ZERO_CSUM_FRAG,
	V4V6_STAT_ICMP_FRAG,
	V4V6_STAT_ICMP_TYPE,
	V4V6_STAT_EXT_HEADER,
	V4V6_STAT_ROUTING,
	V4V6_STAT_TOO_BIG,
	V4V6_STAT_ICMP_CSUM,
	V4V6_STAT_FRAG_NEEDED,
	V4V6_STAT_EVENTS_SUPPRESSED,
	V4V6_STAT_SOURCE_ROUTE,
	V4V6_STAT_GSO_SEGMENTED,
	V4V6_STAT_GSO_FAILED,
	V4V6_STAT_MARTIAN,
	V4V6_STAT_IDENTITY_GONE,
	V4V6_STAT_LINK_GONE,
	V4V6_STAT_INBOUND_UNSOLICITED,
	__V4V6_STAT_MAX
};

#define V4V6_STAT_MAX (__V4V6_STAT_MAX - 1)

#endif /* _UAPI_LINUX_V4V6_H */
