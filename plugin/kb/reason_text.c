/* Reason values in a few words (see reason_text.h).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "reason_text.h"
#include "kb.h"
#include "q850.h"

/* "Normal call clearing" -> "normal call clearing", "Busy Here" -> "busy
 * here": the names read as part of a sentence; "ISUP" stays. */
static char *as_words(const char *name)
{
    char **words = g_strsplit(name, " ", -1);
    char *text;

    for (char **w = words; *w; w++) {
        if (g_ascii_isupper((*w)[0]) && (*w)[1] && g_ascii_islower((*w)[1]))
            (*w)[0] = g_ascii_tolower((*w)[0]);
    }
    text = g_strjoinv(" ", words);
    g_strfreev(words);
    return text;
}

char *sc_reason_text(const sc_reason *reason, gboolean in_cancel)
{
    char *words, *text;

    if (!reason || reason->malformed)
        return NULL;
    switch (reason->protocol) {
    case SC_REASON_Q850: {
        sc_q850_explanation q = sc_q850_explain(reason->cause);
        words = as_words(q.name);
        text = g_strdup_printf("Q.850 %u: %s", reason->cause, words);
        g_free(words);
        return text;
    }
    case SC_REASON_SIP: {
        const sc_code_info *info = sc_kb_code(reason->cause);
        if (in_cancel && reason->cause == 200)
            return g_strdup("SIP 200: call completed elsewhere");
        if (!info)
            return g_strdup_printf("SIP %u", reason->cause);
        words = as_words(info->reason);
        text = g_strdup_printf("SIP %u: %s", reason->cause, words);
        g_free(words);
        return text;
    }
    case SC_REASON_OTHER:
        break;
    }
    return g_strdup_printf("cause %u (another protocol)", reason->cause);
}

char *sc_reasons_text(const sc_reason *reasons, guint count, gboolean in_cancel)
{
    GString *text = g_string_new(NULL);

    for (guint i = 0; i < count; i++) {
        char *one = sc_reason_text(&reasons[i], in_cancel);
        if (!one)
            continue;
        if (text->len)
            g_string_append(text, "; ");
        g_string_append(text, one);
        g_free(one);
    }
    return g_string_free(text, FALSE);
}
