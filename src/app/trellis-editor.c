/* trellis-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-editor.h"
#include "trellis-field-binding.h"
#include "trellis-sight-links.h"

typedef struct
{
  TrellisDocument *document;
  TrellisEntity   *entity;
  GPtrArray       *bindings;
  GtkWidget       *first_field;
  GtkWidget       *sight;           /* the line of sight, under every editor */
  gulong           changed_id;
} TrellisEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TrellisEditor, trellis_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ENTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_lines (TrellisEditor *self)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);

  if (priv->document != NULL && priv->entity != NULL &&
      TRELLIS_EDITOR_GET_CLASS (self)->update_lines != NULL)
    TRELLIS_EDITOR_GET_CLASS (self)->update_lines (self, priv->document,
                                                   trellis_entity_get_id (priv->entity));
}

static void
document_changed_cb (TrellisEditor       *self,
                     const TrellisChange *change)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);

  g_assert (TRELLIS_IS_EDITOR (self));

  /* The entity shown was deleted (or its insertion undone): show nothing
   * rather than edit an entity that is no longer in the document. */
  if (change->kind == TRELLIS_CHANGE_REMOVED && change->entity == priv->entity)
    {
      trellis_editor_set_target (self, priv->document, NULL);
      return;
    }

  if (TRELLIS_EDITOR_GET_CLASS (self)->document_changed != NULL)
    TRELLIS_EDITOR_GET_CLASS (self)->document_changed (self, change);

  /* No line of sight goes through an assessment. */
  if (change->kind != TRELLIS_CHANGE_ASSESSMENTS)
    update_lines (self);
}

static void
trellis_editor_dispose (GObject *object)
{
  TrellisEditor *self = TRELLIS_EDITOR (object);
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);
  GtkWidget *child;

  if (priv->bindings != NULL)
    {
      for (guint i = 0; i < priv->bindings->len; i++)
        trellis_field_binding_set_target (g_ptr_array_index (priv->bindings, i), NULL, NULL);
      g_clear_pointer (&priv->bindings, g_ptr_array_unref);
    }

  if (priv->document != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->document);
  g_clear_object (&priv->document);
  g_clear_object (&priv->entity);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_editor_parent_class)->dispose (object);
}

static void
trellis_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisEditor *self = TRELLIS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, trellis_editor_get_document (self));
      break;

    case PROP_ENTITY:
      g_value_set_object (value, trellis_editor_get_entity (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Every editor ends with the line of sight through what it shows: after
 * the fields of its template, in the same column. */
static void
trellis_editor_constructed (GObject *object)
{
  TrellisEditor *self = TRELLIS_EDITOR (object);
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);
  GtkWidget *column = gtk_widget_get_first_child (GTK_WIDGET (self));

  G_OBJECT_CLASS (trellis_editor_parent_class)->constructed (object);

  if (GTK_IS_BOX (column))
    {
      priv->sight = trellis_sight_links_new ();
      gtk_box_append (GTK_BOX (column), priv->sight);
    }
}

static void
trellis_editor_class_init (TrellisEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trellis_editor_constructed;
  object_class->dispose = trellis_editor_dispose;
  object_class->get_property = trellis_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TRELLIS_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENTITY] =
    g_param_spec_object ("entity", NULL, NULL, TRELLIS_TYPE_ENTITY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
trellis_editor_init (TrellisEditor *self)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);

  priv->bindings = g_ptr_array_new_with_free_func (g_object_unref);
}

TrellisKind
trellis_editor_get_kind (TrellisEditor *self)
{
  g_return_val_if_fail (TRELLIS_IS_EDITOR (self), TRELLIS_KIND_ORGANISATION);

  return TRELLIS_EDITOR_GET_CLASS (self)->kind;
}

TrellisDocument *
trellis_editor_get_document (TrellisEditor *self)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_EDITOR (self), NULL);

  return priv->document;
}

TrellisEntity *
trellis_editor_get_entity (TrellisEditor *self)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_EDITOR (self), NULL);

  return priv->entity;
}

/**
 * trellis_editor_set_target:
 * @self: a #TrellisEditor
 * @document: (nullable): the document
 * @entity: (nullable): the entity to edit
 */
