/* Unit tests for the Q.850 knowledge base: coverage against the reference
 * TSVs, read at run time so that a changed reference file fails the tests
 * instead of silently drifting from the table.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "reference.h"
#include "q850.h"


static gboolean is_unassigned_name(const char *itu_name)
{
    return strstr(itu_name, "unassigned in Q.850") != NULL;
}

/* The tsv's RFC 3398 column: "486", "500 (default: cause not listed)",
 * "403 (603 if ...)", "none (...)". */
typedef struct {
    guint    code;
    guint    alt;
    gboolean is_default;
} tsv_mapping;

static tsv_mapping parse_mapping(const char *text)
{
    tsv_mapping m = { 0, 0, FALSE };
    char *end = NULL;

    if (!g_ascii_isdigit(text[0]))
        return m;                         /* "none (...)" */
    m.code = (guint)strtoul(text, &end, 10);
    m.is_default = strstr(text, "(default") != NULL;
    const char *paren = strchr(end, '(');
    if (paren && g_ascii_isdigit(paren[1]))
        m.alt = (guint)strtoul(paren + 1, NULL, 10);
    return m;
}

/* ---- coverage against q850_causes.tsv ---- */

static void test_assigned_rows(void)
{
    gchar ***rows = read_tsv("q850_causes.tsv", 4);
    guint assigned = 0;

    g_assert_cmpuint(row_count(rows), ==, 127);
    for (guint i = 0; rows[i]; i++) {
        guint cause = (guint)strtoul(rows[i][0], NULL, 10);
        const char *itu_name = rows[i][1];
        if (is_unassigned_name(itu_name))
            continue;
        assigned++;
        const sc_q850_info *info = sc_q850_lookup(cause);
        if (!info)
            g_error("cause %u (%s) has no row", cause, itu_name);
        g_assert_cmpuint(info->cause, ==, cause);
        g_assert_cmpstr(info->name, ==, itu_name);
        assert_plain_text(info->description);
        assert_plain_text(info->likely_cause);
        assert_plain_text(info->action);
        g_assert_cmpstr(sc_q850_class_name(cause), ==, rows[i][2]);

        tsv_mapping m = parse_mapping(rows[i][3]);
        g_assert_cmpuint(info->rfc3398_sip_code, ==, m.code);
        g_assert_cmpint(info->rfc3398_default, ==, m.is_default);
        g_assert_cmpuint(info->rfc3398_alt_code, ==, m.alt);
        if (info->rfc3398_note)
            assert_plain_text(info->rfc3398_note);

        sc_q850_explanation e = sc_q850_explain(cause);
        g_assert_true(e.assigned);
        g_assert_false(e.unassigned);
        g_assert_false(e.malformed);
        g_assert_true(e.info == info);
        g_assert_true(e.description == info->description);
        g_assert_true(e.action == info->action);
    }

    gsize count = 0;
    sc_q850_causes(&count);
    g_assert_cmpuint(count, ==, assigned);     /* no rows beyond the tsv */
    g_assert_cmpuint(assigned, ==, 71);
    free_rows(rows);
}

static void test_unassigned_rows(void)
{
    gchar ***rows = read_tsv("q850_causes.tsv", 4);

    for (guint i = 0; rows[i]; i++) {
        guint cause = (guint)strtoul(rows[i][0], NULL, 10);
        if (!is_unassigned_name(rows[i][1]))
            continue;
        g_assert_null(sc_q850_lookup(cause));
        sc_q850_explanation e = sc_q850_explain(cause);
        g_assert_true(e.unassigned);
        g_assert_false(e.assigned);
        g_assert_false(e.malformed);
        g_assert_null(e.info);
        g_assert_cmpstr(e.name, ==, rows[i][1]);
        g_assert_cmpstr(e.class_name, ==, rows[i][2]);
        assert_plain_text(e.description);
        assert_plain_text(e.action);
        /* RFC 3398 has nothing specific to say about a value Q.850 lacks. */
        g_assert_true(g_str_has_prefix(rows[i][3], "500 (default"));
    }
    free_rows(rows);
}

static void test_table_order(void)
{
    gsize count = 0;
    const sc_q850_info *table = sc_q850_causes(&count);

    g_assert_nonnull(table);
    g_assert_true(sc_q850_causes(NULL) == table);  /* count is optional */
    for (gsize i = 0; i < count; i++) {
        g_assert_cmpuint(table[i].cause, >=, 1);
        g_assert_cmpuint(table[i].cause, <=, SC_Q850_MAX_CAUSE);
        if (i > 0)
            g_assert_cmpuint(table[i - 1].cause, <, table[i].cause);
        g_assert_true(sc_q850_lookup(table[i].cause) == &table[i]);
    }
}

