/* packet-sipcodes.c
 * SIP Response Insight: a post-dissector that explains every SIP response
 * (meaning, likely causes, next step, disposition) and what it means for its
 * call.
 *
 * Find (extract.c) -> parse (parse/) -> decide (kb/, outcome/) -> present
 * (this file). Everything is decided on the first, sequential pass and
 * stored per frame; later passes, and the GUI in any order, only render
 * what was stored, because a call's outcome needs every frame before it
 * and wanted fields are not primed on later passes (DESIGN 4).
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
#include "kb/q850.h"
#include "kb/reason_text.h"
#include "kb/warnings.h"
#include "packet-sipcodes.h"
#include "preferences.h"
#include "process/passes.h"
#include "record.h"
#include "sipcodes.h"
#include "stats-sipcodes.h"

static int proto_sipcodes = -1;
static int sipcodes_tap = -1;
static int expert_tap = -1;
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
static int hf_call_peer = -1;
static int hf_call_duration = -1;
static int hf_call_ended_by = -1;
static int hf_call_end_reason = -1;
static int hf_call_invite_missing = -1;
static int hf_transport_error = -1;
static int hf_q850_cause = -1;
static int hf_q850_name = -1;
static int hf_q850_description = -1;
static int hf_q850_action = -1;
static int hf_q850_mismatch = -1;
static int hf_q850_location = -1;
static int hf_sip_reason_cause = -1;
static int hf_sip_reason_description = -1;
static int hf_warning_code = -1;
static int hf_warning_description = -1;
static int hf_warning_text = -1;
static int hf_override = -1;

static gint ett_sipcodes = -1;
static gint ett_call = -1;
static gint ett_reason = -1;
static gint ett_warning = -1;

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
static expert_field ei_transport_failure = EI_INIT;
static expert_field ei_q850_mismatch = EI_INIT;
static expert_field ei_warning_malformed = EI_INIT;
static expert_field ei_reason_malformed = EI_INIT;

static void format_class(gchar *label, guint32 status_class)
{
    const char *name = sc_class_name(status_class);

    snprintf(label, ITEM_LABEL_LENGTH, "%s (%u)", name ? name : "Unknown", status_class);
}

/* The machine lives exactly as long as the capture file's dissection state:
 * created by the init routine, freed by the cleanup routine. */
static sc_outcome_machine *outcome_machine;
/* The highest frame the machine has seen: frames reach it in order, once. */
static guint32 last_decided_frame;
static sc_passes passes;

static void sipcodes_init(void)
{
    outcome_machine = sc_outcome_new((double)sipcodes_prefs.no_final_timeout_s,
                                     (double)sipcodes_prefs.timer_c_s);
    last_decided_frame = 0;
    sipcodes_prepare_overrides();
}

