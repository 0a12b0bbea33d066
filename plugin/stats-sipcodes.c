/* stats-sipcodes.c
 * The "SIP Response Insight" statistics: a stats tree (responses by class
 * and code, finals by disposition, calls by outcome and deciding code, ASR
 * and NER) for the GUI and for tshark -z; the per-call table is in
 * calls-table.c, registered from here.
 *
 * It only renders what the outcome machine decided. A call's outcome can
 * change while the capture is read (a challenge answered, a fork's 2xx), so
 * each call is tallied where it stands now and moved when that changes; an
 * undecided call is tallied as No Final Response, which is exactly what it
 * is once the capture has ended.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/stats_tree.h>
#include <epan/stats_tree_priv.h>

#include "compat.h"
#include "kb/reason_text.h"
#include "sipcodes.h"
#include "stats-sipcodes.h"
#include "calls-table.h"

/* The stats tree names nodes by text; building "486 Busy Here" for every
 * response showed up in profiles, so each label is made once. At most 600
 * of them exist, for the life of the plugin. */
static const char *code_label(guint code)
{
    static char *labels[700];
    sc_code_lookup lookup;

    if (code == 0)
        return "no final response";
    lookup = sc_kb_lookup(code);
    if (!lookup.info)
        return "malformed status code";
    if (!labels[code]) {
        labels[code] = lookup.known
            ? g_strdup_printf("%u %s", code, lookup.info->reason)
            : g_strdup_printf("%u (unregistered, as %u %s)", code, lookup.info->code, lookup.info->reason);
    }
    return labels[code];
}

/* ---- stats tree -------------------------------------------------------- */

#define ST_CALLS      "Calls by outcome"
/* The KPIs are counts under a node that counts the calls they are about,
 * so the stats tree's own Percent column shows them as percentages. */
#define ST_KPI        "KPIs (Percent column = share of calls ended, In Progress left out)"
#define ST_ASR        "ASR: answered"
#define ST_NER        "NER: reached the callee (answered, busy, no answer, declined, unwanted)"
#define ST_NO_INVITE  "Dialogs without their INVITE (not calls: began before the capture)"
#define ST_RESPONSES  "Responses by class and code (retransmissions excluded)"
#define ST_FINALS     "Final responses by disposition"
#define ST_NON_INVITE "Non-INVITE transactions by method and final code"

/* The stats tree API names a node by its text on every update, hashing
 * the name and keeping burst statistics: that was most of the tally's cost.
 * sipcodes looks each node up once, through the API, and then counts on
 * the node itself (stats_tree_priv.h, the header Wireshark's own GUI uses;
 * the same in 4.0, 4.4 and 4.6). Names are stable pointers (static texts,
 * cached labels, interned methods), so a node is known by its parent node
 * and its name pointer. */
typedef struct {
    const stat_node *parent;
    const char      *name;
    stat_node       *node;
} node_ref;

static guint node_ref_hash(gconstpointer key)
{
    const node_ref *ref = (const node_ref *)key;
    return g_direct_hash(ref->name) ^ g_direct_hash(ref->parent);
}

static gboolean node_ref_equal(gconstpointer a, gconstpointer b)
{
    const node_ref *x = (const node_ref *)a, *y = (const node_ref *)b;
    return x->parent == y->parent && x->name == y->name;
}

static stat_node *create_node(stats_tree *st, const char *name, const stat_node *parent,
                              gboolean with_children)
{
    /* Setting no flag creates the node if needed and changes nothing. */
    int id = stats_tree_manip_node_int(MN_SET_FLAGS, st, name, parent->id, with_children, 0);

    if (with_children)
        return (stat_node *)g_ptr_array_index(st->parents, id);
    return (stat_node *)g_hash_table_lookup(parent->hash ? parent->hash : st->names, name);
}

#define CODE_NODE_SLOTS 700   /* codes 0 (none) to 699 */

