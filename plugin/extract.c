/* Extract: SIP dissector output -> sc_sip_message.
 *
 * Normally from SIP's fields. The SIP dissector gives every message its own
 * "sip" protocol item; its fields lie inside that item's byte range in the
 * same data source. Fields are bound to messages by that range, never by
 * array index, because a message may lack a field that its neighbour has.
 *
 * In tally-only runs from each message's bytes instead (see
 * parse/sip_parse.h): SIP hands them to its "sip_follow" tap, and a
 * post-dissector may read what was tapped in its own frame.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <epan/packet.h>
#include <epan/proto.h>
#include <epan/ftypes/ftypes.h>
#include <epan/tap.h>
#include "compat.h"
#include "extract.h"
#include "parse/sip_parse.h"

typedef enum {
    F_STATUS_CODE,
    F_STATUS_LINE,
    F_METHOD,
    F_CALL_ID,
    F_CSEQ_SEQ,
    F_CSEQ_METHOD,
    F_FROM_ADDR,
    F_TO_ADDR,
    F_TO_TAG,
    F_RETRY_AFTER,
    F_SERVER,
    F_USER_AGENT,
    F_REASON_Q850,
    F_REASON_SIP,
    F_REASON_OTHER,
    F_WARNING,
    F_COUNT
} sip_field;

static const char *const sip_field_names[F_COUNT] = {
    [F_STATUS_CODE]  = "sip.Status-Code",
    [F_STATUS_LINE]  = "sip.Status-Line",
    [F_METHOD]       = "sip.Method",
    [F_CALL_ID]      = "sip.Call-ID",
    [F_CSEQ_SEQ]     = "sip.CSeq.seq",
    [F_CSEQ_METHOD]  = "sip.CSeq.method",
    [F_FROM_ADDR]    = "sip.from.addr",
    [F_TO_ADDR]      = "sip.to.addr",
    [F_TO_TAG]       = "sip.to.tag",
    [F_RETRY_AFTER]  = "sip.Retry-After",
    [F_SERVER]       = "sip.Server",
    [F_USER_AGENT]   = "sip.User-Agent",
    [F_REASON_Q850]  = "sip.reason_cause_q850",
    [F_REASON_SIP]   = "sip.reason_cause_sip",
    [F_REASON_OTHER] = "sip.reason_cause_other",
    [F_WARNING]      = "sip.Warning",
};

static int hf_sip_proto = -1;
static int hf_sip_field[F_COUNT];
static int sip_follow_tap = -1;
static gboolean reading_bytes;
static int bytes_listener;   /* its address names sipcodes' tap listener */

void sc_extract_init(void)
{
    hf_sip_proto = proto_registrar_get_id_byname("sip");
    for (int i = 0; i < F_COUNT; i++)
        hf_sip_field[i] = proto_registrar_get_id_byname(sip_field_names[i]);
    sip_follow_tap = find_tap_id("sip_follow");
}

gboolean sc_extract_read_message_bytes(void)
{
    GString *error;

    if (reading_bytes || sip_follow_tap < 0 || hf_sip_proto <= 0)
        return reading_bytes;
    /* SIP queues a message's bytes only when its tap has a listener; this
     * one needs no callback, it only makes SIP queue them. */
    error = register_tap_listener("sip_follow", &bytes_listener, NULL, TL_IS_DISSECTOR_HELPER,
                                  NULL, NULL, NULL, NULL);
    if (error) {
        g_string_free(error, TRUE);
        return FALSE;
    }
    reading_bytes = TRUE;
    return TRUE;
}

gboolean sc_extract_reads_message_bytes(void)
{
    return reading_bytes;
}

GArray *sc_extract_wanted_hfids(void)
{
    GArray *wanted;

    /* Without wanted fields tshark builds no protocol tree for a tally. */
    if (reading_bytes)
        return NULL;
    wanted = g_array_new(FALSE, FALSE, (guint)sizeof(int));

    if (hf_sip_proto > 0)
        g_array_append_val(wanted, hf_sip_proto);
    for (int i = 0; i < F_COUNT; i++) {
        /* A SIP dissector without one of these fields still works; the
         * message just lacks that detail. */
        if (hf_sip_field[i] > 0)
            g_array_append_val(wanted, hf_sip_field[i]);
    }
    return wanted;
}


typedef struct {
    tvbuff_t *ds_tvb;
    gint      start;
    gint      end;
} message_span;

/* SIP does not always trim a message's item to the message: on tshark's
 * first pass of -2 the first item of a TCP segment spans the whole segment
 * and so overlaps the next one. A field belongs to the message that starts
 * last before it. */
static int span_of(const message_span *spans, guint count, const field_info *fi)
{
    int best = -1;

    for (guint i = 0; i < count; i++) {
        if (fi->ds_tvb == spans[i].ds_tvb && fi->start >= spans[i].start && fi->start < spans[i].end
            && (best < 0 || spans[i].start > spans[best].start))
            best = (int)i;
    }
    return best;
}

