/* trellis-mandate-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-mandate-view"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-mandate-view.h"
#include "trellis-mandate.h"

/* A person's mandate card in the application ("what may I decide
 * here?"): one expandable row per responsibility their roles hold, and
 * the values that guide their decisions. The words are the mandate's
 * (src/core/trellis-mandate.c), the same as on the printed card. */

struct _TrellisMandateView
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkListBox      *items;
  GtkListBox      *values;
  GtkWidget       *values_title;
  TrellisDocument *document;
  TrellisEntity   *person;
};

G_DEFINE_FINAL_TYPE (TrellisMandateView, trellis_mandate_view, GTK_TYPE_WIDGET)

static void
clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
join_names (GPtrArray *entities)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      const char *name = trellis_entity_get_name (g_ptr_array_index (entities, i));

      if (i > 0)
        /* Translators: separates the items of a list. */
        g_string_append (text, _(", "));
      g_string_append (text, name != NULL ? name : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_line (GtkWidget  *expander,
          const char *title,
          const char *text)
{
  GtkWidget *row;

  if (text == NULL || text[0] == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "property");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static GtkWidget *
item_row (const TrellisMandateItem *item)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *accountable = join_names (item->accountable);
  g_autofree char *consult = join_names (item->consult);
  g_autofree char *inform = join_names (item->inform);
  g_autofree char *values = join_names (item->values);
  const char *role = trellis_entity_get_name (item->role);
  char letters[5];

  trellis_raci_to_string (item->raci, letters);
  /* Translators: under a responsibility on a mandate card: how far the
   * person decides, and as which role. */
  subtitle = g_strdup_printf (_("%s · as %s"), item->decision, role != NULL ? role : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_entity_get_name (item->responsibility));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (item->result != NULL)
    add_line (row, _("The result it serves"), trellis_entity_get_name (item->result));
  {
    g_autofree char *part = letters[0] != '\0' ? g_strdup_printf ("%s (%s)", item->roles, letters) : g_strdup (item->roles);

    add_line (row, _("My part"), part);
  }
  add_line (row, _("How far I decide"), item->explanation);
  add_line (row, C_("mandate", "Accountable"), accountable);
  add_line (row, C_("mandate", "Consult"), consult);
  add_line (row, C_("mandate", "Inform"), inform);
  add_line (row, _("Guided by"), values);

  return row;
}

/**
 * trellis_mandate_view_refresh:
 * @self: a #TrellisMandateView
 *
 * Works the card out again, after the matrix changed.
 */
void
trellis_mandate_view_refresh (TrellisMandateView *self)
{
  g_autoptr(TrellisMandate) mandate = NULL;
  GPtrArray *values;

  g_return_if_fail (TRELLIS_IS_MANDATE_VIEW (self));

  clear (self->items);
  clear (self->values);
  if (self->document == NULL || self->person == NULL)
    return;

  mandate = trellis_mandate_new (self->document, self->person);
  for (guint i = 0; i < trellis_mandate_get_n_items (mandate); i++)
    gtk_list_box_append (self->items, item_row (trellis_mandate_get_item (mandate, i)));

  values = trellis_mandate_get_values (mandate);
  for (guint i = 0; i < values->len; i++)
    {
      TrellisEntity *value = g_ptr_array_index (values, i);
      const char **behaviours = trellis_entity_get_strv (value, TRELLIS_FIELD_BEHAVIOURS);
      g_autofree char *joined = behaviours != NULL ? g_strjoinv ("\n", (char **) behaviours) : NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_entity_get_name (value));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (joined != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), joined);
      gtk_list_box_append (self->values, row);
    }
  gtk_widget_set_visible (self->values_title, values->len > 0);
}

/**
 * trellis_mandate_view_set_target:
 * @self: a #TrellisMandateView
 * @document: (nullable): the matrix
 * @person: (nullable): a person of it
 *
 * Shows the mandate card of @person.
 */
void
trellis_mandate_view_set_target (TrellisMandateView *self,
                                 TrellisDocument    *document,
                                 TrellisEntity      *person)
{
  g_return_if_fail (TRELLIS_IS_MANDATE_VIEW (self));

  g_set_object (&self->document, document);
  g_set_object (&self->person, person);
  trellis_mandate_view_refresh (self);
}

static void
trellis_mandate_view_dispose (GObject *object)
{
  TrellisMandateView *self = TRELLIS_MANDATE_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (trellis_mandate_view_parent_class)->dispose (object);
}

static void
trellis_mandate_view_class_init (TrellisMandateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_mandate_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkListBox *
boxed_list (const char *label)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("None of this person’s roles holds a responsibility yet."));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);

  return GTK_LIST_BOX (list);
}

static void
trellis_mandate_view_init (TrellisMandateView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->items = boxed_list (_("What this person may decide"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->items));

  self->values_title = gtk_label_new (_("The values that guide these decisions"));
  gtk_widget_add_css_class (self->values_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->values_title), 0);
  gtk_widget_set_margin_top (self->values_title, 12);
  gtk_box_append (GTK_BOX (self->box), self->values_title);

  self->values = boxed_list (_("The values that guide these decisions"));
  gtk_list_box_set_placeholder (self->values, NULL);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->values));
  gtk_widget_set_visible (self->values_title, FALSE);
}
