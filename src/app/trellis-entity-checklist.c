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
#include "trellis-widget-util.h"

/* A boxed list with one check per entity of a kind, editing a field that
 * holds a list of ids: the values a result serves, the roles of a
 * person. An enterprise has two hundred roles: the list is a list view,
 * which makes and binds rows only for what is in view and reuses them,
 * inside a scroller that shows at most MAX_ROWS of them. */

#define ROW_HEIGHT 40
#define MAX_ROWS   8

struct _TrellisEntityChecklist
{
  GtkWidget        parent_instance;

  GtkWidget       *scroller;
  GtkListView     *list_view;
  GtkWidget       *empty_label;
  GtkNoSelection  *selection;
  GHashTable      *bound;          /* GtkListItem set: the rows in use */

  TrellisKind      kind;
  TrellisField     field;
  TrellisDocument *document;
  TrellisEntity   *entity;
  gulong           notify_id;
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
sync_row (TrellisEntityChecklist *self,
          GtkListItem            *list_item)
{
  TrellisEntity *item = gtk_list_item_get_item (list_item);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  const char * const *ids = NULL;

  if (item == NULL || check == NULL)
    return;

  if (self->entity != NULL)
    ids = trellis_entity_get_strv (self->entity, self->field);

  g_object_set_data (G_OBJECT (check), "syncing", GINT_TO_POINTER (1));
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), trellis_entity_get_name (item));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               trellis_strv_contains_id ((const char **) ids, trellis_entity_get_id (item)));
  g_object_set_data (G_OBJECT (check), "syncing", NULL);
}

static void
update_checks (TrellisEntityChecklist *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    sync_row (self, list_item);
}

static void
update_size (TrellisEntityChecklist *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  int height = MAX (1, MIN ((int) n, MAX_ROWS)) * ROW_HEIGHT;

  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), -1);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), height);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), height);
  gtk_widget_set_visible (self->scroller, n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

static void
check_toggled_cb (GtkCheckButton         *check,
                  TrellisEntityChecklist *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (check), "list-item");
  TrellisEntity *item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
  g_auto(GStrv) ids = NULL;

  if (g_object_get_data (G_OBJECT (check), "syncing") != NULL ||
      self->entity == NULL || self->document == NULL || item == NULL)
    return;

  ids = trellis_strv_copy_toggle (trellis_entity_get_strv (self->entity, self->field),
                                  trellis_entity_get_id (item),
                                  gtk_check_button_get_active (check));
  trellis_document_set_strv (self->document, self->entity, self->field, (const char * const *) ids);
}

static void
item_name_cb (GtkListItem *list_item)
{
  TrellisEntityChecklist *self = g_object_get_data (G_OBJECT (list_item), "checklist");

  sync_row (self, list_item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TrellisEntityChecklist   *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_add_css_class (check, "checklist-row");
  g_object_set_data (G_OBJECT (check), "list-item", list_item);
  g_object_set_data (G_OBJECT (list_item), "checklist", self);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  /* The check itself takes the focus and the clicks; the row need not. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             TrellisEntityChecklist   *self)
{
  TrellisEntity *item = gtk_list_item_get_item (list_item);
  gulong id = g_signal_connect_object (item, "notify::name", G_CALLBACK (item_name_cb), list_item, G_CONNECT_SWAPPED);

  g_object_set_data (G_OBJECT (list_item), "name-id", GSIZE_TO_POINTER (id));
  g_hash_table_add (self->bound, list_item);
  sync_row (self, list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TrellisEntityChecklist   *self)
{
  TrellisEntity *item = gtk_list_item_get_item (list_item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "name-id"));

  if (item != NULL && id != 0)
    g_signal_handler_disconnect (item, id);
  g_object_set_data (G_OBJECT (list_item), "name-id", NULL);
  g_hash_table_remove (self->bound, list_item);
}

/* Each entity's checks are entered at the first row, not at the row
 * that had the focus for the entity before. */
static void
start_at_first_row (TrellisEntityChecklist *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    if (gtk_list_item_get_position (list_item) == 0)
      {
        trellis_list_enter_at (list_item, self->scroller);
        return;
      }
}

static void
items_changed_cb (TrellisEntityChecklist *self)
{
  update_size (self);
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
  if (self->scroller != NULL)
    {
      gtk_widget_unparent (self->scroller);
      self->scroller = NULL;
    }
  if (self->empty_label != NULL)
    {
      gtk_widget_unparent (self->empty_label);
      self->empty_label = NULL;
    }
  g_clear_object (&self->selection);
  g_clear_pointer (&self->bound, g_hash_table_unref);

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
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checklist");
}

static void
trellis_entity_checklist_init (TrellisEntityChecklist *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->bound = g_hash_table_new (NULL, NULL);
  self->selection = gtk_no_selection_new (NULL);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      g_object_ref (factory)));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "checklist-rows");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_widget_set_overflow (self->scroller, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_add_css_class (self->empty_label, "card");
  gtk_widget_set_margin_top (self->empty_label, 0);
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));

  trellis_entity_checklist_set_empty_text (self, _("Nothing to choose from yet"));
  update_size (self);
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
  g_return_if_fail (TRELLIS_IS_ENTITY_CHECKLIST (self));

  gtk_label_set_label (GTK_LABEL (self->empty_label), text);
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
  gboolean changed;

  g_return_if_fail (TRELLIS_IS_ENTITY_CHECKLIST (self));

  changed = self->entity != entity;
  if (self->entity != NULL)
    g_clear_signal_handler (&self->notify_id, self->entity);

  if (self->document != document)
    {
      g_set_object (&self->document, document);
      gtk_no_selection_set_model (self->selection,
                                  document != NULL ? trellis_document_get_list (document, self->kind) : NULL);
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
  if (changed)
    start_at_first_row (self);
}
