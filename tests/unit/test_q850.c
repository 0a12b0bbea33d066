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

        rfc3398_mapping m = parse_rfc3398_mapping(rows[i][3]);
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
        if (e.non_itu) {
            /* Q.850 lacks it, but the equipment that sends it gives it a name. */
            g_assert_cmpuint(e.non_itu->cause, ==, cause);
            g_assert_true(e.name == e.non_itu->name);
            g_assert_nonnull(strstr(e.name, "not in Q.850"));
            assert_plain_text(e.non_itu->senders);
        } else {
            g_assert_cmpstr(e.name, ==, rows[i][1]);
        }
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

/* ---- values outside Q.850 that common equipment sends ---- */

static void test_non_itu_causes(void)
{
    gsize count = 0;
    const sc_q850_non_itu_info *table = sc_q850_non_itu_causes(&count);

    g_assert_cmpuint(count, >=, 3);
    for (gsize i = 0; i < count; i++) {
        g_assert_null(sc_q850_lookup(table[i].cause));     /* never shadows an ITU value */
        assert_plain_text(table[i].name);
        assert_plain_text(table[i].description);
        assert_plain_text(table[i].action);
        if (i > 0)
            g_assert_cmpuint(table[i - 1].cause, <, table[i].cause);
    }
}

/* FreeSWITCH and Asterisk send 52 and 54 with 403: they are explained as
 * the barring they are, not as a private or wrong value. */
static void test_barring_causes_explained(void)
{
    sc_q850_explanation outgoing = sc_q850_explain(52);
    sc_q850_explanation incoming = sc_q850_explain(54);
    sc_q850_explanation unknown = sc_q850_explain(10);

    g_assert_true(outgoing.unassigned);
    g_assert_nonnull(outgoing.non_itu);
    g_assert_cmpstr(outgoing.name, ==, "Outgoing calls barred (not in Q.850)");
    g_assert_nonnull(strstr(outgoing.description, "calling line"));
    g_assert_null(strstr(outgoing.description, "private value"));
    g_assert_cmpstr(incoming.name, ==, "Incoming calls barred (not in Q.850)");
    g_assert_nonnull(strstr(incoming.description, "called line"));
    g_assert_null(unknown.non_itu);
    g_assert_nonnull(strstr(unknown.description, "private value"));
}

/* ---- where the cause was set ---- */

static void test_locations(void)
{
    static const struct { guint code; const char *token; gboolean network; } known[] = {
        { 0, "U", FALSE }, { 1, "LPN", FALSE }, { 2, "LN", TRUE }, { 3, "TN", TRUE },
        { 4, "RLN", TRUE }, { 5, "RPN", FALSE }, { 7, "INTL", TRUE }, { 10, "BI", TRUE },
    };
    static const guint reserved[] = { 6, 8, 9, 11, 15, SC_Q850_NO_LOCATION };

    for (gsize i = 0; i < G_N_ELEMENTS(known); i++) {
        const sc_q850_location_info *where = sc_q850_location(known[i].code);
        char digits[4];
        guint parsed = 99;
        g_assert_nonnull(where);
        g_assert_cmpstr(where->token, ==, known[i].token);
        g_assert_cmpint(where->network, ==, known[i].network);
        assert_plain_text(where->name);
        g_assert_true(sc_q850_location_parse(known[i].token, strlen(known[i].token), &parsed));
        g_assert_cmpuint(parsed, ==, known[i].code);
        g_snprintf(digits, sizeof digits, "%u", known[i].code);
        parsed = 99;
        g_assert_true(sc_q850_location_parse(digits, strlen(digits), &parsed));
        g_assert_cmpuint(parsed, ==, known[i].code);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(reserved); i++)
        g_assert_null(sc_q850_location(reserved[i]));

    guint untouched = 42;
    g_assert_true(sc_q850_location_parse("rln", 3, &untouched));   /* tokens are case-blind */
    g_assert_cmpuint(untouched, ==, 4);
    untouched = 42;
    g_assert_false(sc_q850_location_parse("LNX", 3, &untouched));
    g_assert_false(sc_q850_location_parse("LN", 1, &untouched));   /* "L" is no token */
    g_assert_false(sc_q850_location_parse("6", 1, &untouched));
    g_assert_false(sc_q850_location_parse("", 0, &untouched));
    g_assert_false(sc_q850_location_parse("123", 3, &untouched));
    g_assert_false(sc_q850_location_parse(NULL, 2, &untouched));
    g_assert_cmpuint(untouched, ==, 42);
}

static void test_explain_with_location(void)
{
    sc_q850_explanation plain = sc_q850_explain(17);
    sc_q850_explanation network = sc_q850_explain_at(17, 4);
    sc_q850_explanation user = sc_q850_explain_at(17, 0);
    sc_q850_explanation pbx = sc_q850_explain_at(17, 5);
    sc_q850_explanation reserved = sc_q850_explain_at(17, 9);

    g_assert_null(plain.location);
    g_assert_null(plain.provenance);
    g_assert_true(network.description == plain.description);   /* the meaning does not move */
    g_assert_cmpstr(network.location->token, ==, "RLN");
    g_assert_nonnull(strstr(network.provenance, "first-hand"));
    g_assert_nonnull(strstr(user.provenance, "called user"));
    g_assert_nonnull(strstr(pbx.provenance, "private network"));
    g_assert_null(reserved.location);
    g_assert_null(reserved.provenance);
    /* Out-of-range causes keep their own explanation, location or not. */
    g_assert_true(sc_q850_explain_at(300, 2).malformed);
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
    g_test_add_func("/q850/non-itu/table", test_non_itu_causes);
    g_test_add_func("/q850/non-itu/barring", test_barring_causes_explained);
    g_test_add_func("/q850/location/values", test_locations);
    g_test_add_func("/q850/location/explain", test_explain_with_location);
    g_test_add_func("/q850/sip-to-q850/tsv", test_sip_to_q850_tsv);
    g_test_add_func("/q850/sip-to-q850/unlisted", test_sip_to_q850_unlisted);
    return g_test_run();
}
