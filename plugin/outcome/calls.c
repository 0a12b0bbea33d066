/* Calls: which response decides a call's outcome (DESIGN 2), who ended the
 * call, and where it was answered from.
 *
 * Only responses to initial INVITEs (outside a dialog) take part. The
 * decision is made again from the call's transactions whenever one of them
 * moves: a capture taken on a proxy shows one call as several transactions
 * (a hop each, a carrier each), and which response was the caller's answer
 * depends on all of them.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "outcome_internal.h"

#define MS_PER_S 1000.0

static void call_append(sc_outcome_machine *m, call_record *call)
{
    if (m->last_call)
        m->last_call->next = call;
    else
        m->first_call = call;
    m->last_call = call;
    call->pub.serial = m->call_count++;
}

void call_mark_changed(sc_outcome_machine *m, call_record *call)
{
    if (call->changed)
        return;
    call->changed = TRUE;
    g_ptr_array_add(m->changed, call);
}

/* A record for a Call-ID that has shown a message of an INVITE dialog. It
 * is a call only once its initial INVITE shows up (call_saw_initial_invite). */
call_record *call_ensure(sc_outcome_machine *m, call_id_entry *entry, const sc_sip_message *msg)
{
    call_record *call = entry->call;

    if (call)
        return call;
    call = sc_arena_new0(m->records, call_record);
    call->pub.call_id = (char *)entry->call_id;
    call->pub.first_frame = msg->frame;
    call->pub.start_time = msg->time;
    call->pub.outcome = SC_DISP_IN_PROGRESS;
    entry->call = call;
    call_append(m, call);
    call_mark_changed(m, call);
    return call;
}

void call_saw_initial_invite(sc_outcome_machine *m, call_record *call, const sc_sip_message *msg)
{
    sc_call *pub = &call->pub;

    if (!call->caller_tag)
        call->caller_tag = machine_copy(m, msg->from_tag);
    if (pub->invite_seen)
        return;
    pub->invite_seen = TRUE;
    pub->first_frame = msg->frame;
    pub->start_time = msg->time;
    /* Dialers call from a handful of numbers: one shared copy each. */
    pub->from = (char *)machine_intern(m, msg->from);
    pub->to = msg->to ? g_string_chunk_insert(m->strings, msg->to) : NULL;
    call->start_is_request = TRUE;
    call_mark_changed(m, call);
}

static double ms_since_start(const call_record *call, double time)
{
    return (time - call->pub.start_time) * MS_PER_S;
}

/* ---- Attempts ------------------------------------------------------------ */

static attempt *attempt_for(sc_outcome_machine *m, call_record *call, guint32 cseq)
{
    attempt *a;

    for (a = call->attempts; a; a = a->next) {
        if (a->cseq == cseq)
            return a;
    }
    a = sc_arena_new0(m->records, attempt);
    a->cseq = cseq;
    a->next = call->attempts;
    call->attempts = a;
    call->pub.attempts++;
    if (!call->latest || cseq > call->latest->cseq)
        call->latest = a;
    return a;
}

static void decide(sc_outcome_machine *m, call_record *call, const attempt *touched);

void call_add_attempt_transaction(sc_outcome_machine *m, call_record *call, transaction *txn)
{
    attempt *a = attempt_for(m, call, txn->key.cseq);

    txn->attempt = a;
    if (a->last_transaction)
        a->last_transaction->next_in_attempt = txn;
    else
        a->transactions = txn;
    a->last_transaction = txn;
    decide(m, call, a);
}

/* ---- What arrives -------------------------------------------------------- */

/* Post-dial delay ends at the first sign of alerting or early media. 100
 * Trying only says a hop got the request, and 199 an early dialog ended. */
static gboolean is_alerting(guint code)
{
    return code >= 180 && code <= 189;
}

static gboolean is_success(guint code)
{
    return code >= 200 && code <= 299;
}

void call_provisional(sc_outcome_machine *m, call_record *call, transaction *txn, const sc_sip_message *msg,
                      gboolean first_response)
{
    if (is_alerting(msg->status_code) && !call->pub.has_pdd && call->start_is_request) {
        call->pub.has_pdd = TRUE;
        call->pub.pdd_ms = ms_since_start(call, msg->time);
        call_mark_changed(m, call);
    }
    /* A provisional decides nothing; it can only show where the call is
     * answered from. */
    if (first_response)
        decide(m, call, txn->attempt);
}

