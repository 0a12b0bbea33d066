/* Q.850 cause values: one row per assigned cause, ascending, plus the
 * RFC 3398 mappings in both directions and the mismatch rule.
 *
 * Names are ITU-T's, verbatim (as collected in reference/q850_causes.tsv);
 * every description, likely cause and action is sipcodes' own wording.
 * Many causes come from ISDN access signalling and are rare on SIP trunks;
 * their texts say so, so nobody hunts for a SIP fault that cannot exist.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "q850.h"

/* Row shorthands: the RFC 3398 7.2.4.1 status, with or without a condition. */
#define MAP(code)            (code), 0, FALSE, NULL
#define MAP_ALT(code, alt, note) (code), (alt), FALSE, (note)
#define MAP_NOTE(code, note) (code), 0, FALSE, (note)
#define MAP_DEFAULT          500, 0, TRUE, NULL
#define MAP_NONE(note)       0, 0, FALSE, (note)

static const sc_q850_info q850_table[] = {
    { 1, "Unallocated (unassigned) number",
      "The number is not in service: the destination network has no line or user behind it.",
      "A mistyped or outdated number, a number that was never issued or has been ceased, "
      "or digits damaged by number normalisation (country code missing, stray prefix).",
      "Compare the digits that actually left your system with what was dialled; if they are "
      "right, confirm with the callee or the carrier that the number is live. Dialers should "
      "take the number off the list.",
      MAP(404) },
    { 2, "No route to specified transit network (national use)",
      "The network cannot reach the transit carrier the call asked to be carried by.",
      "A carrier-selection prefix or transit code that this network does not know or has no "
      "interconnect with.",
      "Check carrier-select prefixes and transit parameters in the outbound dial plan; drop "
      "them or ask the provider which transit carriers it can reach.",
      MAP(404) },
    { 3, "No route to destination",
      "The network has no route to the area, country or number range the number belongs to.",
      "The destination (a country, a mobile or premium range) is not enabled on the account "
      "or missing from someone's routing table; sometimes a number in the wrong format.",
      "Make sure the destination is allowed on your trunk and in your own routing, try the "
      "same number over another route, then report it to the provider with number and time.",
      MAP(404) },
    { 4, "Send special information tone",
      "The call cannot be completed and the caller should hear the three-tone intercept "
      "signal, usually followed by an announcement.",
      "A number problem (vacant code, changed or restricted number) reported in a generic "
      "way by the far network.",
      "Listen to the early media announcement if there is one; otherwise treat it like an "
      "invalid number and ask the provider for the underlying reason if it repeats.",
      MAP_DEFAULT },
    { 5, "Misdialled trunk prefix (national use)",
      "The number carries a national trunk prefix (such as a leading 0) where none belongs.",
      "A dial-plan rule that keeps or adds the trunk prefix after the country code, or in "
      "front of a number that is already in international form.",
      "Fix number normalisation: send E.164 (or the format the provider asks for) without "
      "a national trunk prefix.",
      MAP_DEFAULT },
    { 6, "Channel unacceptable",
      "The receiving side cannot accept the circuit or channel the sending side chose.",
      "Channel selection mismatch on an ISDN (PRI/BRI) or other TDM interface: different "
      "channel numbering, hunting or exclusive-channel settings on the two sides.",
      "Compare the TDM interface settings of both ends; on an all-SIP path ask the owner of "
      "the gateway that produced the cause.",
      MAP_DEFAULT },
    { 7, "Call awarded and being delivered in an established channel",
      "The call is being delivered on a channel that already exists; an ISDN bookkeeping "
      "value, not a failure.",
      "Legacy ISDN signalling passed through a gateway.",
      "Nothing to do unless it ends calls; then review the gateway's ISDN interworking.",
      MAP_DEFAULT },
    { 8, "Preemption",
      "The call was released so that a call with higher priority could take its resources.",
      "Precedence and preemption (MLPP) or emergency priority service in the network or PBX.",
      "Expected on networks with priority service; on an ordinary trunk ask the provider why "
      "preemption happens.",
      MAP_DEFAULT },
    { 9, "Preemption - circuit reserved for reuse",
      "The call was preempted by a higher-priority call, and the circuit is being held for "
      "that call.",
      "Precedence and preemption (MLPP) service reclaiming the circuit.",
      "As for preemption: expected with priority service, otherwise a question for the provider.",
      MAP_DEFAULT },
    { 14, "QoR: ported number",
      "Query on release: the number has moved to another operator, and the call should be "
      "routed again after a number portability lookup.",
      "The number was ported and the routing network used stale data or skipped the lookup.",
      "If you route the call, enable or refresh the number portability (LNP/MNP) lookup; "
      "otherwise report the number to the provider.",
      MAP_DEFAULT },
    { 16, "Normal call clearing",
      "The call ended normally because one side hung up. This is not a fault.",
      "A party hung up. On a failure response it usually means the far side released "
      "without giving a more specific reason.",
      "Nothing for a completed call. On a failure response the SIP status is the better "
      "information; if it repeats, ask the far side why it releases with cause 16.",
      MAP_NONE("normally carried in BYE or CANCEL, not in a failure response") },
    { 17, "User busy",
      "The called party is busy: every line or device is in use, or the user rejected the "
      "call as busy.",
      "The callee is on another call without call waiting, a PBX or trunk call limit was "
      "reached, or the user pressed reject on a phone that reports it as busy.",
      "A normal outcome: try again later. If one destination is always busy, check its "
      "simultaneous-call limit or a stuck registration.",
      MAP(486) },
    { 18, "No user responding",
      "The called party's equipment did not respond to the call offer in time; it never "
      "started ringing.",
      "Phone off or out of coverage, a stale registration for a device that is gone, or a "
      "device behind NAT that can no longer be reached.",
      "Try again later. For your own devices check registration and NAT keep-alives; for a "
      "mobile number it usually means the handset is unreachable.",
      MAP(408) },
    { 19, "No answer from user (user alerted)",
      "The called party was alerted (it rang) but nobody answered before a timer expired.",
      "Nobody picked up, or a no-answer timer in the dialer, PBX, SBC or carrier ran out "
      "before voicemail could take the call.",
      "A normal outcome: try again later. If calls are cut off too soon, compare the "
      "no-answer timers along the path.",
      MAP(480) },
    { 20, "Subscriber absent",
      "The called user cannot be reached at the moment: a mobile that is off or out of "
      "coverage, or a user with no active registration.",
      "Handset switched off, no coverage, or a SIP user whose devices are all unregistered.",
      "Try again later or by another channel; there is nothing to fix in the network.",
      MAP(480) },
    { 21, "Call rejected",
      "The destination refused the call on purpose, although it could have taken it.",
      "The callee pressed reject, a blocking list or anonymous-call rejection matched, or "
      "calling-number screening refused the caller ID that was presented.",
      "Check the caller ID you send (format, validity, withheld or not). If many different "
      "destinations reject you, your numbers may be flagged as spam; otherwise respect the "
      "refusal.",
      MAP_ALT(403, 603, "603 instead of 403 when the cause location is the user") },
    { 22, "Number changed",
      "The number is no longer used; its subscriber now has a different number.",
      "The callee changed number and the old one leads to an intercept.",
      "Update the contact record; if the response names the new number (in a Contact or "
      "the cause diagnostic), use it.",
      MAP_ALT(410, 301, "301 with a Contact when the cause diagnostic carries the new number") },
    { 23, "Redirection to new destination",
      "The call is being sent back with a new destination instead of being forwarded by "
      "the network.",
      "Call forwarding or redirection left to the caller's side, for example a SIP 3xx that "
      "a gateway turned into a release instead of following it.",
      "Call the new destination if one is given; otherwise find out why the redirection was "
      "not followed.",
      MAP(410) },
    { 24, "Call rejected due to feature at the destination",
      "A service at the called side, such as anonymous-call or selective call rejection, "
      "refused the call.",
      "The callee has a feature that blocks calls like this one, most often calls without "
      "a caller ID.",
      "Present a valid caller ID; beyond that it is the callee's choice.",
      MAP_DEFAULT },
    { 25, "Exchange routing error",
      "The call was stopped because it went round a loop or through too many exchanges.",
      "A routing loop between carriers, or between your PBX and the provider (forwarding "
      "that points back), until the hop counter ran out.",
      "Look for the same call appearing more than once in the trace, check forwarding and "
      "routing on both sides, and report loops to the provider.",
      MAP_DEFAULT },
    { 26, "Non-selected user clearing",
      "This called device was offered the call, but another device answered it, so this "
      "one is released. Not a fault.",
      "Parallel ringing, forking or a hunt group in which someone else picked up.",
      "Nothing in a forking setup. Some ANSI networks use this value for a misrouted ported "
      "number; if it ends calls, check number portability routing.",
      MAP_NOTE(404, "ANSI networks use this value for a misrouted ported number") },
    { 27, "Destination out of order",
      "The destination's equipment or access link is not working, so the call cannot be "
      "delivered.",
      "The callee's PBX, SBC or trunk is down, its signalling link failed, or the endpoint "
      "stopped answering.",
      "If the destination is yours (a PBX behind the trunk), check that it is up and "
      "reachable from the provider; otherwise try later and report it if it persists.",
      MAP(502) },
    { 28, "Invalid number format (address incomplete)",
      "The number is malformed or has too few digits to be routed.",
      "Missing digits, a wrong prefix or country code, characters that are not digits, or "
      "the wrong number type (national versus international) after translation.",
      "Check the dialled number and the translation rules; send the format the provider "
      "expects, usually E.164 with a leading +.",
      MAP(484) },
    { 29, "Facility rejected",
      "The network refused a supplementary service that the call asked for.",
      "A requested feature (number withholding, user-to-user data, reverse charging, "
      "priority) that is not provisioned or not allowed.",
      "Find which service the call requests (privacy headers, special parameters) and remove "
      "it or have it provisioned.",
      MAP(501) },
    { 30, "Response to STATUS ENQUIRY",
      "A reply to a status enquiry during ISDN error recovery; not a reason to end a call.",
      "Error recovery on an ISDN link behind a gateway.",
      "If it ends calls, examine that ISDN link for signalling errors.",
      MAP_DEFAULT },
    { 31, "Normal, unspecified",
      "A normal event with no more specific reason: the generic value for a call that did "
      "not happen.",
      "The releasing side had no better cause, or a gateway translated a SIP status that "
      "has no specific Q.850 equivalent.",
      "Rely on the SIP status and the rest of the trace for the real reason; ask the "
      "releasing side if it keeps happening.",
      MAP(480) },
    { 34, "No circuit/channel available",
      "No free circuit or channel was available to carry the call.",
      "All channels of a trunk or PRI are busy, the SIP trunk's concurrent-call limit is "
      "reached, or the carrier's interconnect is full.",
      "Compare concurrent calls with the channels you pay for, slow the dialer down, retry "
      "later; add capacity or an overflow route if it is frequent.",
      MAP(503) },
    { 38, "Network out of order",
      "The network is not working properly, and the problem is likely to last for a while.",
      "An outage at the provider or on an interconnect, failed signalling links.",
      "Check the provider's status information, fail over to another route, and report the "
      "outage with times and example calls.",
      MAP(503) },
    { 39, "Permanent frame mode connection out of service",
      "A permanent frame-mode (frame relay) connection is out of service.",
      "Legacy data network equipment; hardly ever seen on voice calls.",
      "Refer it to the owner of the data connection; on a SIP path treat it as a network "
      "fault.",
      MAP_DEFAULT },
    { 40, "Permanent frame mode connection operational",
      "A permanent frame-mode connection is working again; a status report, not a failure.",
      "Legacy data network status signalling.",
      "None.",
      MAP_DEFAULT },
    { 41, "Temporary failure",
      "A short-lived network fault; the same call is likely to work if tried again soon.",
      "An equipment restart, a dropped signalling link, a failed node in a cluster, or a "
      "gateway that lost its upstream connection.",
      "Retry after a short pause or over another route; if it keeps happening, report it to "
      "the provider with example calls.",
      MAP(503) },
    { 42, "Switching equipment congestion",
      "The switching equipment that handles the call is overloaded.",
      "Traffic peaks, bursts of call attempts (dialer campaigns), or overload protection at "
      "the provider.",
      "Reduce the call rate, honour Retry-After, spread the load over routes, and agree rate "
      "limits with the provider.",
      MAP(503) },
    { 43, "Access information discarded",
      "Some optional information (user-to-user data, subaddress and similar) could not be "
      "passed to the destination; the call itself may still go through.",
      "An interworking point that drops optional information elements.",
      "Usually informational; if that information matters, check that the whole path "
      "supports it.",
      MAP_DEFAULT },
    { 44, "Requested circuit/channel not available",
      "The particular circuit or channel that was asked for is not available, although "
      "others may be.",
      "Glare (both sides seized the same channel) or mismatched channel selection on a TDM "
      "interface.",
      "The originating switch should pick another circuit by itself; if calls still fail, "
      "check channel selection and hunting on the TDM interface.",
      MAP_NONE("no SIP equivalent: the originating switch selects another circuit") },
    { 46, "Precedence call blocked",
      "A priority call could not be placed because no lower-priority call could be "
      "preempted.",
      "All circuits are busy with calls of equal or higher precedence (MLPP).",
      "Try again later; outside a priority network, ask the provider.",
      MAP_DEFAULT },
    { 47, "Resource unavailable, unspecified",
      "A resource the call needs is unavailable, without a more specific reason.",
      "Media resources (DSPs, transcoders, conference ports) are exhausted, or the "
      "equipment reports congestion in a generic way.",
      "Try again later; check media resource usage on gateways and SBCs and report "
      "persistent cases to the provider.",
      MAP(503) },
    { 49, "Quality of Service not available",
      "The network cannot provide the quality of service the call requested.",
      "A failed QoS reservation; rare in practice.",
      "Check whether the call requests QoS or preconditions; try without them or ask the "
      "provider.",
      MAP_DEFAULT },
    { 50, "Requested facility not subscribed",
      "The caller asked for a service that is not part of their subscription.",
      "The service is not on the account: international or premium calling, a caller ID "
      "option, a supplementary service.",
      "Check the services enabled on the account with the provider; subscribe or stop "
      "requesting the service.",
      MAP_DEFAULT },
    { 53, "Outgoing calls barred within CUG",
      "The caller belongs to a closed user group that may not make this kind of outgoing "
      "call.",
      "Closed user group settings on the caller's line or PBX.",
      "Have the line administrator check group membership and outgoing permissions.",
      MAP_DEFAULT },
    { 55, "Incoming calls barred within CUG",
      "The called party belongs to a closed user group that does not accept this incoming "
      "call.",
      "The callee's group only accepts calls from its members.",
      "Only the callee or their administrator can allow the call; nothing to fix on the "
      "caller's side.",
      MAP(403) },
    { 57, "Bearer capability not authorized",
      "The caller is not allowed to use the requested kind of connection (for example "
      "unrestricted digital data or video).",
      "A data, fax or video call on a voice-only subscription, or a gateway that signals the "
      "wrong bearer type.",
      "Make sure voice calls are signalled as speech or 3.1 kHz audio; otherwise have the "
      "service enabled.",
      MAP(403) },
    { 58, "Bearer capability not presently available",
      "The requested kind of connection exists but cannot be provided right now.",
      "A temporary shortage of the resources for that bearer type, such as digital data "
      "channels or transcoders.",
      "Try again later or as a plain voice call; report it if it persists.",
      MAP(503) },
    { 62, "Inconsistency in designated outgoing access information and subscriber class",
      "The outgoing access the call requests conflicts with the caller's subscriber class.",
      "Closed user group and outgoing access settings that contradict the subscription.",
      "Ask the provider to review the line's closed user group and outgoing access settings.",
      MAP_DEFAULT },
    { 63, "Service or option not available, unspecified",
      "A requested service or option is not available, without a more specific reason.",
      "A feature that is not provisioned, or an option the far network does not offer.",
      "Compare the failing request (headers, codecs, features) with a call that works and "
      "ask the provider which part it refuses.",
      MAP_DEFAULT },
    { 65, "Bearer capability not implemented",
      "The network or destination does not support the requested kind of connection at all.",
      "A media mismatch translated into ISDN terms: video or data offered where only voice "
      "is possible, or no codec in common.",
      "Check the SDP offer (media types, codecs) and the gateway's bearer settings; offer a "
      "voice codec the far end supports, such as G.711.",
      MAP(488) },
    { 66, "Channel type not implemented",
      "The requested channel type is not supported.",
      "A TDM interface configured for a channel type or rate the other side lacks.",
      "Compare the TDM interface settings with the other side.",
      MAP_DEFAULT },
    { 69, "Requested facility not implemented",
      "The network does not implement a supplementary service the call requested.",
      "A request for a feature that the equipment on the path does not support.",
      "Stop requesting the feature or route the call over a network that supports it.",
      MAP_DEFAULT },
    { 70, "Only restricted digital information bearer capability is available (national use)",
      "Only a restricted (56 kbit/s) digital connection is available, but the call asked "
      "for an unrestricted one.",
      "Older networks with 56 kbit/s trunks carrying a data call.",
      "Request a restricted or voice connection, or use another route.",
      MAP(488) },
    { 79, "Service or option not implemented, unspecified",
      "A requested service or option is not implemented, without a more specific reason.",
      "The far side does not implement a method, extension or feature the request uses.",
      "Look at the SIP status (501, 415, 420...) and compare the request with one that "
      "works; drop the unsupported part.",
      MAP(501) },
    { 81, "Invalid call reference value",
      "A message referred to a call the receiver does not know.",
      "Signalling state out of step after a restart, or a late message for a call that was "
      "already cleared.",
      "Usually transient; if frequent, look for restarts on the gateway's ISDN link.",
      MAP_DEFAULT },
    { 82, "Identified channel does not exist",
      "A message named a channel that does not exist on the interface.",
      "The two sides of a PRI number their channels differently or have a different number "
      "of channels configured.",
      "Compare the channel configuration on both sides of the interface.",
      MAP_DEFAULT },
    { 83, "A suspended call exists, but this call identity does not",
      "An attempt to resume a parked ISDN call used an identity that matches no parked call.",
      "ISDN call suspend and resume; rare, and never a SIP problem.",
      "Nothing on a SIP path; check the ISDN terminal if it is frequent.",
      MAP_DEFAULT },
    { 84, "Call identity in use",
      "The identity chosen for parking an ISDN call is already in use.",
      "ISDN call suspend and resume; rare.",
      "Park the call under another identity; rarely relevant to SIP.",
      MAP_DEFAULT },
    { 85, "No call suspended",
      "An attempt to resume a parked ISDN call found no parked call.",
      "ISDN call suspend and resume; rare.",
      "Rarely relevant to SIP; check the ISDN terminal if it is frequent.",
      MAP_DEFAULT },
    { 86, "Call having the requested call identity has been cleared",
      "The parked ISDN call that was to be resumed has been cleared in the meantime.",
      "A network timer expired or the other party hung up while the call was parked.",
      "Place a new call.",
      MAP_DEFAULT },
    { 87, "User not member of CUG",
      "The call tried to reach a closed user group that the caller does not belong to.",
      "Closed user group restrictions at the called side.",
      "Ask the group administrator to add the caller, or call from a member line.",
      MAP(403) },
    { 88, "Incompatible destination",
      "The destination cannot handle the kind of call offered.",
      "A voice call to a data-only or fax-only device (or the reverse), or a media "
      "incompatibility reported by a gateway.",
      "Check the SDP and the gateway's bearer settings, try a plain voice call, and verify "
      "what kind of device the number belongs to.",
      MAP(503) },
    { 90, "Non-existent CUG",
      "The closed user group named in the call does not exist.",
      "Closed user group misconfiguration.",
      "Have the provider correct the closed user group configuration.",
      MAP_DEFAULT },
    { 91, "Invalid transit network selection (national use)",
      "The transit carrier identification in the call is malformed.",
      "A carrier-select code in the wrong format.",
      "Correct or remove the transit carrier selection in the dial plan.",
      MAP_DEFAULT },
    { 95, "Invalid message, unspecified",
      "A signalling message was invalid, without a more specific reason.",
      "A malformed message from one side, or a translation error in a gateway.",
      "Capture the signalling on both sides of the gateway, look for the malformed message "
      "and report it to the vendor.",
      MAP_DEFAULT },
    { 96, "Mandatory information element is missing",
      "A signalling message lacked a part that is required.",
      "A gateway or switch sending incomplete messages, for example no called number left "
      "after translation.",
      "Check that the gateway sends valid called and calling numbers; fix translation rules "
      "or update the firmware.",
      MAP_DEFAULT },
    { 97, "Message type non-existent or not implemented",
      "The receiver got a type of message it does not know.",
      "The two switches speak different variants of the signalling protocol.",
      "Make both sides use the same protocol variant (switch type).",
      MAP_DEFAULT },
    { 98, "Message not compatible with call state or message type non-existent or not implemented",
      "A message arrived that is unknown or not allowed in the call's current state.",
      "A protocol variant mismatch, or the two sides' call states out of step.",
      "Check the switch type and protocol variant settings; capture both sides.",
      MAP_DEFAULT },
    { 99, "Information element / parameter non-existent or not implemented",
      "A message carried a part the receiver does not know; that part was ignored.",
      "A protocol variant mismatch, or optional parameters from a newer protocol version.",
      "Usually harmless; if calls fail, align the protocol variants.",
      MAP_DEFAULT },
    { 100, "Invalid information element contents",
      "A known part of a message had invalid contents.",
      "A malformed number (characters that are not digits, wrong number type) or bad "
      "parameter coding, often in the caller ID or the called number.",
      "Check the numbers and parameters that are sent, starting with the caller ID and the "
      "called number.",
      MAP_DEFAULT },
    { 101, "Message not compatible with call state",
      "A message arrived that is not allowed in the call's current state.",
      "A race between the two sides, such as a message crossing a release.",
      "Usually transient; capture both sides if it is frequent.",
      MAP_DEFAULT },
    { 102, "Recovery on timer expiry",
      "A signalling timer expired and the call was cleared to recover.",
      "The next hop did not answer a signalling message in time: lost packets, an "
      "unreachable or overloaded peer.",
      "Check reachability and delay towards the next hop and look for retransmissions in "
      "the SIP trace; report persistent cases to the provider.",
      MAP(504) },
    { 103, "Parameter non-existent or not implemented - passed on (national use)",
      "A parameter the receiver does not know was passed on unchanged; informational.",
      "Different protocol versions on the path.",
      "Usually nothing.",
      MAP_DEFAULT },
    { 110, "Message with unrecognized parameter discarded",
      "A message was thrown away because it contained a parameter the receiver did not "
      "recognise.",
      "A protocol variant mismatch or a non-standard parameter.",
      "Align protocol variants or remove the non-standard parameter.",
      MAP_DEFAULT },
    { 111, "Protocol error, unspecified",
      "A signalling protocol error, without a more specific reason.",
      "A malformed message or a translation fault in a gateway.",
      "Capture both sides, check the SIP messages for malformed headers, and report it to "
      "the equipment vendor or the provider.",
      MAP(500) },
    { 127, "Interworking, unspecified",
      "The call crossed a network that could not report the real reason; the cause was "
      "lost in translation between signalling systems.",
      "A gateway between SIP, ISUP, H.323 or mobile signalling had no better cause to send.",
      "Rely on the SIP status; ask the provider to trace the call to find the real reason.",
      MAP(500) },
};

