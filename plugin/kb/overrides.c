/* Provider overrides: matching and validation.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "overrides.h"

struct sc_override_set {
    GPtrArray *rows;
};

static void override_free(gpointer p)
{
    sc_override *row = p;

    g_free(row->phrase_contains);
    g_free(row->server_contains);
    g_free(row->description);
    g_free(row->cause);
    g_free(row->action);
    g_free(row);
}

sc_override_set *sc_override_set_new(void)
{
    sc_override_set *set = g_new0(sc_override_set, 1);

    set->rows = g_ptr_array_new_with_free_func(override_free);
    return set;
}

void sc_override_set_free(sc_override_set *set)
{
    if (!set)
        return;
    g_ptr_array_free(set->rows, TRUE);
    g_free(set);
}

static char *copy_text(const char *text)
{
    return g_strdup(text ? text : "");
}

void sc_override_set_add(sc_override_set *set, const sc_override *row)
{
    sc_override *copy = g_new(sc_override, 1);

    *copy = *row;
    copy->phrase_contains = copy_text(row->phrase_contains);
    copy->server_contains = copy_text(row->server_contains);
    copy->description = copy_text(row->description);
    copy->cause = copy_text(row->cause);
    copy->action = copy_text(row->action);
    g_ptr_array_add(set->rows, copy);
}

guint sc_override_set_count(const sc_override_set *set)
{
    return set ? set->rows->len : 0;
}

static gboolean contains_ignoring_case(const char *haystack, const char *needle)
{
    gsize needle_len = strlen(needle);

    if (needle_len == 0)
        return TRUE;
    if (!haystack)
        return FALSE;
    for (; *haystack; haystack++) {
        if (g_ascii_strncasecmp(haystack, needle, needle_len) == 0)
            return TRUE;
    }
    return FALSE;
}

const sc_override *sc_override_match(const sc_override_set *set, guint code,
                                     const char *phrase, const char *server)
{
    if (!set)
        return NULL;
    for (guint i = 0; i < set->rows->len; i++) {
        const sc_override *row = g_ptr_array_index(set->rows, i);
        if (row->code == code && contains_ignoring_case(phrase, row->phrase_contains)
            && contains_ignoring_case(server, row->server_contains))
            return row;
    }
    return NULL;
}

static char *vocabulary(void)
{
    GString *list = g_string_new(NULL);

    for (int d = 0; d < SC_DISP_COUNT; d++)
        g_string_append_printf(list, "%s\"%s\"", d ? ", " : "", sc_disposition_name((sc_disposition)d));
    return g_string_free(list, FALSE);
}

gboolean sc_override_parse(guint code, const char *disposition, const char *retry,
                           sc_override *row, char **error)
{
    row->code = code;
    if (code < 100 || code > 699) {
        *error = g_strdup_printf("code %u is not a SIP status code: use 100-699", code);
        return FALSE;
    }
    row->has_disposition = disposition && *disposition;
    if (row->has_disposition && !sc_disposition_from_name(disposition, &row->disposition)) {
        char *allowed = vocabulary();
        *error = g_strdup_printf("disposition \"%s\" is unknown: use one of %s, or leave it empty",
                                 disposition, allowed);
        g_free(allowed);
        return FALSE;
    }
    row->has_retry = retry && *retry;
    if (row->has_retry && !sc_retry_from_name(retry, &row->retry)) {
        *error = g_strdup_printf("retry \"%s\" is unknown: use no, yes, later or modified, or leave it empty",
                                 retry);
        return FALSE;
    }
    return TRUE;
}
