/* libFuzzer harness over the decide layer (issue 6): knowledge-base lookups,
 * explanations with provider overrides, Warning header parsing, Q.850 cause
 * handling and the outcome machine fed random message sequences.
 *
 * The input is a script of operations; every operation reads what it needs
 * from the bytes that follow its opcode and reads zeros once the input is
 * used up, so every input is a valid script. The format is documented in
 * docs/robustness.md and tests/fuzz/make-corpus.py writes seeds in it.
 *
 *   op % 10  operation       operands
 *   0        kb lookup       u32 code, u8 flags, str phrase
 *   1        explain         u32 code, u8 flags, str phrase, str server
 *   2        Warning parse   u8 max, u8 buffer size, str header value
 *   3        Q.850           u32 cause, u32 status code
 *   4        add override    u32 code, u8 disposition, u8 retry, 5 x str
 *   5        request         message (see read_message)
 *   6        response        message
 *   7        time / ICMP     u8 choice: even, time passes (u8 step) and the changed
 *                            calls are taken; odd, an ICMP error quoting a request
 *                            (message)
 *   8        verify          -  (walks every call and every stored state)
 *   9        new machine     u8 timeout choice
 *
 * Besides crashes and sanitizer reports, the harness aborts when a result
 * breaks a documented promise of the decide layer (check()).
 *
 * Built with clang -fsanitize=fuzzer it is a libFuzzer target; built with
 * SIPCODES_FUZZ_REPLAY (replay_main.c) it replays files and random inputs
 * with any compiler, for valgrind and machines without libFuzzer.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "explain.h"
#include "kb.h"
#include "outcome.h"
#include "overrides.h"
#include "q850.h"
#include "warnings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- Reading the script -------------------------------------------------- */

typedef struct {
    const uint8_t *p;
    size_t         n;
} reader;

static uint8_t u8(reader *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

static uint32_t u32(reader *r)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v = (v << 8) | u8(r);
    return v;
}

/* Every string handed to the decide layer is a fresh heap copy that is freed
 * as soon as the call returns (the extractor's strings live for one
 * dissection): ASan catches any pointer the layer keeps instead of copying. */
typedef struct {
    GPtrArray *strings;
} lender;

static char *lend(lender *l, char *s)
{
    g_ptr_array_add(l->strings, s);
    return s;
}

static void lender_release(lender *l)
{
    g_ptr_array_set_size(l->strings, 0);
}

/* u8 length, then that many bytes; an embedded NUL simply ends the C string. */
static const char *str(reader *r, lender *l)
{
    size_t len = u8(r);
    char *s = g_malloc(len + 1);

    for (size_t i = 0; i < len; i++)
        s[i] = (char)u8(r);
    s[len] = '\0';
    return lend(l, s);
}

static const char *pooled(lender *l, const char *text)
{
    return text ? lend(l, g_strdup(text)) : NULL;
}

/* ---- Checks -------------------------------------------------------------- */

#define check(cond)                                                           \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "fuzz_decide: %s:%d: check failed: %s\n",         \
                    __FILE__, __LINE__, #cond);                               \
            abort();                                                          \
        }                                                                     \
    } while (0)

/* Touches every byte of a string the layer returned, so ASan sees a stale or
 * unterminated one. */
static volatile size_t sink;
static void touch(const char *s)
{
    if (s)
        sink += strlen(s);
}

/* FUZZ_DECIDE_TRACE=1 prints every message and what the machine made of it:
 * how to read a crashing input or check that a seed does what it says. */
static int tracing = -1;
static gboolean trace_on(void)
{
    if (tracing < 0)
        tracing = getenv("FUZZ_DECIDE_TRACE") != NULL;
    return tracing;
}

/* ---- Knowledge base ------------------------------------------------------ */

static const uint32_t interesting_codes[] = {
    0, 1, 99, 100, 101, 180, 181, 182, 183, 199, 200, 202, 204, 299, 300, 301,
    302, 305, 380, 399, 400, 401, 403, 404, 407, 408, 422, 423, 480, 481, 482,
    486, 487, 488, 489, 491, 493, 494, 499, 500, 502, 503, 504, 513, 555, 580,
    599, 600, 603, 604, 606, 607, 608, 699, 700, 999, 1000, 4294967295u,
    /* RFC 4475 bigcode: 4294967301 wrapped to 32 bits */ 5,
};
#define N_INTERESTING (sizeof interesting_codes / sizeof interesting_codes[0])

