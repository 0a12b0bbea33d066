/* The outcome machine's entry points: turn each message into a request or
 * response record and hand it to the transaction and call rules.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <math.h>
#include <string.h>
#include "outcome_internal.h"

#define MS_PER_S 1000.0

/* A preference left empty or garbled must not make every INVITE die at
 * once (0) or never (NaN). */
static double usable_timeout(double seconds, double fallback)
{
    return (isfinite(seconds) && seconds > 0.0) ? seconds : fallback;
}

sc_outcome_machine *sc_outcome_new(double no_final_timeout_s, double timer_c_s)
{
    sc_outcome_machine *m = g_new0(sc_outcome_machine, 1);

    m->no_final_timeout_s = usable_timeout(no_final_timeout_s, SC_DEFAULT_NO_FINAL_TIMEOUT);
    m->timer_c_s = usable_timeout(timer_c_s, SC_DEFAULT_TIMER_C);
    m->records = sc_arena_new();
    m->strings = g_string_chunk_new(64 * 1024);
    m->changed = g_ptr_array_new();
    transactions_init(m);
    peers_init(m);
    return m;
}

void sc_outcome_free(sc_outcome_machine *m)
{
    if (!m)
        return;
    peers_clear(m);
    transactions_clear(m);
    g_ptr_array_free(m->changed, TRUE);
    g_string_chunk_free(m->strings);
    sc_arena_free(m->records);
    g_free(m);
}

/* RFC 3261 8.1.1.5: a CSeq whose number is none matches no request. */
static gboolean message_usable(const sc_sip_message *msg)
{
    return msg && msg->call_id && msg->cseq_method && msg->cseq_valid;
}

/* The finder may hand over an empty tag or branch parameter; it identifies
 * nothing. */
static const char *present(const char *text)
{
    return (text && *text) ? text : NULL;
}

static const sc_call *public_call(const call_id_entry *entry)
{
    return (entry && entry->call) ? &entry->call->pub : NULL;
}

sc_call_standing sc_call_standing_of(const sc_call *call)
{
    sc_call_standing now = { FALSE, SC_DISP_IN_PROGRESS, 0 };

    if (!call)
        return now;
    now.is_call = call->invite_seen;
    if (call->outcome_known) {
        now.outcome = call->outcome;
        now.code = call->decisive_code;
    }
    return now;
}

void sc_outcome_prefetch(const sc_outcome_machine *m, const char *call_id)
{
    if (m && call_id)
        call_id_prefetch(m, call_id);
}

void sc_outcome_advance(sc_outcome_machine *m, double now)
{
    if (m && isfinite(now))
        timers_expire(m, now);
}

/* Requests and responses of these methods only exist in INVITE dialogs: on a
 * Call-ID without its initial INVITE they make a dialog without its INVITE. */
static gboolean of_an_invite_dialog(const char *method)
{
    return strcmp(method, "INVITE") == 0 || strcmp(method, "BYE") == 0 || strcmp(method, "CANCEL") == 0
           || strcmp(method, "PRACK") == 0 || strcmp(method, "UPDATE") == 0;
}

static transaction *find_transaction(sc_outcome_machine *m, call_id_entry *entry, const sc_sip_message *msg,
                                     const char *method)
{
    return transaction_lookup(m, entry, present(msg->via_branch), msg->cseq, method);
}

/* ---- Requests ---------------------------------------------------------- */

static transaction *transaction_from_request(sc_outcome_machine *m, call_id_entry *entry,
                                             sc_request_state *state, const sc_sip_message *msg)
{
    transaction *txn = transaction_create(m, entry, present(msg->via_branch), msg->cseq, msg->cseq_method);

    txn->request = state;
    txn->request_time = msg->time;
    txn->via_count = msg->via_count;
    txn->target = peer_text(m, &msg->dst);
    if (!txn->is_invite)
        return txn;
    /* A request whose method is not its CSeq's (RFC 4475 mismatch01) is
     * malformed: no call comes of it. */
    txn->initial_invite = present(msg->to_tag) == NULL && strcmp(msg->method, "INVITE") == 0;
    if (txn->initial_invite) {
        call_record *call = call_ensure(m, entry, msg);
        call_saw_initial_invite(m, call, msg);
        call_add_attempt_transaction(m, call, txn);
    }
    timer_b_start(m, txn);
    return txn;
}

