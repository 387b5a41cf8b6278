/* trellis-cell-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-cell-actions"

#include "config.h"

#include <string.h>

#include "trellis-cell-actions.h"

/* The edits of one cell of a matrix, as actions of the group "cell" that
 * the window installs with its document. A widget that shows cells (the
 * heatmap, its popover) activates them with the ids of what the cell
 * shows; this object looks those ids up in the live document and makes
 * the edit through the document's API, which records it for undo. An
 * id that names nothing (an entity removed since the widget's layout was
 * made) or something of another kind is refused, and the document is
 * left alone.
 *
 *   cell.set-assessed-level  (sssi)  person, competency, source, level
 *   cell.set-assessed-want   (sssb)  person, competency, source, want
 *   cell.set-required-level  (ssi)   role or responsibility, competency,
 *                                    level or -1 (not required)
 *   cell.toggle-raci         (sss)   responsibility, role, letters ("C")
 *   cell.set-raci            (sssb)  responsibility, role, letters, given
 *   cell.set-authority       (ssu)   responsibility, role, delegation 0–7
 *   cell.clear-assignment    (ss)    responsibility, role
 *
 * A source is named as in a file ("self", "peer", "coach", "agreed");
 * an assessment is today's from that source, kept whole but for the one
 * thing set. */

struct _TrellisCellActions
{
  GSimpleActionGroup  parent_instance;

  TrellisDocument    *document;
};

G_DEFINE_FINAL_TYPE (TrellisCellActions, trellis_cell_actions, G_TYPE_SIMPLE_ACTION_GROUP)

/* The entity called @id, if it is a @type. */
static TrellisEntity *
lookup (TrellisCellActions *self,
        const char         *id,
        GType               type)
{
  TrellisEntity *entity = trellis_document_lookup (self->document, id);

  if (entity == NULL || !g_type_is_a (G_OBJECT_TYPE (entity), type))
    {
      g_debug ("No %s called ‘%s’ in the document: the edit is refused", g_type_name (type), id);
      return NULL;
    }

  return entity;
}

/* The current assignment of @role to @responsibility, or none. */
static TrellisAssignment
get_assignment (TrellisResponsibility *responsibility,
                const char            *role)
{
  GArray *assigns = trellis_entity_get_array (TRELLIS_ENTITY (responsibility), TRELLIS_FIELD_ASSIGNS);
  const TrellisAssignment *a = trellis_assignments_lookup (assigns, role);
  TrellisAssignment none = { NULL, TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE };

  return a != NULL ? *a : none;
}

/* The responsibility and the role named by the first two members of
 * @parameter, both in the document, and the role's assignment now. */
static TrellisResponsibility *
lookup_assignment (TrellisCellActions  *self,
                   GVariant            *parameter,
                   const char         **role,
                   TrellisAssignment   *current)
{
  const char *responsibility_id;
  TrellisEntity *responsibility;

  g_variant_get_child (parameter, 0, "&s", &responsibility_id);
  g_variant_get_child (parameter, 1, "&s", role);
  responsibility = lookup (self, responsibility_id, TRELLIS_TYPE_RESPONSIBILITY);
  if (responsibility == NULL || lookup (self, *role, TRELLIS_TYPE_ROLE) == NULL)
    return NULL;

  *current = get_assignment (TRELLIS_RESPONSIBILITY (responsibility), *role);
  return TRELLIS_RESPONSIBILITY (responsibility);
}

/* The RACI letters in member @index of @parameter. */
static gboolean
get_letters (GVariant    *parameter,
             gsize        index,
             TrellisRaci *raci)
{
  const char *letters;

  g_variant_get_child (parameter, index, "&s", &letters);
  if (!trellis_raci_from_string (letters, strlen (letters), raci) || *raci == TRELLIS_RACI_NONE)
    {
      g_debug ("‘%s’ are no RACI letters: the edit is refused", letters);
      return FALSE;
    }

  return TRUE;
}

/* The person, the competency and the source named by the first three
 * members of @parameter, all known. */
static TrellisPerson *
lookup_assessment (TrellisCellActions  *self,
                   GVariant            *parameter,
                   const char         **competency,
                   TrellisSource       *source)
{
  const char *person_id, *source_name;
  TrellisEntity *person;

  g_variant_get_child (parameter, 0, "&s", &person_id);
  g_variant_get_child (parameter, 1, "&s", competency);
  g_variant_get_child (parameter, 2, "&s", &source_name);
  person = lookup (self, person_id, TRELLIS_TYPE_PERSON);
  if (person == NULL || lookup (self, *competency, TRELLIS_TYPE_COMPETENCY) == NULL)
    return NULL;

  if (!trellis_source_from_string (source_name, strlen (source_name), source))
    {
      g_debug ("‘%s’ is no source of assessments: the edit is refused", source_name);
      return NULL;
    }

  return TRELLIS_PERSON (person);
}

static void
set_assessed_level_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TrellisCellActions *self = user_data;
  const char *competency;
  TrellisPerson *person;
  TrellisSource source;
  gint32 level;

  person = lookup_assessment (self, parameter, &competency, &source);
  g_variant_get_child (parameter, 3, "i", &level);

  /* The document refuses a level off its scale. */
  if (person != NULL)
    trellis_document_set_assessed_level (self->document, person, competency, source, 0, level);
}

static void
set_assessed_want_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TrellisCellActions *self = user_data;
  const char *competency;
  TrellisPerson *person;
  TrellisSource source;
  gboolean want;

  person = lookup_assessment (self, parameter, &competency, &source);
  g_variant_get_child (parameter, 3, "b", &want);

  if (person != NULL)
    trellis_document_set_assessed_want (self->document, person, competency, source, 0, want);
}