static const char *string_value(const field_info *fi)
{
    const char *value = fvalue_get_string(SC_FINFO_FVALUE((field_info *)fi));
    return value ? value : "";
}

static guint32 uint_value(const field_info *fi)
{
    return fvalue_get_uinteger(SC_FINFO_FVALUE((field_info *)fi));
}

/* "SIP/2.0 603 MaxPeak Cost Exceeded" -> "MaxPeak Cost Exceeded". */
static const char *phrase_of_status_line(wmem_allocator_t *pool, const char *line)
{
    const char *p = strchr(line, ' ');
    if (!p)
        return "";
    while (*p == ' ')
        p++;
    while (*p && *p != ' ')
        p++;
    while (*p == ' ')
        p++;
    char *phrase = wmem_strdup(pool, p);
    g_strchomp(phrase);
    return phrase;
}

/* SIP's Retry-After value is not always the header's: it reports 0 for
 * "soon" and for "18000;duration=3600", and wraps 27-digit numbers. The
 * header's own bytes say what the sender meant: leading delta-seconds
 * (RFC 3261 20.33), at most ten digits that fit in 32 bits. */
static gboolean read_retry_after(const field_info *fi, guint32 *seconds)
{
    gint end = fi->start + fi->length;
    gint value = fi->start;
    guint64 number = 0;
    int digits = 0;

    if (!fi->ds_tvb || fi->length <= 0 || !tvb_bytes_exist(fi->ds_tvb, fi->start, fi->length))
        return FALSE;
    /* The item may cover the whole "Retry-After: 120" line or just "120". */
    for (gint offset = fi->start; offset < end; offset++) {
        if (sc_tvb_get_uint8(fi->ds_tvb, offset) == ':') {
            value = offset + 1;
            break;
        }
    }
    while (value < end && sc_tvb_get_uint8(fi->ds_tvb, value) == ' ')
        value++;
    for (; value < end && g_ascii_isdigit(sc_tvb_get_uint8(fi->ds_tvb, value)); value++, digits++) {
        if (digits == 10)
            return FALSE;
        number = number * 10 + (guint64)(sc_tvb_get_uint8(fi->ds_tvb, value) - '0');
    }
    if (digits == 0 || number > G_MAXUINT32)
        return FALSE;
    *seconds = (guint32)number;
    return TRUE;
}

static void add_reason(sc_sip_message *msg, sc_reason_protocol protocol, guint cause)
{
    if (msg->reason_count < SC_MAX_REASONS) {
        msg->reasons[msg->reason_count].protocol = protocol;
        msg->reasons[msg->reason_count].cause = cause;
        msg->reason_count++;
    }
}

static void set_field(sc_sip_message *msg, sip_field field, const field_info *fi, wmem_allocator_t *pool)
{
    switch (field) {
    case F_STATUS_CODE:
        msg->is_response = TRUE;
        msg->status_code = uint_value(fi);
        break;
    case F_STATUS_LINE:
        msg->phrase = phrase_of_status_line(pool, string_value(fi));
        break;
    case F_METHOD:
        msg->method = string_value(fi);
        break;
    case F_CALL_ID:
        msg->call_id = string_value(fi);
        break;
    case F_CSEQ_SEQ:
        msg->cseq = uint_value(fi);
        break;
    case F_CSEQ_METHOD:
        msg->cseq_method = string_value(fi);
        break;
    case F_FROM_ADDR:
        msg->from = string_value(fi);
        break;
    case F_TO_ADDR:
        msg->to = string_value(fi);
        break;
    case F_TO_TAG:
        msg->to_tag = string_value(fi);
        break;
    case F_RETRY_AFTER:
        msg->has_retry_after = TRUE;
        msg->retry_after_invalid = !read_retry_after(fi, &msg->retry_after);
        break;
    case F_SERVER:
        msg->server = string_value(fi);
        break;
    case F_USER_AGENT:
        if (!msg->server)
            msg->server = string_value(fi);
        break;
    case F_REASON_Q850:
        add_reason(msg, SC_REASON_Q850, uint_value(fi));
        break;
    case F_REASON_SIP:
        add_reason(msg, SC_REASON_SIP, uint_value(fi));
        break;
    case F_REASON_OTHER:
        add_reason(msg, SC_REASON_OTHER, uint_value(fi));
        break;
    case F_WARNING:
        if (msg->warning_count < SC_MAX_WARNINGS)
            msg->warnings[msg->warning_count++] = string_value(fi);
        break;
    case F_COUNT:
        break;
    }
}

static void start_message(sc_sip_message *msg, packet_info *pinfo)
{
    msg->frame = pinfo->num;
    msg->time = nstime_to_sec(&pinfo->abs_ts);
}

