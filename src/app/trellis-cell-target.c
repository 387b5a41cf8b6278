/* trellis-cell-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cell-target"

#include "config.h"

#include <string.h>

#include "trellis-cell-target.h"

/* Which edit a cell of a heatmap takes, and the "cell." action that makes
 * it (see trellis-cell-actions.c), activated from a widget with the ids
 * of the cell's row and column. A widget that shows cells says what the
 * user asked for; whoever installed the actions edits the document. */

/**
 * trellis_cell_target_init:
 * @self: the target to fill
 * @layout: (nullable): a layout
 * @row: a row of @layout
 * @column: a column of @layout
 * @source: the perspective assessments are set from
 *
 * Says what the cell at @row and @column of @layout edits, by ids. Clear
 * it with trellis_cell_target_clear().
 */
void
trellis_cell_target_init (TrellisCellTarget *self,
                          TrellisLayout     *layout,
                          guint              row,
                          guint              column,
                          TrellisSource      source)
{
  TrellisEntity *row_entity;
  TrellisEntity *column_entity;
  TrellisCellInfo info;

  g_return_if_fail (self != NULL);
  g_return_if_fail (layout == NULL || TRELLIS_IS_LAYOUT (layout));

  memset (self, 0, sizeof *self);
  self->source = source;
  self->level = TRELLIS_LEVEL_NONE;

  if (layout == NULL || row >= trellis_layout_get_n_rows (layout) || column >= trellis_layout_get_n_columns (layout))
    return;

  row_entity = trellis_layout_get_row_entity (layout, row);
  column_entity = trellis_layout_get_column_entity (layout, column);
  if (row_entity == NULL || column_entity == NULL)
    return;

  if (TRELLIS_IS_RESPONSIBILITY (row_entity) && TRELLIS_IS_ROLE (column_entity))
    {
      GArray *assigns = trellis_entity_get_array (row_entity, TRELLIS_FIELD_ASSIGNS);
      const TrellisAssignment *a = trellis_assignments_lookup (assigns, trellis_entity_get_id (column_entity));

      self->edit = TRELLIS_CELL_EDIT_ASSIGNMENT;
      self->raci = a != NULL ? a->raci : TRELLIS_RACI_NONE;
      self->authority = a != NULL ? a->authority : TRELLIS_AUTHORITY_NONE;
    }
  else if (TRELLIS_IS_COMPETENCY (column_entity) && TRELLIS_IS_PERSON (row_entity) &&
           trellis_layout_get_row_kind (layout, row) == TRELLIS_ITEM_PERSON)
    {
      trellis_layout_get_cell_info (layout, row, column, &info);
      self->edit = TRELLIS_CELL_EDIT_ASSESSMENT;
      self->level = info.assessed;
    }
  else if (TRELLIS_IS_COMPETENCY (column_entity) && TRELLIS_IS_ROLE (row_entity))
    {
      trellis_layout_get_cell_info (layout, row, column, &info);
      self->edit = TRELLIS_CELL_EDIT_REQUIREMENT;
      self->level = info.required;
    }
  else
    return;

  self->row_id = g_strdup (trellis_entity_get_id (row_entity));
  self->column_id = g_strdup (trellis_entity_get_id (column_entity));
}

void
trellis_cell_target_copy (const TrellisCellTarget *self,
                          TrellisCellTarget       *dest)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dest != NULL);

  *dest = *self;
  dest->row_id = g_strdup (self->row_id);
  dest->column_id = g_strdup (self->column_id);
}

void
trellis_cell_target_clear (TrellisCellTarget *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->row_id, g_free);
  g_clear_pointer (&self->column_id, g_free);
  self->edit = TRELLIS_CELL_EDIT_NONE;
}

/**
 * trellis_cell_target_set_level:
 * @self: a target
 * @widget: the widget that shows the cell
 * @level: a level of the scale, or %TRELLIS_LEVEL_NONE
 *
 * Gives the cell @level: a person's assessment (from the target's
 * perspective, dated today) or a role's requirement, which
 * %TRELLIS_LEVEL_NONE drops. An assessment is never dropped this way.
 *
 * Returns: %TRUE if an edit was asked for
 */
