/* packet-sipcodes.c
 * SIP Response Insight: a post-dissector that explains every SIP response
 * (meaning, likely causes, next step, disposition) and what it means for its
 * call.
 *
 * Extract (extract.c) -> decide (kb/, outcome/) -> present (this file).
 * Everything is decided on the first, sequential pass and stored per frame;
 * later passes only render what was stored, because SIP's fields are not
 * reliably primed for post-dissectors on them (DESIGN 4).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/expert.h>
#include <epan/proto_data.h>
#include <epan/tap.h>
#include <epan/unit_strings.h>

#include "compat.h"
#include "extract.h"
#include "frame_record.h"
#include "packet-sipcodes.h"
#include "sipcodes.h"
#include "stats-sipcodes.h"

static int proto_sipcodes = -1;
static int sipcodes_tap = -1;
static dissector_handle_t sipcodes_handle;

static int hf_code = -1;
static int hf_class = -1;
static int hf_reason = -1;
static int hf_phrase = -1;
static int hf_phrase_nonstandard = -1;
static int hf_registered = -1;
static int hf_rfc = -1;
static int hf_description = -1;
static int hf_cause = -1;
static int hf_action = -1;
static int hf_disposition = -1;
static int hf_final = -1;
static int hf_retransmission = -1;
static int hf_retry = -1;
static int hf_retry_after = -1;
static int hf_fault = -1;
static int hf_method = -1;
static int hf_request_frame = -1;
static int hf_response_time = -1;
static int hf_call_outcome = -1;
static int hf_call_decisive = -1;
static int hf_call_superseded = -1;
static int hf_call_pdd = -1;
static int hf_call_setup_time = -1;
static int hf_call_attempts = -1;

static gint ett_sipcodes = -1;
static gint ett_call = -1;

static expert_field ei_failure_chat = EI_INIT;
static expert_field ei_failure_note = EI_INIT;
static expert_field ei_failure_warn = EI_INIT;
static expert_field ei_failure_error = EI_INIT;
static expert_field ei_unregistered = EI_INIT;
static expert_field ei_phrase_nonstandard = EI_INIT;
static expert_field ei_malformed_code = EI_INIT;
static expert_field ei_call_failed_note = EI_INIT;
static expert_field ei_call_failed_warn = EI_INIT;
static expert_field ei_call_failed_error = EI_INIT;
static expert_field ei_no_final_response = EI_INIT;

static const value_string class_vals[] = {
    { 1, "Provisional" },
    { 2, "Success" },
    { 3, "Redirection" },
    { 4, "Client Failure" },
    { 5, "Server Failure" },
    { 6, "Global Failure" },
    { 0, NULL }
};

/* The machine lives exactly as long as the capture file's dissection state:
 * created by the init routine, freed by the cleanup routine. */
static sc_outcome_machine *outcome_machine;
static gboolean outcome_finished;

sc_outcome_machine *sipcodes_outcome_machine(void)
{
    return outcome_machine;
}

void sipcodes_finish_capture(void)
{
    if (outcome_machine && !outcome_finished) {
        sc_outcome_finish(outcome_machine);
        outcome_finished = TRUE;
    }
}

static void sipcodes_init(void)
{
    outcome_machine = sc_outcome_new(SC_DEFAULT_NO_FINAL_TIMEOUT);
    outcome_finished = FALSE;
}

static void sipcodes_cleanup(void)
{
    sc_outcome_free(outcome_machine);
    outcome_machine = NULL;
}

/* ---- decide, first pass ------------------------------------------------ */

static void record_response(sc_response_record *rec, const sc_sip_message *msg)
{
    sc_code_lookup lookup = sc_kb_lookup(msg->status_code);
    wmem_allocator_t *file_pool = wmem_file_scope();

    rec->code = msg->status_code;
    if (lookup.info && !sc_kb_phrase_is_standard(lookup.info, msg->phrase))
        rec->phrase = wmem_strdup(file_pool, msg->phrase);
    rec->method = msg->cseq_method ? wmem_strdup(file_pool, msg->cseq_method) : NULL;
    rec->has_retry_after = msg->has_retry_after;
    rec->retry_after = msg->retry_after;
    rec->reason_count = MIN(msg->reason_count, SC_MAX_REASONS);
    memcpy(rec->reasons, msg->reasons, rec->reason_count * sizeof rec->reasons[0]);
    rec->state = sc_outcome_add_response(outcome_machine, msg);
}

