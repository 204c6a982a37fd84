/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of v4v6ctl share.
 */
#ifndef V4V6CTL_H
#define V4V6CTL_H

#include <stdbool.h>
#include <stddef.h>
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

/* config.c */
int cmd_config(int argc, char **argv);

#endif /* V4V6CTL_H */
