/* Unit tests for the warn-code table and the Warning header parser.
 *
 * Headers are parsed from heap copies of exactly their length, so that
 * AddressSanitizer catches any read past the end of the string.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include "warnings.h"
#include "reference.h"

#define MAX_VALUES 8

/* ---- the table against warning_codes.tsv ---- */

/* "RFC3261" in the tsv, "RFC 3261" in the table: compare without blanks. */
static gchar *without_spaces(const char *s)
{
    gchar *copy = g_strdup(s);
    gchar *w = copy;
    for (const char *r = s; *r; r++) {
        if (*r != ' ')
            *w++ = *r;
    }
    *w = '\0';
    return copy;
}

static void test_tsv_codes(void)
{
    gchar ***rows = read_tsv("warning_codes.tsv", 3);
    guint n = 0;

    for (; rows[n]; n++) {
        guint code = (guint)strtoul(rows[n][0], NULL, 10);
        const sc_warning_info *info = sc_warning_lookup(code);
        if (!info)
            g_error("warn-code %u has no row", code);
        g_assert_cmpuint(info->code, ==, code);
        g_assert_cmpstr(info->text, ==, rows[n][1]);
        gchar *rfc = without_spaces(info->rfc);
        g_assert_cmpstr(rfc, ==, rows[n][2]);
        g_free(rfc);
        assert_plain_text(info->description);
        assert_plain_text(info->action);
        g_assert_nonnull(sc_warning_category(code));
    }
    g_assert_cmpuint(n, ==, 15);

    gsize count = 0;
    sc_warnings(&count);
    g_assert_cmpuint(count, ==, n);          /* nothing beyond the tsv */
    free_rows(rows);
}

static void test_table_order(void)
{
    gsize count = 0;
    const sc_warning_info *table = sc_warnings(&count);

    g_assert_true(sc_warnings(NULL) == table);  /* count is optional */
    for (gsize i = 0; i < count; i++) {
        if (i > 0)
            g_assert_cmpuint(table[i - 1].code, <, table[i].code);
        g_assert_true(sc_warning_lookup(table[i].code) == &table[i]);
    }
}

static void test_lookup_unknown(void)
{
    static const guint unknown[] = {
        0, 1, 199, 299, 309, 329, 332, 369, 371, 382, 398, 400, 999, G_MAXUINT,
    };

    for (gsize i = 0; i < G_N_ELEMENTS(unknown); i++)
        g_assert_null(sc_warning_lookup(unknown[i]));
}

/* RFC 3261 20.43: 300-306 say that one or more items are not available,
 * not that none is; such a warning may ride on a 2xx that accepted the rest. */
static void test_sdp_warnings_speak_of_some(void)
{
    for (guint code = 300; code <= 306; code++) {
        const char *text = sc_warning_lookup(code)->description;
        g_test_message("warn-code %u", code);
        g_assert_null(strstr(text, "None of"));
        g_assert_true(strstr(text, "At least one") || strstr(text, "one or more"));
        g_assert_nonnull(strstr(text, "2xx"));
    }
    g_assert_nonnull(strstr(sc_warning_lookup(380)->description, "480"));
    g_assert_nonnull(strstr(sc_warning_lookup(380)->action, "SIPS contact"));
}

static void test_category(void)
{
    g_assert_cmpstr(sc_warning_category(300), ==, "session description");
    g_assert_cmpstr(sc_warning_category(329), ==, "session description");
    g_assert_cmpstr(sc_warning_category(330), ==, "network service");
    g_assert_cmpstr(sc_warning_category(339), ==, "network service");
    g_assert_cmpstr(sc_warning_category(370), ==, "quality of service");
    g_assert_cmpstr(sc_warning_category(381), ==, "SIPS");
    g_assert_cmpstr(sc_warning_category(399), ==, "miscellaneous");
    g_assert_null(sc_warning_category(299));
    g_assert_null(sc_warning_category(340));
    g_assert_null(sc_warning_category(369));
    g_assert_null(sc_warning_category(400));
    g_assert_null(sc_warning_category(0));
}

/* ---- the parser ---- */

typedef struct {
    gchar           *header;   /* heap copy of exactly the literal's length */
    sc_warning_value v[MAX_VALUES];
    guint            n;
} parsed;