void
trellis_editor_set_target (TrellisEditor   *self,
                           TrellisDocument *document,
                           TrellisEntity   *entity)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);
  gboolean document_changed;
  gboolean entity_changed;

  g_return_if_fail (TRELLIS_IS_EDITOR (self));
  g_return_if_fail (!document || TRELLIS_IS_DOCUMENT (document));
  g_return_if_fail (!entity || TRELLIS_IS_ENTITY (entity));

  if ((priv->document != document || priv->entity != entity) &&
      TRELLIS_EDITOR_GET_CLASS (self)->unbind != NULL)
    TRELLIS_EDITOR_GET_CLASS (self)->unbind (self);

  if (priv->document != document && priv->document != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->document);

  /* Hold the new ones before the bindings let go of the old ones. */
  document_changed = g_set_object (&priv->document, document);
  entity_changed = g_set_object (&priv->entity, entity);

  if (document_changed && document != NULL)
    priv->changed_id = g_signal_connect_object (document, "changed",
                                                G_CALLBACK (document_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < priv->bindings->len; i++)
    trellis_field_binding_set_target (g_ptr_array_index (priv->bindings, i), document, entity);

  if (TRELLIS_EDITOR_GET_CLASS (self)->bind != NULL)
    TRELLIS_EDITOR_GET_CLASS (self)->bind (self, document, entity);
  update_lines (self);
  if (priv->sight != NULL)
    trellis_sight_links_set_target (TRELLIS_SIGHT_LINKS (priv->sight), document, entity);

  if (document_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  if (entity_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
}

/**
 * trellis_editor_bind_field:
 * @self: a #TrellisEditor
 * @widget: a widget of the editor
 * @field: the field @widget edits
 * @kind: how it edits it
 *
 * Lets @widget edit @field of whichever entity the editor shows. The
 * first widget bound gets the focus when the editor is entered.
 */
void
trellis_editor_bind_field (TrellisEditor      *self,
                           GtkWidget          *widget,
                           TrellisField        field,
                           TrellisBindingKind  kind)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);
  TrellisFieldBinding *binding;

  g_return_if_fail (TRELLIS_IS_EDITOR (self));

  binding = trellis_field_binding_new (widget, field, kind);
  g_ptr_array_add (priv->bindings, binding);
  trellis_field_binding_set_target (binding, priv->document, priv->entity);

  if (priv->first_field == NULL)
    priv->first_field = widget;
}

/**
 * trellis_editor_bind_reference:
 * @self: a #TrellisEditor
 * @widget: a GtkDropDown or AdwComboRow
 * @field: a field holding the id of another entity
 * @kind: the kind of that entity
 * @none_label: (nullable): the label of "none", when none is allowed
 *
 * Returns: (transfer none): the binding
 */
TrellisFieldBinding *
trellis_editor_bind_reference (TrellisEditor *self,
                               GtkWidget     *widget,
                               TrellisField   field,
                               TrellisKind    kind,
                               const char    *none_label)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);
  TrellisFieldBinding *binding;

  g_return_val_if_fail (TRELLIS_IS_EDITOR (self), NULL);

  binding = trellis_field_binding_new (widget, field, TRELLIS_BINDING_REFERENCE);
  g_ptr_array_add (priv->bindings, binding);
  trellis_field_binding_set_reference_kind (binding, kind, none_label);
  trellis_field_binding_set_target (binding, priv->document, priv->entity);

  if (priv->first_field == NULL)
    priv->first_field = widget;

  return binding;
}

/**
 * trellis_editor_focus_first:
 * @self: a #TrellisEditor
 *
 * Moves the keyboard focus to the first field.
 */
void
trellis_editor_focus_first (TrellisEditor *self)
{
  TrellisEditorPrivate *priv = trellis_editor_get_instance_private (self);

  g_return_if_fail (TRELLIS_IS_EDITOR (self));

  if (priv->first_field != NULL)
    gtk_widget_grab_focus (priv->first_field);
}

/**
 * trellis_editor_set_line:
 * @self: a #TrellisEditor
 * @row: a row of the line of sight
 * @labels: (transfer full) (nullable): what refers to the entity, or
 *   %NULL for nothing
 *
 * Shows @labels as the subtitle of @row, or that there is nothing yet.
 */
void
trellis_editor_set_line (TrellisEditor *self,
                         AdwActionRow  *row,
                         char          *labels)
{
  g_autofree char *owned = labels;

  g_return_if_fail (TRELLIS_IS_EDITOR (self));
  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  adw_action_row_set_subtitle (row, owned != NULL ? owned : _("None yet"));
}

static void
entry_row_leave_cb (GtkEventControllerFocus *controller,
                    TrellisEditor           *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  TrellisEntryCommitFunc commit = (TrellisEntryCommitFunc) g_object_get_data (G_OBJECT (row), "commit");

  g_assert (TRELLIS_IS_EDITOR (self));

  commit (ADW_ENTRY_ROW (row), self);
}

/**
 * trellis_editor_entry_row_new:
 * @self: a #TrellisEditor
 * @title: the title of the row
 * @text: (nullable): the text it starts with
 * @commit: commits what was typed
 *
 * Makes an entry row for a part of a list that the editor builds itself,
 * such as a level of the scale: @commit runs on Enter and when the focus
 * leaves the row, and Ctrl+Z is left to the document's undo.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
trellis_editor_entry_row_new (TrellisEditor          *self,
                              const char             *title,
                              const char             *text,
                              TrellisEntryCommitFunc  commit)
{
  GtkWidget *row;
  GtkEventController *focus;

  g_return_val_if_fail (TRELLIS_IS_EDITOR (self), NULL);
  g_return_val_if_fail (commit != NULL, NULL);

  row = adw_entry_row_new ();
  focus = gtk_event_controller_focus_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  g_object_set_data (G_OBJECT (row), "commit", (gpointer) commit);
  g_signal_connect (row, "entry-activated", G_CALLBACK (commit), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_row_leave_cb), self);
  gtk_widget_add_controller (row, focus);
  trellis_accessible_tidy (row);

  return row;
}
