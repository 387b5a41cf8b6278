/* trellis-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-document-private.h"
#include "trellis-merge.h"
#include "trellis-personal.h"

/* Bringing handed-in personal files into the team's matrix.
 *
 * First every file is added and checked (trellis_merge_add()), which
 * changes nothing: whether it is a personal file of this matrix, whose
 * it is, and whether each of its assessments fits the matrix. A file
 * is taken whole or refused whole, with a sentence that says why:
 *
 * - not a personal file, or one made from another matrix (its identity
 *   differs), or unreadable;
 * - no assessments at all (nothing to merge);
 * - an assessment from another perspective than the owner's own (a
 *   personal file holds self-assessments only);
 * - a competency the matrix does not have (by id, else by name), or a
 *   level off the matrix's scale;
 * - a person who carries the id of someone else in the matrix while
 *   bearing the name of another.
 *
 * People are matched by id, else by name. Where that is unsure (several
 * people share the name; the person of that id now has a name nobody
 * else has), the caller asks (trellis_merge_item_choose()); an unsure
 * file left unanswered is left out.
 *
 * Then trellis_merge_apply() takes every file it may, in order, as one
 * undo step. Each assessment of a file is added, found there already
 * (identical: not added twice), or is a conflict: the matrix holds a
 * different assessment of the same person, competency, date and source.
 * The matrix's is kept and the conflict is reported; nothing is
 * resolved silently. Every assessment of every file is counted in
 * exactly one of: added, already there, conflicting, or refused with its
 * file. The person's sharing choice comes with their file. */

struct _TrellisMergeItem
{
  TrellisMerge      *merge;
  char              *name;
  TrellisDocument   *personal;
  TrellisMergeMatch  match;
  char              *refusal;
  char              *person_name;
  char              *person_id;
  TrellisPerson     *person;       /* the matrix's, or NULL */
  GPtrArray         *candidates;   /* TrellisPerson of the matrix */
  guint              n_assessments;
  guint              n_added;
  guint              n_present;
  GArray            *conflicts;    /* TrellisMergeConflict */
  gboolean           share_changed;
  TrellisShare       share;
};

struct _TrellisMerge
{
  TrellisDocument *team;
  GPtrArray       *items;
  GHashTable      *people_by_name;        /* folded name → GPtrArray of TrellisPerson */
  GHashTable      *competencies_by_name;  /* folded name → TrellisCompetency, or the merge when ambiguous */
};

static void
item_free (gpointer data)
{
  TrellisMergeItem *item = data;

  g_free (item->name);
  g_clear_object (&item->personal);
  g_free (item->refusal);
  g_free (item->person_name);
  g_free (item->person_id);
  g_clear_object (&item->person);
  g_clear_pointer (&item->candidates, g_ptr_array_unref);
  g_clear_pointer (&item->conflicts, g_array_unref);
  g_free (item);
}

/**
 * trellis_merge_new:
 * @team: the team's matrix the personal files are merged into
 *
 * Returns: (transfer full): a merge, with no files yet
 */
TrellisMerge *
trellis_merge_new (TrellisDocument *team)
{
  TrellisMerge *self = g_new0 (TrellisMerge, 1);

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (team), NULL);

  self->team = g_object_ref (team);
  self->items = g_ptr_array_new_with_free_func (item_free);

  return self;
}

void
trellis_merge_free (TrellisMerge *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->team);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->people_by_name, g_hash_table_unref);
  g_clear_pointer (&self->competencies_by_name, g_hash_table_unref);
  g_free (self);
}

/* The matrix's people and competencies by name, read once. Adding files
 * changes nothing, so they stay right until trellis_merge_apply(). */
