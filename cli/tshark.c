/* Finding tshark and checking it can run the sipcodes plugin.
 *
 * It is tshark that loads the plugin, from the folders it chooses, so the
 * only reliable check is to ask tshark itself (`-G plugins`), as whatever
 * user runs this command.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "format.h"
#include "tshark.h"

#define PLUGIN_FILE "sipcodes.so"

static char *find_program(const char *requested, GError **error)
{
    char *path;

    if (!requested) {
        path = g_find_program_in_path("tshark");
        if (!path)
            g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                        "tshark was not found in PATH. Install it (Debian and Ubuntu: "
                        "apt-get install tshark) or name it with --tshark PATH.");
        return path;
    }
    if (strchr(requested, '/')) {
        if (g_file_test(requested, G_FILE_TEST_IS_REGULAR) &&
            g_file_test(requested, G_FILE_TEST_IS_EXECUTABLE))
            return g_strdup(requested);
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "--tshark %s: no executable file there. Give the path of tshark "
                    "(often /usr/bin/tshark).", requested);
        return NULL;
    }
    path = g_find_program_in_path(requested);
    if (!path)
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "--tshark %s: not found in PATH. Give the full path of tshark.", requested);
    return path;
}

/* What tshark said, without its "Running as user root" chatter. */
static char *tshark_message(const char *err)
{
    char **lines = g_strsplit(err ? err : "", "\n", -1);
    GString *message = g_string_new(NULL);
    char *raw, *valid;

    for (char **line = lines; *line; line++) {
        const char *text = g_strstrip(*line);
        if (!*text || g_str_has_prefix(text, "Running as user"))
            continue;
        if (g_str_has_prefix(text, "tshark: "))
            text += strlen("tshark: ");
        if (message->len)
            g_string_append(message, " ");
        g_string_append(message, text);
        if (message->len > 400)
            break;
    }
    g_strfreev(lines);
    raw = g_string_free(message, FALSE);
    valid = sc_utf8_copy(raw);
    g_free(raw);
    return valid;
}

static gboolean job_ran(const sc_job *job, const char *program, GError **error)
{
    char *message;

    if (job->error) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED, "could not run %s: %s",
                    program, job->error->message);
        return FALSE;
    }
    if (job->exit_status == 0)
        return TRUE;
    message = tshark_message(job->err);
    if (job->signal)
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED, "%s %s was killed by signal %d. %s",
                    program, job->argv[1], job->signal, message);
    else
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED, "%s %s failed (exit status %d): %s",
                    program, job->argv[1], job->exit_status, *message ? message : "no message");
    g_free(message);
    return FALSE;
}

static gboolean parse_abi(const char *text, guint *major, guint *minor)
{
    return sscanf(text, "%u.%u", major, minor) == 2;
}

/* `tshark --version` starts "TShark (Wireshark) 4.0.17 (...)". */
static gboolean check_version(const sc_job *job, sc_tshark *ts, GError **error)
{
    const char *prefix = "TShark (Wireshark) ";
    guint major, minor, want_major = 0, want_minor = 0;
    char *first_line;
    gsize len;

    if (!job_ran(job, ts->tshark, error))
        return FALSE;
    len = strcspn(job->out, "\n");
    first_line = g_strndup(job->out, len);
    if (!g_str_has_prefix(first_line, prefix) ||
        !parse_abi(first_line + strlen(prefix), &major, &minor)) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "%s does not look like tshark: its --version printed '%s'",
                    ts->tshark, first_line);
        g_free(first_line);
        return FALSE;
    }
    /* "4.0.17 (Git ...)" in 4.0, "4.4.18." in 4.4: digits and dots, no final dot. */
    len = strspn(first_line + strlen(prefix), "0123456789.");
    ts->version = g_strndup(first_line + strlen(prefix), len);
    while (len > 0 && ts->version[len - 1] == '.')
        ts->version[--len] = '\0';
    g_free(first_line);
    parse_abi(SIPCODES_WIRESHARK_ABI, &want_major, &want_minor);
    if (major == want_major && minor == want_minor)
        return TRUE;
    if (major < want_major || (major == want_major && minor < want_minor))
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "%s is tshark %s, too old for this sipcodes, which was built for "
                    "Wireshark %s. Install tshark %s, or rebuild sipcodes against the "
                    "Wireshark you have (its wireshark-dev package).",
                    ts->tshark, ts->version, SIPCODES_WIRESHARK_ABI, SIPCODES_WIRESHARK_ABI);
    else
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "%s is tshark %s, but this sipcodes and its plugin were built for "
                    "Wireshark %s, and a plugin loads only in the major.minor it was built "
                    "for. Rebuild sipcodes against Wireshark %u.%u (its wireshark-dev "
                    "package), or use a tshark %s with --tshark PATH.",
                    ts->tshark, ts->version, SIPCODES_WIRESHARK_ABI, major, minor,
                    SIPCODES_WIRESHARK_ABI);
    return FALSE;
}

