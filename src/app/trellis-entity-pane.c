/* trellis-entity-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-entity-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "trellis-accessible.h"
#include "trellis-app-enums.h"
#include "trellis-date-button.h"
#include "trellis-entity-labels.h"
#include "trellis-entity-pane.h"
#include "trellis-grouped-list.h"
#include "trellis-monitor.h"
#include "trellis-pending-edits.h"
#include "trellis-widget-util.h"

/* One kind of entity as a list beside the editor of the selected one.
 * Built for workshop speed: type a name in the field under the list and
 * press Enter, and the next one can be typed at once; Tab moves on to
 * the editor. Delete removes the selected item without asking (a toast
 * offers Undo), Alt+Up and Alt+Down reorder. */

struct _TrellisEntityPane
{
  GtkWidget           parent_instance;

  TrellisDocument    *document;
  TrellisKind         kind;
  gboolean            pin_organisation;

  GListStore         *pinned;
  GListStore         *parts;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GHashTable         *editors;          /* TrellisKind → TrellisEditor */
  GHashTable         *bound;            /* GtkListItem set: the rows in use */
  TrellisGroupedList *grouped;          /* competencies under their values */
  guint               last_selected;
  TrellisEditor      *current_editor;
  gboolean            editor_stale;

  /* Template widgets */
  GtkEntry           *add_entry;
  GtkButton          *delete_button;
  GtkStack           *detail_stack;
  GtkBox             *editor_box;
  AdwStatusPage      *empty_page;
  GtkListView        *list_view;
  GtkButton          *move_down_button;
  GtkButton          *move_up_button;
  GtkSearchEntry     *search_entry;
};

static void trellis_entity_pane_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisEntityPane, trellis_entity_pane, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, trellis_entity_pane_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_KIND,
  PROP_PIN_ORGANISATION,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *placeholder;
  const char *add_label;
  const char *empty_title;
  const char *empty_description;
} KindTexts;

static const KindTexts kind_texts[TRELLIS_N_KINDS] = {
  [TRELLIS_KIND_VALUE] = {
    N_("New value…"), N_("Name of a new value"), N_("Values"),
    N_("The core values of the organisation, and the behaviours in daily work that show them. Type a value’s name under the list and press Enter."),
  },
  [TRELLIS_KIND_RESULT] = {
    N_("New result…"), N_("Name of a new result"), N_("Results"),
    N_("What customers or the organisation need from the team, and the values each result serves. Type a result under the list and press Enter."),
  },
  [TRELLIS_KIND_COMPETENCY] = {
    N_("New competency…"), N_("Name of a new competency"), N_("Competencies"),
    N_("The abilities the team’s work asks for, the values they express, and what each level looks like in behaviour. Type a competency under the list and press Enter."),
  },
  [TRELLIS_KIND_RESPONSIBILITY] = {
    N_("New responsibility…"), N_("Name of a new responsibility"), N_("Responsibilities"),
    N_("The work and decisions the team owns: who is responsible, accountable, consulted and informed, and how far each decision is delegated. Type one under the list and press Enter."),
  },
  [TRELLIS_KIND_ROLE] = {
    N_("New role…"), N_("Name of a new role"), N_("Roles"),
    N_("The roles in the team and the competency levels each needs. Type a role under the list and press Enter."),
  },
  [TRELLIS_KIND_PERSON] = {
    N_("New person…"), N_("Name of a new person"), N_("People"),
    N_("The people of the team, their roles, and what they can do today and want to grow in. Type a name under the list and press Enter."),
  },
  [TRELLIS_KIND_INDICATOR] = {
    N_("New indicator…"), N_("Name of a new indicator"), N_("Indicators"),
    N_("How the team checks that its results are reached: output and human indicators, targets, measurements and reviews. Type one under the list and press Enter."),
  },
  [TRELLIS_KIND_ACTION] = {
    N_("New action: what will happen…"), N_("Description of a new development action"), N_("Development Actions"),
    N_("Training, coaching, practice and mentoring agreed with people, with due dates. Type what will happen under the list and press Enter."),
  },
  [TRELLIS_KIND_FEEDBACK] = {
    N_("New feedback…"), N_("Text of a new feedback remark"), N_("Feedback"),
    N_("Remarks people leave on any part of the matrix, so that every one is answered. Type a remark under the list and press Enter."),
  },
};