/* Where the tree has a call counted, by the call's serial. */
typedef struct {
    sc_call_standing standing;
    gboolean         counted;
} tallied_call;

typedef struct {
    GArray     *tallied;    /* tallied_call by sc_call serial; calls live as long as the
                               capture's dissection, and init runs again before a new one */
    GHashTable *nodes;      /* node_ref set; valid until the tree is built anew (init) */
    guint       calls;
    guint       ended;      /* calls not In Progress: the KPIs' denominator */
    guint       answered;
    guint       reached;
    guint32     last_frame;
    stat_node  *node_calls;
    stat_node  *node_kpi;
    stat_node  *node_asr;
    stat_node  *node_ner;
    stat_node  *node_responses;
    stat_node  *node_finals;
    stat_node  *node_non_invite;
    stat_node  *node_no_invite;
    /* Every response counts under these: looked up once each. */
    stat_node  *class_nodes[7];            /* by class; 0 is "Malformed" */
    stat_node  *code_nodes[CODE_NODE_SLOTS];   /* by code, under its class */
    stat_node  *final_nodes[SC_DISP_COUNT];
    /* Calls move between these: by outcome, then by deciding code (allocated when first used). */
    stat_node  *outcome_nodes[SC_DISP_COUNT];
    stat_node **outcome_code_nodes[SC_DISP_COUNT];
} tree_state;

/* stats_tree offers no per-tree user pointer. */
static GHashTable *tree_states;

static stats_tree *last_tree;
static tree_state *last_state;

static tree_state *state_of(stats_tree *st)
{
    if (st != last_tree || !last_state) {
        last_state = tree_states ? (tree_state *)g_hash_table_lookup(tree_states, st) : NULL;
        last_tree = st;
    }
    return last_state;
}

static stat_node *node_of(stats_tree *st, tree_state *ts, const stat_node *parent,
                          const char *name, gboolean with_children)
{
    node_ref probe = { parent, name, NULL };
    node_ref *ref = (node_ref *)g_hash_table_lookup(ts->nodes, &probe);

    if (!ref) {
        ref = g_new(node_ref, 1);
        *ref = probe;
        ref->node = create_node(st, name, parent, with_children);
        g_hash_table_add(ts->nodes, ref);
    }
    return ref->node;
}

/* The node, through its slot when `index` has one (slots cache what
 * node_of would find). */
static stat_node *slot_node(stats_tree *st, tree_state *ts, stat_node **slots, guint slot_count,
                            guint index, const stat_node *parent, const char *name, gboolean with_children)
{
    if (index >= slot_count)
        return node_of(st, ts, parent, name, with_children);
    if (!slots[index])
        slots[index] = node_of(st, ts, parent, name, with_children);
    return slots[index];
}

static stat_node *add_to_node(stats_tree *st, tree_state *ts, const stat_node *parent,
                              const char *name, gboolean with_children, int delta)
{
    stat_node *node = node_of(st, ts, parent, name, with_children);

    node->counter += delta;
    return node;
}

static void forget_calls(tree_state *ts)
{
    if (!ts->tallied)
        ts->tallied = g_array_new(FALSE, TRUE, sizeof(tallied_call));
    g_array_set_size(ts->tallied, 0);
    ts->calls = ts->ended = ts->answered = ts->reached = 0;
    ts->last_frame = 0;
}

static stat_node *top_node(stats_tree *st, const char *name)
{
    /* Creating the node may move the array: index it afterwards. */
    int id = stats_tree_create_node(st, name, 0, STAT_DT_INT, TRUE);

    return (stat_node *)g_ptr_array_index(st->parents, id);
}

