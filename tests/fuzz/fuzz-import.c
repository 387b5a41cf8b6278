/* fuzz-import.c: libFuzzer harness for the import of spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes to the CSV import of a small matrix, as the
 * application does: the first rows, then every row into a plan, then
 * the plan applied. The first byte chooses the import's options (kind,
 * encoding, delimiter, leave to add what is missing); the rest is the
 * file. Whatever the bytes, the import must not crash, leak or trip a
 * sanitizer; it fails with an import error or reads; every problem it
 * lists names a row of the file; applying it is one undo step, after
 * which the matrix serializes, loads back without problems, and undoing
 * gives the matrix as it was, byte for byte.
 *
 * A plan that adds people, roles, competencies or values is read and
 * checked but not applied: each new entity's id is an interned string,
 * and every 2048 new ones GLib lets go of its old table of them on
 * purpose, which libFuzzer's leak check would take for a leak of the
 * import. Applying what adds entities is tested, under the same
 * sanitizers with leak checks, by tests/test-import-shapes.c.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-import.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char matrix[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
  "  <organisation name=\"Fuzz\"/>\n"
  "  <values><value id=\"v-care\" name=\"Care\"/></values>\n"
  "  <competencies>\n"
  "    <competency id=\"c-listen\" name=\"Active listening\" values=\"v-care\"><level value=\"3\">Summarises</level></competency>\n"
  "    <competency id=\"c-product\" name=\"Product knowledge\"/>\n"
  "  </competencies>\n"
  "  <roles><role id=\"ro-agent\" name=\"Agent\"/><role id=\"ro-lead\" name=\"Lead\"/></roles>\n"
  "  <people>\n"
  "    <person id=\"p-anna\" name=\"Anna\" roles=\"ro-agent\" share=\"team\">\n"
  "      <assessment competency=\"c-listen\" level=\"2\" source=\"self\" date=\"2026-11-20\"><note>n</note></assessment>\n"
  "    </person>\n"
  "    <person id=\"p-ben\" name=\"Ben\" roles=\"ro-lead\" share=\"coach\"/>\n"
  "    <person id=\"p-ben-2\" name=\"Ben\" roles=\"ro-agent\" share=\"private\"/>\n"
  "  </people>\n"
  "</trellis>\n";

static TrellisDocument *doc;
static GBytes *original;

static void
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, "fuzz-import: %s%s%s\n", what, error != NULL ? ": " : "", error != NULL ? error->message : "");
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (matrix, sizeof matrix - 1);
  g_autoptr(GError) error = NULL;

  /* A critical or warning is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  doc = trellis_document_new_from_bytes (bytes, "fuzz.trellis", NULL, &error);
  if (doc == NULL)
    fail ("the matrix did not load", error);
  original = trellis_document_serialize (doc, &error);
  if (original == NULL)
    fail ("the matrix did not serialize", error);

  return 0;
}

static void
choose (TrellisImport *import,
        guint8         options)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  TrellisCsvFormat format = TRELLIS_CSV_FORMAT_INIT;

  format.encoding = (options >> 2) % TRELLIS_N_CSV_ENCODINGS;
  format.delimiter = delimiters[(options >> 5) & 3];
  trellis_import_set_format (import, &format);
  trellis_import_set_create_missing (import, (options & 1) != 0);
  if ((options & 2) != 0)
    trellis_import_set_kind (import, 1 + options % (TRELLIS_N_IMPORT_KINDS - 1));
}

static void
check_applied (guint lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(TrellisDocument) again = NULL;

  after = trellis_document_serialize (doc, &error);
  if (after == NULL)
    fail ("an imported matrix did not serialize", error);
  again = trellis_document_new_from_bytes (after, "imported", report, &error);
  if (again == NULL)
    fail ("an imported matrix did not load", error);
  if (trellis_load_report_get_n_errors (report) > 0)
    fail ("an imported matrix loaded with errors", NULL);

  if (trellis_document_can_undo (doc) && !trellis_document_undo (doc))
    fail ("an import could not be undone", NULL);
  if (trellis_document_can_undo (doc))
    fail ("an import was more than one step", NULL);
  undone = trellis_document_serialize (doc, &error);
  if (undone == NULL || !g_bytes_equal (undone, original))
    fail ("undoing an import did not give the matrix back", error);
  trellis_document_clear_history (doc);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GInputStream) preview = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLoadReport *problems;
  guint lines = 1;

  if (size == 0)
    return 0;

  import = trellis_import_new (doc, "fuzz.csv");
  choose (import, data[0]);
  data++;
  size--;
  for (size_t i = 0; i < size; i++)
    lines += data[i] == '\n' || data[i] == '\r';

  preview = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  if (!trellis_import_preview (import, preview, NULL, &error) ||
      !trellis_import_read (import, stream, size, NULL, NULL, NULL, &error))
    {
      if (error == NULL || error->domain != TRELLIS_IMPORT_ERROR)
        fail ("an import failed without an import error", error);
      return 0;
    }

  /* UTF-16 halves the lines' bytes; every row a problem names is in the file. */
  problems = trellis_import_get_problems (import);
  for (guint i = 0; i < trellis_load_report_get_n_items (problems); i++)
    {
      guint row = trellis_load_report_get_line (problems, i);

      if (row < 2 || row > lines)
        fail ("a problem names a row the file does not have", NULL);
    }

  if (trellis_import_get_n_new (import, TRELLIS_KIND_PERSON) + trellis_import_get_n_new (import, TRELLIS_KIND_ROLE) +
      trellis_import_get_n_new (import, TRELLIS_KIND_COMPETENCY) + trellis_import_get_n_new (import, TRELLIS_KIND_VALUE) > 0)
    return 0;

  if (!trellis_import_apply (import, &error))
    fail ("a plan did not apply", error);
  check_applied (lines);

  return 0;
}
