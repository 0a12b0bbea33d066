/* Extract: where each SIP message of a frame lies, and its bytes handed to
 * the one parser (parse/sip_parse.h).
 *
 * Two places tell where a message lies, and which one a pass has depends
 * on the pass (process/passes.h):
 * - SIP hands each message's bytes to its "sip_follow" tap whenever that
 *   tap has a listener; sipcodes keeps one (it needs no callback) and reads
 *   what was queued in its own frame. Passes that run taps (one-pass
 *   tshark, the GUI, live capture) need nothing else, and no protocol tree.
 * - SIP gives every message its own "sip" protocol item. On a first pass
 *   without taps (tshark -2, sharkd) sipcodes names that item, and only it,
 *   as a wanted field (DESIGN 3 and 4), so that the pass builds a tree.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <string.h>
#include <epan/packet.h>
#include <epan/proto.h>
#include <epan/tap.h>
#include <epan/proto_data.h>
#include <epan/dissectors/packet-icmp.h>
#include "compat.h"
#include "extract.h"
#include "parse/sip_parse.h"

static int hf_sip_proto = -1;
static int proto_icmp = -1;
static int proto_icmpv6 = -1;
static int sip_follow_tap = -1;
static gboolean first_pass_taps;
static int follow_listener;   /* its address names sipcodes' listener on sip_follow */

void sc_extract_init(gboolean first_pass_runs_taps)
{
    GString *error;

    hf_sip_proto = proto_registrar_get_id_byname("sip");
    proto_icmp = proto_get_id_by_filter_name("icmp");
    proto_icmpv6 = proto_get_id_by_filter_name("icmpv6");
    sip_follow_tap = find_tap_id("sip_follow");
    if (sip_follow_tap < 0)
        return;
    /* SIP queues a message's bytes only when its tap has a listener; this
     * one has no callback and asks for no dissection of its own. */
    error = register_tap_listener("sip_follow", &follow_listener, NULL, TL_IS_DISSECTOR_HELPER,
                                  NULL, NULL, NULL, NULL);
    if (error) {
        g_string_free(error, TRUE);
        sip_follow_tap = -1;
        return;
    }
    first_pass_taps = first_pass_runs_taps;
}

GArray *sc_extract_wanted_hfids(void)
{
    GArray *wanted;

    if (first_pass_taps || hf_sip_proto <= 0)
        return NULL;
    wanted = g_array_new(FALSE, FALSE, (guint)sizeof(int));
    g_array_append_val(wanted, hf_sip_proto);
    return wanted;
}

/* The frame's message strings live until the frame is recorded: the
 * record and the machine copy what they keep. A buffer reused frame after
 * frame holds them; a frame whose texts overflow it (huge TCP messages)
 * takes the rest from the packet pool. */
typedef struct {
    char              buffer[32768];
    gsize             used;
    wmem_allocator_t *overflow;
} frame_strings;

static frame_strings strings;

static char *string_space(frame_strings *fs, gsize size)
{
    char *space;

    if (size > sizeof fs->buffer - fs->used)
        return (char *)wmem_alloc(fs->overflow, size);
    space = fs->buffer + fs->used;
    fs->used += size;
    return space;
}

/* SIP's strings are valid UTF-8 (it replaces bad bytes); so are these. */
static char *copy_text(gpointer pool, const char *text, gsize len)
{
    frame_strings *fs = (frame_strings *)pool;
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
        copy = string_space(fs, len + 1);
        memcpy(copy, text, len);
        copy[len] = '\0';
        return copy;
    }
    valid = g_utf8_make_valid(text, (gssize)len);
    copy = wmem_strdup(fs->overflow, valid);
    g_free(valid);
    return copy;
}

static void endpoint_of(const address *addr, guint32 port, sc_endpoint *out)
{
    memset(out, 0, sizeof *out);
    if (addr->type == AT_IPv4 && addr->len == 4) {
        out->family = 4;
        memcpy(out->address, addr->data, 4);
    } else if (addr->type == AT_IPv6 && addr->len == 16) {
        out->family = 6;
        memcpy(out->address, addr->data, 16);
    } else {
        return;
    }
    out->port = (guint16)port;
}

/* The `skip`-th message (0 = first) from `start` in tvb. */
static gboolean parse_from_tvb(tvbuff_t *tvb, gint start, guint skip, sc_sip_message *msg,
                               packet_info *pinfo)
{
    gint available = start >= 0 ? tvb_captured_length_remaining(tvb, start) : 0;
    const char *data;
    gsize offset = 0, len;

    if (available <= 0)
        return FALSE;
    data = (const char *)tvb_get_ptr(tvb, start, available);
    len = (gsize)available;
    for (;;) {
        gsize used;
        offset += sc_sip_leading_newlines(data + offset, len - offset);
        used = sc_sip_parse_message(data + offset, len - offset, msg, copy_text, &strings);
        if (used == 0)
            return FALSE;
        if (skip-- == 0)
            break;
        offset += used;
    }
    msg->frame = pinfo->num;
    msg->time = nstime_to_sec(&pinfo->abs_ts);
    endpoint_of(&pinfo->src, pinfo->srcport, &msg->src);
    endpoint_of(&pinfo->dst, pinfo->destport, &msg->dst);
    return TRUE;
}

