#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes rfc4475-torture.pcapng: the SIP torture tests of RFC 4475, one UDP
datagram per message, plus responses that torture what sipcodes reads.

The messages are written here from the descriptions in RFC 4475 (section
3.1.1 valid, 3.1.2 invalid, 3.2 transaction layer, 3.3 application layer,
3.4 RFC 2543 syntax), not copied from it: each one has the property its RFC
test is about (the name in MESSAGES is the RFC's short name), with our own
addresses and values. sipcodes explains responses, so the RFC's five
responses (unreason, noreason, scalarlg, bigcode, bcast) are answers to
requests in the file, and the `sc-*` responses after them torture the fields
sipcodes reads (status line, Reason, Warning, Retry-After, CSeq, compact
headers). tests/robustness/test_torture.py asserts the expected sipcodes
output frame by frame; the table in docs/robustness.md lists the frames.

Standard library only; needs editcap for the pcap -> pcapng conversion.
Usage: make-torture-pcap.py [OUTPUT]   (default: next to this script)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from udp_pcap import udp_frame, write_pcapng  # noqa: E402
UAC, UAS = "192.0.2.10", "192.0.2.20"


def msg(start, headers, body=b"", content_length=None):
    """A message from its start line, header lines and body; Content-Length
    is appended with the body's real length unless given (or False: none)."""
    lines = [start] + list(headers)
    if content_length is None:
        lines.append("Content-Length: %d" % len(body))
    elif content_length is not False:
        lines.append("Content-Length: %s" % content_length)
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("utf-8", "surrogateescape") + body


def via(branch, host=UAC):
    return "Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK%s" % (host, branch)


SDP = (b"v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\n"
       b"c=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n"
       b"a=rtpmap:0 PCMU/8000\r\n")

# ---- RFC 4475 3.1.1: valid messages -----------------------------------------

WSINV = msg(
    "INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0",
    ["TO :\r\n sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n",
     "from   : \"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>\r\n  ;\r\n  tag = 98asjd8",
     "MaX-fOrWaRdS: 0068",
     "Call-ID: wsinv.ndaleiuawqnlksdpazmf@192.0.2.10",
     "Content-Type: application/sdp",
     "cseq: 0009\r\n  INVITE",
     "Via  : SIP  /   2.0\r\n  /UDP\r\n    192.0.2.2;branch=390skdjuw",
     "s :",
     "NewFangledHeader:   newfangled value\r\n continued newfangled value",
     "UnknownHeaderWithUnusualValue: ;;,,;;,;",
     "v:  SIP  / 2.0  / TCP     spindle.example.com   ;\r\n  branch  =   z9hG4bK9ikj8  ,\r\n"
     " SIP  /    2.0   / UDP  192.168.255.111   ; branch=\r\n z9hG4bK30239",
     "m:\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam =\r\n"
     "      newvalue ;\r\n  secondparam ; q = 0.33"],
    SDP)

INTMETH = msg(
    "!interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*"
    ":&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0",
    ["Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~",
     "To: \"BEL:\\\x07 NUL:\\\x00 DEL:\\\x7f\" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>",
     "From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="
     "\"работающий\";tag=_token~1'+`*%!-.",
     "Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{",
     "CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~",
     "Max-Forwards: 255",
     "extensionHeader-!.%*+_`'~:\ufeff大停電",
     "Unknown-Header: ?",
     ])

ESC01 = msg(
    "INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0",
    ["To: sip:%75se%72@example.com",
     "From: <sip:I%20have%20spaces@example.net>;tag=938",
     "Max-Forwards: 87",
     "i: esc01.239409asdfakjkn23onasd0-3234",
     "CSeq: 234234 INVITE",
     via("nasdfmk3"),
     "C: application/sdp",
     "Contact: <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>"],
    SDP)

ESCNULL = msg(
    "REGISTER sip:example.com SIP/2.0",
    ["To: sip:null-%00-null@example.com",
     "From: sip:null-%00-null@example.com;tag=839923423",
     "Max-Forwards: 70",
     "Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd",
     "CSeq: 14398234 REGISTER",
     via("kdjuw"),
     "Contact: <sip:%00@host5.example.com>",
     "Contact: <sip:%00%00@host5.example.com>",
     "L:0"], content_length=False)

ESC02 = msg(
    "RE%47IST%45R sip:registrar.example.com SIP/2.0",
    ["To: \"%Z%45\" <sip:resource@example.com>",
     "From: \"%Z%45\" <sip:resource@example.com>;tag=f232jadfj23",
     "Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf",
     via("aaaaaa"),
     "CSeq: 29344 RE%47IST%45R",
     "Max-Forwards: 70",
     "Contact: <sip:alias1@host1.example.com>",
     "C%6Fntact: <sip:alias2@host2.example.com>",
     "Contact: <sip:alias3@host3.example.com>",
     "l: 0"], content_length=False)

LWSDISP = msg(
    "OPTIONS sip:user@example.com SIP/2.0",
    ["To: sip:user@example.com",
     "From: caller<sip:caller@example.com>;tag=323",
     "Max-Forwards: 70",
     "Call-ID: lwsdisp.1234abcd@funky.example.com",
     "CSeq: 60 OPTIONS",
     "Via: SIP/2.0/UDP funky.example.com;branch=z9hG4bKkdjuw",
     "l: 0"], content_length=False)

LONG = "very" * 60
LONGREQ = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["To: \"I have a user name of %s long\" <sip:user@example.com>" % ("extreme" * 40),
     "From: sip:caller@example.net;tag=%s" % ("1" * 300),
     "Call-ID: longreq.one%s@example.com" % LONG,
     "CSeq: 1 INVITE",
     "Max-Forwards: 70",
     "Unknown-LongHeader: " + ";".join("unknown-%d=value" % i for i in range(120))]
    + ["Via: SIP/2.0/UDP sip%d.example.com;branch=z9hG4bK%s%d" % (i, LONG[:40], i) for i in range(60)]
    + ["Contact: <sip:amazinglylongcallername%s@host5.example.net>" % LONG,
       "Content-Type: application/sdp"],
    SDP)