static void
index_team (TrellisMerge *self)
{
  guint n;

  if (self->people_by_name != NULL)
    return;

  self->people_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  n = trellis_document_get_n_items (self->team, TRELLIS_KIND_PERSON);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *person = trellis_document_get_item (self->team, TRELLIS_KIND_PERSON, i);
      char *folded = trellis_name_fold (trellis_entity_get_name (person));
      GPtrArray *same = g_hash_table_lookup (self->people_by_name, folded);

      if (same == NULL)
        {
          same = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->people_by_name, folded, same);
        }
      else
        g_free (folded);
      g_ptr_array_add (same, g_object_ref (person));
    }

  self->competencies_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = trellis_document_get_n_items (self->team, TRELLIS_KIND_COMPETENCY);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *competency = trellis_document_get_item (self->team, TRELLIS_KIND_COMPETENCY, i);
      char *folded = trellis_name_fold (trellis_entity_get_name (competency));

      if (g_hash_table_contains (self->competencies_by_name, folded))
        g_hash_table_replace (self->competencies_by_name, folded, self);
      else
        g_hash_table_insert (self->competencies_by_name, folded, competency);
    }
}

static void
refuse (TrellisMergeItem *item,
        char             *sentence)
{
  item->match = TRELLIS_MERGE_REFUSED;
  g_free (item->refusal);
  item->refusal = sentence;
  g_clear_object (&item->person);
}

/* The matrix's competency that @competency of a personal file is: the
 * one of the same id, else the one of the same name. */
static TrellisCompetency *
find_competency (TrellisMerge  *self,
                 TrellisEntity *competency)
{
  TrellisEntity *ours = trellis_document_lookup (self->team, trellis_entity_get_id (competency));
  g_autofree char *folded = NULL;
  gpointer by_name;

  if (ours != NULL && TRELLIS_IS_COMPETENCY (ours))
    return TRELLIS_COMPETENCY (ours);

  index_team (self);
  folded = trellis_name_fold (trellis_entity_get_name (competency));
  by_name = g_hash_table_lookup (self->competencies_by_name, folded);

  return by_name != NULL && by_name != self ? by_name : NULL;
}

/* Whether every assessment of the file fits the matrix. */
static gboolean
check_assessments (TrellisMergeItem *item,
                   GArray           *assessments)
{
  TrellisMerge *self = item->merge;

  for (guint i = 0; i < assessments->len; i++)
    {
      const TrellisAssessment *a = &g_array_index (assessments, TrellisAssessment, i);
      TrellisEntity *theirs = trellis_document_lookup (item->personal, a->competency);

      if (a->source != TRELLIS_SOURCE_SELF)
        {
          /* Translators: %s is a file name; then a perspective such as “coach”. */
          refuse (item, g_strdup_printf (_("‘%s’ holds an assessment from another perspective (%s). A personal file holds only its owner’s own assessments, so it was not merged."),
                                         item->name, trellis_source_get_label (a->source)));
          return FALSE;
        }

      if (find_competency (self, theirs) == NULL)
        {
          /* Translators: the first %s is a file name, the second a competency. */
          refuse (item, g_strdup_printf (_("‘%s’ assesses ‘%s’, which this matrix does not have. It was not merged: add the competency to the matrix, or ask for a new personal file."),
                                         item->name, trellis_entity_get_name (theirs)));
          return FALSE;
        }

      if (!trellis_document_level_in_scale (self->team, a->level))
        {
          /* Translators: the first %s is a file name, the second a competency; %d a level. */
          refuse (item, g_strdup_printf (_("‘%s’ gives ‘%s’ the level %d, which is not on this matrix’s scale, so it was not merged."),
                                         item->name, trellis_entity_get_name (theirs), a->level));
          return FALSE;
        }
    }

  return TRUE;
}

