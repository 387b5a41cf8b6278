/* trellis-string-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-string-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-pending-edits.h"
#include "trellis-string-list.h"
#include "trellis-widget-util.h"

/* A boxed list editing a field that holds a list of texts, such as the
 * behaviours of a value: one entry row per text, Enter in the last row
 * adds the next, emptying a row removes it, Alt+Up and Alt+Down (or the
 * arrow button) move a row. */

struct _TrellisStringList
{
  GtkWidget        parent_instance;

  GtkListBox      *list_box;
  GtkWidget       *add_row;
  GPtrArray       *rows;

  char            *add_title;
  TrellisField     field;
  TrellisDocument *document;
  TrellisEntity   *entity;
  gulong           notify_id;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (TrellisStringList, trellis_string_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIELD,
  PROP_ADD_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (TrellisStringList *self,
                     gboolean           focus_add);

static char **
dup_row_texts (TrellisStringList *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const char *text = gtk_editable_get_text (g_ptr_array_index (self->rows, i));
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] != '\0')
        g_strv_builder_add (builder, stripped);
    }

  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return strv;
}

static gboolean
rows_show (TrellisStringList  *self,
           const char * const *strv)
{
  guint n = strv != NULL ? g_strv_length ((char **) strv) : 0;

  if (n != self->rows->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (gtk_editable_get_text (g_ptr_array_index (self->rows, i)), strv[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_string_list_flush:
 * @self: a #TrellisStringList
 *
 * Commits what was typed in the rows.
 */
void
trellis_string_list_flush (TrellisStringList *self)
{
  g_auto(GStrv) texts = NULL;
  const char * const *current;

  g_return_if_fail (TRELLIS_IS_STRING_LIST (self));

  trellis_pending_edit_remove (self);

  if (self->document == NULL || self->entity == NULL)
    return;

  texts = dup_row_texts (self);
  current = trellis_entity_get_strv (self->entity, self->field);
  if ((current == NULL || current[0] == NULL) && texts[0] == NULL)
    return;
  if (current != NULL && g_strv_equal (current, (const char * const *) texts))
    return;

  trellis_document_set_strv (self->document, self->entity, self->field, (const char * const *) texts);
}

static void
flush_pending (gpointer owner)
{
  trellis_string_list_flush (owner);
}

static void
row_changed_cb (TrellisStringList *self)
{
  if (self->updating)
    return;

  trellis_pending_edit_add (GTK_WIDGET (self), self, flush_pending, TRELLIS_PENDING_EDIT_PAUSE_MS, 0);
}

static void
row_commit_cb (TrellisStringList *self)
{
  trellis_string_list_flush (self);
}

static void
remove_clicked_cb (GtkButton         *button,
                   TrellisStringList *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "row");

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  self->updating = FALSE;
  trellis_string_list_flush (self);
}

static void
add_activated_cb (TrellisStringList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_auto(GStrv) texts = NULL;
  GStrvBuilder *builder;

  if (stripped[0] == '\0' || self->entity == NULL || self->document == NULL)
    return;

  trellis_string_list_flush (self);

  /* The first text: there are none before it. */
  builder = g_strv_builder_new ();
  if (trellis_entity_get_strv (self->entity, self->field) != NULL)
    g_strv_builder_addv (builder, (const char **) trellis_entity_get_strv (self->entity, self->field));
  g_strv_builder_add (builder, stripped);
  texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  trellis_document_set_strv (self->document, self->entity, self->field, (const char * const *) texts);
  rebuild (self, TRUE);
}

/* Moves the text of @row by @delta places, as one undoable edit, and
 * keeps the focus on it. */
static void
move_row (TrellisStringList *self,
          GtkWidget         *row,
          int                delta)
{
  g_auto(GStrv) texts = NULL;
  guint index;
  guint position = 0;
  guint n;
  int target;
  char *swap;

  if (self->document == NULL || self->entity == NULL ||
      !g_ptr_array_find (self->rows, row, &index))
    return;

  /* Rows left empty are dropped when committed: count the others. */
  for (guint i = 0; i < index; i++)
    {
      g_autofree char *text = g_strdup (gtk_editable_get_text (g_ptr_array_index (self->rows, i)));

      if (g_strstrip (text)[0] != '\0')
        position++;
    }

  trellis_string_list_flush (self);

  texts = g_strdupv ((char **) trellis_entity_get_strv (self->entity, self->field));
  n = texts != NULL ? g_strv_length (texts) : 0;
  target = (int) position + delta;
  if (position >= n || target < 0 || target >= (int) n)
    return;

  swap = texts[position];
  texts[position] = texts[target];
  texts[target] = swap;
  trellis_document_set_strv (self->document, self->entity, self->field, (const char * const *) texts);

  if (!rows_show (self, (const char * const *) texts))
    rebuild (self, FALSE);
  if ((guint) target < self->rows->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->rows, target));
}

static void
move_up_clicked_cb (GtkButton         *button,
                    TrellisStringList *self)
{
  move_row (self, g_object_get_data (G_OBJECT (button), "row"), -1);
}

static gboolean
move_shortcut_cb (GtkWidget *row,
                  GVariant  *args,
                  gpointer   user_data)
{
  move_row (TRELLIS_STRING_LIST (user_data), row, g_variant_get_int32 (args));

  return TRUE;
}

static GtkWidget *
make_row (TrellisStringList *self,
          const char        *text,
          guint              index)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *up = gtk_button_new_from_icon_name ("go-up-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut;
  g_autofree char *title = NULL;

  title = g_strdup_printf ("%u", index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);

  gtk_widget_set_valign (up, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (up, "flat");
  trellis_widget_set_new_tooltip (up, _("Move Up (Alt+↑)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (up),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move up"),
                                  -1);
  gtk_widget_set_sensitive (up, index > 0);
  g_object_set_data (G_OBJECT (up), "row", row);
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), up);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  trellis_widget_set_new_tooltip (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"),
                                  -1);
  g_object_set_data (G_OBJECT (remove), "row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (row_commit_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (row_commit_cb), self);
  gtk_widget_add_controller (row, focus);

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                               gtk_callback_action_new (move_shortcut_cb, self, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (-1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                               gtk_callback_action_new (move_shortcut_cb, self, NULL));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_widget_add_controller (row, keys);
  trellis_accessible_tidy (row);

  return row;
}

static void
rebuild (TrellisStringList *self,
         gboolean           focus_add)
{
  const char * const *strv = self->entity != NULL ? trellis_entity_get_strv (self->entity, self->field) : NULL;
  GtkWidget *child;

  self->updating = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      GtkWidget *row = make_row (self, strv[i], i);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list_box, row);
    }

  self->add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row),
                                 self->add_title != NULL ? self->add_title : _("Add"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->add_row), FALSE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (self->add_row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  g_signal_connect_swapped (self->add_row, "entry-activated", G_CALLBACK (add_activated_cb), self);
  trellis_accessible_tidy (self->add_row);
  gtk_list_box_append (self->list_box, self->add_row);

  self->updating = FALSE;

  if (focus_add)
    gtk_widget_grab_focus (self->add_row);
}

static void
entity_notify_cb (TrellisStringList *self)
{
  if (self->entity != NULL && rows_show (self, trellis_entity_get_strv (self->entity, self->field)))
    return;

  trellis_pending_edit_remove (self);
  rebuild (self, FALSE);
}

static void
trellis_string_list_dispose (GObject *object)
{
  TrellisStringList *self = TRELLIS_STRING_LIST (object);

  trellis_pending_edit_remove (self);
  if (self->entity != NULL)
    g_clear_signal_handler (&self->notify_id, self->entity);
  g_clear_object (&self->entity);
  g_clear_object (&self->document);
  if (self->list_box != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list_box));
      self->list_box = NULL;
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_string_list_parent_class)->dispose (object);
}

