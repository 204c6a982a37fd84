// SPDX-License-Identifier: GPL-2.0
/*
 * The state file from disk, for v4v6d on start and for v4v6ctl leases: from
 * PATH or, when that is missing or corrupt, from PATH.bak (which v4v6d's
 * writer, v4v6d/state_file.c, keeps).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state.h"

/* Set @err to "@path: @what: errno's message" (errno kept); return -1. */
static int sys_fail(char *err, size_t errlen, const char *path,
		    const char *what)
{
	int e = errno;

	snprintf(err, errlen, "%s: %s%s%s", path, what, *what ? ": " : "",
		 strerror(e));
	errno = e;
	return -1;
}

/* "@path@suffix", malloc'd. */
static char *path_with(const char *path, const char *suffix)
{
	char *s = NULL;

	return asprintf(&s, "%s%s", path, suffix) < 0 ? NULL : s;
}

/*
 * The file @path, at most STATE_FILE_MAX bytes, into *@buf (malloc'd, @len
 * bytes). Returns 0, or -1 with errno set (EFBIG: too large, EINVAL: not
 * a regular file).
 */
static int read_file(const char *path, char **buf, size_t *len)
{
	size_t size = 4096, n = 0;
	struct stat sb;
	char *b = NULL, *nb;
	ssize_t r;
	int fd, e;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return -1;
	if (fstat(fd, &sb)) {
		e = errno;
		goto fail;
	}
	if (!S_ISREG(sb.st_mode)) {
		e = EINVAL;
		goto fail;
	}
	if (sb.st_size > STATE_FILE_MAX) {
		e = EFBIG;
		goto fail;
	}
	if ((size_t)sb.st_size + 1 > size)
		size = (size_t)sb.st_size + 1;
	for (;;) {
		if (n == size || !b) {
			if (n == size)
				size = size > STATE_FILE_MAX / 2 ?
				       STATE_FILE_MAX + 1 : 2 * size;
			nb = realloc(b, size);
			if (!nb) {
				e = ENOMEM;
				goto fail;
			}
			b = nb;
		}
		r = read(fd, b + n, size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			e = errno;
			goto fail;
		}
		if (!r)
			break;
		n += (size_t)r;
		if (n > STATE_FILE_MAX) {
			e = EFBIG;
			goto fail;
		}
	}
	close(fd);
	*buf = b;
	*len = n;
	return 0;
fail:
	free(b);
	close(fd);
	errno = e;
	return -1;
}

/* @path into @st: 0, 1 when it does not exist, -1 with @err set. */
static int load_one(const char *path, struct state *st, char *err,
		    size_t errlen)
{
	char *text, *msg;
	size_t len;
	int r;

	if (read_file(path, &text, &len)) {
		r = errno == ENOENT ? 1 : -1;
		if (errno == EINVAL)
			snprintf(err, errlen, "%s: not a regular file", path);
		else if (errno == EFBIG)
			snprintf(err, errlen, "%s: larger than %d bytes", path,
				 STATE_FILE_MAX);
		else
			sys_fail(err, errlen, path, r > 0 ? "" : "cannot read");
		return r;
	}
	msg = malloc(errlen ? errlen : 1);
	if (!msg) {
		free(text);
		errno = ENOMEM;
		return sys_fail(err, errlen, path, "");
	}
	r = state_parse(text, len, st, msg, errlen);
	if (r)
		snprintf(err, errlen, "%s: %s", path, msg);
	free(msg);
	free(text);
	return r;
}

int state_load(const char *path, struct state *st, bool *from_bak, char *err,
	       size_t errlen)
{
	char main_err[512], bak_err[512], *bak;
	int r, rb;

	*from_bak = false;
	memset(st, 0, sizeof(*st));
	if (errlen)
		*err = '\0';
	r = load_one(path, st, main_err, sizeof(main_err));
	if (!r)
		return 0;
	bak = path_with(path, ".bak");
	if (!bak) {
		snprintf(err, errlen, "%s; %s", main_err, strerror(ENOMEM));
		return -1;
	}
	rb = load_one(bak, st, bak_err, sizeof(bak_err));
	free(bak);
	if (!rb) {
		*from_bak = true;
		snprintf(err, errlen, "%s", main_err);
		return 0;
	}
	if (r == 1 && rb == 1)
		return 1;
	if (rb == 1)
		snprintf(err, errlen, "%s", main_err);
	else
		snprintf(err, errlen, "%s; %s", main_err, bak_err);
	return -1;
}
