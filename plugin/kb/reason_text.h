/* A Reason header value (RFC 3326) in a few words, as the call's end reason
 * shows it: "Q.850 16: normal call clearing", "SIP 200: call completed
 * elsewhere".
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_REASON_TEXT_H
#define SIPCODES_REASON_TEXT_H

#include <glib.h>
#include "../sip_message.h"

/* in_cancel: the value came in a CANCEL, where SIP cause 200 means another
 * device took the call (RFC 3326). Returns a new string (g_free), or NULL
 * for a value without a cause. */
char *sc_reason_text(const sc_reason *reason, gboolean in_cancel);

/* Every value of a message's Reason headers, joined with "; "; "" when
 * there is none. A new string (g_free). */
char *sc_reasons_text(const sc_reason *reasons, guint count, gboolean in_cancel);

#endif
