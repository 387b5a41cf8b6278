/* trellis-import-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-import-private.h"

/* From rows to a plan: each row is checked and turned into what it sets
 * (an assessment, or the fields of a person or competency), naming the
 * entities by reference; a row that cannot be imported becomes a problem
 * with its number and the reason, and sets nothing. At the end the plan
 * is put in the order of the matrix, rows that set the same assessment
 * are reduced to the last, and each change is weighed against the
 * snapshot: added, updated or already there.
 *
 * The long form is the hot path (the enterprise tier is 1.6 million
 * rows): a row is matched without allocating, the person and competency
 * through a cache of the cells as written, the date through the last one
 * read. */

/* Problems listed; the rest are only counted. */
#define MAX_PROBLEMS 1000

static inline const char *
cell (const TrellisCsvRow *row,
      gint                 column,
      gsize               *len)
{
  if (column < 0 || (guint) column >= row->n_fields)
    {
      *len = 0;
      return "";
    }

  *len = row->lengths[column];
  return row->fields[column];
}

static void
add_problem (TrellisImport *self,
             guint          row,
             const char    *message)
{
  self->summary.bad_rows++;
  if (trellis_load_report_get_n_items (self->problems) < MAX_PROBLEMS)
    trellis_load_report_add (self->problems, TRELLIS_LOAD_ERROR, 0, row, message);
}

void
trellis_import_plan_reset (TrellisImport *self)
{
  self->read = FALSE;
  memset (&self->summary, 0, sizeof self->summary);
  self->slash_order = 0;
  self->memo_date.len = G_MAXSIZE;
  self->memo_source.len = G_MAXSIZE;
  self->memo_want.len = G_MAXSIZE;
  for (guint t = 0; t < TRELLIS_N_IMPORT_TARGETS; t++)
    {
      self->memo_ref[t].len = G_MAXSIZE;
      self->last_ref[t] = TRELLIS_IMPORT_REF_NONE;
    }
  trellis_load_report_clear (self->problems);
  g_array_set_size (self->records, 0);
  self->records_room = 0;
  g_ptr_array_set_size (self->texts, 1);
  g_array_set_size (self->entities, 0);
  g_hash_table_remove_all (self->entity_rows);
  g_array_set_size (self->wide, 0);
  trellis_snapshot_reset_new (&self->snapshot);
}

/* Finding entities */

/* The entity a row names by id and name, through a cache of the cells
 * as written. */
static TrellisImportRef
resolve_cells (TrellisImport        *self,
               TrellisImportTarget   target,
               const char           *id,
               gsize                 id_len,
               const char           *name,
               gsize                 name_len,
               const char          **problem)
{
  TrellisSnapList *list = &self->snapshot.lists[target];
  char stack[256];
  g_autofree char *heap = NULL;
  char *key;
  gsize key_len = id_len + 1 + name_len;
  TrellisCacheEntry *entry;
  const char *stored;
  guint32 found;
  guint32 last;

  key = key_len < sizeof stack ? stack : (heap = g_malloc (key_len + 1));
  memcpy (key, id, id_len);
  key[id_len] = '\037';
  memcpy (key + id_len + 1, name, name_len);
  key[key_len] = '\0';

  if (trellis_cell_memo_get (&self->memo_ref[target], key, key_len, &found))
    {
      *problem = "";
      return found;
    }

  last = self->last_ref[target];
  if (last < list->next->len)
    {
      const TrellisPrediction *p = &g_array_index (list->next, TrellisPrediction, last);

      if (p->key != NULL && p->len == key_len && memcmp (p->key, key, key_len) == 0)
        {
          entry = NULL;
          stored = p->key;
          found = p->ref;
          goto matched;
        }
    }

  if (!g_hash_table_lookup_extended (list->cache, key, (gpointer *) &stored, (gpointer *) &entry))
    {
      g_autofree char *message = NULL;
      TrellisImportRef ref = trellis_snapshot_resolve (&self->snapshot, target, id, name,
                                                       self->create_missing, &message);
      gsize n = message != NULL ? strlen (message) : 0;

      entry = g_malloc (sizeof (TrellisCacheEntry) + n + 1);
      entry->ref = ref;
      memcpy (entry->problem, message != NULL ? message : "", n + 1);
      stored = g_strndup (key, key_len);
      g_hash_table_insert (list->cache, (char *) stored, entry);
    }
  if (entry->ref == TRELLIS_IMPORT_REF_NONE)
    {
      *problem = entry->problem;
      return TRELLIS_IMPORT_REF_NONE;
    }
  found = entry->ref;

matched:
  if (last != TRELLIS_IMPORT_REF_NONE)
    {
      TrellisPrediction p = { stored, key_len, found };

      if (last >= list->next->len)
        g_array_set_size (list->next, last + 1);
      g_array_index (list->next, TrellisPrediction, last) = p;
    }
  self->last_ref[target] = found;
  trellis_cell_memo_set (&self->memo_ref[target], key, key_len, found);

  *problem = "";
  return found;
}

