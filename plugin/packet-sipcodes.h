/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef SIPCODES_PACKET_SIPCODES_H
#define SIPCODES_PACKET_SIPCODES_H

void proto_register_sipcodes(void);
void proto_reg_handoff_sipcodes(void);

#endif
