/* trellis-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-welcome-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "trellis-accessible.h"
#include "trellis-draft.h"
#include "trellis-welcome-page.h"

/* What a window shows before a matrix is open: start a new one, empty or
 * from an example, open one, reopen a recent one, or recover work that
 * a crash left unsaved. */

#define MAX_RECENT 8

struct _TrellisWelcomePage
{
  GtkWidget      parent_instance;

  GtkWidget     *drafts_group;
  GtkListBox    *drafts_list;
  GtkMenuButton *example_button;
  GMenu         *examples_menu;
  GtkWidget     *recent_group;
  GtkListBox    *recent_list;

  GListModel    *drafts;
};

G_DEFINE_FINAL_TYPE (TrellisWelcomePage, trellis_welcome_page, GTK_TYPE_WIDGET)

static const struct {
  const char *name;
  const char *label;
} example_labels[] = {
  { "customer-service.trellis", N_("Customer Service Team (English)") },
  { "klantenservice.trellis", N_("Customer Service Team (Dutch)") },
  { "kundenservice.trellis", N_("Customer Service Team (German)") },
};

/**
 * trellis_examples_list:
 *
 * Returns: (transfer full) (element-type utf8): the names of the example
 *   matrices in the resources, sorted
 */
GPtrArray *
trellis_examples_list (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) children = g_resources_enumerate_children (RESOURCE_PATH "/examples/",
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      if (g_str_has_suffix (children[i], ".trellis"))
        g_ptr_array_add (names, g_strdup (children[i]));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  return names;
}

static char *
dup_example_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (example_labels); i++)
    {
      if (g_strcmp0 (example_labels[i].name, name) == 0)
        return g_strdup (_(example_labels[i].label));
    }

  return g_strndup (name, strlen (name) - strlen (".trellis"));
}

static void
fill_examples (TrellisWelcomePage *self)
{
  g_autoptr(GPtrArray) names = trellis_examples_list ();

  g_menu_remove_all (self->examples_menu);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *label = dup_example_label (name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.new-from-example", "s", name);
      g_menu_append_item (self->examples_menu, item);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->example_button), names->len > 0);
}

static char *
dup_folder_label (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_strconcat ("~/", relative, NULL);

  return g_file_get_parse_name (parent);
}

static gint
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static void
fill_recent (TrellisWelcomePage *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GtkWidget *child;
  guint shown = 0;

  for (GList *l = items; l != NULL; l = l->next)
    g_ptr_array_add (infos, l->data);
  g_list_free (items);
  g_ptr_array_sort (infos, compare_recent);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; i < infos->len && shown < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".trellis") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      basename = g_file_get_basename (file);
      folder = dup_folder_label (file);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  gtk_widget_set_visible (self->recent_group, shown > 0);
}

static void
recent_activated_cb (TrellisWelcomePage *self,
                     GtkListBoxRow      *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");

  if (uri != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", uri);
}

static GtkWidget *
create_draft_row_cb (gpointer item,
                     gpointer user_data)
{
  TrellisDraft *draft = item;
  GFile *file = trellis_draft_get_document_file (draft);
  GDateTime *written = trellis_draft_get_written (draft);
  /* Translators: when unsaved changes were written, in g_date_time_format() notation. */
  g_autofree char *when = written != NULL ? g_date_time_format (written, _("%-d %B %Y, %H:%M")) : NULL;
  g_autofree char *shown_title = trellis_draft_dup_display_name (draft);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
  GtkWidget *discard = gtk_button_new_with_mnemonic (_("_Discard"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (file != NULL)
    {
      g_autofree char *folder = dup_folder_label (file);

      /* Translators: the first %s is when unsaved changes were last written, the second a folder. */
      subtitle = g_strdup_printf (_("Changes from %s, in %s"), when != NULL ? when : "", folder);
    }
  else
    /* Translators: %s is when unsaved changes of a matrix that was never saved were last written. */
    subtitle = g_strdup_printf (_("Never saved; changes from %s"), when != NULL ? when : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "win.restore-draft");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", trellis_draft_get_uuid (draft));
  gtk_widget_add_css_class (restore, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-draft");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", trellis_draft_get_uuid (draft));
  gtk_widget_add_css_class (discard, "flat");

  /* Restoring is what one key must do: it comes first, and takes the
   * focus when the page is shown (discarding asks first). */
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), restore);
  gtk_box_append (GTK_BOX (box), discard);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  trellis_accessible_tidy (row);
  /* Which changes the buttons of this row restore or discard. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown_title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown_title, -1);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (trellis_draft_get_uuid (draft)), g_free);
  g_object_set_data (G_OBJECT (row), "restore", restore);

  return row;
}

/* The newest unsaved work is what a start after a crash is for: its
 * Restore button takes the focus, so that Enter restores it. */
static void
focus_first_restore (TrellisWelcomePage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->drafts_list, 0);
  GtkWidget *restore = row != NULL ? g_object_get_data (G_OBJECT (row), "restore") : NULL;

  if (restore != NULL && gtk_widget_get_mapped (restore))
    gtk_widget_grab_focus (restore);
}

static void
trellis_welcome_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (trellis_welcome_page_parent_class)->map (widget);

  focus_first_restore (TRELLIS_WELCOME_PAGE (widget));
}

