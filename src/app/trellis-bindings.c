/* trellis-bindings.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-bindings"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "trellis-bindings.h"
#include "trellis-date-button.h"

/* A field binding lets one widget edit one field of the entity an editor
 * shows, through the document API only. Text is committed when the
 * person pauses typing, presses Enter or leaves the field, and at the
 * latest a second after the first keystroke, so that the recovery draft
 * never lags far behind what is on screen. Each commit is one undo
 * step. When the field changes from elsewhere (undo, another view), the
 * widget follows unless an edit of its own is still pending. */

#define COMMIT_PAUSE_MS 400
#define COMMIT_MAX_MS   1000

/* How long a widget with an edit of its own (a list of texts, the
 * levels of a competency) waits for more typing before committing. */
#define PENDING_EDIT_DELAY_MS 800

struct _TrellisFieldBinding
{
  GObject             parent_instance;

  GtkWidget          *widget;          /* weak */
  TrellisField        field;
  TrellisBindingKind  kind;

  TrellisDocument    *document;
  TrellisEntity      *entity;
  gulong              notify_id;

  /* References: the entities to pick from. */
  GListModel         *source;
  GListModel         *choices;
  char               *none_label;
  TrellisKind         reference_kind;

  guint               pause_source;
  guint               max_source;
  guint               pending : 1;
  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (TrellisFieldBinding, trellis_field_binding, G_TYPE_OBJECT)

typedef struct
{
  gpointer         owner;
  TrellisFlushFunc flush;
  guint            source;
} PendingEdit;

/* Bindings holding text that is not yet in the document, and other
 * widgets with edits waiting to be committed (owner → PendingEdit). */
static GHashTable *pending_bindings;
static GHashTable *pending_edits;

static void update_widget (TrellisFieldBinding *self);

static GtkTextBuffer *
get_text_buffer (TrellisFieldBinding *self)
{
  if (GTK_IS_TEXT_VIEW (self->widget))
    return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget));
  return NULL;
}

static char *
dup_widget_text (TrellisFieldBinding *self)
{
  GtkTextBuffer *buffer = get_text_buffer (self);

  if (buffer != NULL)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->widget)));
}

static void
set_widget_text (TrellisFieldBinding *self,
                 const char          *text)
{
  GtkTextBuffer *buffer = get_text_buffer (self);
  g_autofree char *current = dup_widget_text (self);

  if (g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;

  self->updating = TRUE;
  if (buffer != NULL)
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->widget), text != NULL ? text : "");
  self->updating = FALSE;
}

static gboolean
parse_number (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (copy[0] == '\0')
    {
      *out = NAN;
      return TRUE;
    }

  /* People type the decimal separator of their language. */
  g_strdelimit (copy, ",", '.');
  *out = g_ascii_strtod (copy, &end);

  return end != copy && *end == '\0' && isfinite (*out);
}

static void
clear_pending (TrellisFieldBinding *self)
{
  g_clear_handle_id (&self->pause_source, g_source_remove);
  g_clear_handle_id (&self->max_source, g_source_remove);
  self->pending = FALSE;
  if (pending_bindings != NULL)
    g_hash_table_remove (pending_bindings, self);
}

/**
 * trellis_field_binding_flush:
 * @self: a #TrellisFieldBinding
 *
 * Commits text typed but not yet in the document.
 *
 * Returns: %TRUE if something was committed
 */
gboolean
trellis_field_binding_flush (TrellisFieldBinding *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (TRELLIS_IS_FIELD_BINDING (self), FALSE);

  if (!self->pending)
    return FALSE;

  clear_pending (self);

  if (self->document == NULL || self->entity == NULL || self->widget == NULL)
    return FALSE;

  text = dup_widget_text (self);

  if (self->kind == TRELLIS_BINDING_NUMBER)
    {
      double value;

      if (!parse_number (text, &value))
        {
          gtk_widget_add_css_class (self->widget, "error");
          return FALSE;
        }

      gtk_widget_remove_css_class (self->widget, "error");
      trellis_document_set_double (self->document, self->entity, self->field, value);
      return TRUE;
    }

  /* A name stays an (empty) string, so that the file keeps its
   * attribute; other text fields are simply absent when empty. */
  if (text[0] == '\0' && self->field != TRELLIS_FIELD_NAME)
    g_clear_pointer (&text, g_free);

  trellis_document_set_string (self->document, self->entity, self->field, text);

  return TRUE;
}

