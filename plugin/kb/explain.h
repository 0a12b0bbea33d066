/* One response, explained: the knowledge-base row, a provider override and
 * the response's context merged into what the user is shown. The tree, the
 * expert text and the statistics all read this, so they cannot disagree.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_EXPLAIN_H
#define SIPCODES_EXPLAIN_H

#include "kb.h"
#include "overrides.h"

typedef struct {
    sc_code_lookup     lookup;          /* lookup.info NULL: malformed, nothing else is set */
    const sc_override *override;        /* the provider row that applied, or NULL */
    const char        *description;     /* kb or override; for an unregistered code the
                                           class row's (say so when showing it) */
    const char        *causes[SC_MAX_CAUSES];
    const char        *action;
    sc_disposition     disposition;
    sc_retry           retry;
    sc_fault           fault;
    sc_severity        severity;
} sc_explanation;

sc_explanation sc_explain_response(guint code, const sc_override *override,
                                   gboolean answers_initial_invite, gboolean has_retry_after);

/* A 487 whose INVITE was cancelled with Reason SIP;cause=200 (RFC 3326):
 * another device of a ring group or fork took the call. Turns the 487's
 * explanation into that (a provider override still wins). */
void sc_explain_answered_elsewhere(sc_explanation *e);

#endif
