#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""UDP for the end-to-end tests.

  udp.py serve PORT LOG [--nodf]
      Echo every datagram back to its sender, and append a line
      "SOURCE LENGTH SHA256[:16] FIRST-BYTES" to LOG for each.
  udp.py ask HOST PORT [--size N] [--count N] [--text TEXT] [--timeout S]
                       [--nodf] [--bind ADDR]
      Send COUNT datagrams of SIZE bytes (starting with TEXT) and require
      each back, byte for byte; a datagram is sent up to 3 times.
  udp.py send HOST PORT TEXT [--bind ADDR] [--count N]
      Send datagrams and wait for nothing. --bind may name an address that
      is not the host's own (IP_TRANSPARENT): a spoofed source.

--nodf clears DF (IP_MTU_DISCOVER = IP_PMTUDISC_DONT): the stack then
fragments datagrams over the path MTU instead of refusing them.
"""
import argparse
import hashlib
import os
import socket
import sys
import time

IP_MTU_DISCOVER = 10
IP_PMTUDISC_DONT = 0
IP_TRANSPARENT = 19


def sock(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    if getattr(args, "nodf", False):
        s.setsockopt(socket.IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DONT)
    if getattr(args, "bind", None):
        # an address not our own: routed as if it were (needs CAP_NET_ADMIN)
        s.setsockopt(socket.IPPROTO_IP, IP_TRANSPARENT, 1)
        s.bind((args.bind, 0))
    return s


def serve(args):
    s = sock(args)
    s.bind(("0.0.0.0", args.port))
    with open(args.log, "a", buffering=1) as log:
        while True:
            data, peer = s.recvfrom(65535)
            head = "".join(chr(c) if 32 < c < 127 else "." for c in data[:40])
            log.write("%s %d %s %s\n" % (peer[0], len(data),
                                          hashlib.sha256(data).hexdigest()[:16], head))
            s.sendto(data, peer)


def payload(text, size, i):
    head = ("%s-%d-" % (text, i)).encode()
    body = hashlib.sha256(head).digest() * (size // 32 + 1)
    return (head + body)[:max(size, len(head))]


def ask(args):
    s = sock(args)
    s.connect((args.host, args.port))
    s.settimeout(args.timeout)
    for i in range(args.count):
        data = payload(args.text, args.size, i)
        for attempt in range(3):
            try:
                s.send(data)
            except OSError as e:
                # An ICMP error for an earlier datagram surfaces here.
                print("udp: send %d: %s" % (i, e), file=sys.stderr)
                time.sleep(0.2)
                continue
            try:
                got = s.recv(65535)
            except (socket.timeout, OSError) as e:
                print("udp: datagram %d (%d bytes), try %d: %s"
                      % (i, len(data), attempt + 1, e), file=sys.stderr)
                continue
            if got == data:
                break
            print("udp: datagram %d: %d bytes back, %d sent, %s"
                  % (i, len(got), len(data),
                     "different" if len(got) == len(data) else "cut"), file=sys.stderr)
            return 1
        else:
            print("udp: no answer to datagram %d (%d bytes) from %s:%d"
                  % (i, len(data), args.host, args.port), file=sys.stderr)
            return 1
    return 0


def send(args):
    s = sock(args)
    for i in range(args.count):
        s.sendto(args.text.encode(), (args.host, args.port))
        time.sleep(0.05)
    return 0


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("serve")
    a.add_argument("port", type=int)
    a.add_argument("log")
    a.add_argument("--nodf", action="store_true")
    a = sub.add_parser("ask")
    a.add_argument("host")
    a.add_argument("port", type=int)
    a.add_argument("--size", type=int, default=0)
    a.add_argument("--count", type=int, default=1)
    a.add_argument("--text", default="ping")
    a.add_argument("--timeout", type=float, default=5)
    a.add_argument("--nodf", action="store_true")
    a.add_argument("--bind")
    a = sub.add_parser("send")
    a.add_argument("host")
    a.add_argument("port", type=int)
    a.add_argument("text")
    a.add_argument("--bind")
    a.add_argument("--count", type=int, default=1)
    args = p.parse_args()
    return {"serve": serve, "ask": ask, "send": send}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
