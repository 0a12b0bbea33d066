/* Where a Q.850 cause was set: the location field of the ISUP cause
 * indicators, carried in SIP by RFC 8606's "location" Reason parameter
 * (Reason: Q.850;cause=17;location=LN).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include "q850.h"

/* Q.850 reserves 6, 8, 9 and 11 to 15. */
static const sc_q850_location_info locations[] = {
    { 0, "U", "user", FALSE },
    { 1, "LPN", "private network serving the local user", FALSE },
    { 2, "LN", "public network serving the local user", TRUE },
    { 3, "TN", "transit network", TRUE },
    { 4, "RLN", "public network serving the remote user", TRUE },
    { 5, "RPN", "private network serving the remote user", FALSE },
    { 7, "INTL", "international network", TRUE },
    { 10, "BI", "network beyond the interworking point", TRUE },
};

const sc_q850_location_info *sc_q850_location(guint location)
{
    for (gsize i = 0; i < G_N_ELEMENTS(locations); i++) {
        if (locations[i].code == location)
            return &locations[i];
    }
    return NULL;
}

static gboolean parse_number(const char *text, gsize len, guint *out)
{
    guint value = 0;

    if (len == 0 || len > 2)
        return FALSE;
    for (gsize i = 0; i < len; i++) {
        if (!g_ascii_isdigit(text[i]))
            return FALSE;
        value = value * 10 + (guint)(text[i] - '0');
    }
    if (!sc_q850_location(value))
        return FALSE;
    *out = value;
    return TRUE;
}

gboolean sc_q850_location_parse(const char *text, gsize len, guint *location)
{
    if (!text)
        return FALSE;
    if (parse_number(text, len, location))
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(locations); i++) {
        if (strlen(locations[i].token) == len && g_ascii_strncasecmp(locations[i].token, text, len) == 0) {
            *location = locations[i].code;
            return TRUE;
        }
    }
    return FALSE;
}

/* What the location says about how much the cause weighs against the
 * status beside it. */
const char *sc_q850_location_provenance(const sc_q850_location_info *where)
{
    if (!where)
        return NULL;
    if (where->network)
        return "Set by a public network: the call was released in the PSTN and the cause came "
               "through an ISUP gateway, so it is first-hand.";
    if (where->code == 0)
        return "Set by the called user's own equipment.";
    return "Set by a private network (a PBX) serving one of the parties.";
}
