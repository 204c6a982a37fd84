# The configuration over generic netlink, through v4v6ctl: set and show,
# every rejection with the kernel's reason, admin-only changes, and one
# configuration per namespace.
ctl() { on gw "$V4V6_CTL" "$@"; }
insmod "$V4V6_KO" || die "insmod"

out=$(ctl config show) || die "config show"
echo "$out" | grep -q '64:ff9b::/96' || die "default pref64 missing: $out"
echo "$out" | grep -q '1280' || die "default lowest-mtu missing: $out"

on gw genl ctrl get name v4v6 > /dev/null || die "family"
ctl config set lan eth0 wan eth1 pref64 2001:db8:64::/96 lowest-mtu 1400 ||
	die "config set"
json=$(ctl -j config show) || die "config show -j"
python3 - "$json" <<'PY' || die "JSON: $json"
import json, sys
c = json.loads(sys.argv[1])
assert c["lan"] == "eth0" and c["wan"] == "eth1", c
assert c["pref64"] == "2001:db8:64::/96", c
assert c["lowest_mtu"] == 1400, c
PY

# rejects MESSAGE ARGS...: config set ARGS fails and says MESSAGE
rejects() {
	local msg=$1 err
	shift
	if err=$(ctl config set "$@" 2>&1); then
		die "accepted: config set $*"
	fi
	echo "$err" | grep -qi -- "$msg" || die "config set $*: '$err' does not say '$msg'"
}
rejects "bits" pref64 64:ff9b::1/96
rejects "length" pref64 64:ff9b::/80
rejects "mtu" lowest-mtu 1279
rejects "mtu" lowest-mtu 70000
rejects "eth9\|no such\|unknown" lan eth9
rejects "different" lan eth1
# Unchanged by the rejected attempts:
ctl -j config show | grep -q '"lowest_mtu": *1400' || die "a rejected set changed the configuration"

# Changes need CAP_NET_ADMIN; reading does not.
on gw setpriv --reuid=nobody --regid=nogroup --clear-groups "$V4V6_CTL" config show > /dev/null ||
	die "unprivileged show"
err=$(on gw setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all \
	"$V4V6_CTL" config set lowest-mtu 1500 2>&1) && die "unprivileged set accepted"
echo "$err" | grep -qi "not permitted" || die "unprivileged set: '$err'"

# Another namespace has its own configuration.
on h6 "$V4V6_CTL" config show | grep -q '64:ff9b::/96' || die "h6 sees gw's configuration"

rmmod v4v6 || die "rmmod"
log "set, show, rejections with reasons, EPERM, per-namespace"