/**
 * trellis_field_bindings_flush_all:
 *
 * Commits every pending edit, before undo, saving, or writing a draft.
 */
void
trellis_field_bindings_flush_all (void)
{
  g_autoptr(GPtrArray) bindings = NULL;

  while (pending_edits != NULL && g_hash_table_size (pending_edits) > 0)
    {
      GHashTableIter iter;
      gpointer owner;
      gpointer value;
      TrellisFlushFunc flush;

      g_hash_table_iter_init (&iter, pending_edits);
      g_hash_table_iter_next (&iter, &owner, &value);
      flush = ((PendingEdit *) value)->flush;
      g_hash_table_iter_remove (&iter);
      flush (owner);
    }

  if (pending_bindings == NULL || g_hash_table_size (pending_bindings) == 0)
    return;

  {
    GHashTableIter iter;
    gpointer key;

    bindings = g_ptr_array_new_with_free_func (g_object_unref);
    g_hash_table_iter_init (&iter, pending_bindings);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (bindings, g_object_ref (key));
  }

  for (guint i = 0; i < bindings->len; i++)
    trellis_field_binding_flush (g_ptr_array_index (bindings, i));
}

static void
pending_edit_free (gpointer data)
{
  PendingEdit *edit = data;

  g_clear_handle_id (&edit->source, g_source_remove);
  g_free (edit);
}

static gboolean
pending_edit_timeout_cb (gpointer user_data)
{
  PendingEdit *edit = user_data;
  gpointer owner = edit->owner;
  TrellisFlushFunc flush = edit->flush;

  edit->source = 0;
  g_hash_table_remove (pending_edits, owner);
  flush (owner);

  return G_SOURCE_REMOVE;
}

/**
 * trellis_pending_edit_add:
 * @owner: a widget with an edit not yet committed
 * @flush: commits it
 *
 * Registers an edit that trellis_field_bindings_flush_all() commits,
 * and that @flush commits by itself when no more is typed for a moment.
 * Registering it again restarts that moment.
 */
void
trellis_pending_edit_add (gpointer         owner,
                          TrellisFlushFunc flush)
{
  PendingEdit *edit;

  g_return_if_fail (owner != NULL);
  g_return_if_fail (flush != NULL);

  if (pending_edits == NULL)
    pending_edits = g_hash_table_new_full (NULL, NULL, NULL, pending_edit_free);

  edit = g_new0 (PendingEdit, 1);
  edit->owner = owner;
  edit->flush = flush;
  g_hash_table_insert (pending_edits, owner, edit);
  edit->source = g_timeout_add (PENDING_EDIT_DELAY_MS, pending_edit_timeout_cb, edit);
}

/**
 * trellis_pending_edit_remove:
 * @owner: a widget that registered an edit
 *
 * Forgets the edit of @owner, committed or dropped, and stops its timer.
 */
void
trellis_pending_edit_remove (gpointer owner)
{
  if (pending_edits != NULL)
    g_hash_table_remove (pending_edits, owner);
}

static gboolean
pause_timeout_cb (gpointer user_data)
{
  TrellisFieldBinding *self = user_data;

  self->pause_source = 0;
  trellis_field_binding_flush (self);

  return G_SOURCE_REMOVE;
}