/* Competencies are listed under the values they express, as in the
 * heatmaps: one that expresses two is under both. */
static GListModel *
current_list (TrellisEntityPane *self)
{
  g_clear_object (&self->grouped);
  if (self->document == NULL)
    return NULL;
  if (self->kind == TRELLIS_KIND_COMPETENCY)
    {
      self->grouped = trellis_grouped_list_new (self->document);
      trellis_grouped_list_set_search (self->grouped, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      return G_LIST_MODEL (self->grouped);
    }
  return trellis_document_get_list (self->document, self->kind);
}

static gboolean
is_heading (TrellisEntityPane *self,
            gpointer           item)
{
  return self->grouped != NULL && item != NULL && trellis_grouped_list_is_heading (self->grouped, item);
}

static void
update_buttons (TrellisEntityPane *self)
{
  TrellisEntity *entity = trellis_entity_pane_get_selected (self);
  gboolean movable = entity != NULL && self->document != NULL && !TRELLIS_IS_ORGANISATION (entity);
  guint position = 0;
  guint n = 0;

  if (movable)
    {
      movable = trellis_document_find_position (self->document, entity, &position);
      n = trellis_document_get_n_items (self->document, self->kind);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), movable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_up_button), movable && position > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_down_button), movable && position + 1 < n);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_entry), self->document != NULL);
}

static void
show_entity (TrellisEntityPane *self,
             TrellisEntity     *entity)
{
  TrellisEditor *editor = NULL;

  self->editor_stale = FALSE;

  if (entity != NULL)
    editor = g_hash_table_lookup (self->editors, GINT_TO_POINTER (trellis_entity_get_kind (entity)));

  if (self->current_editor != NULL && self->current_editor != editor)
    {
      trellis_editor_set_target (self->current_editor, self->document, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->current_editor), FALSE);
    }

  self->current_editor = editor;

  if (editor == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }

  trellis_editor_set_target (editor, self->document, entity);
  gtk_widget_set_visible (GTK_WIDGET (editor), TRUE);
  gtk_stack_set_visible_child_name (self->detail_stack, "editor");
}

/* A heading of the grouped list is never the selection: it passes on to
 * the first competency under it, or, going up, the last one before it. */
static gboolean
skip_heading (TrellisEntityPane *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (model);
  gboolean up = self->last_selected != GTK_INVALID_LIST_POSITION && selected < self->last_selected;

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;

  for (guint step = 0; step < 2; step++, up = !up)
    for (guint i = selected; i < n; up ? i-- : i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);

        if (!is_heading (self, item))
          {
            if (i == selected)
              return FALSE;
            gtk_single_selection_set_selected (self->selection, i);
            return TRUE;
          }
        if (up && i == 0)
          break;
      }

  return FALSE;
}

