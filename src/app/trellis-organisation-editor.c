/* trellis-organisation-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-organisation-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-field-binding.h"
#include "trellis-organisation-editor.h"

/* The organisation: name, vision, mission, and the scale of levels. */

struct _TrellisOrganisationEditor
{
  TrellisEditor  parent_instance;

  GtkButton     *add_level_button;
  GtkTextView   *mission_view;
  AdwEntryRow   *name_row;
  GtkListBox    *scale_list;
  GtkTextView   *vision_view;

  GPtrArray     *shown_scale;
  gint           expanded_value;
  gulong         scale_notify_id;
  TrellisEntity *organisation;
};

G_DEFINE_FINAL_TYPE (TrellisOrganisationEditor, trellis_organisation_editor, TRELLIS_TYPE_EDITOR)

typedef enum
{
  LEVEL_NAME,
  LEVEL_DESCRIPTION,
} LevelPart;

static void rebuild_scale (TrellisOrganisationEditor *self);

static void
show_error (TrellisOrganisationEditor *self,
            const char                *message)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
apply_scale (TrellisOrganisationEditor *self,
             GPtrArray                 *levels)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    {
      g_ptr_array_unref (levels);
      return;
    }

  if (!trellis_document_set_scale (document, levels, &error))
    {
      show_error (self, error->message);
      rebuild_scale (self);
    }
}

static void
level_part_apply_cb (AdwEntryRow   *row,
                     TrellisEditor *editor)
{
  TrellisOrganisationEditor *self = TRELLIS_ORGANISATION_EDITOR (editor);
  TrellisDocument *document = trellis_editor_get_document (editor);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "level-index"));
  LevelPart part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "level-part"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GPtrArray *scale;
  GPtrArray *copy;
  TrellisScaleLevel *level;

  if (document == NULL)
    return;

  scale = trellis_document_get_scale (document);
  if (scale == NULL || index >= scale->len)
    return;

  level = g_ptr_array_index (scale, index);
  if (g_strcmp0 (part == LEVEL_NAME ? level->name : level->description, text) == 0 ||
      (part == LEVEL_DESCRIPTION && level->description == NULL && text[0] == '\0'))
    return;

  copy = trellis_scale_copy (scale);
  level = g_ptr_array_index (copy, index);
  if (part == LEVEL_NAME)
    {
      g_free (level->name);
      level->name = g_strdup (text);
    }
  else
    {
      g_free (level->description);
      level->description = text[0] != '\0' ? g_strdup (text) : NULL;
    }

  self->expanded_value = level->value;
  apply_scale (self, copy);
}

static void
remove_level_cb (GtkButton                 *button,
                 TrellisOrganisationEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "level-index"));
  GPtrArray *scale;
  GPtrArray *copy;

  if (document == NULL)
    return;

  scale = trellis_document_get_scale (document);
  if (scale == NULL || scale->len <= 1 || index >= scale->len)
    return;

  copy = trellis_scale_copy (scale);
  g_ptr_array_remove_index (copy, index);
  apply_scale (self, copy);
}

static void
add_level_cb (TrellisOrganisationEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  GPtrArray *scale;
  GPtrArray *copy;
  gint value;

  g_assert (TRELLIS_IS_ORGANISATION_EDITOR (self));

  if (document == NULL)
    return;

  scale = trellis_document_get_scale (document);
  value = scale != NULL && scale->len > 0 ? trellis_document_get_scale_max (document) + 1 : 0;
  if (value > TRELLIS_LEVEL_MAX)
    {
      /* Translators: %d is the highest level a scale can have. */
      g_autofree char *message = g_strdup_printf (_("A scale goes up to level %d at most."), TRELLIS_LEVEL_MAX);

      show_error (self, message);
      return;
    }

  copy = scale != NULL ? trellis_scale_copy (scale) : trellis_scale_levels_new ();
  g_ptr_array_add (copy, trellis_scale_level_new (value, _("New level"), NULL));
  self->expanded_value = value;
  apply_scale (self, copy);
}