static gboolean
max_timeout_cb (gpointer user_data)
{
  TrellisFieldBinding *self = user_data;

  self->max_source = 0;
  trellis_field_binding_flush (self);

  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (TrellisFieldBinding *self)
{
  g_assert (TRELLIS_IS_FIELD_BINDING (self));

  if (self->updating || self->entity == NULL)
    return;

  if (self->kind == TRELLIS_BINDING_NUMBER)
    {
      g_autofree char *text = dup_widget_text (self);
      double value;

      if (parse_number (text, &value))
        gtk_widget_remove_css_class (self->widget, "error");
      else
        gtk_widget_add_css_class (self->widget, "error");
    }

  self->pending = TRUE;
  if (pending_bindings == NULL)
    pending_bindings = g_hash_table_new (NULL, NULL);
  g_hash_table_add (pending_bindings, self);

  g_clear_handle_id (&self->pause_source, g_source_remove);
  self->pause_source = g_timeout_add (COMMIT_PAUSE_MS, pause_timeout_cb, self);
  if (self->max_source == 0)
    self->max_source = g_timeout_add (COMMIT_MAX_MS, max_timeout_cb, self);
}

static void
focus_leave_cb (TrellisFieldBinding *self)
{
  g_assert (TRELLIS_IS_FIELD_BINDING (self));

  trellis_field_binding_flush (self);
}

static void
activate_cb (TrellisFieldBinding *self)
{
  g_assert (TRELLIS_IS_FIELD_BINDING (self));

  trellis_field_binding_flush (self);
}

static TrellisEntity *
entity_at (TrellisFieldBinding *self,
           guint                position)
{
  if (self->choices == NULL)
    return NULL;

  return trellis_entity_choices_get_entity (self->choices, position);
}

static void
selected_changed_cb (TrellisFieldBinding *self)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  g_assert (TRELLIS_IS_FIELD_BINDING (self));

  if (self->updating || self->entity == NULL || self->document == NULL)
    return;

  g_object_get (self->widget, "selected", &selected, NULL);
  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  if (self->kind == TRELLIS_BINDING_CHOICE)
    {
      trellis_document_set_int (self->document, self->entity, self->field, (gint) selected);
    }
  else
    {
      TrellisEntity *target = entity_at (self, selected);

      trellis_document_set_string (self->document, self->entity, self->field,
                                   target != NULL ? trellis_entity_get_id (target) : NULL);
    }
}

static void
date_changed_cb (TrellisFieldBinding *self)
{
  g_assert (TRELLIS_IS_FIELD_BINDING (self));

  if (self->updating || self->entity == NULL || self->document == NULL)
    return;

  trellis_document_set_uint (self->document, self->entity, self->field,
                             trellis_date_button_get_date (TRELLIS_DATE_BUTTON (self->widget)));
}

/* When entities are added to or removed from the choices, the widget's
 * selection moves with the positions; that is not a choice the person
 * made, and must not be written back. */
static void
choices_changing_cb (TrellisFieldBinding *self)
{
  self->updating = TRUE;
}

static void
choices_changed_cb (TrellisFieldBinding *self)
{
  self->updating = FALSE;

  /* Show the referenced entity where it is now. */
  update_widget (self);
}

