/* Plugin entry points: how Wireshark finds and registers sipcodes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/proto.h>
#include "compat.h"
#include "packet-sipcodes.h"

/* plugin_version, plugin_want_major/minor, and from 4.4 on plugin_describe:
 * sipcodes dissects (a post-dissector) and registers taps (statistics). */
SC_PLUGIN_EXPORTS(SIPCODES_VERSION, WS_PLUGIN_DESC_DISSECTOR | WS_PLUGIN_DESC_TAP_LISTENER);

void plugin_register(void)
{
    static proto_plugin sipcodes_plugin;

    sipcodes_plugin.register_protoinfo = proto_register_sipcodes;
    sipcodes_plugin.register_handoff = proto_reg_handoff_sipcodes;
    proto_register_plugin(&sipcodes_plugin);
}
