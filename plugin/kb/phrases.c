/* Reason phrases that count as standard besides the registered one.
 *
 * The phrase is free text (RFC 3261 21), and the RFCs themselves spell some
 * codes two ways: section 25.1's grammar comments and RFC 2543 differ from
 * the section 21 headings IANA registered. The stacks most users run send
 * those spellings, or their own, on every call; flagging them as vendor
 * wording would bury the phrases that do carry news (603 MaxPeak Cost
 * Exceeded). Each row names where the spelling comes from.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "kb.h"

typedef struct {
    guint16     code;
    const char *phrase;
    const char *source;
} phrase_variant;

static const phrase_variant variants[] = {
    { 183, "Session in Progress", "widespread response-code lists" },
    { 202, "Accepted (Deprecated)", "the IANA registry's entry, should anyone send it" },
    { 412, "Precondition Failed", "sofia-sip (FreeSWITCH)" },
    { 414, "Request-URI Too Large", "RFC 3261 25.1 grammar, RFC 2543" },
    { 422, "Session Timer Too Small", "older stacks' name for the RFC 4028 code" },
    { 436, "Bad Identity-Info", "RFC 4474, the registered phrase until RFC 8224; pjsip (Asterisk)" },
    { 437, "Unsupported Certificate", "RFC 4474, the registered phrase until RFC 8224; pjsip (Asterisk)" },
    { 480, "Temporarily not available", "RFC 3261 25.1 grammar, RFC 2543" },
    { 481, "Call Leg/Transaction Does Not Exist", "RFC 3261 25.1 grammar, RFC 2543" },
    { 500, "Internal Server Error", "RFC 3261 25.1 grammar, RFC 2543; sofia-sip (FreeSWITCH), pjsip (Asterisk)" },
    { 500, "Server internal failure", "Asterisk chan_sip" },
    { 504, "Gateway Time-out", "RFC 2543; sofia-sip (FreeSWITCH)" },
    { 504, "Gateway Timeout", "RFC 3398 7.2.4.1" },
    { 504, "Server Timeout", "pjsip (Asterisk)" },
    { 505, "SIP Version not supported", "RFC 3261 25.1 grammar" },
    { 603, "Declined", "RFC 3891 3" },
};

static gboolean same_words(const char *carried, gsize len, const char *expected)
{
    return len == strlen(expected) && g_ascii_strncasecmp(carried, expected, len) == 0;
}

gboolean sc_kb_phrase_is_standard(const sc_code_info *info, const char *phrase)
{
    gsize len;

    if (!info || !phrase)
        return TRUE;
    if (strcmp(phrase, info->reason) == 0)
        return TRUE;
    /* Case and surrounding blanks aside: only other words are news. */
    while (g_ascii_isspace(*phrase))
        phrase++;
    len = strlen(phrase);
    while (len > 0 && g_ascii_isspace(phrase[len - 1]))
        len--;
    if (same_words(phrase, len, info->reason))
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(variants); i++) {
        if (variants[i].code == info->code && same_words(phrase, len, variants[i].phrase))
            return TRUE;
    }
    return FALSE;
}

const char *sc_kb_phrase_variant_source(guint code, const char *phrase)
{
    for (gsize i = 0; phrase && i < G_N_ELEMENTS(variants); i++) {
        if (variants[i].code == code && same_words(phrase, strlen(phrase), variants[i].phrase))
            return variants[i].source;
    }
    return NULL;
}
