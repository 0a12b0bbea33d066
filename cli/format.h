/* Output primitives shared by explain and report: CSV fields (RFC 4180),
 * JSON strings, wrapped text and aligned text tables.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_FORMAT_H
#define SIPCODES_CLI_FORMAT_H

#include <glib.h>

/* Appends one CSV field (NULL = empty), quoted only when it must be. */
void sc_csv_field(GString *out, const char *value);
/* The same for text that came off the wire (Call-ID, From, To, reason):
 * a leading = + - @ would make a spreadsheet evaluate it as a formula. */
void sc_csv_untrusted_field(GString *out, const char *value);
void sc_csv_uint_field(GString *out, guint value);
/* Ends a record: RFC 4180 wants CRLF. */
void sc_csv_end_record(GString *out);

/* Appends a JSON string literal, or null for NULL. value must be UTF-8. */
void sc_json_string(GString *out, const char *value);
/* "key": prefixed by a comma unless first. */
void sc_json_key(GString *out, gboolean *first, const char *key);

/* Appends text word-wrapped to width columns: the first line continues at
 * column `column` (already written), the following ones start at `indent`. */
void sc_wrap(GString *out, const char *text, guint column, guint indent, guint width);

/* Columns of a text table, left or right aligned. */
typedef struct {
    const char *title;
    gboolean    right;
} sc_text_column;

/* Appends a table: rows is an array of char *[n_columns] (NULL cells are
 * empty), every column as wide as its widest cell. */
void sc_text_table(GString *out, const sc_text_column *columns, guint n_columns,
                   GPtrArray *rows);

/* Valid UTF-8 copy of bytes that came from another program. */
char *sc_utf8_copy(const char *text);

#endif
