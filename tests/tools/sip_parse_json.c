/* What sipcodes' one parser reads from SIP messages, as JSON, so that a test
 * can hold it against what Wireshark's SIP dissector reads from the same
 * bytes (tests/integration/test_parser_vs_sip.py).
 *
 * Reads one message a line from standard input, as hexadecimal; writes one
 * JSON object a line: the members of sc_sip_message the decide layer reads,
 * and "length", the bytes the parser says the message takes (0: not SIP).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include "sip_parse.h"

static char *copy_text(gpointer pool, const char *text, gsize len)
{
    char *copy = g_strndup(text, len);

    g_ptr_array_add((GPtrArray *)pool, copy);
    return copy;
}

static void append_json_string(GString *out, const char *value)
{
    if (!value) {
        g_string_append(out, "null");
        return;
    }
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        if (*p == '"' || *p == '\\')
            g_string_append_printf(out, "\\%c", *p);
        else if (*p < 0x20)
            g_string_append_printf(out, "\\u%04x", *p);
        else
            g_string_append_c(out, (char)*p);
    }
    g_string_append_c(out, '"');
}

static void put_string(GString *out, const char *name, const char *value)
{
    g_string_append_printf(out, "\"%s\":", name);
    append_json_string(out, value);
    g_string_append_c(out, ',');
}

static const char *reason_protocol(sc_reason_protocol protocol)
{
    switch (protocol) {
    case SC_REASON_Q850: return "Q.850";
    case SC_REASON_SIP:  return "SIP";
    case SC_REASON_OTHER: break;
    }
    return "other";
}

static void put_message(GString *out, const sc_sip_message *msg, gsize length)
{
    g_string_append_printf(out, "{\"length\":%" G_GSIZE_FORMAT ",\"is_response\":%s,\"status_code\":%u,",
                           length, msg->is_response ? "true" : "false", msg->status_code);
    put_string(out, "phrase", msg->phrase);
    put_string(out, "method", msg->method);
    put_string(out, "call_id", msg->call_id);
    g_string_append_printf(out, "\"cseq\":%u,\"cseq_valid\":%s,", msg->cseq, msg->cseq_valid ? "true" : "false");
    put_string(out, "via_branch", msg->via_branch);
    g_string_append_printf(out, "\"via_count\":%u,", msg->via_count);
    put_string(out, "from_tag", msg->from_tag);
    put_string(out, "cseq_method", msg->cseq_method);
    put_string(out, "from", msg->from);
    put_string(out, "to", msg->to);
    put_string(out, "to_tag", msg->to_tag);
    if (msg->has_retry_after)
        g_string_append_printf(out, "\"retry_after\":%u,", msg->retry_after);
    else
        g_string_append(out, "\"retry_after\":null,");
    put_string(out, "server", msg->server);
    g_string_append(out, "\"reasons\":[");
    for (guint i = 0; i < msg->reason_count; i++)
        g_string_append_printf(out, "%s{\"protocol\":\"%s\",\"cause\":%u,\"malformed\":%s,\"location\":%d}",
                               i ? "," : "", reason_protocol(msg->reasons[i].protocol), msg->reasons[i].cause,
                               msg->reasons[i].malformed ? "true" : "false",
                               msg->reasons[i].has_location ? (int)msg->reasons[i].location : -1);
    g_string_append(out, "],\"warnings\":[");
    for (guint i = 0; i < msg->warning_count; i++) {
        if (i)
            g_string_append_c(out, ',');
        append_json_string(out, msg->warnings[i]);
    }
    g_string_append(out, "]}");
}

int main(void)
{
    char line[1 << 17];

    while (fgets(line, sizeof line, stdin)) {
        gsize hex_len = strcspn(line, "\r\n");
        gsize len = hex_len / 2;
        guint8 *bytes = g_malloc(len ? len : 1);
        GPtrArray *strings = g_ptr_array_new_with_free_func(g_free);
        GString *out = g_string_new(NULL);
        sc_sip_message msg;
        gsize used;

        for (gsize i = 0; i < len; i++) {
            int high = g_ascii_xdigit_value(line[2 * i]), low = g_ascii_xdigit_value(line[2 * i + 1]);
            if (high < 0 || low < 0) {
                fprintf(stderr, "sip_parse_json: not hexadecimal at byte %" G_GSIZE_FORMAT "\n", i);
                return 2;
            }
            bytes[i] = (guint8)(high * 16 + low);
        }
        used = sc_sip_parse_message((const char *)bytes, len, &msg, copy_text, strings);
        put_message(out, &msg, used);
        puts(out->str);
        g_string_free(out, TRUE);
        g_ptr_array_free(strings, TRUE);
        g_free(bytes);
    }
    return 0;
}