static sc_frame_record *decide_frame(proto_tree *tree, packet_info *pinfo)
{
    sc_sip_message messages[SC_MAX_MESSAGES_PER_FRAME];
    guint count = sc_extract_messages(tree, pinfo, messages, SC_MAX_MESSAGES_PER_FRAME);
    guint responses = 0, invites = 0;
    sc_frame_record *frame;

    if (count == 0)
        return NULL;
    for (guint i = 0; i < count; i++) {
        if (messages[i].is_response)
            responses++;
        else if (messages[i].method && strcmp(messages[i].method, "INVITE") == 0)
            invites++;
    }

    frame = wmem_new0(wmem_file_scope(), sc_frame_record);
    if (responses)
        frame->responses = wmem_alloc0_array(wmem_file_scope(), sc_response_record, responses);
    if (invites)
        frame->requests = wmem_alloc0_array(wmem_file_scope(), const sc_request_state *, invites);

    for (guint i = 0; i < count; i++) {
        const sc_sip_message *msg = &messages[i];
        if (msg->is_response) {
            record_response(&frame->responses[frame->response_count++], msg);
        } else {
            const sc_request_state *state = sc_outcome_add_request(outcome_machine, msg);
            if (state && msg->method && strcmp(msg->method, "INVITE") == 0)
                frame->requests[frame->request_count++] = state;
        }
    }
    return frame;
}

/* ---- present ----------------------------------------------------------- */

static proto_item *add_generated(proto_item *item)
{
    proto_item_set_generated(item);
    return item;
}

/* BASE_UNIT_STRING does not apply to doubles in every supported version. */
static void add_milliseconds(proto_tree *tree, int hf, tvbuff_t *tvb, double ms)
{
    add_generated(proto_tree_add_double_format_value(tree, hf, tvb, 0, 0, ms, "%.3f ms", ms));
}

static expert_field *failure_expert(sc_severity severity)
{
    switch (severity) {
    case SC_SEVERITY_CHAT:  return &ei_failure_chat;
    case SC_SEVERITY_NOTE:  return &ei_failure_note;
    case SC_SEVERITY_WARN:  return &ei_failure_warn;
    case SC_SEVERITY_ERROR: return &ei_failure_error;
    case SC_SEVERITY_NONE:  break;
    }
    return NULL;
}

static expert_field *call_failure_expert(sc_disposition outcome)
{
    switch (sc_disposition_severity(outcome)) {
    case SC_SEVERITY_NONE:  return NULL;
    case SC_SEVERITY_CHAT:
    case SC_SEVERITY_NOTE:  return &ei_call_failed_note;
    case SC_SEVERITY_WARN:  return &ei_call_failed_warn;
    case SC_SEVERITY_ERROR: return &ei_call_failed_error;
    }
    return NULL;
}

static const char *description_of(packet_info *pinfo, const sc_code_lookup *lookup)
{
    if (lookup->known)
        return lookup->info->description;
    return wmem_strdup_printf(pinfo->pool,
        "Code %u is not in the IANA registry; RFC 3261 8.1.3.2 says to handle it as %u %s. %s",
        lookup->code, lookup->info->code, lookup->info->reason, lookup->info->description);
}

static const char *action_of(packet_info *pinfo, const sc_code_lookup *lookup, const sc_response_record *rec)
{
    if (rec->has_retry_after && sc_code_class(rec->code) >= 3)
        return wmem_strdup_printf(pinfo->pool, "Wait %u s (Retry-After) before retrying. %s",
                                  rec->retry_after, lookup->info->action);
    return lookup->info->action;
}