DBLREQ = msg(
    "REGISTER sip:example.com SIP/2.0",
    ["To: sip:j.user@example.com",
     "From: sip:j.user@example.com;tag=43251j3j324",
     "Max-Forwards: 8",
     "I: dblreq.0ha0isndaksdj99sdfafnl3lk233412",
     "Contact: sip:j.user@host.example.com",
     "CSeq: 8 REGISTER",
     via("324gj"),
     ]) + msg(
    "INVITE sip:joe@example.com SIP/2.0",
    ["t: sip:joe@example.com",
     "From: sip:caller@example.net;tag=141334",
     "Max-Forwards: 8",
     "Call-ID: dblreq.0ha0isnda977644900765@192.0.2.15",
     "CSeq: 8 INVITE",
     via("413kj"),
     "Content-Type: application/sdp"],
    SDP)

SEMIURI = msg(
    "OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0",
    ["To: sip:j_user@example.com",
     "From: sip:caller@example.org;tag=33242",
     "Max-Forwards: 3",
     "Call-ID: semiuri.0ha0isndaksdj",
     "CSeq: 8 OPTIONS",
     "Accept: application/sdp, application/pkcs7-mime,\r\n        multipart/mixed, multipart/signed,\r\n"
     "        message/sip, message/sipfrag",
     via("kdjuw"),
     "l: 0"], content_length=False)

TRANSPORTS = msg(
    "OPTIONS sip:user@example.com SIP/2.0",
    ["To: sip:user@example.com",
     "From: <sip:caller@example.com>;tag=323",
     "Max-Forwards: 70",
     "Call-ID:  transports.kijh4akdnaqjkwendsasfdj",
     "Accept: application/sdp",
     "CSeq: 60 OPTIONS",
     "Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw",
     "Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf",
     "Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj",
     "Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en",
     "Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee",
     "l: 0"], content_length=False)

MPART_BODY = (b"--7a9cbec02ceef655\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\n"
              b"Hello\r\n--7a9cbec02ceef655\r\nContent-Type: application/octet-stream\r\n"
              b"Content-Transfer-Encoding: binary\r\n\r\n"
              + bytes(range(0, 256, 3)) + b"\r\n--7a9cbec02ceef655--\r\n")
MPART01 = msg(
    "MESSAGE sip:kumiko@example.org SIP/2.0",
    [via("342q3"),
     "Max-Forwards: 70",
     "From: \"Taro Yamada\" <sip:taro@example.com>;tag=2003bgatdxd",
     "To: <sip:kumiko@example.org>",
     "Call-ID: mpart01.0ha0isndaksdj99sdfafnl3lk233412",
     "CSeq: 1 MESSAGE",
     "MIME-Version: 1.0",
     "Content-Type: multipart/mixed;boundary=7a9cbec02ceef655"],
    MPART_BODY)

