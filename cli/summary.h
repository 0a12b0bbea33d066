/* The report's summary: calls by outcome, ASR and NER, failure codes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_SUMMARY_H
#define SIPCODES_CLI_SUMMARY_H

#include <glib.h>

typedef struct {
    const char *disposition;   /* points into a row */
    guint       calls;
} sc_outcome_count;

typedef struct {
    guint       code;          /* 0 = no final response */
    guint       calls;
    const char *reason;        /* the registered reason; NULL when unregistered or 0 */
    const char *action;        /* the kb's recommended action */
} sc_failure_count;

typedef struct {
    guint   calls;
    guint   in_progress;       /* still waiting when the capture ended: in no KPI */
    guint   without_invite;    /* dialogs whose initial INVITE is not in the capture: no calls */
    guint   ended;             /* calls - in_progress: the KPIs' denominator */
    guint   answered;          /* ASR numerator */
    guint   reached;           /* NER numerator */
    GArray *outcomes;          /* sc_outcome_count, in the disposition order of DESIGN 1.3 */
    GArray *failures;          /* sc_failure_count for unanswered calls, most calls first */
} sc_summary;

/* TRUE for a row of a dialog without its INVITE (not a call). */
gboolean sc_row_is_call(const void *row);

/* rows: sc_call_row *, calls only; the summary points into them. */
void sc_summary_compute(sc_summary *summary, GPtrArray *rows);
void sc_summary_clear(sc_summary *summary);

/* What to do about a call that got no final response (code 0). */

#endif