/* Capture points merged out of order can show a response before its
 * request; the transaction was classified by then and has been answered, so
 * the request only supplies the frame and time responses are measured from. */
static void transaction_adopt_request(sc_outcome_machine *m, call_id_entry *entry, transaction *txn,
                                      sc_request_state *state, const sc_sip_message *msg)
{
    txn->request = state;
    txn->request_time = msg->time;
    txn->target = peer_text(m, &msg->dst);
    if (txn->initial_invite && !present(msg->to_tag) && strcmp(msg->method, "INVITE") == 0) {
        call_record *call = call_ensure(m, entry, msg);
        call_saw_initial_invite(m, call, msg);
        call_reconsider(m, call);
    }
}

/* A CANCEL has its INVITE's branch and CSeq number (RFC 3261 9.1). */
static void cancel_invite(sc_outcome_machine *m, call_id_entry *entry, const sc_sip_message *msg)
{
    transaction *invite = find_transaction(m, entry, msg, "INVITE");

    if (!invite || invite->cancel)
        return;
    call_cancel(m, invite->initial_invite ? entry->call : NULL, invite, msg);
}

const sc_request_state *sc_outcome_add_request(sc_outcome_machine *m, const sc_sip_message *msg)
{
    call_id_entry *entry;
    transaction *txn;
    sc_request_state *state;

    if (!m || !message_usable(msg) || msg->is_response || !msg->method)
        return NULL;
    timers_expire(m, msg->time);

    entry = call_id_ensure(m, msg->call_id);
    state = sc_arena_new0(m->records, sc_request_state);
    state->frame = msg->frame;
    txn = find_transaction(m, entry, msg, msg->cseq_method);
    if (!txn)
        transaction_from_request(m, entry, state, msg);
    else if (!txn->request)
        transaction_adopt_request(m, entry, txn, state, msg);
    else
        state->retransmission = TRUE;

    if (!state->retransmission) {
        if (!entry->call && of_an_invite_dialog(msg->method))
            call_ensure(m, entry, msg);
        if (sc_sip_request_is(msg, "CANCEL"))
            cancel_invite(m, entry, msg);
        else if (sc_sip_request_is(msg, "BYE") && entry->call)
            call_bye(m, entry->call, msg);
    }
    state->call = public_call(entry);
    return state;
}

/* ---- Responses --------------------------------------------------------- */

/* Without the request, an INVITE's To-tag cannot tell a re-INVITE from an
 * initial one (every non-100 response carries a tag); the call's state can:
 * an answered call's next INVITE is a re-INVITE. */
static transaction *transaction_from_response(sc_outcome_machine *m, call_id_entry *entry,
                                              const sc_sip_message *msg)
{
    transaction *txn = transaction_create(m, entry, present(msg->via_branch), msg->cseq, msg->cseq_method);
    call_record *call;

    txn->request_time = msg->time;
    txn->via_count = msg->via_count;
    if (!txn->is_invite)
        return txn;
    call = call_ensure(m, entry, msg);
    if (!call->best_answer) {
        txn->initial_invite = TRUE;
        call_add_attempt_transaction(m, call, txn);
    }
    return txn;
}

static void describe_match(sc_response_state *state, const transaction *txn,
                           const call_id_entry *entry, const sc_sip_message *msg)
{
    if (txn && txn->request) {
        state->request_frame = txn->request->frame;
        state->response_time_ms = (msg->time - txn->request_time) * MS_PER_S;
    }
    state->initial_invite = txn && txn->initial_invite;
    state->call = public_call(entry);
}