# ---- RFC 4475 3.1.2: invalid messages ---------------------------------------

BADINV01 = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["To: sip:j.user@example.com",
     "From: sip:caller@example.net;tag=134161461246",
     "Max-Forwards: 7",
     "Call-ID: badinv01.0ha0isndaksdjasdf3234nas",
     "CSeq: 8 INVITE",
     "Via: SIP/2.0/UDP 192.0.2.15;;,;,,",
     "Contact: \"Joe\" <sip:joe@example.org>;;;;",
     "Content-Type: application/sdp"],
    SDP)

CLERR = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["Max-Forwards: 80",
     "To: sip:j.user@example.com",
     "From: sip:caller@example.net;tag=93942939o2",
     "Contact: <sip:caller@hungry.example.net>",
     "Call-ID: clerr.0ha0isndaksdjweiafasdk3",
     "CSeq: 8 INVITE",
     "Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bK-39234-23523",
     "Content-Type: application/sdp"],
    SDP, content_length=9999)

NCL = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["Max-Forwards: 254",
     "To: sip:j.user@example.com",
     "From: sip:caller@example.net;tag=32394234",
     "Call-ID: ncl.0ha0isndaksdj2193423r542w35",
     "CSeq: 0 INVITE",
     "Via: SIP/2.0/UDP 192.0.2.53;branch=z9hG4bKkdjuw",
     "Contact: <sip:caller@example53.example.net>",
     "Content-Type: application/sdp"],
    SDP, content_length=-999)

SCALAR02 = msg(
    "REGISTER sip:example.com SIP/2.0",
    [via("kdjuw"),
     "Max-Forwards: 300",
     "From: <sip:user@example.com>;tag=932298183",
     "To: <sip:user@example.com>",
     "Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32",
     "CSeq: 36893488147419103232 REGISTER",
     "Contact: <sip:user@host129.example.com>;expires=280297596632815",
     "Expires: 1" + "0" * 30],
    content_length=0)

QUOTBAL = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["To: \"Mr. J. User <sip:j.user@example.com>",
     "From: sip:caller@example.net;tag=93334",
     "Max-Forwards: 10",
     "Call-ID: quotbal.aksdj",
     "Contact: <sip:caller@host59.example.net>",
     "CSeq: 8 INVITE",
     "Via: SIP/2.0/UDP 192.0.2.59:5050;branch=z9hG4bKkdjuw39234",
     "Content-Type: application/sdp"],
    SDP)

LTGTRURI = msg(
    "INVITE <sip:user@example.com> SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:caller@example.net;tag=39291",
     "Max-Forwards: 23",
     "Call-ID: ltgtruri.1@192.0.2.5",
     "CSeq: 1 INVITE",
     "Via: SIP/2.0/UDP 192.0.2.5",
     "Contact: <sip:caller@host5.example.net>",
     "Content-Type: application/sdp"],
    SDP)

LWSRURI = msg(
    "INVITE sip:user@example.com; lr SIP/2.0",
    ["To: sip:user@example.com;tag=3xfe-9921883-z9f",
     "From: sip:caller@example.net;tag=231413434",
     "Max-Forwards: 5",
     "Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423",
     "CSeq: 2130706432 INVITE",
     "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKkdjuw2395",
     "Contact: <sip:caller@host1.example.net>",
     "Content-Type: application/sdp"],
    SDP)

LWSSTART = msg(
    "INVITE  sip:user@example.com  SIP/2.0",
    ["Max-Forwards: 8",
     "To: sip:user@example.com",
     "From: sip:caller@example.net;tag=8814",
     "Call-ID: lwsstart.dfknq234oi243099adsdfnawe3@example.com",
     "CSeq: 1893884 INVITE",
     "Via: SIP/2.0/UDP host1.example.com;branch=z9hG4bKkdjuw3923",
     "Contact: <sip:caller@host1.example.net>",
     "Content-Type: application/sdp"],
    SDP)

