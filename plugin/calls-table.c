/* calls-table.c
 * The per-call table "SIP Response Insight: Calls": one row per call, for
 * the GUI's table dialog and for tshark -z sipcodes,calls.
 *
 * It only renders what the outcome machine decided. A call's row is made
 * when the call is first seen and updated on every frame that changed the
 * call, so the last update holds where the call stands. A dialog whose
 * initial INVITE the capture lacks gets a row that says so (no call, in no
 * KPI), so that its Call-ID can be found and sipcodes report can tell a
 * call split across files.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/stat_tap_ui.h>

#include "compat.h"
#include "kb/reason_text.h"
#include "sipcodes.h"
#include "stats-sipcodes.h"
#include "calls-table.h"


/* Wireshark's table dialog (4.0, 4.4 and 4.6 alike) sorts by the first
 * column when it opens, and sorts a number column by value: with the first
 * frame first, the table opens in the order the calls began, as tshark
 * prints it (rows are made in first-INVITE order). */
enum {
    COL_FIRST_FRAME,
    COL_CALL_ID,
    COL_START,
    COL_FROM,
    COL_TO,
    COL_PEER,
    COL_CODE,
    COL_REASON,
    COL_DISPOSITION,
    COL_Q850,
    COL_PDD,
    COL_SETUP,
    COL_ATTEMPTS,
    COL_DURATION,
    COL_ENDED_BY,
    COL_END_REASON,
    COL_COUNT
};

static stat_tap_table_item call_table_columns[COL_COUNT] = {
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "First frame",     "%u" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Call-ID",         "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Start time (UTC)", "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "From",            "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "To",              "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Peer",            "%s" },
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "Code",            "%u" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Reason",          "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Disposition",     "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "Q.850",           "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "PDD (ms)",        "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "Setup (ms)",      "%s" },
    { TABLE_ITEM_UINT,   TAP_ALIGN_RIGHT, "Attempts",        "%u" },
    { TABLE_ITEM_STRING, TAP_ALIGN_RIGHT, "Duration (s)",    "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "Ended by",        "%s" },
    { TABLE_ITEM_STRING, TAP_ALIGN_LEFT,  "End reason",      "%s" },
};

#define CALL_TABLE_TITLE "SIP calls"

/* Row + 1 by call serial, per table (the table API offers no user pointer). */
static GHashTable *rows_by_table;

static GArray *rows_of(stat_tap_table *table)
{
    GArray *rows;

    if (!rows_by_table)
        rows_by_table = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                              (GDestroyNotify)g_array_unref);
    rows = (GArray *)g_hash_table_lookup(rows_by_table, table);
    if (!rows) {
        rows = g_array_new(FALSE, TRUE, sizeof(guint));
        g_hash_table_insert(rows_by_table, table, rows);
    }
    return rows;
}

static void call_table_init(stat_tap_table_ui *ui)
{
    stat_tap_table *table = stat_tap_find_table(ui, CALL_TABLE_TITLE);

    if (!table) {
        table = stat_tap_init_table(CALL_TABLE_TITLE, COL_COUNT, 0, "sip.Call-ID == \"%s\"");
        stat_tap_add_table(ui, table);
    }
    rows_of(table);
}

/* tshark prints the table as "value |" columns: a '|' inside a value (a
 * vendor reason phrase, a display name) would shift every column after it
 * for anyone who parses the output. */
static char *table_text(const char *value)
{
    return g_strdelimit(g_strdup(value ? value : ""), "|", '/');
}

static void set_string(stat_tap_table *table, guint row, guint col, char *value)
{
    stat_tap_table_item_type *item = stat_tap_get_field_data(table, row, col);

    g_free((char *)item->value.string_value);
    item->type = TABLE_ITEM_STRING;
    item->value.string_value = value;
    stat_tap_set_field_data(table, row, col, item);
}

static void set_uint(stat_tap_table *table, guint row, guint col, guint value)
{
    stat_tap_table_item_type *item = stat_tap_get_field_data(table, row, col);

    item->type = TABLE_ITEM_UINT;
    item->value.uint_value = value;
    stat_tap_set_field_data(table, row, col, item);
}

static char *format_start_time(double seconds)
{
    GDateTime *when = g_date_time_new_from_unix_utc((gint64)seconds);
    char *date = when ? g_date_time_format(when, "%Y-%m-%d %H:%M:%S") : g_strdup("?");
    char *text = g_strdup_printf("%s.%03d", date, (int)((seconds - (gint64)seconds) * 1000.0));

    g_free(date);
    if (when)
        g_date_time_unref(when);
    return text;
}

static guint new_call_row(stat_tap_table *table, const sc_call *call)
{
    stat_tap_table_item_type items[COL_COUNT];
    guint row = table->num_elements;

    memset(items, 0, sizeof items);
    for (int col = 0; col < COL_COUNT; col++)
        items[col].type = call_table_columns[col].type;
    items[COL_FIRST_FRAME].value.uint_value = call->first_frame;
    items[COL_CALL_ID].value.string_value = table_text(call->call_id);
    items[COL_START].value.string_value = format_start_time(call->start_time);
    items[COL_FROM].value.string_value = table_text(call->from);
    items[COL_TO].value.string_value = table_text(call->to);
    stat_tap_init_table_row(table, row, COL_COUNT, items);
    return row;
}

/* A number that may be absent ("-") is a text cell, and the GUI sorts text
 * cells as text ("112.7" before "5.7"). Right-aligned in a fixed width, the
 * texts sort as the numbers do: spaces sort before digits, and "-" before
 * any number. Wide enough for 27 hours in ms and every Q.850 cause. */
#define MS_WIDTH   10
#define Q850_WIDTH 3