/* Who the person of the file is in the matrix. */
static void
match_person (TrellisMergeItem *item)
{
  TrellisMerge *self = item->merge;
  TrellisEntity *by_id = trellis_document_lookup (self->team, item->person_id);
  g_autofree char *folded = trellis_name_fold (item->person_name);
  GPtrArray *same_name;

  index_team (self);
  same_name = g_hash_table_lookup (self->people_by_name, folded);

  if (by_id != NULL && TRELLIS_IS_PERSON (by_id))
    {
      g_autofree char *id_name = trellis_name_fold (trellis_entity_get_name (by_id));

      if (strcmp (id_name, folded) == 0)
        {
          item->match = TRELLIS_MERGE_BY_ID;
          item->person = g_object_ref (TRELLIS_PERSON (by_id));
          return;
        }

      if (same_name != NULL)
        {
          /* Translators: the first %s is a file name, the second a
           * person's name in the file, the third the name of the person
           * in the matrix whose id the file carries. */
          refuse (item, g_strdup_printf (_("‘%s’ is about %s but carries the id of %s, someone else in this matrix. It was not merged: ask %s for the personal file handed out to them."),
                                         item->name, item->person_name, trellis_entity_get_name (by_id), item->person_name));
          return;
        }

      /* Renamed since the file was handed out? Only a person can say. */
      item->match = TRELLIS_MERGE_UNSURE;
      item->candidates = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (item->candidates, g_object_ref (by_id));
      return;
    }

  if (same_name == NULL)
    {
      item->match = TRELLIS_MERGE_NEW;
      return;
    }

  if (same_name->len == 1)
    {
      item->match = TRELLIS_MERGE_BY_NAME;
      item->person = g_object_ref (g_ptr_array_index (same_name, 0));
      return;
    }

  item->match = TRELLIS_MERGE_UNSURE;
  item->candidates = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < same_name->len; i++)
    g_ptr_array_add (item->candidates, g_object_ref (g_ptr_array_index (same_name, i)));
}

/* What makes the file a personal file of this matrix; refuses it if it
 * is not. */
static gboolean
check_personal (TrellisMergeItem *item)
{
  TrellisDocument *team = item->merge->team;
  TrellisDocument *doc = item->personal;
  const char *ours = trellis_document_get_matrix_id (team);
  const char *theirs = trellis_document_get_matrix_id (doc);
  TrellisPerson *person = trellis_personal_get_person (doc);

  if (!trellis_document_is_personal (doc) || person == NULL ||
      trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON) != 1)
    {
      guint n = trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON);

      /* Translators: the first %s is a file name; %u is a number of people. */
      refuse (item, g_strdup_printf (ngettext ("‘%s’ is not a personal file but a matrix of %u person. Personal files are made with Hand Out Self-Assessments; this one was not merged.",
                                               "‘%s’ is not a personal file but a matrix of %u people. Personal files are made with Hand Out Self-Assessments; this one was not merged.",
                                               n),
                                     item->name, n));
      return FALSE;
    }

  item->person_id = g_strdup (trellis_entity_get_id (TRELLIS_ENTITY (person)));
  item->person_name = g_strdup (trellis_entity_get_name (TRELLIS_ENTITY (person)));
  item->share = trellis_entity_get_int (TRELLIS_ENTITY (person), TRELLIS_FIELD_SHARE);

  if (ours == NULL || theirs == NULL || strcmp (ours, theirs) != 0)
    {
      /* Translators: the first %s is a file name, the second the name
       * of the organisation of the matrix it was made from. */
      refuse (item, g_strdup_printf (_("‘%s’ was handed out from another matrix (%s), not from this one, so it was not merged."),
                                     item->name, trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (doc)))));
      return FALSE;
    }

  return TRUE;
}

/**
 * trellis_merge_add:
 * @self: a #TrellisMerge
 * @name: how to name the file in sentences
 * @personal: (nullable): the file, read; %NULL when it could not be read
 * @load_error: (nullable): why it could not be read
 *
 * Adds a file to the merge and checks it, changing nothing yet.
 *
 * Returns: (transfer none): what will become of the file
 */
TrellisMergeItem *
trellis_merge_add (TrellisMerge    *self,
                   const char      *name,
                   TrellisDocument *personal,
                   const GError    *load_error)
{
  TrellisMergeItem *item = g_new0 (TrellisMergeItem, 1);
  g_autoptr(GArray) assessments = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (personal != NULL || load_error != NULL, NULL);

  item->merge = self;
  item->name = g_strdup (name);
  item->conflicts = g_array_new (FALSE, FALSE, sizeof (TrellisMergeConflict));
  g_ptr_array_add (self->items, item);

  if (personal == NULL)
    {
      /* Translators: %s is why a file could not be read. */
      refuse (item, g_strdup_printf (_("%s It was not merged."), load_error->message));
      return item;
    }

  item->personal = g_object_ref (personal);
  item->n_assessments = trellis_document_get_n_assessments (personal);

  if (!check_personal (item))
    return item;

  if (item->n_assessments == 0)
    {
      /* Translators: %s is a file name. */
      refuse (item, g_strdup_printf (_("‘%s’ holds no assessments yet, so there was nothing to merge. Ask its owner to assess themself and hand it in again."),
                                     item->name));
      return item;
    }

  assessments = trellis_document_get_assessments (personal, trellis_personal_get_person (personal), NULL);
  /* A competency deleted from the file hides its assessments: they are
   * not the file's any more, and are counted as refused. */
  if (assessments->len != item->n_assessments)
    {
      /* Translators: %s is a file name. */
      refuse (item, g_strdup_printf (_("‘%s’ holds assessments of competencies it does not have, so it was not merged."),
                                     item->name));
      return item;
    }

  if (!check_assessments (item, assessments))
    return item;

  match_person (item);
  return item;
}

