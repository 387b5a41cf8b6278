/* test-util.h: helpers shared by the test programs of the file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-document.h"

/* The name every document read from memory goes by in messages. */
#define TEST_DISPLAY_NAME "test.trellis"

/* Joins lines with "\n", so that line N of the result is lines[N - 1]:
 * tests name the line a problem is on. */
static inline char *
test_join_lines (const char * const *lines)
{
  g_autofree char *joined = g_strjoinv ("\n", (char **) lines);

  return g_strconcat (joined, "\n", NULL);
}

static inline TrellisDocument *
test_load_string (const char         *xml,
                  TrellisLoadReport  *report,
                  GError            **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return trellis_document_new_from_bytes (bytes, TEST_DISPLAY_NAME, report, error);
}

static inline GBytes *
test_serialize (TrellisDocument *doc)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = trellis_document_serialize (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static inline char *
test_serialize_string (TrellisDocument *doc)
{
  g_autoptr(GBytes) bytes = test_serialize (doc);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Not inlined: GCC 12 then mistakes the result for a pointer into a
 * local variable (-Wdangling-pointer). */
G_GNUC_NO_INLINE G_GNUC_UNUSED static char *
test_fixture_contents (const char *name,
                       gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", name, NULL), &contents, len, &error);
  g_assert_no_error (error);

  return contents;
}

/* A fixture of tests/data that reads without a problem. */
G_GNUC_UNUSED static TrellisDocument *
test_load_fixture (const char *name)
{
  g_autofree char *xml = test_fixture_contents (name, NULL);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = test_load_string (xml, report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (trellis_load_report_get_n_errors (report), ==, 0);
  return doc;
}

G_GNUC_NO_INLINE G_GNUC_UNUSED static char *
test_read_file (const char *path,
                gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);

  return contents;
}

static inline TrellisDate
test_date (const char *iso)
{
  TrellisDate date = 0;

  g_assert_true (trellis_date_parse (iso, strlen (iso), &date));
  return date;
}

/* Whether the error message names @line as "NAME:LINE: ". */
static inline void
test_assert_message_line (const GError *error,
                          const char   *display_name,
                          guint         line)
{
  g_autofree char *prefix = g_strdup_printf ("%s:%u: ", display_name, line);

  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected the message to start with ‘%s’, got ‘%s’", prefix, error->message);
}

/* Whether the report holds an entry of @severity on @line (and with
 * @code, unless it is -1). */
static inline gboolean
test_report_has (TrellisLoadReport   *report,
                 TrellisLoadSeverity  severity,
                 gint                 code,
                 guint                line)
{
  for (guint i = 0; i < trellis_load_report_get_n_items (report); i++)
    {
      if (trellis_load_report_get_severity (report, i) == severity &&
          trellis_load_report_get_line (report, i) == line &&
          (code < 0 || trellis_load_report_get_code (report, i) == code))
        return TRUE;
    }

  return FALSE;
}

static inline char *
test_report_dump (TrellisLoadReport *report)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < trellis_load_report_get_n_items (report); i++)
    g_string_append_printf (s, "  %s line %u code %d: %s\n",
                            trellis_load_report_get_severity (report, i) == TRELLIS_LOAD_ERROR ? "error" : "notice",
                            trellis_load_report_get_line (report, i),
                            trellis_load_report_get_code (report, i),
                            trellis_load_report_get_message (report, i));

  return g_string_free (s, FALSE);
}

static inline char *
test_replace (const char *haystack,
              const char *needle,
              const char *replacement)
{
  const char *at = strstr (haystack, needle);
  gsize pos;
  GString *s;

  g_assert_nonnull (at);
  pos = (gsize) (at - haystack);

  s = g_string_new_len (haystack, pos);
  g_string_append (s, replacement);
  g_string_append (s, haystack + pos + strlen (needle));

  return g_string_free (s, FALSE);
}

/* Deletes @path and everything below it, making read-only folders
 * writable first: tests make some to see saving fail. */
G_GNUC_UNUSED static void
test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0755);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      test_remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}