static void
selection_changed_cb (TrellisEntityPane *self)
{
  g_assert (TRELLIS_IS_ENTITY_PANE (self));

  if (self->grouped != NULL && skip_heading (self))
    return;
  self->last_selected = gtk_single_selection_get_selected (self->selection);

  /* A section out of view binds its editor when it comes into view:
   * opening a department's matrix must not build every editor. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->current_editor != NULL)
    show_entity (self, trellis_entity_pane_get_selected (self));
  else
    self->editor_stale = TRUE;
  update_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Rows */

static char *
dup_subtitle (TrellisEntityPane *self,
              TrellisEntity     *entity)
{
  g_autoptr(GString) str = g_string_new (NULL);
  const char * const *ids = NULL;

  switch (trellis_entity_get_kind (entity))
    {
    case TRELLIS_KIND_ORGANISATION:
      return g_strdup (_("Vision, mission and scale"));

    case TRELLIS_KIND_RESULT:
    case TRELLIS_KIND_COMPETENCY:
      ids = trellis_entity_get_strv (entity, TRELLIS_FIELD_VALUES);
      break;

    case TRELLIS_KIND_PERSON:
      ids = trellis_entity_get_strv (entity, TRELLIS_FIELD_ROLES);
      /* Who nobody has talked with about growing, after the roles. */
      {
        g_autofree char *quiet = trellis_dup_learning_rhythm (self->document, entity, trellis_date_today (), TRUE);

        if (quiet != NULL)
          {
            g_autofree char *roles = trellis_dup_labels_of_ids (self->document, ids);

            if (roles == NULL)
              return g_steal_pointer (&quiet);
            /* Translators: a person's roles, then how long nobody talked with them about growing. */
            return g_strdup_printf (_("%s · %s"), roles, quiet);
          }
      }
      break;

    case TRELLIS_KIND_RESPONSIBILITY:
    case TRELLIS_KIND_INDICATOR:
      {
        TrellisEntity *result = trellis_document_lookup (self->document,
                                                         trellis_entity_get_string (entity, TRELLIS_FIELD_RESULT));
        g_autofree char *label = result != NULL ? trellis_entity_dup_label (result) : NULL;
        g_autofree char *status = TRELLIS_IS_INDICATOR (entity) ? trellis_dup_indicator_status (entity, TRUE) : NULL;

        if (label != NULL && status != NULL)
          /* Translators: an indicator's result, then its latest measurement against its target. */
          return g_strdup_printf (_("%s · %s"), label, status);
        return label != NULL ? g_steal_pointer (&label) : g_steal_pointer (&status);
      }

    case TRELLIS_KIND_ACTION:
      {
        g_autofree char *due = NULL;
        TrellisDate date = trellis_entity_get_uint (entity, TRELLIS_FIELD_DUE);
        const char *status = trellis_action_status_get_label (trellis_entity_get_int (entity, TRELLIS_FIELD_STATUS));

        if (date == 0)
          return g_strdup (status);
        due = trellis_date_format_for_display (date);
        /* Translators: an action's status and due date, e.g. “Planned · due 31 January 2027”. */
        return g_strdup_printf (_("%s · due %s"), status, due);
      }

    case TRELLIS_KIND_FEEDBACK:
      {
        TrellisEntity *person = trellis_document_lookup (self->document,
                                                         trellis_entity_get_string (entity, TRELLIS_FIELD_PERSON));
        const char *status = trellis_feedback_status_get_label (trellis_entity_get_int (entity, TRELLIS_FIELD_STATUS));

        if (person != NULL)
          {
            g_autofree char *who = trellis_entity_dup_label (person);
            /* Translators: who left a feedback remark, and its status, e.g. “Anna · Open”. */
            return g_strdup_printf (_("%s · %s"), who, status);
          }
        return g_strdup (status);
      }

    case TRELLIS_KIND_VALUE:
    case TRELLIS_KIND_ROLE:
      {
        const char *description = trellis_entity_get_string (entity, TRELLIS_FIELD_DESCRIPTION);
        const char *nl;

        if (description == NULL)
          return NULL;
        nl = strchr (description, '\n');
        return nl != NULL ? g_strndup (description, nl - description) : g_strdup (description);
      }

    case TRELLIS_N_KINDS:
    default:
      return NULL;
    }

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TrellisEntity *e = trellis_document_lookup (self->document, ids[i]);
      g_autofree char *label = NULL;

      if (e == NULL)
        continue;
      label = trellis_entity_dup_label (e);
      if (str->len > 0)
        g_string_append (str, " · ");
      g_string_append (str, label);
    }

  return str->len > 0 ? g_string_free (g_steal_pointer (&str), FALSE) : NULL;
}