/* The personal plugin folder tshark uses for this user, for the advice. */
static char *personal_plugin_folder(const sc_tshark *ts)
{
    char **argv = g_new0(char *, 4);
    sc_job job;
    char *folder = NULL;

    argv[0] = g_strdup(ts->tshark);
    argv[1] = g_strdup("-G");
    argv[2] = g_strdup("folders");
    sc_job_init(&job, argv);
    sc_jobs_run(&job, 1, 1);
    if (sc_job_succeeded(&job)) {
        char **lines = g_strsplit(job.out, "\n", -1);
        for (char **line = lines; *line && !folder; line++) {
            if (g_str_has_prefix(*line, "Personal Plugins:")) {
                const char *tab = strchr(*line, '\t');
                if (tab)
                    folder = g_strdup_printf("%s/epan", g_strstrip((char *)tab + 1));
            }
        }
        g_strfreev(lines);
    }
    sc_job_clear(&job);
    return folder;
}

static void plugin_missing(const sc_tshark *ts, const sc_job *job, GError **error)
{
    GString *message = g_string_new(NULL);
    char *said = tshark_message(job->err);

    g_string_append_printf(message, "%s does not load the sipcodes plugin (it is not in "
                           "'tshark -G plugins').", ts->tshark);
    if (strstr(said, PLUGIN_FILE))
        g_string_append_printf(message, " tshark said: %s", said);
    if (getuid() == 0 || geteuid() == 0) {
        g_string_append(message,
            "\nYou are running as root, and tshark ignores personal plugin folders "
            "(~/.local/lib/wireshark/plugins) for root. Either install the plugin into "
            "Wireshark's global plugin folder:\n"
            "    cmake -B build -DSIPCODES_INSTALL_GLOBAL=ON && cmake --install build\n"
            "or run sipcodes as a normal user who has the plugin installed.");
    } else {
        char *folder = personal_plugin_folder(ts);
        g_string_append_printf(message,
            "\nInstall it for your user with 'cmake --install build' (it goes to %s), "
            "or for everyone with 'cmake -B build -DSIPCODES_INSTALL_GLOBAL=ON && "
            "cmake --install build'.",
            folder ? folder : "~/.local/lib/wireshark/plugins/" SIPCODES_WIRESHARK_ABI "/epan");
        g_free(folder);
    }
    g_set_error_literal(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED, message->str);
    g_string_free(message, TRUE);
    g_free(said);
}

/* A line of `tshark -G plugins`: "sipcodes.so<TAB>0.1.0<TAB>dissector<TAB>/path". */
static gboolean check_plugin(const sc_job *job, const sc_tshark *ts, GError **error)
{
    char **lines;
    gboolean found = FALSE, ok = FALSE;

    if (!job_ran(job, ts->tshark, error))
        return FALSE;
    lines = g_strsplit(job->out, "\n", -1);
    for (char **line = lines; *line && !found; line++) {
        char **columns = g_strsplit(*line, "\t", 4);
        if (g_strv_length(columns) >= 4 && strcmp(g_strstrip(columns[0]), PLUGIN_FILE) == 0) {
            const char *version = g_strstrip(columns[1]);
            found = TRUE;
            ok = strcmp(version, SIPCODES_VERSION) == 0;
            /* The kb is compiled into both: different versions may disagree. */
            if (!ok)
                g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                            "tshark loads sipcodes plugin %s (%s), but this command is "
                            "sipcodes %s. Install the plugin and the command from the same "
                            "build ('cmake --install build') so that they explain codes the "
                            "same way.", version, g_strstrip(columns[3]), SIPCODES_VERSION);
        }
        g_strfreev(columns);
    }
    g_strfreev(lines);
    if (!found)
        plugin_missing(ts, job, error);
    return ok;
}

