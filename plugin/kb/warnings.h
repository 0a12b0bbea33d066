/* sipcodes knowledge base: SIP Warning header warn-codes (RFC 3261 20.43,
 * RFC 5630, RFC 8373) and a parser for raw Warning header values.
 *
 * Pure data plus lookups; no Wireshark headers.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_WARNINGS_H
#define SIPCODES_WARNINGS_H

#include <glib.h>

typedef struct {
    guint16     code;
    const char *text;         /* the registered warn-text, verbatim */
    const char *rfc;          /* defining RFC, e.g. "RFC 3261" */
    const char *description;  /* what it means, in plain words */
    const char *action;       /* the recommended next step */
} sc_warning_info;

const sc_warning_info *sc_warning_lookup(guint code);   /* NULL when not registered */
const sc_warning_info *sc_warnings(gsize *count);       /* every row, ascending */

/* The RFC 3261 20.43 range a warn-code falls in ("session description",
 * "network service", "quality of service", "SIPS" for RFC 5630's 380s,
 * "miscellaneous"), so an unregistered code can still be placed; NULL for
 * codes outside every range. */
const char *sc_warning_category(guint code);

/* One warning-value of a Warning header (RFC 3261 25.1:
 * warn-code SP warn-agent SP warn-text). Offsets and lengths point into the
 * header string given to sc_warning_parse(), so nothing is allocated and the
 * values live exactly as long as that string. */
typedef struct {
    guint    code;          /* 0 unless the value starts with exactly three digits */
    gsize    agent_offset;  /* warn-agent (hostport or pseudonym) */
    gsize    agent_len;     /* 0 when missing */
    gsize    text_offset;   /* warn-text without its quotes, escapes as sent */
    gsize    text_len;
    gboolean malformed;     /* the value breaks the grammar; fields hold what could be read */
} sc_warning_value;

/* Parses up to max comma-separated warning-values from one header value
 * (commas inside the quoted warn-text do not split). Returns how many were
 * stored in out. Empty list elements are skipped; anything else that is not
 * a well-formed value is returned with malformed set, and parsing resumes at
 * the next comma outside quotes. NULL input, NULL out or max 0 give 0. */
guint sc_warning_parse(const char *header_value, sc_warning_value *out, guint max);

/* Copies a value's warn-text into buf with quoted-pairs (\" and \\) resolved,
 * always NUL-terminated when size > 0. Returns the length of the whole
 * resolved text, so a result >= size means it was truncated. */
gsize sc_warning_copy_text(const char *header_value, const sc_warning_value *value,
                           char *buf, gsize size);

#endif
