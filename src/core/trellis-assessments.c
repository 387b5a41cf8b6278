/* trellis-assessments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-assessments"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-document-private.h"

/* The assessment grid. Assessments are not objects: each person holds a
 * sorted array of 16-byte records (competency slot, date, source), and
 * their notes and evidence live in the document's text table. A
 * competency's slot is fixed for the life of the document, so deleting a
 * competency hides its assessments and undoing the delete shows them
 * again. */

/* The index of the first record not ordered before @key. */
static guint
records_lower_bound (GArray              *records,
                     const TrellisRecord *key)
{
  guint lo = 0;
  guint hi = records->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (trellis_record_compare (&g_array_index (records, TrellisRecord, mid), key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Finds the record with the same slot, date and source as @key; @index
 * is where it is, or where it would go. */
static gboolean
records_find (GArray              *records,
              const TrellisRecord *key,
              guint               *index)
{
  *index = records_lower_bound (records, key);

  return *index < records->len &&
         trellis_record_compare (&g_array_index (records, TrellisRecord, *index), key) == 0;
}

static const char *
slot_competency_id (TrellisDocument *self,
                    guint32          slot)
{
  TrellisCompetency *competency = trellis_document_get_competency_by_slot (self, slot);

  return competency != NULL ? trellis_entity_get_id (TRELLIS_ENTITY (competency)) : NULL;
}

/* The assessment that counts among a person's records on @slot. */
static void
find_effective (GArray           *records,
                guint32           slot,
                TrellisEffective *out)
{
  TrellisRecord key = { .slot = slot };

  trellis_records_find_effective ((const TrellisRecord *) (gpointer) records->data, records->len,
                                  records_lower_bound (records, &key), slot, 0, out);
}

static void
emit_record_change (TrellisDocument     *self,
                    TrellisPerson       *person,
                    const TrellisRecord *record)
{
  trellis_document_emit_change (self, TRELLIS_CHANGE_ASSESSMENTS, TRELLIS_ENTITY (person), TRELLIS_FIELD_NONE,
                                0, 0, slot_competency_id (self, record->slot));
}

void
trellis_text_free (gpointer data)
{
  TrellisText *text = data;

  if (text == NULL)
    return;

  g_free (text->note);
  g_free (text->evidence);
  g_free (text);
}

guint32
trellis_document_add_text (TrellisDocument *self,
                           const char      *note,
                           const char      *evidence)
{
  TrellisText *text;

  if ((note == NULL || note[0] == '\0') && (evidence == NULL || evidence[0] == '\0'))
    return 0;

  text = g_new0 (TrellisText, 1);
  text->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  text->evidence = evidence != NULL && evidence[0] != '\0' ? g_strdup (evidence) : NULL;
  g_ptr_array_add (self->texts, text);

  return self->texts->len - 1;
}

const TrellisText *
trellis_document_get_text (TrellisDocument *self,
                           guint32          index)
{
  if (index == 0 || index >= self->texts->len)
    return NULL;

  return g_ptr_array_index (self->texts, index);
}

void
trellis_document_assign_slot (TrellisDocument   *self,
                              TrellisCompetency *competency)
{
  trellis_competency_set_slot (competency, self->slots->len);
  g_ptr_array_add (self->slots, NULL);
}

TrellisCompetency *
trellis_document_get_competency_by_slot (TrellisDocument *self,
                                         guint32          slot)
{
  if (slot >= self->slots->len)
    return NULL;

  return g_ptr_array_index (self->slots, slot);
}

void
trellis_document_do_record_insert (TrellisDocument     *self,
                                   TrellisPerson       *person,
                                   const TrellisRecord *record)
{
  GArray *records = trellis_person_edit_records (person);
  guint index = records_lower_bound (records, record);

  g_array_insert_val (records, index, *record);
  self->n_records++;
  emit_record_change (self, person, record);
}

void
trellis_document_do_record_remove (TrellisDocument     *self,
                                   TrellisPerson       *person,
                                   const TrellisRecord *record)
{
  GArray *records = trellis_person_edit_records (person);
  guint index;

  if (!records_find (records, record, &index))
    g_assert_not_reached ();

  g_array_remove_index (records, index);
  self->n_records--;
  emit_record_change (self, person, record);
}

void
trellis_document_do_record_replace (TrellisDocument     *self,
                                    TrellisPerson       *person,
                                    const TrellisRecord *record)
{
  GArray *records = trellis_person_edit_records (person);
  guint index;

  if (!records_find (records, record, &index))
    g_assert_not_reached ();

  g_array_index (records, TrellisRecord, index) = *record;
  emit_record_change (self, person, record);
}

/* Makes a person's records those of @records. */
void
trellis_document_do_records (TrellisDocument *self,
                             TrellisPerson   *person,
                             GArray          *records)
{
  GArray *live = trellis_person_get_records (person);

  self->n_records -= live->len;
  g_array_set_size (live, records->len);
  if (records->len > 0)
    memcpy (live->data, records->data, (gsize) records->len * sizeof (TrellisRecord));
  self->n_records += live->len;

  trellis_document_emit_change (self, TRELLIS_CHANGE_ASSESSMENTS, TRELLIS_ENTITY (person), TRELLIS_FIELD_NONE,
                                0, 0, NULL);
}

void
trellis_document_merge_records (TrellisDocument     *self,
                                TrellisPerson       *person,
                                const TrellisRecord *records,
                                guint                n_records,
                                const char          *label)
{
  GArray *live = trellis_person_get_records (person);
  const TrellisRecord *old = (const TrellisRecord *) (gpointer) live->data;
  g_autoptr(GArray) merged = g_array_sized_new (FALSE, FALSE, sizeof (TrellisRecord), live->len + n_records);
  TrellisRecord *out;
  gboolean changed = FALSE;
  guint i = 0;
  guint j = 0;
  guint k = 0;
  TrellisEdit *edit;

  g_array_set_size (merged, live->len + n_records);
  out = (TrellisRecord *) (gpointer) merged->data;
  while (i < live->len || j < n_records)
    {
      gint c = i == live->len ? 1 : j == n_records ? -1 : trellis_record_compare (&old[i], &records[j]);

      if (c < 0)
        out[k++] = old[i++];
      else
        {
          if (c > 0 || memcmp (&old[i], &records[j], sizeof (TrellisRecord)) != 0)
            changed = TRUE;
          out[k++] = records[j++];
          if (c == 0)
            i++;
        }
    }

  if (!changed)
    return;
  g_array_set_size (merged, k);

  edit = trellis_edit_new (TRELLIS_EDIT_RECORDS, TRELLIS_ENTITY (person));
  g_value_init (&edit->old_value, G_TYPE_ARRAY);
  g_value_take_boxed (&edit->old_value, g_array_copy (live));
  g_value_init (&edit->new_value, G_TYPE_ARRAY);
  g_value_take_boxed (&edit->new_value, g_steal_pointer (&merged));
  trellis_document_commit_edit (self, edit, label);
}

guint
trellis_document_get_n_assessments (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);

  return self->n_records;
}

/**
 * trellis_document_get_first_assessment_date:
 * @self: a #TrellisDocument
 *
 * The date of the oldest assessment of a person and a competency the
 * document has: the first round of assessments, which a trend compares
 * with when no other date is given.
 *
 * Returns: the date, or 0 when there is no assessment
 */
TrellisDate
trellis_document_get_first_assessment_date (TrellisDocument *self)
{
  guint n_people;
  TrellisDate first = 0;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);

  n_people = trellis_document_get_n_items (self, TRELLIS_KIND_PERSON);
  for (guint p = 0; p < n_people; p++)
    {
      GArray *records = trellis_person_get_records (TRELLIS_PERSON (trellis_document_get_item (self, TRELLIS_KIND_PERSON, p)));

      for (guint i = 0; records != NULL && i < records->len; i++)
        {
          const TrellisRecord *record = &g_array_index (records, TrellisRecord, i);

          /* The assessments of a deleted competency are hidden, not gone. */
          if (trellis_document_get_competency_by_slot (self, record->slot) == NULL)
            continue;
          if (first == 0 || record->date < first)
            first = record->date;
        }
    }

  return first;
}

void
trellis_document_record_to_assessment (TrellisDocument     *self,
                                       const TrellisRecord *record,
                                       TrellisAssessment   *out)
{
  const TrellisText *text = trellis_document_get_text (self, record->text);

  out->competency = slot_competency_id (self, record->slot);
  out->level = record->level;
  out->want = record->want != 0;
  out->source = record->source;
  out->date = record->date;
  out->note = text != NULL ? text->note : NULL;
  out->evidence = text != NULL ? text->evidence : NULL;
}

/**
 * trellis_document_get_assessments:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: (nullable): a competency id, or %NULL for all
 *
 * Every assessment of @person (on @competency), oldest first for each
 * competency. The strings belong to the document.
 *
 * Returns: (transfer full) (element-type TrellisAssessment): the assessments
 */
GArray *
trellis_document_get_assessments (TrellisDocument *self,
                                  TrellisPerson   *person,
                                  const char      *competency)
{
  GArray *ret;
  GArray *records;
  guint32 only_slot = G_MAXUINT32;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), NULL);

  ret = g_array_new (FALSE, FALSE, sizeof (TrellisAssessment));
  records = trellis_person_get_records (person);

  if (competency != NULL)
    {
      TrellisEntity *c = trellis_document_lookup (self, competency);

      if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
        return ret;
      only_slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (c));
    }

  for (guint i = 0; i < records->len; i++)
    {
      const TrellisRecord *r = &g_array_index (records, TrellisRecord, i);
      TrellisAssessment a;

      if (only_slot != G_MAXUINT32 && r->slot != only_slot)
        continue;
      if (trellis_document_get_competency_by_slot (self, r->slot) == NULL)
        continue;

      trellis_document_record_to_assessment (self, r, &a);
      g_array_append_val (ret, a);
    }

  return ret;
}