/* Over TCP, SIP taps the buffer that holds several messages once per
 * message: the n-th time a buffer comes up, it stands for its n-th
 * message. */
static guint messages_from_tap(packet_info *pinfo, sc_sip_message *messages, guint max)
{
    tvbuff_t *tapped[SC_MAX_MESSAGES_PER_FRAME];
    guint count = 0;

    for (guint i = 0; i < max; i++) {
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

/* A message's item gives its start; SIP does not always trim the item to
 * the message (on tshark's first pass of -2 the first item of a TCP
 * segment spans the whole segment), so the parser finds the end. */
static guint messages_from_items(proto_tree *tree, packet_info *pinfo, sc_sip_message *messages, guint max)
{
    GPtrArray *items = proto_get_finfo_ptr_array(tree, hf_sip_proto);
    guint count = 0;

    for (guint i = 0; items && i < items->len && count < max; i++) {
        const field_info *item = (const field_info *)g_ptr_array_index(items, i);
        if (item->ds_tvb && parse_from_tvb(item->ds_tvb, item->start, 0, &messages[count], pinfo))
            count++;
    }
    return count;
}

/* ICMP keeps each packet's type and code per frame on the first pass. */
static const char *unreachable_text(gboolean v6, guint8 code)
{
    static const char *const v4[] = {
        "ICMP network unreachable", "ICMP host unreachable", "ICMP protocol unreachable",
        "ICMP port unreachable",
    };
    static const char *const v6_texts[] = {
        "ICMPv6 no route to destination", "ICMPv6 administratively prohibited",
        "ICMPv6 beyond scope of source address", "ICMPv6 address unreachable", "ICMPv6 port unreachable",
    };

    if (v6)
        return code < G_N_ELEMENTS(v6_texts) ? v6_texts[code] : "ICMPv6 destination unreachable";
    if (code == 13)
        return "ICMP administratively prohibited";
    return code < G_N_ELEMENTS(v4) ? v4[code] : "ICMP destination unreachable";
}

/* Which ICMP dissected the frame, if any: a look at the frame's layers
 * costs less than asking for ICMP's data on every SIP frame. */
static int icmp_layer(const packet_info *pinfo)
{
    for (wmem_list_frame_t *layer = wmem_list_head(pinfo->layers); layer; layer = wmem_list_frame_next(layer)) {
        int proto = GPOINTER_TO_INT(wmem_list_frame_data(layer));
        if (proto == proto_icmp || proto == proto_icmpv6)
            return proto;
    }
    return -1;
}

static void read_icmp_context(packet_info *pinfo, sc_frame_context *context)
{
    int icmp = icmp_layer(pinfo);
    const icmp_info_t *v4 = icmp > 0 && icmp == proto_icmp
                                ? p_get_proto_data(wmem_file_scope(), pinfo, proto_icmp, 0) : NULL;
    const icmp_info_t *v6 = icmp > 0 && icmp == proto_icmpv6
                                ? p_get_proto_data(wmem_file_scope(), pinfo, proto_icmpv6, 0) : NULL;

    if (v4) {
        /* Error messages (RFC 792, 1812) quote the datagram they are about. */
        context->in_icmp_error = v4->type == 3 || v4->type == 4 || v4->type == 5 || v4->type == 11
                                 || v4->type == 12;
        context->unreachable = v4->type == 3;
        if (context->unreachable)
            context->what = unreachable_text(FALSE, v4->code);
    } else if (v6) {
        context->in_icmp_error = v6->type >= 1 && v6->type <= 4;   /* RFC 4443 error types */
        context->unreachable = v6->type == 1;
        if (context->unreachable)
            context->what = unreachable_text(TRUE, v6->code);
    }
}

guint sc_extract_messages(proto_tree *tree, packet_info *pinfo, sc_sip_message *messages, guint max,
                          sc_frame_context *context)
{
    guint count = 0;

    memset(context, 0, sizeof *context);
    strings.used = 0;
    strings.overflow = pinfo->pool;
    if (max > SC_MAX_MESSAGES_PER_FRAME)
        max = SC_MAX_MESSAGES_PER_FRAME;
    if (sip_follow_tap >= 0)
        count = messages_from_tap(pinfo, messages, max);
    if (count == 0 && tree && hf_sip_proto > 0)
        count = messages_from_items(tree, pinfo, messages, max);
    if (count > 0)
        read_icmp_context(pinfo, context);
    return count;
}