TRWS = msg(
    "OPTIONS sip:remote-target@example.com SIP/2.0  ",
    [via("kdjuw", "host1.examle.com"),
     "To: <sip:remote-target@example.com>",
     "From: <sip:local-resource@example.com>;tag=329429089",
     "Call-ID: trws.oicu34958239neffasdhr2345r",
     "Accept: application/sdp",
     "CSeq: 238923 OPTIONS",
     "Max-Forwards: 70"],
    content_length=0)

ESCRURI = msg(
    "INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:caller@example.net;tag=341518",
     "Max-Forwards: 7",
     "Contact: <sip:caller@host39923.example.net>",
     "Call-ID: escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5",
     "CSeq: 149209342 INVITE",
     "Via: SIP/2.0/UDP host-of-the-hour.example.com;branch=z9hG4bKkdjuw",
     "Content-Type: application/sdp"],
    SDP)

BADDATE = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:caller@example.net;tag=2234923",
     "Max-Forwards: 70",
     "Call-ID: baddate.239423mnsadf3j23lj42--sedfnm234",
     "CSeq: 1392934 INVITE",
     "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw",
     "Date: Fri, 01 Jan 2010 16:00:00 EST",
     "Contact: <sip:caller@host5.example.net>",
     "Content-Type: application/sdp"],
    SDP)

REGBADCT = msg(
    "REGISTER sip:example.com SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:user@example.com;tag=998332",
     "Max-Forwards: 70",
     "Call-ID: regbadct.k345asrl3fdbv@10.0.0.1",
     "CSeq: 1 REGISTER",
     "Via: SIP/2.0/UDP 135.180.130.133:5060;branch=z9hG4bKkdjuw",
     "Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E",
     "l: 0"], content_length=False)

BADASPEC = msg(
    "OPTIONS sip:user@example.org SIP/2.0",
    [via("kdjuw", "host4.example.com:5060"),
     "Max-Forwards: 70",
     "From: sip:caller@example.net;tag=134161461246",
     "To: \"Watson, Thomas\" < sip:t.watson@example.org >",
     "Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3",
     "Accept: application/sdp",
     "CSeq: 3923239 OPTIONS",
     "l: 0"], content_length=False)

BADDN = msg(
    "OPTIONS sip:t.watson@example.org SIP/2.0",
    [via("kdjuw", "c.example.com:5060"),
     "Max-Forwards: 70",
     "From: Bell, Alexander <sip:a.g.bell@example.com>;tag=43",
     "To: Watson, Thomas <sip:t.watson@example.org>",
     "Call-ID: baddn.31415@c.example.com",
     "Accept: application/sdp",
     "CSeq: 3923239 OPTIONS",
     "l: 0"], content_length=False)

BADVERS = msg(
    "OPTIONS sip:t.watson@example.org SIP/7.0",
    ["Via:     SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw",
     "Max-Forwards:     70",
     "From:    A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe",
     "To:      T. Watson <sip:t.watson@example.org>",
     "Call-ID: badvers.31417@c.example.com",
     "CSeq:    1 OPTIONS",
     "l: 0"], content_length=False)

MISMATCH01 = msg(
    "OPTIONS sip:user@example.com SIP/2.0",
    ["To: sip:j.user@example.com",
     "From: sip:caller@example.net;tag=34525",
     "Max-Forwards: 6",
     "Call-ID: mismatch01.dj0234sxdfl3",
     "CSeq: 8 INVITE",
     "Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw",
     "l: 0"], content_length=False)

MISMATCH02 = msg(
    "NEWMETHOD sip:user@example.com SIP/2.0",
    ["To: sip:j.user@example.com",
     "From: sip:caller@example.net;tag=34525",
     "Max-Forwards: 6",
     "Call-ID: mismatch02.dj0234sxdfl3",
     "CSeq: 8 INVITE",
     "Contact: <sip:caller@host.example.net>",
     "Via: SIP/2.0/UDP host.example.net;branch=z9hG4bKkdjuw",
     "Content-Type: application/sdp"],
    SDP)

# ---- RFC 4475 3.2 / 3.3 / 3.4 -----------------------------------------------

BADBRANCH = msg(
    "OPTIONS sip:user@example.com SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:caller@example.org;tag=33242",
     "Max-Forwards: 3",
     "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK",
     "Accept: application/sdp",
     "Call-ID: badbranch.sadonfo23i420jv0as0derf3j3n",
     "CSeq: 8 OPTIONS",
     "l: 0"], content_length=False)

