/* SIP message bytes -> sc_sip_message (see sip_parse.h for why).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "sip_parse.h"
#include "../kb/q850.h"

#define SIP_VERSION      "SIP/2.0"
#define SIP_VERSION_LEN  7
/* SIP gives up on a CSeq method longer than this, and on the headers after it. */
#define MAX_CSEQ_METHOD  16

typedef struct {
    const char *start;
    gsize       len;
} span;

typedef struct {
    sc_sip_message  *msg;
    sc_copy_text_fn  copy;
    gpointer         pool;
    span             from_value;   /* read once the message says it needs it */
    span             to;
    span             to_tag;
    span             server;
    span             user_agent;
    gboolean         stop;         /* SIP stopped reading headers here */
    gboolean         values_unused; /* an ACK: only its length is wanted */
} parse_state;

static const char *find_byte(const char *p, const char *end, char c)
{
    return p < end ? (const char *)memchr(p, c, (gsize)(end - p)) : NULL;
}

static const char *copy_span(parse_state *ps, const char *start, const char *end)
{
    return ps->copy(ps->pool, start, (gsize)(end - start));
}

/* The first CR or LF. Header lines are short (35 bytes on average), and
 * scanning for either byte in one pass beats two memchr calls a line. */
#if defined(__SSE2__)
static const char *first_cr_or_lf(const char *p, const char *end)
{
    const __m128i crs = _mm_set1_epi8('\r');
    const __m128i lfs = _mm_set1_epi8('\n');

    while (end - p >= 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(const void *)p);
        int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, crs), _mm_cmpeq_epi8(block, lfs)));
        if (hits)
            return p + __builtin_ctz((unsigned)hits);
        p += 16;
    }
    while (p < end && *p != '\r' && *p != '\n')
        p++;
    return p;
}
#else
static const char *first_cr_or_lf(const char *p, const char *end)
{
    const char *lf = find_byte(p, end, '\n');
    const char *cr = find_byte(p, lf ? lf : end, '\r');

    return cr ? cr : lf ? lf : end;
}
#endif

/* Line end as Wireshark finds it: CR, LF or CRLF. */
static const char *line_end(const char *p, const char *end, const char **next)
{
    const char *eol = first_cr_or_lf(p, end);

    if (eol == end)
        *next = end;
    else if (*eol == '\r' && eol + 1 < end && eol[1] == '\n')
        *next = eol + 2;
    else
        *next = eol + 1;
    return eol;
}

gsize sc_sip_leading_newlines(const char *data, gsize len)
{
    gsize n = 0;

    while (n < len && (data[n] == '\r' || data[n] == '\n'))
        n++;
    return n;
}

const char *sc_sip_method_constant(const char *text, gsize len)
{
    static const struct {
        const char *text;
        gsize       len;
    } methods[] = {
        { "INVITE", 6 }, { "ACK", 3 }, { "BYE", 3 }, { "CANCEL", 6 }, { "OPTIONS", 7 },
        { "REGISTER", 8 }, { "PRACK", 5 }, { "UPDATE", 6 }, { "SUBSCRIBE", 9 }, { "NOTIFY", 6 },
        { "REFER", 5 }, { "INFO", 4 }, { "MESSAGE", 7 }, { "PUBLISH", 7 },
    };

    for (gsize i = 0; len > 0 && i < G_N_ELEMENTS(methods); i++) {
        if (methods[i].len == len && methods[i].text[0] == *text && memcmp(methods[i].text, text, len) == 0)
            return methods[i].text;
    }
    return NULL;
}

static const char *method_text(parse_state *ps, const char *start, const char *end)
{
    const char *constant = sc_sip_method_constant(start, (gsize)(end - start));

    return constant ? constant : copy_span(ps, start, end);
}

/* strtoul over a bounded value, as SIP reads CSeq and Reason causes. */
static unsigned long number_of(const char *start, const char *end)
{
    char buf[32];
    gsize len = MIN((gsize)(end - start), sizeof buf - 1);
    unsigned long plain = 0;
    const char *p = start;

    /* Nearly always a few digits and a space: what strtoul would make of
     * them, without its locale and sign handling. */
    for (; p < end && p - start < 9 && g_ascii_isdigit(*p); p++)
        plain = plain * 10 + (unsigned long)(*p - '0');
    if (p > start && (p == end || !g_ascii_isdigit(*p)))
        return plain;
    memcpy(buf, start, len);
    buf[len] = '\0';
    return strtoul(buf, NULL, 10);
}

