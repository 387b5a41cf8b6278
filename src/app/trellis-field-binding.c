/* trellis-field-binding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-field-binding"

#include "config.h"

#include <math.h>

#include "trellis-date-button.h"
#include "trellis-entity-choices.h"
#include "trellis-field-binding.h"
#include "trellis-pending-edits.h"

/* A field binding lets one widget edit one field of the entity an editor
 * shows, through the document API only. Text is committed when the
 * person pauses typing, presses Enter or leaves the field, and at the
 * latest a second after the first keystroke, so that the recovery draft
 * never lags far behind what is on screen. Each commit is one undo
 * step. When the field changes from elsewhere (undo, another view), the
 * widget follows unless an edit of its own is still pending. */

#define COMMIT_PAUSE_MS 400
#define COMMIT_MAX_MS   1000

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

  guint               pending : 1;
  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (TrellisFieldBinding, trellis_field_binding, G_TYPE_OBJECT)

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
  self->pending = FALSE;
  trellis_pending_edit_remove (self);
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

static void
flush_pending_cb (gpointer owner)
{
  trellis_field_binding_flush (owner);
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

  /* Held back in the window's pending edits, which commit it after
   * the pause, or when something acts on the whole document. */
  self->pending = TRUE;
  trellis_pending_edit_add (self->widget, self, flush_pending_cb, COMMIT_PAUSE_MS, COMMIT_MAX_MS);
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

/* The choices with "none" labelled @none_label, or without "none". */
static void
set_choices (TrellisFieldBinding *self,
             const char          *none_label)
{
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
  set_choices (self, none_label);
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
  set_choices (self, none_label);
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
