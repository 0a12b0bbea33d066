/* Lookups over the knowledge-base tables and the names of its enums.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "kb_tables.h"

static const char *const disposition_names[SC_DISP_COUNT] = {
    [SC_DISP_ANSWERED]          = "Answered",
    [SC_DISP_BUSY]              = "Busy",
    [SC_DISP_NO_ANSWER]         = "No Answer",
    [SC_DISP_DECLINED]          = "Declined",
    [SC_DISP_UNWANTED]          = "Unwanted",
    [SC_DISP_CANCELLED]         = "Cancelled",
    [SC_DISP_ANSWERED_ELSEWHERE] = "Answered Elsewhere",
    [SC_DISP_INVALID_NUMBER]    = "Invalid Number",
    [SC_DISP_BLOCKED]           = "Blocked",
    [SC_DISP_AUTH_CHALLENGE]    = "Auth Challenge",
    [SC_DISP_REDIRECTED]        = "Redirected",
    [SC_DISP_MEDIA_REJECTED]    = "Media Rejected",
    [SC_DISP_CONGESTION]        = "Congestion",
    [SC_DISP_SERVICE_FAILURE]   = "Service Failure",
    [SC_DISP_REQUEST_ERROR]     = "Request Error",
    [SC_DISP_NO_FINAL_RESPONSE] = "No Final Response",
    [SC_DISP_IN_PROGRESS]       = "In Progress",
    [SC_DISP_OK]                = "OK",
};

static const char *const retry_names[SC_RETRY_COUNT] = {
    [SC_RETRY_NO]       = "no",
    [SC_RETRY_YES]      = "yes",
    [SC_RETRY_LATER]    = "later",
    [SC_RETRY_MODIFIED] = "modified",
};

static const char *const fault_names[SC_FAULT_COUNT] = {
    [SC_FAULT_NONE]    = "none",
    [SC_FAULT_CALLER]  = "caller",
    [SC_FAULT_NETWORK] = "network",
    [SC_FAULT_CALLEE]  = "callee",
};

static const char *const class_names[] = {
    NULL, "Provisional", "Success", "Redirection",
    "Client Failure", "Server Failure", "Global Failure",
};

static gboolean name_index(const char *const *names, int count, const char *name, int *out)
{
    if (!name)
        return FALSE;
    for (int i = 0; i < count; i++) {
        if (g_ascii_strcasecmp(names[i], name) == 0) {
            *out = i;
            return TRUE;
        }
    }
    return FALSE;
}

const char *sc_disposition_name(sc_disposition d)
{
    return (unsigned)d < SC_DISP_COUNT ? disposition_names[d] : "?";
}

gboolean sc_disposition_from_name(const char *name, sc_disposition *out)
{
    int i;
    if (!name_index(disposition_names, SC_DISP_COUNT, name, &i))
        return FALSE;
    *out = (sc_disposition)i;
    return TRUE;
}

const char *sc_retry_name(sc_retry r)
{
    return (unsigned)r < SC_RETRY_COUNT ? retry_names[r] : "?";
}

gboolean sc_retry_from_name(const char *name, sc_retry *out)
{
    int i;
    if (!name_index(retry_names, SC_RETRY_COUNT, name, &i))
        return FALSE;
    *out = (sc_retry)i;
    return TRUE;
}

const char *sc_fault_name(sc_fault f)
{
    return (unsigned)f < SC_FAULT_COUNT ? fault_names[f] : "?";
}

guint sc_code_class(guint code)
{
    return (code >= 100 && code <= 699) ? code / 100 : 0;
}

const char *sc_class_name(guint status_class)
{
    return (status_class >= 1 && status_class <= 6) ? class_names[status_class] : NULL;
}

const sc_code_info *sc_kb_codes(gsize *count)
{
    if (count)
        *count = sc_code_table_len;
    return sc_code_table;
}

/* Every response is looked up several times (machine, record, tally):
 * index the table by code once. */
