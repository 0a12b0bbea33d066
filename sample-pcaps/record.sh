#!/usr/bin/env bash
# Re-record every sample capture in this folder from real SIPp peers talking
# over the loopback interface, captured with dumpcap.
#
#   ./record.sh              re-record all captures
#   ./record.sh NAME...      re-record only these (e.g. answered busy-486)
#   ./record.sh --list       list the capture names
#   RECORD_DEBUG=1 ./record.sh ...   also write SIPp message traces and keep
#                                    all logs (the folder is printed at exit)
#
# Needs: sipp (Debian/Ubuntu package sip-tester) and dumpcap (pulled in by
# the tshark package); tshark, when present, is used to check each capture.
# dumpcap needs root, or the capture capabilities (cap_net_raw, cap_net_admin)
# that the wireshark-common package can grant to members of group
# "wireshark". Run as root (e.g. `sudo ./record.sh`) if unsure.
#
# Every capture uses its own ports: capture number N has the callee (UAS) on
# 127.0.0.1:5100+N, the redirect target (when a call is redirected) on
# 127.0.0.1:5150+N and the caller (UAC) on 127.0.0.1:5300+N; a proxy capture
# has the proxy on 5100+N, carrier A on 5150+N and carrier B on 5200+N.
# dumpcap captures on "lo" with a filter for exactly those ports (plus ICMP
# destination unreachable for icmp-port-unreachable), so nothing else gets in.
# Nothing is ever sent to any address but 127.0.0.1. The ports in use hold
# none that Wireshark 4.0 gives to another protocol (5060+N would not do: UDP
# 5072 is AYIYA, TCP 5061 TLS, TCP 5066 STANAG 5066; the numbers skipped among
# 30-59 are listed above rec_proxy_failover_503_then_486), so all of it
# decodes as SIP through the SIP heuristics, without "Decode As".
#
# Every sipp runs with -timeout/-timeout_error and dumpcap with an autostop
# duration, so nothing can hang; background processes are killed on exit.
# Re-running is safe: each capture is written to a temporary file and moved
# over the old one only when the recording succeeded and (with tshark) shows
# the expected message sequence.

set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCEN=$HERE/scenarios
IP=127.0.0.1
SIPP_TIMEOUT=20      # seconds: hard limit for every sipp process
CAPTURE_LIMIT=40     # seconds: hard limit for every dumpcap process

die() { echo "record.sh: $*" >&2; exit 1; }

need() {  # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 ||
        die "'$1' not found; install it with:" \
            "DEBIAN_FRONTEND=noninteractive apt-get install -y $2"
}
need sipp sip-tester
need dumpcap tshark
HAVE_TSHARK=0
if command -v tshark >/dev/null 2>&1; then HAVE_TSHARK=1; fi
if [ "$(id -u)" -ne 0 ]; then
    echo "record.sh: not root; dumpcap must have the capture capabilities" >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sipcodes-record.XXXXXX")
DEBUG=${RECORD_DEBUG:-0}
BG_PIDS=()          # the sipps and dumpcap of the current capture

