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
 * on the calling socket's network namespace. Commands that change state need
 * CAP_NET_ADMIN in the namespace's user namespace (GENL_ADMIN_PERM); a
 * rejected message carries an extended-ack message saying why.
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
 *
 * Multicast group V4V6_GENL_MCGRP_EVENTS
 * --------------------------------------
 *
 * Notifications. Every change of configuration is announced as a
 * V4V6_CMD_SET_CONFIG message carrying the new configuration, laid out as the
 * reply to V4V6_CMD_GET_CONFIG.
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

/**
 * enum v4v6_cmd - generic netlink commands of the v4v6 family
 * @V4V6_CMD_UNSPEC: never used
 * @V4V6_CMD_GET_CONFIG: read the namespace's configuration
 * @V4V6_CMD_SET_CONFIG: change it; also the event announcing a change
 */
enum v4v6_cmd {
	V4V6_CMD_UNSPEC,
	V4V6_CMD_GET_CONFIG,
	V4V6_CMD_SET_CONFIG,
	__V4V6_CMD_MAX
};

#define V4V6_CMD_MAX (__V4V6_CMD_MAX - 1)

/**
 * enum v4v6_attr_cfg - attributes of the configuration commands
 * @V4V6_A_CFG_UNSPEC: never used
 * @V4V6_A_CFG_LAN_IFINDEX: u32, interface of the IPv4-only LAN
 * @V4V6_A_CFG_WAN_IFINDEX: u32, interface of the IPv6-only network
 * @V4V6_A_CFG_PREF64: 16 bytes, NAT64 prefix, network byte order
 * @V4V6_A_CFG_PREF64_LEN: u8, its length in bits
 * @V4V6_A_CFG_LOWEST_MTU: u32, lowest IPv6 MTU on the path to the NAT64
 */
enum v4v6_attr_cfg {
	V4V6_A_CFG_UNSPEC,
	V4V6_A_CFG_LAN_IFINDEX,
	V4V6_A_CFG_WAN_IFINDEX,
	V4V6_A_CFG_PREF64,
	V4V6_A_CFG_PREF64_LEN,
	V4V6_A_CFG_LOWEST_MTU,
	__V4V6_A_CFG_MAX
};

#define V4V6_A_CFG_MAX (__V4V6_A_CFG_MAX - 1)

#endif /* _UAPI_LINUX_V4V6_H */
