/* Runs external programs concurrently with GSubprocess on a private main
 * context, so the caller simply blocks until every job has ended.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <gio/gio.h>
#include "jobs.h"

typedef struct {
    sc_job      *jobs;
    guint        n_jobs;
    guint        next;      /* the next job to start */
    guint        running;
} runner;

typedef struct {
    runner      *runner;
    sc_job      *job;
    GSubprocess *process;
} running_job;

void sc_job_init(sc_job *job, char **argv)
{
    *job = (sc_job){ .argv = argv, .exit_status = -1 };
}

void sc_job_clear(sc_job *job)
{
    g_strfreev(job->argv);
    g_free(job->out);
    g_free(job->err);
    g_clear_error(&job->error);
    *job = (sc_job){ .exit_status = -1 };
}

gboolean sc_job_succeeded(const sc_job *job)
{
    return !job->error && job->exit_status == 0;
}

static char *bytes_to_string(GBytes *bytes)
{
    gsize size = 0;
    const char *data = bytes ? g_bytes_get_data(bytes, &size) : NULL;

    return g_strndup(data ? data : "", size);
}

static void start_next(runner *r);

static void job_ended(GObject *source, GAsyncResult *result, gpointer data)
{
    running_job *rj = data;
    GBytes *out = NULL, *err = NULL;

    if (g_subprocess_communicate_finish(G_SUBPROCESS(source), result, &out, &err, &rj->job->error)) {
        if (g_subprocess_get_if_exited(rj->process))
            rj->job->exit_status = g_subprocess_get_exit_status(rj->process);
        else if (g_subprocess_get_if_signaled(rj->process))
            rj->job->signal = g_subprocess_get_term_sig(rj->process);
    }
    rj->job->out = bytes_to_string(out);
    rj->job->err = bytes_to_string(err);
    if (out)
        g_bytes_unref(out);
    if (err)
        g_bytes_unref(err);
    g_object_unref(rj->process);
    rj->runner->running--;
    start_next(rj->runner);
    g_free(rj);
}

static void start_next(runner *r)
{
    while (r->next < r->n_jobs) {
        sc_job *job = &r->jobs[r->next++];
        /* stdin stays /dev/null: nothing here may wait for a terminal. */
        GSubprocess *process = g_subprocess_newv((const char *const *)job->argv,
                                                 G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                 G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                 &job->error);
        running_job *rj;

        if (!process) {
            job->out = g_strdup("");
            job->err = g_strdup("");
            continue;
        }
        rj = g_new0(running_job, 1);
        rj->runner = r;
        rj->job = job;
        rj->process = process;
        r->running++;
        g_subprocess_communicate_async(process, NULL, NULL, job_ended, rj);
        return;
    }
}

void sc_jobs_run(sc_job *jobs, guint n_jobs, guint max_parallel)
{
    GMainContext *context = g_main_context_new();
    runner r = { .jobs = jobs, .n_jobs = n_jobs };

    g_main_context_push_thread_default(context);
    for (guint i = 0; i < MAX(max_parallel, 1) && r.next < n_jobs; i++)
        start_next(&r);
    while (r.running > 0)
        g_main_context_iteration(context, TRUE);
    g_main_context_pop_thread_default(context);
    g_main_context_unref(context);
}
