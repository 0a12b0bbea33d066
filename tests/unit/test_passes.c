/* Unit tests for process/passes.c: which command lines tap their first
 * pass, and which see frames again. A wrong "taps" would lose what tshark
 * -2 shows, a wrong "never again" what the GUI shows on a click; the other
 * mistakes only cost time, so every doubt must end on their side.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>
#include "passes.h"

static sc_passes passes_of(const char *command_line)
{
    gchar **argv = g_strsplit(command_line, " ", -1);
    sc_passes result = sc_passes_for_args((int)g_strv_length(argv), (const char *const *)argv);

    g_strfreev(argv);
    return result;
}

static gboolean taps(const char *command_line)
{
    return passes_of(command_line).first_pass_taps;
}

static gboolean seen_again(const char *command_line)
{
    return passes_of(command_line).frames_seen_again;
}

static void test_one_pass_programs(void)
{
    g_assert_true(taps("tshark -r a.pcap -q -z sip,stat"));
    g_assert_true(taps("/usr/bin/tshark -n -r a.pcap -Y sip.Status-Code==486 -T fields -e frame.number"));
    g_assert_true(taps("tshark.exe -r a.pcap"));
    g_assert_true(taps("wireshark a.pcapng"));
    g_assert_true(taps("/usr/bin/wireshark -r a.pcapng -Y sip"));
    g_assert_true(taps("tshark -i - -T fields -e sipcodes.code"));
    /* One-pass tshark keeps no list of frames; the GUI shows any again. */
    g_assert_false(seen_again("tshark -r a.pcap -V"));
    g_assert_true(seen_again("wireshark a.pcapng"));
}

static void test_two_pass_tshark(void)
{
    g_assert_false(taps("tshark -2 -r a.pcap"));
    g_assert_false(taps("tshark -r a.pcap -2 -V"));
    g_assert_false(taps("tshark -q2 -r a.pcap"));
    g_assert_false(taps("tshark -n2qr a.pcap"));
    g_assert_false(taps("tshark --two-pass -r a.pcap"));
    g_assert_false(taps("tshark -I2 -r a.pcap"));
    g_assert_true(seen_again("tshark -2 -r a.pcap"));
}

/* Where 2 is an option's argument or part of a filter, it is no -2. */
static void test_two_as_an_argument(void)
{
    g_assert_true(taps("tshark -c2 -r a.pcap"));
    g_assert_true(taps("tshark -c 2 -r a.pcap"));
    g_assert_true(taps("tshark -r 2 -Y frame.number==2"));
    g_assert_true(taps("tshark -Y -2 -r a.pcap"));
    g_assert_true(taps("tshark -o sipcodes.no_final_timeout:2 -r a.pcap"));
    g_assert_true(taps("tshark -r a.pcap -- -2"));
    /* After the first word that is no option comes a capture filter. */
    g_assert_true(taps("tshark -i eth0 udp port 2 -2"));
}

/* Unknown programs (sharkd, rawshark) and unreadable command lines get
 * the answer that is always correct. */
static void test_doubt_means_no(void)
{
    g_assert_false(taps("sharkd -"));
    g_assert_false(taps("rawshark -r pipe"));
    g_assert_false(taps("tsharkish -r a.pcap"));
    g_assert_false(sc_passes_for_args(0, NULL).first_pass_taps);
    g_assert_true(sc_passes_for_args(0, NULL).frames_seen_again);
    g_assert_true(seen_again("sharkd -"));
    /* A long option's separate argument that spells -2 reads as -2. */
    g_assert_false(taps("tshark --capture-comment -2 -r a.pcap"));
}

static void test_this_process(void)
{
    /* The unit test is neither tshark nor Wireshark. */
    g_assert_false(sc_passes_of_this_process().first_pass_taps);
    g_assert_true(sc_passes_of_this_process().frames_seen_again);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/passes/one-pass-programs", test_one_pass_programs);
    g_test_add_func("/passes/two-pass-tshark", test_two_pass_tshark);
    g_test_add_func("/passes/two-as-an-argument", test_two_as_an_argument);
    g_test_add_func("/passes/doubt-means-no", test_doubt_means_no);
    g_test_add_func("/passes/this-process", test_this_process);
    return g_test_run();
}