static void add_call_fields(proto_tree *tree, tvbuff_t *tvb, const sc_call *call,
                            const sc_response_state *state)
{
    proto_item *ti = add_generated(proto_tree_add_string(tree, hf_call_outcome, tvb, 0, 0,
        call->outcome_known ? sc_disposition_name(call->outcome) : "Undecided"));
    proto_tree *call_tree = proto_item_add_subtree(ti, ett_call);

    if (state) {
        add_generated(proto_tree_add_boolean(call_tree, hf_call_decisive, tvb, 0, 0, state->decisive));
        add_generated(proto_tree_add_boolean(call_tree, hf_call_superseded, tvb, 0, 0, state->superseded));
    }
    if (call->has_pdd)
        add_milliseconds(call_tree, hf_call_pdd, tvb, call->pdd_ms);
    if (call->has_setup_time)
        add_milliseconds(call_tree, hf_call_setup_time, tvb, call->setup_time_ms);
    add_generated(proto_tree_add_uint(call_tree, hf_call_attempts, tvb, 0, 0, call->attempts));
}

static void add_explanation(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                            const sc_code_lookup *lookup, const sc_response_record *rec,
                            sc_advice advice)
{
    const sc_code_info *info = lookup->info;

    add_generated(proto_tree_add_string(tree, hf_reason, tvb, 0, 0, info->reason));
    if (rec->phrase)
        add_generated(proto_tree_add_string(tree, hf_phrase, tvb, 0, 0, rec->phrase));
    add_generated(proto_tree_add_boolean(tree, hf_phrase_nonstandard, tvb, 0, 0, rec->phrase != NULL));
    add_generated(proto_tree_add_boolean(tree, hf_registered, tvb, 0, 0, lookup->registered));
    add_generated(proto_tree_add_string(tree, hf_rfc, tvb, 0, 0, info->rfc));
    add_generated(proto_tree_add_string(tree, hf_description, tvb, 0, 0, description_of(pinfo, lookup)));
    for (int i = 0; i < SC_MAX_CAUSES && info->causes[i]; i++)
        add_generated(proto_tree_add_string(tree, hf_cause, tvb, 0, 0, info->causes[i]));
    add_generated(proto_tree_add_string(tree, hf_action, tvb, 0, 0, action_of(pinfo, lookup, rec)));
    add_generated(proto_tree_add_string(tree, hf_disposition, tvb, 0, 0, sc_disposition_name(advice.disposition)));
    add_generated(proto_tree_add_boolean(tree, hf_final, tvb, 0, 0, rec->code >= 200));
}

static void add_transaction_fields(proto_tree *tree, tvbuff_t *tvb, const sc_response_record *rec,
                                   const sc_code_info *info, sc_advice advice)
{
    const sc_response_state *state = rec->state;

    if (state)
        add_generated(proto_tree_add_boolean(tree, hf_retransmission, tvb, 0, 0, state->retransmission));
    add_generated(proto_tree_add_string(tree, hf_retry, tvb, 0, 0, sc_retry_name(advice.retry)));
    if (rec->has_retry_after)
        add_generated(proto_tree_add_uint(tree, hf_retry_after, tvb, 0, 0, rec->retry_after));
    add_generated(proto_tree_add_string(tree, hf_fault, tvb, 0, 0, sc_fault_name(info->fault)));
    if (rec->method)
        add_generated(proto_tree_add_string(tree, hf_method, tvb, 0, 0, rec->method));
    if (state && state->request_frame) {
        add_generated(proto_tree_add_uint(tree, hf_request_frame, tvb, 0, 0, state->request_frame));
        add_milliseconds(tree, hf_response_time, tvb, state->response_time_ms);
    }
}

static void add_response_experts(packet_info *pinfo, proto_item *ti, const sc_code_lookup *lookup,
                                 const sc_response_record *rec, sc_advice advice)
{
    const sc_code_info *info = lookup->info;
    const sc_response_state *state = rec->state;
    expert_field *failure = failure_expert(info->severity);

    /* A retransmission repeats a verdict already given; saying it twice
     * would double the Expert Information counts. */
    if (state && state->retransmission)
        return;
    if (failure && rec->code >= 300)
        expert_add_info_format(pinfo, ti, failure, "%u %s: %s Next step: %s",
                               rec->code, info->reason, description_of(pinfo, lookup),
                               action_of(pinfo, lookup, rec));
    if (!lookup->registered)
        expert_add_info_format(pinfo, ti, &ei_unregistered,
                               "%u is not a registered SIP status code; handled as %u %s (RFC 3261 8.1.3.2)",
                               rec->code, info->code, info->reason);
    if (rec->phrase)
        expert_add_info_format(pinfo, ti, &ei_phrase_nonstandard,
                               "Reason phrase \"%s\" is not the registered \"%s\" for %u; read it as %s",
                               rec->phrase, info->reason, rec->code, sc_disposition_name(advice.disposition));
    if (state && state->decisive && state->call && state->call->outcome_known) {
        expert_field *call_failed = call_failure_expert(state->call->outcome);
        if (call_failed)
            expert_add_info_format(pinfo, ti, call_failed, "Call %s by %u %s: %s",
                                   sc_disposition_name(state->call->outcome), rec->code,
                                   info->reason, action_of(pinfo, lookup, rec));
    }
}

