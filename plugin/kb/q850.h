/* sipcodes knowledge base: ITU-T Q.850 cause values (as carried in a SIP
 * Reason header, RFC 3326 / RFC 6432) and their RFC 3398 SIP mappings.
 *
 * Pure data plus lookups; no Wireshark headers.
 *
 * A note on RFC 3398 section numbers, because they are easy to swap:
 * 7.2.4.1 maps a Q.850 cause to a SIP status (a gateway received an ISUP
 * release and answers a SIP INVITE); 8.2.6.1 maps a SIP status to a Q.850
 * cause (a gateway received a SIP failure and releases towards the PSTN).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_Q850_H
#define SIPCODES_Q850_H

#include <glib.h>

/* A cause value fits in 7 bits; larger numbers cannot be a Q.850 cause. */
#define SC_Q850_MAX_CAUSE 127

typedef struct {
    guint8      cause;
    const char *name;             /* the ITU-T name, verbatim */
    const char *description;      /* what it means, in plain words */
    const char *likely_cause;     /* what usually produces it in operations */
    const char *action;           /* the recommended next step */
    guint16     rfc3398_sip_code; /* RFC 3398 7.2.4.1 status for this cause; 0 = none */
    guint16     rfc3398_alt_code; /* a conditional alternative (21 -> 603, 22 -> 301); 0 = none */
    gboolean    rfc3398_default;  /* rfc3398_sip_code is the 500 catch-all, not a table row */
    const char *rfc3398_note;     /* the condition behind the mapping, or NULL */
} sc_q850_info;

/* Where a cause was set: the Q.850 location field, which RFC 8606 carries
 * in the Reason header's "location" parameter. */
#define SC_Q850_NO_LOCATION 0xFFu   /* the Reason value carries no location */

typedef struct {
    guint8      code;     /* the Q.850 location value */
    const char *token;    /* its RFC 8606 spelling: "U", "LPN", "LN", "TN", "RLN", "RPN", "INTL", "BI" */
    const char *name;     /* "public network serving the remote user"... */
    gboolean    network;  /* a public, transit or international network released the call */
} sc_q850_location_info;

/* NULL for SC_Q850_NO_LOCATION and for the values Q.850 reserves. */
const sc_q850_location_info *sc_q850_location(guint location);

/* Reads a location parameter value: the RFC 8606 token (case aside) or the
 * bare number. FALSE, and *location untouched, when it is neither. */
gboolean sc_q850_location_parse(const char *text, gsize len, guint *location);

/* What a location says about how far the cause can be trusted; NULL for NULL. */
const char *sc_q850_location_provenance(const sc_q850_location_info *where);

/* A value Q.850 leaves unassigned but that common equipment sends anyway
 * (FreeSWITCH and Asterisk keep causes from older ISDN recommendations). */
typedef struct {
    guint8      cause;
    const char *name;         /* the name the senders give it */
    const char *senders;      /* who sends it */
    const char *description;
    const char *action;
} sc_q850_non_itu_info;

const sc_q850_non_itu_info *sc_q850_non_itu_causes(gsize *count);

/* How a cause value is explained. description and action are never NULL:
 * an unassigned or out-of-range value gets a generic text, so the caller
 * can always show something. */
typedef struct {
    guint               cause;
    const sc_q850_info *info;        /* the cause's own row; NULL unless assigned */
    const sc_q850_non_itu_info *non_itu; /* unassigned but sent by known equipment, or NULL */
    gboolean            assigned;    /* Q.850 gives this value a meaning */
    gboolean            unassigned;  /* 0..127 but Q.850 leaves it unassigned */
    gboolean            malformed;   /* > 127: not encodable as a cause value */
    const char         *name;        /* ITU name, the senders' name for a non-ITU value,
                                        "(unassigned in Q.850)" / "(not a Q.850 cause value)" */
    const char         *class_name;  /* "normal event"...; NULL when malformed */
    const char         *description;
    const char         *action;
    const sc_q850_location_info *location; /* where the cause was set; NULL when not said */
    const char         *provenance;  /* what the location says about the cause's weight; NULL
                                        without a location */
} sc_q850_explanation;