static void tree_init(stats_tree *st)
{
    tree_state *ts = state_of(st);

    if (!tree_states)
        tree_states = g_hash_table_new(g_direct_hash, g_direct_equal);
    if (!ts) {
        ts = g_new0(tree_state, 1);
        g_hash_table_insert(tree_states, st, ts);
    }
    forget_calls(ts);
    /* init runs on a freshly built tree: no node of the last one is left. */
    if (ts->nodes)
        g_hash_table_destroy(ts->nodes);
    ts->nodes = g_hash_table_new_full(node_ref_hash, node_ref_equal, g_free, NULL);
    memset(ts->class_nodes, 0, sizeof ts->class_nodes);
    memset(ts->code_nodes, 0, sizeof ts->code_nodes);
    memset(ts->final_nodes, 0, sizeof ts->final_nodes);
    memset(ts->outcome_nodes, 0, sizeof ts->outcome_nodes);
    for (guint d = 0; d < SC_DISP_COUNT; d++) {
        if (ts->outcome_code_nodes[d])
            memset(ts->outcome_code_nodes[d], 0, CODE_NODE_SLOTS * sizeof(stat_node *));
    }

    ts->node_calls = top_node(st, ST_CALLS);
    ts->node_kpi = top_node(st, ST_KPI);
    ts->node_asr = node_of(st, ts, ts->node_kpi, ST_ASR, FALSE);
    ts->node_ner = node_of(st, ts, ts->node_kpi, ST_NER, FALSE);
    ts->node_responses = top_node(st, ST_RESPONSES);
    ts->node_finals = top_node(st, ST_FINALS);
    ts->node_non_invite = top_node(st, ST_NON_INVITE);
    ts->node_no_invite = top_node(st, ST_NO_INVITE);
}

static void tree_cleanup(stats_tree *st)
{
    tree_state *ts = state_of(st);

    if (!ts)
        return;
    if (ts->tallied)
        g_array_free(ts->tallied, TRUE);
    for (guint d = 0; d < SC_DISP_COUNT; d++)
        g_free(ts->outcome_code_nodes[d]);
    if (ts->nodes)
        g_hash_table_destroy(ts->nodes);
    g_hash_table_remove(tree_states, st);
    if (last_tree == st) {
        last_tree = NULL;
        last_state = NULL;
    }
    g_free(ts);
}

/* Under an outcome, what decided it: a code, or for outcomes no response
 * decided, why not. */
static const char *decider_label(sc_call_standing standing)
{
    if (standing.code)
        return code_label(standing.code);
    switch (standing.outcome) {
    case SC_DISP_IN_PROGRESS:     return "waiting for a final response";
    case SC_DISP_SERVICE_FAILURE: return "transport failure (ICMP destination unreachable)";
    default:                      return "no final response";
    }
}

static void move_call_in_tree(stats_tree *st, tree_state *ts, sc_call_standing standing, int delta)
{
    guint outcome = (guint)standing.outcome;
    stat_node *outcome_node;
    stat_node **code_slots = NULL;

    if (!standing.is_call) {
        ts->node_no_invite->counter += delta;
        return;
    }
    ts->calls += (guint)delta;
    ts->node_calls->counter += delta;
    if (standing.outcome != SC_DISP_IN_PROGRESS)
        ts->ended += (guint)delta;
    outcome_node = slot_node(st, ts, ts->outcome_nodes, SC_DISP_COUNT, outcome, ts->node_calls,
                             sc_disposition_name(standing.outcome), TRUE);
    /* Code 0 has one slot but several labels (decider_label): only codes are cached. */
    if (outcome < SC_DISP_COUNT && standing.code) {
        if (!ts->outcome_code_nodes[outcome])
            ts->outcome_code_nodes[outcome] = g_new0(stat_node *, CODE_NODE_SLOTS);
        code_slots = ts->outcome_code_nodes[outcome];
    }
    outcome_node->counter += delta;
    slot_node(st, ts, code_slots, code_slots ? CODE_NODE_SLOTS : 0, standing.code, outcome_node,
              decider_label(standing), FALSE)->counter += delta;
    if (standing.outcome == SC_DISP_ANSWERED)
        ts->answered += (guint)delta;
    if (sc_disposition_reached_callee(standing.outcome))
        ts->reached += (guint)delta;
}

