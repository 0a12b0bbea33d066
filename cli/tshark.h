/* Finding tshark, making sure it loads this build's plugin, and turning its
 * failures into messages a person can act on.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_TSHARK_H
#define SIPCODES_CLI_TSHARK_H

#include <glib.h>
#include "jobs.h"

typedef struct {
    char *tshark;    /* full path of the tshark to run */
    char *version;   /* "4.0.17" */
} sc_tshark;

/* Locates tshark (requested: --tshark PATH, or NULL for PATH's tshark),
 * checks its version against the Wireshark the plugin was built for, and
 * checks that it loads the sipcodes plugin of this very version. */
gboolean sc_tshark_prepare(const char *requested, sc_tshark *ts, GError **error);
void     sc_tshark_clear(sc_tshark *ts);

/* mergecap, looked for beside tshark first, then in PATH. */
char *sc_tshark_find_mergecap(const sc_tshark *ts, GError **error);

/* The command that prints the per-call table of one capture. */
char **sc_tshark_calls_argv(const sc_tshark *ts, const char *capture, const char *filter);

/* Explains why a tshark calls run failed; display_name is what the user
 * called the capture. Usage errors for a bad filter, failures otherwise. */
void sc_tshark_explain_failure(const sc_job *job, const char *display_name,
                               const char *filter, GError **error);

#endif
