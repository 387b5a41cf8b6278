/* trellis-mandate-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-mandate-view"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-mandate-view.h"
#include "trellis-mandate.h"
#include "trellis-translations.h"
#include "trellis-window.h"

/* A person's mandate card in the application ("what may I decide
 * here?"): one expandable row per responsibility their roles hold, and
 * the values that guide their decisions. The words are the mandate's
 * (src/core/trellis-mandate.c), the same as on the printed card; the
 * matrix's texts are in its window's content language, as on paper. */

struct _TrellisMandateView
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkListBox      *items;
  GtkListBox      *values;
  GtkWidget       *values_title;
  TrellisDocument *document;
  TrellisEntity   *person;
  GtkRoot         *root;      /* whose content language is followed */

  /* The card being made, a few responsibilities a frame. */
  TrellisMandate  *filling;
  guint            next_item;
  guint            fill_source;
};

G_DEFINE_FINAL_TYPE (TrellisMandateView, trellis_mandate_view, GTK_TYPE_WIDGET)

static void
clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The window's content language, or NULL for the original. */
static const char *
content_language (TrellisMandateView *self)
{
  return TRELLIS_IS_WINDOW (self->root) ? trellis_window_get_content_language (TRELLIS_WINDOW (self->root)) : NULL;
}

static char *
join_names (GPtrArray  *entities,
            const char *language)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      const char *name = trellis_entity_get_name_in (g_ptr_array_index (entities, i), language);

      if (i > 0)
        /* Translators: separates the items of a list. */
        g_string_append (text, _(", "));
      g_string_append (text, name != NULL ? name : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The lines under a responsibility, made the first time it is opened:
 * a person with many responsibilities would otherwise wait for several
 * hundred rows nobody has opened yet. */
typedef struct
{
  char *title[7];
  char *text[7];
} Lines;

static void
lines_free (gpointer data)
{
  Lines *lines = data;

  for (guint i = 0; i < G_N_ELEMENTS (lines->title); i++)
    {
      g_free (lines->title[i]);
      g_free (lines->text[i]);
    }
  g_free (lines);
}

static void
keep_line (Lines      *lines,
           const char *title,
           const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (lines->title); i++)
    {
      if (lines->title[i] == NULL)
        {
          lines->title[i] = g_strdup (title);
          lines->text[i] = g_strdup (text);
          return;
        }
    }
}

static void
expanded_cb (GtkWidget  *expander,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Lines *lines = g_object_get_data (G_OBJECT (expander), "lines");

  if (lines == NULL || !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (lines->title) && lines->title[i] != NULL; i++)
    {
      GtkWidget *row;

      if (lines->text[i] == NULL || lines->text[i][0] == '\0')
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lines->title[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lines->text[i]);
      gtk_widget_add_css_class (row, "property");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }

  g_object_set_data (G_OBJECT (expander), "lines", NULL);
}

static GtkWidget *
item_row (const TrellisMandateItem *item,
          const char               *language)
{
  GtkWidget *row = adw_expander_row_new ();
  Lines *lines = g_new0 (Lines, 1);
  g_autofree char *subtitle = NULL;
  g_autofree char *accountable = join_names (item->accountable, language);
  g_autofree char *consult = join_names (item->consult, language);
  g_autofree char *inform = join_names (item->inform, language);
  g_autofree char *values = join_names (item->values, language);
  const char *role = trellis_entity_get_name_in (item->role, language);
  char letters[5];

  trellis_raci_to_string (item->raci, letters);
  /* Translators: under a responsibility on a mandate card: how far the
   * person decides, and as which role. */
  subtitle = g_strdup_printf (_("%s · as %s"), item->decision, role != NULL ? role : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_entity_get_name_in (item->responsibility, language));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (item->result != NULL)
    keep_line (lines, _("The result it serves"), trellis_entity_get_name_in (item->result, language));
  {
    g_autofree char *part = letters[0] != '\0' ? g_strdup_printf ("%s (%s)", item->roles, letters) : g_strdup (item->roles);

    keep_line (lines, _("My part"), part);
  }
  keep_line (lines, _("How far I decide"), item->explanation);
  keep_line (lines, C_("mandate", "Accountable"), accountable);
  keep_line (lines, C_("mandate", "Consult"), consult);
  keep_line (lines, C_("mandate", "Inform"), inform);
  keep_line (lines, _("Guided by"), values);

  g_object_set_data_full (G_OBJECT (row), "lines", lines, lines_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), NULL);

  return row;
}

static GtkWidget *
value_row (TrellisEntity *value,
           const char    *language)
{
  const char **behaviours = trellis_entity_get_strv (value, TRELLIS_FIELD_BEHAVIOURS);
  g_autoptr(GString) joined = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  for (guint b = 0; behaviours != NULL && behaviours[b] != NULL; b++)
    g_string_append_printf (joined, "%s%s", b > 0 ? "\n" : "",
                            trellis_entity_get_text (value, TRELLIS_TEXT_BEHAVIOUR, (gint) b, language));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_entity_get_name_in (value, language));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (joined->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), joined->str);

  return row;
}

/* The card is made a few rows a frame, as the window draws: showing a
 * person, or a change to the matrix, does not wait for it, and a person
 * with many responsibilities does not hold up the window. A row's
 * subtitle wraps, and GTK lays a wrapping text out at a dozen widths
 * the first time it places it: about a millisecond a row. The previous
 * card stays until the new one starts. */