/* ---- start line ---------------------------------------------------------- */

/* SIP's test: "SIP/2.0 ddd ..." is a status line, "TOKEN uri-with-colon
 * SIP/2.0" a request line; the spaces are looked for past the line end. */
static gboolean parse_start_line(parse_state *ps, const char *data, const char *end,
                                 const char *eol)
{
    sc_sip_message *msg = ps->msg;
    const char *space1 = find_byte(data, end, ' ');
    const char *token2, *space2, *token3;

    if (!space1 || space1 == data)
        return FALSE;
    token2 = space1 + 1;
    space2 = find_byte(token2, end, ' ');
    if (!space2)
        return FALSE;
    token3 = space2 + 1;

    if (space1 - data == SIP_VERSION_LEN && memcmp(data, SIP_VERSION, SIP_VERSION_LEN) == 0) {
        const char *phrase = token3;
        if (space2 - token2 != 3 || !g_ascii_isdigit(token2[0]) || !g_ascii_isdigit(token2[1])
            || !g_ascii_isdigit(token2[2]) || space2 > eol)
            return FALSE;
        msg->is_response = TRUE;
        msg->status_code = (guint)((token2[0] - '0') * 100 + (token2[1] - '0') * 10 + (token2[2] - '0'));
        while (phrase < eol && *phrase == ' ')
            phrase++;
        while (eol > phrase && g_ascii_isspace(eol[-1]))
            eol--;
        msg->phrase = phrase < eol ? copy_span(ps, phrase, eol) : "";
        return TRUE;
    }

    if (space2 - token2 < 3 || !find_byte(token2 + 1, space2, ':') || token3 > eol
        || eol - token3 != SIP_VERSION_LEN || memcmp(token3, SIP_VERSION, SIP_VERSION_LEN) != 0)
        return FALSE;
    msg->method = method_text(ps, data, space1);
    return TRUE;
}

/* ---- headers ------------------------------------------------------------- */

typedef enum {
    H_OTHER,
    H_CALL_ID,
    H_CSEQ,
    H_FROM,
    H_TO,
    H_RETRY_AFTER,
    H_SERVER,
    H_USER_AGENT,
    H_REASON,
    H_WARNING,
    H_VIA,
    H_CONTENT_LENGTH
} header_kind;

/* Names compared exactly as written before the colon, in any case: SIP
 * does not trim them, so "To :" is an unknown header to SIP and to
 * sipcodes. A line is a known header when its first bytes spell the name
 * and a colon follows at once (a name holds no colon, so that colon is the
 * line's first). Every message has a dozen header lines: most are told
 * apart by their first letter alone. */

/* OR-ing 0x20 lowers a letter and keeps '-'; the names have nothing else. */
#define LOWER_BITS_64 G_GUINT64_CONSTANT(0x2020202020202020)
#define LOWER_BITS_32 0x20202020u

static gboolean lowered_8_is(const char *name, const char *lower)
{
    guint64 a, b;

    memcpy(&a, name, 8);
    memcpy(&b, lower, 8);
    return (a | LOWER_BITS_64) == b;
}

static gboolean lowered_4_is(const char *name, const char *lower)
{
    guint32 a, b;

    memcpy(&a, name, 4);
    memcpy(&b, lower, 4);
    return (a | LOWER_BITS_32) == b;
}

/* Two loads that may overlap cover any length from 4 to 16 without
 * reading outside the name. */
static gboolean name_is(const char *name, const char *lower, gsize len)
{
    if (len >= 8)
        return lowered_8_is(name, lower) && lowered_8_is(name + len - 8, lower + len - 8);
    if (len >= 4)
        return lowered_4_is(name, lower) && lowered_4_is(name + len - 4, lower + len - 4);
    for (gsize i = 0; i < len; i++) {
        if ((name[i] | 0x20) != lower[i])
            return FALSE;
    }
    return TRUE;
}

typedef struct {
    const char  *lower;
    gsize        len;
    header_kind  kind;
} known_header;