static void
update_widget (TrellisFieldBinding *self)
{
  if (self->widget == NULL)
    return;

  gtk_widget_set_sensitive (self->widget, self->entity != NULL);

  switch (self->kind)
    {
    case TRELLIS_BINDING_TEXT:
      if (!self->pending)
        set_widget_text (self, self->entity != NULL ? trellis_entity_get_string (self->entity, self->field) : NULL);
      break;

    case TRELLIS_BINDING_NUMBER:
      if (!self->pending)
        {
          double value = self->entity != NULL ? trellis_entity_get_double (self->entity, self->field) : NAN;
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          g_autofree char *current = dup_widget_text (self);
          double shown;

          /* Leave "80.0" alone when it means 80. */
          if (parse_number (current, &shown) &&
              (shown == value || (isnan (shown) && isnan (value))))
            break;

          if (isnan (value))
            set_widget_text (self, "");
          else
            set_widget_text (self, g_ascii_formatd (buf, sizeof buf, "%g", value));
          gtk_widget_remove_css_class (self->widget, "error");
        }
      break;

    case TRELLIS_BINDING_CHOICE:
      {
        guint value = self->entity != NULL ? (guint) trellis_entity_get_int (self->entity, self->field) : 0;

        self->updating = TRUE;
        g_object_set (self->widget, "selected", value, NULL);
        self->updating = FALSE;
      }
      break;

    case TRELLIS_BINDING_REFERENCE:
      if (self->choices != NULL)
        {
          const char *id = self->entity != NULL ? trellis_entity_get_string (self->entity, self->field) : NULL;
          guint position = trellis_entity_choices_find (self->choices, id);
          guint current = GTK_INVALID_LIST_POSITION;

          g_object_get (self->widget, "selected", &current, NULL);
          if (current != position)
            {
              self->updating = TRUE;
              g_object_set (self->widget, "selected", position, NULL);
              self->updating = FALSE;
            }
        }
      break;

    case TRELLIS_BINDING_DATE:
      self->updating = TRUE;
      trellis_date_button_set_date (TRELLIS_DATE_BUTTON (self->widget),
                                    self->entity != NULL ? trellis_entity_get_uint (self->entity, self->field) : 0);
      self->updating = FALSE;
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
entity_notify_cb (TrellisFieldBinding *self)
{
  g_assert (TRELLIS_IS_FIELD_BINDING (self));

  update_widget (self);
}

static void
rebuild_choices (TrellisFieldBinding *self)
{
  GListModel *source = NULL;

  if (self->kind != TRELLIS_BINDING_REFERENCE)
    return;

  if (self->source != NULL)
    source = self->source;
  else if (self->document != NULL)
    source = trellis_document_get_list (self->document, self->reference_kind);

  if (self->choices != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->choices, choices_changing_cb, self);
      g_signal_handlers_disconnect_by_func (self->choices, choices_changed_cb, self);
    }
  g_clear_object (&self->choices);

  if (source != NULL)
    {
      self->choices = trellis_entity_choices_new (source, self->none_label);
      /* Before the widget's own handler, and after all of them. */
      g_signal_connect_swapped (self->choices, "items-changed", G_CALLBACK (choices_changing_cb), self);
      g_signal_connect_data (self->choices, "items-changed", G_CALLBACK (choices_changed_cb), self,
                             NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  if (self->widget != NULL)
    {
      self->updating = TRUE;
      g_object_set (self->widget, "model", self->choices, NULL);
      self->updating = FALSE;
    }
}

static void
trellis_field_binding_dispose (GObject *object)
{
  TrellisFieldBinding *self = TRELLIS_FIELD_BINDING (object);

  clear_pending (self);

  if (self->entity != NULL && self->notify_id != 0)
    g_clear_signal_handler (&self->notify_id, self->entity);
  g_clear_object (&self->entity);
  g_clear_object (&self->document);

  if (self->choices != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->choices, choices_changing_cb, self);
      g_signal_handlers_disconnect_by_func (self->choices, choices_changed_cb, self);
    }
  g_clear_object (&self->choices);
  g_clear_object (&self->source);

  if (self->widget != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->widget, self);
      if (get_text_buffer (self) != NULL)
        g_signal_handlers_disconnect_by_data (get_text_buffer (self), self);
      g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
      self->widget = NULL;
    }

  G_OBJECT_CLASS (trellis_field_binding_parent_class)->dispose (object);
}

static void
trellis_field_binding_finalize (GObject *object)
{
  TrellisFieldBinding *self = TRELLIS_FIELD_BINDING (object);

  g_free (self->none_label);

  G_OBJECT_CLASS (trellis_field_binding_parent_class)->finalize (object);
}

static void
trellis_field_binding_class_init (TrellisFieldBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_field_binding_dispose;
  object_class->finalize = trellis_field_binding_finalize;
}

static void
trellis_field_binding_init (TrellisFieldBinding *self)
{
}

/**
 * trellis_field_binding_new:
 * @widget: the widget that edits the field
 * @field: the field
 * @kind: how @widget edits it
 *
 * Returns: (transfer full): a binding with no target yet; point it at an
 *   entity with trellis_field_binding_set_target()
 */
TrellisFieldBinding *
trellis_field_binding_new (GtkWidget          *widget,
                           TrellisField        field,
                           TrellisBindingKind  kind)
{
  TrellisFieldBinding *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (TRELLIS_TYPE_FIELD_BINDING, NULL);
  self->widget = widget;
  self->field = field;
  self->kind = kind;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);

  switch (kind)
    {
    case TRELLIS_BINDING_TEXT:
    case TRELLIS_BINDING_NUMBER:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        /* Ctrl+Z is the document's undo, never the field's own. */
        if (GTK_IS_TEXT_VIEW (widget))
          {
            GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

            gtk_text_buffer_set_enable_undo (buffer, FALSE);
            g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);
          }
        else
          {
            gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
            g_signal_connect_swapped (widget, "changed", G_CALLBACK (text_changed_cb), self);
            if (g_signal_lookup ("entry-activated", G_OBJECT_TYPE (widget)) != 0)
              g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (activate_cb), self);
            else if (g_signal_lookup ("activate", G_OBJECT_TYPE (widget)) != 0)
              g_signal_connect_swapped (widget, "activate", G_CALLBACK (activate_cb), self);
          }

        g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
        gtk_widget_add_controller (widget, focus);
      }
      break;

    case TRELLIS_BINDING_CHOICE:
    case TRELLIS_BINDING_REFERENCE:
      g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (selected_changed_cb), self);
      break;

    case TRELLIS_BINDING_DATE:
      g_return_val_if_fail (TRELLIS_IS_DATE_BUTTON (widget), NULL);
      g_signal_connect_swapped (widget, "notify::date", G_CALLBACK (date_changed_cb), self);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  gtk_widget_set_sensitive (widget, FALSE);

  return self;
}

