/* Unit tests of the outcome machine (DESIGN 2): every rule and the nasty
 * combinations, each as a scripted sequence of SIP messages.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>

#include "outcome_script.h"

/* ---- Answered, rejected, cancelled ------------------------------------- */

static void test_answered_call_with_bye(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *trying = respond_invite(s, 0.05, 100, CALL, 1, NULL);
    const sc_response_state *ringing = respond_invite(s, 1.0, 180, CALL, 1, "b1");
    const sc_response_state *ok = respond_invite(s, 3.0, 200, CALL, 1, "b1");
    const sc_request_state *ack = request(s, 3.1, "ACK", CALL, 1, "b1");
    const sc_request_state *bye = request(s, 60.0, "BYE", CALL, 2, "b1");
    const sc_response_state *bye_ok = respond(s, 60.1, 200, CALL, 2, "BYE", "b1");
    const sc_call *call = inv->call;

    g_assert_nonnull(call);
    g_assert_false(inv->retransmission);
    g_assert_false(inv->no_final_response);
    assert_bystander(trying);
    assert_bystander(ringing);
    g_assert_true(ok->initial_invite);
    assert_decided_by(call, ok, 200);
    assert_outcome(call, SC_DISP_ANSWERED);
    g_assert_cmpstr(call->decisive_reason, ==, "OK");
    g_assert_cmpstr(call->call_id, ==, CALL);
    g_assert_cmpstr(call->from, ==, ALICE);
    g_assert_cmpstr(call->to, ==, BOB);
    g_assert_cmpuint(call->first_frame, ==, inv->frame);
    g_assert_cmpuint(call->attempts, ==, 1);
    g_assert_true(ack->call == call && bye->call == call && bye_ok->call == call);
    g_assert_false(bye_ok->initial_invite);
    assert_bystander(bye_ok);
    g_assert_cmpuint(bye_ok->request_frame, ==, bye->frame);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 1);
    script_end(s);
}

static void test_busy_486(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *busy;

    respond_invite(s, 0.1, 100, CALL, 1, NULL);
    respond_invite(s, 0.5, 180, CALL, 1, "b1");
    busy = respond_invite(s, 2.0, 486, CALL, 1, "b1");
    request(s, 2.1, "ACK", CALL, 1, "b1");
    assert_outcome(inv->call, SC_DISP_BUSY);
    assert_decided_by(inv->call, busy, 486);
    g_assert_cmpstr(inv->call->decisive_reason, ==, "Busy Here");
    g_assert_false(inv->no_final_response);
    script_end(s);
}

static void test_not_found_404(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *not_found = respond_invite(s, 0.2, 404, CALL, 1, "b1");

    request(s, 0.3, "ACK", CALL, 1, "b1");
    assert_outcome(inv->call, SC_DISP_INVALID_NUMBER);
    assert_decided_by(inv->call, not_found, 404);
    script_end(s);
}

static void test_cancel_then_487_is_cancelled(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_request_state *cancel;
    const sc_response_state *cancel_ok, *terminated;

    respond_invite(s, 1.0, 180, CALL, 1, "b1");
    cancel = request(s, 5.0, "CANCEL", CALL, 1, NULL);
    cancel_ok = respond(s, 5.1, 200, CALL, 1, "CANCEL", "b1");
    terminated = respond_invite(s, 5.2, 487, CALL, 1, "b1");
    request(s, 5.3, "ACK", CALL, 1, "b1");

    /* CANCEL shares the INVITE's CSeq number but is a transaction of its own. */
    g_assert_false(cancel->retransmission);
    g_assert_true(cancel->call == inv->call);
    g_assert_cmpuint(cancel_ok->request_frame, ==, cancel->frame);
    g_assert_false(cancel_ok->initial_invite);
    assert_bystander(cancel_ok);
    g_assert_cmpuint(terminated->request_frame, ==, inv->frame);
    assert_outcome(inv->call, SC_DISP_CANCELLED);
    assert_decided_by(inv->call, terminated, 487);
    script_end(s);
}

static void test_unknown_code_takes_class_disposition(void)
{
    script *s = script_start();
    const sc_request_state *first = invite(s, 0.0, CALL, 1);
    const sc_request_state *second = invite(s, 0.0, CALL2, 1);
    const sc_response_state *client = respond_invite(s, 0.1, 499, CALL, 1, "b1");
    const sc_response_state *global = respond_invite(s, 0.1, 699, CALL2, 1, "b1");

    assert_decided_by(first->call, client, 499);
    assert_outcome(first->call, sc_kb_lookup(400).info->disposition);
    assert_decided_by(second->call, global, 699);
    assert_outcome(second->call, sc_kb_lookup(600).info->disposition);
    script_end(s);
}

/* ---- Superseded responses: auth, redirect, glare, session timer ------- */

/* Drives INVITE 1 -> `code` -> ACK -> INVITE 2 -> 180 -> `final2` on CALL. */
typedef struct {
    const sc_request_state  *first_invite;
    const sc_response_state *first_final;
    const sc_request_state  *second_invite;
    const sc_response_state *second_final;
} retry_run;

static retry_run run_retry(script *s, guint first_code, guint second_code)
{
    retry_run run;

    run.first_invite = invite(s, 0.0, CALL, 1);
    run.first_final = respond_invite(s, 0.1, first_code, CALL, 1, "p1");
    request(s, 0.2, "ACK", CALL, 1, "p1");
    run.second_invite = invite(s, 0.3, CALL, 2);
    respond_invite(s, 1.0, 180, CALL, 2, "b1");
    run.second_final = respond_invite(s, 4.0, second_code, CALL, 2, "b1");
    return run;
}

static void assert_retry_superseded(const retry_run *run, sc_disposition outcome, guint code)
{
    const sc_call *call = run->first_invite->call;

    g_assert_true(run->second_invite->call == call);
    assert_outcome(call, outcome);
    assert_superseded(run->first_final);
    assert_decided_by(call, run->second_final, code);
    g_assert_cmpuint(call->attempts, ==, 2);
    g_assert_cmpuint(call->first_frame, ==, run->first_invite->frame);
    g_assert_true(call->has_setup_time);
    g_assert_cmpfloat_with_epsilon(call->setup_time_ms, 4000.0, MS_EPSILON);
}

static void test_auth_407_then_retry_answered(void)
{
    script *s = script_start();
    retry_run run = run_retry(s, 407, 200);

    assert_retry_superseded(&run, SC_DISP_ANSWERED, 200);
    script_end(s);
}

