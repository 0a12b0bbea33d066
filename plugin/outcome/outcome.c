/* The outcome machine's entry points: turn each message into a request or
 * response record and hand it to the transaction and call rules.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <math.h>
#include "outcome_internal.h"

#define MS_PER_S 1000.0

sc_outcome_machine *sc_outcome_new(double no_final_timeout_s)
{
    sc_outcome_machine *m = g_new0(sc_outcome_machine, 1);

    /* A preference left empty or garbled must not make every INVITE die at
     * once (0) or never (NaN). */
    m->no_final_timeout_s = (isfinite(no_final_timeout_s) && no_final_timeout_s > 0.0)
                                ? no_final_timeout_s : SC_DEFAULT_NO_FINAL_TIMEOUT;
    m->records = sc_arena_new();
    m->strings = g_string_chunk_new(64 * 1024);
    transactions_init(m);
    return m;
}

void sc_outcome_free(sc_outcome_machine *m)
{
    if (!m)
        return;
    transactions_clear(m);
    g_string_chunk_free(m->strings);
    sc_arena_free(m->records);
    g_free(m);
}

static gboolean message_usable(const sc_sip_message *msg)
{
    return msg && msg->call_id && msg->cseq_method;
}

/* The extractor may hand over an empty tag parameter; it identifies nothing. */
static const char *to_tag_of(const sc_sip_message *msg)
{
    return (msg->to_tag && *msg->to_tag) ? msg->to_tag : NULL;
}

static const sc_call *public_call(const call_id_entry *entry)
{
    return (entry && entry->call) ? &entry->call->pub : NULL;
}

sc_call_standing sc_call_standing_of(const sc_call *call)
{
    sc_call_standing now = { SC_DISP_NO_FINAL_RESPONSE, 0 };

    if (call && call->outcome_known) {
        now.outcome = call->outcome;
        now.code = call->decisive_code;
    }
    return now;
}

/* Where a message found its call, to tell whether it moved the call:
 * statistics re-count a call only then. Only INVITE transactions make a
 * call or change where it stands (DESIGN 2): a BYE or its 200 need not
 * read the call's record to know it. */
typedef struct {
    gboolean           may_move;
    const call_record *call;
    sc_call_standing   standing;
} call_watch;

static call_watch watch_call(const call_id_entry *entry, const sc_sip_message *msg)
{
    call_watch watch = { sc_sip_in_invite_transaction(msg), entry->call,
                         { SC_DISP_NO_FINAL_RESPONSE, 0 } };

    if (watch.may_move && watch.call)
        watch.standing = sc_call_standing_of(&watch.call->pub);
    return watch;
}

static gboolean call_moved(call_watch before, const call_id_entry *entry)
{
    const call_record *call = entry->call;
    sc_call_standing now;

    if (!before.may_move || !call)
        return FALSE;
    if (call != before.call)
        return TRUE;
    now = sc_call_standing_of(&call->pub);
    return now.outcome != before.standing.outcome || now.code != before.standing.code;
}

void sc_outcome_prefetch(const sc_outcome_machine *m, const char *call_id)
{
    if (m && call_id)
        call_id_prefetch(m, call_id);
}

/* ---- Requests ---------------------------------------------------------- */

static void transaction_from_request(sc_outcome_machine *m, call_id_entry *entry,
                                     sc_request_state *state, const sc_sip_message *msg)
{
    transaction *txn = transaction_create(m, entry, msg->cseq, msg->cseq_method);

    txn->request = state;
    txn->request_time = msg->time;
    if (txn->is_invite) {
        txn->initial_invite = to_tag_of(msg) == NULL;
        if (txn->initial_invite)
            call_new_attempt(call_ensure(m, entry, msg, TRUE), txn);
        timer_b_start(m, txn);
    }
}

/* Capture points merged out of order can show a response before its
 * request; the transaction was classified by then and has been answered, so
 * the request only supplies the frame and time responses are measured from. */
static void transaction_adopt_request(transaction *txn, sc_request_state *state,
                                      const sc_sip_message *msg)
{
    txn->request = state;
    txn->request_time = msg->time;
}

const sc_request_state *sc_outcome_add_request(sc_outcome_machine *m, const sc_sip_message *msg)
{
    call_id_entry *entry;
    transaction *txn;
    sc_request_state *state;
    call_watch before;

    if (!m || !message_usable(msg))
        return NULL;
    timer_b_expire(m, msg->time);

    entry = call_id_ensure(m, msg->call_id);
    before = watch_call(entry, msg);
    state = sc_arena_new0(m->records, sc_request_state);
    state->frame = msg->frame;
    txn = transaction_lookup(m, entry, msg->cseq, msg->cseq_method);
    if (!txn)
        transaction_from_request(m, entry, state, msg);
    else if (!txn->request)
        transaction_adopt_request(txn, state, msg);
    else
        state->retransmission = TRUE;
    state->call = public_call(entry);
    state->call_changed = call_moved(before, entry);
    return state;
}

/* ---- Responses --------------------------------------------------------- */

/* Without the request, an INVITE's To-tag cannot tell a re-INVITE from an
 * initial one (every non-100 response carries a tag); the call's state can:
 * an answered call's next INVITE is a re-INVITE. */
static transaction *transaction_from_response(sc_outcome_machine *m, call_id_entry *entry,
                                              const sc_sip_message *msg)
{
    transaction *txn = transaction_create(m, entry, msg->cseq, msg->cseq_method);

    if (txn->is_invite && !(entry->call && entry->call->answered)) {
        txn->initial_invite = TRUE;
        call_new_attempt(call_ensure(m, entry, msg, FALSE), txn);
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
    transaction *txn = entry ? transaction_lookup(m, entry, msg->cseq, msg->cseq_method) : NULL;

    state->frame = msg->frame;
    describe_match(state, txn, entry, msg);
    return state;
}

static void transaction_take_response(sc_outcome_machine *m, transaction *txn,
                                      sc_response_state *state, const sc_sip_message *msg,
                                      sc_disposition disposition)
{
    call_record *call = txn->key.call_id->call;
    gboolean final = msg->status_code >= 200;

    if (txn->ended_at_finish && final)
        transaction_resume(txn);
    txn->got_response = TRUE;
    if (final)
        txn->got_final = TRUE;
    if (txn->closed || !txn->initial_invite)
        return;
    if (final)
        call_final(m, call, txn, state, msg, disposition);
    else
        call_provisional(call, msg);
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
    call_watch before;

    if (!m || !message_usable(msg))
        return NULL;
    timer_b_expire(m, msg->time);
    if (sc_kb_lookup(msg->status_code).malformed)
        return malformed_response(m, msg);

    entry = call_id_ensure(m, msg->call_id);
    before = watch_call(entry, msg);
    txn = transaction_lookup(m, entry, msg->cseq, msg->cseq_method);
    if (!txn)
        txn = transaction_from_response(m, entry, msg);
    state = sc_arena_new0(m->records, sc_response_state);
    state->frame = msg->frame;
    describe_match(state, txn, entry, msg);
    if (transaction_note_response(m, txn, msg->status_code, to_tag_of(msg)))
        state->retransmission = TRUE;
    else
        transaction_take_response(m, txn, state, msg, disposition);
    state->call_changed = call_moved(before, entry);
    return state;
}

/* ---- The end of the capture and the results ---------------------------- */

/* Timer B keeps running for what finish ended, so an INVITE that is still
 * unanswered when a live capture goes on dies when it should. */

void sc_outcome_finish(sc_outcome_machine *m)
{
    if (m)
        transactions_close_open_invites(m);
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
