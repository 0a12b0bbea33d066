/* Extract: the one place that knows where Wireshark puts each SIP message
 * (SIP's "sip_follow" tap, or its protocol item on a pass without taps). It
 * hands each message's bytes to the parser and returns plain sc_sip_message
 * structs.
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

/* Resolves SIP's protocol and tap, and starts listening on the tap; call
 * from the handoff, after SIP registered. first_pass_runs_taps: whether
 * the program's first pass runs taps (process/passes.h). */
void sc_extract_init(gboolean first_pass_runs_taps);

/* The field ids the post-dissector must ask for: none when the program's
 * first pass runs taps, else SIP's protocol item only. */
GArray *sc_extract_wanted_hfids(void);

/* Where the frame's SIP messages are: on their own, or quoted by an ICMP
 * error (the datagram the error is about, RFC 3261 8.1.3.1). */
typedef struct {
    gboolean    in_icmp_error;
    gboolean    unreachable;    /* the error is a destination unreachable */
    const char *what;           /* "ICMP port unreachable"...; NULL outside errors */
} sc_frame_context;

/* Fills up to `max` messages, in the order they appear in the frame, with
 * where each came from and went to. Their strings stay valid until the
 * next call or the end of the packet's dissection, whichever comes first. */
guint sc_extract_messages(proto_tree *tree, packet_info *pinfo,
                          sc_sip_message *messages, guint max, sc_frame_context *context);

#endif