/**
 * trellis_field_binding_set_reference_kind:
 * @self: a reference binding
 * @kind: the kind of entity the field refers to
 * @none_label: (nullable): the label of "no reference", or %NULL when a
 *   reference is required
 */
void
trellis_field_binding_set_reference_kind (TrellisFieldBinding *self,
                                          TrellisKind          kind,
                                          const char          *none_label)
{
  g_return_if_fail (TRELLIS_IS_FIELD_BINDING (self));
  g_return_if_fail (self->kind == TRELLIS_BINDING_REFERENCE);

  self->reference_kind = kind;
  g_clear_object (&self->source);
  g_free (self->none_label);
  self->none_label = g_strdup (none_label);

  if (self->widget != NULL)
    {
      g_autoptr(GtkExpression) expression = trellis_entity_label_expression_new (none_label);

      g_object_set (self->widget, "expression", expression, NULL);
    }

  rebuild_choices (self);
  update_widget (self);
}

/**
 * trellis_field_binding_set_reference_model:
 * @self: a reference binding
 * @model: the entities to choose from, when they are not one list of the
 *   document (feedback may be about anything)
 * @none_label: (nullable): the label of "no reference"
 */
void
trellis_field_binding_set_reference_model (TrellisFieldBinding *self,
                                           GListModel          *model,
                                           const char          *none_label)
{
  g_return_if_fail (TRELLIS_IS_FIELD_BINDING (self));
  g_return_if_fail (self->kind == TRELLIS_BINDING_REFERENCE);

  g_set_object (&self->source, model);
  g_free (self->none_label);
  self->none_label = g_strdup (none_label);

  if (self->widget != NULL)
    {
      g_autoptr(GtkExpression) expression = trellis_entity_label_expression_new (none_label);

      g_object_set (self->widget, "expression", expression, NULL);
    }

  rebuild_choices (self);
  update_widget (self);
}

/**
 * trellis_field_binding_set_target:
 * @self: a #TrellisFieldBinding
 * @document: (nullable): the document
 * @entity: (nullable): the entity whose field the widget edits
 *
 * Points the binding at another entity, committing what was typed for
 * the previous one first.
 */
void
trellis_field_binding_set_target (TrellisFieldBinding *self,
                                  TrellisDocument     *document,
                                  TrellisEntity       *entity)
{
  gboolean document_changed;

  g_return_if_fail (TRELLIS_IS_FIELD_BINDING (self));

  trellis_field_binding_flush (self);

  if (self->entity != NULL && self->notify_id != 0)
    g_clear_signal_handler (&self->notify_id, self->entity);

  document_changed = g_set_object (&self->document, document);
  g_set_object (&self->entity, entity);

  if (entity != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", trellis_field_get_name (self->field), NULL);

      self->notify_id = g_signal_connect_object (entity, signal, G_CALLBACK (entity_notify_cb),
                                                 self, G_CONNECT_SWAPPED);
    }

  if (document_changed && self->source == NULL)
    rebuild_choices (self);

  update_widget (self);
}

TrellisEntity *
trellis_field_binding_get_entity (TrellisFieldBinding *self)
{
  g_return_val_if_fail (TRELLIS_IS_FIELD_BINDING (self), NULL);

  return self->entity;
}

/* Choices: a list of entities with "none" in front. */

static GObject *none_item;

static GObject *
get_none_item (void)
{
  if (none_item == NULL)
    none_item = g_object_new (G_TYPE_OBJECT, NULL);
  return none_item;
}