static void render_response(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
                            const sc_response_record *rec)
{
    sc_code_lookup lookup = sc_kb_lookup(rec->code);
    const sc_response_state *state = rec->state;
    proto_item *ti = proto_tree_add_item(tree, proto_sipcodes, tvb, 0, 0, ENC_NA);
    proto_tree *st = proto_item_add_subtree(ti, ett_sipcodes);
    proto_item *code_item;
    sc_advice advice;

    proto_item_set_generated(ti);
    code_item = add_generated(proto_tree_add_uint(st, hf_code, tvb, 0, 0, rec->code));
    if (lookup.malformed) {
        proto_item_append_text(ti, ": %u is not a SIP status code", rec->code);
        expert_add_info_format(pinfo, code_item, &ei_malformed_code,
                               "Status code %u is outside 100-699: the response is malformed",
                               rec->code);
        return;
    }

    advice = sc_kb_advise(&lookup, state ? state->initial_invite : rec->method && !strcmp(rec->method, "INVITE"),
                          rec->has_retry_after);
    proto_item_append_text(ti, ": %u %s (%s)", rec->code, lookup.info->reason,
                           sc_disposition_name(advice.disposition));
    add_generated(proto_tree_add_uint(st, hf_class, tvb, 0, 0, sc_code_class(rec->code)));
    add_explanation(st, tvb, pinfo, &lookup, rec, advice);
    add_transaction_fields(st, tvb, rec, lookup.info, advice);
    if (state && state->call)
        add_call_fields(st, tvb, state->call, state);
    add_response_experts(pinfo, ti, &lookup, rec, advice);
}

static void render_unanswered_invite(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
                                     const sc_request_state *state)
{
    proto_item *ti;
    proto_tree *st;

    if (!state->no_final_response || state->retransmission)
        return;
    ti = proto_tree_add_item(tree, proto_sipcodes, tvb, 0, 0, ENC_NA);
    proto_item_set_generated(ti);
    proto_item_append_text(ti, ": INVITE got no final response");
    st = proto_item_add_subtree(ti, ett_sipcodes);
    add_generated(proto_tree_add_string(st, hf_method, tvb, 0, 0, "INVITE"));
    if (state->call)
        add_call_fields(st, tvb, state->call, NULL);
    expert_add_info_format(pinfo, ti, &ei_no_final_response,
                           "INVITE got no final response: the next hop never answered or the capture "
                           "missed it. Check reachability of the next hop and the capture point.");
}

static int dissect_sipcodes(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    sc_frame_record *frame;

    if (!PINFO_FD_VISITED(pinfo)) {
        if (!sc_extract_frame_has_sip(tree))
            return 0;
        frame = decide_frame(tree, pinfo);
        if (!frame)
            return 0;
        p_add_proto_data(wmem_file_scope(), pinfo, proto_sipcodes, 0, frame);
    } else {
        frame = (sc_frame_record *)p_get_proto_data(wmem_file_scope(), pinfo, proto_sipcodes, 0);
        if (!frame)
            return 0;
        /* A later pass means the first one has seen the whole capture. */
        sipcodes_finish_capture();
    }

    for (guint i = 0; i < frame->response_count; i++)
        render_response(tvb, pinfo, tree, &frame->responses[i]);
    for (guint i = 0; i < frame->request_count; i++)
        render_unanswered_invite(tvb, pinfo, tree, frame->requests[i]);
    tap_queue_packet(sipcodes_tap, pinfo, frame);
    return tvb_captured_length(tvb);
}

