/* Unit tests of the SIP status code knowledge base, against the IANA
 * registry copy in tests/reference/sip_codes.tsv.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>
#include "kb.h"
#include "reason_text.h"
#include "reference.h"

static gboolean has_text(const char *s)
{
    return s && *s && !g_ascii_isspace(*s);
}

static void test_every_registered_code_is_explained(void)
{
    gchar ***rows = read_tsv("sip_codes.tsv", 4);

    g_assert_cmpuint(row_count(rows), ==, 75);
    for (guint i = 0; rows[i]; i++) {
        char **row = rows[i];
        guint code = (guint)g_ascii_strtoull(row[0], NULL, 10);
        sc_code_lookup lookup = sc_kb_lookup(code);
        char *expected_rfc = g_strdup_printf("RFC %s", row[3] + 3);

        g_test_message("code %u", code);
        g_assert_true(lookup.known);
        g_assert_true(lookup.registered);
        g_assert_false(lookup.malformed);
        /* IANA marks 202's deprecation in its phrase column; the phrase
         * that RFC 3265 registered and stacks send is "Accepted". */
        if (code == 202)
            g_assert_cmpstr(row[1], ==, "Accepted (Deprecated)");
        g_assert_cmpstr(lookup.info->reason, ==, code == 202 ? "Accepted" : row[1]);
        g_assert_cmpuint(sc_code_class(code), ==, (guint)g_ascii_strtoull(row[2], NULL, 10));
        g_assert_cmpstr(lookup.info->rfc, ==, expected_rfc);
        g_assert_true(has_text(lookup.info->description));
        g_assert_true(has_text(lookup.info->causes[0]));
        g_assert_true(has_text(lookup.info->action));
        g_free(expected_rfc);
    }
    free_rows(rows);
}

static void test_historic_codes_are_known_but_unregistered(void)
{
    static const guint historic[] = { 409, 411 };

    for (gsize i = 0; i < G_N_ELEMENTS(historic); i++) {
        sc_code_lookup lookup = sc_kb_lookup(historic[i]);
        g_assert_true(lookup.known);
        g_assert_false(lookup.registered);
        g_assert_true(lookup.info->historic);
        g_assert_cmpstr(lookup.info->rfc, ==, "RFC 2543");
        g_assert_true(strstr(lookup.info->description, "2543") != NULL);
    }
}

static void test_table_is_sorted_complete_and_filled(void)
{
    gsize count = 0;
    const sc_code_info *rows = sc_kb_codes(&count);

    g_assert_cmpuint(count, ==, 77);
    for (gsize i = 0; i < count; i++) {
        const sc_code_info *row = &rows[i];
        if (i > 0)
            g_assert_cmpuint(rows[i - 1].code, <, row->code);
        for (int c = 0; c < SC_MAX_CAUSES && row->causes[c]; c++)
            g_assert_true(has_text(row->causes[c]));
        /* Failures deserve an expert entry; successes and provisionals none. */
        if (row->code >= 300)
            g_assert_cmpint(row->severity, !=, SC_SEVERITY_NONE);
        else
            g_assert_cmpint(row->severity, ==, SC_SEVERITY_NONE);
        if (row->code >= 300)
            g_assert_cmpint(row->disposition, !=, SC_DISP_IN_PROGRESS);
    }
}

