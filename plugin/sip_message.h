/* One SIP message as sipcodes sees it: the plain struct the parser fills
 * from the message's bytes and the decide layer (kb, outcome) reads.
 * No Wireshark types here.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_SIP_MESSAGE_H
#define SIPCODES_SIP_MESSAGE_H

#include <string.h>
#include <glib.h>

#define SC_MAX_REASONS  4
#define SC_MAX_WARNINGS 4

typedef enum {
    SC_REASON_Q850,
    SC_REASON_SIP,
    SC_REASON_OTHER
} sc_reason_protocol;

typedef struct {
    sc_reason_protocol protocol;
    guint              cause;
    gboolean           has_location;
    guint8             location;   /* RFC 8606 Q.850 location (0 user ... 10 beyond interworking) */
    gboolean           malformed;  /* no readable "cause" parameter (cause is then 0) */
} sc_reason;

/* An address and port the capture saw a message come from or go to. */
typedef struct {
    guint8  family;         /* 0 unknown, 4 IPv4, 6 IPv6 */
    guint16 port;           /* 0 when unknown */
    guint8  address[16];    /* the first 4 bytes for IPv4 */
} sc_endpoint;

/* Strings are borrowed for the duration of one dissection; keep copies. */
typedef struct {
    guint32      frame;
    double       time;          /* seconds; only differences are used */
    gboolean     is_response;

    guint        status_code;   /* responses */
    const char  *phrase;        /* responses: reason phrase as carried, "" if none */
    const char  *method;        /* requests */

    const char  *call_id;       /* NULL when the message carries none */
    guint32      cseq;
    gboolean     cseq_valid;    /* the CSeq number is one (RFC 3261 8.1.1.5) */
    const char  *cseq_method;   /* NULL when no CSeq */
    const char  *via_branch;    /* the topmost Via's branch; NULL without (RFC 2543) */
    guint        via_count;     /* Via values in all: fewer is further upstream */
    const char  *from;          /* From address (URI); only calls read it, so the byte
                                   parser fills it for INVITE transactions only */
    const char  *to;            /* To address (URI); likewise */
    const char  *to_tag;        /* NULL when the To header has no tag */
    const char  *from_tag;      /* requests INVITE, BYE and CANCEL only; NULL without */

    gboolean     has_retry_after;
    guint32      retry_after;   /* seconds */
    gboolean     retry_after_invalid; /* the header was there but unreadable */
    const char  *server;        /* Server header, else User-Agent; NULL if neither (the byte
                                   parser fills it for responses only, which overrides match) */

    guint        reason_count;
    sc_reason    reasons[SC_MAX_REASONS];
    guint        warning_count;
    const char  *warnings[SC_MAX_WARNINGS]; /* raw Warning header values */

    sc_endpoint  src;           /* filled by the finder, not the parser */
    sc_endpoint  dst;
} sc_sip_message;

/* A request with this method (methods are compared case by case, as SIP does). */
static inline gboolean sc_sip_request_is(const sc_sip_message *msg, const char *method)
{
    return !msg->is_response && msg->method && strcmp(msg->method, method) == 0;
}

/* CSeq method INVITE: the only transactions that make calls or decide them. */
static inline gboolean sc_sip_in_invite_transaction(const sc_sip_message *msg)
{
    return msg->cseq_method && strcmp(msg->cseq_method, "INVITE") == 0;
}

#endif