static void set_kpis(tree_state *ts)
{
    ts->node_kpi->counter = (int)ts->ended;
    ts->node_asr->counter = (int)ts->answered;
    ts->node_ner->counter = (int)ts->reached;
}

static void tally_call(stats_tree *st, tree_state *ts, const sc_call *call)
{
    sc_call_standing now = sc_call_standing_of(call);
    tallied_call *before;

    if (call->serial >= ts->tallied->len)
        g_array_set_size(ts->tallied, MAX(call->serial + 1, ts->tallied->len * 2));
    before = &g_array_index(ts->tallied, tallied_call, call->serial);
    if (before->counted && before->standing.is_call == now.is_call && before->standing.outcome == now.outcome
        && before->standing.code == now.code)
        return;
    if (before->counted)
        move_call_in_tree(st, ts, before->standing, -1);
    before->counted = TRUE;
    move_call_in_tree(st, ts, now, 1);
    before->standing = now;
    set_kpis(ts);
}

static void tally_response(stats_tree *st, tree_state *ts, const sc_response_record *rec)
{
    guint status_class = sc_code_class(rec->code);
    const sc_response_state *state = rec->state;
    const char *label = code_label(rec->code);
    stat_node *class_node;

    if (state && state->retransmission)
        return;
    ts->node_responses->counter++;
    class_node = slot_node(st, ts, ts->class_nodes, G_N_ELEMENTS(ts->class_nodes), status_class,
                           ts->node_responses, status_class ? sc_class_name(status_class) : "Malformed", TRUE);
    class_node->counter++;
    slot_node(st, ts, ts->code_nodes, CODE_NODE_SLOTS, rec->code, class_node, label, FALSE)->counter++;

    if (status_class >= 2) {
        sc_explanation e = sc_record_explain(rec);
        ts->node_finals->counter++;
        slot_node(st, ts, ts->final_nodes, SC_DISP_COUNT, (guint)e.disposition, ts->node_finals,
                  sc_disposition_name(e.disposition), FALSE)->counter++;
        if (rec->method && strcmp(rec->method, "INVITE") != 0) {
            stat_node *method_node;
            ts->node_non_invite->counter++;
            method_node = add_to_node(st, ts, ts->node_non_invite, g_intern_string(rec->method), TRUE, 1);
            add_to_node(st, ts, method_node, label, FALSE, 1);
        }
    }
}

static tap_packet_status tree_packet(stats_tree *st, packet_info *pinfo, epan_dissect_t *edt _U_,
                                     const void *data, tap_flags_t flags _U_)
{
    const sc_frame_record *frame = (const sc_frame_record *)data;
    tree_state *ts = state_of(st);

    if (!frame || !ts)
        return TAP_PACKET_DONT_REDRAW;
    /* The GUI taps the capture again (a new filter, a reload) after the
     * stats tree zeroed its counters without calling init: a pass starts
     * again from the first frame, and the calls must be counted anew. */
    if (pinfo->num <= ts->last_frame)
        forget_calls(ts);
    ts->last_frame = pinfo->num;
    for (guint i = 0; i < frame->response_count; i++)
        tally_response(st, ts, &frame->responses[i]);
    /* A call is re-counted only on the frames that moved it. */
    for (guint i = 0; i < frame->changed_count; i++)
        tally_call(st, ts, frame->changed[i]);
    return TAP_PACKET_REDRAW;
}

/* ---- registration ------------------------------------------------------ */

void register_sipcodes_stats(void)
{
    /* Wireshark's GUI lists a plugin's stats tree only when it is registered
     * as a plugin tree; it appears under Statistics. */
    stats_tree_register_plugin(SIPCODES_TAP_NAME, "sipcodes", SC_MENU_NAME, 0,
                               tree_packet, tree_init, tree_cleanup);
    register_sipcodes_calls_table();
}
