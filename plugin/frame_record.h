/* What sipcodes decided about one frame on the first pass: stored per frame
 * so every later pass, and the GUI in any order, renders the same thing.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_FRAME_RECORD_H
#define SIPCODES_FRAME_RECORD_H

#include "kb/kb.h"
#include "outcome/outcome.h"
#include "sip_message.h"

typedef struct {
    guint                    code;
    const char              *phrase;      /* carried phrase when it is not the registered one */
    const char              *method;      /* CSeq method */
    gboolean                 has_retry_after;
    guint32                  retry_after;
    guint                    reason_count;
    sc_reason                reasons[SC_MAX_REASONS];
    const sc_response_state *state;       /* NULL when the message lacks Call-ID or CSeq */
} sc_response_record;

typedef struct {
    guint                    response_count;
    sc_response_record      *responses;
    guint                    request_count;
    const sc_request_state **requests;    /* INVITE requests only */
} sc_frame_record;

#endif