static void
update_row (GtkListItem *item)
{
  TrellisEntityPane *self = g_object_get_data (G_OBJECT (item), "pane");
  TrellisEntity *entity = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *icon = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  GtkWidget *missed_icon = gtk_widget_get_next_sibling (icon);
  g_autofree char *label = NULL;
  g_autofree char *sub = NULL;
  gboolean private_person;
  gboolean missed;

  if (entity == NULL || self == NULL || self->document == NULL)
    return;

  /* A value over its competencies: a heading, not an item. */
  gtk_list_item_set_selectable (item, !is_heading (self, entity));
  gtk_list_item_set_activatable (item, !is_heading (self, entity));
  if (is_heading (self, entity))
    {
      g_autofree char *heading = trellis_grouped_list_dup_heading_label (entity);
      /* Translators: how screen readers name the heading of a group of competencies; %s is a value. */
      g_autofree char *accessible = g_strdup_printf (_("Value: %s"), heading);

      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (box, "group-heading");
      gtk_label_set_label (GTK_LABEL (title), heading);
      gtk_widget_set_visible (subtitle, FALSE);
      gtk_widget_set_visible (icon, FALSE);
      gtk_widget_set_visible (missed_icon, FALSE);
      trellis_accessible_label_list_item (box, accessible);
      return;
    }
  gtk_widget_remove_css_class (title, "heading");
  gtk_widget_remove_css_class (box, "group-heading");

  label = TRELLIS_IS_ORGANISATION (entity)
          ? g_strdup (trellis_entity_get_name (entity) != NULL && trellis_entity_get_name (entity)[0] != '\0'
                      ? trellis_entity_get_name (entity) : _("Organisation"))
          : trellis_entity_dup_display_label (self->document, entity);
  sub = dup_subtitle (self, entity);

  gtk_label_set_label (GTK_LABEL (title), label);
  gtk_label_set_label (GTK_LABEL (subtitle), sub != NULL ? sub : "");
  gtk_widget_set_visible (subtitle, sub != NULL && sub[0] != '\0');

  /* Colour never says it alone: a lock, a tooltip and words for screen readers. */
  private_person = TRELLIS_IS_PERSON (entity) &&
                   trellis_entity_get_int (entity, TRELLIS_FIELD_SHARE) == TRELLIS_SHARE_PRIVATE;
  gtk_widget_set_visible (icon, private_person);
  missed = TRELLIS_IS_INDICATOR (entity) && trellis_indicator_misses_target (entity);
  gtk_widget_set_visible (missed_icon, missed);

  if (missed)
    {
      /* Translators: how screen readers name an indicator whose latest
       * measurement is below its target, e.g. “First-contact resolution, misses its target”. */
      g_autofree char *accessible = g_strdup_printf (_("%s, misses its target"), label);

      trellis_accessible_label_list_item (box, accessible);
    }
  else if (private_person)
    {
      /* Translators: how screen readers name a person who keeps their
       * assessments private, e.g. “Anna, keeps their assessments private”. */
      g_autofree char *accessible = g_strdup_printf (_("%s, keeps their assessments private"), label);

      trellis_accessible_label_list_item (box, accessible);
    }
  else
    trellis_accessible_label_list_item (box, label);
}

static void
row_entity_notify_cb (GtkListItem *item)
{
  update_row (item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TrellisEntityPane        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
  GtkWidget *missed_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  trellis_widget_set_new_tooltip (icon, _("Keeps their assessments private"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Keeps their assessments private"),
                                  -1);
  gtk_widget_set_visible (icon, FALSE);
  trellis_widget_set_new_tooltip (missed_icon, _("The latest measurement misses the target"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (missed_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Misses its target"),
                                  -1);
  gtk_widget_set_visible (missed_icon, FALSE);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), missed_icon);
  gtk_widget_add_css_class (box, "entity-row");

  gtk_list_item_set_child (item, box);
  g_object_set_data (G_OBJECT (item), "pane", self);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TrellisEntityPane        *self)
{
  TrellisEntity *entity = gtk_list_item_get_item (item);
  gulong id;

  id = g_signal_connect_object (entity, "notify", G_CALLBACK (row_entity_notify_cb), item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), "notify-id", GSIZE_TO_POINTER (id));
  g_hash_table_add (self->bound, item);
  update_row (item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TrellisEntityPane        *self)
{
  TrellisEntity *entity = gtk_list_item_get_item (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "notify-id"));

  if (entity != NULL && id != 0)
    g_signal_handler_disconnect (entity, id);
  g_object_set_data (G_OBJECT (item), "notify-id", NULL);
  g_hash_table_remove (self->bound, item);
}

/* Filtering */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TrellisEntityPane *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *label = NULL;
  g_autofree char *folded_label = NULL;
  g_autofree char *folded_search = NULL;

  /* The grouped list searches itself, keeping the headings over what it
   * finds. */
  if (search == NULL || search[0] == '\0' || self->grouped != NULL)
    return TRUE;

  label = trellis_entity_dup_display_label (self->document, item);
  folded_label = g_utf8_casefold (label, -1);
  folded_search = g_utf8_casefold (search, -1);

  return strstr (folded_label, folded_search) != NULL;
}

