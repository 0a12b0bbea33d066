/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SIPCODES_STATS_SIPCODES_H
#define SIPCODES_STATS_SIPCODES_H

/* Registers the stats tree and the per-call table; call from proto_register. */
void register_sipcodes_stats(void);

#endif