static void test_out_of_range(void)
{
    static const guint beyond[] = { 128, 255, 256, 1000, 65536, G_MAXUINT };

    g_assert_null(sc_q850_lookup(0));
    sc_q850_explanation zero = sc_q850_explain(0);
    g_assert_true(zero.unassigned);      /* encodable in 7 bits, never assigned */
    g_assert_cmpstr(zero.class_name, ==, "normal event");

    for (gsize i = 0; i < G_N_ELEMENTS(beyond); i++) {
        g_assert_null(sc_q850_lookup(beyond[i]));
        g_assert_null(sc_q850_class_name(beyond[i]));
        sc_q850_explanation e = sc_q850_explain(beyond[i]);
        g_assert_true(e.malformed);
        g_assert_false(e.assigned);
        g_assert_false(e.unassigned);
        g_assert_null(e.info);
        g_assert_null(e.class_name);
        assert_plain_text(e.name);
        assert_plain_text(e.description);
        assert_plain_text(e.action);
    }
}

/* ---- the mismatch rule ---- */

typedef struct {
    guint    sip_code;
    guint    cause;
    gboolean contradicts;
    guint    expected;
} mismatch_case;

static void check_cases(const mismatch_case *cases, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        guint expected = 12345;          /* must be overwritten either way */
        gboolean got = sc_q850_contradicts(cases[i].sip_code, cases[i].cause, &expected);
        if (got != cases[i].contradicts || expected != cases[i].expected)
            g_error("%u with cause %u: got %d (expected %u), want %d (expected %u)",
                    cases[i].sip_code, cases[i].cause, got, expected,
                    cases[i].contradicts, cases[i].expected);
        /* The out-parameter is optional. */
        g_assert_cmpint(sc_q850_contradicts(cases[i].sip_code, cases[i].cause, NULL), ==, got);
    }
}

static void test_mismatch_brief(void)
{
    static const mismatch_case cases[] = {
        { 480, 17, TRUE, 486 },
        { 486, 17, FALSE, 0 },
        { 404, 1, FALSE, 0 },
        { 503, 34, FALSE, 0 },
        { 480, 16, FALSE, 0 },
    };
    check_cases(cases, G_N_ELEMENTS(cases));
}

static void test_mismatch_flagged(void)
{
    static const mismatch_case cases[] = {
        { 486, 19, TRUE, 480 },   /* busy vs rang out */
        { 404, 17, TRUE, 486 },
        { 603, 17, TRUE, 486 },
        { 503, 1, TRUE, 404 },
        { 480, 34, TRUE, 503 },
        { 484, 1, TRUE, 404 },
        { 403, 28, TRUE, 484 },
        { 486, 21, TRUE, 403 },
        { 504, 34, TRUE, 503 },
        { 488, 17, TRUE, 486 },
        { 480, 102, TRUE, 504 },
        { 699, 17, TRUE, 486 },   /* an unregistered code is still a 6xx */
    };
    check_cases(cases, G_N_ELEMENTS(cases));
}

static void test_mismatch_exempt(void)
{
    static const mismatch_case cases[] = {
        /* 16 on anything */
        { 404, 16, FALSE, 0 }, { 503, 16, FALSE, 0 }, { 603, 16, FALSE, 0 },
        /* 487 answers a CANCEL: its cause is the caller's reason */
        { 487, 16, FALSE, 0 }, { 487, 31, FALSE, 0 }, { 487, 26, FALSE, 0 },
        { 487, 17, FALSE, 0 },
        /* not failures */
        { 100, 17, FALSE, 0 }, { 180, 19, FALSE, 0 }, { 183, 1, FALSE, 0 },
        { 200, 17, FALSE, 0 }, { 202, 34, FALSE, 0 },
        /* redirects */
        { 301, 22, FALSE, 0 }, { 302, 23, FALSE, 0 }, { 302, 17, FALSE, 0 },
        /* the "no better reason" causes */
        { 486, 31, FALSE, 0 }, { 404, 31, FALSE, 0 }, { 486, 127, FALSE, 0 },
        { 505, 127, FALSE, 0 },
        /* default-mapped, unmapped, unassigned, out-of-range causes */
        { 480, 4, FALSE, 0 }, { 486, 63, FALSE, 0 }, { 480, 44, FALSE, 0 },
        { 480, 10, FALSE, 0 }, { 480, 0, FALSE, 0 }, { 480, 128, FALSE, 0 },
        { 480, G_MAXUINT, FALSE, 0 },
        /* not SIP status codes */
        { 0, 17, FALSE, 0 }, { 99, 17, FALSE, 0 }, { 700, 17, FALSE, 0 },
        { G_MAXUINT, 17, FALSE, 0 },
    };
    check_cases(cases, G_N_ELEMENTS(cases));
}