static uint32_t read_code(reader *r)
{
    uint8_t sel = u8(r);

    if (sel < 192)
        return interesting_codes[sel % N_INTERESTING];
    if (sel < 240)
        return 100 + (u32(r) % 600);
    return u32(r);
}

static void check_lookup(guint code, const sc_code_lookup *lookup)
{
    gboolean in_range = code >= 100 && code <= 699;

    check(lookup->code == code);
    check(lookup->malformed == !in_range);
    check(sc_code_class(code) == (in_range ? code / 100 : 0));
    if (!in_range) {
        check(lookup->info == NULL);
        check(sc_class_name(sc_code_class(code)) == NULL);
        return;
    }
    check(lookup->info != NULL);
    check(sc_class_name(sc_code_class(code)) != NULL);
    check(lookup->info->code / 100 == code / 100);
    if (lookup->known)
        check(lookup->info->code == code && sc_kb_code(code) == lookup->info);
    else
        check(sc_kb_code(code) == NULL && !lookup->registered);
    touch(lookup->info->reason);
    touch(lookup->info->description);
    touch(lookup->info->action);
    touch(lookup->info->rfc);
    check(sc_kb_phrase_is_standard(lookup->info, lookup->info->reason));
}

static void op_kb(reader *r, lender *l)
{
    guint code = read_code(r);
    uint8_t flags = u8(r);
    const char *phrase = str(r, l);
    sc_code_lookup lookup = sc_kb_lookup(code);
    sc_advice advice;

    check_lookup(code, &lookup);
    advice = sc_kb_advise(&lookup, flags & 1, (flags >> 1) & 1);
    check((unsigned)advice.disposition < SC_DISP_COUNT);
    check((unsigned)advice.retry < SC_RETRY_COUNT);
    check(strcmp(sc_disposition_name(advice.disposition), "?") != 0);
    check(strcmp(sc_retry_name(advice.retry), "?") != 0);
    if (lookup.info) {
        sink += sc_kb_phrase_is_standard(lookup.info, phrase);
        check((unsigned)lookup.info->fault < SC_FAULT_COUNT);
        check(strcmp(sc_fault_name(lookup.info->fault), "?") != 0);
    }
    sink += sc_disposition_severity(advice.disposition);
    sink += sc_disposition_reached_callee(advice.disposition);
    /* Names round-trip; arbitrary text is rejected or mapped in range. */
    {
        sc_disposition d;
        sc_retry rt;
        check(sc_disposition_from_name(sc_disposition_name(advice.disposition), &d) && d == advice.disposition);
        if (sc_disposition_from_name(phrase, &d))
            check((unsigned)d < SC_DISP_COUNT);
        if (sc_retry_from_name(phrase, &rt))
            check((unsigned)rt < SC_RETRY_COUNT);
    }
}

/* ---- Overrides and explanations ----------------------------------------- */

static const char *const disposition_texts[] = {
    "", "Busy", "busy", "No Answer", "Declined", "Answered", "In Progress",
    "Congestion", "No Final Response", "OK", "bogus", "Busy ", NULL,
};
static const char *const retry_texts[] = {
    "", "no", "yes", "later", "modified", "LATER", "never", NULL,
};

static void op_add_override(reader *r, lender *l, sc_override_set *set)
{
    guint code = (u8(r) & 1) ? read_code(r) : u32(r);
    uint8_t d = u8(r), t = u8(r);
    const char *disposition = d < 200 ? disposition_texts[d % G_N_ELEMENTS(disposition_texts)] : str(r, l);
    const char *retry = t < 200 ? retry_texts[t % G_N_ELEMENTS(retry_texts)] : str(r, l);
    sc_override row;
    char *error = NULL;

    memset(&row, 0, sizeof row);
    row.phrase_contains = (char *)str(r, l);
    row.server_contains = (char *)str(r, l);
    row.description = (char *)str(r, l);
    row.cause = (char *)str(r, l);
    row.action = (char *)str(r, l);
    if (sc_override_parse(code, disposition, retry, &row, &error)) {
        check(error == NULL);
        check(code >= 100 && code <= 699);
        check(!row.has_disposition || (unsigned)row.disposition < SC_DISP_COUNT);
        check(!row.has_retry || (unsigned)row.retry < SC_RETRY_COUNT);
        if (sc_override_set_count(set) < 16)
            sc_override_set_add(set, &row);
    } else {
        check(error != NULL);
        touch(error);
        g_free(error);
    }
}

