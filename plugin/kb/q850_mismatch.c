/* Does a response's Q.850 cause agree with its status code?
 *
 * By meaning, not by one RFC table: a status and a cause contradict only
 * when they say different things about the call (busy against no answer,
 * an invalid number against congestion...). An alarm that fires on pairs
 * that common equipment sends every day teaches users to ignore it, so the
 * pairs RFC 3398 produces and the pairs deployed equipment produces are
 * accepted before meanings are compared. docs/q850-mismatch.md states the
 * rule for users; tests/unit/test_q850_mismatch.c checks every status
 * against every cause.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "kb.h"
#include "q850.h"

/* ---- what a cause says about the call ----
 *
 * A family is the set of dispositions that say the same thing about a call:
 * a 403 (Blocked) and a 603 (Declined) both say someone refused it. */
#define DISP(d) (1u << (SC_DISP_##d))

typedef struct {
    const char *name;
    guint32     dispositions;
} meaning_family;

static const meaning_family busy       = { "Busy", DISP(BUSY) };
static const meaning_family unanswered = { "No Answer", DISP(NO_ANSWER) };
static const meaning_family refused    = { "Refused",
    DISP(DECLINED) | DISP(UNWANTED) | DISP(BLOCKED) | DISP(AUTH_CHALLENGE) };
static const meaning_family bad_number = { "Invalid Number", DISP(INVALID_NUMBER) | DISP(REDIRECTED) };
static const meaning_family media      = { "Media Rejected", DISP(MEDIA_REJECTED) };
static const meaning_family network    = { "Network Failure", DISP(CONGESTION) | DISP(SERVICE_FAILURE) };
static const meaning_family request    = { "Request Error", DISP(REQUEST_ERROR) };

typedef struct {
    guint8                cause;
    const meaning_family *says;
    guint16               usual_code; /* the status equipment sends with it */
} cause_claim;

/* Only causes that say something specific about the call. 16, 26 (a losing
 * fork branch or a misrouted ported number), 31, 44 and 127 say nothing that
 * a status could contradict, nor do the causes RFC 3398 sends to its 500
 * catch-all. 52 and 54 are not in Q.850 but FreeSWITCH and Asterisk send
 * them with 403 (q850_non_itu.c). */
static const cause_claim claims[] = {
    { 1, &bad_number, 404 },  { 2, &bad_number, 404 },  { 3, &bad_number, 404 },
    { 17, &busy, 486 },
    { 18, &unanswered, 408 }, { 19, &unanswered, 480 }, { 20, &unanswered, 480 },
    { 21, &refused, 403 },
    { 22, &bad_number, 410 }, { 23, &bad_number, 410 },
    { 25, &network, 483 },    { 27, &network, 502 },
    { 28, &bad_number, 484 },
    { 29, &request, 501 },
    { 34, &network, 503 },    { 38, &network, 503 },    { 41, &network, 503 },
    { 42, &network, 503 },    { 47, &network, 503 },
    { 52, &refused, 403 },    { 54, &refused, 403 },    { 55, &refused, 403 },
    { 57, &refused, 403 },
    { 58, &network, 503 },
    { 65, &media, 488 },      { 70, &media, 488 },
    { 79, &request, 501 },
    { 87, &refused, 403 },
    /* RFC 3398 sends 88 to 503, but "incompatible destination" is what
     * gateways and B2BUAs report for a failed media negotiation. */
    { 88, &media, 488 },
    { 102, &network, 504 },   { 111, &network, 500 },
};

static const cause_claim *claim_of(guint cause)
{
    for (gsize i = 0; i < G_N_ELEMENTS(claims); i++) {
        if (claims[i].cause == cause)
            return &claims[i];
    }
    return NULL;
}

const char *sc_q850_cause_says(guint cause, guint *usual_sip_code)
{
    const cause_claim *claim = claim_of(cause);

    if (!claim)
        return NULL;
    if (usual_sip_code)
        *usual_sip_code = claim->usual_code;
    return claim->says->name;
}

/* ---- pairs that deployed equipment sends ----
 *
 * Where FreeSWITCH, Asterisk or an Oracle SBC map differently from
 * RFC 3398: only pairs that RFC 3398 does not produce itself and whose cause
 * makes a claim, each with the function or table it comes from.
 * tests/reference/q850_de_facto.tsv holds the same rows; the unit test keeps
 * the two equal. */
static const sc_q850_de_facto_pair de_facto[] = {
    { 403, 52, "FreeSWITCH mod_sofia hangup_cause_to_sip(): OUTGOING_CALL_BARRED" },
    { 403, 54, "FreeSWITCH mod_sofia hangup_cause_to_sip(): INCOMING_CALL_BARRED" },
    { 480, 47, "FreeSWITCH mod_sofia hangup_cause_to_sip(): causes it does not list become 480" },
    { 480, 111, "FreeSWITCH mod_sofia hangup_cause_to_sip(): causes it does not list become 480" },
    { 485, 3, "FreeSWITCH sofia_glue_sip_cause_to_freeswitch(): 485 becomes NO_ROUTE_DESTINATION" },
    { 488, 58, "Asterisk hangup_cause2sip() and hangup_sip2cause(): BEARERCAPABILITY_NOTAVAIL and 488 "
               "map to each other" },
    { 488, 88, "FreeSWITCH mod_sofia hangup_cause_to_sip() and sofia_glue_sip_cause_to_freeswitch(): "
               "INCOMPATIBLE_DESTINATION and 488 map to each other" },
    { 606, 58, "Asterisk hangup_sip2cause(): 606 becomes BEARERCAPABILITY_NOTAVAIL" },
    { 606, 88, "FreeSWITCH sofia_glue_sip_cause_to_freeswitch(): 606 becomes INCOMPATIBLE_DESTINATION; "
               "Oracle (Acme Packet) SBC default SIP to ISUP mapping" },
};