/**
 * trellis_document_get_effective:
 * @self: a #TrellisDocument
 * @person: a person
 * @competency: a competency id
 * @out: (out caller-allocates): the assessment whose level counts
 *
 * The assessment the gap is computed from: the latest agreed level if
 * there is one, else the latest assessment of any source. @out says which.
 *
 * Returns: %TRUE if @person was assessed on @competency
 */
gboolean
trellis_document_get_effective (TrellisDocument   *self,
                                TrellisPerson     *person,
                                const char        *competency,
                                TrellisAssessment *out)
{
  TrellisEntity *c;
  TrellisEffective effective;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);

  c = trellis_document_lookup (self, competency);
  if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
    return FALSE;

  find_effective (trellis_person_get_records (person),
                  trellis_competency_get_slot (TRELLIS_COMPETENCY (c)), &effective);
  if (effective.record == NULL)
    return FALSE;

  if (out != NULL)
    trellis_document_record_to_assessment (self, effective.record, out);

  return TRUE;
}

/**
 * trellis_document_set_assessment:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @assessment: the assessment; its competency must exist and its level be
 *   on the scale
 *
 * Records an assessment, as one undoable step. An assessment of the same
 * competency from the same source on the same date is replaced; any other
 * is kept as history.
 */
void
trellis_document_set_assessment (TrellisDocument         *self,
                                 TrellisPerson           *person,
                                 const TrellisAssessment *assessment)
{
  TrellisEntity *competency;
  TrellisRecord record = { 0 };
  GArray *records;
  guint index;
  TrellisEdit *edit;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_PERSON (person));
  g_return_if_fail (assessment != NULL);
  g_return_if_fail (assessment->source < TRELLIS_N_SOURCES);
  g_return_if_fail (trellis_document_level_in_scale (self, assessment->level));
  g_return_if_fail (assessment->date == 0 || trellis_date_is_valid (assessment->date));

  competency = trellis_document_lookup (self, assessment->competency);
  g_return_if_fail (competency != NULL && TRELLIS_IS_COMPETENCY (competency));

  record.slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (competency));
  record.date = assessment->date != 0 ? assessment->date : trellis_date_today ();
  record.level = (gint8) assessment->level;
  record.source = assessment->source;
  record.want = assessment->want ? 1 : 0;

  records = trellis_person_get_records (person);

  if (records_find (records, &record, &index))
    {
      const TrellisRecord *old = &g_array_index (records, TrellisRecord, index);
      const TrellisText *text = trellis_document_get_text (self, old->text);

      if (old->level == record.level && old->want == record.want &&
          g_strcmp0 (text != NULL ? text->note : NULL, assessment->note) == 0 &&
          g_strcmp0 (text != NULL ? text->evidence : NULL, assessment->evidence) == 0)
        return;

      /* Keep the text entry when it did not change. */
      if (text != NULL &&
          g_strcmp0 (text->note, assessment->note) == 0 &&
          g_strcmp0 (text->evidence, assessment->evidence) == 0)
        record.text = old->text;
      else
        record.text = trellis_document_add_text (self, assessment->note, assessment->evidence);

      edit = trellis_edit_new (TRELLIS_EDIT_RECORD_REPLACE, TRELLIS_ENTITY (person));
      edit->old_record = *old;
      edit->new_record = record;
    }
  else
    {
      record.text = trellis_document_add_text (self, assessment->note, assessment->evidence);
      edit = trellis_edit_new (TRELLIS_EDIT_RECORD_INSERT, TRELLIS_ENTITY (person));
      edit->new_record = record;
    }

  name = trellis_entity_dup_label (TRELLIS_ENTITY (person));
  /* Translators: an undo step; %s is a person's name. */
  label = g_strdup_printf (_("Assess ‘%s’"), name);
  trellis_document_commit_edit (self, edit, label);
}