const sc_q850_info *sc_q850_lookup(guint cause);      /* NULL for 0, > 127 or unassigned */
const sc_q850_info *sc_q850_causes(gsize *count);     /* the assigned causes, ascending */
sc_q850_explanation sc_q850_explain(guint cause);
/* The same, for a cause that came with a location (SC_Q850_NO_LOCATION: none). */
sc_q850_explanation sc_q850_explain_at(guint cause, guint location);

/* The Q.850 class of a value, from its upper three bits ("normal event",
 * "resource unavailable", ...); NULL above 127. */
const char *sc_q850_class_name(guint cause);

/* ---- does a response's cause agree with its status? ----
 *
 * The rule, its tables and their sources are in q850_mismatch.c and in
 * docs/q850-mismatch.md. In order, the first that applies:
 *   NO_CLAIM     the status is no failure (1xx-3xx), or 487, or the cause
 *                says nothing specific about the call (16, 26, 31, 127,
 *                unassigned values without a known meaning...);
 *   RFC3398      RFC 3398 itself produces the pair, in either direction or
 *                through its equivalents (6xx counterparts, 500 for 503,
 *                408/480);
 *   DE_FACTO     common equipment sends the pair (FreeSWITCH, Asterisk,
 *                Oracle SBC): a row of the de-facto table, with its source;
 *   SAME_MEANING status and cause put the call in the same place (both say
 *                busy, both say the number is invalid...);
 *   CONTRADICTS  they say different things about the call. */
typedef enum {
    SC_Q850_NO_CLAIM,
    SC_Q850_RFC3398,
    SC_Q850_DE_FACTO,
    SC_Q850_SAME_MEANING,
    SC_Q850_CONTRADICTS
} sc_q850_verdict;

typedef struct {
    sc_q850_verdict verdict;
    const char *cause_says;        /* what the cause says about the call ("Busy"...); NULL on NO_CLAIM */
    const char *status_says;       /* the status's disposition; NULL on NO_CLAIM */
    guint       expected_sip_code; /* CONTRADICTS: the status equipment sends for this cause */
    const char *source;            /* DE_FACTO: who sends the pair */
    const char *which_to_trust;    /* CONTRADICTS: which of the two to believe, and why */
} sc_q850_judgement;

/* location: the cause's Q.850 location, or SC_Q850_NO_LOCATION. */
sc_q850_judgement sc_q850_judge(guint sip_code, guint cause, guint location);
const char       *sc_q850_verdict_name(sc_q850_verdict verdict);

/* What a cause says about the call ("Busy", "Refused"...) and the status
 * equipment usually sends with it; NULL (and *usual_sip_code untouched)
 * when the cause makes no claim. usual_sip_code may be NULL. */
const char       *sc_q850_cause_says(guint cause, guint *usual_sip_code);

/* One row of the de-facto table: a pair that deployed equipment sends. */
typedef struct {
    guint16     sip_code;
    guint8      cause;
    const char *source;
} sc_q850_de_facto_pair;

const sc_q850_de_facto_pair *sc_q850_de_facto_pairs(gsize *count);

/* TRUE when sc_q850_judge() says CONTRADICTS without a location;
 * *expected_sip_code (may be NULL) receives its expected_sip_code on TRUE
 * and 0 otherwise. */
gboolean sc_q850_contradicts(guint sip_code, guint cause, guint *expected_sip_code);

/* RFC 3398 8.2.6.1: the cause a gateway sends when it receives this SIP
 * status. 31 (the RFC's default) for a failure code without a specific row,
 * including 488 and 606 whose cause depends on the Warning; 23 for the
 * redirections the RFC lists (used only when the gateway does not recurse);
 * 0 for 487 (no mapping), for 1xx, 2xx and unlisted 3xx, and for values that
 * are not SIP status codes. */
guint sc_sip_to_q850(guint sip_code);

#endif
