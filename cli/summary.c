/* The report's summary, from the per-call rows.
 *
 * The KPIs follow the plugin's stats tree (DESIGN 1.4): ASR is answered
 * calls over the calls that ended; NER (ITU-T E.411) counts the calls the
 * network delivered to the callee's side whatever the callee did, i.e.
 * answered, busy, no answer, declined and unwanted. A call still In
 * Progress when the capture ended is in neither: the capture ending is no
 * failure. An integration test compares both with `tshark -z
 * sipcodes,tree`, so the two cannot drift apart unnoticed.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "summary.h"
#include "calltable.h"
#include "kb.h"

static gboolean is_disposition(const char *name, sc_disposition d)
{
    return strcmp(name, sc_disposition_name(d)) == 0;
}

static gboolean reached_callee(const char *disposition)
{
    sc_disposition d;

    return sc_disposition_from_name(disposition, &d) && sc_disposition_reached_callee(d);
}

gboolean sc_row_is_call(const void *data)
{
    const sc_call_row *row = data;

    return strcmp(row->disposition, sc_kb_no_invite_label) != 0;
}

static int disposition_rank(const char *name)
{
    sc_disposition d;

    return sc_disposition_from_name(name, &d) ? (int)d : SC_DISP_COUNT;
}

static gint compare_outcomes(gconstpointer a, gconstpointer b)
{
    const sc_outcome_count *x = a, *y = b;
    int rx = disposition_rank(x->disposition), ry = disposition_rank(y->disposition);

    if (rx != ry)
        return rx < ry ? -1 : 1;
    return strcmp(x->disposition, y->disposition);
}

static gint compare_failures(gconstpointer a, gconstpointer b)
{
    const sc_failure_count *x = a, *y = b;

    if (x->calls != y->calls)
        return x->calls > y->calls ? -1 : 1;
    return x->code < y->code ? -1 : x->code > y->code;
}

static void count_outcome(GArray *outcomes, const char *disposition)
{
    for (guint i = 0; i < outcomes->len; i++) {
        sc_outcome_count *o = &g_array_index(outcomes, sc_outcome_count, i);
        if (strcmp(o->disposition, disposition) == 0) {
            o->calls++;
            return;
        }
    }
    g_array_append_val(outcomes, ((sc_outcome_count){ disposition, 1 }));
}

static void count_failure(GArray *failures, guint code)
{
    sc_failure_count f = { .code = code, .calls = 1 };

    for (guint i = 0; i < failures->len; i++) {
        sc_failure_count *known = &g_array_index(failures, sc_failure_count, i);
        if (known->code == code) {
            known->calls++;
            return;
        }
    }
    if (code == 0) {
        f.action = sc_kb_no_final_response_action;
    } else {
        sc_code_lookup lookup = sc_kb_lookup(code);
        if (lookup.known)
            f.reason = lookup.info->reason;
        /* An unregistered code gets its class's advice (RFC 3261 8.1.3.2). */
        f.action = lookup.info ? lookup.info->action : NULL;
    }
    g_array_append_val(failures, f);
}

void sc_summary_compute(sc_summary *summary, GPtrArray *rows)
{
    memset(summary, 0, sizeof *summary);
    summary->outcomes = g_array_new(FALSE, TRUE, sizeof(sc_outcome_count));
    summary->failures = g_array_new(FALSE, TRUE, sizeof(sc_failure_count));
    for (guint i = 0; i < rows->len; i++) {
        const sc_call_row *row = g_ptr_array_index(rows, i);
        summary->calls++;
        count_outcome(summary->outcomes, row->disposition);
        if (is_disposition(row->disposition, SC_DISP_IN_PROGRESS)) {
            summary->in_progress++;
            continue;
        }
        summary->ended++;
        if (is_disposition(row->disposition, SC_DISP_ANSWERED))
            summary->answered++;
        else if (!is_disposition(row->disposition, SC_DISP_ANSWERED_ELSEWHERE))
            count_failure(summary->failures, row->code);
        if (reached_callee(row->disposition))
            summary->reached++;
    }
    g_array_sort(summary->outcomes, compare_outcomes);
    g_array_sort(summary->failures, compare_failures);
}

void sc_summary_clear(sc_summary *summary)
{
    if (summary->outcomes)
        g_array_free(summary->outcomes, TRUE);
    if (summary->failures)
        g_array_free(summary->failures, TRUE);
    memset(summary, 0, sizeof *summary);
}
