/* A report as a terminal table with a summary, as CSV (one row per call)
 * or as one JSON object with `calls` and `summary`.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "report.h"
#include "calltable.h"
#include "format.h"

#define TEXT_WIDTH 78
#define TOP_FAILURES 5

static const char *file_name(const sc_report *report, guint file)
{
    return file < report->n_files ? report->files[file] : "(merged)";
}

static char *ms_text(double ms)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    return ms < 0 ? g_strdup("-") : g_strdup(g_ascii_formatd(buf, sizeof buf, "%.1f", ms));
}

static char *seconds_text(double seconds)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    return seconds < 0 ? g_strdup("-") : g_strdup(g_ascii_formatd(buf, sizeof buf, "%.3f", seconds));
}

static double percent(guint part, guint whole)
{
    return whole ? 100.0 * part / whole : 0.0;
}

/* ---- text ---------------------------------------------------------------- */

static void text_calls(GString *out, const sc_report *report)
{
    static const sc_text_column columns[] = {
        { "Call-ID", FALSE }, { "Start (UTC)", FALSE }, { "From", FALSE }, { "To", FALSE },
        { "Code", TRUE }, { "Reason", FALSE }, { "Disposition", FALSE }, { "Q.850", TRUE },
        { "PDD ms", TRUE }, { "Setup ms", TRUE }, { "Attempts", TRUE }, { "Peer", FALSE },
        { "Duration s", TRUE }, { "Ended by", FALSE }, { "End reason", FALSE }, { "Frame", TRUE },
        { "Capture", FALSE },
    };
    /* One capture needs no Capture column. */
    guint n_columns = G_N_ELEMENTS(columns) - (report->n_files == 1 && !report->merged);
    GPtrArray *cells = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);

    for (guint i = 0; i < report->rows->len; i++) {
        const sc_call_row *row = g_ptr_array_index(report->rows, i);
        char **c = g_new0(char *, G_N_ELEMENTS(columns) + 1);
        c[0] = g_strdup(row->call_id);
        c[1] = g_strdup(row->start_time);
        c[2] = g_strdup(row->from);
        c[3] = g_strdup(row->to);
        c[4] = row->code ? g_strdup_printf("%u", row->code) : g_strdup("-");
        c[5] = g_strdup(row->reason ? row->reason : "-");
        c[6] = g_strdup(row->disposition);
        c[7] = row->q850 == SC_NONE ? g_strdup("-") : g_strdup_printf("%d", row->q850);
        c[8] = ms_text(row->pdd_ms);
        c[9] = ms_text(row->setup_ms);
        c[10] = g_strdup_printf("%u", row->attempts);
        c[11] = g_strdup(row->peer ? row->peer : "-");
        c[12] = seconds_text(row->duration_s);
        c[13] = g_strdup(row->ended_by ? row->ended_by : "-");
        c[14] = g_strdup(row->end_reason ? row->end_reason : "-");
        c[15] = g_strdup_printf("%u", row->first_frame);
        c[16] = g_strdup(file_name(report, row->file));
        g_ptr_array_add(cells, c);
    }
    if (cells->len)
        sc_text_table(out, columns, n_columns, cells);
    else
        g_string_append(out, "No calls (no INVITE) in the capture.\n");
    g_ptr_array_free(cells, TRUE);
}

static void text_summary(GString *out, const sc_report *report)
{
    const sc_summary *s = &report->summary;
    guint shown;

    g_string_append(out, "\nCalls by outcome\n");
    for (guint i = 0; i < s->outcomes->len; i++) {
        const sc_outcome_count *o = &g_array_index(s->outcomes, sc_outcome_count, i);
        g_string_append_printf(out, "  %-18s %6u  %5.1f%%\n", o->disposition, o->calls,
                               percent(o->calls, s->calls));
    }
    if (s->ended) {
        g_string_append_printf(out, "  ASR %5.1f%%  (%u of %u calls that ended were answered)\n",
                               percent(s->answered, s->ended), s->answered, s->ended);
        g_string_append_printf(out, "  NER %5.1f%%  (%u of %u calls that ended reached the callee: "
                               "answered, busy, no answer, declined or unwanted)\n",
                               percent(s->reached, s->ended), s->reached, s->ended);
    } else {
        g_string_append(out, "  ASR and NER: no call ended\n");
    }
    if (s->in_progress)
        g_string_append_printf(out, "  %u call%s still in progress when the capture ended: in no KPI\n",
                               s->in_progress, s->in_progress == 1 ? "" : "s");
    if (s->without_invite)
        g_string_append_printf(out, "  %u dialog%s without its INVITE (began before the capture): not counted "
                               "as calls\n", s->without_invite, s->without_invite == 1 ? "" : "s");
    if (s->failures->len == 0)
        return;
    g_string_append(out, "\nTop failure codes\n");
    shown = MIN(s->failures->len, TOP_FAILURES);
    for (guint i = 0; i < shown; i++) {
        const sc_failure_count *f = &g_array_index(s->failures, sc_failure_count, i);
        if (f->code == 0)
            g_string_append_printf(out, "  no final response: %u call%s\n", f->calls,
                                   f->calls == 1 ? "" : "s");
        else
            g_string_append_printf(out, "  %u %s: %u call%s\n", f->code,
                                   f->reason ? f->reason : "(unregistered code)", f->calls,
                                   f->calls == 1 ? "" : "s");
        if (f->action) {
            g_string_append(out, "      Action: ");
            sc_wrap(out, f->action, 14, 14, TEXT_WIDTH);
        }
    }
    if (s->failures->len > shown)
        g_string_append_printf(out, "  ... and %u more codes (--format json lists them all)\n",
                               s->failures->len - shown);
}

