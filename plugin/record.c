/* First pass: extract the frame's SIP messages, decide (knowledge base,
 * overrides, outcome machine) and keep what later passes render.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <epan/packet.h>
#include <epan/wmem_scopes.h>

#include "extract.h"
#include "kb/warnings.h"
#include "parse/sip_parse.h"
#include "record.h"

#define SC_MAX_WARNING_VALUES 8

static const char *file_copy(const char *text)
{
    return text ? wmem_strdup(wmem_file_scope(), text) : NULL;
}

static const char *copy_range(const char *header, gsize offset, gsize len)
{
    return wmem_strndup(wmem_file_scope(), header + offset, len);
}

static void record_warnings(sc_response_record *rec, const sc_sip_message *msg)
{
    sc_warning_value values[SC_MAX_WARNING_VALUES];
    sc_warning_record parsed[SC_MAX_WARNING_VALUES];
    guint count = 0;

    for (guint h = 0; h < msg->warning_count && count < SC_MAX_WARNING_VALUES; h++) {
        const char *header = msg->warnings[h];
        guint n = sc_warning_parse(header, values, SC_MAX_WARNING_VALUES - count);
        for (guint i = 0; i < n; i++, count++) {
            parsed[count].code = values[i].code;
            parsed[count].malformed = values[i].malformed;
            parsed[count].agent = copy_range(header, values[i].agent_offset, values[i].agent_len);
            parsed[count].text = copy_range(header, values[i].text_offset, values[i].text_len);
        }
    }
    if (count == 0)
        return;
    rec->warnings = (sc_warning_record *)wmem_memdup(wmem_file_scope(), parsed, count * sizeof parsed[0]);
    rec->warning_count = count;
}

static void record_response(sc_response_record *rec, sc_outcome_machine *machine,
                            const sc_override_set *overrides, const sc_sip_message *msg)
{
    sc_code_lookup lookup = sc_kb_lookup(msg->status_code);
    sc_explanation as_call_decider;

    rec->code = msg->status_code;
    if (lookup.info && !sc_kb_phrase_is_standard(lookup.info, msg->phrase))
        rec->phrase = file_copy(msg->phrase);
    rec->method = msg->cseq_method ? sc_sip_method_constant(msg->cseq_method, strlen(msg->cseq_method)) : NULL;
    if (!rec->method)
        rec->method = file_copy(msg->cseq_method);
    rec->has_retry_after = msg->has_retry_after;
    rec->retry_after = msg->retry_after;
    rec->reason_count = MIN(msg->reason_count, SC_MAX_REASONS);
    if (rec->reason_count)
        rec->reasons = (const sc_reason *)wmem_memdup(wmem_file_scope(), msg->reasons,
                                                      rec->reason_count * sizeof msg->reasons[0]);
    record_warnings(rec, msg);
    if (!lookup.malformed)
        rec->override = sc_override_match(overrides, msg->status_code, msg->phrase, msg->server);

    /* Only a final response to an initial INVITE decides a call. */
    as_call_decider = sc_explain_response(rec->code, rec->override, TRUE, rec->has_retry_after);
    rec->state = sc_outcome_add_response_as(machine, msg, as_call_decider.disposition);
}

/* An ACK gets no response and decides nothing, and its frame shows
 * nothing: the machine would only keep a transaction for it. */
static const sc_request_state *add_request(sc_outcome_machine *machine, const sc_sip_message *msg)
{
    if (sc_sip_request_is(msg, "ACK"))
        return NULL;
    return sc_outcome_add_request(machine, msg);
}

sc_frame_record *sc_record_frame(sc_outcome_machine *machine, const sc_override_set *overrides,
                                 proto_tree *tree, packet_info *pinfo, gboolean *saw_sip)
{
    sc_sip_message messages[SC_MAX_MESSAGES_PER_FRAME];
    guint count = sc_extract_messages(tree, pinfo, messages, SC_MAX_MESSAGES_PER_FRAME);
    guint responses = 0, invites = 0;
    sc_frame_record *frame;

    *saw_sip = count > 0;
    if (count == 0)
        return NULL;
    /* The machine's lookups wait on memory: start fetching while the
     * frame's messages are counted and their responses recorded. */
    for (guint i = 0; i < count; i++) {
        sc_outcome_prefetch(machine, messages[i].call_id);
        responses += messages[i].is_response;
        invites += sc_sip_request_is(&messages[i], "INVITE");
    }
    /* BYE, CANCEL, REGISTER...: the machine must see them, but nothing is
     * shown on their frames, so they need no record. */
    if (responses == 0 && invites == 0) {
        for (guint i = 0; i < count; i++)
            add_request(machine, &messages[i]);
        return NULL;
    }

    /* One block per frame: the record, then its responses, then its INVITEs. */
    frame = (sc_frame_record *)wmem_alloc0(wmem_file_scope(), sizeof *frame
                                           + responses * sizeof frame->responses[0]
                                           + invites * sizeof frame->requests[0]);
    if (responses)
        frame->responses = (sc_response_record *)(void *)(frame + 1);
    if (invites)
        frame->requests = (const sc_request_state **)(void *)((char *)(frame + 1)
                                                              + responses * sizeof frame->responses[0]);

    for (guint i = 0; i < count; i++) {
        const sc_sip_message *msg = &messages[i];
        if (msg->is_response) {
            record_response(&frame->responses[frame->response_count++], machine, overrides, msg);
        } else {
            const sc_request_state *state = add_request(machine, msg);
            if (state && sc_sip_request_is(msg, "INVITE"))
                frame->requests[frame->request_count++] = state;
        }
    }
    return frame;
}
