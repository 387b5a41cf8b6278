/* trellis-cli-commands.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "trellis-analysis.h"
#include "trellis-cli.h"
#include "trellis-document.h"

/* validate */

int
trellis_cli_validate (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean quiet = FALSE;
  gboolean version = FALSE;
  int status = TRELLIS_CLI_OK;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print only problems"), NULL },
    { NULL }
  };

  context = trellis_cli_context_new (_("FILE…"),
                                _("Checks that each file is a valid Trellis matrix: well-formed, in the right\n"
                                  "format version, with unique ids, known references, levels on the scale\n"
                                  "and ISO 8601 dates. Each problem is printed as FILE:LINE: message."),
                                     entries, &version);

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc < 2)
    return trellis_cli_usage_error (context, _("Name at least one file to check."));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
      g_autoptr(TrellisDocument) doc = NULL;
      g_autoptr(GError) load_error = NULL;
      guint n_printed = 0;

      doc = trellis_cli_load_report (argv[i], report, &load_error);

      for (guint k = 0; k < trellis_load_report_get_n_items (report); k++)
        {
          gboolean is_error = trellis_load_report_get_severity (report, k) == TRELLIS_LOAD_ERROR;

          if (!is_error && quiet)
            continue;

          if (is_error)
            n_printed++;

          /* Translators: a notice that does not make the file invalid; FILE:LINE: note: message. */
          g_printerr (is_error ? "%s:%u: %s\n" : _("%s:%u: note: %s\n"),
                      argv[i], trellis_load_report_get_line (report, k),
                      trellis_load_report_get_message (report, k));
        }

      if (doc == NULL)
        {
          if (n_printed == 0)
            trellis_cli_print_error (argv[i], load_error);
          status = TRELLIS_CLI_INVALID;
          continue;
        }

      if (!quiet)
        {
          guint people = trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON);
          guint assessments = trellis_document_get_n_assessments (doc);
          /* Translators: a number of people, e.g. “3 people”: in trellis-cli check's “FILE: valid (3
           * people, 40 assessments)” and under a view's legend. */
          g_autofree char *n_people = g_strdup_printf (ngettext ("%u person", "%u people", people), people);
          /* Translators: a number of assessments in trellis-cli check's “FILE: valid (3 people, 40
           * assessments)”; %u is how many. */
          g_autofree char *n_assessments = g_strdup_printf (ngettext ("%u assessment", "%u assessments", assessments),
                                                            assessments);

          /* Translators: FILE: valid (3 people, 40 assessments). */
          g_print (_("%s: valid (%s, %s)\n"), argv[i], n_people, n_assessments);
        }
    }

  return status;
}

/* convert */

int
trellis_cli_convert (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autofree char *output = NULL;
  gboolean version = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT (- for standard output)"),
      /* Translators: trellis-cli --help: the placeholder for the file to write, as in “-o OUT”,
       * e.g. “team.csv”. The option descriptions name it (“Write to OUT.png”): if you translate
       * it, use the same word there. */
      N_("OUT") },
    { NULL }
  };

  context = trellis_cli_context_new (_("FILE -o OUT"),
                                _("Reads a matrix and writes it back in the canonical form the application\n"
                                  "saves: the same bytes for the same matrix, atomically."),
                                     entries, &version);

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc != 2)
    return trellis_cli_usage_error (context, _("Name exactly one file to convert."));
  if (output == NULL)
    return trellis_cli_usage_error (context, _("Say where to write with -o OUT."));

  doc = trellis_cli_load (argv[1]);
  if (doc == NULL)
    return TRELLIS_CLI_INVALID;

  return trellis_cli_write_matrix (doc, output, FALSE) ? TRELLIS_CLI_OK : TRELLIS_CLI_INVALID;
}

/* stats */

/* A person who keeps their assessments private is never named. */
static gboolean
may_name (TrellisEntity *person)
{
  return person == NULL || trellis_entity_get_int (person, TRELLIS_FIELD_SHARE) != TRELLIS_SHARE_PRIVATE;
}