static void parse(parsed *p, const char *literal)
{
    p->header = g_strdup(literal);
    p->n = sc_warning_parse(p->header, p->v, MAX_VALUES);
}

static void parsed_clear(parsed *p)
{
    g_free(p->header);
}

static gchar *agent_of(const parsed *p, guint i)
{
    return g_strndup(p->header + p->v[i].agent_offset, p->v[i].agent_len);
}

static gchar *text_of(const parsed *p, guint i)
{
    gsize len = sc_warning_copy_text(p->header, &p->v[i], NULL, 0);
    gchar *buf = g_malloc(len + 1);
    g_assert_cmpuint(sc_warning_copy_text(p->header, &p->v[i], buf, len + 1), ==, len);
    return buf;
}

/* Every value must point inside the header, whatever the input. */
static void assert_in_bounds(const char *header, const sc_warning_value *v, guint n)
{
    gsize len = strlen(header);
    for (guint i = 0; i < n; i++) {
        g_assert_cmpuint(v[i].agent_offset + v[i].agent_len, <=, len);
        g_assert_cmpuint(v[i].text_offset + v[i].text_len, <=, len);
        g_assert_cmpuint(v[i].code, <=, 999);   /* "039" is three digits too */
    }
}

static void assert_value(const parsed *p, guint i, guint code, const char *agent,
                         const char *text, gboolean malformed)
{
    g_assert_cmpuint(i, <, p->n);
    g_assert_cmpuint(p->v[i].code, ==, code);
    gchar *a = agent_of(p, i);
    gchar *t = text_of(p, i);
    g_assert_cmpstr(a, ==, agent);
    g_assert_cmpstr(t, ==, text);
    g_assert_cmpint(p->v[i].malformed, ==, malformed);
    g_free(a);
    g_free(t);
    assert_in_bounds(p->header, p->v, p->n);
}

static void test_parse_single(void)
{
    parsed p;
    parse(&p, "399 proxy.example.com \"Miscellaneous warning\"");
    g_assert_cmpuint(p.n, ==, 1);
    assert_value(&p, 0, 399, "proxy.example.com", "Miscellaneous warning", FALSE);
    parsed_clear(&p);
}

