/* The outcome machine's Call-ID index: every message looks its Call-ID up,
 * so this is the machine's hottest lookup.
 *
 * Open addressing over one array of (hash, entry) slots: a lookup touches
 * its slot and, only when the stored hash matches, the entry it points at.
 * GLib's hash table would keep hashes and keys in two arrays and call back
 * into the caller twice, for one more cache miss per message.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_OUTCOME_CALL_ID_TABLE_H
#define SIPCODES_OUTCOME_CALL_ID_TABLE_H

#include <glib.h>

typedef struct call_id_slot call_id_slot;

typedef struct {
    call_id_slot *slots;
    gsize         mask;     /* slot count - 1; the count is a power of two */
    gsize         used;
} call_id_table;

/* The table keeps entries it does not own; each entry's first member is
 * its Call-ID text. */
typedef void (*call_id_table_func)(gpointer entry, gpointer user_data);

guint32  call_id_text_hash(const char *text, gsize len);
void     call_id_table_init(call_id_table *table);
void     call_id_table_clear(call_id_table *table);
gpointer call_id_table_find(const call_id_table *table, const char *text, guint32 hash);
/* The caller has checked that no entry with this text is in the table. */
void     call_id_table_insert(call_id_table *table, gpointer entry, guint32 hash);
/* Starts fetching the slot a lookup of this hash reads first. */
void     call_id_table_prefetch(const call_id_table *table, guint32 hash);
void     call_id_table_foreach(const call_id_table *table, call_id_table_func func, gpointer user_data);

#endif
