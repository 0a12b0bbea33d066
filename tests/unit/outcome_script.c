/* Scripted message sequences for the outcome machine's unit tests (see
 * outcome_script.h).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>
#include "outcome_script.h"

script *script_start_with_timeout(double no_final_timeout_s)
{
    script *s = g_new0(script, 1);

    s->m = sc_outcome_new(no_final_timeout_s, SC_DEFAULT_TIMER_C);
    s->next_frame = 1;
    return s;
}

script *script_start(void)
{
    return script_start_with_timeout(SC_DEFAULT_NO_FINAL_TIMEOUT);
}

void script_end(script *s)
{
    sc_outcome_free(s->m);
    g_free(s);
}

sc_sip_message request_msg(double at, const char *method, const char *call_id,
                                  guint32 cseq, const char *to_tag)
{
    sc_sip_message msg = {
        .time = at, .method = method, .call_id = call_id, .cseq = cseq, .cseq_valid = TRUE,
        .cseq_method = method, .from = ALICE, .to = BOB, .to_tag = to_tag,
    };
    return msg;
}

sc_sip_message response_msg(double at, guint code, const char *call_id,
                                   guint32 cseq, const char *method, const char *to_tag)
{
    sc_code_lookup lookup = sc_kb_lookup(code);
    sc_sip_message msg = {
        .time = at, .is_response = TRUE, .status_code = code,
        .phrase = lookup.info ? lookup.info->reason : "Nonsense",
        .call_id = call_id, .cseq = cseq, .cseq_valid = TRUE, .cseq_method = method,
        .from = ALICE, .to = BOB, .to_tag = to_tag,
    };
    return msg;
}

/* The copies of one message's borrowed strings. */
typedef struct {
    GPtrArray *copies;
} borrowed;

static const char *lend(borrowed *b, const char *text)
{
    char *copy = g_strdup(text);

    if (copy)
        g_ptr_array_add(b->copies, copy);
    return copy;
}

static sc_sip_message lend_strings(borrowed *b, const sc_sip_message *msg)
{
    sc_sip_message lent = *msg;

    b->copies = g_ptr_array_new_with_free_func(g_free);
    lent.phrase = lend(b, msg->phrase);
    lent.method = lend(b, msg->method);
    lent.call_id = lend(b, msg->call_id);
    lent.cseq_method = lend(b, msg->cseq_method);
    lent.from = lend(b, msg->from);
    lent.to = lend(b, msg->to);
    lent.to_tag = lend(b, msg->to_tag);
    lent.from_tag = lend(b, msg->from_tag);
    lent.via_branch = lend(b, msg->via_branch);
    lent.server = lend(b, msg->server);
    return lent;
}

static void return_strings(borrowed *b)
{
    for (guint i = 0; i < b->copies->len; i++)
        memset(b->copies->pdata[i], 'X', strlen(b->copies->pdata[i]));
    g_ptr_array_free(b->copies, TRUE);
}

const sc_request_state *send_request(script *s, sc_sip_message msg)
{
    borrowed b;
    sc_sip_message lent;
    const sc_request_state *state;

    msg.frame = s->next_frame++;
    lent = lend_strings(&b, &msg);
    state = sc_outcome_add_request(s->m, &lent);
    return_strings(&b);
    return state;
}

const sc_response_state *send_response(script *s, sc_sip_message msg)
{
    borrowed b;
    sc_sip_message lent;
    const sc_response_state *state;

    msg.frame = s->next_frame++;
    lent = lend_strings(&b, &msg);
    state = sc_outcome_add_response(s->m, &lent);
    return_strings(&b);
    return state;
}

const sc_request_state *request(script *s, double at, const char *method,
                                       const char *call_id, guint32 cseq, const char *to_tag)
{
    return send_request(s, request_msg(at, method, call_id, cseq, to_tag));
}

/* An INVITE outside any dialog: no To-tag. */
const sc_request_state *invite(script *s, double at, const char *call_id, guint32 cseq)
{
    return request(s, at, "INVITE", call_id, cseq, NULL);
}

const sc_response_state *respond(script *s, double at, guint code, const char *call_id,
                                        guint32 cseq, const char *method, const char *to_tag)
{
    return send_response(s, response_msg(at, code, call_id, cseq, method, to_tag));
}

const sc_response_state *respond_invite(script *s, double at, guint code,
                                               const char *call_id, guint32 cseq,
                                               const char *to_tag)
{
    return respond(s, at, code, call_id, cseq, "INVITE", to_tag);
}

void assert_outcome(const sc_call *call, sc_disposition expected)
{
    g_assert_nonnull(call);
    g_assert_true(call->outcome_known);
    g_assert_cmpstr(sc_disposition_name(call->outcome), ==, sc_disposition_name(expected));
}

void assert_decided_by(const sc_call *call, const sc_response_state *response, guint code)
{
    g_assert_true(response->decisive);
    g_assert_false(response->superseded);
    g_assert_cmpuint(call->decisive_frame, ==, response->frame);
    g_assert_cmpuint(call->decisive_code, ==, code);
}

void assert_superseded(const sc_response_state *response)
{
    g_assert_false(response->decisive);
    g_assert_true(response->superseded);
}

void assert_bystander(const sc_response_state *response)
{
    g_assert_false(response->decisive);
    g_assert_false(response->superseded);
}

static void count_changed(const sc_call *call, gpointer user_data)
{
    g_assert_nonnull(call);
    (*(guint *)user_data)++;
}

/* How many calls changed since the last look. */
guint changed_calls(script *s)
{
    guint count = 0;

    sc_outcome_take_changed(s->m, count_changed, &count);
    return count;
}

