/* trellis-level-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-level-table"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-choice-button.h"
#include "trellis-level-table.h"
#include "trellis-scale-choices.h"
#include "trellis-table-util.h"
#include "trellis-widget-util.h"

/* Every competency beside the level a role requires of it (or a
 * responsibility needs), in a GtkColumnView so that a department's
 * hundred competencies scroll smoothly; for roles also the coverage
 * target: at least N people at a level. */

struct _TrellisLevelTable
{
  GtkWidget        parent_instance;

  GtkWidget       *scroller;
  GtkColumnView   *column_view;
  GtkColumnViewColumn *target_column;
  GtkStringList   *levels;           /* "not required" first */
  GtkStringList   *target_levels;
  GHashTable      *bound;            /* GtkListItem → level dropdown */

  TrellisField     field;
  TrellisDocument *document;
  TrellisEntity   *entity;
  gulong           notify_id;
  gulong           scale_id;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (TrellisLevelTable, trellis_level_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
item_competency_id (GtkListItem *item)
{
  TrellisEntity *competency = gtk_list_item_get_item (item);

  return competency != NULL ? trellis_entity_get_id (competency) : NULL;
}

static void
update_target_button (TrellisLevelTable *self,
                      GtkWidget         *button,
                      const char        *competency)
{
  GArray *targets = self->entity != NULL ? trellis_entity_get_array (self->entity, TRELLIS_FIELD_TARGETS) : NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const TrellisTarget *t = &g_array_index (targets, TrellisTarget, i);

      if (t->competency == g_intern_string (competency))
        {
          /* Translators: a coverage target: at least %u people at level %d. */
          label = g_strdup_printf (ngettext ("%u person at %d", "%u people at %d", t->people), t->people, t->level);
          break;
        }
    }

  /* Translators: a competency's coverage target button when no target is set. */
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label != NULL ? label : C_("coverage target", "None"));

  /* The button speaks for the competency of its row, and its target. */
  {
    TrellisEntity *entity = trellis_document_lookup (self->document, competency);
    g_autofree char *name = entity != NULL ? trellis_entity_dup_label (entity) : g_strdup (competency);
    /* Translators: the accessible name of a coverage target button: a
     * competency and its target, e.g. “Coverage target for ‘Listening’: 2 people at 3”. */
    g_autofree char *accessible = g_strdup_printf (_("Coverage target for ‘%s’: %s"), name,
                                                   label != NULL ? label : C_("coverage target", "None"));

    trellis_accessible_label_menu_button (button, accessible);
  }
}

static void
update_item (TrellisLevelTable *self,
             GtkListItem       *item)
{
  GtkWidget *dropdown = g_hash_table_lookup (self->bound, item);
  GtkWidget *button = g_object_get_data (G_OBJECT (item), "target-button");
  const char *competency = item_competency_id (item);
  gint level;

  if (competency == NULL || self->document == NULL)
    return;

  if (dropdown != NULL)
    {
      level = self->entity != NULL
              ? trellis_requirements_lookup (trellis_entity_get_array (self->entity, self->field), competency)
              : TRELLIS_LEVEL_NONE;

      self->updating = TRUE;
      trellis_choice_button_set_selected (TRELLIS_CHOICE_BUTTON (dropdown),
                                          trellis_scale_level_to_choice (self->document, level, TRUE));
      self->updating = FALSE;
    }

  if (button != NULL)
    update_target_button (self, button, competency);
}

static void
update_all (TrellisLevelTable *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_item (self, item);
}

static void
level_selected_cb (TrellisChoiceButton *dropdown,
                   GParamSpec          *pspec,
                   TrellisLevelTable   *self)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (dropdown), "list-item");
  const char *competency;
  guint selected = trellis_choice_button_get_selected (dropdown);

  if (self->updating || item == NULL || self->entity == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  competency = item_competency_id (item);
  if (competency == NULL)
    return;

  trellis_document_set_requirement (self->document, self->entity, competency,
                                    trellis_scale_choice_to_level (self->document, selected, TRUE));
}

/* A digit is the level, as on a heatmap; Delete drops the requirement. */
static gboolean
level_key_cb (TrellisChoiceButton *dropdown,
              guint                keyval,
              guint               *position,
              gpointer             user_data)
{
  TrellisLevelTable *self = user_data;
  gunichar ch = gdk_keyval_to_unicode (keyval);

  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace)
    {
      *position = 0;
      return TRUE;
    }

  if (self->document == NULL || !g_unichar_isdigit (ch))
    return FALSE;

  *position = trellis_scale_level_to_choice (self->document, g_unichar_digit_value (ch), TRUE);
  /* Not a level of the scale: no choice (the bell), not "none". */
  if (*position == 0)
    *position = GTK_INVALID_LIST_POSITION;

  return TRUE;
}

static void
setup_level_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TrellisLevelTable        *self)
{
  GtkWidget *dropdown = trellis_choice_button_new (G_LIST_MODEL (self->levels));

  g_object_set_data (G_OBJECT (dropdown), "list-item", item);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (level_selected_cb), self);
  trellis_choice_button_set_key_func (TRELLIS_CHOICE_BUTTON (dropdown), level_key_cb, self);
  gtk_list_item_set_child (item, dropdown);
}