static sc_explanation explain(guint code, const sc_override_set *set, const char *phrase,
                              const char *server, gboolean initial, gboolean retry_after)
{
    sc_code_lookup lookup = sc_kb_lookup(code);
    const sc_override *override = lookup.malformed ? NULL : sc_override_match(set, code, phrase, server);
    sc_explanation e;

    if (override) {
        check(override->code == code);
        touch(override->description);
        touch(override->cause);
        touch(override->action);
    }
    e = sc_explain_response(code, override, initial, retry_after);
    check(e.lookup.code == code);
    check(e.lookup.malformed == lookup.malformed);
    if (!e.lookup.info) {
        check(e.lookup.malformed && e.description == NULL && e.override == NULL);
        return e;
    }
    check(e.override == override);
    check(e.description != NULL && e.action != NULL);
    touch(e.description);
    touch(e.action);
    for (int i = 0; i < SC_MAX_CAUSES; i++)
        touch(e.causes[i]);
    check((unsigned)e.disposition < SC_DISP_COUNT);
    check((unsigned)e.retry < SC_RETRY_COUNT);
    check((unsigned)e.fault < SC_FAULT_COUNT);
    check((unsigned)e.severity <= SC_SEVERITY_ERROR);
    return e;
}

static void op_explain(reader *r, lender *l, const sc_override_set *set)
{
    guint code = read_code(r);
    uint8_t flags = u8(r);
    const char *phrase = (flags & 4) ? NULL : str(r, l);
    const char *server = (flags & 8) ? NULL : str(r, l);

    explain(code, set, phrase, server, flags & 1, (flags >> 1) & 1);
}

/* ---- Warning headers ------------------------------------------------------ */

#define MAX_WARNINGS 8

static void op_warning(reader *r, lender *l)
{
    guint max = u8(r) % (MAX_WARNINGS + 1);
    gsize size = u8(r) % 24;
    const char *header = str(r, l);
    gsize header_len = strlen(header);
    sc_warning_value values[MAX_WARNINGS];
    guint n = sc_warning_parse(header, values, max);

    check(n <= max);
    check(sc_warning_parse(NULL, values, MAX_WARNINGS) == 0);
    for (guint i = 0; i < n; i++) {
        const sc_warning_value *v = &values[i];
        char *buf = size ? g_malloc(size) : NULL;   /* exact size: ASan sees overruns */
        gsize total;

        check(v->code <= 999);   /* three digits, "042" included */
        check(v->agent_offset <= header_len && v->agent_len <= header_len - v->agent_offset);
        check(v->text_offset <= header_len && v->text_len <= header_len - v->text_offset);
        total = sc_warning_copy_text(header, v, buf, size);
        check(total <= v->text_len);
        if (buf) {
            check(strlen(buf) < size);
            check(strlen(buf) == MIN(total, size - 1) || memchr(header + v->text_offset, '\0', v->text_len));
        }
        g_free(buf);
        if (v->code) {
            const sc_warning_info *info = sc_warning_lookup(v->code);
            if (info) {
                check(info->code == v->code);
                touch(info->text);
                touch(info->description);
                touch(info->action);
            }
            touch(sc_warning_category(v->code));
        }
    }
}

/* ---- Q.850 ----------------------------------------------------------------- */

static guint read_cause(reader *r)
{
    uint8_t sel = u8(r);

    if (sel < 200)
        return sel % 132;   /* 0..131: the whole range and just past it */
    return u32(r);
}