static void
search_changed_cb (TrellisEntityPane *self)
{
  g_assert (TRELLIS_IS_ENTITY_PANE (self));

  if (self->grouped != NULL)
    trellis_grouped_list_set_search (self->grouped, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
stop_search_cb (TrellisEntityPane *self)
{
  g_assert (TRELLIS_IS_ENTITY_PANE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Actions */

static void
add_activate_cb (TrellisEntityPane *self)
{
  g_autofree char *stripped = NULL;
  const char *text;

  g_assert (TRELLIS_IS_ENTITY_PANE (self));

  text = gtk_editable_get_text (GTK_EDITABLE (self->add_entry));
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (stripped[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self->add_entry));
      return;
    }

  trellis_entity_pane_add (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

/* The row of the list that shows the selected item, if it has one now. */
static GtkWidget *
selected_row (TrellisEntityPane *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      GtkWidget *child = gtk_list_item_get_child (item);

      if (gtk_list_item_get_position (item) == selected && child != NULL)
        return gtk_widget_get_parent (child);
    }

  return NULL;
}

/* Up and Down from the field under the list go into the list, at the
 * selected item, never on to the buttons under the field: Enter there
 * would move or delete. */
static void
focus_list (TrellisEntityPane *self)
{
  GtkWidget *row = selected_row (self);

  if (row == NULL || !gtk_widget_grab_focus (row))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Tab from the field under the list moves on to the editor of what was
 * just added, not through the buttons under the list. */
static gboolean
add_entry_key_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  TrellisEntityPane     *self)
{
  if ((state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
        return TRUE;
      focus_list (self);
      return TRUE;
    }

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;

  if (self->current_editor == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->current_editor)))
    return FALSE;

  trellis_editor_focus_first (self->current_editor);
  return TRUE;
}

static void
list_activate_cb (TrellisEntityPane *self,
                  guint              position)
{
  g_assert (TRELLIS_IS_ENTITY_PANE (self));

  /* Enter on a row: edit it. */
  if (self->current_editor != NULL)
    trellis_editor_focus_first (self->current_editor);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  trellis_entity_pane_delete_selected (TRELLIS_ENTITY_PANE (widget));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  trellis_entity_pane_move_selected (TRELLIS_ENTITY_PANE (widget), g_variant_get_int32 (param));
}

static void
focus_add_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  trellis_entity_pane_focus_add (TRELLIS_ENTITY_PANE (widget));
}

static void
focus_search_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  TrellisEntityPane *self = TRELLIS_ENTITY_PANE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
document_changed_cb (TrellisEntityPane   *self,
                     const TrellisChange *change)
{
  g_assert (TRELLIS_IS_ENTITY_PANE (self));

  if (change->entity != NULL && trellis_entity_get_kind (change->entity) == self->kind)
    update_buttons (self);
}

/* GObject and GtkBuildable */

static void
trellis_entity_pane_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  TrellisEntityPane *self = TRELLIS_ENTITY_PANE (buildable);

  if (g_strcmp0 (type, "editor") == 0 && TRELLIS_IS_EDITOR (child))
    {
      trellis_entity_pane_add_editor (self, TRELLIS_EDITOR (child));
      return;
    }

  parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
trellis_entity_pane_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = trellis_entity_pane_add_child;
}

/* A list view makes rows for up to 200 items as soon as it has a model,
 * shown or not. A section out of view lets go of its rows when its list
 * changes, and makes them when it comes into view: opening a matrix
 * then makes the rows of one section, not of all nine. The selection
 * model stays whole, so selecting works in a section out of view too. */
static void
attach_list (TrellisEntityPane *self)
{
  guint selected;

  if (gtk_list_view_get_model (self->list_view) != NULL)
    return;

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
}

static void
rebuild_model (TrellisEntityPane *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_list_view_set_model (self->list_view, NULL);

  g_list_store_remove_all (self->pinned);
  if (self->pin_organisation && self->document != NULL)
    g_list_store_append (self->pinned, trellis_document_get_organisation (self->document));

  gtk_filter_list_model_set_model (self->filtered, current_list (self));
}

static void
trellis_entity_pane_map (GtkWidget *widget)
{
  TrellisEntityPane *self = TRELLIS_ENTITY_PANE (widget);

  attach_list (self);

  GTK_WIDGET_CLASS (trellis_entity_pane_parent_class)->map (widget);

  if (self->editor_stale)
    show_entity (self, trellis_entity_pane_get_selected (self));
}

static void
trellis_entity_pane_constructed (GObject *object)
{
  TrellisEntityPane *self = TRELLIS_ENTITY_PANE (object);
  const KindTexts *texts = &kind_texts[self->kind];

  G_OBJECT_CLASS (trellis_entity_pane_parent_class)->constructed (object);

  if (texts->placeholder != NULL)
    {
      gtk_entry_set_placeholder_text (self->add_entry, _(texts->placeholder));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(texts->add_label),
                                      -1);
      adw_status_page_set_title (self->empty_page, _(texts->empty_title));
      adw_status_page_set_description (self->empty_page, _(texts->empty_description));
    }
}

