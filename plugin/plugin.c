/* Plugin entry points: how Wireshark finds and registers sipcodes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/proto.h>
#include "compat.h"
#include "packet-sipcodes.h"

WS_DLL_PUBLIC_DEF const gchar plugin_version[] = SIPCODES_VERSION;
WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;

WS_DLL_PUBLIC void plugin_register(void);

#if SC_HAVE_PLUGIN_DESCRIBE
WS_DLL_PUBLIC const char *plugin_describe(void);

const char *plugin_describe(void)
{
    return "Explains every SIP response and tallies call outcomes";
}
#endif

void plugin_register(void)
{
    static proto_plugin sipcodes_plugin;

    sipcodes_plugin.register_protoinfo = proto_register_sipcodes;
    sipcodes_plugin.register_handoff = proto_reg_handoff_sipcodes;
    proto_register_plugin(&sipcodes_plugin);
}