cleanup() {
    local pid
    for pid in "${BG_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${BG_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "$DEBUG" = 1 ]; then
        echo "record.sh: logs kept in $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# Helpers. A capture is recorded as
#   begin NAME TRANSPORT N [OPT]  start dumpcap (TRANSPORT: udp or tcp);
#                                 OPT carrier_b: also capture port 5200+N,
#                                 OPT icmp: also capture ICMP unreachables
#   uas SCENARIO [sipp args]      background callee on port 5100+N
#   alt SCENARIO [sipp args]      background redirect target on 5150+N
#   carrier_b SCENARIO [args]     background second carrier on 5200+N
#   uac SCENARIO [sipp args]      caller on 5300+N, one call; waits for it
#   uac_at PORT CALL-ID SCENARIO [sipp args]
#                                 the same, to 127.0.0.1:PORT, with that
#                                 Call-ID (for a second call in one capture)
#   finish "EXPECTED SEQUENCE"    wait, stop dumpcap, check, move into place

NAME='' PROTO='' UAS_PORT='' UAC_PORT='' ALT_PORT='' B_PORT='' TMPCAP='' DUMPCAP_PID=''
UAS_PIDS=()

show_log() {  # show_log FILE: print the tail of a log on failure
    echo "---- $1 (last lines) ----" >&2
    grep -v '^[[:space:]]*$' "$1" 2>/dev/null | tail -n 25 >&2 || true
}

wait_for() {  # wait_for SECONDS COMMAND...: poll until COMMAND succeeds
    local tries=$(( $1 * 20 )); shift
    until "$@"; do
        tries=$(( tries - 1 ))
        [ "$tries" -gt 0 ] || return 1
        sleep 0.05
    done
}

listening() {  # listening udp|tcp PORT: is PORT bound on 127.0.0.1 or 0.0.0.0?
    local port
    port=$(printf '%04X' "$2")
    if [ "$1" = tcp ]; then
        awk -v p="$port" '($2 == "0100007F:" p || $2 == "00000000:" p) && $4 == "0A" {f=1}
                          END {exit !f}' /proc/net/tcp
    else
        awk -v p="$port" '$2 == "0100007F:" p || $2 == "00000000:" p {f=1}
                          END {exit !f}' /proc/net/udp
    fi
}

begin() {  # begin NAME udp|tcp N [carrier_b] [icmp]
    NAME=$1 PROTO=$2
    UAS_PORT=$((5100 + $3)) ALT_PORT=$((5150 + $3)) UAC_PORT=$((5300 + $3))
    B_PORT=$((5200 + $3))
    shift 3
    UAS_PIDS=()
    TMPCAP=$WORK/$NAME.pcapng
    local -a ports=("$UAS_PORT" "$ALT_PORT" "$UAC_PORT")
    local with_b=0 with_icmp=0 opt port
    for opt in "$@"; do
        case $opt in
            carrier_b) with_b=1; ports+=("$B_PORT") ;;
            icmp) with_icmp=1 ;;
            *) die "begin: unknown option '$opt'" ;;
        esac
    done
    for port in "${ports[@]}"; do
        ! listening "$PROTO" "$port" ||
            die "$NAME: $PROTO port $port on $IP is already in use (a stale sipp?)"
    done
    local filter="port $UAS_PORT or port $UAC_PORT or port $ALT_PORT"
    [ "$with_b" = 1 ] && filter="$filter or port $B_PORT"
    filter="$PROTO and ($filter)"
    # The kernel's ICMP port unreachable on loopback quotes the datagram it
    # refuses (type 3 = destination unreachable, nothing else).
    [ "$with_icmp" = 1 ] && filter="($filter) or (icmp and icmp[icmptype] == icmp-unreach)"
    filter="host $IP and ($filter)"
    dumpcap -q -i lo -f "$filter" -a "duration:$CAPTURE_LIMIT" -w "$TMPCAP" \
        >"$WORK/$NAME.dumpcap.log" 2>&1 &
    DUMPCAP_PID=$!
    BG_PIDS+=("$DUMPCAP_PID")
    # dumpcap writes the file header once the interface and filter are set.
    wait_for 10 test -s "$TMPCAP" ||
        { show_log "$WORK/$NAME.dumpcap.log"; die "$NAME: dumpcap did not start"; }
    sleep 0.3
}

sipp_args() {  # common arguments for every sipp
    local t=u1
    [ "$PROTO" = tcp ] && t=t1
    printf '%s\n' -t "$t" -i "$IP" -bind_local -nostdin -m 1 \
        -timeout "${SIPP_TIMEOUT}s" -timeout_error
    if [ "$DEBUG" = 1 ]; then
        printf '%s\n' -trace_msg -trace_err -trace_logs
    fi
}

