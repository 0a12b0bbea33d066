/* Unit tests of the outcome machine on captures taken at proxies and SBCs
 * (DESIGN 2, issue 13): transactions told apart by their top Via branch,
 * the most upstream one deciding, carrier failover, RFC 3261 16.7 where the
 * caller's own transaction is missing, ICMP errors, how calls end, peers,
 * and the four bugs an independent re-implementation found.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>
#include "outcome_script.h"

#define CALLER_TAG "alice-1"

static sc_endpoint v4(guint8 last, guint16 port)
{
    sc_endpoint e = { .family = 4, .port = port, .address = { 203, 0, 113, last } };
    return e;
}

static const sc_endpoint PROXY_ADDR = { .family = 4, .port = 5060, .address = { 192, 0, 2, 10 } };

/* A message on one hop: its top Via branch and how many Vias it carries. */
static sc_sip_message hop(sc_sip_message msg, const char *branch, guint vias)
{
    msg.via_branch = branch;
    msg.via_count = vias;
    return msg;
}

static const sc_request_state *invite_via(script *s, double at, guint32 cseq, const char *branch, guint vias,
                                          sc_endpoint to)
{
    sc_sip_message msg = hop(request_msg(at, "INVITE", CALL, cseq, NULL), branch, vias);

    msg.from_tag = CALLER_TAG;
    msg.dst = to;
    return send_request(s, msg);
}

static const sc_response_state *answer_via(script *s, double at, guint code, guint32 cseq, const char *branch,
                                           guint vias, const char *to_tag, sc_endpoint from)
{
    sc_sip_message msg = hop(response_msg(at, code, CALL, cseq, "INVITE", to_tag), branch, vias);

    msg.src = from;
    return send_response(s, msg);
}

/* ---- A stateful proxy in the capture ----------------------------------- */

/* Carrier A answers 503, the proxy fails over to carrier B, B says 486, the
 * caller receives 486: Busy, by the 486 the caller got; A's 503 was got
 * past (the first example, where sipcodes said Congestion). */
static void test_failover_with_the_callers_transaction(void)
{
    script *s = script_start();
    const sc_endpoint carrier_a = v4(10, 5060), carrier_b = v4(20, 5060);
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    const sc_response_state *a_busy_out, *b_busy, *caller_busy;
    const sc_call *call = inv->call;

    answer_via(s, 0.01, 100, 1, "z9hG4bKc1", 1, NULL, PROXY_ADDR);
    g_assert_false(invite_via(s, 0.02, 1, "z9hG4bKp1", 2, carrier_a)->retransmission);
    answer_via(s, 0.10, 100, 1, "z9hG4bKp1", 2, NULL, carrier_a);
    a_busy_out = answer_via(s, 0.20, 503, 1, "z9hG4bKp1", 2, "a1", carrier_a);
    /* The caller still waits: its own transaction has no final. */
    g_assert_false(call->outcome_known);
    g_assert_cmpint(sc_call_standing_of(call).outcome, ==, SC_DISP_IN_PROGRESS);
    invite_via(s, 0.30, 1, "z9hG4bKp2", 2, carrier_b);
    answer_via(s, 0.40, 180, 1, "z9hG4bKp2", 2, "b1", carrier_b);
    answer_via(s, 0.41, 180, 1, "z9hG4bKc1", 1, "b1", PROXY_ADDR);
    b_busy = answer_via(s, 2.00, 486, 1, "z9hG4bKp2", 2, "b1", carrier_b);
    g_assert_false(call->outcome_known);
    caller_busy = answer_via(s, 2.01, 486, 1, "z9hG4bKc1", 1, "b1", PROXY_ADDR);

    assert_outcome(call, SC_DISP_BUSY);
    assert_decided_by(call, caller_busy, 486);
    assert_superseded(a_busy_out);
    assert_bystander(b_busy);              /* relayed, not got past */
    g_assert_cmpuint(call->attempts, ==, 1);
    g_assert_cmpstr(call->peer, ==, "203.0.113.20:5060");
    g_assert_cmpfloat_with_epsilon(call->pdd_ms, 400.0, MS_EPSILON);
    g_assert_cmpuint(a_busy_out->request_frame, ==, 3);
    script_end(s);
}

