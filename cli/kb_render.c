/* Knowledge-base entries as text, CSV or JSON.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "kb_render.h"
#include "format.h"
#include "q850.h"

#define TEXT_WIDTH  78
#define LABEL_WIDTH 15   /* "Likely causes:" plus a blank */
#define VALUE_COLUMN (2 + LABEL_WIDTH)

/* ---- text ---------------------------------------------------------------- */

static void label(GString *out, const char *name)
{
    g_string_append_printf(out, "  %-*s", LABEL_WIDTH, name);
}

static void field(GString *out, const char *name, const char *value)
{
    if (!value)
        return;
    label(out, name);
    sc_wrap(out, value, VALUE_COLUMN, VALUE_COLUMN, TEXT_WIDTH);
}

static void field_take(GString *out, const char *name, char *value)
{
    field(out, name, value);
    g_free(value);
}

static void causes_field(GString *out, const sc_entry *e)
{
    guint n = 0;

    while (n < SC_MAX_CAUSES && e->causes[n])
        n++;
    if (n == 0)
        return;
    if (e->kind == SC_ENTRY_Q850) {
        field(out, "Likely cause:", e->causes[0]);
        return;
    }
    label(out, "Likely causes:");
    for (guint i = 0; i < n; i++) {
        if (i > 0)
            g_string_append_printf(out, "%*s", VALUE_COLUMN, "");
        g_string_append(out, "- ");
        sc_wrap(out, e->causes[i], VALUE_COLUMN + 2, VALUE_COLUMN + 2, TEXT_WIDTH);
    }
}

/* The words behind the retry and fault values (DESIGN 1.1). */
static const char *retry_gloss(const char *retry)
{
    if (g_strcmp0(retry, "later") == 0)
        return "later (back off first; honour Retry-After)";
    if (g_strcmp0(retry, "modified") == 0)
        return "modified (only after changing the request: credentials, session timer, codec...)";
    return retry;
}

static const char *fault_gloss(const char *fault)
{
    if (g_strcmp0(fault, "caller") == 0)
        return "caller (the request or the caller's own configuration)";
    if (g_strcmp0(fault, "network") == 0)
        return "network (proxies, trunks, the provider)";
    if (g_strcmp0(fault, "callee") == 0)
        return "callee (the called party or its equipment)";
    return fault;
}

static const char *sip_reason(guint code)
{
    const sc_code_info *info = sc_kb_code(code);
    return info ? info->reason : "";
}

static void sip_text(GString *out, const sc_entry *e)
{
    guint status_class = e->code / 100;

    if (e->explained_as) {
        g_string_append_printf(out, "%u (not a registered SIP status code)\n", e->code);
        field_take(out, "Note:", g_strdup_printf(
            "RFC 3261 8.1.3.2: a user agent treats an unknown %uxx response like %u %s, "
            "so what follows is the explanation of %u.",
            status_class, e->explained_as, e->explained_as_name, e->explained_as));
    } else if (g_strcmp0(e->registered, "historic") == 0) {
        g_string_append_printf(out, "%u %s (historic: RFC 2543 only, not in the IANA registry)\n",
                               e->code, e->name);
    } else {
        g_string_append_printf(out, "%u %s\n", e->code, e->name);
    }
    field_take(out, "Class:", g_strdup_printf("%s (%uxx)", e->category, status_class));
    field(out, "Defined in:", e->reference);
    field(out, "Meaning:", e->description);
    causes_field(out, e);
    field(out, "Action:", e->action);
    if (status_class == 2)
        field_take(out, "Disposition:", g_strdup_printf(
            "%s (as the answer to a call's INVITE; OK for any other request)", e->disposition));
    else
        field(out, "Disposition:", e->disposition);
    field(out, "Retry:", retry_gloss(e->retry));
    field(out, "Fault:", fault_gloss(e->fault));
    if (e->maps_to) {
        const sc_q850_info *cause = sc_q850_lookup(e->maps_to);
        field_take(out, "Q.850:", g_strdup_printf(
            "a gateway releases the PSTN side with cause %u (%s), RFC 3398 8.2.6.1",
            e->maps_to, cause ? cause->name : "?"));
    }
}

