/* The Q.850 mismatch verdict, status by cause.
 *
 * Every status the knowledge base knows, against every cause value 0..127
 * (and one beyond), is judged twice: by the knowledge base, and by the rule
 * of docs/q850-mismatch.md applied here to the reference data alone (the
 * RFC 3398 tables, q850_meaning.tsv, q850_de_facto.tsv). Explicit rows then
 * pin the pairs issue 15 names, so a change to the rule that slipped into
 * both the code and the reference files still fails.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "reference.h"
#include "kb.h"
#include "q850.h"

/* ---- the rule, restated from the reference files ---- */

/* Dispositions that say the same thing about a call, as the docs list them. */
static const struct { const char *family; const char *dispositions[4]; } families[] = {
    { "Busy", { "Busy" } },
    { "No Answer", { "No Answer" } },
    { "Refused", { "Declined", "Unwanted", "Blocked", "Auth Challenge" } },
    { "Invalid Number", { "Invalid Number", "Redirected" } },
    { "Media Rejected", { "Media Rejected" } },
    { "Network Failure", { "Congestion", "Service Failure" } },
    { "Request Error", { "Request Error" } },
};

static gboolean family_has(const char *family, const char *disposition)
{
    for (gsize f = 0; f < G_N_ELEMENTS(families); f++) {
        if (strcmp(families[f].family, family) != 0)
            continue;
        for (gsize d = 0; d < G_N_ELEMENTS(families[f].dispositions) && families[f].dispositions[d]; d++) {
            if (strcmp(families[f].dispositions[d], disposition) == 0)
                return TRUE;
        }
        return FALSE;
    }
    g_error("q850_meaning.tsv names an unknown family %s", family);
}

typedef struct {
    const char     *says[SC_Q850_MAX_CAUSE + 1];     /* from q850_meaning.tsv */
    guint           usual[SC_Q850_MAX_CAUSE + 1];
    rfc3398_mapping to_sip[SC_Q850_MAX_CAUSE + 1];   /* 7.2.4.1, from q850_causes.tsv */
    guint           from_sip[700];                   /* 8.2.6.1, from sip_to_q850.tsv */
    GHashTable     *de_facto;                        /* "code/cause" -> source */
    gchar        ***rows[4];
} reference;

static guint number(const char *text)
{
    return (guint)strtoul(text, NULL, 10);
}

static char *pair_key(guint sip_code, guint cause)
{
    return g_strdup_printf("%u/%u", sip_code, cause);
}

static void load(reference *ref)
{
    memset(ref, 0, sizeof *ref);
    ref->rows[0] = read_tsv("q850_meaning.tsv", 3);
    for (guint i = 0; ref->rows[0][i]; i++) {
        guint cause = number(ref->rows[0][i][0]);
        ref->says[cause] = ref->rows[0][i][1];
        ref->usual[cause] = number(ref->rows[0][i][2]);
    }
    ref->rows[1] = read_tsv("q850_causes.tsv", 4);
    for (guint i = 0; ref->rows[1][i]; i++)
        ref->to_sip[number(ref->rows[1][i][0])] = parse_rfc3398_mapping(ref->rows[1][i][3]);
    ref->rows[2] = read_tsv("sip_to_q850.tsv", 2);
    for (guint i = 0; ref->rows[2][i]; i++) {
        /* A leading number is a specific cause; "31 (default...)" is none. */
        if (g_ascii_isdigit(ref->rows[2][i][1][0]) && !strstr(ref->rows[2][i][1], "(default"))
            ref->from_sip[number(ref->rows[2][i][0])] = number(ref->rows[2][i][1]);
    }
    ref->rows[3] = read_tsv("q850_de_facto.tsv", 3);
    ref->de_facto = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; ref->rows[3][i]; i++)
        g_hash_table_insert(ref->de_facto, pair_key(number(ref->rows[3][i][0]), number(ref->rows[3][i][1])),
                            ref->rows[3][i][2]);
}

static void unload(reference *ref)
{
    for (gsize i = 0; i < G_N_ELEMENTS(ref->rows); i++)
        free_rows(ref->rows[i]);
    g_hash_table_destroy(ref->de_facto);
}

/* RFC 3261 21.6's 6xx counterparts, RFC 3261 16.7's 500 for a lone 503, and
 * RFC 3398's own 408/480 pair. */
static gboolean rfc_equivalent(guint code, guint expected)
{
    static const guint pairs[][2] = {
        { 403, 603 }, { 404, 604 }, { 486, 600 }, { 488, 606 }, { 503, 500 },
        { 408, 480 }, { 480, 408 },
    };
    if (expected == 0)
        return FALSE;
    if (code == expected)
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++) {
        if (pairs[i][0] == expected && pairs[i][1] == code)
            return TRUE;
    }
    return FALSE;
}