/* Where the call was answered from: a more upstream 2xx is what the caller
 * got; of two at one level, the first. */
static guint level_of(const transaction *txn)
{
    return txn->via_count ? txn->via_count : 1;
}

static gboolean better_answer(const final_record *a, const final_record *b)
{
    guint la = level_of(a->txn), lb = level_of(b->txn);

    return la < lb || (la == lb && a->time < b->time);
}

void call_final(sc_outcome_machine *m, call_record *call, transaction *txn, final_record *final)
{
    if (is_success(final->code) && (!call->best_answer || better_answer(final, call->best_answer)))
        call->best_answer = final;
    decide(m, call, txn->attempt);
}

void call_reconsider(sc_outcome_machine *m, call_record *call)
{
    decide(m, call, NULL);
}

static void copy_reasons(guint *count, sc_reason *to, const sc_sip_message *msg)
{
    *count = MIN(msg->reason_count, (guint)SC_MAX_REASONS);
    memcpy(to, msg->reasons, *count * sizeof to[0]);
}

/* The first BYE after the answer ended the call; one before it ends an
 * early dialog, not the call. */
void call_bye(sc_outcome_machine *m, call_record *call, const sc_sip_message *msg)
{
    if (!call->best_answer || call->bye_frame || msg->time < call->best_answer->time)
        return;
    call->bye_frame = msg->frame;
    call->bye_time = msg->time;
    call->bye_from_tag = machine_copy(m, msg->from_tag);
    copy_reasons(&call->bye_reason_count, call->bye_reasons, msg);
    decide(m, call, NULL);
}

void call_cancel(sc_outcome_machine *m, call_record *call, transaction *invite, const sc_sip_message *msg)
{
    cancel_record *cancel = sc_arena_new0(m->records, cancel_record);

    cancel->frame = msg->frame;
    cancel->time = msg->time;
    cancel->from_tag = machine_copy(m, msg->from_tag);
    copy_reasons(&cancel->reason_count, cancel->reasons, msg);
    invite->cancel = cancel;
    if (call)
        decide(m, call, invite->attempt);
}

/* ---- The decision -------------------------------------------------------- */

typedef struct {
    gboolean       known;
    sc_disposition outcome;
    final_record  *decisive;   /* NULL: no response decided (undecided, timer, ICMP) */
    transaction   *deciding;   /* whose final, timer or ICMP error decided; while undecided,
                                  the transaction the call waits on */
    attempt       *attempt;    /* the attempt the flags are about */
} verdict;

static gboolean completed(const transaction *txn)
{
    return txn->finals || txn->expired || txn->transport_failed;
}

/* What a transaction ended with, as RFC 3261 16.7 ranks it: a proxy that
 * gets no answer sends 408, and treats a transport error as 503 (8.1.3.1). */
static guint ended_code(const transaction *txn)
{
    if (txn->finals)
        return txn->finals->code;
    return txn->transport_failed ? 503 : 408;
}

static double ended_time(const transaction *txn)
{
    return txn->finals ? txn->finals->time : txn->ended_at;
}

static gboolean preferred_4xx(guint code)
{
    return code == 401 || code == 407 || code == 415 || code == 420 || code == 484;
}

/* RFC 3261 16.7 step 6: a 6xx if there is one, else the lowest class, and
 * in the 4xx class the responses that let the caller retry; of equals, the
 * first. */
static gboolean better_choice(const transaction *a, const transaction *b)
{
    guint ca = ended_code(a), cb = ended_code(b);
    guint class_a = ca / 100, class_b = cb / 100;

    if ((class_a == 6) != (class_b == 6))
        return class_a == 6;
    if (class_a != class_b)
        return class_a < class_b;
    if (class_a == 4 && preferred_4xx(ca) != preferred_4xx(cb))
        return preferred_4xx(ca);
    /* "MAY select any response within that chosen class": a peer's own
     * answer tells more than the 408 or 503 a timeout or an ICMP error
     * stands for. */
    if ((a->finals != NULL) != (b->finals != NULL))
        return a->finals != NULL;
    return ended_time(a) < ended_time(b);
}