static void test_parse_several(void)
{
    parsed p;
    /* The example of RFC 3261 20.43, on one line. */
    parse(&p, "307 isi.edu \"Session parameter 'foo' not understood\", "
              "301 isi.edu \"Incompatible network address type 'E.164'\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 307, "isi.edu", "Session parameter 'foo' not understood", FALSE);
    assert_value(&p, 1, 301, "isi.edu", "Incompatible network address type 'E.164'", FALSE);
    parsed_clear(&p);
}

static void test_parse_comma_in_text(void)
{
    parsed p;
    parse(&p, "305 sbc1 \"no common codec: offered PCMU, PCMA, G729\",370 sbc1 \"a, b\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 305, "sbc1", "no common codec: offered PCMU, PCMA, G729", FALSE);
    assert_value(&p, 1, 370, "sbc1", "a, b", FALSE);
    parsed_clear(&p);
}

static void test_parse_quoted_pairs(void)
{
    parsed p;
    parse(&p, "399 gw \"say \\\"hi\\\", then \\\\ done\", 399 gw \"\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 399, "gw", "say \"hi\", then \\ done", FALSE);
    /* The offsets keep the text as sent, escapes included. */
    g_assert_cmpuint(p.v[0].text_len, ==, strlen("say \\\"hi\\\", then \\\\ done"));
    assert_value(&p, 1, 399, "gw", "", FALSE);
    parsed_clear(&p);
}

static void test_parse_agents(void)
{
    parsed p;
    parse(&p, "370 [2001:db8::1]:5060 \"Insufficient bandwidth\", "
              "380 192.0.2.7:5061 \"SIPS Not Allowed\", 399 my-pseudonym \"x\"");
    g_assert_cmpuint(p.n, ==, 3);
    assert_value(&p, 0, 370, "[2001:db8::1]:5060", "Insufficient bandwidth", FALSE);
    assert_value(&p, 1, 380, "192.0.2.7:5061", "SIPS Not Allowed", FALSE);
    assert_value(&p, 2, 399, "my-pseudonym", "x", FALSE);
    parsed_clear(&p);
}

static void test_parse_whitespace(void)
{
    parsed p;
    /* Extra blanks, tabs and a folded line are tolerated without complaint. */
    parse(&p, "  399\t host   \"t\"  ,\r\n 307  h \"u\"  ");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 399, "host", "t", FALSE);
    assert_value(&p, 1, 307, "h", "u", FALSE);
    parsed_clear(&p);
}

static void test_parse_unregistered_code(void)
{
    parsed p;
    /* Syntactically fine: the grammar allows any three digits. */
    parse(&p, "123 h \"odd\", 999 h \"odder\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 123, "h", "odd", FALSE);
    assert_value(&p, 1, 999, "h", "odder", FALSE);
    parsed_clear(&p);
}

static void test_parse_empty(void)
{
    sc_warning_value v[MAX_VALUES];
    static const char *const empties[] = { "", " ", "\t\r\n", ",", " , ,, ", };

    g_assert_cmpuint(sc_warning_parse(NULL, v, MAX_VALUES), ==, 0);
    g_assert_cmpuint(sc_warning_parse("399 h \"t\"", NULL, MAX_VALUES), ==, 0);
    g_assert_cmpuint(sc_warning_parse("399 h \"t\"", v, 0), ==, 0);
    for (gsize i = 0; i < G_N_ELEMENTS(empties); i++) {
        gchar *h = g_strdup(empties[i]);
        g_assert_cmpuint(sc_warning_parse(h, v, MAX_VALUES), ==, 0);
        g_free(h);
    }

    /* Empty list elements between real values are skipped, not reported. */
    parsed p;
    parse(&p, ", 399 h \"a\" ,, 307 h \"b\",");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 399, "h", "a", FALSE);
    assert_value(&p, 1, 307, "h", "b", FALSE);
    parsed_clear(&p);
}

static void test_parse_max(void)
{
    gchar *h = g_strdup("301 a \"1\", 302 b \"2\", 303 c \"3\"");
    sc_warning_value v[3];

    g_assert_cmpuint(sc_warning_parse(h, v, 2), ==, 2);
    g_assert_cmpuint(v[0].code, ==, 301);
    g_assert_cmpuint(v[1].code, ==, 302);
    g_assert_cmpuint(sc_warning_parse(h, v, 1), ==, 1);
    g_assert_cmpuint(sc_warning_parse(h, v, 3), ==, 3);
    g_assert_cmpuint(v[2].code, ==, 303);
    g_free(h);
}

static void test_parse_bad_codes(void)
{
    parsed p;

    parse(&p, "99 host \"two digits\"");
    g_assert_cmpuint(p.n, ==, 1);
    assert_value(&p, 0, 0, "host", "two digits", TRUE);
    parsed_clear(&p);

    parse(&p, "3999 host \"four digits\"");
    assert_value(&p, 0, 0, "host", "four digits", TRUE);
    parsed_clear(&p);

    /* No code at all: the whole element is skipped, the next one survives. */
    parse(&p, "host \"no code, really\", 305 h \"ok\"");
    g_assert_cmpuint(p.n, ==, 2);
    g_assert_true(p.v[0].malformed);
    g_assert_cmpuint(p.v[0].code, ==, 0);
    assert_value(&p, 1, 305, "h", "ok", FALSE);
    parsed_clear(&p);

    /* Digits glued to letters are not a code. */
    parse(&p, "399x h \"t\", 399 h \"t\"");
    g_assert_cmpuint(p.n, ==, 2);
    g_assert_true(p.v[0].malformed);
    g_assert_cmpuint(p.v[0].code, ==, 0);
    assert_value(&p, 1, 399, "h", "t", FALSE);
    parsed_clear(&p);

    /* A bare code keeps its number; only agent and text are missing. */
    parse(&p, "399, 307 h \"b\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 399, "", "", TRUE);
    assert_value(&p, 1, 307, "h", "b", FALSE);
    parsed_clear(&p);

    parse(&p, "399");
    g_assert_cmpuint(p.n, ==, 1);
    assert_value(&p, 0, 399, "", "", TRUE);
    parsed_clear(&p);

    parse(&p, "-399 h \"t\"");
    g_assert_cmpuint(p.n, ==, 1);
    g_assert_true(p.v[0].malformed);
    g_assert_cmpuint(p.v[0].code, ==, 0);
    parsed_clear(&p);
}

static void test_parse_bad_agent_or_text(void)
{
    parsed p;

    parse(&p, "399 \"no agent\"");
    assert_value(&p, 0, 399, "", "no agent", TRUE);
    parsed_clear(&p);

    parse(&p, "399 host");
    assert_value(&p, 0, 399, "host", "", TRUE);
    parsed_clear(&p);

    parse(&p, "399 host , 307 h \"b\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 399, "host", "", TRUE);
    assert_value(&p, 1, 307, "h", "b", FALSE);
    parsed_clear(&p);

    parse(&p, "399 host\"glued\"");
    assert_value(&p, 0, 399, "host", "glued", TRUE);
    parsed_clear(&p);

    /* Unquoted text: kept up to the comma, flagged. */
    parse(&p, "399 host plain words here  , 307 h \"b\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 399, "host", "plain words here", TRUE);
    assert_value(&p, 1, 307, "h", "b", FALSE);
    parsed_clear(&p);

    /* Junk after the closing quote spoils that value only. */
    parse(&p, "399 h \"t\" junk \"more, still junk\", 307 h \"b\"");
    g_assert_cmpuint(p.n, ==, 2);
    assert_value(&p, 0, 399, "h", "t", TRUE);
    assert_value(&p, 1, 307, "h", "b", FALSE);
    parsed_clear(&p);
}

static void test_parse_unterminated(void)
{
    parsed p;

    /* The next value's opening quote closes the text early; what follows it
     * is junk, so the one value left is flagged rather than split wrongly. */
    parse(&p, "399 host \"never closed, 307 h \"x\"");
    g_assert_cmpuint(p.n, ==, 1);
    assert_value(&p, 0, 399, "host", "never closed, 307 h ", TRUE);
    parsed_clear(&p);

    parse(&p, "399 host \"never closed");
    g_assert_cmpuint(p.n, ==, 1);
    assert_value(&p, 0, 399, "host", "never closed", TRUE);
    parsed_clear(&p);

    /* A backslash right before the end must not skip the terminating NUL. */
    parse(&p, "399 host \"abc\\");
    g_assert_cmpuint(p.n, ==, 1);
    assert_value(&p, 0, 399, "host", "abc\\", TRUE);
    parsed_clear(&p);

    parse(&p, "399 host \"");
    assert_value(&p, 0, 399, "host", "", TRUE);
    parsed_clear(&p);

    parse(&p, "\"");
    g_assert_cmpuint(p.n, ==, 1);
    g_assert_true(p.v[0].malformed);
    assert_in_bounds(p.header, p.v, p.n);
    parsed_clear(&p);
}

static void test_parse_huge(void)
{
    /* A megabyte of digits as a code. */
    gsize big = 1 << 20;
    gchar *h = g_malloc(big + 16);
    memset(h, '9', big);
    strcpy(h + big, " h \"t\"");
    sc_warning_value v[MAX_VALUES];
    g_assert_cmpuint(sc_warning_parse(h, v, MAX_VALUES), ==, 1);
    g_assert_true(v[0].malformed);
    g_assert_cmpuint(v[0].code, ==, 0);
    g_assert_cmpuint(v[0].text_len, ==, 1);
    g_free(h);

    /* A megabyte-long quoted text full of commas and escapes. */
    GString *s = g_string_new("399 agent \"");
    for (gsize i = 0; i < big / 4; i++)
        g_string_append(s, ",\\\"a");
    g_string_append(s, "\"");
    g_assert_cmpuint(sc_warning_parse(s->str, v, MAX_VALUES), ==, 1);
    g_assert_false(v[0].malformed);
    g_assert_cmpuint(sc_warning_copy_text(s->str, &v[0], NULL, 0), ==, 3 * (big / 4));
    g_string_free(s, TRUE);

    /* Many values: parsing stops at max. */
    s = g_string_new("");
    for (int i = 0; i < 100000; i++)
        g_string_append(s, "399 h \"t\", ");
    g_assert_cmpuint(sc_warning_parse(s->str, v, MAX_VALUES), ==, MAX_VALUES);
    for (guint i = 0; i < MAX_VALUES; i++)
        g_assert_false(v[i].malformed);
    g_string_free(s, TRUE);
}

/* Random garbage from the alphabet that matters to the grammar: whatever
 * comes in, the parser returns in-bounds values and never reads past the end
 * (AddressSanitizer watches the exact-size heap copies). */
static void test_parse_garbage(void)
{
    static const char alphabet[] = "3990 \t\r\n,\"\\ab.:[]-\x7f\xc3\xa9";
    sc_warning_value v[MAX_VALUES];
    char buf[16];

    for (int round = 0; round < 20000; round++) {
        gsize len = (gsize)g_test_rand_int_range(0, 40);
        gchar *h = g_malloc(len + 1);
        for (gsize i = 0; i < len; i++)
            h[i] = alphabet[g_test_rand_int_range(0, sizeof alphabet - 1)];
        h[len] = '\0';
        guint n = sc_warning_parse(h, v, MAX_VALUES);
        g_assert_cmpuint(n, <=, MAX_VALUES);
        assert_in_bounds(h, v, n);
        for (guint i = 0; i < n; i++) {
            gsize total = sc_warning_copy_text(h, &v[i], buf, sizeof buf);
            g_assert_cmpuint(strlen(buf), ==, MIN(total, sizeof buf - 1));
        }
        g_free(h);
    }
}

static void test_copy_text_truncation(void)
{
    parsed p;
    char buf[6];

    parse(&p, "399 h \"a\\\"bcdefg\"");
    memset(buf, 'X', sizeof buf);
    g_assert_cmpuint(sc_warning_copy_text(p.header, &p.v[0], buf, sizeof buf), ==, 8);
    g_assert_cmpstr(buf, ==, "a\"bcd");

    memset(buf, 'X', sizeof buf);
    g_assert_cmpuint(sc_warning_copy_text(p.header, &p.v[0], buf, 1), ==, 8);
    g_assert_cmpint(buf[0], ==, '\0');
    g_assert_cmpint(buf[1], ==, 'X');

    memset(buf, 'X', sizeof buf);
    g_assert_cmpuint(sc_warning_copy_text(p.header, &p.v[0], buf, 0), ==, 8);
    g_assert_cmpint(buf[0], ==, 'X');

    g_assert_cmpuint(sc_warning_copy_text(NULL, &p.v[0], buf, sizeof buf), ==, 0);
    g_assert_cmpstr(buf, ==, "");
    g_assert_cmpuint(sc_warning_copy_text(p.header, NULL, buf, sizeof buf), ==, 0);
    parsed_clear(&p);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/warnings/tsv/codes", test_tsv_codes);
    g_test_add_func("/warnings/table/order", test_table_order);
    g_test_add_func("/warnings/lookup/unknown", test_lookup_unknown);
    g_test_add_func("/warnings/sdp-warnings-speak-of-some", test_sdp_warnings_speak_of_some);
    g_test_add_func("/warnings/category", test_category);
    g_test_add_func("/warnings/parse/single", test_parse_single);
    g_test_add_func("/warnings/parse/several", test_parse_several);
    g_test_add_func("/warnings/parse/comma-in-text", test_parse_comma_in_text);
    g_test_add_func("/warnings/parse/quoted-pairs", test_parse_quoted_pairs);
    g_test_add_func("/warnings/parse/agents", test_parse_agents);
    g_test_add_func("/warnings/parse/whitespace", test_parse_whitespace);
    g_test_add_func("/warnings/parse/unregistered-code", test_parse_unregistered_code);
    g_test_add_func("/warnings/parse/empty", test_parse_empty);
    g_test_add_func("/warnings/parse/max", test_parse_max);
    g_test_add_func("/warnings/parse/malformed/bad-codes", test_parse_bad_codes);
    g_test_add_func("/warnings/parse/malformed/bad-agent-or-text", test_parse_bad_agent_or_text);
    g_test_add_func("/warnings/parse/malformed/unterminated", test_parse_unterminated);
    g_test_add_func("/warnings/parse/huge", test_parse_huge);
    g_test_add_func("/warnings/parse/garbage", test_parse_garbage);
    g_test_add_func("/warnings/copy-text/truncation", test_copy_text_truncation);
    return g_test_run();
}