start_uas() {  # start_uas PORT ROLE SCENARIO [sipp args]
    local port=$1 role=$2 scenario=$3; shift 3
    local -a common
    mapfile -t common < <(sipp_args)
    (cd "$WORK" && exec sipp -sf "$SCEN/$scenario" -p "$port" "${common[@]}" "$@") \
        >"$WORK/$NAME.$role.log" 2>&1 </dev/null &
    UAS_PIDS+=("$!:$role")
    BG_PIDS+=("$!")
    wait_for 10 listening "$PROTO" "$port" ||
        { show_log "$WORK/$NAME.$role.log"; die "$NAME: $role did not start"; }
}

uas() { start_uas "$UAS_PORT" uas "$@"; }
alt() { start_uas "$ALT_PORT" alt "$@"; }
carrier_b() { start_uas "$B_PORT" carrier-b "$@"; }

uac() {  # uac SCENARIO [sipp args]
    uac_at "$UAS_PORT" "$NAME-%u@%s" "$@"
}

uac_at() {  # uac_at PORT CID_STR SCENARIO [sipp args]
    local port=$1 cid=$2 scenario=$3 pid; shift 3
    local -a common
    mapfile -t common < <(sipp_args)
    # In the background and waited for, so that a signal reaches our trap
    # at once instead of after sipp ends.
    (cd "$WORK" && exec sipp -sf "$SCEN/$scenario" "$IP:$port" \
        -p "$UAC_PORT" -cid_str "$cid" "${common[@]}" "$@") \
        >>"$WORK/$NAME.uac.log" 2>&1 </dev/null &
    pid=$!
    BG_PIDS+=("$pid")
    if ! wait "$pid"; then
        show_log "$WORK/$NAME.uac.log"
        die "$NAME: caller (sipp UAC) failed"
    fi
}

signature() {  # signature FILE: "INVITE 100 180 ..."; "+" joins messages sharing a frame;
               # an ICMP error quoting a SIP message shows as "ICMP(INVITE)"
    tshark -r "$1" -Y sip -T fields -e sip.Method -e sip.Status-Code -e icmp.type 2>/dev/null |
        awk -F'\t' '{
            gsub(/,/, "+", $1); gsub(/,/, "+", $2)
            s = $1; if ($2 != "") s = (s == "" ? $2 : s "+" $2)
            if ($3 != "") s = "ICMP(" s ")"
            out = out (NR > 1 ? " " : "") s
        } END { print out }'
}

