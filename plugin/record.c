/* First pass: find and parse the frame's SIP messages, decide (knowledge
 * base, overrides, outcome machine) and keep what later passes render.
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

static const char *scope_copy(wmem_allocator_t *scope, const char *text)
{
    return text ? wmem_strdup(scope, text) : NULL;
}

static void record_warnings(wmem_allocator_t *scope, sc_response_record *rec, const sc_sip_message *msg)
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
            parsed[count].agent = wmem_strndup(scope, header + values[i].agent_offset, values[i].agent_len);
            parsed[count].text = wmem_strndup(scope, header + values[i].text_offset, values[i].text_len);
        }
    }
    if (count == 0)
        return;
    rec->warnings = (sc_warning_record *)wmem_memdup(scope, parsed, count * sizeof parsed[0]);
    rec->warning_count = count;
}

static const char *method_copy(wmem_allocator_t *scope, const char *method)
{
    const char *constant = method ? sc_sip_method_constant(method, strlen(method)) : NULL;

    return constant ? constant : scope_copy(scope, method);
}

static void record_response(wmem_allocator_t *scope, sc_response_record *rec, sc_outcome_machine *machine,
                            const sc_override_set *overrides, const sc_sip_message *msg)
{
    sc_code_lookup lookup = sc_kb_lookup(msg->status_code);

    rec->code = msg->status_code;
    if (lookup.info && !sc_kb_phrase_is_standard(lookup.info, msg->phrase))
        rec->phrase = scope_copy(scope, msg->phrase);
    rec->method = method_copy(scope, msg->cseq_method);
    rec->has_retry_after = msg->has_retry_after;
    rec->retry_after = msg->retry_after;
    rec->reason_count = MIN(msg->reason_count, SC_MAX_REASONS);
    if (rec->reason_count)
        rec->reasons = (const sc_reason *)wmem_memdup(scope, msg->reasons,
                                                      rec->reason_count * sizeof msg->reasons[0]);
    record_warnings(scope, rec, msg);
    if (!lookup.malformed)
        rec->override = sc_override_match(overrides, msg->status_code, msg->phrase, msg->server);
    /* Only a final response to an initial INVITE decides a call: what it
     * stands for then, from the knowledge base or a provider override. */
    rec->state = sc_outcome_add_response_as(machine, msg,
        sc_explain_response(rec->code, rec->override, TRUE, rec->has_retry_after).disposition);
}

/* An ACK gets no response and decides nothing, and its frame shows
 * nothing: the machine would only keep a transaction for it. */
static const sc_request_state *add_request(sc_outcome_machine *machine, const sc_sip_message *msg)
{
    if (sc_sip_request_is(msg, "ACK"))
        return NULL;
    return sc_outcome_add_request(machine, msg);
}

/* What a frame's messages made, gathered before the frame's one block
 * is sized for it. */
typedef struct {
    sc_response_record        responses[SC_MAX_MESSAGES_PER_FRAME];
    const sc_request_state   *requests[SC_MAX_MESSAGES_PER_FRAME];
    sc_transport_error_record errors[SC_MAX_MESSAGES_PER_FRAME];
    guint                     response_count;
    guint                     request_count;
    guint                     error_count;
    GPtrArray                *changed;
} frame_work;

/* RFC 3261 8.1.3.1: an ICMP destination unreachable about a request is a
 * transport failure of its transaction. Quoted responses, and other ICMP
 * errors, are about nothing sipcodes decides. */
static void record_transport_errors(wmem_allocator_t *scope, frame_work *work, sc_outcome_machine *machine,
                                    const sc_sip_message *messages, guint count,
                                    const sc_frame_context *context)
{
    for (guint i = 0; i < count && context->unreachable; i++) {
        const sc_sip_message *msg = &messages[i];
        sc_transport_error_record *rec = &work->errors[work->error_count];
        if (msg->is_response || !msg->method || sc_sip_request_is(msg, "ACK"))
            continue;
        rec->state = sc_outcome_add_transport_error(machine, msg, msg->frame, msg->time, context->what);
        if (!rec->state)
            continue;
        rec->method = method_copy(scope, msg->method);
        rec->what = context->what;
        work->error_count++;
    }
}

