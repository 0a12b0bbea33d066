/* How the program goes over a capture (see passes.h).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "passes.h"

/* tshark's short options that take an argument, in Wireshark 4.0 to 4.6
 * (capture_opts.h, ui/dissect_opts.h, tshark.c). In "-c2" the 2 is the
 * option's argument, not -2. A letter missing here can only make a stray
 * digit read as -2: the safe mistake. */
static const char tshark_options_with_argument[] = "abBcfisyAdKNtuMCeEFGHjJoOrRSTUwWXYz";

static gboolean is_tshark_two_pass(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];

        /* tshark stops at the first argument that is no option ("+" in
         * its option string): the rest is a capture filter. */
        if (arg[0] != '-' || arg[1] == '\0' || strcmp(arg, "--") == 0)
            return FALSE;
        if (arg[1] == '-') {
            if (strcmp(arg, "--two-pass") == 0)
                return TRUE;
            /* A long option's separate argument is skipped as an unknown
             * word would be: if it spells -2, the answer errs on the
             * safe side. */
            continue;
        }
        for (const char *p = arg + 1; *p; p++) {
            if (*p == '2')
                return TRUE;
            if (strchr(tshark_options_with_argument, *p)) {
                if (p[1] == '\0')
                    i++;        /* the argument is the next word */
                break;
            }
        }
    }
    return FALSE;
}

static gboolean program_is(const char *path, const char *name)
{
    const char *base = strrchr(path, '/');
    gsize len = strlen(name);

    base = base ? base + 1 : path;
    /* "tshark", "tshark.exe", "tshark-4.4": the name, then nothing or a
     * non-letter. */
    return strncmp(base, name, len) == 0 && !g_ascii_isalpha(base[len]);
}

sc_passes sc_passes_for_args(int argc, const char *const *argv)
{
    sc_passes unknown = { FALSE, TRUE };
    sc_passes gui = { TRUE, TRUE };
    sc_passes two_pass_tshark = { FALSE, TRUE };
    sc_passes one_pass_tshark = { TRUE, FALSE };

    if (argc < 1 || !argv || !argv[0])
        return unknown;
    if (program_is(argv[0], "wireshark"))
        return gui;
    if (program_is(argv[0], "tshark"))
        return is_tshark_two_pass(argc, argv) ? two_pass_tshark : one_pass_tshark;
    return unknown;
}

sc_passes sc_passes_of_this_process(void)
{
    gchar *contents = NULL;
    gsize length = 0;
    GPtrArray *args;
    sc_passes passes;

    if (!g_file_get_contents("/proc/self/cmdline", &contents, &length, NULL))
        return sc_passes_for_args(0, NULL);
    args = g_ptr_array_new();
    for (gsize start = 0; start < length; start += strlen(contents + start) + 1)
        g_ptr_array_add(args, contents + start);
    passes = sc_passes_for_args((int)args->len, (const char *const *)args->pdata);
    g_ptr_array_free(args, TRUE);
    g_free(contents);
    return passes;
}
