/* Reads one SIP message from its bytes into an sc_sip_message, the way
 * Wireshark's SIP dissector reads the same headers into its fields.
 *
 * This is sipcodes' one reader of SIP: extract.c only finds where each
 * message lies (DESIGN 3). Reading SIP's fields instead would make tshark
 * build a protocol tree for every packet of every run. Where SIP's field
 * values have quirks (CSeq read with strtoul, no header read after a CSeq
 * without method), this parser has the same quirks, so that what sipcodes
 * shows agrees with what Wireshark shows; tests/integration/
 * test_parser_vs_sip.py holds it against SIP's fields on real captures.
 *
 * No Wireshark types: unit-tested and fuzzed alone.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_SIP_PARSE_H
#define SIPCODES_SIP_PARSE_H

#include <glib.h>
#include "sip_message.h"

/* Copies `len` bytes of `text` into a NUL-terminated string that lives at
 * least as long as the message struct is used. */
typedef char *(*sc_copy_text_fn)(gpointer pool, const char *text, gsize len);

/* The constant text of a common method (SIP compares them case by case),
 * or NULL: nearly every message names one, and pointing at a constant
 * spares a copy. */
const char *sc_sip_method_constant(const char *text, gsize len);

/* Bytes of CR and LF before a message (keep-alives between TCP messages). */
gsize sc_sip_leading_newlines(const char *data, gsize len);

/* Parses the message that starts at data[0]. Returns the message's length
 * (start line, headers, blank line and a body of Content-Length bytes, cut
 * at `len`), or 0 when data does not start with a SIP request or status
 * line. Fills the members of `msg` that the decide layer reads, except
 * frame, time and endpoints; every message is parsed, so it skips what
 * nothing reads:
 * - the From and To URIs only for initial INVITE requests (no To tag), the
 *   only messages that start a call, and the From tag only for INVITE, BYE
 *   and CANCEL requests (who ended a call);
 * - Server (else User-Agent) only for responses, which overrides match;
 * - nothing but the method of an ACK, which no response answers and which
 *   decides nothing. */
gsize sc_sip_parse_message(const char *data, gsize len, sc_sip_message *msg,
                           sc_copy_text_fn copy, gpointer pool);

#endif
