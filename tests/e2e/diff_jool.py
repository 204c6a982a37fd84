# SPDX-License-Identifier: GPL-2.0
"""Differential test of v4v6 against Jool SIIT (tests/e2e/t/52-xlat-vs-jool.sh).

    diff_jool.py corpus                 list the crafted packets
    diff_jool.py run [-v] [--only RE]   feed them to both translators, compare

Both translators sit in namespaces of the test guest with the same addresses
(device 192.168.1.10 <-> 2001:db8:6::4:10, NAT64 prefix 64:ff9b::/96). Each
crafted packet is injected on the input side of each (AF_PACKET), followed by
a marker (a UDP datagram both translate); what leaves each translator before
its marker is that packet's translation ("out"), what it sent back towards
the input side meanwhile is its answer ("back": the ICMP errors it sends).
Packets are handled in order on one CPU (this process pins itself), so the
marker closes each packet's output. Every output is dissected into named
fields, and the two translators' fields compared; a difference fails unless
it is in ALLOWED below, the commented list of what RFC 7915 leaves free,
v4v6's choices documented in README.md, and known Jool bugs.

The corpus is built deterministically from field values (scapy for the
plain packets, the ICMP errors by hand so that hostile fields stay hostile).
"""
import argparse
import ctypes
import hashlib
import ipaddress
import os
import re
import select
import socket
import struct
import sys
import time

DEV4 = '192.168.1.10'
DEV6 = '2001:db8:6::4:10'
PREF64 = '64:ff9b::'
FAR4 = '192.31.196.20'          # globally reachable (RFC 7535), no host
FAR4B = '192.31.196.21'
MARK4 = '192.31.196.99'         # the markers' far end
RTR6 = '2001:db8:6::1'          # an IPv6 router outside the prefix
NG4 = '10.1.2.3'                # not global: refused under the WKP


def p64(a4):
    """The 64:ff9b::/96 form of an IPv4 address (RFC 6052)."""
    return str(ipaddress.IPv6Address(ipaddress.IPv6Address(PREF64).packed[:12] +
                                     ipaddress.IPv4Address(a4).packed))


FAR6 = p64(FAR4)
NG6 = p64(NG4)
MARK6 = p64(MARK4)
MARK_SPORT, MARK_DPORT = 40000, 40001
MARK_MAGIC = b'v4v6-diff-mark '

ETH_P_ALL, ETH_P_IP, ETH_P_IPV6 = 0x0003, 0x0800, 0x86dd
PACKET_OUTGOING = 4


# ---------------------------------------------------------------- checksums

def fold(s):
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return s