/* ---- registration ------------------------------------------------------ */

void proto_register_sipcodes(void)
{
    static hf_register_info hf[] = {
        { &hf_code, { "Status code", "sipcodes.code", FT_UINT16, BASE_DEC, NULL, 0x0,
            "The SIP status code of this response", HFILL } },
        { &hf_class, { "Class", "sipcodes.class", FT_UINT8, BASE_DEC, VALS(class_vals), 0x0,
            "Response class: 1 Provisional, 2 Success, 3 Redirection, 4 Client Failure, 5 Server Failure, 6 Global Failure", HFILL } },
        { &hf_reason, { "Registered reason", "sipcodes.reason", FT_STRING, BASE_NONE, NULL, 0x0,
            "The reason phrase registered for this code", HFILL } },
        { &hf_phrase, { "Carried phrase", "sipcodes.phrase", FT_STRING, BASE_NONE, NULL, 0x0,
            "The reason phrase this message carries, shown when it differs from the registered one", HFILL } },
        { &hf_phrase_nonstandard, { "Non-standard phrase", "sipcodes.phrase_nonstandard", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "The carried reason phrase differs from the registered one (vendor wording)", HFILL } },
        { &hf_registered, { "Registered code", "sipcodes.registered", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "The code is in the IANA registry; an unregistered code is explained by its class (RFC 3261 8.1.3.2)", HFILL } },
        { &hf_rfc, { "Defined in", "sipcodes.rfc", FT_STRING, BASE_NONE, NULL, 0x0,
            "The RFC that defines this code", HFILL } },
        { &hf_description, { "Meaning", "sipcodes.description", FT_STRING, BASE_NONE, NULL, 0x0,
            "What the code means, in plain words", HFILL } },
        { &hf_cause, { "Likely cause", "sipcodes.cause", FT_STRING, BASE_NONE, NULL, 0x0,
            "A likely cause of this response, most likely first (repeats)", HFILL } },
        { &hf_action, { "Recommended action", "sipcodes.action", FT_STRING, BASE_NONE, NULL, 0x0,
            "The recommended next step", HFILL } },
        { &hf_disposition, { "Disposition", "sipcodes.disposition", FT_STRING, BASE_NONE, NULL, 0x0,
            "Call-centre outcome category of this response (Answered, Busy, No Answer, Declined, ...)", HFILL } },
        { &hf_final, { "Final", "sipcodes.final", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "Final response (200 or above) rather than provisional", HFILL } },
        { &hf_retransmission, { "Retransmission", "sipcodes.retransmission", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "The same response (code, CSeq, To-tag) was seen before; it is never counted twice", HFILL } },
        { &hf_retry, { "Retry advice", "sipcodes.retry", FT_STRING, BASE_NONE, NULL, 0x0,
            "Whether to retry: no, yes, later (back off, honour Retry-After), modified (change the request first)", HFILL } },
        { &hf_retry_after, { "Retry-After", "sipcodes.retry_after", FT_UINT32, BASE_DEC|BASE_UNIT_STRING, &units_seconds, 0x0,
            "Seconds to wait before retrying, from the Retry-After header", HFILL } },
        { &hf_fault, { "Fault side", "sipcodes.fault", FT_STRING, BASE_NONE, NULL, 0x0,
            "Where the problem most likely sits: none, caller, network, callee", HFILL } },
        { &hf_method, { "Answers method", "sipcodes.method", FT_STRING, BASE_NONE, NULL, 0x0,
            "The request method this response answers (from CSeq)", HFILL } },
        { &hf_request_frame, { "Request in frame", "sipcodes.request_frame", FT_FRAMENUM, BASE_NONE, FRAMENUM_TYPE(FT_FRAMENUM_REQUEST), 0x0,
            "The frame of the request this response answers", HFILL } },
        { &hf_response_time, { "Response time", "sipcodes.response_time", FT_DOUBLE, BASE_NONE, NULL, 0x0,
            "Milliseconds from the request to this response", HFILL } },
        { &hf_call_outcome, { "Call outcome", "sipcodes.call.outcome", FT_STRING, BASE_NONE, NULL, 0x0,
            "The disposition of the whole call (Call-ID), once known", HFILL } },
        { &hf_call_decisive, { "Decided the call", "sipcodes.call.decisive", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "This response decided the call's outcome", HFILL } },
        { &hf_call_superseded, { "Superseded", "sipcodes.call.superseded", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "A final response the call got past (challenge answered, redirect followed, 491/422 retried)", HFILL } },
        { &hf_call_pdd, { "Post-dial delay", "sipcodes.call.pdd", FT_DOUBLE, BASE_NONE, NULL, 0x0,
            "Milliseconds from the call's first INVITE to its first 18x", HFILL } },
        { &hf_call_setup_time, { "Setup time", "sipcodes.call.setup_time", FT_DOUBLE, BASE_NONE, NULL, 0x0,
            "Milliseconds from the call's first INVITE to the response that decided it", HFILL } },
        { &hf_call_attempts, { "Attempts", "sipcodes.call.attempts", FT_UINT32, BASE_DEC, NULL, 0x0,
            "INVITE transactions the call needed (a challenge or redirect adds one)", HFILL } },
    };

    static gint *ett[] = { &ett_sipcodes, &ett_call };

    static ei_register_info ei[] = {
        { &ei_failure_chat, { "sipcodes.expert.failure_chat", PI_RESPONSE_CODE, PI_CHAT,
            "SIP response that is a normal step (challenge, redirect)", EXPFILL } },
        { &ei_failure_note, { "sipcodes.expert.failure_note", PI_RESPONSE_CODE, PI_NOTE,
            "SIP failure that is a normal call outcome (busy, no answer, cancelled)", EXPFILL } },
        { &ei_failure_warn, { "sipcodes.expert.failure_warn", PI_RESPONSE_CODE, PI_WARN,
            "SIP failure that points at a configuration or request problem", EXPFILL } },
        { &ei_failure_error, { "sipcodes.expert.failure_error", PI_RESPONSE_CODE, PI_ERROR,
            "SIP failure of a server or the network", EXPFILL } },
        { &ei_unregistered, { "sipcodes.expert.unregistered", PI_PROTOCOL, PI_WARN,
            "SIP status code not in the IANA registry", EXPFILL } },
        { &ei_phrase_nonstandard, { "sipcodes.expert.phrase_nonstandard", PI_PROTOCOL, PI_NOTE,
            "Reason phrase differs from the registered one", EXPFILL } },
        { &ei_malformed_code, { "sipcodes.expert.malformed_code", PI_MALFORMED, PI_ERROR,
            "Status code outside 100-699", EXPFILL } },
        { &ei_call_failed_note, { "sipcodes.expert.call_failed_note", PI_SEQUENCE, PI_NOTE,
            "Call ended without answer, normally (busy, no answer, declined, cancelled)", EXPFILL } },
        { &ei_call_failed_warn, { "sipcodes.expert.call_failed_warn", PI_SEQUENCE, PI_WARN,
            "Call failed on a configuration or request problem", EXPFILL } },
        { &ei_call_failed_error, { "sipcodes.expert.call_failed_error", PI_SEQUENCE, PI_ERROR,
            "Call failed on a server or network problem", EXPFILL } },
        { &ei_no_final_response, { "sipcodes.expert.no_final_response", PI_SEQUENCE, PI_ERROR,
            "INVITE without a final response", EXPFILL } },
    };

    expert_module_t *expert;

    proto_sipcodes = proto_register_protocol("SIP Response Insight", "sipcodes", "sipcodes");
    proto_register_field_array(proto_sipcodes, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert = expert_register_protocol(proto_sipcodes);
    expert_register_field_array(expert, ei, array_length(ei));

    sipcodes_handle = register_dissector("sipcodes", dissect_sipcodes, proto_sipcodes);
    sipcodes_tap = register_tap(SIPCODES_TAP_NAME);
    register_init_routine(sipcodes_init);
    register_cleanup_routine(sipcodes_cleanup);
    register_sipcodes_stats();
}

void proto_reg_handoff_sipcodes(void)
{
    register_postdissector(sipcodes_handle);
    sc_extract_init();
    set_postdissector_wanted_hfids(sipcodes_handle, sc_extract_wanted_hfids());
}