static const known_header c_headers[] = {
    { "call-id", 7, H_CALL_ID }, { "cseq", 4, H_CSEQ }, { "content-length", 14, H_CONTENT_LENGTH },
};
static const known_header f_headers[] = { { "from", 4, H_FROM }, { "f", 1, H_FROM } };
static const known_header i_headers[] = { { "i", 1, H_CALL_ID } };
static const known_header l_headers[] = { { "l", 1, H_CONTENT_LENGTH } };
static const known_header r_headers[] = { { "reason", 6, H_REASON }, { "retry-after", 11, H_RETRY_AFTER } };
static const known_header s_headers[] = { { "server", 6, H_SERVER } };
static const known_header t_headers[] = { { "to", 2, H_TO }, { "t", 1, H_TO } };
static const known_header u_headers[] = { { "user-agent", 10, H_USER_AGENT } };
static const known_header v_headers[] = { { "via", 3, H_VIA }, { "v", 1, H_VIA } };
static const known_header w_headers[] = { { "warning", 7, H_WARNING } };

#define HEADERS(array) *count = G_N_ELEMENTS(array); return array

static const known_header *headers_starting_with(char first, gsize *count)
{
    switch (first | 0x20) {
    case 'c': HEADERS(c_headers);
    case 'f': HEADERS(f_headers);
    case 'i': HEADERS(i_headers);
    case 'l': HEADERS(l_headers);
    case 'r': HEADERS(r_headers);
    case 's': HEADERS(s_headers);
    case 't': HEADERS(t_headers);
    case 'u': HEADERS(u_headers);
    case 'v': HEADERS(v_headers);
    case 'w': HEADERS(w_headers);
    default:  *count = 0; return NULL;
    }
}

/* What header the line [p, eol) holds; *value is where its value starts. */
static header_kind line_kind(const char *p, const char *eol, const char **value)
{
    gsize count;
    const known_header *candidates = headers_starting_with(*p, &count);
    gsize room = (gsize)(eol - p);

    for (gsize i = 0; i < count; i++) {
        const known_header *h = &candidates[i];
        if (room > h->len && p[h->len] == ':' && name_is(p, h->lower, h->len)) {
            *value = p + h->len + 1;
            return h->kind;
        }
    }
    return H_OTHER;
}

/* From/To: the URI of a name-addr ("Bob" <sip:bob@x>) or of an addr-spec
 * (sip:bob@x;tag=1); *after is where the header's parameters start. */
static void address_uri(const char *value, const char *end, const char **uri, const char **uri_end,
                        const char **after)
{
    const char *p = value;
    const char *open;

    if (p < end && *p == '"') {
        for (p++; p < end && *p != '"'; p++) {
            if (*p == '\\' && p + 1 < end)
                p++;
        }
        /* A display name that never ends hides the URI from SIP too. */
        if (p == end) {
            *uri = *uri_end = *after = end;
            return;
        }
        p++;
    }
    open = find_byte(p, end, '<');
    if (open) {
        const char *close = find_byte(open + 1, end, '>');
        /* No '>': a header cut short (an ICMP quote); SIP reads no URI. */
        *uri = open + 1;
        *uri_end = close ? close : open + 1;
        *after = close ? close + 1 : end;
        return;
    }
    *uri = value;
    for (p = value; p < end && *p != ';' && *p != ',' && !g_ascii_isspace(*p); p++)
        ;
    *uri_end = p;
    *after = p;
}

/* The first "tag=" in [p, end); the rest of a To header is short, and
 * memmem's setup costs more than the search. */
static const char *find_tag(const char *p, const char *end)
{
    for (; end - p >= 4; p++) {
        p = find_byte(p, end - 3, 't');
        if (!p)
            return NULL;
        if (p[1] == 'a' && p[2] == 'g' && p[3] == '=')
            return p;
    }
    return NULL;
}

/* From and To: the URI span and the tag. SIP looks for "tag=" anywhere
 * after the URI, up to the next ';'. */
static void read_address(const char *value, const char *end, span *uri_span, span *tag_span)
{
    const char *uri, *uri_end, *after, *tag;

    address_uri(value, end, &uri, &uri_end, &after);
    if (uri_end > uri)
        *uri_span = (span){ uri, (gsize)(uri_end - uri) };
    tag = after < end ? find_tag(after, end) : NULL;
    if (tag) {
        const char *tag_end = find_byte(tag + 4, end, ';');
        *tag_span = (span){ tag + 4, (gsize)((tag_end ? tag_end : end) - (tag + 4)) };
    }
}

