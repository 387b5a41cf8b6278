/* trellis-cli-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-cli.h"
#include "trellis-merge.h"
#include "trellis-personal.h"

/* trellis-cli merge TEAM FILE|FOLDER… -o OUT [--match FILE=ID]… [--json]
 *
 * Merges handed-in personal files into the team's matrix and writes the
 * result to OUT (which may be TEAM). A folder stands for the .trellis
 * files in it. A file whose person is unsure (several people share the
 * name, or the person of its id was renamed) is listed and left out,
 * unless --match says who it is. What became of every file is printed,
 * as sentences or as JSON. */

static const char * const match_names[] = {
  [TRELLIS_MERGE_REFUSED] = "refused",
  [TRELLIS_MERGE_BY_ID] = "id",
  [TRELLIS_MERGE_BY_NAME] = "name",
  [TRELLIS_MERGE_NEW] = "new",
  [TRELLIS_MERGE_UNSURE] = "unsure",
  [TRELLIS_MERGE_CHOSEN] = "chosen",
  [TRELLIS_MERGE_LEFT_OUT] = "left-out",
};

/* Reads every file named, a folder standing for its .trellis files. */
static gboolean
add_inputs (TrellisMerge *merge,
            char        **args,
            int           n_args)
{
  gboolean ok = TRUE;

  for (int i = 0; i < n_args; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = trellis_cli_file_for_arg (args[i], &error);
      g_autoptr(GPtrArray) files = NULL;

      if (file != NULL && g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        files = trellis_personal_list_folder (file, NULL, &error);
      else if (file != NULL)
        {
          files = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (files, g_object_ref (file));
        }

      if (files == NULL)
        {
          trellis_cli_print_error (args[i], error);
          ok = FALSE;
          continue;
        }

      for (guint k = 0; k < files->len; k++)
        trellis_merge_add_file (merge, g_ptr_array_index (files, k), NULL);
    }

  return ok;
}

/* --match FILE=ID: the file of that name is about that person. */
static gboolean
apply_matches (TrellisMerge    *merge,
               TrellisDocument *team,
               char           **matches)
{
  for (guint m = 0; matches != NULL && matches[m] != NULL; m++)
    {
      const char *eq = strrchr (matches[m], '=');
      g_autofree char *name = NULL;
      g_autofree char *base = NULL;
      TrellisEntity *person;
      gboolean found = FALSE;

      if (eq == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is what was typed after --match. */
          message = g_strdup_printf (_("--match needs FILE=ID, not ‘%s’."), matches[m]);
          trellis_cli_usage_error (NULL, message);
          return FALSE;
        }

      name = g_strndup (matches[m], eq - matches[m]);
      base = g_path_get_basename (name);
      person = trellis_document_lookup (team, eq + 1);
      if (person == NULL || !TRELLIS_IS_PERSON (person))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is an id typed on the command line. */
          message = g_strdup_printf (_("The matrix has no person with the id ‘%s’."), eq + 1);
          trellis_cli_usage_error (NULL, message);
          return FALSE;
        }

      for (guint i = 0; i < trellis_merge_get_n_items (merge); i++)
        {
          TrellisMergeItem *item = trellis_merge_get_item (merge, i);
          TrellisMergeMatch match = trellis_merge_item_get_match (item);

          if (strcmp (trellis_merge_item_get_name (item), base) != 0)
            continue;
          found = TRUE;
          if (match == TRELLIS_MERGE_UNSURE || match == TRELLIS_MERGE_CHOSEN)
            trellis_merge_item_choose (item, TRELLIS_PERSON (person));
        }

      if (!found)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a file name typed after --match. */
          message = g_strdup_printf (_("--match names ‘%s’, which is not among the files to merge."), name);
          trellis_cli_usage_error (NULL, message);
          return FALSE;
        }
    }

  return TRUE;
}

