/* The outcome machine's private records, shared by its source files:
 * outcome.c (public entry points), transactions.c (matching, retransmissions,
 * Timer B) and calls.c (the call outcome rules of DESIGN 2).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_OUTCOME_INTERNAL_H
#define SIPCODES_OUTCOME_INTERNAL_H

#include <glib.h>
#include "outcome.h"
#include "arena.h"
#include "call_id_table.h"

typedef struct call_record call_record;
typedef struct transaction transaction;

/* Everything sharing one Call-ID, whether or not it is a call. */
typedef struct {
    const char  *call_id;       /* first member, as call_id_table wants; the text follows
                                   the record, to share its cache line */
    call_record *call;          /* NULL until an initial INVITE shows up */
    transaction *last_used;     /* most messages belong to the transaction before them */
    transaction *transactions;  /* newest first */
    guint        transaction_count;
} call_id_entry;

/* A call has a handful of transactions: its own list finds them. A Call-ID
 * that lives long (REGISTER refreshes, OPTIONS pings) gathers hundreds, and
 * from this many on they are found through the machine's table instead. */
#define CALL_ID_LIST_LIMIT 8

/* One (code, To-tag) a transaction has answered with; a repeat is a
 * retransmission. */
typedef struct response_seen {
    struct response_seen *next;
    const char           *to_tag;   /* NULL when the response had none */
    guint                 code;
} response_seen;

/* 100, 180, 200: what an INVITE usually gets, kept in the transaction. */
#define INLINE_RESPONSES_SEEN 3

typedef struct {
    const call_id_entry *call_id;   /* interned: key fields compare by pointer */
    guint32              cseq;
    const char          *method;    /* interned */
} transaction_key;

struct transaction {
    transaction_key   key;              /* first member: the set hashes the record through it */
    sc_request_state *request;          /* the first request's state; NULL while unseen */
    double            request_time;
    transaction      *next_in_call;     /* the Call-ID's next older transaction */
    response_seen     seen[INLINE_RESPONSES_SEEN];
    response_seen    *more_seen;        /* beyond the inline ones (forks) */
    guint             seen_count;       /* inline ones in use */
    guint             is_invite       : 1;
    guint             initial_invite  : 1;
    guint             got_response    : 1;
    guint             got_final       : 1;
    /* Dead (Timer B): whatever arrives for it now comes too late to decide
     * anything. */
    guint             closed          : 1;
    /* Ended by sc_outcome_finish() only: in a live capture the capture was
     * not over after all, and a final response may still arrive. */
    guint             ended_at_finish : 1;
};

struct call_record {
    sc_call            pub;
    call_record       *next;               /* in order of the first INVITE */
    transaction       *latest_attempt;     /* initial INVITE with the highest CSeq */
    sc_response_state *decisive_response;  /* NULL when undecided or No Final Response */
    gboolean           answered;
    /* Times are measured from the first INVITE request; a call first seen
     * through a response has no such origin. */
    gboolean           start_is_request;
};

struct sc_outcome_machine {
    double        no_final_timeout_s;
    sc_arena     *records;
    GStringChunk *strings;
    call_id_table call_ids;        /* of call_id_entry */
    GHashTable   *crowded;         /* set of transaction, of Call-IDs past CALL_ID_LIST_LIMIT */
    GArray       *timer_b;         /* timer_entry: INVITE transactions awaiting any response,
                                      oldest first, from index timer_b_head on */
    guint         timer_b_head;
    call_record  *first_call;
    call_record  *last_call;
    guint         call_count;
};

/* transactions.c */
void            transactions_init(sc_outcome_machine *m);
void            transactions_clear(sc_outcome_machine *m);
void            call_id_prefetch(const sc_outcome_machine *m, const char *call_id);
call_id_entry  *call_id_lookup(sc_outcome_machine *m, const char *call_id);
call_id_entry  *call_id_ensure(sc_outcome_machine *m, const char *call_id);
transaction    *transaction_lookup(sc_outcome_machine *m, call_id_entry *entry,
                                   guint32 cseq, const char *method);
transaction    *transaction_create(sc_outcome_machine *m, call_id_entry *entry,
                                   guint32 cseq, const char *method);
/* Records the response; TRUE when the transaction had already answered
 * with the same code and To-tag. */
gboolean        transaction_note_response(sc_outcome_machine *m, transaction *txn,
                                          guint code, const char *to_tag);
void            timer_b_start(sc_outcome_machine *m, transaction *txn);
void            timer_b_expire(sc_outcome_machine *m, double now);
void            transactions_close_open_invites(sc_outcome_machine *m);
void            transaction_resume(transaction *txn);

/* calls.c */
call_record    *call_ensure(sc_outcome_machine *m, call_id_entry *entry, const sc_sip_message *msg,
                            gboolean from_request);
void            call_new_attempt(call_record *call, transaction *txn);
void            call_provisional(call_record *call, const sc_sip_message *msg);
void            call_final(sc_outcome_machine *m, call_record *call, transaction *txn,
                           sc_response_state *state, const sc_sip_message *msg,
                           sc_disposition disposition);
void            call_attempt_failed(call_record *call, transaction *txn);
void            call_attempt_resumed(call_record *call, transaction *txn);

#endif