static void test_unregistered_codes_fall_back_to_their_class(void)
{
    static const struct { guint code; guint fallback; } cases[] = {
        { 499, 400 }, { 431, 400 }, { 299, 200 }, { 150, 183 }, { 399, 300 },
        { 599, 500 }, { 699, 600 }, { 102, 183 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        sc_code_lookup lookup = sc_kb_lookup(cases[i].code);
        g_assert_false(lookup.known);
        g_assert_false(lookup.registered);
        g_assert_false(lookup.malformed);
        g_assert_nonnull(lookup.info);
        g_assert_cmpuint(lookup.info->code, ==, cases[i].fallback);
        g_assert_cmpuint(lookup.code, ==, cases[i].code);
    }
}

static void test_codes_outside_the_range_are_malformed(void)
{
    static const guint bad[] = { 0, 1, 99, 700, 999, 1000, 65535, G_MAXUINT };

    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        sc_code_lookup lookup = sc_kb_lookup(bad[i]);
        sc_advice advice = sc_kb_advise(&lookup, TRUE, TRUE);
        g_assert_true(lookup.malformed);
        g_assert_null(lookup.info);
        g_assert_false(lookup.registered);
        g_assert_cmpuint(sc_code_class(bad[i]), ==, 0);
        g_assert_null(sc_class_name(sc_code_class(bad[i])));
        g_assert_cmpint(advice.disposition, ==, SC_DISP_REQUEST_ERROR);
    }
}

static void test_class_names(void)
{
    g_assert_cmpstr(sc_class_name(1), ==, "Provisional");
    g_assert_cmpstr(sc_class_name(2), ==, "Success");
    g_assert_cmpstr(sc_class_name(3), ==, "Redirection");
    g_assert_cmpstr(sc_class_name(4), ==, "Client Failure");
    g_assert_cmpstr(sc_class_name(5), ==, "Server Failure");
    g_assert_cmpstr(sc_class_name(6), ==, "Global Failure");
}

static void test_disposition_names_round_trip(void)
{
    static const char *const design_vocabulary[] = {
        "Answered", "Busy", "No Answer", "Declined", "Unwanted", "Cancelled",
        "Answered Elsewhere", "Invalid Number", "Blocked", "Auth Challenge", "Redirected", "Media Rejected",
        "Congestion", "Service Failure", "Request Error", "No Final Response",
        "In Progress", "OK",
    };
    sc_disposition d;

    g_assert_cmpuint(G_N_ELEMENTS(design_vocabulary), ==, SC_DISP_COUNT);
    for (int i = 0; i < SC_DISP_COUNT; i++) {
        g_assert_cmpstr(sc_disposition_name((sc_disposition)i), ==, design_vocabulary[i]);
        g_assert_true(sc_disposition_from_name(design_vocabulary[i], &d));
        g_assert_cmpint(d, ==, i);
    }
    g_assert_true(sc_disposition_from_name("no answer", &d));
    g_assert_cmpint(d, ==, SC_DISP_NO_ANSWER);
    g_assert_false(sc_disposition_from_name("Rejected", &d));
    g_assert_false(sc_disposition_from_name("", &d));
    g_assert_false(sc_disposition_from_name(NULL, &d));
}

static void test_retry_and_fault_names(void)
{
    static const char *const retry[] = { "no", "yes", "later", "modified" };
    sc_retry r;

    for (int i = 0; i < SC_RETRY_COUNT; i++) {
        g_assert_cmpstr(sc_retry_name((sc_retry)i), ==, retry[i]);
        g_assert_true(sc_retry_from_name(retry[i], &r));
        g_assert_cmpint(r, ==, i);
    }
    g_assert_false(sc_retry_from_name("sometimes", &r));
    g_assert_cmpstr(sc_fault_name(SC_FAULT_NONE), ==, "none");
    g_assert_cmpstr(sc_fault_name(SC_FAULT_CALLER), ==, "caller");
    g_assert_cmpstr(sc_fault_name(SC_FAULT_NETWORK), ==, "network");
    g_assert_cmpstr(sc_fault_name(SC_FAULT_CALLEE), ==, "callee");
}

