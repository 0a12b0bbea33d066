/* A main() for fuzz_decide.c without libFuzzer: replays corpus files and
 * directories, and optionally random inputs from a fixed seed. Built with
 * the project's compiler (gcc), it lets valgrind and sanitizer builds run
 * the harness where clang's libFuzzer is missing.
 *
 * Usage: fuzz_decide_replay [--random COUNT[:SEED[:MAXLEN]]] [FILE|DIR]...
 * Exit status 0 when every input ran to the end (a failed check aborts).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static guint replay_file(const char *path)
{
    gchar *data = NULL;
    gsize size = 0;
    GError *error = NULL;

    if (!g_file_get_contents(path, &data, &size, &error)) {
        fprintf(stderr, "fuzz_decide_replay: %s\n", error->message);
        g_error_free(error);
        exit(2);
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, size);
    g_free(data);
    return 1;
}

static guint replay_path(const char *path)
{
    GDir *dir;
    const char *name;
    guint count = 0;

    if (!g_file_test(path, G_FILE_TEST_IS_DIR))
        return replay_file(path);
    dir = g_dir_open(path, 0, NULL);
    if (!dir) {
        fprintf(stderr, "fuzz_decide_replay: cannot open %s\n", path);
        exit(2);
    }
    while ((name = g_dir_read_name(dir)) != NULL) {
        gchar *full = g_build_filename(path, name, NULL);
        if (g_file_test(full, G_FILE_TEST_IS_REGULAR))
            count += replay_file(full);
        g_free(full);
    }
    g_dir_close(dir);
    return count;
}

static guint replay_random(const char *spec)
{
    guint count = 0, seed = 1, max_len = 512;
    GRand *rand;
    guint8 *buf;

    if (sscanf(spec, "%u:%u:%u", &count, &seed, &max_len) < 1 || max_len == 0) {
        fprintf(stderr, "fuzz_decide_replay: --random COUNT[:SEED[:MAXLEN]]\n");
        exit(2);
    }
    rand = g_rand_new_with_seed(seed);
    buf = g_malloc(max_len);
    for (guint i = 0; i < count; i++) {
        gsize len = (gsize)g_rand_int_range(rand, 0, (gint32)max_len + 1);
        for (gsize j = 0; j < len; j++)
            buf[j] = (guint8)g_rand_int_range(rand, 0, 256);
        LLVMFuzzerTestOneInput(buf, len);
    }
    g_free(buf);
    g_rand_free(rand);
    return count;
}

int main(int argc, char **argv)
{
    guint inputs = 0;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--random") == 0 && i + 1 < argc)
            inputs += replay_random(argv[++i]);
        else
            inputs += replay_path(argv[i]);
    }
    printf("fuzz_decide_replay: %u inputs ran\n", inputs);
    return 0;
}