static char *optional_ms(gboolean has, double ms)
{
    return has ? g_strdup_printf("%*.1f", MS_WIDTH, ms) : g_strdup_printf("%*s", MS_WIDTH, "-");
}

static char *optional_q850(gboolean has, guint cause)
{
    return has ? g_strdup_printf("%*u", Q850_WIDTH, cause) : g_strdup_printf("%*s", Q850_WIDTH, "-");
}

static char *optional_seconds(gboolean has, double seconds)
{
    return has ? g_strdup_printf("%*.3f", MS_WIDTH, seconds) : g_strdup_printf("%*s", MS_WIDTH, "-");
}

static const char *ended_by_text(sc_ended_by who)
{
    switch (who) {
    case SC_ENDED_BY_CALLER: return "caller";
    case SC_ENDED_BY_CALLEE: return "callee";
    case SC_ENDED_UNKNOWN:   break;
    }
    return "-";
}

static char *end_reason_text(const sc_call *call)
{
    char *text = sc_reasons_text(call->end_reasons, call->end_reason_count, call->end_by_cancel);
    char *cell = table_text(*text ? text : "-");

    g_free(text);
    return cell;
}

static void update_no_call_row(stat_tap_table *table, guint row)
{
    for (guint col = COL_PEER; col < COL_COUNT; col++) {
        if (call_table_columns[col].type == TABLE_ITEM_STRING)
            set_string(table, row, col, g_strdup("-"));
    }
    set_uint(table, row, COL_CODE, 0);
    set_uint(table, row, COL_ATTEMPTS, 0);
    set_string(table, row, COL_DISPOSITION, g_strdup(sc_kb_no_invite_label));
}

static void update_call_row(stat_tap_table *table, guint row, const sc_call *call)
{
    sc_call_standing standing = sc_call_standing_of(call);

    if (!call->invite_seen) {
        update_no_call_row(table, row);
        return;
    }

    set_uint(table, row, COL_CODE, standing.code);
    set_string(table, row, COL_REASON, table_text(call->outcome_known && call->decisive_reason
                                                  ? call->decisive_reason : "-"));
    set_string(table, row, COL_DISPOSITION, g_strdup(sc_disposition_name(standing.outcome)));
    set_string(table, row, COL_Q850, optional_q850(call->has_q850, call->q850_cause));
    set_string(table, row, COL_PDD, optional_ms(call->has_pdd, call->pdd_ms));
    set_string(table, row, COL_SETUP, optional_ms(call->has_setup_time, call->setup_time_ms));
    set_uint(table, row, COL_ATTEMPTS, call->attempts);
    set_string(table, row, COL_PEER, table_text(call->peer ? call->peer : "-"));
    set_string(table, row, COL_DURATION, optional_seconds(call->has_duration, call->duration_s));
    set_string(table, row, COL_ENDED_BY, g_strdup(ended_by_text(call->ended_by)));
    set_string(table, row, COL_END_REASON, end_reason_text(call));
}

static void table_tally_call(stat_tap_table *table, GArray *rows, const sc_call *call)
{
    guint *row_plus_one;

    if (call->serial >= rows->len)
        g_array_set_size(rows, MAX(call->serial + 1, rows->len * 2));
    row_plus_one = &g_array_index(rows, guint, call->serial);
    if (!*row_plus_one)
        *row_plus_one = new_call_row(table, call) + 1;
    update_call_row(table, *row_plus_one - 1, call);
}

static tap_packet_status call_table_packet(void *tapdata, packet_info *pinfo _U_, epan_dissect_t *edt _U_,
                                           const void *data, tap_flags_t flags _U_)
{
    stat_data_t *stat_data = (stat_data_t *)tapdata;
    const sc_frame_record *frame = (const sc_frame_record *)data;
    stat_tap_table *table = stat_tap_find_table(stat_data->stat_tap_data, CALL_TABLE_TITLE);
    GArray *rows;

    if (!frame || !table)
        return TAP_PACKET_DONT_REDRAW;
    rows = rows_of(table);
    for (guint i = 0; i < frame->changed_count; i++)
        table_tally_call(table, rows, frame->changed[i]);
    return frame->changed_count ? TAP_PACKET_REDRAW : TAP_PACKET_DONT_REDRAW;
}

static void call_table_reset(stat_tap_table *table)
{
    for (guint row = 0; row < table->num_elements; row++) {
        for (guint col = 0; col < table->num_fields; col++) {
            stat_tap_table_item_type *item = stat_tap_get_field_data(table, row, col);
            if (item->type == TABLE_ITEM_STRING) {
                g_free((char *)item->value.string_value);
                item->value.string_value = NULL;
            }
        }
    }
    table->num_elements = 0;
    if (rows_by_table)
        g_hash_table_remove(rows_by_table, table);
}

static void call_table_free_item(stat_tap_table *table _U_, guint row _U_, guint column _U_,
                                 stat_tap_table_item_type *item)
{
    if (item->type == TABLE_ITEM_STRING) {
        g_free((char *)item->value.string_value);
        item->value.string_value = NULL;
    }
}

/* ---- registration ------------------------------------------------------ */

void register_sipcodes_calls_table(void)
{
    static tap_param call_table_params[] = {
        { PARAM_FILTER, "filter", "Filter", NULL, TRUE }
    };
    static stat_tap_table_ui call_table_ui = {
        SC_STAT_GROUP_TELEPHONY,
        SC_MENU_ENTRY("Calls"),
        SIPCODES_TAP_NAME,
        "sipcodes,calls",
        call_table_init,
        call_table_packet,
        call_table_reset,
        call_table_free_item,
        NULL,
        G_N_ELEMENTS(call_table_columns), call_table_columns,
        G_N_ELEMENTS(call_table_params), call_table_params,
        NULL,
        0
    };

    register_stat_tap_table_ui(&call_table_ui);
}