static void test_operator_expectations(void)
{
    /* What dialer and trunk operators expect of the common codes. */
    static const struct { guint code; sc_disposition disposition; sc_severity severity; } cases[] = {
        { 486, SC_DISP_BUSY, SC_SEVERITY_NOTE },
        { 600, SC_DISP_BUSY, SC_SEVERITY_NOTE },
        { 480, SC_DISP_NO_ANSWER, SC_SEVERITY_NOTE },
        { 487, SC_DISP_CANCELLED, SC_SEVERITY_NOTE },
        { 603, SC_DISP_DECLINED, SC_SEVERITY_NOTE },
        { 607, SC_DISP_UNWANTED, SC_SEVERITY_NOTE },
        { 404, SC_DISP_INVALID_NUMBER, SC_SEVERITY_WARN },
        { 604, SC_DISP_INVALID_NUMBER, SC_SEVERITY_WARN },
        { 403, SC_DISP_BLOCKED, SC_SEVERITY_WARN },
        { 488, SC_DISP_MEDIA_REJECTED, SC_SEVERITY_WARN },
        { 407, SC_DISP_AUTH_CHALLENGE, SC_SEVERITY_CHAT },
        { 302, SC_DISP_REDIRECTED, SC_SEVERITY_CHAT },
        { 503, SC_DISP_CONGESTION, SC_SEVERITY_ERROR },
        { 500, SC_DISP_SERVICE_FAILURE, SC_SEVERITY_ERROR },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        const sc_code_info *info = sc_kb_code(cases[i].code);
        g_assert_nonnull(info);
        g_assert_cmpint(info->disposition, ==, cases[i].disposition);
        g_assert_cmpint(info->severity, ==, cases[i].severity);
    }
    g_assert_cmpint(sc_kb_code(403)->retry, ==, SC_RETRY_NO);
    g_assert_cmpint(sc_kb_code(503)->retry, ==, SC_RETRY_LATER);
    g_assert_cmpint(sc_kb_code(407)->retry, ==, SC_RETRY_MODIFIED);
    g_assert_cmpint(sc_kb_code(503)->fault, ==, SC_FAULT_NETWORK);
    g_assert_cmpint(sc_kb_code(486)->fault, ==, SC_FAULT_CALLEE);
}

static void test_advice_depends_on_context(void)
{
    sc_code_lookup ringing = sc_kb_lookup(180);
    sc_code_lookup ok = sc_kb_lookup(200);
    sc_code_lookup unregistered_ok = sc_kb_lookup(299);
    sc_code_lookup unavailable = sc_kb_lookup(503);
    sc_code_lookup forbidden = sc_kb_lookup(403);

    g_assert_cmpint(sc_kb_advise(&ringing, TRUE, FALSE).disposition, ==, SC_DISP_IN_PROGRESS);
    g_assert_cmpint(sc_kb_advise(&ok, TRUE, FALSE).disposition, ==, SC_DISP_ANSWERED);
    g_assert_cmpint(sc_kb_advise(&ok, FALSE, FALSE).disposition, ==, SC_DISP_OK);
    g_assert_cmpint(sc_kb_advise(&unregistered_ok, TRUE, FALSE).disposition, ==, SC_DISP_ANSWERED);
    g_assert_cmpint(sc_kb_advise(&unavailable, TRUE, TRUE).retry, ==, SC_RETRY_LATER);
    g_assert_cmpint(sc_kb_advise(&forbidden, TRUE, FALSE).retry, ==, SC_RETRY_NO);
    /* A Retry-After on a 403 still asks the caller to wait (RFC 3261 20.33). */
    g_assert_cmpint(sc_kb_advise(&forbidden, TRUE, TRUE).retry, ==, SC_RETRY_LATER);
    /* A Retry-After never turns a success into a retry. */
    g_assert_cmpint(sc_kb_advise(&ok, TRUE, TRUE).retry, ==, SC_RETRY_NO);
}