/* A code outside 100..699 is no SIP status at all: show what it answers,
 * but let it create or change nothing. */
static sc_response_state *malformed_response(sc_outcome_machine *m, const sc_sip_message *msg)
{
    sc_response_state *state = sc_arena_new0(m->records, sc_response_state);
    call_id_entry *entry = call_id_lookup(m, msg->call_id);
    transaction *txn = entry ? find_transaction(m, entry, msg, msg->cseq_method) : NULL;

    state->frame = msg->frame;
    describe_match(state, txn, entry, msg);
    return state;
}

static const sc_reason *first_q850_reason(const sc_sip_message *msg)
{
    guint count = MIN(msg->reason_count, (guint)SC_MAX_REASONS);

    for (guint i = 0; i < count; i++) {
        if (msg->reasons[i].protocol == SC_REASON_Q850 && !msg->reasons[i].malformed)
            return &msg->reasons[i];
    }
    return NULL;
}

/* RFC 3326: a CANCEL whose Reason is SIP;cause=200 says another device
 * took the call (a ring group, a fork). */
static gboolean cancelled_elsewhere(const transaction *txn)
{
    if (!txn->cancel)
        return FALSE;
    for (guint i = 0; i < txn->cancel->reason_count; i++) {
        const sc_reason *r = &txn->cancel->reasons[i];
        if (r->protocol == SC_REASON_SIP && r->cause == 200 && !r->malformed)
            return TRUE;
    }
    return FALSE;
}

static final_record *note_final(sc_outcome_machine *m, transaction *txn, sc_response_state *state,
                                const sc_sip_message *msg, const char *to_tag, sc_disposition disposition)
{
    final_record *final = sc_arena_new0(m->records, final_record);
    const sc_reason *q850 = first_q850_reason(msg);

    final->state = state;
    final->txn = txn;
    final->time = msg->time;
    final->code = msg->status_code;
    final->to_tag = to_tag;
    final->phrase = machine_intern(m, msg->phrase ? msg->phrase : "");
    final->disposition = disposition;
    final->has_q850 = q850 != NULL;
    final->q850_cause = q850 ? q850->cause : 0;
    if (txn->last_final)
        txn->last_final->next = final;
    else
        txn->finals = final;
    txn->last_final = final;
    return final;
}

static void invite_transaction_takes(sc_outcome_machine *m, transaction *txn, sc_response_state *state,
                                     const sc_sip_message *msg, const char *to_tag, sc_disposition disposition,
                                     gboolean first_response)
{
    call_record *call = txn->initial_invite ? txn->key.call_id->call : NULL;
    gboolean final = msg->status_code >= 200;

    if (final && msg->status_code == 487)
        state->answered_elsewhere = cancelled_elsewhere(txn);
    /* Too late: the caller had given up on it (Timer B or C, an ICMP
     * error), so it decides nothing. */
    if (txn->expired || txn->transport_failed)
        return;
    if (!final) {
        /* RFC 3261 16.7 step 2: a 101-199 restarts Timer C; a 100 only
         * starts it, from the request, if nothing did. */
        if (!txn->got_final && (msg->status_code != 100 || txn->timer_c_due == 0.0))
            timer_c_start(m, txn, msg->status_code == 100 ? txn->request_time : msg->time);
        if (call)
            call_provisional(m, call, txn, msg, first_response);
        return;
    }
    txn->got_final = TRUE;
    if (call)
        call_final(m, call, txn, note_final(m, txn, state, msg, to_tag, disposition));
    else
        note_final(m, txn, state, msg, to_tag, disposition);
}