static void test_auth_challenge_without_retry(void)
{
    script *s = script_start();
    const sc_request_state *proxy_auth = invite(s, 0.0, CALL, 1);
    const sc_request_state *www_auth = invite(s, 0.0, CALL2, 1);
    const sc_response_state *challenge407 = respond_invite(s, 0.1, 407, CALL, 1, "p1");
    const sc_response_state *challenge401 = respond_invite(s, 0.1, 401, CALL2, 1, "p2");

    request(s, 0.2, "ACK", CALL, 1, "p1");
    request(s, 0.2, "ACK", CALL2, 1, "p2");
    assert_outcome(proxy_auth->call, SC_DISP_AUTH_CHALLENGE);
    assert_decided_by(proxy_auth->call, challenge407, 407);
    assert_outcome(www_auth->call, SC_DISP_AUTH_CHALLENGE);
    assert_decided_by(www_auth->call, challenge401, 401);
    g_assert_cmpuint(proxy_auth->call->attempts, ==, 1);
    script_end(s);
}

/* The outcome on the challenge's frame reads "Auth Challenge" until the
 * retry shows up; the records are updated in place. */
static void test_decision_updates_in_place(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *challenge = respond_invite(s, 0.1, 407, CALL, 1, "p1");
    const sc_call *call = inv->call;

    assert_outcome(call, SC_DISP_AUTH_CHALLENGE);
    g_assert_true(challenge->decisive);
    invite(s, 0.3, CALL, 2);
    g_assert_false(call->outcome_known);
    g_assert_cmpuint(call->decisive_frame, ==, 0);
    assert_superseded(challenge);
    respond_invite(s, 0.5, 200, CALL, 2, "b1");
    assert_outcome(call, SC_DISP_ANSWERED);
    script_end(s);
}

static void test_redirect_302_then_retry_answered(void)
{
    script *s = script_start();
    retry_run run = run_retry(s, 302, 200);

    assert_retry_superseded(&run, SC_DISP_ANSWERED, 200);
    script_end(s);
}

static void test_redirect_302_alone(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *moved = respond_invite(s, 0.1, 302, CALL, 1, "r1");

    request(s, 0.2, "ACK", CALL, 1, "r1");
    assert_outcome(inv->call, SC_DISP_REDIRECTED);
    assert_decided_by(inv->call, moved, 302);
    script_end(s);
}

static void test_redirect_then_busy(void)
{
    script *s = script_start();
    retry_run run = run_retry(s, 302, 486);

    assert_retry_superseded(&run, SC_DISP_BUSY, 486);
    script_end(s);
}

static void test_auth_then_cancel(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *challenge = respond_invite(s, 0.1, 407, CALL, 1, "p1");
    const sc_response_state *terminated;

    request(s, 0.2, "ACK", CALL, 1, "p1");
    invite(s, 0.3, CALL, 2);
    respond_invite(s, 1.0, 180, CALL, 2, "b1");
    request(s, 8.0, "CANCEL", CALL, 2, NULL);
    respond(s, 8.1, 200, CALL, 2, "CANCEL", "b1");
    terminated = respond_invite(s, 8.2, 487, CALL, 2, "b1");
    request(s, 8.3, "ACK", CALL, 2, "b1");
    assert_outcome(inv->call, SC_DISP_CANCELLED);
    assert_superseded(challenge);
    assert_decided_by(inv->call, terminated, 487);
    g_assert_cmpuint(inv->call->attempts, ==, 2);
    script_end(s);
}

static void test_glare_491_then_retry_answered(void)
{
    script *s = script_start();
    retry_run run = run_retry(s, 491, 200);

    assert_retry_superseded(&run, SC_DISP_ANSWERED, 200);
    script_end(s);
}

static void test_session_timer_422_then_retry(void)
{
    script *s = script_start();
    retry_run run = run_retry(s, 422, 200);

    assert_retry_superseded(&run, SC_DISP_ANSWERED, 200);
    script_end(s);
}

static void test_session_timer_422_without_retry(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *too_small = respond_invite(s, 0.1, 422, CALL, 1, "b1");

    assert_outcome(inv->call, SC_DISP_REQUEST_ERROR);
    assert_decided_by(inv->call, too_small, 422);
    script_end(s);
}

/* Unusual, but the caller tried again: the call is reported by the try it
 * ended with, not by the one it moved past. */
static void test_busy_then_new_invite_supersedes(void)
{
    script *s = script_start();
    retry_run run = run_retry(s, 486, 200);

    assert_retry_superseded(&run, SC_DISP_ANSWERED, 200);
    script_end(s);
}

static void test_late_final_of_older_attempt_superseded(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *stale, *busy;

    respond_invite(s, 0.5, 180, CALL, 1, "b1");
    invite(s, 1.0, CALL, 2);
    stale = respond_invite(s, 1.1, 487, CALL, 1, "b1");
    g_assert_false(inv->call->outcome_known);
    busy = respond_invite(s, 2.0, 486, CALL, 2, "b2");
    assert_superseded(stale);
    assert_outcome(inv->call, SC_DISP_BUSY);
    assert_decided_by(inv->call, busy, 486);
    /* The older attempt got its final: it is no INVITE without one. */
    g_assert_false(inv->no_final_response);
    script_end(s);
}

/* ---- Forking --------------------------------------------------------------- */

static void test_fork_200_then_losing_487(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ring_a = respond_invite(s, 1.0, 180, CALL, 1, "branch-a");
    const sc_response_state *ring_b = respond_invite(s, 1.2, 180, CALL, 1, "branch-b");
    const sc_response_state *ok = respond_invite(s, 3.0, 200, CALL, 1, "branch-a");
    const sc_response_state *loser = respond_invite(s, 3.1, 487, CALL, 1, "branch-b");

    g_assert_false(ring_b->retransmission);
    g_assert_false(ring_a->retransmission);
    g_assert_false(loser->retransmission);
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    assert_decided_by(inv->call, ok, 200);
    assert_bystander(loser);
    g_assert_cmpfloat_with_epsilon(inv->call->pdd_ms, 1000.0, MS_EPSILON);
    script_end(s);
}

/* A losing branch lost a race, it was not got past: neither decisive nor
 * superseded, before the winning 200 or after it (the issue 13 bug was
 * "superseded" before and nothing after). */
static void test_fork_487_before_200(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *loser, *ok;

    respond_invite(s, 1.0, 180, CALL, 1, "branch-a");
    respond_invite(s, 1.2, 180, CALL, 1, "branch-b");
    loser = respond_invite(s, 2.9, 487, CALL, 1, "branch-b");
    ok = respond_invite(s, 3.0, 200, CALL, 1, "branch-a");
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    assert_decided_by(inv->call, ok, 200);
    assert_bystander(loser);
    script_end(s);
}

