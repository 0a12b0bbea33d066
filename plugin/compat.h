/* Every difference between the Wireshark versions sipcodes supports
 * (4.0, 4.2, 4.4, 4.6) sits here; no other file tests a version.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_COMPAT_H
#define SIPCODES_COMPAT_H

#include <ws_version.h>

#define SC_WS_AT_LEAST(major, minor) \
    (WIRESHARK_VERSION_MAJOR > (major) || \
     (WIRESHARK_VERSION_MAJOR == (major) && WIRESHARK_VERSION_MINOR >= (minor)))

/* field_info.value became a pointer in 4.2. */
#if SC_WS_AT_LEAST(4, 2)
#define SC_FINFO_FVALUE(fi) ((fi)->value)
#else
#define SC_FINFO_FVALUE(fi) (&(fi)->value)
#endif

/* Preference and UAT callbacks return bool from 4.2/4.4 on; GCC 14 rejects
 * the old gboolean prototypes. */
#if SC_WS_AT_LEAST(4, 4)
typedef bool sc_cb_bool;
#else
typedef gboolean sc_cb_bool;
#endif


/* stat_tap_table_ui init callbacks return bool from 4.6 on. */
#if SC_WS_AT_LEAST(4, 6)
typedef bool sc_stat_tap_init_result;
#define SC_STAT_TAP_INIT_RETURN return true
#else
typedef void sc_stat_tap_init_result;
#define SC_STAT_TAP_INIT_RETURN return
#endif

/* Plugins describe themselves to About -> Plugins from 4.4 on. */
#define SC_HAVE_PLUGIN_DESCRIBE SC_WS_AT_LEAST(4, 4)

#endif