static GtkWidget *
make_part_row (TrellisOrganisationEditor *self,
               const char                *title,
               const char                *text,
               guint                      index,
               LevelPart                  part)
{
  GtkWidget *row = trellis_editor_entry_row_new (TRELLIS_EDITOR (self), title, text, level_part_apply_cb);

  g_object_set_data (G_OBJECT (row), "level-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (row), "level-part", GUINT_TO_POINTER (part));

  return row;
}

static gboolean
same_scale (GPtrArray *a,
            GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const TrellisScaleLevel *la = g_ptr_array_index (a, i);
      const TrellisScaleLevel *lb = g_ptr_array_index (b, i);

      if (la->value != lb->value || g_strcmp0 (la->name, lb->name) != 0 ||
          g_strcmp0 (la->description, lb->description) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
rebuild_scale (TrellisOrganisationEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  GPtrArray *scale = document != NULL && self->organisation != NULL ? trellis_document_get_scale (document) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->scale_list))) != NULL)
    gtk_list_box_remove (self->scale_list, child);

  g_clear_pointer (&self->shown_scale, g_ptr_array_unref);
  if (scale == NULL)
    return;
  self->shown_scale = g_ptr_array_ref (scale);

  for (guint i = 0; i < scale->len; i++)
    {
      const TrellisScaleLevel *level = g_ptr_array_index (scale, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Level"));
      g_autofree char *title = NULL;

      /* Translators: a level of the scale: its number and name, e.g. “3 · Proficient”. */
      title = g_strdup_printf (_("%d · %s"), level->value, level->name != NULL ? level->name : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     level->description != NULL ? level->description : "");

      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_part_row (self, _("Name"), level->name, i, LEVEL_NAME));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_part_row (self, _("What this level means"), level->description, i, LEVEL_DESCRIPTION));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row),
                                     _("Levels still used by a requirement or an assessment cannot be removed."));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (remove_row), FALSE);
      gtk_widget_add_css_class (remove_row, "dim-label");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "destructive-action");
      gtk_widget_set_sensitive (remove, scale->len > 1);
      g_object_set_data (G_OBJECT (remove), "level-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_level_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);

      if (level->value == self->expanded_value)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

      trellis_accessible_tidy (expander);
      gtk_list_box_append (self->scale_list, expander);
    }
}

static void
scale_notify_cb (TrellisOrganisationEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));

  if (document == NULL || same_scale (self->shown_scale, trellis_document_get_scale (document)))
    return;

  rebuild_scale (self);
}

static void
trellis_organisation_editor_bind (TrellisEditor   *editor,
                                  TrellisDocument *document,
                                  TrellisEntity   *entity)
{
  TrellisOrganisationEditor *self = TRELLIS_ORGANISATION_EDITOR (editor);

  if (self->organisation != NULL)
    g_clear_signal_handler (&self->scale_notify_id, self->organisation);
  g_set_object (&self->organisation, entity);
  if (entity != NULL)
    self->scale_notify_id = g_signal_connect_object (entity, "notify::scale",
                                                     G_CALLBACK (scale_notify_cb), self,
                                                     G_CONNECT_SWAPPED);

  self->expanded_value = TRELLIS_LEVEL_NONE;
  rebuild_scale (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_level_button), entity != NULL);
}

static void
trellis_organisation_editor_dispose (GObject *object)
{
  TrellisOrganisationEditor *self = TRELLIS_ORGANISATION_EDITOR (object);

  if (self->organisation != NULL)
    g_clear_signal_handler (&self->scale_notify_id, self->organisation);
  g_clear_object (&self->organisation);
  g_clear_pointer (&self->shown_scale, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_ORGANISATION_EDITOR);

  G_OBJECT_CLASS (trellis_organisation_editor_parent_class)->dispose (object);
}

static void
trellis_organisation_editor_class_init (TrellisOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_organisation_editor_dispose;
  editor_class->bind = trellis_organisation_editor_bind;
  editor_class->kind = TRELLIS_KIND_ORGANISATION;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisOrganisationEditor, add_level_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisOrganisationEditor, mission_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisOrganisationEditor, scale_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisOrganisationEditor, vision_view);
  gtk_widget_class_bind_template_callback (widget_class, add_level_cb);
}

static void
trellis_organisation_editor_init (TrellisOrganisationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded_value = TRELLIS_LEVEL_NONE;

  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->vision_view),
                             TRELLIS_FIELD_VISION, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->mission_view),
                             TRELLIS_FIELD_MISSION, TRELLIS_BINDING_TEXT);
}
