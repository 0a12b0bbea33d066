/* SIP warn-codes: the registered table and a parser for Warning headers.
 *
 * Warn-texts are the registered ones, verbatim (reference/warning_codes.tsv);
 * descriptions and actions are sipcodes' own words. Almost every warn-code
 * explains why a session description was refused, so most actions point at
 * the SDP offer.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "warnings.h"

static const sc_warning_info warning_table[] = {
    { 300, "Incompatible network protocol", "RFC 3261",
      "At least one network type in the session description (the network type on its "
      "connection lines, normally IN for Internet) cannot be used by the receiver. On a 2xx "
      "the session was accepted without it.",
      "Check the SDP the offering side builds: the c= lines should use network type IN. "
      "A different value usually comes from a gateway or a misconfigured media setting." },
    { 301, "Incompatible network address formats", "RFC 3261",
      "At least one address family in the session description cannot be used by the "
      "receiver, for example IPv6 media addresses offered to an IPv4-only device. On a 2xx "
      "the session went ahead with the addresses it could use.",
      "Offer media addresses in a family the peer supports (IP4 or IP6); check dual-stack "
      "and address-family settings on SBCs and phones." },
    { 302, "Incompatible transport protocol", "RFC 3261",
      "At least one media transport protocol offered cannot be used, for example encrypted "
      "media (RTP/SAVP, DTLS) offered to a peer that only does plain RTP, or the reverse. On a "
      "2xx the streams it could take were accepted.",
      "Make both sides agree on media encryption: match the SRTP or DTLS settings, or "
      "offer plain RTP/AVP where the peer requires it." },
    { 303, "Incompatible bandwidth units", "RFC 3261",
      "The receiver does not understand the unit of one or more bandwidth lines in the "
      "session description; it may still accept the session (a 2xx) and ignore them.",
      "Remove the b= line or use a standard bandwidth modifier (AS, CT, TIAS)." },
    { 304, "Media type not available", "RFC 3261",
      "At least one media type offered (audio, video, image for fax...) is not available at "
      "the receiver. On a 2xx the call was set up without that stream, e.g. audio only.",
      "Offer audio, or find out why the peer refuses the media type: video or T.38 fax "
      "may be switched off on its side." },
    { 305, "Incompatible media format", "RFC 3261",
      "At least one media format offered, in practice a codec, is not available at the "
      "receiver. The most common warn-code on a 488, where none was left; on a 2xx only "
      "some were refused.",
      "Compare the codec lists of both sides and offer one in common (G.711 is the safe "
      "choice), or enable transcoding on the SBC or gateway." },
    { 306, "Attribute not understood", "RFC 3261",
      "The receiver does not support one or more attribute lines (a=) of the session "
      "description; on a 2xx it went ahead and ignored them.",
      "Look for non-standard or vendor-specific attributes in the offer and remove them, "
      "or update the receiving side." },
    { 307, "Session description parameter not understood", "RFC 3261",
      "The receiver does not understand a session description line other than those "
      "covered by the codes above.",
      "Validate the SDP against its grammar and remove the line the warn-text names." },
    { 308, "Incompatible language specification: Requested languages not supported "
           "[+ lists of supported languages and media]", "RFC 8373",
      "None of the languages the call asked for (language negotiation for relay and "
      "emergency services) is supported; the warn-text goes on to list the supported "
      "languages and media.",
      "Read the supported languages from the warn-text and retry with one of them, or "
      "route the call to a service that offers the language." },
    { 330, "Multicast not available", "RFC 3261",
      "The receiver's site cannot take part in multicast media.",
      "Offer a unicast media address instead." },
    { 331, "Unicast not available", "RFC 3261",
      "The receiver cannot use unicast media, typically because a firewall or access "
      "policy blocks it.",
      "Offer multicast if the session allows it, or have the blocking policy reviewed." },
    { 370, "Insufficient bandwidth", "RFC 3261",
      "The bandwidth the session asks for, or would need, is more than the receiver or "
      "its access network has available.",
      "Offer a codec that needs less bandwidth, lower video rates, and check call "
      "admission (bandwidth) limits on SBCs and access links." },
    { 380, "SIPS Not Allowed", "RFC 5630",
      "The request asked for SIPS, but the receiver cannot process it that way, typically "
      "because the callee has no contact registered over SIPS. It usually comes on a 480.",
      "Only retry with a sip: Request-URI if the call may go without TLS on every hop; "
      "otherwise the callee must register a SIPS contact first." },
    { 381, "SIPS Required", "RFC 5630",
      "The receiver only accepts this request with a SIPS URI, so that every hop is "
      "secured with TLS.",
      "Retry with a sips: Request-URI over TLS; check that the caller supports TLS." },
    { 399, "Miscellaneous warning", "RFC 3261",
      "A free-form warning: the meaning is entirely in the warn-text.",
      "Read the warn-text and the warn-agent (the system that added it); the vendor's "
      "documentation explains its own texts." },
};

const sc_warning_info *sc_warnings(gsize *count)
{
    if (count)
        *count = G_N_ELEMENTS(warning_table);
    return warning_table;
}

const sc_warning_info *sc_warning_lookup(guint code)
{
    for (gsize i = 0; i < G_N_ELEMENTS(warning_table); i++) {
        if (warning_table[i].code == code)
            return &warning_table[i];
    }
    return NULL;
}

const char *sc_warning_category(guint code)
{
    if (code >= 300 && code <= 329)
        return "session description";
    if (code >= 330 && code <= 339)
        return "network service";
    if (code >= 370 && code <= 379)
        return "quality of service";
    /* RFC 3261 leaves 380-389 unplanned; RFC 5630 put its SIPS codes there. */
    if (code >= 380 && code <= 389)
        return "SIPS";
    if (code >= 390 && code <= 399)
        return "miscellaneous";
    return NULL;
}

