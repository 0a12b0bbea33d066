/* One knowledge-base entry as `sipcodes explain` shows it, whatever table it
 * comes from: a SIP status code, a Q.850 cause or a warn-code. Every string
 * points into the kb library's own tables (or is a static note), so the
 * command shows exactly what the plugin shows.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_KB_ENTRY_H
#define SIPCODES_CLI_KB_ENTRY_H

#include <glib.h>
#include "kb.h"

typedef enum {
    SC_ENTRY_SIP,
    SC_ENTRY_Q850,
    SC_ENTRY_WARNING,
} sc_entry_kind;

typedef struct {
    sc_entry_kind kind;
    guint         code;
    const char   *name;          /* reason phrase, ITU name, warn-text; NULL when unregistered */
    const char   *category;      /* SIP class, Q.850 class, warn-code range */
    const char   *reference;     /* defining document */
    const char   *registered;    /* "yes", "no" or "historic" */
    guint         explained_as;  /* the class code whose text applies; 0 = its own */
    const char   *explained_as_name;
    const char   *description;
    const char   *causes[SC_MAX_CAUSES];
    const char   *action;
    const char   *disposition;   /* SIP only */
    const char   *retry;         /* SIP only */
    const char   *fault;         /* SIP only */
    guint         maps_to;       /* SIP: Q.850 cause (RFC 3398 8.2.6.1); Q.850: SIP code (7.2.4.1); 0 none */
    guint         maps_to_alt;   /* Q.850 only: conditional alternative SIP code */
    const char   *maps_to_note;  /* the condition behind the mapping */
    gboolean      maps_to_default; /* the mapping is RFC 3398's catch-all, not a table row */
} sc_entry;

const char *sc_entry_kind_name(sc_entry_kind kind);   /* "sip", "q850", "warning" */

/* FALSE when the kb cannot explain it: outside 100..699, Q.850 outside
 * 1..127, a warn-code in no RFC 3261 range. */
gboolean sc_entry_sip(guint code, sc_entry *out);
gboolean sc_entry_q850(guint cause, sc_entry *out);
gboolean sc_entry_warning(guint code, sc_entry *out);

/* Every registered entry of the kb, SIP codes, then Q.850 causes, then
 * warn-codes, each ascending. */
GArray *sc_entries_all(void);

#endif
