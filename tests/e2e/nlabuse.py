#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Abuse the v4v6 generic netlink family with hand-made messages.

  nlabuse.py HEADER abuse     every command with attributes missing, too
                              long, too short, out of range, not its own,
                              unknown: each must fail with an error and an
                              extended-ack message, and change nothing
  nlabuse.py HEADER unpriv    without CAP_NET_ADMIN: every change fails with
                              EPERM, every read works

HEADER is uapi/linux/v4v6.h: the numbers come from it, not from here. The
abuse run leaves two devices in the table, DEV1 and DEV2 below, for the
unpriv run to read; the caller removes them. Prints one line per case and
exits 1 if any case went wrong.
"""
import errno
import os
import re
import socket
import struct
import sys

NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_EXT_ACK = 11
NLM_F_REQUEST = 0x1
NLM_F_MULTI = 0x2
NLM_F_ACK = 0x4
NLM_F_DUMP = 0x300
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSG_ERROR = 2
NLMSG_DONE = 3
NLMSGERR_ATTR_MSG = 1
NLMSGERR_ATTR_OFFS = 2
NLMSGERR_ATTR_MISS_TYPE = 5
NLA_F_NESTED = 0x8000
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2


def parse_header(path):
    """The enums and #defines of a uapi header, evaluated."""
    text = open(path).read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    vals = {}
    pending = []

    def value(expr):
        expr = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b", r"\1", expr.strip())
        expr = re.sub(r"\b[A-Za-z_]\w*\b",
                      lambda m: str(vals[m.group(0)]) if m.group(0) in vals else m.group(0),
                      expr)
        if not re.fullmatch(r"[0-9a-fA-FxX()+\-*/<>|&~ \t]*", expr):
            raise KeyError(expr)
        return int(eval(expr, {"__builtins__": {}}))

    for m in re.finditer(r"enum\s+\w+\s*\{(.*?)\}", text, re.S):
        n = -1
        for item in m.group(1).split(","):
            item = item.strip()
            if not item:
                continue
            if "=" in item:
                name, expr = item.split("=", 1)
                n = value(expr)
            else:
                name, n = item, n + 1
            vals[name.strip()] = n
    for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+(.+?)[ \t]*$", text, re.M):
        pending.append(m.groups())
    while pending:
        left = []
        for name, expr in pending:
            if expr.startswith('"'):
                vals[name] = expr.strip('"')
                continue
            try:
                vals[name] = value(expr)
            except (KeyError, SyntaxError):
                left.append((name, expr))
        if len(left) == len(pending):
            break   # include guards and the like
        pending = left
    return vals


U = parse_header(sys.argv[1])
CMD = {k[len("V4V6_CMD_"):]: v for k, v in U.items() if k.startswith("V4V6_CMD_")}
A = {k[len("V4V6_A_"):]: v for k, v in U.items()
     if k.startswith("V4V6_A_") and not k.startswith("V4V6_A_MAX")}
A_MAX = U["V4V6_A_MAX"]
CMD_MAX = U["V4V6_CMD_MAX"]
ERRNAME = {v: k for k, v in errno.__dict__.items() if k.startswith("E") and isinstance(v, int)}


def pad(b):
    return b + b"\0" * (-len(b) % 4)


def nla(t, data=b"", flags=0):
    return pad(struct.pack("=HH", 4 + len(data), t | flags) + data)


def u8(v): return struct.pack("=B", v)
def u16(v): return struct.pack("=H", v)
def u32(v): return struct.pack("=I", v & 0xffffffff)
def u64(v): return struct.pack("=Q", v)
def mac(s): return bytes.fromhex(s.replace(":", ""))
def ip4(s): return socket.inet_pton(socket.AF_INET, s)
def ip6(s): return socket.inet_pton(socket.AF_INET6, s)


def attrs_of(payload):
    """{type: data} of a generic netlink payload (after the genl header)."""
    out, off = {}, 4
    while off + 4 <= len(payload):
        ln, t = struct.unpack_from("=HH", payload, off)
        if ln < 4:
            break
        out[t & 0x3fff] = payload[off + 4:off + ln]
        off += (ln + 3) & ~3
    return out


