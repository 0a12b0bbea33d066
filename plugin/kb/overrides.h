/* Provider overrides: a user's own meaning for a status code, optionally
 * only when the reason phrase or the Server/User-Agent header contains a
 * given text. Providers use codes their own way (one trunk's 603 means
 * "cost limit exceeded"). Plain data; the Wireshark UAT that fills it lives
 * in the plugin.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_OVERRIDES_H
#define SIPCODES_OVERRIDES_H

#include <glib.h>
#include "kb.h"

typedef struct {
    guint          code;
    char          *phrase_contains;   /* "" matches any phrase */
    char          *server_contains;   /* "" matches any Server / User-Agent */
    char          *description;       /* "" keeps the knowledge base's */
    char          *cause;
    char          *action;
    gboolean       has_disposition;
    sc_disposition disposition;
    gboolean       has_retry;
    sc_retry       retry;
} sc_override;

typedef struct sc_override_set sc_override_set;

sc_override_set   *sc_override_set_new(void);
void               sc_override_set_free(sc_override_set *set);
/* Copies the row. */
void               sc_override_set_add(sc_override_set *set, const sc_override *row);
guint              sc_override_set_count(const sc_override_set *set);

/* The first row that matches, or NULL. Texts match case-insensitively as
 * substrings; a NULL phrase or server only matches an empty column. */
const sc_override *sc_override_match(const sc_override_set *set, guint code,
                                     const char *phrase, const char *server);

/* Checks the typed columns of a row as a user wrote them; disposition and
 * retry may be empty (keep the knowledge base's). On failure returns FALSE
 * and a message for the user in *error (g_free it). */
gboolean sc_override_parse(guint code, const char *disposition, const char *retry,
                           sc_override *row, char **error);

#endif