const sc_response_state *sc_outcome_add_response(sc_outcome_machine *m, const sc_sip_message *msg)
{
    const sc_code_info *info = msg ? sc_kb_lookup(msg->status_code).info : NULL;

    return sc_outcome_add_response_as(m, msg, info ? info->disposition : SC_DISP_REQUEST_ERROR);
}

const sc_response_state *sc_outcome_add_response_as(sc_outcome_machine *m, const sc_sip_message *msg,
                                                    sc_disposition disposition)
{
    call_id_entry *entry;
    transaction *txn;
    sc_response_state *state;
    const char *to_tag;

    if (!m || !message_usable(msg) || !msg->is_response)
        return NULL;
    timers_expire(m, msg->time);
    if (sc_kb_lookup(msg->status_code).malformed)
        return malformed_response(m, msg);

    entry = call_id_ensure(m, msg->call_id);
    txn = find_transaction(m, entry, msg, msg->cseq_method);
    if (!txn)
        txn = transaction_from_response(m, entry, msg);
    if (!entry->call && of_an_invite_dialog(msg->cseq_method))
        call_ensure(m, entry, msg);
    state = sc_arena_new0(m->records, sc_response_state);
    state->frame = msg->frame;
    if (!txn->via_count)
        txn->via_count = msg->via_count;
    if (transaction_note_response(m, txn, msg->status_code, present(msg->to_tag), &to_tag)) {
        state->retransmission = TRUE;
    } else {
        gboolean first_response = !txn->got_response;
        if (first_response)
            txn->responder = peer_text(m, &msg->src);
        txn->got_response = TRUE;
        if (txn->is_invite)
            invite_transaction_takes(m, txn, state, msg, to_tag, disposition, first_response);
        else if (msg->status_code >= 200)
            txn->got_final = TRUE;
    }
    describe_match(state, txn, entry, msg);
    return state;
}

/* ---- Transport errors ---------------------------------------------------- */

const sc_transport_error_state *sc_outcome_add_transport_error(sc_outcome_machine *m,
                                                               const sc_sip_message *quoted,
                                                               guint32 frame, double time,
                                                               const char *what)
{
    sc_transport_error_state *state;
    call_id_entry *entry;
    transaction *txn;

    if (!m || !message_usable(quoted) || quoted->is_response || !quoted->method)
        return NULL;
    timers_expire(m, time);
    state = sc_arena_new0(m->records, sc_transport_error_state);
    state->frame = frame;
    /* The quoted request is the one already seen leaving, not a new one. */
    entry = call_id_lookup(m, quoted->call_id);
    txn = entry ? find_transaction(m, entry, quoted, quoted->cseq_method) : NULL;
    if (txn && txn->request)
        state->request_frame = txn->request->frame;
    if (txn && !txn->got_final && !txn->expired && !txn->transport_failed) {
        txn->transport_failed = TRUE;
        txn->ended_at = time;
        txn->transport_error = state;
        txn->failure_text = machine_intern(m, what ? what : "ICMP destination unreachable");
        state->failed_transaction = TRUE;
        if (txn->initial_invite && entry->call)
            call_reconsider(m, entry->call);
    }
    state->call = public_call(entry);
    return state;
}

/* ---- Results --------------------------------------------------------------- */

void sc_outcome_take_changed(sc_outcome_machine *m, sc_call_func func, gpointer user_data)
{
    if (!m)
        return;
    for (guint i = 0; i < m->changed->len; i++) {
        call_record *call = g_ptr_array_index(m->changed, i);
        call->changed = FALSE;
        if (func)
            func(&call->pub, user_data);
    }
    g_ptr_array_set_size(m->changed, 0);
}

void sc_outcome_foreach_call(const sc_outcome_machine *m, sc_call_func func, gpointer user_data)
{
    if (!m || !func)
        return;
    for (const call_record *call = m->first_call; call; call = call->next)
        func(&call->pub, user_data);
}

guint sc_outcome_call_count(const sc_outcome_machine *m)
{
    return m ? m->call_count : 0;
}
