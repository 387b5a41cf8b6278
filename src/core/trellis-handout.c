/* trellis-handout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-handout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-document-private.h"
#include "trellis-personal.h"

/* Making a personal file from a team's matrix, for one person.
 *
 * What it holds (data/FORMAT.md says the same):
 * - the organisation, the scale, and the matrix's identity;
 * - every value, result and competency with its level descriptions:
 *   the team's shared purpose and vocabulary, not anyone's data, and
 *   what the person needs to see why each competency matters and to add
 *   one their roles do not list;
 * - the person's roles with what they require, and the responsibilities
 *   those roles carry, with only those roles' assignments, so that the
 *   levels asked of the person are the ones the team's matrix asks;
 * - the person, with their sharing choice and their own earlier
 *   self-assessments (the history the new round adds to).
 *
 * Nobody else's data: no other person, no other role, no coach's or
 * agreed level, no indicator, development action or feedback, and none
 * of the elements of a newer version that the matrix keeps unread. */

static TrellisEntity *
copy_entity (TrellisEntity *entity,
             TrellisField   leave_out)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (entity);
  TrellisEntity *copy = trellis_entity_new_internal (trellis_entity_get_kind (entity),
                                                     trellis_entity_get_id (entity));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      TrellisField field = klass->fields[i];

      if (field != leave_out)
        trellis_entity_store_field (copy, field, trellis_entity_get_field (entity, field), FALSE);
    }

  return copy;
}

static void
add_copy (TrellisDocument *doc,
          TrellisEntity   *entity,
          TrellisField     leave_out)
{
  g_autoptr(TrellisEntity) copy = copy_entity (entity, leave_out);

  trellis_document_add_loaded (doc, copy);
}

static void
copy_all (TrellisDocument *doc,
          TrellisDocument *team,
          TrellisKind      kind)
{
  guint n = trellis_document_get_n_items (team, kind);

  for (guint i = 0; i < n; i++)
    add_copy (doc, trellis_document_get_item (team, kind, i), TRELLIS_FIELD_NONE);
}

/* The responsibilities that @roles carry, with only their assignments. */
static void
copy_responsibilities (TrellisDocument *doc,
                       TrellisDocument *team,
                       const char     **roles)
{
  guint n = trellis_document_get_n_items (team, TRELLIS_KIND_RESPONSIBILITY);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *rs = trellis_document_get_item (team, TRELLIS_KIND_RESPONSIBILITY, i);
      GArray *assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);
      g_autoptr(GArray) kept = trellis_assignments_new ();
      g_autoptr(TrellisEntity) copy = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      for (guint k = 0; assigns != NULL && k < assigns->len; k++)
        {
          const TrellisAssignment *a = &g_array_index (assigns, TrellisAssignment, k);

          if (trellis_strv_contains_id (roles, a->role))
            g_array_append_val (kept, *a);
        }

      if (kept->len == 0)
        continue;

      copy = copy_entity (rs, TRELLIS_FIELD_ASSIGNS);
      g_value_init (&value, G_TYPE_ARRAY);
      g_value_set_boxed (&value, kept);
      trellis_entity_store_field (copy, TRELLIS_FIELD_ASSIGNS, &value, FALSE);
      trellis_document_add_loaded (doc, copy);
    }
}

/* The person's own earlier self-assessments, in the order records keep:
 * competency (their slots in @doc follow the order of the list), then
 * date. */
static void
copy_self_assessments (TrellisDocument *doc,
                       TrellisPerson   *copy,
                       TrellisDocument *team,
                       TrellisPerson   *person)
{
  GArray *records = trellis_person_edit_records (copy);
  guint n = trellis_document_get_n_items (team, TRELLIS_KIND_COMPETENCY);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *competency = trellis_document_get_item (team, TRELLIS_KIND_COMPETENCY, i);
      TrellisEntity *ours = trellis_document_lookup (doc, trellis_entity_get_id (competency));
      g_autoptr(GArray) all = trellis_document_get_assessments (team, person, trellis_entity_get_id (competency));

      for (guint k = 0; k < all->len; k++)
        {
          const TrellisAssessment *a = &g_array_index (all, TrellisAssessment, k);
          TrellisRecord record = { 0 };

          if (a->source != TRELLIS_SOURCE_SELF)
            continue;

          record.slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (ours));
          record.date = a->date;
          record.level = (gint8) a->level;
          record.source = TRELLIS_SOURCE_SELF;
          record.want = a->want ? 1 : 0;
          record.text = (a->note != NULL || a->evidence != NULL)
                        ? trellis_document_add_text (doc, a->note, a->evidence) : 0;
          g_array_append_val (records, record);
        }
    }
}

/**
 * trellis_handout_new:
 * @team: a team's matrix with an identity (see
 *   trellis_document_ensure_matrix_id())
 * @person: a person of @team
 * @error: return location for a #GError
 *
 * Makes the personal file of @person: what they need to assess
 * themself, and nobody else's data. Save it with
 * %TRELLIS_SAVE_FLAGS_PRIVATE (a personal file always is).
 *
 * Returns: (transfer full) (nullable): the personal file, not saved yet
 */