/* The same capture taken below the proxy: the caller's transaction is not
 * in it, so the proxy's choice is inferred (RFC 3261 16.7) once every branch
 * has ended, and undone when the proxy opens another branch. */
static void test_failover_seen_downstream_only(void)
{
    script *s = script_start();
    const sc_endpoint carrier_a = v4(10, 5060), carrier_b = v4(20, 5060);
    const sc_request_state *to_a = invite_via(s, 0.0, 1, "z9hG4bKp1", 2, carrier_a);
    const sc_call *call = to_a->call;
    const sc_response_state *unavailable, *busy;

    unavailable = answer_via(s, 0.2, 503, 1, "z9hG4bKp1", 2, "a1", carrier_a);
    assert_outcome(call, SC_DISP_CONGESTION);          /* all the proxy has, so far */
    invite_via(s, 0.3, 1, "z9hG4bKp2", 2, carrier_b);
    g_assert_false(call->outcome_known);               /* a branch is open again */
    busy = answer_via(s, 2.0, 486, 1, "z9hG4bKp2", 2, "b1", carrier_b);
    assert_outcome(call, SC_DISP_BUSY);                /* 4xx before 5xx (16.7) */
    assert_decided_by(call, busy, 486);
    assert_superseded(unavailable);
    g_assert_cmpuint(call->attempts, ==, 1);
    g_assert_cmpstr(call->peer, ==, "203.0.113.20:5060");
    script_end(s);
}

static void test_failover_answered(void)
{
    script *s = script_start();
    const sc_endpoint carrier_a = v4(10, 5060), carrier_b = v4(20, 5060);
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    const sc_response_state *unavailable, *b_ok, *caller_ok;

    invite_via(s, 0.02, 1, "z9hG4bKp1", 2, carrier_a);
    unavailable = answer_via(s, 0.2, 503, 1, "z9hG4bKp1", 2, "a1", carrier_a);
    invite_via(s, 0.3, 1, "z9hG4bKp2", 2, carrier_b);
    b_ok = answer_via(s, 3.0, 200, 1, "z9hG4bKp2", 2, "b1", carrier_b);
    /* The carrier's 200 answers the call at once... */
    assert_outcome(inv->call, SC_DISP_ANSWERED);
    caller_ok = answer_via(s, 3.01, 200, 1, "z9hG4bKc1", 1, "b1", PROXY_ADDR);
    /* ...and the caller's copy, upstream, is what decided it. */
    assert_decided_by(inv->call, caller_ok, 200);
    assert_bystander(b_ok);
    assert_superseded(unavailable);
    g_assert_cmpstr(inv->call->peer, ==, "203.0.113.20:5060");
    g_assert_cmpfloat_with_epsilon(inv->call->setup_time_ms, 3010.0, MS_EPSILON);
    script_end(s);
}

/* Issue 13, bug 1: an attempt got two different non-2xx finals (a carrier's
 * 407 and the proxy's relay of it) and was retried: both are superseded,
 * not only the first. */
static void test_two_challenges_one_attempt(void)
{
    script *s = script_start();
    const sc_endpoint carrier = v4(10, 5060);
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    const sc_response_state *carrier_407, *relayed_407, *ok;

    invite_via(s, 0.01, 1, "z9hG4bKp1", 2, carrier);
    carrier_407 = answer_via(s, 0.1, 407, 1, "z9hG4bKp1", 2, "x1", carrier);
    relayed_407 = answer_via(s, 0.11, 407, 1, "z9hG4bKc1", 1, "x1", PROXY_ADDR);
    assert_decided_by(inv->call, relayed_407, 407);
    invite_via(s, 0.5, 2, "z9hG4bKc2", 1, PROXY_ADDR);
    invite_via(s, 0.51, 2, "z9hG4bKp3", 2, carrier);
    answer_via(s, 2.0, 200, 2, "z9hG4bKp3", 2, "y1", carrier);
    ok = answer_via(s, 2.01, 200, 2, "z9hG4bKc2", 1, "y1", PROXY_ADDR);
    assert_decided_by(inv->call, ok, 200);
    assert_superseded(carrier_407);
    assert_superseded(relayed_407);
    g_assert_cmpuint(inv->call->attempts, ==, 2);     /* the caller's INVITEs, not the hops' */
    script_end(s);
}