finish() {  # finish "EXPECTED SEQUENCE"
    local expected=$1 entry pid role
    for entry in "${UAS_PIDS[@]}"; do
        pid=${entry%%:*} role=${entry#*:}
        if ! wait "$pid"; then
            show_log "$WORK/$NAME.$role.log"
            die "$NAME: callee (sipp $role) failed"
        fi
    done
    sleep 0.3                     # let the last packets reach dumpcap
    kill -TERM "$DUMPCAP_PID" 2>/dev/null || true
    wait "$DUMPCAP_PID" || true
    BG_PIDS=()
    [ -s "$TMPCAP" ] || die "$NAME: no capture written"
    if [ "$HAVE_TSHARK" = 1 ]; then
        local got
        got=$(signature "$TMPCAP")
        [ "$got" = "$expected" ] ||
            die "$NAME: unexpected messages: got '$got', expected '$expected'"
    fi
    chmod 644 "$TMPCAP"           # dumpcap creates 0600; tests read as nobody
    mv -f "$TMPCAP" "$HERE/$NAME.pcapng"
    printf '%-34s %s\n' "$NAME.pcapng" "$expected"
}

# ---------------------------------------------------------------------------
# The captures. uas-invite.xml / uac-invite.xml take "-set NAME VALUE"
# options, documented at the top of each scenario.

rec_answered() {
    begin answered udp 1
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 200
    uac uac-invite.xml
    finish "INVITE 100 180 200 ACK BYE 200"
}

rec_busy_486() {
    begin busy-486 udp 2
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 486 -set reason "Busy Here"
    uac uac-invite.xml
    finish "INVITE 100 180 486 ACK"
}

rec_not_found_404() {
    begin not-found-404 udp 3
    uas uas-invite.xml -set trying 1 -set final 404 -set reason "Not Found"
    uac uac-invite.xml
    finish "INVITE 100 404 ACK"
}

rec_forbidden_403() {
    begin forbidden-403 udp 4
    uas uas-invite.xml -set trying 1 -set final 403 -set reason "Forbidden"
    uac uac-invite.xml
    finish "INVITE 100 403 ACK"
}

rec_unavailable_480() {
    begin unavailable-480 udp 5
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 480 \
        -set reason "Temporarily Unavailable"
    uac uac-invite.xml
    finish "INVITE 100 180 480 ACK"
}

rec_cancelled_487() {
    begin cancelled-487 udp 6
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 487
    uac uac-invite.xml -set cancel 1
    finish "INVITE 100 180 CANCEL 200 487 ACK"
}

rec_service_unavailable_503() {
    begin service-unavailable-503 udp 7
    uas uas-invite.xml -set trying 1 -set final 503 -set reason "Service Unavailable" \
        -set extra "Retry-After: 120"
    uac uac-invite.xml
    finish "INVITE 100 503 ACK"
}

rec_auth_407_then_200() {
    begin auth-407-then-200 udp 8
    uas uas-invite.xml -set challenge 1 -set trying 1 -set ringing 1 -set final 200
    uac uac-invite.xml -set auth 1
    finish "INVITE 407 ACK INVITE 100 180 200 ACK BYE 200"
}

rec_declined_603() {
    begin declined-603 udp 9
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 603 -set reason "Decline"
    uac uac-invite.xml
    finish "INVITE 100 180 603 ACK"
}

rec_vendor_phrase_603() {
    begin vendor-phrase-603 udp 10
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 603 \
        -set reason "MaxPeak Cost Exceeded" -set extra "Server: ExampleTrunk SBC"
    uac uac-invite.xml
    finish "INVITE 100 180 603 ACK"
}

rec_tcp_multi_message() {
    # 100 Trying and 180 Ringing leave in one write, hence one TCP segment.
    begin tcp-multi-message tcp 11
    uas uas-invite.xml -set bundle 1 -set final 486 -set reason "Busy Here"
    uac uac-invite.xml
    finish "INVITE 100+180 486 ACK"
}

rec_redirect_302_then_200() {
    begin redirect-302-then-200 udp 12
    alt uas-invite.xml -set final 200
    uas uas-invite.xml -set final 302 -set reason "Moved Temporarily" \
        -set extra "Contact: <sip:service-moved@$IP:$ALT_PORT>"
    uac uac-invite.xml -set follow 1
    finish "INVITE 302 ACK INVITE 200 ACK BYE 200"
}

rec_redirect_302_unfollowed() {
    begin redirect-302-unfollowed udp 13
    uas uas-invite.xml -set final 302 -set reason "Moved Temporarily" \
        -set extra "Contact: <sip:service-moved@$IP:$ALT_PORT>"
    uac uac-invite.xml
    finish "INVITE 302 ACK"
}

rec_fork_two_branches() {
    begin fork-two-branches udp 14
    uas uas-invite.xml -set ringing 1 -set fork 1 -set final 200
    uac uac-invite.xml -set fork 1
    finish "INVITE 180 180 200 ACK 487 BYE 200"
}

rec_reinvite_491_after_answer() {
    begin reinvite-491-after-answer udp 15
    uas uas-invite.xml -set final 200 -set reinvite 1
    uac uac-invite.xml -set reinvite 1
    finish "INVITE 200 ACK INVITE 491 ACK BYE 200"
}

rec_in_progress_at_capture_end() {
    # The caller gives up 4 s after its INVITE (uac-invite.xml, label giveup),
    # quietly: the capture ends with the call still waiting (DESIGN 2).
    begin in-progress-at-capture-end udp 16
    uas uas-invite.xml -set trying 1 -set final 0
    uac uac-invite.xml
    finish "INVITE 100"
}

rec_register_401_then_200() {
    begin register-401-then-200 udp 17
    uas uas-register.xml
    uac uac-register.xml
    finish "REGISTER 401 REGISTER 200"
}

rec_auth_407_unanswered() {
    begin auth-407-unanswered udp 18
    uas uas-invite.xml -set final 407 -set reason "Proxy Authentication Required"
    uac uac-invite.xml
    finish "INVITE 407 ACK"
}

rec_retransmitted_486() {
    # The caller ACKs 800 ms late, so the callee retransmits its 486 once (T1).
    begin retransmitted-486 udp 19
    uas uas-invite.xml -set trying 1 -set final 486 -set reason "Busy Here"
    uac uac-invite.xml -set ackdelay 800
    finish "INVITE 100 486 486 ACK"
}

rec_options_200() {
    begin options-200 udp 20
    uas uas-options.xml
    uac uac-options.xml
    finish "OPTIONS 200"
}

rec_cancelled_after_auth() {
    begin cancelled-after-auth udp 21
    uas uas-invite.xml -set challenge 1 -set trying 1 -set ringing 1 -set final 487
    uac uac-invite.xml -set auth 1 -set cancel 1
    finish "INVITE 407 ACK INVITE 100 180 CANCEL 200 487 ACK"
}

rec_redirect_then_busy() {
    begin redirect-then-busy udp 22
    alt uas-invite.xml -set final 486 -set reason "Busy Here"
    uas uas-invite.xml -set final 302 -set reason "Moved Temporarily" \
        -set extra "Contact: <sip:service-moved@$IP:$ALT_PORT>"
    uac uac-invite.xml -set follow 1
    finish "INVITE 302 ACK INVITE 486 ACK"
}

rec_reason_q850_503() {
    begin reason-q850-503 udp 23
    uas uas-invite.xml -set trying 1 -set final 503 -set reason "Service Unavailable" \
        -set extra "Retry-After: 120" \
        -set extra2 'Reason: Q.850;cause=34;text="No circuit/channel available"'
    uac uac-invite.xml
    finish "INVITE 100 503 ACK"
}

rec_q850_mismatch_480() {
    # Cause 17 is "user busy": RFC 3398 maps it to 486, not 480.
    begin q850-mismatch-480 udp 24
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 480 \
        -set reason "Temporarily Unavailable" -set extra 'Reason: Q.850;cause=17;text="User busy"'
    uac uac-invite.xml
    finish "INVITE 100 180 480 ACK"
}

rec_reason_sip_and_q850() {
    # Two Reason header lines: Wireshark 4.0 decodes only the first value of
    # a comma-separated Reason header.
    begin reason-sip-and-q850 udp 25
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 480 \
        -set reason "Temporarily Unavailable" \
        -set extra 'Reason: SIP;cause=480;text="Callee offline"' \
        -set extra2 'Reason: Q.850;cause=18;text="No user responding"'
    uac uac-invite.xml
    finish "INVITE 100 180 480 ACK"
}

rec_warning_488() {
    # Two warn-values in one header, and a second header that is malformed.
    begin warning-488 udp 26
    uas uas-invite.xml -set trying 1 -set final 488 -set reason "Not Acceptable Here" \
        -set extra 'Warning: 305 proxy.example.com "Incompatible media format", 304 proxy.example.com "Media type not available"' \
        -set extra2 'Warning: 99 no-text-here'
    uac uac-invite.xml
    finish "INVITE 100 488 ACK"
}

rec_unregistered_499() {
    begin unregistered-499 udp 27
    uas uas-invite.xml -set trying 1 -set final 499 -set reason "Vendor Specific Failure"
    uac uac-invite.xml
    finish "INVITE 100 499 ACK"
}

# Captures 60 and up: the pairs and phrases that FreeSWITCH and Asterisk
# send every day (issue 15). Their Reason headers carry the text those
# systems put there.

rec_freeswitch_488_cause_88() {
    # FreeSWITCH's codec failure: INCOMPATIBLE_DESTINATION goes out as 488.
    begin freeswitch-488-cause-88 udp 60
    uas uas-invite.xml -set trying 1 -set final 488 -set reason "Not Acceptable Here" \
        -set extra 'Reason: Q.850;cause=88;text="INCOMPATIBLE_DESTINATION"'
    uac uac-invite.xml
    finish "INVITE 100 488 ACK"
}

rec_asterisk_606_cause_58() {
    # Asterisk reads 606 (and 488) as "bearer capability not available".
    begin asterisk-606-cause-58 udp 61
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 606 -set reason "Not Acceptable" \
        -set extra 'Reason: Q.850;cause=58'
    uac uac-invite.xml
    finish "INVITE 100 180 606 ACK"
}

rec_asterisk_607_cause_21() {
    begin asterisk-607-cause-21 udp 62
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 607 -set reason "Unwanted" \
        -set extra 'Reason: Q.850;cause=21'
    uac uac-invite.xml
    finish "INVITE 100 180 607 ACK"
}

rec_freeswitch_403_cause_52() {
    # Cause 52 is not in Q.850; FreeSWITCH and Asterisk still send it.
    begin freeswitch-403-cause-52 udp 63
    uas uas-invite.xml -set trying 1 -set final 403 -set reason "Forbidden" \
        -set extra 'Reason: Q.850;cause=52;text="OUTGOING_CALL_BARRED"'
    uac uac-invite.xml
    finish "INVITE 100 403 ACK"
}

rec_phrase_500_internal_server_error() {
    # RFC 3261's grammar and sofia-sip spell 500 this way.
    begin phrase-500-internal-server-error udp 64
    uas uas-invite.xml -set trying 1 -set final 500 -set reason "Internal Server Error"
    uac uac-invite.xml
    finish "INVITE 100 500 ACK"
}

rec_refer_202_accepted() {
    # A blind transfer inside an answered call, accepted as PBXs accept it.
    begin refer-202-accepted udp 65
    uas uas-invite.xml -set final 200 -set refer 1
    uac uac-invite.xml -set refer 1
    finish "INVITE 200 ACK REFER 202 BYE 200"
}

# Captures 30 to 59: issue 13 (transactions by Via branch, proxies and
# failover, forks, ICMP, how calls end, timers). A proxy capture has the
# proxy (scenarios/proxy.xml) on 5100+N where the callee usually is,
# carrier A on 5150+N and carrier B on 5200+N (begin ... carrier_b adds that
# port to the capture filter). N = 46, 47 (UDP 5246/5247 are CAPWAP) and
# 50, 51, 53, 55 (UDP 5350/5351 PCP, 5353 mDNS, 5355 LLMNR) are not used:
# those ports would not decode as SIP without "Decode As".

rec_proxy_failover_503_then_486() {
    # Carrier A is out of service, the proxy fails over to carrier B, whose
    # callee is busy; the caller gets B's 486 through the proxy.
    begin proxy-failover-503-then-486 udp 30 carrier_b
    alt uas-invite.xml -set trying 1 -set final 503 -set reason "Service Unavailable"
    carrier_b uas-invite.xml -set trying 1 -set ringing 1 -set final 486 -set reason "Busy Here"
    uas proxy.xml -set a_port "$ALT_PORT" -set b_port "$B_PORT"
    uac uac-invite.xml
    finish "INVITE 100 INVITE 100 503 ACK INVITE 100 180 180 486 ACK 486 ACK"
}

rec_proxy_downstream_only() {
    # Derived, not recorded: proxy-failover-503-then-486.pcapng without the
    # caller's own transaction (only what passed between the proxy, 5130, and
    # the carriers, 5180 and 5230), as if captured on the carrier side. The
    # proxy's choice must be inferred (RFC 3261 16.7). The Call-ID becomes
    # proxy-downstream-only-1@127.0.0.1 (rename-call-id.py), so that no two
    # sample files hold the same call.
    local src=$HERE/proxy-failover-503-then-486.pcapng
    NAME=proxy-downstream-only TMPCAP=$WORK/proxy-downstream-only.pcapng
    command -v tshark >/dev/null 2>&1 || die "$NAME: needs tshark (derived with a display filter)"
    command -v python3 >/dev/null 2>&1 || die "$NAME: needs python3 (rename-call-id.py)"
    [ -s "$src" ] || rec_proxy_failover_503_then_486
    NAME=proxy-downstream-only TMPCAP=$WORK/proxy-downstream-only.pcapng  # again, after a recording
    tshark -r "$src" -Y "udp.port == 5180 || udp.port == 5230" -w "$WORK/$NAME.filtered.pcapng" \
        2>/dev/null || die "$NAME: tshark could not filter $src"
    python3 "$HERE/rename-call-id.py" "$WORK/$NAME.filtered.pcapng" "$TMPCAP" \
        "proxy-failover-503-then-486-1@$IP" "$NAME-1@$IP" ||
        die "$NAME: could not rename the Call-ID"
    local got expected="INVITE 100 503 ACK INVITE 100 180 486 ACK"
    got=$(signature "$TMPCAP")
    [ "$got" = "$expected" ] ||
        die "$NAME: unexpected messages: got '$got', expected '$expected'"
    chmod 644 "$TMPCAP"
    mv -f "$TMPCAP" "$HERE/$NAME.pcapng"
    printf '%-34s %s\n' "$NAME.pcapng" "$expected"
}

rec_proxy_failover_503_then_200() {
    begin proxy-failover-503-then-200 udp 31 carrier_b
    alt uas-invite.xml -set trying 1 -set final 503 -set reason "Service Unavailable"
    carrier_b uas-invite.xml -set trying 1 -set ringing 1 -set final 200
    uas proxy.xml -set a_port "$ALT_PORT" -set b_port "$B_PORT"
    uac uac-invite.xml
    finish "INVITE 100 INVITE 100 503 ACK INVITE 100 180 180 200 200 ACK ACK BYE BYE 200 200"
}

rec_two_407s_then_answered() {
    # The carrier challenges, the proxy relays its 407; the caller's retry
    # with credentials (CSeq 2) goes the same way and is answered.
    begin two-407s-then-answered udp 32
    alt uas-invite.xml -set challenge 1 -set trying 1 -set ringing 1 -set final 200
    uas proxy.xml -set a_port "$ALT_PORT"
    uac uac-invite.xml -set auth 1
    finish "INVITE 100 INVITE 407 ACK 407 ACK INVITE 100 INVITE 100 180 180 200 200 ACK ACK BYE BYE 200 200"
}

rec_fork_487_before_200() {
    # As fork-two-branches, but the losing branch's 487 comes first; the
    # caller ACKs it (first final response of its client transaction).
    begin fork-487-before-200 udp 33
    uas uas-invite.xml -set ringing 1 -set fork 1 -set earlyloss 1 -set final 200
    uac uac-invite.xml -set earlyloss 1
    finish "INVITE 180 180 487 ACK 200 ACK BYE 200"
}

rec_icmp_port_unreachable() {
    # Nothing listens on 5137: the kernel answers each INVITE (and each
    # retransmission, T1 = 500 ms doubling) with ICMP port unreachable.
    # SIPp does not read ICMP errors (no IP_RECVERR): it keeps retransmitting
    # until uac-invite.xml gives up quietly, 4 s after the INVITE.
    begin icmp-port-unreachable udp 37 icmp
    uac uac-invite.xml
    finish "INVITE ICMP(INVITE) INVITE ICMP(INVITE) INVITE ICMP(INVITE) INVITE ICMP(INVITE)"
}

rec_bye_with_reason_callee_hangs_up() {
    begin bye-with-reason-callee-hangs-up udp 39
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 200 -set hangup 2000 \
        -set byereason 'Q.850;cause=16;text="Normal call clearing"'
    uac uac-invite.xml -set calleebye 1
    finish "INVITE 100 180 200 ACK BYE 200"
}

rec_cancel_answered_elsewhere() {
    # A ring group member: another phone took the call (RFC 3326).
    begin cancel-answered-elsewhere udp 40
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 487
    uac uac-invite.xml -set cancel 1 \
        -set cancelreason 'SIP;cause=200;text="Call completed elsewhere"'
    finish "INVITE 100 180 CANCEL 200 487 ACK"
}

rec_cancel_with_q850_reason() {
    begin cancel-with-q850-reason udp 41
    uas uas-invite.xml -set trying 1 -set ringing 1 -set final 487
    uac uac-invite.xml -set cancel 1 -set cancelreason 'Q.850;cause=16'
    finish "INVITE 100 180 CANCEL 200 487 ACK"
}

rec_no_final_response() {
    # The callee listens but never answers; the caller retransmits (Timer A)
    # until 31.5 s and gives up at 32.5 s, past Timer B (32 s). At ~34 s an
    # OPTIONS from the same caller port to 5192 (answered 200, Call-ID
    # no-final-response-2@127.0.0.1) shows the capture went on after Timer B.
    # Longer limits for this capture only.
    local sipp_timeout=$SIPP_TIMEOUT capture_limit=$CAPTURE_LIMIT
    SIPP_TIMEOUT=45 CAPTURE_LIMIT=50
    begin no-final-response udp 42
    alt uas-options.xml
    uas uas-silent.xml -set silence 33000
    uac uac-invite-timer-b.xml -max_invite_retrans 6
    sleep 1.5
    uac_at "$ALT_PORT" "$NAME-2@%s" uac-options.xml
    finish "INVITE INVITE INVITE INVITE INVITE INVITE INVITE OPTIONS 200"
    SIPP_TIMEOUT=$sipp_timeout CAPTURE_LIMIT=$capture_limit
}

ALL=(answered busy-486 not-found-404 forbidden-403 unavailable-480
     cancelled-487 service-unavailable-503 auth-407-then-200 declined-603
     vendor-phrase-603 tcp-multi-message redirect-302-then-200
     redirect-302-unfollowed fork-two-branches reinvite-491-after-answer
     in-progress-at-capture-end register-401-then-200 auth-407-unanswered
     retransmitted-486 options-200 cancelled-after-auth redirect-then-busy
     reason-q850-503 q850-mismatch-480 reason-sip-and-q850 warning-488
     unregistered-499 freeswitch-488-cause-88 asterisk-606-cause-58
     asterisk-607-cause-21 freeswitch-403-cause-52
     phrase-500-internal-server-error refer-202-accepted
     proxy-failover-503-then-486 proxy-downstream-only
     proxy-failover-503-then-200 two-407s-then-answered fork-487-before-200
     icmp-port-unreachable bye-with-reason-callee-hangs-up
     cancel-answered-elsewhere cancel-with-q850-reason no-final-response)

if [ "${1:-}" = --list ]; then
    printf '%s\n' "${ALL[@]}"
    exit 0
fi
[ "$#" -gt 0 ] || set -- "${ALL[@]}"
todo=()
for name in "$@"; do
    name=${name%.pcapng}
    fn=rec_${name//-/_}
    declare -F "$fn" >/dev/null || die "unknown capture '$name' (see --list)"
    todo+=("$fn")
done
for fn in "${todo[@]}"; do
    "$fn"
done
[ "$HAVE_TSHARK" = 1 ] || echo "record.sh: tshark not found, message sequences not checked" >&2
