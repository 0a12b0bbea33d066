/* Extract: the one place that knows Wireshark's SIP field names. It turns
 * the SIP dissector's fields of one frame into plain sc_sip_message structs.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_EXTRACT_H
#define SIPCODES_EXTRACT_H

#include <epan/packet.h>
#include "sip_message.h"

/* Several SIP messages can share one TCP segment; more than this in one
 * frame are left unexplained rather than slowing every frame down. */
#define SC_MAX_MESSAGES_PER_FRAME 32

/* Resolves the SIP field ids; call from the handoff, after SIP registered. */
void sc_extract_init(void);

/* The field ids the post-dissector must ask for. */
GArray *sc_extract_wanted_hfids(void);

/* TRUE when the frame carries SIP at all: a cheap test for the hot path. */
gboolean sc_extract_frame_has_sip(proto_tree *tree);

/* Fills up to `max` messages, in the order they appear in the frame.
 * Strings are allocated in pinfo->pool. */
guint sc_extract_messages(proto_tree *tree, packet_info *pinfo,
                          sc_sip_message *messages, guint max);

#endif
