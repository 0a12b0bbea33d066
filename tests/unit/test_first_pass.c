/* Unit tests for process/first_pass.c: which command lines tap their first
 * pass. A wrong "yes" would lose what tshark -2 shows; a wrong "no" only
 * costs a protocol tree, so every doubt must end in "no".
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <glib.h>
#include "first_pass.h"

static gboolean taps(const char *command_line)
{
    gchar **argv = g_strsplit(command_line, " ", -1);
    gboolean result = sc_first_pass_taps_for_args((int)g_strv_length(argv), (const char *const *)argv);

    g_strfreev(argv);
    return result;
}

static void test_one_pass_programs(void)
{
    g_assert_true(taps("tshark -r a.pcap -q -z sip,stat"));
    g_assert_true(taps("/usr/bin/tshark -n -r a.pcap -Y sip.Status-Code==486 -T fields -e frame.number"));
    g_assert_true(taps("tshark.exe -r a.pcap"));
    g_assert_true(taps("wireshark a.pcapng"));
    g_assert_true(taps("/usr/bin/wireshark -r a.pcapng -Y sip"));
    g_assert_true(taps("tshark -i - -T fields -e sipcodes.code"));
}

static void test_two_pass_tshark(void)
{
    g_assert_false(taps("tshark -2 -r a.pcap"));
    g_assert_false(taps("tshark -r a.pcap -2 -V"));
    g_assert_false(taps("tshark -q2 -r a.pcap"));
    g_assert_false(taps("tshark -n2qr a.pcap"));
    g_assert_false(taps("tshark --two-pass -r a.pcap"));
    g_assert_false(taps("tshark -I2 -r a.pcap"));
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
    g_assert_false(sc_first_pass_taps_for_args(0, NULL));
    /* A long option's separate argument that spells -2 reads as -2. */
    g_assert_false(taps("tshark --capture-comment -2 -r a.pcap"));
}

static void test_this_process(void)
{
    /* The unit test is neither tshark nor Wireshark. */
    g_assert_false(sc_first_pass_taps());
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/first_pass/one-pass-programs", test_one_pass_programs);
    g_test_add_func("/first_pass/two-pass-tshark", test_two_pass_tshark);
    g_test_add_func("/first_pass/two-as-an-argument", test_two_as_an_argument);
    g_test_add_func("/first_pass/doubt-means-no", test_doubt_means_no);
    g_test_add_func("/first_pass/this-process", test_this_process);
    return g_test_run();
}
