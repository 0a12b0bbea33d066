/* Output primitives: CSV, JSON, wrapped text, aligned tables.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "format.h"

void sc_csv_field(GString *out, const char *value)
{
    if (!value)
        return;
    /* RFC 4180 2.6/2.7; leading or trailing blanks are quoted too because
     * some importers trim unquoted fields. */
    if (strpbrk(value, ",\"\r\n") || g_ascii_isspace(value[0]) ||
        (value[0] && g_ascii_isspace(value[strlen(value) - 1]))) {
        g_string_append_c(out, '"');
        for (const char *p = value; *p; p++) {
            if (*p == '"')
                g_string_append_c(out, '"');
            g_string_append_c(out, *p);
        }
        g_string_append_c(out, '"');
    } else {
        g_string_append(out, value);
    }
}

void sc_csv_untrusted_field(GString *out, const char *value)
{
    /* OWASP CSV injection guidance: a leading quote makes the cell text. */
    if (value && value[0] != '\0' && strchr("=+-@\t\r", value[0])) {
        char *guarded = g_strconcat("'", value, NULL);
        sc_csv_field(out, guarded);
        g_free(guarded);
    } else {
        sc_csv_field(out, value);
    }
}

void sc_csv_uint_field(GString *out, guint value)
{
    g_string_append_printf(out, "%u", value);
}

void sc_csv_end_record(GString *out)
{
    g_string_append(out, "\r\n");
}

void sc_json_string(GString *out, const char *value)
{
    if (!value) {
        g_string_append(out, "null");
        return;
    }
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        switch (*p) {
        case '"':  g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                g_string_append_printf(out, "\\u%04x", *p);
            else
                g_string_append_c(out, (char)*p);
        }
    }
    g_string_append_c(out, '"');
}

void sc_json_key(GString *out, gboolean *first, const char *key)
{
    if (!*first)
        g_string_append_c(out, ',');
    *first = FALSE;
    sc_json_string(out, key);
    g_string_append_c(out, ':');
}

void sc_wrap(GString *out, const char *text, guint column, guint indent, guint width)
{
    char **words = g_strsplit_set(text ? text : "", " \t\n", -1);
    gboolean line_has_word = FALSE;

    for (char **w = words; *w; w++) {
        guint len = (guint)g_utf8_strlen(*w, -1);
        if (len == 0)
            continue;
        if (line_has_word && column + 1 + len > width) {
            g_string_append_c(out, '\n');
            for (guint i = 0; i < indent; i++)
                g_string_append_c(out, ' ');
            column = indent;
            line_has_word = FALSE;
        }
        if (line_has_word) {
            g_string_append_c(out, ' ');
            column++;
        }
        g_string_append(out, *w);
        column += len;
        line_has_word = TRUE;
    }
    g_string_append_c(out, '\n');
    g_strfreev(words);
}

static void pad(GString *out, guint n)
{
    for (guint i = 0; i < n; i++)
        g_string_append_c(out, ' ');
}

static void append_row(GString *out, const sc_text_column *columns, guint n_columns,
                       const guint *widths, const char *const *cells)
{
    GString *line = g_string_new(NULL);

    for (guint c = 0; c < n_columns; c++) {
        const char *cell = cells[c] ? cells[c] : "";
        guint len = (guint)g_utf8_strlen(cell, -1);
        if (c > 0)
            g_string_append(line, "  ");
        if (columns[c].right)
            pad(line, widths[c] - len);
        g_string_append(line, cell);
        if (!columns[c].right)
            pad(line, widths[c] - len);
    }
    /* Trailing blanks of the last, left-aligned column are noise. */
    while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate(line, line->len - 1);
    g_string_append_len(out, line->str, (gssize)line->len);
    g_string_append_c(out, '\n');
    g_string_free(line, TRUE);
}

void sc_text_table(GString *out, const sc_text_column *columns, guint n_columns,
                   GPtrArray *rows)
{
    guint *widths = g_new0(guint, n_columns);
    const char **titles = g_new0(const char *, n_columns);

    for (guint c = 0; c < n_columns; c++) {
        titles[c] = columns[c].title;
        widths[c] = (guint)g_utf8_strlen(columns[c].title, -1);
    }
    for (guint r = 0; r < rows->len; r++) {
        char **cells = g_ptr_array_index(rows, r);
        for (guint c = 0; c < n_columns; c++) {
            guint len = cells[c] ? (guint)g_utf8_strlen(cells[c], -1) : 0;
            widths[c] = MAX(widths[c], len);
        }
    }
    append_row(out, columns, n_columns, widths, titles);
    for (guint r = 0; r < rows->len; r++)
        append_row(out, columns, n_columns, widths, g_ptr_array_index(rows, r));
    g_free(titles);
    g_free(widths);
}

char *sc_utf8_copy(const char *text)
{
    return g_utf8_make_valid(text ? text : "", -1);
}
