/* Merging the knowledge base, a provider override and the context.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "explain.h"

static const char *chosen(const char *override_text, const char *kb_text)
{
    return (override_text && *override_text) ? override_text : kb_text;
}

static const char answered_elsewhere_description[] =
    "The INVITE was cancelled because another device answered the call: the CANCEL carried "
    "Reason SIP;cause=200 (RFC 3326), as ring groups and forking proxies send to the phones "
    "that lost. For this leg the call was not missed.";
static const char answered_elsewhere_cause[] =
    "A ring group, hunt group or forked call that another phone or device picked up";
static const char answered_elsewhere_action[] =
    "Nothing to fix: count it as answered by the group. Look at the leg that got the 200 for "
    "the conversation itself.";

void sc_explain_answered_elsewhere(sc_explanation *e)
{
    if (!e->lookup.info || (e->override && e->override->has_disposition))
        return;
    e->disposition = SC_DISP_ANSWERED_ELSEWHERE;
    e->severity = SC_SEVERITY_NONE;
    e->retry = SC_RETRY_NO;
    if (!(e->override && e->override->description && *e->override->description))
        e->description = answered_elsewhere_description;
    if (!(e->override && e->override->action && *e->override->action))
        e->action = answered_elsewhere_action;
    if (!(e->override && e->override->cause && *e->override->cause)) {
        memset(e->causes, 0, sizeof e->causes);
        e->causes[0] = answered_elsewhere_cause;
    }
}

sc_explanation sc_explain_response(guint code, const sc_override *override,
                                   gboolean answers_initial_invite, gboolean has_retry_after)
{
    sc_explanation e;
    sc_advice advice;
    const sc_code_info *info;

    memset(&e, 0, sizeof e);
    e.lookup = sc_kb_lookup(code);
    info = e.lookup.info;
    if (!info)
        return e;

    e.override = override;
    advice = sc_kb_advise(&e.lookup, answers_initial_invite, has_retry_after && !(override && override->has_retry));
    e.description = chosen(override ? override->description : NULL, info->description);
    e.action = chosen(override ? override->action : NULL, info->action);
    if (override && override->cause && *override->cause)
        e.causes[0] = override->cause;
    else
        memcpy(e.causes, info->causes, sizeof e.causes);
    e.disposition = (override && override->has_disposition) ? override->disposition : advice.disposition;
    e.retry = (override && override->has_retry) ? override->retry : advice.retry;
    e.fault = info->fault;
    e.severity = info->severity;
    if (override && override->has_disposition && code >= 300)
        e.severity = sc_disposition_severity(e.disposition);
    return e;
}