/* Issue 13, bug 2, at a forking proxy: branches started together; the
 * loser's 487 is neither decisive nor superseded. */
static void test_parallel_fork_losing_branch(void)
{
    script *s = script_start();
    const sc_endpoint desk = v4(31, 5060), mobile = v4(32, 5060);
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKp1", 2, desk);
    const sc_response_state *ok, *loser;

    invite_via(s, 0.0, 1, "z9hG4bKp2", 2, mobile);
    ok = answer_via(s, 4.0, 200, 1, "z9hG4bKp1", 2, "d1", desk);
    loser = answer_via(s, 4.1, 487, 1, "z9hG4bKp2", 2, "m1", mobile);
    assert_decided_by(inv->call, ok, 200);
    assert_bystander(loser);
    script_end(s);
}

/* RFC 3261 16.7 step 6 where no caller transaction says what was sent. */
static void test_best_response_rules(void)
{
    static const struct {
        guint          first, second;
        sc_disposition outcome;
        guint          code;
    } cases[] = {
        { 503, 407, SC_DISP_AUTH_CHALLENGE, 407 },  /* the lowest class */
        { 486, 603, SC_DISP_DECLINED, 603 },        /* any 6xx first */
        { 480, 401, SC_DISP_AUTH_CHALLENGE, 401 },  /* 4xx that let the caller retry */
        { 486, 480, SC_DISP_BUSY, 486 },            /* else the first */
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        script *s = script_start();
        const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKp1", 2, v4(1, 5060));
        invite_via(s, 0.0, 1, "z9hG4bKp2", 2, v4(2, 5060));
        answer_via(s, 1.0, cases[i].first, 1, "z9hG4bKp1", 2, "t1", v4(1, 5060));
        answer_via(s, 2.0, cases[i].second, 1, "z9hG4bKp2", 2, "t2", v4(2, 5060));
        assert_outcome(inv->call, cases[i].outcome);
        g_assert_cmpuint(inv->call->decisive_code, ==, cases[i].code);
        script_end(s);
    }
}

/* A branch that timed out stands for a 408 in the proxy's choice; the
 * other branch's own 4xx tells more. */
static void test_timed_out_branch_in_the_choice(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKp1", 2, v4(1, 5060));
    const sc_response_state *busy;

    invite_via(s, 0.1, 1, "z9hG4bKp2", 2, v4(2, 5060));
    busy = answer_via(s, 5.0, 486, 1, "z9hG4bKp2", 2, "t2", v4(2, 5060));
    g_assert_false(inv->call->outcome_known);          /* p1 still open */
    sc_outcome_advance(s->m, 40.0);                     /* Timer B of p1 */
    assert_decided_by(inv->call, busy, 486);
    g_assert_true(inv->no_final_response);
    script_end(s);
}

/* ---- Robustness of matching -------------------------------------------- */

/* RFC 2543 peers send no branch: transactions are matched by Call-ID and
 * CSeq, as before branches, and retransmissions still count once. */
static void test_no_branch_degrades_to_call_id_and_cseq(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, NULL, 1, PROXY_ADDR);
    const sc_response_state *busy, *again;

    g_assert_true(invite_via(s, 0.5, 1, NULL, 1, PROXY_ADDR)->retransmission);
    busy = answer_via(s, 1.0, 486, 1, NULL, 1, "b1", PROXY_ADDR);
    again = answer_via(s, 1.5, 486, 1, NULL, 1, "b1", PROXY_ADDR);
    assert_decided_by(inv->call, busy, 486);
    g_assert_true(again->retransmission);
    g_assert_cmpuint(busy->request_frame, ==, inv->frame);
    script_end(s);
}

/* A loop or an attack: hundreds of Vias make a very deep hop, nothing more. */
static void test_hundreds_of_vias(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKdeep", 600, PROXY_ADDR);
    const sc_response_state *busy = answer_via(s, 1.0, 486, 1, "z9hG4bKdeep", 600, "b1", PROXY_ADDR);

    assert_decided_by(inv->call, busy, 486);
    script_end(s);
}

