// SPDX-License-Identifier: GPL-2.0
/*
 * The state file on disk: saved atomically (a temporary file in the same
 * directory, fsync, the current file kept as PATH.bak by a hard link, then
 * a rename, then fsync of the directory), and loaded from PATH or, when
 * that is missing or corrupt, from PATH.bak.
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

static int write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (!n) {
			errno = EIO;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* "@path@suffix", malloc'd. */
static char *path_with(const char *path, const char *suffix)
{
	char *s = NULL;

	return asprintf(&s, "%s%s", path, suffix) < 0 ? NULL : s;
}

/* fsync the directory holding @path, so that a rename in it is durable. */
static int sync_dir(const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd, r = 0;

	if (!slash)
		dir = strdup(".");
	else
		dir = strndup(path, slash == path ? 1 : (size_t)(slash - path));
	if (!dir) {
		errno = ENOMEM;
		return sys_fail(err, errlen, path, "");
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* EINVAL: a file system that cannot sync directories. */
	if (fd < 0 || (fsync(fd) && errno != EINVAL))
		r = sys_fail(err, errlen, dir, "cannot sync the directory");
	if (fd >= 0)
		close(fd);
	free(dir);
	return r;
}

/* @text into a new temporary file @tmp (a mkstemp() template): 0 or -1. */
static int write_temp(char *tmp, const char *text, char *err, size_t errlen)
{
	int fd = mkostemp(tmp, O_CLOEXEC);

	if (fd < 0)
		return sys_fail(err, errlen, tmp, "cannot create");
	if (fchmod(fd, 0600) || write_all(fd, text, strlen(text)) ||
	    fsync(fd)) {
		sys_fail(err, errlen, tmp, "cannot write");
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd)) {
		sys_fail(err, errlen, tmp, "cannot write");
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Keep @path, if there is one, as @bak: 0 or -1. */
static int keep_bak(const char *path, const char *bak, char *err,
		    size_t errlen)
{
	struct stat sb;

	if (lstat(path, &sb))
		return errno == ENOENT ? 0 :
		       sys_fail(err, errlen, path, "");
	if (unlink(bak) && errno != ENOENT)
		return sys_fail(err, errlen, bak, "cannot remove");
	if (link(path, bak))
		return sys_fail(err, errlen, bak, "cannot link");
	return 0;
}

int state_save(const char *path, const struct state *st, char *err,
	       size_t errlen)
{
	char *text = NULL, *tmp, *bak;
	int r = -1;

	if (state_validate(st, err, errlen))
		return -1;
	tmp = path_with(path, ".XXXXXX");
	bak = path_with(path, ".bak");
	if (tmp && bak)
		text = state_format(st);
	if (!text) {
		errno = ENOMEM;
		sys_fail(err, errlen, path, "");
		goto out;
	}
	if (write_temp(tmp, text, err, errlen))
		goto out;
	if (keep_bak(path, bak, err, errlen)) {
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, path)) {
		sys_fail(err, errlen, path, "cannot replace");
		unlink(tmp);
		goto out;
	}
	r = sync_dir(path, err, errlen);
out:
	free(text);
	free(tmp);
	free(bak);
	return r;
}

/* Loading. */

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