static void
set_required_level_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  TrellisCellActions *self = user_data;
  const char *id, *competency;
  TrellisEntity *entity;
  gint32 level;

  g_variant_get (parameter, "(&s&si)", &id, &competency, &level);
  entity = trellis_document_lookup (self->document, id);
  if (entity == NULL || !(TRELLIS_IS_ROLE (entity) || TRELLIS_IS_RESPONSIBILITY (entity)))
    {
      g_debug ("No role or responsibility called ‘%s’ in the document: the edit is refused", id);
      return;
    }
  if (lookup (self, competency, TRELLIS_TYPE_COMPETENCY) == NULL)
    return;

  if (level != TRELLIS_LEVEL_NONE && !trellis_document_level_in_scale (self->document, level))
    {
      g_debug ("%d is not on the scale: the edit is refused", level);
      return;
    }

  trellis_document_set_requirement (self->document, entity, competency, level);
}

static void
toggle_raci_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TrellisCellActions *self = user_data;
  TrellisResponsibility *responsibility;
  TrellisAssignment a;
  const char *role;
  TrellisRaci raci;

  responsibility = lookup_assignment (self, parameter, &role, &a);
  if (responsibility != NULL && get_letters (parameter, 2, &raci))
    trellis_document_set_assignment (self->document, responsibility, role, a.raci ^ raci, a.authority);
}

static void
set_raci_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TrellisCellActions *self = user_data;
  TrellisResponsibility *responsibility;
  TrellisAssignment a;
  const char *role;
  TrellisRaci raci;
  gboolean given;

  responsibility = lookup_assignment (self, parameter, &role, &a);
  g_variant_get_child (parameter, 3, "b", &given);
  if (responsibility != NULL && get_letters (parameter, 2, &raci))
    trellis_document_set_assignment (self->document, responsibility, role,
                                     given ? a.raci | raci : a.raci & ~raci, a.authority);
}

static void
set_authority_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TrellisCellActions *self = user_data;
  TrellisResponsibility *responsibility;
  TrellisAssignment a;
  const char *role;
  guint32 authority;

  responsibility = lookup_assignment (self, parameter, &role, &a);
  g_variant_get_child (parameter, 2, "u", &authority);
  if (responsibility == NULL)
    return;

  if (authority >= TRELLIS_N_AUTHORITIES)
    {
      g_debug ("%u is no delegation level: the edit is refused", authority);
      return;
    }

  trellis_document_set_assignment (self->document, responsibility, role, a.raci, authority);
}

static void
clear_assignment_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  TrellisCellActions *self = user_data;
  TrellisResponsibility *responsibility;
  TrellisAssignment a;
  const char *role;

  responsibility = lookup_assignment (self, parameter, &role, &a);
  if (responsibility != NULL)
    trellis_document_set_assignment (self->document, responsibility, role,
                                     TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE);
}

static const GActionEntry entries[] = {
  { "set-assessed-level", set_assessed_level_cb, "(sssi)" },
  { "set-assessed-want", set_assessed_want_cb, "(sssb)" },
  { "set-required-level", set_required_level_cb, "(ssi)" },
  { "toggle-raci", toggle_raci_cb, "(sss)" },
  { "set-raci", set_raci_cb, "(sssb)" },
  { "set-authority", set_authority_cb, "(ssu)" },
  { "clear-assignment", clear_assignment_cb, "(ss)" },
};

static void
trellis_cell_actions_finalize (GObject *object)
{
  TrellisCellActions *self = TRELLIS_CELL_ACTIONS (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (trellis_cell_actions_parent_class)->finalize (object);
}

static void
trellis_cell_actions_class_init (TrellisCellActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_cell_actions_finalize;
}

static void
trellis_cell_actions_init (TrellisCellActions *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}

/**
 * trellis_cell_actions_new:
 * @document: the document whose cells to edit
 *
 * Returns: (transfer full): the actions that edit @document's cells
 */
TrellisCellActions *
trellis_cell_actions_new (TrellisDocument *document)
{
  TrellisCellActions *self;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  self = g_object_new (TRELLIS_TYPE_CELL_ACTIONS, NULL);
  self->document = g_object_ref (document);

  return self;
}

/**
 * trellis_cell_actions_set_enabled:
 * @self: a #TrellisCellActions
 * @enabled: whether the cells may be edited
 *
 * Turns every edit of a cell off, or on again: a map presented to a
 * team only shows, unless the facilitator turns editing on.
 */
void
trellis_cell_actions_set_enabled (TrellisCellActions *self,
                                  gboolean            enabled)
{
  g_return_if_fail (TRELLIS_IS_CELL_ACTIONS (self));

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), entries[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

/**
 * trellis_cell_actions_install:
 * @widget: the widget that owns @document, usually its window
 * @document: (nullable): the document whose cells to edit
 *
 * Installs on @widget, as the group "cell", the actions that edit
 * @document's cells, in place of those of a document before; %NULL
 * takes them away.
 *
 * Returns: (transfer none) (nullable): the actions, owned by @widget
 */
TrellisCellActions *
trellis_cell_actions_install (GtkWidget       *widget,
                              TrellisDocument *document)
{
  g_autoptr(TrellisCellActions) actions = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (document == NULL || TRELLIS_IS_DOCUMENT (document), NULL);

  if (document != NULL)
    actions = trellis_cell_actions_new (document);

  gtk_widget_insert_action_group (widget, "cell", G_ACTION_GROUP (actions));

  return actions;
}
