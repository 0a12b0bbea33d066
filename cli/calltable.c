/* Reads the per-call table tshark prints for `-z sipcodes,calls`:
 *
 *   SIP Response Insight: Calls:
 *   Filter for statistics: ...
 *   First frame |Call-ID |... |Attempts |
 *   SIP calls
 *   value |value |... |value |
 *   =====...
 *
 * Every cell is printed as "%s |"; the plugin replaces '|' inside values, so
 * splitting on '|' is exact. The header is compared in full: a plugin with
 * other columns must fail loudly, not fill the wrong fields. Numbers that
 * may be absent come right-aligned (the GUI sorts them as text).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "calltable.h"
#include "format.h"

#define TABLE_TITLE  "SIP Response Insight: Calls:"
#define TABLE_NAME   "SIP calls"
#define TABLE_HEADER "First frame |Call-ID |Start time (UTC) |From |To |Peer |Code |Reason " \
                     "|Disposition |Q.850 |PDD (ms) |Setup (ms) |Attempts |Duration (s) |Ended by " \
                     "|End reason |"

enum { C_FRAME, C_CALL_ID, C_START, C_FROM, C_TO, C_PEER, C_CODE, C_REASON, C_DISPOSITION,
       C_Q850, C_PDD, C_SETUP, C_ATTEMPTS, C_DURATION, C_ENDED_BY, C_END_REASON, C_COUNT };

void sc_call_row_free(gpointer data)
{
    sc_call_row *row = data;

    g_free(row->call_id);
    g_free(row->start_time);
    g_free(row->from);
    g_free(row->to);
    g_free(row->peer);
    g_free(row->reason);
    g_free(row->ended_by);
    g_free(row->end_reason);
    g_free(row->disposition);
    g_free(row);
}

static gboolean parse_uint(const char *text, guint *out)
{
    guint64 value;

    if (!g_ascii_string_to_unsigned(text, 10, 0, G_MAXUINT, &value, NULL))
        return FALSE;
    *out = (guint)value;
    return TRUE;
}

static gboolean parse_optional_uint(const char *text, gint *out)
{
    guint value;

    if (strcmp(text, "-") == 0) {
        *out = SC_NONE;
        return TRUE;
    }
    if (!parse_uint(text, &value) || value > G_MAXINT)
        return FALSE;
    *out = (gint)value;
    return TRUE;
}

/* "%.1f" or "%.3f" from the plugin; a locale may have made the point a
 * comma. */
static gboolean parse_optional_number(const char *text, double *out)
{
    char *copy, *end;
    gboolean ok;

    if (strcmp(text, "-") == 0) {
        *out = SC_NONE;
        return TRUE;
    }
    copy = g_strdelimit(g_strdup(text), ",", '.');
    *out = g_ascii_strtod(copy, &end);
    ok = *copy && *end == '\0' && *out >= 0;
    g_free(copy);
    return ok;
}

/* A cell is "value " followed by the '|' the split removed; a number that
 * may be absent is padded on the left. No value starts with a space. */
static char *cell(const char *raw)
{
    gsize len;

    while (*raw == ' ')
        raw++;
    len = strlen(raw);
    if (len > 0 && raw[len - 1] == ' ')
        len--;
    return g_strndup(raw, len);
}

static sc_call_row *parse_row(const char *line, guint file)
{
    char **parts = g_strsplit(line, "|", -1);
    char *cells[C_COUNT] = { NULL };
    sc_call_row *row = NULL;

    if (g_strv_length(parts) != C_COUNT + 1 || parts[C_COUNT][0] != '\0')
        goto done;
    for (guint i = 0; i < C_COUNT; i++) {
        char *raw = cell(parts[i]);
        cells[i] = sc_utf8_copy(raw);
        g_free(raw);
    }
    row = g_new0(sc_call_row, 1);
    if (!parse_uint(cells[C_FRAME], &row->first_frame) ||
        !parse_uint(cells[C_CODE], &row->code) ||
        !parse_uint(cells[C_ATTEMPTS], &row->attempts) ||
        !parse_optional_uint(cells[C_Q850], &row->q850) ||
        !parse_optional_number(cells[C_PDD], &row->pdd_ms) ||
        !parse_optional_number(cells[C_SETUP], &row->setup_ms) ||
        !parse_optional_number(cells[C_DURATION], &row->duration_s)) {
        g_free(row);
        row = NULL;
        goto done;
    }
    row->file = file;
    row->call_id = g_steal_pointer(&cells[C_CALL_ID]);
    row->start_time = g_steal_pointer(&cells[C_START]);
    row->from = g_steal_pointer(&cells[C_FROM]);
    row->to = g_steal_pointer(&cells[C_TO]);
    row->disposition = g_steal_pointer(&cells[C_DISPOSITION]);
    if (strcmp(cells[C_REASON], "-") != 0)
        row->reason = g_steal_pointer(&cells[C_REASON]);
    if (strcmp(cells[C_PEER], "-") != 0)
        row->peer = g_steal_pointer(&cells[C_PEER]);
    if (strcmp(cells[C_ENDED_BY], "-") != 0)
        row->ended_by = g_steal_pointer(&cells[C_ENDED_BY]);
    if (strcmp(cells[C_END_REASON], "-") != 0)
        row->end_reason = g_steal_pointer(&cells[C_END_REASON]);

done:
    for (guint i = 0; i < C_COUNT; i++)
        g_free(cells[i]);
    g_strfreev(parts);
    return row;
}

static void bad_table(GError **error, const char *what, const char *line)
{
    char *shown = sc_utf8_copy(line);

    g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                "tshark's sipcodes,calls table %s: '%.200s'. The plugin tshark loads and "
                "this command do not match; install both from the same build.", what, shown);
    g_free(shown);
}

GPtrArray *sc_calltable_parse(const char *tshark_stdout, guint file, GError **error)
{
    char **lines = g_strsplit(tshark_stdout, "\n", -1);
    GPtrArray *rows = g_ptr_array_new_with_free_func(sc_call_row_free);
    guint i = 0;

    for (char **l = lines; *l; l++)
        g_strchomp(*l);   /* "\r" if anything ever adds one */
    while (lines[i] && strcmp(lines[i], TABLE_TITLE) != 0)
        i++;
    if (!lines[i]) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "tshark printed no sipcodes,calls table. Is the plugin tshark loads "
                    "a sipcodes plugin of this version?");
        goto fail;
    }
    i++;
    if (lines[i] && g_str_has_prefix(lines[i], "Filter for statistics:"))
        i++;
    if (!lines[i] || strcmp(lines[i], TABLE_HEADER) != 0) {
        bad_table(error, "has unexpected columns", lines[i] ? lines[i] : "");
        goto fail;
    }
    i++;
    if (lines[i] && strcmp(lines[i], TABLE_NAME) == 0)
        i++;
    for (; lines[i] && !g_str_has_prefix(lines[i], "====="); i++) {
        sc_call_row *row = parse_row(lines[i], file);
        if (!row) {
            bad_table(error, "has a row this command cannot read", lines[i]);
            goto fail;
        }
        g_ptr_array_add(rows, row);
    }
    if (!lines[i]) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "tshark's sipcodes,calls table ended early; tshark did not finish it");
        goto fail;
    }
    g_strfreev(lines);
    return rows;

fail:
    g_strfreev(lines);
    g_ptr_array_free(rows, TRUE);
    return NULL;
}