static TrellisImportRef
resolve_row (TrellisImport        *self,
             const TrellisCsvRow  *row,
             TrellisImportTarget   target,
             gint                  id_column,
             gint                  name_column)
{
  const char *id, *name, *problem = NULL;
  gsize id_len, name_len;
  TrellisImportRef ref;

  id = cell (row, id_column, &id_len);
  name = cell (row, name_column, &name_len);
  if (id_len == 0 && name_len == 0)
    {
      add_problem (self, row->number, target == TRELLIS_IMPORT_PERSON
                                      ? _("The row names no person.")
                                      : _("The row names no competency."));
      return TRELLIS_IMPORT_REF_NONE;
    }

  ref = resolve_cells (self, target, id, id_len, name, name_len, &problem);
  if (ref == TRELLIS_IMPORT_REF_NONE)
    add_problem (self, row->number, problem);

  return ref;
}

/* The order of a competency in the matrix: its slot, or after every slot
 * for one the import creates, in the order they are created. */
static guint32
competency_key (TrellisImport    *self,
                TrellisImportRef  ref)
{
  TrellisSnapEntity *item = trellis_snapshot_get (&self->snapshot, TRELLIS_IMPORT_COMPETENCY, ref);

  if (item != NULL)
    return item->slot;

  return 0x80000000u + (ref - self->snapshot.lists[TRELLIS_IMPORT_COMPETENCY].items->len);
}

/* Assessments */

static guint32
add_text (TrellisImport *self,
          const char    *note,
          gsize          note_len,
          const char    *evidence,
          gsize          evidence_len)
{
  TrellisText *text;

  if (note_len == 0 && evidence_len == 0)
    return 0;

  text = g_new0 (TrellisText, 1);
  text->note = note_len > 0 ? g_strndup (note, note_len) : NULL;
  text->evidence = evidence_len > 0 ? g_strndup (evidence, evidence_len) : NULL;
  g_ptr_array_add (self->texts, text);

  return self->texts->len - 1;
}

/* The source and date of a row, as written or the import's defaults. */
static gboolean
row_source_date (TrellisImport       *self,
                 const TrellisCsvRow *row,
                 TrellisPlanRecord   *record)
{
  g_autofree char *problem = NULL;
  const char *text;
  gsize len;

  record->source = self->default_source;
  text = cell (row, self->at[TRELLIS_COLUMN_SOURCE], &len);
  if (len > 0)
    {
      guint32 value;
      TrellisSource source;

      if (trellis_cell_memo_get (&self->memo_source, text, len, &value))
        record->source = (guint8) value;
      else if (!trellis_import_parse_source (text, len, &source, &problem))
        {
          add_problem (self, row->number, problem);
          return FALSE;
        }
      else
        {
          record->source = source;
          trellis_cell_memo_set (&self->memo_source, text, len, source);
        }
    }

  record->date = self->default_date;
  text = cell (row, self->at[TRELLIS_COLUMN_DATE], &len);
  if (len > 0)
    {
      gboolean swappable = FALSE;

      if (trellis_cell_memo_get (&self->memo_date, text, len, &record->date))
        ;
      else if (!trellis_import_parse_date (self, text, len, &record->date, &swappable, &problem))
        {
          add_problem (self, row->number, problem);
          return FALSE;
        }
      else if (!swappable)
        trellis_cell_memo_set (&self->memo_date, text, len, record->date);
      if (swappable)
        record->flags |= PLAN_DATE_SWAPPABLE;
    }

  return TRUE;
}

