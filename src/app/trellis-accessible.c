/* trellis-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-accessible"

#include "config.h"

#include "trellis-accessible.h"

#include <adwaita.h>

#include <string.h>

/* GTK 4.8 hands screen readers a few names nobody should hear: a button
 * with a mnemonic label is called by its raw label and then its text
 * (“_Open Open”), the toggle inside a GtkDropDown and the outer node of
 * a GtkMenuButton with a text label by their class names, an expander
 * row and a row of a list view by nothing at all, and an entry row takes
 * the focus without a word. These helpers tidy them where the widgets
 * are made. */

static GQuark tidy_quark;

static void
button_label_cb (GtkButton  *button,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  /* GtkButton sets the raw label again on every change; without it the
   * name comes from the label shown, mnemonic and all taken care of. */
  if (gtk_button_get_use_underline (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
tidy_button (GtkButton *button)
{
  if (g_object_get_qdata (G_OBJECT (button), tidy_quark) == NULL)
    {
      g_object_set_qdata (G_OBJECT (button), tidy_quark, GINT_TO_POINTER (1));
      g_signal_connect_after (button, "notify::label", G_CALLBACK (button_label_cb), NULL);
    }

  if (gtk_button_get_label (button) != NULL)
    button_label_cb (button, NULL, NULL);
}

static void
tidy_menu_button (GtkMenuButton *button)
{
  const char *label = gtk_menu_button_get_label (button);
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  g_autofree char *plain = NULL;

  /* A menu is called what its button is called. */
  if (popover != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (popover),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, button, NULL,
                                    -1);

  if (label == NULL || label[0] == '\0')
    return;

  plain = gtk_menu_button_get_use_underline (button) ? trellis_accessible_strip_mnemonic (label) : g_strdup (label);
  trellis_accessible_label_menu_button (GTK_WIDGET (button), plain);
}

static void
tidy_expander_row (AdwExpanderRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  /* Its own title is in a row inside it: the expander has no name. */
  if (title != NULL && title[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
entry_row_title_cb (AdwPreferencesRow *row,
                    GParamSpec        *pspec,
                    GtkAccessible     *text)
{
  const char *title = adw_preferences_row_get_title (row);
  g_autofree char *plain = NULL;

  /* The title as it reads, without the underscore of its mnemonic. */
  if (title != NULL && adw_preferences_row_get_use_underline (row))
    title = plain = trellis_accessible_strip_mnemonic (title);
  gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "", -1);
}

static void
tidy_entry_row (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  GtkAccessibleRole text_role;

  if (text == NULL || g_object_get_qdata (G_OBJECT (row), tidy_quark) != NULL)
    return;
  g_object_set_qdata (G_OBJECT (row), tidy_quark, GINT_TO_POINTER (1));

  /* The text inside the row has no role of its own, so GTK 4.8 hands
   * its focus to the box around it, which does not have the focus: a
   * screen reader hears nothing when Tab enters the row. As a text box
   * named by the row's title, the text says so itself. */
  g_object_get (text, "accessible-role", &text_role, NULL);
  if (text_role != GTK_ACCESSIBLE_ROLE_NONE)
    return;

  g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  g_signal_connect_object (row, "notify::title", G_CALLBACK (entry_row_title_cb), text, 0);
  entry_row_title_cb (ADW_PREFERENCES_ROW (row), NULL, GTK_ACCESSIBLE (text));
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
tidy_drop_down (GtkDropDown *drop_down)
{
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  GtkWidget *list = find_list_view (GTK_WIDGET (drop_down));

  /* The toggle is what takes the focus, and the list in the popover is
   * what is chosen from: both speak for the drop-down. */
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (toggle),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                    -1);
  if (list != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                    -1);
}

static void
tidy_check_button (GtkCheckButton *button)
{
  const char *label = gtk_check_button_get_label (button);
  g_autofree char *plain = NULL;

  /* GTK 4.8 names a check button by its label, underscore and all. */
  if (label == NULL || !gtk_check_button_get_use_underline (button))
    return;

  plain = trellis_accessible_strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

/**
 * trellis_accessible_tidy:
 * @root: a widget
 *
 * Gives the buttons, menu buttons and drop-downs in @root and below the
 * names people read on screen, and makes its entry rows say when they
 * have the focus. Call it once a widget's children are made; buttons
 * keep their names tidy when their labels change.
 */
void
trellis_accessible_tidy (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (tidy_quark == 0)
    tidy_quark = g_quark_from_static_string ("trellis-accessible-tidy");

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    tidy_button (GTK_BUTTON (root));
  else if (GTK_IS_MENU_BUTTON (root))
    tidy_menu_button (GTK_MENU_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root))
    tidy_drop_down (GTK_DROP_DOWN (root));
  else if (ADW_IS_EXPANDER_ROW (root))
    tidy_expander_row (ADW_EXPANDER_ROW (root));
  else if (ADW_IS_ENTRY_ROW (root))
    tidy_entry_row (ADW_ENTRY_ROW (root));
  else if (GTK_IS_CHECK_BUTTON (root))
    tidy_check_button (GTK_CHECK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    trellis_accessible_tidy (child);
}

/**
 * trellis_accessible_label_menu_button:
 * @menu_button: a #GtkMenuButton
 * @label: its name for screen readers
 *
 * Names both the menu button and the toggle inside it, which is what
 * takes the focus; on GTK 4.8 the toggle is named by what it shows, and
 * by that again after any name it is given (“Target: None None”). Call
 * it again after the button's label changes.
 */
void
trellis_accessible_label_menu_button (GtkWidget  *menu_button,
                                      const char *label)
{
  GtkWidget *toggle;

  g_return_if_fail (GTK_IS_MENU_BUTTON (menu_button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  toggle = gtk_widget_get_first_child (menu_button);
  if (GTK_IS_TOGGLE_BUTTON (toggle))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

/**
 * trellis_accessible_strip_mnemonic:
 * @text: a label with mnemonic underscores
 *
 * Returns: (transfer full): @text as shown: “_Save _As…” becomes
 *   “Save As…”, “__” an underscore
 */
char *
trellis_accessible_strip_mnemonic (const char *text)
{
  GString *str;

  g_return_val_if_fail (text != NULL, NULL);

  str = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (str, *p);
    }

  return g_string_free (str, FALSE);
}

/**
 * trellis_accessible_label_list_item:
 * @child: the child of a row of a #GtkListView, set in the factory
 * @label: the row's name for screen readers
 *
 * On GTK 4.8 a row of a list view has no name of its own, and a
 * #GtkListItem is no widget: the name goes on the row that holds @child.
 */
void
trellis_accessible_label_list_item (GtkWidget  *child,
                                    const char *label)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  row = gtk_widget_get_parent (child);
  if (row == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The choices in the popover of a drop-down or a combo row, each a row
 * named by its text: GTK 4.8 names those rows by nothing. The row shows
 * its text and, when it is the one chosen, a check, as the built-in
 * factory does. */

static char *
dup_choice_text (GtkWidget *owner,
                 gpointer   item)
{
  GtkExpression *expression = NULL;
  GValue value = G_VALUE_INIT;
  char *text = NULL;

  if (GTK_IS_DROP_DOWN (owner))
    expression = gtk_drop_down_get_expression (GTK_DROP_DOWN (owner));
  else if (ADW_IS_COMBO_ROW (owner))
    expression = adw_combo_row_get_expression (ADW_COMBO_ROW (owner));

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    {
      if (G_VALUE_HOLDS_STRING (&value))
        text = g_value_dup_string (&value);
      g_value_unset (&value);
    }
  else if (GTK_IS_STRING_OBJECT (item))
    text = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  return text != NULL ? text : g_strdup ("");
}

static void
choice_selected_cb (GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = box != NULL ? gtk_widget_get_last_child (box) : NULL;

  if (check != NULL)
    gtk_widget_set_opacity (check, gtk_list_item_get_selected (item) ? 1 : 0);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_signal_connect (item, "notify::selected", G_CALLBACK (choice_selected_cb), NULL);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                GtkWidget                *owner)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *text = dup_choice_text (owner, gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  trellis_accessible_label_list_item (box, text);
  choice_selected_cb (item);
}

static void
name_choices_of (GtkWidget *owner)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (choice_bind_cb), owner, 0);

  if (GTK_IS_DROP_DOWN (owner) && gtk_drop_down_get_list_factory (GTK_DROP_DOWN (owner)) == NULL)
    gtk_drop_down_set_list_factory (GTK_DROP_DOWN (owner), factory);
  else if (ADW_IS_COMBO_ROW (owner) && adw_combo_row_get_list_factory (ADW_COMBO_ROW (owner)) == NULL)
    adw_combo_row_set_list_factory (ADW_COMBO_ROW (owner), factory);
}

/**
 * trellis_accessible_name_choices:
 * @root: a widget
 *
 * Gives the choices of every drop-down and combo row in @root and below
 * names for screen readers (those with a list factory of their own keep
 * it).
 */
void
trellis_accessible_name_choices (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root) || ADW_IS_COMBO_ROW (root))
    name_choices_of (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    trellis_accessible_name_choices (child);
}
