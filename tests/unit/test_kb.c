/* Unit tests of the SIP status code knowledge base, against the IANA
 * registry copy in tests/reference/sip_codes.tsv.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>
#include "kb.h"
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
        g_assert_cmpstr(lookup.info->reason, ==, row[1]);
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
        "Invalid Number", "Blocked", "Auth Challenge", "Redirected", "Media Rejected",
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

static void test_disposition_severity(void)
{
    g_assert_cmpint(sc_disposition_severity(SC_DISP_ANSWERED), ==, SC_SEVERITY_NONE);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_BUSY), ==, SC_SEVERITY_NOTE);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_CANCELLED), ==, SC_SEVERITY_NOTE);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_BLOCKED), ==, SC_SEVERITY_WARN);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_CONGESTION), ==, SC_SEVERITY_ERROR);
    g_assert_cmpint(sc_disposition_severity(SC_DISP_NO_FINAL_RESPONSE), ==, SC_SEVERITY_ERROR);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
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
    g_test_add_func("/kb/disposition-severity", test_disposition_severity);
    return g_test_run();
}