/* Finds the assessment of @person on @competency from @source on @date
 * and hands it to @edit_func to change one thing; where there is none,
 * starts from an empty one that carries forward the wish to grow of the
 * assessment that counts today. Whatever @edit_func leaves alone is kept,
 * so a field added to assessments later is kept too. */
static gboolean
edit_one_assessment (TrellisDocument *self,
                     TrellisPerson   *person,
                     const char      *competency,
                     TrellisSource    source,
                     TrellisDate      date,
                     void           (*edit_func) (TrellisAssessment *a,
                                                  gconstpointer      data),
                     gconstpointer    data)
{
  TrellisEntity *c;
  TrellisRecord key = { 0 };
  TrellisAssessment a = { 0 };
  GArray *records;
  guint index;

  c = trellis_document_lookup (self, competency);
  if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
    return FALSE;

  key.slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (c));
  key.date = date != 0 ? date : trellis_date_today ();
  key.source = source;
  records = trellis_person_get_records (person);

  if (records_find (records, &key, &index))
    {
      trellis_document_record_to_assessment (self, &g_array_index (records, TrellisRecord, index), &a);
    }
  else
    {
      TrellisEffective effective;

      /* The wish the person has today, as the analysis and the views
       * show it: typing a level must not change it. */
      find_effective (records, key.slot, &effective);
      a.want = effective.want;
      a.competency = trellis_entity_get_id (c);
      a.level = TRELLIS_LEVEL_NONE;
      a.source = source;
      a.date = key.date;
    }

  edit_func (&a, data);
  if (!trellis_document_level_in_scale (self, a.level))
    return FALSE;

  trellis_document_set_assessment (self, person, &a);
  return TRUE;
}

