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

/* How a cause value is explained. description and action are never NULL:
 * an unassigned or out-of-range value gets a generic text, so the caller
 * can always show something. */
typedef struct {
    guint               cause;
    const sc_q850_info *info;        /* the cause's own row; NULL unless assigned */
    gboolean            assigned;    /* Q.850 gives this value a meaning */
    gboolean            unassigned;  /* 0..127 but Q.850 leaves it unassigned */
    gboolean            malformed;   /* > 127: not encodable as a cause value */
    const char         *name;        /* ITU name, or "(unassigned in Q.850)" /
                                        "(not a Q.850 cause value)" */
    const char         *class_name;  /* "normal event"...; NULL when malformed */
    const char         *description;
    const char         *action;
} sc_q850_explanation;

const sc_q850_info *sc_q850_lookup(guint cause);      /* NULL for 0, > 127 or unassigned */
const sc_q850_info *sc_q850_causes(gsize *count);     /* the assigned causes, ascending */
sc_q850_explanation sc_q850_explain(guint cause);

/* The Q.850 class of a value, from its upper three bits ("normal event",
 * "resource unavailable", ...); NULL above 127. */
const char *sc_q850_class_name(guint cause);

/* TRUE when the cause in a response's Reason header says something different
 * from the response's status code: the cause has a specific RFC 3398 mapping
 * and the code is none of the codes that mapping (or its documented
 * equivalents) allows. *expected_sip_code (may be NULL) receives the RFC 3398
 * code on TRUE and 0 otherwise. The full rule and its exemptions are
 * documented at the definition. */
gboolean sc_q850_contradicts(guint sip_code, guint cause, guint *expected_sip_code);

/* RFC 3398 8.2.6.1: the cause a gateway sends when it receives this SIP
 * status. 31 (the RFC's default) for a failure code without a specific row,
 * including 488 and 606 whose cause depends on the Warning; 23 for the
 * redirections the RFC lists (used only when the gateway does not recurse);
 * 0 for 487 (no mapping), for 1xx, 2xx and unlisted 3xx, and for values that
 * are not SIP status codes. */
guint sc_sip_to_q850(guint sip_code);

#endif