static sc_q850_verdict expected_verdict(const reference *ref, guint code, const char *disposition,
                                        guint cause)
{
    const rfc3398_mapping *m;

    if (code < 400 || code > 699 || code == 487 || cause > SC_Q850_MAX_CAUSE || !ref->says[cause])
        return SC_Q850_NO_CLAIM;
    m = &ref->to_sip[cause];
    if ((!m->is_default && (rfc_equivalent(code, m->code) || rfc_equivalent(code, m->alt)))
        || ref->from_sip[code] == cause)
        return SC_Q850_RFC3398;
    char *key = pair_key(code, cause);
    gboolean de_facto = g_hash_table_contains(ref->de_facto, key);
    g_free(key);
    if (de_facto)
        return SC_Q850_DE_FACTO;
    return family_has(ref->says[cause], disposition) ? SC_Q850_SAME_MEANING : SC_Q850_CONTRADICTS;
}

/* ---- every status against every cause ---- */

static void test_every_pair(void)
{
    reference ref;
    gsize code_count = 0;
    const sc_code_info *codes = sc_kb_codes(&code_count);
    guint tally[SC_Q850_CONTRADICTS + 1] = { 0 };

    load(&ref);
    g_assert_cmpuint(code_count, ==, 77);
    for (gsize c = 0; c < code_count; c++) {
        guint code = codes[c].code;
        const char *disposition = sc_disposition_name(codes[c].disposition);
        for (guint cause = 0; cause <= SC_Q850_MAX_CAUSE + 1; cause++) {
            sc_q850_verdict want = expected_verdict(&ref, code, disposition, cause);
            sc_q850_judgement got = sc_q850_judge(code, cause, SC_Q850_NO_LOCATION);
            if (got.verdict != want)
                g_error("%u (%s) with cause %u: judged %s, the rule says %s", code, disposition, cause,
                        sc_q850_verdict_name(got.verdict), sc_q850_verdict_name(want));
            g_assert_cmpint(sc_q850_contradicts(code, cause, NULL), ==, want == SC_Q850_CONTRADICTS);
            if (want == SC_Q850_NO_CLAIM) {
                g_assert_null(got.cause_says);
            } else {
                g_assert_cmpstr(got.cause_says, ==, ref.says[cause]);
                g_assert_cmpstr(got.status_says, ==, disposition);
            }
            g_assert_cmpint(got.source != NULL, ==, want == SC_Q850_DE_FACTO);
            g_assert_cmpint(got.which_to_trust != NULL, ==, want == SC_Q850_CONTRADICTS);
            g_assert_cmpuint(got.expected_sip_code, ==, want == SC_Q850_CONTRADICTS ? ref.usual[cause] : 0);
            tally[want]++;
        }
    }
    for (guint v = 0; v <= SC_Q850_CONTRADICTS; v++)
        g_test_message("%s: %u pairs", sc_q850_verdict_name((sc_q850_verdict)v), tally[v]);
    /* Each branch of the rule is reached, so none can silently go dead. */
    for (guint v = 0; v <= SC_Q850_CONTRADICTS; v++)
        g_assert_cmpuint(tally[v], >, 0);
    g_assert_cmpuint(tally[SC_Q850_DE_FACTO], ==, g_hash_table_size(ref.de_facto));
    unload(&ref);
}

/* The claims table and the de-facto table are the reference files, row for
 * row, and no de-facto row is shadowed by RFC 3398 or by a silent cause. */
static void test_tables_match_the_reference(void)
{
    reference ref;
    gsize count = 0;
    const sc_q850_de_facto_pair *pairs = sc_q850_de_facto_pairs(&count);

    load(&ref);
    for (guint cause = 0; cause <= SC_Q850_MAX_CAUSE; cause++) {
        guint usual = 0;
        const char *says = sc_q850_cause_says(cause, &usual);
        g_assert_cmpstr(says, ==, ref.says[cause]);
        g_assert_cmpuint(usual, ==, ref.usual[cause]);
    }
    g_assert_cmpuint(count, ==, g_hash_table_size(ref.de_facto));
    for (gsize i = 0; i < count; i++) {
        char *key = pair_key(pairs[i].sip_code, pairs[i].cause);
        sc_q850_judgement j = sc_q850_judge(pairs[i].sip_code, pairs[i].cause, SC_Q850_NO_LOCATION);
        g_assert_cmpstr(g_hash_table_lookup(ref.de_facto, key), ==, pairs[i].source);
        g_assert_cmpint(j.verdict, ==, SC_Q850_DE_FACTO);
        g_assert_true(j.source == pairs[i].source);
        g_free(key);
    }
    unload(&ref);
}

