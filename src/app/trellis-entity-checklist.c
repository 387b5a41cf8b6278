/* trellis-entity-checklist.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-entity-checklist"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-app-enums.h"
#include "trellis-entity-checklist.h"

/* A boxed list with one check per entity of a kind, editing a field that
 * holds a list of ids: the values a result serves, the roles of a
 * person. */

struct _TrellisEntityChecklist
{
  GtkWidget        parent_instance;

  GtkListBox      *list_box;

  TrellisKind      kind;
  TrellisField     field;
  TrellisDocument *document;
  TrellisEntity   *entity;
  gulong           notify_id;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (TrellisEntityChecklist, trellis_entity_checklist, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_checks (TrellisEntityChecklist *self)
{
  const char * const *ids = NULL;

  if (self->entity != NULL)
    ids = trellis_entity_get_strv (self->entity, self->field);

  self->updating = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      TrellisEntity *item = g_object_get_data (G_OBJECT (row), "entity");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (item == NULL || check == NULL)
        continue;

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   trellis_strv_contains_id ((const char **) ids, trellis_entity_get_id (item)));
    }
  self->updating = FALSE;
}

static void
check_toggled_cb (GtkCheckButton         *check,
                  TrellisEntityChecklist *self)
{
  TrellisEntity *item = g_object_get_data (G_OBJECT (check), "entity");
  g_auto(GStrv) ids = NULL;

  if (self->updating || self->entity == NULL || self->document == NULL || item == NULL)
    return;

  ids = trellis_strv_copy_toggle (trellis_entity_get_strv (self->entity, self->field),
                                  trellis_entity_get_id (item),
                                  gtk_check_button_get_active (check));
  trellis_document_set_strv (self->document, self->entity, self->field, (const char * const *) ids);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TrellisEntityChecklist *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (item, "name", row, "title", G_BINDING_SYNC_CREATE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data (G_OBJECT (row), "entity", item);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (check), "entity", item);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);

  return row;
}

static void
items_changed_cb (TrellisEntityChecklist *self)
{
  update_checks (self);
}

static void
entity_notify_cb (TrellisEntityChecklist *self)
{
  update_checks (self);
}

static void
trellis_entity_checklist_dispose (GObject *object)
{
  TrellisEntityChecklist *self = TRELLIS_ENTITY_CHECKLIST (object);

  trellis_entity_checklist_set_target (self, NULL, NULL);
  if (self->list_box != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list_box));
      self->list_box = NULL;
    }

  G_OBJECT_CLASS (trellis_entity_checklist_parent_class)->dispose (object);
}

static void
trellis_entity_checklist_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TrellisEntityChecklist *self = TRELLIS_ENTITY_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_FIELD:
      g_value_set_string (value, trellis_field_get_name (self->field));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_entity_checklist_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TrellisEntityChecklist *self = TRELLIS_ENTITY_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, trellis_kind_get_plural_label (self->kind),
                                      -1);
      break;

    case PROP_FIELD:
      self->field = trellis_field_from_name (g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_entity_checklist_class_init (TrellisEntityChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_entity_checklist_dispose;
  object_class->get_property = trellis_entity_checklist_get_property;
  object_class->set_property = trellis_entity_checklist_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TRELLIS_TYPE_KIND, TRELLIS_KIND_VALUE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, "values",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklist");
}

static void
trellis_entity_checklist_init (TrellisEntityChecklist *self)
{
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list_box), GTK_WIDGET (self));
  trellis_entity_checklist_set_empty_text (self, _("Nothing to choose from yet"));
}

GtkWidget *
trellis_entity_checklist_new (TrellisKind  kind,
                              TrellisField field)
{
  return g_object_new (TRELLIS_TYPE_ENTITY_CHECKLIST,
                       "kind", kind,
                       "field", trellis_field_get_name (field),
                       NULL);
}

void
trellis_entity_checklist_set_empty_text (TrellisEntityChecklist *self,
                                         const char             *text)
{
  GtkWidget *label;

  g_return_if_fail (TRELLIS_IS_ENTITY_CHECKLIST (self));

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (self->list_box, label);
}

/**
 * trellis_entity_checklist_set_target:
 * @self: a #TrellisEntityChecklist
 * @document: (nullable): the document
 * @entity: (nullable): the entity whose field the checks edit
 */
void
trellis_entity_checklist_set_target (TrellisEntityChecklist *self,
                                     TrellisDocument        *document,
                                     TrellisEntity          *entity)
{
  g_return_if_fail (TRELLIS_IS_ENTITY_CHECKLIST (self));

  if (self->entity != NULL)
    g_clear_signal_handler (&self->notify_id, self->entity);

  if (self->document != document)
    {
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_func (trellis_document_get_list (self->document, self->kind),
                                              items_changed_cb, self);
      g_set_object (&self->document, document);
      gtk_list_box_bind_model (self->list_box,
                               document != NULL ? trellis_document_get_list (document, self->kind) : NULL,
                               document != NULL ? create_row_cb : NULL, self, NULL);
      if (document != NULL)
        g_signal_connect_object (trellis_document_get_list (document, self->kind), "items-changed",
                                 G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }

  g_set_object (&self->entity, entity);
  if (entity != NULL)
    {
      g_autofree char *signal = g_strconcat ("notify::", trellis_field_get_name (self->field), NULL);

      self->notify_id = g_signal_connect_object (entity, signal, G_CALLBACK (entity_notify_cb),
                                                 self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), entity != NULL);
  update_checks (self);
}