static gboolean is_lws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void take_cseq(parse_state *ps, const char *value, const char *end)
{
    const char *p = value;
    const char *method;

    guint64 number = 0;

    for (; p < end && g_ascii_isdigit(*p); p++) {
        if (p - value < 11)
            number = number * 10 + (guint64)(*p - '0');
    }
    if (p == end) {
        ps->stop = TRUE;        /* no method: SIP reads no further header */
        return;
    }
    ps->msg->cseq = (guint32)number_of(value, end);
    /* RFC 3261 8.1.1.5: a 32-bit number, then white space, then the method.
     * A response whose number is not one matches no request: it is read,
     * but it joins no transaction. */
    ps->msg->cseq_valid = p > value && p - value <= 10 && is_lws(*p) && number <= G_MAXUINT32;
    method = p;
    while (method < end && !g_ascii_isalpha(*method))
        method++;
    if (method == end || end - method > MAX_CSEQ_METHOD) {
        ps->stop = TRUE;
        return;
    }
    ps->msg->cseq_method = method_text(ps, method, end);
}

/* RFC 3261 20.33: leading delta-seconds, at most ten digits that fit in
 * 32 bits; "soon" or an overflowing number is unreadable. */
static void take_retry_after(parse_state *ps, const char *value, const char *end)
{
    guint64 number = 0;
    int digits = 0;

    ps->msg->has_retry_after = TRUE;
    ps->msg->retry_after_invalid = TRUE;
    for (const char *p = value; p < end && g_ascii_isdigit(*p); p++, digits++) {
        if (digits == 10)
            return;
        number = number * 10 + (guint64)(*p - '0');
    }
    if (digits == 0 || number > G_MAXUINT32)
        return;
    ps->msg->retry_after = (guint32)number;
    ps->msg->retry_after_invalid = FALSE;
}

/* White space around [*start, *end) removed, line folds included (a
 * folded header's value holds its CR LF). */
static void trim(const char **start, const char **end)
{
    while (*start < *end && is_lws(**start))
        (*start)++;
    while (*end > *start && is_lws((*end)[-1]))
        (*end)--;
}

/* Where the element that starts at p ends: at the next `separator`
 * outside a quoted string, or at end. */
static const char *element_end(const char *p, const char *end, char separator)
{
    gboolean quoted = FALSE;

    for (; p < end; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (quoted && *p == '\\' && p + 1 < end)
            p++;
        else if (!quoted && *p == separator)
            return p;
    }
    return end;
}

static gboolean token_is(const char *start, const char *end, const char *lower)
{
    gsize len = strlen(lower);

    return (gsize)(end - start) == len && g_ascii_strncasecmp(start, lower, len) == 0;
}

/* A parameter's value: [*value, *value_end) after "name="; FALSE when the
 * parameter [p, end) has another name. */
static gboolean param_value(const char *p, const char *end, const char *name,
                            const char **value, const char **value_end)
{
    const char *equals = find_byte(p, end, '=');
    const char *name_end = equals ? equals : end;

    trim(&p, &name_end);
    if (!equals || !token_is(p, name_end, name))
        return FALSE;
    *value = equals + 1;
    *value_end = end;
    trim(value, value_end);
    return TRUE;
}

/* One reason-value (RFC 3326): protocol, then parameters; the cause is the
 * "cause" parameter wherever it stands, the location RFC 8606's. */
static void take_reason_value(sc_sip_message *msg, const char *value, const char *end)
{
    const char *semicolon = find_byte(value, end, ';');
    const char *protocol_end = semicolon ? semicolon : end;
    sc_reason *reason;
    gboolean has_cause = FALSE;

    trim(&value, &protocol_end);
    if (value == protocol_end || msg->reason_count >= SC_MAX_REASONS)
        return;
    reason = &msg->reasons[msg->reason_count++];
    memset(reason, 0, sizeof *reason);
    if (token_is(value, protocol_end, "q.850"))
        reason->protocol = SC_REASON_Q850;
    else if (token_is(value, protocol_end, "sip"))
        reason->protocol = SC_REASON_SIP;
    else
        reason->protocol = SC_REASON_OTHER;
    for (const char *p = semicolon; p && p < end;) {
        const char *param = p + 1;
        const char *param_end = element_end(param, end, ';');
        const char *v, *v_end;

        if (param_value(param, param_end, "cause", &v, &v_end)) {
            const char *digit = v;
            while (digit < v_end && g_ascii_isdigit(*digit))
                digit++;
            guint64 cause = 0;
            for (const char *d = v; d < v_end && d - v < 11; d++)
                cause = cause * 10 + (guint64)(*d - '0');
            has_cause = digit == v_end && v_end > v && v_end - v <= 10 && cause <= G_MAXUINT32;
            reason->cause = has_cause ? (guint)cause : 0;
        } else if (param_value(param, param_end, "location", &v, &v_end)) {
            guint location;
            if (sc_q850_location_parse(v, (gsize)(v_end - v), &location)) {
                reason->has_location = TRUE;
                reason->location = (guint8)location;
            }
        }
        p = param_end < end ? param_end : NULL;
    }
    reason->malformed = !has_cause;
}

