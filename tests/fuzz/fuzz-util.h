/* fuzz-util.h: what the libFuzzer harnesses of Trellis share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Define FUZZ_NAME ("fuzz-merge") before including it.
 */

#pragma once

#include <stdio.h>
#include <stdlib.h>

#include "trellis-document.h"

/* A broken promise of the code under test: said, then a crash that
 * libFuzzer keeps the input of. */
G_GNUC_NORETURN G_GNUC_UNUSED static void
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, FUZZ_NAME ": %s%s%s\n", what,
           error != NULL ? ": " : "", error != NULL ? error->message : "");
  abort ();
}

/* Criticals and warnings are failures; the file named by the
 * environment variable @variable is the harness's fixed input. */
G_GNUC_UNUSED static GBytes *
fuzz_init_with_file (const char *variable)
{
  const char *path = g_getenv (variable);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (path == NULL || !g_file_get_contents (path, &contents, &len, &error))
    {
      g_autofree char *what = g_strdup_printf ("%s names no file to read", variable);

      fail (what, error);
    }

  return g_bytes_new_take (contents, len);
}

G_GNUC_UNUSED static GBytes *
serialize (TrellisDocument *doc)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = trellis_document_serialize (doc, &error);

  if (bytes == NULL)
    fail ("the matrix did not serialize", error);
  return bytes;
}
