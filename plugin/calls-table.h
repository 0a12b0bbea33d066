/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SIPCODES_CALLS_TABLE_H
#define SIPCODES_CALLS_TABLE_H

/* Registers the per-call table (GUI table dialog and tshark -z sipcodes,calls);
 * called from register_sipcodes_stats(). */
void register_sipcodes_calls_table(void);

#endif
