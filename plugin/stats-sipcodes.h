/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SIPCODES_STATS_SIPCODES_H
#define SIPCODES_STATS_SIPCODES_H

/* Where sipcodes' statistics sit in Wireshark's menus. Wireshark (4.0 to
 * 4.6) lists a plugin's stats tree only under Statistics, and each table
 * only flat under the one menu its group names: no single entry can hold
 * them all. So every entry starts with the same name and they sort
 * together: Statistics > SIP Response Insight (the tree), Telephony >
 * SIP Response Insight: Calls, and every later table "...: <what>".
 * A table's name is also its window title and tshark's heading for it. */
#define SC_MENU_NAME "SIP Response Insight"
#define SC_MENU_ENTRY(what) SC_MENU_NAME ": " what

/* Registers the stats tree and the per-call table; call from proto_register. */
void register_sipcodes_stats(void);

#endif
