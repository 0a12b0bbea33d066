/* Capture file checks.
 *
 * tshark's own format detection is generous: it opens an empty file, a
 * short text file or an executable without complaint (as ERF, MP4 or
 * "MIME" data) and reports zero calls, which would pass off a wrong file as
 * a quiet capture. So the magic number is checked here: SIP traces are
 * pcap or pcapng, and any other capture format converts with editcap.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include "cli.h"
#include "capfile.h"

#define MAGIC_LEN 4

static gboolean is_capture_magic(const guint8 *m)
{
    static const guint8 magics[][MAGIC_LEN] = {
        { 0x0a, 0x0d, 0x0d, 0x0a },   /* pcapng section header block */
        { 0xa1, 0xb2, 0xc3, 0xd4 },   /* pcap, microseconds, both byte orders */
        { 0xd4, 0xc3, 0xb2, 0xa1 },
        { 0xa1, 0xb2, 0x3c, 0x4d },   /* pcap, nanoseconds */
        { 0x4d, 0x3c, 0xb2, 0xa1 },
        { 0xa1, 0xb2, 0xcd, 0x34 },   /* Kuznetzov's modified pcap */
        { 0x34, 0xcd, 0xb2, 0xa1 },
    };
    for (guint i = 0; i < G_N_ELEMENTS(magics); i++) {
        if (memcmp(m, magics[i], MAGIC_LEN) == 0)
            return TRUE;
    }
    return FALSE;
}

static gboolean is_zstd_or_lz4(const guint8 *m)
{
    static const guint8 zstd[MAGIC_LEN] = { 0x28, 0xb5, 0x2f, 0xfd };
    static const guint8 lz4[MAGIC_LEN] = { 0x04, 0x22, 0x4d, 0x18 };
    return memcmp(m, zstd, MAGIC_LEN) == 0 || memcmp(m, lz4, MAGIC_LEN) == 0;
}

/* The first bytes of a gzip file's content. */
static gboolean gunzip_magic(const char *path, guint8 *m)
{
    GFile *file = g_file_new_for_path(path);
    GFileInputStream *raw = g_file_read(file, NULL, NULL);
    gboolean ok = FALSE;

    if (raw) {
        GZlibDecompressor *gunzip = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);
        GInputStream *in = g_converter_input_stream_new(G_INPUT_STREAM(raw), G_CONVERTER(gunzip));
        gsize got = 0;
        ok = g_input_stream_read_all(in, m, MAGIC_LEN, &got, NULL, NULL) && got == MAGIC_LEN;
        g_object_unref(in);
        g_object_unref(gunzip);
        g_object_unref(raw);
    }
    g_object_unref(file);
    return ok;
}

/* what: why it is not one, e.g. "empty"; NULL when it is just something else. */
static void not_a_capture(const char *path, const char *what, GError **error)
{
    g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                "%s is %s%snot a pcap or pcapng capture. If it is a capture in another "
                "format, convert it first: editcap -F pcapng %s converted.pcapng",
                path, what ? what : "", what ? ", " : "", path);
}

gboolean sc_capture_check(const char *path, const char *name, GError **error)
{
    GStatBuf st;
    guint8 magic[MAGIC_LEN];
    FILE *f;
    gsize got;

    if (g_stat(path, &st) != 0) {
        int saved = errno;
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED, "cannot read %s: %s",
                    name, g_strerror(saved));
        return FALSE;
    }
    if (S_ISDIR(st.st_mode)) {
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED,
                    "%s is a directory; give the capture files in it (e.g. %s/*.pcapng)",
                    name, name);
        return FALSE;
    }
    f = g_fopen(path, "rb");
    if (!f) {
        int saved = errno;
        g_set_error(error, SC_CLI_ERROR, SC_CLI_ERROR_FAILED, "cannot read %s: %s",
                    name, g_strerror(saved));
        return FALSE;
    }
    got = fread(magic, 1, MAGIC_LEN, f);
    fclose(f);
    if (got == 0) {
        not_a_capture(name, "empty", error);
        return FALSE;
    }
    if (got == MAGIC_LEN && is_capture_magic(magic))
        return TRUE;
    if (got == MAGIC_LEN && is_zstd_or_lz4(magic))
        return TRUE;
    if (got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        if (gunzip_magic(path, magic) && is_capture_magic(magic))
            return TRUE;
        not_a_capture(name, "a gzip file of something else", error);
        return FALSE;
    }
    not_a_capture(name, NULL, error);
    return FALSE;
}

gboolean sc_capture_same_file(const char *a, const char *b)
{
    GStatBuf sa, sb;

    return g_stat(a, &sa) == 0 && g_stat(b, &sb) == 0 &&
           sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
