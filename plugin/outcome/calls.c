/* Calls: which response decides a call's outcome (DESIGN 2).
 *
 * Only final responses to initial INVITEs (outside a dialog) take part. The
 * first one to arrive decides, provisionally: a retry (a new initial INVITE
 * with a higher CSeq) or a 2xx from another fork branch may still take the
 * call past it, and then it is marked superseded. Once a call is answered,
 * nothing changes its outcome.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "outcome_internal.h"

#define MS_PER_S 1000.0

static char *copy_optional(sc_outcome_machine *m, const char *text)
{
    return text ? g_string_chunk_insert(m->strings, text) : NULL;
}

static void call_append(sc_outcome_machine *m, call_record *call)
{
    if (m->last_call)
        m->last_call->next = call;
    else
        m->first_call = call;
    m->last_call = call;
    call->pub.serial = m->call_count++;
}

call_record *call_ensure(sc_outcome_machine *m, call_id_entry *entry, const sc_sip_message *msg,
                         gboolean from_request)
{
    call_record *call = entry->call;

    if (call)
        return call;
    call = sc_arena_new0(m->records, call_record);
    call->pub.call_id = (char *)entry->call_id;
    call->pub.first_frame = msg->frame;
    call->pub.start_time = msg->time;
    /* Dialers call from a handful of numbers: one shared copy each. */
    call->pub.from = msg->from ? (char *)g_string_chunk_insert_const(m->strings, msg->from) : NULL;
    call->pub.to = copy_optional(m, msg->to);
    call->pub.outcome = SC_DISP_IN_PROGRESS;
    call->start_is_request = from_request;
    entry->call = call;
    call_append(m, call);
    return call;
}

static double ms_since_start(const call_record *call, double time)
{
    return (time - call->pub.start_time) * MS_PER_S;
}

static void call_forget_decision(call_record *call)
{
    sc_call *pub = &call->pub;

    if (call->decisive_response) {
        call->decisive_response->decisive = FALSE;
        call->decisive_response->superseded = TRUE;
        call->decisive_response = NULL;
    }
    pub->outcome_known = FALSE;
    pub->outcome = SC_DISP_IN_PROGRESS;
    pub->decisive_frame = 0;
    pub->decisive_code = 0;
    pub->decisive_reason = NULL;
    pub->has_q850 = FALSE;
    pub->q850_cause = 0;
    pub->has_setup_time = FALSE;
    pub->setup_time_ms = 0.0;
}

/* A new initial INVITE with a higher CSeq is the caller trying again, so the
 * call got past whatever ended the previous attempt. For 401/407/494, 3xx,
 * 491 and 422 that is the protocol working as designed. After any other
 * final (486, 404, 503...) it is unusual, but it is still the caller's next
 * try on the same call: reporting the call by a response its own caller
 * moved past would contradict what the capture shows, so it is treated the
 * same way. */
void call_new_attempt(call_record *call, transaction *txn)
{
    call->pub.attempts++;
    if (call->latest_attempt && txn->key.cseq <= call->latest_attempt->key.cseq)
        return;
    call->latest_attempt = txn;
    if (!call->answered)
        call_forget_decision(call);
}

/* Post-dial delay ends at the first sign of alerting or early media. 100
 * Trying only says a hop got the request, and 199 an early dialog ended. */
static gboolean is_alerting(guint code)
{
    return code >= 180 && code <= 189;
}

void call_provisional(call_record *call, const sc_sip_message *msg)
{
    if (!is_alerting(msg->status_code) || call->pub.has_pdd || !call->start_is_request)
        return;
    call->pub.has_pdd = TRUE;
    call->pub.pdd_ms = ms_since_start(call, msg->time);
}

static const sc_reason *first_q850_reason(const sc_sip_message *msg)
{
    guint count = MIN(msg->reason_count, (guint)SC_MAX_REASONS);

    for (guint i = 0; i < count; i++) {
        if (msg->reasons[i].protocol == SC_REASON_Q850)
            return &msg->reasons[i];
    }
    return NULL;
}

static void call_decide(sc_outcome_machine *m, call_record *call, sc_response_state *state,
                        const sc_sip_message *msg, sc_disposition outcome)
{
    sc_call *pub = &call->pub;
    const sc_reason *q850 = first_q850_reason(msg);

    pub->outcome_known = TRUE;
    pub->outcome = outcome;
    pub->decisive_frame = msg->frame;
    pub->decisive_code = msg->status_code;
    pub->decisive_reason = g_string_chunk_insert_const(m->strings, msg->phrase ? msg->phrase : "");
    pub->has_q850 = q850 != NULL;
    pub->q850_cause = q850 ? q850->cause : 0;
    pub->has_setup_time = call->start_is_request;
    pub->setup_time_ms = call->start_is_request ? ms_since_start(call, msg->time) : 0.0;
    state->decisive = TRUE;
    call->decisive_response = state;
}

static gboolean is_success(guint code)
{
    return code >= 200 && code <= 299;
}

/* The caller has checked: an unclosed initial INVITE transaction of this
 * call, a final response that is no retransmission, a code in 200..699. */
void call_final(sc_outcome_machine *m, call_record *call, transaction *txn,
                sc_response_state *state, const sc_sip_message *msg, sc_disposition disposition)
{
    if (call->answered)
        return;
    if (is_success(msg->status_code)) {
        /* Any branch, any attempt: a 2xx means someone picked up. */
        call_forget_decision(call);
        call_decide(m, call, state, msg, SC_DISP_ANSWERED);
        call->answered = TRUE;
        return;
    }
    if (txn != call->latest_attempt) {
        state->superseded = TRUE;
        return;
    }
    /* A forking proxy, or a capture point on both of its sides, shows more
     * than one final for the transaction: the first is what the caller got
     * (later ones are typically the 487s of branches being cancelled). */
    if (call->pub.outcome_known)
        return;
    call_decide(m, call, state, msg, disposition);
}

void call_attempt_failed(call_record *call, transaction *txn)
{
    sc_call *pub = &call->pub;

    if (pub->outcome_known || txn != call->latest_attempt)
        return;
    pub->outcome_known = TRUE;
    pub->outcome = SC_DISP_NO_FINAL_RESPONSE;
}

void call_attempt_resumed(call_record *call, transaction *txn)
{
    sc_call *pub = &call->pub;

    if (txn != call->latest_attempt || call->decisive_response || !pub->outcome_known)
        return;
    pub->outcome_known = FALSE;
    pub->outcome = SC_DISP_IN_PROGRESS;
}
