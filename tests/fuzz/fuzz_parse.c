/* libFuzzer harness over the SIP message parser (plugin/parse/) and what
 * it feeds: the input is the payload of one TCP segment or UDP datagram,
 * read as sipcodes reads a tapped message buffer (messages back to back,
 * keep-alives between them), and every message it yields goes to the
 * outcome machine and the explanation, as in the plugin.
 *
 * Besides crashes and sanitizer reports, the harness aborts when a result
 * breaks a promise of the parser (check()): a message never claims more
 * bytes than it was given, and only a status or request line makes one.
 *
 * Built with clang -fsanitize=fuzzer it is a libFuzzer target; with
 * replay_main.c it replays files and random inputs with any compiler.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "explain.h"
#include "outcome.h"
#include "sip_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(gboolean ok, const char *promise)
{
    if (!ok) {
        fprintf(stderr, "fuzz_parse: broken promise: %s\n", promise);
        abort();
    }
}

/* Exact-size heap copies, freed after each message: ASan catches both a
 * read past a copy and a pointer the machine keeps instead of copying. */
static char *copy_text(gpointer pool, const char *text, gsize len)
{
    char *copy = g_malloc(len + 1);

    memcpy(copy, text, len);
    copy[len] = '\0';
    g_ptr_array_add((GPtrArray *)pool, copy);
    return copy;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The parser gets exactly the input's bytes, in their own allocation. */
    char *buffer = g_memdup2(data, size);
    GPtrArray *strings = g_ptr_array_new_with_free_func(g_free);
    sc_outcome_machine *machine = sc_outcome_new(SC_DEFAULT_NO_FINAL_TIMEOUT, SC_DEFAULT_TIMER_C);
    gsize offset = 0;
    guint32 frame = 1;

    while (offset < size) {
        sc_sip_message msg;
        gsize used;

        offset += sc_sip_leading_newlines(buffer + offset, size - offset);
        used = sc_sip_parse_message(buffer + offset, size - offset, &msg, copy_text, strings);
        check(used <= size - offset, "a message lies within the bytes it was given");
        if (used == 0) {
            check(!msg.is_response && !msg.method && !msg.call_id, "no message, no fields");
            break;
        }
        check(msg.is_response != (msg.method != NULL), "a message is a response or a request");
        check(msg.phrase != NULL, "the phrase is never NULL");
        check(msg.reason_count <= SC_MAX_REASONS && msg.warning_count <= SC_MAX_WARNINGS,
              "no more reasons and warnings than there is room for");
        msg.frame = frame++;
        msg.time = (double)frame;
        if (msg.is_response) {
            sc_explanation e = sc_explain_response(msg.status_code, NULL, TRUE, msg.has_retry_after);
            (void)e;
            sc_outcome_add_response(machine, &msg);
        } else {
            sc_outcome_add_request(machine, &msg);
        }
        g_ptr_array_set_size(strings, 0);
        offset += used;
    }
    sc_outcome_take_changed(machine, NULL, NULL);
    sc_outcome_free(machine);
    g_ptr_array_free(strings, TRUE);
    g_free(buffer);
    return 0;
}