static guint messages_from_fields(proto_tree *tree, packet_info *pinfo, sc_sip_message *messages, guint max)
{
    GPtrArray *sip_items = tree ? proto_get_finfo_ptr_array(tree, hf_sip_proto) : NULL;
    message_span spans[SC_MAX_MESSAGES_PER_FRAME];
    guint count = 0;

    if (!sip_items)
        return 0;

    for (guint i = 0; i < sip_items->len && count < max; i++) {
        const field_info *item = (const field_info *)g_ptr_array_index(sip_items, i);
        spans[count].ds_tvb = item->ds_tvb;
        spans[count].start = item->start;
        spans[count].end = item->length > 0 ? item->start + item->length : G_MAXINT;
        memset(&messages[count], 0, sizeof messages[count]);
        start_message(&messages[count], pinfo);
        messages[count].phrase = "";
        count++;
    }

    for (int f = 0; f < F_COUNT; f++) {
        GPtrArray *items = hf_sip_field[f] > 0 ? proto_get_finfo_ptr_array(tree, hf_sip_field[f]) : NULL;
        if (!items)
            continue;
        for (guint i = 0; i < items->len; i++) {
            const field_info *fi = (const field_info *)g_ptr_array_index(items, i);
            int m = span_of(spans, count, fi);
            if (m >= 0)
                set_field(&messages[m], (sip_field)f, fi, pinfo->pool);
        }
    }
    for (guint m = 0; m < count; m++) {
        if (messages[m].retry_after_invalid)
            messages[m].has_retry_after = FALSE;
    }
    return count;
}

/* ---- message bytes ------------------------------------------------------ */

/* SIP's strings are valid UTF-8 (it replaces bad bytes); so are these. */
static char *copy_to_pool(gpointer pool, const char *text, gsize len)
{
    char *valid, *copy;
    gsize ascii = 0;
    guint64 word;

    for (; ascii + 8 <= len; ascii += 8) {
        memcpy(&word, text + ascii, 8);
        if (word & G_GUINT64_CONSTANT(0x8080808080808080))
            break;
    }
    while (ascii < len && !(text[ascii] & 0x80))
        ascii++;
    if (ascii == len || g_utf8_validate(text, (gssize)len, NULL)) {
        copy = (char *)wmem_alloc((wmem_allocator_t *)pool, len + 1);
        memcpy(copy, text, len);
        copy[len] = '\0';
        return copy;
    }
    valid = g_utf8_make_valid(text, (gssize)len);
    copy = wmem_strdup((wmem_allocator_t *)pool, valid);
    g_free(valid);
    return copy;
}

/* The `skip`-th message (0 = first) from `start` in tvb. */
static gboolean parse_from_tvb(tvbuff_t *tvb, gint start, guint skip, sc_sip_message *msg,
                               packet_info *pinfo)
{
    gint available = tvb_captured_length_remaining(tvb, start);
    const char *data;
    gsize offset = 0, len;

    if (available <= 0)
        return FALSE;
    data = (const char *)tvb_get_ptr(tvb, start, available);
    len = (gsize)available;
    for (;;) {
        gsize used;
        offset += sc_sip_leading_newlines(data + offset, len - offset);
        used = sc_sip_parse_message(data + offset, len - offset, msg, copy_to_pool, pinfo->pool);
        if (used == 0)
            return FALSE;
        if (skip-- == 0)
            break;
        offset += used;
    }
    start_message(msg, pinfo);
    return TRUE;
}

/* SIP taps the whole segment once per message it holds: the n-th time a
 * buffer comes up, it stands for the n-th message in it. */
static guint messages_from_tap(packet_info *pinfo, sc_sip_message *messages, guint max)
{
    tvbuff_t *tapped[SC_MAX_MESSAGES_PER_FRAME];
    guint count = 0;

    for (guint i = 0; i < SC_MAX_MESSAGES_PER_FRAME && count < max; i++) {
        tvbuff_t *tvb = (tvbuff_t *)fetch_tapped_data(sip_follow_tap, (int)i);
        guint earlier = 0;

        if (!tvb)
            break;
        tapped[i] = tvb;
        for (guint j = 0; j < i; j++)
            earlier += tapped[j] == tvb;
        if (parse_from_tvb(tvb, 0, earlier, &messages[count], pinfo))
            count++;
    }
    return count;
}

/* Without tapping (the first pass of tshark -2) a tree built for a filter
 * still holds SIP's top-level items, and so where each message starts. */
static guint messages_from_items(proto_tree *tree, packet_info *pinfo, sc_sip_message *messages, guint max)
{
    guint count = 0;

    for (proto_node *node = tree ? tree->first_child : NULL; node && count < max; node = node->next) {
        const field_info *fi = PNODE_FINFO(node);
        if (fi && fi->hfinfo && fi->hfinfo->id == hf_sip_proto && fi->ds_tvb
            && parse_from_tvb(fi->ds_tvb, fi->start, 0, &messages[count], pinfo))
            count++;
    }
    return count;
}

guint sc_extract_messages(proto_tree *tree, packet_info *pinfo, sc_sip_message *messages, guint max)
{
    guint count;

    if (max > SC_MAX_MESSAGES_PER_FRAME)
        max = SC_MAX_MESSAGES_PER_FRAME;
    if (!reading_bytes)
        return messages_from_fields(tree, pinfo, messages, max);
    count = messages_from_tap(pinfo, messages, max);
    return count ? count : messages_from_items(tree, pinfo, messages, max);
}
