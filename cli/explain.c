/* `sipcodes explain`: what the knowledge base knows about one code, or all
 * of it. No capture and no tshark involved.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "cli.h"
#include "kb_entry.h"
#include "kb_render.h"

typedef struct {
    gboolean all;
    char    *format;
} explain_options;

static GOptionContext *explain_context(explain_options *opts)
{
    GOptionEntry entries[] = {
        { "all", 0, 0, G_OPTION_ARG_NONE, &opts->all,
          "Every entry of the knowledge base", NULL },
        { "format", 0, 0, G_OPTION_ARG_STRING, &opts->format,
          "Output format: text (default), csv or json", "FORMAT" },
        { NULL, 0, 0, 0, NULL, NULL, NULL }
    };
    GOptionContext *context = g_option_context_new("CODE | q850:CAUSE | warning:CODE");

    g_option_context_set_summary(context,
        "Explains a SIP status code (100-699), a Q.850 cause (q850:1 to q850:127)\n"
        "or a Warning header warn-code (warning:300 to warning:399).");
    g_option_context_set_description(context,
        "Examples:\n"
        "  sipcodes explain 486\n"
        "  sipcodes explain q850:34\n"
        "  sipcodes explain warning:305 --format json\n"
        "  sipcodes explain --all --format csv > sipcodes-kb.csv\n");
    g_option_context_add_main_entries(context, entries, NULL);
    return context;
}

char *sc_explain_help(void)
{
    explain_options opts = { 0 };
    GOptionContext *context = explain_context(&opts);
    char *help = g_option_context_get_help(context, TRUE, NULL);

    g_option_context_free(context);
    return help;
}

/* Digits only: "+486", " 486" or "4.86" are typos, not codes. Nine digits
 * still fit a guint, and any of them is out of every range anyway. */
static gboolean parse_number(const char *text, guint *out)
{
    gsize len = strlen(text);
    guint value = 0;

    if (len == 0 || len > 9)
        return FALSE;
    for (gsize i = 0; i < len; i++) {
        if (!g_ascii_isdigit(text[i]))
            return FALSE;
        value = value * 10 + (guint)(text[i] - '0');
    }
    *out = value;
    return TRUE;
}

static const char *strip_prefix(const char *text, const char *const *prefixes)
{
    for (const char *const *p = prefixes; *p; p++) {
        gsize len = strlen(*p);
        if (g_ascii_strncasecmp(text, *p, len) == 0)
            return text + len;
    }
    return NULL;
}

static gboolean lookup_argument(const char *arg, sc_entry *entry, GError **error)
{
    static const char *const q850_prefixes[] = { "q850:", "q.850:", NULL };
    static const char *const warning_prefixes[] = { "warning:", "warn:", NULL };
    const char *rest;
    guint n;

    if ((rest = strip_prefix(arg, q850_prefixes))) {
        if (!parse_number(rest, &n))
            goto not_a_number;
        if (sc_entry_q850(n, entry))
            return TRUE;
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "%s is not a Q.850 cause value: causes run from 1 to 127", arg);
        return FALSE;
    }
    if ((rest = strip_prefix(arg, warning_prefixes))) {
        if (!parse_number(rest, &n))
            goto not_a_number;
        if (sc_entry_warning(n, entry))
            return TRUE;
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "%s is not a warn-code: warn-codes are 300-339 and 370-399 (RFC 3261 20.43)",
                    arg);
        return FALSE;
    }
    if (!parse_number(arg, &n))
        goto not_a_number;
    if (sc_entry_sip(n, entry))
        return TRUE;
    g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                "%s is not a SIP status code: status codes run from 100 to 699", arg);
    return FALSE;

not_a_number:
    g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                "cannot explain '%s': give a SIP status code (e.g. 486), q850:CAUSE "
                "(e.g. q850:17) or warning:CODE (e.g. warning:305)", arg);
    return FALSE;
}

gboolean sc_cmd_explain(int argc, char **argv, GString *out, GError **error)
{
    explain_options opts = { 0 };
    GOptionContext *context = explain_context(&opts);
    sc_format format = SC_FORMAT_TEXT;
    gboolean ok = FALSE;
    sc_entry entry;

    if (!sc_parse_options(context, &argc, &argv, error))
        goto done;
    if (opts.format && !sc_format_parse(opts.format, &format, error))
        goto done;
    if (opts.all) {
        GArray *entries;
        if (argc > 1) {
            g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                        "explain --all takes no code (got '%s')", argv[1]);
            goto done;
        }
        entries = sc_entries_all();
        sc_render_entries(out, entries, format);
        g_array_free(entries, TRUE);
        ok = TRUE;
        goto done;
    }
    if (argc < 2) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "explain needs a code, e.g. 'sipcodes explain 486' (or --all)");
        goto done;
    }
    if (argc > 2) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "explain takes one code at a time (got '%s' and '%s')", argv[1], argv[2]);
        goto done;
    }
    if (!lookup_argument(argv[1], &entry, error))
        goto done;
    sc_render_entry(out, &entry, format);
    ok = TRUE;

done:
    g_free(opts.format);
    g_option_context_free(context);
    return ok;
}
