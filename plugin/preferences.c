/* Preferences and the provider overrides UAT.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <wireshark.h>
#include <epan/packet.h>
#include <epan/prefs.h>
#include <epan/uat.h>
#include <wsutil/report_message.h>

#include "compat.h"
#include "preferences.h"
#include "outcome/outcome.h"

#define TIMEOUT_MIN_S 1
#define TIMEOUT_MAX_S 3600

sc_preferences sipcodes_prefs = {
    .enabled = TRUE,
    .no_final_timeout_s = (guint)SC_DEFAULT_NO_FINAL_TIMEOUT,
    .timer_c_s = (guint)SC_DEFAULT_TIMER_C,
    .provisional_subtree = TRUE,
    .disposition_in_info = FALSE,
};

static guint accepted_timeout_s = (guint)SC_DEFAULT_NO_FINAL_TIMEOUT;
static guint accepted_timer_c_s = (guint)SC_DEFAULT_TIMER_C;

/* Wireshark's unsigned preferences take any number; a timeout of 0 would
 * end every INVITE at once, so such a value is refused out loud and the
 * last good one stays. */
static void apply_timeout(guint *wanted, guint *accepted, const char *what)
{
    if (*wanted < TIMEOUT_MIN_S || *wanted > TIMEOUT_MAX_S) {
        report_failure("sipcodes: the %s must be %d to %d seconds; %u was rejected and %u s stays in force.",
                       what, TIMEOUT_MIN_S, TIMEOUT_MAX_S, *wanted, *accepted);
        *wanted = *accepted;
        return;
    }
    *accepted = *wanted;
}

static void apply_preferences(void)
{
    apply_timeout(&sipcodes_prefs.no_final_timeout_s, &accepted_timeout_s, "no-final-response timeout");
    apply_timeout(&sipcodes_prefs.timer_c_s, &accepted_timer_c_s, "Timer C");
}

/* ---- provider overrides UAT -------------------------------------------- */

typedef struct {
    guint32 code;
    char   *phrase;
    char   *server;
    char   *description;
    char   *cause;
    char   *action;
    char   *disposition;
    char   *retry;
} override_row;

static override_row *override_rows;
static guint override_row_count;
static sc_override_set *active_overrides;
static GPtrArray *retired_overrides;

UAT_DEC_CB_DEF(override_row, code, override_row)
UAT_CSTRING_CB_DEF(override_row, phrase, override_row)
UAT_CSTRING_CB_DEF(override_row, server, override_row)
UAT_CSTRING_CB_DEF(override_row, description, override_row)
UAT_CSTRING_CB_DEF(override_row, cause, override_row)
UAT_CSTRING_CB_DEF(override_row, action, override_row)
UAT_CSTRING_CB_DEF(override_row, disposition, override_row)
UAT_CSTRING_CB_DEF(override_row, retry, override_row)

static void *override_row_copy(void *dest, const void *source, size_t len _U_)
{
    override_row *d = (override_row *)dest;
    const override_row *s = (const override_row *)source;

    d->code = s->code;
    d->phrase = g_strdup(s->phrase);
    d->server = g_strdup(s->server);
    d->description = g_strdup(s->description);
    d->cause = g_strdup(s->cause);
    d->action = g_strdup(s->action);
    d->disposition = g_strdup(s->disposition);
    d->retry = g_strdup(s->retry);
    return d;
}

static void override_row_free(void *record)
{
    override_row *row = (override_row *)record;

    g_free(row->phrase);
    g_free(row->server);
    g_free(row->description);
    g_free(row->cause);
    g_free(row->action);
    g_free(row->disposition);
    g_free(row->retry);
}

static gboolean override_row_to_override(const override_row *row, sc_override *out, char **error)
{
    memset(out, 0, sizeof *out);
    if (!sc_override_parse(row->code, row->disposition, row->retry, out, error))
        return FALSE;
    out->phrase_contains = row->phrase;
    out->server_contains = row->server;
    out->description = row->description;
    out->cause = row->cause;
    out->action = row->action;
    return TRUE;
}

/* Wireshark stops loading a table at the first row its update callback
 * refuses, which would drop every good row after a typo. Rows are kept as
 * the user wrote them; the broken ones are reported by number and skipped
 * when the set is built. */
static sc_cb_bool override_row_update(void *record _U_, char **error _U_)
{
    return TRUE;
}