/* ---- the pairs issue 15 names, pinned by hand ---- */

typedef struct {
    guint           sip_code;
    guint           cause;
    sc_q850_verdict verdict;
} pinned;

static void check_pinned(const pinned *rows, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        sc_q850_judgement j = sc_q850_judge(rows[i].sip_code, rows[i].cause, SC_Q850_NO_LOCATION);
        if (j.verdict != rows[i].verdict)
            g_error("%u with cause %u: %s, want %s", rows[i].sip_code, rows[i].cause,
                    sc_q850_verdict_name(j.verdict), sc_q850_verdict_name(rows[i].verdict));
    }
}

static void test_de_facto_pairs_are_not_alarms(void)
{
    static const pinned rows[] = {
        /* FreeSWITCH codec failures and Asterisk bearer failures */
        { 488, 88, SC_Q850_DE_FACTO }, { 606, 88, SC_Q850_DE_FACTO },
        { 488, 58, SC_Q850_DE_FACTO }, { 606, 58, SC_Q850_DE_FACTO },
        /* Asterisk's rejections: the same refusal in other words */
        { 607, 21, SC_Q850_SAME_MEANING }, { 608, 21, SC_Q850_SAME_MEANING },
        { 433, 21, SC_Q850_SAME_MEANING },
        /* routing errors, no route, FreeSWITCH's 480 fallback */
        { 482, 25, SC_Q850_RFC3398 }, { 483, 25, SC_Q850_RFC3398 },
        { 485, 3, SC_Q850_DE_FACTO },
        { 480, 47, SC_Q850_DE_FACTO }, { 480, 111, SC_Q850_DE_FACTO },
        /* invalid numbers in their several spellings */
        { 404, 28, SC_Q850_SAME_MEANING }, { 484, 28, SC_Q850_RFC3398 },
        { 604, 28, SC_Q850_SAME_MEANING },
        { 404, 1, SC_Q850_RFC3398 }, { 410, 1, SC_Q850_SAME_MEANING },
        { 484, 1, SC_Q850_SAME_MEANING },
        /* barring, sent by FreeSWITCH and Asterisk with 403 */
        { 403, 52, SC_Q850_DE_FACTO }, { 403, 54, SC_Q850_DE_FACTO },
        /* 26 makes no claim, whatever it comes with */
        { 404, 26, SC_Q850_NO_CLAIM }, { 486, 26, SC_Q850_NO_CLAIM }, { 503, 26, SC_Q850_NO_CLAIM },
    };
    check_pinned(rows, G_N_ELEMENTS(rows));
}

static void test_real_contradictions_still_flagged(void)
{
    static const pinned rows[] = {
        { 480, 17, SC_Q850_CONTRADICTS },   /* unreachable vs busy */
        { 486, 1, SC_Q850_CONTRADICTS },    /* busy vs invalid number */
        { 404, 34, SC_Q850_CONTRADICTS },   /* invalid number vs congestion */
        { 503, 1, SC_Q850_CONTRADICTS },
        { 486, 19, SC_Q850_CONTRADICTS },
        { 603, 17, SC_Q850_CONTRADICTS },
        { 403, 28, SC_Q850_CONTRADICTS },
        { 486, 21, SC_Q850_CONTRADICTS },
        { 488, 17, SC_Q850_CONTRADICTS },
        { 480, 102, SC_Q850_CONTRADICTS },
        { 480, 34, SC_Q850_CONTRADICTS },
        { 486, 52, SC_Q850_CONTRADICTS },   /* barred is no busy, even outside Q.850 */
        { 499, 17, SC_Q850_CONTRADICTS },   /* an unregistered 4xx is read as 400 */
    };
    check_pinned(rows, G_N_ELEMENTS(rows));
}