static void op_q850(reader *r)
{
    guint cause = read_cause(r);
    guint code = read_code(r);
    sc_q850_explanation e = sc_q850_explain(cause);
    const sc_q850_info *info = sc_q850_lookup(cause);
    guint expected = 12345;

    check(e.cause == cause);
    check(e.description != NULL && e.action != NULL && e.name != NULL);
    touch(e.description);
    touch(e.action);
    touch(e.name);
    touch(e.class_name);
    check(e.malformed == (cause > SC_Q850_MAX_CAUSE));
    check(e.assigned + e.unassigned + e.malformed == 1);
    check(e.info == info);
    check(!info || info->cause == cause);
    check((sc_q850_class_name(cause) == NULL) == (cause > SC_Q850_MAX_CAUSE));
    if (sc_q850_contradicts(code, cause, &expected))
        check(expected != 0);
    else
        check(expected == 0);
    sink += sc_q850_contradicts(code, cause, NULL);
    sink += sc_sip_to_q850(code);
    check(sc_sip_to_q850(code) <= SC_Q850_MAX_CAUSE);
}

/* ---- The outcome machine -------------------------------------------------- */

static const char *const call_ids[] = { "call-a@fuzz", "call-b@fuzz", "call-c@fuzz", "a" };
static const char *const methods[] = {
    "INVITE", "ACK", "CANCEL", "BYE", "REGISTER", "OPTIONS", "PRACK", "UPDATE",
};
static const char *const phrases[] = { "", "OK", "Busy Here", "Trying", "MaxPeak Cost Exceeded" };
static const char *const uris[] = { "sip:alice@example.com", "sip:bob@example.org", "" };

typedef struct {
    sc_outcome_machine *m;
    GPtrArray          *requests;    /* const sc_request_state *, as the plugin stores them */
    GPtrArray          *responses;   /* const sc_response_state * */
    guint32             frame;
    double              time;
} machine_run;

static const char *read_call_id(reader *r, lender *l)
{
    uint8_t sel = u8(r) % 8;

    if (sel < 4)
        return pooled(l, call_ids[sel]);
    if (sel == 4)
        return str(r, l);
    if (sel == 5)
        return NULL;
    if (sel == 6)
        return pooled(l, "");
    return pooled(l, call_ids[0]);
}

static const char *read_method(reader *r, lender *l)
{
    uint8_t sel = u8(r) % 10;

    if (sel < 8)
        return pooled(l, methods[sel]);
    if (sel == 8)
        return str(r, l);
    return NULL;
}

static const char *read_branch(reader *r, lender *l)
{
    static const char *const branches[] = { NULL, "", "z9hG4bK1", "z9hG4bK2", "z9hG4bK3", "1" };
    uint8_t sel = u8(r) % 7;

    return sel < 6 ? pooled(l, branches[sel]) : str(r, l);
}

static void read_endpoint(reader *r, sc_endpoint *e)
{
    uint8_t sel = u8(r);

    memset(e, 0, sizeof *e);
    e->family = sel % 3 == 0 ? 0 : sel % 3 == 1 ? 4 : 6;
    e->port = (guint16)(sel & 0x30 ? 5060 + (sel >> 6) : 0);
    e->address[0] = 10;
    e->address[3] = (guint8)(sel >> 4);
}

static const char *read_tag(reader *r, lender *l)
{
    static const char *const tags[] = { NULL, "", "t1", "t2", "t3" };
    uint8_t sel = u8(r) % 6;

    return sel < 5 ? pooled(l, tags[sel]) : str(r, l);
}

/* The message layout:
 *   u8 Call-ID choice, u8 CSeq choice [u32], u8 CSeq method choice [str],
 *   request: u8 method choice [str]; response: code choice, u8 phrase choice [str],
 *   u8 To-tag choice [str], u8 time step, u8 frame step, u8 extras,
 *   then per extras: reasons (u8 protocol, cause), warnings (str), server (str);
 *   then u8 Via count, u8 branch choice [str], u8 From-tag choice [str], two
 *   endpoints (u8 each), u8 CSeq validity. */
