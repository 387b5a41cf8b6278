/* trellis-assignment-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-assignment-table"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-assignment-table.h"
#include "trellis-choice-button.h"
#include "trellis-table-util.h"
#include "trellis-widget-util.h"

/* Who does what for one responsibility: every role with its RACI letters
 * (toggles, several allowed) and how far the decision is delegated to it
 * (the seven levels of a delegation board). */

struct _TrellisAssignmentTable
{
  GtkWidget              parent_instance;

  GtkWidget             *scroller;
  GtkColumnView         *column_view;
  GtkStringList         *authorities;
  GHashTable            *bound;        /* GtkListItem → TRUE */

  TrellisDocument       *document;
  TrellisResponsibility *responsibility;
  gulong                 notify_id;
  gboolean               updating;
};

G_DEFINE_FINAL_TYPE (TrellisAssignmentTable, trellis_assignment_table, GTK_TYPE_WIDGET)

static const TrellisRaci letters[] = {
  TRELLIS_RACI_RESPONSIBLE, TRELLIS_RACI_ACCOUNTABLE, TRELLIS_RACI_CONSULTED, TRELLIS_RACI_INFORMED,
};

static const TrellisAssignment *
lookup (TrellisAssignmentTable *self,
        GtkListItem            *item)
{
  TrellisEntity *role = gtk_list_item_get_item (item);

  if (self->responsibility == NULL || role == NULL)
    return NULL;

  return trellis_assignments_lookup (trellis_entity_get_array (TRELLIS_ENTITY (self->responsibility),
                                                               TRELLIS_FIELD_ASSIGNS),
                                     trellis_entity_get_id (role));
}

static void
update_item (TrellisAssignmentTable *self,
             GtkListItem            *item)
{
  const TrellisAssignment *a = lookup (self, item);
  GtkWidget *toggles = g_object_get_data (G_OBJECT (item), "raci-box");
  GtkWidget *authority = g_object_get_data (G_OBJECT (item), "authority");

  self->updating = TRUE;

  if (toggles != NULL)
    {
      guint i = 0;

      for (GtkWidget *t = gtk_widget_get_first_child (toggles); t != NULL; t = gtk_widget_get_next_sibling (t), i++)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (t), a != NULL && (a->raci & letters[i]) != 0);
    }

  if (authority != NULL)
    trellis_choice_button_set_selected (TRELLIS_CHOICE_BUTTON (authority), a != NULL ? a->authority : TRELLIS_AUTHORITY_NONE);

  self->updating = FALSE;
}

static void
update_all (TrellisAssignmentTable *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_item (self, item);
}

/* Each column has list items of its own: a toggle changes one letter, the
 * dropdown the delegation, the rest is kept as the document has it. */
static void
commit (TrellisAssignmentTable *self,
        GtkListItem            *item,
        TrellisRaci             letter,
        gboolean                letter_set,
        gint                    authority)
{
  TrellisEntity *role = gtk_list_item_get_item (item);
  const TrellisAssignment *a;
  TrellisRaci raci;
  TrellisAuthority current_authority;

  if (self->updating || self->responsibility == NULL || role == NULL)
    return;

  a = lookup (self, item);
  raci = a != NULL ? a->raci : TRELLIS_RACI_NONE;
  current_authority = a != NULL ? a->authority : TRELLIS_AUTHORITY_NONE;

  if (letter != TRELLIS_RACI_NONE)
    raci = letter_set ? (raci | letter) : (raci & ~letter);
  if (authority >= 0)
    current_authority = (TrellisAuthority) authority;

  trellis_document_set_assignment (self->document, self->responsibility, trellis_entity_get_id (role),
                                   raci, current_authority);
}

static void
letter_toggled_cb (GtkToggleButton        *button,
                   TrellisAssignmentTable *self)
{
  TrellisRaci letter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "letter"));

  commit (self, g_object_get_data (G_OBJECT (button), "list-item"), letter,
          gtk_toggle_button_get_active (button), -1);
}

static void
authority_selected_cb (TrellisChoiceButton    *dropdown,
                       GParamSpec             *pspec,
                       TrellisAssignmentTable *self)
{
  guint selected = trellis_choice_button_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= TRELLIS_N_AUTHORITIES)
    return;

  commit (self, g_object_get_data (G_OBJECT (dropdown), "list-item"), TRELLIS_RACI_NONE, FALSE, (gint) selected);
}

static void
setup_raci_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TrellisAssignmentTable   *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "raci");
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    {
      char buf[5];
      GtkWidget *toggle = gtk_toggle_button_new_with_label (trellis_raci_to_string (letters[i], buf));

      trellis_widget_set_new_tooltip (toggle, trellis_raci_get_label (letters[i]));
      g_object_set_data (G_OBJECT (toggle), "list-item", item);
      g_object_set_data (G_OBJECT (toggle), "letter", GUINT_TO_POINTER (letters[i]));
      g_signal_connect (toggle, "toggled", G_CALLBACK (letter_toggled_cb), self);
      gtk_box_append (GTK_BOX (box), toggle);
    }

  g_object_set_data (G_OBJECT (item), "raci-box", box);
  gtk_list_item_set_child (item, box);
}

