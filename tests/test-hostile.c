/* test-hostile.c: malformed, hostile and inconsistent files
 *
 * Each file is refused with the intended error code and a message naming
 * its line, within 100 ms, without a document, without touching the file,
 * read from disk and from memory alike. The small files are in
 * tests/data/hostile; the large ones are made in a temporary folder while
 * the test runs and removed afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "trellis-document.h"
#include "test-util.h"

#define TIME_LIMIT_USEC (100 * 1000)

typedef gboolean (*GenerateFunc) (const char *path);

typedef struct
{
  const char   *name;
  GenerateFunc  generate;      /* NULL: a file in tests/data/hostile */
  gint          code;          /* TrellisDocumentError */
  guint         line;
  const char   *says;          /* part of the message, or NULL */
} HostileCase;

/* The slowest load seen, reported at the end. */
static gint64 slowest_usec;
static const char *slowest_name;
static const char *slowest_how;

/* Generators of the large cases */

static const char header[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n";

static gboolean
write_all (FILE       *f,
           const void *data,
           gsize       len)
{
  return fwrite (data, 1, len, f) == len;
}

static gboolean
write_str (FILE       *f,
           const char *str)
{
  return write_all (f, str, strlen (str));
}

/* Writes the header, @before, @mib MiB of @fill and @after: the shape of
 * every oversized file below. */
static gboolean
write_filled (const char *path,
              const char *before,
              char        fill,
              guint       mib,
              const char *after)
{
  FILE *f = fopen (path, "wb");
  g_autofree char *block = g_malloc (1024 * 1024);
  gboolean ok;

  g_assert_nonnull (f);
  memset (block, fill, 1024 * 1024);
  ok = write_str (f, header);
  ok &= write_str (f, before);
  for (guint i = 0; i < mib && ok; i++)
    ok &= write_all (f, block, 1024 * 1024);
  ok &= write_str (f, after);

  return fclose (f) == 0 && ok;
}

/* A 100 MB attribute on line 3. */
static gboolean
generate_huge_attribute (const char *path)
{
  return write_filled (path, "  <organisation name=\"", 'A', 100, "\"/>\n</trellis>\n");
}

/* A 5 MB attribute after 20,000 lines of comments: on line 20,003,
 * well past the first chunks the reader takes. */
static gboolean
generate_late_huge_attribute (const char *path)
{
  g_autoptr(GString) before = g_string_new (NULL);

  for (guint i = 0; i < 20000; i++)
    g_string_append (before, "  <!-- a comment to move on -->\n");
  g_string_append (before, "  <organisation name=\"");

  return write_filled (path, before->str, 'A', 5, "\"/>\n</trellis>\n");
}

static gboolean
generate_many_attributes (const char *path)
{
  FILE *f = fopen (path, "wb");
  gboolean ok;

  g_assert_nonnull (f);
  ok = write_str (f, header);
  ok &= write_str (f, "  <organisation");
  for (guint i = 0; i < 200000 && ok; i++)
    {
      char attr[32];
      int n = g_snprintf (attr, sizeof attr, " a%u=\"x\"", i);

      ok &= write_all (f, attr, n);
    }
  ok &= write_str (f, "/>\n</trellis>\n");

  return fclose (f) == 0 && ok;
}

/* A deflate stream of @len bytes of @c, in the gzip format. */
static GBytes *
gzip_member (const char *prefix,
             char        c,
             gsize       len)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree char *block = g_malloc (64 * 1024);
  g_autoptr(GError) error = NULL;

  memset (block, c, 64 * 1024);
  if (prefix != NULL)
    g_output_stream_write_all (out, prefix, strlen (prefix), NULL, NULL, &error);
  for (gsize done = 0; done < len && error == NULL; done += 64 * 1024)
    g_output_stream_write_all (out, block, MIN (64 * 1024, len - done), NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static guint32
gzip_isize (GBytes *member)
{
  gsize len;
  const guint8 *p = g_bytes_get_data (member, &len);

  return (guint32) p[len - 4] | (guint32) p[len - 3] << 8 | (guint32) p[len - 2] << 16 | (guint32) p[len - 1] << 24;
}

/* A gzip bomb: about 1 MB that inflates to 1 GiB of a Trellis file.
 * gzip allows members one after another, so one compressed MiB is
 * repeated instead of compressing a whole GiB. */
static gboolean
generate_gzip_bomb (const char *path)
{
  g_autofree char *start = g_strconcat (header, "  <organisation name=\"", NULL);
  g_autoptr(GBytes) first = gzip_member (start, 'A', 1024 * 1024 - strlen (start));
  g_autoptr(GBytes) repeated = gzip_member (NULL, 'A', 1024 * 1024);
  FILE *f = fopen (path, "wb");
  guint64 inflated = gzip_isize (first);
  gboolean ok = TRUE;
  struct stat st;

  g_assert_nonnull (f);
  ok &= write_all (f, g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  for (guint i = 0; i < 1023 && ok; i++)
    {
      ok &= write_all (f, g_bytes_get_data (repeated, NULL), g_bytes_get_size (repeated));
      inflated += gzip_isize (repeated);
    }
  ok &= fclose (f) == 0;

  /* It is a bomb: a thousand times smaller than what it inflates to. */
  g_assert_cmpuint (inflated, ==, G_GUINT64_CONSTANT (1) << 30);
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpint (st.st_size, <, 2 * 1024 * 1024);

  return ok;
}

/* 2 MB of text in one element, on line 3. */
static gboolean
generate_huge_text (const char *path)
{
  return write_filled (path, "  <organisation name=\"O\">\n    <vision>", 'x', 2,
                       "</vision>\n  </organisation>\n</trellis>\n");
}

/* A 100 MB element name: a start tag longer than any Trellis element. */
static gboolean
generate_huge_name (const char *path)
{
  return write_filled (path, "  <", 'n', 100, "/>\n</trellis>\n");
}

static const HostileCase cases[] = {
  { "xxe.trellis", NULL, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, 2, "DOCTYPE" },
  { "external-dtd.trellis", NULL, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, 2, "DOCTYPE" },
  { "billion-laughs.trellis", NULL, TRELLIS_DOCUMENT_ERROR_FORBIDDEN, 2, "DOCTYPE" },
  { "deep-nesting.trellis", NULL, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, 34, "nested" },
  { "huge-attribute.trellis", generate_huge_attribute, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, 3, NULL },
  { "late-huge-attribute.trellis", generate_late_huge_attribute, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, 20003, "1 MB" },
  { "many-attributes.trellis", generate_many_attributes, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, 3, "attributes" },
  { "gzip-bomb.trellis", generate_gzip_bomb, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, "gzip" },
  { "huge-text.trellis", generate_huge_text, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, 4, "text" },
  { "huge-name.trellis", generate_huge_name, TRELLIS_DOCUMENT_ERROR_TOO_LARGE, 3, NULL },
  { "invalid-utf8.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_XML, 39, "UTF-8" },
  { "truncated.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_XML, 53, "ends too early" },
  { "truncated-between-elements.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_XML, 52, "ends too early" },
  { "wrong-namespace.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, 2, "http://example.org/trellis" },
  { "not-trellis.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_TRELLIS, 2, "<html>" },
  { "newer-major.trellis", NULL, TRELLIS_DOCUMENT_ERROR_UNSUPPORTED_VERSION, 2, "newer version" },
  { "newer-major-version.trellis", NULL, TRELLIS_DOCUMENT_ERROR_UNSUPPORTED_VERSION, 2, "newer version" },
  { "dangling-reference.trellis", NULL, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE, 45, "c-gone" },
  { "wrong-kind-reference.trellis", NULL, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE, 49, "c-listen" },
  { "duplicate-id.trellis", NULL, TRELLIS_DOCUMENT_ERROR_DUPLICATE_ID, 21, "v-care" },
  { "level-out-of-range.trellis", NULL, TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE, 53, "9" },
  { "bad-date.trellis", NULL, TRELLIS_DOCUMENT_ERROR_BAD_DATE, 54, "2026-02-30" },
  /* Found by the fuzzer: the texts of a review without a date leaked. */
  { "review-bad-date.trellis", NULL, TRELLIS_DOCUMENT_ERROR_BAD_DATE, 64, "2026-13-05" },
  /* Found by the fuzzer: the text of a refused scale level replaced (and
   * leaked) the description of the level before it. */
  { "scale-level-twice.trellis", NULL, TRELLIS_DOCUMENT_ERROR_INVALID, 13, "given twice" },
  /* Found by the fuzzer: the hundredth error stopped libxml2, which freed
   * its input while the element's later attributes were still read. */
  { "hundredth-error.trellis", NULL, TRELLIS_DOCUMENT_ERROR_INVALID, 4, "x1" },
  { "binary-junk.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, NULL },
  { "zip.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, "ZIP" },
  { "empty.trellis", NULL, TRELLIS_DOCUMENT_ERROR_NOT_XML, 1, "empty" },
};

typedef struct
{
  guint8  digest[32];
  gsize   digest_len;
  gint64  size;
  gint64  mtime_sec;
  gint64  mtime_nsec;
} Snapshot;

static void
snapshot_file (const char *path,
               Snapshot   *snap)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *buffer = g_malloc (1024 * 1024);
  struct stat st;
  FILE *f;
  gsize n;

  g_assert_no_errno (g_stat (path, &st));
  snap->size = st.st_size;
  snap->mtime_sec = st.st_mtim.tv_sec;
  snap->mtime_nsec = st.st_mtim.tv_nsec;

  f = fopen (path, "rb");
  g_assert_nonnull (f);
  while ((n = fread (buffer, 1, 1024 * 1024, f)) > 0)
    g_checksum_update (checksum, (const guchar *) buffer, n);
  fclose (f);

  snap->digest_len = sizeof snap->digest;
  g_checksum_get_digest (checksum, snap->digest, &snap->digest_len);
}

static void
assert_snapshot_equal (const Snapshot *a,
                       const Snapshot *b)
{
  g_assert_cmpint (a->size, ==, b->size);
  g_assert_cmpint (a->mtime_sec, ==, b->mtime_sec);
  g_assert_cmpint (a->mtime_nsec, ==, b->mtime_nsec);
  g_assert_cmpmem (a->digest, a->digest_len, b->digest, b->digest_len);
}

static void
note_time (const HostileCase *hc,
           const char        *how,
           gint64             usec)
{
  g_test_message ("%s (%s): %" G_GINT64_FORMAT " µs", hc->name, how, usec);

  if (usec > slowest_usec)
    {
      slowest_usec = usec;
      slowest_name = hc->name;
      slowest_how = how;
    }

  if (usec > TIME_LIMIT_USEC)
    g_error ("loading %s (%s) took %" G_GINT64_FORMAT " µs, more than %d ms",
             hc->name, how, usec, TIME_LIMIT_USEC / 1000);
}

static void
assert_refused (const HostileCase *hc,
                const GError      *error,
                const char        *display_name,
                TrellisLoadReport *report)
{
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, hc->code);
  test_assert_message_line (error, display_name, hc->line);

  if (hc->says != NULL && strstr (error->message, hc->says) == NULL)
    g_error ("the message of %s does not say ‘%s’: %s", hc->name, hc->says, error->message);

  /* The report lists the same problem, on the same line. */
  if (!test_report_has (report, TRELLIS_LOAD_ERROR, hc->code, hc->line))
    {
      g_autofree char *dump = test_report_dump (report);
      g_error ("the report of %s lacks the error on line %u:\n%s", hc->name, hc->line, dump);
    }

  /* A message for people: no control characters, valid UTF-8, one line. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_hostile (gconstpointer data)
{
  const HostileCase *hc = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *display = NULL;
  Snapshot before, after;

  if (hc->generate != NULL)
    {
      dir = g_dir_make_tmp ("trellis-hostile-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, hc->name, NULL);
      if (!hc->generate (path))
        g_error ("could not write %s", path);
    }
  else
    path = g_strdup (g_test_get_filename (G_TEST_DIST, "data", "hostile", hc->name, NULL));

  file = g_file_new_for_path (path);
  display = g_file_get_parse_name (file);
  snapshot_file (path, &before);

  /* From the file. */
  {
    g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
    g_autoptr(TrellisDocument) doc = NULL;
    g_autoptr(GError) load_error = NULL;
    gint64 start = g_get_monotonic_time ();

    doc = trellis_document_new_from_file (file, report, NULL, &load_error);
    note_time (hc, "file", g_get_monotonic_time () - start);

    g_assert_null (doc);
    assert_refused (hc, load_error, display, report);
  }

  /* From memory. */
  {
    g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
    g_autoptr(TrellisDocument) doc = NULL;
    g_autoptr(GError) load_error = NULL;
    g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
    g_autoptr(GBytes) bytes = NULL;
    gint64 start;

    g_assert_no_error (error);
    bytes = g_mapped_file_get_bytes (mapped);
    start = g_get_monotonic_time ();
    doc = trellis_document_new_from_bytes (bytes, hc->name, report, &load_error);
    note_time (hc, "bytes", g_get_monotonic_time () - start);

    g_assert_null (doc);
    assert_refused (hc, load_error, hc->name, report);
  }

  /* Without a report, too. */
  {
    g_autoptr(TrellisDocument) doc = NULL;
    g_autoptr(GError) load_error = NULL;

    doc = trellis_document_new_from_file (file, NULL, NULL, &load_error);
    g_assert_null (doc);
    g_assert_error (load_error, TRELLIS_DOCUMENT_ERROR, hc->code);
    test_assert_message_line (load_error, display, hc->line);
  }

  /* Reading never changes the file. */
  snapshot_file (path, &after);
  assert_snapshot_equal (&before, &after);

  if (dir != NULL)
    {
      g_assert_no_errno (g_unlink (path));
      g_assert_no_errno (g_rmdir (dir));
    }
}

/* Loading in a worker thread refuses a hostile file the same way. */
static void
load_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_hostile_async (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "hostile", "billion-laughs.trellis", NULL));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TrellisLoadReport) report = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  trellis_document_load_async (file, NULL, load_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  doc = trellis_document_load_finish (result, &report, &error);
  g_assert_null (doc);
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_FORBIDDEN);
  g_assert_nonnull (report);
  g_assert_cmpuint (trellis_load_report_get_n_errors (report), ==, 1);
}

/* Every committed file of the corpus has a case. */
static void
test_corpus_complete (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "hostile", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint n = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cases) && !found; i++)
        found = cases[i].generate == NULL && g_str_equal (cases[i].name, name);
      if (!found)
        g_error ("tests/data/hostile/%s has no case", name);
      n++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    n -= cases[i].generate == NULL;
  g_assert_cmpuint (n, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/hostile/corpus-complete", test_corpus_complete);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = g_strndup (cases[i].name, strcspn (cases[i].name, "."));
      g_autofree char *path = g_strdup_printf ("/trellis/hostile/%s", stem);

      g_test_add_data_func (path, &cases[i], test_hostile);
    }
  g_test_add_func ("/trellis/hostile/async", test_hostile_async);

  ret = g_test_run ();

  if (slowest_name != NULL)
    g_test_message ("slowest load: %s (%s), %" G_GINT64_FORMAT " µs", slowest_name, slowest_how, slowest_usec);

  return ret;
}
