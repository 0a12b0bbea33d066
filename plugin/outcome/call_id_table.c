/* SPDX-License-Identifier: GPL-2.0-or-later */
#include <string.h>
#include "call_id_table.h"

#define INITIAL_SLOTS 1024

struct call_id_slot {
    guint32  hash;
    gpointer entry;     /* NULL: free */
};

/* Call-IDs are long: eight bytes at a time. */
guint32 call_id_text_hash(const char *text, gsize len)
{
    const guint64 mul = G_GUINT64_CONSTANT(0xff51afd7ed558ccd);
    guint64 h = (guint64)len * G_GUINT64_CONSTANT(0x9e3779b97f4a7c15);
    guint64 word;

    for (; len >= 8; text += 8, len -= 8) {
        memcpy(&word, text, 8);
        h = (h ^ word) * mul;
        h ^= h >> 32;
    }
    if (len) {
        word = 0;
        memcpy(&word, text, len);
        h = (h ^ word) * mul;
        h ^= h >> 32;
    }
    return (guint32)(h ^ (h >> 29));
}

void call_id_table_init(call_id_table *table)
{
    table->slots = g_new0(call_id_slot, INITIAL_SLOTS);
    table->mask = INITIAL_SLOTS - 1;
    table->used = 0;
}

void call_id_table_clear(call_id_table *table)
{
    g_free(table->slots);
    table->slots = NULL;
    table->mask = 0;
    table->used = 0;
}

static const char *text_of(gconstpointer entry)
{
    return *(const char *const *)entry;
}

gpointer call_id_table_find(const call_id_table *table, const char *text, guint32 hash)
{
    for (gsize i = hash & table->mask;; i = (i + 1) & table->mask) {
        const call_id_slot *slot = &table->slots[i];
        if (!slot->entry)
            return NULL;
        if (slot->hash == hash && strcmp(text_of(slot->entry), text) == 0)
            return slot->entry;
    }
}

static void place(call_id_slot *slots, gsize mask, gpointer entry, guint32 hash)
{
    gsize i = hash & mask;

    while (slots[i].entry)
        i = (i + 1) & mask;
    slots[i].hash = hash;
    slots[i].entry = entry;
}

/* Linear probing stays short while at most three slots in four are
 * taken; a denser table is a smaller one, and each lookup's first slot is
 * a cache miss. */
static void grow(call_id_table *table)
{
    gsize old_count = table->mask + 1;
    gsize new_mask = old_count * 2 - 1;
    call_id_slot *old = table->slots;
    call_id_slot *slots = g_new0(call_id_slot, new_mask + 1);

    for (gsize i = 0; i < old_count; i++) {
        if (old[i].entry)
            place(slots, new_mask, old[i].entry, old[i].hash);
    }
    g_free(old);
    table->slots = slots;
    table->mask = new_mask;
}

void call_id_table_insert(call_id_table *table, gpointer entry, guint32 hash)
{
    if ((table->used + 1) * 4 > (table->mask + 1) * 3)
        grow(table);
    place(table->slots, table->mask, entry, hash);
    table->used++;
}

void call_id_table_prefetch(const call_id_table *table, guint32 hash)
{
#if defined(__GNUC__)
    __builtin_prefetch(&table->slots[hash & table->mask]);
#else
    (void)table;
    (void)hash;
#endif
}

void call_id_table_foreach(const call_id_table *table, call_id_table_func func, gpointer user_data)
{
    for (gsize i = 0; i <= table->mask && table->slots; i++) {
        if (table->slots[i].entry)
            func(table->slots[i].entry, user_data);
    }
}
