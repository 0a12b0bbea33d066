/* Runs external programs (tshark, mergecap), several at once, and keeps
 * everything they print.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_JOBS_H
#define SIPCODES_CLI_JOBS_H

#include <glib.h>

typedef struct {
    char  **argv;         /* owned, NULL-terminated */
    char   *out;          /* what it printed on stdout, NUL-terminated */
    char   *err;          /* and on stderr */
    int     exit_status;  /* its exit status; -1 when it did not exit normally */
    int     signal;       /* the signal that ended it, or 0 */
    GError *error;        /* it could not be started (or waited for) */
} sc_job;

/* Takes ownership of argv. */
void sc_job_init(sc_job *job, char **argv);
void sc_job_clear(sc_job *job);

/* TRUE when the job ran and exited with status 0. */
gboolean sc_job_succeeded(const sc_job *job);

/* Runs every job, at most max_parallel at a time, and returns when all have
 * ended. */
void sc_jobs_run(sc_job *jobs, guint n_jobs, guint max_parallel);

#endif
