/* trellis-cli-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "trellis-analysis.h"
#include "trellis-cli.h"
#include "trellis-document.h"
#include "trellis-render.h"

/* render: draw a view of a matrix as PNG, SVG or PDF, with the same code
 * the application paints its windows and prints with. */

static gboolean
locale_is_rtl (void)
{
  static const char * const rtl[] = { "ar", "dv", "fa", "he", "ps", "ug", "ur", "yi", "ckb", NULL };
  const char *lang = g_get_language_names ()[0];

  for (guint i = 0; rtl[i] != NULL; i++)
    {
      gsize n = strlen (rtl[i]);

      if (g_ascii_strncasecmp (lang, rtl[i], n) == 0 && (lang[n] == '\0' || lang[n] == '-' || lang[n] == '_'))
        return TRUE;
    }

  return FALSE;
}

/* Draws the matrix at path as options say and writes it to output. */
static int
draw (const char                 *path,
      const TrellisRenderOptions *options,
      const char                 *output,
      TrellisExportFormat         format)
{
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisAnalysis) analysis = NULL;
  g_autoptr(TrellisLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  doc = trellis_cli_load (path);
  if (doc == NULL)
    return TRELLIS_CLI_INVALID;
  trellis_cli_warn_untranslated (doc, options->content_language);

  analysis = trellis_analysis_new (doc);
  layout = trellis_layout_new (analysis, options, &error);
  if (layout == NULL)
    {
      if (g_error_matches (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_ROLE) ||
          g_error_matches (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON))
        {
          trellis_cli_print_error (path, error);
          return TRELLIS_CLI_USAGE;
        }
      trellis_cli_print_error (path, error);
      return TRELLIS_CLI_INVALID;
    }

  if (!trellis_render_to_file (layout, output, format, &error))
    {
      trellis_cli_print_error (output, error);
      return TRELLIS_CLI_INVALID;
    }

  return TRELLIS_CLI_OK;
}

/* WIDTHxHEIGHT in whole pixels, as screens are given. */
static gboolean
parse_screen (const char *text,
              double     *width,
              double     *height)
{
  char *end = NULL;
  guint64 w = g_ascii_strtoull (text, &end, 10);
  guint64 h;

  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '\0' || w < 100 || w > 20000 || h < 100 || h > 20000)
    return FALSE;

  *width = (double) w;
  *height = (double) h;
  return TRUE;
}

