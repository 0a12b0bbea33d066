/* Knowledge-base entries as text, CSV or JSON.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_KB_RENDER_H
#define SIPCODES_CLI_KB_RENDER_H

#include "cli.h"
#include "kb_entry.h"

/* One entry: text, a CSV header plus one row, or one JSON object. */
void sc_render_entry(GString *out, const sc_entry *entry, sc_format format);

/* Many entries: text blocks, one CSV table, or a JSON object with one
 * array per kind. */
void sc_render_entries(GString *out, GArray *entries, sc_format format);

#endif
