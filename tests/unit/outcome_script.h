/* Scripted message sequences for the outcome machine's unit tests: every
 * message gets the next frame number, and its strings are handed over as
 * short-lived heap copies, freed right after the machine has seen them, so
 * the sanitizers and valgrind catch any pointer the machine keeps instead
 * of copying.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_TEST_OUTCOME_SCRIPT_H
#define SIPCODES_TEST_OUTCOME_SCRIPT_H

#include <glib.h>
#include "outcome.h"

#define CALL  "a84b4c76e66710@pc33.example.com"
#define CALL2 "second-call@pc33.example.com"
#define CALL3 "third-call@pc33.example.com"
#define ALICE "sip:alice@example.com"
#define BOB   "sip:bob@example.org"

#define MS_EPSILON 0.001

typedef struct {
    sc_outcome_machine *m;
    guint32             next_frame;
} script;

script *script_start_with_timeout(double no_final_timeout_s);
script *script_start(void);
void    script_end(script *s);

/* A request or response as most tests want it: From alice, To bob, no Via. */
sc_sip_message request_msg(double at, const char *method, const char *call_id, guint32 cseq,
                           const char *to_tag);
sc_sip_message response_msg(double at, guint code, const char *call_id, guint32 cseq,
                            const char *method, const char *to_tag);

/* Hand a message to the machine as the next frame. */
const sc_request_state  *send_request(script *s, sc_sip_message msg);
const sc_response_state *send_response(script *s, sc_sip_message msg);

const sc_request_state  *request(script *s, double at, const char *method, const char *call_id,
                                 guint32 cseq, const char *to_tag);
/* An INVITE outside any dialog: no To-tag. */
const sc_request_state  *invite(script *s, double at, const char *call_id, guint32 cseq);
const sc_response_state *respond(script *s, double at, guint code, const char *call_id,
                                 guint32 cseq, const char *method, const char *to_tag);
const sc_response_state *respond_invite(script *s, double at, guint code, const char *call_id,
                                        guint32 cseq, const char *to_tag);

void assert_outcome(const sc_call *call, sc_disposition expected);
void assert_decided_by(const sc_call *call, const sc_response_state *response, guint code);
void assert_superseded(const sc_response_state *response);
/* Neither decisive nor superseded. */
void assert_bystander(const sc_response_state *response);

/* How many calls changed since the last look. */
guint changed_calls(script *s);

#endif
