/* `sipcodes report`: the per-call outcomes of one or more captures.
 *
 * Each capture is read by its own tshark, several at once. Rotated
 * ring-buffer files can split a call, and a call's outcome needs all of its
 * messages: when a Call-ID shows up in more than one file, the files are
 * merged with mergecap and read again as one trace. Otherwise the per-file
 * tables already are the answer.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "cli.h"
#include "report.h"
#include "calltable.h"
#include "capfile.h"
#include "jobs.h"
#include "tshark.h"

typedef struct {
    char  *format;
    char  *filter;
    char  *tshark;
    char **captures;
} report_options;

static GOptionContext *report_context(report_options *opts)
{
    GOptionEntry entries[] = {
        { "format", 0, 0, G_OPTION_ARG_STRING, &opts->format,
          "Output format: text (default), csv or json", "FORMAT" },
        { "filter", 0, 0, G_OPTION_ARG_STRING, &opts->filter,
          "Only calls whose packets match this Wireshark display filter", "DFILTER" },
        { "tshark", 0, 0, G_OPTION_ARG_FILENAME, &opts->tshark,
          "The tshark to run (default: tshark from PATH)", "PATH" },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts->captures, NULL, NULL },
        { NULL, 0, 0, 0, NULL, NULL, NULL }
    };
    GOptionContext *context = g_option_context_new("CAPTURE...");

    g_option_context_set_summary(context,
        "Runs tshark with the sipcodes plugin over the captures and prints every call's\n"
        "outcome, then calls by outcome, ASR, NER and the top failure codes with what to\n"
        "do about them. Several files (e.g. a ring buffer) are read as one trace.");
    g_option_context_set_description(context,
        "Examples:\n"
        "  sipcodes report trace.pcapng\n"
        "  sipcodes report ring_*.pcapng --format csv > calls.csv\n"
        "  sipcodes report trace.pcap --format json --filter 'ip.addr == 192.0.2.10'\n");
    g_option_context_add_main_entries(context, entries, NULL);
    return context;
}

char *sc_report_help(void)
{
    report_options opts = { 0 };
    GOptionContext *context = report_context(&opts);
    char *help = g_option_context_get_help(context, TRUE, NULL);

    g_option_context_free(context);
    return help;
}

static gboolean check_captures(char **captures, GError **error)
{
    for (guint i = 0; captures[i]; i++) {
        for (guint j = 0; j < i; j++) {
            if (sc_capture_same_file(captures[i], captures[j])) {
                char *name = g_filename_display_name(captures[i]);
                g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                            "%s is given twice; every capture may appear only once", name);
                g_free(name);
                return FALSE;
            }
        }
    }
    for (guint i = 0; captures[i]; i++) {
        char *name = g_filename_display_name(captures[i]);
        gboolean ok = sc_capture_check(captures[i], name, error);
        g_free(name);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

/* Runs `jobs` and reads each one's table; rows of job i get file index i. */
static GPtrArray *read_tables(sc_job *jobs, guint n_jobs, char **display_names,
                              const char *filter, GError **error)
{
    GPtrArray *all = g_ptr_array_new_with_free_func(sc_call_row_free);

    sc_jobs_run(jobs, n_jobs, MIN(n_jobs, (guint)g_get_num_processors()));
    for (guint i = 0; i < n_jobs; i++) {
        GPtrArray *rows;
        if (!sc_job_succeeded(&jobs[i])) {
            sc_tshark_explain_failure(&jobs[i], display_names[i], filter, error);
            goto fail;
        }
        rows = sc_calltable_parse(jobs[i].out, i, error);
        if (!rows) {
            g_prefix_error(error, "%s: ", display_names[i]);
            goto fail;
        }
        g_ptr_array_extend_and_steal(all, rows);
    }
    return all;

fail:
    g_ptr_array_free(all, TRUE);
    return NULL;
}

static gboolean call_ids_span_files(GPtrArray *rows)
{
    GHashTable *file_of = g_hash_table_new(g_str_hash, g_str_equal);
    gboolean spans = FALSE;

    for (guint i = 0; i < rows->len && !spans; i++) {
        const sc_call_row *row = g_ptr_array_index(rows, i);
        gpointer seen;
        if (g_hash_table_lookup_extended(file_of, row->call_id, NULL, &seen))
            spans = GPOINTER_TO_UINT(seen) != row->file;
        else
            g_hash_table_insert(file_of, row->call_id, GUINT_TO_POINTER(row->file));
    }
    g_hash_table_destroy(file_of);
    return spans;
}

/* A merged trace's frame numbers mean nothing to someone holding the
 * original files: point each call at the file and frame where it starts,
 * i.e. its per-file row with the earliest start. */
static void locate_in_files(GPtrArray *merged, GPtrArray *per_file)
{
    GHashTable *first = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < per_file->len; i++) {
        sc_call_row *row = g_ptr_array_index(per_file, i);
        sc_call_row *known = g_hash_table_lookup(first, row->call_id);
        if (!known || strcmp(row->start_time, known->start_time) < 0)
            g_hash_table_insert(first, row->call_id, row);
    }
    for (guint i = 0; i < merged->len; i++) {
        sc_call_row *row = g_ptr_array_index(merged, i);
        const sc_call_row *start = g_hash_table_lookup(first, row->call_id);
        if (start) {
            row->file = start->file;
            row->first_frame = start->first_frame;
        }
    }
    g_hash_table_destroy(first);
}

