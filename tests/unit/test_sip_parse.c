/* Unit tests for the SIP message parser (plugin/parse/), sipcodes' one
 * reader of SIP. Each case states what Wireshark 4.0's SIP dissector puts
 * in the matching field; the integration suite test_parser_vs_sip.py checks
 * the same on real captures.
 *
 * Messages are parsed from heap copies of exactly their length, so that
 * AddressSanitizer catches any read past the end.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <glib.h>
#include "sip_parse.h"

static char *copy_text(gpointer pool, const char *text, gsize len)
{
    char *copy = g_strndup(text, len);
    g_ptr_array_add((GPtrArray *)pool, copy);
    return copy;
}

typedef struct {
    GPtrArray     *strings;
    sc_sip_message msg;
    gsize          used;
    gsize          len;
} parsed;

static parsed *parse(const char *text)
{
    parsed *p = g_new0(parsed, 1);
    char *exact;

    p->len = strlen(text);
    exact = g_memdup2(text, p->len);
    p->strings = g_ptr_array_new_with_free_func(g_free);
    p->used = sc_sip_parse_message(exact, p->len, &p->msg, copy_text, p->strings);
    g_free(exact);
    return p;
}

static void parsed_free(parsed *p)
{
    g_ptr_array_free(p->strings, TRUE);
    g_free(p);
}

#define RESPONSE_486 \
    "SIP/2.0 486 Busy Here\r\n" \
    "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\n" \
    "From: \"Alice\" <sip:alice@example.com>;tag=a1\r\n" \
    "To: <sip:bob@example.net>;tag=b2\r\n" \
    "Call-ID: 3848276298220188511@192.0.2.1\r\n" \
    "CSeq: 1 INVITE\r\n" \
    "Server: Example SBC 7.2\r\n" \
    "Reason: Q.850;cause=17;text=\"User busy\"\r\n" \
    "Content-Length: 0\r\n" \
    "\r\n"

static void test_response(void)
{
    parsed *p = parse(RESPONSE_486);

    g_assert_cmpuint(p->used, ==, p->len);
    g_assert_true(p->msg.is_response);
    g_assert_cmpuint(p->msg.status_code, ==, 486);
    g_assert_cmpstr(p->msg.phrase, ==, "Busy Here");
    g_assert_null(p->msg.method);
    g_assert_cmpstr(p->msg.call_id, ==, "3848276298220188511@192.0.2.1");
    g_assert_cmpuint(p->msg.cseq, ==, 1);
    g_assert_cmpstr(p->msg.cseq_method, ==, "INVITE");
    /* Only an initial INVITE makes a call that keeps From and To. */
    g_assert_null(p->msg.from);
    g_assert_null(p->msg.to);
    g_assert_cmpstr(p->msg.to_tag, ==, "b2");
    g_assert_cmpstr(p->msg.server, ==, "Example SBC 7.2");
    g_assert_cmpuint(p->msg.reason_count, ==, 1);
    g_assert_cmpint(p->msg.reasons[0].protocol, ==, SC_REASON_Q850);
    g_assert_cmpuint(p->msg.reasons[0].cause, ==, 17);
    g_assert_false(p->msg.has_retry_after);
    parsed_free(p);
}

static void test_request(void)
{
    parsed *p = parse("INVITE sip:bob@example.net SIP/2.0\r\n"
                      "f: sip:alice@example.com;tag=a1\r\n"
                      "t: sip:bob@example.net\r\n"
                      "i: abc@host\r\n"
                      "CSeq: 7 INVITE\r\n"
                      "User-Agent: Phone 1.0\r\n"
                      "l: 4\r\n"
                      "\r\n"
                      "v=0\r\n");

    g_assert_false(p->msg.is_response);
    g_assert_cmpstr(p->msg.method, ==, "INVITE");
    g_assert_cmpstr(p->msg.call_id, ==, "abc@host");
    g_assert_cmpuint(p->msg.cseq, ==, 7);
    /* Compact forms; an addr-spec ends where its header parameters start. */
    g_assert_cmpstr(p->msg.from, ==, "sip:alice@example.com");
    g_assert_cmpstr(p->msg.to, ==, "sip:bob@example.net");
    g_assert_null(p->msg.to_tag);
    /* Overrides match responses only: a request's User-Agent is not read. */
    g_assert_null(p->msg.server);
    /* Content-Length 4 of the 5 body bytes: the message ends after 4. */
    g_assert_cmpuint(p->used, ==, p->len - 1);
    parsed_free(p);
}

