# v4v6.ko loads on the stock kernel, registers its family in every namespace,
# and unloads cleanly while namespaces exist.
insmod "$V4V6_KO" || die "insmod"
on gw genl ctrl get name v4v6 | grep -q 'Name: v4v6' || die "family not visible in gw"
on gw genl ctrl get name v4v6 | grep -q 'events' || die "events group missing"
on gw ping -c 1 -W 2 $GW_LAN > /dev/null || die "traffic with the module loaded"
rmmod v4v6 || die "rmmod"
genl ctrl get name v4v6 > /dev/null 2>&1 && die "family still there after rmmod"
insmod "$V4V6_KO" || die "second insmod"
rmmod v4v6 || die "second rmmod"
log "loaded, registered, unloaded twice"