/* Issue 13, bug 4: a response whose CSeq number is no number is discarded
 * (RFC 3261 8.1.1.5): no transaction, no extra attempt. */
static void test_cseq_that_is_no_number(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite(s, 0.0, CALL, 1);
    sc_sip_message bad = response_msg(1.0, 486, CALL, 0, "INVITE", "b1");
    const sc_response_state *busy;

    bad.cseq_valid = FALSE;
    g_assert_null(send_response(s, bad));
    busy = respond_invite(s, 1.1, 486, CALL, 1, "b1");
    assert_decided_by(inv->call, busy, 486);
    g_assert_cmpuint(inv->call->attempts, ==, 1);
    script_end(s);
}

/* RFC 4475 mismatch01: a request whose method is not its CSeq's is no
 * INVITE, and makes no call. */
static void test_method_not_the_cseqs_makes_no_call(void)
{
    script *s = script_start();
    sc_sip_message odd = request_msg(0.0, "OPTIONS", CALL, 8, NULL);

    odd.cseq_method = "INVITE";
    g_assert_null(send_request(s, odd)->call);
    g_assert_cmpuint(sc_outcome_call_count(s->m), ==, 0);
    script_end(s);
}

/* ---- ICMP ---------------------------------------------------------------- */

/* RFC 3261 8.1.3.1: an ICMP destination unreachable quoting the INVITE is a
 * transport failure of its transaction: Service Failure, not silence. */
static void test_icmp_unreachable_fails_the_call(void)
{
    script *s = script_start();
    const sc_endpoint closed = v4(99, 5070);
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, closed);
    sc_sip_message quoted = hop(request_msg(0.0, "INVITE", CALL, 1, NULL), "z9hG4bKc1", 1);
    const sc_transport_error_state *failure;

    failure = sc_outcome_add_transport_error(s->m, &quoted, 2, 0.001, "ICMP port unreachable");
    g_assert_nonnull(failure);
    g_assert_true(failure->failed_transaction);
    g_assert_true(failure->decisive);
    g_assert_cmpuint(failure->request_frame, ==, inv->frame);
    assert_outcome(inv->call, SC_DISP_SERVICE_FAILURE);
    g_assert_cmpuint(inv->call->decisive_frame, ==, 2);
    g_assert_cmpuint(inv->call->decisive_code, ==, 0);
    g_assert_cmpstr(inv->call->decisive_reason, ==, "ICMP port unreachable");
    g_assert_cmpstr(inv->call->peer, ==, "203.0.113.99:5070");
    g_assert_false(inv->no_final_response);
    /* The quote is no request of its own: a second ICMP error for the
     * retransmission changes nothing, and a late answer decides nothing. */
    s->next_frame = 3;
    failure = sc_outcome_add_transport_error(s->m, &quoted, 3, 0.5, "ICMP port unreachable");
    g_assert_false(failure->failed_transaction);
    g_assert_false(answer_via(s, 1.0, 200, 1, "z9hG4bKc1", 1, "late", closed)->decisive);
    assert_outcome(inv->call, SC_DISP_SERVICE_FAILURE);
    script_end(s);
}

static void test_icmp_for_what_the_capture_lacks(void)
{
    script *s = script_start();
    sc_sip_message quoted = hop(request_msg(0.0, "INVITE", CALL, 1, NULL), "z9hG4bKx", 1);
    sc_sip_message cut = quoted;
    const sc_transport_error_state *failure = sc_outcome_add_transport_error(s->m, &quoted, 1, 0.0, NULL);

    g_assert_nonnull(failure);
    g_assert_false(failure->failed_transaction);
    g_assert_cmpuint(failure->request_frame, ==, 0);
    g_assert_null(failure->call);
    /* A quote cut before its Call-ID is unusable. */
    cut.call_id = NULL;
    g_assert_null(sc_outcome_add_transport_error(s->m, &cut, 2, 0.0, NULL));
    script_end(s);
}

