/* trellis-cli-handout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-cli.h"
#include "trellis-personal.h"

/* trellis-cli handout TEAM -o FOLDER [--person ID]…
 *
 * Writes one personal file per person into FOLDER, named after them and
 * readable by their owner only. A file already there is left alone: it
 * may hold someone's answers. A matrix handed out from for the first
 * time gets its identity and is saved with it, or the files could never
 * be merged back. */

/* The folder, made readable by its owner only when it is new. */
static gboolean
ensure_folder (GFile   *folder,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (folder, NULL, &local_error))
    {
      g_file_set_attribute_uint32 (folder, G_FILE_ATTRIBUTE_UNIX_MODE, 0700,
                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
      return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) &&
      g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Writes the personal file of @person into @folder. */
static gboolean
hand_out_one (TrellisDocument *team,
              TrellisPerson   *person,
              GFile           *folder,
              const char      *folder_arg,
              const char      *name)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autofree char *shown = g_build_filename (folder_arg, name, NULL);
  g_autoptr(TrellisDocument) personal = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_query_exists (file, NULL))
    {
      /* Translators: %s is a file name. */
      g_printerr (_("%s: exists already and was left as it is: it may hold someone’s answers. Move it away, or hand out into another folder.\n"),
                  shown);
      return FALSE;
    }

  personal = trellis_handout_new (team, person, &error);
  if (personal == NULL ||
      !trellis_document_save (personal, file, TRELLIS_SAVE_FLAGS_PRIVATE | TRELLIS_SAVE_FLAGS_NO_BACKUP, NULL, &error))
    {
      trellis_cli_print_error (shown, error);
      return FALSE;
    }

  g_print ("%s\n", shown);
  return TRUE;
}

/* Gives @team an identity, saving it at once where it is new. */
static gboolean
ensure_identity (TrellisDocument *team,
                 const char      *team_arg)
{
  g_autoptr(GError) error = NULL;
  GFile *file = trellis_document_get_file (team);

  if (trellis_document_get_matrix_id (team) != NULL)
    return TRUE;

  if (file == NULL)
    {
      g_printerr ("%s\n", _("This matrix has no identity yet for handed-in files to be matched with, and one read from standard input cannot be saved with one. Name the file instead."));
      return FALSE;
    }

  trellis_document_ensure_matrix_id (team);
  if (!trellis_document_save (team, file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error))
    {
      trellis_cli_print_error (team_arg, error);
      return FALSE;
    }

  /* Translators: %s is the file of a team's matrix. */
  g_printerr (_("%s: gave the matrix an identity, which the personal files carry so that they can be merged back, and saved it.\n"),
              team_arg);
  return TRUE;
}

int
trellis_cli_handout (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(TrellisDocument) team = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *output = NULL;
  gboolean version = FALSE;
  int status = TRELLIS_CLI_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The folder to write the personal files into"), N_("FOLDER") },
    { "person", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids, N_("Hand out to this person only (an id; may be repeated)"), N_("ID") },
    { NULL }
  };

  context = trellis_cli_context_new (_("TEAM"),
                                _("Writes one personal file per person of the team’s matrix into FOLDER,\n"
                                  "named after them and readable by their owner only: their roles’\n"
                                  "competencies with the values they serve and the level descriptions,\n"
                                  "and their own earlier self-assessments; nobody else’s data. Files\n"
                                  "already in FOLDER are left as they are. A matrix handed out from for\n"
                                  "the first time is given an identity and saved."),
                                     entries, &version);

  if (!trellis_cli_parse (context, &argc, &argv, &version, &status))
    return status;

  if (argc != 2)
    return trellis_cli_usage_error (context, _("Name exactly one team’s matrix to hand out from."));
  if (output == NULL)
    return trellis_cli_usage_error (context, _("Name the folder to write into with -o FOLDER."));

  team = trellis_cli_load (argv[1]);
  if (team == NULL)
    return TRELLIS_CLI_INVALID;

  if (trellis_document_is_personal (team))
    {
      /* Translators: %s is a file name. */
      g_printerr (_("%s: is a personal file; hand out from the team’s matrix instead.\n"), argv[1]);
      return TRELLIS_CLI_INVALID;
    }

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TrellisEntity *person = trellis_document_lookup (team, ids[i]);

      if (person == NULL || !TRELLIS_IS_PERSON (person))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is an id typed on the command line. */
          message = g_strdup_printf (_("The matrix has no person with the id ‘%s’."), ids[i]);
          return trellis_cli_usage_error (NULL, message);
        }
      g_ptr_array_add (people, person);
    }

  if (ids == NULL)
    for (guint i = 0; i < trellis_document_get_n_items (team, TRELLIS_KIND_PERSON); i++)
      g_ptr_array_add (people, trellis_document_get_item (team, TRELLIS_KIND_PERSON, i));

  if (!ensure_identity (team, argv[1]))
    return TRELLIS_CLI_INVALID;

  folder = trellis_cli_file_for_arg (output, &error);
  if (folder == NULL || !ensure_folder (folder, &error))
    {
      trellis_cli_print_error (output, error);
      return TRELLIS_CLI_INVALID;
    }

  names = trellis_handout_dup_file_names (team);
  for (guint i = 0; i < people->len; i++)
    {
      gpointer person = g_ptr_array_index (people, i);

      if (!hand_out_one (team, person, folder, output, g_hash_table_lookup (names, person)))
        status = TRELLIS_CLI_INVALID;
    }

  return status;
}