const sc_q850_de_facto_pair *sc_q850_de_facto_pairs(gsize *count)
{
    if (count)
        *count = G_N_ELEMENTS(de_facto);
    return de_facto;
}

static const char *de_facto_source(guint sip_code, guint cause)
{
    for (gsize i = 0; i < G_N_ELEMENTS(de_facto); i++) {
        if (de_facto[i].sip_code == sip_code && de_facto[i].cause == cause)
            return de_facto[i].source;
    }
    return NULL;
}

/* ---- RFC 3398's own pairs ---- */

static guint global_counterpart(guint sip_code)
{
    switch (sip_code) {
    case 403: return 603;
    case 404: return 604;
    case 486: return 600;
    case 488: return 606;
    default:  return 0;
    }
}

static gboolean no_answer_code(guint sip_code)
{
    return sip_code == 408 || sip_code == 480;
}

/* Whether sip_code is the code RFC 3398 expects, or one of its documented
 * equivalents: the 6xx counterpart (RFC 3261 21.6), 500 for 503 (a proxy
 * sends a lone 503 upstream as 500, RFC 3261 16.7), and 408 for 480 or the
 * reverse (RFC 3398 itself uses both for "nobody answered"). */
static gboolean allowed_for_expected(guint sip_code, guint expected)
{
    if (expected == 0)
        return FALSE;
    if (sip_code == expected || sip_code == global_counterpart(expected))
        return TRUE;
    if (expected == 503 && sip_code == 500)
        return TRUE;
    return no_answer_code(expected) && no_answer_code(sip_code);
}

/* 7.2.4.1 (cause to status, with 21's and 22's alternatives) or 8.2.6.1
 * (status to cause): a gateway translating either way produces the pair. */
static gboolean rfc3398_pair(guint sip_code, guint cause)
{
    const sc_q850_info *info = sc_q850_lookup(cause);

    if (info && !info->rfc3398_default
        && (allowed_for_expected(sip_code, info->rfc3398_sip_code)
            || allowed_for_expected(sip_code, info->rfc3398_alt_code)))
        return TRUE;
    return sc_sip_to_q850(sip_code) == cause;
}

/* ---- which of the two to believe ---- */

static const char trust_network[] =
    "The cause's location names a public network: the call was released in the PSTN and the "
    "cause reached SIP through an ISUP gateway, first-hand. The status is a mapping made on the "
    "way; believe the cause.";
static const char trust_user[] =
    "The cause's location names the called user's own equipment or a private network (a PBX): "
    "it was set at the far end, and a proxy or SBC may have rewritten the status after it. "
    "Compare with a trace taken beyond the far SBC before acting on either.";
static const char trust_unknown[] =
    "Nothing says where the cause was set. If it crossed an ISUP gateway from the PSTN it is "
    "the more reliable of the two; if a B2BUA (a PBX, an SBC) derived one from the other "
    "through its own table, both are second-hand and the mapping lost detail: trace the call "
    "beyond that B2BUA before acting on either.";

static const char *which_to_trust(guint location)
{
    const sc_q850_location_info *where = sc_q850_location(location);

    if (!where)
        return trust_unknown;
    return where->network ? trust_network : trust_user;
}

/* RFC 3398 7.2.4.1: cause 21 set by the user becomes 603, else 403. */
static guint expected_code(const cause_claim *claim, guint location)
{
    if (claim->cause == 21 && location == 0)
        return 603;
    return claim->usual_code;
}

static gboolean judged_status(guint sip_code)
{
    /* 487 answers a CANCEL: its cause says why the caller gave up (16, 31,
     * or 26 for a losing fork branch), not why the callee failed. */
    return sip_code >= 400 && sip_code <= 699 && sip_code != 487;
}

sc_q850_judgement sc_q850_judge(guint sip_code, guint cause, guint location)
{
    sc_q850_judgement j = { .verdict = SC_Q850_NO_CLAIM };
    const cause_claim *claim = claim_of(cause);
    sc_code_lookup status;

    if (!judged_status(sip_code) || !claim)
        return j;
    status = sc_kb_lookup(sip_code);
    j.cause_says = claim->says->name;
    j.status_says = sc_disposition_name(status.info->disposition);
    if (rfc3398_pair(sip_code, cause)) {
        j.verdict = SC_Q850_RFC3398;
    } else if ((j.source = de_facto_source(sip_code, cause)) != NULL) {
        j.verdict = SC_Q850_DE_FACTO;
    } else if (claim->says->dispositions & (1u << status.info->disposition)) {
        j.verdict = SC_Q850_SAME_MEANING;
    } else {
        j.verdict = SC_Q850_CONTRADICTS;
        j.expected_sip_code = expected_code(claim, location);
        j.which_to_trust = which_to_trust(location);
    }
    return j;
}

gboolean sc_q850_contradicts(guint sip_code, guint cause, guint *expected_sip_code)
{
    sc_q850_judgement j = sc_q850_judge(sip_code, cause, SC_Q850_NO_LOCATION);
    gboolean contradicts = j.verdict == SC_Q850_CONTRADICTS;

    if (expected_sip_code)
        *expected_sip_code = contradicts ? j.expected_sip_code : 0;
    return contradicts;
}

const char *sc_q850_verdict_name(sc_q850_verdict verdict)
{
    switch (verdict) {
    case SC_Q850_NO_CLAIM:     return "no claim";
    case SC_Q850_RFC3398:      return "RFC 3398";
    case SC_Q850_DE_FACTO:     return "de facto";
    case SC_Q850_SAME_MEANING: return "same meaning";
    case SC_Q850_CONTRADICTS:  return "contradicts";
    }
    return "?";
}