/* The names an undo step on one cell gives: the person's and the
 * competency's, as in “Set Level of ‘Anouk’ in ‘De-escalation’”. */
static void
cell_names (TrellisDocument  *self,
            TrellisPerson    *person,
            const char       *competency,
            char            **who,
            char            **what)
{
  TrellisEntity *c = trellis_document_lookup (self, competency);

  *who = trellis_entity_dup_label (TRELLIS_ENTITY (person));
  *what = c != NULL ? trellis_entity_dup_label (c) : g_strdup (competency);
}

static void
set_level_func (TrellisAssessment *a,
                gconstpointer      data)
{
  a->level = *(const gint *) data;
}

static void
set_want_func (TrellisAssessment *a,
               gconstpointer      data)
{
  a->want = *(const gboolean *) data;
}

/**
 * trellis_document_set_assessed_level:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: a competency id
 * @source: the perspective
 * @date: the date of the assessment, or 0 for today
 * @level: a level of the scale
 *
 * Sets the level of @person's assessment on @competency from @source on
 * @date, keeping everything else that assessment holds (the wish to grow,
 * the note, the evidence). Where there is no such assessment yet, one is
 * added, carrying forward the person's own wish to grow as it stands
 * today (that of their latest self or agreed assessment), so that the
 * wish the views show does not change. One undoable step.
 *
 * Returns: %TRUE if the assessment holds @level
 */
