/* trellis-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "trellis-analysis.h"
#include "trellis-cli.h"
#include "trellis-document.h"
#include "trellis-render.h"
#include "trellis-translations.h"

/* report: the paginated report as PDF, composed by the same code the
 * application prints with. */

#ifdef __GLIBC__
/* glibc's counter of catalogue changes: raising it makes gettext look
 * the language up again (the GNU gettext manual, "Being a gettext
 * grok"). */
extern int _nl_msg_cat_cntr;
#endif

static gboolean
language_is_valid (const char *language)
{
  gsize n = strlen (language);

  if (n == 0 || n > 32)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (language[i]) && strchr ("_@.-", language[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* Whether Trellis has a catalogue for the language, as gettext would
 * find it: "nl_BE" falls back to "nl". */
static gboolean
language_has_catalogue (const char *language)
{
  const char *localedir = g_getenv ("TRELLIS_LOCALEDIR");
  g_autofree char *base = g_strndup (language, strcspn (language, "_.@"));
  const char *candidates[] = { language, base };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = g_build_filename (localedir != NULL ? localedir : LOCALEDIR, candidates[i],
                                                "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

/* Switches the messages to @language for the rest of the command, before
 * anything is translated: gettext follows LANGUAGE (which it ignores
 * under the C locale), and GLib decides once, at the first translation,
 * whether to translate at all. */
static void
use_language (const char *language)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_MESSAGES, "C.UTF-8");
  g_setenv ("LANGUAGE", language, TRUE);
#ifdef __GLIBC__
  ++_nl_msg_cat_cntr;
#endif
}

/* --language is applied before the options are parsed, so that the
 * help and the messages are in it too. */
static const char *
find_language (int    argc,
               char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--language") == 0 && i + 1 < argc)
        return argv[i + 1];
      if (g_str_has_prefix (argv[i], "--language="))
        return argv[i] + strlen ("--language=");
    }

  return NULL;
}

/* The matrix's name for the running header: its file's, without
 * ".trellis". */
static char *
matrix_name (const char *path)
{
  g_autofree char *base = NULL;

  if (g_strcmp0 (path, "-") == 0)
    return NULL;

  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".trellis"))
    base[strlen (base) - strlen (".trellis")] = '\0';

  return g_steal_pointer (&base);
}

static int
write_report (const char                 *path,
              const TrellisReportOptions *options,
              const char                 *output)
{
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisAnalysis) analysis = NULL;
  g_autoptr(TrellisReport) report = NULL;
  g_autoptr(GError) error = NULL;

  doc = trellis_cli_load (path);
  if (doc == NULL)
    return TRELLIS_CLI_INVALID;
  trellis_cli_warn_untranslated (doc, options->content_language);

  analysis = trellis_analysis_new (doc);
  report = trellis_report_new (analysis, options, &error);
  if (report == NULL)
    {
      trellis_cli_print_error (path, error);
      return g_error_matches (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON)
             ? TRELLIS_CLI_USAGE : TRELLIS_CLI_INVALID;
    }

  if (!trellis_report_write_pdf (report, output, NULL, &error))
    {
      trellis_cli_print_error (output, error);
      return TRELLIS_CLI_INVALID;
    }

  return TRELLIS_CLI_OK;
}

