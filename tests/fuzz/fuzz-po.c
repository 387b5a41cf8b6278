/* fuzz-po.c: libFuzzer harness for PO files of a matrix's texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads arbitrary bytes as a PO file with a translation of the texts of
 * a matrix (tests/data/translations.trellis) and takes it back into the
 * matrix. Whatever the bytes:
 *
 * - nothing crashes, leaks or trips a sanitizer;
 * - a file refused says why, and changes nothing;
 * - every message of a file read is accounted for, once;
 * - the matrix after the import serializes and reads back without a
 *   problem, and one undo gives it back byte for byte;
 * - the texts exported again read back, and taking them back changes
 *   nothing.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-po-exchange.h"

#define FUZZ_NAME "fuzz-po"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GBytes *matrix_bytes;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_setenv ("SOURCE_DATE_EPOCH", "1790000000", TRUE);
  matrix_bytes = fuzz_init_with_file ("TRELLIS_FUZZ_MATRIX");
  return 0;
}

/* The texts exported again are read back, and change nothing. */
static void
check_export (TrellisDocument *doc,
              const char      *language)
{
  g_autoptr(GBytes) exported = trellis_document_export_po (doc, language);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisPoFile) po = trellis_po_file_parse (g_bytes_get_data (exported, NULL),
                                                       g_bytes_get_size (exported), &error);
  g_autoptr(TrellisPoImport) import = NULL;
  guint n;

  if (po == NULL)
    fail ("an exported file did not read back", error);
  import = trellis_po_import_new (doc, po, NULL, &error);
  if (import == NULL)
    fail ("an exported file has no language", error);

  n = trellis_po_import_count (import, TRELLIS_PO_UNCHANGED) + trellis_po_import_count (import, TRELLIS_PO_UNTRANSLATED);
  if (n != trellis_po_file_get_n_entries (po) || trellis_po_import_apply (import) != 0)
    fail ("taking back an exported file changed the matrix", NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisDocument) again = NULL;
  g_autoptr(TrellisPoFile) po = NULL;
  g_autoptr(TrellisPoImport) import = NULL;
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  guint total = 0;
  guint changed;

  po = trellis_po_file_parse ((const char *) data, size, &error);
  if (po == NULL)
    {
      if (error == NULL || error->domain != TRELLIS_PO_ERROR || !g_utf8_validate (error->message, -1, NULL))
        fail ("a file was refused without a sentence", NULL);
      return 0;
    }

  doc = trellis_document_new_from_bytes (matrix_bytes, "matrix", NULL, &error);
  if (doc == NULL)
    fail ("the matrix did not load", error);
  before = serialize (doc);

  import = trellis_po_import_new (doc, po, NULL, &error);
  if (import == NULL)
    {
      g_clear_error (&error);
      import = trellis_po_import_new (doc, po, "de", &error);
    }
  if (import == NULL)
    {
      if (!g_error_matches (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE))
        fail ("an import failed other than for its language", error);
      return 0;
    }

  for (guint i = 0; i < TRELLIS_N_PO_OUTCOMES; i++)
    total += trellis_po_import_count (import, i);
  if (total != trellis_po_file_get_n_entries (po) || total != trellis_po_import_get_n_results (import))
    fail ("a message is not accounted for", NULL);

  for (guint i = 0; i < trellis_po_import_get_n_results (import); i++)
    {
      g_autofree char *message = trellis_po_result_dup_message (trellis_po_import_get_result (import, i));

      if (message != NULL && !g_utf8_validate (message, -1, NULL))
        fail ("what became of a message cannot be said", NULL);
    }
  summary = trellis_po_import_dup_summary (import);
  if (summary == NULL || !g_utf8_validate (summary, -1, NULL))
    fail ("what became of the file cannot be said", NULL);

  changed = trellis_po_import_apply (import);
  if (changed != trellis_po_import_count (import, TRELLIS_PO_APPLIED) + trellis_po_import_count (import, TRELLIS_PO_REMOVED))
    fail ("the import changed other than what it said", NULL);
  after = serialize (doc);

  again = trellis_document_new_from_bytes (after, "imported", report, &error);
  if (again == NULL)
    fail ("the matrix did not read back", error);
  if (trellis_load_report_get_n_errors (report) > 0)
    fail ("the matrix read back with errors", NULL);

  check_export (doc, trellis_po_import_get_language (import));

  if (changed > 0)
    {
      g_autoptr(GBytes) undone = NULL;

      if (!trellis_document_undo (doc) || trellis_document_can_undo (doc))
        fail ("the import is not one undo step", NULL);
      undone = serialize (doc);
      if (!g_bytes_equal (before, undone))
        fail ("undoing the import did not give the matrix back", NULL);
    }
  else if (!g_bytes_equal (before, after))
    fail ("an import that took nothing changed the matrix", NULL);

  return 0;
}