gboolean
trellis_cell_target_set_level (const TrellisCellTarget *self,
                               GtkWidget               *widget,
                               gint                     level)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  switch (self->edit)
    {
    case TRELLIS_CELL_EDIT_ASSESSMENT:
      return level != TRELLIS_LEVEL_NONE &&
             gtk_widget_activate_action (widget, "cell.set-assessed-level", "(sssi)", self->row_id, self->column_id,
                                         trellis_source_to_string (self->source), level);

    case TRELLIS_CELL_EDIT_REQUIREMENT:
      return gtk_widget_activate_action (widget, "cell.set-required-level", "(ssi)",
                                         self->row_id, self->column_id, level);

    case TRELLIS_CELL_EDIT_NONE:
    case TRELLIS_CELL_EDIT_ASSIGNMENT:
    default:
      return FALSE;
    }
}

/**
 * trellis_cell_target_toggle_letter:
 * @self: a target
 * @widget: the widget that shows the cell
 * @letter: one RACI letter
 *
 * Gives the role of an assignment @letter, or takes it.
 *
 * Returns: %TRUE if an edit was asked for
 */
gboolean
trellis_cell_target_toggle_letter (const TrellisCellTarget *self,
                                   GtkWidget               *widget,
                                   TrellisRaci              letter)
{
  char letters[5];

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return self->edit == TRELLIS_CELL_EDIT_ASSIGNMENT &&
         gtk_widget_activate_action (widget, "cell.toggle-raci", "(sss)", self->row_id, self->column_id,
                                     trellis_raci_to_string (letter, letters));
}

/**
 * trellis_cell_target_set_letter:
 * @self: a target
 * @widget: the widget that shows the cell
 * @letter: one RACI letter
 * @given: whether the role carries @letter
 *
 * Returns: %TRUE if an edit was asked for
 */
gboolean
trellis_cell_target_set_letter (const TrellisCellTarget *self,
                                GtkWidget               *widget,
                                TrellisRaci              letter,
                                gboolean                 given)
{
  char letters[5];

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return self->edit == TRELLIS_CELL_EDIT_ASSIGNMENT &&
         gtk_widget_activate_action (widget, "cell.set-raci", "(sssb)", self->row_id, self->column_id,
                                     trellis_raci_to_string (letter, letters), given);
}

/**
 * trellis_cell_target_set_authority:
 * @self: a target
 * @widget: the widget that shows the cell
 * @authority: a delegation level
 *
 * Returns: %TRUE if an edit was asked for
 */
gboolean
trellis_cell_target_set_authority (const TrellisCellTarget *self,
                                   GtkWidget               *widget,
                                   TrellisAuthority         authority)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return self->edit == TRELLIS_CELL_EDIT_ASSIGNMENT &&
         gtk_widget_activate_action (widget, "cell.set-authority", "(ssu)", self->row_id, self->column_id,
                                     (guint32) authority);
}

/**
 * trellis_cell_target_clear_value:
 * @self: a target
 * @widget: the widget that shows the cell
 *
 * Empties the cell: an assignment loses its letters and delegation, a
 * requirement is dropped. An assessment stays.
 *
 * Returns: %TRUE if an edit was asked for
 */
gboolean
trellis_cell_target_clear_value (const TrellisCellTarget *self,
                                 GtkWidget               *widget)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (self->edit == TRELLIS_CELL_EDIT_ASSIGNMENT)
    return gtk_widget_activate_action (widget, "cell.clear-assignment", "(ss)", self->row_id, self->column_id);

  return trellis_cell_target_set_level (self, widget, TRELLIS_LEVEL_NONE);
}

/**
 * trellis_cell_target_can_vote:
 * @self: a target
 *
 * Returns: whether a workshop can vote on the cell: a role's required
 *   level, or a responsibility's delegation to a role
 */
gboolean
trellis_cell_target_can_vote (const TrellisCellTarget *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->edit == TRELLIS_CELL_EDIT_REQUIREMENT || self->edit == TRELLIS_CELL_EDIT_ASSIGNMENT;
}

/**
 * trellis_cell_target_vote:
 * @self: a target
 * @widget: the widget that shows the cell
 *
 * Starts a workshop vote on the cell (the window's action "win.vote-on"
 * with the ids of its row and column).
 *
 * Returns: %TRUE if a vote was asked for
 */
gboolean
trellis_cell_target_vote (const TrellisCellTarget *self,
                          GtkWidget               *widget)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return trellis_cell_target_can_vote (self) &&
         gtk_widget_activate_action (widget, "win.vote-on", "(ss)", self->row_id, self->column_id);
}