int
trellis_cli_report (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisReportOptions) options = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *person = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *language = NULL;
  g_autofree char *date = NULL;
  g_autofree char *font = NULL;
  g_autofree char *output = NULL;
  g_autofree char *content_language = NULL;
  g_autofree char *section_choices = NULL;
  g_autofree char *sections_help = NULL;
  g_autofree char *name = NULL;
  const char *early_language = find_language (argc, argv);
  gboolean bilingual = FALSE;
  gboolean version = FALSE;
  int status;

  if (early_language != NULL && language_is_valid (early_language))
    use_language (early_language);

  section_choices = trellis_report_dup_section_choices ();
  /* Translators: %s lists the sections, e.g. "cover, sight … or mandate". */
  sections_help = g_strdup_printf (_("The sections, separated by commas: %s, or all (default: all but requirements and perception)"),
                                   section_choices);
  {
    const GOptionEntry entries[] = {
      { "sections", 0, 0, G_OPTION_ARG_STRING, &sections, sections_help, N_("LIST") },
      { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("A report for this person alone: their sheet and mandate card"), N_("ID") },
      { "audience", 0, 0, G_OPTION_ARG_STRING, &audience,
        N_("Who will read it: coach (the default: people who share with their coach or the team) "
           "or workshop (only people who share with the team, no group under three)"), N_("AUDIENCE") },
      { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("Paper size: a4 or letter (default: from the locale)"), N_("PAPER") },
      { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Write the report in this language, e.g. nl"), N_("LL") },
      { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date printed on the report (default: today)"), N_("YYYY-MM-DD") },
      { "font", 0, 0, G_OPTION_ARG_STRING, &font, N_("Font families, e.g. “DejaVu Sans”"), N_("FAMILY") },
      { "content-language", 0, 0, G_OPTION_ARG_STRING, &content_language,
        N_("Show the matrix’s own texts in this language where they are translated, e.g. de"), N_("LL") },
      { "bilingual", 0, 0, G_OPTION_ARG_NONE, &bilingual,
        N_("With --content-language: each text with its original under it"), NULL },
      { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to OUT.pdf"), N_("OUT") },
      { NULL }
    };

    context = trellis_cli_context_new (_("-o OUT.pdf FILE"),
                                       _("Writes a report of a matrix as PDF, paginated for printing: the cover with\n"
                                         "mission and values, the line of sight, role profiles, the maps in tiles,\n"
                                         "monitoring, and a development sheet and mandate card for each person."),
                                       entries, &version);
    if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
      return status;
  }

  options = trellis_report_options_new ();

  if (argc != 2)
    return trellis_cli_usage_error (context, _("Name exactly one matrix to report on."));
  if (output == NULL)
    return trellis_cli_usage_error (context, _("Say where to write with -o OUT.pdf."));
  if (!g_str_has_suffix (output, ".pdf") && !g_str_has_suffix (output, ".PDF"))
    {
      /* Translators: %s is the file name given after -o. */
      g_autofree char *msg = g_strdup_printf (_("A report is written as PDF: end the name ‘%s’ in .pdf."), output);
      return trellis_cli_usage_error (context, msg);
    }
  if (language != NULL && !language_is_valid (language))
    {
      /* Translators: %s is what the user typed after --language. */
      g_autofree char *msg = g_strdup_printf (_("‘%s’ is not a language code; write it as nl, de or pt_BR."), language);
      return trellis_cli_usage_error (context, msg);
    }
  if (language != NULL && !g_str_has_prefix (language, "en") && !language_has_catalogue (language))
    /* Translators: %s is a language code given with --language. */
    g_printerr (_("There is no translation into ‘%s’; the report is written in English.\n"), language);
  if (sections != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!trellis_report_sections_parse (sections, &options->sections, &error))
        return trellis_cli_usage_error (context, error->message);
    }
  if (audience != NULL && !trellis_audience_from_string (audience, &options->audience))
    {
      /* Translators: %s is what the user typed after --audience. */
      g_autofree char *msg = g_strdup_printf (_("Unknown audience ‘%s’. Choose coach or workshop."), audience);
      return trellis_cli_usage_error (context, msg);
    }
  if (paper != NULL && !trellis_paper_from_string (paper, &options->paper))
    {
      /* Translators: %s is what the user typed after --paper. */
      g_autofree char *msg = g_strdup_printf (_("Unknown paper ‘%s’. Choose a4 or letter."), paper);
      return trellis_cli_usage_error (context, msg);
    }
  if (date != NULL && !trellis_date_parse (date, strlen (date), &options->date))
    {
      g_autofree char *msg = g_strdup_printf (_("‘%s’ is not a date; write it as YYYY-MM-DD."), date);
      return trellis_cli_usage_error (context, msg);
    }

  if (!trellis_cli_content_language (context, content_language, &options->content_language, &status))
    return status;
  if (bilingual && options->content_language == NULL)
    return trellis_cli_usage_error (context, _("--bilingual needs --content-language: say which language to show beside the original."));
  options->bilingual = bilingual;

  trellis_report_options_set_person (options, person);
  name = matrix_name (argv[1]);
  trellis_report_options_set_matrix_name (options, name);
  g_free (options->font_family);
  options->font_family = g_steal_pointer (&font);

  return write_report (argv[1], options, output);
}
