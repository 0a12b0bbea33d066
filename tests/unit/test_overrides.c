/* Unit tests of provider overrides and of how an explanation merges the
 * knowledge base, an override and the response's context.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>
#include "explain.h"
#include "overrides.h"
#include "outcome.h"

static sc_override row(guint code, const char *phrase, const char *server, const char *disposition,
                       const char *retry)
{
    sc_override r;
    char *error = NULL;

    memset(&r, 0, sizeof r);
    g_assert_true(sc_override_parse(code, disposition, retry, &r, &error));
    g_assert_null(error);
    r.phrase_contains = (char *)phrase;
    r.server_contains = (char *)server;
    r.description = (char *)"";
    r.cause = (char *)"";
    r.action = (char *)"";
    return r;
}

static void test_first_matching_row_wins(void)
{
    sc_override_set *set = sc_override_set_new();
    sc_override cost = row(603, "MaxPeak", "", "Blocked", "no");
    sc_override any603 = row(603, "", "", "Declined", "");
    sc_override acme480 = row(480, "", "acme", "Invalid Number", "no");
    const sc_override *hit;

    cost.description = (char *)"The provider's per-minute cost cap for this destination was exceeded.";
    sc_override_set_add(set, &cost);
    sc_override_set_add(set, &any603);
    sc_override_set_add(set, &acme480);
    g_assert_cmpuint(sc_override_set_count(set), ==, 3);

    hit = sc_override_match(set, 603, "MaxPeak Cost Exceeded", "ExampleTrunk SBC");
    g_assert_nonnull(hit);
    g_assert_cmpstr(hit->description, ==, cost.description);
    g_assert_true(hit != &cost);    /* the set keeps its own copy */

    hit = sc_override_match(set, 603, "maxpeak cost exceeded", NULL);
    g_assert_nonnull(hit);
    g_assert_cmpint(hit->disposition, ==, SC_DISP_BLOCKED);

    hit = sc_override_match(set, 603, "Decline", NULL);
    g_assert_nonnull(hit);
    g_assert_cmpint(hit->disposition, ==, SC_DISP_DECLINED);

    g_assert_nonnull(sc_override_match(set, 480, "Temporarily Unavailable", "ACME Gateway 2.1"));
    g_assert_null(sc_override_match(set, 480, "Temporarily Unavailable", "Other"));
    g_assert_null(sc_override_match(set, 480, "Temporarily Unavailable", NULL));
    g_assert_null(sc_override_match(set, 486, "Busy Here", NULL));
    g_assert_null(sc_override_match(NULL, 603, "Decline", NULL));
    sc_override_set_free(set);
}

static void test_rows_are_validated(void)
{
    sc_override r;
    char *error = NULL;

    g_assert_false(sc_override_parse(99, "", "", &r, &error));
    g_assert_nonnull(strstr(error, "100-699"));
    g_clear_pointer(&error, g_free);

    g_assert_false(sc_override_parse(700, "", "", &r, &error));
    g_clear_pointer(&error, g_free);

    g_assert_false(sc_override_parse(603, "Cost Cap", "", &r, &error));
    g_assert_nonnull(strstr(error, "Cost Cap"));
    g_assert_nonnull(strstr(error, "\"Blocked\""));
    g_clear_pointer(&error, g_free);

    g_assert_false(sc_override_parse(603, "Blocked", "sometimes", &r, &error));
    g_assert_nonnull(strstr(error, "later"));
    g_clear_pointer(&error, g_free);

    g_assert_true(sc_override_parse(603, "", "", &r, &error));
    g_assert_false(r.has_disposition);
    g_assert_false(r.has_retry);
    g_assert_true(sc_override_parse(603, "no answer", "LATER", &r, &error));
    g_assert_cmpint(r.disposition, ==, SC_DISP_NO_ANSWER);
    g_assert_cmpint(r.retry, ==, SC_RETRY_LATER);
    g_assert_null(error);
}

