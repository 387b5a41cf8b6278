/* trellis-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-history"

#include "config.h"

#include "trellis-document-private.h"

/* The undo history: two stacks of steps, each a group of primitive edits
 * that the document applies both ways. A step's serial says which state
 * of the document it leads to, so that "modified" is a comparison with
 * the serial last saved. */

struct _TrellisEditGroup
{
  char      *label;
  GPtrArray *edits;
  guint      serial;
};

static void
edit_free (gpointer data)
{
  TrellisEdit *edit = data;

  g_clear_object (&edit->entity);
  if (G_IS_VALUE (&edit->old_value))
    g_value_unset (&edit->old_value);
  if (G_IS_VALUE (&edit->new_value))
    g_value_unset (&edit->new_value);
  g_free (edit);
}

static void
edit_group_free (gpointer data)
{
  TrellisEditGroup *group = data;

  g_free (group->label);
  g_ptr_array_unref (group->edits);
  g_free (group);
}

/* The latest step of the undo or the redo stack, or %NULL. */
static TrellisEditGroup *
top_group (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;

  return g_ptr_array_index (stack, stack->len - 1);
}

static guint
top_serial (TrellisDocument *self)
{
  TrellisEditGroup *group = top_group (self->history.undo_stack);

  return group != NULL ? group->serial : 0;
}

static void
edit_apply (TrellisDocument *self,
            TrellisEdit     *edit,
            gboolean         forward)
{
  switch (edit->kind)
    {
    case TRELLIS_EDIT_INSERT:
      if (forward)
        trellis_document_do_insert (self, edit->entity, edit->position);
      else
        trellis_document_do_remove (self, edit->entity, edit->position);
      break;

    case TRELLIS_EDIT_REMOVE:
      if (forward)
        trellis_document_do_remove (self, edit->entity, edit->position);
      else
        trellis_document_do_insert (self, edit->entity, edit->position);
      break;

    case TRELLIS_EDIT_MOVE:
      if (forward)
        trellis_document_do_move (self, edit->entity, edit->position, edit->to_position);
      else
        trellis_document_do_move (self, edit->entity, edit->to_position, edit->position);
      break;

    case TRELLIS_EDIT_FIELD:
      trellis_document_do_field (self, edit->entity, edit->field, forward ? &edit->new_value : &edit->old_value);
      break;

    case TRELLIS_EDIT_RECORD_INSERT:
      if (forward)
        trellis_document_do_record_insert (self, TRELLIS_PERSON (edit->entity), &edit->new_record);
      else
        trellis_document_do_record_remove (self, TRELLIS_PERSON (edit->entity), &edit->new_record);
      break;

    case TRELLIS_EDIT_RECORD_REMOVE:
      if (forward)
        trellis_document_do_record_remove (self, TRELLIS_PERSON (edit->entity), &edit->old_record);
      else
        trellis_document_do_record_insert (self, TRELLIS_PERSON (edit->entity), &edit->old_record);
      break;

    case TRELLIS_EDIT_RECORD_REPLACE:
      trellis_document_do_record_replace (self, TRELLIS_PERSON (edit->entity),
                         forward ? &edit->new_record : &edit->old_record);
      break;

    case TRELLIS_EDIT_RECORDS:
      trellis_document_do_records (self, TRELLIS_PERSON (edit->entity),
                                   g_value_get_boxed (forward ? &edit->new_value : &edit->old_value));
      break;

    default:
      g_assert_not_reached ();
    }
}

void
trellis_history_init (TrellisHistory *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (edit_group_free);
  self->redo_stack = g_ptr_array_new_with_free_func (edit_group_free);
}

void
trellis_history_clear (TrellisHistory *self)
{
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->open_group, edit_group_free);
}

TrellisEdit *
trellis_edit_new (TrellisEditKind  kind,
                  TrellisEntity   *entity)
{
  TrellisEdit *edit = g_new0 (TrellisEdit, 1);

  edit->kind = kind;
  edit->entity = g_object_ref (entity);

  return edit;
}

/* Applies @edit and records it in the open group, or in a group of its
 * own labelled @label. */
void
trellis_document_commit_edit (TrellisDocument *self,
                              TrellisEdit     *edit,
                              const char      *label)
{
  gboolean was_modified = trellis_document_get_modified (self);
  gboolean could_undo = trellis_document_can_undo (self);
  gboolean could_redo = trellis_document_can_redo (self);

  edit_apply (self, edit, TRUE);

  if (self->history.open_group != NULL)
    {
      g_ptr_array_add (self->history.open_group->edits, edit);
      return;
    }

  {
    TrellisEditGroup *group = g_new0 (TrellisEditGroup, 1);

    group->label = g_strdup (label);
    group->edits = g_ptr_array_new_with_free_func (edit_free);
    group->serial = ++self->history.next_serial;
    g_ptr_array_add (group->edits, edit);
    g_ptr_array_add (self->history.undo_stack, group);
    g_ptr_array_set_size (self->history.redo_stack, 0);
  }

  trellis_document_notify_history (self, was_modified, could_undo, could_redo);
}

/**
 * trellis_document_begin_group:
 * @self: a #TrellisDocument
 * @label: (nullable): what the group does, shown as "Undo @label"
 *
 * Starts a compound edit: everything until the matching
 * trellis_document_end_group() is undone and redone as one step.
 * Groups nest; the outermost label counts.
 */