static void test_phrase_comparison(void)
{
    const sc_code_info *busy = sc_kb_code(486);
    const sc_code_info *decline = sc_kb_code(603);

    g_assert_true(sc_kb_phrase_is_standard(busy, "Busy Here"));
    g_assert_true(sc_kb_phrase_is_standard(busy, "busy here"));
    g_assert_true(sc_kb_phrase_is_standard(busy, "  Busy Here \r"));
    g_assert_false(sc_kb_phrase_is_standard(busy, "Busy"));
    g_assert_false(sc_kb_phrase_is_standard(busy, "Busy Here Now"));
    g_assert_false(sc_kb_phrase_is_standard(busy, ""));
    g_assert_false(sc_kb_phrase_is_standard(decline, "MaxPeak Cost Exceeded"));
    g_assert_true(sc_kb_phrase_is_standard(decline, NULL));
}

/* The RFC 3261 grammar's and the common stacks' spellings are standard;
 * vendor wording, typos and phrases of other codes are not. */
static const struct { guint code; const char *phrase; gboolean standard; } phrase_cases[] = {
    { 500, "Internal Server Error", TRUE },      /* sofia-sip, pjsip, RFC 3261 25.1 */
    { 500, "internal server error ", TRUE },
    { 500, "Server internal failure", TRUE },    /* Asterisk chan_sip */
    { 504, "Gateway Time-out", TRUE },
    { 504, "Server Timeout", TRUE },
    { 480, "Temporarily not available", TRUE },
    { 481, "Call Leg/Transaction Does Not Exist", TRUE },
    { 414, "Request-URI Too Large", TRUE },
    { 505, "SIP Version not supported", TRUE },
    { 183, "Session in Progress", TRUE },
    { 436, "Bad Identity-Info", TRUE },
    { 437, "Unsupported Certificate", TRUE },
    { 409, "Conflict", TRUE },
    { 411, "Length Required", TRUE },
    { 603, "Declined", TRUE },
    { 202, "Accepted", TRUE },                   /* Asterisk and FreeSWITCH answering REFER */
    { 202, "Accepted (Deprecated)", TRUE },
    { 603, "MaxPeak Cost Exceeded", FALSE },     /* vendor wording stays news */
    { 603, "Network Blocked", FALSE },
    { 503, "Internal Server Error", FALSE },     /* a spelling belongs to its code */
    { 430, "Anonymity Disallowed", FALSE },      /* 433's phrase on the wrong code */
    { 417, "Uknown Resource-Priority", FALSE },  /* a typo */
    { 505, "HTTP version not supported", FALSE },
    { 500, "Internal Server Error Now", FALSE },
};

static gboolean phrase_case_exists(guint code, const char *phrase)
{
    for (gsize i = 0; i < G_N_ELEMENTS(phrase_cases); i++) {
        if (phrase_cases[i].code == code && g_ascii_strcasecmp(phrase_cases[i].phrase, phrase) == 0)
            return TRUE;
    }
    return FALSE;
}

static void test_phrase_variants(void)
{
    gchar ***rows = read_tsv("non_iana_observed.tsv", 4);

    for (gsize i = 0; i < G_N_ELEMENTS(phrase_cases); i++) {
        const sc_code_info *info = sc_kb_lookup(phrase_cases[i].code).info;
        g_test_message("%u %s", phrase_cases[i].code, phrase_cases[i].phrase);
        g_assert_cmpint(sc_kb_phrase_is_standard(info, phrase_cases[i].phrase), ==, phrase_cases[i].standard);
    }
    /* Every spelling seen in the wild for a known code has a decision above. */
    for (guint i = 0; rows[i]; i++) {
        guint code = (guint)g_ascii_strtoull(rows[i][0], NULL, 10);
        gchar **spellings = g_strsplit(rows[i][1], " / ", -1);
        for (guint k = 0; sc_kb_code(code) && spellings[k]; k++) {
            if (!phrase_case_exists(code, spellings[k]))
                g_error("non_iana_observed.tsv: %u %s has no decision", code, spellings[k]);
        }
        g_strfreev(spellings);
    }
    g_assert_cmpstr(sc_kb_phrase_variant_source(500, "internal server error"), ==,
                    "RFC 3261 25.1 grammar, RFC 2543; sofia-sip (FreeSWITCH), pjsip (Asterisk)");
    g_assert_nonnull(sc_kb_phrase_variant_source(202, "Accepted (Deprecated)"));
    g_assert_null(sc_kb_phrase_variant_source(486, "Busy Here"));   /* the registered one is no variant */
    g_assert_null(sc_kb_phrase_variant_source(603, "MaxPeak Cost Exceeded"));
    g_assert_null(sc_kb_phrase_variant_source(500, NULL));
    free_rows(rows);
}

