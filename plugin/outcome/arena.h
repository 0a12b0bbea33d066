/* Bump allocator for the outcome machine's records.
 *
 * A capture can hold millions of calls and every message gets a record whose
 * address callers keep until the machine is freed; one malloc per record
 * would cost more in allocator overhead than the records themselves.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_OUTCOME_ARENA_H
#define SIPCODES_OUTCOME_ARENA_H

#include <glib.h>

typedef struct sc_arena sc_arena;

sc_arena *sc_arena_new(void);
void      sc_arena_free(sc_arena *arena);

/* Zero-filled, suitably aligned for any record; lives until sc_arena_free(). */
gpointer  sc_arena_alloc0(sc_arena *arena, gsize size);

#define sc_arena_new0(arena, type) ((type *)sc_arena_alloc0((arena), sizeof(type)))

#endif