static void
bind_level_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TrellisLevelTable        *self)
{
  GtkWidget *dropdown = gtk_list_item_get_child (item);
  TrellisEntity *competency = gtk_list_item_get_item (item);
  g_autofree char *label = trellis_entity_dup_label (competency);

  /* Translators: the accessible name of a level chooser; %s is a competency. */
  g_autofree char *accessible = g_strdup_printf (_("Level of ‘%s’"), label);

  trellis_choice_button_set_accessible_label (TRELLIS_CHOICE_BUTTON (dropdown), accessible);
  g_hash_table_insert (self->bound, item, dropdown);
  update_item (self, item);
}

static void
unbind_level_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TrellisLevelTable        *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
target_changed (TrellisLevelTable *self,
                GtkWidget         *widget)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "list-item");
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (item), "target-spin");
  TrellisChoiceButton *level = g_object_get_data (G_OBJECT (item), "target-level");
  const char *competency = item_competency_id (item);
  guint selected;

  if (self->updating || self->entity == NULL || competency == NULL)
    return;

  selected = trellis_choice_button_get_selected (level);
  trellis_document_set_target (self->document, TRELLIS_ROLE (self->entity), competency,
                               trellis_scale_choice_to_level (self->document, selected, FALSE),
                               (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
target_people_changed_cb (GtkSpinButton     *spin,
                          TrellisLevelTable *self)
{
  target_changed (self, GTK_WIDGET (spin));
}

static void
target_level_changed_cb (TrellisChoiceButton *level,
                         GParamSpec          *pspec,
                         TrellisLevelTable   *self)
{
  target_changed (self, GTK_WIDGET (level));
}

static void
sync_target_popover (TrellisLevelTable *self,
                     GtkListItem       *item)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (item), "target-spin");
  TrellisChoiceButton *level = g_object_get_data (G_OBJECT (item), "target-level");
  GArray *targets = self->entity != NULL ? trellis_entity_get_array (self->entity, TRELLIS_FIELD_TARGETS) : NULL;
  const char *competency = g_intern_string (item_competency_id (item));
  guint people = 0;
  gint at = self->entity != NULL
            ? trellis_requirements_lookup (trellis_entity_get_array (self->entity, self->field), competency)
            : TRELLIS_LEVEL_NONE;

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const TrellisTarget *t = &g_array_index (targets, TrellisTarget, i);

      if (t->competency == competency)
        {
          people = t->people;
          at = t->level;
        }
    }

  if (at == TRELLIS_LEVEL_NONE)
    at = trellis_document_get_scale_max (self->document);

  self->updating = TRUE;
  gtk_spin_button_set_value (spin, people);
  trellis_choice_button_set_selected (level, trellis_scale_level_to_choice (self->document, at, FALSE));
  self->updating = FALSE;
}

/* The popover of a target is made when first opened, not for every row. */
static void
create_target_popup_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  GtkListItem *item = user_data;
  TrellisLevelTable *self = g_object_get_data (G_OBJECT (item), "table");

  if (gtk_menu_button_get_popover (button) == NULL)
    {
      GtkWidget *popover = gtk_popover_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 999, 1);
      GtkWidget *level = trellis_choice_button_new (G_LIST_MODEL (self->target_levels));

      gtk_box_append (GTK_BOX (box), gtk_label_new (_("At least")));
      gtk_box_append (GTK_BOX (box), spin);
      gtk_box_append (GTK_BOX (box), gtk_label_new (_("people at")));
      gtk_box_append (GTK_BOX (box), level);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Number of people"), -1);
      trellis_choice_button_set_accessible_label (TRELLIS_CHOICE_BUTTON (level), _("Level"));
      gtk_popover_set_child (GTK_POPOVER (popover), box);
      gtk_menu_button_set_popover (button, popover);

      g_object_set_data (G_OBJECT (item), "target-spin", spin);
      g_object_set_data (G_OBJECT (item), "target-level", level);
      g_object_set_data (G_OBJECT (spin), "list-item", item);
      g_object_set_data (G_OBJECT (level), "list-item", item);
      g_signal_connect (spin, "value-changed", G_CALLBACK (target_people_changed_cb), self);
      g_signal_connect (level, "notify::selected", G_CALLBACK (target_level_changed_cb), self);
    }

  sync_target_popover (self, item);
}

static void
setup_target_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TrellisLevelTable        *self)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_add_css_class (button, "flat");
  trellis_widget_set_new_tooltip (button, _("How many people the role must have at which level"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_target_popup_cb, item, NULL);

  g_object_set_data (G_OBJECT (item), "table", self);
  g_object_set_data (G_OBJECT (item), "target-button", button);

  gtk_list_item_set_child (item, button);
}

static void
bind_target_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TrellisLevelTable        *self)
{
  if (!g_hash_table_contains (self->bound, item))
    g_hash_table_insert (self->bound, item, NULL);
  update_item (self, item);
}