static gboolean any_cause_mentions(const sc_code_info *info, const char *words)
{
    for (int i = 0; i < SC_MAX_CAUSES && info->causes[i]; i++) {
        if (strstr(info->causes[i], words))
            return TRUE;
    }
    return FALSE;
}

/* The entries issue 15's review called wrong or misleading. */
static void test_reviewed_entries(void)
{
    const sc_code_info *accepted = sc_kb_code(202);
    const sc_code_info *invalid_identity = sc_kb_code(438);

    g_assert_cmpstr(accepted->reason, ==, "Accepted");
    g_assert_nonnull(strstr(accepted->description, "REFER"));
    g_assert_true(any_cause_mentions(accepted, "Asterisk or FreeSWITCH"));
    g_assert_null(strstr(accepted->action, "older SIP stack"));
    /* A stale Date or iat is 403 "Stale Date" (RFC 8224), not 438. */
    g_assert_false(any_cause_mentions(invalid_identity, "too old"));
    g_assert_nonnull(strstr(invalid_identity->action, "Stale Date"));
    g_assert_true(any_cause_mentions(sc_kb_code(403), "Stale Date"));
    g_assert_true(any_cause_mentions(sc_kb_code(403), "password"));
    g_assert_true(any_cause_mentions(sc_kb_code(403), "calls-per-second"));
    g_assert_true(any_cause_mentions(sc_kb_code(403), "robocall"));
    g_assert_nonnull(strstr(sc_kb_code(482)->description, "merged request"));
    g_assert_nonnull(strstr(sc_kb_code(482)->description, "8.2.2.2"));
    g_assert_true(any_cause_mentions(sc_kb_code(487), "No Answer"));
    g_assert_true(any_cause_mentions(sc_kb_code(603), "Network Blocked"));
    g_assert_nonnull(strstr(sc_kb_code(603)->action, "reputation"));
    g_assert_nonnull(strstr(sc_kb_code(503)->action, "Q.850"));
    g_assert_nonnull(strstr(sc_kb_code(408)->description, "ends that call"));
    g_assert_true(any_cause_mentions(sc_kb_code(408), "DNS"));
    g_assert_true(any_cause_mentions(sc_kb_code(404), "registration expired"));
    g_assert_true(any_cause_mentions(sc_kb_code(404), "Caller ID"));
    g_assert_true(any_cause_mentions(sc_kb_code(480), "Warning 380"));
    g_assert_true(any_cause_mentions(sc_kb_code(480), "still ringing"));
    g_assert_false(any_cause_mentions(sc_kb_code(400), "fragment"));
    g_assert_cmpint(sc_kb_code(501)->severity, ==, SC_SEVERITY_WARN);
    g_assert_cmpint(sc_kb_code(488)->fault, ==, sc_kb_code(606)->fault);
    g_assert_cmpint(sc_kb_code(608)->fault, ==, SC_FAULT_CALLER);
}

/* E.411 NER: the callee was reached whatever the callee then did; a call
 * another device of the callee's group answered reached it too. */