static verdict verdict_of_transaction(transaction *txn, attempt *a)
{
    verdict v = { FALSE, SC_DISP_IN_PROGRESS, NULL, txn, a };

    if (txn->finals) {
        v.known = TRUE;
        v.decisive = txn->finals;
        v.outcome = txn->finals->state->answered_elsewhere ? SC_DISP_ANSWERED_ELSEWHERE
                                                           : txn->finals->disposition;
    } else if (txn->transport_failed) {
        v.known = TRUE;
        v.outcome = SC_DISP_SERVICE_FAILURE;
    } else if (txn->expired) {
        v.known = TRUE;
        v.outcome = SC_DISP_NO_FINAL_RESPONSE;
    }
    return v;
}

/* The latest attempt of an unanswered call. One transaction at the top
 * (fewest Via) is the caller's own as far as the capture can tell: what it
 * got is what the caller got. Several at the top mean the caller's own is
 * not in the capture: the proxy's choice is inferred once all of them
 * have ended. */
static verdict unanswered_verdict(attempt *a)
{
    guint top = G_MAXUINT, at_top = 0;
    transaction *only = NULL, *best = NULL, *newest = NULL;

    for (transaction *t = a->transactions; t; t = t->next_in_attempt)
        top = MIN(top, level_of(t));
    for (transaction *t = a->transactions; t; t = t->next_in_attempt) {
        if (level_of(t) != top)
            continue;
        at_top++;
        only = t;
        if (!newest || t->request_time >= newest->request_time)
            newest = t;
        if (completed(t) && (!best || better_choice(t, best)))
            best = t;
    }
    if (at_top == 1)
        return verdict_of_transaction(only, a);
    for (transaction *t = a->transactions; t; t = t->next_in_attempt) {
        if (level_of(t) == top && !completed(t))
            return (verdict){ FALSE, SC_DISP_IN_PROGRESS, NULL, newest, a };
    }
    return verdict_of_transaction(best, a);
}

static verdict verdict_of(call_record *call)
{
    verdict v = { FALSE, SC_DISP_IN_PROGRESS, NULL, NULL, call->latest };

    if (call->best_answer) {
        v.known = TRUE;
        v.outcome = SC_DISP_ANSWERED;
        v.decisive = call->best_answer;
        v.deciding = call->best_answer->txn;
        v.attempt = call->best_answer->txn->attempt;
        return v;
    }
    if (!call->latest || !call->latest->transactions)
        return v;
    return unanswered_verdict(call->latest);
}

/* A proxy got past a final when it tried the same level again after it
 * (failover: carrier A's 503, then carrier B). A branch that started
 * before its siblings ended lost a race instead (a fork's 487): it is
 * neither decisive nor superseded. */
static gboolean got_past(const attempt *a, const transaction *txn, const final_record *final)
{
    for (const transaction *t = a->transactions; t; t = t->next_in_attempt) {
        if (t != txn && level_of(t) == level_of(txn) && t->request_time > final->time)
            return TRUE;
    }
    return FALSE;
}

static void flag_finals(attempt *a, const verdict *v, gboolean older_than_latest)
{
    for (transaction *t = a->transactions; t; t = t->next_in_attempt) {
        for (final_record *f = t->finals; f; f = f->next) {
            gboolean decisive = v && f == v->decisive;
            f->state->decisive = decisive;
            if (is_success(f->code) || decisive)
                f->state->superseded = FALSE;
            else
                f->state->superseded = older_than_latest || (v && got_past(a, t, f));
        }
    }
}

/* Flags of an attempt the verdict is not about: one the caller retried
 * got past all its failures; one after the answer decides nothing. */
static void flag_other_attempt(attempt *a, const verdict *v)
{
    if (a && a != v->attempt)
        flag_finals(a, NULL, v->attempt && a->cseq < v->attempt->cseq);
}

static const cancel_record *ending_cancel(const verdict *v)
{
    if (v->deciding && v->deciding->cancel)
        return v->deciding->cancel;
    for (const transaction *t = v->attempt ? v->attempt->transactions : NULL; t; t = t->next_in_attempt) {
        if (t->cancel)
            return t->cancel;
    }
    return NULL;
}

static sc_ended_by ended_by(const call_record *call, const char *from_tag)
{
    if (!call->caller_tag || !from_tag)
        return SC_ENDED_UNKNOWN;
    return strcmp(call->caller_tag, from_tag) == 0 ? SC_ENDED_BY_CALLER : SC_ENDED_BY_CALLEE;
}