/* The plan's records grow by half each time they are full: a long sheet
 * appends a million and more. */
static inline void
append_record (TrellisImport           *self,
               const TrellisPlanRecord *record)
{
  GArray *records = self->records;

  if (G_UNLIKELY (records->len == self->records_room))
    {
      guint len = records->len;

      self->records_room = MAX (1024, len + len / 2);
      g_array_set_size (records, self->records_room);
      g_array_set_size (records, len);
    }
  ((TrellisPlanRecord *) (gpointer) records->data)[records->len++] = *record;
}

static void
long_row (TrellisImport       *self,
          const TrellisCsvRow *row)
{
  TrellisPlanRecord record = { 0 };
  g_autofree char *problem = NULL;
  const char *text, *note, *evidence;
  gsize len, note_len, evidence_len;
  gint level;
  gboolean want;

  record.row = row->number;
  record.person = resolve_row (self, row, TRELLIS_IMPORT_PERSON,
                               self->at[TRELLIS_COLUMN_PERSON_ID], self->at[TRELLIS_COLUMN_PERSON]);
  if (record.person == TRELLIS_IMPORT_REF_NONE)
    return;
  record.competency = resolve_row (self, row, TRELLIS_IMPORT_COMPETENCY,
                                   self->at[TRELLIS_COLUMN_COMPETENCY_ID], self->at[TRELLIS_COLUMN_COMPETENCY]);
  if (record.competency == TRELLIS_IMPORT_REF_NONE)
    return;
  record.key = competency_key (self, record.competency);

  text = cell (row, self->at[TRELLIS_COLUMN_LEVEL], &len);
  if (len == 0)
    {
      add_problem (self, row->number, _("The row has no level."));
      return;
    }
  if (!trellis_import_parse_level (self, text, len, &level, &problem))
    {
      add_problem (self, row->number, problem);
      return;
    }
  record.level = (gint8) level;

  text = cell (row, self->at[TRELLIS_COLUMN_WANT], &len);
  if (len > 0)
    {
      guint32 value;

      if (trellis_cell_memo_get (&self->memo_want, text, len, &value))
        want = value;
      else if (!trellis_import_parse_want (text, len, &want, &problem))
        {
          add_problem (self, row->number, problem);
          return;
        }
      else
        trellis_cell_memo_set (&self->memo_want, text, len, want);
      record.want = want;
    }

  if (!row_source_date (self, row, &record))
    return;

  note = cell (row, self->at[TRELLIS_COLUMN_NOTE], &note_len);
  evidence = cell (row, self->at[TRELLIS_COLUMN_EVIDENCE], &evidence_len);
  record.text = add_text (self, note, note_len, evidence, evidence_len);

  append_record (self, &record);
}

static void
wide_row (TrellisImport       *self,
          const TrellisCsvRow *row)
{
  TrellisPlanRecord record = { 0 };
  guint first = self->records->len;

  record.row = row->number;
  record.person = resolve_row (self, row, TRELLIS_IMPORT_PERSON,
                               self->at[TRELLIS_COLUMN_PERSON_ID], self->at[TRELLIS_COLUMN_PERSON]);
  if (record.person == TRELLIS_IMPORT_REF_NONE || !row_source_date (self, row, &record))
    return;

  for (guint c = 0; c < self->wide->len; c++)
    {
      TrellisImportRef competency = g_array_index (self->wide, TrellisImportRef, c);
      g_autofree char *problem = NULL;
      const char *text;
      gsize len;
      gint level;

      if (competency == TRELLIS_IMPORT_REF_NONE)
        continue;
      text = cell (row, (gint) c, &len);
      if (len == 0)
        continue;
      if (!trellis_import_parse_level (self, text, len, &level, &problem))
        {
          /* Translators: the first %s is a column's header, the second says what is wrong with its cell. */
          g_autofree char *msg = g_strdup_printf (_("In the column ‘%s’: %s"),
                                                  (const char *) g_ptr_array_index (self->headers, c), problem);

          /* A bad cell makes the whole row bad. */
          g_array_set_size (self->records, first);
          add_problem (self, row->number, msg);
          return;
        }
      record.competency = competency;
      record.key = competency_key (self, competency);
      record.level = (gint8) level;
      append_record (self, &record);
    }
}