INSUF = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["CSeq: 193942 INVITE",
     "Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf",
     "Content-Type: application/sdp"],
    SDP)

UNKSCM = msg(
    "OPTIONS nobodyknowsthisscheme:totallyopaquecontent SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:caller@example.net;tag=384",
     "Max-Forwards: 3",
     "Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34",
     "CSeq: 3923423 OPTIONS",
     "Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234",
     "l: 0"], content_length=False)

NOVELSC = msg(
    "OPTIONS soap.beep://192.0.2.103:3002 SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:caller@example.net;tag=384",
     "Max-Forwards: 3",
     "Call-ID: novelsc.asdfasser0q239nwsdfasdkl34",
     "CSeq: 3923423 OPTIONS",
     "Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234",
     "l: 0"], content_length=False)

UNKSM2 = msg(
    "REGISTER sip:example.com SIP/2.0",
    ["To: isbn:2983792873",
     "From: <http://www.example.com>;tag=3234233",
     "Call-ID: unksm2.daksdj@hyphenated-host.example.com",
     "CSeq: 234902 REGISTER",
     "Max-Forwards: 70",
     "Via: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKkdjuw",
     "Contact: <name:John_Smith>",
     "l: 0"], content_length=False)

BEXT01 = msg(
    "OPTIONS sip:user@example.com SIP/2.0",
    ["To: sip:j_user@example.com",
     "From: sip:caller@example.net;tag=242etr",
     "Max-Forwards: 6",
     "Call-ID: bext01.0ha0isndaksdj",
     "Require: nothingSupportsThis, nothingSupportsThisEither",
     "Proxy-Require: noProxiesSupportThis, norDoAnyProxiesSupportThis",
     "CSeq: 8 OPTIONS",
     "Via: SIP/2.0/TLS fold-and-staple.example.com;branch=z9hG4bKkdjuw",
     "l: 0"], content_length=False)

INVUT = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["Contact: <sip:caller@host5.example.net>",
     "To: sip:j.user@example.com",
     "From: sip:caller@example.net;tag=8392034",
     "Max-Forwards: 70",
     "Call-ID: invut.0ha0isndaksdjadsfij34n23d",
     "CSeq: 235448 INVITE",
     "Via: SIP/2.0/UDP somehost.example.com;branch=z9hG4bKkdjuw",
     "Content-Type: application/unknownformat"],
    b"<audio>\r\n <pcmu port=\"443\"/>\r\n</audio>\r\n")

REGAUT01 = msg(
    "REGISTER sip:example.com SIP/2.0",
    ["To: sip:j.user@example.com",
     "From: sip:j.user@example.com;tag=87321hj23128",
     "Max-Forwards: 8",
     "Call-ID: regaut01.0ha0isndaksdj",
     "CSeq: 9338 REGISTER",
     "Via: SIP/2.0/TCP 192.0.2.253;branch=z9hG4bKkdjuw",
     "Authorization: NoOneKnowsThisScheme opaque-data=here",
     "l: 0"], content_length=False)

MULTI01 = msg(
    "INVITE sip:user@company.com SIP/2.0",
    ["Contact: <sip:caller@host25.example.net>",
     "Via: SIP/2.0/UDP 192.0.2.25;branch=z9hG4bKkdjuw",
     "Max-Forwards: 70",
     "CSeq: 5 INVITE",
     "Call-ID: multi01.98asdh@192.0.2.1",
     "CSeq: 59 INVITE",
     "Call-ID: multi01.98asdh@192.0.2.2",
     "From: sip:caller@example.com;tag=3413415",
     "To: sip:user@example.com",
     "To: sip:other@example.net",
     "From: sip:caller@example.net;tag=2923420123",
     "Content-Type: application/sdp",
     "l: %d" % len(SDP),
     "Contact: <sip:caller@host36.example.net>",
     "Max-Forwards: 5"],
    SDP, content_length=False)

MCL01 = msg(
    "OPTIONS sip:user@example.com SIP/2.0",
    [via("kdjuw"),
     "To: sip:user@example.com",
     "Call-ID: mcl01.fhn2323orihawfdoa3o4r52o3irsdf",
     "From: sip:other@example.net;tag=2923420123",
     "Content-Length: 0",
     "CSeq: 5 OPTIONS",
     "Max-Forwards: 70",
     "Content-Length: 88",
     "Content-Type: text/plain"],
    content_length=0)