gboolean
trellis_document_set_assessed_level (TrellisDocument *self,
                                     TrellisPerson   *person,
                                     const char      *competency,
                                     TrellisSource    source,
                                     TrellisDate      date,
                                     gint             level)
{
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  gboolean ret;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (competency != NULL, FALSE);
  g_return_val_if_fail (source < TRELLIS_N_SOURCES, FALSE);

  if (!trellis_document_level_in_scale (self, level))
    return FALSE;

  cell_names (self, person, competency, &who, &what);
  /* Translators: an undo step; the first %s is a person, the second a competency. */
  label = g_strdup_printf (_("Set Level of ‘%s’ in ‘%s’"), who, what);
  trellis_document_begin_group (self, label);
  ret = edit_one_assessment (self, person, competency, source, date, set_level_func, &level);
  trellis_document_end_group (self);

  return ret;
}

/**
 * trellis_document_set_assessed_want:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: a competency id
 * @source: the perspective
 * @date: the date of the assessment, or 0 for today
 * @want: whether @person wants to grow in @competency
 *
 * Sets the wish to grow of one assessment, keeping everything else it
 * holds. There must be a level to keep: an assessment that does not
 * exist yet is not made up.
 *
 * Returns: %TRUE if the assessment holds @want
 */
gboolean
trellis_document_set_assessed_want (TrellisDocument *self,
                                    TrellisPerson   *person,
                                    const char      *competency,
                                    TrellisSource    source,
                                    TrellisDate      date,
                                    gboolean         want)
{
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;
  g_autofree char *label = NULL;
  gboolean ret;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (competency != NULL, FALSE);
  g_return_val_if_fail (source < TRELLIS_N_SOURCES, FALSE);

  want = want != FALSE;
  cell_names (self, person, competency, &who, &what);
  /* Translators: an undo step; the first %s is a person, the second a competency. */
  label = g_strdup_printf (_("Set the Wish to Grow of ‘%s’ in ‘%s’"), who, what);
  trellis_document_begin_group (self, label);
  ret = edit_one_assessment (self, person, competency, source, date, set_want_func, &want);
  trellis_document_end_group (self);

  return ret;
}

/**
 * trellis_document_remove_assessment:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: a competency id
 * @source: the perspective
 * @date: the date of the assessment
 *
 * Deletes one assessment, as one undoable step.
 *
 * Returns: %TRUE if there was such an assessment
 */
gboolean
trellis_document_remove_assessment (TrellisDocument *self,
                                    TrellisPerson   *person,
                                    const char      *competency,
                                    TrellisSource    source,
                                    TrellisDate      date)
{
  TrellisEntity *c;
  TrellisRecord key = { 0 };
  GArray *records;
  guint index;
  TrellisEdit *edit;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);

  c = trellis_document_lookup (self, competency);
  if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
    return FALSE;

  key.slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (c));
  key.date = date;
  key.source = source;

  records = trellis_person_get_records (person);
  if (!records_find (records, &key, &index))
    return FALSE;

  edit = trellis_edit_new (TRELLIS_EDIT_RECORD_REMOVE, TRELLIS_ENTITY (person));
  edit->old_record = g_array_index (records, TrellisRecord, index);

  name = trellis_entity_dup_label (TRELLIS_ENTITY (person));
  /* Translators: an undo step; %s is a person's name. */
  label = g_strdup_printf (_("Delete an assessment of ‘%s’"), name);
  trellis_document_commit_edit (self, edit, label);

  return TRUE;
}