/* Who an unsure file may be about, and how to say so. */
static void
print_unsure (TrellisMerge *merge)
{
  for (guint i = 0; i < trellis_merge_get_n_items (merge); i++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (merge, i);
      GPtrArray *candidates = trellis_merge_item_get_candidates (item);
      g_autoptr(GString) who = g_string_new (NULL);

      if (trellis_merge_item_get_match (item) != TRELLIS_MERGE_UNSURE)
        continue;

      for (guint k = 0; k < candidates->len; k++)
        {
          TrellisEntity *person = g_ptr_array_index (candidates, k);

          if (k > 0)
            g_string_append (who, ", ");
          g_string_append_printf (who, "%s (%s)", trellis_entity_get_id (person), trellis_entity_get_name (person));
        }

      /* Translators: the first %s is a file name, the second a person's
       * name in it, the third a list of ids with names; the last
       * %s is the file name again. */
      g_printerr (_("%s: who %s is in this matrix is not clear: %s. Left out; say who with --match %s=ID.\n"),
                  trellis_merge_item_get_name (item), trellis_merge_item_get_person_name (item), who->str,
                  trellis_merge_item_get_name (item));
    }
}

static void
print_text (TrellisMerge *merge)
{
  for (guint i = 0; i < trellis_merge_get_n_items (merge); i++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (merge, i);
      g_autofree char *summary = trellis_merge_item_dup_summary (item);

      if (trellis_merge_item_is_taken (item))
        /* Translators: a file, the person it is about, what became of it. */
        g_print (_("%s (%s): %s\n"), trellis_merge_item_get_name (item),
                 trellis_merge_item_get_person_name (item), summary);
      else
        g_print ("%s\n", summary);
    }
}

static void
json_uint (GString    *out,
           const char *key,
           guint       value)
{
  trellis_cli_json_key (out, key);
  g_string_append_printf (out, "%u,", value);
}

static void
json_item (GString          *out,
           TrellisMergeItem *item)
{
  g_autofree char *summary = trellis_merge_item_dup_summary (item);
  TrellisPerson *person = trellis_merge_item_get_person (item);
  TrellisShare share;
  gboolean share_changed = trellis_merge_item_get_share_changed (item, &share);
  gboolean hide_levels = share == TRELLIS_SHARE_PRIVATE;

  g_string_append_c (out, '{');
  trellis_cli_json_key (out, "file");
  trellis_cli_json_string (out, trellis_merge_item_get_name (item));
  g_string_append_c (out, ',');
  trellis_cli_json_key (out, "match");
  trellis_cli_json_string (out, match_names[trellis_merge_item_get_match (item)]);
  g_string_append_c (out, ',');
  trellis_cli_json_key (out, "person");
  trellis_cli_json_string (out, person != NULL ? trellis_entity_get_id (TRELLIS_ENTITY (person)) : NULL);
  g_string_append_c (out, ',');
  trellis_cli_json_key (out, "name");
  trellis_cli_json_string (out, trellis_merge_item_get_person_name (item));
  g_string_append_c (out, ',');
  json_uint (out, "assessments", trellis_merge_item_get_n_assessments (item));
  json_uint (out, "added", trellis_merge_item_get_n_added (item));
  json_uint (out, "present", trellis_merge_item_get_n_present (item));
  json_uint (out, "refused", trellis_merge_item_is_taken (item) ? 0 : trellis_merge_item_get_n_assessments (item));

  trellis_cli_json_key (out, "conflicts");
  g_string_append_c (out, '[');
  for (guint k = 0; k < trellis_merge_item_get_n_conflicts (item); k++)
    {
      const TrellisMergeConflict *c = trellis_merge_item_get_conflict (item, k);
      char date[11];

      g_string_append (out, k > 0 ? ",{" : "{");
      trellis_cli_json_key (out, "competency");
      trellis_cli_json_string (out, c->competency);
      g_string_append_c (out, ',');
      trellis_cli_json_key (out, "date");
      trellis_cli_json_string (out, trellis_date_format (c->date, date));
      /* The levels of someone who keeps them private stay unsaid. */
      if (!hide_levels)
        g_string_append_printf (out, ",\"file_level\":%d,\"matrix_level\":%d", c->theirs, c->ours);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],");

  trellis_cli_json_key (out, "share");
  trellis_cli_json_string (out, share_changed ? trellis_share_to_string (share) : NULL);
  g_string_append_c (out, ',');
  trellis_cli_json_key (out, "reason");
  trellis_cli_json_string (out, trellis_merge_item_get_refusal (item));
  g_string_append_c (out, ',');
  trellis_cli_json_key (out, "summary");
  trellis_cli_json_string (out, summary);
  g_string_append_c (out, '}');
}