#define SC_CODE_INDEX_SIZE 700

static const sc_code_info *const *code_index(void)
{
    static const sc_code_info *index[SC_CODE_INDEX_SIZE];
    static gsize built;

    if (g_once_init_enter(&built)) {
        for (gsize i = 0; i < sc_code_table_len; i++) {
            if (sc_code_table[i].code < SC_CODE_INDEX_SIZE)
                index[sc_code_table[i].code] = &sc_code_table[i];
        }
        g_once_init_leave(&built, 1);
    }
    return index;
}

const sc_code_info *sc_kb_code(guint code)
{
    return code < SC_CODE_INDEX_SIZE ? code_index()[code] : NULL;
}

/* RFC 3261 8.1.3.2: an unknown final response is handled as the x00 of its
 * class, an unknown provisional one (other than 100) as 183. */
static guint class_fallback_code(guint code)
{
    return code / 100 == 1 ? 183 : (code / 100) * 100;
}

sc_code_lookup sc_kb_lookup(guint code)
{
    sc_code_lookup result = { .code = code };

    if (sc_code_class(code) == 0) {
        result.malformed = TRUE;
        return result;
    }
    result.info = sc_kb_code(code);
    if (result.info) {
        result.known = TRUE;
        result.registered = !result.info->historic;
    } else {
        result.info = sc_kb_code(class_fallback_code(code));
    }
    return result;
}

sc_advice sc_kb_advise(const sc_code_lookup *lookup, gboolean answers_initial_invite,
                       gboolean has_retry_after)
{
    sc_advice advice = { SC_DISP_REQUEST_ERROR, SC_RETRY_NO };
    guint status_class = sc_code_class(lookup->code);

    if (!lookup->info)
        return advice;
    advice.disposition = lookup->info->disposition;
    advice.retry = lookup->info->retry;
    if (status_class == 1)
        advice.disposition = SC_DISP_IN_PROGRESS;
    else if (status_class == 2)
        advice.disposition = answers_initial_invite ? SC_DISP_ANSWERED : SC_DISP_OK;
    else if (has_retry_after)
        advice.retry = SC_RETRY_LATER;
    return advice;
}

sc_severity sc_disposition_severity(sc_disposition d)
{
    switch (d) {
    case SC_DISP_ANSWERED:
    case SC_DISP_ANSWERED_ELSEWHERE:
    case SC_DISP_IN_PROGRESS:
    case SC_DISP_OK:
    case SC_DISP_COUNT:
        return SC_SEVERITY_NONE;
    case SC_DISP_BUSY:
    case SC_DISP_NO_ANSWER:
    case SC_DISP_DECLINED:
    case SC_DISP_UNWANTED:
    case SC_DISP_CANCELLED:
        return SC_SEVERITY_NOTE;
    case SC_DISP_INVALID_NUMBER:
    case SC_DISP_BLOCKED:
    case SC_DISP_AUTH_CHALLENGE:
    case SC_DISP_REDIRECTED:
    case SC_DISP_MEDIA_REJECTED:
    case SC_DISP_REQUEST_ERROR:
        return SC_SEVERITY_WARN;
    case SC_DISP_CONGESTION:
    case SC_DISP_SERVICE_FAILURE:
    case SC_DISP_NO_FINAL_RESPONSE:
        return SC_SEVERITY_ERROR;
    }
    return SC_SEVERITY_NONE;
}

gboolean sc_disposition_reached_callee(sc_disposition d)
{
    return d == SC_DISP_ANSWERED || d == SC_DISP_BUSY || d == SC_DISP_NO_ANSWER ||
           d == SC_DISP_DECLINED || d == SC_DISP_UNWANTED || d == SC_DISP_ANSWERED_ELSEWHERE;
}

const char sc_kb_no_invite_label[] = "No INVITE (not a call)";

const char sc_kb_no_final_response_action[] =
    "The INVITE got no final response: the next hop never answered or the capture "
    "missed it. Check reachability of the next hop and the capture point.";