static void
drafts_changed_cb (TrellisWelcomePage *self)
{
  gtk_widget_set_visible (self->drafts_group,
                          self->drafts != NULL && g_list_model_get_n_items (self->drafts) > 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_first_restore (self);
}

static void
recent_changed_cb (TrellisWelcomePage *self)
{
  fill_recent (self);
}

static void
trellis_welcome_page_dispose (GObject *object)
{
  TrellisWelcomePage *self = TRELLIS_WELCOME_PAGE (object);
  GtkWidget *child;

  trellis_welcome_page_set_drafts (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_WELCOME_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_welcome_page_parent_class)->dispose (object);
}

static void
trellis_welcome_page_class_init (TrellisWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_welcome_page_dispose;
  widget_class->map = trellis_welcome_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWelcomePage, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisWelcomePage, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisWelcomePage, example_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisWelcomePage, examples_menu);
  gtk_widget_class_bind_template_child (widget_class, TrellisWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisWelcomePage, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "welcomepage");
}

static void
trellis_welcome_page_init (TrellisWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);

  fill_examples (self);
  fill_recent (self);
  drafts_changed_cb (self);
}

/**
 * trellis_welcome_page_set_drafts:
 * @self: a #TrellisWelcomePage
 * @drafts: (nullable): the drafts earlier sessions left, a list of
 *   #TrellisDraft
 */
void
trellis_welcome_page_set_drafts (TrellisWelcomePage *self,
                                 GListModel         *drafts)
{
  g_return_if_fail (TRELLIS_IS_WELCOME_PAGE (self));

  if (self->drafts == drafts)
    return;

  if (self->drafts != NULL)
    g_signal_handlers_disconnect_by_func (self->drafts, drafts_changed_cb, self);

  g_set_object (&self->drafts, drafts);

  if (self->drafts_list != NULL)
    gtk_list_box_bind_model (self->drafts_list, drafts, drafts != NULL ? create_draft_row_cb : NULL, self, NULL);

  if (drafts != NULL)
    g_signal_connect_object (drafts, "items-changed", G_CALLBACK (drafts_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  if (self->drafts_group != NULL)
    drafts_changed_cb (self);
}

/**
 * trellis_welcome_page_reload:
 * @self: a #TrellisWelcomePage
 *
 * Reads the recent matrices again.
 */
void
trellis_welcome_page_reload (TrellisWelcomePage *self)
{
  g_return_if_fail (TRELLIS_IS_WELCOME_PAGE (self));

  fill_recent (self);
}

/**
 * trellis_welcome_page_get_drafts_list:
 *
 * Returns: (transfer none): the list of recoverable drafts
 */
GtkWidget *
trellis_welcome_page_get_drafts_list (TrellisWelcomePage *self)
{
  g_return_val_if_fail (TRELLIS_IS_WELCOME_PAGE (self), NULL);

  return GTK_WIDGET (self->drafts_list);
}
