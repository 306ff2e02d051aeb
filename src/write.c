/*
 * write.c - stage 5: puts results under the output directory and nowhere
 * else.  The directory is opened once; subdirectories are created and
 * entered with *at() calls that refuse symbolic links, and every file is
 * written to a temporary name in its final directory, synced, and
 * renamed into place, so a reader sees the old file or the new one,
 * never half of one, and a planted symlink is replaced, not followed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "styrdok.h"

struct outdir {
	int fd;
	char *path;
};

/*
 * Opens (creating if needed) the output directory.  Returns NULL after
 * a message on stderr; the caller exits with EXIT_SYSTEM.
 */
struct outdir *
outdir_new(const char *path)
{
	struct outdir *o;
	int fd;

	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "styrdok: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "styrdok: %s: %s\n", path, errno == ELOOP ||
		    errno == ENOTDIR ? "not a directory (symbolic links are "
		    "not followed)" : strerror(errno));
		return NULL;
	}
	o = xcalloc(1, sizeof(*o));
	o->fd = fd;
	o->path = xstrdup(path);
	return o;
}

void
outdir_free(struct outdir *o)
{
	if (o == NULL)
		return;
	close(o->fd);
	free(o->path);
	free(o);
}

/* A path component we are willing to create: no '.', '..', '/', '-'. */
static int
component_ok(const char *c, size_t n)
{
	if (n == 0 || c[0] == '.' || c[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (c[i] == '/' || (unsigned char)c[i] < 0x20)
			return 0;
	return 1;
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Writes data to relpath ("a/b/c.html") under the output directory.
 * Returns 0, or -1 after a message on stderr (nothing is left behind).
 */
int
outdir_write(struct outdir *o, const char *relpath, const char *data,
    size_t len)
{
	const char *p = relpath, *slash;
	char tmp[64], *name;
	int dir = dup(o->fd), fd = -1, rc = -1;

	if (dir < 0)
		goto fail;
	while ((slash = strchr(p, '/')) != NULL) {
		char *comp = strndup(p, (size_t)(slash - p));
		int next;

		if (comp == NULL || !component_ok(comp, strlen(comp))) {
			errno = EINVAL;
			free(comp);
			goto fail;
		}
		if (mkdirat(dir, comp, 0755) != 0 && errno != EEXIST) {
			free(comp);
			goto fail;
		}
		next = openat(dir, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		free(comp);
		if (next < 0)
			goto fail;
		close(dir);
		dir = next;
		p = slash + 1;
	}
	name = (char *)p;
	if (!component_ok(name, strlen(name))) {
		errno = EINVAL;
		goto fail;
	}
	for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
		snprintf(tmp, sizeof(tmp), ".styrdok.%ld.%d.tmp",
		    (long)getpid(), attempt);
		fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0644);
		if (fd < 0 && errno != EEXIST)
			goto fail;
	}
	if (fd < 0)
		goto fail;
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		int saved = errno;

		close(fd);
		fd = -1;
		unlinkat(dir, tmp, 0);
		errno = saved;
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		unlinkat(dir, tmp, 0);
		goto fail;
	}
	fd = -1;
	if (renameat(dir, tmp, dir, name) != 0) {
		unlinkat(dir, tmp, 0);
		goto fail;
	}
	rc = 0;
	goto out;
fail:
	fprintf(stderr, "styrdok: %s/%s: %s\n", o->path, relpath,
	    strerror(errno));
	if (fd >= 0)
		close(fd);
out:
	if (dir >= 0)
		close(dir);
	return rc;
}
