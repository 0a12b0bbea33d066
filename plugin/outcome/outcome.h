/* Per-call and per-transaction state machine (DESIGN 2).
 *
 * Fed every SIP message of a capture in frame order, it matches responses to
 * requests as RFC 3261 17 does (top Via branch, CSeq method), spots
 * retransmissions, runs Timer B and Timer C, and decides each call's
 * outcome: what the caller received, on a capture taken at the caller, a
 * proxy, an SBC or between them. Plain C over GLib: the post-dissector, the
 * unit tests and the fuzzer drive it alike.
 *
 * Records it hands out stay valid, and keep being updated as later messages
 * arrive, until sc_outcome_free(): a caller may store the pointers per frame
 * and read them again later to see what only a later frame could tell
 * (superseded, the call's outcome on its early frames).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_OUTCOME_H
#define SIPCODES_OUTCOME_H

#include <glib.h>
#include "../kb/kb.h"
#include "../sip_message.h"

#define SC_DEFAULT_NO_FINAL_TIMEOUT 32.0  /* RFC 3261 Timer B, 64*T1 */
#define SC_DEFAULT_TIMER_C          180.0 /* RFC 3261 Timer C, "greater than 3 minutes" at a proxy */

typedef struct sc_outcome_machine sc_outcome_machine;

typedef enum {
    SC_ENDED_UNKNOWN,   /* not ended, or by a message whose sender cannot be told */
    SC_ENDED_BY_CALLER,
    SC_ENDED_BY_CALLEE
} sc_ended_by;

/* One call: every INVITE transaction sharing a Call-ID. */
typedef struct {
    char          *call_id;
    /* FALSE: the capture holds no initial INVITE for this Call-ID, only
     * responses or in-dialog requests (it began before the capture). Such a
     * dialog is not a call: it has no outcome and counts in no KPI. */
    gboolean       invite_seen;
    guint32        first_frame;     /* the first initial INVITE (else the first message) */
    double         start_time;
    char          *from;
    char          *to;

    gboolean       outcome_known;   /* FALSE while undecided: In Progress */
    sc_disposition outcome;
    guint32        decisive_frame;  /* 0 when none (No Final Response, undecided) */
    guint          decisive_code;   /* 0 when no response decided it */
    char          *decisive_reason; /* phrase as carried; for a transport failure, what failed */
    gboolean       has_q850;
    guint          q850_cause;      /* from the decisive response's Reason */

    gboolean       has_pdd;
    double         pdd_ms;          /* first INVITE to first 18x */
    gboolean       has_setup_time;
    double         setup_time_ms;   /* first INVITE to the decisive final response */
    guint          attempts;        /* the caller's INVITEs: distinct CSeq numbers of initial INVITEs */
    const char    *peer;            /* "203.0.113.10:5060"; NULL when not known */

    /* How it ended: the BYE (answered) or CANCEL (not answered) that did. */
    sc_ended_by    ended_by;
    guint32        end_frame;       /* 0 while not ended */
    gboolean       end_by_cancel;
    gboolean       has_duration;
    double         duration_s;      /* answered and ended by a BYE: from the answer to the BYE */
    guint          end_reason_count;
    sc_reason      end_reasons[SC_MAX_REASONS]; /* the Reason values of that BYE or CANCEL */

    guint          serial;          /* 0, 1, 2... in order of creation: an index for
                                       whoever keeps something per call */
} sc_call;

/* Where a call stands now: not a call at all, or its outcome and deciding
 * code (In Progress with code 0 while undecided). */
typedef struct {
    gboolean       is_call;
    sc_disposition outcome;
    guint          code;
} sc_call_standing;

sc_call_standing sc_call_standing_of(const sc_call *call);

/* What the machine knows about one request. */
typedef struct {
    guint32   frame;
    guint     retransmission    : 1; /* same transaction as an earlier request */
    guint     no_final_response : 1; /* INVITE whose Timer B or C expired without a final response */
    const sc_call *call;           /* INVITE/CANCEL/BYE of a call; NULL otherwise */
} sc_request_state;

/* What the machine knows about one response. */
typedef struct {
    guint32   frame;
    guint32   request_frame;       /* 0 when the request was not seen */
    double    response_time_ms;    /* meaningful when request_frame != 0 */
    guint     retransmission     : 1; /* same code and To-tag as an earlier one of its transaction */
    guint     initial_invite     : 1; /* answers an INVITE outside a dialog */
    guint     decisive           : 1; /* decided its call's outcome */
    guint     superseded         : 1; /* a final response the call got past */
    guint     answered_elsewhere : 1; /* a 487 to an INVITE cancelled with Reason SIP;cause=200 */
    const sc_call *call;           /* NULL for responses to non-INVITE outside calls */
} sc_response_state;

/* What the machine made of an ICMP error that quotes a request. */
typedef struct {
    guint32   frame;
    guint32   request_frame;       /* the quoted request's frame; 0 when not in the capture */
    guint     failed_transaction : 1; /* it ended a transaction still waiting for its final */
    guint     decisive           : 1; /* that failure decided its call */
    const sc_call *call;
} sc_transport_error_state;

sc_outcome_machine *sc_outcome_new(double no_final_timeout_s, double timer_c_s);
void                sc_outcome_free(sc_outcome_machine *m);

/* Optional: announces that a message with this Call-ID will be added soon.
 * The machine's lookups wait on memory more than they compute (a
 * capture's calls do not fit in the cache), so a caller with other work to
 * do in between saves most of that wait. */
void sc_outcome_prefetch(const sc_outcome_machine *m, const char *call_id);

/* Time passes: every frame, SIP or not, brings its time here before its
 * messages, so that timers expire when the capture says they do. */
void sc_outcome_advance(sc_outcome_machine *m, double now);

/* Messages must arrive in frame order. NULL when the message is unusable
 * (no Call-ID, no CSeq, or a CSeq number that is none); the machine is
 * unchanged then. */
const sc_request_state  *sc_outcome_add_request(sc_outcome_machine *m, const sc_sip_message *msg);
const sc_response_state *sc_outcome_add_response(sc_outcome_machine *m, const sc_sip_message *msg);

/* The same, with the disposition this response stands for when it decides
 * its call: a provider override may give a code another meaning. */
const sc_response_state *sc_outcome_add_response_as(sc_outcome_machine *m, const sc_sip_message *msg,
                                                    sc_disposition disposition);

/* An ICMP destination unreachable that quotes `quoted`, a request this
 * side sent (RFC 3261 8.1.3.1: a transport failure of its transaction).
 * `what` says what failed ("ICMP port unreachable"). NULL when the quoted
 * message is unusable or no request. */
const sc_transport_error_state *sc_outcome_add_transport_error(sc_outcome_machine *m,
                                                               const sc_sip_message *quoted,
                                                               guint32 frame, double time,
                                                               const char *what);

/* The calls whose public record changed since the last call, each once, in
 * the order they changed; then forgets them. */
typedef void (*sc_call_func)(const sc_call *call, gpointer user_data);
void  sc_outcome_take_changed(sc_outcome_machine *m, sc_call_func func, gpointer user_data);

/* Calls (and dialogs without their INVITE) in order of creation. */
void  sc_outcome_foreach_call(const sc_outcome_machine *m, sc_call_func func, gpointer user_data);
guint sc_outcome_call_count(const sc_outcome_machine *m);

#endif