static void test_fork_486_with_q850_then_200_overrides(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    sc_sip_message busy_msg = response_msg(2.0, 486, CALL, 1, "INVITE", "branch-b");
    const sc_response_state *busy, *ok;

    busy_msg.reason_count = 1;
    busy_msg.reasons[0] = (sc_reason){ .protocol = SC_REASON_Q850, .cause = 17 };
    busy = send_response(s, busy_msg);
    assert_outcome(inv->call, SC_DISP_BUSY);
    g_assert_true(inv->call->has_q850);
    ok = respond_invite(s, 3.0, 200, CALL, 1, "branch-a");
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    assert_decided_by(inv->call, ok, 200);
    assert_bystander(busy);
    g_assert_false(inv->call->has_q850);
    g_assert_cmpstr(inv->call->decisive_reason, ==, "OK");
    g_assert_cmpfloat_with_epsilon(inv->call->setup_time_ms, 3000.0, MS_EPSILON);
    script_end(s);
}

/* A forking proxy's branches (or both sides of it in one capture) can show
 * several failures for one transaction; the first one decides. */
static void test_fork_two_failures_first_decides(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *busy = respond_invite(s, 2.0, 486, CALL, 1, "branch-a");
    const sc_response_state *later = respond_invite(s, 2.1, 480, CALL, 1, "branch-b");

    assert_outcome(inv->call, SC_DISP_BUSY);
    assert_decided_by(inv->call, busy, 486);
    assert_bystander(later);
    script_end(s);
}

static void test_second_200_of_fork_not_decisive(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *first = respond_invite(s, 2.0, 200, CALL, 1, "branch-a");
    const sc_response_state *second = respond_invite(s, 2.1, 200, CALL, 1, "branch-b");

    assert_decided_by(inv->call, first, 200);
    assert_bystander(second);
    g_assert_false(second->retransmission);
    script_end(s);
}

/* ---- In-dialog requests after the answer ------------------------------------ */

static void test_reinvite_491_after_answer(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ok = respond_invite(s, 1.0, 200, CALL, 1, "b1");
    const sc_request_state *reinvite;
    const sc_response_state *pending, *not_acceptable;

    request(s, 1.1, "ACK", CALL, 1, "b1");
    reinvite = request(s, 10.0, "INVITE", CALL, 2, "b1");
    pending = respond_invite(s, 10.1, 491, CALL, 2, "b1");
    request(s, 10.2, "ACK", CALL, 2, "b1");
    request(s, 12.0, "INVITE", CALL, 3, "b1");
    not_acceptable = respond_invite(s, 12.1, 488, CALL, 3, "b1");

    g_assert_true(reinvite->call == inv->call);
    g_assert_false(pending->initial_invite);
    assert_bystander(pending);
    assert_bystander(not_acceptable);
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    assert_decided_by(inv->call, ok, 200);
    g_assert_cmpuint(inv->call->attempts, ==, 1);
    script_end(s);
}

static void test_failed_bye_does_not_touch_outcome(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ok = respond_invite(s, 1.0, 200, CALL, 1, "b1");
    const sc_response_state *no_dialog;

    request(s, 30.0, "BYE", CALL, 2, "b1");
    no_dialog = respond(s, 30.1, 481, CALL, 2, "BYE", "b1");
    assert_bystander(no_dialog);
    assert_decided_by(inv->call, ok, 200);
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    script_end(s);
}

/* A re-INVITE nobody answers is flagged on its frame, but the call was
 * answered and stays so. */
static void test_unanswered_reinvite_flagged_call_stays_answered(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_request_state *reinvite;

    respond_invite(s, 1.0, 200, CALL, 1, "b1");
    reinvite = request(s, 10.0, "INVITE", CALL, 2, "b1");
    request(s, 100.0, "BYE", CALL, 3, "b1");
    g_assert_true(reinvite->no_final_response);
    g_assert_false(inv->no_final_response);
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    script_end(s);
}

/* ---- Retransmissions -------------------------------------------------------- */

static void test_retransmitted_486_counted_once(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *busy = respond_invite(s, 1.0, 486, CALL, 1, "b1");
    const sc_response_state *again = respond_invite(s, 1.5, 486, CALL, 1, "b1");

    g_assert_false(busy->retransmission);
    g_assert_true(again->retransmission);
    assert_bystander(again);
    g_assert_cmpuint(again->request_frame, ==, inv->frame);
    assert_decided_by(inv->call, busy, 486);
    script_end(s);
}

static void test_retransmitted_200_after_answer(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ok = respond_invite(s, 1.0, 200, CALL, 1, "b1");
    const sc_response_state *again = respond_invite(s, 1.5, 200, CALL, 1, "b1");
    const sc_request_state *ack = request(s, 1.6, "ACK", CALL, 1, "b1");
    const sc_request_state *ack_again = request(s, 1.7, "ACK", CALL, 1, "b1");

    g_assert_true(again->retransmission);
    assert_bystander(again);
    assert_decided_by(inv->call, ok, 200);
    g_assert_false(ack->retransmission);
    g_assert_true(ack_again->retransmission);
    script_end(s);
}

static void test_retransmitted_invite_request(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_request_state *again = invite(s, 0.5, CALL, 1);
    const sc_response_state *ringing = respond_invite(s, 2.0, 180, CALL, 1, "b1");

    g_assert_false(inv->retransmission);
    g_assert_true(again->retransmission);
    g_assert_true(again->call == inv->call);
    g_assert_cmpuint(ringing->request_frame, ==, inv->frame);
    g_assert_cmpfloat_with_epsilon(ringing->response_time_ms, 2000.0, MS_EPSILON);
    g_assert_cmpuint(inv->call->attempts, ==, 1);
    script_end(s);
}

static void test_repeated_100_trying_without_tag(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *first = respond_invite(s, 0.1, 100, CALL, 1, NULL);
    const sc_response_state *second = respond_invite(s, 0.6, 100, CALL, 1, NULL);

    g_assert_nonnull(inv);
    g_assert_false(first->retransmission);
    g_assert_true(second->retransmission);
    script_end(s);
}

/* ---- No final response ------------------------------------------------------- */

static void test_timer_b_no_response_then_later_message(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_call *call = inv->call;

    request(s, 20.0, "OPTIONS", CALL2, 1, NULL);
    g_assert_false(call->outcome_known);
    g_assert_false(inv->no_final_response);
    request(s, 40.0, "OPTIONS", CALL2, 2, NULL);
    assert_outcome(call, SC_DISP_NO_FINAL_RESPONSE);
    g_assert_cmpuint(call->decisive_frame, ==, 0);
    g_assert_false(call->has_setup_time);
    g_assert_true(inv->no_final_response);
    script_end(s);
}