/* A Reason header holds one or more comma-separated values (RFC 9366 allows
 * several of one protocol). */
static void take_reason(parse_state *ps, const char *value, const char *end)
{
    while (value < end) {
        const char *value_end = element_end(value, end, ',');
        take_reason_value(ps->msg, value, value_end);
        value = value_end + 1;
    }
}

/* Via: counts every value, comma-separated or on a line of its own, and
 * keeps the branch of the topmost (RFC 3261 17.1.3 matches responses to
 * transactions by it). */
/* The branch of one via-parm [start, stop): nearly always written
 * ";branch=", found at once; otherwise parameter by parameter, with the
 * blanks and case RFC 3261 allows. */
static void take_via_branch(parse_state *ps, const char *start, const char *stop)
{
    const char *hit = find_byte(start, stop, ';');

    while (hit && (stop - hit < 8 || memcmp(hit, ";branch=", 8) != 0))
        hit = find_byte(hit + 1, stop, ';');
    if (hit) {
        const char *v = hit + 8, *v_end = v;
        while (v_end < stop && *v_end != ';' && !is_lws(*v_end))
            v_end++;
        if (v_end > v)
            ps->msg->via_branch = copy_span(ps, v, v_end);
        return;
    }
    for (const char *p = find_byte(start, stop, ';'); p && p < stop;) {
        const char *param_end = element_end(p + 1, stop, ';');
        const char *v, *v_end;
        if (param_value(p + 1, param_end, "branch", &v, &v_end) && v_end > v) {
            ps->msg->via_branch = copy_span(ps, v, v_end);
            return;
        }
        p = param_end < stop ? param_end : NULL;
    }
}

static void take_via(parse_state *ps, const char *value, const char *end)
{
    sc_sip_message *msg = ps->msg;
    /* A quoted string may hide a comma; without one, commas split values. */
    gboolean quotes = find_byte(value, end, '"') != NULL;

    while (value < end) {
        const char *comma = quotes ? NULL : find_byte(value, end, ',');
        const char *value_end = quotes ? element_end(value, end, ',') : comma ? comma : end;
        const char *start = value, *stop = value_end;

        trim(&start, &stop);
        /* A via-parm starts with its protocol name ("SIP/2.0/UDP"): a stray
         * ";" between commas is none (RFC 4475 badinv01). */
        if (start < stop && g_ascii_isalpha(*start)) {
            if (msg->via_count == 0)
                take_via_branch(ps, start, stop);
            if (msg->via_count < G_MAXUINT16)
                msg->via_count++;
        }
        value = value_end + 1;
    }
}

static void take_header(parse_state *ps, header_kind kind, const char *value, const char *end)
{
    sc_sip_message *msg = ps->msg;

    switch (kind) {
    case H_CALL_ID:
        msg->call_id = copy_span(ps, value, end);
        break;
    case H_CSEQ:
        take_cseq(ps, value, end);
        break;
    case H_FROM:
        ps->from_value = (span){ value, (gsize)(end - value) };
        break;
    case H_TO:
        read_address(value, end, &ps->to, &ps->to_tag);
        break;
    case H_RETRY_AFTER:
        take_retry_after(ps, value, end);
        break;
    case H_SERVER:
        ps->server = (span){ value, (gsize)(end - value) };
        break;
    case H_USER_AGENT:
        ps->user_agent = (span){ value, (gsize)(end - value) };
        break;
    case H_REASON:
        take_reason(ps, value, end);
        break;
    case H_VIA:
        take_via(ps, value, end);
        break;
    case H_WARNING:
        if (msg->warning_count < SC_MAX_WARNINGS)
            msg->warnings[msg->warning_count++] = copy_span(ps, value, end);
        break;
    case H_CONTENT_LENGTH:
    case H_OTHER:
        break;
    }
}

