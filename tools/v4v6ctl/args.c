// SPDX-License-Identifier: GPL-2.0
/*
 * The arguments of commands: keywords and their values, interface names.
 */
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "v4v6ctl.h"

_Static_assert(IFNAME_BUFSIZE >= IF_NAMESIZE, "room for an interface name");

int args_parse(int argc, char **argv, const struct arg_kw *kws, size_t n,
	       const char **vals, uint32_t *given)
{
	int i, kw;

	*given = 0;
	for (i = 0; i < argc; i++) {
		kw = keyword_lookup(argv[i], &kws[0].name, n, sizeof(kws[0]));
		if (kw < 0) {
			fprintf(stderr, PROG ": %s keyword \"%s\"\n",
				kw == KEYWORD_AMBIGUOUS ? "ambiguous" :
				"unknown", argv[i]);
			return -1;
		}
		if (*given & (1u << kw)) {
			fprintf(stderr, PROG ": %s given twice\n",
				kws[kw].name);
			return -1;
		}
		*given |= 1u << kw;
		vals[kw] = kws[kw].name;
		if (!kws[kw].takes_value)
			continue;
		if (++i >= argc) {
			fprintf(stderr, PROG ": %s needs a value\n",
				kws[kw].name);
			return -1;
		}
		vals[kw] = argv[i];
	}
	return 0;
}

bool args_help(int argc, char **argv)
{
	static const char *const help[] = { "help" };

	return argc == 1 && keyword_lookup(argv[0], help, 1,
					   sizeof(help[0])) == 0;
}

bool ifindex_get(const char *name, uint32_t *ifindex)
{
	if (!strcmp(name, "none")) {
		*ifindex = 0;
		return true;
	}
	*ifindex = if_nametoindex(name);
	if (!*ifindex)
		fprintf(stderr, PROG ": no such interface \"%s\"\n", name);
	return *ifindex;
}

const char *ifindex_name(uint32_t ifindex, char buf[IFNAME_BUFSIZE])
{
	if (!if_indextoname(ifindex, buf))
		snprintf(buf, IFNAME_BUFSIZE, "if%u", ifindex);
	return buf;
}