/* A carrier that is down (ICMP) is failed over like one that says 503. */
static void test_icmp_on_a_branch_then_failover(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKp1", 2, v4(1, 5060));
    sc_sip_message quoted = hop(request_msg(0.0, "INVITE", CALL, 1, NULL), "z9hG4bKp1", 2);
    const sc_response_state *ok;

    s->next_frame++;
    sc_outcome_add_transport_error(s->m, &quoted, 2, 0.01, "ICMP port unreachable");
    assert_outcome(inv->call, SC_DISP_SERVICE_FAILURE);
    invite_via(s, 0.5, 1, "z9hG4bKp2", 2, v4(2, 5060));
    ok = answer_via(s, 2.0, 200, 1, "z9hG4bKp2", 2, "b1", v4(2, 5060));
    assert_decided_by(inv->call, ok, 200);
    script_end(s);
}

/* ---- How calls end ------------------------------------------------------- */

static const sc_request_state *send_with_reason(script *s, sc_sip_message msg, sc_reason_protocol protocol,
                                                guint cause)
{
    msg.reason_count = 1;
    msg.reasons[0] = (sc_reason){ .protocol = protocol, .cause = cause };
    return send_request(s, msg);
}

static void test_callee_hangs_up_with_reason(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    sc_sip_message bye = request_msg(63.0, "BYE", CALL, 7, CALLER_TAG);
    const sc_call *call = inv->call;

    answer_via(s, 3.0, 200, 1, "z9hG4bKc1", 1, "bob-1", PROXY_ADDR);
    g_assert_cmpuint(call->end_frame, ==, 0);
    bye.from_tag = "bob-1";                  /* the callee's side of the dialog */
    send_with_reason(s, bye, SC_REASON_Q850, 16);
    g_assert_cmpint(call->ended_by, ==, SC_ENDED_BY_CALLEE);
    g_assert_true(call->has_duration);
    g_assert_cmpfloat_with_epsilon(call->duration_s, 60.0, 1e-9);
    g_assert_cmpuint(call->end_reason_count, ==, 1);
    g_assert_cmpuint(call->end_reasons[0].cause, ==, 16);
    g_assert_false(call->end_by_cancel);
    /* The first BYE ended it; a repeat through another hop changes nothing. */
    bye.time = 63.1;
    bye.from_tag = CALLER_TAG;
    send_request(s, bye);
    g_assert_cmpint(call->ended_by, ==, SC_ENDED_BY_CALLEE);
    script_end(s);
}

static void test_caller_hangs_up(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    sc_sip_message bye = request_msg(10.5, "BYE", CALL, 2, "bob-1");

    answer_via(s, 0.5, 200, 1, "z9hG4bKc1", 1, "bob-1", PROXY_ADDR);
    bye.from_tag = CALLER_TAG;
    send_request(s, bye);
    g_assert_cmpint(inv->call->ended_by, ==, SC_ENDED_BY_CALLER);
    g_assert_cmpfloat_with_epsilon(inv->call->duration_s, 10.0, 1e-9);
    g_assert_cmpuint(inv->call->end_reason_count, ==, 0);
    script_end(s);
}

/* A BYE of an early dialog before any answer does not end the call. */
static void test_bye_before_answer(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    sc_sip_message bye = request_msg(1.0, "BYE", CALL, 2, "bob-1");

    bye.from_tag = CALLER_TAG;
    send_request(s, bye);
    g_assert_cmpuint(inv->call->end_frame, ==, 0);
    script_end(s);
}

/* RFC 3326: a CANCEL with Reason SIP;cause=200 says another device took the
 * call (ring groups): the 487 it brings is Answered Elsewhere. */
static void test_cancel_answered_elsewhere(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    sc_sip_message cancel = hop(request_msg(3.0, "CANCEL", CALL, 1, NULL), "z9hG4bKc1", 1);
    const sc_response_state *terminated;

    answer_via(s, 1.0, 180, 1, "z9hG4bKc1", 1, "ext-101", PROXY_ADDR);
    cancel.from_tag = CALLER_TAG;
    send_with_reason(s, cancel, SC_REASON_SIP, 200);
    respond(s, 3.01, 200, CALL, 1, "CANCEL", "ext-101");
    terminated = answer_via(s, 3.02, 487, 1, "z9hG4bKc1", 1, "ext-101", PROXY_ADDR);
    g_assert_true(terminated->answered_elsewhere);
    assert_outcome(inv->call, SC_DISP_ANSWERED_ELSEWHERE);
    assert_decided_by(inv->call, terminated, 487);
    g_assert_cmpint(inv->call->ended_by, ==, SC_ENDED_BY_CALLER);
    g_assert_true(inv->call->end_by_cancel);
    g_assert_false(inv->call->has_duration);
    g_assert_cmpuint(inv->call->end_reasons[0].protocol, ==, SC_REASON_SIP);
    g_assert_cmpuint(inv->call->end_reasons[0].cause, ==, 200);
    script_end(s);
}

