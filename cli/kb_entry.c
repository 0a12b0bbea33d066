/* Builds sc_entry records from the kb library's lookups.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "kb_entry.h"
#include "q850.h"
#include "warnings.h"

const char *sc_entry_kind_name(sc_entry_kind kind)
{
    switch (kind) {
    case SC_ENTRY_SIP:     return "sip";
    case SC_ENTRY_Q850:    return "q850";
    case SC_ENTRY_WARNING: return "warning";
    }
    return "?";
}

gboolean sc_entry_sip(guint code, sc_entry *out)
{
    sc_code_lookup lookup = sc_kb_lookup(code);
    const sc_code_info *info = lookup.info;
    sc_advice advice;

    memset(out, 0, sizeof *out);
    if (lookup.malformed || !info)
        return FALSE;
    out->kind = SC_ENTRY_SIP;
    out->code = code;
    out->category = sc_class_name(sc_code_class(code));
    if (lookup.known) {
        out->name = info->reason;
        out->reference = info->rfc;
        out->registered = lookup.registered ? "yes" : "historic";
    } else {
        out->registered = "no";
        out->explained_as = info->code;
        out->explained_as_name = info->reason;
        /* RFC 3261 8.1.3.2 is where the class fallback comes from. */
        out->reference = "RFC 3261";
    }
    out->description = info->description;
    memcpy(out->causes, info->causes, sizeof out->causes);
    out->action = info->action;
    /* The disposition of the code answering a call's initial INVITE: the
     * case explain is asked about. */
    advice = sc_kb_advise(&lookup, TRUE, FALSE);
    out->disposition = sc_disposition_name(advice.disposition);
    out->retry = sc_retry_name(advice.retry);
    out->fault = sc_fault_name(info->fault);
    out->maps_to = sc_sip_to_q850(code);
    return TRUE;
}

gboolean sc_entry_q850(guint cause, sc_entry *out)
{
    sc_q850_explanation e;

    memset(out, 0, sizeof *out);
    /* Cause 0 is not defined and nothing above 127 fits in seven bits. */
    if (cause < 1 || cause > SC_Q850_MAX_CAUSE)
        return FALSE;
    e = sc_q850_explain(cause);
    out->kind = SC_ENTRY_Q850;
    out->code = cause;
    out->category = e.class_name;
    out->reference = "ITU-T Q.850";
    out->description = e.description;
    out->action = e.action;
    if (e.info) {
        out->name = e.info->name;
        out->registered = "yes";
        out->causes[0] = e.info->likely_cause;
        out->maps_to = e.info->rfc3398_sip_code;
        out->maps_to_alt = e.info->rfc3398_alt_code;
        out->maps_to_note = e.info->rfc3398_note;
        out->maps_to_default = e.info->rfc3398_default;
    } else {
        out->registered = "no";
    }
    return TRUE;
}

gboolean sc_entry_warning(guint code, sc_entry *out)
{
    const sc_warning_info *info = sc_warning_lookup(code);

    memset(out, 0, sizeof *out);
    out->kind = SC_ENTRY_WARNING;
    out->code = code;
    out->category = sc_warning_category(code);
    if (info) {
        out->name = info->text;
        out->reference = info->rfc;
        out->registered = "yes";
        out->description = info->description;
        out->action = info->action;
        return TRUE;
    }
    if (!out->category)
        return FALSE;
    out->registered = "no";
    out->reference = "RFC 3261";
    return TRUE;
}

GArray *sc_entries_all(void)
{
    GArray *entries = g_array_new(FALSE, TRUE, sizeof(sc_entry));
    gsize count;
    const sc_code_info *codes = sc_kb_codes(&count);
    const sc_q850_info *causes;
    const sc_warning_info *warnings;
    sc_entry entry;

    for (gsize i = 0; i < count; i++) {
        if (sc_entry_sip(codes[i].code, &entry))
            g_array_append_val(entries, entry);
    }
    causes = sc_q850_causes(&count);
    for (gsize i = 0; i < count; i++) {
        if (sc_entry_q850(causes[i].cause, &entry))
            g_array_append_val(entries, entry);
    }
    warnings = sc_warnings(&count);
    for (gsize i = 0; i < count; i++) {
        if (sc_entry_warning(warnings[i].code, &entry))
            g_array_append_val(entries, entry);
    }
    return entries;
}