static void
trellis_entity_pane_dispose (GObject *object)
{
  TrellisEntityPane *self = TRELLIS_ENTITY_PANE (object);
  GtkWidget *child;

  trellis_entity_pane_set_document (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_ENTITY_PANE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->grouped);
  g_clear_object (&self->selection);
  g_clear_object (&self->pinned);
  g_clear_object (&self->parts);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (trellis_entity_pane_parent_class)->dispose (object);
}

static void
trellis_entity_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrellisEntityPane *self = TRELLIS_ENTITY_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_PIN_ORGANISATION:
      g_value_set_boolean (value, self->pin_organisation);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, trellis_entity_pane_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_entity_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrellisEntityPane *self = TRELLIS_ENTITY_PANE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      trellis_entity_pane_set_document (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_PIN_ORGANISATION:
      self->pin_organisation = g_value_get_boolean (value);
      rebuild_model (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_entity_pane_class_init (TrellisEntityPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = trellis_entity_pane_constructed;
  object_class->dispose = trellis_entity_pane_dispose;
  object_class->get_property = trellis_entity_pane_get_property;
  object_class->set_property = trellis_entity_pane_set_property;
  widget_class->map = trellis_entity_pane_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TRELLIS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TRELLIS_TYPE_KIND, TRELLIS_KIND_VALUE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PIN_ORGANISATION] =
    g_param_spec_boolean ("pin-organisation", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, TRELLIS_TYPE_ENTITY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-entity-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, add_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, delete_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, editor_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisEntityPane, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, add_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "pane.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "pane.move", "i", move_action_cb);
  gtk_widget_class_install_action (widget_class, "pane.focus-add", NULL, focus_add_action_cb);
  gtk_widget_class_install_action (widget_class, "pane.focus-search", NULL, focus_search_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitypane");
}

static void
trellis_entity_pane_init (TrellisEntityPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;
  GtkShortcut *shortcut;

  self->editors = g_hash_table_new (NULL, NULL);
  self->last_selected = GTK_INVALID_LIST_POSITION;
  self->bound = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pinned = g_list_store_new (TRELLIS_TYPE_ENTITY);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, self->pinned);
  g_list_store_append (self->parts, self->filtered);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->parts)))));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Keys on the list: Delete, Alt+Up, Alt+Down. */
  keys = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                               gtk_named_action_new ("pane.delete"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                               gtk_named_action_new ("pane.delete"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                               gtk_named_action_new ("pane.move"));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (-1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                               gtk_named_action_new ("pane.move"));
  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);

  /* Ctrl+F searches the list of the section in view. */
  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_MANAGED);
  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                               gtk_named_action_new ("pane.focus-search"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (add_entry_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->add_entry), keys);

  update_buttons (self);
}