static const char unassigned_name[] = "(unassigned in Q.850)";
static const char malformed_name[]  = "(not a Q.850 cause value)";

/* Q.850 classes are the upper three bits of the 7-bit value; 000 and 001
 * are both "normal event". */
static const char *const class_names[] = {
    "normal event", "normal event", "resource unavailable",
    "service or option not available", "service or option not implemented",
    "invalid message", "protocol error", "interworking",
};

const sc_q850_info *sc_q850_causes(gsize *count)
{
    if (count)
        *count = G_N_ELEMENTS(q850_table);
    return q850_table;
}

const sc_q850_info *sc_q850_lookup(guint cause)
{
    gsize lo = 0, hi = G_N_ELEMENTS(q850_table);

    while (lo < hi) {
        gsize mid = lo + (hi - lo) / 2;
        if (q850_table[mid].cause == cause)
            return &q850_table[mid];
        if (q850_table[mid].cause < cause)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *sc_q850_class_name(guint cause)
{
    return cause <= SC_Q850_MAX_CAUSE ? class_names[cause >> 4] : NULL;
}

/* Values Q.850 leaves unassigned that FreeSWITCH (switch_call_cause_t) and
 * Asterisk (causes.h) define and send in Reason headers: they come from the
 * 1988 ISDN cause list and national variants. */
static const sc_q850_non_itu_info non_itu_table[] = {
    { 45, "Preempted (not in Q.850)", "FreeSWITCH PRE_EMPTED, Asterisk AST_CAUSE_PRE_EMPTED",
      "The call was released so that a call with higher priority could take its resources. "
      "Q.850 itself uses cause 8 for this.",
      "Expected on networks with priority service; on an ordinary trunk ask the owner of the "
      "equipment that sent it why it preempts calls." },
    { 52, "Outgoing calls barred (not in Q.850)",
      "FreeSWITCH OUTGOING_CALL_BARRED, Asterisk AST_CAUSE_OUTGOING_CALL_BARRED (sent with 403)",
      "The calling line or account may not place this call: a barring or class-of-service "
      "restriction on the caller's side, such as no international or premium destinations.",
      "Check what the calling account may dial (destination classes, credit, a barring set by "
      "the provider) and lift the restriction or route the call another way." },
    { 54, "Incoming calls barred (not in Q.850)",
      "FreeSWITCH INCOMING_CALL_BARRED, Asterisk AST_CAUSE_INCOMING_CALL_BARRED (sent with 403)",
      "The called line does not take incoming calls, or not from this caller: a barring on the "
      "callee's side.",
      "Nothing to fix on the calling side once the number is confirmed; if the line should take "
      "calls, its owner has to ask their provider to lift the barring." },
};

const sc_q850_non_itu_info *sc_q850_non_itu_causes(gsize *count)
{
    if (count)
        *count = G_N_ELEMENTS(non_itu_table);
    return non_itu_table;
}

static const sc_q850_non_itu_info *non_itu_lookup(guint cause)
{
    for (gsize i = 0; i < G_N_ELEMENTS(non_itu_table); i++) {
        if (non_itu_table[i].cause == cause)
            return &non_itu_table[i];
    }
    return NULL;
}

sc_q850_explanation sc_q850_explain_at(guint cause, guint location)
{
    sc_q850_explanation e = { .cause = cause };

    e.class_name = sc_q850_class_name(cause);
    e.info = sc_q850_lookup(cause);
    e.location = sc_q850_location(location);
    e.provenance = sc_q850_location_provenance(e.location);
    if (e.info) {
        e.assigned = TRUE;
        e.name = e.info->name;
        e.description = e.info->description;
        e.action = e.info->action;
    } else if (cause <= SC_Q850_MAX_CAUSE) {
        e.unassigned = TRUE;
        e.non_itu = non_itu_lookup(cause);
        if (e.non_itu) {
            e.name = e.non_itu->name;
            e.description = e.non_itu->description;
            e.action = e.non_itu->action;
            return e;
        }
        e.name = unassigned_name;
        e.description = "Q.850 gives this cause value no meaning; the sending equipment "
                        "uses a private value or a wrong one.";
        e.action = "Look the value up in the sending vendor's cause list; until then treat "
                   "it as an unspecified failure of its class.";
    } else {
        e.malformed = TRUE;
        e.name = malformed_name;
        e.description = "Cause values end at 127, so this number is not a Q.850 cause; the "
                        "Reason header is malformed or uses another numbering.";
        e.action = "Report the malformed Reason header to whoever sends it.";
    }
    return e;
}

sc_q850_explanation sc_q850_explain(guint cause)
{
    return sc_q850_explain_at(cause, SC_Q850_NO_LOCATION);
}

/* ---- SIP status -> cause (RFC 3398 8.2.6.1) ---- */

typedef struct {
    guint16 sip_code;
    guint8  cause;
} sip_cause_row;

/* Only the rows with a specific cause; the default (31) is applied in code.
 * The RFC prints the 505 row as "504 Version Not Supported"; 505 is meant. */
static const sip_cause_row sip_to_cause[] = {
    { 300, 23 }, { 301, 23 }, { 302, 23 }, { 305, 23 }, { 380, 23 },
    { 400, 41 }, { 401, 21 }, { 402, 21 }, { 403, 21 }, { 404, 1 },
    { 405, 63 }, { 406, 79 }, { 407, 21 }, { 408, 102 }, { 410, 22 },
    { 413, 127 }, { 414, 127 }, { 415, 79 }, { 416, 127 }, { 420, 127 },
    { 421, 127 }, { 423, 127 }, { 480, 18 }, { 481, 41 }, { 482, 25 },
    { 483, 25 }, { 484, 28 }, { 485, 1 }, { 486, 17 }, { 500, 41 },
    { 501, 79 }, { 502, 38 }, { 503, 41 }, { 504, 102 }, { 505, 127 },
    { 513, 127 }, { 600, 17 }, { 603, 21 }, { 604, 1 },
};

/* The cause 8.2.6.1 lists for this code, 0 when it lists none. */
static guint specific_cause_for(guint sip_code)
{
    for (gsize i = 0; i < G_N_ELEMENTS(sip_to_cause); i++) {
        if (sip_to_cause[i].sip_code == sip_code)
            return sip_to_cause[i].cause;
    }
    return 0;
}

guint sc_sip_to_q850(guint sip_code)
{
    guint cause = specific_cause_for(sip_code);

    if (cause)
        return cause;
    /* 487 only confirms a CANCEL; the RFC deliberately maps it to nothing. */
    if (sip_code == 487)
        return 0;
    return (sip_code >= 400 && sip_code <= 699) ? 31 : 0;
}