/**
 * trellis_merge_add_file:
 * @self: a #TrellisMerge
 * @file: a personal file
 * @cancellable: (nullable): a #GCancellable
 *
 * Reads @file (see trellis_personal_load()) and adds it.
 *
 * Returns: (transfer none): what will become of the file
 */
TrellisMergeItem *
trellis_merge_add_file (TrellisMerge *self,
                        GFile        *file,
                        GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = trellis_personal_load (file, cancellable, &error);
  g_autofree char *name = g_file_get_basename (file);

  return trellis_merge_add (self, name, doc, error);
}

guint
trellis_merge_get_n_items (TrellisMerge *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

/**
 * trellis_merge_get_item:
 *
 * Returns: (transfer none): the file at @index, in the order added
 */
TrellisMergeItem *
trellis_merge_get_item (TrellisMerge *self,
                        guint         index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, NULL);

  return g_ptr_array_index (self->items, index);
}

/* Applying */

/* A new person, as in their file: their id where the matrix does not use
 * it, and the roles of theirs that the matrix has. */
static TrellisPerson *
add_person (TrellisMergeItem *item)
{
  TrellisDocument *team = item->merge->team;
  TrellisEntity *theirs = TRELLIS_ENTITY (trellis_personal_get_person (item->personal));
  g_autofree char *id = NULL;
  g_autoptr(TrellisEntity) person = NULL;
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  const char **their_roles = trellis_entity_get_strv (theirs, TRELLIS_FIELD_ROLES);
  g_auto(GValue) value = G_VALUE_INIT;

  if (trellis_document_lookup (team, item->person_id) == NULL)
    id = g_strdup (item->person_id);
  else
    id = trellis_document_make_id (team, TRELLIS_KIND_PERSON, item->person_name);

  person = trellis_entity_new_internal (TRELLIS_KIND_PERSON, id);
  trellis_entity_store_field (person, TRELLIS_FIELD_NAME, trellis_entity_get_field (theirs, TRELLIS_FIELD_NAME), FALSE);
  trellis_entity_store_field (person, TRELLIS_FIELD_SHARE, trellis_entity_get_field (theirs, TRELLIS_FIELD_SHARE), FALSE);

  for (guint i = 0; their_roles != NULL && their_roles[i] != NULL; i++)
    {
      TrellisEntity *role = trellis_document_lookup (team, their_roles[i]);

      if (role != NULL && TRELLIS_IS_ROLE (role))
        g_ptr_array_add (roles, (gpointer) their_roles[i]);
    }
  g_ptr_array_add (roles, NULL);
  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, roles->pdata);
  trellis_entity_store_field (person, TRELLIS_FIELD_ROLES, &value, FALSE);

  trellis_document_insert (team, person, -1);
  return TRELLIS_PERSON (g_object_ref (person));
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL && a[0] != '\0' ? a : NULL, b != NULL && b[0] != '\0' ? b : NULL) == 0;
}