TrellisDocument *
trellis_entity_pane_get_document (TrellisEntityPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), NULL);

  return self->document;
}

void
trellis_entity_pane_set_document (TrellisEntityPane *self,
                                  TrellisDocument   *document)
{
  g_return_if_fail (TRELLIS_IS_ENTITY_PANE (self));
  g_return_if_fail (!document || TRELLIS_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);

  /* Let go of the old document's entities before the new list arrives. */
  if (self->current_editor != NULL)
    trellis_editor_set_target (self->current_editor, document, NULL);

  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->selection != NULL)
    {
      rebuild_model (self);
      selection_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TrellisKind
trellis_entity_pane_get_kind (TrellisEntityPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), TRELLIS_KIND_VALUE);

  return self->kind;
}

/**
 * trellis_entity_pane_add_editor:
 * @self: a #TrellisEntityPane
 * @editor: the editor of one kind of entity the pane lists
 */
void
trellis_entity_pane_add_editor (TrellisEntityPane *self,
                                TrellisEditor     *editor)
{
  g_return_if_fail (TRELLIS_IS_ENTITY_PANE (self));
  g_return_if_fail (TRELLIS_IS_EDITOR (editor));

  g_hash_table_insert (self->editors, GINT_TO_POINTER (trellis_editor_get_kind (editor)), editor);
  gtk_widget_set_visible (GTK_WIDGET (editor), FALSE);
  gtk_box_append (self->editor_box, GTK_WIDGET (editor));

  if (self->selection != NULL)
    selection_changed_cb (self);
}

/**
 * trellis_entity_pane_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of @kind
 */
TrellisEditor *
trellis_entity_pane_get_editor (TrellisEntityPane *self,
                                TrellisKind        kind)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), NULL);

  return g_hash_table_lookup (self->editors, GINT_TO_POINTER (kind));
}

/**
 * trellis_entity_pane_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected entity
 */
TrellisEntity *
trellis_entity_pane_get_selected (TrellisEntityPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), NULL);

  if (self->selection == NULL || is_heading (self, gtk_single_selection_get_selected_item (self->selection)))
    return NULL;

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * trellis_entity_pane_select:
 * @self: a #TrellisEntityPane
 * @entity: an entity of the pane's list
 *
 * Selects @entity and scrolls it into view.
 *
 * Returns: %TRUE if it is in the list as filtered now
 */
gboolean
trellis_entity_pane_select (TrellisEntityPane *self,
                            TrellisEntity     *entity)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), FALSE);

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) entity)
        {
          gtk_single_selection_set_selected (self->selection, i);
          /* Out of view, coming into view scrolls to it. */
          if (gtk_list_view_get_model (self->list_view) != NULL)
            gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Selects @entity, even when the search hid it. */
static void
select_even_if_searched (TrellisEntityPane *self,
                         TrellisEntity     *entity)
{
  if (!trellis_entity_pane_select (self, entity))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      trellis_entity_pane_select (self, entity);
    }
}

/**
 * trellis_entity_pane_open:
 * @self: a #TrellisEntityPane
 * @entity: an entity of the pane's list
 *
 * Selects @entity, even when the search hid it, and puts the keyboard
 * focus in its editor, as Enter on its row does.
 */
void
trellis_entity_pane_open (TrellisEntityPane *self,
                          TrellisEntity     *entity)
{
  g_return_if_fail (TRELLIS_IS_ENTITY_PANE (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));

  select_even_if_searched (self, entity);
  if (self->editor_stale)
    show_entity (self, trellis_entity_pane_get_selected (self));
  if (self->current_editor != NULL && trellis_entity_pane_get_selected (self) == entity)
    trellis_editor_focus_first (self->current_editor);
}