TrellisDocument *
trellis_handout_new (TrellisDocument  *team,
                     TrellisPerson    *person,
                     GError          **error)
{
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisProgress) progress = NULL;
  g_autoptr(TrellisEntity) person_copy = NULL;
  const char **roles;
  guint n_roles;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (team), NULL);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), NULL);

  if (trellis_document_is_personal (team))
    {
      g_set_error_literal (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID,
                           _("This is a personal file already. Hand out personal files from the team’s matrix."));
      return NULL;
    }
  if (trellis_document_get_matrix_id (team) == NULL)
    {
      g_set_error_literal (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID,
                           _("The matrix has no identity yet for handed-in files to be matched with. Give it one and save it first."));
      return NULL;
    }

  doc = trellis_document_new ();
  trellis_document_begin_loading (doc);
  doc->lang = g_strdup (team->lang);
  doc->matrix_id = g_strdup (team->matrix_id);

  add_copy (doc, TRELLIS_ENTITY (trellis_document_get_organisation (team)), TRELLIS_FIELD_NONE);
  copy_all (doc, team, TRELLIS_KIND_VALUE);
  copy_all (doc, team, TRELLIS_KIND_RESULT);
  copy_all (doc, team, TRELLIS_KIND_COMPETENCY);

  roles = trellis_entity_get_strv (TRELLIS_ENTITY (person), TRELLIS_FIELD_ROLES);
  copy_responsibilities (doc, team, roles);

  n_roles = trellis_document_get_n_items (team, TRELLIS_KIND_ROLE);
  for (guint i = 0; i < n_roles; i++)
    {
      TrellisEntity *role = trellis_document_get_item (team, TRELLIS_KIND_ROLE, i);

      g_autoptr(TrellisEntity) copy = NULL;
      g_autoptr(GArray) no_targets = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if (!trellis_strv_contains_id (roles, trellis_entity_get_id (role)))
        continue;

      /* Coverage targets count other people: not theirs to see. */
      copy = copy_entity (role, TRELLIS_FIELD_TARGETS);
      no_targets = trellis_targets_new ();
      g_value_init (&value, G_TYPE_ARRAY);
      g_value_set_boxed (&value, no_targets);
      trellis_entity_store_field (copy, TRELLIS_FIELD_TARGETS, &value, FALSE);
      trellis_document_add_loaded (doc, copy);
    }

  person_copy = copy_entity (TRELLIS_ENTITY (person), TRELLIS_FIELD_NONE);
  trellis_document_add_loaded (doc, person_copy);
  copy_self_assessments (doc, TRELLIS_PERSON (person_copy), team, person);
  trellis_document_finish_loading (doc);

  progress = trellis_progress_new (trellis_entity_get_id (TRELLIS_ENTITY (person)));
  trellis_document_set_progress (doc, progress);

  return g_steal_pointer (&doc);
}

/**
 * trellis_handout_dup_file_name:
 * @person: a person
 *
 * Returns: (transfer full): the name of the person's personal file: their
 *   name, made safe as a file name, with the extension `.trellis`
 */
char *
trellis_handout_dup_file_name (TrellisPerson *person)
{
  const char *name = trellis_entity_get_name (TRELLIS_ENTITY (person));
  GString *out = g_string_new (NULL);

  for (const char *p = name != NULL ? name : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* No folders, nothing hidden, nothing a file system or a
       * terminal takes for something else. */
      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
          c == '<' || c == '>' || c == '|' || g_unichar_iscntrl (c))
        c = '-';
      if ((c == '.' || c == '-' || g_unichar_isspace (c)) && out->len == 0)
        continue;
      if (g_unichar_isspace (c))
        c = ' ';
      /* 200 bytes leave room for the extension and a number in every
       * file system. */
      if (out->len + g_unichar_to_utf8 (c, NULL) > 200)
        break;
      g_string_append_unichar (out, c);
    }

  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '.'))
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    g_string_append (out, trellis_entity_get_id (TRELLIS_ENTITY (person)));

  g_string_append (out, ".trellis");
  return g_string_free (out, FALSE);
}

/* @name, or "NAME (2).trellis" and so on where an earlier person has
 * that name, in any case: network shares often ignore it. */
static char *
unique_name (GHashTable *used,
             const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".trellis"));
  char *candidate = g_strdup (name);
  char *folded = g_utf8_casefold (candidate, -1);

  for (guint n = 2; g_hash_table_contains (used, folded); n++)
    {
      g_free (candidate);
      g_free (folded);
      candidate = g_strdup_printf ("%s (%u).trellis", stem, n);
      folded = g_utf8_casefold (candidate, -1);
    }

  g_hash_table_add (used, folded);
  return candidate;
}

/**
 * trellis_handout_dup_file_names:
 * @team: a team's matrix
 *
 * The name of each person's personal file (see
 * trellis_handout_dup_file_name()); people of the same name are told
 * apart by a number, in the order of the matrix, so that handing out to
 * one person names their file as handing out to all does.
 *
 * Returns: (transfer full) (element-type TrellisPerson utf8): person →
 *   file name
 */
GHashTable *
trellis_handout_dup_file_names (TrellisDocument *team)
{
  GHashTable *names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (team), names);

  n = trellis_document_get_n_items (team, TRELLIS_KIND_PERSON);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *person = trellis_document_get_item (team, TRELLIS_KIND_PERSON, i);
      g_autofree char *proposed = trellis_handout_dup_file_name (TRELLIS_PERSON (person));

      g_hash_table_insert (names, person, unique_name (used, proposed));
    }

  return names;
}
