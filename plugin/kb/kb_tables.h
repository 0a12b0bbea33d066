/* The knowledge base's data tables, shared between the table files and the
 * lookup code; not part of the public kb.h interface.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_KB_TABLES_H
#define SIPCODES_KB_TABLES_H

#include "kb.h"

extern const sc_code_info sc_code_table[];
extern const gsize        sc_code_table_len;

#endif