static void record_messages(wmem_allocator_t *scope, frame_work *work, sc_outcome_machine *machine,
                            const sc_override_set *overrides, const sc_sip_message *messages, guint count)
{
    for (guint i = 0; i < count; i++) {
        const sc_sip_message *msg = &messages[i];
        if (msg->is_response) {
            sc_response_record *rec = &work->responses[work->response_count++];
            memset(rec, 0, sizeof *rec);
            record_response(scope, rec, machine, overrides, msg);
        } else {
            const sc_request_state *state = add_request(machine, msg);
            if (state && sc_sip_request_is(msg, "INVITE"))
                work->requests[work->request_count++] = state;
        }
    }
}

static GPtrArray *changed_scratch;

static void collect_changed(const sc_call *call, gpointer user_data)
{
    g_ptr_array_add((GPtrArray *)user_data, (gpointer)call);
}

/* One block per frame: the record, then its responses, its transport
 * errors, its INVITEs and the calls it changed. */
static sc_frame_record *frame_record_of(wmem_allocator_t *scope, const frame_work *work)
{
    guint changed = work->changed->len;
    gsize size = sizeof(sc_frame_record) + work->response_count * sizeof(sc_response_record)
                 + work->error_count * sizeof(sc_transport_error_record)
                 + (work->request_count + changed) * sizeof(gpointer);
    sc_frame_record *frame = (sc_frame_record *)wmem_alloc0(scope, size);
    char *next = (char *)(frame + 1);

    frame->response_count = work->response_count;
    frame->responses = work->response_count ? (sc_response_record *)(void *)next : NULL;
    memcpy(next, work->responses, work->response_count * sizeof work->responses[0]);
    next += work->response_count * sizeof work->responses[0];
    frame->transport_error_count = work->error_count;
    frame->transport_errors = work->error_count ? (sc_transport_error_record *)(void *)next : NULL;
    memcpy(next, work->errors, work->error_count * sizeof work->errors[0]);
    next += work->error_count * sizeof work->errors[0];
    frame->request_count = work->request_count;
    frame->requests = work->request_count ? (const sc_request_state **)(void *)next : NULL;
    memcpy(next, work->requests, work->request_count * sizeof work->requests[0]);
    next += work->request_count * sizeof work->requests[0];
    frame->changed_count = changed;
    if (changed) {
        frame->changed = (const sc_call **)(void *)next;
        memcpy(next, work->changed->pdata, changed * sizeof(gpointer));
    }
    return frame;
}

sc_frame_record *sc_record_frame(sc_outcome_machine *machine, const sc_override_set *overrides,
                                 proto_tree *tree, packet_info *pinfo, wmem_allocator_t *scope)
{
    sc_sip_message messages[SC_MAX_MESSAGES_PER_FRAME];
    sc_frame_context context;
    frame_work work;
    sc_frame_record *frame = NULL;
    guint count;

    /* Timers run out by the capture's clock, SIP or not. */
    sc_outcome_advance(machine, nstime_to_sec(&pinfo->abs_ts));
    count = sc_extract_messages(tree, pinfo, messages, SC_MAX_MESSAGES_PER_FRAME, &context);
    /* The machine's lookups wait on memory: start fetching while the
     * frame's messages are parsed further and their responses recorded. */
    for (guint i = 0; i < count; i++)
        sc_outcome_prefetch(machine, messages[i].call_id);

    work.response_count = work.request_count = work.error_count = 0;
    if (context.in_icmp_error)
        record_transport_errors(scope, &work, machine, messages, count, &context);
    else
        record_messages(scope, &work, machine, overrides, messages, count);

    /* One list for every frame: frames are recorded one at a time. */
    if (!changed_scratch)
        changed_scratch = g_ptr_array_new();
    g_ptr_array_set_size(changed_scratch, 0);
    work.changed = changed_scratch;
    sc_outcome_take_changed(machine, collect_changed, work.changed);
    /* BYE, CANCEL, REGISTER...: the machine must see them, but they show
     * nothing on their frames; unless they moved a call, no record. */
    if (work.response_count || work.request_count || work.error_count || work.changed->len)
        frame = frame_record_of(scope, &work);
    return frame;
}