#define FILL_CHUNK 3

static void
stop_filling (TrellisMandateView *self)
{
  if (self->fill_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_source);
  self->fill_source = 0;
  g_clear_pointer (&self->filling, trellis_mandate_unref);
}

static gboolean
fill_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  TrellisMandateView *self = TRELLIS_MANDATE_VIEW (widget);
  const char *language = content_language (self);
  GPtrArray *values;
  guint n_items;
  guint end;

  if (self->filling == NULL)
    {
      clear (self->items);
      clear (self->values);
      self->filling = trellis_mandate_new (self->document, self->person);
      self->next_item = 0;
    }

  /* The responsibilities, then the values that guide them. */
  n_items = trellis_mandate_get_n_items (self->filling);
  values = trellis_mandate_get_values (self->filling);
  gtk_widget_set_visible (self->values_title, values->len > 0);
  end = MIN (n_items + values->len, self->next_item + FILL_CHUNK);
  for (; self->next_item < end; self->next_item++)
    {
      if (self->next_item < n_items)
        gtk_list_box_append (self->items, item_row (trellis_mandate_get_item (self->filling, self->next_item), language));
      else
        gtk_list_box_append (self->values, value_row (g_ptr_array_index (values, self->next_item - n_items), language));
    }

  if (self->next_item < n_items + values->len)
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  g_clear_pointer (&self->filling, trellis_mandate_unref);
  return G_SOURCE_REMOVE;
}

/**
 * trellis_mandate_view_is_filling:
 * @self: a #TrellisMandateView
 *
 * Returns: whether the card is still being made, some of its rows to
 *   follow in the next frames
 */
gboolean
trellis_mandate_view_is_filling (TrellisMandateView *self)
{
  g_return_val_if_fail (TRELLIS_IS_MANDATE_VIEW (self), FALSE);

  return self->fill_source != 0;
}

/**
 * trellis_mandate_view_refresh:
 * @self: a #TrellisMandateView
 *
 * Works the card out again, after the matrix changed. The card follows
 * in the next frames the window draws.
 */
void
trellis_mandate_view_refresh (TrellisMandateView *self)
{
  g_return_if_fail (TRELLIS_IS_MANDATE_VIEW (self));

  stop_filling (self);
  if (self->document == NULL || self->person == NULL)
    {
      clear (self->items);
      clear (self->values);
      gtk_widget_set_visible (self->values_title, FALSE);
      return;
    }

  self->fill_source = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_tick_cb, NULL, NULL);
}

/**
 * trellis_mandate_view_set_target:
 * @self: a #TrellisMandateView
 * @document: (nullable): the matrix
 * @person: (nullable): a person of it
 *
 * Shows the mandate card of @person.
 */
void
trellis_mandate_view_set_target (TrellisMandateView *self,
                                 TrellisDocument    *document,
                                 TrellisEntity      *person)
{
  g_return_if_fail (TRELLIS_IS_MANDATE_VIEW (self));

  g_set_object (&self->document, document);
  g_set_object (&self->person, person);
  trellis_mandate_view_refresh (self);
}

/* The card follows the content language of the window it is in. */
static void
trellis_mandate_view_root (GtkWidget *widget)
{
  TrellisMandateView *self = TRELLIS_MANDATE_VIEW (widget);

  GTK_WIDGET_CLASS (trellis_mandate_view_parent_class)->root (widget);

  self->root = gtk_widget_get_root (widget);
  if (TRELLIS_IS_WINDOW (self->root))
    g_signal_connect_object (self->root, "notify::content-language", G_CALLBACK (trellis_mandate_view_refresh),
                             self, G_CONNECT_SWAPPED);
  trellis_mandate_view_refresh (self);
}

static void
trellis_mandate_view_unroot (GtkWidget *widget)
{
  TrellisMandateView *self = TRELLIS_MANDATE_VIEW (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_data (self->root, self);
  self->root = NULL;

  GTK_WIDGET_CLASS (trellis_mandate_view_parent_class)->unroot (widget);
}

static void
trellis_mandate_view_dispose (GObject *object)
{
  TrellisMandateView *self = TRELLIS_MANDATE_VIEW (object);

  stop_filling (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (trellis_mandate_view_parent_class)->dispose (object);
}

static void
trellis_mandate_view_class_init (TrellisMandateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_mandate_view_dispose;
  widget_class->root = trellis_mandate_view_root;
  widget_class->unroot = trellis_mandate_view_unroot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkListBox *
boxed_list (const char *label)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *placeholder = gtk_label_new (_("None of this person’s roles holds a responsibility yet."));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);

  return GTK_LIST_BOX (list);
}

static void
trellis_mandate_view_init (TrellisMandateView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->items = boxed_list (_("What this person may decide"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->items));

  self->values_title = gtk_label_new (_("The values that guide these decisions"));
  gtk_widget_add_css_class (self->values_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->values_title), 0);
  gtk_widget_set_margin_top (self->values_title, 12);
  gtk_box_append (GTK_BOX (self->box), self->values_title);

  self->values = boxed_list (_("The values that guide these decisions"));
  gtk_list_box_set_placeholder (self->values, NULL);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->values));
  gtk_widget_set_visible (self->values_title, FALSE);
}