int
trellis_cli_render (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisRenderOptions) options = NULL;
  g_autofree char *view = NULL;
  g_autofree char *role = NULL;
  g_autofree char *person = NULL;
  g_autofree char *since = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *font = NULL;
  g_autofree char *title = NULL;
  g_autofree char *content_language = NULL;
  g_autofree char *output = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *screen = NULL;
  double screen_width = 0, screen_height = 0;
  double scale = 1.0;
  double zoom = 1.0;
  gboolean workshop = FALSE;
  gboolean no_numbers = FALSE;
  gboolean version = FALSE;
  int status;
  TrellisView view_id;
  TrellisTheme theme_id = TRELLIS_THEME_LIGHT;
  TrellisAudience audience_id = TRELLIS_AUDIENCE_COACH;
  TrellisExportFormat format;
  TrellisDate since_date = 0;
  g_autofree char *views = trellis_view_dup_choices ();
  /* Translators: %s lists the views, e.g. "gaps, requirements or sight". */
  g_autofree char *view_help = g_strdup_printf (_("The view: %s"), views);
  const GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, view_help,
      /* Translators: trellis-cli --help: the placeholder for a view's name, as in “--view=VIEW”,
       * e.g. “gaps”. Write it in capitals. */
      N_("VIEW") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Show only this role: its people, competencies and responsibilities"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Show only this person"), N_("ID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("For the trend: compare with this date (else with the first round of assessments)"), N_("YYYY-MM-DD") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme, N_("Colours: light, dark or high-contrast"), N_("THEME") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("Scale a PNG, e.g. 2 for a HiDPI screen or a sharp print"), N_("N") },
    { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &zoom, N_("Make cells and text larger or smaller"), N_("N") },
    { "screen", 0, 0, G_OPTION_ARG_STRING, &screen,
      N_("Fill a screen of this size, as a presentation does: the cells as large as fit, the legend beside or under the map"),
      N_("WIDTHxHEIGHT") },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &direction, N_("Lay out ltr or rtl (default: from the language)"), N_("DIR") },
    { "audience", 0, 0, G_OPTION_ARG_STRING, &audience,
      N_("Who will see it: coach (the default: people who share with their coach or the team), "
         "workshop (only people who share with the team, no group under three) "
         "or totals (nobody by name, no group under three)"), N_("AUDIENCE") },
    { "workshop", 0, 0, G_OPTION_ARG_NONE, &workshop, N_("The same as --audience workshop"), NULL },
    { "no-numbers", 0, 0, G_OPTION_ARG_NONE, &no_numbers, N_("Leave the numbers out of the cells"), NULL },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font, N_("Font families, e.g. “DejaVu Sans”"), N_("FAMILY") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The picture’s title"), N_("TEXT") },
    { "content-language", 0, 0, G_OPTION_ARG_STRING, &content_language,
      N_("Show the matrix’s own texts in this language where they are translated, e.g. de"), N_("LL") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT.png, OUT.svg or OUT.pdf"), N_("OUT") },
    { NULL }
  };

  context = trellis_cli_context_new (_("--view VIEW -o OUT FILE"),
                                     _("Draws a view of a matrix as PNG, SVG or PDF. The file type follows the\n"
                                       "name of OUT; the picture’s size follows its content."),
                                     entries, &version);

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc != 2)
    return trellis_cli_usage_error (context, _("Name exactly one matrix to draw."));
  if (view == NULL)
    return trellis_cli_usage_error (context, _("Choose a view with --view."));
  if (!trellis_view_from_string (view, &view_id))
    {
      /* Translators: the first %s is what the user typed after --view,
       * the second lists the views, e.g. "gaps, requirements or sight". */
      g_autofree char *msg = g_strdup_printf (_("Unknown view ‘%s’. Choose %s."), view, views);
      return trellis_cli_usage_error (context, msg);
    }
  if (output == NULL)
    return trellis_cli_usage_error (context, _("Say where to write with -o OUT.png, OUT.svg or OUT.pdf."));
  if (!trellis_export_format_from_path (output, &format))
    {
      /* Translators: trellis-cli render; %s is the output file name as typed after -o, e.g. “team.jpg”. */
      g_autofree char *msg = g_strdup_printf (_("Cannot tell the file type of ‘%s’: end its name in .png, .svg or .pdf."),
                                              output);
      return trellis_cli_usage_error (context, msg);
    }
  if (theme != NULL && !trellis_theme_from_string (theme, &theme_id))
    {
      /* Translators: trellis-cli render; %s is the theme as typed after --theme, e.g. “blue”. Keep
       * light, dark and high-contrast in English: they are what the user types. */
      g_autofree char *msg = g_strdup_printf (_("Unknown theme ‘%s’. Choose light, dark or high-contrast."), theme);
      return trellis_cli_usage_error (context, msg);
    }
  if (!(scale >= 0.25 && scale <= 8))
    return trellis_cli_usage_error (context, _("The scale must be between 0.25 and 8."));
  if (!(zoom >= 0.25 && zoom <= 8))
    return trellis_cli_usage_error (context, _("The zoom must be between 0.25 and 8."));
  if (screen != NULL && !parse_screen (screen, &screen_width, &screen_height))
    return trellis_cli_usage_error (context, _("Give the screen as WIDTHxHEIGHT in pixels, e.g. 1920x1080."));
  if (direction != NULL && g_strcmp0 (direction, "ltr") != 0 && g_strcmp0 (direction, "rtl") != 0)
    return trellis_cli_usage_error (context, _("The direction is ltr or rtl."));
  if (role != NULL && person != NULL)
    return trellis_cli_usage_error (context, _("Give --role or --person, not both."));
  if (audience != NULL && !trellis_audience_from_string (audience, &audience_id))
    {
      /* Translators: %s is what the user typed after --audience. */
      g_autofree char *msg = g_strdup_printf (_("Unknown audience ‘%s’. Choose coach, workshop or totals."), audience);
      return trellis_cli_usage_error (context, msg);
    }
  if (workshop)
    {
      if (audience != NULL && audience_id != TRELLIS_AUDIENCE_WORKSHOP)
        return trellis_cli_usage_error (context, _("--workshop and another --audience contradict each other."));
      audience_id = TRELLIS_AUDIENCE_WORKSHOP;
    }
  if (since != NULL)
    {
      if (!trellis_view_needs_date (view_id))
        return trellis_cli_usage_error (context, _("--since belongs to the trend view (--view trend)."));
      if (!trellis_date_parse (since, strlen (since), &since_date))
        {
          /* Translators: trellis-cli render, report and sheets; %s is a date as typed after --since or
           * --date, e.g. “20-11-2026”. Keep YYYY-MM-DD as it is: it is the form to type. */
          g_autofree char *msg = g_strdup_printf (_("‘%s’ is not a date; write it as YYYY-MM-DD."), since);
          return trellis_cli_usage_error (context, msg);
        }
    }

  options = trellis_render_options_new (view_id);
  trellis_render_options_set_role (options, role);
  trellis_render_options_set_person (options, person);
  trellis_render_options_set_font_family (options, font);
  trellis_render_options_set_title (options, title);
  if (!trellis_cli_content_language (context, content_language, &options->content_language, &status))
    return status;
  options->since = since_date;
  options->theme = theme_id;
  options->scale = scale;
  options->zoom = zoom;
  options->fit_width = screen_width;
  options->fit_height = screen_height;
  options->audience = audience_id;
  options->cell_text = !no_numbers;
  options->rtl = direction != NULL ? g_strcmp0 (direction, "rtl") == 0 : locale_is_rtl ();

  return draw (argv[1], options, output, format);
}
