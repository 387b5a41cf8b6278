/* trellis-heatmap-keys.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-heatmap-keys"

#include "config.h"

#include "trellis-heatmap-keys.h"
#include "trellis-heatmap-view-private.h"

/* The keyboard of a heatmap. Arrows, Page Up and Down, Home and End move
 * the focus cell (Ctrl+Home and Ctrl+End to the first and last cell);
 * Ctrl+plus, Ctrl+minus and Ctrl+0 zoom; Enter or Space opens the cell's
 * choices. What is typed edits the focus cell through its actions: a
 * digit is a level (a person's assessment, a role's requirement), and on
 * the responsibility map R, A, C and I give or take a letter and 0…7 set
 * the delegation; Delete empties a requirement or an assignment. V
 * starts a workshop vote on a role's requirement or a delegation; the
 * Menu key and Shift+F10 open the cell's choices as a click with the
 * secondary button does. A key the cell cannot take rings the bell. */

typedef enum
{
  KEY_ZOOM,
  KEY_FIRST_CELL,
  KEY_LAST_CELL,
  KEY_MOVE,
  KEY_PAGE,
  KEY_ROW_START,
  KEY_ROW_END,
  KEY_EDIT,
  KEY_CLEAR,
} KeyCommand;

typedef struct
{
  guint      keyval;
  gboolean   control;
  KeyCommand command;
  int        drow;     /* KEY_MOVE, KEY_PAGE; KEY_ZOOM: steps in, out (<0), or back (0) */
  int        dcolumn;  /* KEY_MOVE */
} Key;

static const Key keys[] = {
  { GDK_KEY_plus,         TRUE,  KEY_ZOOM,        1,  0 },
  { GDK_KEY_equal,        TRUE,  KEY_ZOOM,        1,  0 },
  { GDK_KEY_KP_Add,       TRUE,  KEY_ZOOM,        1,  0 },
  { GDK_KEY_minus,        TRUE,  KEY_ZOOM,       -1,  0 },
  { GDK_KEY_KP_Subtract,  TRUE,  KEY_ZOOM,       -1,  0 },
  { GDK_KEY_0,            TRUE,  KEY_ZOOM,        0,  0 },
  { GDK_KEY_KP_0,         TRUE,  KEY_ZOOM,        0,  0 },
  { GDK_KEY_Home,         TRUE,  KEY_FIRST_CELL,  0,  0 },
  { GDK_KEY_End,          TRUE,  KEY_LAST_CELL,   0,  0 },

  { GDK_KEY_Left,         FALSE, KEY_MOVE,        0, -1 },
  { GDK_KEY_KP_Left,      FALSE, KEY_MOVE,        0, -1 },
  { GDK_KEY_Right,        FALSE, KEY_MOVE,        0,  1 },
  { GDK_KEY_KP_Right,     FALSE, KEY_MOVE,        0,  1 },
  { GDK_KEY_Up,           FALSE, KEY_MOVE,       -1,  0 },
  { GDK_KEY_KP_Up,        FALSE, KEY_MOVE,       -1,  0 },
  { GDK_KEY_Down,         FALSE, KEY_MOVE,        1,  0 },
  { GDK_KEY_KP_Down,      FALSE, KEY_MOVE,        1,  0 },
  { GDK_KEY_Page_Up,      FALSE, KEY_PAGE,       -1,  0 },
  { GDK_KEY_KP_Page_Up,   FALSE, KEY_PAGE,       -1,  0 },
  { GDK_KEY_Page_Down,    FALSE, KEY_PAGE,        1,  0 },
  { GDK_KEY_KP_Page_Down, FALSE, KEY_PAGE,        1,  0 },
  { GDK_KEY_Home,         FALSE, KEY_ROW_START,   0,  0 },
  { GDK_KEY_KP_Home,      FALSE, KEY_ROW_START,   0,  0 },
  { GDK_KEY_End,          FALSE, KEY_ROW_END,     0,  0 },
  { GDK_KEY_KP_End,       FALSE, KEY_ROW_END,     0,  0 },
  { GDK_KEY_Return,       FALSE, KEY_EDIT,        0,  0 },
  { GDK_KEY_KP_Enter,     FALSE, KEY_EDIT,        0,  0 },
  { GDK_KEY_space,        FALSE, KEY_EDIT,        0,  0 },
  { GDK_KEY_Delete,       FALSE, KEY_CLEAR,       0,  0 },
  { GDK_KEY_KP_Delete,    FALSE, KEY_CLEAR,       0,  0 },
  { GDK_KEY_BackSpace,    FALSE, KEY_CLEAR,       0,  0 },
};

