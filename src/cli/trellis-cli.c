/* trellis-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trellis-cli.h"
#include "trellis-document.h"
#include "trellis-translations.h"

typedef struct
{
  const char        *name;
  TrellisCliCommand  run;
  const char        *summary;
} Command;

static const Command commands[] = {
  { "validate", trellis_cli_validate, N_("Check matrices; print each problem as FILE:LINE: message") },
  { "stats",    trellis_cli_stats,    N_("Summarise a matrix: counts, largest gaps, rule findings") },
  { "convert",  trellis_cli_convert,  N_("Write a matrix back in the canonical form the app saves") },
  { "handout",  trellis_cli_handout,  N_("Write each person’s personal file for their self-assessment") },
  { "merge",    trellis_cli_merge,    N_("Merge handed-in personal files into the team’s matrix") },
  { "import",   trellis_cli_import,   N_("Add people, competencies or assessments from a CSV spreadsheet") },
  { "po-export", trellis_cli_po_export, N_("Write the matrix’s texts as a PO file for translators") },
  { "po-import", trellis_cli_po_import, N_("Take a translation of the matrix’s texts back from a PO file") },
#ifdef TRELLIS_CLI_HAVE_RENDER
  { "render",   trellis_cli_render,   N_("Draw a heatmap or map as PNG, SVG or PDF") },
  { "export",   trellis_cli_export,   N_("Write the assessments or a view as a CSV or XLSX spreadsheet") },
  { "report",   trellis_cli_report,   N_("Write a paginated report with a sheet per person as PDF") },
#endif
};

/* Every command takes --help (from GOption) and --version. */
GOptionContext *
trellis_cli_context_new (const char         *parameter,
                         const char         *summary,
                         const GOptionEntry *entries,
                         gboolean           *version)
{
  GOptionContext *context = g_option_context_new (parameter);
  const GOptionEntry common[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the version"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  return context;
}

int
trellis_cli_usage_error (GOptionContext *context,
                         const char     *message)
{
  g_autofree char *help = context != NULL ? g_option_context_get_help (context, TRUE, NULL) : NULL;

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  if (help != NULL)
    g_printerr ("\n%s", help);

  return TRELLIS_CLI_USAGE;
}

/* Parses a command's options. Returns FALSE when the command is done
 * already, with its exit status in @status: after a usage error, or
 * after printing the version that @version (nullable) asked for. */
gboolean
trellis_cli_parse (GOptionContext   *context,
                   int              *argc,
                   char           ***argv,
                   const gboolean   *version,
                   int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = trellis_cli_usage_error (context, error->message);
      return FALSE;
    }

  if (version != NULL && *version)
    {
      g_print ("trellis-cli %s\n", PACKAGE_VERSION);
      *status = TRELLIS_CLI_OK;
      return FALSE;
    }

  return TRUE;
}

void
trellis_cli_print_error (const char   *file,
                         const GError *error)
{
  g_autoptr(GFile) gfile = NULL;
  g_autofree char *full_name = NULL;
  gsize len;

  /* Errors from the reader already name the file and line, by its full
   * name: name it as it was given instead, as validate does. */
  if (file != NULL && error->domain == TRELLIS_DOCUMENT_ERROR &&
      (gfile = trellis_cli_file_for_arg (file, NULL)) != NULL)
    {
      full_name = g_file_get_parse_name (gfile);
      len = strlen (full_name);
      if (strncmp (error->message, full_name, len) == 0 && error->message[len] == ':')
        {
          g_printerr ("%s%s\n", file, error->message + len);
          return;
        }
    }

  if (file == NULL || g_str_has_prefix (error->message, file))
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", file, error->message);
}

/* A file named on the command line. A relative name is taken in the
 * current folder, which must still exist: where it was deleted, GLib
 * would quietly take the root folder instead. */
GFile *
trellis_cli_file_for_arg (const char  *arg,
                          GError     **error)
{
  g_autofree char *cwd = NULL;

  if (g_path_is_absolute (arg) || g_uri_peek_scheme (arg) != NULL)
    return g_file_new_for_commandline_arg (arg);

  cwd = getcwd (NULL, 0);
  if (cwd == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: trellis-cli, when started in a deleted folder; %s is a file name as
                    * typed on the command line, e.g. “team.trellis”. */
                   _("The current folder no longer exists, so ‘%s’ cannot be found or written there. Change to an existing folder, or give the full path."),
                   arg);
      return NULL;
    }

  return g_file_new_for_commandline_arg_and_cwd (arg, cwd);
}

/* Loads the matrix named @file on the command line, or from standard
 * input when it is "-", collecting problems in @report (nullable). */
