/* Per-call and per-transaction state machine (DESIGN 2).
 *
 * Fed every SIP message of a capture in frame order, it matches responses to
 * requests, spots retransmissions and decides each call's outcome. Plain C
 * over GLib: the post-dissector, the unit tests and the CLI drive it alike.
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

typedef struct sc_outcome_machine sc_outcome_machine;

/* One call: every INVITE transaction sharing a Call-ID. */
typedef struct {
    char          *call_id;
    guint32        first_frame;     /* the first INVITE */
    double         start_time;
    char          *from;
    char          *to;

    gboolean       outcome_known;   /* FALSE while undecided */
    sc_disposition outcome;
    guint32        decisive_frame;  /* 0 when none (No Final Response, undecided) */
    guint          decisive_code;
    char          *decisive_reason; /* phrase as carried */
    gboolean       has_q850;
    guint          q850_cause;      /* from the decisive response's Reason */

    gboolean       has_pdd;
    double         pdd_ms;          /* first INVITE to first 18x */
    gboolean       has_setup_time;
    double         setup_time_ms;   /* first INVITE to the decisive final response */
    guint          attempts;        /* INVITE transactions outside a dialog */
    guint          serial;          /* 0, 1, 2... in order of the first INVITE: an index for
                                       whoever keeps something per call */
} sc_call;

/* Where a call stands now: its outcome and deciding code, or No Final
 * Response with code 0 while it is undecided (which is what it is if the
 * capture ends there). */
typedef struct {
    sc_disposition outcome;
    guint          code;
} sc_call_standing;

sc_call_standing sc_call_standing_of(const sc_call *call);

/* What the machine knows about one request. */
typedef struct {
    guint32   frame;
    guint     retransmission    : 1; /* same method, Call-ID, CSeq as an earlier one */
    guint     no_final_response : 1; /* INVITE that got no final response (so far: see sc_outcome_finish) */
    guint     call_changed      : 1; /* this request made the call or changed its outcome or deciding code */
    const sc_call *call;           /* INVITE/ACK/CANCEL/BYE of a call; NULL otherwise */
} sc_request_state;

/* What the machine knows about one response. */
typedef struct {
    guint32   frame;
    guint32   request_frame;       /* 0 when the request was not seen */
    double    response_time_ms;    /* meaningful when request_frame != 0 */
    guint     retransmission : 1;  /* same code, CSeq and To-tag as an earlier one */
    guint     initial_invite : 1;  /* answers an INVITE outside a dialog */
    guint     decisive       : 1;  /* decided its call's outcome */
    guint     superseded     : 1;  /* a final response the call got past */
    guint     call_changed   : 1;  /* this response made the call or changed its outcome or deciding code */
    const sc_call *call;           /* NULL for responses to non-INVITE outside calls */
} sc_response_state;

sc_outcome_machine *sc_outcome_new(double no_final_timeout_s);
void                sc_outcome_free(sc_outcome_machine *m);

/* Optional: announces that a message with this Call-ID will be added soon.
 * The machine's lookups wait on memory more than they compute (a
 * capture's calls do not fit in the cache), so a caller with other work to
 * do in between saves most of that wait. */
void sc_outcome_prefetch(const sc_outcome_machine *m, const char *call_id);

/* Messages must arrive in frame order. NULL when the message is unusable
 * (no Call-ID or CSeq); the machine is unchanged then. */
const sc_request_state  *sc_outcome_add_request(sc_outcome_machine *m, const sc_sip_message *msg);
const sc_response_state *sc_outcome_add_response(sc_outcome_machine *m, const sc_sip_message *msg);

/* The same, with the disposition this response stands for when it decides
 * its call: a provider override may give a code another meaning. */
const sc_response_state *sc_outcome_add_response_as(sc_outcome_machine *m, const sc_sip_message *msg,
                                                    sc_disposition disposition);

/* The capture has ended: INVITE transactions still open become No Final Response. */
void sc_outcome_finish(sc_outcome_machine *m);

/* Calls in order of their first INVITE. */
typedef void (*sc_call_func)(const sc_call *call, gpointer user_data);
void  sc_outcome_foreach_call(const sc_outcome_machine *m, sc_call_func func, gpointer user_data);
guint sc_outcome_call_count(const sc_outcome_machine *m);

#endif
