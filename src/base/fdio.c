#include "config.h"

#include "relview/fdio.h"

#include <errno.h>
#include <unistd.h>

bool fdio_write_all(int fd, const void *data, size_t len)
{
	const char *s = data;
	while (len) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		s += n, len -= (size_t)n;
	}
	return true;
}