static void test_header_names(void)
{
    /* Names match in any case; a space before the colon makes the header
     * unknown to SIP (its name is not trimmed), and so to sipcodes. */
    parsed *p = parse("SIP/2.0 200 OK\r\nCALL-ID: upper@host\r\ncseq: 2 bye\r\nTo : <sip:x@y>;tag=9\r\n\r\n");

    g_assert_cmpstr(p->msg.call_id, ==, "upper@host");
    g_assert_cmpuint(p->msg.cseq, ==, 2);
    g_assert_cmpstr(p->msg.cseq_method, ==, "bye");
    g_assert_null(p->msg.to);
    g_assert_null(p->msg.to_tag);
    parsed_free(p);
}

static void test_folded_and_lf_only_lines(void)
{
    parsed *p = parse("SIP/2.0 180 Ringing\n"
                      "Call-ID: folded@host\n"
                      "Server: Example\n"
                      "  SBC\n"
                      "CSeq: 3 INVITE\n"
                      "\n");

    g_assert_cmpuint(p->msg.status_code, ==, 180);
    g_assert_cmpstr(p->msg.call_id, ==, "folded@host");
    /* A continuation line belongs to the header, line break included. */
    g_assert_cmpstr(p->msg.server, ==, "Example\n  SBC");
    g_assert_cmpstr(p->msg.cseq_method, ==, "INVITE");
    parsed_free(p);
}

static void test_lone_cr_ends_a_line(void)
{
    parsed *p = parse("SIP/2.0 200 OK\r\nCall-ID: one@host\rCSeq: 4 OPTIONS\r\n\r\n");

    g_assert_cmpstr(p->msg.call_id, ==, "one@host");
    g_assert_cmpuint(p->msg.cseq, ==, 4);
    g_assert_cmpstr(p->msg.cseq_method, ==, "OPTIONS");
    parsed_free(p);
}

/* RFC 3326 and RFC 9366: every value of every Reason line, the cause and
 * RFC 8606 location read by parameter name wherever they stand; a value
 * without a numeric cause is kept, marked malformed, so that it can be
 * reported. (Wireshark's own fields show only the first value of a line,
 * with the cause read after the first '='.) */
