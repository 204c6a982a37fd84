// SPDX-License-Identifier: GPL-2.0
/*
 * devices [active|inactive]: list the table.
 */
#include <linux/v4v6.h>

#include "device.h"
#include "jsonout.h"
#include "names.h"
#include "nl.h"
#include "v4v6ctl.h"

static void devices_usage(FILE *f)
{
	fprintf(f,
		"Usage: " PROG " [-j] devices [active|inactive]\n"
		"       " PROG " devices help\n"
		"\n"
		"List the devices, or those in a state, one a line, sorted by\n"
		"IPv4 address:\n"
		"  MAC IPV4 IPV6 wan IFNAME|- STATE static|dynamic idle SECONDS\n"
		"  tx PACKETS/BYTES rx PACKETS/BYTES drops N unsolicited N\n"
		"  [allow tcp 22, udp 5000-5010, icmp]\n"
		"tx counts what the device sent (as IPv4), rx what it received\n"
		"(as IPv6); wan - is the WAN interface itself. unsolicited counts\n"
		"the drops of what came in under inbound replies that was neither\n"
		"a reply nor allowed; allow lists the device's allow rules.\n");
}

static int devices_print(const struct dev_list *list, unsigned int state)
{
	size_t i;

	if (json_output)
		return json_print(dev_list_json(list, state));
	for (i = 0; i < list->n; i++)
		if (!state || list->v[i].state == state)
			dev_print(&list->v[i]);
	return EXIT_OK;
}

int cmd_devices(int argc, char **argv)
{
	struct dev_list list;
	struct nl nl;
	int state = 0, ret;

	if (args_help(argc - 1, argv + 1)) {
		devices_usage(stdout);
		return EXIT_OK;
	}
	if (argc == 2)
		state = dev_state_lookup(argv[1]);
	if (argc > 2 || state < 0) {
		devices_usage(stderr);
		return EXIT_USAGE;
	}
	if (nl_connect(&nl))
		return EXIT_FAIL;
	ret = nl_finish(&nl, devices_get(&nl, &list));
	if (!ret)
		ret = devices_print(&list, (unsigned int)state);
	dev_list_free(&list);
	return ret;
}
