/* trellis-cli-po.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "trellis-cli.h"
#include "trellis-po-exchange.h"

/* trellis-cli po-export FILE --language LL -o OUT.po
 * trellis-cli po-import FILE IN.po -o OUT [--language LL]
 *
 * The matrix's own texts as a PO file for translators, and their
 * translation taken back: see trellis-po-exchange.c. */

static char *
language_or_usage (GOptionContext *context,
                   const char     *language,
                   int            *status)
{
  char *normal;

  if (language == NULL)
    {
      *status = trellis_cli_usage_error (context, _("Say which language to translate into with --language, e.g. de."));
      return NULL;
    }

  normal = trellis_language_normalize (language, -1);
  if (normal == NULL)
    {
      /* Translators: %s is what the user typed after --language. */
      g_autofree char *msg = g_strdup_printf (_("‘%s’ is not a language code; write it as de, nl or pt-BR."), language);

      *status = trellis_cli_usage_error (context, msg);
    }

  return normal;
}

static gboolean
write_bytes (const char  *output,
             GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (g_strcmp0 (output, "-") == 0)
    {
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_printerr (_("%s: could not write to standard output.\n"), g_get_prgname ());
          return FALSE;
        }
      return TRUE;
    }

  {
    g_autoptr(GFile) out = trellis_cli_file_for_arg (output, &error);
    g_autofree char *path = out != NULL ? g_file_get_path (out) : NULL;

    if (path == NULL && error == NULL)
      /* Translators: trellis-cli po-export, when -o names a remote location (such as an https://
       * address) instead of a file on this computer. */
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be written."));
    if (path == NULL || !g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
      {
        trellis_cli_print_error (output, error);
        return FALSE;
      }
  }

  return TRUE;
}

int
trellis_cli_po_export (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GBytes) po = NULL;
  g_autofree char *language = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *output = NULL;
  gboolean version = FALSE;
  int status = TRELLIS_CLI_OK;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("The language to translate into, e.g. de"),
      /* Translators: trellis-cli --help: the placeholder for a language code, as in
       * “--language=LL”, e.g. “de” (ISO 639: two letters, lower case). */
      N_("LL") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT.po (- for standard output)"), N_("OUT") },
    { NULL }
  };

  context = trellis_cli_context_new (_("FILE --language LL -o OUT.po"),
                                     _("Writes the matrix’s own texts (mission, values, competencies, level\n"
                                       "descriptions and the rest) as a PO file for translators: one message per\n"
                                       "text, with the translations into the language the matrix has already."),
                                     entries, &version);
  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc != 2)
    return trellis_cli_usage_error (context, _("Name exactly one matrix to export the texts of."));
  if (output == NULL)
    return trellis_cli_usage_error (context, _("Say where to write with -o OUT.po."));
  normal = language_or_usage (context, language, &status);
  if (normal == NULL)
    return status;

  doc = trellis_cli_load (argv[1]);
  if (doc == NULL)
    return TRELLIS_CLI_INVALID;

  po = trellis_document_export_po (doc, normal);
  return write_bytes (output, po) ? TRELLIS_CLI_OK : TRELLIS_CLI_INVALID;
}

static TrellisPoFile *
load_po (const char  *arg,
         GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (arg, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      return trellis_po_file_read (in, NULL, error);
    }

  file = trellis_cli_file_for_arg (arg, error);
  return file != NULL ? trellis_po_file_load (file, NULL, error) : NULL;
}

int
trellis_cli_po_import (int    argc,
                       char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisPoFile) po = NULL;
  g_autoptr(TrellisPoImport) import = NULL;
  g_autoptr(GFile) out = NULL;
  g_autofree char *language = NULL;
  g_autofree char *output = NULL;
  g_autofree char *summary = NULL;
  const char *po_name;
  gboolean version = FALSE;
  gboolean left_out = FALSE;
  int status = TRELLIS_CLI_OK;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the translation (default: the one the PO file says)"), N_("LL") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the matrix with the translation to OUT (- for standard output)"), N_("OUT") },
    { NULL }
  };

  context = trellis_cli_context_new (_("FILE IN.po -o OUT"),
                                     _("Takes a translation of the matrix’s texts back from a PO file. Messages whose\n"
                                       "original changed since the export (stale), that name no text of the matrix\n"
                                       "(unknown) or are marked fuzzy are not taken, and each is reported; OUT holds\n"
                                       "what was taken all the same."),
                                     entries, &version);
  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc != 3)
    return trellis_cli_usage_error (context, _("Name the matrix and the PO file with its translation."));
  if (output == NULL)
    return trellis_cli_usage_error (context, _("Say where to write with -o OUT."));
  if (g_strcmp0 (argv[1], "-") == 0 && g_strcmp0 (argv[2], "-") == 0)
    return trellis_cli_usage_error (context, _("Only one of the matrix and the PO file can come from standard input."));

  doc = trellis_cli_load (argv[1]);
  if (doc == NULL)
    return TRELLIS_CLI_INVALID;

  po = load_po (argv[2], &error);
  if (po == NULL)
    {
      trellis_cli_print_error (argv[2], error);
      return TRELLIS_CLI_INVALID;
    }

  po_name = g_strcmp0 (argv[2], "-") == 0 ? _("standard input") : argv[2];
  import = trellis_po_import_new (doc, po, language, &error);
  if (import == NULL)
    {
      trellis_cli_print_error (po_name, error);
      return g_error_matches (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE) && language != NULL
             ? TRELLIS_CLI_USAGE : TRELLIS_CLI_INVALID;
    }

  for (guint i = 0; i < trellis_po_import_get_n_results (import); i++)
    {
      const TrellisPoResult *result = trellis_po_import_get_result (import, i);
      g_autofree char *message = trellis_po_result_dup_message (result);

      if (message == NULL)
        continue;
      /* Translators: a message taken back from a PO file: its name, its line, what became of it. */
      g_printerr (_("%s:%u: %s\n"), po_name, result->line, message);
      left_out |= result->outcome == TRELLIS_PO_STALE || result->outcome == TRELLIS_PO_UNKNOWN ||
                  result->outcome == TRELLIS_PO_REPEATED;
    }

  trellis_po_import_apply (import);
  summary = trellis_po_import_dup_summary (import);
  /* Standard output may be the matrix. */
  if (g_strcmp0 (output, "-") == 0)
    g_printerr ("%s: %s\n", po_name, summary);
  else
    g_print ("%s: %s\n", po_name, summary);

  if (g_strcmp0 (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = trellis_document_serialize (doc, &error);

      if (bytes == NULL || !write_bytes (output, bytes))
        {
          if (error != NULL)
            trellis_cli_print_error (NULL, error);
          return TRELLIS_CLI_INVALID;
        }
      return left_out ? TRELLIS_CLI_INVALID : TRELLIS_CLI_OK;
    }

  out = trellis_cli_file_for_arg (output, &error);
  trellis_document_set_file (doc, NULL);
  if (out == NULL ||
      !trellis_document_save (doc, out, TRELLIS_SAVE_FLAGS_FORCE | TRELLIS_SAVE_FLAGS_NO_BACKUP, NULL, &error))
    {
      trellis_cli_print_error (output, error);
      return TRELLIS_CLI_INVALID;
    }

  return left_out ? TRELLIS_CLI_INVALID : TRELLIS_CLI_OK;
}
