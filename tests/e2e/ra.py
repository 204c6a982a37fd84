#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Router Advertisements with a PREF64 option (RFC 8781), for the e2e tests.

  ra.py IF [--pref64 PREFIX/LEN] [--pref64-lifetime S] [--managed]
           [--other] [--router-lifetime S] [--count N] [--interval S]

Sends COUNT RAs (ICMPv6 type 134) from IF's link-local address to ff02::1
with hop limit 255, each with the M and O flags as asked, and a PREF64
option when --pref64 is given. radvd 2.19 (Debian 12) has no nat64prefix
setting (it came with radvd 2.20), so the tests that need a PREF64 send it
with this, beside radvd's own RAs: from the same address, with the same
flags and router lifetime, they change nothing but the NAT64 prefix.

The kernel fills in the ICMPv6 checksum of raw ICMPv6 sockets.
"""
import argparse
import ipaddress
import socket
import struct
import time

PLC = {96: 0, 64: 1, 56: 2, 48: 3, 40: 4, 32: 5}
SO_BINDTODEVICE = 25


def pref64_option(prefix, lifetime):
    net = ipaddress.IPv6Network(prefix)
    if net.prefixlen not in PLC:
        raise SystemExit("ra.py: PREF64 length must be one of %s" % sorted(PLC))
    scaled = min((lifetime + 7) // 8, 0x1fff)   # units of 8 seconds
    return struct.pack("!BBH", 38, 2, scaled << 3 | PLC[net.prefixlen]) + \
        net.network_address.packed[:12]


def ra(args):
    flags = (0x80 if args.managed else 0) | (0x40 if args.other else 0)
    # type, code, checksum (the kernel's), cur hop limit, flags, router
    # lifetime, reachable time, retrans timer
    msg = struct.pack("!BBHBBHII", 134, 0, 0, 64, flags, args.router_lifetime, 0, 0)
    if args.pref64:
        msg += pref64_option(args.pref64, args.pref64_lifetime)
    return msg


def main():
    p = argparse.ArgumentParser()
    p.add_argument("ifname")
    p.add_argument("--pref64")
    p.add_argument("--pref64-lifetime", type=int, default=600)
    p.add_argument("--managed", action="store_true")
    p.add_argument("--other", action="store_true")
    p.add_argument("--router-lifetime", type=int, default=30)
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--interval", type=float, default=1.0)
    args = p.parse_args()

    s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
    s.setsockopt(socket.SOL_SOCKET, SO_BINDTODEVICE, args.ifname.encode())
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, 255)
    ifindex = socket.if_nametoindex(args.ifname)
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, ifindex)
    msg = ra(args)
    for i in range(args.count):
        if i:
            time.sleep(args.interval)
        s.sendto(msg, ("ff02::1", 0, 0, ifindex))


if __name__ == "__main__":
    main()
