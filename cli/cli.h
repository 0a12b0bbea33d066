/* The sipcodes companion command: declarations shared by its parts.
 *
 * Every command builds its whole output in a GString and returns; main
 * prints it only when the command succeeded, so a failure never leaves
 * half a report on stdout.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_H
#define SIPCODES_CLI_H

#include <glib.h>

/* Exit statuses (sipcodes(1), DESIGN 1.6). */
#define SC_EXIT_OK      0
#define SC_EXIT_FAILURE 1   /* capture, tshark or plugin problem */
#define SC_EXIT_USAGE   2   /* the command line itself is wrong */

/* Errors carry the exit status they lead to as their code. */
#define SC_CLI_ERROR (sc_cli_error_quark())
GQuark sc_cli_error_quark(void);
typedef enum {
    SC_CLI_ERROR_FAILED = SC_EXIT_FAILURE,
    SC_CLI_ERROR_USAGE  = SC_EXIT_USAGE,
} sc_cli_error_code;

typedef enum {
    SC_FORMAT_TEXT,
    SC_FORMAT_CSV,
    SC_FORMAT_JSON,
} sc_format;

gboolean sc_format_parse(const char *name, sc_format *out, GError **error);

/* g_option_context_parse(), with its errors turned into usage errors. */
gboolean sc_parse_options(GOptionContext *context, int *argc, char ***argv, GError **error);

/* Subcommands: argv[0] is the subcommand's name. */
gboolean sc_cmd_explain(int argc, char **argv, GString *out, GError **error);
gboolean sc_cmd_report(int argc, char **argv, GString *out, GError **error);

/* Option help of a subcommand, for `sipcodes help COMMAND`; NULL if unknown. */
char *sc_explain_help(void);
char *sc_report_help(void);

#endif