static void
bind_raci_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TrellisAssignmentTable   *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *role = trellis_entity_dup_label (gtk_list_item_get_item (item));
  guint i = 0;

  for (GtkWidget *t = gtk_widget_get_first_child (box); t != NULL; t = gtk_widget_get_next_sibling (t), i++)
    {
      /* Translators: the accessible name of a RACI toggle, e.g. “Agent is Accountable”. */
      g_autofree char *name = g_strdup_printf (_("%s is %s"), role, trellis_raci_get_label (letters[i]));

      gtk_accessible_update_property (GTK_ACCESSIBLE (t), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  g_hash_table_add (self->bound, item);
  update_item (self, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TrellisAssignmentTable   *self)
{
  g_hash_table_remove (self->bound, item);
}

/* A digit is the level of delegation, 1 Tell to 7 Delegate; 0 and
 * Delete leave it open. */
static gboolean
authority_key_cb (TrellisChoiceButton *dropdown,
                  guint                keyval,
                  guint               *position,
                  gpointer             user_data)
{
  gunichar ch = gdk_keyval_to_unicode (keyval);

  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace)
    {
      *position = TRELLIS_AUTHORITY_NONE;
      return TRUE;
    }

  if (!g_unichar_isdigit (ch))
    return FALSE;

  /* 8 and 9 are past the last level: the button rings the bell. */
  *position = g_unichar_digit_value (ch);

  return TRUE;
}

static void
setup_authority_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    TrellisAssignmentTable   *self)
{
  GtkWidget *dropdown = trellis_choice_button_new (G_LIST_MODEL (self->authorities));

  g_object_set_data (G_OBJECT (dropdown), "list-item", item);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (authority_selected_cb), self);
  trellis_choice_button_set_key_func (TRELLIS_CHOICE_BUTTON (dropdown), authority_key_cb, NULL);
  g_object_set_data (G_OBJECT (item), "authority", dropdown);
  gtk_list_item_set_child (item, dropdown);
}

static void
bind_authority_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   TrellisAssignmentTable   *self)
{
  g_autofree char *role = trellis_entity_dup_label (gtk_list_item_get_item (item));
  /* Translators: the accessible name of a delegation level chooser; %s is a role. */
  g_autofree char *name = g_strdup_printf (_("Delegation level of ‘%s’"), role);

  trellis_choice_button_set_accessible_label (TRELLIS_CHOICE_BUTTON (gtk_list_item_get_child (item)), name);
  g_hash_table_add (self->bound, item);
  update_item (self, item);
}

/* A row's widgets go away: forget them, bound or not. */
static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TrellisAssignmentTable *self)
{
  g_hash_table_remove (self->bound, item);
}

static void
entity_notify_cb (TrellisAssignmentTable *self)
{
  update_all (self);
}

static void
trellis_assignment_table_dispose (GObject *object)
{
  TrellisAssignmentTable *self = TRELLIS_ASSIGNMENT_TABLE (object);

  trellis_assignment_table_set_target (self, NULL, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_object (&self->authorities);

  G_OBJECT_CLASS (trellis_assignment_table_parent_class)->dispose (object);
}

static void
trellis_assignment_table_class_init (TrellisAssignmentTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_assignment_table_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assignmenttable");
}

static void
trellis_assignment_table_init (TrellisAssignmentTable *self)
{
  self->bound = g_hash_table_new (NULL, NULL);
  self->authorities = gtk_string_list_new (NULL);
  for (guint i = 0; i < TRELLIS_N_AUTHORITIES; i++)
    gtk_string_list_append (self->authorities, trellis_authority_get_label (i));

  self->column_view = trellis_table_view_new (GTK_WIDGET (self), NULL,
                                              _("Roles, their RACI letters and delegation levels"),
                                              &self->scroller);

  trellis_table_add_name_column (self->column_view, _("Role"));
  trellis_table_add_column (self->column_view, C_("column", "RACI"),
                            G_CALLBACK (setup_raci_cb), G_CALLBACK (bind_raci_cb),
                            G_CALLBACK (unbind_cb), G_CALLBACK (teardown_cb), self);
  trellis_table_add_column (self->column_view, _("Delegation"),
                            G_CALLBACK (setup_authority_cb), G_CALLBACK (bind_authority_cb),
                            G_CALLBACK (unbind_cb), G_CALLBACK (teardown_cb), self);
}

GtkWidget *
trellis_assignment_table_new (void)
{
  return g_object_new (TRELLIS_TYPE_ASSIGNMENT_TABLE, NULL);
}

/* Each responsibility's roles are entered at the first row, not at
 * the role that had the focus in the responsibility before. */
static void
start_at_first_row (TrellisAssignmentTable *self)
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
 * trellis_assignment_table_set_target:
 * @self: a #TrellisAssignmentTable
 * @document: (nullable): the document
 * @responsibility: (nullable): the responsibility whose assignments are shown
 */
void
trellis_assignment_table_set_target (TrellisAssignmentTable *self,
                                     TrellisDocument        *document,
                                     TrellisResponsibility  *responsibility)
{
  gboolean changed;

  g_return_if_fail (TRELLIS_IS_ASSIGNMENT_TABLE (self));

  changed = self->responsibility != responsibility;
  if (self->responsibility != NULL)
    g_clear_signal_handler (&self->notify_id, self->responsibility);

  if (self->document != document)
    {
      g_set_object (&self->document, document);
      trellis_table_set_list (self->column_view, self->scroller,
                              document != NULL ? trellis_document_get_list (document, TRELLIS_KIND_ROLE) : NULL);
    }

  g_set_object (&self->responsibility, responsibility);
  if (responsibility != NULL)
    self->notify_id = g_signal_connect_object (responsibility, "notify::assigns", G_CALLBACK (entity_notify_cb),
                                               self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self), responsibility != NULL);
  update_all (self);
  if (changed)
    start_at_first_row (self);
}
