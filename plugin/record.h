/* First pass: from the SIP messages of a frame to its stored record.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_RECORD_H
#define SIPCODES_RECORD_H

#include <epan/packet.h>
#include "frame_record.h"

/* NULL when the frame has nothing to show or tally (its messages still
 * reach the machine). The record lives in `scope`: wmem_file_scope() when
 * the frame will be shown again, pinfo->pool when only this dissection
 * reads it. */
sc_frame_record *sc_record_frame(sc_outcome_machine *machine, const sc_override_set *overrides,
                                 proto_tree *tree, packet_info *pinfo, wmem_allocator_t *scope);

#endif
