// SPDX-License-Identifier: GPL-2.0
/*
 * v4v6ctl: show and change the configuration and the device table of the
 * v4v6 kernel module, and watch its events.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "v4v6ctl.h"

bool json_output;

static int cmd_help(int argc, char **argv);

static const struct cmd commands[] = {
	{ "config", cmd_config, "show or change the configuration" },
	{ "device", cmd_device, "add, change, remove or show a device" },
	{ "devices", cmd_devices, "list the devices" },
	{ "stats", cmd_stats, "print the counters" },
	{ "status", cmd_status, "print a summary of it all" },
	{ "export", cmd_export, "print the configuration and devices as JSON" },
	{ "monitor", cmd_monitor, "print events as they come" },
	{ "leases", cmd_leases, "list v4v6d's devices and DHCPv6 leases" },
	{ "help", cmd_help, "show this help, or a command's" },
};

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "Usage: " PROG " [OPTIONS] COMMAND [ARGS...]\n"
		"\n"
		"Options:\n"
		"  -j, --json   print JSON\n"
		"  -h, --help   show this help\n"
		"\n"
		"Commands:\n");
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name,
			commands[i].description);
	fprintf(f, "\nSee '" PROG " COMMAND help' for a command's arguments.\n");
}

/* help [COMMAND] */
static int cmd_help(int argc, char **argv)
{
	char *sub[] = { argv[argc - 1], "help", NULL };
	int i;

	if (argc > 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (argc == 1) {
		usage(stdout);
		return EXIT_OK;
	}
	i = cmd_find(commands, ARRAY_SIZE(commands), argv[1]);
	if (i < 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (commands[i].fn == cmd_help) {
		usage(stdout);
		return EXIT_OK;
	}
	return commands[i].fn(2, sub);
}

int cmd_find(const struct cmd *table, size_t n, const char *name)
{
	int i = keyword_lookup(name, &table[0].name, n, sizeof(*table));

	if (i < 0)
		fprintf(stderr, PROG ": %s command \"%s\"\n",
			i == KEYWORD_AMBIGUOUS ? "ambiguous" : "unknown", name);
	return i < 0 ? -1 : i;
}

int cmd_run(const struct cmd *table, size_t n, int argc, char **argv,
	    void (*usage)(FILE *f))
{
	int i = cmd_find(table, n, argv[0]);

	if (i < 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	return table[i].fn(argc, argv);
}

/* @ret, or EXIT_FAIL if the output could not be written. */
static int finish(int ret)
{
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, PROG ": cannot write the output: %s\n",
			strerror(errno));
		return EXIT_FAIL;
	}
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	/* Options may come anywhere, as in "config show -j"; "--" ends them. */
	while ((c = getopt_long(argc, argv, "jh", options, NULL)) != -1) {
		switch (c) {
		case 'j':
			json_output = true;
			break;
		case 'h':
			usage(stdout);
			return finish(EXIT_OK);
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	return finish(cmd_run(commands, ARRAY_SIZE(commands), argc - optind,
			      argv + optind, usage));
}