static char *
person_label (TrellisEntity *person)
{
  if (!may_name (person))
    return g_strdup (_("(a person who keeps their assessments private)"));

  return trellis_entity_dup_label (person);
}

/* The largest gaps of people who share their assessments. Gaps of people
 * who keep them private are only counted: even anonymous, their levels
 * would point at them in a small team. */
static GArray *
shared_gaps (TrellisDocument *doc,
             TrellisAnalysis *analysis,
             guint            max,
             guint           *n_private)
{
  GArray *all = trellis_analysis_largest_gaps (analysis, G_MAXUINT);
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (TrellisGapEntry));

  *n_private = 0;
  for (guint i = 0; i < all->len; i++)
    {
      const TrellisGapEntry *g = &g_array_index (all, TrellisGapEntry, i);

      if (!may_name (trellis_document_get_item (doc, TRELLIS_KIND_PERSON, g->person)))
        (*n_private)++;
      else if (shown->len < max)
        g_array_append_val (shown, *g);
    }

  g_array_unref (all);
  return shown;
}

static const char * const severity_names[] = { "info", "warning", "problem" };

static void
stats_json (TrellisDocument *doc,
            TrellisAnalysis *analysis,
            GArray          *gaps,
            guint            n_private,
            guint            max_findings)
{
  g_autoptr(GString) out = g_string_new ("{");
  TrellisOrganisation *org = trellis_document_get_organisation (doc);
  guint n_findings = trellis_analysis_get_n_findings (analysis);
  guint required = 0, assessed = 0;
  gboolean first;

  trellis_cli_json_key (out, "organisation");
  trellis_cli_json_string (out, trellis_entity_get_name (TRELLIS_ENTITY (org)));

  g_string_append (out, ",\"counts\":{");
  for (TrellisKind k = TRELLIS_KIND_VALUE; k < TRELLIS_N_KINDS; k++)
    {
      if (k > TRELLIS_KIND_VALUE)
        g_string_append_c (out, ',');
      trellis_cli_json_key (out, trellis_kind_to_element (k));
      g_string_append_printf (out, "%u", trellis_document_get_n_items (doc, k));
    }

  for (guint p = 0; p < trellis_analysis_get_n_people (analysis); p++)
    {
      for (guint c = 0; c < trellis_analysis_get_n_competencies (analysis); c++)
        {
          TrellisCellState state = trellis_analysis_get_state (analysis, p, c, NULL);

          required += state != TRELLIS_CELL_NOT_REQUIRED;
          assessed += state == TRELLIS_CELL_GAP;
        }
    }
  g_string_append_printf (out, ",\"assessments\":%u,\"required_cells\":%u,\"assessed_required_cells\":%u}",
                          trellis_document_get_n_assessments (doc), required, assessed);

  g_string_append (out, ",\"largest_gaps\":[");
  for (guint i = 0; i < gaps->len; i++)
    {
      const TrellisGapEntry *g = &g_array_index (gaps, TrellisGapEntry, i);
      TrellisEntity *person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, g->person);
      TrellisEntity *competency = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, g->competency);
      const TrellisCell *cell = trellis_analysis_get_cell (analysis, g->person, g->competency);
      g_autofree char *name = person_label (person);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"person\":");
      trellis_cli_json_string (out, may_name (person) ? trellis_entity_get_id (person) : NULL);
      g_string_append (out, ",\"person_name\":");
      trellis_cli_json_string (out, name);
      g_string_append (out, ",\"competency\":");
      trellis_cli_json_string (out, trellis_entity_get_id (competency));
      g_string_append (out, ",\"competency_name\":");
      trellis_cli_json_string (out, trellis_entity_get_name (competency));
      g_string_append_printf (out, ",\"required\":%d,\"assessed\":%d,\"gap\":%d,\"source\":",
                              cell->required, cell->assessed, g->gap);
      trellis_cli_json_string (out, trellis_source_to_string (cell->source));
      g_string_append_c (out, '}');
    }

  g_string_append_printf (out, "],\"private_gaps\":%u", n_private);
  g_string_append (out, ",\"findings\":{\"total\":");
  g_string_append_printf (out, "%u,\"by_code\":{", n_findings);
  first = TRUE;
  for (guint code = 0; code < TRELLIS_N_FINDING_CODES; code++)
    {
      guint n = trellis_analysis_count_findings (analysis, code);

      if (n == 0)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      trellis_cli_json_key (out, trellis_finding_code_to_string (code));
      g_string_append_printf (out, "%u", n);
    }
  g_string_append (out, "},\"items\":[");
  for (guint i = 0; i < MIN (n_findings, max_findings); i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (analysis, i);
      g_autofree char *message = NULL;
      TrellisFinding shown = *f;

      if (!may_name (f->person))
        shown.person = NULL;
      message = trellis_finding_dup_message (&shown);
      if (!may_name (f->person))
        {
          g_free (message);
          message = g_strdup_printf ("%s %s", trellis_finding_code_get_title (f->code), _("(about a person who keeps their assessments private)"));
        }

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"code\":");
      trellis_cli_json_string (out, trellis_finding_code_to_string (f->code));
      g_string_append (out, ",\"severity\":");
      trellis_cli_json_string (out, severity_names[trellis_finding_code_get_severity (f->code)]);
      g_string_append (out, ",\"subject\":");
      trellis_cli_json_string (out, f->subject != NULL ? trellis_entity_get_id (f->subject) : NULL);
      g_string_append (out, ",\"message\":");
      trellis_cli_json_string (out, message);
      g_string_append_c (out, '}');
    }

  g_string_append (out, "]},\"single_points\":[");
  first = TRUE;
  for (guint c = 0; c < trellis_analysis_get_n_competencies (analysis); c++)
    {
      TrellisEntity *competency = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, c);
      TrellisEntity *person;
      guint p;

      if (!trellis_analysis_is_single_point (analysis, c, &p))
        continue;
      person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, p);

      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, "{\"competency\":");
      trellis_cli_json_string (out, trellis_entity_get_id (competency));
      g_string_append (out, ",\"person\":");
      trellis_cli_json_string (out, may_name (person) ? trellis_entity_get_id (person) : NULL);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");

  fputs (out->str, stdout);
}

