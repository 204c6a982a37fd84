#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The benchmark's table, from the results tests/bench/bench.sh recorded.

  report.py RESULTS

RESULTS has one line per measurement:
  info KEY VALUE...
  pps ROUND CONFIG PPS CPU-NS-PER-PACKET SENT DELIVERED
  tcp ROUND CONFIG MBIT/S
  ping ROUND CONFIG MS
  cp result TEXT... | cp na WHY...
Each figure is the median over the rounds, with [min-max]; each ratio is
taken within a round, then its median and range over the rounds. The
gateway's cost of a packet is its CPU time per packet delivered less the
generator's (gen4, gen6) in the same round.
"""
import re
import statistics
import sys
from collections import defaultdict

TARGETS = {"fwd": 0.90, "jool": 1.5, "size": 0.95, "rss_mib": 4.0}


def spread(vals, fmt="%.0f"):
    if not vals:
        return "n/a"
    return (fmt + " [" + fmt + "-" + fmt + "]") % (statistics.median(vals), min(vals), max(vals))


def main():
    path = sys.argv[1]
    info, cp = {}, []
    pps = defaultdict(dict)        # config -> round -> (pps, ns, sent, delivered)
    tcp, ping = defaultdict(dict), defaultdict(dict)
    for line in open(path):
        f = line.split()
        if not f:
            continue
        if f[0] == "info":
            info[f[1]] = " ".join(f[2:])
        elif f[0] == "pps":
            pps[f[2]][int(f[1])] = tuple(float(x) for x in f[3:7])
        elif f[0] == "tcp":
            tcp[f[2]][int(f[1])] = float(f[3])
        elif f[0] == "ping":
            ping[f[2]][int(f[1])] = float(f[3])
        elif f[0] == "cp":
            cp.append((f[1], " ".join(f[2:])))

    print("accelerator %s, %s CPUs, kernel %s; %s per configuration; %s traffic devices"
          % (info.get("accel"), info.get("cpus"), info.get("kernel"), info.get("rounds"),
             info.get("devices")))

    def gen_of(cfg):
        d = "4" if ("4to6" in cfg or cfg.endswith("-out")) else "6"
        return ("size-gen" if cfg.startswith("size") else "gen") + d

    def gw(cfg, r):
        g = pps.get(gen_of(cfg), {}).get(r)
        v = pps.get(cfg, {}).get(r)
        if not g or not v or not v[1]:
            return None
        return v[1] - g[1]

    def ratios(a, b):
        """gateway cost of b / gateway cost of a, per round"""
        out = []
        for r in pps.get(a, {}):
            x, y = gw(a, r), gw(b, r)
            if x and y and x > 0:
                out.append(y / x)
        return out

    print()
    print("64-byte UDP (pktgen; CPU ns per packet on the generator's CPU; gw = less the generator's)")
    print("  %-16s %-26s %-24s %s" % ("configuration", "packets/s", "CPU ns/packet", "gw ns/packet"))
    for cfg in sorted(pps, key=order):
        rounds = pps[cfg]
        g = [gw(cfg, r) for r in rounds]
        g = [x for x in g if x is not None]
        print("  %-16s %-26s %-24s %s" % (cfg, spread([v[0] for v in rounds.values()]),
                                         spread([v[1] for v in rounds.values()]),
                                         spread(g) if not cfg.startswith(("gen", "size-gen")) else "-"))

    verdicts = []

    def line(what, a, b, target=None, invert=False, kind=""):
        rs = ratios(a, b)
        if invert:
            rs = [1 / x for x in rs]
        s = "  %-58s %s" % (what, spread(rs, "%.2f"))
        if target is not None and rs:
            ok = statistics.median(rs) >= target
            s += "   target >= %.2f: %s" % (target, "met" if ok else "MISSED")
            verdicts.append((kind + what, ok))
        print(s)

    print()
    print("Ratios of the gateway's cost per packet, each within a round (median [min-max])")
    print("  (a share of packets/s is the inverse of the cost ratio)")
    line("v4v6 4->6 pps share of plain IPv6 forwarding", "fwd6-out", "v4v6-4to6",
         TARGETS["fwd"], invert=True)
    line("v4v6 6->4 pps share of plain IPv6 forwarding", "fwd6-in", "v4v6-6to4",
         TARGETS["fwd"], invert=True)
    if "jool-4to6" in pps:
        line("v4v6 4->6 pps over Jool SIIT", "v4v6-4to6", "jool-4to6", TARGETS["jool"])
        line("v4v6 6->4 pps over Jool SIIT", "v4v6-6to4", "jool-6to4", TARGETS["jool"])
    else:
        print("  Jool SIIT: n/a (%s)" % ("not measured in this run" if info.get("jool") == "yes"
                                         else "not built for this kernel"))
    line("conntrack (inbound replies) cost over inbound all, 4->6", "v4v6-4to6", "v4v6ct-4to6")
    line("conntrack (inbound replies) cost over inbound all, 6->4", "v4v6-6to4", "v4v6ct-6to4")
    sizes = sorted({int(m.group(1)) for c in pps for m in [re.match(r"size(\d+)-", c)] if m})
    if sizes:
        base = sizes[0]
        for n in sizes[1:]:
            for d in ("4to6", "6to4"):
                line("pps share with %d devices vs %d, %s" % (n, base, d.replace("to", "->")),
                     "size%d-%s" % (base, d), "size%d-%s" % (n, d),
                     TARGETS["size"] if n == sizes[-1] else None, invert=True)

    if tcp:
        print()
        print("TCP, MSS 1360 (1400-byte IPv4 packets), iperf3 from the device; Mbit/s")
        for cfg in sorted(tcp):
            print("  %-16s %s" % (cfg, spread(list(tcp[cfg].values()), "%.1f")))
        for d in ("up", "down"):
            for other in ("fwd6", "jool"):
                a, b = tcp.get("v4v6-" + d, {}), tcp.get("%s-%s" % (other, d), {})
                rs = [a[r] / b[r] for r in a if r in b and b[r] > 0]
                if rs:
                    print("  v4v6 / %-6s %-5s %s" % (other, d, spread(rs, "%.2f")))
    if ping:
        print()
        print("ping RTT, ms (out: the device pings the remote; in: the remote pings the device)")
        for cfg in sorted(ping):
            print("  %-16s %s" % (cfg, spread(list(ping[cfg].values()), "%.3f")))

    print()
    print("Control plane (v4v6d learning and leasing 1,000 devices against Kea)")
    rss = None
    for kind, text in cp:
        print("  %s%s" % ("n/a: " if kind == "na" else "", text))
        m = re.search(r"VmHWM (\d+) kB", text)
        if m:
            rss = int(m.group(1)) / 1024
    if not cp:
        print("  n/a")
    if rss is not None:
        ok = rss <= TARGETS["rss_mib"]
        print("  v4v6d peak RSS %.1f MiB   target <= %.1f MiB: %s"
              % (rss, TARGETS["rss_mib"], "met" if ok else "MISSED"))
        verdicts.append(("v4v6d peak RSS", ok))
    else:
        print("  v4v6d peak RSS: n/a")

    print()
    print("targets: %d met, %d missed%s" % (sum(ok for _, ok in verdicts),
                                           sum(not ok for _, ok in verdicts),
                                           "" if info.get("accel") == "KVM" else
                                           " (TCG: cost ratios, not rates)"))
    return 0


def order(cfg):
    keys = ["gen4", "gen6", "fwd6-out", "v4v6-4to6", "jool-4to6", "v4v6ct-4to6",
            "fwd6-in", "v4v6-6to4", "jool-6to4", "v4v6ct-6to4", "size-gen4", "size-gen6"]
    if cfg in keys:
        return (keys.index(cfg), 0, cfg)
    m = re.match(r"size(\d+)-(\w+)", cfg)
    return (len(keys), int(m.group(1)) if m else 0, cfg)


if __name__ == "__main__":
    sys.exit(main())
