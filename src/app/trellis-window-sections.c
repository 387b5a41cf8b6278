/* trellis-window-sections.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-window-private.h"

/* The sections of a window: the sidebar that lists them, the stack that
 * shows one, the pages within a section, and going to an entity. */

/* The sections in the order of their Alt+number shortcuts. */
static const char * const section_names[] = {
  "mission", "results", "competencies", "roles", "people", "heatmaps", "monitoring", "development",
};

static GtkWidget *
create_section_row (GtkStackPage *page,
                    guint         number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));
  g_autofree char *tooltip = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_stack_page_get_title (page),
                                  -1);
  if (number > 0)
    {
      g_autofree char *keys = g_strdup_printf ("Alt+%u", number);

      /* Translators: a section's name and its keyboard shortcut, e.g. “Roles (Alt+4)”. */
      tooltip = g_strdup_printf (_("%s (Alt+%u)"), gtk_stack_page_get_title (page), number);
      gtk_widget_set_tooltip_text (row, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, keys,
                                      -1);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "section", g_strdup (gtk_stack_page_get_name (page)), g_free);

  return row;
}

static guint
section_number (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    {
      if (g_strcmp0 (section_names[i], name) == 0)
        return i + 1;
    }

  return 0;
}

/* The lists of a section, also those on the pages of a section's own stack. */
static void
collect_panes (TrellisWindow *self,
               GtkWidget     *widget)
{
  if (TRELLIS_IS_ENTITY_PANE (widget))
    {
      g_ptr_array_add (self->panes, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_panes (self, child);
}

static void
build_sections (TrellisWindow *self)
{
  g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (self->sections_stack));
  guint n = g_list_model_get_n_items (pages);

  for (guint i = 0; i < n; i++)
    {
      GtkStackPage *page = g_list_model_get_item (pages, i);
      GtkWidget *child = gtk_stack_page_get_child (page);

      gtk_list_box_append (self->sections_list,
                           create_section_row (page, section_number (gtk_stack_page_get_name (page))));
      collect_panes (self, child);
      g_object_unref (page);
    }
}

static void
section_row_selected_cb (TrellisWindow *self,
                         GtkListBoxRow *row)
{
  const char *name;

  if (row == NULL)
    return;

  name = g_object_get_data (G_OBJECT (row), "section");
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sections_stack), name) != 0)
    gtk_stack_set_visible_child_name (self->sections_stack, name);
}

static void
section_row_activated_cb (TrellisWindow *self,
                          GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (TrellisWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The sidebar highlights the section in view, also when the section
 * shown did not change (a matrix opened in the section the window was
 * made with). */
static void
section_changed_cb (TrellisWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->sections_stack);

  if (name == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sections_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "section"), name) == 0)
        {
          if (gtk_list_box_get_selected_row (self->sections_list) != GTK_LIST_BOX_ROW (row))
            gtk_list_box_select_row (self->sections_list, GTK_LIST_BOX_ROW (row));
          break;
        }
    }

  if (self->settings != NULL && self->document != NULL)
    g_settings_set_string (self->settings, "last-section", name);
}

/**
 * trellis_window_get_section_focus:
 *
 * Returns: (transfer none) (nullable): the pane of the section in view
 */
GtkWidget *
trellis_window_get_section_focus (TrellisWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->sections_stack);

  /* A section of two lists: a switcher above a stack of its own. */
  if (child != NULL && GTK_IS_BOX (child))
    {
      for (GtkWidget *c = gtk_widget_get_first_child (child); c != NULL; c = gtk_widget_get_next_sibling (c))
        {
          if (GTK_IS_STACK (c))
            return gtk_stack_get_visible_child (GTK_STACK (c));
        }
    }

  return child;
}

/**
 * trellis_window_show_section:
 * @self: a #TrellisWindow
 * @name: mission, results, competencies, roles, people, heatmaps,
 *   monitoring or development
 */
void
trellis_window_show_section (TrellisWindow *self,
                             const char    *name)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  if (name == NULL || gtk_stack_get_child_by_name (self->sections_stack, name) == NULL)
    name = "mission";

  gtk_stack_set_visible_child_name (self->sections_stack, name);
  section_changed_cb (self);
}

const char *
trellis_window_get_section (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->sections_stack);
}

/**
 * trellis_window_get_section_widget:
 *
 * Returns: (transfer none) (nullable): the widget of section @name
 */
GtkWidget *
trellis_window_get_section_widget (TrellisWindow *self,
                                   const char    *name)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->sections_stack, name);
}