class Genl:
    def __init__(self):
        self.s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
        self.s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
        self.s.bind((0, 0))
        self.s.settimeout(5)
        self.seq = 100
        r = self.request(GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                         nla(CTRL_ATTR_FAMILY_NAME, U["V4V6_GENL_NAME"].encode() + b"\0"))
        if r.err or not r.msgs:
            sys.exit("nlabuse: no family %s: %s" % (U["V4V6_GENL_NAME"], r))
        self.family = struct.unpack("=H", r.msgs[0][CTRL_ATTR_FAMILY_ID][:2])[0]

    def request(self, family, cmd, attrs=b"", flags=NLM_F_REQUEST | NLM_F_ACK, raw=None):
        """Send one message; the kernel's answer as a Reply."""
        self.seq += 1
        body = struct.pack("=BBH", cmd, U["V4V6_GENL_VERSION"], 0) + attrs
        msg = struct.pack("=IHHII", 16 + len(body), family, flags, self.seq, 0) + body
        if raw is not None:
            msg = raw(msg)
        self.s.send(msg)
        r = Reply()
        while True:
            data = self.s.recv(1 << 16)
            off = 0
            while off + 16 <= len(data):
                ln, typ, fl, seq, _ = struct.unpack_from("=IHHII", data, off)
                p = data[off + 16:off + ln]
                off += (ln + 3) & ~3
                if seq != self.seq:
                    continue
                if typ == NLMSG_ERROR:
                    r.err = -struct.unpack_from("=i", p)[0]
                    # the request (its header alone if capped), then TLVs
                    inner = 16 if fl & NLM_F_CAPPED else struct.unpack_from("=I", p, 4)[0]
                    if fl & NLM_F_ACK_TLVS:
                        toff = 4 + ((inner + 3) & ~3)
                        while toff + 4 <= len(p):
                            tl, tt = struct.unpack_from("=HH", p, toff)
                            if tl < 4:
                                break
                            r.tlv[tt] = p[toff + 4:toff + tl]
                            toff += (tl + 3) & ~3
                    return r
                if typ == NLMSG_DONE:
                    r.err = -struct.unpack_from("=i", p)[0] if len(p) >= 4 else 0
                    return r
                r.msgs.append(attrs_of(p))
                if not fl & NLM_F_MULTI and not flags & NLM_F_ACK:
                    return r

    def __call__(self, cmd, *attrs, **kw):
        return self.request(self.family, CMD[cmd], b"".join(attrs), **kw)


class Reply:
    def __init__(self):
        self.err, self.tlv, self.msgs = None, {}, []

    @property
    def msg(self):
        m = self.tlv.get(NLMSGERR_ATTR_MSG)
        return m.rstrip(b"\0").decode(errors="replace") if m is not None else None

    def __str__(self):
        s = ERRNAME.get(self.err, str(self.err)) if self.err else "ok"
        if self.msg is not None:
            s += " '%s'" % self.msg
        if NLMSGERR_ATTR_OFFS in self.tlv:
            s += " @%d" % struct.unpack("=I", self.tlv[NLMSGERR_ATTR_OFFS])[0]
        if NLMSGERR_ATTR_MISS_TYPE in self.tlv:
            s += " missing %d" % struct.unpack("=I", self.tlv[NLMSGERR_ATTR_MISS_TYPE])[0]
        return s


nl = Genl()
failures = []


def check(what, r, ok, why):
    print("%s %-60s %s" % ("ok  " if ok else "FAIL", what, r))
    if not ok:
        print("     (%s)" % why)
        failures.append(what)


def reject(what, cmd, *attrs, errno_=None, need_msg=True, raw=None):
    """cmd with attrs must fail (with errno_ if given) and say why."""
    r = nl(cmd, *attrs, raw=raw)
    ok, why = True, ""
    if not r.err:
        ok, why = False, "accepted"
    elif errno_ is not None and r.err != errno_:
        ok, why = False, "expected %s" % ERRNAME[errno_]
    elif need_msg and not r.msg:
        ok, why = False, "no extended-ack message"
    check("%s: %s" % (cmd, what), r, ok, why)
    return r


def accept(what, cmd, *attrs, **kw):
    r = nl(cmd, *attrs, **kw)
    check("%s: %s" % (cmd, what), r, not r.err, "refused")
    return r