/* ---- parsing ----
 *
 * Every scan stops at the terminating NUL, so a truncated or hostile header
 * can only end a value early, never make the parser read past the string.
 * Positions are gsize and nothing is recursive, so size is no concern. */

static gboolean is_lws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static gsize skip_lws(const char *s, gsize pos)
{
    while (is_lws(s[pos]))
        pos++;
    return pos;
}

/* Skips whitespace and empty list elements between warning-values. */
static gsize skip_separators(const char *s, gsize pos)
{
    while (is_lws(s[pos]) || s[pos] == ',')
        pos++;
    return pos;
}

/* From the opening quote, returns the position of the closing quote or of
 * the NUL when the string is unterminated. A backslash protects the next
 * character, unless that is the NUL. */
static gsize scan_quoted(const char *s, gsize pos)
{
    for (pos++; s[pos] && s[pos] != '"'; pos++) {
        if (s[pos] == '\\' && s[pos + 1])
            pos++;
    }
    return pos;
}

/* The end of the current element: the next comma outside quotes, or the NUL.
 * Used to resynchronise after a malformed value. */
static gsize skip_element(const char *s, gsize pos)
{
    while (s[pos] && s[pos] != ',') {
        if (s[pos] == '"') {
            pos = scan_quoted(s, pos);
            if (!s[pos])
                break;
        }
        pos++;
    }
    return pos;
}

/* warn-code: exactly three digits. Longer digit runs are consumed whole (but
 * never converted) so "3999" cannot pass as 399. */
static gsize parse_code(const char *s, gsize pos, sc_warning_value *v)
{
    gsize start = pos;

    while (g_ascii_isdigit(s[pos]))
        pos++;
    if (pos - start == 3)
        v->code = (guint)(s[start] - '0') * 100 + (guint)(s[start + 1] - '0') * 10
                  + (guint)(s[start + 2] - '0');
    else
        v->malformed = TRUE;
    return pos;
}