static void publish_end(call_record *call, const verdict *v)
{
    sc_call *pub = &call->pub;
    const cancel_record *cancel;

    pub->ended_by = SC_ENDED_UNKNOWN;
    pub->end_frame = 0;
    pub->end_by_cancel = FALSE;
    pub->has_duration = FALSE;
    pub->duration_s = 0.0;
    pub->end_reason_count = 0;
    memset(pub->end_reasons, 0, sizeof pub->end_reasons);
    if (v->outcome == SC_DISP_ANSWERED && call->bye_frame) {
        pub->ended_by = ended_by(call, call->bye_from_tag);
        pub->end_frame = call->bye_frame;
        pub->has_duration = TRUE;
        pub->duration_s = call->bye_time - v->decisive->time;
        pub->end_reason_count = call->bye_reason_count;
        memcpy(pub->end_reasons, call->bye_reasons, sizeof pub->end_reasons);
    } else if ((v->outcome == SC_DISP_CANCELLED || v->outcome == SC_DISP_ANSWERED_ELSEWHERE)
               && (cancel = ending_cancel(v)) != NULL) {
        pub->ended_by = ended_by(call, cancel->from_tag);
        pub->end_frame = cancel->frame;
        pub->end_by_cancel = TRUE;
        pub->end_reason_count = cancel->reason_count;
        memcpy(pub->end_reasons, cancel->reasons, sizeof pub->end_reasons);
    }
}

/* The far end of the deciding transaction; when a proxy in the capture
 * relayed the deciding response from a transaction below it (same code,
 * same To-tag), the far end of that one: the carrier, not the proxy. */
static const char *peer_of(const verdict *v)
{
    const transaction *from = v->deciding;

    if (!from)
        return NULL;
    if (v->decisive && v->attempt) {
        for (const transaction *t = v->attempt->transactions; t; t = t->next_in_attempt) {
            if (level_of(t) <= level_of(from))
                continue;
            for (const final_record *f = t->finals; f; f = f->next) {
                if (f->code == v->decisive->code && g_strcmp0(f->to_tag, v->decisive->to_tag) == 0
                    && t->responder)
                    from = t;
            }
        }
    }
    return from->responder ? from->responder : from->target;
}

static void publish(sc_outcome_machine *m, call_record *call, const verdict *v)
{
    sc_call *pub = &call->pub;
    sc_call before = *pub;
    const final_record *d = v->decisive;
    sc_transport_error_state *failure = (v->known && !d && v->deciding && v->deciding->transport_failed)
                                            ? v->deciding->transport_error : NULL;

    pub->outcome_known = v->known;
    pub->outcome = v->outcome;
    pub->decisive_frame = d ? d->state->frame : failure ? failure->frame : 0;
    pub->decisive_code = d ? d->code : 0;
    pub->decisive_reason = (char *)(d ? d->phrase : failure ? v->deciding->failure_text : NULL);
    pub->has_q850 = d && d->has_q850;
    pub->q850_cause = d && d->has_q850 ? d->q850_cause : 0;
    pub->has_setup_time = d && call->start_is_request;
    pub->setup_time_ms = pub->has_setup_time ? ms_since_start(call, d->time) : 0.0;
    pub->peer = peer_of(v);
    publish_end(call, v);
    if (call->failure_decider != failure) {
        if (call->failure_decider)
            call->failure_decider->decisive = FALSE;
        if (failure)
            failure->decisive = TRUE;
        call->failure_decider = failure;
    }
    call->decisive = (final_record *)d;
    if (memcmp(&before, pub, sizeof before) != 0)
        call_mark_changed(m, call);
}

/* `touched`: an attempt that just changed, whose flags may need setting even
 * when the verdict is about another. */
static void decide(sc_outcome_machine *m, call_record *call, const attempt *touched)
{
    verdict v;

    if (!call->pub.invite_seen) {
        /* Not a call (yet): nothing in it decides anything. */
        return;
    }
    v = verdict_of(call);
    flag_other_attempt(call->flagged, &v);
    flag_other_attempt((attempt *)touched, &v);
    if (v.attempt)
        flag_finals(v.attempt, &v, FALSE);
    call->flagged = v.attempt;
    publish(m, call, &v);
}