# The devices of the run. DEV3 never makes it into the table.
DEV1 = ("02:00:00:00:01:01", "192.168.1.51", "2001:db8:6::5:1")
DEV2 = ("02:00:00:00:01:02", "192.168.1.52", "2001:db8:6::5:2")
DEV3 = ("02:00:00:00:01:03", "192.168.1.53", "2001:db8:6::5:3")
NOWHERE = 0x7ffffff0          # no interface has this index


def dev_attrs(d):
    return [nla(A["DEV_MAC"], mac(d[0])), nla(A["DEV_IPV4"], ip4(d[1])),
            nla(A["DEV_IPV6"], ip6(d[2]))]


def get_dev(d):
    r = nl("GET_DEVICE", nla(A["DEV_MAC"], mac(d[0])))
    if r.err or not r.msgs:
        return None
    m = r.msgs[0]
    # what a rejected change must leave alone (not the clock or the counters)
    return {k: v for k, v in m.items()
            if k in (A["DEV_MAC"], A["DEV_IPV4"], A["DEV_IPV6"], A["DEV_WAN_IFINDEX"],
                     A["DEV_STATE"], A["DEV_FLAGS"])}


def get_config():
    r = nl("GET_CONFIG")
    return r.msgs[0] if not r.err and r.msgs else None