static void
stats_text (TrellisDocument *doc,
            TrellisAnalysis *analysis,
            GArray          *gaps,
            guint            n_private,
            guint            max_findings)
{
  TrellisOrganisation *org = trellis_document_get_organisation (doc);
  const char *name = trellis_entity_get_name (TRELLIS_ENTITY (org));
  guint n_findings = trellis_analysis_get_n_findings (analysis);
  guint required = 0, assessed = 0;
  gboolean any = FALSE;

  g_print ("%s\n", name != NULL && *name != '\0' ? name : _("Untitled matrix"));

  for (TrellisKind k = TRELLIS_KIND_VALUE; k < TRELLIS_N_KINDS; k++)
    g_print ("  %-22s %6u\n", trellis_kind_get_plural_label (k), trellis_document_get_n_items (doc, k));

  for (guint p = 0; p < trellis_analysis_get_n_people (analysis); p++)
    {
      for (guint c = 0; c < trellis_analysis_get_n_competencies (analysis); c++)
        {
          TrellisCellState state = trellis_analysis_get_state (analysis, p, c, NULL);

          required += state != TRELLIS_CELL_NOT_REQUIRED;
          assessed += state == TRELLIS_CELL_GAP;
        }
    }

  g_print ("  %-22s %6u\n", _("Assessments"), trellis_document_get_n_assessments (doc));
  /* Translators: how many required person × competency cells are assessed. */
  g_print (_("  Required cells assessed: %u of %u\n"), assessed, required);

  g_print ("\n%s\n", _("Largest gaps"));
  if (gaps->len == 0 && n_private == 0)
    g_print ("  %s\n", _("No one is below a requirement."));
  for (guint i = 0; i < gaps->len; i++)
    {
      const TrellisGapEntry *g = &g_array_index (gaps, TrellisGapEntry, i);
      TrellisEntity *person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, g->person);
      TrellisEntity *competency = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, g->competency);
      const TrellisCell *cell = trellis_analysis_get_cell (analysis, g->person, g->competency);
      g_autofree char *who = person_label (person);

      /* Translators: person — competency: needs 3, at 1 (self); gap 2. */
      g_print (_("  %s — %s: needs %d, at %d (%s); gap %d\n"),
               who, trellis_entity_get_name (competency), cell->required, cell->assessed,
               trellis_source_get_label (cell->source), g->gap);
    }

  if (n_private > 0)
    /* Translators: %u counts gaps that are not listed. */
    g_print (ngettext ("  %u more gap belongs to people who keep their assessments private; it is not listed.\n",
                       "  %u more gaps belong to people who keep their assessments private; they are not listed.\n",
                       n_private),
             n_private);

  g_print ("\n%s\n", _("Rule findings"));
  if (n_findings == 0)
    g_print ("  %s\n", _("None."));
  for (guint code = 0; code < TRELLIS_N_FINDING_CODES; code++)
    {
      guint n = trellis_analysis_count_findings (analysis, code);

      if (n > 0)
        g_print ("  %-26s %5u  %s\n", trellis_finding_code_to_string (code), n,
                 trellis_finding_code_get_title (code));
    }

  for (guint i = 0, shown = 0; i < n_findings && shown < max_findings; i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (analysis, i);
      g_autofree char *message = NULL;

      if (f->code == TRELLIS_FINDING_SINGLE_POINT || f->code == TRELLIS_FINDING_ABILITY_WITHOUT_MANDATE)
        continue;

      if (!may_name (f->person))
        message = g_strdup_printf ("%s %s", trellis_finding_code_get_title (f->code),
                                   _("(about a person who keeps their assessments private)"));
      else
        message = trellis_finding_dup_message (f);

      if (shown++ == 0)
        g_print ("\n");
      g_print ("  [%s] %s\n", trellis_finding_code_to_string (f->code), message);
    }

  g_print ("\n%s\n", _("Single points of knowledge"));
  for (guint c = 0; c < trellis_analysis_get_n_competencies (analysis); c++)
    {
      guint p;
      g_autofree char *who = NULL;

      if (!trellis_analysis_is_single_point (analysis, c, &p))
        continue;

      any = TRUE;
      who = person_label (trellis_document_get_item (doc, TRELLIS_KIND_PERSON, p));
      /* Translators: competency: only person. */
      g_print (_("  %s: only %s\n"),
               trellis_entity_get_name (trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, c)), who);
    }
  if (!any)
    g_print ("  %s\n", _("None."));
}