static void test_reached_callee(void)
{
    static const sc_disposition reached[] = {
        SC_DISP_ANSWERED, SC_DISP_BUSY, SC_DISP_NO_ANSWER, SC_DISP_DECLINED, SC_DISP_UNWANTED,
        SC_DISP_ANSWERED_ELSEWHERE,
    };

    for (int d = 0; d < SC_DISP_COUNT; d++) {
        gboolean want = FALSE;
        for (gsize i = 0; i < G_N_ELEMENTS(reached); i++)
            want |= reached[i] == (sc_disposition)d;
        g_assert_cmpint(sc_disposition_reached_callee((sc_disposition)d), ==, want);
    }
    /* 607 is the callee's own rejection, as much as 603. */
    g_assert_true(sc_disposition_reached_callee(sc_kb_code(607)->disposition));
}

static void test_disposition_severity(void)
{
    g_assert_cmpint(sc_disposition_severity(SC_DISP_ANSWERED), ==, SC_SEVERITY_NONE);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_BUSY), ==, SC_SEVERITY_NOTE);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_CANCELLED), ==, SC_SEVERITY_NOTE);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_BLOCKED), ==, SC_SEVERITY_WARN);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_CONGESTION), ==, SC_SEVERITY_ERROR);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_NO_FINAL_RESPONSE), ==, SC_SEVERITY_ERROR);
}

/* The call's end reason (sipcodes.call.end_reason) in a few words. */
static void test_reason_text(void)
{
    sc_reason q850 = { .protocol = SC_REASON_Q850, .cause = 16 };
    sc_reason elsewhere = { .protocol = SC_REASON_SIP, .cause = 200 };
    sc_reason busy = { .protocol = SC_REASON_SIP, .cause = 486 };
    sc_reason broken = { .protocol = SC_REASON_Q850, .malformed = TRUE };
    sc_reason both[] = { q850, broken, busy };
    char *text;

    text = sc_reason_text(&q850, FALSE);
    g_assert_cmpstr(text, ==, "Q.850 16: normal call clearing");
    g_free(text);
    text = sc_reason_text(&elsewhere, TRUE);
    g_assert_cmpstr(text, ==, "SIP 200: call completed elsewhere");
    g_free(text);
    text = sc_reason_text(&elsewhere, FALSE);
    g_assert_cmpstr(text, ==, "SIP 200: OK");
    g_free(text);
    text = sc_reason_text(&busy, FALSE);
    g_assert_cmpstr(text, ==, "SIP 486: busy here");
    g_free(text);
    g_assert_null(sc_reason_text(&broken, FALSE));
    text = sc_reasons_text(both, G_N_ELEMENTS(both), FALSE);
    g_assert_cmpstr(text, ==, "Q.850 16: normal call clearing; SIP 486: busy here");
    g_free(text);
    text = sc_reasons_text(NULL, 0, FALSE);
    g_assert_cmpstr(text, ==, "");
    g_free(text);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/kb/reason-text", test_reason_text);
    g_test_add_func("/kb/registered-codes-explained", test_every_registered_code_is_explained);
    g_test_add_func("/kb/historic-codes", test_historic_codes_are_known_but_unregistered);
    g_test_add_func("/kb/table-sorted-and-filled", test_table_is_sorted_complete_and_filled);
    g_test_add_func("/kb/class-fallback", test_unregistered_codes_fall_back_to_their_class);
    g_test_add_func("/kb/malformed-codes", test_codes_outside_the_range_are_malformed);
    g_test_add_func("/kb/class-names", test_class_names);
    g_test_add_func("/kb/disposition-names", test_disposition_names_round_trip);
    g_test_add_func("/kb/retry-and-fault-names", test_retry_and_fault_names);
    g_test_add_func("/kb/operator-expectations", test_operator_expectations);
    g_test_add_func("/kb/advice-in-context", test_advice_depends_on_context);
    g_test_add_func("/kb/phrase-comparison", test_phrase_comparison);
    g_test_add_func("/kb/phrase-variants", test_phrase_variants);
    g_test_add_func("/kb/reviewed-entries", test_reviewed_entries);
    g_test_add_func("/kb/reached-callee", test_reached_callee);
    g_test_add_func("/kb/disposition-severity", test_disposition_severity);
    return g_test_run();
}
