/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "arena.h"

#define ARENA_BLOCK_SIZE (64 * 1024)

/* Records hold only pointers, doubles and integers; max_align_t (16 on
 * x86-64) would pad every 40-byte response record to 48. */
#define ARENA_ALIGNMENT ((gsize)8)
G_STATIC_ASSERT(G_ALIGNOF(double) <= ARENA_ALIGNMENT);
G_STATIC_ASSERT(G_ALIGNOF(gpointer) <= ARENA_ALIGNMENT);
G_STATIC_ASSERT(G_ALIGNOF(guint64) <= ARENA_ALIGNMENT);

struct sc_arena {
    GSList *blocks;
    char   *next_free;
    gsize   bytes_left;
};

sc_arena *sc_arena_new(void)
{
    return g_new0(sc_arena, 1);
}

void sc_arena_free(sc_arena *arena)
{
    if (!arena)
        return;
    g_slist_free_full(arena->blocks, g_free);
    g_free(arena);
}

static void arena_grow(sc_arena *arena, gsize at_least)
{
    gsize size = MAX((gsize)ARENA_BLOCK_SIZE, at_least);
    char *block = g_malloc0(size);

    arena->blocks = g_slist_prepend(arena->blocks, block);
    arena->next_free = block;
    arena->bytes_left = size;
}

gpointer sc_arena_alloc0(sc_arena *arena, gsize size)
{
    gsize rounded = (size + ARENA_ALIGNMENT - 1) & ~(ARENA_ALIGNMENT - 1);
    gpointer record;

    if (rounded > arena->bytes_left)
        arena_grow(arena, rounded);
    record = arena->next_free;
    arena->next_free += rounded;
    arena->bytes_left -= rounded;
    return record;
}