static void
take_item (TrellisMergeItem *item)
{
  TrellisMerge *self = item->merge;
  TrellisPerson *theirs = trellis_personal_get_person (item->personal);
  g_autoptr(GArray) assessments = trellis_document_get_assessments (item->personal, theirs, NULL);
  g_autoptr(GArray) ours = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GStringChunk) keys = g_string_chunk_new (1024);
  TrellisPerson *person;

  /* Checked again: the matrix may have changed since the file was added. */
  if (!check_assessments (item, assessments))
    return;

  if (item->match == TRELLIS_MERGE_NEW)
    {
      /* An earlier file of this merge may have added them already. */
      TrellisEntity *added = trellis_document_lookup (self->team, item->person_id);
      g_autofree char *folded = trellis_name_fold (item->person_name);
      g_autofree char *added_name = added != NULL ? trellis_name_fold (trellis_entity_get_name (added)) : NULL;

      if (added != NULL && TRELLIS_IS_PERSON (added) && strcmp (folded, added_name) == 0)
        item->person = g_object_ref (TRELLIS_PERSON (added));
      else
        item->person = add_person (item);
    }
  else if (!trellis_document_find_position (self->team, TRELLIS_ENTITY (item->person), NULL))
    {
      /* Translators: the first %s is a file name, the second a person's name. */
      refuse (item, g_strdup_printf (_("‘%s’ is about %s, who was deleted from the matrix meanwhile, so it was not merged."),
                                     item->name, item->person_name));
      return;
    }

  person = item->person;
  ours = trellis_document_get_assessments (self->team, person, NULL);
  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ours->len; i++)
    {
      TrellisAssessment *a = &g_array_index (ours, TrellisAssessment, i);
      char date[11];
      g_autofree char *key = NULL;

      if (a->source != TRELLIS_SOURCE_SELF)
        continue;
      key = g_strconcat (a->competency, " ", trellis_date_format (a->date, date), NULL);
      g_hash_table_insert (by_key, g_string_chunk_insert (keys, key), a);
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      TrellisAssessment a = g_array_index (assessments, TrellisAssessment, i);
      TrellisCompetency *competency = find_competency (self, trellis_document_lookup (item->personal, a.competency));
      g_autofree char *key = NULL;
      const TrellisAssessment *there;
      char date[11];

      a.competency = trellis_entity_get_id (TRELLIS_ENTITY (competency));
      key = g_strconcat (a.competency, " ", trellis_date_format (a.date, date), NULL);
      there = g_hash_table_lookup (by_key, key);

      if (there == NULL)
        {
          trellis_document_set_assessment (self->team, person, &a);
          item->n_added++;
        }
      else if (there->level == a.level && there->want == a.want &&
               same_text (there->note, a.note) && same_text (there->evidence, a.evidence))
        item->n_present++;
      else
        {
          TrellisMergeConflict conflict = { a.competency, a.date, a.level, there->level };

          g_array_append_val (item->conflicts, conflict);
        }
    }

  if (trellis_entity_get_int (TRELLIS_ENTITY (person), TRELLIS_FIELD_SHARE) != (gint) item->share)
    {
      trellis_document_set_int (self->team, TRELLIS_ENTITY (person), TRELLIS_FIELD_SHARE, item->share);
      item->share_changed = TRUE;
    }
}

/**
 * trellis_merge_apply:
 * @self: a #TrellisMerge
 *
 * Takes every file that may be taken into the matrix, as one undo step.
 * Files whose person is still unsure are left out.
 *
 * Returns: how many files were taken
 */
guint
trellis_merge_apply (TrellisMerge *self)
{
  guint taken = 0;

  g_return_val_if_fail (self != NULL, 0);

  trellis_document_begin_group (self->team, _("Import Assessments"));

  for (guint i = 0; i < self->items->len; i++)
    {
      TrellisMergeItem *item = g_ptr_array_index (self->items, i);

      switch (item->match)
        {
        case TRELLIS_MERGE_UNSURE:
          item->match = TRELLIS_MERGE_LEFT_OUT;
          break;

        case TRELLIS_MERGE_BY_ID:
        case TRELLIS_MERGE_BY_NAME:
        case TRELLIS_MERGE_NEW:
        case TRELLIS_MERGE_CHOSEN:
          take_item (item);
          if (item->match != TRELLIS_MERGE_REFUSED)
            taken++;
          break;

        case TRELLIS_MERGE_REFUSED:
        case TRELLIS_MERGE_LEFT_OUT:
        default:
          break;
        }
    }

  trellis_document_end_group (self->team);

  /* What the names pointed at may have changed. */
  g_clear_pointer (&self->people_by_name, g_hash_table_unref);
  g_clear_pointer (&self->competencies_by_name, g_hash_table_unref);

  return taken;
}

/* Items */