static void
trellis_string_list_finalize (GObject *object)
{
  TrellisStringList *self = TRELLIS_STRING_LIST (object);

  g_free (self->add_title);

  G_OBJECT_CLASS (trellis_string_list_parent_class)->finalize (object);
}

static void
trellis_string_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisStringList *self = TRELLIS_STRING_LIST (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, trellis_field_get_name (self->field));
      break;

    case PROP_ADD_TITLE:
      g_value_set_string (value, self->add_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_string_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisStringList *self = TRELLIS_STRING_LIST (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = trellis_field_from_name (g_value_get_string (value));
      break;

    case PROP_ADD_TITLE:
      g_free (self->add_title);
      self->add_title = g_value_dup_string (value);
      if (self->add_row != NULL)
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), self->add_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_string_list_class_init (TrellisStringListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_string_list_dispose;
  object_class->finalize = trellis_string_list_finalize;
  object_class->get_property = trellis_string_list_get_property;
  object_class->set_property = trellis_string_list_set_property;

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, "behaviours",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ADD_TITLE] =
    g_param_spec_string ("add-title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stringlist");
}

static void
trellis_string_list_init (TrellisStringList *self)
{
  self->rows = g_ptr_array_new ();
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
  /* The list is named by the accessible label given to the widget. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);
}

/**
 * trellis_string_list_set_target:
 * @self: a #TrellisStringList
 * @document: (nullable): the document
 * @entity: (nullable): the entity whose field the rows edit
 */
void
trellis_string_list_set_target (TrellisStringList *self,
                                TrellisDocument   *document,
                                TrellisEntity     *entity)
{
  g_return_if_fail (TRELLIS_IS_STRING_LIST (self));

  trellis_string_list_flush (self);

  if (self->entity != NULL)
    g_clear_signal_handler (&self->notify_id, self->entity);

  g_set_object (&self->document, document);
  g_set_object (&self->entity, entity);

  if (entity != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", trellis_field_get_name (self->field), NULL);

      self->notify_id = g_signal_connect_object (entity, signal, G_CALLBACK (entity_notify_cb),
                                                 self, G_CONNECT_SWAPPED);
    }

  if (self->list_box != NULL)
    {
      rebuild (self, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self), entity != NULL);
    }
}