static void render_text(GString *out, const sc_report *report)
{
    g_string_append_printf(out, "sipcodes report: %u call%s in %u capture file%s",
                           report->summary.calls, report->summary.calls == 1 ? "" : "s",
                           report->n_files, report->n_files == 1 ? "" : "s");
    if (report->merged)
        g_string_append(out, " (read as one trace: calls span the files)");
    g_string_append(out, "\n");
    if (report->filter)
        g_string_append_printf(out, "Filter: %s\n", report->filter);
    g_string_append(out, "\n");
    text_calls(out, report);
    text_summary(out, report);
}

/* ---- CSV ----------------------------------------------------------------- */

static void csv_number(GString *out, double value, const char *format)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    if (value >= 0)
        g_string_append(out, g_ascii_formatd(buf, sizeof buf, format, value));
}

static void render_csv(GString *out, const sc_report *report)
{
    g_string_append(out, "capture,first_frame,call_id,start_time_utc,from,to,code,reason,"
                         "disposition,q850_cause,pdd_ms,setup_ms,attempts,peer,duration_s,ended_by,"
                         "end_reason");
    sc_csv_end_record(out);
    for (guint i = 0; i < report->rows->len; i++) {
        const sc_call_row *row = g_ptr_array_index(report->rows, i);
        sc_csv_field(out, file_name(report, row->file));   g_string_append_c(out, ',');
        sc_csv_uint_field(out, row->first_frame);           g_string_append_c(out, ',');
        sc_csv_untrusted_field(out, row->call_id);          g_string_append_c(out, ',');
        sc_csv_field(out, row->start_time);                 g_string_append_c(out, ',');
        sc_csv_untrusted_field(out, row->from);             g_string_append_c(out, ',');
        sc_csv_untrusted_field(out, row->to);               g_string_append_c(out, ',');
        if (row->code)
            sc_csv_uint_field(out, row->code);
        g_string_append_c(out, ',');
        sc_csv_untrusted_field(out, row->reason);           g_string_append_c(out, ',');
        sc_csv_field(out, row->disposition);                g_string_append_c(out, ',');
        if (row->q850 != SC_NONE)
            g_string_append_printf(out, "%d", row->q850);
        g_string_append_c(out, ',');
        csv_number(out, row->pdd_ms, "%.1f");               g_string_append_c(out, ',');
        csv_number(out, row->setup_ms, "%.1f");             g_string_append_c(out, ',');
        sc_csv_uint_field(out, row->attempts);              g_string_append_c(out, ',');
        sc_csv_field(out, row->peer);                       g_string_append_c(out, ',');
        csv_number(out, row->duration_s, "%.3f");           g_string_append_c(out, ',');
        sc_csv_field(out, row->ended_by);                   g_string_append_c(out, ',');
        sc_csv_untrusted_field(out, row->end_reason);
        sc_csv_end_record(out);
    }
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_number(GString *out, double value, const char *format)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append(out, value < 0 ? "null" : g_ascii_formatd(buf, sizeof buf, format, value));
}

static void json_percent(GString *out, guint part, guint whole)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    g_string_append(out, whole ? g_ascii_formatd(buf, sizeof buf, "%.1f", percent(part, whole))
                               : "null");
}