const char *
trellis_merge_item_get_name (TrellisMergeItem *item)
{
  return item->name;
}

TrellisMergeMatch
trellis_merge_item_get_match (TrellisMergeItem *item)
{
  return item->match;
}

/**
 * trellis_merge_item_get_refusal:
 *
 * Returns: (nullable): why the file was refused, as a sentence
 */
const char *
trellis_merge_item_get_refusal (TrellisMergeItem *item)
{
  return item->match == TRELLIS_MERGE_REFUSED ? item->refusal : NULL;
}

/**
 * trellis_merge_item_get_person_name:
 *
 * Returns: (nullable): the name of the person in the file
 */
const char *
trellis_merge_item_get_person_name (TrellisMergeItem *item)
{
  return item->person_name;
}

const char *
trellis_merge_item_get_person_id (TrellisMergeItem *item)
{
  return item->person_id;
}

/**
 * trellis_merge_item_get_person:
 *
 * Returns: (transfer none) (nullable): the matrix's person the file is
 *   merged into
 */
TrellisPerson *
trellis_merge_item_get_person (TrellisMergeItem *item)
{
  return item->person;
}

/**
 * trellis_merge_item_get_candidates:
 *
 * Returns: (transfer none) (nullable) (element-type TrellisPerson): who
 *   the person of an unsure file may be
 */
GPtrArray *
trellis_merge_item_get_candidates (TrellisMergeItem *item)
{
  return item->candidates;
}

/**
 * trellis_merge_item_choose:
 * @item: a file whose person is unsure
 * @person: (nullable): the matrix's person it is about, or %NULL to
 *   leave the file out
 */
void
trellis_merge_item_choose (TrellisMergeItem *item,
                           TrellisPerson    *person)
{
  g_return_if_fail (item->match == TRELLIS_MERGE_UNSURE || item->match == TRELLIS_MERGE_CHOSEN ||
                    item->match == TRELLIS_MERGE_LEFT_OUT);
  g_return_if_fail (person == NULL || TRELLIS_IS_PERSON (person));

  g_clear_object (&item->person);
  if (person != NULL)
    {
      item->person = g_object_ref (person);
      item->match = TRELLIS_MERGE_CHOSEN;
    }
  else
    item->match = TRELLIS_MERGE_LEFT_OUT;
}

/**
 * trellis_merge_item_is_taken:
 *
 * Returns: whether the file is (or, before trellis_merge_apply(), will
 *   be) merged
 */
gboolean
trellis_merge_item_is_taken (TrellisMergeItem *item)
{
  switch (item->match)
    {
    case TRELLIS_MERGE_BY_ID:
    case TRELLIS_MERGE_BY_NAME:
    case TRELLIS_MERGE_NEW:
    case TRELLIS_MERGE_CHOSEN:
      return TRUE;

    case TRELLIS_MERGE_REFUSED:
    case TRELLIS_MERGE_UNSURE:
    case TRELLIS_MERGE_LEFT_OUT:
    default:
      return FALSE;
    }
}

/**
 * trellis_merge_item_get_n_assessments:
 *
 * Returns: how many assessments the file holds: after
 *   trellis_merge_apply(), the sum of those added, already there and
 *   conflicting for a file taken; all of them refused for any other
 */
guint
trellis_merge_item_get_n_assessments (TrellisMergeItem *item)
{
  return item->n_assessments;
}

guint
trellis_merge_item_get_n_added (TrellisMergeItem *item)
{
  return item->n_added;
}

guint
trellis_merge_item_get_n_present (TrellisMergeItem *item)
{
  return item->n_present;
}

guint
trellis_merge_item_get_n_conflicts (TrellisMergeItem *item)
{
  return item->conflicts->len;
}

const TrellisMergeConflict *
trellis_merge_item_get_conflict (TrellisMergeItem *item,
                                 guint             index)
{
  g_return_val_if_fail (index < item->conflicts->len, NULL);

  return &g_array_index (item->conflicts, TrellisMergeConflict, index);
}

/**
 * trellis_merge_item_get_share_changed:
 * @item: a file taken
 * @share: (out) (optional): the sharing choice the file brought
 *
 * Returns: whether the file changed who may see the person's levels
 */