static void test_mismatch_equivalents(void)
{
    static const mismatch_case cases[] = {
        /* global counterparts */
        { 600, 17, FALSE, 0 }, { 604, 1, FALSE, 0 }, { 606, 65, FALSE, 0 },
        { 603, 21, FALSE, 0 }, { 403, 21, FALSE, 0 },
        /* the reverse direction produces these pairs */
        { 480, 18, FALSE, 0 }, { 400, 41, FALSE, 0 }, { 481, 41, FALSE, 0 },
        { 500, 41, FALSE, 0 }, { 502, 38, FALSE, 0 }, { 408, 102, FALSE, 0 },
        { 485, 1, FALSE, 0 }, { 410, 22, FALSE, 0 }, { 405, 63, FALSE, 0 },
        { 415, 79, FALSE, 0 },
        /* a proxy turns a lone 503 into 500 */
        { 500, 34, FALSE, 0 }, { 500, 42, FALSE, 0 },
        /* 408 and 480 both mean nobody answered */
        { 408, 18, FALSE, 0 }, { 408, 19, FALSE, 0 }, { 408, 20, FALSE, 0 },
        { 480, 19, FALSE, 0 },
    };
    check_cases(cases, G_N_ELEMENTS(cases));
}

/* Whatever RFC 3398 itself produces must never be flagged: in the cause ->
 * SIP direction (every tsv row) and in the SIP -> cause direction (every
 * failure code with its cause). And when a specific cause is flagged, the
 * expected code is the tsv's. */
static void test_mismatch_never_flags_the_rfc(void)
{
    gchar ***rows = read_tsv("q850_causes.tsv", 4);

    for (guint i = 0; rows[i]; i++) {
        guint cause = (guint)strtoul(rows[i][0], NULL, 10);
        tsv_mapping m = parse_mapping(rows[i][3]);
        if (m.code)
            g_assert_false(sc_q850_contradicts(m.code, cause, NULL));
        if (m.alt)
            g_assert_false(sc_q850_contradicts(m.alt, cause, NULL));
        for (guint code = 100; code <= 699; code++) {
            guint expected = 0;
            if (sc_q850_contradicts(code, cause, &expected)) {
                g_assert_cmpuint(expected, ==, m.code);
                g_assert_false(m.is_default);
            }
        }
    }
    for (guint code = 100; code <= 699; code++) {
        guint cause = sc_sip_to_q850(code);
        if (cause)
            g_assert_false(sc_q850_contradicts(code, cause, NULL));
    }
    free_rows(rows);
}

/* ---- SIP status -> cause ---- */

static void test_sip_to_q850_tsv(void)
{
    gchar ***rows = read_tsv("sip_to_q850.tsv", 2);

    g_assert_cmpuint(row_count(rows), ==, 66);
    for (guint i = 0; rows[i]; i++) {
        guint code = (guint)strtoul(rows[i][0], NULL, 10);
        const char *text = rows[i][1];
        guint want;
        if (g_ascii_isdigit(text[0]))
            want = (guint)strtoul(text, NULL, 10);
        else if (g_str_has_prefix(text, "by Warning code (default 31"))
            want = 31;
        else if (g_str_has_prefix(text, "none"))
            want = 0;
        else
            g_error("sip_to_q850.tsv: unexpected cause text for %u: %s", code, text);
        if (sc_sip_to_q850(code) != want)
            g_error("%u: sc_sip_to_q850 gives %u, tsv says %s", code, sc_sip_to_q850(code), text);
    }
    free_rows(rows);
}

static void test_sip_to_q850_unlisted(void)
{
    g_assert_cmpuint(sc_sip_to_q850(0), ==, 0);
    g_assert_cmpuint(sc_sip_to_q850(100), ==, 0);
    g_assert_cmpuint(sc_sip_to_q850(180), ==, 0);
    g_assert_cmpuint(sc_sip_to_q850(200), ==, 0);
    g_assert_cmpuint(sc_sip_to_q850(399), ==, 0);
    g_assert_cmpuint(sc_sip_to_q850(409), ==, 31);   /* RFC 2543 only: default */
    g_assert_cmpuint(sc_sip_to_q850(499), ==, 31);
    g_assert_cmpuint(sc_sip_to_q850(599), ==, 31);
    g_assert_cmpuint(sc_sip_to_q850(699), ==, 31);
    g_assert_cmpuint(sc_sip_to_q850(700), ==, 0);
    g_assert_cmpuint(sc_sip_to_q850(G_MAXUINT), ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/q850/tsv/assigned-rows", test_assigned_rows);
    g_test_add_func("/q850/tsv/unassigned-rows", test_unassigned_rows);
    g_test_add_func("/q850/table/order", test_table_order);
    g_test_add_func("/q850/lookup/out-of-range", test_out_of_range);
    g_test_add_func("/q850/mismatch/brief-cases", test_mismatch_brief);
    g_test_add_func("/q850/mismatch/flagged", test_mismatch_flagged);
    g_test_add_func("/q850/mismatch/exempt", test_mismatch_exempt);
    g_test_add_func("/q850/mismatch/equivalents", test_mismatch_equivalents);
    g_test_add_func("/q850/mismatch/never-flags-the-rfc", test_mismatch_never_flags_the_rfc);
    g_test_add_func("/q850/sip-to-q850/tsv", test_sip_to_q850_tsv);
    g_test_add_func("/q850/sip-to-q850/unlisted", test_sip_to_q850_unlisted);
    return g_test_run();
}