static void json_call(GString *out, const sc_report *report, const sc_call_row *row)
{
    gboolean first = TRUE;

    g_string_append_c(out, '{');
    sc_json_key(out, &first, "call_id");     sc_json_string(out, row->call_id);
    sc_json_key(out, &first, "capture");     sc_json_string(out, file_name(report, row->file));
    sc_json_key(out, &first, "first_frame"); g_string_append_printf(out, "%u", row->first_frame);
    sc_json_key(out, &first, "start_time_utc"); sc_json_string(out, row->start_time);
    sc_json_key(out, &first, "from");        sc_json_string(out, row->from);
    sc_json_key(out, &first, "to");          sc_json_string(out, row->to);
    sc_json_key(out, &first, "code");
    if (row->code)
        g_string_append_printf(out, "%u", row->code);
    else
        g_string_append(out, "null");
    sc_json_key(out, &first, "reason");      sc_json_string(out, row->reason);
    sc_json_key(out, &first, "disposition"); sc_json_string(out, row->disposition);
    sc_json_key(out, &first, "q850_cause");
    if (row->q850 != SC_NONE)
        g_string_append_printf(out, "%d", row->q850);
    else
        g_string_append(out, "null");
    sc_json_key(out, &first, "pdd_ms");      json_number(out, row->pdd_ms, "%.1f");
    sc_json_key(out, &first, "setup_ms");    json_number(out, row->setup_ms, "%.1f");
    sc_json_key(out, &first, "attempts");    g_string_append_printf(out, "%u", row->attempts);
    sc_json_key(out, &first, "peer");        sc_json_string(out, row->peer);
    sc_json_key(out, &first, "duration_s");  json_number(out, row->duration_s, "%.3f");
    sc_json_key(out, &first, "ended_by");    sc_json_string(out, row->ended_by);
    sc_json_key(out, &first, "end_reason");  sc_json_string(out, row->end_reason);
    g_string_append_c(out, '}');
}

static void json_summary(GString *out, const sc_report *report)
{
    const sc_summary *s = &report->summary;
    gboolean first = TRUE, first_item = TRUE;

    g_string_append_c(out, '{');
    sc_json_key(out, &first, "captures");
    g_string_append_c(out, '[');
    for (guint i = 0; i < report->n_files; i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        sc_json_string(out, report->files[i]);
    }
    g_string_append_c(out, ']');
    sc_json_key(out, &first, "files");      g_string_append_printf(out, "%u", report->n_files);
    sc_json_key(out, &first, "merged");     g_string_append(out, report->merged ? "true" : "false");
    sc_json_key(out, &first, "filter");     sc_json_string(out, report->filter);
    sc_json_key(out, &first, "calls");      g_string_append_printf(out, "%u", s->calls);
    sc_json_key(out, &first, "in_progress"); g_string_append_printf(out, "%u", s->in_progress);
    sc_json_key(out, &first, "dialogs_without_invite"); g_string_append_printf(out, "%u", s->without_invite);
    sc_json_key(out, &first, "ended");      g_string_append_printf(out, "%u", s->ended);
    sc_json_key(out, &first, "by_outcome");
    g_string_append_c(out, '{');
    for (guint i = 0; i < s->outcomes->len; i++) {
        const sc_outcome_count *o = &g_array_index(s->outcomes, sc_outcome_count, i);
        sc_json_key(out, &first_item, o->disposition);
        g_string_append_printf(out, "%u", o->calls);
    }
    g_string_append_c(out, '}');
    sc_json_key(out, &first, "answered");   g_string_append_printf(out, "%u", s->answered);
    sc_json_key(out, &first, "reached_callee"); g_string_append_printf(out, "%u", s->reached);
    sc_json_key(out, &first, "asr_percent"); json_percent(out, s->answered, s->ended);
    sc_json_key(out, &first, "ner_percent"); json_percent(out, s->reached, s->ended);
    sc_json_key(out, &first, "failures");
    g_string_append_c(out, '[');
    for (guint i = 0; i < s->failures->len; i++) {
        const sc_failure_count *f = &g_array_index(s->failures, sc_failure_count, i);
        gboolean first_field = TRUE;
        g_string_append(out, i ? ",\n  {" : "\n  {");
        sc_json_key(out, &first_field, "code");
        if (f->code)
            g_string_append_printf(out, "%u", f->code);
        else
            g_string_append(out, "null");
        sc_json_key(out, &first_field, "reason"); sc_json_string(out, f->reason);
        sc_json_key(out, &first_field, "calls");  g_string_append_printf(out, "%u", f->calls);
        sc_json_key(out, &first_field, "action"); sc_json_string(out, f->action);
        g_string_append_c(out, '}');
    }
    g_string_append(out, "]}");
}

static void render_json(GString *out, const sc_report *report)
{
    g_string_append(out, "{\"calls\":[");
    for (guint i = 0; i < report->rows->len; i++) {
        g_string_append(out, i ? ",\n  " : "\n  ");
        json_call(out, report, g_ptr_array_index(report->rows, i));
    }
    g_string_append(out, "],\n\"summary\":");
    json_summary(out, report);
    g_string_append(out, "}\n");
}

void sc_report_render(GString *out, const sc_report *report, sc_format format)
{
    switch (format) {
    case SC_FORMAT_TEXT: render_text(out, report); break;
    case SC_FORMAT_CSV:  render_csv(out, report); break;
    case SC_FORMAT_JSON: render_json(out, report); break;
    }
}
