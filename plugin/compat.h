/* Every difference between the Wireshark versions sipcodes supports
 * (4.0, 4.2, 4.4, 4.6) sits here; no other file tests a version.
 *
 * Checked against the headers of Debian 12 (4.0), Debian 13 (4.4) and sid
 * (4.6) by scripts/version-matrix.sh. No Debian release ships 4.2: where a
 * change's exact release between 4.0 and 4.4 is not known, the threshold
 * below says so.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_COMPAT_H
#define SIPCODES_COMPAT_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>
#include <ws_version.h>

#define SC_WS_AT_LEAST(major, minor) \
    (WIRESHARK_VERSION_MAJOR > (major) || \
     (WIRESHARK_VERSION_MAJOR == (major) && WIRESHARK_VERSION_MINOR >= (minor)))

/* ---- plugin entry points ------------------------------------------------
 *
 * Every version's loader (wsutil/plugins.c) looks up plugin_version,
 * plugin_want_major, plugin_want_minor and plugin_register; 4.4 and 4.6 still
 * do (the WIRESHARK_PLUGIN_REGISTER_* macros and plugin_type came later).
 * From 4.4 on it also calls an optional plugin_describe(), which returns
 * WS_PLUGIN_DESC_* flags as a uint32_t (not a text): tshark -G plugins and
 * About -> Plugins show them as the plugin's type.
 *
 * plugin.c says, at file scope:
 *     SC_PLUGIN_EXPORTS(SIPCODES_VERSION,
 *                       WS_PLUGIN_DESC_DISSECTOR | WS_PLUGIN_DESC_TAP_LISTENER);
 * and then defines void plugin_register(void). Before 4.4 the flags are
 * dropped unseen (the WS_PLUGIN_DESC_* names do not exist there). */
#if SC_WS_AT_LEAST(4, 4)
#include <wsutil/plugins.h>
#define SC_HAVE_PLUGIN_DESCRIBE 1
#define SC_PLUGIN_DESCRIBE_DEF(flags) \
    WS_DLL_PUBLIC uint32_t plugin_describe(void); \
    uint32_t plugin_describe(void) { return (uint32_t)(flags); }
#else
#define SC_HAVE_PLUGIN_DESCRIBE 0
#define SC_PLUGIN_DESCRIBE_DEF(flags)
#endif

#define SC_PLUGIN_EXPORTS(version, describe_flags) \
    WS_DLL_PUBLIC_DEF const char plugin_version[] = version; \
    WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR; \
    WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR; \
    SC_PLUGIN_DESCRIBE_DEF(describe_flags) \
    WS_DLL_PUBLIC void plugin_register(void)

/* ---- proto tree --------------------------------------------------------- */

/* field_info.value became a pointer in 4.2. */
#if SC_WS_AT_LEAST(4, 2)
#define SC_FINFO_FVALUE(fi) ((fi)->value)
#else
#define SC_FINFO_FVALUE(fi) (&(fi)->value)
#endif

/* ---- tvbuff --------------------------------------------------------------- */

/* tvb_get_guint8() is deprecated from 4.4 on (a -Wdeprecated-declarations
 * warning) in favour of tvb_get_uint8(), which 4.0 does not have. */
#if SC_WS_AT_LEAST(4, 4)
#define sc_tvb_get_uint8(tvb, offset) tvb_get_uint8((tvb), (offset))
#else
#define sc_tvb_get_uint8(tvb, offset) tvb_get_guint8((tvb), (offset))
#endif

/* ---- preferences and UATs ----------------------------------------------- */

/* A boolean preference: prefs_register_bool_preference() takes a bool * from
 * 4.2 on (checked: bool * in 4.4 and 4.6, gboolean * in 4.0; GCC 14 rejects
 * the mismatch), so the variables it points at are of this type. */
#if SC_WS_AT_LEAST(4, 2)
typedef bool sc_pref_bool;
#else
typedef gboolean sc_pref_bool;
#endif

/* UAT callbacks (uat_update_cb_t, field checks) return bool from 4.4 on
 * (checked in 4.4 and 4.6; 4.2 not built); GCC 14 rejects the old gboolean
 * prototypes. */
#if SC_WS_AT_LEAST(4, 4)
typedef bool sc_cb_bool;
#else
typedef gboolean sc_cb_bool;
#endif

/* ---- statistics ---------------------------------------------------------- */

/* The Telephony menu group: REGISTER_STAT_GROUP_TELEPHONY in 4.0,
 * REGISTER_TELEPHONY_GROUP_UNSORTED in 4.4 and 4.6 (4.2 not built). */
#if SC_WS_AT_LEAST(4, 4)
#define SC_STAT_GROUP_TELEPHONY REGISTER_TELEPHONY_GROUP_UNSORTED
#else
#define SC_STAT_GROUP_TELEPHONY REGISTER_STAT_GROUP_TELEPHONY
#endif

/* Tap packet callbacks take a tap_flags_t and return tap_packet_status in
 * every supported version; wmem_packet_scope() is gone in 4.6, so code uses
 * pinfo->pool (there since 3.x) and needs nothing here. */

#endif