static void q850_text(GString *out, const sc_entry *e)
{
    if (e->name)
        g_string_append_printf(out, "Q.850 cause %u: %s\n", e->code, e->name);
    else
        g_string_append_printf(out, "Q.850 cause %u (unassigned in Q.850)\n", e->code);
    field(out, "Class:", e->category);
    field(out, "Defined in:", e->reference);
    field(out, "Meaning:", e->description);
    causes_field(out, e);
    field(out, "Action:", e->action);
    if (e->maps_to) {
        GString *map = g_string_new(NULL);
        g_string_append_printf(map, "%u %s (RFC 3398 7.2.4.1%s)", e->maps_to,
                               sip_reason(e->maps_to),
                               e->maps_to_default ? " default: no specific mapping" : "");
        if (e->maps_to_alt)
            g_string_append_printf(map, "; or %u %s", e->maps_to_alt, sip_reason(e->maps_to_alt));
        if (e->maps_to_note)
            g_string_append_printf(map, ": %s", e->maps_to_note);
        field(out, "SIP status:", map->str);
        g_string_free(map, TRUE);
    } else if (e->maps_to_note) {
        field_take(out, "SIP status:", g_strdup_printf("none (%s)", e->maps_to_note));
    }
}

static void warning_text(GString *out, const sc_entry *e)
{
    if (e->name) {
        g_string_append_printf(out, "Warning %u: %s\n", e->code, e->name);
    } else {
        g_string_append_printf(out, "Warning %u (not a registered warn-code)\n", e->code);
        field_take(out, "Note:", g_strdup_printf(
            "Its number places it among the %s warnings of RFC 3261 20.43; the warn-text "
            "that came with it is the only further explanation.", e->category));
    }
    field(out, "Range:", e->category);
    field(out, "Defined in:", e->reference);
    field(out, "Meaning:", e->description);
    field(out, "Action:", e->action);
}

static void entry_text(GString *out, const sc_entry *e)
{
    switch (e->kind) {
    case SC_ENTRY_SIP:     sip_text(out, e); break;
    case SC_ENTRY_Q850:    q850_text(out, e); break;
    case SC_ENTRY_WARNING: warning_text(out, e); break;
    }
}

/* ---- CSV ----------------------------------------------------------------- */

static const char *const csv_columns[] = {
    "kind", "code", "name", "category", "reference", "registered", "explained_as",
    "description", "causes", "action", "disposition", "retry", "fault",
    "maps_to", "maps_to_alt", "maps_to_note",
};

static void csv_header(GString *out)
{
    for (guint i = 0; i < G_N_ELEMENTS(csv_columns); i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        sc_csv_field(out, csv_columns[i]);
    }
    sc_csv_end_record(out);
}

static void csv_optional_uint(GString *out, guint value)
{
    if (value)
        sc_csv_uint_field(out, value);
}