void
trellis_document_begin_group (TrellisDocument *self,
                              const char      *label)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  if (self->history.group_depth++ == 0)
    {
      TrellisEditGroup *group = g_new0 (TrellisEditGroup, 1);

      group->label = g_strdup (label);
      group->edits = g_ptr_array_new_with_free_func (edit_free);
      self->history.open_group = group;
    }
}

void
trellis_document_end_group (TrellisDocument *self)
{
  TrellisEditGroup *group;
  gboolean was_modified;
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (self->history.group_depth > 0);

  if (--self->history.group_depth > 0)
    return;

  group = self->history.open_group;
  self->history.open_group = NULL;

  if (group->edits->len == 0)
    {
      edit_group_free (group);
      return;
    }

  was_modified = trellis_document_get_modified (self);
  could_undo = trellis_document_can_undo (self);
  could_redo = trellis_document_can_redo (self);

  group->serial = ++self->history.next_serial;
  g_ptr_array_add (self->history.undo_stack, group);
  g_ptr_array_set_size (self->history.redo_stack, 0);

  trellis_document_notify_history (self, was_modified, could_undo, could_redo);
}

gboolean
trellis_document_get_modified (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  /* A new identity is no undo step, but unsaved all the same (see
   * trellis-personal.c). */
  return top_serial (self) != self->history.saved_serial || self->matrix_id_unsaved;
}

/**
 * trellis_document_set_unmodified:
 * @self: a #TrellisDocument
 *
 * Marks the current state as saved. Undoing past it makes the document
 * modified again.
 */
void
trellis_document_set_unmodified (TrellisDocument *self)
{
  gboolean was_modified;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  was_modified = trellis_document_get_modified (self);
  self->history.saved_serial = top_serial (self);
  self->matrix_id_unsaved = FALSE;
  trellis_document_notify_history (self, was_modified,
                                   trellis_document_can_undo (self),
                                   trellis_document_can_redo (self));
}

/* The state a save captured; marking it saved leaves later edits unsaved. */
guint
trellis_document_get_serial (TrellisDocument *self)
{
  return top_serial (self);
}

void
trellis_document_mark_saved_at (TrellisDocument *self,
                                guint            serial)
{
  gboolean was_modified = trellis_document_get_modified (self);

  self->history.saved_serial = serial;
  self->matrix_id_unsaved = FALSE;
  trellis_document_notify_history (self, was_modified,
                                   trellis_document_can_undo (self),
                                   trellis_document_can_redo (self));
}

gboolean
trellis_document_can_undo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return self->history.undo_stack->len > 0 && self->history.group_depth == 0;
}

gboolean
trellis_document_can_redo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return self->history.redo_stack->len > 0 && self->history.group_depth == 0;
}

const char *
trellis_document_get_undo_label (TrellisDocument *self)
{
  TrellisEditGroup *group;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  group = top_group (self->history.undo_stack);
  return group != NULL ? group->label : NULL;
}

const char *
trellis_document_get_redo_label (TrellisDocument *self)
{
  TrellisEditGroup *group;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  group = top_group (self->history.redo_stack);
  return group != NULL ? group->label : NULL;
}

/* Undoes (@forward %FALSE) or redoes the latest step of one stack and
 * moves it to the other. Undo applies the step's edits backwards, redo
 * forwards. */
static gboolean
replay_group (TrellisDocument *self,
              gboolean         forward)
{
  GPtrArray *from = forward ? self->history.redo_stack : self->history.undo_stack;
  GPtrArray *to = forward ? self->history.undo_stack : self->history.redo_stack;
  gboolean was_modified;
  gboolean could_undo;
  gboolean could_redo;
  TrellisEditGroup *group;

  g_assert (TRELLIS_IS_DOCUMENT (self));

  if (from->len == 0 || self->history.group_depth != 0)
    return FALSE;

  was_modified = trellis_document_get_modified (self);
  could_undo = trellis_document_can_undo (self);
  could_redo = trellis_document_can_redo (self);

  group = g_ptr_array_steal_index (from, from->len - 1);
  for (guint i = 0; i < group->edits->len; i++)
    {
      guint k = forward ? i : group->edits->len - 1 - i;

      edit_apply (self, g_ptr_array_index (group->edits, k), forward);
    }
  g_ptr_array_add (to, group);

  trellis_document_notify_history (self, was_modified, could_undo, could_redo);

  return TRUE;
}

/**
 * trellis_document_undo:
 * @self: a #TrellisDocument
 *
 * Undoes the last step.
 *
 * Returns: %TRUE if there was a step to undo
 */
gboolean
trellis_document_undo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return replay_group (self, FALSE);
}

/**
 * trellis_document_redo:
 * @self: a #TrellisDocument
 *
 * Redoes the last undone step.
 *
 * Returns: %TRUE if there was a step to redo
 */
gboolean
trellis_document_redo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return replay_group (self, TRUE);
}

void
trellis_document_clear_history (TrellisDocument *self)
{
  gboolean was_modified;
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  was_modified = trellis_document_get_modified (self);
  could_undo = trellis_document_can_undo (self);
  could_redo = trellis_document_can_redo (self);

  g_ptr_array_set_size (self->history.undo_stack, 0);
  g_ptr_array_set_size (self->history.redo_stack, 0);
  self->history.saved_serial = was_modified ? G_MAXUINT : 0;

  trellis_document_notify_history (self, was_modified, could_undo, could_redo);
}