static void test_reason_values(void)
{
    parsed *p = parse("SIP/2.0 503 Service Unavailable\r\n"
                      "Reason: SIP;cause=200;text=\"done\", Q.850;cause=16\r\n"
                      "Reason: q.850 ; cause = 34 ;location=TN\r\n"
                      "Reason: X-Vendor;cause=9\r\n"
                      "Reason: Q.850;text=\"cause=5, nothing\";cause=17;location=3\r\n"
                      "\r\n");

    g_assert_cmpuint(p->msg.reason_count, ==, 4);     /* five values, room for four */
    g_assert_cmpint(p->msg.reasons[0].protocol, ==, SC_REASON_SIP);
    g_assert_cmpuint(p->msg.reasons[0].cause, ==, 200);
    g_assert_cmpint(p->msg.reasons[1].protocol, ==, SC_REASON_Q850);
    g_assert_cmpuint(p->msg.reasons[1].cause, ==, 16);
    g_assert_false(p->msg.reasons[1].has_location);
    g_assert_cmpint(p->msg.reasons[2].protocol, ==, SC_REASON_Q850);  /* case and blanks aside */
    g_assert_cmpuint(p->msg.reasons[2].cause, ==, 34);
    g_assert_true(p->msg.reasons[2].has_location);
    g_assert_cmpuint(p->msg.reasons[2].location, ==, 3);                /* TN: transit network */
    g_assert_cmpint(p->msg.reasons[3].protocol, ==, SC_REASON_OTHER);
    g_assert_cmpuint(p->msg.reasons[3].cause, ==, 9);
    for (guint i = 0; i < 4; i++)
        g_assert_false(p->msg.reasons[i].malformed);
    parsed_free(p);

    /* The cause after a quoted text that holds "cause=" and a comma. */
    p = parse("SIP/2.0 486 Busy Here\r\n"
              "Reason: Q.850;text=\"cause=5, nothing\";cause=17;location=3\r\n"
              "\r\n");
    g_assert_cmpuint(p->msg.reason_count, ==, 1);
    g_assert_cmpuint(p->msg.reasons[0].cause, ==, 17);
    g_assert_cmpuint(p->msg.reasons[0].location, ==, 3);
    parsed_free(p);

    p = parse("SIP/2.0 486 Busy Here\r\n"
              "Reason: Q.850;text=\"no cause\"\r\n"
              "Reason: Q.850\r\n"
              "Reason: Q.850;cause=1x;location=nowhere\r\n"
              "Reason: ;cause=3\r\n"
              "\r\n");
    g_assert_cmpuint(p->msg.reason_count, ==, 3);     /* a value without protocol is none */
    for (guint i = 0; i < 3; i++) {
        g_assert_true(p->msg.reasons[i].malformed);
        g_assert_cmpuint(p->msg.reasons[i].cause, ==, 0);
        g_assert_false(p->msg.reasons[i].has_location);
    }
    parsed_free(p);
}

/* Via (RFC 3261 17.1.3): the topmost value's branch, and how many values
 * there are in all, however they are spread over lines. */
static void test_via(void)
{
    parsed *p = parse("SIP/2.0 180 Ringing\r\n"
                      "Via: SIP/2.0/UDP proxy.example.net:5060;Branch = z9hG4bKp1;received=198.51.100.1, "
                      "SIP/2.0/UDP a.example.com;branch=z9hG4bKa\r\n"
                      "v: SIP/2.0/TCP [2001:db8::1]:5060;branch=z9hG4bKb\r\n"
                      "CSeq: 1 INVITE\r\n"
                      "\r\n");

    g_assert_cmpstr(p->msg.via_branch, ==, "z9hG4bKp1");
    g_assert_cmpuint(p->msg.via_count, ==, 3);
    parsed_free(p);

    /* RFC 2543: no branch; matching falls back to Call-ID and CSeq. */
    p = parse("INVITE sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060\r\nCSeq: 1 INVITE\r\n\r\n");
    g_assert_null(p->msg.via_branch);
    g_assert_cmpuint(p->msg.via_count, ==, 1);
    parsed_free(p);

    /* Malformed: empty values and a branch without a value count, but give
     * no branch. */
    p = parse("INVITE sip:bob@example.net SIP/2.0\r\nVia: ,, SIP/2.0/UDP x;branch=;rport\r\n\r\n");
    g_assert_null(p->msg.via_branch);
    g_assert_cmpuint(p->msg.via_count, ==, 1);
    parsed_free(p);
}

/* Hundreds of Via values (a loop, or an attack): counted, quickly. */
static void test_many_vias(void)
{
    GString *text = g_string_new("SIP/2.0 200 OK\r\n");
    parsed *p;

    for (guint i = 0; i < 300; i++)
        g_string_append_printf(text, "Via: SIP/2.0/UDP hop%u.example.net;branch=z9hG4bK%u, SIP/2.0/UDP x%u\r\n",
                               i, i, i);
    g_string_append(text, "CSeq: 7 INVITE\r\n\r\n");
    p = parse(text->str);
    g_assert_cmpstr(p->msg.via_branch, ==, "z9hG4bK0");
    g_assert_cmpuint(p->msg.via_count, ==, 600);
    g_assert_cmpuint(p->msg.cseq, ==, 7);
    parsed_free(p);
    g_string_free(text, TRUE);
}

