#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Fill v4v6's device table quickly, for the benchmark's table sizes.

  nldev.py HEADER add FIRST COUNT

adds COUNT devices numbered FIRST.. (MAC 02:10:00:XX:XX:XX, IPv4
10.2.X.Y, IPv6 2001:db8:6::5:X:Y, the WAN as identity, not static), in
batches of netlink requests without waiting for each answer: one
v4v6ctl process per device would take minutes under TCG. "v4v6ctl device
flush" removes them again. HEADER is uapi/linux/v4v6.h, which the numbers
come from. Exits 1 if the kernel refused any.
"""
import re
import socket
import struct
import sys

NETLINK_GENERIC = 16
NLM_F_REQUEST, NLM_F_ACK = 0x1, 0x4
NLMSG_ERROR = 2
GENL_ID_CTRL, CTRL_CMD_GETFAMILY = 0x10, 3
CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME = 1, 2
BATCH = 32


def header_values(path):
    """The enum members and simple #defines of the uapi header."""
    text = re.sub(r"/\*.*?\*/", " ", open(path).read(), flags=re.S)
    vals = {}
    for m in re.finditer(r"enum\s+\w+\s*\{(.*?)\}", text, re.S):
        n = -1
        for item in (i.strip() for i in m.group(1).split(",")):
            if not item:
                continue
            name, _, expr = item.partition("=")
            n = int(expr, 0) if expr.strip().isdigit() else n + 1
            vals[name.strip()] = n
    for m in re.finditer(r"^#define\s+(\w+)\s+(\S+)\s*$", text, re.M):
        vals.setdefault(m.group(1), m.group(2).strip('"'))
    return vals


def nla(t, data):
    return struct.pack("=HH", 4 + len(data), t) + data + b"\0" * (-len(data) % 4)


class Genl:
    def __init__(self, version):
        self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
        self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
        self.s.bind((0, 0))
        self.s.settimeout(20)
        self.version, self.seq = version, 0

    def send(self, family, cmd, attrs):
        self.seq += 1
        body = struct.pack("=BBH", cmd, self.version, 0) + attrs
        self.s.send(struct.pack("=IHHII", 16 + len(body), family,
                                NLM_F_REQUEST | NLM_F_ACK, self.seq, 0) + body)

    def acks(self, n):
        """The errors (negative errno, 0 for done) of the next n answers."""
        errs = []
        while len(errs) < n:
            data, off = self.s.recv(1 << 16), 0
            while off + 16 <= len(data):
                ln, typ = struct.unpack_from("=IH", data, off)
                if typ == NLMSG_ERROR:
                    errs.append(struct.unpack_from("=i", data, off + 16)[0])
                else:
                    errs.append(data[off + 16:off + ln])
                off += (ln + 3) & ~3
        return errs


def family_id(nl, name):
    nl.send(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, nla(CTRL_ATTR_FAMILY_NAME, name.encode() + b"\0"))
    msg, _ = nl.acks(2)
    off = 4
    while off + 4 <= len(msg):
        ln, t = struct.unpack_from("=HH", msg, off)
        if t == CTRL_ATTR_FAMILY_ID:
            return struct.unpack_from("=H", msg, off + 4)[0]
        off += (ln + 3) & ~3
    sys.exit("nldev: no family %s" % name)


def device(i):
    x, y = i >> 8, i & 255
    return (struct.pack(">HI", 0x0210, i),
            socket.inet_pton(socket.AF_INET, "10.2.%d.%d" % (x, y)),
            socket.inet_pton(socket.AF_INET6, "2001:db8:6::5:%x:%x" % (x, y)))


def main():
    if len(sys.argv) != 5 or sys.argv[2] != "add":
        sys.exit(__doc__)
    u = header_values(sys.argv[1])
    first, count = int(sys.argv[3]), int(sys.argv[4])
    nl = Genl(int(u["V4V6_GENL_VERSION"], 0))
    fam = family_id(nl, u["V4V6_GENL_NAME"])
    bad = 0
    for start in range(first, first + count, BATCH):
        n = min(BATCH, first + count - start)
        for i in range(start, start + n):
            mac, v4, v6 = device(i)
            nl.send(fam, u["V4V6_CMD_NEW_DEVICE"],
                    nla(u["V4V6_A_DEV_MAC"], mac) + nla(u["V4V6_A_DEV_IPV4"], v4) +
                    nla(u["V4V6_A_DEV_IPV6"], v6))
        errs = [e for e in nl.acks(n) if e]
        if errs and not bad:
            print("nldev: refused: errno %d" % -errs[0], file=sys.stderr)
        bad += len(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