/* People and competencies */

static TrellisPlanEntity *
plan_entity (TrellisImport    *self,
             TrellisImportRef  ref,
             guint             row)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->entity_rows, GUINT_TO_POINTER (ref)));
  TrellisPlanEntity *plan;

  if (index != 0)
    return &g_array_index (self->entities, TrellisPlanEntity, index - 1);

  g_array_set_size (self->entities, self->entities->len + 1);
  plan = &g_array_index (self->entities, TrellisPlanEntity, self->entities->len - 1);
  plan->ref = ref;
  plan->row = row;
  plan->share = -1;
  g_hash_table_insert (self->entity_rows, GUINT_TO_POINTER (ref), GUINT_TO_POINTER (self->entities->len));

  return plan;
}

/* An entity named by its id or, failing that, by its name. */
static TrellisImportRef
resolve_id_or_name (TrellisImport        *self,
                    TrellisImportTarget   target,
                    const char           *text,
                    gboolean              create,
                    char                **problem)
{
  TrellisImportRef ref = trellis_snapshot_resolve (&self->snapshot, target, text, NULL, FALSE, problem);

  if (ref != TRELLIS_IMPORT_REF_NONE)
    return ref;
  g_clear_pointer (problem, g_free);

  return trellis_snapshot_resolve (&self->snapshot, target, NULL, text, create, problem);
}

/* The roles (or values) a cell lists: the whole cell when it names one,
 * else its parts between ; | , or line ends. */
static gboolean
resolve_list (TrellisImport        *self,
              TrellisImportTarget   target,
              const char           *text,
              GArray               *refs,
              char                **problem)
{
  g_auto(GStrv) parts = NULL;
  TrellisImportRef ref;

  ref = resolve_id_or_name (self, target, text, FALSE, problem);
  if (ref != TRELLIS_IMPORT_REF_NONE)
    {
      g_array_append_val (refs, ref);
      return TRUE;
    }
  g_clear_pointer (problem, g_free);

  parts = g_strsplit_set (text, ";|,\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      ref = resolve_id_or_name (self, target, parts[i], self->create_missing, problem);
      if (ref == TRELLIS_IMPORT_REF_NONE)
        return FALSE;
      for (guint k = 0; k < refs->len; k++)
        {
          if (g_array_index (refs, TrellisImportRef, k) == ref)
            {
              ref = TRELLIS_IMPORT_REF_NONE;
              break;
            }
        }
      if (ref != TRELLIS_IMPORT_REF_NONE)
        g_array_append_val (refs, ref);
    }

  return TRUE;
}

static gboolean
entity_links (TrellisImport       *self,
              const TrellisCsvRow *row,
              TrellisColumnField   field,
              TrellisImportTarget  target,
              GArray             **out)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (TrellisImportRef));
  gboolean any = FALSE;

  for (guint c = 0; c < self->columns->len && c < row->n_fields; c++)
    {
      g_autofree char *problem = NULL;

      if (g_array_index (self->columns, TrellisImportColumn, c).field != field || row->lengths[c] == 0)
        continue;
      any = TRUE;
      if (!resolve_list (self, target, row->fields[c], refs, &problem))
        {
          add_problem (self, row->number, problem);
          return FALSE;
        }
    }

  *out = any ? g_steal_pointer (&refs) : NULL;
  return TRUE;
}