static void test_timer_b_late_final_not_decisive(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *late = respond_invite(s, 40.0, 486, CALL, 1, "b1");

    assert_bystander(late);
    g_assert_cmpuint(late->request_frame, ==, inv->frame);
    assert_outcome(inv->call, SC_DISP_NO_FINAL_RESPONSE);
    g_assert_true(inv->no_final_response);
    script_end(s);
}

static void test_timer_b_then_retry_answered(void)
{
    script *s = script_start();
    const sc_request_state *first = invite(s, 0.0, CALL, 1);
    const sc_request_state *second = invite(s, 40.0, CALL, 2);
    const sc_response_state *ok = respond_invite(s, 41.0, 200, CALL, 2, "b1");

    g_assert_true(first->no_final_response);
    g_assert_false(second->no_final_response);
    assert_outcome(first->call, SC_DISP_ANSWERED);
    assert_decided_by(first->call, ok, 200);
    g_assert_cmpuint(first->call->attempts, ==, 2);
    script_end(s);
}

/* Timer C (DESIGN 2): after a provisional, the capture must run on for
 * Timer C past the last provisional before the call counts as No Final
 * Response; until then it is In Progress, not a failure. */
static void test_provisional_then_timer_c(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    sc_call_standing standing;

    respond_invite(s, 0.1, 100, CALL, 1, NULL);
    respond_invite(s, 2.0, 180, CALL, 1, "b1");
    /* A provisional answer keeps the transaction open past Timer B. */
    request(s, 100.0, "OPTIONS", CALL2, 1, NULL);
    g_assert_false(inv->call->outcome_known);
    g_assert_false(inv->no_final_response);
    standing = sc_call_standing_of(inv->call);
    g_assert_true(standing.is_call);
    g_assert_cmpint(standing.outcome, ==, SC_DISP_IN_PROGRESS);
    g_assert_cmpuint(standing.code, ==, 0);
    /* Another provisional restarts Timer C. */
    respond_invite(s, 150.0, 183, CALL, 1, "b1");
    sc_outcome_advance(s->m, 2.0 + SC_DEFAULT_TIMER_C + 1.0);
    g_assert_false(inv->call->outcome_known);
    sc_outcome_advance(s->m, 150.0 + SC_DEFAULT_TIMER_C + 0.5);
    assert_outcome(inv->call, SC_DISP_NO_FINAL_RESPONSE);
    g_assert_true(inv->no_final_response);
    g_assert_cmpuint(inv->call->decisive_frame, ==, 0);
    g_assert_true(inv->call->has_pdd);
    script_end(s);
}

/* The end of the capture is not a failure: an INVITE with no response whose
 * capture ended before Timer B is In Progress, as is one with provisionals
 * only before Timer C. Only time that the capture itself shows passing
 * expires a timer. */
static void test_capture_end_is_no_failure(void)
{
    script *s = script_start();
    const sc_request_state *silent = invite(s, 0.0, CALL, 1);
    const sc_request_state *ringing = invite(s, 0.5, CALL2, 1);

    respond_invite(s, 1.0, 180, CALL2, 1, "b2");
    sc_outcome_advance(s->m, 31.0);
    g_assert_cmpint(sc_call_standing_of(silent->call).outcome, ==, SC_DISP_IN_PROGRESS);
    g_assert_cmpint(sc_call_standing_of(ringing->call).outcome, ==, SC_DISP_IN_PROGRESS);
    g_assert_cmpuint(changed_calls(s), ==, 2);        /* made, then ringing */
    sc_outcome_advance(s->m, 33.0);                   /* any frame's time, SIP or not */
    assert_outcome(silent->call, SC_DISP_NO_FINAL_RESPONSE);
    g_assert_true(silent->no_final_response);
    g_assert_cmpint(sc_call_standing_of(ringing->call).outcome, ==, SC_DISP_IN_PROGRESS);
    g_assert_cmpuint(changed_calls(s), ==, 1);        /* the timer moved one call */
    sc_outcome_advance(s->m, 1.0 + SC_DEFAULT_TIMER_C + 1.0);
    assert_outcome(ringing->call, SC_DISP_NO_FINAL_RESPONSE);
    g_assert_cmpuint(changed_calls(s), ==, 1);
    script_end(s);
}

static void test_custom_timeout(void)
{
    script *s = script_start_with_timeout(5.0);
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);

    request(s, 6.0, "OPTIONS", CALL2, 1, NULL);
    assert_outcome(inv->call, SC_DISP_NO_FINAL_RESPONSE);
    script_end(s);
}

static void test_unusable_timeout_means_default(void)
{
    script *s = script_start_with_timeout(0.0);
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);

    request(s, 20.0, "OPTIONS", CALL2, 1, NULL);
    g_assert_false(inv->call->outcome_known);
    request(s, SC_DEFAULT_NO_FINAL_TIMEOUT + 1.0, "OPTIONS", CALL2, 2, NULL);
    assert_outcome(inv->call, SC_DISP_NO_FINAL_RESPONSE);
    script_end(s);
}

typedef struct {
    gboolean       outcome_known;
    sc_disposition outcome;
    guint32        decisive_frame;
} call_snapshot;

static void snapshot_call(const sc_call *call, gpointer user_data)
{
    GArray *snapshots = user_data;
    call_snapshot snap = { call->outcome_known, call->outcome, call->decisive_frame };

    g_array_append_val(snapshots, snap);
}

/* A live capture: a call In Progress when someone looked still takes its
 * answer when it comes. */
static void test_in_progress_then_answered(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *answer;

    respond_invite(s, 1.0, 180, CALL, 1, "b1");
    g_assert_cmpint(sc_call_standing_of(inv->call).outcome, ==, SC_DISP_IN_PROGRESS);
    answer = respond_invite(s, 60.0, 200, CALL, 1, "b1");
    assert_decided_by(inv->call, answer, 200);
    g_assert_false(inv->no_final_response);
    script_end(s);
}

/* ---- Transactions outside calls -------------------------------------------- */

static void test_register_401_then_200_not_a_call(void)
{
    script *s = script_start();
    const sc_request_state *first = request(s, 0.0, "REGISTER", CALL, 1, NULL);
    const sc_response_state *challenge = respond(s, 0.1, 401, CALL, 1, "REGISTER", "r1");
    const sc_request_state *second = request(s, 0.2, "REGISTER", CALL, 2, NULL);
    const sc_response_state *ok = respond(s, 0.3, 200, CALL, 2, "REGISTER", "r1");

    g_assert_null(first->call);
    g_assert_null(second->call);
    g_assert_false(second->retransmission);
    g_assert_null(challenge->call);
    g_assert_null(ok->call);
    assert_bystander(challenge);
    assert_bystander(ok);
    g_assert_false(ok->initial_invite);
    g_assert_cmpuint(ok->request_frame, ==, second->frame);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 0);
    script_end(s);
}