ZEROMF = msg(
    "OPTIONS sip:user@example.com SIP/2.0",
    [via("kdjuw"),
     "To: sip:user@example.com",
     "From: sip:caller@example.net;tag=3ghsd41",
     "Call-ID: zeromf.jfasdlfnm2o2l43r5u0asdfas",
     "CSeq: 39234321 OPTIONS",
     "Max-Forwards: 0",
     "l: 0"], content_length=False)

CPARAM01 = msg(
    "REGISTER sip:example.com SIP/2.0",
    [via("kdjuw"),
     "Max-Forwards: 70",
     "From: sip:user@example.com;tag=8",
     "To: sip:user@example.com",
     "Call-ID: cparam01.70710@saturn.example.com",
     "CSeq: 93809823 REGISTER",
     "Expires: 3600",
     "Contact: sip:+19725552222@gw1.example.net;unknownparam",
     "l: 0"], content_length=False)

REGESCRT = msg(
    "REGISTER sip:example.com SIP/2.0",
    ["To: sip:user@example.com",
     "From: sip:user@example.com;tag=8",
     "Max-Forwards: 70",
     "Call-ID: regescrt.k345asrl3fdbv@192.0.2.1",
     "CSeq: 14398234 REGISTER",
     "Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw",
     "M: <sip:user@example.com?Route=%3Csip:sip.example.com%3E>",
     "L:0"], content_length=False)

SDP01 = msg(
    "INVITE sip:user@example.com SIP/2.0",
    ["To: sip:j_user@example.com",
     "Contact: <sip:caller@host15.example.net>",
     "From: sip:caller@example.net;tag=234",
     "Max-Forwards: 5",
     "Call-ID: sdp01.ndaksdj9342dasdd",
     "Accept: text/nobodyKnowsThis",
     "CSeq: 8 INVITE",
     "Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw",
     "Content-Type: application/sdp"],
    SDP)

INV2543 = msg(
    "INVITE sip:UserB@example.com SIP/2.0",
    ["Via: SIP/2.0/UDP iftgw.example.com",
     "From: <sip:+13035551111@ift.client.example.net;user=phone>",
     "Record-Route: <sip:UserB@example.com;maddr=ss1.example.com>",
     "To: sip:+16505552222@ss1.example.net;user=phone",
     "Call-ID: inv2543.1717@ift.client.example.com",
     "CSeq: 56 INVITE",
     "Content-Type: application/sdp"],
    SDP)

# ---- The call the RFC's responses answer -------------------------------------
# A plain INVITE with its own Call-ID; noreason (100, no phrase), unreason
# (200 with an unusual phrase), bigcode (status 4294967301) and bcast (a 200
# whose Via holds a broadcast address) answer it.

CALL = "torture-call.1@192.0.2.10"


def invite(call_id, cseq=1):
    return msg("INVITE sip:callee@example.com SIP/2.0",
               [via("call%d" % cseq), "Max-Forwards: 70",
                "From: <sip:caller@example.net>;tag=caller-1",
                "To: <sip:callee@example.com>",
                "Call-ID: " + call_id, "CSeq: %d INVITE" % cseq,
                "Contact: <sip:caller@192.0.2.10>",
                "Content-Type: application/sdp"], SDP)


def response(status_line, call_id, cseq="1 INVITE", tag="callee-1", extra=(), to=None,
             vias=None, content_length=None, body=b""):
    headers = list(vias or [via("call1")])
    headers += ["From: <sip:caller@example.net>;tag=caller-1",
                to if to is not None else "To: <sip:callee@example.com>" + (";tag=" + tag if tag else ""),
                "Call-ID: " + call_id]
    if cseq is not None:
        headers.append("CSeq: " + cseq)
    headers += list(extra)
    return msg(status_line, headers, body, content_length=content_length)


NOREASON = response("SIP/2.0 100 ", CALL, tag=None)
UNREASON = response(
    "SIP/2.0 200 = 2**3 * 5**2 двести - 二百, deux cents, zweihundert",
    CALL, extra=["Contact: <sip:callee@192.0.2.20>", "Content-Type: application/sdp"], body=SDP)
BIGCODE = response("SIP/2.0 4294967301 better not break the receiver", CALL, tag="callee-2")
BCAST = response("SIP/2.0 200 OK", "torture-bcast.1@192.0.2.10",
                 vias=["Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923",
                       "Via: SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23"],
                 extra=["Contact: <sip:callee@192.0.2.20>"])