int
trellis_cli_stats (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisAnalysis) analysis = NULL;
  g_autoptr(GArray) gaps = NULL;
  gboolean json = FALSE;
  gboolean version = FALSE;
  guint n_private = 0;
  int status;
  gint top = 10;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, N_("How many gaps and findings to list (default 10)"),
      /* Translators: trellis-cli --help: the placeholder for a number, as in “--top=N”, e.g. 5. */
      N_("N") },
    { NULL }
  };

  context = trellis_cli_context_new (_("FILE"),
                                _("Summarises a matrix: how much it holds, the largest gaps, the rule\n"
                                  "findings and the single points of knowledge. People who keep their\n"
                                  "assessments private are never named."),
                                     entries, &version);

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc != 2)
    return trellis_cli_usage_error (context, _("Name exactly one file to summarise."));
  if (top < 0)
    return trellis_cli_usage_error (context, _("--top needs a number of 0 or more."));

  doc = trellis_cli_load (argv[1]);
  if (doc == NULL)
    return TRELLIS_CLI_INVALID;

  analysis = trellis_analysis_new (doc);
  gaps = shared_gaps (doc, analysis, (guint) top, &n_private);

  if (json)
    stats_json (doc, analysis, gaps, n_private, (guint) top);
  else
    stats_text (doc, analysis, gaps, n_private, (guint) top);

  return TRELLIS_CLI_OK;
}