static gboolean
clear_focus (TrellisHeatmapView *view)
{
  g_auto(TrellisCellTarget) target = { 0 };

  trellis_heatmap_view_get_focus_target (view, &target);
  if (!trellis_cell_target_clear_value (&target, GTK_WIDGET (view)))
    gtk_widget_error_bell (GTK_WIDGET (view));

  return TRUE;
}

static gboolean
run_key (TrellisHeatmapView *view,
         const Key          *key)
{
  TrellisLayout *layout = trellis_heatmap_view_get_layout (view);
  guint n_rows = trellis_layout_get_n_rows (layout);
  guint n_columns = trellis_layout_get_n_columns (layout);
  guint row;

  switch (key->command)
    {
    case KEY_ZOOM:
      trellis_heatmap_view_zoom_step (view, key->drow);
      return TRUE;

    case KEY_FIRST_CELL:
      trellis_heatmap_view_set_focus_cell (view, 0, 0);
      return TRUE;

    case KEY_LAST_CELL:
      trellis_heatmap_view_set_focus_cell (view, n_rows - 1, n_columns - 1);
      return TRUE;

    case KEY_MOVE:
      return trellis_heatmap_view_move_focus (view, key->drow, key->dcolumn);

    case KEY_PAGE:
      return trellis_heatmap_view_move_focus (view, key->drow * (int) trellis_heatmap_view_get_page_rows (view), 0);

    case KEY_ROW_START:
    case KEY_ROW_END:
      if (!trellis_heatmap_view_get_focus_cell (view, &row, NULL))
        return FALSE;
      trellis_heatmap_view_set_focus_cell (view, row, key->command == KEY_ROW_START ? 0 : n_columns - 1);
      return TRUE;

    case KEY_EDIT:
      trellis_heatmap_view_edit_focus (view);
      return TRUE;

    case KEY_CLEAR:
      return clear_focus (view);

    default:
      g_assert_not_reached ();
    }
}

/* A character typed on the focus cell. */
static gboolean
type_character (TrellisHeatmapView *view,
                gunichar            ch)
{
  g_auto(TrellisCellTarget) target = { 0 };

  /* A secret vote of the room on it, on a presented map too. */
  if (ch == 'v' || ch == 'V')
    {
      trellis_heatmap_view_get_shown_target (view, &target);
      if (!trellis_cell_target_vote (&target, GTK_WIDGET (view)))
        gtk_widget_error_bell (GTK_WIDGET (view));
      return TRUE;
    }

  trellis_heatmap_view_get_focus_target (view, &target);

  /* The responsibility map: letters and delegation levels. */
  if (target.edit == TRELLIS_CELL_EDIT_ASSIGNMENT)
    {
      gunichar upper = g_unichar_toupper (ch);
      char letter = (char) upper;
      TrellisRaci raci;

      if (upper > 0 && upper < 0x80 && trellis_raci_from_string (&letter, 1, &raci))
        return trellis_cell_target_toggle_letter (&target, GTK_WIDGET (view), raci);

      if (ch >= '0' && ch < '0' + TRELLIS_N_AUTHORITIES)
        return trellis_cell_target_set_authority (&target, GTK_WIDGET (view), ch - '0');

      return FALSE;
    }

  /* Elsewhere a digit is a level. */
  if (g_unichar_isdigit (ch))
    {
      gint level = g_unichar_digit_value (ch);

      if (!trellis_heatmap_view_level_in_scale (view, level) ||
          !trellis_cell_target_set_level (&target, GTK_WIDGET (view), level))
        gtk_widget_error_bell (GTK_WIDGET (view));
      return TRUE;
    }

  return FALSE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrellisHeatmapView    *view)
{
  gboolean control = (state & GDK_CONTROL_MASK) != 0;

  if (trellis_heatmap_view_get_layout (view) == NULL)
    return FALSE;

  if (!control && (state & GDK_ALT_MASK) != 0)
    return FALSE;

  /* The cell's menu: its choices. */
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && !control && (state & GDK_SHIFT_MASK) != 0))
    {
      trellis_heatmap_view_edit_focus (view);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i].keyval == keyval && keys[i].control == control)
        return run_key (view, &keys[i]);
    }

  if (control)
    return FALSE;

  return type_character (view, gdk_keyval_to_unicode (keyval));
}

/**
 * trellis_heatmap_keys_attach:
 * @view: a #TrellisHeatmapView
 *
 * Gives @view its keyboard.
 */
void
trellis_heatmap_keys_attach (TrellisHeatmapView *view)
{
  GtkEventController *controller;

  g_return_if_fail (TRELLIS_IS_HEATMAP_VIEW (view));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), view);
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
}