static void test_explanation_without_override(void)
{
    sc_explanation busy = sc_explain_response(486, NULL, TRUE, FALSE);
    sc_explanation ok_bye = sc_explain_response(200, NULL, FALSE, FALSE);
    sc_explanation unavailable = sc_explain_response(503, NULL, TRUE, TRUE);
    sc_explanation malformed = sc_explain_response(700, NULL, TRUE, FALSE);
    sc_explanation unregistered = sc_explain_response(499, NULL, TRUE, FALSE);

    g_assert_cmpint(busy.disposition, ==, SC_DISP_BUSY);
    g_assert_cmpstr(busy.description, ==, sc_kb_code(486)->description);
    g_assert_cmpstr(busy.causes[0], ==, sc_kb_code(486)->causes[0]);
    g_assert_cmpint(busy.severity, ==, SC_SEVERITY_NOTE);
    g_assert_cmpint(ok_bye.disposition, ==, SC_DISP_OK);
    g_assert_cmpint(unavailable.retry, ==, SC_RETRY_LATER);
    g_assert_null(malformed.lookup.info);
    g_assert_null(malformed.description);
    g_assert_false(unregistered.lookup.registered);
    g_assert_cmpstr(unregistered.description, ==, sc_kb_code(400)->description);
}

static void test_override_changes_exactly_what_it_names(void)
{
    sc_override cost = row(603, "MaxPeak", "", "Blocked", "no");
    sc_override only_action = row(480, "", "", "", "");
    sc_explanation e;

    cost.cause = (char *)"Destination's per-minute cost is above the account's cap";
    e = sc_explain_response(603, &cost, TRUE, FALSE);
    g_assert_true(e.override == &cost);
    g_assert_cmpint(e.disposition, ==, SC_DISP_BLOCKED);
    g_assert_cmpint(e.severity, ==, SC_SEVERITY_WARN);
    g_assert_cmpstr(e.causes[0], ==, cost.cause);
    g_assert_null(e.causes[1]);
    /* Empty columns keep the knowledge base's text. */
    g_assert_cmpstr(e.description, ==, sc_kb_code(603)->description);
    g_assert_cmpstr(e.action, ==, sc_kb_code(603)->action);

    only_action.action = (char *)"Ask the provider: their 480 means the number is not in service.";
    e = sc_explain_response(480, &only_action, TRUE, FALSE);
    g_assert_cmpstr(e.action, ==, only_action.action);
    g_assert_cmpint(e.disposition, ==, SC_DISP_NO_ANSWER);
    g_assert_cmpint(e.retry, ==, SC_RETRY_LATER);
}

static void test_override_retry_beats_retry_after(void)
{
    sc_override never = row(503, "", "", "", "no");
    sc_explanation e = sc_explain_response(503, &never, TRUE, TRUE);

    g_assert_cmpint(e.retry, ==, SC_RETRY_NO);
}

static void test_override_disposition_decides_the_call(void)
{
    sc_outcome_machine *m = sc_outcome_new(SC_DEFAULT_NO_FINAL_TIMEOUT, SC_DEFAULT_TIMER_C);
    sc_sip_message invite = { .frame = 1, .time = 0.0, .method = "INVITE", .call_id = "c1",
                              .cseq = 1, .cseq_valid = TRUE, .cseq_method = "INVITE", .phrase = "" };
    sc_sip_message answer = { .frame = 2, .time = 0.5, .is_response = TRUE, .status_code = 603,
                              .phrase = "MaxPeak Cost Exceeded", .call_id = "c1", .cseq = 1, .cseq_valid = TRUE,
                              .cseq_method = "INVITE", .to_tag = "t1" };
    const sc_request_state *request = sc_outcome_add_request(m, &invite);
    const sc_response_state *response = sc_outcome_add_response_as(m, &answer, SC_DISP_BLOCKED);

    g_assert_true(response->decisive);
    g_assert_true(request->call->outcome_known);
    g_assert_cmpint(request->call->outcome, ==, SC_DISP_BLOCKED);
    g_assert_cmpstr(request->call->decisive_reason, ==, "MaxPeak Cost Exceeded");
    sc_outcome_free(m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/overrides/first-match-wins", test_first_matching_row_wins);
    g_test_add_func("/overrides/validation", test_rows_are_validated);
    g_test_add_func("/explain/without-override", test_explanation_without_override);
    g_test_add_func("/explain/override-changes-what-it-names", test_override_changes_exactly_what_it_names);
    g_test_add_func("/explain/override-retry-beats-retry-after", test_override_retry_beats_retry_after);
    g_test_add_func("/explain/override-decides-the-call", test_override_disposition_decides_the_call);
    return g_test_run();
}
