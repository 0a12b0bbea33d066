/* Checks that the files given to `report` are captures before tshark sees
 * them.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef SIPCODES_CLI_CAPFILE_H
#define SIPCODES_CLI_CAPFILE_H

#include <glib.h>

/* TRUE when path is a readable pcap or pcapng file (gzip-compressed or not;
 * zstd and lz4 are left to tshark). name: path as messages show it. */
gboolean sc_capture_check(const char *path, const char *name, GError **error);

/* TRUE when a and b name the same file (same device and inode). */
gboolean sc_capture_same_file(const char *a, const char *b);

#endif