/* A registration refreshed all capture long keeps one Call-ID for hundreds
 * of transactions; old ones must still be found (a late retransmission). */
static void test_long_lived_call_id_finds_old_transactions(void)
{
    script *s = script_start();
    const sc_request_state *fifth = NULL;
    const sc_request_state *again;
    const sc_response_state *late_ok, *new_ok;

    for (guint32 cseq = 1; cseq <= 30; cseq++) {
        const sc_request_state *reg = request(s, cseq * 1.0, "REGISTER", CALL, cseq, NULL);
        g_assert_false(respond(s, cseq * 1.0 + 0.1, 200, CALL, cseq, "REGISTER", "r1")->retransmission);
        if (cseq == 5)
            fifth = reg;
    }
    late_ok = respond(s, 40.0, 200, CALL, 5, "REGISTER", "r1");
    again = request(s, 41.0, "REGISTER", CALL, 12, NULL);
    request(s, 42.0, "REGISTER", CALL, 31, NULL);
    new_ok = respond(s, 42.1, 200, CALL, 31, "REGISTER", "r1");

    g_assert_true(late_ok->retransmission);
    g_assert_cmpuint(late_ok->request_frame, ==, fifth->frame);
    g_assert_true(again->retransmission);
    g_assert_false(new_ok->retransmission);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 0);
    script_end(s);
}

/* A call whose dialog saw many requests: its first INVITE is found again
 * among them, and an unanswered INVITE still dies at the end. */
static void test_busy_dialog_keeps_its_transactions(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ok = respond_invite(s, 1.0, 200, CALL, 1, "t1");
    const sc_response_state *ok_again;
    const sc_request_state *reinvite;

    request(s, 1.1, "ACK", CALL, 1, "t1");
    for (guint32 cseq = 2; cseq <= 12; cseq++) {
        request(s, cseq * 1.0, "INFO", CALL, cseq, "t1");
        respond(s, cseq * 1.0 + 0.1, 200, CALL, cseq, "INFO", "t1");
    }
    ok_again = respond_invite(s, 13.0, 200, CALL, 1, "t1");
    reinvite = request(s, 14.0, "INVITE", CALL, 13, "t1");

    g_assert_true(ok_again->retransmission);
    g_assert_cmpuint(ok_again->request_frame, ==, inv->frame);
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    assert_decided_by(inv->call, ok, 200);
    g_assert_false(reinvite->no_final_response);          /* Timer B still runs */
    sc_outcome_advance(s->m, 14.0 + SC_DEFAULT_NO_FINAL_TIMEOUT + 1.0);
    g_assert_true(reinvite->no_final_response);
    assert_decided_by(inv->call, ok, 200);                  /* a re-INVITE decides nothing */
    g_assert_cmpuint(inv->call->attempts, ==, 1);
    script_end(s);
}

/* More branches than a transaction keeps inline. */
static void test_fork_many_branches_retransmissions(void)
{
    static const char *const branches[] = { "b1", "b2", "b3", "b4", "b5" };
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ok;

    g_assert_false(respond_invite(s, 0.1, 100, CALL, 1, NULL)->retransmission);
    for (guint i = 0; i < G_N_ELEMENTS(branches); i++)
        g_assert_false(respond_invite(s, 1.0 + i, 180, CALL, 1, branches[i])->retransmission);
    for (guint i = 0; i < G_N_ELEMENTS(branches); i++)
        g_assert_true(respond_invite(s, 6.0 + i, 180, CALL, 1, branches[i])->retransmission);
    g_assert_true(respond_invite(s, 11.0, 100, CALL, 1, NULL)->retransmission);
    ok = respond_invite(s, 12.0, 200, CALL, 1, "b5");
    g_assert_false(ok->retransmission);
    g_assert_true(respond_invite(s, 12.5, 200, CALL, 1, "b5")->retransmission);
    g_assert_false(respond_invite(s, 13.0, 487, CALL, 1, "b2")->retransmission);
    assert_decided_by(inv->call, ok, 200);
    script_end(s);
}

static void test_options_not_a_call(void)
{
    script *s = script_start();
    const sc_request_state *ping = request(s, 0.0, "OPTIONS", CALL, 1, NULL);
    const sc_response_state *ok = respond(s, 0.1, 200, CALL, 1, "OPTIONS", "o1");
    const sc_request_state *message = request(s, 1.0, "MESSAGE", CALL2, 1, NULL);
    const sc_response_state *not_found = respond(s, 1.1, 404, CALL2, 1, "MESSAGE", "m1");

    g_assert_null(ping->call);
    g_assert_null(ok->call);
    g_assert_null(message->call);
    g_assert_null(not_found->call);
    assert_bystander(ok);
    assert_bystander(not_found);
    g_assert_false(ping->no_final_response);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 0);
    script_end(s);
}

/* ---- Requests the capture missed -------------------------------------------- */

/* Issue 13, bug 3: a Call-ID whose initial INVITE is not in the capture
 * (it began before) is a dialog without its INVITE, not a call: it has no
 * outcome and nothing in it decides anything. */
static void test_response_without_request(void)
{
    script *s = script_start();
    const sc_response_state *ringing = respond_invite(s, 5.0, 180, CALL, 1, "b1");
    const sc_response_state *busy = respond_invite(s, 6.0, 486, CALL, 1, "b1");
    const sc_call *call = busy->call;
    sc_call_standing standing;

    g_assert_nonnull(call);
    g_assert_true(ringing->call == call);
    g_assert_false(call->invite_seen);
    g_assert_cmpuint(busy->request_frame, ==, 0);
    assert_bystander(busy);
    g_assert_false(call->outcome_known);
    standing = sc_call_standing_of(call);
    g_assert_false(standing.is_call);
    g_assert_cmpuint(call->first_frame, ==, ringing->frame);
    /* Without the INVITE there is no time to measure from. */
    g_assert_false(call->has_pdd);
    g_assert_false(call->has_setup_time);
    script_end(s);
}

/* A re-INVITE's 200 or a BYE alone, of a call that began before the
 * capture: not calls either, and never answered calls that would make ASR
 * 100 %. */
static void test_in_dialog_messages_alone_are_no_call(void)
{
    script *s = script_start();
    const sc_response_state *ok = respond_invite(s, 1.0, 200, CALL, 7, "b1");
    const sc_request_state *bye = request(s, 2.0, "BYE", CALL2, 9, "b2");
    const sc_response_state *trying = respond_invite(s, 3.0, 100, CALL3, 1, NULL);

    g_assert_false(ok->call->invite_seen);
    g_assert_false(ok->decisive);
    g_assert_false(bye->call->invite_seen);
    g_assert_false(trying->call->invite_seen);
    g_assert_false(sc_call_standing_of(ok->call).is_call);
    g_assert_false(sc_call_standing_of(bye->call).is_call);
    /* An OPTIONS ping's Call-ID is not even a dialog. */
    g_assert_null(request(s, 4.0, "OPTIONS", "ping@host", 1, NULL)->call);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 3);
    script_end(s);
}