TrellisDocument *
trellis_cli_load_report (const char         *file,
                         TrellisLoadReport  *report,
                         GError            **error)
{
  g_autoptr(GFile) gfile = NULL;

  if (g_strcmp0 (file, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      return trellis_document_new_from_stream (in, _("standard input"), report, NULL, error);
    }

  gfile = trellis_cli_file_for_arg (file, error);
  if (gfile == NULL)
    return NULL;

  return trellis_document_new_from_file (gfile, report, NULL, error);
}

/* Loads the matrix named @file on the command line, or says why it
 * could not. */
TrellisDocument *
trellis_cli_load (const char *file)
{
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = trellis_cli_load_report (file, NULL, &error);

  if (doc == NULL)
    trellis_cli_print_error (file, error);

  return doc;
}

/* Writes @doc to the file named @output on the command line, or to
 * standard output when it is "-", saying why when it cannot. With
 * @update, a matrix written back to the file it was read from is saved
 * as the application saves it (a backup of the old version, and no
 * saving over a file that changed since); else it is written as a new
 * file. */
gboolean
trellis_cli_write_matrix (TrellisDocument *doc,
                          const char      *output,
                          gboolean         update)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = NULL;
  GFile *from = trellis_document_get_file (doc);

  if (g_strcmp0 (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = trellis_document_serialize (doc, &error);
      gsize len = 0;
      const char *data;

      if (bytes == NULL)
        {
          trellis_cli_print_error (NULL, error);
          return FALSE;
        }

      data = g_bytes_get_data (bytes, &len);
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          /* Translators: %s is the program and command, such as “trellis-cli convert”. */
          g_printerr (_("%s: could not write to standard output.\n"), g_get_prgname ());
          return FALSE;
        }
      return TRUE;
    }

  out = trellis_cli_file_for_arg (output, &error);
  if (update && out != NULL && from != NULL && g_file_equal (out, from))
    {
      if (!trellis_document_save (doc, out, TRELLIS_SAVE_FLAGS_NONE, NULL, &error))
        {
          trellis_cli_print_error (NULL, error);
          return FALSE;
        }
      return TRUE;
    }

  /* The output is a new file as far as the document knows. */
  trellis_document_set_file (doc, NULL);
  if (out == NULL ||
      !trellis_document_save (doc, out, TRELLIS_SAVE_FLAGS_FORCE | TRELLIS_SAVE_FLAGS_NO_BACKUP, NULL, &error))
    {
      trellis_cli_print_error (NULL, error);
      return FALSE;
    }

  return TRUE;
}

/* --content-language of render and report: a language the matrix's
 * texts may be translated into. Sets @language (NULL for none); FALSE
 * after a usage error, with the exit status in @status. */
gboolean
trellis_cli_content_language (GOptionContext  *context,
                              const char      *arg,
                              char           **language,
                              int             *status)
{
  g_free (*language);
  *language = NULL;

  if (arg == NULL)
    return TRUE;

  *language = trellis_language_normalize (arg, -1);
  if (*language == NULL)
    {
      /* Translators: %s is what the user typed after --content-language. */
      g_autofree char *msg = g_strdup_printf (_("‘%s’ is not a language code; write it as de, nl or pt-BR."), arg);

      *status = trellis_cli_usage_error (context, msg);
      return FALSE;
    }

  return TRUE;
}

/* Says so when the matrix has no translation into the content language
 * asked for: its texts are shown as written. */
void
trellis_cli_warn_untranslated (TrellisDocument *doc,
                               const char      *language)
{
  if (language == NULL || trellis_document_count_translated (doc, language, NULL) > 0)
    return;

  /* Translators: %s is a language code given with --content-language. */
  g_printerr (_("The matrix has no translations into ‘%s’; its texts are shown as written.\n"), language);
}

/* JSON for scripts: a string (or null), escaped. */
void
trellis_cli_json_string (GString    *out,
                         const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
trellis_cli_json_key (GString    *out,
                      const char *key)
{
  trellis_cli_json_string (out, key);
  g_string_append_c (out, ':');
}

static void
print_help (FILE *out)
{
  /* Translators: the first line of trellis-cli --help; %s is the program's name, “trellis-cli”. Keep
   * COMMAND, OPTION and FILE in capitals; translate them if your language's command-line help usually
   * does. */
  fprintf (out, _("Usage:\n  %s COMMAND [OPTION…] FILE…\n\n"), g_get_prgname ());
  fprintf (out, "%s\n\n", _("Check, summarise, convert and draw Trellis values-competency matrices."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-10s %s\n", "--help", _("Show this help; COMMAND --help shows the help of a command"));
  fprintf (out, "  %-10s %s\n", "--version", _("Show the version"));
  fprintf (out, "\n%s\n", _("Exit status:"));
  fprintf (out, "  0  %s\n", _("success; every file is valid"));
  fprintf (out, "  1  %s\n", _("a file is invalid, or could not be read or written"));
  fprintf (out, "  2  %s\n", _("the command line was wrong"));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("TRELLIS_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("trellis-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return TRELLIS_CLI_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return TRELLIS_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("trellis-cli %s\n", PACKAGE_VERSION);
      return TRELLIS_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("trellis-cli %s", commands[i].name);

          g_set_prgname (prgname);
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  /* Translators: %s is what the user typed as a command. */
  g_printerr (_("trellis-cli: unknown command ‘%s’. Run ‘trellis-cli --help’ to see the commands.\n"), argv[1]);
  return TRELLIS_CLI_USAGE;
}
