/* test-import-util.h: helpers shared by the tests of importing spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "test-util.h"
#include "trellis-csv-private.h"
#include "trellis-import.h"

/* The team of tests/data/import/team.trellis: people, roles and
 * competencies, no assessments. */
G_GNUC_UNUSED static TrellisDocument *
test_load_team (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "import", "team.trellis", NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* Previews and reads @bytes as a spreadsheet named "team.csv", as the
 * application does: the preview and the reading each from the start.
 * Returns the import, or NULL with @error set. */
G_GNUC_UNUSED static TrellisImport *
test_import_bytes_full (TrellisDocument        *doc,
                        const char             *bytes,
                        gsize                   len,
                        const TrellisCsvFormat *format,
                        TrellisImportKind       kind,
                        gboolean                create,
                        GError                **error)
{
  g_autoptr(TrellisImport) import = trellis_import_new (doc, "team.csv");
  g_autoptr(GInputStream) preview = g_memory_input_stream_new_from_data (bytes, (gssize) len, NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (bytes, (gssize) len, NULL);

  if (format != NULL)
    trellis_import_set_format (import, format);
  trellis_import_set_create_missing (import, create);
  {
    TrellisDate date;

    g_assert_true (trellis_date_parse ("2026-12-01", 10, &date));
    trellis_import_set_default_date (import, date);
  }

  if (!trellis_import_preview (import, preview, NULL, error))
    return NULL;
  if (kind != TRELLIS_IMPORT_KIND_AUTO)
    trellis_import_set_kind (import, kind);
  if (!trellis_import_read (import, stream, len, NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&import);
}

G_GNUC_UNUSED static TrellisImport *
test_import_bytes (TrellisDocument        *doc,
                   const char             *bytes,
                   gsize                   len,
                   const TrellisCsvFormat *format,
                   GError                **error)
{
  return test_import_bytes_full (doc, bytes, len, format, TRELLIS_IMPORT_KIND_AUTO, FALSE, error);
}

G_GNUC_UNUSED static void
test_assert_no_problems (TrellisImport *import)
{
  TrellisLoadReport *problems = trellis_import_get_problems (import);

  for (guint i = 0; i < trellis_load_report_get_n_items (problems); i++)
    g_test_message ("row %u: %s", trellis_load_report_get_line (problems, i),
                    trellis_load_report_get_message (problems, i));
  g_assert_cmpuint (trellis_load_report_get_n_items (problems), ==, 0);
}

/* The assessment of @person on @competency from @source on @date. */
G_GNUC_UNUSED static void
test_assert_assessment (TrellisDocument *doc,
                        const char      *person,
                        const char      *competency,
                        TrellisSource    source,
                        const char      *date,
                        gint             level,
                        gboolean         want,
                        const char      *note)
{
  TrellisEntity *entity = trellis_document_lookup (doc, person);
  g_autoptr(GArray) list = NULL;
  TrellisDate day;

  g_assert_nonnull (entity);
  g_assert_true (trellis_date_parse (date, strlen (date), &day));
  list = trellis_document_get_assessments (doc, TRELLIS_PERSON (entity), competency);
  for (guint i = 0; i < list->len; i++)
    {
      const TrellisAssessment *a = &g_array_index (list, TrellisAssessment, i);

      if (a->source != source || a->date != day)
        continue;
      g_assert_cmpint (a->level, ==, level);
      g_assert_cmpint (a->want, ==, want);
      g_assert_cmpstr (a->note, ==, note);
      return;
    }

  g_error ("%s has no assessment on %s from %s on %s", person, competency, trellis_source_to_string (source), date);
}
