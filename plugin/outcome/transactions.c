/* Transactions: matching responses to requests (RFC 3261 17.1.3),
 * spotting retransmitted responses, and Timers B and C (an INVITE nobody
 * answered, or nobody answered finally).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "outcome_internal.h"
#include "../parse/sip_parse.h"

/* ---- Call-IDs ---------------------------------------------------------- */

call_id_entry *call_id_lookup(sc_outcome_machine *m, const char *call_id)
{
    return call_id_table_find(&m->call_ids, call_id, call_id_text_hash(call_id, strlen(call_id)));
}

void call_id_prefetch(const sc_outcome_machine *m, const char *call_id)
{
    call_id_table_prefetch(&m->call_ids, call_id_text_hash(call_id, strlen(call_id)));
}

call_id_entry *call_id_ensure(sc_outcome_machine *m, const char *call_id)
{
    gsize len = strlen(call_id);
    guint32 hash = call_id_text_hash(call_id, len);
    call_id_entry *entry = call_id_table_find(&m->call_ids, call_id, hash);

    if (entry)
        return entry;
    entry = sc_arena_alloc0(m->records, sizeof *entry + len + 1);
    memcpy(entry + 1, call_id, len + 1);
    entry->call_id = (const char *)(entry + 1);
    call_id_table_insert(&m->call_ids, entry, hash);
    return entry;
}

/* ---- Transactions ------------------------------------------------------ */

/* Call-ID entries are arena records 8-byte aligned, so their addresses need
 * mixing before GLib folds the hash into a bucket index. */
static guint mix64(guint64 x)
{
    x ^= x >> 33;
    x *= G_GUINT64_CONSTANT(0xff51afd7ed558ccd);
    x ^= x >> 33;
    return (guint)x;
}

/* The method is hashed and compared by content so that a lookup needs no
 * interned copy: looking a response up must not grow the machine. */
static guint transaction_hash(gconstpointer p)
{
    const transaction_key *key = p;
    guint64 mixed = (guint64)(guintptr)key->call_id ^ ((guint64)key->cseq << 32) ^ key->branch_hash;

    return mix64(mixed) ^ g_str_hash(key->method);
}

/* Equal texts, NULL being equal only to NULL. */
static gboolean same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Without the hash: a Call-ID's list is searched before any hash is
 * needed, and most lookups end on its last used transaction. */
static gboolean transaction_matches(const transaction_key *x, const transaction_key *y)
{
    return x->call_id == y->call_id && x->cseq == y->cseq && same_text(x->method, y->method)
           && same_text(x->branch, y->branch);
}

static gboolean transaction_equal(gconstpointer a, gconstpointer b)
{
    const transaction_key *x = a, *y = b;

    return x->branch_hash == y->branch_hash && transaction_matches(x, y);
}

static guint32 branch_hash_of(const char *branch)
{
    return branch ? call_id_text_hash(branch, strlen(branch)) : 0;
}

transaction *transaction_lookup(sc_outcome_machine *m, call_id_entry *entry, const char *branch,
                                guint32 cseq, const char *method)
{
    transaction_key probe = { .call_id = entry, .branch = branch, .cseq = cseq, .method = method };
    transaction *txn = entry->last_used;

    if (txn && transaction_matches(&txn->key, &probe))
        return txn;
    if (entry->transaction_count > CALL_ID_LIST_LIMIT) {
        probe.branch_hash = branch_hash_of(branch);
        txn = g_hash_table_lookup(m->crowded, &probe);
    } else {
        for (txn = entry->transactions; txn && !transaction_matches(&txn->key, &probe); txn = txn->next_in_call)
            ;
    }
    if (txn)
        entry->last_used = txn;
    return txn;
}

transaction *transaction_create(sc_outcome_machine *m, call_id_entry *entry, const char *branch,
                                guint32 cseq, const char *method)
{
    transaction *txn = sc_arena_new0(m->records, transaction);

    entry->last_used = txn;
    txn->key.call_id = entry;
    if (branch) {
        gsize len = strlen(branch);
        char *copy = sc_arena_alloc0(m->records, len + 1);
        memcpy(copy, branch, len);
        txn->key.branch = copy;
        txn->key.branch_hash = call_id_text_hash(branch, len);
    }
    txn->key.cseq = cseq;
    txn->key.method = sc_sip_method_constant(method, strlen(method));
    if (!txn->key.method)
        txn->key.method = g_string_chunk_insert_const(m->strings, method);
    txn->is_invite = strcmp(method, "INVITE") == 0;
    txn->next_in_call = entry->transactions;
    entry->transactions = txn;
    entry->transaction_count++;
    if (entry->transaction_count == CALL_ID_LIST_LIMIT + 1) {
        for (transaction *t = txn; t; t = t->next_in_call)
            g_hash_table_add(m->crowded, t);
    } else if (entry->transaction_count > CALL_ID_LIST_LIMIT + 1) {
        g_hash_table_add(m->crowded, txn);
    }
    return txn;
}

/* A response the transaction has answered with: with this code and
 * To-tag, or with this To-tag and any code when code is 0. */
static const response_seen *find_seen(const transaction *txn, guint code, const char *to_tag)
{
    guint inline_count = MIN(txn->seen_count, (guint)INLINE_RESPONSES_SEEN);

    for (guint i = 0; i < inline_count; i++) {
        if ((code == 0 || txn->seen[i].code == code) && same_text(txn->seen[i].to_tag, to_tag))
            return &txn->seen[i];
    }
    for (const response_seen *seen = txn->more_seen; seen; seen = seen->next) {
        if ((code == 0 || seen->code == code) && same_text(seen->to_tag, to_tag))
            return seen;
    }
    return NULL;
}