static void read_message(reader *r, lender *l, machine_run *run, gboolean response,
                         sc_sip_message *msg)
{
    uint8_t sel, extras;

    memset(msg, 0, sizeof *msg);
    msg->is_response = response;
    msg->call_id = read_call_id(r, l);
    sel = u8(r);
    msg->cseq = sel < 240 ? (guint32)(sel % 4) + 1 : u32(r);
    msg->cseq_method = read_method(r, l);
    if (response) {
        msg->status_code = read_code(r);
        sel = u8(r);
        msg->phrase = sel < 200 ? pooled(l, phrases[sel % G_N_ELEMENTS(phrases)]) : str(r, l);
    } else {
        sel = u8(r);
        /* Usually the CSeq method; sometimes another one (RFC 4475 mismatch01). */
        msg->method = (sel % 4 || !msg->cseq_method) ? msg->cseq_method : pooled(l, methods[(sel / 4) % 8]);
        if (sel >= 250)
            msg->method = str(r, l);
        msg->phrase = pooled(l, "");
    }
    msg->to_tag = read_tag(r, l);

    /* Time: small steps, sometimes backwards (merged capture points), and
     * big jumps that fire Timer B. */
    sel = u8(r);
    if (sel == 0x7f)
        run->time += 100.0;
    else if (sel == 0x80)
        run->time -= 100.0;
    else if (sel == 0xff)
        run->time = (double)u32(r);
    else
        run->time += (double)(int8_t)sel * 0.25;
    msg->time = run->time;
    /* Frames: non-decreasing; a repeat is another message of the same frame. */
    if (u8(r) & 1)
        run->frame++;
    msg->frame = run->frame;

    extras = u8(r);
    msg->from = (extras & 1) ? pooled(l, uris[u8(r) % G_N_ELEMENTS(uris)]) : NULL;
    msg->to = (extras & 2) ? pooled(l, uris[u8(r) % G_N_ELEMENTS(uris)]) : NULL;
    if (extras & 4) {
        msg->has_retry_after = TRUE;
        msg->retry_after = u32(r);
    }
    msg->reason_count = (extras >> 3) & 7;
    if (msg->reason_count > SC_MAX_REASONS)
        msg->reason_count = SC_MAX_REASONS;
    for (guint i = 0; i < msg->reason_count; i++) {
        msg->reasons[i].protocol = (sc_reason_protocol)(u8(r) % 3);
        msg->reasons[i].cause = read_cause(r);
    }
    if (extras & 0x40) {
        msg->warning_count = 1 + u8(r) % SC_MAX_WARNINGS;
        for (guint i = 0; i < msg->warning_count; i++)
            msg->warnings[i] = str(r, l);
    }
    msg->server = (extras & 0x80) ? str(r, l) : NULL;
    sel = u8(r);
    msg->via_count = sel < 250 ? sel % 4 : (guint)u32(r) % 100000;
    msg->via_branch = read_branch(r, l);
    msg->from_tag = read_tag(r, l);
    read_endpoint(r, &msg->src);
    read_endpoint(r, &msg->dst);
    msg->cseq_valid = u8(r) != 0xee;
}

static void check_call(const sc_call *call)
{
    check(call != NULL);
    check(call->call_id != NULL);
    touch(call->call_id);
    touch(call->from);
    touch(call->to);
    touch(call->decisive_reason);
    touch(call->peer);
    check((unsigned)call->outcome < SC_DISP_COUNT);
    check(call->outcome_known || call->outcome == SC_DISP_IN_PROGRESS);
    check(call->invite_seen || !call->outcome_known);
    if (call->outcome_known && call->outcome != SC_DISP_NO_FINAL_RESPONSE) {
        check(call->decisive_frame != 0);
        /* No code: an ICMP error decided, which makes a Service Failure. */
        check((call->decisive_code >= 200 && call->decisive_code <= 699)
              || (call->decisive_code == 0 && call->outcome == SC_DISP_SERVICE_FAILURE));
        check(call->decisive_reason != NULL);
    }
    check(call->end_reason_count <= SC_MAX_REASONS);
    check(!call->has_duration || (call->end_frame != 0 && isfinite(call->duration_s)));
    check(call->end_frame == 0 || call->outcome == SC_DISP_ANSWERED || call->outcome == SC_DISP_CANCELLED
          || call->outcome == SC_DISP_ANSWERED_ELSEWHERE);
    check(!call->has_q850 || call->outcome_known);
    check(call->first_frame != 0);
    check(call->attempts >= 1 || call->attempts == 0);
    /* Merged capture points can run time backwards: negative, yet finite. */
    check(!call->has_pdd || isfinite(call->pdd_ms));
    check(!call->has_setup_time || isfinite(call->setup_time_ms));
}