static void test_unseen_request_after_answer_is_reinvite(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ok = respond_invite(s, 1.0, 200, CALL, 1, "b1");
    const sc_response_state *pending = respond_invite(s, 9.0, 491, CALL, 2, "b1");

    g_assert_false(pending->initial_invite);
    g_assert_true(pending->call == inv->call);
    assert_bystander(pending);
    assert_decided_by(inv->call, ok, 200);
    g_assert_cmpuint(inv->call->attempts, ==, 1);
    script_end(s);
}

/* Capture points merged out of order: the request shows up after its first
 * response and is no retransmission; later responses measure from it. */
static void test_request_after_its_response(void)
{
    script *s = script_start();
    const sc_response_state *trying = respond_invite(s, 0.1, 100, CALL, 1, NULL);
    const sc_request_state *inv = invite(s, 0.05, CALL, 1);
    const sc_response_state *ok = respond_invite(s, 1.05, 200, CALL, 1, "b1");

    g_assert_cmpuint(trying->request_frame, ==, 0);
    g_assert_false(inv->retransmission);
    g_assert_true(inv->call == trying->call);
    g_assert_cmpuint(ok->request_frame, ==, inv->frame);
    g_assert_cmpfloat_with_epsilon(ok->response_time_ms, 1000.0, MS_EPSILON);
    assert_decided_by(inv->call, ok, 200);
    g_assert_cmpuint(inv->call->attempts, ==, 1);
    script_end(s);
}

/* ---- Timing ---------------------------------------------------------------- */

static void test_pdd_and_setup_time(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 10.0, CALL, 1);
    const sc_call *call = inv->call;

    respond_invite(s, 10.05, 100, CALL, 1, NULL);
    g_assert_false(call->has_pdd);
    respond_invite(s, 12.5, 183, CALL, 1, "b1");
    respond_invite(s, 13.0, 180, CALL, 1, "b1");
    respond_invite(s, 20.0, 200, CALL, 1, "b1");
    g_assert_true(call->has_pdd);
    g_assert_cmpfloat_with_epsilon(call->pdd_ms, 2500.0, MS_EPSILON);
    g_assert_true(call->has_setup_time);
    g_assert_cmpfloat_with_epsilon(call->setup_time_ms, 10000.0, MS_EPSILON);
    g_assert_cmpfloat_with_epsilon(call->start_time, 10.0, MS_EPSILON);
    script_end(s);
}

/* PDD runs from the first INVITE, across an auth round trip. */
static void test_pdd_spans_retries(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);

    respond_invite(s, 0.1, 407, CALL, 1, "p1");
    invite(s, 0.2, CALL, 2);
    respond_invite(s, 0.3, 100, CALL, 2, NULL);
    respond_invite(s, 1.5, 180, CALL, 2, "b1");
    g_assert_cmpfloat_with_epsilon(inv->call->pdd_ms, 1500.0, MS_EPSILON);
    script_end(s);
}

static void test_199_is_not_alerting(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);

    respond_invite(s, 0.5, 199, CALL, 1, "b1");
    g_assert_false(inv->call->has_pdd);
    respond_invite(s, 0.7, 181, CALL, 1, "b2");
    g_assert_cmpfloat_with_epsilon(inv->call->pdd_ms, 700.0, MS_EPSILON);
    script_end(s);
}

static void test_response_time(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 1.0, CALL, 1);
    const sc_response_state *trying = respond_invite(s, 1.25, 100, CALL, 1, NULL);
    const sc_request_state *bye;
    const sc_response_state *bye_ok;

    g_assert_cmpuint(trying->request_frame, ==, inv->frame);
    g_assert_cmpfloat_with_epsilon(trying->response_time_ms, 250.0, MS_EPSILON);
    respond_invite(s, 2.0, 200, CALL, 1, "b1");
    bye = request(s, 7.0, "BYE", CALL, 2, "b1");
    bye_ok = respond(s, 7.004, 200, CALL, 2, "BYE", "b1");
    g_assert_cmpuint(bye_ok->request_frame, ==, bye->frame);
    g_assert_cmpfloat_with_epsilon(bye_ok->response_time_ms, 4.0, MS_EPSILON);
    script_end(s);
}

/* ---- Decisive details --------------------------------------------------------- */

static void test_q850_and_phrase_from_decisive_response(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    sc_sip_message msg = response_msg(1.0, 603, CALL, 1, "INVITE", "b1");
    const sc_response_state *declined;

    msg.phrase = "MaxPeak Cost Exceeded";
    msg.reason_count = 2;
    msg.reasons[0] = (sc_reason){ .protocol = SC_REASON_SIP, .cause = 603 };
    msg.reasons[1] = (sc_reason){ .protocol = SC_REASON_Q850, .cause = 21 };
    declined = send_response(s, msg);
    assert_decided_by(inv->call, declined, 603);
    g_assert_cmpstr(inv->call->decisive_reason, ==, "MaxPeak Cost Exceeded");
    g_assert_true(inv->call->has_q850);
    g_assert_cmpuint(inv->call->q850_cause, ==, 21);
    script_end(s);
}

static void test_reason_count_beyond_array_is_clamped(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    sc_sip_message msg = response_msg(1.0, 480, CALL, 1, "INVITE", "b1");

    msg.reason_count = 1000;
    for (guint i = 0; i < SC_MAX_REASONS; i++)
        msg.reasons[i] = (sc_reason){ .protocol = SC_REASON_OTHER, .cause = i };
    send_response(s, msg);
    g_assert_false(inv->call->has_q850);
    script_end(s);
}

/* ---- Robustness ---------------------------------------------------------------- */

static void test_malformed_codes(void)
{
    static const guint codes[] = { 700, 99, 0, 1000, G_MAXUINT };
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    const sc_response_state *ok;

    for (gsize i = 0; i < G_N_ELEMENTS(codes); i++) {
        const sc_response_state *odd = respond_invite(s, 0.1, codes[i], CALL, 1, "b1");

        g_assert_nonnull(odd);
        assert_bystander(odd);
        g_assert_cmpuint(odd->request_frame, ==, inv->frame);
        g_assert_true(odd->call == inv->call);
        g_assert_false(inv->call->outcome_known);
    }
    /* Unknown Call-ID: nothing is created for it. */
    g_assert_null(respond_invite(s, 0.2, 700, CALL2, 1, "x")->call);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 1);
    ok = respond_invite(s, 1.0, 200, CALL, 1, "b1");
    assert_decided_by(inv->call, ok, 200);
    script_end(s);
}