/**
 * trellis_entity_choices_new:
 * @entities: a list of entities
 * @none_label: (nullable): when set, a first item stands for "none"
 *
 * Returns: (transfer full): a list to pick an entity, or none, from
 */
GListModel *
trellis_entity_choices_new (GListModel *entities,
                            const char *none_label)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  if (none_label != NULL)
    {
      g_autoptr(GListStore) none = g_list_store_new (G_TYPE_OBJECT);

      g_list_store_append (none, get_none_item ());
      g_list_store_append (parts, none);
    }
  g_list_store_append (parts, entities);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/**
 * trellis_entity_choices_get_entity:
 *
 * Returns: (transfer none) (nullable): the entity at @position, or %NULL
 *   for "none"
 */
TrellisEntity *
trellis_entity_choices_get_entity (GListModel *choices,
                                   guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (choices, position);

  if (item == NULL || !TRELLIS_IS_ENTITY (item))
    return NULL;

  /* The document's list keeps it alive. */
  return TRELLIS_ENTITY (item);
}

guint
trellis_entity_choices_find (GListModel *choices,
                             const char *id)
{
  guint n = g_list_model_get_n_items (choices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (choices, i);

      if (TRELLIS_IS_ENTITY (item)
          ? (id != NULL && g_strcmp0 (trellis_entity_get_id (TRELLIS_ENTITY (item)), id) == 0)
          : id == NULL)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
free_label (gpointer  data,
            GClosure *closure)
{
  g_free (data);
}

static char *
entity_label_cb (GObject    *item,
                 const char *none_label)
{
  if (item != NULL && TRELLIS_IS_ENTITY (item))
    return trellis_entity_dup_label (TRELLIS_ENTITY (item));

  return g_strdup (none_label != NULL ? none_label : "");
}

/**
 * trellis_entity_label_expression_new:
 * @none_label: (nullable): the label of the "none" item
 *
 * Returns: (transfer full): an expression giving an entity's label
 */
GtkExpression *
trellis_entity_label_expression_new (const char *none_label)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (entity_label_cb),
                                      g_strdup (none_label), free_label);
}

/**
 * trellis_entity_dup_display_label:
 * @document: the document @entity belongs to
 * @entity: an entity
 *
 * A label for lists: the name, or for development actions and feedback,
 * who and what they are about.
 *
 * Returns: (transfer full): the label
 */
char *
trellis_entity_dup_display_label (TrellisDocument *document,
                                  TrellisEntity   *entity)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), NULL);

  if (TRELLIS_IS_ACTION (entity) && document != NULL)
    {
      TrellisEntity *person = trellis_document_lookup (document, trellis_entity_get_string (entity, TRELLIS_FIELD_PERSON));
      TrellisEntity *competency = trellis_document_lookup (document, trellis_entity_get_string (entity, TRELLIS_FIELD_COMPETENCY));
      TrellisActionKind kind = trellis_entity_get_int (entity, TRELLIS_FIELD_ACTION_KIND);
      g_autofree char *who = person != NULL ? trellis_entity_dup_label (person) : g_strdup (_("Nobody yet"));

      if (competency != NULL)
        {
          g_autofree char *what = trellis_entity_dup_label (competency);

          /* Translators: a development action in a list: person, kind of action, competency,
           * e.g. “Anna: Coaching in Active listening”. */
          return g_strdup_printf (_("%s: %s in %s"), who, trellis_action_kind_get_label (kind), what);
        }

      /* Translators: a development action in a list: person and kind of action. */
      return g_strdup_printf (_("%s: %s"), who, trellis_action_kind_get_label (kind));
    }

  return trellis_entity_dup_label (entity);
}

#define MAX_LABELS 12

static void
append_label (GString       *str,
              TrellisEntity *entity)
{
  g_autofree char *label = trellis_entity_dup_label (entity);

  if (str->len > 0)
    g_string_append (str, " · ");
  g_string_append (str, label);
}

/* A department has hundreds of people in a role: name a few, count the rest. */
static char *
finish_labels (GString *str,
               guint    more)
{
  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  if (more > 0)
    /* Translators: after a list of names, how many more there are. */
    g_string_append_printf (str, ngettext (" and %u more", " and %u more", more), more);

  return g_string_free (str, FALSE);
}