/* RFC 3261 8.1.1.5: the CSeq number is a 32-bit number; a response with
 * another one is to be discarded (issue 13, bug 4). SIP's own field still
 * shows what strtoul made of it. */
static void test_cseq_validity(void)
{
    static const struct { const char *value; gboolean valid; } cases[] = {
        { "1 INVITE", TRUE }, { "4294967295 INVITE", TRUE }, { "4294967296 INVITE", FALSE },
        { "abc INVITE", FALSE }, { "1a INVITE", FALSE }, { " INVITE", FALSE }, { "12\tINVITE", TRUE },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        gchar *text = g_strdup_printf("SIP/2.0 486 Busy Here\r\nCSeq: %s\r\n\r\n", cases[i].value);
        parsed *p = parse(text);
        g_assert_cmpint(p->msg.cseq_valid, ==, cases[i].valid);
        parsed_free(p);
        g_free(text);
    }
}

/* Who ended a call is told by From tags: kept for INVITE, BYE and CANCEL. */
static void test_from_tag(void)
{
    parsed *p = parse("BYE sip:alice@192.0.2.1 SIP/2.0\r\n"
                      "From: <sip:bob@example.net>;tag=b-77\r\n"
                      "To: \"Alice\" <sip:alice@example.com>;tag=a-1\r\n"
                      "CSeq: 2 BYE\r\n\r\n");
    g_assert_cmpstr(p->msg.from_tag, ==, "b-77");
    g_assert_cmpstr(p->msg.to_tag, ==, "a-1");
    parsed_free(p);
    p = parse("OPTIONS sip:x@y SIP/2.0\r\nFrom: <sip:a@b>;tag=o1\r\nCSeq: 1 OPTIONS\r\n\r\n");
    g_assert_null(p->msg.from_tag);                  /* nothing reads it */
    parsed_free(p);
}

