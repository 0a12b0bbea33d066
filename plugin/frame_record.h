/* What sipcodes decided about one frame on the first pass: stored per frame
 * so every later pass, and the GUI in any order, renders the same thing.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_FRAME_RECORD_H
#define SIPCODES_FRAME_RECORD_H

#include "kb/explain.h"
#include "outcome/outcome.h"
#include "sip_message.h"

typedef struct {
    guint        code;       /* 0 when the value had no three-digit warn-code */
    gboolean     malformed;
    const char  *agent;
    const char  *text;
} sc_warning_record;

typedef struct {
    guint                    code;
    gboolean                 has_retry_after;
    guint32                  retry_after;
    guint                    reason_count;
    guint                    warning_count;
    const char              *phrase;      /* carried phrase when it is not the registered one */
    const char              *method;      /* CSeq method */
    const sc_reason         *reasons;     /* reason_count of them; NULL when none */
    sc_warning_record       *warnings;
    const sc_override       *override;    /* the provider override that matched, or NULL */
    const sc_response_state *state;       /* NULL when the message lacks Call-ID or CSeq */
} sc_response_record;

/* An ICMP destination unreachable that quotes a request. */
typedef struct {
    const sc_transport_error_state *state;
    const char                     *method;   /* of the quoted request */
    const char                     *what;     /* "ICMP port unreachable" */
} sc_transport_error_record;

typedef struct {
    guint                      response_count;
    sc_response_record        *responses;
    guint                      request_count;
    const sc_request_state   **requests;    /* INVITE requests only */
    guint                      transport_error_count;
    sc_transport_error_record *transport_errors;
    guint                      changed_count;
    const sc_call            **changed;     /* calls this frame changed: by its messages, or by
                                               timers that ran out before it */
} sc_frame_record;

/* The record's explanation in its context (initial INVITE, Retry-After,
 * override): what the tree, the expert text and the statistics show. */
static inline sc_explanation sc_record_explain(const sc_response_record *rec)
{
    gboolean initial = rec->state ? rec->state->initial_invite
                                  : (rec->method && g_strcmp0(rec->method, "INVITE") == 0);
    sc_explanation e = sc_explain_response(rec->code, rec->override, initial, rec->has_retry_after);

    if (rec->state && rec->state->answered_elsewhere)
        sc_explain_answered_elsewhere(&e);
    return e;
}

#endif