static void test_unusable_messages_return_null(void)
{
    script *s = script_start();
    sc_sip_message no_call_id = request_msg(0.0, "INVITE", NULL, 1, NULL);
    sc_sip_message no_cseq = request_msg(0.0, "INVITE", CALL, 1, NULL);
    sc_sip_message response_no_call_id = response_msg(0.0, 200, NULL, 1, "INVITE", "b1");
    sc_sip_message response_no_cseq = response_msg(0.0, 200, CALL, 1, NULL, "b1");
    const sc_request_state *inv;

    no_cseq.cseq_method = NULL;
    g_assert_null(send_request(s, no_call_id));
    g_assert_null(send_request(s, no_cseq));
    g_assert_null(send_response(s, response_no_call_id));
    g_assert_null(send_response(s, response_no_cseq));
    g_assert_null(sc_outcome_add_request(s->m, NULL));
    g_assert_null(sc_outcome_add_response(s->m, NULL));
    g_assert_null(sc_outcome_add_request(NULL, &no_call_id));
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 0);

    /* Not even time moves on an unusable message. */
    inv = invite(s, 0.0, CALL, 1);
    g_assert_null(send_request(s, request_msg(100.0, "OPTIONS", NULL, 1, NULL)));
    g_assert_false(inv->call->outcome_known);
    script_end(s);
}

static void test_null_machine_is_harmless(void)
{
    sc_outcome_advance(NULL, 1.0);
    sc_outcome_take_changed(NULL, NULL, NULL);
    sc_outcome_free(NULL);
    sc_outcome_foreach_call(NULL, snapshot_call, NULL);
    g_assert_cmpuint(sc_outcome_call_count(NULL), ==, 0);
}

static void test_empty_to_tag_counts_as_none(void)
{
    script *s = script_start();
    const sc_request_state *inv = request(s, 0.0, "INVITE", CALL, 1, "");

    g_assert_nonnull(inv->call);
    script_end(s);
}

/* The machine lists the calls a message changed, each once: the statistics
 * re-count a call, and the calls table rewrites its row, only then. */
static void test_changed_calls_are_listed_once(void)
{
    script *s = script_start();

    invite(s, 0.0, CALL, 1);
    g_assert_cmpuint(changed_calls(s), ==, 1);
    g_assert_cmpuint(changed_calls(s), ==, 0);                   /* taken: forgotten */
    respond_invite(s, 0.1, 100, CALL, 1, NULL);
    g_assert_cmpuint(changed_calls(s), ==, 0);
    respond_invite(s, 0.2, 407, CALL, 1, "t1");
    g_assert_cmpuint(changed_calls(s), ==, 1);
    request(s, 0.3, "ACK", CALL, 1, "t1");
    g_assert_cmpuint(changed_calls(s), ==, 0);
    invite(s, 1.0, CALL, 2);                                      /* the retry undoes the 407 */
    respond_invite(s, 1.5, 180, CALL, 2, "t2");                   /* and PDD is known */
    g_assert_cmpuint(changed_calls(s), ==, 1);
    respond_invite(s, 2.0, 200, CALL, 2, "t2");
    g_assert_cmpuint(changed_calls(s), ==, 1);
    respond_invite(s, 2.1, 200, CALL, 2, "t2");                   /* retransmission */
    request(s, 5.0, "INVITE", CALL, 3, "t2");                     /* re-INVITE */
    respond_invite(s, 5.1, 491, CALL, 3, "t2");
    g_assert_cmpuint(changed_calls(s), ==, 0);
    request(s, 9.0, "BYE", CALL, 4, "t2");                        /* the end of the call */
    g_assert_cmpuint(changed_calls(s), ==, 1);
    respond(s, 9.1, 200, CALL, 4, "BYE", "t2");
    request(s, 9.2, "OPTIONS", CALL2, 1, NULL);
    g_assert_cmpuint(changed_calls(s), ==, 0);
    invite(s, 10.0, CALL2, 2);
    invite(s, 10.0, CALL3, 1);
    g_assert_cmpuint(changed_calls(s), ==, 2);
    script_end(s);
}

/* A prefetch is only a hint: it changes nothing, whatever it is given. */
static void test_prefetch_changes_nothing(void)
{
    script *s = script_start();
    const sc_request_state *inv;

    sc_outcome_prefetch(NULL, CALL);
    sc_outcome_prefetch(s->m, NULL);
    sc_outcome_prefetch(s->m, CALL);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 0);
    inv = invite(s, 0.0, CALL, 1);
    sc_outcome_prefetch(s->m, CALL);
    sc_outcome_prefetch(s->m, CALL2);
    g_assert_true(respond_invite(s, 1.0, 200, CALL, 1, "t")->decisive);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 1);
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    script_end(s);
}

/* ---- Calls as a whole ------------------------------------------------------------ */

static void collect_call_ids(const sc_call *call, gpointer user_data)
{
    GPtrArray *seen = user_data;

    /* Serials number the calls in this same order, from 0. */
    g_assert_cmpuint(call->serial, ==, seen->len);
    g_ptr_array_add(seen, call->call_id);
}

static void test_foreach_in_first_invite_order(void)
{
    script *s = script_start();
    GPtrArray *order = g_ptr_array_new();

    invite(s, 0.0, CALL2, 1);
    request(s, 0.1, "REGISTER", "registration", 1, NULL);
    request(s, 0.2, "OPTIONS", CALL3, 1, NULL);
    invite(s, 0.3, CALL, 1);
    respond_invite(s, 0.4, 200, CALL2, 1, "b2");
    invite(s, 0.5, CALL2, 2);
    invite(s, 0.6, CALL3, 2);

    sc_outcome_foreach_call(s->m, collect_call_ids, order);
    g_assert_cmpuint(order->len, ==, 3);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 3);
    g_assert_cmpstr(order->pdata[0], ==, CALL2);
    g_assert_cmpstr(order->pdata[1], ==, CALL);
    g_assert_cmpstr(order->pdata[2], ==, CALL3);
    g_ptr_array_free(order, TRUE);
    script_end(s);
}

static void count_answered(const sc_call *call, gpointer user_data)
{
    if (call->outcome_known && call->outcome == SC_DISP_ANSWERED)
        (*(guint *)user_data)++;
}

