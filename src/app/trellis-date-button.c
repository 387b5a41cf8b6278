/* trellis-date-button.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-date-button.h"
#include "trellis-report.h"

/* A button showing a date, with a calendar in a popover: dates are
 * picked, never typed in a format someone has to guess. */

struct _TrellisDateButton
{
  GtkWidget       parent_instance;

  GtkCalendar    *calendar;
  GtkButton      *clear_button;
  GtkLabel       *label;
  GtkMenuButton  *menu_button;
  GtkPopover     *popover;

  char           *accessible_label;
  TrellisDate     date;
  gboolean        allow_none;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (TrellisDateButton, trellis_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ALLOW_NONE,
  PROP_ACCESSIBLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * trellis_date_format_for_display:
 * @date: a date, or 0
 *
 * Returns: (transfer full): the date as people of the current language
 *   write it, or "No date"
 */
char *
trellis_date_format_for_display (TrellisDate date)
{
  /* Written as the report writes it, in the language of the messages. */
  if (date == 0 || !g_date_valid_julian (date))
    return g_strdup (_("No date"));

  return trellis_date_dup_long (date);
}

static void
update_label (TrellisDateButton *self)
{
  g_autofree char *text = trellis_date_format_for_display (self->date);

  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->allow_none && self->date != 0);

  /* The menu button takes the focus: it says what the date is for, and the date. */
  /* Translators: the accessible name of a date button: what the date is for, and the date, e.g. “Due: 31 January 2027”. */
  accessible = g_strdup_printf (_("%s: %s"), self->accessible_label != NULL ? self->accessible_label : _("Date"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
popover_show_cb (TrellisDateButton *self)
{
  GDate d;
  g_autoptr(GDateTime) dt = NULL;

  g_assert (TRELLIS_IS_DATE_BUTTON (self));

  if (self->date != 0 && g_date_valid_julian (self->date))
    {
      g_date_clear (&d, 1);
      g_date_set_julian (&d, self->date);
      dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
    }
  else
    dt = g_date_time_new_now_local ();

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, dt);
  self->updating = FALSE;
}

static void
day_selected_cb (TrellisDateButton *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  g_assert (TRELLIS_IS_DATE_BUTTON (self));

  if (self->updating)
    return;

  dt = gtk_calendar_get_date (self->calendar);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt), g_date_time_get_year (dt));
  trellis_date_button_set_date (self, g_date_get_julian (&d));
  gtk_popover_popdown (self->popover);
}

static void
today_clicked_cb (TrellisDateButton *self)
{
  g_assert (TRELLIS_IS_DATE_BUTTON (self));

  trellis_date_button_set_date (self, trellis_date_today ());
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (TrellisDateButton *self)
{
  g_assert (TRELLIS_IS_DATE_BUTTON (self));

  trellis_date_button_set_date (self, 0);
  gtk_popover_popdown (self->popover);
}

static void
trellis_date_button_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_DATE_BUTTON);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_date_button_parent_class)->dispose (object);
}

static void
trellis_date_button_finalize (GObject *object)
{
  TrellisDateButton *self = TRELLIS_DATE_BUTTON (object);

  g_free (self->accessible_label);

  G_OBJECT_CLASS (trellis_date_button_parent_class)->finalize (object);
}

static void
trellis_date_button_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisDateButton *self = TRELLIS_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_uint (value, self->date);
      break;

    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;

    case PROP_ACCESSIBLE_LABEL:
      g_value_set_string (value, self->accessible_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_date_button_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisDateButton *self = TRELLIS_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      trellis_date_button_set_date (self, g_value_get_uint (value));
      break;

    case PROP_ALLOW_NONE:
      trellis_date_button_set_allow_none (self, g_value_get_boolean (value));
      break;

    case PROP_ACCESSIBLE_LABEL:
      trellis_date_button_set_accessible_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_date_button_class_init (TrellisDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_date_button_dispose;
  object_class->finalize = trellis_date_button_finalize;
  object_class->get_property = trellis_date_button_get_property;
  object_class->set_property = trellis_date_button_set_property;

  properties[PROP_DATE] =
    g_param_spec_uint ("date", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, clear_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, label);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisDateButton, popover);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "datebutton");
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* GtkCalendar's arrows are named by nothing but their class: they go
 * back and forth by month, then by year. */
static void
name_calendar_arrows (GtkCalendar *calendar)
{
  static const char *names[] = {
    N_("Previous month"), N_("Next month"), N_("Previous year"), N_("Next year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (calendar), buttons);
  if (buttons->len != G_N_ELEMENTS (names))
    return;

  for (guint i = 0; i < buttons->len; i++)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (g_ptr_array_index (buttons, i)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]),
                                      -1);
      gtk_widget_set_tooltip_text (g_ptr_array_index (buttons, i), _(names[i]));
    }
}

static void
trellis_date_button_init (TrellisDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_calendar_arrows (self->calendar);
  trellis_accessible_tidy (GTK_WIDGET (self->popover));
  update_label (self);
}

GtkWidget *
trellis_date_button_new (void)
{
  return g_object_new (TRELLIS_TYPE_DATE_BUTTON, NULL);
}

TrellisDate
trellis_date_button_get_date (TrellisDateButton *self)
{
  g_return_val_if_fail (TRELLIS_IS_DATE_BUTTON (self), 0);

  return self->date;
}

void
trellis_date_button_set_date (TrellisDateButton *self,
                              TrellisDate        date)
{
  g_return_if_fail (TRELLIS_IS_DATE_BUTTON (self));

  if (date == 0 && !self->allow_none)
    date = self->date != 0 ? self->date : trellis_date_today ();

  if (self->date == date)
    return;

  self->date = date;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
trellis_date_button_get_allow_none (TrellisDateButton *self)
{
  g_return_val_if_fail (TRELLIS_IS_DATE_BUTTON (self), FALSE);

  return self->allow_none;
}

void
trellis_date_button_set_allow_none (TrellisDateButton *self,
                                    gboolean           allow_none)
{
  g_return_if_fail (TRELLIS_IS_DATE_BUTTON (self));

  allow_none = !!allow_none;
  if (self->allow_none == allow_none)
    return;

  self->allow_none = allow_none;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_NONE]);
}

/**
 * trellis_date_button_set_accessible_label:
 * @self: a #TrellisDateButton
 * @label: (nullable): what the date is for, for screen readers; “Date”
 *   when %NULL
 */
void
trellis_date_button_set_accessible_label (TrellisDateButton *self,
                                          const char        *label)
{
  g_return_if_fail (TRELLIS_IS_DATE_BUTTON (self));

  if (g_strcmp0 (self->accessible_label, label) == 0)
    return;

  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
}