static void
print_json (TrellisMerge *merge,
            const char   *output)
{
  g_autoptr(GString) out = g_string_new ("{");
  guint added = 0;
  guint taken = 0;

  trellis_cli_json_key (out, "output");
  trellis_cli_json_string (out, output);
  g_string_append_c (out, ',');
  trellis_cli_json_key (out, "files");
  g_string_append_c (out, '[');
  for (guint i = 0; i < trellis_merge_get_n_items (merge); i++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (merge, i);

      if (i > 0)
        g_string_append_c (out, ',');
      json_item (out, item);
      added += trellis_merge_item_get_n_added (item);
      taken += trellis_merge_item_is_taken (item) ? 1 : 0;
    }
  g_string_append (out, "],");
  json_uint (out, "taken", taken);
  trellis_cli_json_key (out, "added");
  g_string_append_printf (out, "%u}\n", added);

  g_print ("%s", out->str);
}

/* Whether everything went in: no file refused or left out, no conflict. */
static gboolean
all_clean (TrellisMerge *merge)
{
  for (guint i = 0; i < trellis_merge_get_n_items (merge); i++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (merge, i);

      if (!trellis_merge_item_is_taken (item) || trellis_merge_item_get_n_conflicts (item) > 0)
        return FALSE;
    }

  return TRUE;
}

int
trellis_cli_merge (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisDocument) team = NULL;
  g_autoptr(TrellisMerge) merge = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) matches = NULL;
  gboolean json = FALSE;
  gboolean version = FALSE;
  gboolean inputs_ok;
  int status = TRELLIS_CLI_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the merged matrix to OUT (it may be TEAM)"), N_("OUT") },
    { "match", 0, 0, G_OPTION_ARG_STRING_ARRAY, &matches, N_("Say who the person of an unsure file is (may be repeated)"), N_("FILE=ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };

  context = trellis_cli_context_new (_("TEAM FILE|FOLDER…"),
                                _("Merges handed-in personal files (a folder stands for the .trellis files\n"
                                  "in it) into the team’s matrix and writes the result to OUT. People are\n"
                                  "matched by id, else by name; a file whose person is unsure is left out\n"
                                  "unless --match says who it is. A file is taken whole or refused whole.\n"
                                  "Prints, per file, what was added, what was there already, each conflict\n"
                                  "(the matrix keeps its own) and why a file was refused. Exit status 1\n"
                                  "when a file was refused or left out or had a conflict; OUT holds what\n"
                                  "was taken all the same."),
                                     entries, &version);

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc < 3)
    return trellis_cli_usage_error (context, _("Name the team’s matrix and at least one personal file or folder."));
  if (output == NULL)
    return trellis_cli_usage_error (context, _("Name the file to write with -o OUT."));

  out_file = trellis_cli_file_for_arg (output, &error);
  if (out_file == NULL)
    {
      trellis_cli_print_error (output, error);
      return TRELLIS_CLI_INVALID;
    }

  team = trellis_cli_load (argv[1]);
  if (team == NULL)
    return TRELLIS_CLI_INVALID;

  merge = trellis_merge_new (team);
  inputs_ok = add_inputs (merge, argv + 2, argc - 2);
  if (!apply_matches (merge, team, matches))
    return TRELLIS_CLI_USAGE;

  print_unsure (merge);
  trellis_merge_apply (merge);

  /* Only where OUT is TEAM does the check for outside changes apply. */
  if (!trellis_document_save (team, out_file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error))
    {
      trellis_cli_print_error (output, error);
      return TRELLIS_CLI_INVALID;
    }

  if (json)
    print_json (merge, output);
  else
    print_text (merge);

  if (!inputs_ok || !all_clean (merge))
    status = TRELLIS_CLI_INVALID;

  return status;
}
