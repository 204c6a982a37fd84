#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Crafted packets of hostile hosts, for the end-to-end tests (scapy).

  hostile.py err6 DST QSRC QDST --octets A-B [--quotes N,...] [--code C]
                 [--pad N]
      From this host, ICMPv6 Destination Unreachable errors to DST quoting
      an IPv6 UDP packet QSRC -> QDST (a UDP payload of --pad bytes), one
      for each RFC 4884 length octet A to B and each quoted length in
      --quotes (0: all of the packet; default 0).
  hostile.py err4 DST QSRC QDST --octets A-B [--quotes N,...] [--pad N]
      The same as ICMPv4 Port Unreachable errors quoting an IPv4 UDP packet
      QSRC -> QDST whose header has 40 bytes of options (IHL 15).
  hostile.py lsrr DST
      A UDP datagram to DST with an unexpired loose source route; prints
      the type and code of the ICMP answer ("none" if there is none).
  hostile.py rh IFACE MAC SRC DST
      On IFACE to MAC: IPv6 SRC -> DST with a routing header without
      segments left, then one with a segment left, then UDP.
  hostile.py fragdst IFACE MAC SRC DST PORT
      On IFACE to MAC: a UDP datagram SRC -> DST:PORT in two IPv6
      fragments, a Destination Options header after the Fragment header.
  hostile.py frame4 IFACE SRCMAC DSTMAC SRC DST PORT [--count N]
      On IFACE, N Ethernet frames from SRCMAC (any: multicast too) to
      DSTMAC, each a UDP datagram SRC -> DST:PORT.
  hostile.py garp IFACE MAC IP
      On IFACE, a gratuitous ARP reply: IP is at MAC.
  hostile.py pp IFACE SECONDS
      Sniff IFACE for an ICMPv6 Parameter Problem: print "sniffing" once
      started, then its pointer ("none" if none came).
"""
import argparse
import socket
import sys

from scapy.all import (ARP, ICMP, ICMPv6ParamProblem, IP, IPOption_LSRR, IPv6,
                       IPv6ExtHdrDestOpt, IPv6ExtHdrFragment,
                       IPv6ExtHdrRouting, UDP, Ether, PadN, Raw, conf, sendp,
                       sniff, sr1)
from scapy.utils import checksum

conf.verb = 0


def quoted6(src, dst, pad, keep):
    q = bytes(IPv6(src=src, dst=dst, hlim=50) / UDP(sport=40000, dport=53) /
              Raw(b"q" * pad))
    return q[:keep] if keep else q


def variants(a):
    lo, _, hi = a.octets.partition("-")
    for quote in (int(q) for q in a.quotes.split(",")):
        for octet in range(int(lo), int(hi or lo) + 1):
            yield octet, quote


def err6(a):
    # A raw ICMPv6 socket: the kernel fills the checksum in.
    s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
    q = quoted6(a.qsrc, a.qdst, a.pad, 0)
    n = 0
    for octet, quote in variants(a):
        body = bytes([1, a.code, 0, 0, octet, 0, 0, 0]) + (q[:quote] if quote else q)
        s.sendto(body, (a.dst, 0))
        n += 1
    print(n)


def err4(a):
    inner = IP(src=a.qsrc, dst=a.qdst, ttl=50,
               options=[b"\x01" * 40]) / UDP(sport=53, dport=40000) / Raw(b"q" * a.pad)
    q = bytes(inner)
    assert q[0] == 0x4f, "the quoted header must have 40 bytes of options"
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    n = 0
    for octet, quote in variants(a):
        icmp = bytearray([3, 3, 0, 0, 0, octet, 0, 0]) + (q[:quote] if quote else q)
        icmp[2:4] = checksum(bytes(icmp)).to_bytes(2, "big")
        s.sendto(bytes(icmp), (a.dst, 0))
        n += 1
    print(n)


def lsrr(a):
    p = IP(dst=a.dst, options=[IPOption_LSRR(routers=[a.dst])]) / UDP(
        sport=40001, dport=9) / Raw(b"source-routed")
    r = sr1(p, timeout=10)
    if r is None or ICMP not in r:
        print("none")
    else:
        print(f"{r[ICMP].type}/{r[ICMP].code} from {r[IP].src}")


def rh(a):
    p = (Ether(dst=a.mac) / IPv6(src=a.src, dst=a.dst) /
         IPv6ExtHdrRouting(addresses=["2001:db8::1"], segleft=0) /
         IPv6ExtHdrRouting(addresses=["2001:db8::2"], segleft=1) /
         UDP(sport=40002, dport=9) / Raw(b"routed"))
    sendp(p, iface=a.iface)


def fragdst(a):
    payload = bytes(UDP(sport=40003, dport=a.port) / Raw(b"f" * 200))
    first = IPv6ExtHdrDestOpt(nh=17, options=[PadN(optdata=b"\0" * 4)])
    whole = bytes(first) + payload
    ident = 0x5eed
    cut = 64
    frags = [(0, whole[:cut], 1), (cut // 8, whole[cut:], 0)]
    for off, data, m in frags:
        p = (Ether(dst=a.mac) / IPv6(src=a.src, dst=a.dst) /
             IPv6ExtHdrFragment(nh=60, offset=off, m=m, id=ident) / Raw(data))
        sendp(p, iface=a.iface)


def frame4(a):
    p = (Ether(src=a.srcmac, dst=a.dstmac) / IP(src=a.src, dst=a.dst) /
         UDP(sport=40004, dport=a.port) / Raw(b"forged"))
    sendp(p, iface=a.iface, count=a.count)


def garp(a):
    p = (Ether(src=a.mac, dst="ff:ff:ff:ff:ff:ff") /
         ARP(op=2, hwsrc=a.mac, psrc=a.ip, hwdst="ff:ff:ff:ff:ff:ff",
             pdst=a.ip))
    sendp(p, iface=a.iface, count=2)


def pp(a):
    got = sniff(iface=a.iface, timeout=a.seconds, count=1,
                lfilter=lambda p: ICMPv6ParamProblem in p,
                started_callback=lambda: print("sniffing", flush=True))
    print(got[0][ICMPv6ParamProblem].ptr if got else "none")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("err6", "err4"):
        p = sub.add_parser(name)
        p.add_argument("dst")
        p.add_argument("qsrc")
        p.add_argument("qdst")
        p.add_argument("--octets", required=True)
        p.add_argument("--quotes", default="0")
        p.add_argument("--code", type=int, default=4)
        p.add_argument("--pad", type=int, default=100)
    p = sub.add_parser("lsrr")
    p.add_argument("dst")
    for name in ("rh", "fragdst"):
        p = sub.add_parser(name)
        p.add_argument("iface")
        p.add_argument("mac")
        p.add_argument("src")
        p.add_argument("dst")
        if name == "fragdst":
            p.add_argument("port", type=int)
    p = sub.add_parser("frame4")
    for arg in ("iface", "srcmac", "dstmac", "src", "dst"):
        p.add_argument(arg)
    p.add_argument("port", type=int)
    p.add_argument("--count", type=int, default=1)
    p = sub.add_parser("garp")
    for arg in ("iface", "mac", "ip"):
        p.add_argument(arg)
    p = sub.add_parser("pp")
    p.add_argument("iface")
    p.add_argument("seconds", type=float)
    a = ap.parse_args()
    globals()[a.cmd](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
