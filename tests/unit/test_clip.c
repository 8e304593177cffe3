/* clip: base64 as RFC 4648 has it, which terminals are trusted with OSC 52, and the
 * exact bytes sent, plain and wrapped for tmux. */
#include "config.h"

#include "relview/clip.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void base64_as_rfc_4648(void **unused)
{
	(void)unused;
	static const char *const vectors[][2] = {
	        {"", ""},
	        {"f", "Zg=="},
	        {"fo", "Zm8="},
	        {"foo", "Zm9v"},
	        {"foob", "Zm9vYg=="},
	        {"fooba", "Zm9vYmE="},
	        {"foobar", "Zm9vYmFy"},
	};
	for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
		char out[16];
		size_t n = strlen(vectors[i][0]);
		assert_int_equal(clip_base64(vectors[i][0], n, out), clip_base64_len(n));
		assert_string_equal(out, vectors[i][1]);
	}
	char out[8];
	clip_base64("\xff\xfe\x00", 3, out); /* any bytes */
	assert_string_equal(out, "//4A");
}

static void known_terminals_only(void **unused)
{
	(void)unused;
	assert_true(clip_accepted(CLIP_AUTO, "xterm-256color", NULL));
	assert_true(clip_accepted(CLIP_AUTO, "tmux-256color", NULL));
	assert_true(clip_accepted(CLIP_AUTO, "screen", ""));
	assert_true(clip_accepted(CLIP_AUTO, "vt100", "/tmp/tmux-0/default,1,0"));
	assert_false(clip_accepted(CLIP_AUTO, "vt100", NULL));
	assert_false(clip_accepted(CLIP_AUTO, "linux", ""));
	assert_false(clip_accepted(CLIP_AUTO, NULL, NULL));
	assert_true(clip_accepted(CLIP_ON, "linux", NULL));
	assert_false(clip_accepted(CLIP_OFF, "xterm", "x"));
}

static void the_sequences(void **unused)
{
	(void)unused;
	size_t len;
	char *seq = clip_osc52("foo", 3, false, &len);
	assert_non_null(seq);
	assert_int_equal(len, strlen("\033]52;c;Zm9v\033\\"));
	assert_memory_equal(seq, "\033]52;c;Zm9v\033\\", len);
	free(seq);
	/* Inside tmux: the plain one for set-clipboard, then one for passthrough with
	 * every ESC doubled. */
	seq = clip_osc52("foo", 3, true, &len);
	const char *want = "\033]52;c;Zm9v\033\\"
	                   "\033Ptmux;\033\033]52;c;Zm9v\033\033\\\033\\";
	assert_int_equal(len, strlen(want));
	assert_memory_equal(seq, want, len);
	free(seq);
	char *big = calloc(CLIP_MAX + 1, 1);
	assert_non_null(big);
	assert_null(clip_osc52(big, CLIP_MAX + 1, false, &len));
	seq = clip_osc52(big, CLIP_MAX, false, &len);
	assert_non_null(seq);
	free(seq);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(base64_as_rfc_4648),
	        cmocka_unit_test(known_terminals_only),
	        cmocka_unit_test(the_sequences),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