# scalarlg: a response whose scalars overflow (CSeq, Retry-After, a 4-digit
# warn-code), answering the scalar02 REGISTER.
SCALARLG = msg(
    "SIP/2.0 503 Service Unavailable",
    [via("kdjuw"),
     "To: <sip:user@example.com>;tag=2366",
     "From: <sip:user@example.com>;tag=932298183",
     "Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32",
     "CSeq: 36893488147419103232 REGISTER",
     "Retry-After: 949302838503028349304023988",
     "Warning: 1812 overture \"In Progress\""],
    content_length=0)

# ---- Responses that torture sipcodes' own reading ----------------------------
# Each answers the INVITE of its own call (frame "sc-invite-N" before it).

SC_CALLS = ["torture-sc.%d@192.0.2.10" % i for i in range(1, 14)]

SC_RESPONSES = [
    # A Reason header folded over three lines, one cause that contradicts
    # the code (17 user busy on a 480) and a second Reason with a SIP cause.
    ("sc-folded-reason", response(
        "SIP/2.0 480 Temporarily Unavailable", SC_CALLS[0],
        extra=["Reason: Q.850\r\n  ;cause=17\r\n\t;text=\"User busy\"", "Reason: SIP ;cause=480 ;text=\"x\""])),
    # Causes out of range: above 127, and not a number at all.
    ("sc-bad-causes", response(
        "SIP/2.0 486 Busy Here", SC_CALLS[1],
        extra=["Reason: Q.850;cause=4294967297;text=\"overflow\"", "Reason: Q.850;cause=-1",
               "Reason: Q.850;cause=twelve", "Reason: SIP;cause=99999"])),
    # Retry-After with a comment and a duration parameter.
    ("sc-retry-after-params", response(
        "SIP/2.0 503 Service Unavailable", SC_CALLS[2],
        extra=["Retry-After: 18000;duration=3600 (back after lunch)"])),
    # Warnings: escaped quotes and a comma inside the text, a 4-digit code, a
    # bare code, an empty element, a code in the SIPS range.
    ("sc-warnings", response(
        "SIP/2.0 488 Not Acceptable Here", SC_CALLS[3],
        extra=["Warning: 399 gw.example.com \"said \\\"no\\\", firmly\", , 3999 x \"four digits\"",
               "Warning: 301 isi.edu \"Incompatible network address type 'E.164'\", 380 sbc \"SIPS\"",
               "Warning: 370"])),
    # Compact header forms (i:, f:, t:) and no Content-Length at all.
    ("sc-compact", msg("SIP/2.0 404 Not Found",
                       [via("call1"), "f: <sip:caller@example.net>;tag=caller-1",
                        "t: <sip:callee@example.com>;tag=callee-1", "i: " + SC_CALLS[4], "CSeq: 1 INVITE"],
                       content_length=False)),
    # A status code of three digits outside 100..699.
    ("sc-999", response("SIP/2.0 999 Enormous", SC_CALLS[5])),
    # Two digits, and a leading zero.
    ("sc-99", response("SIP/2.0 99 Too Small", SC_CALLS[5], tag="callee-2")),
    ("sc-0486", response("SIP/2.0 0486 Busy Here", SC_CALLS[5], tag="callee-3")),
    # No space before the phrase.
    ("sc-nospace", response("SIP/2.0 603Decline", SC_CALLS[6])),
    # A phrase of 2000 characters.
    ("sc-long-phrase", response("SIP/2.0 600 " + "Busy Everywhere " * 125, SC_CALLS[7])),
    # A NUL and bytes that are not UTF-8 in the phrase.
    ("sc-binary-phrase", response("SIP/2.0 403 Forb\x00idden \udcff\udcfe", SC_CALLS[8])),
    # CSeq without a method, then a CSeq that is only a method.
    ("sc-cseq-no-method", response("SIP/2.0 500 Server Internal Error", SC_CALLS[9], cseq="1")),
    ("sc-cseq-no-number", response("SIP/2.0 502 Bad Gateway", SC_CALLS[10], cseq="INVITE")),
    # An unregistered code answering an INVITE with an empty To-tag.
    ("sc-empty-tag", response("SIP/2.0 418 I'm a teapot", SC_CALLS[11], tag="")),
    # A final response without any Call-ID.
    ("sc-no-call-id", msg("SIP/2.0 481 Call/Transaction Does Not Exist",
                          [via("call1"), "From: <sip:caller@example.net>;tag=caller-1",
                           "To: <sip:callee@example.com>;tag=callee-1", "CSeq: 1 INVITE"], content_length=0)),
    # Two responses in one datagram (RFC 4475 dblreq, but responses).
    ("sc-two-in-one", response("SIP/2.0 180 Ringing", SC_CALLS[12])
     + response("SIP/2.0 486 Busy Here", SC_CALLS[12])),
]

