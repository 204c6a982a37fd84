// SPDX-License-Identifier: GPL-2.0
/*
 * v4v6d's log.
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "log.h"

static bool use_syslog;
static bool log_verbose;

void log_open(bool to_syslog, bool verbose)
{
	use_syslog = to_syslog;
	log_verbose = verbose;
	if (use_syslog)
		openlog("v4v6d", LOG_PID, LOG_DAEMON);
}

void log_msg(int prio, const char *fmt, ...)
{
	static const char *const names[] = {
		[LOG_ERR] = "error: ", [LOG_WARNING] = "warning: ",
		[LOG_DEBUG] = "debug: ",
	};
	va_list ap;

	if (prio == LOG_DEBUG && !log_verbose)
		return;
	va_start(ap, fmt);
	if (use_syslog) {
		vsyslog(prio, fmt, ap);
	} else {
		struct timespec ts;

		/* Unix time: comparable with tcpdump -tt */
		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(stderr, "[%lld.%03ld] ", (long long)ts.tv_sec,
			ts.tv_nsec / 1000000);
		fputs(prio < (int)(sizeof(names) / sizeof(names[0])) &&
		      names[prio] ? names[prio] : "", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
	va_end(ap);
}