static void entry_csv(GString *out, const sc_entry *e)
{
    GString *causes = g_string_new(NULL);

    for (guint i = 0; i < SC_MAX_CAUSES && e->causes[i]; i++) {
        /* The kb's texts hold no '|', so it separates causes unambiguously. */
        if (i > 0)
            g_string_append(causes, " | ");
        g_string_append(causes, e->causes[i]);
    }
    sc_csv_field(out, sc_entry_kind_name(e->kind));   g_string_append_c(out, ',');
    sc_csv_uint_field(out, e->code);                  g_string_append_c(out, ',');
    sc_csv_field(out, e->name);                       g_string_append_c(out, ',');
    sc_csv_field(out, e->category);                   g_string_append_c(out, ',');
    sc_csv_field(out, e->reference);                  g_string_append_c(out, ',');
    sc_csv_field(out, e->registered);                 g_string_append_c(out, ',');
    csv_optional_uint(out, e->explained_as);          g_string_append_c(out, ',');
    sc_csv_field(out, e->description);                g_string_append_c(out, ',');
    sc_csv_field(out, causes->len ? causes->str : NULL); g_string_append_c(out, ',');
    sc_csv_field(out, e->action);                     g_string_append_c(out, ',');
    sc_csv_field(out, e->disposition);                g_string_append_c(out, ',');
    sc_csv_field(out, e->retry);                      g_string_append_c(out, ',');
    sc_csv_field(out, e->fault);                      g_string_append_c(out, ',');
    csv_optional_uint(out, e->maps_to);               g_string_append_c(out, ',');
    csv_optional_uint(out, e->maps_to_alt);           g_string_append_c(out, ',');
    sc_csv_field(out, e->maps_to_note);
    sc_csv_end_record(out);
    g_string_free(causes, TRUE);
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_uint_or_null(GString *out, guint value)
{
    if (value)
        g_string_append_printf(out, "%u", value);
    else
        g_string_append(out, "null");
}

static void entry_json(GString *out, const sc_entry *e)
{
    gboolean first = TRUE;

    g_string_append_c(out, '{');
    sc_json_key(out, &first, "kind");        sc_json_string(out, sc_entry_kind_name(e->kind));
    sc_json_key(out, &first, "code");        g_string_append_printf(out, "%u", e->code);
    sc_json_key(out, &first, "name");        sc_json_string(out, e->name);
    sc_json_key(out, &first, "category");    sc_json_string(out, e->category);
    sc_json_key(out, &first, "reference");   sc_json_string(out, e->reference);
    sc_json_key(out, &first, "registered");  sc_json_string(out, e->registered);
    sc_json_key(out, &first, "explained_as"); json_uint_or_null(out, e->explained_as);
    sc_json_key(out, &first, "description"); sc_json_string(out, e->description);
    sc_json_key(out, &first, "causes");
    g_string_append_c(out, '[');
    for (guint i = 0; i < SC_MAX_CAUSES && e->causes[i]; i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        sc_json_string(out, e->causes[i]);
    }
    g_string_append_c(out, ']');
    sc_json_key(out, &first, "action");      sc_json_string(out, e->action);
    if (e->kind == SC_ENTRY_SIP) {
        sc_json_key(out, &first, "disposition"); sc_json_string(out, e->disposition);
        sc_json_key(out, &first, "retry");       sc_json_string(out, e->retry);
        sc_json_key(out, &first, "fault");       sc_json_string(out, e->fault);
    }
    if (e->kind != SC_ENTRY_WARNING) {
        sc_json_key(out, &first, "maps_to");     json_uint_or_null(out, e->maps_to);
    }
    if (e->kind == SC_ENTRY_Q850) {
        sc_json_key(out, &first, "maps_to_alt");     json_uint_or_null(out, e->maps_to_alt);
        sc_json_key(out, &first, "maps_to_note");    sc_json_string(out, e->maps_to_note);
        sc_json_key(out, &first, "maps_to_default");
        g_string_append(out, e->maps_to_default ? "true" : "false");
    }
    g_string_append_c(out, '}');
}

/* ---- entry points -------------------------------------------------------- */

void sc_render_entry(GString *out, const sc_entry *entry, sc_format format)
{
    switch (format) {
    case SC_FORMAT_TEXT:
        entry_text(out, entry);
        break;
    case SC_FORMAT_CSV:
        csv_header(out);
        entry_csv(out, entry);
        break;
    case SC_FORMAT_JSON:
        entry_json(out, entry);
        g_string_append_c(out, '\n');
        break;
    }
}

static void json_kind_array(GString *out, GArray *entries, sc_entry_kind kind)
{
    gboolean first = TRUE;

    g_string_append_c(out, '[');
    for (guint i = 0; i < entries->len; i++) {
        const sc_entry *e = &g_array_index(entries, sc_entry, i);
        if (e->kind != kind)
            continue;
        if (!first)
            g_string_append_c(out, ',');
        first = FALSE;
        g_string_append(out, "\n  ");
        entry_json(out, e);
    }
    g_string_append(out, "\n]");
}

void sc_render_entries(GString *out, GArray *entries, sc_format format)
{
    gboolean first = TRUE;

    switch (format) {
    case SC_FORMAT_TEXT:
        for (guint i = 0; i < entries->len; i++) {
            if (i > 0)
                g_string_append_c(out, '\n');
            entry_text(out, &g_array_index(entries, sc_entry, i));
        }
        break;
    case SC_FORMAT_CSV:
        csv_header(out);
        for (guint i = 0; i < entries->len; i++)
            entry_csv(out, &g_array_index(entries, sc_entry, i));
        break;
    case SC_FORMAT_JSON:
        g_string_append_c(out, '{');
        sc_json_key(out, &first, "sip_codes");   json_kind_array(out, entries, SC_ENTRY_SIP);
        sc_json_key(out, &first, "q850_causes"); json_kind_array(out, entries, SC_ENTRY_Q850);
        sc_json_key(out, &first, "warn_codes");  json_kind_array(out, entries, SC_ENTRY_WARNING);
        g_string_append(out, "}\n");
        break;
    }
}
