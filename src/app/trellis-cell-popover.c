/* trellis-cell-popover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cell-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-cell-popover.h"

/* The choices of one cell of a heatmap, opened by Enter or a click on
 * the focus cell: the levels of the scale for an assessment or a
 * requirement, or the RACI letters and the delegation of an assignment.
 * A choice activates the cell's action (trellis-cell-target.c); the
 * popover itself edits nothing. */

struct _TrellisCellPopover
{
  GtkPopover         parent_instance;

  TrellisCellTarget  target;
  GtkWidget         *focus;
};

G_DEFINE_FINAL_TYPE (TrellisCellPopover, trellis_cell_popover, GTK_TYPE_POPOVER)

static void
level_activated_cb (GtkListBox         *list,
                    GtkListBoxRow      *row,
                    TrellisCellPopover *self)
{
  gint level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "level"));

  gtk_popover_popdown (GTK_POPOVER (self));
  trellis_cell_target_set_level (&self->target, GTK_WIDGET (self), level);
}

static void
authority_activated_cb (GtkListBox         *list,
                        GtkListBoxRow      *row,
                        TrellisCellPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  trellis_cell_target_set_authority (&self->target, GTK_WIDGET (self), gtk_list_box_row_get_index (row));
}

static void
vote_clicked_cb (GtkButton          *button,
                 TrellisCellPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  trellis_cell_target_vote (&self->target, GTK_WIDGET (self));
}

static void
letter_toggled_cb (GtkToggleButton    *button,
                   TrellisCellPopover *self)
{
  TrellisRaci letter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "letter"));

  trellis_cell_target_set_letter (&self->target, GTK_WIDGET (self), letter, gtk_toggle_button_get_active (button));
}

static GtkWidget *
make_choice_row (const char *label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_margin_start (text, 6);
  gtk_widget_set_margin_end (text, 6);
  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);

  return row;
}

static GtkWidget *
make_choice_list (const char *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  return list;
}

/* The letters as linked toggles, and the delegation levels. */
static void
add_assignment_choices (TrellisCellPopover *self,
                        GtkBox             *box)
{
  static const TrellisRaci letters[] = {
    TRELLIS_RACI_RESPONSIBLE, TRELLIS_RACI_ACCOUNTABLE, TRELLIS_RACI_CONSULTED, TRELLIS_RACI_INFORMED,
  };
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *list;

  gtk_widget_add_css_class (toggles, "linked");
  gtk_widget_set_halign (toggles, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (trellis_raci_get_label (letters[i]));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), (self->target.raci & letters[i]) != 0);
      g_object_set_data (G_OBJECT (toggle), "letter", GUINT_TO_POINTER (letters[i]));
      g_signal_connect (toggle, "toggled", G_CALLBACK (letter_toggled_cb), self);
      gtk_box_append (GTK_BOX (toggles), toggle);
      if (self->focus == NULL)
        self->focus = toggle;
    }
  gtk_box_append (box, toggles);

  list = make_choice_list (_("Delegation"));
  for (guint i = 0; i < TRELLIS_N_AUTHORITIES; i++)
    {
      GtkWidget *choice = make_choice_row (trellis_authority_get_label (i));

      gtk_widget_set_tooltip_text (choice, trellis_authority_get_description (i));
      gtk_list_box_append (GTK_LIST_BOX (list), choice);
      if (i == self->target.authority)
        gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (choice));
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (authority_activated_cb), self);
  gtk_box_append (box, list);
}

static void
add_level_choice (TrellisCellPopover *self,
                  GtkWidget          *list,
                  const char         *label,
                  gint                level)
{
  GtkWidget *choice = make_choice_row (label);

  g_object_set_data (G_OBJECT (choice), "level", GINT_TO_POINTER (level));
  gtk_list_box_append (GTK_LIST_BOX (list), choice);
  if (level == self->target.level)
    {
      gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (choice));
      self->focus = choice;
    }
}

