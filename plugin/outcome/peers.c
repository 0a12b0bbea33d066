/* Peers: the addresses INVITE transactions were answered from, as text.
 *
 * A capture holds a handful of peers (carriers, gateways, PBXs) and many
 * thousands of transactions: each distinct endpoint is written out once and
 * every transaction points at that one copy.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#ifdef _WIN32
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <sys/socket.h>
#endif
#include "outcome_internal.h"

static guint endpoint_hash(gconstpointer p)
{
    const sc_endpoint *e = p;
    guint hash = (guint)e->family * 16777619u ^ e->port;

    for (gsize i = 0; i < sizeof e->address; i++)
        hash = (hash ^ e->address[i]) * 16777619u;
    return hash;
}

static gboolean endpoint_equal(gconstpointer a, gconstpointer b)
{
    const sc_endpoint *x = a, *y = b;

    return x->family == y->family && x->port == y->port && memcmp(x->address, y->address, sizeof x->address) == 0;
}

void peers_init(sc_outcome_machine *m)
{
    m->peers = g_hash_table_new(endpoint_hash, endpoint_equal);
}

void peers_clear(sc_outcome_machine *m)
{
    g_hash_table_destroy(m->peers);
}

static char *endpoint_text(const sc_endpoint *e)
{
    char address[INET6_ADDRSTRLEN];

    if (!inet_ntop(e->family == 6 ? AF_INET6 : AF_INET, e->address, address, sizeof address))
        return NULL;
    if (e->family == 6)
        return e->port ? g_strdup_printf("[%s]:%u", address, e->port) : g_strdup_printf("[%s]", address);
    return e->port ? g_strdup_printf("%s:%u", address, e->port) : g_strdup(address);
}

const char *peer_text(sc_outcome_machine *m, const sc_endpoint *endpoint)
{
    sc_endpoint *key;
    char *text;
    const char *interned;
    peer_slot *slot;

    if (!endpoint || (endpoint->family != 4 && endpoint->family != 6))
        return NULL;
    /* Most messages come from or go to a handful of peers: a slot per hash
     * remembers the last one seen there. */
    slot = &m->peer_cache[endpoint_hash(endpoint) % PEER_CACHE_SLOTS];
    if (slot->text && endpoint_equal(&slot->endpoint, endpoint))
        return slot->text;
    interned = g_hash_table_lookup(m->peers, endpoint);
    if (interned) {
        slot->endpoint = *endpoint;
        slot->text = interned;
        return interned;
    }
    text = endpoint_text(endpoint);
    if (!text)
        return NULL;
    interned = g_string_chunk_insert(m->strings, text);
    g_free(text);
    key = sc_arena_new0(m->records, sc_endpoint);
    *key = *endpoint;
    g_hash_table_insert(m->peers, key, (gpointer)interned);
    slot->endpoint = *endpoint;
    slot->text = interned;
    return interned;
}