def abuse():
    lan = socket.if_nametoindex("eth0")
    wan = socket.if_nametoindex("eth1")
    accept("the configuration", "SET_CONFIG", nla(A["CFG_LAN_IFINDEX"], u32(lan)),
           nla(A["CFG_WAN_IFINDEX"], u32(wan)))
    for d in DEV1, DEV2, DEV3:
        nl("DEL_DEVICE", nla(A["DEV_MAC"], mac(d[0])))
    accept("a valid device", "NEW_DEVICE", *dev_attrs(DEV1),
           nla(A["DEV_STATE"], u8(U["V4V6_DEV_STATE_ACTIVE"])), nla(A["DEV_FLAGS"], u32(0)))
    accept("another", "NEW_DEVICE", *dev_attrs(DEV2))
    dev1 = get_dev(DEV1)
    check("GET_DEVICE: the valid device", nl("GET_DEVICE", nla(A["DEV_MAC"], mac(DEV1[0]))),
          dev1 is not None and dev1[A["DEV_IPV4"]] == ip4(DEV1[1]), "not as added")

    mac3, v4, v6 = (nla(A[k], f(v)) for k, f, v in
                    (("DEV_MAC", mac, DEV3[0]), ("DEV_IPV4", ip4, DEV3[1]),
                     ("DEV_IPV6", ip6, DEV3[2])))
    good = [mac3, v4, v6]

    def bad_new(what, *replace_or_add, drop=(), **kw):
        """NEW_DEVICE of DEV3 with some attributes replaced, added or left out."""
        parts = [a for a in good if a not in drop]
        types = {struct.unpack_from("=H", a, 2)[0] & 0x3fff for a in replace_or_add}
        parts = [a for a in parts if struct.unpack_from("=H", a, 2)[0] not in types]
        reject(what, "NEW_DEVICE", *(parts + list(replace_or_add)), **kw)
        if get_dev(DEV3) is not None:
            check("NEW_DEVICE: " + what, Reply(), False, "the device is in the table")
            nl("DEL_DEVICE", mac3)

    # Missing.
    bad_new("no attributes", drop=good)
    bad_new("no MAC", drop=[mac3])
    bad_new("no IPv4", drop=[v4])
    bad_new("no IPv6", drop=[v6])
    # Lengths.
    for n in 0, 5, 7, 16:
        bad_new("MAC of %d bytes" % n, nla(A["DEV_MAC"], mac(DEV3[0]).ljust(16, b"\1")[:n]))
    for n in 0, 3, 5, 8:
        bad_new("IPv4 of %d bytes" % n, nla(A["DEV_IPV4"], (ip4(DEV3[1]) * 2)[:n]))
    for n in 0, 4, 15, 17, 32:
        bad_new("IPv6 of %d bytes" % n, nla(A["DEV_IPV6"], (ip6(DEV3[2]) * 2)[:n]))
    bad_new("WAN ifindex of 2 bytes", nla(A["DEV_WAN_IFINDEX"], u16(wan)))
    bad_new("WAN ifindex of 8 bytes", nla(A["DEV_WAN_IFINDEX"], u64(wan)))
    bad_new("state of 4 bytes", nla(A["DEV_STATE"], u32(1)))
    bad_new("flags of 1 byte", nla(A["DEV_FLAGS"], u8(0)))
    bad_new("flags of 8 bytes", nla(A["DEV_FLAGS"], u64(0)))
    # Values.
    for m in "01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "03:00:00:00:01:03":
        bad_new("MAC %s" % m, nla(A["DEV_MAC"], mac(m)))
    for a in "0.0.0.0", "255.255.255.255", "224.0.0.1", "239.1.2.3":
        bad_new("IPv4 %s" % a, nla(A["DEV_IPV4"], ip4(a)))
    for a in "::", "::1", "ff02::1", "fe80::1", "64:ff9b::c000:221", "::ffff:192.0.2.1":
        bad_new("IPv6 %s" % a, nla(A["DEV_IPV6"], ip6(a)))
    bad_new("WAN ifindex that does not exist", nla(A["DEV_WAN_IFINDEX"], u32(NOWHERE)))
    for s in 0, U["__V4V6_DEV_STATE_MAX"], 9, 255:
        bad_new("state %d" % s, nla(A["DEV_STATE"], u8(s)))
    for f in 0x80, U["V4V6_DEV_F_ALL"] + 1, 0xffffffff:
        bad_new("flags %#x" % f, nla(A["DEV_FLAGS"], u32(f)))
    # Someone else's.
    bad_new("DEV1's MAC", nla(A["DEV_MAC"], mac(DEV1[0])), errno_=errno.EEXIST)
    bad_new("DEV1's IPv4", nla(A["DEV_IPV4"], ip4(DEV1[1])), errno_=errno.EEXIST)
    bad_new("DEV1's IPv6", nla(A["DEV_IPV6"], ip6(DEV1[2])), errno_=errno.EEXIST)
    # Not its attributes, or nobody's.
    for name, data in (("CFG_LAN_IFINDEX", u32(lan)), ("CFG_LOWEST_MTU", u32(1400)),
                       ("CFG_PREF64_LEN", u8(96)), ("DEV_IDLE_MS", u64(0)),
                       ("DEV_TX_PACKETS", u64(1)), ("DEV_RX_BYTES", u64(1)),
                       ("DEV_DROPS", u64(0)), ("DEVICES", u32(1)), ("FLUSH_ALL", b""),
                       ("PAD", b"")):
        bad_new("with %s" % name, nla(A[name], data))
    bad_new("with STATS", nla(A["STATS"], nla(1, u64(0)), NLA_F_NESTED))
    bad_new("attribute type 0", nla(0, u32(0)))
    bad_new("attribute type A_MAX + 1", nla(A_MAX + 1, u32(0)))
    bad_new("attribute type 0x3fff", nla(0x3fff, u32(0)))
    bad_new("MAC flagged as nested", nla(A["DEV_MAC"], mac(DEV3[0]), NLA_F_NESTED))
    # Broken framing.
    bad_new("attribute longer than the message",
            raw=lambda m: fix_len(m + struct.pack("=HH", 64, A["DEV_STATE"]) + b"\1\0\0\0"))
    bad_new("attribute header of 2 bytes",
            raw=lambda m: fix_len(m + struct.pack("=HH", 2, A["DEV_STATE"])))
    bad_new("2 bytes of garbage at the end", raw=lambda m: fix_len(m + b"\1\1"))

    # SET_DEVICE of DEV1: each must leave it as it is.
    m1 = nla(A["DEV_MAC"], mac(DEV1[0]))

    def bad_set(what, *attrs, **kw):
        reject(what, "SET_DEVICE", *attrs, **kw)
        check("SET_DEVICE: %s: DEV1 unchanged" % what, Reply(), get_dev(DEV1) == dev1,
              "changed to %s" % get_dev(DEV1))

    bad_set("no MAC", nla(A["DEV_IPV4"], ip4(DEV3[1])))
    bad_set("a MAC not in the table", mac3, nla(A["DEV_IPV4"], ip4(DEV3[1])),
            errno_=errno.ENOENT)
    bad_set("MAC of 7 bytes", nla(A["DEV_MAC"], mac(DEV1[0]) + b"\0"), nla(A["DEV_STATE"], u8(2)))
    bad_set("IPv6 of 15 bytes", m1, nla(A["DEV_IPV6"], ip6(DEV3[2])[:15]))
    bad_set("IPv6 fe80::1", m1, nla(A["DEV_IPV6"], ip6("fe80::1")))
    bad_set("IPv4 224.0.0.1", m1, nla(A["DEV_IPV4"], ip4("224.0.0.1")))
    bad_set("state 9", m1, nla(A["DEV_STATE"], u8(9)))
    bad_set("flags 0x80", m1, nla(A["DEV_FLAGS"], u32(0x80)))
    bad_set("WAN ifindex that does not exist", m1, nla(A["DEV_WAN_IFINDEX"], u32(NOWHERE)))
    bad_set("DEV2's IPv4", m1, nla(A["DEV_IPV4"], ip4(DEV2[1])), errno_=errno.EEXIST)
    bad_set("DEV2's IPv6", m1, nla(A["DEV_IPV6"], ip6(DEV2[2])), errno_=errno.EEXIST)
    bad_set("a new IPv4 and DEV2's IPv6", m1, nla(A["DEV_IPV4"], ip4(DEV3[1])),
            nla(A["DEV_IPV6"], ip6(DEV2[2])), errno_=errno.EEXIST)
    bad_set("state inactive and an IPv6 of 15 bytes", m1,
            nla(A["DEV_STATE"], u8(U["V4V6_DEV_STATE_INACTIVE"])),
            nla(A["DEV_IPV6"], ip6(DEV3[2])[:15]))
    bad_set("with CFG_LOWEST_MTU", m1, nla(A["CFG_LOWEST_MTU"], u32(1400)))
    bad_set("with DEV_TX_BYTES", m1, nla(A["DEV_TX_BYTES"], u64(0)))
    bad_set("with FLUSH_ALL", m1, nla(A["FLUSH_ALL"]))
    bad_set("attribute type A_MAX + 1", m1, nla(A_MAX + 1, u32(0)))

    # DEL_DEVICE: exactly one of MAC and IPv4.
    def bad_del(what, *attrs, **kw):
        reject(what, "DEL_DEVICE", *attrs, **kw)
        check("DEL_DEVICE: %s: DEV1 still there" % what, Reply(), get_dev(DEV1) == dev1,
              "gone or changed")

    bad_del("no attributes")
    bad_del("MAC and IPv4", m1, nla(A["DEV_IPV4"], ip4(DEV1[1])))
    bad_del("IPv6 alone", nla(A["DEV_IPV6"], ip6(DEV1[2])))
    bad_del("MAC of 5 bytes", nla(A["DEV_MAC"], mac(DEV1[0])[:5]))
    bad_del("IPv4 of 3 bytes", nla(A["DEV_IPV4"], ip4(DEV1[1])[:3]))
    bad_del("a MAC not in the table", mac3, errno_=errno.ENOENT)
    bad_del("an IPv4 not in the table", v4, errno_=errno.ENOENT)
    bad_del("MAC and a state", m1, nla(A["DEV_STATE"], u8(1)))
    bad_del("attribute type A_MAX + 1", m1, nla(A_MAX + 1, u32(0)))

    # GET_DEVICE without a dump: exactly one of MAC, IPv4, IPv6.
    reject("no attributes", "GET_DEVICE")
    reject("MAC and IPv4", "GET_DEVICE", m1, nla(A["DEV_IPV4"], ip4(DEV1[1])))
    reject("IPv4 and IPv6", "GET_DEVICE", nla(A["DEV_IPV4"], ip4(DEV1[1])),
           nla(A["DEV_IPV6"], ip6(DEV1[2])))
    reject("all three", "GET_DEVICE", *dev_attrs(DEV1))
    reject("MAC of 7 bytes", "GET_DEVICE", nla(A["DEV_MAC"], mac(DEV1[0]) + b"\0"))
    reject("IPv6 of 15 bytes", "GET_DEVICE", nla(A["DEV_IPV6"], ip6(DEV1[2])[:15]))
    reject("a MAC not in the table", "GET_DEVICE", mac3, errno_=errno.ENOENT)
    reject("MAC and CFG_LOWEST_MTU", "GET_DEVICE", m1, nla(A["CFG_LOWEST_MTU"], u32(1400)))
    reject("MAC and a state", "GET_DEVICE", m1, nla(A["DEV_STATE"], u8(1)))
    reject("attribute type A_MAX + 1", "GET_DEVICE", m1, nla(A_MAX + 1, u32(0)))

    # SET_CONFIG: all or nothing, each time.
    cfg = get_config()
    check("GET_CONFIG", Reply(), cfg is not None and
          cfg.get(A["CFG_LAN_IFINDEX"]) == u32(lan), "no configuration: %s" % cfg)

    def bad_cfg(what, *attrs, **kw):
        reject(what, "SET_CONFIG", *attrs, **kw)
        check("SET_CONFIG: %s: unchanged" % what, Reply(), get_config() == cfg,
              "changed to %s" % get_config())

    P, L = A["CFG_PREF64"], A["CFG_PREF64_LEN"]
    for mtu in 0, 1279, 65536, 0xffffffff:
        bad_cfg("lowest MTU %d" % mtu, nla(A["CFG_LOWEST_MTU"], u32(mtu)))
    bad_cfg("lowest MTU of 2 bytes", nla(A["CFG_LOWEST_MTU"], u16(1400)))
    bad_cfg("lowest MTU of 8 bytes", nla(A["CFG_LOWEST_MTU"], u64(1400)))
    bad_cfg("LAN that does not exist", nla(A["CFG_LAN_IFINDEX"], u32(NOWHERE)))
    bad_cfg("WAN that does not exist", nla(A["CFG_WAN_IFINDEX"], u32(NOWHERE)))
    bad_cfg("WAN = LAN", nla(A["CFG_LAN_IFINDEX"], u32(lan)), nla(A["CFG_WAN_IFINDEX"], u32(lan)))
    bad_cfg("WAN = the LAN in place", nla(A["CFG_WAN_IFINDEX"], u32(lan)))
    bad_cfg("LAN of 2 bytes", nla(A["CFG_LAN_IFINDEX"], u16(lan)))
    bad_cfg("pref64 without a length", nla(P, ip6("2001:db8:64::")))
    bad_cfg("a length without pref64", nla(L, u8(96)))
    for n in 0, 33, 95, 97, 128, 255:
        bad_cfg("pref64 length %d" % n, nla(P, ip6("2001:db8:64::")), nla(L, u8(n)))
    bad_cfg("pref64 length of 4 bytes", nla(P, ip6("2001:db8:64::")), nla(L, u32(96)))
    bad_cfg("pref64 of 15 bytes", nla(P, ip6("2001:db8:64::")[:15]), nla(L, u8(96)))
    bad_cfg("pref64 of 17 bytes", nla(P, ip6("2001:db8:64::") + b"\0"), nla(L, u8(96)))
    bad_cfg("pref64 with bits past /96", nla(P, ip6("64:ff9b::1")), nla(L, u8(96)))
    bad_cfg("pref64 with bits past /32", nla(P, ip6("2001:db8:1::")), nla(L, u8(32)))
    bad_cfg("pref64 with the u octet set", nla(P, ip6("2001:db8:1:2:ff00::")), nla(L, u8(96)))
    for v in U["__V4V6_UNKNOWN_MAX"], 9, 255:
        bad_cfg("unknown policy %d" % v, nla(A["CFG_UNKNOWN"], u8(v)))
    bad_cfg("unknown policy of 4 bytes", nla(A["CFG_UNKNOWN"], u32(1)))
    bad_cfg("a valid MTU and an invalid policy", nla(A["CFG_LOWEST_MTU"], u32(1400)),
            nla(A["CFG_UNKNOWN"], u8(9)))
    bad_cfg("a valid pref64 and a LAN that does not exist", nla(P, ip6("2001:db8:64::")),
            nla(L, u8(96)), nla(A["CFG_LAN_IFINDEX"], u32(NOWHERE)))
    bad_cfg("with DEV_MAC", nla(A["DEV_MAC"], mac(DEV3[0])))
    bad_cfg("with DEV_IPV4", nla(A["CFG_LOWEST_MTU"], u32(1400)), nla(A["DEV_IPV4"], ip4(DEV3[1])))
    bad_cfg("with STATS", nla(A["STATS"], b"", NLA_F_NESTED))
    bad_cfg("with FLUSH_ALL", nla(A["FLUSH_ALL"]))
    bad_cfg("attribute type 0", nla(0, u32(0)))
    bad_cfg("attribute type A_MAX + 1", nla(A_MAX + 1, u32(0)))

    # FLUSH: a flag and nothing else. A rejected flush removes nothing.
    def bad_flush(what, *attrs):
        reject(what, "FLUSH", *attrs)
        check("FLUSH: %s: devices still there" % what, Reply(),
              get_dev(DEV1) == dev1 and get_dev(DEV2) is not None, "removed")

    bad_flush("FLUSH_ALL with 4 bytes", nla(A["FLUSH_ALL"], u32(1)))
    bad_flush("with DEV_MAC", nla(A["DEV_MAC"], mac(DEV1[0])))
    bad_flush("with DEV_STATE", nla(A["DEV_STATE"], u8(1)))
    bad_flush("attribute type A_MAX + 1", nla(A_MAX + 1, u32(0)))

    # Reading takes nothing either.
    reject("with DEV_MAC", "GET_CONFIG", nla(A["DEV_MAC"], mac(DEV1[0])))
    reject("with CFG_LOWEST_MTU", "GET_CONFIG", nla(A["CFG_LOWEST_MTU"], u32(1400)))
    reject("with DEV_MAC", "GET_STATS", nla(A["DEV_MAC"], mac(DEV1[0])))
    reject("attribute type A_MAX + 1", "GET_STATS", nla(A_MAX + 1, u32(0)))

    # Commands that are no requests.
    for c in 0, CMD["UNKNOWN_SOURCE"], CMD_MAX + 1, 200:
        r = nl.request(nl.family, c)
        check("command %d" % c, r, bool(r.err), "accepted")

    # All of it left the table as it was: DEV1 and DEV2, nothing else.
    r = nl("GET_DEVICE", flags=NLM_F_REQUEST | NLM_F_DUMP)
    macs = sorted(m[A["DEV_MAC"]] for m in r.msgs)
    check("GET_DEVICE dump: DEV1 and DEV2 alone", r,
          not r.err and macs == sorted([mac(DEV1[0]), mac(DEV2[0])]),
          "table holds %s" % [m.hex(":") for m in macs])


