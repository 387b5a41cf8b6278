/* trellis-import-apply.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-import-private.h"

/* Applying a plan: every change through the document's API, inside one
 * group, so that the whole import is one step of the history (undone
 * with one Ctrl+Z), in the order that lets each change refer to what the
 * ones before made: new values and roles, then competencies and people,
 * then their fields, then the assessments. The document itself leaves
 * out what would change nothing. */

static const TrellisKind target_kinds[TRELLIS_N_IMPORT_TARGETS] = {
  [TRELLIS_IMPORT_PERSON] = TRELLIS_KIND_PERSON,
  [TRELLIS_IMPORT_COMPETENCY] = TRELLIS_KIND_COMPETENCY,
  [TRELLIS_IMPORT_ROLE] = TRELLIS_KIND_ROLE,
  [TRELLIS_IMPORT_VALUE] = TRELLIS_KIND_VALUE,
};

typedef struct
{
  TrellisImport *import;
  GPtrArray     *created[TRELLIS_N_IMPORT_TARGETS];   /* TrellisEntity, borrowed */
} Apply;

static TrellisEntity *
entity_of (Apply               *apply,
           TrellisImportTarget  target,
           TrellisImportRef     ref)
{
  TrellisSnapList *list = &apply->import->snapshot.lists[target];

  if (ref < list->items->len)
    return ((TrellisSnapEntity *) g_ptr_array_index (list->items, ref))->entity;

  return g_ptr_array_index (apply->created[target], ref - list->items->len);
}

static void
create_entities (Apply *apply)
{
  static const TrellisImportTarget order[] = {
    TRELLIS_IMPORT_VALUE, TRELLIS_IMPORT_ROLE, TRELLIS_IMPORT_COMPETENCY, TRELLIS_IMPORT_PERSON,
  };
  TrellisDocument *document = apply->import->document;

  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      TrellisImportTarget target = order[k];
      GPtrArray *created = apply->import->snapshot.lists[target].created;

      apply->created[target] = g_ptr_array_new ();
      for (guint i = 0; i < created->len; i++)
        {
          TrellisNewEntity *item = g_ptr_array_index (created, i);
          TrellisEntity *entity = trellis_document_create_with_id (document, target_kinds[target],
                                                                   item->id, item->name, -1);

          g_ptr_array_add (apply->created[target], entity);
        }
    }
}

static char **
link_ids (Apply               *apply,
          TrellisImportTarget  target,
          GArray              *links)
{
  char **ids = g_new0 (char *, links->len + 1);

  for (guint i = 0; i < links->len; i++)
    ids[i] = (char *) trellis_entity_get_id (entity_of (apply, target, g_array_index (links, TrellisImportRef, i)));

  return ids;
}

static void
apply_entities (Apply *apply)
{
  TrellisImport *self = apply->import;
  TrellisDocument *document = self->document;
  gboolean people = trellis_import_get_kind (self) != TRELLIS_IMPORT_KIND_COMPETENCIES;
  TrellisImportTarget target = people ? TRELLIS_IMPORT_PERSON : TRELLIS_IMPORT_COMPETENCY;

  for (guint i = 0; i < self->entities->len; i++)
    {
      const TrellisPlanEntity *plan = &g_array_index (self->entities, TrellisPlanEntity, i);
      TrellisEntity *entity = entity_of (apply, target, plan->ref);

      if (plan->name != NULL)
        trellis_document_set_string (document, entity, TRELLIS_FIELD_NAME, plan->name);
      if (plan->description != NULL)
        trellis_document_set_string (document, entity, TRELLIS_FIELD_DESCRIPTION, plan->description);
      if (plan->links != NULL)
        {
          g_autofree char **ids = link_ids (apply, people ? TRELLIS_IMPORT_ROLE : TRELLIS_IMPORT_VALUE, plan->links);

          trellis_document_set_strv (document, entity, people ? TRELLIS_FIELD_ROLES : TRELLIS_FIELD_VALUES,
                                     (const char * const *) ids);
        }
      if (plan->share >= 0)
        trellis_document_set_int (document, entity, TRELLIS_FIELD_SHARE, plan->share);
      if (plan->levels != NULL)
        {
          GPtrArray *levels = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_LEVELS);
          g_autoptr(GPtrArray) next = levels != NULL ? g_ptr_array_ref (levels) : trellis_level_texts_new ();

          for (guint l = 0; l < plan->levels->len; l++)
            {
              const TrellisLevelText *text = g_ptr_array_index (plan->levels, l);
              GPtrArray *with = trellis_level_texts_copy_set (next, text->level, text->text);

              g_ptr_array_unref (next);
              next = with;
            }
          trellis_document_take_ptr_array (document, entity, TRELLIS_FIELD_LEVELS, g_steal_pointer (&next));
        }
    }
}

/* The assessments, a person at a time: the plan is in the grid's order,
 * so each person's records merge into theirs as one edit. */
static void
apply_records (Apply      *apply,
               const char *label)
{
  TrellisImport *self = apply->import;
  const TrellisPlanRecord *r = (const TrellisPlanRecord *) (gpointer) self->records->data;
  guint n = self->records->len;
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (TrellisRecord));

  for (guint i = 0; i < n;)
    {
      TrellisImportRef person = r[i].person;

      g_array_set_size (batch, 0);
      for (; i < n && r[i].person == person; i++)
        {
          const TrellisText *text = r[i].text != 0 ? g_ptr_array_index (self->texts, r[i].text) : NULL;
          TrellisCompetency *competency;
          TrellisRecord record = { 0 };

          if ((r[i].flags & (PLAN_ADDED | PLAN_UPDATED)) == 0)
            continue;

          competency = TRELLIS_COMPETENCY (entity_of (apply, TRELLIS_IMPORT_COMPETENCY, r[i].competency));
          record.slot = trellis_competency_get_slot (competency);
          record.date = r[i].date;
          record.level = r[i].level;
          record.source = r[i].source;
          record.want = r[i].want;
          if (text != NULL)
            record.text = trellis_document_add_text (self->document, text->note, text->evidence);
          g_array_append_val (batch, record);
        }

      if (batch->len > 0)
        trellis_document_merge_records (self->document,
                                        TRELLIS_PERSON (entity_of (apply, TRELLIS_IMPORT_PERSON, person)),
                                        (const TrellisRecord *) (gpointer) batch->data, batch->len, label);
    }
}

/**
 * trellis_import_apply_plan:
 * @self: an import with a plan
 *
 * Makes the changes of the plan, as one step of the history.
 */
void
trellis_import_apply_plan (TrellisImport *self)
{
  g_autofree char *label = NULL;
  Apply apply = { self, { NULL } };

  /* Translators: the name of the undo step; %s is a file name. */
  label = g_strdup_printf (_("Import ‘%s’"), self->display_name);
  trellis_document_begin_group (self->document, label);

  create_entities (&apply);
  apply_entities (&apply);
  apply_records (&apply, label);

  trellis_document_end_group (self->document);

  for (guint t = 0; t < TRELLIS_N_IMPORT_TARGETS; t++)
    g_clear_pointer (&apply.created[t], g_ptr_array_unref);
}
