/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A device's DHCPv6 lease: what v4v6d's DHCPv6 client holds (v4v6d/dhcp6.h)
 * and what the state file keeps of it (state.h), for v4v6d and v4v6ctl.
 */
#ifndef V4V6_LIB_LEASE_H
#define V4V6_LIB_LEASE_H

#include <netinet/in.h>
#include <stdint.h>

#define DHCP6_DUID_MAX		130	/* 2 bytes type + up to 128 */

/**
 * struct dhcp6_lease - an address leased to a device
 * @addr: the address (IA_NA)
 * @iaid: the IA's identifier
 * @t1: seconds after @start_ms to Renew (the server's, else 0.5 * @preferred)
 * @t2: seconds after @start_ms to Rebind (the server's, else 0.8 * @preferred)
 * @preferred: preferred lifetime in seconds (0xffffffff: infinity)
 * @valid: valid lifetime in seconds (0xffffffff: infinity)
 * @start_ms: when the Reply granting these times came (caller's clock)
 * @server_duid: the DUID of the server that granted it
 * @server_duid_len: its length in bytes
 */
struct dhcp6_lease {
	struct in6_addr addr;
	uint32_t iaid;
	uint32_t t1, t2;
	uint32_t preferred, valid;
	uint64_t start_ms;
	uint8_t server_duid[DHCP6_DUID_MAX];
	uint16_t server_duid_len;
};

#endif /* V4V6_LIB_LEASE_H */