static void check_response_state(const sc_response_state *s)
{
    check(!(s->decisive && s->superseded));
    check(s->request_frame <= s->frame);
    if (s->decisive) {
        check(s->call != NULL);
        check(s->call->outcome_known);
        check(s->call->decisive_frame == s->frame);
    }
    if (s->call)
        check_call(s->call);
}

static void check_request_state(const sc_request_state *s)
{
    check(s->frame != 0);
    if (s->call)
        check_call(s->call);
}

static void count_call(const sc_call *call, gpointer user_data)
{
    check_call(call);
    if (trace_on())
        fprintf(stderr, "  call %s: %s%s, decided by %u in frame %u, attempts %u\n", call->call_id,
                sc_disposition_name(call->outcome), call->outcome_known ? "" : " (undecided)",
                call->decisive_code, call->decisive_frame, call->attempts);
    (*(guint *)user_data)++;
}

static void verify(machine_run *run)
{
    guint counted = 0;

    sc_outcome_foreach_call(run->m, count_call, &counted);
    check(counted == sc_outcome_call_count(run->m));
    for (guint i = 0; i < run->requests->len; i++)
        check_request_state(g_ptr_array_index(run->requests, i));
    for (guint i = 0; i < run->responses->len; i++)
        check_response_state(g_ptr_array_index(run->responses, i));
}

static void machine_start(machine_run *run, double timeout)
{
    run->m = sc_outcome_new(timeout, timeout * 5.0);
    check(run->m != NULL);
    g_ptr_array_set_size(run->requests, 0);
    g_ptr_array_set_size(run->responses, 0);
    run->frame = 1;
    run->time = 1000.0;
}

static void machine_stop(machine_run *run)
{
    verify(run);
    sc_outcome_free(run->m);
    run->m = NULL;
}

static void op_message(reader *r, lender *l, machine_run *run, const sc_override_set *set,
                       gboolean response)
{
    sc_sip_message msg;

    read_message(r, l, run, response, &msg);
    if (!response) {
        const sc_request_state *s = sc_outcome_add_request(run->m, &msg);
        check((s == NULL) == (msg.call_id == NULL || msg.cseq_method == NULL || !msg.cseq_valid
                              || msg.method == NULL));
        if (trace_on())
            fprintf(stderr, "frame %u t=%.2f request %s call=%s cseq=%u %s tag=%s -> %s%s\n", msg.frame, msg.time,
                    msg.method ? msg.method : "(null)", msg.call_id ? msg.call_id : "(null)", msg.cseq,
                    msg.cseq_method ? msg.cseq_method : "(null)", msg.to_tag ? msg.to_tag : "(null)",
                    s ? "ok" : "unusable", s && s->retransmission ? " retransmission" : "");
        if (s) {
            check(s->frame == msg.frame);
            check_request_state(s);
            g_ptr_array_add(run->requests, (gpointer)s);
        }
    } else {
        /* As record.c does: the disposition this response stands for when
         * it decides its call, from the knowledge base and the overrides. */
        sc_explanation e = explain(msg.status_code, set, msg.phrase, msg.server, TRUE, msg.has_retry_after);
        const sc_response_state *s = (msg.frame & 2)
            ? sc_outcome_add_response_as(run->m, &msg, e.disposition)
            : sc_outcome_add_response(run->m, &msg);
        sc_warning_value values[MAX_WARNINGS];

        for (guint i = 0; i < msg.warning_count; i++)
            sink += sc_warning_parse(msg.warnings[i], values, MAX_WARNINGS);
        for (guint i = 0; i < msg.reason_count; i++) {
            sink += sc_q850_contradicts(msg.status_code, msg.reasons[i].cause, NULL);
            touch(sc_q850_explain(msg.reasons[i].cause).description);
        }
        check((s == NULL) == (msg.call_id == NULL || msg.cseq_method == NULL || !msg.cseq_valid));
        if (trace_on())
            fprintf(stderr, "frame %u t=%.2f response %u call=%s cseq=%u %s tag=%s -> %s%s%s%s call=%s\n",
                    msg.frame, msg.time, msg.status_code, msg.call_id ? msg.call_id : "(null)", msg.cseq,
                    msg.cseq_method ? msg.cseq_method : "(null)", msg.to_tag ? msg.to_tag : "(null)",
                    s ? "ok" : "unusable", s && s->retransmission ? " retransmission" : "",
                    s && s->decisive ? " decisive" : "", s && s->superseded ? " superseded" : "",
                    s && s->call ? sc_disposition_name(s->call->outcome) : "-");
        if (s) {
            check(s->frame == msg.frame);
            check_response_state(s);
            g_ptr_array_add(run->responses, (gpointer)s);
        }
    }
}