gboolean
trellis_merge_item_get_share_changed (TrellisMergeItem *item,
                                      TrellisShare     *share)
{
  if (share != NULL)
    *share = item->share;

  return item->share_changed;
}

static const char *
share_sentence (TrellisShare share)
{
  switch (share)
    {
    case TRELLIS_SHARE_PRIVATE:
      return _("Their levels are now seen by them only.");
    case TRELLIS_SHARE_COACH:
      return _("Their levels are now seen by them and their coach.");
    case TRELLIS_SHARE_TEAM:
      return _("Their levels are now seen by their team.");
    case TRELLIS_N_SHARES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * trellis_merge_item_dup_summary:
 * @item: a file of a merge
 *
 * Returns: (transfer full): what became of the file, in sentences: who
 *   it is about and how they were found, what was added, what was there
 *   already, each conflict; or why it was refused or left out
 */
char *
trellis_merge_item_dup_summary (TrellisMergeItem *item)
{
  GString *out = g_string_new (NULL);
  TrellisDocument *team = item->merge->team;

  switch (item->match)
    {
    case TRELLIS_MERGE_REFUSED:
      g_string_append (out, item->refusal);
      return g_string_free (out, FALSE);

    case TRELLIS_MERGE_UNSURE:
      /* Translators: %s is a person's name. */
      g_string_append_printf (out, _("Who %s is in this matrix needs an answer."), item->person_name);
      return g_string_free (out, FALSE);

    case TRELLIS_MERGE_LEFT_OUT:
      /* Translators: the first %s is a file name, the second a person's name. */
      g_string_append_printf (out, _("‘%s’ was left out: it was not clear who %s is in this matrix."),
                              item->name, item->person_name);
      return g_string_free (out, FALSE);

    case TRELLIS_MERGE_BY_ID:
      break;

    case TRELLIS_MERGE_BY_NAME:
    case TRELLIS_MERGE_CHOSEN:
      /* Translators: %s is a person's name in the matrix. */
      g_string_append_printf (out, _("Taken as %s’s, found by name."),
                              trellis_entity_get_name (TRELLIS_ENTITY (item->person)));
      g_string_append_c (out, ' ');
      break;

    case TRELLIS_MERGE_NEW:
      /* Translators: %s is a person's name. */
      g_string_append_printf (out, _("%s was added to the matrix as a new person."), item->person_name);
      g_string_append_c (out, ' ');
      break;

    default:
      g_assert_not_reached ();
    }

  /* Translators: %u is a number of assessments. */
  g_string_append_printf (out, ngettext ("%u assessment added.", "%u assessments added.", item->n_added),
                          item->n_added);
  if (item->n_present > 0)
    {
      g_string_append_c (out, ' ');
      /* Translators: %u is a number of assessments the matrix held already. */
      g_string_append_printf (out, ngettext ("%u was there already.", "%u were there already.", item->n_present),
                              item->n_present);
    }

  for (guint i = 0; i < item->conflicts->len; i++)
    {
      const TrellisMergeConflict *c = &g_array_index (item->conflicts, TrellisMergeConflict, i);
      TrellisEntity *competency = trellis_document_lookup (team, c->competency);
      char date[11];

      const char *name = competency != NULL ? trellis_entity_get_name (competency) : c->competency;

      g_string_append_c (out, ' ');
      /* The levels of someone who keeps them private stay unsaid. */
      if (c->theirs != c->ours && item->share != TRELLIS_SHARE_PRIVATE)
        /* Translators: a conflict between a handed-in assessment and the
         * matrix's. The first %s is a competency, the second a date; the
         * first %d is the level in the file, the second the matrix's. */
        g_string_append_printf (out, _("Conflict on ‘%s’ of %s: the file says %d, the matrix %d; the matrix keeps its own."),
                                name, trellis_date_format (c->date, date), c->theirs, c->ours);
      else
        /* Translators: the first %s is a competency, the second a date. */
        g_string_append_printf (out, _("Conflict on ‘%s’ of %s: the file’s assessment differs from the matrix’s; the matrix keeps its own."),
                                name, trellis_date_format (c->date, date));
    }

  if (item->share_changed)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, share_sentence (item->share));
    }

  return g_string_free (out, FALSE);
}