static GPtrArray *read_merged(const sc_tshark *ts, char **captures, guint n_captures,
                              const char *filter, GError **error)
{
    char *mergecap = sc_tshark_find_mergecap(ts, error);
    char *merged_path = NULL;
    char *display = g_strdup("the merged captures");
    GPtrArray *rows = NULL;
    GPtrArray *argv;
    sc_job job;
    int fd;

    if (!mergecap)
        goto done;
    fd = g_file_open_tmp("sipcodes-merged-XXXXXX.pcapng", &merged_path, error);
    if (fd < 0) {
        g_prefix_error(error, "cannot create a file to merge the captures into: ");
        goto done;
    }
    close(fd);
    argv = g_ptr_array_new();
    g_ptr_array_add(argv, g_strdup(mergecap));
    g_ptr_array_add(argv, g_strdup("-F"));
    g_ptr_array_add(argv, g_strdup("pcapng"));
    g_ptr_array_add(argv, g_strdup("-w"));
    g_ptr_array_add(argv, g_strdup(merged_path));
    for (guint i = 0; i < n_captures; i++)
        g_ptr_array_add(argv, g_strdup(captures[i]));
    g_ptr_array_add(argv, NULL);
    sc_job_init(&job, (char **)g_ptr_array_free(argv, FALSE));
    sc_jobs_run(&job, 1, 1);
    if (!sc_job_succeeded(&job)) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "mergecap could not merge the captures (a call spans several of them, "
                    "so they must be read as one trace): %s",
                    job.error ? job.error->message : g_strstrip(job.err));
        sc_job_clear(&job);
        goto done;
    }
    sc_job_clear(&job);
    sc_job_init(&job, sc_tshark_calls_argv(ts, merged_path, filter));
    rows = read_tables(&job, 1, &display, filter, error);
    if (rows) {
        for (guint i = 0; i < rows->len; i++)
            ((sc_call_row *)g_ptr_array_index(rows, i))->file = SC_FILE_MERGED;
    }
    sc_job_clear(&job);

done:
    if (merged_path)
        g_unlink(merged_path);
    g_free(merged_path);
    g_free(mergecap);
    g_free(display);
    return rows;
}

static gint by_start(gconstpointer a, gconstpointer b)
{
    const sc_call_row *x = *(sc_call_row *const *)a, *y = *(sc_call_row *const *)b;
    int c = strcmp(x->start_time, y->start_time);

    if (c)
        return c;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->first_frame < y->first_frame ? -1 : x->first_frame > y->first_frame;
}

static gboolean build_report(const report_options *opts, sc_report *report, GError **error)
{
    guint n = report->n_files;
    sc_tshark ts;
    sc_job *jobs;
    GPtrArray *rows;

    if (!check_captures(opts->captures, error))
        return FALSE;
    if (!sc_tshark_prepare(opts->tshark, &ts, error))
        return FALSE;
    jobs = g_new0(sc_job, n);
    for (guint i = 0; i < n; i++)
        sc_job_init(&jobs[i], sc_tshark_calls_argv(&ts, opts->captures[i], report->filter));
    rows = read_tables(jobs, n, report->files, report->filter, error);
    for (guint i = 0; i < n; i++)
        sc_job_clear(&jobs[i]);
    g_free(jobs);
    if (rows && n > 1 && call_ids_span_files(rows)) {
        GPtrArray *merged = read_merged(&ts, opts->captures, n, report->filter, error);
        if (merged)
            locate_in_files(merged, rows);
        g_ptr_array_free(rows, TRUE);
        rows = merged;
        report->merged = TRUE;
    }
    sc_tshark_clear(&ts);
    if (!rows)
        return FALSE;
    /* Dialogs without their INVITE served to find calls split across
     * files; they are no calls. */
    for (guint i = rows->len; i-- > 0;) {
        if (!sc_row_is_call(g_ptr_array_index(rows, i))) {
            report->without_invite++;
            g_ptr_array_remove_index(rows, i);
        }
    }
    g_ptr_array_sort(rows, by_start);
    report->rows = rows;
    sc_summary_compute(&report->summary, rows);
    report->summary.without_invite = report->without_invite;
    return TRUE;
}

gboolean sc_cmd_report(int argc, char **argv, GString *out, GError **error)
{
    report_options opts = { 0 };
    GOptionContext *context = report_context(&opts);
    sc_format format = SC_FORMAT_TEXT;
    sc_report report = { 0 };
    gboolean ok = FALSE;

    if (!sc_parse_options(context, &argc, &argv, error))
        goto done;
    if (opts.format && !sc_format_parse(opts.format, &format, error))
        goto done;
    if (!opts.captures || !opts.captures[0]) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "report needs at least one capture file, e.g. 'sipcodes report trace.pcapng'");
        goto done;
    }
    report.n_files = g_strv_length(opts.captures);
    report.files = g_new0(char *, report.n_files + 1);
    for (guint i = 0; i < report.n_files; i++)
        report.files[i] = g_filename_display_name(opts.captures[i]);
    report.filter = opts.filter && *g_strstrip(opts.filter) ? opts.filter : NULL;
    if (!build_report(&opts, &report, error))
        goto done;
    sc_report_render(out, &report, format);
    ok = TRUE;

done:
    if (report.rows)
        g_ptr_array_free(report.rows, TRUE);
    sc_summary_clear(&report.summary);
    g_strfreev(report.files);
    g_free(opts.format);
    g_free(opts.filter);
    g_free(opts.tshark);
    g_strfreev(opts.captures);
    g_option_context_free(context);
    return ok;
}