static void sipcodes_cleanup(void)
{
    sc_outcome_free(outcome_machine);
    outcome_machine = NULL;
    sipcodes_release_overrides();
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

static const char *description_of(packet_info *pinfo, const sc_explanation *e)
{
    const sc_code_lookup *lookup = &e->lookup;

    if (lookup->known || e->override)
        return e->description;
    return wmem_strdup_printf(pinfo->pool,
        "Code %u is not in the IANA registry; RFC 3261 8.1.3.2 says to handle it as %u %s. %s",
        lookup->code, lookup->info->code, lookup->info->reason, e->description);
}

static const char *action_of(packet_info *pinfo, const sc_explanation *e, const sc_response_record *rec)
{
    if (rec->has_retry_after && e->retry == SC_RETRY_LATER)
        return wmem_strdup_printf(pinfo->pool, "Wait %u s (Retry-After) before retrying. %s",
                                  rec->retry_after, e->action);
    return e->action;
}

/* Expert summaries must stay one readable line (Wireshark cuts labels at
 * 240 characters): the first sentence of a text carries its point. */
static const char *first_sentence(packet_info *pinfo, const char *text)
{
    const char *end = strstr(text, ". ");

    return end ? wmem_strndup(pinfo->pool, text, (gsize)(end - text) + 1) : text;
}

static const char *ended_by_name(sc_ended_by who)
{
    switch (who) {
    case SC_ENDED_BY_CALLER: return "caller";
    case SC_ENDED_BY_CALLEE: return "callee";
    case SC_ENDED_UNKNOWN:   break;
    }
    return NULL;
}

static void add_call_end(proto_tree *call_tree, tvbuff_t *tvb, packet_info *pinfo, const sc_call *call)
{
    const char *who = ended_by_name(call->ended_by);
    char *reason;

    if (!call->end_frame)
        return;
    if (call->has_duration)
        add_generated(proto_tree_add_double_format_value(call_tree, hf_call_duration, tvb, 0, 0,
                                                         call->duration_s, "%.3f s", call->duration_s));
    if (who)
        add_generated(proto_tree_add_string_format_value(call_tree, hf_call_ended_by, tvb, 0, 0, who,
                                                         "%s (%s in frame %u)", who,
                                                         call->end_by_cancel ? "CANCEL" : "BYE", call->end_frame));
    reason = sc_reasons_text(call->end_reasons, call->end_reason_count, call->end_by_cancel);
    if (*reason)
        add_generated(proto_tree_add_string(call_tree, hf_call_end_reason, tvb, 0, 0,
                                            wmem_strdup(pinfo->pool, reason)));
    g_free(reason);
}

static void add_call_fields(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo, const sc_call *call,
                            gboolean has_flags, gboolean decisive, gboolean superseded)
{
    proto_item *ti;
    proto_tree *call_tree;

    if (!call->invite_seen) {
        add_generated(proto_tree_add_boolean_format_value(tree, hf_call_invite_missing, tvb, 0, 0, TRUE,
            "True (the capture holds no initial INVITE for this Call-ID: a dialog that began before "
            "the capture, not counted as a call)"));
        return;
    }
    ti = add_generated(proto_tree_add_string(tree, hf_call_outcome, tvb, 0, 0,
                                             sc_disposition_name(sc_call_standing_of(call).outcome)));
    call_tree = proto_item_add_subtree(ti, ett_call);
    if (has_flags) {
        add_generated(proto_tree_add_boolean(call_tree, hf_call_decisive, tvb, 0, 0, decisive));
        add_generated(proto_tree_add_boolean(call_tree, hf_call_superseded, tvb, 0, 0, superseded));
    }
    if (call->has_pdd)
        add_milliseconds(call_tree, hf_call_pdd, tvb, call->pdd_ms);
    if (call->has_setup_time)
        add_milliseconds(call_tree, hf_call_setup_time, tvb, call->setup_time_ms);
    add_generated(proto_tree_add_uint(call_tree, hf_call_attempts, tvb, 0, 0, call->attempts));
    if (call->peer)
        add_generated(proto_tree_add_string(call_tree, hf_call_peer, tvb, 0, 0, call->peer));
    add_call_end(call_tree, tvb, pinfo, call);
}

static void add_explanation(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                            const sc_explanation *e, const sc_response_record *rec)
{
    const sc_code_info *info = e->lookup.info;

    add_generated(proto_tree_add_string(tree, hf_reason, tvb, 0, 0, info->reason));
    if (rec->phrase)
        add_generated(proto_tree_add_string(tree, hf_phrase, tvb, 0, 0, rec->phrase));
    add_generated(proto_tree_add_boolean(tree, hf_phrase_nonstandard, tvb, 0, 0, rec->phrase != NULL));
    add_generated(proto_tree_add_boolean(tree, hf_registered, tvb, 0, 0, e->lookup.registered));
    add_generated(proto_tree_add_string(tree, hf_rfc, tvb, 0, 0, info->rfc));
    if (e->override)
        add_generated(proto_tree_add_boolean(tree, hf_override, tvb, 0, 0, TRUE));
    add_generated(proto_tree_add_string(tree, hf_description, tvb, 0, 0, description_of(pinfo, e)));
    for (int i = 0; i < SC_MAX_CAUSES && e->causes[i]; i++)
        add_generated(proto_tree_add_string(tree, hf_cause, tvb, 0, 0, e->causes[i]));
    add_generated(proto_tree_add_string(tree, hf_action, tvb, 0, 0, action_of(pinfo, e, rec)));
    add_generated(proto_tree_add_string(tree, hf_disposition, tvb, 0, 0, sc_disposition_name(e->disposition)));
    add_generated(proto_tree_add_boolean(tree, hf_final, tvb, 0, 0, rec->code >= 200));
}

static void add_transaction_fields(proto_tree *tree, tvbuff_t *tvb, const sc_response_record *rec,
                                   const sc_explanation *e)
{
    const sc_response_state *state = rec->state;

    if (state)
        add_generated(proto_tree_add_boolean(tree, hf_retransmission, tvb, 0, 0, state->retransmission));
    add_generated(proto_tree_add_string(tree, hf_retry, tvb, 0, 0, sc_retry_name(e->retry)));
    if (rec->has_retry_after)
        add_generated(proto_tree_add_uint(tree, hf_retry_after, tvb, 0, 0, rec->retry_after));
    add_generated(proto_tree_add_string(tree, hf_fault, tvb, 0, 0, sc_fault_name(e->fault)));
    if (rec->method)
        add_generated(proto_tree_add_string(tree, hf_method, tvb, 0, 0, rec->method));
    if (state && state->request_frame) {
        add_generated(proto_tree_add_uint(tree, hf_request_frame, tvb, 0, 0, state->request_frame));
        add_milliseconds(tree, hf_response_time, tvb, state->response_time_ms);
    }
}

static void add_q850_reason(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo,
                            const sc_response_record *rec, const sc_reason *reason)
{
    const guint cause = reason->cause;
    const guint location = reason->has_location ? reason->location : SC_Q850_NO_LOCATION;
    sc_q850_explanation q = sc_q850_explain_at(cause, location);
    sc_q850_judgement j = sc_q850_judge(rec->code, cause, location);
    gboolean mismatch = j.verdict == SC_Q850_CONTRADICTS;
    proto_item *ti = add_generated(proto_tree_add_uint(tree, hf_q850_cause, tvb, 0, 0, cause));
    proto_tree *rt = proto_item_add_subtree(ti, ett_reason);

    proto_item_append_text(ti, " (%s)", q.name);
    add_generated(proto_tree_add_string(rt, hf_q850_name, tvb, 0, 0, q.name));
    add_generated(proto_tree_add_string(rt, hf_q850_description, tvb, 0, 0, q.description));
    add_generated(proto_tree_add_string(rt, hf_q850_action, tvb, 0, 0, q.action));
    if (q.location)
        add_generated(proto_tree_add_string_format_value(rt, hf_q850_location, tvb, 0, 0, q.location->token,
                                                         "%s (%s). %s", q.location->token, q.location->name,
                                                         q.provenance));
    add_generated(proto_tree_add_boolean(rt, hf_q850_mismatch, tvb, 0, 0, mismatch));
    if (mismatch)
        expert_add_info_format(pinfo, ti, &ei_q850_mismatch,
            "Q.850 cause %u (%s) says %s, status %u says %s; equipment sends this cause with %u. %s",
            cause, q.name, j.cause_says, rec->code, j.status_says, j.expected_sip_code, j.which_to_trust);
}

static void add_sip_reason(proto_tree *tree, tvbuff_t *tvb, guint cause)
{
    sc_code_lookup lookup = sc_kb_lookup(cause);
    proto_item *ti = add_generated(proto_tree_add_uint(tree, hf_sip_reason_cause, tvb, 0, 0, cause));
    proto_tree *rt = proto_item_add_subtree(ti, ett_reason);

    if (!lookup.info) {
        proto_item_append_text(ti, " (not a SIP status code)");
        return;
    }
    proto_item_append_text(ti, " (%s)", lookup.info->reason);
    add_generated(proto_tree_add_string(rt, hf_sip_reason_description, tvb, 0, 0, lookup.info->description));
}

static void add_reasons(proto_tree *tree, proto_item *ti, tvbuff_t *tvb, packet_info *pinfo,
                        const sc_response_record *rec)
{
    for (guint i = 0; i < rec->reason_count; i++) {
        const sc_reason *reason = &rec->reasons[i];
        if (reason->malformed) {
            expert_add_info_format(pinfo, ti, &ei_reason_malformed,
                "Reason value without a numeric cause parameter: RFC 3326 wants "
                "protocol;cause=NUMBER, e.g. Q.850;cause=16");
            continue;
        }
        if (reason->protocol == SC_REASON_Q850)
            add_q850_reason(tree, tvb, pinfo, rec, reason);
        else if (reason->protocol == SC_REASON_SIP)
            add_sip_reason(tree, tvb, reason->cause);
    }
}

static void add_warnings(proto_tree *tree, tvbuff_t *tvb, packet_info *pinfo, const sc_response_record *rec)
{
    for (guint i = 0; i < rec->warning_count; i++) {
        const sc_warning_record *w = &rec->warnings[i];
        const sc_warning_info *info = sc_warning_lookup(w->code);
        const char *category = sc_warning_category(w->code);
        proto_item *ti = add_generated(proto_tree_add_uint(tree, hf_warning_code, tvb, 0, 0, w->code));
        proto_tree *wt = proto_item_add_subtree(ti, ett_warning);

        if (info) {
            proto_item_append_text(ti, " (%s)", info->text);
            add_generated(proto_tree_add_string(wt, hf_warning_description, tvb, 0, 0, info->description));
        } else if (category) {
            add_generated(proto_tree_add_string(wt, hf_warning_description, tvb, 0, 0,
                wmem_strdup_printf(pinfo->pool, "Unregistered warn-code in the range for %s", category)));
        }
        if (w->text && *w->text)
            add_generated(proto_tree_add_string(wt, hf_warning_text, tvb, 0, 0, w->text));
        if (w->malformed)
            expert_add_info_format(pinfo, ti, &ei_warning_malformed,
                "Malformed Warning value: RFC 3261 wants a 3-digit code, an agent and a quoted text");
    }
}

static void add_response_experts(packet_info *pinfo, proto_item *ti, const sc_explanation *e,
                                 const sc_response_record *rec)
{
    const sc_code_info *info = e->lookup.info;
    const sc_response_state *state = rec->state;
    expert_field *failure = failure_expert(e->severity);

    /* A retransmission repeats a verdict already given; saying it twice
     * would double the Expert Information counts. */
    if (state && state->retransmission)
        return;
    /* A vendor's own wording is what the user will recognise in the trace. */
    if (failure && rec->code >= 300)
        expert_add_info_format(pinfo, ti, failure, "%u %s: %s Next step: %s",
                               rec->code, (rec->phrase && *rec->phrase) ? rec->phrase : info->reason,
                               first_sentence(pinfo, e->description),
                               first_sentence(pinfo, action_of(pinfo, e, rec)));
    if (!e->lookup.registered)
        expert_add_info_format(pinfo, ti, &ei_unregistered,
                               "%u is not a registered SIP status code; handled as %u %s (RFC 3261 8.1.3.2)",
                               rec->code, info->code, info->reason);
    if (rec->phrase && !*rec->phrase)
        expert_add_info_format(pinfo, ti, &ei_phrase_nonstandard,
                               "The status line carries no reason phrase; %u is registered as \"%s\"",
                               rec->code, info->reason);
    else if (rec->phrase)
        expert_add_info_format(pinfo, ti, &ei_phrase_nonstandard,
                               "Reason phrase \"%s\" is not the registered \"%s\" for %u; read it as %s",
                               rec->phrase, info->reason, rec->code, sc_disposition_name(e->disposition));
    if (state && state->decisive && state->call && state->call->outcome_known) {
        expert_field *call_failed = call_failure_expert(state->call->outcome);
        if (call_failed)
            expert_add_info_format(pinfo, ti, call_failed, "Call outcome %s, decided by %u %s",
                                   sc_disposition_name(state->call->outcome), rec->code, info->reason);
    }
}

static void render_response(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
                            const sc_response_record *rec)
{
    sc_explanation e = sc_record_explain(rec);
    const sc_response_state *state = rec->state;
    proto_item *ti, *code_item;
    proto_tree *st;

    if (e.lookup.info && sc_code_class(rec->code) == 1 && !sipcodes_prefs.provisional_subtree)
        return;
    ti = proto_tree_add_item(tree, proto_sipcodes, tvb, 0, 0, ENC_NA);
    st = proto_item_add_subtree(ti, ett_sipcodes);
    proto_item_set_generated(ti);
    code_item = add_generated(proto_tree_add_uint(st, hf_code, tvb, 0, 0, rec->code));
    if (!e.lookup.info) {
        proto_item_append_text(ti, ": %u is not a SIP status code", rec->code);
        expert_add_info_format(pinfo, code_item, &ei_malformed_code,
                               "Status code %u is outside 100-699: the response is malformed", rec->code);
        return;
    }

    proto_item_append_text(ti, ": %u %s (%s)", rec->code, e.lookup.info->reason,
                           sc_disposition_name(e.disposition));
    if (sipcodes_prefs.disposition_in_info)
        col_append_fstr(pinfo->cinfo, COL_INFO, " [%s]", sc_disposition_name(e.disposition));
    add_generated(proto_tree_add_uint(st, hf_class, tvb, 0, 0, sc_code_class(rec->code)));
    add_explanation(st, tvb, pinfo, &e, rec);
    add_transaction_fields(st, tvb, rec, &e);
    add_reasons(st, ti, tvb, pinfo, rec);
    add_warnings(st, tvb, pinfo, rec);
    if (state && state->call)
        add_call_fields(st, tvb, pinfo, state->call, TRUE, state->decisive, state->superseded);
    add_response_experts(pinfo, ti, &e, rec);
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
        add_call_fields(st, tvb, pinfo, state->call, FALSE, FALSE, FALSE);
    expert_add_info_format(pinfo, ti, &ei_no_final_response, "%s", sc_kb_no_final_response_action);
}

/* An ICMP destination unreachable quoting a request: RFC 3261 8.1.3.1
 * makes it a transport failure of the request's transaction. */
static void render_transport_error(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree,
                                   const sc_transport_error_record *rec)
{
    const sc_transport_error_state *state = rec->state;
    proto_item *ti = proto_tree_add_item(tree, proto_sipcodes, tvb, 0, 0, ENC_NA);
    proto_tree *st = proto_item_add_subtree(ti, ett_sipcodes);

    proto_item_set_generated(ti);
    proto_item_append_text(ti, ": %s not delivered (%s)", rec->method, rec->what);
    add_generated(proto_tree_add_string(st, hf_transport_error, tvb, 0, 0, rec->what));
    add_generated(proto_tree_add_string(st, hf_method, tvb, 0, 0, rec->method));
    if (state->request_frame)
        add_generated(proto_tree_add_uint(st, hf_request_frame, tvb, 0, 0, state->request_frame));
    if (state->failed_transaction)
        add_generated(proto_tree_add_string(st, hf_disposition, tvb, 0, 0,
                                            sc_disposition_name(SC_DISP_SERVICE_FAILURE)));
    if (state->call)
        add_call_fields(st, tvb, pinfo, state->call, TRUE, state->decisive, FALSE);
    if (state->failed_transaction)
        expert_add_info_format(pinfo, ti, &ei_transport_failure,
            "%s could not be delivered: %s. RFC 3261 8.1.3.1 treats this as a transport failure%s. "
            "Next step: check that the peer listens on that address and port (service down, firewall, "
            "wrong port in the route).",
            rec->method, rec->what, state->decisive ? ": the call fails as Service Failure" : "");
}

/* Building the subtree and its texts is most of the post-dissector's work;
 * skip it when nobody will read it: no visible tree, no filter, column or
 * -e naming a sipcodes field, no expert information listener, no Info
 * column to append to (tshark -q -z sipcodes,tree needs only the tap). */
static gboolean worth_rendering(proto_tree *tree)
{
    /* The expert tap is registered after the plugins' handoff. */
    if (expert_tap <= 0)
        expert_tap = find_tap_id("expert");
    return proto_field_is_referenced(tree, proto_sipcodes)
           || (expert_tap > 0 && have_tap_listener(expert_tap))
           || sipcodes_prefs.disposition_in_info;
}

/* The machine meets every frame once, in order, on the first pass: the
 * pass that can always find SIP's messages (extract.c). */
static gboolean frame_still_to_decide(const packet_info *pinfo)
{
    return pinfo->num > last_decided_frame && !PINFO_FD_VISITED(pinfo);
}

/* Where a frame's record lives: for the rest of the file when the program
 * shows the frame again (the GUI, tshark -2, sharkd), for this dissection
 * when only its tree or a sipcodes statistic reads it (one-pass tshark).
 * NULL when nothing will read it: a one-pass tshark fixes its filters,
 * fields and statistics before the first frame and never shows a frame
 * again, so when none of them is sipcodes' nothing ever reads what sipcodes
 * would decide, and it decides nothing (DESIGN 4: a bystander pays only
 * for being asked). */
static wmem_allocator_t *record_scope(proto_tree *tree, packet_info *pinfo)
{
    if (passes.frames_seen_again)
        return wmem_file_scope();
    if (worth_rendering(tree) || have_tap_listener(sipcodes_tap))
        return pinfo->pool;
    return NULL;
}

static int dissect_sipcodes(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data _U_)
{
    sc_frame_record *frame;

    if (!sipcodes_prefs.enabled)
        return 0;
    if (frame_still_to_decide(pinfo)) {
        wmem_allocator_t *scope = record_scope(tree, pinfo);
        if (!scope)
            return 0;
        last_decided_frame = pinfo->num;
        frame = sc_record_frame(outcome_machine, sipcodes_overrides(), tree, pinfo, scope);
        if (!frame)
            return 0;
        if (scope == wmem_file_scope())
            p_add_proto_data(wmem_file_scope(), pinfo, proto_sipcodes, 0, frame);
    } else {
        frame = (sc_frame_record *)p_get_proto_data(wmem_file_scope(), pinfo, proto_sipcodes, 0);
        if (!frame)
            return 0;
    }

    if (worth_rendering(tree)) {
        for (guint i = 0; i < frame->response_count; i++)
            render_response(tvb, pinfo, tree, &frame->responses[i]);
        for (guint i = 0; i < frame->request_count; i++)
            render_unanswered_invite(tvb, pinfo, tree, frame->requests[i]);
        for (guint i = 0; i < frame->transport_error_count; i++)
            render_transport_error(tvb, pinfo, tree, &frame->transport_errors[i]);
    }
    tap_queue_packet(sipcodes_tap, pinfo, frame);
    return tvb_captured_length(tvb);
}

/* ---- registration ------------------------------------------------------ */

void proto_register_sipcodes(void)
{
    static hf_register_info hf[] = {
        { &hf_code, { "Status code", "sipcodes.code", FT_UINT16, BASE_DEC, NULL, 0x0,
            "The SIP status code of this response", HFILL } },
        { &hf_class, { "Class", "sipcodes.class", FT_UINT8, BASE_CUSTOM, CF_FUNC(format_class), 0x0,
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
        { &hf_call_peer, { "Peer", "sipcodes.call.peer", FT_STRING, BASE_NONE, NULL, 0x0,
            "The far end of the call's deciding INVITE transaction: the address and port its responses "
            "came from (through a proxy in the capture: the peer the proxy relayed them from)", HFILL } },
        { &hf_call_duration, { "Duration", "sipcodes.call.duration", FT_DOUBLE, BASE_NONE, NULL, 0x0,
            "Seconds of talk time: from the 2xx that answered the call to the BYE that ended it", HFILL } },
        { &hf_call_ended_by, { "Ended by", "sipcodes.call.ended_by", FT_STRING, BASE_NONE, NULL, 0x0,
            "caller or callee: who sent the BYE or CANCEL that ended the call (From tag against the "
            "initial INVITE's)", HFILL } },
        { &hf_call_end_reason, { "End reason", "sipcodes.call.end_reason", FT_STRING, BASE_NONE, NULL, 0x0,
            "The Reason header of the BYE or CANCEL that ended the call, explained", HFILL } },
        { &hf_call_invite_missing, { "Initial INVITE missing", "sipcodes.call.invite_missing", FT_BOOLEAN,
            BASE_NONE, NULL, 0x0,
            "The capture holds no initial INVITE for this Call-ID: a dialog without its INVITE, counted "
            "apart and in no KPI", HFILL } },
        { &hf_transport_error, { "Transport error", "sipcodes.transport_error", FT_STRING, BASE_NONE, NULL, 0x0,
            "An ICMP destination unreachable quoting a request: its transaction failed (RFC 3261 8.1.3.1)",
            HFILL } },
        { &hf_q850_cause, { "Q.850 cause", "sipcodes.q850.cause", FT_UINT32, BASE_DEC, NULL, 0x0,
            "ITU-T Q.850 cause from a Reason header (repeats when several are present)", HFILL } },
        { &hf_q850_name, { "Q.850 name", "sipcodes.q850.name", FT_STRING, BASE_NONE, NULL, 0x0,
            "The ITU-T name of the Q.850 cause", HFILL } },
        { &hf_q850_description, { "Q.850 meaning", "sipcodes.q850.description", FT_STRING, BASE_NONE, NULL, 0x0,
            "What the Q.850 cause means, in plain words", HFILL } },
        { &hf_q850_action, { "Q.850 action", "sipcodes.q850.action", FT_STRING, BASE_NONE, NULL, 0x0,
            "What to do about the Q.850 cause", HFILL } },
        { &hf_q850_mismatch, { "Contradicts status", "sipcodes.q850.mismatch", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "The Q.850 cause says something else about the call than the status code (e.g. 480 carrying "
            "cause 17 user busy); pairs that RFC 3398 or common equipment produce are not flagged", HFILL } },
        { &hf_q850_location, { "Q.850 location", "sipcodes.q850.location", FT_STRING, BASE_NONE, NULL, 0x0,
            "Where the cause was set (RFC 8606 location: U, LPN, LN, TN, RLN, RPN, INTL, BI)", HFILL } },
        { &hf_sip_reason_cause, { "SIP reason cause", "sipcodes.sip_reason.cause", FT_UINT16, BASE_DEC, NULL, 0x0,
            "A SIP status code given as the cause in a Reason header (e.g. 200 call completed elsewhere)", HFILL } },
        { &hf_sip_reason_description, { "SIP reason meaning", "sipcodes.sip_reason.description", FT_STRING, BASE_NONE, NULL, 0x0,
            "What the Reason header's SIP cause means", HFILL } },
        { &hf_warning_code, { "Warning code", "sipcodes.warning.code", FT_UINT16, BASE_DEC, NULL, 0x0,
            "warn-code of a Warning header value (repeats when several are present)", HFILL } },
        { &hf_warning_description, { "Warning meaning", "sipcodes.warning.description", FT_STRING, BASE_NONE, NULL, 0x0,
            "What the warn-code means, in plain words", HFILL } },
        { &hf_warning_text, { "Warning text", "sipcodes.warning.text", FT_STRING, BASE_NONE, NULL, 0x0,
            "The warn-text the sender wrote", HFILL } },
        { &hf_override, { "Provider override", "sipcodes.override", FT_BOOLEAN, BASE_NONE, NULL, 0x0,
            "A row of the SIP response overrides table (sipcodes_overrides) redefined this response", HFILL } },
    };

    static gint *ett[] = { &ett_sipcodes, &ett_call, &ett_reason, &ett_warning };

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
        { &ei_transport_failure, { "sipcodes.expert.transport_failure", PI_RESPONSE_CODE, PI_ERROR,
            "Request not delivered: ICMP destination unreachable", EXPFILL } },
        { &ei_q850_mismatch, { "sipcodes.expert.q850_mismatch", PI_PROTOCOL, PI_NOTE,
            "Q.850 cause contradicts the status code", EXPFILL } },
        { &ei_warning_malformed, { "sipcodes.expert.warning_malformed", PI_MALFORMED, PI_WARN,
            "Malformed Warning header value", EXPFILL } },
        { &ei_reason_malformed, { "sipcodes.expert.reason_malformed", PI_MALFORMED, PI_WARN,
            "Reason header value without a numeric cause", EXPFILL } },
    };

    expert_module_t *expert;

    proto_sipcodes = proto_register_protocol("SIP Response Insight", "sipcodes", "sipcodes");
    proto_register_field_array(proto_sipcodes, hf, array_length(hf));
    proto_register_subtree_array(ett, array_length(ett));
    expert = expert_register_protocol(proto_sipcodes);
    expert_register_field_array(expert, ei, array_length(ei));

    sipcodes_handle = register_dissector("sipcodes", dissect_sipcodes, proto_sipcodes);
    sipcodes_register_preferences(proto_sipcodes);
    sipcodes_tap = register_tap(SIPCODES_TAP_NAME);
    register_init_routine(sipcodes_init);
    register_cleanup_routine(sipcodes_cleanup);
    register_sipcodes_stats();
}

void proto_reg_handoff_sipcodes(void)
{
    register_postdissector(sipcodes_handle);
    passes = sc_passes_of_this_process();
    sc_extract_init(passes.first_pass_taps);
    set_postdissector_wanted_hfids(sipcodes_handle, sc_extract_wanted_hfids());
}