static void retire_active_overrides(void)
{
    if (!active_overrides)
        return;
    /* Frames decided earlier may still point into it until the capture is
     * dissected again. */
    if (!retired_overrides)
        retired_overrides = g_ptr_array_new_with_free_func((GDestroyNotify)sc_override_set_free);
    g_ptr_array_add(retired_overrides, active_overrides);
    active_overrides = NULL;
}

static void overrides_loaded(void)
{
    sc_override_set *set = sc_override_set_new();

    for (guint i = 0; i < override_row_count; i++) {
        sc_override parsed;
        char *error = NULL;
        if (override_row_to_override(&override_rows[i], &parsed, &error))
            sc_override_set_add(set, &parsed);
        else
            report_failure("sipcodes: SIP response overrides, row %u ignored: %s", i + 1, error);
        g_free(error);
    }
    retire_active_overrides();
    active_overrides = set;
}

const sc_override_set *sipcodes_overrides(void)
{
    return active_overrides;
}

/* When a line of the file cannot even be parsed, Wireshark reports it and
 * never calls overrides_loaded(); the rows read before that line are still
 * in the table and should not be lost. */
void sipcodes_prepare_overrides(void)
{
    if (!active_overrides)
        overrides_loaded();
}

void sipcodes_release_overrides(void)
{
    if (retired_overrides)
        g_ptr_array_set_size(retired_overrides, 0);
}

static uat_t *register_overrides_uat(void)
{
    static uat_field_t fields[] = {
        UAT_FLD_DEC(override_row, code, "Code", "SIP status code this row redefines (100-699)"),
        UAT_FLD_CSTRING(override_row, phrase, "Reason phrase contains",
                        "Apply only when the reason phrase contains this text (empty: any)"),
        UAT_FLD_CSTRING(override_row, server, "Server/User-Agent contains",
                        "Apply only when the Server or User-Agent header contains this text (empty: any)"),
        UAT_FLD_CSTRING(override_row, description, "Description", "What the code means for this provider (empty: keep)"),
        UAT_FLD_CSTRING(override_row, cause, "Cause", "The likely cause (empty: keep the knowledge base's)"),
        UAT_FLD_CSTRING(override_row, action, "Action", "The recommended next step (empty: keep)"),
        UAT_FLD_CSTRING(override_row, disposition, "Disposition",
                        "One of the sipcodes dispositions, e.g. Blocked (empty: keep)"),
        UAT_FLD_CSTRING(override_row, retry, "Retry", "no, yes, later or modified (empty: keep)"),
        UAT_END_FIELDS
    };

    return uat_new("SIP response overrides", sizeof(override_row), "sipcodes_overrides", TRUE,
                   &override_rows, &override_row_count,
                   UAT_AFFECTS_DISSECTION, NULL,
                   override_row_copy, override_row_update, override_row_free,
                   overrides_loaded, NULL, fields);
}

void sipcodes_register_preferences(int proto)
{
    module_t *module = prefs_register_protocol(proto, apply_preferences);

    prefs_register_bool_preference(module, "enabled", "Explain SIP responses",
        "Add the SIP Response Insight subtree, expert information and statistics",
        &sipcodes_prefs.enabled);
    prefs_register_uint_preference(module, "no_final_timeout", "No-final-response timeout (s)",
        "Seconds an INVITE may go without any response before its call counts as No Final Response "
        "(RFC 3261 Timer B, 32 s); 1 to 3600",
        10, &sipcodes_prefs.no_final_timeout_s);
    prefs_register_uint_preference(module, "timer_c", "Timer C (s)",
        "Seconds an INVITE that got a provisional response may wait for its final one before its call "
        "counts as No Final Response (RFC 3261 Timer C, restarted by every provisional); a capture that "
        "ends sooner leaves the call In Progress. 1 to 3600",
        10, &sipcodes_prefs.timer_c_s);
    prefs_register_bool_preference(module, "provisional_subtree", "Explain provisional responses",
        "Also add a subtree to 1xx responses (100 Trying, 180 Ringing, 183 Session Progress...)",
        &sipcodes_prefs.provisional_subtree);
    prefs_register_bool_preference(module, "disposition_in_info", "Disposition in the Info column",
        "Append each response's disposition (Busy, Answered...) to the Info column",
        &sipcodes_prefs.disposition_in_info);
    prefs_register_uat_preference(module, "overrides", "SIP response overrides",
        "Provider-specific meanings of status codes: description, cause, action, disposition and retry "
        "per code, optionally only for a reason phrase or Server/User-Agent text",
        register_overrides_uat());
}