static void take_changed_call(const sc_call *call, gpointer user_data)
{
    check_call(call);
    (*(guint *)user_data)++;
}

/* Time passes (timers run out), or an ICMP error quotes a request. */
static void op_time_or_icmp(reader *r, lender *l, machine_run *run)
{
    guint changed = 0;

    if (u8(r) % 2 == 0) {
        run->time += (double)u8(r);
        if (trace_on())
            fprintf(stderr, "time %.2f\n", run->time);
        sc_outcome_advance(run->m, run->time);
    } else {
        sc_sip_message msg;
        const sc_transport_error_state *s;
        read_message(r, l, run, FALSE, &msg);
        s = sc_outcome_add_transport_error(run->m, &msg, msg.frame, msg.time, "ICMP port unreachable");
        if (trace_on())
            fprintf(stderr, "frame %u ICMP quoting %s -> %s\n", msg.frame, msg.method ? msg.method : "(null)",
                    s ? (s->failed_transaction ? "failed a transaction" : "nothing to fail") : "unusable");
        if (s) {
            check(s->frame == msg.frame);
            check(!s->decisive || s->failed_transaction);
            check(s->request_frame <= s->frame || s->request_frame == 0);
            if (s->call)
                check_call(s->call);
        }
    }
    sc_outcome_take_changed(run->m, take_changed_call, &changed);
}

static double read_timeout(reader *r)
{
    static const double timeouts[] = { SC_DEFAULT_NO_FINAL_TIMEOUT, 0.0, -1.0, 0.001, 1.0, 1e300 };
    uint8_t sel = u8(r);

    if (sel < 6)
        return timeouts[sel];
    if (sel == 6)
        return NAN;
    if (sel == 7)
        return INFINITY;
    return (double)sel;
}

/* ---- Entry point -------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader r = { data, size };
    lender l = { g_ptr_array_new_with_free_func(g_free) };
    sc_override_set *set = sc_override_set_new();
    machine_run run = { 0 };
    guint ops = 0;

    run.requests = g_ptr_array_new();
    run.responses = g_ptr_array_new();
    machine_start(&run, SC_DEFAULT_NO_FINAL_TIMEOUT);

    /* Bounded: an input of n bytes runs at most n operations. */
    while (r.n > 0 && ops++ < 4096) {
        switch (u8(&r) % 10) {
        case 0: op_kb(&r, &l); break;
        case 1: op_explain(&r, &l, set); break;
        case 2: op_warning(&r, &l); break;
        case 3: op_q850(&r); break;
        case 4: op_add_override(&r, &l, set); break;
        case 5: op_message(&r, &l, &run, set, FALSE); break;
        case 6: op_message(&r, &l, &run, set, TRUE); break;
        case 7: op_time_or_icmp(&r, &l, &run); break;
        case 8: verify(&run); break;
        case 9:
            machine_stop(&run);
            machine_start(&run, read_timeout(&r));
            break;
        }
        lender_release(&l);
    }

    machine_stop(&run);
    g_ptr_array_free(run.requests, TRUE);
    g_ptr_array_free(run.responses, TRUE);
    sc_override_set_free(set);
    g_ptr_array_free(l.strings, TRUE);
    return 0;
}
