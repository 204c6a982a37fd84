#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""UDP GSO traffic for the end-to-end tests, every datagram checked.

  udpgso.py source HOST PORT [--count N] [--size S] [--batch B]
      Send N datagrams to HOST:PORT, B in each send call with UDP_SEGMENT
      S: the stack sends them as one UDP GSO packet of B datagrams.
  udpgso.py sink PORT [--count N] [--size S] [--batch B] [--wait W]
                      [--timeout T]
      Receive the datagrams of a source on PORT, until all N came, or none
      came in the first W seconds or for T seconds after one, and check
      each.
  udpgso.py serve PORT
      Answer each request of a fetch with the datagrams it asks for, sent
      as a source sends them, to the requester.
  udpgso.py fetch HOST PORT [--count N] [--size S] [--batch B] [--wait W]
                      [--timeout T]
      Ask a server (serve) for N datagrams and check them as a sink does.

Every datagram has DF (IP_PMTUDISC_DO, as QUIC stacks do: without it a GSO
packet's datagrams leave without DF, and a NAT64 cuts them into 1280-byte
IPv6 fragments). Datagram SEQ carries "v4v6", SEQ (32 bits), the first 8 bytes of the
SHA-256 of its body, and a body of bytes drawn from SEQ. All are S bytes
long but the last of each batch and the last of all, which are S / 2 (a
GSO packet's last segment may be shorter). A receiver checks the length,
the hash and the body, and prints

  udpgso: N of N intact, L lost, C corrupt, D duplicate

exiting 0 only if every datagram came intact.
"""
import argparse
import hashlib
import random
import socket
import struct
import sys
import time

SOL_UDP = 17
UDP_SEGMENT = 103
SO_RCVBUFFORCE = 33
IP_MTU_DISCOVER = 10
IP_PMTUDISC_DO = 2
HEAD = struct.Struct("!4sI8s")


def length(seq, a):
    last = seq % a.batch == a.batch - 1 or seq == a.count - 1
    return a.size // 2 if last else a.size


def datagram(seq, a):
    body = random.Random(seq).randbytes(length(seq, a) - HEAD.size)
    return HEAD.pack(b"v4v6", seq, hashlib.sha256(body).digest()[:8]) + body


def send_all(s, a, peer=None):
    for first in range(0, a.count, a.batch):
        last = min(first + a.batch, a.count)
        data = b"".join(datagram(seq, a) for seq in range(first, last))
        if peer:
            s.sendto(data, peer)
        else:
            s.send(data)
        time.sleep(a.gap)
    print("udpgso: sent %d datagrams in %d GSO sends of up to %d"
          % (a.count, (a.count + a.batch - 1) // a.batch, a.batch))


def check(data, a, seen, bad):
    """Whether @data is an intact datagram; record it."""
    if len(data) < HEAD.size:
        bad.append("a datagram of %d bytes" % len(data))
        return
    magic, seq, digest = HEAD.unpack_from(data)
    body = data[HEAD.size:]
    if magic != b"v4v6" or seq >= a.count:
        bad.append("a datagram of %d bytes starting %s" % (len(data), data[:12].hex()))
    elif len(data) != length(seq, a):
        bad.append("datagram %d: %d bytes, sent %d" % (seq, len(data), length(seq, a)))
    elif hashlib.sha256(body).digest()[:8] != digest or data != datagram(seq, a):
        bad.append("datagram %d: payload differs" % seq)
    else:
        seen[seq] = seen.get(seq, 0) + 1


def receive(s, a):
    seen, bad = {}, []
    s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 16 << 20)
    # The sender may take a while to start (a slow guest): wait longer for
    # the first datagram than between two.
    s.settimeout(a.wait)
    while len(seen) < a.count:
        if seen or bad:
            s.settimeout(a.timeout)
        try:
            data = s.recv(65535)
        except socket.timeout:
            break
        check(data, a, seen, bad)
    return seen, bad


def report(seen, bad, a):
    lost = [seq for seq in range(a.count) if seq not in seen]
    dup = sum(n - 1 for n in seen.values())
    print("udpgso: %d of %d intact, %d lost, %d corrupt, %d duplicate"
          % (len(seen), a.count, len(lost), len(bad), dup))
    for b in bad[:10]:
        print("udpgso: corrupt: %s" % b)
    if lost:
        print("udpgso: lost: %s%s" % (" ".join(map(str, lost[:20])),
                                     " ..." if len(lost) > 20 else ""))
    return 0 if not lost and not bad else 1


def udp_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO)
    return s


def source(a):
    s = udp_socket()
    s.setsockopt(SOL_UDP, UDP_SEGMENT, a.size)
    s.connect((a.host, a.port))
    send_all(s, a)
    return 0


def sink(a):
    s = udp_socket()
    s.bind(("0.0.0.0", a.port))
    seen, bad = receive(s, a)
    return report(seen, bad, a)


def serve(a):
    s = udp_socket()
    s.bind(("0.0.0.0", a.port))
    while True:
        req, peer = s.recvfrom(512)
        try:
            count, size, batch = map(int, req.decode().split()[1:])
        except ValueError:
            continue
        ask = argparse.Namespace(count=count, size=size, batch=batch, gap=a.gap)
        s.setsockopt(SOL_UDP, UDP_SEGMENT, size)
        send_all(s, ask, peer)


def fetch(a):
    s = udp_socket()
    s.connect((a.host, a.port))
    s.send(("GSO %d %d %d" % (a.count, a.size, a.batch)).encode())
    seen, bad = receive(s, a)
    return report(seen, bad, a)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    for cmd in ("source", "sink", "serve", "fetch"):
        a = sub.add_parser(cmd)
        if cmd in ("source", "fetch"):
            a.add_argument("host")
        a.add_argument("port", type=int)
        a.add_argument("--count", type=int, default=480)
        a.add_argument("--size", type=int, default=1400)
        a.add_argument("--batch", type=int, default=16)
        a.add_argument("--gap", type=float, default=0.005)
        a.add_argument("--wait", type=float, default=30)
        a.add_argument("--timeout", type=float, default=5)
    a = p.parse_args()
    if a.size < 2 * HEAD.size or a.batch < 1 or a.batch > 64:
        p.error("--size of at least %d, --batch of 1 to 64" % (2 * HEAD.size))
    return {"source": source, "sink": sink, "serve": serve, "fetch": fetch}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