/* warn-agent: hostport or token; neither contains whitespace, commas or quotes. */
static gsize parse_agent(const char *s, gsize pos, sc_warning_value *v)
{
    v->agent_offset = pos;
    while (s[pos] && !is_lws(s[pos]) && s[pos] != ',' && s[pos] != '"')
        pos++;
    v->agent_len = pos - v->agent_offset;
    if (v->agent_len == 0)
        v->malformed = TRUE;
    return pos;
}

/* Unquoted text is a grammar error that some devices commit; keep what they
 * meant up to the next comma (trailing whitespace trimmed), flagged. */
static gsize parse_unquoted_text(const char *s, gsize pos, sc_warning_value *v)
{
    gsize end = pos;

    v->malformed = TRUE;
    v->text_offset = pos;
    while (s[end] && s[end] != ',')
        end++;
    v->text_len = end - pos;
    while (v->text_len > 0 && is_lws(s[pos + v->text_len - 1]))
        v->text_len--;
    return end;
}

static gsize parse_text(const char *s, gsize pos, sc_warning_value *v)
{
    if (s[pos] != '"')
        return parse_unquoted_text(s, pos, v);
    gsize close = scan_quoted(s, pos);
    v->text_offset = pos + 1;
    v->text_len = close - v->text_offset;
    if (!s[close]) {
        v->malformed = TRUE;   /* unterminated: the text runs to the end */
        return close;
    }
    return close + 1;
}

/* One warning-value from pos; returns the position after it (at a comma or
 * the NUL). */
static gsize parse_value(const char *s, gsize pos, sc_warning_value *v)
{
    memset(v, 0, sizeof *v);
    v->agent_offset = v->text_offset = pos;

    if (!g_ascii_isdigit(s[pos])) {
        v->malformed = TRUE;
        return skip_element(s, pos);
    }
    pos = parse_code(s, pos, v);
    if (!s[pos] || s[pos] == ',') {       /* a bare code: keep it, flag the rest */
        v->malformed = TRUE;
        v->agent_offset = v->text_offset = pos;
        return pos;
    }
    if (!is_lws(s[pos])) {                /* "399x": the digits were no code */
        v->code = 0;
        v->malformed = TRUE;
        return skip_element(s, pos);
    }
    pos = parse_agent(s, skip_lws(s, pos), v);
    gsize before_text = pos;
    pos = skip_lws(s, pos);
    if (pos == before_text && v->agent_len > 0)
        v->malformed = TRUE;              /* no SP between agent and text */
    if (!s[pos] || s[pos] == ',') {
        v->malformed = TRUE;              /* no warn-text at all */
        v->text_offset = pos;
        return pos;
    }
    pos = skip_lws(s, parse_text(s, pos, v));
    if (s[pos] && s[pos] != ',') {        /* junk after the closing quote */
        v->malformed = TRUE;
        pos = skip_element(s, pos);
    }
    return pos;
}

guint sc_warning_parse(const char *header_value, sc_warning_value *out, guint max)
{
    guint n = 0;
    gsize pos = 0;

    if (!header_value || !out)
        return 0;
    while (n < max) {
        pos = skip_separators(header_value, pos);
        if (!header_value[pos])
            break;
        pos = parse_value(header_value, pos, &out[n++]);
    }
    return n;
}

gsize sc_warning_copy_text(const char *header_value, const sc_warning_value *value,
                           char *buf, gsize size)
{
    gsize written = 0, total = 0;

    if (header_value && value) {
        const char *p = header_value + value->text_offset;
        const char *end = p + value->text_len;
        for (; p < end; p++, total++) {
            /* A quoted-pair stands for the character after the backslash. */
            if (*p == '\\' && p + 1 < end)
                p++;
            if (buf && written + 1 < size)
                buf[written++] = *p;
        }
    }
    if (buf && size > 0)
        buf[written] = '\0';
    return total;
}
