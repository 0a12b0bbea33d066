/* sipcodes knowledge base: what every SIP status code means and what to do about it.
 *
 * Pure data plus lookups; no Wireshark headers, so the plugin, the unit tests
 * and the companion command share one copy of the truth.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_KB_H
#define SIPCODES_KB_H

#include <glib.h>

/* The fixed disposition vocabulary (DESIGN 1.3). Order is the display order
 * of the statistics; names are what users filter on. */
typedef enum {
    SC_DISP_ANSWERED,
    SC_DISP_BUSY,
    SC_DISP_NO_ANSWER,
    SC_DISP_DECLINED,
    SC_DISP_UNWANTED,
    SC_DISP_CANCELLED,
    SC_DISP_ANSWERED_ELSEWHERE, /* 487 after a CANCEL with Reason SIP;cause=200 (RFC 3326) */
    SC_DISP_INVALID_NUMBER,
    SC_DISP_BLOCKED,
    SC_DISP_AUTH_CHALLENGE,
    SC_DISP_REDIRECTED,
    SC_DISP_MEDIA_REJECTED,
    SC_DISP_CONGESTION,
    SC_DISP_SERVICE_FAILURE,
    SC_DISP_REQUEST_ERROR,
    SC_DISP_NO_FINAL_RESPONSE,
    SC_DISP_IN_PROGRESS,
    SC_DISP_OK,
    SC_DISP_COUNT
} sc_disposition;

typedef enum {
    SC_RETRY_NO,
    SC_RETRY_YES,
    SC_RETRY_LATER,     /* back off; honour Retry-After */
    SC_RETRY_MODIFIED,  /* only after changing the request */
    SC_RETRY_COUNT
} sc_retry;

typedef enum {
    SC_FAULT_NONE,
    SC_FAULT_CALLER,
    SC_FAULT_NETWORK,
    SC_FAULT_CALLEE,
    SC_FAULT_COUNT
} sc_fault;

/* Expert-info severity a response deserves; NONE for 1xx/2xx. */
typedef enum {
    SC_SEVERITY_NONE,
    SC_SEVERITY_CHAT,
    SC_SEVERITY_NOTE,
    SC_SEVERITY_WARN,
    SC_SEVERITY_ERROR
} sc_severity;

#define SC_MAX_CAUSES 7

typedef struct {
    guint16        code;
    const char    *reason;       /* the registered reason phrase */
    const char    *rfc;          /* defining RFC, e.g. "RFC 3261" */
    gboolean       historic;     /* RFC 2543 only, absent from the IANA registry */
    const char    *description;  /* what it means, in plain words */
    const char    *causes[SC_MAX_CAUSES]; /* most likely first; unused slots NULL */
    const char    *action;       /* the recommended next step */
    sc_disposition disposition;  /* for a 2xx: the disposition for an initial INVITE */
    sc_retry       retry;
    sc_fault       fault;
    sc_severity    severity;
} sc_code_info;

/* How a status code is explained: by its own row, or by its class row. */
typedef struct {
    guint               code;
    const sc_code_info *info;        /* the row that explains it; NULL only when malformed */
    gboolean            known;       /* info is this code's own row */
    gboolean            registered;  /* the code is in the IANA registry */
    gboolean            malformed;   /* outside 100..699: not a SIP status code */
} sc_code_lookup;

sc_code_lookup      sc_kb_lookup(guint code);
const sc_code_info *sc_kb_code(guint code);          /* own row or NULL */
const sc_code_info *sc_kb_codes(gsize *count);       /* every row, ascending by code */

guint               sc_code_class(guint code);        /* 1..6, 0 when malformed */
const char         *sc_class_name(guint status_class);/* "Client Failure"...; NULL outside 1..6 */

/* The advice for one response in its context. */
typedef struct {
    sc_disposition disposition;
    sc_retry       retry;
} sc_advice;

/* 1xx is In Progress; a 2xx is Answered only when it answers an initial
 * INVITE, OK otherwise; a Retry-After turns a failure's retry into "later". */
sc_advice sc_kb_advise(const sc_code_lookup *lookup, gboolean answers_initial_invite,
                       gboolean has_retry_after);

/* TRUE when the carried phrase is the registered one or a spelling that the
 * RFCs' own grammar or the common SIP stacks use (phrases.c), case and
 * surrounding blanks aside: the phrase is free text, only other wording is
 * news. */
gboolean sc_kb_phrase_is_standard(const sc_code_info *info, const char *phrase);

/* Where an accepted spelling other than the registered one comes from
 * ("RFC 3261 25.1 grammar..."); NULL for the registered phrase and for
 * vendor wording. The phrase is compared whole, case aside. */
const char *sc_kb_phrase_variant_source(guint code, const char *phrase);

/* How loudly a call that ended with this disposition should be reported:
 * NONE for success, NOTE for normal unanswered ends, WARN for configuration
 * problems, ERROR for server and network failures. */
sc_severity sc_disposition_severity(sc_disposition d);

/* ITU-T E.411 network effectiveness: the network delivered the call to the
 * callee's side, whatever the callee then did: answered, busy, no answer,
 * and rejected by the user (603 Declined, 607 Unwanted). NER counts these;
 * ASR counts Answered alone. A call cancelled while alerting also reached
 * the callee, but Cancelled alone does not say whether it had alerted:
 * that takes the call's history (the outcome machine), not a disposition. */
gboolean sc_disposition_reached_callee(sc_disposition d);

/* No status code stands for an INVITE that got no final response, so it has
 * no row: this is what to do about it. */
extern const char sc_kb_no_final_response_action[];

/* A Call-ID whose initial INVITE the capture does not hold (DESIGN 2): what
 * the calls table shows in its Disposition column. Not a disposition: such
 * a dialog is no call and counts in no KPI. */
extern const char sc_kb_no_invite_label[];

const char *sc_disposition_name(sc_disposition d);
gboolean    sc_disposition_from_name(const char *name, sc_disposition *out);
const char *sc_retry_name(sc_retry r);
gboolean    sc_retry_from_name(const char *name, sc_retry *out);
const char *sc_fault_name(sc_fault f);

#endif