/**
 * trellis_entity_pane_add:
 * @self: a #TrellisEntityPane
 * @text: the name, or for actions and feedback the text
 *
 * Adds an entity after the others and selects it, as one undo step.
 *
 * Returns: (transfer none): the new entity
 */
TrellisEntity *
trellis_entity_pane_add (TrellisEntityPane *self,
                         const char        *text)
{
  TrellisEntity *entity;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  trellis_pending_edits_commit_for (GTK_WIDGET (self));

  name = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (self->kind == TRELLIS_KIND_ACTION || self->kind == TRELLIS_KIND_FEEDBACK)
    {
      TrellisField field = self->kind == TRELLIS_KIND_ACTION ? TRELLIS_FIELD_NOTE : TRELLIS_FIELD_TEXT;
      g_autofree char *label = g_strdup_printf (_("Add %s"), trellis_kind_get_label (self->kind));

      trellis_document_begin_group (self->document, label);
      entity = trellis_document_create (self->document, self->kind, NULL, -1);
      if (self->kind == TRELLIS_KIND_ACTION)
        trellis_document_set_uint (self->document, entity, TRELLIS_FIELD_DUE, 0);
      trellis_document_set_string (self->document, entity, field, name[0] != '\0' ? name : NULL);
      trellis_document_end_group (self->document);
    }
  else
    {
      entity = trellis_document_create (self->document, self->kind, name, -1);
    }

  select_even_if_searched (self, entity);

  return entity;
}

/**
 * trellis_entity_pane_delete_selected:
 * @self: a #TrellisEntityPane
 *
 * Deletes the selected entity without asking; a toast offers Undo.
 */
void
trellis_entity_pane_delete_selected (TrellisEntityPane *self)
{
  TrellisEntity *entity;
  g_autoptr(TrellisEntity) hold = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (TRELLIS_IS_ENTITY_PANE (self));

  entity = trellis_entity_pane_get_selected (self);
  if (entity == NULL || TRELLIS_IS_ORGANISATION (entity) || self->document == NULL)
    return;

  trellis_pending_edits_commit_for (GTK_WIDGET (self));

  hold = g_object_ref (entity);
  label = trellis_entity_dup_display_label (self->document, entity);
  trellis_document_remove (self->document, entity);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-deleted-toast", "s", label);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/**
 * trellis_entity_pane_move_selected:
 * @self: a #TrellisEntityPane
 * @delta: -1 to move up, 1 to move down
 */
void
trellis_entity_pane_move_selected (TrellisEntityPane *self,
                                   int                delta)
{
  TrellisEntity *entity;
  guint position;
  guint n;

  g_return_if_fail (TRELLIS_IS_ENTITY_PANE (self));

  entity = trellis_entity_pane_get_selected (self);
  if (entity == NULL || TRELLIS_IS_ORGANISATION (entity) || self->document == NULL)
    return;

  if (!trellis_document_find_position (self->document, entity, &position))
    return;

  n = trellis_document_get_n_items (self->document, self->kind);
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  trellis_pending_edits_commit_for (GTK_WIDGET (self));
  trellis_document_move (self->document, entity, position + delta);
  trellis_entity_pane_select (self, entity);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/**
 * trellis_entity_pane_focus_add:
 * @self: a #TrellisEntityPane
 *
 * Puts the keyboard focus in the field that adds an entity.
 */
void
trellis_entity_pane_focus_add (TrellisEntityPane *self)
{
  g_return_if_fail (TRELLIS_IS_ENTITY_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->add_entry));
}

/**
 * trellis_entity_pane_get_add_entry:
 *
 * Returns: (transfer none): the field that adds an entity
 */
GtkEditable *
trellis_entity_pane_get_add_entry (TrellisEntityPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), NULL);

  return GTK_EDITABLE (self->add_entry);
}

/**
 * trellis_entity_pane_get_list_view:
 *
 * Returns: (transfer none): the list
 */
GtkListView *
trellis_entity_pane_get_list_view (TrellisEntityPane *self)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY_PANE (self), NULL);

  return self->list_view;
}