static char **argv_of(const char *program, const char *a, const char *b)
{
    char **argv = g_new0(char *, 4);

    argv[0] = g_strdup(program);
    argv[1] = g_strdup(a);
    argv[2] = g_strdup(b);
    return argv;
}

gboolean sc_tshark_prepare(const char *requested, sc_tshark *ts, GError **error)
{
    sc_job jobs[2];
    gboolean ok;

    memset(ts, 0, sizeof *ts);
    ts->tshark = find_program(requested, error);
    if (!ts->tshark)
        return FALSE;
    /* Both take a moment (tshark registers every dissector): run them together. */
    sc_job_init(&jobs[0], argv_of(ts->tshark, "--version", NULL));
    sc_job_init(&jobs[1], argv_of(ts->tshark, "-G", "plugins"));
    sc_jobs_run(jobs, 2, 2);
    ok = check_version(&jobs[0], ts, error) && check_plugin(&jobs[1], ts, error);
    sc_job_clear(&jobs[0]);
    sc_job_clear(&jobs[1]);
    return ok;
}

void sc_tshark_clear(sc_tshark *ts)
{
    g_free(ts->tshark);
    g_free(ts->version);
    memset(ts, 0, sizeof *ts);
}

char *sc_tshark_find_mergecap(const sc_tshark *ts, GError **error)
{
    char *dir = g_path_get_dirname(ts->tshark);
    char *beside = g_build_filename(dir, "mergecap", NULL);
    char *path;

    g_free(dir);
    if (g_file_test(beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
    g_free(beside);
    path = g_find_program_in_path("mergecap");
    if (!path)
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "mergecap was not found (beside %s or in PATH), and a call spans "
                    "several of the captures, so they must be merged. Install it (Debian "
                    "and Ubuntu: package wireshark-common).", ts->tshark);
    return path;
}

char **sc_tshark_calls_argv(const sc_tshark *ts, const char *capture, const char *filter)
{
    GPtrArray *argv = g_ptr_array_new();

    g_ptr_array_add(argv, g_strdup(ts->tshark));
    /* -2: outcomes are only final once the whole capture has been seen.
     * -n: no name resolution, nothing here needs it and DNS is slow. */
    g_ptr_array_add(argv, g_strdup("-n"));
    g_ptr_array_add(argv, g_strdup("-2"));
    g_ptr_array_add(argv, g_strdup("-q"));
    g_ptr_array_add(argv, g_strdup("-r"));
    g_ptr_array_add(argv, g_strdup(capture));
    g_ptr_array_add(argv, g_strdup("-z"));
    g_ptr_array_add(argv, filter ? g_strconcat("sipcodes,calls,", filter, NULL)
                                 : g_strdup("sipcodes,calls"));
    g_ptr_array_add(argv, NULL);
    return (char **)g_ptr_array_free(argv, FALSE);
}

void sc_tshark_explain_failure(const sc_job *job, const char *display_name,
                               const char *filter, GError **error)
{
    char *said;

    if (job->error) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED, "could not run %s: %s",
                    job->argv[0], job->error->message);
        return;
    }
    said = tshark_message(job->err);
    if (filter && strstr(said, "register tap"))
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "--filter '%s' is not a valid display filter: %s", filter, said);
    else if (strstr(said, "cut short in the middle of a packet"))
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "%s is cut short in the middle of a packet (the capture was interrupted), "
                    "so a report would miss its end. 'editcap %s fixed.pcapng' saves the "
                    "complete packets into a copy to report on.", display_name, display_name);
    else if (job->signal)
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "tshark was killed by signal %d while reading %s%s%s", job->signal,
                    display_name, *said ? ": " : "", said);
    else
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "tshark could not read %s (exit status %d): %s", display_name,
                    job->exit_status, *said ? said : "it gave no reason");
    g_free(said);
}
