/* Reading the reference TSVs (tests/reference/, a copy of the facts the
 * knowledge base is built on) for the unit tests' coverage checks.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_TEST_REFERENCE_H
#define SIPCODES_TEST_REFERENCE_H

#include <glib.h>

/* Rows of a TSV file without its header line, each a NULL-terminated vector
 * of columns; NULL-terminated itself. Free with free_rows(). */
gchar ***read_tsv(const char *name, guint min_columns);
void     free_rows(gchar ***rows);
guint    row_count(gchar ***rows);

/* The RFC 3398 7.2.4.1 column of q850_causes.tsv: "486",
 * "500 (default: cause not listed)", "403 (603 if ...)", "none (...)". */
typedef struct {
    guint    code;        /* 0 for "none" */
    guint    alt;         /* the conditional alternative, 0 if none */
    gboolean is_default;  /* the 500 catch-all, not a row of the RFC's table */
} rfc3398_mapping;

rfc3398_mapping parse_rfc3398_mapping(const char *text);

/* Knowledge-base texts are printable ASCII without leading or trailing
 * blanks: they end up in tshark columns, CSV and JSON. */
void     assert_plain_text(const char *text);

#endif