/**
 * trellis_dup_labels_referencing:
 * @document: a document
 * @kind: the kind of entity to look through
 * @field: a field of @kind holding an id, a list of ids, or requirements
 * @id: the id looked for
 *
 * The labels of the entities of @kind whose @field refers to @id, for
 * the line of sight from one element of the chain to the next.
 *
 * Returns: (transfer full) (nullable): the labels joined with “ · ”, or
 *   %NULL when none refers to @id
 */
char *
trellis_dup_labels_referencing (TrellisDocument *document,
                                TrellisKind      kind,
                                TrellisField     field,
                                const char      *id)
{
  GString *str;
  GListModel *list;
  guint n;
  guint shown = 0;
  guint more = 0;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  if (id == NULL)
    return NULL;

  str = g_string_new (NULL);

  list = trellis_document_get_list (document, kind);
  n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *e = trellis_document_get_item (document, kind, i);
      GType type = trellis_field_get_value_type (field);
      gboolean match = FALSE;

      if (type == G_TYPE_STRING)
        match = g_strcmp0 (trellis_entity_get_string (e, field), id) == 0;
      else if (type == G_TYPE_STRV)
        match = trellis_strv_contains_id (trellis_entity_get_strv (e, field), id);
      else if (field == TRELLIS_FIELD_REQUIRES || field == TRELLIS_FIELD_NEEDS)
        match = trellis_requirements_lookup (trellis_entity_get_array (e, field), id) != TRELLIS_LEVEL_NONE;
      else if (field == TRELLIS_FIELD_ASSIGNS)
        {
          const TrellisAssignment *a = trellis_assignments_lookup (trellis_entity_get_array (e, field), id);

          match = a != NULL && (a->raci != TRELLIS_RACI_NONE || a->authority != TRELLIS_AUTHORITY_NONE);
        }

      if (match && shown++ < MAX_LABELS)
        append_label (str, e);
      else if (match)
        more++;
    }

  return finish_labels (str, more);
}

/**
 * trellis_dup_labels_of_ids:
 * @document: a document
 * @ids: (nullable): ids of entities
 *
 * Returns: (transfer full) (nullable): their labels joined with “ · ”
 */
char *
trellis_dup_labels_of_ids (TrellisDocument    *document,
                           const char * const *ids)
{
  GString *str = g_string_new (NULL);
  guint shown = 0;
  guint more = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TrellisEntity *e = trellis_document_lookup (document, ids[i]);

      if (e != NULL && shown++ < MAX_LABELS)
        append_label (str, e);
      else if (e != NULL)
        more++;
    }

  return finish_labels (str, more);
}

/* Tables inside an editor: tall enough for their rows, up to a limit. */

#define TABLE_HEADER_HEIGHT 34

static void
fit_rows (GtkScrolledWindow *scroller)
{
  GListModel *model = g_object_get_data (G_OBJECT (scroller), "fit-model");
  int row_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "fit-row-height"));
  int max_rows = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (scroller), "fit-max-rows"));
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  int rows = MAX (1, MIN ((int) n, max_rows));

  gtk_scrolled_window_set_min_content_height (scroller, -1);
  gtk_scrolled_window_set_max_content_height (scroller, TABLE_HEADER_HEIGHT + rows * row_height);
  gtk_scrolled_window_set_min_content_height (scroller, TABLE_HEADER_HEIGHT + rows * row_height);
}

/**
 * trellis_widget_set_new_tooltip:
 * @widget: a widget not yet in a window, such as a list row being made
 * @text: (nullable): the tooltip
 *
 * Sets the tooltip of a widget as gtk_widget_set_tooltip_text() does,
 * without its cost. On GTK 4.8 that function asks the display where the
 * pointer is whenever the widget is visible: a round trip to the X
 * server, about 0.2 ms, paid by every row a list view makes (and a list
 * view makes up to 200 at once). A hidden widget skips the question,
 * which only matters for a widget under the pointer already.
 */