/* The levels of the scale; a requirement can also be dropped. */
static void
add_level_choices (TrellisCellPopover *self,
                   GtkBox             *box,
                   GPtrArray          *scale,
                   GListModel         *labels)
{
  GtkWidget *list = make_choice_list (_("Level"));

  if (self->target.edit == TRELLIS_CELL_EDIT_REQUIREMENT)
    add_level_choice (self, list, _("Not required"), TRELLIS_LEVEL_NONE);

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *level = g_ptr_array_index (scale, i);
      g_autoptr(GtkStringObject) label = labels != NULL ? g_list_model_get_item (labels, i) : NULL;

      add_level_choice (self, list, label != NULL ? gtk_string_object_get_string (label) : "", level->value);
    }

  g_signal_connect (list, "row-activated", G_CALLBACK (level_activated_cb), self);
  gtk_box_append (box, list);
}

static void
trellis_cell_popover_finalize (GObject *object)
{
  TrellisCellPopover *self = TRELLIS_CELL_POPOVER (object);

  trellis_cell_target_clear (&self->target);

  G_OBJECT_CLASS (trellis_cell_popover_parent_class)->finalize (object);
}

static void
trellis_cell_popover_class_init (TrellisCellPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_cell_popover_finalize;
}

static void
trellis_cell_popover_init (TrellisCellPopover *self)
{
}

GtkWidget *
trellis_cell_popover_new (void)
{
  return g_object_new (TRELLIS_TYPE_CELL_POPOVER, NULL);
}

/**
 * trellis_cell_popover_set_target:
 * @self: a #TrellisCellPopover
 * @target: the cell to offer the choices of
 * @scale: (element-type TrellisScaleLevel) (nullable): the levels of the
 *   document's scale
 * @labels: (nullable): what to call each level of @scale, in its order
 *
 * Puts the choices of @target in the popover.
 *
 * Returns: %FALSE if the cell offers no choices
 */
gboolean
trellis_cell_popover_set_target (TrellisCellPopover      *self,
                                 const TrellisCellTarget *target,
                                 GPtrArray               *scale,
                                 GListModel              *labels)
{
  GtkWidget *box;

  g_return_val_if_fail (TRELLIS_IS_CELL_POPOVER (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (target->edit == TRELLIS_CELL_EDIT_NONE)
    return FALSE;

  trellis_cell_target_clear (&self->target);
  trellis_cell_target_copy (target, &self->target);
  self->focus = NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (target->edit == TRELLIS_CELL_EDIT_ASSIGNMENT)
    add_assignment_choices (self, GTK_BOX (box));
  else
    add_level_choices (self, GTK_BOX (box), scale, labels);

  /* A value a workshop may rather decide together, in a secret vote. */
  if (trellis_cell_target_can_vote (target))
    {
      GtkWidget *vote = gtk_button_new_with_mnemonic (_("_Vote on This…"));

      gtk_widget_set_tooltip_text (vote, _("Everyone picks a value in secret; all are shown at once (V)"));
      gtk_widget_add_css_class (vote, "flat");
      g_signal_connect (vote, "clicked", G_CALLBACK (vote_clicked_cb), self);
      trellis_accessible_tidy (vote);
      gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (box), vote);
    }
  gtk_popover_set_child (GTK_POPOVER (self), box);

  return TRUE;
}

/**
 * trellis_cell_popover_popup_at:
 * @self: a #TrellisCellPopover
 * @rect: the cell, in its parent's coordinates
 *
 * Shows the choices beside the cell, the current one focused.
 */
void
trellis_cell_popover_popup_at (TrellisCellPopover *self,
                               const GdkRectangle *rect)
{
  g_return_if_fail (TRELLIS_IS_CELL_POPOVER (self));
  g_return_if_fail (rect != NULL);

  gtk_popover_set_pointing_to (GTK_POPOVER (self), rect);
  gtk_popover_popup (GTK_POPOVER (self));
  if (self->focus != NULL)
    gtk_widget_grab_focus (self->focus);
}