static void test_retry_after(void)
{
    struct { const char *value; gboolean valid; guint32 seconds; } cases[] = {
        { "120", TRUE, 120 },
        { "18000;duration=3600", TRUE, 18000 },
        { "4294967295", TRUE, G_MAXUINT32 },
        { "4294967296", FALSE, 0 },
        { "12345678901", FALSE, 0 },
        { "soon", FALSE, 0 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        gchar *text = g_strdup_printf("SIP/2.0 503 Busy\r\nRetry-After: %s\r\n\r\n", cases[i].value);
        parsed *p = parse(text);
        g_assert_cmpint(p->msg.has_retry_after, ==, cases[i].valid);
        g_assert_cmpint(!p->msg.retry_after_invalid, ==, cases[i].valid);
        if (cases[i].valid)
            g_assert_cmpuint(p->msg.retry_after, ==, cases[i].seconds);
        parsed_free(p);
        g_free(text);
    }
}

static void test_cseq_like_wireshark(void)
{
    parsed *digits_only = parse("SIP/2.0 200 OK\r\nCSeq: 12\r\nCall-ID: after@host\r\n\r\n");
    parsed *no_number = parse("SIP/2.0 200 OK\r\nCSeq: INVITE\r\n\r\n");
    parsed *long_method = parse("SIP/2.0 200 OK\r\nCSeq: 1 ABCDEFGHIJKLMNOPQ\r\nCall-ID: x@y\r\n\r\n");

    /* No method: SIP records no CSeq and reads no further header. */
    g_assert_null(digits_only->msg.cseq_method);
    g_assert_null(digits_only->msg.call_id);
    g_assert_cmpuint(no_number->msg.cseq, ==, 0);
    g_assert_cmpstr(no_number->msg.cseq_method, ==, "INVITE");
    g_assert_null(long_method->msg.cseq_method);
    g_assert_null(long_method->msg.call_id);
    parsed_free(digits_only);
    parsed_free(no_number);
    parsed_free(long_method);
}

/* Numbers read as strtoul reads them and then stored in 32 bits, as SIP
 * does: short ones directly, the rest through strtoul itself. */
static void test_numbers_like_strtoul(void)
{
    static const struct {
        const char *cseq;
        guint32     expected;
    } cases[] = {
        { "1 INVITE", 1 },
        { "123456789 INVITE", 123456789 },
        { "4294967295 INVITE", 4294967295u },
        { "4294967297 INVITE", 1 },            /* wraps, as SIP's guint32 does */
        { "-5 INVITE", (guint32)-5 },
        { "+7 INVITE", 7 },
        { "007 INVITE", 7 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *text = g_strdup_printf("SIP/2.0 200 OK\r\nCSeq: %s\r\n\r\n", cases[i].cseq);
        parsed *p = parse(text);
        g_assert_cmpuint(p->msg.cseq, ==, cases[i].expected);
        parsed_free(p);
        g_free(text);
    }
}

static void test_warnings_and_addresses(void)
{
    parsed *p = parse("SIP/2.0 488 Not Acceptable Here\r\n"
                      "CSeq: 1 INVITE\r\n"
                      "From: \"A <odd> \\\"name\\\"\" <sip:a@x>;tag=1\r\n"
                      "To: Bob <sip:b@y;transport=tcp>;foo=tag=no;tag=t9;x=1\r\n"
                      "Warning: 304 sbc \"Media type not available\"\r\n"
                      "Warning: 399 sbc \"vendor\"\r\n"
                      "\r\n");

    /* SIP takes the first "tag=" after the URI, wherever it is. */
    g_assert_cmpstr(p->msg.to_tag, ==, "no");
    g_assert_cmpuint(p->msg.warning_count, ==, 2);
    g_assert_cmpstr(p->msg.warnings[0], ==, "304 sbc \"Media type not available\"");
    g_assert_cmpstr(p->msg.warnings[1], ==, "399 sbc \"vendor\"");
    parsed_free(p);

    /* An initial INVITE: its URIs, inside a quoted display name with
     * escapes and angle brackets. */
    p = parse("INVITE sip:b@y SIP/2.0\r\n"
              "CSeq: 1 INVITE\r\n"
              "From: \"A <odd> \\\"name\\\"\" <sip:a@x>;tag=1\r\n"
              "To: Bob <sip:b@y;transport=tcp>;x=1\r\n"
              "\r\n");
    g_assert_cmpstr(p->msg.from, ==, "sip:a@x");
    g_assert_cmpstr(p->msg.from_tag, ==, "1");
    g_assert_cmpstr(p->msg.to, ==, "sip:b@y;transport=tcp");
    g_assert_null(p->msg.to_tag);
    parsed_free(p);

    /* RFC 4475 3.1.2.6: a display name whose quote never closes hides the
     * URI; SIP shows no address then, and neither does the parser. */
    p = parse("INVITE sip:user@example.com SIP/2.0\r\n"
              "To: \"Mr. J. User <sip:j.user@example.com>\r\n"
              "From: sip:caller@example.net;tag=93334\r\n"
              "CSeq: 8 INVITE\r\n"
              "\r\n");
    g_assert_null(p->msg.to);
    g_assert_null(p->msg.to_tag);
    g_assert_cmpstr(p->msg.from, ==, "sip:caller@example.net");
    parsed_free(p);
}

/* What no caller reads is left out: From and To but in initial INVITE
 * requests, a request's User-Agent, an ACK's headers. */
static void test_unread_values(void)
{
    parsed *invite_ok = parse("SIP/2.0 200 OK\r\n"
                              "From: <sip:a@x>;tag=1\r\n"
                              "To: <sip:b@y>;tag=2\r\n"
                              "CSeq: 1 INVITE\r\n"
                              "\r\n");
    parsed *reinvite = parse("INVITE sip:a@x SIP/2.0\r\n"
                             "From: <sip:b@y>;tag=2\r\n"
                             "To: <sip:a@x>;tag=1\r\n"
                             "CSeq: 9 INVITE\r\n"
                             "\r\n");
    parsed *bye_ok = parse("SIP/2.0 200 OK\r\n"
                           "From: <sip:a@x>;tag=1\r\n"
                           "To: <sip:b@y>;tag=2\r\n"
                           "Call-ID: c@h\r\n"
                           "CSeq: 2 BYE\r\n"
                           "User-Agent: Phone 1.0\r\n"
                           "\r\n");
    parsed *ack = parse("ACK sip:b@y SIP/2.0\r\n"
                        "Call-ID: c@h\r\n"
                        "CSeq: 1 ACK\r\n"
                        "To: <sip:b@y>;tag=2\r\n"
                        "Content-Length: 3\r\n"
                        "\r\n"
                        "abcdef");

    g_assert_null(invite_ok->msg.from);
    g_assert_null(invite_ok->msg.to);
    g_assert_null(invite_ok->msg.from_tag);
    g_assert_cmpstr(invite_ok->msg.to_tag, ==, "2");
    g_assert_null(reinvite->msg.from);
    g_assert_cmpstr(reinvite->msg.from_tag, ==, "2");
    parsed_free(invite_ok);
    parsed_free(reinvite);
    g_assert_null(bye_ok->msg.from);
    g_assert_null(bye_ok->msg.to);
    g_assert_cmpstr(bye_ok->msg.to_tag, ==, "2");
    g_assert_cmpstr(bye_ok->msg.call_id, ==, "c@h");
    /* No Server header: User-Agent stands in, as the overrides expect. */
    g_assert_cmpstr(bye_ok->msg.server, ==, "Phone 1.0");

    g_assert_cmpstr(ack->msg.method, ==, "ACK");
    g_assert_null(ack->msg.call_id);
    g_assert_null(ack->msg.to_tag);
    /* Its length is still known: another message may follow it. */
    g_assert_cmpuint(ack->used, ==, ack->len - 3);
    parsed_free(bye_ok);
    parsed_free(ack);
}

/* A CSeq without method, or with one SIP finds too long, ends SIP's
 * reading of headers in an ACK too: a Content-Length after it is not read,
 * and the message runs to the end of the bytes. */
static void test_ack_with_broken_cseq(void)
{
    static const char *const cseqs[] = { "1", "3 ABCDEFGHIJKLMNOPQRSTU" };

    for (gsize i = 0; i < G_N_ELEMENTS(cseqs); i++) {
        char *text = g_strdup_printf("ACK sip:b@y SIP/2.0\r\nCSeq: %s\r\nContent-Length: 0\r\n\r\n"
                                     "SIP/2.0 200 OK\r\nCall-ID: z\r\nCSeq: 1 BYE\r\n\r\n", cseqs[i]);
        parsed *p = parse(text);
        g_assert_cmpuint(p->used, ==, p->len);
        parsed_free(p);
        g_free(text);
    }
}

static void test_not_a_message(void)
{
    const char *cases[] = {
        "",
        "\r\n\r\n",
        "SIP/2.0 20 OK\r\n\r\n",        /* two digits */
        "SIP/2.0 2000 OK\r\n\r\n",      /* four digits */
        "SIP/2.0 200\r\n\r\n",          /* no phrase: SIP sees no status line */
        "SIP/3.0 200 OK\r\n\r\n",
        "INVITE sip:bob@x SIP/3.0\r\n\r\n",
        "INVITE bob SIP/2.0\r\n\r\n",   /* no scheme in the URI */
        "HELLO\r\n",
        "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\n",
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        parsed *p = parse(cases[i]);
        g_assert_cmpuint(p->used, ==, 0);
        g_assert_false(p->msg.is_response);
        g_assert_null(p->msg.call_id);
        g_assert_cmpstr(p->msg.phrase, ==, "");
        parsed_free(p);
    }
}

static void test_truncated(void)
{
    /* Every prefix of a message parses without reading past its end (ASan
     * checks that) and never claims more bytes than it was given. */
    const char *full = RESPONSE_486;
    gsize len = strlen(full);

    for (gsize cut = 0; cut <= len; cut++) {
        char *prefix = g_memdup2(full, cut);
        GPtrArray *strings = g_ptr_array_new_with_free_func(g_free);
        sc_sip_message msg;
        gsize used = sc_sip_parse_message(prefix, cut, &msg, copy_text, strings);
        g_assert_cmpuint(used, <=, cut);
        g_ptr_array_free(strings, TRUE);
        g_free(prefix);
    }
}

static void test_messages_back_to_back(void)
{
    /* A TCP segment with two messages and a keep-alive between them. */
    const char *segment = "SIP/2.0 100 Trying\r\nCall-ID: a@h\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
                          "\r\n\r\n"
                          "SIP/2.0 180 Ringing\r\nCall-ID: a@h\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
    GPtrArray *strings = g_ptr_array_new_with_free_func(g_free);
    sc_sip_message msg;
    gsize len = strlen(segment), offset = 0;
    gsize used = sc_sip_parse_message(segment, len, &msg, copy_text, strings);

    g_assert_cmpuint(msg.status_code, ==, 100);
    offset = used;
    offset += sc_sip_leading_newlines(segment + offset, len - offset);
    used = sc_sip_parse_message(segment + offset, len - offset, &msg, copy_text, strings);
    g_assert_cmpuint(msg.status_code, ==, 180);
    g_assert_cmpuint(offset + used, ==, len);
    g_ptr_array_free(strings, TRUE);
}

static void test_method_constants(void)
{
    g_assert_cmpstr(sc_sip_method_constant("INVITE", 6), ==, "INVITE");
    g_assert_true(sc_sip_method_constant("BYE", 3) == sc_sip_method_constant("BYE", 3));
    g_assert_null(sc_sip_method_constant("invite", 6));
    g_assert_null(sc_sip_method_constant("INVITEX", 7));
    g_assert_null(sc_sip_method_constant("", 0));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sip_parse/response", test_response);
    g_test_add_func("/sip_parse/request", test_request);
    g_test_add_func("/sip_parse/header-names", test_header_names);
    g_test_add_func("/sip_parse/folded-and-lf-only", test_folded_and_lf_only_lines);
    g_test_add_func("/sip_parse/lone-cr", test_lone_cr_ends_a_line);
    g_test_add_func("/sip_parse/reason", test_reason_values);
    g_test_add_func("/sip_parse/via", test_via);
    g_test_add_func("/sip_parse/many-vias", test_many_vias);
    g_test_add_func("/sip_parse/cseq-validity", test_cseq_validity);
    g_test_add_func("/sip_parse/from-tag", test_from_tag);
    g_test_add_func("/sip_parse/retry-after", test_retry_after);
    g_test_add_func("/sip_parse/cseq", test_cseq_like_wireshark);
    g_test_add_func("/sip_parse/numbers-like-strtoul", test_numbers_like_strtoul);
    g_test_add_func("/sip_parse/warnings-and-addresses", test_warnings_and_addresses);
    g_test_add_func("/sip_parse/unread-values", test_unread_values);
    g_test_add_func("/sip_parse/ack-with-broken-cseq", test_ack_with_broken_cseq);
    g_test_add_func("/sip_parse/not-a-message", test_not_a_message);
    g_test_add_func("/sip_parse/truncated", test_truncated);
    g_test_add_func("/sip_parse/back-to-back", test_messages_back_to_back);
    g_test_add_func("/sip_parse/method-constants", test_method_constants);
    return g_test_run();
}
