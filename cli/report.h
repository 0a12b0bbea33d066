/* What `sipcodes report` found, and how it is printed.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_REPORT_H
#define SIPCODES_CLI_REPORT_H

#include "cli.h"
#include "summary.h"

/* sc_call_row.file of a call found only in the merged trace. */
#define SC_FILE_MERGED G_MAXUINT

typedef struct {
    char      **files;     /* the captures, as the user named them */
    guint       n_files;
    const char *filter;    /* NULL = every call */
    gboolean    merged;    /* calls spanned captures, so they were read as one trace */
    GPtrArray  *rows;      /* sc_call_row *, calls only, by start time */
    guint       without_invite; /* dialogs whose initial INVITE the captures lack */
    sc_summary  summary;
} sc_report;

void sc_report_render(GString *out, const sc_report *report, sc_format format);

#endif
