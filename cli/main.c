/* sipcodes: explains SIP responses offline and reports call outcomes of
 * captures, with the knowledge base the Wireshark plugin uses.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "kb.h"
#include "q850.h"
#include "warnings.h"

G_DEFINE_QUARK(sipcodes-cli-error-quark, sc_cli_error)

static const char usage_text[] =
    "Usage: sipcodes COMMAND [OPTION...] [ARGUMENT...]\n"
    "\n"
    "Explains SIP responses and reports the outcome of every call in SIP captures,\n"
    "with the same knowledge base as the sipcodes Wireshark plugin.\n"
    "\n"
    "Commands:\n"
    "  explain CODE            what a SIP status code means and what to do about it\n"
    "  explain q850:CAUSE      the same for a Q.850 cause (Reason header)\n"
    "  explain warning:CODE    the same for a Warning header warn-code\n"
    "  explain --all           the whole knowledge base (--format csv or json)\n"
    "  report CAPTURE...       per-call outcomes and a summary, via tshark and the plugin\n"
    "  help [COMMAND]          this text, or the options of COMMAND\n"
    "\n"
    "Options:\n"
    "  -h, --help              show this text\n"
    "  -V, --version           show the version and what the knowledge base holds\n"
    "\n"
    "Exit status: 0 success, 1 capture, tshark or plugin problem, 2 usage error.\n"
    "See sipcodes(1) for the details.\n";

gboolean sc_format_parse(const char *name, sc_format *out, GError **error)
{
    if (g_strcmp0(name, "text") == 0)
        *out = SC_FORMAT_TEXT;
    else if (g_strcmp0(name, "csv") == 0)
        *out = SC_FORMAT_CSV;
    else if (g_strcmp0(name, "json") == 0)
        *out = SC_FORMAT_JSON;
    else {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "unknown format '%s': use text, csv or json", name);
        return FALSE;
    }
    return TRUE;
}

gboolean sc_parse_options(GOptionContext *context, int *argc, char ***argv, GError **error)
{
    GError *parse_error = NULL;

    if (g_option_context_parse(context, argc, argv, &parse_error))
        return TRUE;
    g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE, "%s (see '%s --help')",
                parse_error->message, g_get_prgname());
    g_error_free(parse_error);
    return FALSE;
}

static void append_version(GString *out)
{
    gsize codes, causes, warnings;

    sc_kb_codes(&codes);
    sc_q850_causes(&causes);
    sc_warnings(&warnings);
    g_string_append_printf(out,
        "sipcodes %s\n"
        "knowledge base: %" G_GSIZE_FORMAT " SIP status codes, %" G_GSIZE_FORMAT
        " Q.850 causes, %" G_GSIZE_FORMAT " warn-codes\n"
        "reports need tshark %s with the sipcodes plugin %s\n",
        SIPCODES_VERSION, codes, causes, warnings, SIPCODES_WIRESHARK_ABI, SIPCODES_VERSION);
}

/* GOption names the program in a command's usage line and errors. */
static void set_command_name(const char *command)
{
    char *name = g_strconcat("sipcodes ", command, NULL);

    g_set_prgname(name);
    g_free(name);
}

static gboolean help_command(int argc, char **argv, GString *out, GError **error)
{
    char *help = NULL;

    if (argc < 2) {
        g_string_append(out, usage_text);
        return TRUE;
    }
    if (strcmp(argv[1], "explain") == 0 || strcmp(argv[1], "report") == 0) {
        set_command_name(argv[1]);
        help = argv[1][0] == 'e' ? sc_explain_help() : sc_report_help();
    }
    if (!help) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "no help for '%s': commands are explain and report", argv[1]);
        return FALSE;
    }
    g_string_append(out, help);
    g_free(help);
    return TRUE;
}

/* Runs one command; its output reaches stdout only if it succeeded. */
static int run(int argc, char **argv)
{
    GString *out = g_string_new(NULL);
    GError *error = NULL;
    gboolean ok;
    const char *command = argv[1];
    int status;

    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0) {
        g_string_append(out, usage_text);
        ok = TRUE;
    } else if (strcmp(command, "--version") == 0 || strcmp(command, "-V") == 0) {
        append_version(out);
        ok = TRUE;
    } else if (strcmp(command, "help") == 0) {
        ok = help_command(argc - 1, argv + 1, out, &error);
    } else if (strcmp(command, "explain") == 0 || strcmp(command, "report") == 0) {
        set_command_name(command);
        ok = command[0] == 'e' ? sc_cmd_explain(argc - 1, argv + 1, out, &error)
                               : sc_cmd_report(argc - 1, argv + 1, out, &error);
    } else {
        g_set_error(&error, SC_CLI_ERROR, SC_CLI_ERROR_USAGE,
                    "unknown command '%s': use explain or report (see 'sipcodes --help')", command);
        ok = FALSE;
    }

    if (ok) {
        status = SC_EXIT_OK;
        if (fwrite(out->str, 1, out->len, stdout) != out->len || fflush(stdout) != 0) {
            fprintf(stderr, "sipcodes: could not write the output: %s\n", g_strerror(errno));
            status = SC_EXIT_FAILURE;
        }
    } else {
        fprintf(stderr, "sipcodes: %s\n", error->message);
        status = error->domain == SC_CLI_ERROR && error->code == SC_CLI_ERROR_USAGE
                 ? SC_EXIT_USAGE : SC_EXIT_FAILURE;
        g_error_free(error);
    }
    g_string_free(out, TRUE);
    return status;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc < 2) {
        fputs("sipcodes: no command given: use explain or report (see 'sipcodes --help')\n", stderr);
        return SC_EXIT_USAGE;
    }
    return run(argc, argv);
}
