/* trellis-cell-target.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-render.h"

G_BEGIN_DECLS

/**
 * TrellisCellEdit:
 * @TRELLIS_CELL_EDIT_NONE: the cell takes no edit: a total, a node …
 * @TRELLIS_CELL_EDIT_ASSESSMENT: a person's assessed level of a competency
 * @TRELLIS_CELL_EDIT_REQUIREMENT: a role's required level of a competency
 * @TRELLIS_CELL_EDIT_ASSIGNMENT: a role's RACI letters and delegation for a
 *   responsibility
 *
 * What a cell of a heatmap edits.
 */
typedef enum
{
  TRELLIS_CELL_EDIT_NONE,
  TRELLIS_CELL_EDIT_ASSESSMENT,
  TRELLIS_CELL_EDIT_REQUIREMENT,
  TRELLIS_CELL_EDIT_ASSIGNMENT,
} TrellisCellEdit;

/**
 * TrellisCellTarget:
 * @edit: what the cell edits
 * @row_id: the id of the person, role or responsibility of the row
 * @column_id: the id of the competency or role of the column
 * @source: the perspective an assessment is set from
 * @level: the assessed or required level the cell shows, or
 *   %TRELLIS_LEVEL_NONE
 * @raci: the RACI letters of an assignment
 * @authority: the delegation of an assignment
 *
 * One cell of a layout as the cell actions see it: by the ids of what it
 * shows, with what it shows now.
 */
typedef struct
{
  TrellisCellEdit   edit;
  char             *row_id;
  char             *column_id;
  TrellisSource     source;
  gint              level;
  TrellisRaci       raci;
  TrellisAuthority  authority;
} TrellisCellTarget;

void     trellis_cell_target_init          (TrellisCellTarget       *self,
                                            TrellisLayout           *layout,
                                            guint                    row,
                                            guint                    column,
                                            TrellisSource            source);
void     trellis_cell_target_copy          (const TrellisCellTarget *self,
                                            TrellisCellTarget       *dest);
void     trellis_cell_target_clear         (TrellisCellTarget       *self);

gboolean trellis_cell_target_set_level     (const TrellisCellTarget *self,
                                            GtkWidget               *widget,
                                            gint                     level);
gboolean trellis_cell_target_toggle_letter (const TrellisCellTarget *self,
                                            GtkWidget               *widget,
                                            TrellisRaci              letter);
gboolean trellis_cell_target_set_letter    (const TrellisCellTarget *self,
                                            GtkWidget               *widget,
                                            TrellisRaci              letter,
                                            gboolean                 given);
gboolean trellis_cell_target_set_authority (const TrellisCellTarget *self,
                                            GtkWidget               *widget,
                                            TrellisAuthority         authority);
gboolean trellis_cell_target_clear_value   (const TrellisCellTarget *self,
                                            GtkWidget               *widget);
gboolean trellis_cell_target_can_vote      (const TrellisCellTarget *self);
gboolean trellis_cell_target_vote          (const TrellisCellTarget *self,
                                            GtkWidget               *widget);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrellisCellTarget, trellis_cell_target_clear)

G_END_DECLS