void
trellis_window_show_section_number (TrellisWindow *self,
                                    guint          number)
{
  GtkWidget *focus;

  if (number < 1 || number > G_N_ELEMENTS (section_names) || self->document == NULL)
    return;

  if (gtk_stack_get_child_by_name (self->sections_stack, section_names[number - 1]) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gtk_stack_set_visible_child_name (self->sections_stack, section_names[number - 1]);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  /* Straight to typing the next item. */
  /* Straight into the map, where the arrows and digits work. */
  focus = trellis_window_get_section_focus (self);
  if (TRELLIS_IS_ENTITY_PANE (focus))
    trellis_entity_pane_focus_add (TRELLIS_ENTITY_PANE (focus));
  else if (TRELLIS_IS_HEATMAP_PAGE (focus))
    trellis_heatmap_page_focus_map (TRELLIS_HEATMAP_PAGE (focus));
  else if (focus != NULL)
    gtk_widget_child_focus (focus, GTK_DIR_TAB_FORWARD);
}

/**
 * trellis_window_switch_tab:
 * @self: a #TrellisWindow
 * @delta: 1 for the next page of the section, -1 for the one before
 *
 * In a section of two lists (Results and Responsibilities, Development
 * Actions and Feedback), shows the other one, ready to type its next
 * item, as Ctrl+Page Down and Ctrl+Page Up do in tabs.
 */
void
trellis_window_switch_tab (TrellisWindow *self,
                           int            delta)
{
  GtkWidget *section = gtk_stack_get_visible_child (self->sections_stack);
  GtkStack *tabs = NULL;
  g_autoptr(GListModel) pages = NULL;
  GtkWidget *visible;
  guint n, current = 0;
  GtkWidget *focus;

  for (GtkWidget *c = section != NULL && GTK_IS_BOX (section) ? gtk_widget_get_first_child (section) : NULL;
       c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_STACK (c))
      tabs = GTK_STACK (c);
  if (tabs == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  pages = G_LIST_MODEL (gtk_stack_get_pages (tabs));
  n = g_list_model_get_n_items (pages);
  visible = gtk_stack_get_visible_child (tabs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (pages, i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == visible)
        current = i;
    }

  {
    g_autoptr(GObject) page = g_list_model_get_item (pages, (current + n + (guint) (delta % (int) n)) % n);

    gtk_stack_set_visible_child (tabs, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
  }

  focus = trellis_window_get_section_focus (self);
  if (TRELLIS_IS_ENTITY_PANE (focus))
    trellis_entity_pane_focus_add (TRELLIS_ENTITY_PANE (focus));
}

/**
 * trellis_window_show_entity:
 * @self: a #TrellisWindow
 * @entity: an entity of the document shown
 *
 * Shows the section that lists @entity (and its page, in a section of
 * two), selects it and puts the focus in its editor: where a link of the
 * line of sight leads.
 */
void
trellis_window_show_entity (TrellisWindow *self,
                            TrellisEntity *entity)
{
  TrellisKind kind;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));

  kind = trellis_entity_get_kind (entity);
  /* The organisation is pinned over the values. */
  if (kind == TRELLIS_KIND_ORGANISATION)
    kind = TRELLIS_KIND_VALUE;

  for (guint i = 0; i < self->panes->len; i++)
    {
      TrellisEntityPane *pane = g_ptr_array_index (self->panes, i);
      GtkWidget *child = GTK_WIDGET (pane);

      if (trellis_entity_pane_get_kind (pane) != kind)
        continue;

      /* Up to the section, showing the page of a section's own stack. */
      while (gtk_widget_get_parent (child) != NULL && gtk_widget_get_parent (child) != GTK_WIDGET (self->sections_stack))
        {
          GtkWidget *parent = gtk_widget_get_parent (child);

          if (GTK_IS_STACK (parent))
            gtk_stack_set_visible_child (GTK_STACK (parent), child);
          child = parent;
        }
      gtk_stack_set_visible_child (self->sections_stack, child);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      trellis_entity_pane_open (pane, entity);
      return;
    }
}

/**
 * trellis_window_build_sections:
 * @self: a #TrellisWindow
 *
 * Fills the sidebar from the sections of the window's template and
 * shows the first.
 */
void
trellis_window_build_sections (TrellisWindow *self)
{
  build_sections (self);
  section_changed_cb (self);
}

void
trellis_window_class_add_section_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_row_selected_cb);
}
