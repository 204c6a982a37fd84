/* SPDX-License-Identifier: GPL-2.0 */
/* Regression seeds (regress.c), written by the seed exporter. */
#ifndef _REGRESS_H
#define _REGRESS_H

/* Write them into @dir/46 and @dir/64; return how many. */
unsigned int fz_write_regressions(const char *dir);

#endif
