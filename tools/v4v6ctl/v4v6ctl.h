/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of v4v6ctl share.
 */
#ifndef V4V6CTL_H
#define V4V6CTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define PROG "v4v6ctl"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,	/* the operation failed */
	EXIT_USAGE = 2,	/* the command line is wrong */
};

/* Global options. */
extern bool json_output;

/* A command or subcommand: run as fn(argc, argv), argv[0] being its name. */
struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *description;
};

/*
 * The index of the command of the @n in @table that @name names or
 * abbreviates, or -1 after saying on stderr that there is none.
 */
int cmd_find(const struct cmd *table, size_t n, const char *name);

/*
 * Run the command of @table that argv[0] names, or print @usage on stderr
 * and return EXIT_USAGE if there is none.
 */
int cmd_run(const struct cmd *table, size_t n, int argc, char **argv,
	    void (*usage)(FILE *f));

/* A keyword of a command's arguments, as in "lan eth1" or "static". */
struct arg_kw {
	const char *name;
	bool takes_value;
};

/*
 * Parse @argc arguments at @argv as keywords of @kws (@n of them, at most
 * 32), in any order, each at most once, each followed by its value if it
 * takes one. vals[i] is then the value of the keyword kws[i] (or its name,
 * for one without a value), and bit i of *@given says whether it was given.
 * Returns 0, or -1 after saying on stderr what is wrong.
 */
int args_parse(int argc, char **argv, const struct arg_kw *kws, size_t n,
	       const char **vals, uint32_t *given);

/* Whether @argc arguments at @argv are just "help" (or an abbreviation). */
bool args_help(int argc, char **argv);

/* @name as an ifindex, 0 for "none"; false after saying why not. */
bool ifindex_get(const char *name, uint32_t *ifindex);

/* The name of the interface @ifindex, else "if<ifindex>", in @buf. */
#define IFNAME_BUFSIZE 16
const char *ifindex_name(uint32_t ifindex, char buf[IFNAME_BUFSIZE]);

/* "gone:" and an interface name, as the one-line outputs say it. */
#define GONE_BUFSIZE (sizeof("gone:") + IFNAME_BUFSIZE)

int cmd_config(int argc, char **argv);		/* config.c */
int cmd_device(int argc, char **argv);		/* device.c */
int cmd_devices(int argc, char **argv);		/* devices.c */
int cmd_stats(int argc, char **argv);		/* stats.c */
int cmd_status(int argc, char **argv);		/* status.c */
int cmd_export(int argc, char **argv);		/* status.c */
int cmd_monitor(int argc, char **argv);		/* monitor.c */
int cmd_leases(int argc, char **argv);		/* leases.c */

#endif /* V4V6CTL_H */
