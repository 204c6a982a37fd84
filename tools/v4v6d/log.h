/* SPDX-License-Identifier: GPL-2.0 */
/*
 * v4v6d's log: syslog, or stderr when running in the foreground.
 */
#ifndef V4V6D_LOG_H
#define V4V6D_LOG_H

#include <stdbool.h>
#include <syslog.h>

/* log_open(): where to log from now on; verbose adds LOG_DEBUG. */
void log_open(bool to_syslog, bool verbose);
void log_msg(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_err(...)	log_msg(LOG_ERR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_WARNING, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_INFO, __VA_ARGS__)
#define log_debug(...)	log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