static void
rebuild_levels (TrellisLevelTable *self)
{
  self->updating = TRUE;
  trellis_scale_choices_update (self->levels, self->document,
                                self->field == TRELLIS_FIELD_NEEDS ? _("Not needed") : _("Not required"));
  trellis_scale_choices_update (self->target_levels, self->document, NULL);
  self->updating = FALSE;
  update_all (self);
}

static void
entity_notify_cb (TrellisLevelTable *self)
{
  update_all (self);
}

static void
trellis_level_table_dispose (GObject *object)
{
  TrellisLevelTable *self = TRELLIS_LEVEL_TABLE (object);

  trellis_level_table_set_target (self, NULL, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->levels);
  g_clear_object (&self->target_levels);

  G_OBJECT_CLASS (trellis_level_table_parent_class)->dispose (object);
}

static void
trellis_level_table_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisLevelTable *self = TRELLIS_LEVEL_TABLE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, trellis_field_get_name (self->field));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_level_table_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisLevelTable *self = TRELLIS_LEVEL_TABLE (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      self->field = trellis_field_from_name (g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A row's widgets go away: forget them, bound or not. */
static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TrellisLevelTable *self)
{
  g_hash_table_remove (self->bound, item);
}

static GtkColumnViewColumn *
add_column (TrellisLevelTable *self,
            const char        *title,
            GCallback          setup,
            GCallback          bind,
            GCallback          unbind)
{
  return trellis_table_add_column (self->column_view, title, setup, bind, unbind,
                                   G_CALLBACK (teardown_cb), self);
}

static void
trellis_level_table_constructed (GObject *object)
{
  TrellisLevelTable *self = TRELLIS_LEVEL_TABLE (object);

  G_OBJECT_CLASS (trellis_level_table_parent_class)->constructed (object);

  trellis_table_add_name_column (self->column_view, _("Competency"));
  add_column (self, self->field == TRELLIS_FIELD_NEEDS ? _("Needed Level") : _("Required Level"),
              G_CALLBACK (setup_level_cb), G_CALLBACK (bind_level_cb), G_CALLBACK (unbind_level_cb));
  if (self->field == TRELLIS_FIELD_REQUIRES)
    self->target_column = add_column (self, _("Coverage Target"), G_CALLBACK (setup_target_cb),
                                      G_CALLBACK (bind_target_cb), NULL);
}

static void
trellis_level_table_class_init (TrellisLevelTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trellis_level_table_constructed;
  object_class->dispose = trellis_level_table_dispose;
  object_class->get_property = trellis_level_table_get_property;
  object_class->set_property = trellis_level_table_set_property;

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, "requires",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "leveltable");
}

static void
trellis_level_table_init (TrellisLevelTable *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->levels = gtk_string_list_new (NULL);
  self->target_levels = gtk_string_list_new (NULL);

  self->column_view = trellis_table_view_new (GTK_WIDGET (self), NULL, _("Competencies and levels"),
                                              &self->scroller);
}

GtkWidget *
trellis_level_table_new (TrellisField field)
{
  return g_object_new (TRELLIS_TYPE_LEVEL_TABLE, "field", trellis_field_get_name (field), NULL);
}

/* Each entity's levels are entered at the first row, not at the
 * competency that had the focus for the entity before. */
static void
start_at_first_row (TrellisLevelTable *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (gtk_list_item_get_position (item) == 0)
      {
        trellis_list_enter_at (item, self->scroller);
        return;
      }
}

/**
 * trellis_level_table_set_target:
 * @self: a #TrellisLevelTable
 * @document: (nullable): the document
 * @entity: (nullable): the role or responsibility whose levels are shown
 */
void
trellis_level_table_set_target (TrellisLevelTable *self,
                                TrellisDocument   *document,
                                TrellisEntity     *entity)
{
  gboolean changed;

  g_return_if_fail (TRELLIS_IS_LEVEL_TABLE (self));

  changed = self->entity != entity;
  if (self->entity != NULL)
    {
      g_signal_handler_disconnect (self->entity, self->notify_id);
      self->notify_id = 0;
    }

  if (self->document != document)
    {
      if (self->document != NULL)
        g_clear_signal_handler (&self->scale_id, trellis_document_get_organisation (self->document));

      g_set_object (&self->document, document);

      if (document != NULL)
        {
          self->scale_id = g_signal_connect_object (trellis_document_get_organisation (document), "notify::scale",
                                                    G_CALLBACK (rebuild_levels), self, G_CONNECT_SWAPPED);
          rebuild_levels (self);
        }
      trellis_table_set_list (self->column_view, self->scroller,
                              document != NULL ? trellis_document_get_list (document, TRELLIS_KIND_COMPETENCY) : NULL);
    }

  g_set_object (&self->entity, entity);
  if (entity != NULL)
    self->notify_id = g_signal_connect_object (entity, "notify", G_CALLBACK (entity_notify_cb),
                                               self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self), entity != NULL);
  update_all (self);
  if (changed)
    start_at_first_row (self);
}