/* A new name for an entity found by its id. */
static char *
rename_to (TrellisImport       *self,
           TrellisImportTarget  target,
           TrellisImportRef     ref,
           const char          *name,
           gsize                len)
{
  TrellisSnapEntity *item = trellis_snapshot_get (&self->snapshot, target, ref);
  g_autofree char *folded = NULL;
  g_autofree char *current = NULL;

  if (item == NULL || len == 0)
    return NULL;

  folded = trellis_import_fold (name, (gssize) len);
  current = trellis_import_fold (item->name, -1);
  if (strcmp (folded, current) == 0)
    return NULL;

  return g_strstrip (g_strndup (name, len));
}

static void
person_row (TrellisImport       *self,
            const TrellisCsvRow *row)
{
  g_autoptr(GArray) roles = NULL;
  g_autofree char *problem = NULL;
  TrellisPlanEntity *plan;
  TrellisImportRef ref;
  const char *text;
  gsize len;
  TrellisShare share = 0;
  gboolean has_share = FALSE;

  ref = resolve_row (self, row, TRELLIS_IMPORT_PERSON,
                     self->at[TRELLIS_COLUMN_PERSON_ID], self->at[TRELLIS_COLUMN_PERSON]);
  if (ref == TRELLIS_IMPORT_REF_NONE)
    return;

  if (!entity_links (self, row, TRELLIS_COLUMN_ROLES, TRELLIS_IMPORT_ROLE, &roles))
    return;

  text = cell (row, self->at[TRELLIS_COLUMN_SHARE], &len);
  if (len > 0)
    {
      if (!trellis_import_parse_share (text, len, &share, &problem))
        {
          add_problem (self, row->number, problem);
          return;
        }
      has_share = TRUE;
    }

  /* A later row of the same person adds to what earlier rows said. */
  plan = plan_entity (self, ref, row->number);
  text = cell (row, self->at[TRELLIS_COLUMN_PERSON], &len);
  if (self->at[TRELLIS_COLUMN_PERSON_ID] >= 0)
    {
      char *name = rename_to (self, TRELLIS_IMPORT_PERSON, ref, text, len);

      if (name != NULL)
        {
          g_free (plan->name);
          plan->name = name;
        }
    }
  if (roles != NULL)
    {
      g_clear_pointer (&plan->links, g_array_unref);
      plan->links = g_steal_pointer (&roles);
    }
  if (has_share)
    plan->share = (gint) share;
}

static void
competency_row (TrellisImport       *self,
                const TrellisCsvRow *row)
{
  g_autoptr(GArray) values = NULL;
  TrellisPlanEntity *plan;
  TrellisImportRef ref;
  const char *text;
  gsize len;

  ref = resolve_row (self, row, TRELLIS_IMPORT_COMPETENCY,
                     self->at[TRELLIS_COLUMN_COMPETENCY_ID], self->at[TRELLIS_COLUMN_COMPETENCY]);
  if (ref == TRELLIS_IMPORT_REF_NONE)
    return;

  if (!entity_links (self, row, TRELLIS_COLUMN_VALUES, TRELLIS_IMPORT_VALUE, &values))
    return;

  plan = plan_entity (self, ref, row->number);
  text = cell (row, self->at[TRELLIS_COLUMN_COMPETENCY], &len);
  if (self->at[TRELLIS_COLUMN_COMPETENCY_ID] >= 0)
    {
      char *name = rename_to (self, TRELLIS_IMPORT_COMPETENCY, ref, text, len);

      if (name != NULL)
        {
          g_free (plan->name);
          plan->name = name;
        }
    }
  text = cell (row, self->at[TRELLIS_COLUMN_DESCRIPTION], &len);
  if (len > 0)
    {
      g_free (plan->description);
      plan->description = g_strndup (text, len);
    }
  if (values != NULL)
    {
      g_clear_pointer (&plan->links, g_array_unref);
      plan->links = g_steal_pointer (&values);
    }

  for (guint c = 0; c < self->columns->len && c < row->n_fields; c++)
    {
      const TrellisImportColumn *column = &g_array_index (self->columns, TrellisImportColumn, c);

      if (column->field != TRELLIS_COLUMN_LEVEL_TEXT || row->lengths[c] == 0)
        continue;
      if (plan->levels == NULL)
        plan->levels = trellis_level_texts_new ();
      {
        GPtrArray *next = trellis_level_texts_copy_set (plan->levels, column->level, row->fields[c]);

        g_ptr_array_unref (plan->levels);
        plan->levels = next;
      }
    }
}