# name, direction (True: caller -> callee), bytes
MESSAGES = [
    ("wsinv", True, WSINV), ("intmeth", True, INTMETH), ("esc01", True, ESC01),
    ("escnull", True, ESCNULL), ("esc02", True, ESC02), ("lwsdisp", True, LWSDISP),
    ("longreq", True, LONGREQ), ("dblreq", True, DBLREQ), ("semiuri", True, SEMIURI),
    ("transports", True, TRANSPORTS), ("mpart01", True, MPART01),
    ("call-invite", True, invite(CALL)),
    ("noreason", False, NOREASON), ("unreason", False, UNREASON),
    ("bigcode", False, BIGCODE),
    ("bcast-invite", True, invite("torture-bcast.1@192.0.2.10")), ("bcast", False, BCAST),
    ("badinv01", True, BADINV01), ("clerr", True, CLERR), ("ncl", True, NCL),
    ("scalar02", True, SCALAR02), ("scalarlg", False, SCALARLG),
    ("quotbal", True, QUOTBAL), ("ltgtruri", True, LTGTRURI), ("lwsruri", True, LWSRURI),
    ("lwsstart", True, LWSSTART), ("trws", True, TRWS), ("escruri", True, ESCRURI),
    ("baddate", True, BADDATE), ("regbadct", True, REGBADCT), ("badaspec", True, BADASPEC),
    ("baddn", True, BADDN), ("badvers", True, BADVERS), ("mismatch01", True, MISMATCH01),
    ("mismatch02", True, MISMATCH02),
    ("badbranch", True, BADBRANCH), ("insuf", True, INSUF), ("unkscm", True, UNKSCM),
    ("novelsc", True, NOVELSC), ("unksm2", True, UNKSM2), ("bext01", True, BEXT01),
    ("invut", True, INVUT), ("regaut01", True, REGAUT01), ("multi01", True, MULTI01),
    ("mcl01", True, MCL01), ("zeromf", True, ZEROMF), ("cparam01", True, CPARAM01),
    ("regescrt", True, REGESCRT), ("sdp01", True, SDP01), ("inv2543", True, INV2543),
]
for number, call_id in enumerate(SC_CALLS, 1):
    MESSAGES.append(("sc-invite-%d" % number, True, invite(call_id)))
MESSAGES += [(name, False, data) for name, data in SC_RESPONSES]


def frame(to_callee, payload, ident):
    src, dst = (UAC, UAS) if to_callee else (UAS, UAC)
    macs = (b"\x02\x00\x00\x00\x00\x14\x02\x00\x00\x00\x00\x0a" if to_callee
            else b"\x02\x00\x00\x00\x00\x0a\x02\x00\x00\x00\x00\x14")
    return udp_frame(src, dst, 5060, 5060, payload, ident, macs)


def frame_numbers():
    """name -> frame number, as in the written capture."""
    return {name: number for number, (name, _, _) in enumerate(MESSAGES, 1)}


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "rfc4475-torture.pcapng")
    frames = [frame(to_callee, payload, number + 1)
              for number, (_, to_callee, payload) in enumerate(MESSAGES)]
    offsets = [number * 10000 for number in range(len(frames))]
    # Then a datagram that is no SIP, 200 s later: the capture goes on past
    # Timer B and Timer C, so the INVITEs left unanswered end as No Final
    # Response rather than In Progress (DESIGN 2).
    frames.append(udp_frame(UAC, UAS, 40000, 9, b"end of the torture run", len(frames) + 1))
    offsets.append(offsets[-1] + 200 * 1000000)
    # 10 ms apart, starting 2026-11-22 00:00:00 UTC.
    write_pcapng(target, frames, start_s=1795305600, snaplen=262144, offsets_us=offsets)
    print("%s: %d frames" % (os.path.basename(target), len(frames)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
