/* How the program sipcodes runs in goes over a capture: whether its first
 * pass runs taps, and whether it ever shows a frame again.
 *
 * sipcodes must meet every SIP message on the first, sequential pass, the
 * one that decides (DESIGN 2). Where that pass runs taps, SIP hands each
 * message's bytes to its "sip_follow" tap and nothing more is needed. Where
 * it runs none (tshark -2, sharkd), only a protocol tree shows where the
 * messages lie, and a post-dissector gets one only by naming a field it
 * wants; that makes every packet of the run build a tree, which costs
 * about a fifth of a plain tshark run.
 *
 * A program that never shows a frame again (tshark in one pass: it keeps
 * no list of frames) needs nothing kept per frame after the frame: the
 * statistics and the tree of this frame read it at once. The GUI, tshark -2
 * and sharkd dissect frames again, in any order, and need what was decided
 * kept per frame.
 *
 * Wireshark tells a plugin neither which program loaded it nor whether -2
 * was given, so the answers come from the process's own command line, and
 * are the always-correct ones whenever in doubt: no taps, frames seen
 * again. Those are only slower.
 *
 * No Wireshark types: unit-tested alone.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_PASSES_H
#define SIPCODES_PASSES_H

#include <glib.h>

typedef struct {
    gboolean first_pass_taps;    /* the Wireshark GUI; tshark without -2 (--two-pass) */
    gboolean frames_seen_again;  /* all but tshark without -2 */
} sc_passes;

/* From a program's arguments. */
sc_passes sc_passes_for_args(int argc, const char *const *argv);

/* The same for this process (Linux: /proc/self/cmdline); the answers for
 * an unknown program when the command line cannot be read. */
sc_passes sc_passes_of_this_process(void);

#endif