def sum16(data):
    if len(data) & 1:
        data += b'\0'
    return sum(struct.unpack('!%dH' % (len(data) // 2), data))


def csum(data, start=0):
    return ~fold(sum16(data) + start) & 0xffff


def pseudo4(src, dst, proto, length):
    return sum16(socket.inet_pton(socket.AF_INET, src) +
                 socket.inet_pton(socket.AF_INET, dst) +
                 struct.pack('!BBH', 0, proto, length))


def pseudo6(src, dst, proto, length):
    return sum16(socket.inet_pton(socket.AF_INET6, src) +
                 socket.inet_pton(socket.AF_INET6, dst) +
                 struct.pack('!IxxxB', length, proto))


def pat(n, seed=0):
    """n deterministic payload bytes."""
    return bytes((i * 7 + seed * 13 + 1) & 0xff for i in range(n))


# ------------------------------------------------------------------- corpus

class Case:
    def __init__(self, direction, name, data, tags=()):
        self.dir = direction    # '4to6' or '6to4'
        self.name = name
        self.data = data        # the IP packet
        self.tags = set(tags)


def build_corpus():
    """Both directions' crafted packets, in a fixed order."""
    import logging
    # (scapy warns about the routes of the namespace it runs in: irrelevant)
    logging.getLogger('scapy.runtime').setLevel(logging.ERROR)
    from scapy.layers.inet import (IP, TCP, UDP, ICMP, IPOption_LSRR,
                                   IPOption_SSRR, IPOption_RR,
                                   IPOption_Router_Alert,
                                   IPOption_NOP, IPOption_EOL,
                                   IPOption_Security)
    from scapy.layers.inet6 import (IPv6, IPv6ExtHdrHopByHop,
                                    IPv6ExtHdrDestOpt, IPv6ExtHdrRouting,
                                    IPv6ExtHdrFragment,
                                    IPv6ExtHdrSegmentRouting, PadN,
                                    RouterAlert, HBHOptUnknown, ICMPv6EchoRequest,
                                    ICMPv6EchoReply)
    from scapy.packet import Raw

    cases = []

    def add(d, name, pkt, *tags):
        data = pkt if isinstance(pkt, bytes) else bytes(pkt)
        cases.append(Case(d, name, data, tags))

    # ---- raw builders for what scapy would "fix"

    def ip4(src, dst, proto, payload, tos=0, ttl=64, ident=0x1234, flags=0,
            off=0, opts=b'', tot=None):
        opts += b'\0' * (-len(opts) % 4)
        ihl = 5 + len(opts) // 4
        tot = 20 + len(opts) + len(payload) if tot is None else tot
        h = struct.pack('!BBHHHBBH4s4s', 0x40 | ihl, tos, tot, ident,
                        flags << 13 | off, ttl, proto, 0,
                        socket.inet_pton(socket.AF_INET, src),
                        socket.inet_pton(socket.AF_INET, dst)) + opts
        h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
        return h + payload

    def ip6(src, dst, nh, payload, tc=0, fl=0, hlim=64, plen=None):
        plen = len(payload) if plen is None else plen
        return struct.pack('!IHBB16s16s', 6 << 28 | tc << 20 | fl, plen, nh,
                           hlim, socket.inet_pton(socket.AF_INET6, src),
                           socket.inet_pton(socket.AF_INET6, dst)) + payload

    def icmp4(typ, code, rest, body, bad=False):
        h = struct.pack('!BBH', typ, code, 0) + rest + body
        c = csum(h) ^ (0x5a5a if bad else 0)
        return h[:2] + struct.pack('!H', c) + h[4:]

    def icmp6(src, dst, typ, code, rest, body, bad=False):
        h = struct.pack('!BBH', typ, code, 0) + rest + body
        c = csum(h, pseudo6(src, dst, 58, len(h))) ^ (0x5a5a if bad else 0)
        return h[:2] + struct.pack('!H', c) + h[4:]

    def l4(pkt):
        """The bytes after the first IP header of a scapy packet."""
        b = bytes(pkt)
        if b[0] >> 4 == 4:
            return b[(b[0] & 15) * 4:]
        return b[40:]

    def frag6(src, dst, nh, chunk, off, m, ident, tc=0, hlim=64, pre=b'',
              pre_nh=None):
        fh = struct.pack('!BBHI', nh, 0, off << 3 | m, ident)
        if pre:
            return ip6(src, dst, pre_nh, pre + fh + chunk, tc=tc, hlim=hlim)
        return ip6(src, dst, 44, fh + chunk, tc=tc, hlim=hlim)

    # RFC 4884 extension structure: version 2, checksum, one MPLS object
    obj = struct.pack('!HBB', 8, 1, 1) + struct.pack('!I', 0x12345 << 12 | 0x1ff)
    ext = struct.pack('!BBH', 0x20, 0, 0) + obj
    ext = ext[:2] + struct.pack('!H', csum(ext)) + ext[4:]

    # ================================================= IPv4 -> IPv6 (LAN)
    D = '4to6'

    def udp4(n, seed=0, df=0, **kw):
        kw.setdefault('flags', 'DF' if df else 0)
        return IP(src=DEV4, dst=FAR4, **kw) / \
            UDP(sport=5000 + n % 1000, dport=7) / Raw(pat(n, seed))

    for n in (0, 1, 8, 100, 1000, 1231, 1232, 1233, 1300, 1472):
        add(D, 'udp-%d' % n, udp4(n))
    for n in (0, 100, 1232, 1233, 1300, 1472):
        add(D, 'udp-df-%d' % n, udp4(n, df=1))
    for n in (0, 1, 100, 1000, 1220, 1221, 1460):
        add(D, 'tcp-df-%d' % n, IP(src=DEV4, dst=FAR4, flags='DF') /
            TCP(sport=44000, dport=80, flags='PA', seq=1000, ack=2000) /
            Raw(pat(n, 1)))
    add(D, 'tcp-syn-opts', IP(src=DEV4, dst=FAR4, flags='DF') /
        TCP(sport=44001, dport=443, flags='S', seq=7,
            options=[('MSS', 1460), ('SAckOK', b''), ('Timestamp', (1, 0)),
                     ('NOP', None), ('WScale', 7)]))
    add(D, 'tcp-nodf-1400', IP(src=DEV4, dst=FAR4) /
        TCP(sport=44002, dport=80, flags='A') / Raw(pat(1360, 2)))
    for n in (0, 56, 1000, 1232, 1233, 1472):
        add(D, 'echo-req-%d' % n, IP(src=DEV4, dst=FAR4) /
            ICMP(type=8, id=0x4242, seq=n) / Raw(pat(n, 3)))
    add(D, 'echo-req-df-1233', IP(src=DEV4, dst=FAR4, flags='DF') /
        ICMP(type=8, id=0x4242, seq=9) / Raw(pat(1233, 3)))
    add(D, 'echo-reply-56', IP(src=DEV4, dst=FAR4) /
        ICMP(type=0, id=0x4243, seq=1) / Raw(pat(56, 4)))
    for tos in (0x01, 0x02, 0x03, 0x10, 0x28, 0xb8, 0xe0, 0xff):
        add(D, 'udp-tos-%02x' % tos, udp4(64, tos=tos))
    for ttl in (0, 1, 2, 3, 128, 255):
        add(D, 'udp-ttl-%d' % ttl, udp4(64, ttl=ttl))
    add(D, 'tcp-ttl-1', IP(src=DEV4, dst=FAR4, ttl=1, flags='DF') /
        TCP(sport=44003, dport=80, flags='S'))
    add(D, 'echo-ttl-1', IP(src=DEV4, dst=FAR4, ttl=1) /
        ICMP(type=8, id=1, seq=1) / Raw(pat(56)))
    add(D, 'udp-df-1300-ttl-1', udp4(1300, df=1, ttl=1))
    for ident in (0, 1, 0xffff):
        add(D, 'udp-id-%d' % ident, udp4(64, id=ident))
    add(D, 'udp-evil-bit', udp4(64, flags=4))
    add(D, 'udp-df-mf', udp4(64, flags='DF+MF'))

    t = bytearray(bytes(IP(src=DEV4, dst=FAR4) / TCP(sport=44004, dport=80) /
                        Raw(pat(50))))
    t[36] ^= 0x5a
    add(D, 'tcp-bad-csum', bytes(t))
    u = bytearray(bytes(udp4(50)))
    u[26] ^= 0x5a
    add(D, 'udp-bad-csum', bytes(u))
    e = bytearray(bytes(IP(src=DEV4, dst=FAR4) / ICMP(type=8, id=5, seq=5) /
                        Raw(pat(32))))
    e[22] ^= 0x5a
    add(D, 'echo-bad-csum', bytes(e))
    for n in (0, 10, 1000):
        add(D, 'udp-csum0-%d' % n, ip4(DEV4, FAR4, 17, struct.pack(
            '!HHHH', 5353, 5353, 8 + n, 0) + pat(n)))
    add(D, 'udp-csum0-df-1233', ip4(DEV4, FAR4, 17, struct.pack(
        '!HHHH', 5353, 5353, 8 + 1233, 0) + pat(1233), flags=2))
    for proto in (0, 4, 41, 43, 44, 47, 50, 51, 58, 59, 60, 132, 253, 255):
        add(D, 'proto-%d' % proto, ip4(DEV4, FAR4, proto, pat(40, proto)))
    add(D, 'proto-253-df-1300', ip4(DEV4, FAR4, 253, pat(1280), flags=2))
    add(D, 'udp-trailer', bytes(udp4(20)) + b'\xee' * 12)

    # IPv4 options (RFC 7915 4.1: ignored; an unexpired source route refused)
    opts = [
        ('nop', [IPOption_NOP()] * 4),
        ('eol', [IPOption_EOL()]),
        ('rr', [IPOption_RR(routers=['0.0.0.0'] * 3)]),
        ('ra', [IPOption_Router_Alert()]),
        ('sec', [IPOption_Security()]),
        ('lsrr-unexpired', [IPOption_LSRR(routers=[FAR4B], pointer=4)]),
        ('lsrr-expired', [IPOption_LSRR(routers=[FAR4B], pointer=8)]),
        ('lsrr2-unexpired', [IPOption_LSRR(routers=[FAR4B, FAR4], pointer=8)]),
        ('lsrr2-expired', [IPOption_LSRR(routers=[FAR4B, FAR4], pointer=12)]),
        ('ssrr-unexpired', [IPOption_SSRR(routers=[FAR4B], pointer=4)]),
        ('ssrr-expired', [IPOption_SSRR(routers=[FAR4B], pointer=8)]),
        ('nop-lsrr-unexpired', [IPOption_NOP(), IPOption_LSRR(
            routers=[FAR4B], pointer=4)]),
        ('rr-ssrr-expired', [IPOption_RR(routers=['0.0.0.0']),
                             IPOption_SSRR(routers=[FAR4B], pointer=8)]),
        ('max', [IPOption_NOP()] * 40),
    ]
    def optbytes(o):
        b = bytes(IP(options=o))
        return b[20:(b[0] & 15) * 4]

    # (the UDP checksum over the packet's own destination: scapy would take
    # a source route's last hop)
    u32 = l4(IP(src=DEV4, dst=FAR4) / UDP(sport=6000, dport=7) / Raw(pat(32)))
    for name, o in opts:
        add(D, 'opt-%s' % name, ip4(DEV4, FAR4, 17, u32, opts=optbytes(o)))
    # a timestamp option with room for two stamps; one whose length runs
    # past the header; one of length 1
    add(D, 'opt-ts', ip4(DEV4, FAR4, 17, u32, opts=b'\x44\x0c\x05\x00' +
                         b'\0' * 8))
    add(D, 'opt-ts-overrun', ip4(DEV4, FAR4, 17, u32,
                                 opts=b'\x44\x0c\x05\x00\0\0\0\0'))
    add(D, 'opt-len1', ip4(DEV4, FAR4, 17, u32, opts=b'\x07\x01\x00\x00'))
    # an unknown option, length 4. (Never an option of length 0, nor a
    # last option byte followed by a 0: Jool's source route walk,
    # has_unexpired_src_route(), would loop for ever in softirq.)
    add(D, 'opt-unknown', ip4(DEV4, FAR4, 17, l4(UDP(sport=6000, dport=7) /
                                                 Raw(pat(32))),
                              opts=b'\x9e\x04\xaa\xbb'))
    lsrr = optbytes([IPOption_LSRR(routers=[FAR4B], pointer=4)])
    add(D, 'opt-lsrr-unexpired-tcp', ip4(DEV4, FAR4, 6, l4(
        IP(src=DEV4, dst=FAR4) / TCP(sport=44005, dport=80, flags='S')),
        opts=lsrr, flags=2))
    add(D, 'opt-lsrr-unexpired-echo', ip4(DEV4, FAR4, 1, l4(
        IP(src=DEV4, dst=FAR4) / ICMP(type=8, id=2, seq=2)), opts=lsrr))
    add(D, 'opt-rr-df-1233', ip4(DEV4, FAR4, 17, l4(
        IP(src=DEV4, dst=FAR4) / UDP(sport=6001, dport=7) / Raw(pat(1233))),
        opts=optbytes([IPOption_RR(routers=['0.0.0.0'] * 3)]), flags=2))

    # IPv4 fragments: a 1000-byte UDP datagram in three, and others
    dg = l4(udp4(992, seed=5))          # 1000 bytes with the UDP header
    fr = [(0, 1, dg[:400]), (50, 1, dg[400:800]), (100, 0, dg[800:])]
    for name, (off, mf, chunk) in zip(('first', 'middle', 'last'), fr):
        add(D, 'frag-udp-' + name, ip4(DEV4, FAR4, 17, chunk, ident=0x4242,
                                       flags=mf, off=off))
    tg = l4(IP(src=DEV4, dst=FAR4) / TCP(sport=44006, dport=80, flags='PA') /
            Raw(pat(600)))
    add(D, 'frag-tcp-first', ip4(DEV4, FAR4, 6, tg[:320], ident=0x4343,
                                 flags=1))
    add(D, 'frag-tcp-last', ip4(DEV4, FAR4, 6, tg[320:], ident=0x4343,
                                off=40))
    z = struct.pack('!HHHH', 5353, 5353, 1008, 0) + pat(1000)
    add(D, 'frag-udp-csum0-first', ip4(DEV4, FAR4, 17, z[:400], ident=0x4444,
                                       flags=1))
    add(D, 'frag-udp-csum0-last', ip4(DEV4, FAR4, 17, z[800:], ident=0x4444,
                                      off=100))
    ig = l4(IP(src=DEV4, dst=FAR4) / ICMP(type=8, id=3, seq=3) /
            Raw(pat(1000)))
    add(D, 'frag-echo-first', ip4(DEV4, FAR4, 1, ig[:400], ident=0x4545,
                                  flags=1))
    add(D, 'frag-echo-last', ip4(DEV4, FAR4, 1, ig[800:], ident=0x4545,
                                 off=100))
    add(D, 'frag-proto253-first', ip4(DEV4, FAR4, 253, pat(400), ident=0x4646,
                                      flags=1))
    add(D, 'frag-proto253-last', ip4(DEV4, FAR4, 253, pat(100), ident=0x4646,
                                     off=50))
    big = l4(udp4(3000, seed=6))
    add(D, 'frag-udp-first-1400', ip4(DEV4, FAR4, 17, big[:1376],
                                      ident=0x4747, flags=1))
    add(D, 'frag-udp-middle-1400', ip4(DEV4, FAR4, 17, big[1376:2752],
                                       ident=0x4747, flags=1, off=172))
    add(D, 'frag-udp-last-1400', ip4(DEV4, FAR4, 17, big[1376:2752],
                                     ident=0x4747, off=172))
    add(D, 'frag-udp-first-8', ip4(DEV4, FAR4, 17, dg[:8], ident=0x4848,
                                   flags=1))
    add(D, 'frag-udp-first-df', ip4(DEV4, FAR4, 17, dg[:400], ident=0x4949,
                                    flags=3))

    # ICMPv4 errors from the device about a packet from the far side
    def in4(kind, **kw):
        src = kw.pop('src', FAR4)
        dst = kw.pop('dst', DEV4)
        ip = dict(src=src, dst=dst, ttl=50, id=0x1111)
        ip.update(kw)
        if kind == 'udp':
            return bytes(IP(**ip) / UDP(sport=53, dport=33000) / Raw(pat(40)))
        if kind == 'tcp':
            return bytes(IP(**ip) / TCP(sport=80, dport=44000, flags='SA',
                                        seq=10, ack=20) / Raw(pat(20)))
        if kind == 'echo':
            return bytes(IP(**ip) / ICMP(type=8, id=7, seq=1) / Raw(pat(32)))
        if kind == 'echorep':
            return bytes(IP(**ip) / ICMP(type=0, id=7, seq=1) / Raw(pat(32)))
        raise ValueError(kind)

    def err4(name, typ, code, rest, inner, *tags, bad=False, src=DEV4,
             dst=FAR4, **kw):
        add(D, name, ip4(src, dst, 1, icmp4(typ, code, rest, inner, bad=bad),
                         **kw), *tags)

    zero = b'\0' * 4
    codes3 = range(16)
    for code in codes3:
        err4('err-unreach-%d-udp' % code, 3, code,
             struct.pack('!HH', 0, 1400 if code == 4 else 0), in4('udp'))
    for code in (0, 1, 2):
        err4('err-timex-%d-udp' % code, 11, code, zero, in4('udp'))
    for ptr in list(range(0, 21)) + [40, 255]:
        err4('err-param-0-ptr%d-udp' % ptr, 12, 0, bytes([ptr, 0, 0, 0]),
             in4('udp'))
    err4('err-param-1-udp', 12, 1, zero, in4('udp'))
    for ptr in (0, 8, 12, 19):
        err4('err-param-2-ptr%d-udp' % ptr, 12, 2, bytes([ptr, 0, 0, 0]),
             in4('udp'))
    err4('err-param-3-udp', 12, 3, bytes([8, 0, 0, 0]), in4('udp'))
    for typ in (4, 5, 6, 31, 40):
        err4('err-type%d-udp' % typ, typ, 0, zero, in4('udp'))
    # every type and code again about TCP, an echo request, an echo reply
    for kind in ('tcp', 'echo', 'echorep'):
        for (typ, code, rest) in (
                [(3, c, struct.pack('!HH', 0, 1300 if c == 4 else 0))
                 for c in range(16)] +
                [(11, c, zero) for c in (0, 1, 2)] +
                [(12, 0, bytes([8, 0, 0, 0])), (12, 2, bytes([12, 0, 0, 0]))]):
            err4('err-%d-%d-%s' % (typ, code, kind), typ, code, rest,
                 in4(kind))
    # Fragmentation Needed: MTUs, plateaus (MTU 0), a fragment in error
    for mtu in (0, 1, 68, 296, 576, 1000, 1240, 1260, 1261, 1280, 1400, 1480,
                1500, 65535):
        err4('err-fragneeded-mtu%d' % mtu, 3, 4, struct.pack('!HH', 0, mtu),
             in4('udp', len=1500)[:68])
    for tot in (20000, 1500, 1006, 1000, 500, 68):
        err4('err-fragneeded-mtu0-len%d' % tot, 3, 4, zero,
             in4('udp', len=tot)[:68])
    err4('err-fragneeded-mtu1400-frag', 3, 4, struct.pack('!HH', 0, 1400),
         in4('udp', len=1500, flags='MF')[:68])
    err4('err-fragneeded-mtu1400-len205', 3, 4, struct.pack('!HH', 0x00cd, 1400),
         in4('udp', len=1500)[:68])
    err4('err-fragneeded-mtu1400-unused', 3, 4, struct.pack('!HH', 0xab00, 1400),
         in4('udp', len=1500)[:68])
    # the packet in error: variants
    pie = {
        'udp0': ip4(FAR4, DEV4, 17, struct.pack('!HHHH', 53, 33000, 48, 0) +
                    pat(40), ttl=50),
        'frag-first': in4('udp', flags='MF', id=0x2222),
        'frag-later': ip4(FAR4, DEV4, 17, pat(48), ttl=50, off=20, ident=0x2323),
        'opts': bytes(IP(src=FAR4, dst=DEV4, ttl=50, options=[
            IPOption_RR(routers=['0.0.0.0'])]) / UDP(sport=53, dport=33000) /
            Raw(pat(40))),
        'lsrr': bytes(IP(src=FAR4, dst=DEV4, ttl=50, options=[
            IPOption_LSRR(routers=[FAR4B], pointer=4)]) /
            UDP(sport=53, dport=33000) / Raw(pat(40))),
        'trunc28': in4('udp')[:28],
        'trunc24': in4('udp')[:24],
        'trunc20': in4('udp')[:20],
        'trunc10': in4('udp')[:10],
        'tcp-trunc28': in4('tcp')[:28],
        'tcp-trunc36': in4('tcp')[:36],
        'echo-trunc24': in4('echo')[:24],
        'big1000': bytes(IP(src=FAR4, dst=DEV4, ttl=50) /
                         UDP(sport=53, dport=33000) / Raw(pat(972))),
        'big1400': bytes(IP(src=FAR4, dst=DEV4, ttl=50) /
                         UDP(sport=53, dport=33000) / Raw(pat(1372))),
        'err-in-err': bytes(IP(src=FAR4, dst=DEV4) / ICMP(type=3, code=3) /
                            Raw(in4('udp', src=DEV4, dst=FAR4)[:28])),
        'proto253': ip4(FAR4, DEV4, 253, pat(40), ttl=50),
        'tos-ttl': in4('udp', tos=0xb8, ttl=1),
        'len-short': ip4(FAR4, DEV4, 17, l4(UDP(sport=53, dport=33000) /
                                            Raw(pat(40))), tot=16, ttl=50),
        'len-long': in4('udp', len=9000),
        'version6': b'\x65' + in4('udp')[1:],
        'wrong-dst': in4('udp', dst='192.168.1.99'),
        'nonglobal-src': in4('udp', src=NG4),
    }
    for name, inner in pie.items():
        dst = NG4 if name == 'nonglobal-src' else FAR4
        err4('err-unreach-3-' + name, 3, 3, zero, inner, dst=dst)
    err4('err-bad-csum', 3, 3, zero, in4('udp'), bad=True)
    err4('err-unreach-3-udp-tos-ttl1', 3, 3, zero, in4('udp'), tos=0x28, ttl=1)
    err4('err-unreach-3-udp-df', 3, 3, zero, in4('udp'), flags=2)
    # RFC 4884: the length octet (32-bit words of the packet in error)
    def pad4884(p, n):
        return (p + b'\0' * n)[:n]
    q = in4('udp')
    for (typ, code, rest, body, name) in (
            (3, 1, struct.pack('!BBH', 0, 32, 0), pad4884(q, 128) + ext,
             'len32-ext'),
            (3, 1, struct.pack('!BBH', 0, 36, 0), pad4884(q, 144) + ext,
             'len36-ext'),
            (3, 1, struct.pack('!BBH', 0, 8, 0), pad4884(q, 32) + ext,
             'len8-ext'),
            (3, 1, struct.pack('!BBH', 0, 17, 0), pad4884(q, 68) + ext,
             'len17-ext'),
            (3, 1, struct.pack('!BBH', 0, 255, 0), pad4884(q, 128) + ext,
             'len255-ext'),
            (3, 1, struct.pack('!BBH', 0, 17, 0), pad4884(q, 68),
             'len17-exact'),
            (3, 1, struct.pack('!BBH', 0, 32, 0), pad4884(q, 128),
             'len32-noext'),
            (3, 1, struct.pack('!BBH', 0, 32, 0), pad4884(q, 128) + ext[:2],
             'len32-ext2'),
            (3, 1, struct.pack('!BBH', 0, 32, 0), pad4884(q, 128) + ext * 40,
             'len32-ext-big'),
            (3, 1, struct.pack('!BBH', 0, 200, 0), pad4884(q, 800) + ext,
             'len200-ext'),
            (11, 0, struct.pack('!BBH', 0, 32, 0), pad4884(q, 128) + ext,
             'timex-len32-ext'),
            (3, 4, struct.pack('!BBH', 0, 32, 1400), pad4884(q, 128) + ext,
             'fragneeded-len32-ext'),
            (12, 0, struct.pack('!BBH', 8, 32, 0), pad4884(q, 128) + ext,
             'param-len32-ext'),
            (3, 3, struct.pack('!BBH', 0, 32, 0),
             pad4884(in4('tcp'), 128) + ext, 'tcp-len32-ext')):
        err4('err-4884-' + name, typ, code, rest, body)
    # queries other than echo, and the like
    for typ in (9, 10, 13, 14, 15, 16, 17, 18, 30, 37, 42, 43, 255):
        err4('icmp-type%d' % typ, typ, 0, zero, pat(16))
    add(D, 'nonglobal-dst-udp', IP(src=DEV4, dst=NG4) / UDP(sport=5000, dport=7)
        / Raw(pat(20)))

    # ================================================= IPv6 -> IPv4 (WAN)
    D = '6to4'

    def udp6(n, seed=0, src=FAR6, **kw):
        return IPv6(src=src, dst=DEV6, **kw) / UDP(sport=7, dport=5000 + n % 1000) / \
            Raw(pat(n, seed))

    for n in (0, 1, 8, 100, 1000, 1212, 1213, 1232, 1233, 1372, 1373, 1400,
              1452):
        add(D, 'udp-%d' % n, udp6(n))
    for n in (0, 1, 100, 1000, 1220, 1221, 1352, 1353, 1440):
        add(D, 'tcp-%d' % n, IPv6(src=FAR6, dst=DEV6) /
            TCP(sport=80, dport=44000, flags='PA', seq=1000, ack=2000) /
            Raw(pat(n, 1)))
    add(D, 'tcp-syn-opts', IPv6(src=FAR6, dst=DEV6) /
        TCP(sport=443, dport=44001, flags='SA', seq=7, ack=8,
            options=[('MSS', 1440), ('SAckOK', b''), ('Timestamp', (1, 0)),
                     ('NOP', None), ('WScale', 7)]))
    for n in (0, 56, 1000, 1232, 1233, 1452):
        add(D, 'echo-req-%d' % n, IPv6(src=FAR6, dst=DEV6) /
            ICMPv6EchoRequest(id=0x4242, seq=n) / Raw(pat(n, 3)))
    add(D, 'echo-reply-56', IPv6(src=FAR6, dst=DEV6) /
        ICMPv6EchoReply(id=0x4243, seq=1) / Raw(pat(56, 4)))
    for tc in (0x01, 0x02, 0x03, 0x10, 0x28, 0xb8, 0xe0, 0xff):
        add(D, 'udp-tc-%02x' % tc, udp6(64, tc=tc))
    for fl in (1, 0x12345, 0xfffff):
        add(D, 'udp-fl-%x' % fl, udp6(64, fl=fl))
    for hl in (0, 1, 2, 3, 128, 255):
        add(D, 'udp-hlim-%d' % hl, udp6(64, hlim=hl))
    add(D, 'tcp-hlim-1', IPv6(src=FAR6, dst=DEV6, hlim=1) /
        TCP(sport=80, dport=44003, flags='S'))
    add(D, 'echo-hlim-1', IPv6(src=FAR6, dst=DEV6, hlim=1) /
        ICMPv6EchoRequest(id=1, seq=1) / Raw(pat(56)))
    add(D, 'udp-1400-hlim-1', udp6(1400, hlim=1))
    t = bytearray(bytes(IPv6(src=FAR6, dst=DEV6) / TCP(sport=80, dport=44004) /
                        Raw(pat(50))))
    t[56] ^= 0x5a
    add(D, 'tcp-bad-csum', bytes(t))
    u = bytearray(bytes(udp6(50)))
    u[46] ^= 0x5a
    add(D, 'udp-bad-csum', bytes(u))
    e = bytearray(bytes(IPv6(src=FAR6, dst=DEV6) /
                        ICMPv6EchoRequest(id=5, seq=5) / Raw(pat(32))))
    e[42] ^= 0x5a
    add(D, 'echo-bad-csum', bytes(e))
    for n in (0, 100):
        add(D, 'udp-csum0-%d' % n, ip6(FAR6, DEV6, 17, struct.pack(
            '!HHHH', 5353, 5353, 8 + n, 0) + pat(n)))
    for nh in (1, 4, 41, 47, 50, 51, 59, 132, 135, 139, 140, 253, 255):
        add(D, 'nh-%d' % nh, ip6(FAR6, DEV6, nh, pat(40, nh)))
    add(D, 'empty-nh59', ip6(FAR6, DEV6, 59, b''))
    add(D, 'empty-nh59-tc-hlim', ip6(FAR6, DEV6, 59, b'', tc=0xb8, hlim=2))
    add(D, 'empty-nh17', ip6(FAR6, DEV6, 17, b''))
    add(D, 'nh59-trailer', ip6(FAR6, DEV6, 59, pat(16), plen=0))
    add(D, 'udp-trailer', bytes(udp6(20)) + b'\xee' * 12)

    # extension headers (RFC 7915 5.1: skipped; segments left refused)
    u64 = UDP(sport=7, dport=5001) / Raw(pat(64))
    hbh = IPv6ExtHdrHopByHop(options=[PadN(optdata=b'\0' * 4)])
    dst = IPv6ExtHdrDestOpt(options=[PadN(optdata=b'\0' * 4)])
    exts = [
        ('hbh', [hbh]),
        ('hbh-ra', [IPv6ExtHdrHopByHop(options=[RouterAlert()])]),
        ('hbh-unknown-skip', [IPv6ExtHdrHopByHop(options=[
            HBHOptUnknown(otype=0x1e, optdata=b'ab')])]),
        ('dst', [dst]),
        ('dst-unknown-skip', [IPv6ExtHdrDestOpt(options=[
            HBHOptUnknown(otype=0x1e, optdata=b'ab')])]),
        ('dst-unknown-discard', [IPv6ExtHdrDestOpt(options=[
            HBHOptUnknown(otype=0x5e, optdata=b'ab')])]),
        ('dst-dst', [dst, dst]),
        ('rt0-sl0', [IPv6ExtHdrRouting(type=0, segleft=0,
                                       addresses=['2001:db8::1'])]),
        ('rt0-sl1', [IPv6ExtHdrRouting(type=0, segleft=1,
                                       addresses=['2001:db8::1'])]),
        ('rt2-sl0', [IPv6ExtHdrRouting(type=2, segleft=0,
                                       addresses=['2001:db8::2'])]),
        ('rt2-sl1', [IPv6ExtHdrRouting(type=2, segleft=1,
                                       addresses=['2001:db8::2'])]),
        ('srh-sl0', [IPv6ExtHdrSegmentRouting(addresses=[DEV6, '2001:db8::3'],
                                              segleft=0)]),
        ('srh-sl1', [IPv6ExtHdrSegmentRouting(addresses=[DEV6, '2001:db8::3'],
                                              segleft=1)]),
        ('rt253-sl0', [IPv6ExtHdrRouting(type=253, segleft=0, addresses=[])]),
        ('rt253-sl2', [IPv6ExtHdrRouting(type=253, segleft=2, addresses=[])]),
        ('hbh-dst-rt0-dst', [hbh, dst, IPv6ExtHdrRouting(
            type=0, segleft=0, addresses=['2001:db8::1']), dst]),
        ('dst-hbh', [dst, hbh]),
        ('hbh-hbh', [hbh, hbh]),
        ('dst-rt0-sl1', [dst, IPv6ExtHdrRouting(type=0, segleft=1,
                                                addresses=['2001:db8::1'])]),
        ('atomic', [IPv6ExtHdrFragment(offset=0, m=0, id=0x12345678)]),
        ('dst-atomic', [dst, IPv6ExtHdrFragment(offset=0, m=0, id=0x1234)]),
        ('atomic-dst', [IPv6ExtHdrFragment(offset=0, m=0, id=0x1234), dst]),
        ('atomic-hbh', [IPv6ExtHdrFragment(offset=0, m=0, id=0x1234), hbh]),
        ('atomic-rt0-sl0', [IPv6ExtHdrFragment(offset=0, m=0, id=0x1234),
                            IPv6ExtHdrRouting(type=0, segleft=0,
                                              addresses=['2001:db8::1'])]),
        ('atomic-atomic', [IPv6ExtHdrFragment(offset=0, m=0, id=1),
                           IPv6ExtHdrFragment(offset=0, m=0, id=2)]),
    ]
    for name, hs in exts:
        p = IPv6(src=FAR6, dst=DEV6)
        for h in hs:
            p = p / h
        add(D, 'ext-' + name, p / u64)
    add(D, 'ext-atomic-tcp', IPv6(src=FAR6, dst=DEV6) /
        IPv6ExtHdrFragment(offset=0, m=0, id=0xabcdef01) /
        TCP(sport=80, dport=44000, flags='A') / Raw(pat(30)))
    add(D, 'ext-atomic-echo', IPv6(src=FAR6, dst=DEV6) /
        IPv6ExtHdrFragment(offset=0, m=0, id=0xabcdef02) /
        ICMPv6EchoRequest(id=9, seq=9) / Raw(pat(30)))
    add(D, 'ext-atomic-1300', IPv6(src=FAR6, dst=DEV6) /
        IPv6ExtHdrFragment(offset=0, m=0, id=0xabcdef03) /
        UDP(sport=7, dport=5002) / Raw(pat(1300)))
    add(D, 'ext-dst-echo', IPv6(src=FAR6, dst=DEV6) / dst /
        ICMPv6EchoRequest(id=9, seq=10) / Raw(pat(30)))
    add(D, 'ext-hbh-dst-1300', IPv6(src=FAR6, dst=DEV6) / hbh / dst /
        UDP(sport=7, dport=5003) / Raw(pat(1300)))
    d59 = bytes(IPv6ExtHdrDestOpt(nh=59, options=[PadN(optdata=b'\0' * 4)]))
    add(D, 'ext-dst-nh59', ip6(FAR6, DEV6, 60, d59))
    add(D, 'ext-dst-truncated', ip6(FAR6, DEV6, 60, d59[:4]))
    dl = bytearray(l4(IPv6(src=FAR6, dst=DEV6) / dst / u64))
    dl[1] = 30                          # 248 bytes, more than there are
    add(D, 'ext-dst-too-long', ip6(FAR6, DEV6, 60, bytes(dl)))
    add(D, 'ext-dst-esp', ip6(FAR6, DEV6, 60, bytes(IPv6ExtHdrDestOpt(
        nh=50, options=[PadN(optdata=b'\0' * 4)])) + pat(40)))
    ah = struct.pack('!BBH', 17, 4, 0) + pat(20)
    add(D, 'ext-ah-udp', ip6(FAR6, DEV6, 51, ah + l4(udp6(40))))

    # IPv6 fragments
    dg6 = l4(udp6(992, seed=5))
    for name, (off, m, chunk) in zip(('first', 'middle', 'last'), (
            (0, 1, dg6[:400]), (50, 1, dg6[400:800]), (100, 0, dg6[800:]))):
        add(D, 'frag-udp-' + name, frag6(FAR6, DEV6, 17, chunk, off, m,
                                         0xdeadbeef))
    tg6 = l4(IPv6(src=FAR6, dst=DEV6) / TCP(sport=80, dport=44006,
                                            flags='PA') / Raw(pat(600)))
    add(D, 'frag-tcp-first', frag6(FAR6, DEV6, 6, tg6[:320], 0, 1, 0x4343))
    add(D, 'frag-tcp-last', frag6(FAR6, DEV6, 6, tg6[320:], 40, 0, 0x4343))
    ig6 = l4(IPv6(src=FAR6, dst=DEV6) / ICMPv6EchoRequest(id=3, seq=3) /
             Raw(pat(1000)))
    add(D, 'frag-echo-first', frag6(FAR6, DEV6, 58, ig6[:400], 0, 1, 0x4545))
    add(D, 'frag-echo-last', frag6(FAR6, DEV6, 58, ig6[800:], 100, 0, 0x4545))
    z6 = struct.pack('!HHHH', 5353, 5353, 1008, 0) + pat(1000)
    add(D, 'frag-udp-csum0-first', frag6(FAR6, DEV6, 17, z6[:400], 0, 1,
                                         0x4444))
    add(D, 'frag-proto253-first', frag6(FAR6, DEV6, 253, pat(400), 0, 1,
                                        0x4646))
    big6 = l4(udp6(3000, seed=6))
    add(D, 'frag-udp-first-1440', frag6(FAR6, DEV6, 17, big6[:1440], 0, 1,
                                        0x4747))
    add(D, 'frag-udp-middle-1440', frag6(FAR6, DEV6, 17, big6[1440:2880], 180,
                                         1, 0x4747))
    add(D, 'frag-udp-first-1352', frag6(FAR6, DEV6, 17, big6[:1352], 0, 1,
                                        0x4848))
    add(D, 'frag-hbh-udp-first', frag6(FAR6, DEV6, 17, dg6[:400], 0, 1, 0x4949,
                                       pre=bytes(IPv6ExtHdrHopByHop(
                                           nh=44, options=[PadN(
                                               optdata=b'\0' * 4)])),
                                       pre_nh=0))
    add(D, 'frag-udp-later-dst', frag6(FAR6, DEV6, 60, d59 + pat(32), 50, 1,
                                       0x5050))
    add(D, 'frag-udp-first-dst', frag6(FAR6, DEV6, 60, bytes(IPv6ExtHdrDestOpt(
        nh=17, options=[PadN(optdata=b'\0' * 4)])) + dg6[:400], 0, 1, 0x5252))
    # AH after the Fragment header (5.1: "SHOULD be dropped")
    add(D, 'frag-ah-udp-first', frag6(FAR6, DEV6, 51, ah + dg6[:400], 0, 1,
                                      0x5353), 'ah-after-frag')
    add(D, 'ext-atomic-ah-udp', frag6(FAR6, DEV6, 51, ah + l4(udp6(40)), 0, 0,
                                      0x5454), 'ah-after-frag')
    add(D, 'frag-hlim-1', frag6(FAR6, DEV6, 17, dg6[:400], 0, 1, 0x5151,
                                hlim=1))

    # ICMPv6 errors to the device about a packet it sent
    def in6(kind, **kw):
        src = kw.pop('src', DEV6)
        dst = kw.pop('dst', FAR6)
        ip = dict(src=src, dst=dst, hlim=50)
        ip.update(kw)
        if kind == 'udp':
            return bytes(IPv6(**ip) / UDP(sport=33000, dport=53) / Raw(pat(40)))
        if kind == 'tcp':
            return bytes(IPv6(**ip) / TCP(sport=44000, dport=80, flags='S',
                                          seq=10) / Raw(pat(20)))
        if kind == 'echo':
            return bytes(IPv6(**ip) / ICMPv6EchoRequest(id=7, seq=1) /
                         Raw(pat(32)))
        if kind == 'echorep':
            return bytes(IPv6(**ip) / ICMPv6EchoReply(id=7, seq=1) /
                         Raw(pat(32)))
        raise ValueError(kind)

    def err6(name, typ, code, rest, inner, *tags, bad=False, src=FAR6, **kw):
        add(D, name, ip6(src, DEV6, 58, icmp6(src, DEV6, typ, code, rest,
                                              inner, bad=bad), **kw), *tags)

    for code in range(9):
        err6('err-unreach-%d-udp' % code, 1, code, zero, in6('udp'))
    for code in (0, 1, 2):
        err6('err-timex-%d-udp' % code, 3, code, zero, in6('udp'))
    for ptr in (0, 1, 2, 3, 4, 5, 6, 7, 8, 23, 24, 39, 40, 41, 100, 0x10000):
        err6('err-param-0-ptr%d-udp' % ptr, 4, 0, struct.pack('!I', ptr),
             in6('udp'))
    for code in (1, 2, 3, 4):
        err6('err-param-%d-udp' % code, 4, code, struct.pack('!I', 6),
             in6('udp'))
    for typ in (5, 100, 127):
        err6('err-type%d-udp' % typ, typ, 0, zero, in6('udp'))
    # every type and code again about TCP, an echo request, an echo reply
    for kind in ('tcp', 'echo', 'echorep'):
        for (typ, code, rest) in (
                [(1, c, zero) for c in range(9)] +
                [(2, 0, struct.pack('!I', 1400)),
                 (2, 0, struct.pack('!I', 1280))] +
                [(3, c, zero) for c in (0, 1, 2)] +
                [(4, 0, struct.pack('!I', 7)), (4, 0, struct.pack('!I', 24)),
                 (4, 1, struct.pack('!I', 6)), (4, 2, struct.pack('!I', 40))]):
            err6('err-%d-%d-%s-%d' % (typ, code, kind,
                                      struct.unpack('!I', rest)[0]),
                 typ, code, rest, in6(kind))
    for mtu in (0, 68, 1000, 1280, 1281, 1400, 1420, 1480, 1500, 1520, 9000,
                65535, 70000, 0xffffffff):
        err6('err-ptb-mtu%d' % mtu, 2, 0, struct.pack('!I', mtu),
             in6('udp', plen=1452)[:88])
    for mtu in (1280, 1400):
        err6('err-ptb-mtu%d-frag' % mtu, 2, 0, struct.pack('!I', mtu),
             bytes(IPv6(src=DEV6, dst=FAR6, hlim=50) / IPv6ExtHdrFragment(
                 offset=0, m=1, id=0x77) / UDP(sport=33000, dport=53) /
                 Raw(pat(40))))
    err6('err-ptb-code1', 2, 1, struct.pack('!I', 1400), in6('udp'))
    # errors from outside the prefix, and from a non-global address in it
    for (typ, code, rest) in ((1, 0, zero), (1, 3, zero),
                              (2, 0, struct.pack('!I', 1400)),
                              (3, 0, zero), (3, 1, zero),
                              (4, 0, struct.pack('!I', 7))):
        err6('err-router-%d-%d-udp' % (typ, code), typ, code, rest,
             in6('udp'), src=RTR6)
        err6('err-nonglobal-%d-%d-udp' % (typ, code), typ, code, rest,
             in6('udp'), src=NG6)
    pie6 = {
        'udp0': ip6(DEV6, FAR6, 17, struct.pack('!HHHH', 33000, 53, 48, 0) +
                    pat(40), hlim=50),
        'frag-first': bytes(IPv6(src=DEV6, dst=FAR6, hlim=50) /
                            IPv6ExtHdrFragment(offset=0, m=1, id=0x2222) /
                            UDP(sport=33000, dport=53) / Raw(pat(40))),
        'frag-later': frag6(DEV6, FAR6, 17, pat(48), 20, 1, 0x2323, hlim=50),
        'atomic': bytes(IPv6(src=DEV6, dst=FAR6, hlim=50) /
                        IPv6ExtHdrFragment(offset=0, m=0, id=0x2424) /
                        UDP(sport=33000, dport=53) / Raw(pat(40))),
        'hbh-dst': bytes(IPv6(src=DEV6, dst=FAR6, hlim=50) / hbh / dst /
                         UDP(sport=33000, dport=53) / Raw(pat(40))),
        'rt0-sl1': bytes(IPv6(src=DEV6, dst=FAR6, hlim=50) /
                         IPv6ExtHdrRouting(type=0, segleft=1,
                                           addresses=['2001:db8::1']) /
                         UDP(sport=33000, dport=53) / Raw(pat(40))),
        'trunc48': in6('udp')[:48],
        'trunc44': in6('udp')[:44],
        'trunc40': in6('udp')[:40],
        'trunc20': in6('udp')[:20],
        'tcp-trunc48': in6('tcp')[:48],
        'tcp-trunc56': in6('tcp')[:56],
        'echo-trunc44': in6('echo')[:44],
        'big1000': bytes(IPv6(src=DEV6, dst=FAR6, hlim=50) /
                         UDP(sport=33000, dport=53) / Raw(pat(952))),
        'big1232': bytes(IPv6(src=DEV6, dst=FAR6, hlim=50) /
                         UDP(sport=33000, dport=53) / Raw(pat(1184))),
        'err-in-err': bytes(IPv6(src=DEV6, dst=FAR6) /
                            Raw(icmp6(DEV6, FAR6, 1, 4, zero,
                                      in6('udp', src=FAR6, dst=DEV6)[:48]))),
        'nh253': ip6(DEV6, FAR6, 253, pat(40), hlim=50),
        'tc-hlim': in6('udp', tc=0xb8, fl=0x12345, hlim=1),
        'plen-short': ip6(DEV6, FAR6, 17, l4(UDP(sport=33000, dport=53) /
                                             Raw(pat(40))), plen=4, hlim=50),
        'plen-long': in6('udp', plen=9000),
        'version4': b'\x46' + in6('udp')[1:],
        'wrong-src': in6('udp', src='2001:db8:6::99'),
        'nonglobal-dst': in6('udp', dst=NG6),
    }
    for name, inner in pie6.items():
        err6('err-unreach-4-' + name, 1, 4, zero, inner)
    err6('err-bad-csum', 1, 4, zero, in6('udp'), bad=True)
    err6('err-unreach-4-udp-tc-hlim1', 1, 4, zero, in6('udp'), tc=0x28, hlim=1)
    # RFC 4884: the length octet (64-bit words of the packet in error)
    q6 = in6('udp')
    for (typ, code, rest, body, name) in (
            (1, 4, struct.pack('!BBH', 16, 0, 0), pad4884(q6, 128) + ext,
             'len16-ext'),
            (1, 4, struct.pack('!BBH', 18, 0, 0), pad4884(q6, 144) + ext,
             'len18-ext'),
            (1, 4, struct.pack('!BBH', 4, 0, 0), pad4884(q6, 32) + ext,
             'len4-ext'),
            (1, 4, struct.pack('!BBH', 11, 0, 0), pad4884(q6, 88) + ext,
             'len11-ext'),
            (1, 4, struct.pack('!BBH', 255, 0, 0), pad4884(q6, 128) + ext,
             'len255-ext'),
            (1, 4, struct.pack('!BBH', 11, 0, 0), pad4884(q6, 88),
             'len11-exact'),
            (1, 4, struct.pack('!BBH', 16, 0, 0), pad4884(q6, 128),
             'len16-noext'),
            (1, 4, struct.pack('!BBH', 16, 0, 0), pad4884(q6, 128) + ext * 80,
             'len16-ext-big'),
            (1, 4, struct.pack('!BBH', 100, 0, 0), pad4884(q6, 800) + ext,
             'len100-ext'),
            (3, 0, struct.pack('!BBH', 16, 0, 0), pad4884(q6, 128) + ext,
             'timex-len16-ext'),
            (1, 0, struct.pack('!BBH', 16, 0, 0),
             pad4884(in6('tcp'), 128) + ext, 'tcp-len16-ext')):
        err6('err-4884-' + name, typ, code, rest, body)
    for typ in (130, 131, 132, 133, 134, 135, 136, 137, 139, 140, 141, 142,
                143, 200, 255):
        err6('icmp-type%d' % typ, typ, 0, zero, pat(24))
    add(D, 'nonglobal-src-udp', udp6(20, src=NG6))

    byname = {(c.dir, c.name): c for c in cases}
    for tag, names in TAGS.items():
        for n in names:
            d, name = n.split('/', 1)
            if (d, name) not in byname:
                raise KeyError('TAGS: no case %s' % n)
            byname[(d, name)].tags.add(tag)
    return cases


# The classes of input that rules of ALLOWED below are about.
TAGS = {
    # TTL (hop limit) 1 and too big at once
    'two-faults': ['4to6/udp-df-1300-ttl-1', '6to4/udp-1400-hlim-1'],
    # ICMP of the other family: IPv4 protocol 58, IPv6 next header 1
    'other-icmp': ['4to6/proto-58', '6to4/nh-1'],
    # IPv4 options with broken lengths
    'bad-option': ['4to6/opt-ts-overrun', '4to6/opt-len1'],
    # readable, refused, not an ICMP error (nor ICMPv6): 4.4 and 5.4 say
    # answer Administratively Prohibited
    'refused': ['4to6/frag-echo-first', '4to6/frag-udp-csum0-first',
                '6to4/ext-atomic-dst', '6to4/ext-atomic-hbh',
                '6to4/ext-atomic-rt0-sl0', '6to4/ext-atomic-atomic',
                '6to4/frag-udp-later-dst', '6to4/frag-udp-first-dst'],
    # a hop-by-hop header that is not the first
    'hbh-not-first': ['6to4/ext-dst-hbh', '6to4/ext-hbh-hbh'],
    # RFC 4884 length octets: under 128 bytes; past the end; an extension
    # that does not fit 576 bytes; one that needs the quote padded
    '4884-short': ['4to6/err-4884-len8-ext', '4to6/err-4884-len17-ext',
                   '4to6/err-4884-len17-exact', '6to4/err-4884-len4-ext',
                   '6to4/err-4884-len11-ext', '6to4/err-4884-len11-exact'],
    '4884-beyond': ['4to6/err-4884-len255-ext', '6to4/err-4884-len255-ext',
                    '4to6/err-fragneeded-mtu1400-len205'],
    '4884-nofit': ['6to4/err-4884-len100-ext', '6to4/err-4884-len16-ext-big'],
    '4884-pad': ['4to6/err-4884-len32-ext', '4to6/err-4884-len36-ext',
                 '4to6/err-4884-len32-ext2', '4to6/err-4884-len32-ext-big',
                 '4to6/err-4884-len200-ext', '4to6/err-4884-timex-len32-ext',
                 '4to6/err-4884-tcp-len32-ext'],
    # Packet Too Big: MTU 0; about a packet with a Fragment header
    'ptb-mtu0': ['6to4/err-ptb-mtu0'],
    'ptb-frag': ['6to4/err-ptb-mtu1280-frag', '6to4/err-ptb-mtu1400-frag'],
    # quoted packets: shorter than their transport header, an error, a
    # later fragment, a routing header with segments left
    # (at least the 8 bytes RFC 792 has routers quote, but not a whole
    # TCP header; and less than those 8 bytes)
    'short-quote': ['4to6/err-unreach-3-tcp-trunc28',
                    '4to6/err-unreach-3-tcp-trunc36',
                    '6to4/err-unreach-4-tcp-trunc48',
                    '6to4/err-unreach-4-tcp-trunc56'],
    'sub-minimal-quote': ['4to6/err-unreach-3-trunc24',
                          '4to6/err-unreach-3-trunc20',
                          '4to6/err-unreach-3-echo-trunc24',
                          '6to4/err-unreach-4-trunc44',
                          '6to4/err-unreach-4-trunc40',
                          '6to4/err-unreach-4-echo-trunc44'],
    'err-in-err': ['4to6/err-unreach-3-err-in-err',
                   '6to4/err-unreach-4-err-in-err'],
    'quoted-later-frag': ['4to6/err-unreach-3-frag-later',
                          '6to4/err-unreach-4-frag-later'],
    'quoted-rt-sl': ['6to4/err-unreach-4-rt0-sl1'],
    # IPv6 fragments that translate to more than the LAN's MTU
    'frag-over-lan': ['6to4/frag-udp-first-1440'],
    'frag-over-lan-later': ['6to4/frag-udp-middle-1440'],
    # non-global IPv4 addresses under 64:ff9b::/96
    'nonglobal': ['4to6/nonglobal-dst-udp', '4to6/err-unreach-3-wrong-dst',
                  '4to6/err-unreach-3-nonglobal-src',
                  '6to4/nonglobal-src-udp', '6to4/err-unreach-4-nonglobal-dst'] +
                 ['6to4/err-nonglobal-%s-udp' % tc for tc in (
                     '1-0', '1-3', '2-0', '3-0', '3-1', '4-0')],
}


def marker(direction, i):
    """The marker that closes packet i."""
    payload = MARK_MAGIC + b'%06d' % i
    if direction == '4to6':
        u = struct.pack('!HHHH', MARK_SPORT, MARK_DPORT, 8 + len(payload), 0)
        c = csum(u + payload, pseudo4(DEV4, MARK4, 17, 8 + len(payload)))
        u = u[:6] + struct.pack('!H', c or 0xffff)
        h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 28 + len(payload), i & 0xffff,
                        0, 64, 17, 0, socket.inet_pton(socket.AF_INET, DEV4),
                        socket.inet_pton(socket.AF_INET, MARK4))
        h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
        return h + u + payload
    u = struct.pack('!HHHH', MARK_DPORT, MARK_SPORT, 8 + len(payload), 0)
    c = csum(u + payload, pseudo6(MARK6, DEV6, 17, 8 + len(payload)))
    u = u[:6] + struct.pack('!H', c or 0xffff)
    return struct.pack('!IHBB16s16s', 6 << 28, 8 + len(payload), 17, 64,
                       socket.inet_pton(socket.AF_INET6, MARK6),
                       socket.inet_pton(socket.AF_INET6, DEV6)) + u + payload


def marker_index(ip):
    """The index of a translated marker, or None."""
    if not ip:
        return None
    if ip[0] >> 4 == 4:
        hl = (ip[0] & 15) * 4
        if ip[9] != 17 or len(ip) < hl + 8:
            return None
        u = ip[hl:]
    elif ip[0] >> 4 == 6 and len(ip) >= 48 and ip[6] == 17:
        u = ip[40:]
    else:
        return None
    if struct.unpack('!H', u[2:4])[0] not in (MARK_SPORT, MARK_DPORT):
        return None
    if u[8:8 + len(MARK_MAGIC)] != MARK_MAGIC:
        return None
    return int(u[8 + len(MARK_MAGIC):8 + len(MARK_MAGIC) + 6])


# --------------------------------------------------------------- dissection

def show_data(b):
    if len(b) <= 40:
        return b.hex() or '-'
    return '%dB:%s..%s#%s' % (len(b), b[:8].hex(), b[-4:].hex(),
                              hashlib.sha1(b).hexdigest()[:10])


def a4(b):
    return socket.inet_ntop(socket.AF_INET, b)


def a6(b):
    return socket.inet_ntop(socket.AF_INET6, b)


EXT6 = (0, 43, 44, 60)


def dissect(ip, f, pfx='', inner=False):
    """Fields of the IP packet ip into f (names prefixed by pfx)."""
    if not ip:
        f[pfx + 'ip'] = 'empty'
        return
    ver = ip[0] >> 4
    if ver == 4:
        dissect4(ip, f, pfx, inner)
    elif ver == 6:
        dissect6(ip, f, pfx, inner)
    else:
        f[pfx + 'ip'] = 'version %d: %s' % (ver, show_data(ip))


def dissect4(ip, f, pfx, inner):
    p = pfx + 'ip.'
    if len(ip) < 20:
        f[p + 'partial'] = ip.hex()
        return
    ihl = (ip[0] & 15) * 4
    tos, tot, ident, fo, ttl, proto, cks = struct.unpack('!BHHHBBH', ip[1:12])
    f[p + 'ihl'] = ihl
    f[p + 'tos'] = '%02x' % tos
    f[p + 'len'] = tot
    f[p + 'id'] = ident
    f[p + 'flags'] = ('R' if fo & 0x8000 else '') + ('DF' if fo & 0x4000 else '') + \
        ('MF' if fo & 0x2000 else '') or '-'
    f[p + 'off'] = fo & 0x1fff
    f[p + 'ttl'] = ttl
    f[p + 'proto'] = proto
    f[p + 'cksum'] = 'ok' if len(ip) >= ihl and csum(ip[:ihl]) == 0 else 'bad'
    f[p + 'src'] = a4(ip[12:16])
    f[p + 'dst'] = a4(ip[16:20])
    if ihl > 20:
        f[p + 'opts'] = ip[20:ihl].hex()
    if not inner and len(ip) != tot:
        f[p + 'frame-len'] = len(ip)
    body = ip[ihl:tot] if not inner else ip[ihl:min(len(ip), max(tot, ihl))]
    if fo & 0x1fff:
        f[pfx + 'data'] = show_data(body)
        return
    ps = None
    if not inner and not fo & 0x2000:
        ps = pseudo4(a4(ip[12:16]), a4(ip[16:20]), proto, len(body))
    transport(body, proto, f, pfx, ps, inner, 4)


def dissect6(ip, f, pfx, inner):
    p = pfx + 'ip6.'
    if len(ip) < 40:
        f[p + 'partial'] = ip.hex()
        return
    vtf, plen, nh, hlim = struct.unpack('!IHBB', ip[:8])
    f[p + 'tc'] = '%02x' % (vtf >> 20 & 0xff)
    f[p + 'fl'] = '%05x' % (vtf & 0xfffff)
    f[p + 'plen'] = plen
    f[p + 'nh'] = nh
    f[p + 'hlim'] = hlim
    src, dst = a6(ip[8:24]), a6(ip[24:40])
    f[p + 'src'] = src
    f[p + 'dst'] = dst
    if not inner and len(ip) != 40 + plen:
        f[p + 'frame-len'] = len(ip)
    end = 40 + plen if not inner else len(ip)
    off, n, first, whole = 40, 0, True, not inner
    while nh in EXT6 or nh == 51:
        if off + 8 > end:
            f[p + 'ext%d' % n] = 'truncated:%d:%s' % (nh, ip[off:end].hex())
            return
        if nh == 44:
            fnh, _, fo, fid = struct.unpack('!BBHI', ip[off:off + 8])
            f[pfx + 'frag.nh'] = fnh
            f[pfx + 'frag.off'] = fo >> 3
            f[pfx + 'frag.m'] = fo & 1
            f[pfx + 'frag.res'] = fo & 6
            f[pfx + 'frag.id'] = '%08x' % fid
            nh, off = fnh, off + 8
            first = not fo >> 3
            whole = whole and not fo & 1 and first
            if not first:
                break
            continue
        ln = (ip[off + 1] + 2) * 4 if nh == 51 else (ip[off + 1] + 1) * 8
        f[p + 'ext%d' % n] = '%d:%s' % (nh, show_data(ip[off:off + ln]))
        n += 1
        nh, off = ip[off], off + ln
    if not first:
        f[pfx + 'data'] = show_data(ip[off:end])
        return
    ps = pseudo6(src, dst, nh, end - off) if whole and end >= off else None
    transport(ip[off:end], nh, f, pfx, ps, inner, 6)


def cks(f, key, data, ps):
    """A transport checksum: its value, and whether it is right."""
    f[key] = '%04x' % struct.unpack('!H', data)[0] if len(data) == 2 else '-'


def transport(b, proto, f, pfx, ps, inner, fam):
    """The transport header and data; ps: the pseudo-header sum, or None
    where the checksum cannot be judged (fragments, quoted packets)."""
    if proto == 6 and len(b) >= 20:
        p = pfx + 'tcp.'
        sp, dp, seq, ack, offf, win, ck, urg = struct.unpack('!HHIIHHHH', b[:20])
        f[p + 'ports'] = '%d>%d' % (sp, dp)
        f[p + 'seq'] = '%d/%d' % (seq, ack)
        f[p + 'hdr'] = '%d:%03x:%d:%d' % (offf >> 12, offf & 0xfff, win, urg)
        f[p + 'cksum'] = '%04x' % ck
        if ps is not None:
            f[p + 'cksum-ok'] = csum(b, ps) == 0
        hl = (offf >> 12) * 4
        if hl > 20:
            f[p + 'opts'] = b[20:hl].hex()
        f[pfx + 'data'] = show_data(b[hl:])
    elif proto == 17 and len(b) >= 8:
        p = pfx + 'udp.'
        sp, dp, ln, ck = struct.unpack('!HHHH', b[:8])
        f[p + 'ports'] = '%d>%d' % (sp, dp)
        f[p + 'len'] = ln
        f[p + 'cksum'] = '%04x' % ck
        if ps is not None and ck:
            f[p + 'cksum-ok'] = csum(b, ps) == 0
        f[pfx + 'data'] = show_data(b[8:])
    elif proto == 1 and fam == 4 and len(b) >= 8:
        icmp(b, f, pfx + 'icmp.', pfx, None if ps is None else 0, inner, 4)
    elif proto == 58 and fam == 6 and len(b) >= 8:
        icmp(b, f, pfx + 'icmp6.', pfx, ps, inner, 6)
    else:
        f[pfx + 'data'] = show_data(b)


def icmp(b, f, p, pfx, ps, inner, fam):
    typ, code, ck = struct.unpack('!BBH', b[:4])
    f[p + 'type'] = typ
    f[p + 'code'] = code
    f[p + 'cksum'] = '%04x' % ck
    if ps is not None:
        f[p + 'cksum-ok'] = csum(b, ps) == 0
    err = typ in (3, 11, 12) if fam == 4 else typ < 128
    if typ in ((0, 8) if fam == 4 else (128, 129)):
        f[p + 'id'], f[p + 'seq'] = struct.unpack('!HH', b[4:8])
        f[pfx + 'data'] = show_data(b[8:])
        return
    if not err or inner:
        f[p + 'rest'] = b[4:8].hex()
        f[pfx + 'data'] = show_data(b[8:])
        return
    words = 0
    if fam == 4:
        if typ == 3 and code == 4:
            f[p + 'unused'], f[p + 'mtu'] = struct.unpack('!HH', b[4:8])
            words = 0
        elif typ == 12:
            f[p + 'ptr'] = b[4]
            f[p + 'unused'] = b[6:8].hex()
        else:
            f[p + 'unused'] = b[4:5].hex() + b[6:8].hex()
        if typ in (3, 11, 12):
            words = b[5]
            f[p + 'length'] = words
        unit = 4
    else:
        if typ == 2:
            f[p + 'mtu'] = struct.unpack('!I', b[4:8])[0]
        elif typ == 4:
            f[p + 'ptr'] = struct.unpack('!I', b[4:8])[0]
        else:
            words = b[4]
            f[p + 'length'] = words
            f[p + 'unused'] = b[5:8].hex()
        unit = 8
    quote = b[8:]
    if words and words * unit <= len(quote):
        f[pfx + 'ext'] = show_data(quote[words * unit:])
        quote = quote[:words * unit]
    f[pfx + 'quote-len'] = len(quote)
    dissect(quote, f, pfx + 'in.', inner=True)


def fields(ip):
    f = {}
    dissect(ip, f)
    return f


def summary(ip):
    """One line about a packet, for reports."""
    f = fields(ip)
    keep = ('ip.src', 'ip.dst', 'ip6.src', 'ip6.dst', 'ip.proto', 'ip6.nh',
            'icmp.type', 'icmp.code', 'icmp6.type', 'icmp6.code', 'ip.len',
            'ip6.plen')
    return ' '.join('%s=%s' % (k, f[k]) for k in keep if k in f)


# ------------------------------------------------------- allowed differences
#
# Every difference between the two translators fails the test unless one of
# these rules allows it. A rule has a name, a kind, the reason (with the
# section of RFC 7915 unless another RFC is named) and a test of one
# difference d of case c: d.stream ('out': what was sent on, 'back': what
# was sent back), d.field, d.a (v4v6's value) and d.b (Jool's); for a packet
# only one of them sent, d.field is 'count' or 'only-v4v6' / 'only-jool'.
# Rules about a class of input name it by a tag the corpus gives the case
# (Case.tags); they say which side must have done what, so that the other
# way round still fails. The kinds:
#
#   free        RFC 7915 (or the RFC named) leaves the value to the translator
#   v4v6        a deliberate v4v6 choice that README.md documents
#   either      both behaviours are what the RFC allows
#   jool        Jool is wrong (a Jool bug or limitation), v4v6 right
#
# Where v4v6 is wrong there is no rule: the case fails.

LOWEST_MTU = 1280               # both translators' lowest IPv6 MTU, and the
LAN_MTU = 1400                  # route MTUs towards the prefix and the device


class Diff:
    def __init__(self, stream, idx, field, a, b, fa, fb):
        self.stream, self.idx, self.field = stream, idx, field
        self.a, self.b = a, b           # v4v6's value, Jool's (None: absent)
        self.fa, self.fb = fa, fb       # both packets' fields

    def __str__(self):
        return '%s[%d] %s: v4v6=%s jool=%s' % (self.stream, self.idx,
                                               self.field, self.a, self.b)


def unfragmented4(f):
    return 'ip.off' in f and f['ip.off'] == 0 and 'MF' not in f['ip.flags']


def sent_only(d, who, stream=None):
    """d is a packet that only `who` ('v4v6' or 'jool') sent."""
    if stream and d.stream != stream:
        return False
    if d.field == 'count':
        return d.a > d.b if who == 'v4v6' else d.b > d.a
    return d.field == 'only-' + who


def tagged(tag, *fields):
    """A rule for cases tagged `tag`, any of `fields` (all if none)."""
    return lambda c, d: tag in c.tags and (not fields or d.field in fields)


def is_admin_prohibited(summary_line):
    return summary_line is not None and (
        'icmp.type=3 icmp.code=13' in summary_line or
        'icmp6.type=1 icmp6.code=1' in summary_line)


CKSUMS = ('tcp.cksum', 'udp.cksum', 'icmp.cksum', 'icmp6.cksum')

ALLOWED = [
    # A checksum covers other fields: where it is right in both packets,
    # its value differs only because they do, and those differences are
    # judged by themselves (a wrong checksum differs in its "-ok" field).
    ('checksum-follows', 'free', 'a right checksum over other differences',
     lambda c, d: d.field in CKSUMS and d.fa.get(d.field + '-ok') is True and
     d.fb.get(d.field + '-ok') is True),
    # The Identification of a translated IPv4 packet that is not a
    # fragment: 5.1 has it "set according to a Fragment Identification
    # generator at the translator", and for an atomic datagram (DF) RFC 6864
    # 4.1 lets it be anything. v4v6: random up to 1260 bytes, 0 with DF
    # (README "DF"); Jool: the kernel's generator.
    ('ipv4-id-generator', 'free', '5.1; RFC 6864 4.1',
     lambda c, d: d.stream == 'out' and d.field == 'ip.id' and
     unfragmented4(d.fa) and unfragmented4(d.fb)),
    # The IPv4 header rebuilt from the IPv6 packet quoted in an ICMPv6
    # error never existed, so its Identification is anyone's: v4v6 writes 0
    # (kmod/xlat6to4.c, v4v6_fill_ipv4() "quoted"), Jool a generated one.
    ('quoted-ipv4-id', 'free', '5.3 with 5.1',
     lambda c, d: d.stream == 'out' and d.field == 'in.ip.id'),
    # An ICMP error a translator sends itself (Time Exceeded, Packet Too
    # Big, Parameter Problem, ...) comes from its own address: in the
    # gateway the device's IPv6 address (the packet was for an address of
    # the gateway), in Jool's namespace its interface's; flow label and
    # Identification are the kernel's.
    ('own-error-header', 'free', 'RFC 4443 2.2; RFC 6437 3; RFC 6864 4',
     lambda c, d: d.stream == 'back' and d.field in ('ip6.src', 'ip6.fl',
                                                     'ip.id')),
    # Both TTL 1 and too big with DF: one error or the other is right, the
    # RFC does not order the checks. v4v6 checks the TTL first, as Linux's
    # forwarding does; Jool the size.
    ('two-faults', 'either', '4.1 and 4.4 do not order the checks',
     lambda c, d: 'two-faults' in c.tags and d.stream == 'back' and
     d.field not in ('count',) and not d.field.startswith('only-')),
    # A first IPv6 fragment that translates to more than the LAN's MTU:
    # "the translator MUST send a Packet Too Big error message or fragment
    # the packet" (1.4); the translated fragment has DF clear "allowing this
    # packet to be further fragmented by IPv4 routers" (5.1.1). v4v6
    # fragments it (wan.c, v4v6_too_big_for_lan()), Jool sends PTB.
    ('fragment-over-lan-mtu', 'either', '1.4; 5.1.1',
     lambda c, d: 'frag-over-lan' in c.tags and (
         sent_only(d, 'v4v6', 'out') or sent_only(d, 'jool', 'back'))),
    # An ICMPv6 Packet Too Big with an MTU of 0 is invalid (RFC 8201 4
    # takes nothing under 1280) and 5.2's minimum(MTU-20, ...) has no
    # answer for it: v4v6 takes the RFC 1191 plateau below the quoted
    # length (README "ICMP errors"), Jool's unsigned 0-20 wraps and the LAN
    # MTU wins.
    ('ptb-mtu-0', 'either', '5.2 undefined for MTU 0',
     tagged('ptb-mtu0', 'icmp.mtu')),
    # A packet the translator can read but refuses (fragmented ICMP, UDP
    # fragments without checksum, IPv6 fragments with extension headers
    # after the Fragment header, a second Fragment header) "SHOULD" be
    # answered with Communication Administratively Prohibited (4.4, 5.4):
    # v4v6 does (README "Errors back to the sender"), Jool drops some
    # silently.
    ('admin-prohibited-not-sent-by-jool', 'jool', '4.4, 5.4 (SHOULD)',
     lambda c, d: 'refused' in c.tags and sent_only(d, 'v4v6', 'back') and
     (d.field == 'count' or is_admin_prohibited(d.a))),
    # A hop-by-hop header that is not the first one is refused, with
    # Administratively Prohibited (README "IPv6 extension headers": "first
    # only"; RFC 8200 4.1: it "MUST immediately follow the IPv6 header").
    # Jool skips it wherever it is.
    ('hop-by-hop-first-only', 'v4v6', 'README; RFC 8200 4.1',
     lambda c, d: 'hbh-not-first' in c.tags and (
         sent_only(d, 'jool', 'out') or (sent_only(d, 'v4v6', 'back') and (
             d.field == 'count' or is_admin_prohibited(d.a))))),
    # Malformed IPv4 options (an option running past the header, a length
    # under 2) are refused as a bad header (README "IPv4 options"); Jool
    # ignores options without reading their lengths.
    ('malformed-options-refused', 'v4v6', 'README; RFC 791 3.1',
     lambda c, d: 'bad-option' in c.tags and sent_only(d, 'jool', 'out')),
    # An IPv6 UDP checksum of zero (no checksum: invalid in IPv6, RFC 8200
    # 8.1) stays zero in IPv4, where it means "none", also in a quoted
    # packet (README "TCP, UDP checksums"). Jool updates the absent
    # checksum as if it were one and sends a wrong checksum.
    ('ipv6-udp-zero-checksum-kept', 'v4v6', 'README; RFC 768',
     lambda c, d: c.dir == '6to4' and d.stream == 'out' and (
         (d.field in ('udp.cksum', 'in.udp.cksum') and d.a == '0000') or
         (d.field == 'udp.cksum-ok' and d.a is None and d.b is False))),
    # An IPv4 UDP datagram without checksum quoted in an ICMPv4 error: v4v6
    # quotes it as it was (checksum 0; a quote cannot be checksummed,
    # 4.5's computation is for whole datagrams it forwards). Jool leaves
    # the pseudo-header seed of a CHECKSUM_PARTIAL it never completes: a
    # value that is the checksum of nothing.
    ('quoted-udp-zero-checksum', 'jool', '4.3, 4.5',
     lambda c, d: c.dir == '4to6' and d.field == 'in.udp.cksum' and
     d.a == '0000'),
    # RFC 4884 length octets of less than 128 bytes: README ("ICMP errors")
    # takes them as a non-compliant sender's and as no extension (RFC 4884
    # 5); Jool pads the short quote to 128 bytes and keeps the extension
    # (Jool issue 396).
    ('rfc4884-under-128-no-extension', 'v4v6', 'README; RFC 4884 5',
     tagged('4884-short')),
    # An extension that does not fit the 576 bytes of an ICMPv4 error is
    # dropped and the quote cut (README "ICMP errors": "dropped ... when
    # they would not fit"); Jool cuts the quote shorter to keep it. 5.2
    # says nothing of the case (4.2 has the other direction "simply
    # truncate" the extension).
    ('rfc4884-extension-dropped-when-too-big', 'v4v6', 'README; 5.2',
     tagged('4884-nofit')),
    # A length octet pointing past the end of the message: v4v6 takes no
    # extension and translates, as Linux's ip_icmp_error_rfc4884() does;
    # Jool drops the error. RFC 4884 does not say.
    ('rfc4884-length-past-end', 'either', 'RFC 4884 5 silent',
     lambda c, d: '4884-beyond' in c.tags and sent_only(d, 'v4v6', 'out')),
    # Jool translates Well-Known Prefix addresses that embed non-global
    # IPv4 addresses (10.1.2.3 <-> 64:ff9b::a01:203, 192.168.1.99): RFC
    # 6052 3.1 says translators MUST NOT and MUST drop them; v4v6 does
    # (README "addresses") and answers Administratively Prohibited, and
    # gives an ICMPv6 error from such an address 192.0.0.8 (RFC 7600).
    ('jool-translates-non-global-wkp', 'jool', 'RFC 6052 3.1',
     lambda c, d: 'nonglobal' in c.tags and (
         sent_only(d, 'jool', 'out') or sent_only(d, 'v4v6', 'back') or
         (d.field == 'ip.src' and d.a == '192.0.0.8'))),
    # AH after a Fragment header: 5.1 says such packets SHOULD be dropped,
    # and v4v6 refuses them with the other extension headers there, with
    # Administratively Prohibited (README "fragments"); Jool translates
    # them, as protocol 51.
    ('jool-translates-ah-after-fragment', 'jool', '5.1',
     lambda c, d: 'ah-after-frag' in c.tags and (
         sent_only(d, 'jool', 'out') or (sent_only(d, 'v4v6', 'back') and (
             d.field == 'count' or is_admin_prohibited(d.a))))),
    # IPv4 protocol 58 and IPv6 next header 1 are not ICMP in that family:
    # "otherwise, the protocol field MUST be copied" (4.1), and "MUST
    # forward all transport protocols" (4.5, 5.5). Jool takes the
    # translated number for ICMP and drops them as an unknown ICMP type.
    ('jool-drops-other-family-icmp', 'jool', '4.1, 4.5, 5.1, 5.5',
     lambda c, d: 'other-icmp' in c.tags and sent_only(d, 'v4v6', 'out')),
    # Type of Service "copied from the IPv6 Traffic Class (all 8 bits)"
    # (5.1): Jool writes its flow's TOS into the header after routing it,
    # and __ip_route_output_key() (ip_rt_fix_tos()) has masked the flow's
    # with IPTOS_RT_MASK by then: DSCP bits and ECN are lost.
    ('jool-masks-tos', 'jool', '5.1 Type of Service',
     lambda c, d: c.dir == '6to4' and d.stream == 'out' and
     d.field == 'ip.tos' and int(d.b, 16) == int(d.a, 16) & 0x1c),
    # A quoted TCP segment shorter than a TCP header: the IP header and 8
    # bytes of the datagram are what RFC 792 has routers quote, and 4.3 and
    # 5.3 translate the packet in error whatever its length. Jool drops the
    # error (validate_inner4/6() want the whole TCP header); v4v6
    # translates what there is.
    ('jool-drops-short-quotes', 'jool', '4.3, 5.3; RFC 792',
     lambda c, d: 'short-quote' in c.tags and sent_only(d, 'v4v6', 'out')),
    # A quote shorter still (less than 8 bytes after the IP header, or no
    # IP header's worth): below what RFC 792 and RFC 4443 3.1 have a router
    # send, and no RFC says what a translator makes of it. v4v6 translates
    # what there is, Jool drops it.
    ('sub-minimal-quotes', 'either', 'RFC 792, RFC 4443 silent',
     lambda c, d: 'sub-minimal-quote' in c.tags and
     sent_only(d, 'v4v6', 'out')),
    # An ICMPv4 error quoting an ICMPv4 error: "This process MUST stop at
    # the first embedded header and drop the packet if it contains more
    # embedded headers" (4.3; RFC 1122 3.2.2: never an error about an
    # error). Jool translates it.
    ('jool-translates-error-in-error', 'jool', '4.3',
     lambda c, d: 'err-in-err' in c.tags and sent_only(d, 'jool', 'out')),
    # The quoted IPv4 packet of an RFC 4884 error: the original datagram
    # field is zero-padded to the next 64-bit boundary (RFC 4884 4), and
    # 4.2 adjusts the length attribute "e.g., longer due to the
    # translation"; Jool cuts the translated quote down to a multiple of 8
    # instead, losing its last 4 bytes.
    ('jool-truncates-rfc4884-quote', 'jool', '4.2; RFC 4884 4',
     tagged('4884-pad', 'ip6.plen', 'icmp6.length', 'quote-len', 'in.data')),
    # Packet Too Big for a packet with a Fragment header: "taking into
    # account whether or not the packet in error includes a Fragment
    # Header" (5.2): 28 bytes less, not 20. Jool subtracts 20.
    ('jool-ignores-fragment-header-in-ptb', 'jool', '5.2',
     lambda c, d: 'ptb-frag' in c.tags and d.field == 'icmp.mtu' and
     d.b - d.a == 8),
    # The quoted IPv6 packet with a Fragment header with M set: its IPv4
    # form has MF set (5.3 with 5.1.1); Jool's quote loses MF.
    ('jool-loses-mf-in-quote', 'jool', '5.3 with 5.1.1',
     lambda c, d: d.field == 'in.ip.flags' and d.a == 'MF' and d.b == '-'),
    # Packet Too Big with an MTU of 68..87: Jool reports MTU - 20, under
    # the 68 bytes "every internet module must be able to forward" (RFC 791
    # 3.2); v4v6 stays at 68 (README "ICMP errors").
    ('jool-ipv4-mtu-under-68', 'jool', '5.2; RFC 791 3.2',
     lambda c, d: d.field == 'icmp.mtu' and d.a == 68 and d.b < 68),
    # An ICMP error about a fragment that is not the first: 4.3 and 5.3
    # translate the packet in error "just like a normal IP packet", and
    # non-first fragments are translated (4.1, 5.1.1). Jool drops the error.
    ('jool-drops-errors-about-later-fragments', 'jool', '4.3, 5.3',
     lambda c, d: 'quoted-later-frag' in c.tags and
     sent_only(d, 'v4v6', 'out')),
    # A later IPv6 fragment that translates to more than the LAN's MTU:
    # "MUST send a Packet Too Big error message or fragment the packet"
    # (1.4). v4v6 fragments it; Jool drops it silently.
    ('jool-drops-later-fragment-over-lan-mtu', 'jool', '1.4; 5.1.1',
     lambda c, d: 'frag-over-lan-later' in c.tags and
     sent_only(d, 'v4v6', 'out')),
    # The packet in error has a routing header with segments left: 5.3
    # translates it as 5.1 does, and 5.1 says such a packet "MUST NOT be
    # translated"; v4v6 drops the error, Jool skips the header.
    ('jool-translates-quoted-segments-left', 'jool', '5.3 with 5.1',
     lambda c, d: 'quoted-rt-sl' in c.tags and sent_only(d, 'jool', 'out')),
    # Packet Too Big towards IPv4: "minimum(advertised MTU-20,
    # MTU_of_IPv4_nexthop, (MTU_of_IPv6_nexthop)-20)" (5.2). The IPv6 next
    # hop towards the prefix has an MTU of 1280 in both (route MTU and
    # lowest IPv6 MTU); v4v6 takes it, Jool the MTU of the interface the
    # error came in on (1500), so it reports more than its own next hop
    # carries.
    ('jool-ipv6-next-hop-mtu-of-interface', 'jool', '5.2',
     lambda c, d: c.dir == '6to4' and d.field == 'icmp.mtu' and
     d.a == LOWEST_MTU - 20 and d.b > d.a),
]


# ------------------------------------------------------------- comparison

def compare(case, ra, rb):
    """The differences between v4v6's results ra and Jool's rb, each
    {'out': [ip...], 'back': [ip...]}."""
    diffs = []
    for stream in ('out', 'back'):
        la, lb = ra[stream], rb[stream]
        if len(la) != len(lb):
            diffs.append(Diff(stream, 0, 'count', len(la), len(lb), {}, {}))
            extra = la[len(lb):] or lb[len(la):]
            for i, p in enumerate(extra, min(len(la), len(lb))):
                side = 'v4v6' if len(la) > len(lb) else 'jool'
                diffs.append(Diff(stream, i, 'only-' + side, summary(p) if
                                  side == 'v4v6' else None,
                                  summary(p) if side == 'jool' else None,
                                  {}, {}))
        for i, (pa, pb) in enumerate(zip(la, lb)):
            fa, fb = fields(pa), fields(pb)
            for k in list(fa) + [k for k in fb if k not in fa]:
                if fa.get(k) != fb.get(k):
                    diffs.append(Diff(stream, i, k, fa.get(k), fb.get(k),
                                      fa, fb))
    return diffs


def judge(case, diffs):
    """(allowed rule names, diffs no rule allows)"""
    used, bad = set(), []
    for d in diffs:
        for name, _, _, rule in ALLOWED:
            if rule(case, d):
                used.add(name)
                break
        else:
            bad.append(d)
    return used, bad


# -------------------------------------------------------------- the bed I/O

libc = ctypes.CDLL(None, use_errno=True)


def setns(name):
    path = name if name.startswith('/') else '/var/run/netns/' + name
    fd = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(fd, 0x40000000) != 0:
            raise OSError(ctypes.get_errno(), 'setns ' + name)
    finally:
        os.close(fd)


def packet_socket(ns, ifname, proto):
    """An AF_PACKET socket on ifname in namespace ns."""
    home = os.open('/proc/self/ns/net', os.O_RDONLY)
    try:
        setns(ns)
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(proto))
        s.bind((ifname, proto))
    finally:
        if libc.setns(home, 0x40000000) != 0:
            raise OSError(ctypes.get_errno(), 'setns back')
        os.close(home)
    return s


class Port:
    """Where a translator is fed (inj: ns, ifname), what it sends out
    (out: its output interface) and back (back: its input interface)."""

    def __init__(self, name, direction, inj, dst_mac_of, out, back,
                 ethertype):
        self.name, self.dir = name, direction
        self.inj = packet_socket(inj[0], inj[1], 0)
        self.src = self.inj.getsockname()[4]
        self.out = packet_socket(out[0], out[1], ETH_P_ALL)
        self.back = packet_socket(back[0], back[1], ETH_P_ALL)
        mac = packet_socket(dst_mac_of[0], dst_mac_of[1], 0)
        self.dst = mac.getsockname()[4]
        mac.close()
        for s in (self.out, self.back):
            s.setsockopt(socket.SOL_SOCKET, 33, 8 << 20)   # SO_RCVBUFFORCE
            s.setblocking(False)
        self.ethertype = ethertype

    def send(self, ip):
        self.inj.send(self.dst + self.src + struct.pack('!H', self.ethertype) +
                      ip)

    @staticmethod
    def frames(s):
        """What s has captured: the IP packets sent out of its interface."""
        got = []
        while True:
            try:
                data, addr = s.recvfrom(65535)
            except BlockingIOError:
                return got
            if addr[2] != PACKET_OUTGOING:
                continue
            et = struct.unpack('!H', data[12:14])[0]
            if et not in (ETH_P_IP, ETH_P_IPV6) or noise(data[14:]):
                continue
            got.append(data[14:])

    def drain(self):
        self.frames(self.out)
        self.frames(self.back)


def noise(ip):
    """The stack's own chatter: neighbour discovery, MLD, IGMP, link-local."""
    if ip[0] >> 4 == 4:
        return len(ip) >= 20 and (ip[16] >= 224 or ip[9] == 2)
    if ip[0] >> 4 != 6 or len(ip) < 40:
        return False
    if ip[8] == 0xfe and ip[9] & 0xc0 == 0x80:
        return True
    if ip[24] == 0xff:
        return True
    nh, off = ip[6], 40
    while nh in (0, 60) and off + 8 <= len(ip):
        nh, off = ip[off], off + (ip[off + 1] + 1) * 8
    return nh == 58 and off < len(ip) and ip[off] in (130, 131, 132, 133, 134,
                                                       135, 136, 137, 143)


def run_case(ports, case, i, timeout):
    """Feed case (and marker i) to each port; their results. Without a
    case (None), only the marker: whether both translate at all."""
    mk = marker(case.dir if case else ports[0].dir, i)
    for p in ports:
        if case:
            p.send(case.data)
        p.send(mk)
    res = []
    for p in ports:
        out, end = [], time.monotonic() + timeout
        while True:
            got = p.frames(p.out)
            done = False
            for ip in got:
                m = marker_index(ip)
                if m == i:
                    done = True
                elif m is None:
                    out.append(ip)
            if done:
                break
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError('%s: marker %d (%s) did not come out' % (
                    p.name, i, '%s/%s' % (case.dir, case.name) if case else
                    'the first, alone, ' + p.dir))
            select.select([p.out], [], [], left)
        res.append({'out': out, 'back': p.frames(p.back)})
    return res


# --------------------------------------------------------------------- main

def cmd_corpus(args):
    cases = build_corpus()
    h = hashlib.sha256()
    for c in cases:
        h.update(c.dir.encode() + c.name.encode() + c.data)
        if args.verbose:
            print('%s/%s %d %s' % (c.dir, c.name, len(c.data), c.data[:48].hex()))
    names = [c.dir + '/' + c.name for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit('duplicate names: %s' % ' '.join(sorted(dup)))
    for d in ('4to6', '6to4'):
        print('%s: %d packets' % (d, sum(c.dir == d for c in cases)))
    print('sha256 %s' % h.hexdigest())


def cmd_run(args):
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    ns = args.ns
    ports = {
        '4to6': [Port('v4v6', '4to6', (ns['d1'], 'eth0'), (ns['gw'], 'eth0'),
                      (ns['gw'], 'eth1'), (ns['gw'], 'eth0'), ETH_P_IP),
                 Port('jool', '4to6', (ns['siitx'], 'p4'), (ns['siit'], 's4'),
                      (ns['siit'], 's6'), (ns['siit'], 's4'), ETH_P_IP)],
        '6to4': [Port('v4v6', '6to4', (ns['net6'], 'gw'),
                      (ns['gw'], 'id-d1'), (ns['gw'], 'eth0'),
                      (ns['gw'], 'eth1'), ETH_P_IPV6),
                 Port('jool', '6to4', (ns['siitx'], 'p6'), (ns['siit'], 's6'),
                      (ns['siit'], 's4'), (ns['siit'], 's6'), ETH_P_IPV6)],
    }
    # Both translate both ways (marker 0 alone), before any time is spent
    # on the corpus: with translation off this is where the test fails.
    for pl in ports.values():
        for p in pl:
            p.drain()
        try:
            run_case(pl, None, 0, args.timeout)
        except TimeoutError as e:
            print('error: %s' % e)
            return 2
    t0 = time.monotonic()
    cases = build_corpus()
    if args.only:
        cases = [c for c in cases if re.search(args.only, c.dir + '/' + c.name)]
    t1 = time.monotonic()
    n = {'cases': 0, 'identical': 0, 'allowed': 0, 'failing': 0}
    rules = {name: 0 for name, _, _, _ in ALLOWED}
    per_dir = {}
    i, last = 0, None
    for c in cases:
        i += 1
        if c.dir != last:
            for pl in ports.values():
                for p in pl:
                    p.drain()
            last = c.dir
        try:
            ra, rb = run_case(ports[c.dir], c, i, args.timeout)
        except TimeoutError as e:
            print('error: %s' % e)
            return 2
        diffs = compare(c, ra, rb)
        used, bad = judge(c, diffs)
        n['cases'] += 1
        pd = per_dir.setdefault(c.dir, {'cases': 0, 'identical': 0,
                                        'allowed': 0, 'failing': 0})
        pd['cases'] += 1
        if not diffs:
            kind = 'identical'
        elif not bad:
            kind = 'allowed'
            for u in used:
                rules[u] += 1
        else:
            kind = 'failing'
        n[kind] += 1
        pd[kind] += 1
        what = '%s/%s' % (c.dir, c.name)
        if bad:
            print('FAIL %s (v4v6: %d out, %d back; jool: %d out, %d back)' % (
                what, len(ra['out']), len(ra['back']), len(rb['out']),
                len(rb['back'])))
            for d in bad:
                print('    %s' % d)
        elif args.verbose > 1 or (args.verbose and kind == 'allowed'):
            print('%-9s %s (%d out, %d back)%s' % (
                kind, what, len(ra['out']), len(ra['back']),
                ': ' + ', '.join(sorted(used)) if used else ''))
            if args.verbose > 1:
                for d in diffs:
                    print('    %s' % d)
    t2 = time.monotonic()
    for d, pd in sorted(per_dir.items()):
        print('direction %s: cases %d, identical %d, allowed %d, failing %d' % (
            d, pd['cases'], pd['identical'], pd['allowed'], pd['failing']))
    for name, kind, why, _ in ALLOWED:
        if rules[name]:
            print('rule %s [%s; %s]: %d cases' % (name, kind, why,
                                                 rules[name]))
    print('summary: cases %d, identical %d, allowed %d, failing %d' % (
        n['cases'], n['identical'], n['allowed'], n['failing']))
    print('time: corpus %.1fs, run %.1fs' % (t1 - t0, t2 - t1))
    return 1 if n['failing'] else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    c = sub.add_parser('corpus')
    c.add_argument('-v', '--verbose', action='store_true')
    r = sub.add_parser('run')
    r.add_argument('-v', '--verbose', action='count', default=0,
                   help='-v: each allowed case and its rules; -vv: every '
                   'case and every difference')
    r.add_argument('--only', help='regular expression on DIR/NAME')
    r.add_argument('--timeout', type=float, default=5.0,
                   help='seconds to wait for a marker')
    r.add_argument('--ns', action='append', default=[],
                   help='ROLE=NAMESPACE (roles d1 gw net6 siit siitx)')
    args = ap.parse_args()
    if args.cmd == 'corpus':
        return cmd_corpus(args)
    ns = {k: k for k in ('d1', 'gw', 'net6', 'siit', 'siitx')}
    ns.update(dict(x.split('=', 1) for x in args.ns))
    args.ns = ns
    return cmd_run(args)


if __name__ == '__main__':
    sys.exit(main())
