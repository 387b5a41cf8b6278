/* trellis-choice-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-choice-button"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-choice-button.h"

/* A button showing one of a few choices, with the list of choices in a
 * popover made only when it is first opened. Tables of a department
 * hold hundreds of these (GTK 4.8's list views keep up to 200 rows
 * alive), and a GtkDropDown builds its popover and list at once: this
 * costs a button and a label. It speaks the same "model" and "selected"
 * properties as GtkDropDown. */

struct _TrellisChoiceButton
{
  GtkWidget   parent_instance;

  GtkWidget  *button;
  GtkWidget  *label;
  GtkWidget  *popover;
  GtkWidget  *list_box;

  GListModel *model;
  guint       selected;
  char       *accessible_label;

  TrellisChoiceKeyFunc key_func;
  gpointer    key_data;
};

G_DEFINE_FINAL_TYPE (TrellisChoiceButton, trellis_choice_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_string (TrellisChoiceButton *self,
            guint                position)
{
  g_autoptr(GObject) item = NULL;

  if (self->model == NULL || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  item = g_list_model_get_item (self->model, position);
  if (item == NULL || !GTK_IS_STRING_OBJECT (item))
    return NULL;

  /* The model keeps the string alive. */
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static void
update_label (TrellisChoiceButton *self)
{
  const char *text = get_string (self, self->selected);

  gtk_label_set_label (GTK_LABEL (self->label), text != NULL ? text : "");

  /* Screen readers hear what is chosen, and for what; the list of
   * choices is named for what they are about. */
  if (self->accessible_label != NULL)
    {
      g_autofree char *label = g_strdup_printf ("%s: %s", self->accessible_label, text != NULL ? text : "");

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  if (self->list_box != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    self->accessible_label != NULL ? self->accessible_label : _("Choices"),
                                    -1);
}

static void
row_activated_cb (TrellisChoiceButton *self,
                  GtkListBoxRow       *row)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  trellis_choice_button_set_selected (self, (guint) gtk_list_box_row_get_index (row));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  const char *text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* On GTK 4.8 a row is not named by the label in it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return row;
}

static void
ensure_popover (TrellisChoiceButton *self)
{
  if (self->popover != NULL)
    return;

  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_SINGLE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list_box), TRUE);
  gtk_widget_add_css_class (self->list_box, "navigation-sidebar");
  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), self->model, create_row_cb, NULL, NULL);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->list_box);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  update_label (self);
}

static void
clicked_cb (TrellisChoiceButton *self)
{
  GtkListBoxRow *row;

  ensure_popover (self);
  gtk_popover_popup (GTK_POPOVER (self->popover));

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list_box), (int) self->selected);
  if (row != NULL)
    {
      gtk_list_box_select_row (GTK_LIST_BOX (self->list_box), row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
model_changed_cb (TrellisChoiceButton *self)
{
  update_label (self);
}

static void
trellis_choice_button_dispose (GObject *object)
{
  TrellisChoiceButton *self = TRELLIS_CHOICE_BUTTON (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (trellis_choice_button_parent_class)->dispose (object);
}

static void
trellis_choice_button_finalize (GObject *object)
{
  TrellisChoiceButton *self = TRELLIS_CHOICE_BUTTON (object);

  g_free (self->accessible_label);

  G_OBJECT_CLASS (trellis_choice_button_parent_class)->finalize (object);
}

static void
trellis_choice_button_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  TrellisChoiceButton *self = TRELLIS_CHOICE_BUTTON (widget);

  gtk_widget_allocate (self->button, width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
trellis_choice_button_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  TrellisChoiceButton *self = TRELLIS_CHOICE_BUTTON (widget);

  gtk_widget_measure (self->button, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static gboolean
trellis_choice_button_focus (GtkWidget        *widget,
                             GtkDirectionType  direction)
{
  TrellisChoiceButton *self = TRELLIS_CHOICE_BUTTON (widget);

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    return gtk_widget_child_focus (self->popover, direction);

  return gtk_widget_child_focus (self->button, direction);
}

static gboolean
trellis_choice_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (TRELLIS_CHOICE_BUTTON (widget)->button);
}

static void
trellis_choice_button_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrellisChoiceButton *self = TRELLIS_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_choice_button_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrellisChoiceButton *self = TRELLIS_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      trellis_choice_button_set_model (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      trellis_choice_button_set_selected (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_choice_button_class_init (TrellisChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_choice_button_dispose;
  object_class->finalize = trellis_choice_button_finalize;
  object_class->get_property = trellis_choice_button_get_property;
  object_class->set_property = trellis_choice_button_set_property;
  widget_class->measure = trellis_choice_button_measure;
  widget_class->size_allocate = trellis_choice_button_size_allocate;
  widget_class->focus = trellis_choice_button_focus;
  widget_class->grab_focus = trellis_choice_button_grab_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "choicebutton");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* A key that stands for a choice (a digit for a level) chooses it at
 * once, as typing a level on a heatmap does; one that stands for none
 * of the choices there are now rings the bell. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrellisChoiceButton   *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->key_func == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (!self->key_func (self, keyval, &position, self->key_data))
    return FALSE;

  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    gtk_widget_error_bell (GTK_WIDGET (self));
  else
    trellis_choice_button_set_selected (self, position);

  return TRUE;
}

static void
trellis_choice_button_init (TrellisChoiceButton *self)
{
  GtkEventController *keys;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

  self->selected = GTK_INVALID_LIST_POSITION;

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), arrow);

  self->button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (clicked_cb), self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->button, keys);
}

GtkWidget *
trellis_choice_button_new (GListModel *model)
{
  return g_object_new (TRELLIS_TYPE_CHOICE_BUTTON, "model", model, NULL);
}

/**
 * trellis_choice_button_set_model:
 * @self: a #TrellisChoiceButton
 * @model: (nullable): a list of #GtkStringObject
 */
void
trellis_choice_button_set_model (TrellisChoiceButton *self,
                                 GListModel          *model)
{
  g_return_if_fail (TRELLIS_IS_CHOICE_BUTTON (self));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_changed_cb), self);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), model, create_row_cb, NULL, NULL);

  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

guint
trellis_choice_button_get_selected (TrellisChoiceButton *self)
{
  g_return_val_if_fail (TRELLIS_IS_CHOICE_BUTTON (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

void
trellis_choice_button_set_selected (TrellisChoiceButton *self,
                                    guint                selected)
{
  g_return_if_fail (TRELLIS_IS_CHOICE_BUTTON (self));

  if (self->selected == selected)
    return;

  self->selected = selected;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * trellis_choice_button_set_accessible_label:
 * @self: a #TrellisChoiceButton
 * @label: what the choice is about, for screen readers
 */
void
trellis_choice_button_set_accessible_label (TrellisChoiceButton *self,
                                            const char          *label)
{
  g_return_if_fail (TRELLIS_IS_CHOICE_BUTTON (self));

  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  update_label (self);
}

/**
 * trellis_choice_button_set_key_func:
 * @self: a #TrellisChoiceButton
 * @func: (nullable): what choice a key stands for
 * @user_data: data for @func
 *
 * Lets keys pressed on the button choose directly: a digit for a level.
 */
void
trellis_choice_button_set_key_func (TrellisChoiceButton  *self,
                                    TrellisChoiceKeyFunc  func,
                                    gpointer              user_data)
{
  g_return_if_fail (TRELLIS_IS_CHOICE_BUTTON (self));

  self->key_func = func;
  self->key_data = user_data;
}
