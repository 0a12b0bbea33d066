/* The outcome machine's private records, shared by its source files:
 * outcome.c (public entry points), transactions.c (matching,
 * retransmissions, Timer B and C), calls.c (the call rules of DESIGN 2) and
 * peers.c (the addresses calls were answered from).
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
typedef struct attempt attempt;
typedef struct final_record final_record;

/* Everything sharing one Call-ID, whether or not it is a call. */
typedef struct {
    const char  *call_id;       /* first member, as call_id_table wants; the text follows
                                   the record, to share its cache line */
    call_record *call;          /* NULL until a message of an INVITE dialog shows up */
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

/* RFC 3261 17.1.3: a response belongs to the client transaction of its top
 * Via branch and its CSeq method. The Call-ID and CSeq number are part of
 * the key too, so that a peer without branches (RFC 2543) still has its
 * transactions told apart as before branches existed. */
typedef struct {
    const call_id_entry *call_id;   /* interned: compared by pointer */
    const char          *branch;    /* NULL without one */
    guint32              branch_hash;
    guint32              cseq;
    const char          *method;    /* interned */
} transaction_key;

/* A final response an INVITE transaction got, kept for the call's rules. */
struct final_record {
    sc_response_state *state;
    transaction       *txn;
    final_record      *next;        /* the transaction's next later final */
    double             time;
    guint              code;
    const char        *to_tag;      /* interned; NULL without */
    const char        *phrase;      /* interned */
    sc_disposition     disposition; /* what it stands for if it decides */
    gboolean           has_q850;
    guint              q850_cause;
};

/* A CANCEL of an INVITE transaction. */
typedef struct {
    guint32     frame;
    double      time;
    const char *from_tag;           /* interned; NULL without */
    guint       reason_count;
    sc_reason   reasons[SC_MAX_REASONS];
} cancel_record;

struct transaction {
    transaction_key   key;              /* first member: the set hashes the record through it */
    sc_request_state *request;          /* the first request's state; NULL while unseen */
    double            request_time;     /* the request's, else the first response's */
    guint             via_count;        /* of its request or responses; 0 when unknown */
    transaction      *next_in_call;     /* the Call-ID's next older transaction */
    transaction      *next_in_attempt;  /* the attempt's next later transaction */
    attempt          *attempt;          /* initial INVITEs only */
    response_seen     seen[INLINE_RESPONSES_SEEN];
    response_seen    *more_seen;        /* beyond the inline ones (forks) */
    guint             seen_count;       /* inline ones in use */
    final_record     *finals;           /* in arrival order; retransmissions left out */
    final_record     *last_final;
    cancel_record    *cancel;           /* the first CANCEL of this INVITE */
    const char       *responder;        /* where its first response came from (peers.c) */
    const char       *target;           /* where its request went */
    double            timer_c_due;      /* the running Timer C's due time; 0 when none */
    double            ended_at;         /* when a timer or an ICMP error ended it */
    sc_transport_error_state *transport_error;
    const char       *failure_text;     /* what the ICMP error said failed (interned) */
    guint             is_invite       : 1;
    guint             initial_invite  : 1;
    guint             got_response    : 1;
    guint             got_final       : 1;
    guint             got_alerting    : 1;
    /* Ended without a final: Timer B or C ran out, or an ICMP error. What
     * arrives for it now comes too late to decide anything. */
    guint             expired         : 1;
    guint             transport_failed: 1;
};

/* The caller's INVITE and the copies proxies in the capture forwarded of
 * it: the initial INVITE transactions of a call with one CSeq number. */
struct attempt {
    guint32      cseq;
    attempt     *next;                  /* the call's next older attempt */
    transaction *transactions;          /* in order of creation */
    transaction *last_transaction;
};

struct call_record {
    sc_call       pub;
    call_record  *next;                 /* in order of creation */
    attempt      *attempts;             /* newest first */
    attempt      *latest;               /* the highest CSeq: what the outcome is about */
    final_record *decisive;             /* NULL when undecided or decided by no response */
    final_record *best_answer;          /* the most upstream, earliest 2xx; NULL while unanswered */
    attempt      *flagged;              /* the attempt whose finals carry the live decisive and
                                           superseded flags */
    sc_transport_error_state *failure_decider; /* the ICMP error that decided, if one did */
    const char   *caller_tag;           /* From tag of the first initial INVITE */
    guint32       bye_frame;            /* the first BYE after the answer */
    double        bye_time;
    const char   *bye_from_tag;
    guint         bye_reason_count;
    sc_reason     bye_reasons[SC_MAX_REASONS];
    /* Times are measured from the first INVITE request; a call first seen
     * through a response has no such origin. */
    gboolean      start_is_request;
    gboolean      changed;              /* queued in the machine's changed list */
};

#define PEER_CACHE_SLOTS 64

typedef struct {
    sc_endpoint  endpoint;
    const char  *text;                  /* NULL: empty slot */
} peer_slot;

struct sc_outcome_machine {
    double        no_final_timeout_s;   /* Timer B */
    double        timer_c_s;
    sc_arena     *records;
    GStringChunk *strings;
    call_id_table call_ids;             /* of call_id_entry */
    GHashTable   *crowded;              /* set of transaction, of Call-IDs past CALL_ID_LIST_LIMIT */
    GArray       *timer_b;              /* timer_entry: INVITE transactions awaiting any response,
                                           oldest first, from index timer_b_head on */
    guint         timer_b_head;
    GArray       *timer_c;              /* timer_entry: Timer C starts, oldest first */
    guint         timer_c_head;
    double        next_due;             /* the earliest due time in either queue */
    GHashTable   *peers;                /* endpoint key -> interned text */
    peer_slot     peer_cache[PEER_CACHE_SLOTS];
    GPtrArray    *changed;              /* call_record, changed since last taken */
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
transaction    *transaction_lookup(sc_outcome_machine *m, call_id_entry *entry, const char *branch,
                                   guint32 cseq, const char *method);
transaction    *transaction_create(sc_outcome_machine *m, call_id_entry *entry, const char *branch,
                                   guint32 cseq, const char *method);
/* Records the response; TRUE when the transaction had already answered
 * with the same code and To-tag. *kept: the transaction's copy of the tag. */
gboolean        transaction_note_response(sc_outcome_machine *m, transaction *txn,
                                          guint code, const char *to_tag, const char **kept);
/* One shared copy of a text that repeats across calls (a phrase, a
 * number a dialer calls from); machine_copy for one that does not (tags). */
const char     *machine_intern(sc_outcome_machine *m, const char *text);
const char     *machine_copy(sc_outcome_machine *m, const char *text);
void            timer_b_start(sc_outcome_machine *m, transaction *txn);
void            timer_c_start(sc_outcome_machine *m, transaction *txn, double now);
void            timers_expire(sc_outcome_machine *m, double now);

/* calls.c */
call_record    *call_ensure(sc_outcome_machine *m, call_id_entry *entry, const sc_sip_message *msg);
void            call_saw_initial_invite(sc_outcome_machine *m, call_record *call, const sc_sip_message *msg);
void            call_add_attempt_transaction(sc_outcome_machine *m, call_record *call, transaction *txn);
/* first_response: the transaction's first response, which tells where it
 * was answered from. */
void            call_provisional(sc_outcome_machine *m, call_record *call, transaction *txn,
                                 const sc_sip_message *msg, gboolean first_response);
void            call_final(sc_outcome_machine *m, call_record *call, transaction *txn, final_record *final);
/* Something about the call's transactions changed (a timer, an ICMP error,
 * a late request): decide again. */
void            call_reconsider(sc_outcome_machine *m, call_record *call);
void            call_bye(sc_outcome_machine *m, call_record *call, const sc_sip_message *msg);
void            call_cancel(sc_outcome_machine *m, call_record *call, transaction *invite,
                            const sc_sip_message *msg);
void            call_mark_changed(sc_outcome_machine *m, call_record *call);

/* peers.c */
void            peers_init(sc_outcome_machine *m);
void            peers_clear(sc_outcome_machine *m);
/* The endpoint as text ("203.0.113.10:5060", "[2001:db8::1]:5060"), one
 * copy per distinct endpoint; NULL when unknown. */
const char     *peer_text(sc_outcome_machine *m, const sc_endpoint *endpoint);

#endif
