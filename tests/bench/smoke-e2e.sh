# e2e: xlat-off must fail
# e2e: requires has_pktgen no pktgen module in this kernel: no packet generator
#
# The benchmark's smoke run (tests/bench/bench.sh --smoke, make bench's
# script): one short round of every configuration, 64-byte UDP from pktgen
# (the generator alone, plain IPv6 forwarding both ways, v4v6 4->6 and 6->4
# with inbound all and inbound replies, Jool SIIT where it was built, v4v6
# with 100 devices in its table), then TCP and ping each way. It fails if
# any configuration forwards less than half of what it is given; with
# translation off, v4v6's forward nothing. The bench builds its own
# topology (namespaces gw, lan, wan), so the e2e one goes first.
topo_down
bash "$E2E_DIR/../bench/bench.sh" --smoke || die "the benchmark's smoke run failed"