void
trellis_widget_set_new_tooltip (GtkWidget  *widget,
                                const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_visible (widget) && gtk_widget_get_parent (widget) == NULL)
    {
      gtk_widget_set_visible (widget, FALSE);
      gtk_widget_set_tooltip_text (widget, text);
      gtk_widget_set_visible (widget, TRUE);
    }
  else
    gtk_widget_set_tooltip_text (widget, text);
}

/**
 * trellis_scroller_fit_rows:
 * @scroller: the scrolled window of a table
 * @model: the rows of the table
 * @row_height: the height of one row
 * @max_rows: how many rows to show at most before scrolling
 *
 * A list view measures only the rows it has made, so a table inside a
 * scrolling editor would otherwise show a row or two: size it by its rows.
 */
void
trellis_scroller_fit_rows (GtkScrolledWindow *scroller,
                           GListModel        *model,
                           int                row_height,
                           int                max_rows)
{
  GListModel *old = g_object_get_data (G_OBJECT (scroller), "fit-model");

  if (old != NULL)
    g_signal_handlers_disconnect_by_func (old, fit_rows, scroller);

  g_object_set_data_full (G_OBJECT (scroller), "fit-model", model != NULL ? g_object_ref (model) : NULL,
                          g_object_unref);
  g_object_set_data (G_OBJECT (scroller), "fit-row-height", GINT_TO_POINTER (row_height));
  g_object_set_data (G_OBJECT (scroller), "fit-max-rows", GINT_TO_POINTER (max_rows));

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (fit_rows), scroller, G_CONNECT_SWAPPED);

  fit_rows (scroller);
}

/* Scale levels as choices, optionally with "none" first. */

GtkStringList *
trellis_scale_choices_new (TrellisDocument *document,
                           const char      *none_label)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GPtrArray *scale = document != NULL ? trellis_document_get_scale (document) : NULL;

  if (none_label != NULL)
    gtk_string_list_append (list, none_label);

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *level = g_ptr_array_index (scale, i);
      g_autofree char *label = NULL;

      if (level->name != NULL && level->name[0] != '\0')
        /* Translators: a level of the scale in a list: its number and name, e.g. “3 · Proficient”. */
        label = g_strdup_printf (_("%d · %s"), level->value, level->name);
      else
        label = g_strdup_printf ("%d", level->value);

      gtk_string_list_append (list, label);
    }

  return list;
}

/**
 * trellis_scale_choices_update:
 * @choices: a list made by trellis_scale_choices_new()
 * @document: (nullable): the document
 * @none_label: (nullable): as for trellis_scale_choices_new()
 *
 * Puts the levels of the scale as it is now into @choices, in place, so
 * that the choosers sharing @choices show them.
 */
void
trellis_scale_choices_update (GtkStringList   *choices,
                              TrellisDocument *document,
                              const char      *none_label)
{
  g_autoptr(GtkStringList) levels = NULL;
  g_autofree const char **strings = NULL;
  guint n;

  g_return_if_fail (GTK_IS_STRING_LIST (choices));

  levels = trellis_scale_choices_new (document, none_label);
  n = g_list_model_get_n_items (G_LIST_MODEL (levels));
  strings = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    strings[i] = gtk_string_list_get_string (levels, i);
  gtk_string_list_splice (choices, 0, g_list_model_get_n_items (G_LIST_MODEL (choices)), strings);
}

gint
trellis_scale_choice_to_level (TrellisDocument *document,
                               guint            position,
                               gboolean         with_none)
{
  GPtrArray *scale = trellis_document_get_scale (document);

  if (with_none)
    {
      if (position == 0)
        return TRELLIS_LEVEL_NONE;
      position--;
    }

  if (scale == NULL || position >= scale->len)
    return TRELLIS_LEVEL_NONE;

  return ((TrellisScaleLevel *) g_ptr_array_index (scale, position))->value;
}

guint
trellis_scale_level_to_choice (TrellisDocument *document,
                               gint             level,
                               gboolean         with_none)
{
  GPtrArray *scale = trellis_document_get_scale (document);

  if (level != TRELLIS_LEVEL_NONE)
    {
      for (guint i = 0; scale != NULL && i < scale->len; i++)
        {
          if (((TrellisScaleLevel *) g_ptr_array_index (scale, i))->value == level)
            return with_none ? i + 1 : i;
        }
    }

  return with_none ? 0 : GTK_INVALID_LIST_POSITION;
}