/* Reading */

/**
 * trellis_import_plan_begin:
 * @self: an import whose columns are checked
 * @error: return location for a #GError
 *
 * Prepares to read rows: where each field is, and in the wide form which
 * competency each column is (new ones planned when the import may add
 * them). Fails when a column names a competency that is not there.
 *
 * Returns: %TRUE when rows can be read
 */
gboolean
trellis_import_plan_begin (TrellisImport  *self,
                           GError        **error)
{
  for (guint f = 0; f < TRELLIS_N_COLUMN_FIELDS; f++)
    self->at[f] = -1;

  g_array_set_size (self->wide, self->columns->len);
  for (guint c = 0; c < self->columns->len; c++)
    {
      const TrellisImportColumn *column = &g_array_index (self->columns, TrellisImportColumn, c);
      TrellisImportRef ref = TRELLIS_IMPORT_REF_NONE;

      if (self->at[column->field] < 0)
        self->at[column->field] = (gint) c;

      if (column->field == TRELLIS_COLUMN_LEVEL_TEXT &&
          (column->level < self->snapshot.scale_min || column->level > self->snapshot.scale_max))
        {
          g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_COLUMNS,
                       /* Translators: a spreadsheet import error; the first %d is a level, e.g. 7, the
                        * others the lowest and highest level of the scale, e.g. “0–4”. */
                       _("A column describes level %d, outside the scale %d–%d. Choose another level for it, "
                         "or leave it out."),
                       column->level, self->snapshot.scale_min, self->snapshot.scale_max);
          return FALSE;
        }

      if (column->field == TRELLIS_COLUMN_COMPETENCY_LEVEL)
        {
          const char *header = g_ptr_array_index (self->headers, c);
          g_autofree char *problem = NULL;

          ref = trellis_snapshot_resolve (&self->snapshot, TRELLIS_IMPORT_COMPETENCY, column->competency,
                                          column->competency != NULL ? NULL : header,
                                          self->create_missing && column->competency == NULL, &problem);
          if (ref == TRELLIS_IMPORT_REF_NONE)
            {
              g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_COLUMNS,
                           /* Translators: a spreadsheet import error; the first %s is a column's
                            * header, e.g. “Listening”, the second says what is wrong with it, as a
                            * sentence. */
                           _("The column ‘%s’ holds levels, but: %s"), header,
                           problem != NULL ? problem : "");
              return FALSE;
            }
        }
      g_array_index (self->wide, TrellisImportRef, c) = ref;
    }

  return TRUE;
}

