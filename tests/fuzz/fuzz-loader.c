/* fuzz-loader.c: libFuzzer harness for the loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary bytes to trellis_document_new_from_bytes() with a load
 * report. Whatever the bytes, loading must not crash, leak or trip a
 * sanitizer, and must fail with an error or succeed. A document that
 * loads must serialize, that serialization must load without problems,
 * and serializing it again must give the same bytes: the canonical form
 * is a fixed point.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-document.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, "fuzz-loader: %s%s%s\n", what,
           error != NULL ? ": " : "", error != NULL ? error->message : "");
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(TrellisLoadReport) again_report = trellis_load_report_new ();
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisDocument) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  doc = trellis_document_new_from_bytes (bytes, "input", report, &error);
  if (doc == NULL)
    {
      if (error == NULL || error->domain != TRELLIS_DOCUMENT_ERROR)
        fail ("a load failed without a document error", error);
      if (trellis_load_report_get_n_items (report) == 0)
        fail ("a load failed with an empty report", error);
      return 0;
    }
  if (error != NULL)
    fail ("a load succeeded and set an error", error);
  if (trellis_load_report_get_n_errors (report) > 0)
    fail ("a load succeeded with errors in its report", NULL);

  first = trellis_document_serialize (doc, &error);
  if (first == NULL)
    fail ("a loaded document did not serialize", error);

  again = trellis_document_new_from_bytes (first, "first", again_report, &error);
  if (again == NULL)
    fail ("a serialized document did not load", error);
  if (trellis_load_report_get_n_errors (again_report) > 0)
    fail ("a serialized document loaded with errors", NULL);

  second = trellis_document_serialize (again, &error);
  if (second == NULL)
    fail ("a reloaded document did not serialize", error);

  if (!g_bytes_equal (first, second))
    {
      fwrite (g_bytes_get_data (first, NULL), 1, g_bytes_get_size (first), stderr);
      fputs ("\n---- serialized again ----\n", stderr);
      fwrite (g_bytes_get_data (second, NULL), 1, g_bytes_get_size (second), stderr);
      fail ("serializing a reloaded document gave other bytes", NULL);
    }

  return 0;
}