/* Digits only, as a length must be; -1 when there are none or too many. */
static long content_length_of(const char *value, const char *end)
{
    long length = 0;
    const char *p = value;

    for (; p < end && g_ascii_isdigit(*p); p++) {
        if (p - value == 9)
            return -1;
        length = length * 10 + (*p - '0');
    }
    return p == value ? -1 : length;
}

/* Reads header lines from p; returns where the body starts and sets
 * *content_length (-1 when the message has none). */
static const char *parse_headers(parse_state *ps, const char *p, const char *end, long *content_length)
{
    *content_length = -1;
    while (p < end) {
        const char *next;
        const char *eol = line_end(p, end, &next);
        const char *value = NULL;
        header_kind kind;

        if (eol == p)
            return next;                    /* the blank line before the body */
        /* A line that starts with white space continues the header. */
        while (next < end && (*next == ' ' || *next == '\t'))
            eol = line_end(next, end, &next);
        kind = ps->stop ? H_OTHER : line_kind(p, eol, &value);
        if (kind != H_OTHER) {
            while (value < eol && (*value == ' ' || *value == '\t' || *value == '\r' || *value == '\n'))
                value++;
            if (kind == H_CONTENT_LENGTH)
                *content_length = content_length_of(value, eol);
            else if (!ps->values_unused || kind == H_CSEQ)
                /* An ACK's CSeq still counts: a broken one ends SIP's
                 * reading of headers, Content-Length included. */
                take_header(ps, kind, value, eol);
        }
        p = next;
    }
    return end;
}

/* Headers whose values only some messages need are copied once all
 * headers are read, and only for those messages. */
static const char *copy_whole_span(parse_state *ps, const span *s)
{
    return s->start ? copy_span(ps, s->start, s->start + s->len) : NULL;
}

static void copy_wanted_spans(parse_state *ps)
{
    sc_sip_message *msg = ps->msg;
    const span *server = ps->server.start ? &ps->server : &ps->user_agent;
    gboolean initial_invite = sc_sip_request_is(msg, "INVITE") && !ps->to_tag.start;

    if (ps->to_tag.start)
        msg->to_tag = copy_whole_span(ps, &ps->to_tag);
    /* Who ended a call: the From tag of its BYE or CANCEL against that of
     * its INVITE; a call keeps its initial INVITE's From and To. */
    if (ps->from_value.start
        && (sc_sip_request_is(msg, "INVITE") || sc_sip_request_is(msg, "BYE") || sc_sip_request_is(msg, "CANCEL"))) {
        span from = { NULL, 0 }, from_tag = { NULL, 0 };
        read_address(ps->from_value.start, ps->from_value.start + ps->from_value.len, &from, &from_tag);
        msg->from_tag = copy_whole_span(ps, &from_tag);
        if (initial_invite) {
            msg->from = copy_whole_span(ps, &from);
            msg->to = copy_whole_span(ps, &ps->to);
        }
    }
    if (msg->is_response && server->start)
        msg->server = copy_whole_span(ps, server);
}

gsize sc_sip_parse_message(const char *data, gsize len, sc_sip_message *msg,
                           sc_copy_text_fn copy, gpointer pool)
{
    const char *end = data + len;
    parse_state ps = { .msg = msg, .copy = copy, .pool = pool };
    const char *next, *eol, *body;
    long content_length;

    memset(msg, 0, sizeof *msg);
    msg->phrase = "";
    if (!data || len == 0)
        return 0;
    eol = line_end(data, end, &next);
    if (!parse_start_line(&ps, data, end, eol)) {
        memset(msg, 0, sizeof *msg);
        msg->phrase = "";
        return 0;
    }
    ps.values_unused = sc_sip_request_is(msg, "ACK");
    body = parse_headers(&ps, next, end, &content_length);
    /* An unreadable Retry-After gives no delay to honour. */
    if (msg->retry_after_invalid)
        msg->has_retry_after = FALSE;
    copy_wanted_spans(&ps);
    if (content_length < 0 || (gsize)content_length > (gsize)(end - body))
        return len;
    return (gsize)(body - data) + (gsize)content_length;
}
