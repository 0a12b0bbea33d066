/* The sipcodes preferences (Protocols -> sipcodes) and the provider
 * overrides table (UAT "sipcodes_overrides").
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_PREFERENCES_H
#define SIPCODES_PREFERENCES_H

#include <glib.h>
#include "kb/overrides.h"
#include "compat.h"

typedef struct {
    sc_pref_bool enabled;
    guint        no_final_timeout_s;   /* Timer B */
    guint        timer_c_s;
    sc_pref_bool provisional_subtree;
    sc_pref_bool disposition_in_info;
} sc_preferences;

extern sc_preferences sipcodes_prefs;

void sipcodes_register_preferences(int proto);

/* The overrides as loaded now; stays valid until sipcodes_release_overrides(). */
const sc_override_set *sipcodes_overrides(void);

/* Builds the overrides from the table if loading it never finished. */
void sipcodes_prepare_overrides(void);

/* The capture is closed: sets the UAT replaced since can be freed. */
void sipcodes_release_overrides(void);

#endif
