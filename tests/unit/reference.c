/* Reading the reference TSVs for the unit tests.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include "reference.h"

#ifndef SIPCODES_REFERENCE_DIR
#define SIPCODES_REFERENCE_DIR "tests/reference"
#endif

gchar ***read_tsv(const char *name, guint min_columns)
{
    gchar *path = g_build_filename(SIPCODES_REFERENCE_DIR, name, NULL);
    gchar *contents = NULL;
    GError *error = NULL;

    if (!g_file_get_contents(path, &contents, NULL, &error))
        g_error("cannot read %s: %s", path, error->message);

    gchar **lines = g_strsplit(contents, "\n", -1);
    GPtrArray *rows = g_ptr_array_new();
    for (guint i = 1; lines[i]; i++) {
        g_strchomp(lines[i]);            /* tolerate CRLF files */
        if (lines[i][0] == '\0')
            continue;
        gchar **cols = g_strsplit(lines[i], "\t", -1);
        if (g_strv_length(cols) < min_columns)
            g_error("%s line %u: fewer than %u columns", path, i + 1, min_columns);
        g_ptr_array_add(rows, cols);
    }
    g_ptr_array_add(rows, NULL);
    g_strfreev(lines);
    g_free(contents);
    g_free(path);
    return (gchar ***)g_ptr_array_free(rows, FALSE);
}

void free_rows(gchar ***rows)
{
    for (guint i = 0; rows[i]; i++)
        g_strfreev(rows[i]);
    g_free(rows);
}

guint row_count(gchar ***rows)
{
    guint n = 0;
    while (rows[n])
        n++;
    return n;
}

void assert_plain_text(const char *text)
{
    g_assert_nonnull(text);
    g_assert_cmpuint(strlen(text), >, 0);
    for (const char *p = text; *p; p++)
        g_assert_true(*p >= 0x20 && *p < 0x7f);
    g_assert_false(g_ascii_isspace(text[0]));
    g_assert_false(g_ascii_isspace(text[strlen(text) - 1]));
}


rfc3398_mapping parse_rfc3398_mapping(const char *text)
{
    rfc3398_mapping m = { 0, 0, FALSE };
    char *end = NULL;
    const char *paren;

    if (!g_ascii_isdigit(text[0]))
        return m;
    m.code = (guint)strtoul(text, &end, 10);
    m.is_default = strstr(text, "(default") != NULL;
    paren = strchr(end, '(');
    if (paren && g_ascii_isdigit(paren[1]))
        m.alt = (guint)strtoul(paren + 1, NULL, 10);
    return m;
}