/* Many interleaved calls: every one is decided by its own messages. */
static void test_many_calls(void)
{
    enum { CALLS = 20000 };
    script *s = script_start();
    guint answered = 0;

    for (guint i = 0; i < CALLS; i++) {
        char *call_id = g_strdup_printf("call-%u@example.com", i);
        double t = i * 0.001;

        invite(s, t, call_id, 1);
        respond_invite(s, t + 0.01, 180, call_id, 1, "b");
        respond_invite(s, t + 0.02, i % 2 ? 200 : 486, call_id, 1, "b");
        request(s, t + 0.03, "ACK", call_id, 1, "b");
        g_free(call_id);
    }
    sc_outcome_foreach_call(s->m, count_answered, &answered);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, CALLS);
    g_assert_cmpuint(answered, ==, CALLS / 2);
    script_end(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    g_test_add_func("/outcome/answered/with-bye", test_answered_call_with_bye);
    g_test_add_func("/outcome/rejected/busy-486", test_busy_486);
    g_test_add_func("/outcome/rejected/not-found-404", test_not_found_404);
    g_test_add_func("/outcome/rejected/unknown-code-class", test_unknown_code_takes_class_disposition);
    g_test_add_func("/outcome/cancel/cancel-then-487", test_cancel_then_487_is_cancelled);

    g_test_add_func("/outcome/superseded/auth-407-retry-answered", test_auth_407_then_retry_answered);
    g_test_add_func("/outcome/superseded/auth-without-retry", test_auth_challenge_without_retry);
    g_test_add_func("/outcome/superseded/updated-in-place", test_decision_updates_in_place);
    g_test_add_func("/outcome/superseded/redirect-302-retry-answered", test_redirect_302_then_retry_answered);
    g_test_add_func("/outcome/superseded/redirect-302-alone", test_redirect_302_alone);
    g_test_add_func("/outcome/superseded/redirect-then-busy", test_redirect_then_busy);
    g_test_add_func("/outcome/superseded/auth-then-cancel", test_auth_then_cancel);
    g_test_add_func("/outcome/superseded/glare-491-retry-answered", test_glare_491_then_retry_answered);
    g_test_add_func("/outcome/superseded/session-timer-422-retry", test_session_timer_422_then_retry);
    g_test_add_func("/outcome/superseded/session-timer-422-alone", test_session_timer_422_without_retry);
    g_test_add_func("/outcome/superseded/busy-then-new-invite", test_busy_then_new_invite_supersedes);
    g_test_add_func("/outcome/superseded/late-final-of-older-attempt", test_late_final_of_older_attempt_superseded);

    g_test_add_func("/outcome/fork/200-then-losing-487", test_fork_200_then_losing_487);
    g_test_add_func("/outcome/fork/487-before-200", test_fork_487_before_200);
    g_test_add_func("/outcome/fork/486-with-q850-then-200", test_fork_486_with_q850_then_200_overrides);
    g_test_add_func("/outcome/fork/two-failures-first-decides", test_fork_two_failures_first_decides);
    g_test_add_func("/outcome/fork/second-200-not-decisive", test_second_200_of_fork_not_decisive);

    g_test_add_func("/outcome/in-dialog/reinvite-491-after-answer", test_reinvite_491_after_answer);
    g_test_add_func("/outcome/in-dialog/failed-bye", test_failed_bye_does_not_touch_outcome);
    g_test_add_func("/outcome/in-dialog/unanswered-reinvite", test_unanswered_reinvite_flagged_call_stays_answered);

    g_test_add_func("/outcome/retransmission/486-counted-once", test_retransmitted_486_counted_once);
    g_test_add_func("/outcome/retransmission/200-and-ack", test_retransmitted_200_after_answer);
    g_test_add_func("/outcome/retransmission/invite-request", test_retransmitted_invite_request);
    g_test_add_func("/outcome/retransmission/100-without-tag", test_repeated_100_trying_without_tag);

    g_test_add_func("/outcome/no-final/timer-b-later-message", test_timer_b_no_response_then_later_message);
    g_test_add_func("/outcome/no-final/timer-b-late-final", test_timer_b_late_final_not_decisive);
    g_test_add_func("/outcome/no-final/timer-b-then-retry", test_timer_b_then_retry_answered);
    g_test_add_func("/outcome/no-final/provisional-then-timer-c", test_provisional_then_timer_c);
    g_test_add_func("/outcome/no-final/capture-end-is-no-failure", test_capture_end_is_no_failure);
    g_test_add_func("/outcome/no-final/custom-timeout", test_custom_timeout);
    g_test_add_func("/outcome/no-final/unusable-timeout", test_unusable_timeout_means_default);
    g_test_add_func("/outcome/no-final/in-progress-then-answered", test_in_progress_then_answered);

    g_test_add_func("/outcome/non-invite/register-401-200", test_register_401_then_200_not_a_call);
    g_test_add_func("/outcome/non-invite/long-lived-call-id", test_long_lived_call_id_finds_old_transactions);
    g_test_add_func("/outcome/dialog/many-transactions", test_busy_dialog_keeps_its_transactions);
    g_test_add_func("/outcome/fork/many-branches-retransmissions", test_fork_many_branches_retransmissions);
    g_test_add_func("/outcome/non-invite/options-and-message", test_options_not_a_call);

    g_test_add_func("/outcome/unseen-request/response-only", test_response_without_request);
    g_test_add_func("/outcome/unseen-request/in-dialog-alone", test_in_dialog_messages_alone_are_no_call);
    g_test_add_func("/outcome/unseen-request/after-answer-is-reinvite", test_unseen_request_after_answer_is_reinvite);
    g_test_add_func("/outcome/unseen-request/request-after-its-response", test_request_after_its_response);

    g_test_add_func("/outcome/timing/pdd-and-setup-time", test_pdd_and_setup_time);
    g_test_add_func("/outcome/timing/pdd-spans-retries", test_pdd_spans_retries);
    g_test_add_func("/outcome/timing/199-not-alerting", test_199_is_not_alerting);
    g_test_add_func("/outcome/timing/response-time", test_response_time);

    g_test_add_func("/outcome/decisive/q850-and-phrase", test_q850_and_phrase_from_decisive_response);
    g_test_add_func("/outcome/decisive/reason-count-clamped", test_reason_count_beyond_array_is_clamped);

    g_test_add_func("/outcome/robustness/malformed-codes", test_malformed_codes);
    g_test_add_func("/outcome/robustness/unusable-messages", test_unusable_messages_return_null);
    g_test_add_func("/outcome/robustness/null-machine", test_null_machine_is_harmless);
    g_test_add_func("/outcome/robustness/empty-to-tag", test_empty_to_tag_counts_as_none);

    g_test_add_func("/outcome/calls/foreach-order", test_foreach_in_first_invite_order);
    g_test_add_func("/outcome/calls/many", test_many_calls);
    g_test_add_func("/outcome/calls/prefetch-changes-nothing", test_prefetch_changes_nothing);
    g_test_add_func("/outcome/calls/changed-listed-once", test_changed_calls_are_listed_once);

    return g_test_run();
}