def fix_len(m):
    return struct.pack("=I", len(m)) + m[4:]


def unpriv():
    m1 = nla(A["DEV_MAC"], mac(DEV1[0]))
    lan = socket.if_nametoindex("eth0")
    for cmd, attrs in (("NEW_DEVICE", dev_attrs(DEV3)),
                       ("SET_DEVICE", [m1, nla(A["DEV_STATE"], u8(2))]),
                       ("DEL_DEVICE", [m1]),
                       ("FLUSH", [nla(A["FLUSH_ALL"])]),
                       ("FLUSH", []),
                       ("SET_CONFIG", [nla(A["CFG_LOWEST_MTU"], u32(1400))]),
                       ("SET_CONFIG", [nla(A["CFG_LAN_IFINDEX"], u32(lan))])):
        r = nl(cmd, *attrs)
        check("%s without CAP_NET_ADMIN" % cmd, r, r.err == errno.EPERM, "expected EPERM")
    r = nl("GET_CONFIG")
    check("GET_CONFIG without CAP_NET_ADMIN", r, not r.err and len(r.msgs) == 1, "refused")
    r = nl("GET_STATS")
    check("GET_STATS without CAP_NET_ADMIN", r,
          not r.err and len(r.msgs) == 1 and A["STATS"] in r.msgs[0], "refused")
    r = nl("GET_DEVICE", m1)
    check("GET_DEVICE without CAP_NET_ADMIN", r,
          not r.err and len(r.msgs) == 1 and r.msgs[0].get(A["DEV_MAC"]) == mac(DEV1[0]),
          "refused")
    r = nl("GET_DEVICE", flags=NLM_F_REQUEST | NLM_F_DUMP)
    check("GET_DEVICE dump without CAP_NET_ADMIN", r, not r.err and len(r.msgs) == 2,
          "%d devices" % len(r.msgs))


if __name__ == "__main__":
    if os.geteuid() != 0 and sys.argv[2] != "unpriv":
        sys.exit("nlabuse: abuse needs root")
    {"abuse": abuse, "unpriv": unpriv}[sys.argv[2]]()
    print("nlabuse: %d failed" % len(failures))
    sys.exit(1 if failures else 0)