const char *machine_intern(sc_outcome_machine *m, const char *text)
{
    return text ? g_string_chunk_insert_const(m->strings, text) : NULL;
}

const char *machine_copy(sc_outcome_machine *m, const char *text)
{
    return text ? g_string_chunk_insert(m->strings, text) : NULL;
}

/* Branches of a forked INVITE answer several times with one To-tag; keeping
 * one copy of it per transaction keeps forked calls cheap. */
static const char *transaction_tag_copy(sc_outcome_machine *m, const transaction *txn,
                                        const char *to_tag)
{
    const response_seen *same;

    if (!to_tag)
        return NULL;
    same = find_seen(txn, 0, to_tag);
    return same ? same->to_tag : g_string_chunk_insert(m->strings, to_tag);
}

gboolean transaction_note_response(sc_outcome_machine *m, transaction *txn,
                                   guint code, const char *to_tag, const char **kept)
{
    response_seen *seen;

    *kept = NULL;
    if (find_seen(txn, code, to_tag))
        return TRUE;
    if (txn->seen_count < INLINE_RESPONSES_SEEN) {
        seen = &txn->seen[txn->seen_count++];
    } else {
        seen = sc_arena_new0(m->records, response_seen);
        seen->next = txn->more_seen;
        txn->more_seen = seen;
    }
    seen->code = code;
    seen->to_tag = transaction_tag_copy(m, txn, to_tag);
    *kept = seen->to_tag;
    return FALSE;
}

/* The due time sits in the queue itself: every frame checks the heads,
 * and reading one must not mean fetching a transaction from far away. */
typedef struct {
    double       due;
    transaction *txn;
} timer_entry;

void transactions_init(sc_outcome_machine *m)
{
    call_id_table_init(&m->call_ids);
    m->crowded = g_hash_table_new(transaction_hash, transaction_equal);
    m->timer_b = g_array_new(FALSE, FALSE, sizeof(timer_entry));
    m->timer_b_head = 0;
    m->timer_c = g_array_new(FALSE, FALSE, sizeof(timer_entry));
    m->timer_c_head = 0;
    m->next_due = G_MAXDOUBLE;
}

void transactions_clear(sc_outcome_machine *m)
{
    g_array_free(m->timer_b, TRUE);
    g_array_free(m->timer_c, TRUE);
    g_hash_table_destroy(m->crowded);
    call_id_table_clear(&m->call_ids);
}

/* ---- No final response ------------------------------------------------- */

static void transaction_give_up(sc_outcome_machine *m, transaction *txn, double due)
{
    call_record *call = txn->key.call_id->call;

    txn->expired = TRUE;
    txn->ended_at = due;
    if (txn->request)
        txn->request->no_final_response = TRUE;
    if (txn->initial_invite && call)
        call_reconsider(m, call);
}

static void timer_push(sc_outcome_machine *m, GArray *queue, double due, transaction *txn)
{
    timer_entry entry = { due, txn };

    g_array_append_val(queue, entry);
    m->next_due = MIN(m->next_due, due);
}

void timer_b_start(sc_outcome_machine *m, transaction *txn)
{
    timer_push(m, m->timer_b, txn->request_time + m->no_final_timeout_s, txn);
}

/* RFC 3261 16.6 step 11 restarts Timer C on every provisional response. */
void timer_c_start(sc_outcome_machine *m, transaction *txn, double now)
{
    txn->timer_c_due = now + m->timer_c_s;
    timer_push(m, m->timer_c, txn->timer_c_due, txn);
}

/* Frames arrive in time order and each queue's timeout is one constant, so
 * a queue is in due-time order and only its head can be due. An entry whose
 * transaction has moved on (answered, restarted) is dropped when it gets
 * there. */
static void expire_queue(sc_outcome_machine *m, GArray *queue, guint *head, double now, gboolean timer_c)
{
    const timer_entry *entries = (const timer_entry *)(void *)queue->data;

    while (*head < queue->len && entries[*head].due < now) {
        const timer_entry *due = &entries[(*head)++];
        transaction *txn = due->txn;
        gboolean still_waiting = timer_c ? !txn->got_final && txn->timer_c_due == due->due
                                         : !txn->got_response;
        if (still_waiting && !txn->expired && !txn->transport_failed)
            transaction_give_up(m, txn, due->due);
    }
    /* Drop the expired part now and then, not on every message. */
    if (*head >= 4096 && *head * 2 >= queue->len) {
        g_array_remove_range(queue, 0, *head);
        *head = 0;
    }
}

static double head_due(const GArray *queue, guint head)
{
    return head < queue->len ? ((const timer_entry *)(void *)queue->data)[head].due : G_MAXDOUBLE;
}

/* Every frame asks; almost never is anything due. */
void timers_expire(sc_outcome_machine *m, double now)
{
    if (now <= m->next_due)
        return;
    expire_queue(m, m->timer_b, &m->timer_b_head, now, FALSE);
    expire_queue(m, m->timer_c, &m->timer_c_head, now, TRUE);
    m->next_due = MIN(head_due(m->timer_b, m->timer_b_head), head_due(m->timer_c, m->timer_c_head));
}
