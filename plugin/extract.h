/* Extract: the one place that knows Wireshark's SIP field names and taps.
 * It turns what the SIP dissector found in one frame into plain
 * sc_sip_message structs.
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

/* The field ids the post-dissector must ask for; NULL when reading bytes. */
GArray *sc_extract_wanted_hfids(void);

/* From now on read each message's bytes, which SIP taps, rather than its
 * fields, so that a run that only tallies needs no protocol tree. TRUE when
 * that is the case (it stays so for the rest of the process). */
gboolean sc_extract_read_message_bytes(void);
gboolean sc_extract_reads_message_bytes(void);

/* Fills up to `max` messages, in the order they appear in the frame.
 * Strings are allocated in pinfo->pool. */
guint sc_extract_messages(proto_tree *tree, packet_info *pinfo,
                          sc_sip_message *messages, guint max);

#endif