static void test_plain_cancel(void)
{
    script *s = script_start();
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, PROXY_ADDR);
    sc_sip_message cancel = hop(request_msg(3.0, "CANCEL", CALL, 1, NULL), "z9hG4bKc1", 1);
    const sc_response_state *terminated;

    cancel.from_tag = CALLER_TAG;
    send_request(s, cancel);
    terminated = answer_via(s, 3.02, 487, 1, "z9hG4bKc1", 1, "ext-101", PROXY_ADDR);
    g_assert_false(terminated->answered_elsewhere);
    assert_outcome(inv->call, SC_DISP_CANCELLED);
    g_assert_cmpint(inv->call->ended_by, ==, SC_ENDED_BY_CALLER);
    g_assert_cmpuint(inv->call->end_reason_count, ==, 0);
    script_end(s);
}

/* ---- Peers --------------------------------------------------------------- */

static void test_peer_text(void)
{
    script *s = script_start();
    sc_endpoint v6 = { .family = 6, .port = 5061, .address = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } };
    sc_endpoint portless = { .family = 4, .address = { 198, 51, 100, 7 } };
    const sc_request_state *inv = invite_via(s, 0.0, 1, "z9hG4bKc1", 1, v6);

    g_assert_cmpstr(inv->call->peer, ==, "[2001:db8::1]:5061");   /* where it went, while silent */
    answer_via(s, 0.1, 180, 1, "z9hG4bKc1", 1, "t1", portless);
    g_assert_cmpstr(inv->call->peer, ==, "198.51.100.7");         /* where it was answered from */
    script_end(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/outcome-hops/failover/with-callers-transaction", test_failover_with_the_callers_transaction);
    g_test_add_func("/outcome-hops/failover/downstream-only", test_failover_seen_downstream_only);
    g_test_add_func("/outcome-hops/failover/answered", test_failover_answered);
    g_test_add_func("/outcome-hops/bug1/two-challenges-one-attempt", test_two_challenges_one_attempt);
    g_test_add_func("/outcome-hops/bug2/parallel-fork-loser", test_parallel_fork_losing_branch);
    g_test_add_func("/outcome-hops/rfc3261-16.7/best-response", test_best_response_rules);
    g_test_add_func("/outcome-hops/rfc3261-16.7/timed-out-branch", test_timed_out_branch_in_the_choice);
    g_test_add_func("/outcome-hops/matching/no-branch", test_no_branch_degrades_to_call_id_and_cseq);
    g_test_add_func("/outcome-hops/matching/hundreds-of-vias", test_hundreds_of_vias);
    g_test_add_func("/outcome-hops/bug4/cseq-no-number", test_cseq_that_is_no_number);
    g_test_add_func("/outcome-hops/matching/method-not-cseqs", test_method_not_the_cseqs_makes_no_call);
    g_test_add_func("/outcome-hops/icmp/unreachable-fails-the-call", test_icmp_unreachable_fails_the_call);
    g_test_add_func("/outcome-hops/icmp/what-the-capture-lacks", test_icmp_for_what_the_capture_lacks);
    g_test_add_func("/outcome-hops/icmp/branch-then-failover", test_icmp_on_a_branch_then_failover);
    g_test_add_func("/outcome-hops/end/callee-with-reason", test_callee_hangs_up_with_reason);
    g_test_add_func("/outcome-hops/end/caller", test_caller_hangs_up);
    g_test_add_func("/outcome-hops/end/bye-before-answer", test_bye_before_answer);
    g_test_add_func("/outcome-hops/end/cancel-answered-elsewhere", test_cancel_answered_elsewhere);
    g_test_add_func("/outcome-hops/end/plain-cancel", test_plain_cancel);
    g_test_add_func("/outcome-hops/peer/text", test_peer_text);
    return g_test_run();
}