static gboolean
row_is_blank (const TrellisCsvRow *row)
{
  for (guint i = 0; i < row->n_fields; i++)
    {
      if (row->lengths[i] > 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_import_plan_row:
 * @self: the import
 * @row: a row below the header
 *
 * Adds what a row sets to the plan, or its problem to the list.
 *
 * Returns: %TRUE
 */
gboolean
trellis_import_plan_row (TrellisImport       *self,
                         const TrellisCsvRow *row)
{
  if (row_is_blank (row))
    return TRUE;
  self->summary.rows++;

  switch (trellis_import_get_kind (self))
    {
    case TRELLIS_IMPORT_KIND_ASSESSMENTS:
      long_row (self, row);
      break;
    case TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE:
      wide_row (self, row);
      break;
    case TRELLIS_IMPORT_KIND_PEOPLE:
      person_row (self, row);
      break;
    case TRELLIS_IMPORT_KIND_COMPETENCIES:
      competency_row (self, row);
      break;
    case TRELLIS_IMPORT_KIND_AUTO:
    case TRELLIS_N_IMPORT_KINDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* The plan in order */

static inline gint
compare_keys (const TrellisPlanRecord *a,
              const TrellisPlanRecord *b)
{
  if (a->person != b->person)
    return a->person < b->person ? -1 : 1;
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  if (a->date != b->date)
    return a->date < b->date ? -1 : 1;
  return (a->source > b->source) - (a->source < b->source);
}

static gint
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const TrellisPlanRecord *ra = a;
  const TrellisPlanRecord *rb = b;
  gint c = compare_keys (ra, rb);

  if (c != 0)
    return c;
  return (ra->row > rb->row) - (ra->row < rb->row);
}

/* Puts the records in the matrix's order (person, competency, date,
 * source; the file's order among rows that set the same). A file in that
 * order already, as Trellis writes it, costs one look; any other is
 * first put in buckets per person, each then sorted on its own. */
static void
sort_records (TrellisImport *self)
{
  GArray *records = self->records;
  TrellisPlanRecord *r = (TrellisPlanRecord *) (void *) records->data;
  TrellisSnapList *people = &self->snapshot.lists[TRELLIS_IMPORT_PERSON];
  guint n_people = people->items->len + people->created->len;
  g_autofree guint *start = NULL;
  g_autoptr(GArray) sorted = NULL;
  gboolean in_order = TRUE;

  for (guint i = 1; i < records->len && in_order; i++)
    in_order = compare_records (&r[i - 1], &r[i]) <= 0;
  if (in_order)
    return;

  start = g_new0 (guint, n_people + 1);
  for (guint i = 0; i < records->len; i++)
    start[r[i].person + 1]++;
  for (guint p = 0; p < n_people; p++)
    start[p + 1] += start[p];

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (TrellisPlanRecord), records->len);
  g_array_set_size (sorted, records->len);
  {
    g_autofree guint *next = g_memdup2 (start, sizeof (guint) * (n_people + 1));
    TrellisPlanRecord *out = (TrellisPlanRecord *) (void *) sorted->data;

    for (guint i = 0; i < records->len; i++)
      out[next[r[i].person]++] = r[i];
    for (guint p = 0; p < n_people; p++)
      qsort (out + start[p], start[p + 1] - start[p], sizeof (TrellisPlanRecord), compare_records);
  }

  g_array_unref (self->records);
  self->records = g_steal_pointer (&sorted);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL && *a != '\0' ? a : NULL, b != NULL && *b != '\0' ? b : NULL) == 0;
}

/* The record of the snapshot that a planned record would replace. */
static const TrellisRecord *
find_record (GArray                  *records,
             const TrellisPlanRecord *plan)
{
  guint lo = 0;
  guint hi = records != NULL ? records->len : 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TrellisRecord *r = &g_array_index (records, TrellisRecord, mid);
      gint c;

      if (r->slot != plan->key)
        c = r->slot < plan->key ? -1 : 1;
      else if (r->date != plan->date)
        c = r->date < plan->date ? -1 : 1;
      else
        c = (r->source > plan->source) - (r->source < plan->source);

      if (c == 0)
        return r;
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

/* Marks each planned assessment added, updated or already there, and
 * every one but the last of those that set the same. */
static void
weigh_records (TrellisImport *self)
{
  TrellisSnapshot *snap = &self->snapshot;
  TrellisPlanRecord *r = (TrellisPlanRecord *) (void *) self->records->data;
  guint n = self->records->len;
  guint n_competencies = snap->lists[TRELLIS_IMPORT_COMPETENCY].items->len;

  for (guint i = 0; i < n; i++)
    {
      TrellisSnapEntity *person;
      const TrellisRecord *old = NULL;

      if (i + 1 < n && compare_keys (&r[i], &r[i + 1]) == 0)
        {
          r[i].flags |= PLAN_DUPLICATE;
          continue;
        }

      person = trellis_snapshot_get (snap, TRELLIS_IMPORT_PERSON, r[i].person);
      if (person != NULL && r[i].competency < n_competencies)
        old = find_record (person->records, &r[i]);

      if (old == NULL)
        {
          r[i].flags |= PLAN_ADDED;
          self->summary.assessments_added++;
        }
      else
        {
          const TrellisText *was = old->text != 0 ? g_hash_table_lookup (snap->texts, GUINT_TO_POINTER (old->text)) : NULL;
          const TrellisText *now = r[i].text != 0 ? g_ptr_array_index (self->texts, r[i].text) : NULL;

          if (old->level == r[i].level && (old->want != 0) == (r[i].want != 0) &&
              same_text (was != NULL ? was->note : NULL, now != NULL ? now->note : NULL) &&
              same_text (was != NULL ? was->evidence : NULL, now != NULL ? now->evidence : NULL))
            self->summary.assessments_unchanged++;
          else
            {
              r[i].flags |= PLAN_UPDATED;
              self->summary.assessments_updated++;
            }
        }
    }
}

/* Whether the entities planned (@links) are the ids a field holds. */
static gboolean
same_links (TrellisImport        *self,
            TrellisImportTarget   target,
            GArray               *links,
            char                **ids)
{
  guint n_ids = ids != NULL ? g_strv_length (ids) : 0;

  if (links->len != n_ids)
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      TrellisSnapEntity *item = trellis_snapshot_get (&self->snapshot, target,
                                                      g_array_index (links, TrellisImportRef, i));

      if (item == NULL || strcmp (item->id, ids[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
entity_changes (TrellisImport           *self,
                const TrellisPlanEntity *plan,
                TrellisSnapEntity       *item)
{
  if (plan->name != NULL)
    return TRUE;

  if (TRELLIS_IS_PERSON (item->entity))
    return (plan->links != NULL && !same_links (self, TRELLIS_IMPORT_ROLE, plan->links, item->roles)) ||
           (plan->share >= 0 && plan->share != item->share);

  if (plan->links != NULL && !same_links (self, TRELLIS_IMPORT_VALUE, plan->links, item->values))
    return TRUE;
  if (plan->description != NULL && !same_text (plan->description, item->description))
    return TRUE;
  for (guint i = 0; plan->levels != NULL && i < plan->levels->len; i++)
    {
      const TrellisLevelText *text = g_ptr_array_index (plan->levels, i);

      if (!same_text (text->text, item->levels != NULL ? trellis_level_texts_lookup (item->levels, text->level) : NULL))
        return TRUE;
    }

  return FALSE;
}

static void
weigh_entities (TrellisImport *self)
{
  static const TrellisKind kinds[TRELLIS_N_IMPORT_TARGETS] = {
    TRELLIS_KIND_PERSON, TRELLIS_KIND_COMPETENCY, TRELLIS_KIND_ROLE, TRELLIS_KIND_VALUE,
  };
  TrellisImportTarget target = trellis_import_get_kind (self) == TRELLIS_IMPORT_KIND_COMPETENCIES
                               ? TRELLIS_IMPORT_COMPETENCY : TRELLIS_IMPORT_PERSON;

  for (guint i = 0; i < self->entities->len; i++)
    {
      const TrellisPlanEntity *plan = &g_array_index (self->entities, TrellisPlanEntity, i);
      TrellisSnapEntity *item = trellis_snapshot_get (&self->snapshot, target, plan->ref);

      if (item == NULL)
        continue;
      if (entity_changes (self, plan, item))
        self->summary.updated[kinds[target]]++;
      else
        self->summary.unchanged[kinds[target]]++;
    }

  for (guint t = 0; t < TRELLIS_N_IMPORT_TARGETS; t++)
    self->summary.added[kinds[t]] = self->snapshot.lists[t].created->len;
}

/**
 * trellis_import_plan_finish:
 * @self: an import that read every row
 *
 * Settles the plan: the order of dates written with slashes, the order
 * of the matrix, and what each change does.
 */
void
trellis_import_plan_finish (TrellisImport *self)
{
  /* Slashes are day first unless a date of the file could only be month
   * first and none only day first. */
  if ((self->slash_order & SLASH_MONTH_FIRST) != 0 && (self->slash_order & SLASH_DAY_FIRST) == 0)
    {
      for (guint i = 0; i < self->records->len; i++)
        {
          TrellisPlanRecord *r = &g_array_index (self->records, TrellisPlanRecord, i);

          if ((r->flags & PLAN_DATE_SWAPPABLE) != 0)
            r->date = trellis_import_swap_date (r->date);
        }
    }

  sort_records (self);
  weigh_records (self);
  weigh_entities (self);
  self->read = TRUE;
}
