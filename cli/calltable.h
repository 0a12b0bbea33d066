/* The plugin's per-call table (`tshark -z sipcodes,calls`) read back into
 * rows.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_CALLTABLE_H
#define SIPCODES_CLI_CALLTABLE_H

#include <glib.h>

#define SC_NONE (-1)

typedef struct {
    char   *call_id;
    guint   file;          /* index of the capture first_frame refers to */
    guint   first_frame;
    char   *start_time;    /* UTC, "YYYY-MM-DD HH:MM:SS.mmm" as the plugin wrote it */
    char   *from;
    char   *to;
    char   *peer;          /* "203.0.113.10:5060"; NULL = not known */
    guint   code;          /* the decisive final response; 0 = none */
    char   *reason;        /* its reason phrase; NULL = none */
    char   *disposition;
    gint    q850;          /* Q.850 cause, or SC_NONE */
    double  pdd_ms;        /* post-dial delay, or SC_NONE */
    double  setup_ms;      /* setup time, or SC_NONE */
    guint   attempts;
    double  duration_s;    /* answered and ended by a BYE, or SC_NONE */
    char   *ended_by;      /* "caller", "callee"; NULL = not ended, or not known */
    char   *end_reason;    /* the Reason of the BYE or CANCEL, explained; NULL = none */
} sc_call_row;

void sc_call_row_free(gpointer row);

/* Reads the table from tshark's stdout into rows (sc_call_row *, freed by
 * the array) whose file is set to `file`. FALSE, with a failure, when the
 * table is missing or not the one this command was written for. */
GPtrArray *sc_calltable_parse(const char *tshark_stdout, guint file, GError **error);

#endif