static void test_rfc3398_and_silent_pairs(void)
{
    static const pinned rows[] = {
        { 486, 17, SC_Q850_RFC3398 }, { 600, 17, SC_Q850_RFC3398 }, { 480, 18, SC_Q850_RFC3398 },
        { 408, 19, SC_Q850_RFC3398 }, { 403, 21, SC_Q850_RFC3398 }, { 603, 21, SC_Q850_RFC3398 },
        { 400, 41, SC_Q850_RFC3398 }, { 500, 34, SC_Q850_RFC3398 }, { 503, 88, SC_Q850_RFC3398 },
        { 504, 34, SC_Q850_SAME_MEANING },   /* two network failures */
        { 699, 17, SC_Q850_SAME_MEANING },   /* read as 600 Busy Everywhere */
        /* no claim: 16, 31, 127, default-mapped and unassigned causes, 487, non-failures */
        { 404, 16, SC_Q850_NO_CLAIM }, { 486, 31, SC_Q850_NO_CLAIM }, { 505, 127, SC_Q850_NO_CLAIM },
        { 480, 4, SC_Q850_NO_CLAIM }, { 480, 44, SC_Q850_NO_CLAIM }, { 480, 10, SC_Q850_NO_CLAIM },
        { 480, 128, SC_Q850_NO_CLAIM }, { 487, 17, SC_Q850_NO_CLAIM }, { 200, 17, SC_Q850_NO_CLAIM },
        { 302, 17, SC_Q850_NO_CLAIM }, { 183, 1, SC_Q850_NO_CLAIM }, { 0, 17, SC_Q850_NO_CLAIM },
        { 700, 17, SC_Q850_NO_CLAIM }, { G_MAXUINT, 17, SC_Q850_NO_CLAIM },
        { 480, G_MAXUINT, SC_Q850_NO_CLAIM },
    };
    check_pinned(rows, G_N_ELEMENTS(rows));
}

/* ---- the location changes what to believe, not the verdict ---- */

static void test_location_and_trust(void)
{
    sc_q850_judgement none = sc_q850_judge(480, 17, SC_Q850_NO_LOCATION);
    sc_q850_judgement network = sc_q850_judge(480, 17, 4);
    sc_q850_judgement transit = sc_q850_judge(480, 17, 3);
    sc_q850_judgement user = sc_q850_judge(480, 17, 0);
    sc_q850_judgement pbx = sc_q850_judge(480, 17, 1);
    sc_q850_judgement reserved = sc_q850_judge(480, 17, 6);

    g_assert_cmpint(network.verdict, ==, SC_Q850_CONTRADICTS);
    g_assert_cmpint(user.verdict, ==, SC_Q850_CONTRADICTS);
    g_assert_nonnull(strstr(none.which_to_trust, "B2BUA"));
    g_assert_null(strstr(none.which_to_trust, "believe the cause"));
    g_assert_nonnull(strstr(network.which_to_trust, "believe the cause"));
    g_assert_true(transit.which_to_trust == network.which_to_trust);
    g_assert_nonnull(strstr(user.which_to_trust, "far end"));
    g_assert_true(pbx.which_to_trust == user.which_to_trust);
    g_assert_true(reserved.which_to_trust == none.which_to_trust);
    g_assert_cmpstr(network.cause_says, ==, "Busy");
    g_assert_cmpstr(network.status_says, ==, "No Answer");
    g_assert_cmpuint(network.expected_sip_code, ==, 486);

    /* RFC 3398 7.2.4.1: cause 21 set by the user is answered with 603. */
    g_assert_cmpuint(sc_q850_judge(486, 21, 0).expected_sip_code, ==, 603);
    g_assert_cmpuint(sc_q850_judge(486, 21, 2).expected_sip_code, ==, 403);
    g_assert_cmpuint(sc_q850_judge(486, 21, SC_Q850_NO_LOCATION).expected_sip_code, ==, 403);
    g_assert_cmpint(sc_q850_judge(403, 21, 0).verdict, ==, SC_Q850_RFC3398);
}

static void test_verdict_names(void)
{
    g_assert_cmpstr(sc_q850_verdict_name(SC_Q850_NO_CLAIM), ==, "no claim");
    g_assert_cmpstr(sc_q850_verdict_name(SC_Q850_CONTRADICTS), ==, "contradicts");
    g_assert_cmpstr(sc_q850_verdict_name((sc_q850_verdict)99), ==, "?");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/q850-mismatch/every-pair", test_every_pair);
    g_test_add_func("/q850-mismatch/tables-match-reference", test_tables_match_the_reference);
    g_test_add_func("/q850-mismatch/de-facto-pairs", test_de_facto_pairs_are_not_alarms);
    g_test_add_func("/q850-mismatch/real-contradictions", test_real_contradictions_still_flagged);
    g_test_add_func("/q850-mismatch/rfc3398-and-silent", test_rfc3398_and_silent_pairs);
    g_test_add_func("/q850-mismatch/location", test_location_and_trust);
    g_test_add_func("/q850-mismatch/verdict-names", test_verdict_names);
    return g_test_run();
}
