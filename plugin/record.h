/* First pass: from the SIP messages of a frame to its stored record.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_RECORD_H
#define SIPCODES_RECORD_H

#include <epan/packet.h>
#include "frame_record.h"

/* NULL when the frame holds no response and no INVITE (its messages still
 * reach the machine). The record lives in wmem_file_scope(). *saw_sip says
 * whether any SIP message could be read in the frame. */
sc_frame_record *sc_record_frame(sc_outcome_machine *machine, const sc_override_set *overrides,
                                 proto_tree *tree, packet_info *pinfo, gboolean *saw_sip);

#endif
