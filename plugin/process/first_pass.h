/* Whether the program sipcodes runs in taps its first pass over a capture.
 *
 * sipcodes must meet every SIP message on the first, sequential pass, the
 * one that decides (DESIGN 2). Where that pass runs taps, SIP hands each
 * message's bytes to its "sip_follow" tap and nothing more is needed. Where
 * it runs none (tshark -2, sharkd), only a protocol tree shows where the
 * messages lie, and a post-dissector gets one only by naming a field it
 * wants; that makes every packet of the run build a tree, which costs
 * about a fifth of a plain tshark run. Wireshark tells a plugin neither
 * which program loaded it nor whether -2 was given, so the answer comes
 * from the process's own command line, and is "no" whenever in doubt:
 * naming the field is always correct, only slower.
 *
 * No Wireshark types: unit-tested alone.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_FIRST_PASS_H
#define SIPCODES_FIRST_PASS_H

#include <glib.h>

/* From a program's arguments: TRUE for the Wireshark GUI, and for tshark
 * without -2 (--two-pass) among its options; FALSE for anything else. */
gboolean sc_first_pass_taps_for_args(int argc, const char *const *argv);

/* The same for this process (Linux: /proc/self/cmdline); FALSE when the
 * command line cannot be read. */
gboolean sc_first_pass_taps(void);

#endif
