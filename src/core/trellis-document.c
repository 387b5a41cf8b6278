/* trellis-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-document-private.h"

/* The undo history. Every change is made of primitive edits, each of
 * which knows how to apply itself both ways; a group of edits is one step
 * for the person (Ctrl+Z undoes the group). */

typedef enum
{
  EDIT_INSERT,
  EDIT_REMOVE,
  EDIT_MOVE,
  EDIT_FIELD,
  EDIT_RECORD_INSERT,
  EDIT_RECORD_REMOVE,
  EDIT_RECORD_REPLACE,
} EditKind;

typedef struct
{
  EditKind       kind;
  TrellisEntity *entity;
  guint          position;
  guint          to_position;
  TrellisField   field;
  GValue         old_value;
  GValue         new_value;
  TrellisRecord  old_record;
  TrellisRecord  new_record;
} Edit;

typedef struct
{
  char      *label;
  GPtrArray *edits;
  guint      serial;
} EditGroup;

struct _TrellisLoadReport
{
  GArray *items;
  guint   n_errors;
};

typedef struct
{
  TrellisLoadSeverity severity;
  gint                code;
  guint               line;
  char               *message;
} ReportItem;

G_DEFINE_FINAL_TYPE (TrellisDocument, trellis_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (trellis-document-error-quark, trellis_document_error)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_FILE,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_clear_object (&edit->entity);
  if (G_IS_VALUE (&edit->old_value))
    g_value_unset (&edit->old_value);
  if (G_IS_VALUE (&edit->new_value))
    g_value_unset (&edit->new_value);
  g_free (edit);
}

static void
edit_group_free (gpointer data)
{
  EditGroup *group = data;

  g_free (group->label);
  g_ptr_array_unref (group->edits);
  g_free (group);
}

static void
text_free (gpointer data)
{
  TrellisText *text = data;

  if (text == NULL)
    return;

  g_free (text->note);
  g_free (text->evidence);
  g_free (text);
}

static void
emit_change (TrellisDocument   *self,
             TrellisChangeKind  kind,
             TrellisEntity     *entity,
             TrellisField       field,
             guint              position,
             guint              old_position,
             const char        *competency)
{
  TrellisChange change = {
    .kind = kind,
    .entity = entity,
    .field = field,
    .position = position,
    .old_position = old_position,
    .competency = competency,
  };

  if (self->frozen > 0)
    return;

  g_signal_emit (self, signals[CHANGED], 0, &change);
}

/* The latest step of the undo or the redo stack, or %NULL. */
static EditGroup *
top_group (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;

  return g_ptr_array_index (stack, stack->len - 1);
}

static guint
top_serial (TrellisDocument *self)
{
  EditGroup *group = top_group (self->undo_stack);

  return group != NULL ? group->serial : 0;
}

static void
notify_history (TrellisDocument *self,
                gboolean         was_modified,
                gboolean         could_undo,
                gboolean         could_redo)
{
  if (could_undo != trellis_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != trellis_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != trellis_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Primitive operations, used both by edits and their inverses. */

static void
register_entity (TrellisDocument *self,
                 TrellisEntity   *entity)
{
  g_hash_table_insert (self->ids, (gpointer) trellis_entity_get_id (entity), entity);

  if (TRELLIS_IS_COMPETENCY (entity))
    {
      guint32 slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (entity));

      g_assert (slot < self->slots->len);
      g_ptr_array_index (self->slots, slot) = entity;
    }

  if (TRELLIS_IS_PERSON (entity))
    self->n_records += trellis_person_get_records (TRELLIS_PERSON (entity))->len;
}

static void
unregister_entity (TrellisDocument *self,
                   TrellisEntity   *entity)
{
  g_hash_table_remove (self->ids, trellis_entity_get_id (entity));

  if (TRELLIS_IS_COMPETENCY (entity))
    g_ptr_array_index (self->slots, trellis_competency_get_slot (TRELLIS_COMPETENCY (entity))) = NULL;

  if (TRELLIS_IS_PERSON (entity))
    self->n_records -= trellis_person_get_records (TRELLIS_PERSON (entity))->len;
}

static void
do_insert (TrellisDocument *self,
           TrellisEntity   *entity,
           guint            position)
{
  TrellisKind kind = trellis_entity_get_kind (entity);

  register_entity (self, entity);
  g_list_store_insert (self->lists[kind], position, entity);
  emit_change (self, TRELLIS_CHANGE_INSERTED, entity, TRELLIS_FIELD_NONE, position, position, NULL);
}

static void
do_remove (TrellisDocument *self,
           TrellisEntity   *entity,
           guint            position)
{
  TrellisKind kind = trellis_entity_get_kind (entity);

  g_assert (g_list_model_get_item (G_LIST_MODEL (self->lists[kind]), position) == entity);
  g_object_unref (entity);

  /* The list holds the last reference while the signal runs. */
  g_object_ref (entity);
  unregister_entity (self, entity);
  g_list_store_remove (self->lists[kind], position);
  emit_change (self, TRELLIS_CHANGE_REMOVED, entity, TRELLIS_FIELD_NONE, position, position, NULL);
  g_object_unref (entity);
}

static void
do_move (TrellisDocument *self,
         TrellisEntity   *entity,
         guint            from,
         guint            to)
{
  TrellisKind kind = trellis_entity_get_kind (entity);

  g_object_ref (entity);
  g_list_store_remove (self->lists[kind], from);
  g_list_store_insert (self->lists[kind], to, entity);
  emit_change (self, TRELLIS_CHANGE_MOVED, entity, TRELLIS_FIELD_NONE, to, from, NULL);
  g_object_unref (entity);
}

static void
do_field (TrellisDocument *self,
          TrellisEntity   *entity,
          TrellisField     field,
          const GValue    *value)
{
  trellis_entity_store_field (entity, field, value, self->frozen == 0);
  emit_change (self, TRELLIS_CHANGE_FIELD, entity, field, 0, 0, NULL);

  if (entity == TRELLIS_ENTITY (self->organisation) && field == TRELLIS_FIELD_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static gint
compare_record_keys (const TrellisRecord *a,
                     const TrellisRecord *b)
{
  if (a->slot != b->slot)
    return a->slot < b->slot ? -1 : 1;
  if (a->date != b->date)
    return a->date < b->date ? -1 : 1;
  if (a->source != b->source)
    return a->source < b->source ? -1 : 1;
  return 0;
}

/* The index of the first record not ordered before @key. */
static guint
records_lower_bound (GArray              *records,
                     const TrellisRecord *key)
{
  guint lo = 0;
  guint hi = records->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_record_keys (&g_array_index (records, TrellisRecord, mid), key) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Finds the record with the same slot, date and source as @key; @index
 * is where it is, or where it would go. */
static gboolean
records_find (GArray              *records,
              const TrellisRecord *key,
              guint               *index)
{
  *index = records_lower_bound (records, key);

  return *index < records->len &&
         compare_record_keys (&g_array_index (records, TrellisRecord, *index), key) == 0;
}

static const char *
slot_competency_id (TrellisDocument *self,
                    guint32          slot)
{
  TrellisCompetency *competency = trellis_document_get_competency_by_slot (self, slot);

  return competency != NULL ? trellis_entity_get_id (TRELLIS_ENTITY (competency)) : NULL;
}

static void
emit_record_change (TrellisDocument     *self,
                    TrellisPerson       *person,
                    const TrellisRecord *record)
{
  emit_change (self, TRELLIS_CHANGE_ASSESSMENTS, TRELLIS_ENTITY (person), TRELLIS_FIELD_NONE,
               0, 0, slot_competency_id (self, record->slot));
}

static void
do_record_insert (TrellisDocument     *self,
                  TrellisPerson       *person,
                  const TrellisRecord *record)
{
  GArray *records = trellis_person_get_records (person);
  guint index = records_lower_bound (records, record);

  g_array_insert_val (records, index, *record);
  self->n_records++;
  emit_record_change (self, person, record);
}

static void
do_record_remove (TrellisDocument     *self,
                  TrellisPerson       *person,
                  const TrellisRecord *record)
{
  GArray *records = trellis_person_get_records (person);
  guint index;

  if (!records_find (records, record, &index))
    g_assert_not_reached ();

  g_array_remove_index (records, index);
  self->n_records--;
  emit_record_change (self, person, record);
}

static void
do_record_replace (TrellisDocument     *self,
                   TrellisPerson       *person,
                   const TrellisRecord *record)
{
  GArray *records = trellis_person_get_records (person);
  guint index;

  if (!records_find (records, record, &index))
    g_assert_not_reached ();

  g_array_index (records, TrellisRecord, index) = *record;
  emit_record_change (self, person, record);
}

static void
edit_apply (TrellisDocument *self,
            Edit            *edit,
            gboolean         forward)
{
  switch (edit->kind)
    {
    case EDIT_INSERT:
      if (forward)
        do_insert (self, edit->entity, edit->position);
      else
        do_remove (self, edit->entity, edit->position);
      break;

    case EDIT_REMOVE:
      if (forward)
        do_remove (self, edit->entity, edit->position);
      else
        do_insert (self, edit->entity, edit->position);
      break;

    case EDIT_MOVE:
      if (forward)
        do_move (self, edit->entity, edit->position, edit->to_position);
      else
        do_move (self, edit->entity, edit->to_position, edit->position);
      break;

    case EDIT_FIELD:
      do_field (self, edit->entity, edit->field, forward ? &edit->new_value : &edit->old_value);
      break;

    case EDIT_RECORD_INSERT:
      if (forward)
        do_record_insert (self, TRELLIS_PERSON (edit->entity), &edit->new_record);
      else
        do_record_remove (self, TRELLIS_PERSON (edit->entity), &edit->new_record);
      break;

    case EDIT_RECORD_REMOVE:
      if (forward)
        do_record_remove (self, TRELLIS_PERSON (edit->entity), &edit->old_record);
      else
        do_record_insert (self, TRELLIS_PERSON (edit->entity), &edit->old_record);
      break;

    case EDIT_RECORD_REPLACE:
      do_record_replace (self, TRELLIS_PERSON (edit->entity),
                         forward ? &edit->new_record : &edit->old_record);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Applies @edit and records it in the open group, or in a group of its
 * own labelled @label. */
static void
commit_edit (TrellisDocument *self,
             Edit            *edit,
             const char      *label)
{
  gboolean was_modified = trellis_document_get_modified (self);
  gboolean could_undo = trellis_document_can_undo (self);
  gboolean could_redo = trellis_document_can_redo (self);

  edit_apply (self, edit, TRUE);

  if (self->open_group != NULL)
    {
      g_ptr_array_add (((EditGroup *) self->open_group)->edits, edit);
      return;
    }

  {
    EditGroup *group = g_new0 (EditGroup, 1);

    group->label = g_strdup (label);
    group->edits = g_ptr_array_new_with_free_func (edit_free);
    group->serial = ++self->next_serial;
    g_ptr_array_add (group->edits, edit);
    g_ptr_array_add (self->undo_stack, group);
    g_ptr_array_set_size (self->redo_stack, 0);
  }

  notify_history (self, was_modified, could_undo, could_redo);
}

static Edit *
edit_new (EditKind       kind,
          TrellisEntity *entity)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->entity = g_object_ref (entity);

  return edit;
}

/* GObject */

static void
trellis_document_dispose (GObject *object)
{
  TrellisDocument *self = TRELLIS_DOCUMENT (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  if (self->open_group != NULL)
    {
      edit_group_free (self->open_group);
      self->open_group = NULL;
    }

  for (guint i = 0; i < TRELLIS_N_KINDS; i++)
    g_clear_object (&self->lists[i]);
  g_clear_object (&self->organisation);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (trellis_document_parent_class)->dispose (object);
}

static void
trellis_document_finalize (GObject *object)
{
  TrellisDocument *self = TRELLIS_DOCUMENT (object);

  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->lang, g_free);
  if (self->unknown_root != NULL)
    g_string_free (self->unknown_root, TRUE);
  for (guint i = 0; i < TRELLIS_N_KINDS; i++)
    {
      if (self->unknown_in_section[i] != NULL)
        g_string_free (self->unknown_in_section[i], TRUE);
    }

  G_OBJECT_CLASS (trellis_document_parent_class)->finalize (object);
}

static void
trellis_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrellisDocument *self = TRELLIS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, trellis_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, trellis_document_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, trellis_document_get_modified (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, trellis_entity_get_name (TRELLIS_ENTITY (self->organisation)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TrellisDocument *self = TRELLIS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      trellis_document_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_document_class_init (TrellisDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_document_dispose;
  object_class->finalize = trellis_document_finalize;
  object_class->get_property = trellis_document_get_property;
  object_class->set_property = trellis_document_set_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisDocument::changed:
   * @self: the document
   * @change: (type gpointer): a #TrellisChange saying what changed
   *
   * Emitted after every primitive change, including those made by undo
   * and redo. Views follow it to refresh only what changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
trellis_document_init (TrellisDocument *self)
{
  self->ids = g_hash_table_new (NULL, NULL);
  self->slots = g_ptr_array_new ();
  self->texts = g_ptr_array_new_with_free_func (text_free);
  g_ptr_array_add (self->texts, NULL);
  self->undo_stack = g_ptr_array_new_with_free_func (edit_group_free);
  self->redo_stack = g_ptr_array_new_with_free_func (edit_group_free);
  self->format_minor = TRELLIS_FORMAT_MINOR;

  for (guint i = 1; i < TRELLIS_N_KINDS; i++)
    self->lists[i] = g_list_store_new (trellis_kind_get_entity_type (i));

  self->organisation = TRELLIS_ORGANISATION (trellis_entity_new_internal (TRELLIS_KIND_ORGANISATION,
                                                                         "organisation"));
}

/**
 * trellis_document_new:
 *
 * Creates an empty matrix with the default scale.
 *
 * Returns: (transfer full): a new #TrellisDocument
 */
TrellisDocument *
trellis_document_new (void)
{
  TrellisDocument *self = g_object_new (TRELLIS_TYPE_DOCUMENT, NULL);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_PTR_ARRAY);
  g_value_take_boxed (&value, trellis_scale_new_default ());
  trellis_entity_store_field (TRELLIS_ENTITY (self->organisation), TRELLIS_FIELD_SCALE, &value, FALSE);

  return self;
}

/* Loading support */

void
trellis_document_assign_slot (TrellisDocument   *self,
                              TrellisCompetency *competency)
{
  trellis_competency_set_slot (competency, self->slots->len);
  g_ptr_array_add (self->slots, NULL);
}

void
trellis_document_add_loaded (TrellisDocument *self,
                             TrellisEntity   *entity)
{
  TrellisKind kind = trellis_entity_get_kind (entity);

  if (kind == TRELLIS_KIND_ORGANISATION)
    {
      g_set_object (&self->organisation, TRELLIS_ORGANISATION (entity));
      return;
    }

  if (TRELLIS_IS_COMPETENCY (entity))
    trellis_document_assign_slot (self, TRELLIS_COMPETENCY (entity));

  register_entity (self, entity);
  g_list_store_append (self->lists[kind], entity);
}

void
trellis_document_finish_loading (TrellisDocument *self)
{
  guint n = 0;
  guint n_people = g_list_model_get_n_items (G_LIST_MODEL (self->lists[TRELLIS_KIND_PERSON]));

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(TrellisPerson) person = g_list_model_get_item (G_LIST_MODEL (self->lists[TRELLIS_KIND_PERSON]), i);

      n += trellis_person_get_records (person)->len;
    }

  self->n_records = n;
}

TrellisCompetency *
trellis_document_get_competency_by_slot (TrellisDocument *self,
                                         guint32          slot)
{
  if (slot >= self->slots->len)
    return NULL;

  return g_ptr_array_index (self->slots, slot);
}

guint32
trellis_document_add_text (TrellisDocument *self,
                           const char      *note,
                           const char      *evidence)
{
  TrellisText *text;

  if ((note == NULL || note[0] == '\0') && (evidence == NULL || evidence[0] == '\0'))
    return 0;

  text = g_new0 (TrellisText, 1);
  text->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  text->evidence = evidence != NULL && evidence[0] != '\0' ? g_strdup (evidence) : NULL;
  g_ptr_array_add (self->texts, text);

  return self->texts->len - 1;
}

const TrellisText *
trellis_document_get_text (TrellisDocument *self,
                           guint32          index)
{
  if (index == 0 || index >= self->texts->len)
    return NULL;

  return g_ptr_array_index (self->texts, index);
}

/* File state */

GFile *
trellis_document_get_file (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
trellis_document_set_file (TrellisDocument *self,
                           GFile           *file)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * trellis_document_get_file_state:
 * @self: a #TrellisDocument
 *
 * Returns: (transfer none): what the document's file looked like when it
 *   was last read or written
 */
const TrellisFileState *
trellis_document_get_file_state (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return &self->file_state;
}

/**
 * trellis_document_set_file_state:
 * @self: a #TrellisDocument
 * @state: what the document's file looked like when its contents were read
 *
 * Tells the document what its file looked like, when its contents came
 * from elsewhere: a recovery draft restored for that file must still
 * notice that someone changed the file since the draft was written.
 */
void
trellis_document_set_file_state (TrellisDocument        *self,
                                 const TrellisFileState *state)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (state != NULL);

  self->file_state = *state;
}

gboolean
trellis_document_get_modified (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return top_serial (self) != self->saved_serial;
}

/**
 * trellis_document_set_unmodified:
 * @self: a #TrellisDocument
 *
 * Marks the current state as saved. Undoing past it makes the document
 * modified again.
 */
void
trellis_document_set_unmodified (TrellisDocument *self)
{
  gboolean was_modified;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  was_modified = trellis_document_get_modified (self);
  self->saved_serial = top_serial (self);
  if (was_modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The state a save captured; marking it saved leaves later edits unsaved. */
guint
trellis_document_get_serial (TrellisDocument *self)
{
  return top_serial (self);
}

void
trellis_document_mark_saved_at (TrellisDocument *self,
                                guint            serial)
{
  gboolean was_modified = trellis_document_get_modified (self);

  self->saved_serial = serial;
  if (was_modified != trellis_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * trellis_document_is_self_assessment:
 * @self: a #TrellisDocument
 *
 * Whether the document holds one person's assessments only, as a
 * self-assessment handed in by a team member does. Such files are created
 * readable by their owner only.
 */
gboolean
trellis_document_is_self_assessment (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return trellis_document_get_n_items (self, TRELLIS_KIND_PERSON) == 1 && self->n_records > 0;
}

guint
trellis_document_get_format_minor (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);

  return self->format_minor;
}

/* Reading */

/**
 * trellis_document_get_organisation:
 * @self: a #TrellisDocument
 *
 * Returns: (transfer none): the organisation: name, vision, mission, scale
 */
TrellisOrganisation *
trellis_document_get_organisation (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return self->organisation;
}

/**
 * trellis_document_get_list:
 * @self: a #TrellisDocument
 * @kind: a kind other than %TRELLIS_KIND_ORGANISATION
 *
 * Returns: (transfer none): the entities of @kind, in document order
 */
GListModel *
trellis_document_get_list (TrellisDocument *self,
                           TrellisKind      kind)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind > TRELLIS_KIND_ORGANISATION && kind < TRELLIS_N_KINDS, NULL);

  return G_LIST_MODEL (self->lists[kind]);
}

guint
trellis_document_get_n_items (TrellisDocument *self,
                              TrellisKind      kind)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (kind > TRELLIS_KIND_ORGANISATION && kind < TRELLIS_N_KINDS, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[kind]));
}

/**
 * trellis_document_get_item:
 * @self: a #TrellisDocument
 * @kind: the kind of entity
 * @position: its position in the list
 *
 * Returns: (transfer none) (nullable): the entity, or %NULL
 */
TrellisEntity *
trellis_document_get_item (TrellisDocument *self,
                           TrellisKind      kind,
                           guint            position)
{
  TrellisEntity *entity;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind > TRELLIS_KIND_ORGANISATION && kind < TRELLIS_N_KINDS, NULL);

  entity = g_list_model_get_item (G_LIST_MODEL (self->lists[kind]), position);
  if (entity != NULL)
    g_object_unref (entity);  /* the store keeps it alive */

  return entity;
}

/**
 * trellis_document_lookup:
 * @self: a #TrellisDocument
 * @id: an id
 *
 * Returns: (transfer none) (nullable): the entity with @id, or %NULL
 */
TrellisEntity *
trellis_document_lookup (TrellisDocument *self,
                         const char      *id)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->ids, g_intern_string (id));
}

gboolean
trellis_document_find_position (TrellisDocument *self,
                                TrellisEntity   *entity,
                                guint           *position)
{
  TrellisKind kind;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), FALSE);

  kind = trellis_entity_get_kind (entity);
  if (kind == TRELLIS_KIND_ORGANISATION)
    return FALSE;

  return g_list_store_find (self->lists[kind], entity, position);
}

/**
 * trellis_document_get_scale:
 * @self: a #TrellisDocument
 *
 * Returns: (transfer none) (element-type TrellisScaleLevel): the levels,
 *   lowest first
 */
GPtrArray *
trellis_document_get_scale (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return trellis_entity_get_ptr_array (TRELLIS_ENTITY (self->organisation), TRELLIS_FIELD_SCALE);
}

gboolean
trellis_document_level_in_scale (TrellisDocument *self,
                                 gint             level)
{
  GPtrArray *scale = trellis_document_get_scale (self);

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      if (((TrellisScaleLevel *) g_ptr_array_index (scale, i))->value == level)
        return TRUE;
    }

  return FALSE;
}

gint
trellis_document_get_scale_min (TrellisDocument *self)
{
  GPtrArray *scale = trellis_document_get_scale (self);

  if (scale == NULL || scale->len == 0)
    return 0;

  return ((TrellisScaleLevel *) g_ptr_array_index (scale, 0))->value;
}

gint
trellis_document_get_scale_max (TrellisDocument *self)
{
  GPtrArray *scale = trellis_document_get_scale (self);

  if (scale == NULL || scale->len == 0)
    return 0;

  return ((TrellisScaleLevel *) g_ptr_array_index (scale, scale->len - 1))->value;
}

/**
 * trellis_document_get_level_name:
 * @self: a #TrellisDocument
 * @level: a level
 *
 * Returns: (transfer none) (nullable): the name the document gives @level
 */
const char *
trellis_document_get_level_name (TrellisDocument *self,
                                 gint             level)
{
  GPtrArray *scale = trellis_document_get_scale (self);

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      TrellisScaleLevel *l = g_ptr_array_index (scale, i);

      if (l->value == level)
        return l->name;
    }

  return NULL;
}

static const char * const id_prefixes[TRELLIS_N_KINDS] = {
  "org", "v", "r", "c", "rs", "ro", "p", "i", "a", "f",
};

/**
 * trellis_document_make_id:
 * @self: a #TrellisDocument
 * @kind: the kind of the new entity
 * @name: (nullable): its name, to make the id readable
 *
 * Makes an id no entity of the document has: a prefix for the kind and
 * the name in lower-case ASCII ("c-active-listening").
 *
 * Returns: (transfer full): the new id
 */
char *
trellis_document_make_id (TrellisDocument *self,
                          TrellisKind      kind,
                          const char      *name)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *ascii = NULL;
  char *candidate;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  if (name != NULL)
    ascii = g_str_to_ascii (name, "C");

  for (const char *p = ascii; p != NULL && *p != '\0' && slug->len < 32; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    g_string_append (slug, "1");

  candidate = g_strdup_printf ("%s-%s", id_prefixes[kind], slug->str);
  for (guint n = 2; trellis_document_lookup (self, candidate) != NULL; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%s-%u", id_prefixes[kind], slug->str, n);
    }

  return candidate;
}

guint
trellis_document_get_n_assessments (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);

  return self->n_records;
}

void
trellis_document_record_to_assessment (TrellisDocument     *self,
                                       const TrellisRecord *record,
                                       TrellisAssessment   *out)
{
  const TrellisText *text = trellis_document_get_text (self, record->text);

  out->competency = slot_competency_id (self, record->slot);
  out->level = record->level;
  out->want = record->want != 0;
  out->source = record->source;
  out->date = record->date;
  out->note = text != NULL ? text->note : NULL;
  out->evidence = text != NULL ? text->evidence : NULL;
}

/**
 * trellis_document_get_assessments:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: (nullable): a competency id, or %NULL for all
 *
 * Every assessment of @person (on @competency), oldest first for each
 * competency. The strings belong to the document.
 *
 * Returns: (transfer full) (element-type TrellisAssessment): the assessments
 */
GArray *
trellis_document_get_assessments (TrellisDocument *self,
                                  TrellisPerson   *person,
                                  const char      *competency)
{
  GArray *ret;
  GArray *records;
  guint32 only_slot = G_MAXUINT32;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), NULL);

  ret = g_array_new (FALSE, FALSE, sizeof (TrellisAssessment));
  records = trellis_person_get_records (person);

  if (competency != NULL)
    {
      TrellisEntity *c = trellis_document_lookup (self, competency);

      if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
        return ret;
      only_slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (c));
    }

  for (guint i = 0; i < records->len; i++)
    {
      const TrellisRecord *r = &g_array_index (records, TrellisRecord, i);
      TrellisAssessment a;

      if (only_slot != G_MAXUINT32 && r->slot != only_slot)
        continue;
      if (trellis_document_get_competency_by_slot (self, r->slot) == NULL)
        continue;

      trellis_document_record_to_assessment (self, r, &a);
      g_array_append_val (ret, a);
    }

  return ret;
}

static inline guint
source_rank (guint8 source)
{
  /* On the same date, the more considered perspective wins. */
  switch (source)
    {
    case TRELLIS_SOURCE_AGREED: return 3;
    case TRELLIS_SOURCE_COACH:  return 2;
    case TRELLIS_SOURCE_PEER:   return 1;
    case TRELLIS_SOURCE_SELF:
    default:                    return 0;
    }
}

/* Finds the record whose level counts: the latest agreed one, else the
 * latest of any source, looking only at records dated @until or earlier
 * (0: all). */
gboolean
trellis_document_effective_record (TrellisDocument      *self,
                                   GArray               *records,
                                   guint32               slot,
                                   TrellisDate           until,
                                   const TrellisRecord **out,
                                   guint                *n_found,
                                   guint8               *perspectives)
{
  TrellisRecord key = { .slot = slot };
  const TrellisRecord *best = NULL;
  const TrellisRecord *best_agreed = NULL;
  guint n = 0;
  guint8 seen = 0;

  for (guint i = records_lower_bound (records, &key); i < records->len; i++)
    {
      const TrellisRecord *r = &g_array_index (records, TrellisRecord, i);

      if (r->slot != slot)
        break;
      if (until != 0 && r->date > until)
        break;

      n++;
      seen |= 1 << r->source;

      /* Records are in date order, so a later one replaces an earlier. */
      if (best == NULL || r->date > best->date || source_rank (r->source) >= source_rank (best->source))
        best = r;
      if (r->source == TRELLIS_SOURCE_AGREED)
        best_agreed = r;
    }

  if (n_found != NULL)
    *n_found = n;
  if (perspectives != NULL)
    *perspectives = seen;
  if (out != NULL)
    *out = best_agreed != NULL ? best_agreed : best;

  return best != NULL;
}

/**
 * trellis_document_get_effective:
 * @self: a #TrellisDocument
 * @person: a person
 * @competency: a competency id
 * @out: (out caller-allocates): the assessment whose level counts
 *
 * The assessment the gap is computed from: the latest agreed level if
 * there is one, else the latest assessment of any source. @out says which.
 *
 * Returns: %TRUE if @person was assessed on @competency
 */
gboolean
trellis_document_get_effective (TrellisDocument   *self,
                                TrellisPerson     *person,
                                const char        *competency,
                                TrellisAssessment *out)
{
  TrellisEntity *c;
  const TrellisRecord *record = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);

  c = trellis_document_lookup (self, competency);
  if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
    return FALSE;

  if (!trellis_document_effective_record (self, trellis_person_get_records (person),
                                          trellis_competency_get_slot (TRELLIS_COMPETENCY (c)),
                                          0, &record, NULL, NULL))
    return FALSE;

  if (out != NULL)
    trellis_document_record_to_assessment (self, record, out);

  return TRUE;
}

/* Editing */

/**
 * trellis_document_begin_group:
 * @self: a #TrellisDocument
 * @label: (nullable): what the group does, shown as "Undo @label"
 *
 * Starts a compound edit: everything until the matching
 * trellis_document_end_group() is undone and redone as one step.
 * Groups nest; the outermost label counts.
 */
void
trellis_document_begin_group (TrellisDocument *self,
                              const char      *label)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    {
      EditGroup *group = g_new0 (EditGroup, 1);

      group->label = g_strdup (label);
      group->edits = g_ptr_array_new_with_free_func (edit_free);
      self->open_group = group;
    }
}

void
trellis_document_end_group (TrellisDocument *self)
{
  EditGroup *group;
  gboolean was_modified;
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = self->open_group;
  self->open_group = NULL;

  if (group->edits->len == 0)
    {
      edit_group_free (group);
      return;
    }

  was_modified = trellis_document_get_modified (self);
  could_undo = trellis_document_can_undo (self);
  could_redo = trellis_document_can_redo (self);

  group->serial = ++self->next_serial;
  g_ptr_array_add (self->undo_stack, group);
  g_ptr_array_set_size (self->redo_stack, 0);

  notify_history (self, was_modified, could_undo, could_redo);
}

static void
init_new_entity (TrellisDocument *self,
                 TrellisEntity   *entity,
                 const char      *name)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (name != NULL && trellis_entity_has_field (entity, TRELLIS_FIELD_NAME))
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, name);
      trellis_entity_store_field (entity, TRELLIS_FIELD_NAME, &value, FALSE);
      g_value_unset (&value);
    }

  if (trellis_entity_has_field (entity, TRELLIS_FIELD_DATE))
    {
      g_value_init (&value, G_TYPE_UINT);
      g_value_set_uint (&value, trellis_date_today ());
      trellis_entity_store_field (entity, TRELLIS_FIELD_DATE, &value, FALSE);
      g_value_unset (&value);
    }

  if (TRELLIS_IS_COMPETENCY (entity))
    trellis_document_assign_slot (self, TRELLIS_COMPETENCY (entity));
}

/**
 * trellis_document_create:
 * @self: a #TrellisDocument
 * @kind: the kind of entity
 * @name: (nullable): its name
 * @position: where in its list, or -1 for the end
 *
 * Creates a new entity with a fresh id and inserts it, as one undoable step.
 *
 * Returns: (transfer none): the new entity, owned by the document
 */
TrellisEntity *
trellis_document_create (TrellisDocument *self,
                         TrellisKind      kind,
                         const char      *name,
                         gint             position)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (kind > TRELLIS_KIND_ORGANISATION && kind < TRELLIS_N_KINDS, NULL);

  return trellis_document_create_with_id (self, kind, NULL, name, position);
}

/* Like trellis_document_create(), with @id (which the caller checked is
 * a valid id) when no entity has it yet; %NULL makes one from the name.
 * For imports, which keep the ids other systems gave. */
TrellisEntity *
trellis_document_create_with_id (TrellisDocument *self,
                                 TrellisKind      kind,
                                 const char      *id,
                                 const char      *name,
                                 gint             position)
{
  g_autofree char *made = NULL;
  g_autoptr(TrellisEntity) entity = NULL;

  if (id == NULL || trellis_document_lookup (self, id) != NULL)
    id = made = trellis_document_make_id (self, kind, name);
  entity = trellis_entity_new_internal (kind, id);
  init_new_entity (self, entity, name);
  trellis_document_insert (self, entity, position);

  return entity;
}

/**
 * trellis_document_insert:
 * @self: a #TrellisDocument
 * @entity: an entity not in any document, with an id the document does not use
 * @position: where in its list, or -1 for the end
 *
 * Inserts @entity, as one undoable step.
 */
void
trellis_document_insert (TrellisDocument *self,
                         TrellisEntity   *entity,
                         gint             position)
{
  TrellisKind kind;
  guint n;
  Edit *edit;
  g_autofree char *label = NULL;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));
  g_return_if_fail (trellis_document_lookup (self, trellis_entity_get_id (entity)) == NULL);

  kind = trellis_entity_get_kind (entity);
  g_return_if_fail (kind != TRELLIS_KIND_ORGANISATION);

  /* A competency that never was in this document gets a slot of its own,
   * so that it can never see the assessments of a deleted one. */
  if (TRELLIS_IS_COMPETENCY (entity) &&
      trellis_competency_get_slot (TRELLIS_COMPETENCY (entity)) == G_MAXUINT32)
    trellis_document_assign_slot (self, TRELLIS_COMPETENCY (entity));

  n = trellis_document_get_n_items (self, kind);
  edit = edit_new (EDIT_INSERT, entity);
  edit->position = position < 0 || (guint) position > n ? n : (guint) position;

  /* Translators: an undo step, e.g. “Add role”. %s is the kind of item, in lower case where your language needs it. */
  label = g_strdup_printf (_("Add %s"), trellis_kind_get_label (kind));
  commit_edit (self, edit, label);
}

static void
push_field_edit (TrellisDocument *self,
                 TrellisEntity   *entity,
                 TrellisField     field,
                 const GValue    *value)
{
  const GValue *current = trellis_entity_get_field (entity, field);
  Edit *edit;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  edit = edit_new (EDIT_FIELD, entity);
  edit->field = field;
  g_value_init (&edit->old_value, G_VALUE_TYPE (current));
  g_value_copy (current, &edit->old_value);
  g_value_init (&edit->new_value, G_VALUE_TYPE (current));
  g_value_copy (value, &edit->new_value);

  name = trellis_entity_dup_label (entity);
  /* Translators: an undo step, e.g. “Change ‘Active listening’”. */
  label = g_strdup_printf (_("Change ‘%s’"), name);
  commit_edit (self, edit, label);
}

/* Removes every reference to @removed from the other entities, so that
 * deleting never leaves a dangling id behind; all of it is part of the
 * delete's undo group. */
static void
clear_references (TrellisDocument *self,
                  TrellisEntity   *removed)
{
  const char *id = trellis_entity_get_id (removed);
  TrellisKind removed_kind = trellis_entity_get_kind (removed);

  for (guint kind = TRELLIS_KIND_VALUE; kind < TRELLIS_N_KINDS; kind++)
    {
      GListModel *list = G_LIST_MODEL (self->lists[kind]);
      guint n = g_list_model_get_n_items (list);

      for (guint i = n; i > 0; i--)
        {
          g_autoptr(TrellisEntity) e = g_list_model_get_item (list, i - 1);
          const char **strv;
          GArray *array;

          if (e == removed)
            continue;

          /* A person's development actions go with the person. */
          if (removed_kind == TRELLIS_KIND_PERSON && TRELLIS_IS_ACTION (e) &&
              g_strcmp0 (trellis_entity_get_string (e, TRELLIS_FIELD_PERSON), id) == 0)
            {
              trellis_document_remove (self, e);
              continue;
            }

          for (TrellisField f = TRELLIS_FIELD_VALUES; f < TRELLIS_N_FIELDS; f++)
            {
              if (!trellis_entity_has_field (e, f))
                continue;

              switch (f)
                {
                case TRELLIS_FIELD_RESULT:
                case TRELLIS_FIELD_OWNER:
                case TRELLIS_FIELD_PERSON:
                case TRELLIS_FIELD_COMPETENCY:
                case TRELLIS_FIELD_ABOUT:
                  if (g_strcmp0 (trellis_entity_get_string (e, f), id) == 0)
                    trellis_document_set_string (self, e, f, NULL);
                  break;

                case TRELLIS_FIELD_VALUES:
                case TRELLIS_FIELD_ROLES:
                  strv = trellis_entity_get_strv (e, f);
                  if (trellis_strv_contains_id (strv, id))
                    {
                      g_auto(GStrv) copy = trellis_strv_copy_toggle (strv, id, FALSE);
                      trellis_document_set_strv (self, e, f, (const char * const *) copy);
                    }
                  break;

                case TRELLIS_FIELD_NEEDS:
                case TRELLIS_FIELD_REQUIRES:
                  array = trellis_entity_get_array (e, f);
                  if (removed_kind == TRELLIS_KIND_COMPETENCY &&
                      trellis_requirements_lookup (array, id) != TRELLIS_LEVEL_NONE)
                    trellis_document_take_array (self, e, f,
                                                 trellis_requirements_copy_set (array, id, TRELLIS_LEVEL_NONE));
                  break;

                case TRELLIS_FIELD_TARGETS:
                  array = trellis_entity_get_array (e, f);
                  if (removed_kind == TRELLIS_KIND_COMPETENCY)
                    {
                      for (guint t = 0; array != NULL && t < array->len; t++)
                        {
                          if (g_array_index (array, TrellisTarget, t).competency == id)
                            {
                              trellis_document_take_array (self, e, f,
                                                           trellis_targets_copy_set (array, id, 0, 0));
                              break;
                            }
                        }
                    }
                  break;

                case TRELLIS_FIELD_ASSIGNS:
                  array = trellis_entity_get_array (e, f);
                  if (removed_kind == TRELLIS_KIND_ROLE && trellis_assignments_lookup (array, id) != NULL)
                    trellis_document_take_array (self, e, f,
                                                 trellis_assignments_copy_set (array, id,
                                                                               TRELLIS_RACI_NONE,
                                                                               TRELLIS_AUTHORITY_NONE));
                  break;

                default:
                  break;
                }
            }
        }
    }
}

/**
 * trellis_document_remove:
 * @self: a #TrellisDocument
 * @entity: an entity of the document
 *
 * Deletes @entity and every reference to it, as one undoable step. A
 * person's development actions are deleted with them; their assessments
 * come back with them on undo.
 */
void
trellis_document_remove (TrellisDocument *self,
                         TrellisEntity   *entity)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  guint position;
  Edit *edit;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));

  if (!trellis_document_find_position (self, entity, &position))
    g_return_if_reached ();

  name = trellis_entity_dup_label (entity);
  /* Translators: an undo step, e.g. “Delete ‘Anna’”. */
  label = g_strdup_printf (_("Delete ‘%s’"), name);

  trellis_document_begin_group (self, label);
  clear_references (self, entity);

  /* Removing references may have removed items before this one. */
  if (!trellis_document_find_position (self, entity, &position))
    g_assert_not_reached ();

  edit = edit_new (EDIT_REMOVE, entity);
  edit->position = position;
  commit_edit (self, edit, label);
  trellis_document_end_group (self);
}

/**
 * trellis_document_move:
 * @self: a #TrellisDocument
 * @entity: an entity of the document
 * @position: its new position in its list
 *
 * Moves @entity within its list, as one undoable step.
 */
void
trellis_document_move (TrellisDocument *self,
                       TrellisEntity   *entity,
                       guint            position)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  guint from;
  guint n;
  Edit *edit;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));

  if (!trellis_document_find_position (self, entity, &from))
    g_return_if_reached ();

  n = trellis_document_get_n_items (self, trellis_entity_get_kind (entity));
  if (position >= n)
    position = n - 1;
  if (position == from)
    return;

  edit = edit_new (EDIT_MOVE, entity);
  edit->position = from;
  edit->to_position = position;

  name = trellis_entity_dup_label (entity);
  /* Translators: an undo step, e.g. “Move ‘Anna’”. */
  label = g_strdup_printf (_("Move ‘%s’"), name);
  commit_edit (self, edit, label);
}

static gboolean
field_values_equal (TrellisField  field,
                    const GValue *a,
                    const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_DOUBLE)
    {
      double da = g_value_get_double (a);
      double db = g_value_get_double (b);

      return da == db || (isnan (da) && isnan (db));
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      if (sa == NULL || sb == NULL)
        return (sa == NULL || sa[0] == NULL) && (sb == NULL || sb[0] == NULL);
      return g_strv_equal (sa, sb);
    }

  /* Arrays are immutable: the same array is the same value, and a new
   * array is a change worth recording. */
  return g_value_get_boxed (a) == g_value_get_boxed (b);
}

/**
 * trellis_document_set_field:
 * @self: a #TrellisDocument
 * @entity: an entity of the document, or its organisation
 * @field: a field of the entity's kind
 * @value: the new value, of the field's type
 *
 * Changes one field, as one undoable step. Arrays are taken as they are
 * and must not be changed afterwards.
 */
void
trellis_document_set_field (TrellisDocument *self,
                            TrellisEntity   *entity,
                            TrellisField     field,
                            const GValue    *value)
{
  const GValue *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));
  g_return_if_fail (trellis_entity_has_field (entity, field));

  current = trellis_entity_get_field (entity, field);
  g_return_if_fail (G_VALUE_HOLDS (value, G_VALUE_TYPE (current)));

  if (field_values_equal (field, current, value))
    return;

  push_field_edit (self, entity, field, value);
}

void
trellis_document_set_string (TrellisDocument *self,
                             TrellisEntity   *entity,
                             TrellisField     field,
                             const char      *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  /* An empty reference is no reference. */
  if (value != NULL &&
      (field == TRELLIS_FIELD_RESULT || field == TRELLIS_FIELD_OWNER ||
       field == TRELLIS_FIELD_PERSON || field == TRELLIS_FIELD_COMPETENCY ||
       field == TRELLIS_FIELD_ABOUT) && value[0] == '\0')
    value = NULL;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  trellis_document_set_field (self, entity, field, &v);
}

void
trellis_document_set_strv (TrellisDocument    *self,
                           TrellisEntity      *entity,
                           TrellisField        field,
                           const char * const *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, value);
  trellis_document_set_field (self, entity, field, &v);
}

void
trellis_document_set_int (TrellisDocument *self,
                          TrellisEntity   *entity,
                          TrellisField     field,
                          gint             value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT);
  g_value_set_int (&v, value);
  trellis_document_set_field (self, entity, field, &v);
}

void
trellis_document_set_uint (TrellisDocument *self,
                           TrellisEntity   *entity,
                           TrellisField     field,
                           guint            value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  /* The only uint fields are dates, which files write as YYYY-MM-DD. */
  g_return_if_fail (value == 0 || trellis_date_is_valid (value));

  g_value_init (&v, G_TYPE_UINT);
  g_value_set_uint (&v, value);
  trellis_document_set_field (self, entity, field, &v);
}

void
trellis_document_set_double (TrellisDocument *self,
                             TrellisEntity   *entity,
                             TrellisField     field,
                             double           value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  trellis_document_set_field (self, entity, field, &v);
}

/**
 * trellis_document_take_array:
 * @self: a #TrellisDocument
 * @entity: an entity of the document
 * @field: a field holding a #GArray
 * @value: (transfer full): the new array, never to be changed afterwards
 */
void
trellis_document_take_array (TrellisDocument *self,
                             TrellisEntity   *entity,
                             TrellisField     field,
                             GArray          *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_ARRAY);
  g_value_take_boxed (&v, value);
  trellis_document_set_field (self, entity, field, &v);
}

/**
 * trellis_document_take_ptr_array:
 * @self: a #TrellisDocument
 * @entity: an entity of the document
 * @field: a field holding a #GPtrArray
 * @value: (transfer full): the new array, never to be changed afterwards
 */
void
trellis_document_take_ptr_array (TrellisDocument *self,
                                 TrellisEntity   *entity,
                                 TrellisField     field,
                                 GPtrArray       *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_PTR_ARRAY);
  g_value_take_boxed (&v, value);
  trellis_document_set_field (self, entity, field, &v);
}

/**
 * trellis_document_set_requirement:
 * @self: a #TrellisDocument
 * @role_or_responsibility: a role (its required levels) or a
 *   responsibility (the competence it needs)
 * @competency: a competency id
 * @level: the level, or %TRELLIS_LEVEL_NONE to drop the requirement
 */
void
trellis_document_set_requirement (TrellisDocument *self,
                                  TrellisEntity   *role_or_responsibility,
                                  const char      *competency,
                                  gint             level)
{
  TrellisField field;
  GArray *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ROLE (role_or_responsibility) ||
                    TRELLIS_IS_RESPONSIBILITY (role_or_responsibility));
  g_return_if_fail (competency != NULL);
  g_return_if_fail (level == TRELLIS_LEVEL_NONE || trellis_document_level_in_scale (self, level));

  field = TRELLIS_IS_ROLE (role_or_responsibility) ? TRELLIS_FIELD_REQUIRES : TRELLIS_FIELD_NEEDS;
  current = trellis_entity_get_array (role_or_responsibility, field);

  if (trellis_requirements_lookup (current, competency) == level)
    return;

  trellis_document_take_array (self, role_or_responsibility, field,
                               trellis_requirements_copy_set (current, competency, level));
}

/**
 * trellis_document_set_assignment:
 * @self: a #TrellisDocument
 * @responsibility: a responsibility
 * @role: a role id
 * @raci: the RACI letters of @role
 * @authority: the delegation level of @role
 *
 * Sets the cell of the responsibility map; no letters and no authority
 * clears it.
 */
void
trellis_document_set_assignment (TrellisDocument       *self,
                                 TrellisResponsibility *responsibility,
                                 const char            *role,
                                 TrellisRaci            raci,
                                 TrellisAuthority       authority)
{
  GArray *current;
  const TrellisAssignment *a;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_RESPONSIBILITY (responsibility));
  g_return_if_fail (role != NULL);
  g_return_if_fail (authority < TRELLIS_N_AUTHORITIES);

  current = trellis_entity_get_array (TRELLIS_ENTITY (responsibility), TRELLIS_FIELD_ASSIGNS);
  a = trellis_assignments_lookup (current, role);

  if (a != NULL ? (a->raci == raci && a->authority == authority)
                : (raci == TRELLIS_RACI_NONE && authority == TRELLIS_AUTHORITY_NONE))
    return;

  trellis_document_take_array (self, TRELLIS_ENTITY (responsibility), TRELLIS_FIELD_ASSIGNS,
                               trellis_assignments_copy_set (current, role, raci, authority));
}

void
trellis_document_set_target (TrellisDocument *self,
                             TrellisRole     *role,
                             const char      *competency,
                             gint             level,
                             guint            people)
{
  GArray *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ROLE (role));
  g_return_if_fail (competency != NULL);

  current = trellis_entity_get_array (TRELLIS_ENTITY (role), TRELLIS_FIELD_TARGETS);
  trellis_document_take_array (self, TRELLIS_ENTITY (role), TRELLIS_FIELD_TARGETS,
                               trellis_targets_copy_set (current, competency, level, people));
}

void
trellis_document_set_level_text (TrellisDocument   *self,
                                 TrellisCompetency *competency,
                                 gint               level,
                                 const char        *text)
{
  GPtrArray *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_COMPETENCY (competency));

  current = trellis_entity_get_ptr_array (TRELLIS_ENTITY (competency), TRELLIS_FIELD_LEVELS);
  if (g_strcmp0 (trellis_level_texts_lookup (current, level), text) == 0)
    return;

  trellis_document_take_ptr_array (self, TRELLIS_ENTITY (competency), TRELLIS_FIELD_LEVELS,
                                   trellis_level_texts_copy_set (current, level, text));
}

static guint
count_level_use (TrellisDocument *self,
                 gint             level)
{
  guint n = 0;

  for (guint i = 0; i < trellis_document_get_n_items (self, TRELLIS_KIND_PERSON); i++)
    {
      GArray *records = trellis_person_get_records (TRELLIS_PERSON (trellis_document_get_item (self, TRELLIS_KIND_PERSON, i)));

      for (guint j = 0; j < records->len; j++)
        n += g_array_index (records, TrellisRecord, j).level == level;
    }

  for (guint kind = TRELLIS_KIND_RESPONSIBILITY; kind <= TRELLIS_KIND_ROLE; kind++)
    {
      for (guint i = 0; i < trellis_document_get_n_items (self, kind); i++)
        {
          TrellisEntity *e = trellis_document_get_item (self, kind, i);
          GArray *reqs = trellis_entity_get_array (e, kind == TRELLIS_KIND_ROLE ? TRELLIS_FIELD_REQUIRES : TRELLIS_FIELD_NEEDS);

          for (guint j = 0; reqs != NULL && j < reqs->len; j++)
            n += g_array_index (reqs, TrellisRequirement, j).level == level;
        }
    }

  return n;
}

/**
 * trellis_document_set_scale:
 * @self: a #TrellisDocument
 * @levels: (transfer full): the new levels, strictly ascending values
 *   between %TRELLIS_LEVEL_MIN and %TRELLIS_LEVEL_MAX
 * @error: set when a level still in use would disappear
 *
 * Changes the scale, as one undoable step. A level that requirements or
 * assessments use cannot be removed.
 *
 * Returns: %TRUE if the scale was changed
 */
gboolean
trellis_document_set_scale (TrellisDocument  *self,
                            GPtrArray        *levels,
                            GError          **error)
{
  g_autoptr(GPtrArray) owned = levels;
  GPtrArray *current;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (levels != NULL && levels->len > 0, FALSE);

  for (guint i = 0; i < levels->len; i++)
    {
      const TrellisScaleLevel *l = g_ptr_array_index (levels, i);

      g_return_val_if_fail (l->value >= TRELLIS_LEVEL_MIN && l->value <= TRELLIS_LEVEL_MAX, FALSE);
      g_return_val_if_fail (i == 0 || l->value > ((TrellisScaleLevel *) g_ptr_array_index (levels, i - 1))->value, FALSE);
    }

  current = trellis_document_get_scale (self);
  for (guint i = 0; current != NULL && i < current->len; i++)
    {
      const TrellisScaleLevel *old = g_ptr_array_index (current, i);
      gboolean kept = FALSE;
      guint uses;

      for (guint j = 0; j < levels->len && !kept; j++)
        kept = ((TrellisScaleLevel *) g_ptr_array_index (levels, j))->value == old->value;

      if (!kept && (uses = count_level_use (self, old->value)) > 0)
        {
          g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_IN_USE,
                       /* Translators: %d is a level of the scale, %u how often it is used. */
                       ngettext ("Level %d cannot be removed: it is used %u time. Change that requirement or assessment first.",
                                 "Level %d cannot be removed: it is used %u times. Change those requirements and assessments first.",
                                 uses),
                       old->value, uses);
          return FALSE;
        }
    }

  trellis_document_take_ptr_array (self, TRELLIS_ENTITY (self->organisation), TRELLIS_FIELD_SCALE,
                                    g_steal_pointer (&owned));

  return TRUE;
}

/**
 * trellis_document_set_assessment:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @assessment: the assessment; its competency must exist and its level be
 *   on the scale
 *
 * Records an assessment, as one undoable step. An assessment of the same
 * competency from the same source on the same date is replaced; any other
 * is kept as history.
 */
void
trellis_document_set_assessment (TrellisDocument         *self,
                                 TrellisPerson           *person,
                                 const TrellisAssessment *assessment)
{
  TrellisEntity *competency;
  TrellisRecord record = { 0 };
  GArray *records;
  guint index;
  Edit *edit;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_PERSON (person));
  g_return_if_fail (assessment != NULL);
  g_return_if_fail (assessment->source < TRELLIS_N_SOURCES);
  g_return_if_fail (trellis_document_level_in_scale (self, assessment->level));
  g_return_if_fail (assessment->date == 0 || trellis_date_is_valid (assessment->date));

  competency = trellis_document_lookup (self, assessment->competency);
  g_return_if_fail (competency != NULL && TRELLIS_IS_COMPETENCY (competency));

  record.slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (competency));
  record.date = assessment->date != 0 ? assessment->date : trellis_date_today ();
  record.level = (gint8) assessment->level;
  record.source = assessment->source;
  record.want = assessment->want ? 1 : 0;

  records = trellis_person_get_records (person);

  if (records_find (records, &record, &index))
    {
      const TrellisRecord *old = &g_array_index (records, TrellisRecord, index);
      const TrellisText *text = trellis_document_get_text (self, old->text);

      if (old->level == record.level && old->want == record.want &&
          g_strcmp0 (text != NULL ? text->note : NULL, assessment->note) == 0 &&
          g_strcmp0 (text != NULL ? text->evidence : NULL, assessment->evidence) == 0)
        return;

      /* Keep the text entry when it did not change. */
      if (text != NULL &&
          g_strcmp0 (text->note, assessment->note) == 0 &&
          g_strcmp0 (text->evidence, assessment->evidence) == 0)
        record.text = old->text;
      else
        record.text = trellis_document_add_text (self, assessment->note, assessment->evidence);

      edit = edit_new (EDIT_RECORD_REPLACE, TRELLIS_ENTITY (person));
      edit->old_record = *old;
      edit->new_record = record;
    }
  else
    {
      record.text = trellis_document_add_text (self, assessment->note, assessment->evidence);
      edit = edit_new (EDIT_RECORD_INSERT, TRELLIS_ENTITY (person));
      edit->new_record = record;
    }

  name = trellis_entity_dup_label (TRELLIS_ENTITY (person));
  /* Translators: an undo step; %s is a person's name. */
  label = g_strdup_printf (_("Assess ‘%s’"), name);
  commit_edit (self, edit, label);
}

/* Finds the assessment of @person on @competency from @source on @date
 * and hands it to @edit_func to change one thing; where there is none,
 * starts from an empty one that carries forward the wish to grow of the
 * assessment that counts today. Whatever @edit_func leaves alone is kept,
 * so a field added to assessments later is kept too. */
static gboolean
edit_one_assessment (TrellisDocument *self,
                     TrellisPerson   *person,
                     const char      *competency,
                     TrellisSource    source,
                     TrellisDate      date,
                     void           (*edit_func) (TrellisAssessment *a,
                                                  gconstpointer      data),
                     gconstpointer    data)
{
  TrellisEntity *c;
  TrellisRecord key = { 0 };
  TrellisAssessment a = { 0 };
  GArray *records;
  guint index;

  c = trellis_document_lookup (self, competency);
  if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
    return FALSE;

  key.slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (c));
  key.date = date != 0 ? date : trellis_date_today ();
  key.source = source;
  records = trellis_person_get_records (person);

  if (records_find (records, &key, &index))
    {
      trellis_document_record_to_assessment (self, &g_array_index (records, TrellisRecord, index), &a);
    }
  else
    {
      TrellisAssessment effective = { 0 };

      if (trellis_document_get_effective (self, person, competency, &effective))
        a.want = effective.want;
      a.competency = trellis_entity_get_id (c);
      a.level = TRELLIS_LEVEL_NONE;
      a.source = source;
      a.date = key.date;
    }

  edit_func (&a, data);
  if (!trellis_document_level_in_scale (self, a.level))
    return FALSE;

  trellis_document_set_assessment (self, person, &a);
  return TRUE;
}

static void
set_level_func (TrellisAssessment *a,
                gconstpointer      data)
{
  a->level = *(const gint *) data;
}

static void
set_want_func (TrellisAssessment *a,
               gconstpointer      data)
{
  a->want = *(const gboolean *) data;
}

/**
 * trellis_document_set_assessed_level:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: a competency id
 * @source: the perspective
 * @date: the date of the assessment, or 0 for today
 * @level: a level of the scale
 *
 * Sets the level of @person's assessment on @competency from @source on
 * @date, keeping everything else that assessment holds (the wish to grow,
 * the note, the evidence). Where there is no such assessment yet, one is
 * added, carrying forward the wish to grow of the assessment that counts
 * today. One undoable step.
 *
 * Returns: %TRUE if the assessment holds @level
 */
gboolean
trellis_document_set_assessed_level (TrellisDocument *self,
                                     TrellisPerson   *person,
                                     const char      *competency,
                                     TrellisSource    source,
                                     TrellisDate      date,
                                     gint             level)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (competency != NULL, FALSE);
  g_return_val_if_fail (source < TRELLIS_N_SOURCES, FALSE);

  if (!trellis_document_level_in_scale (self, level))
    return FALSE;

  return edit_one_assessment (self, person, competency, source, date, set_level_func, &level);
}

/**
 * trellis_document_set_assessed_want:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: a competency id
 * @source: the perspective
 * @date: the date of the assessment, or 0 for today
 * @want: whether @person wants to grow in @competency
 *
 * Sets the wish to grow of one assessment, keeping everything else it
 * holds. There must be a level to keep: an assessment that does not
 * exist yet is not made up.
 *
 * Returns: %TRUE if the assessment holds @want
 */
gboolean
trellis_document_set_assessed_want (TrellisDocument *self,
                                    TrellisPerson   *person,
                                    const char      *competency,
                                    TrellisSource    source,
                                    TrellisDate      date,
                                    gboolean         want)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);
  g_return_val_if_fail (competency != NULL, FALSE);
  g_return_val_if_fail (source < TRELLIS_N_SOURCES, FALSE);

  want = want != FALSE;
  return edit_one_assessment (self, person, competency, source, date, set_want_func, &want);
}

/**
 * trellis_document_remove_assessment:
 * @self: a #TrellisDocument
 * @person: a person of the document
 * @competency: a competency id
 * @source: the perspective
 * @date: the date of the assessment
 *
 * Deletes one assessment, as one undoable step.
 *
 * Returns: %TRUE if there was such an assessment
 */
gboolean
trellis_document_remove_assessment (TrellisDocument *self,
                                    TrellisPerson   *person,
                                    const char      *competency,
                                    TrellisSource    source,
                                    TrellisDate      date)
{
  TrellisEntity *c;
  TrellisRecord key = { 0 };
  GArray *records;
  guint index;
  Edit *edit;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);

  c = trellis_document_lookup (self, competency);
  if (c == NULL || !TRELLIS_IS_COMPETENCY (c))
    return FALSE;

  key.slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (c));
  key.date = date;
  key.source = source;

  records = trellis_person_get_records (person);
  if (!records_find (records, &key, &index))
    return FALSE;

  edit = edit_new (EDIT_RECORD_REMOVE, TRELLIS_ENTITY (person));
  edit->old_record = g_array_index (records, TrellisRecord, index);

  name = trellis_entity_dup_label (TRELLIS_ENTITY (person));
  /* Translators: an undo step; %s is a person's name. */
  label = g_strdup_printf (_("Delete an assessment of ‘%s’"), name);
  commit_edit (self, edit, label);

  return TRUE;
}

gboolean
trellis_document_can_undo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0 && self->group_depth == 0;
}

gboolean
trellis_document_can_redo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0 && self->group_depth == 0;
}

const char *
trellis_document_get_undo_label (TrellisDocument *self)
{
  EditGroup *group;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  group = top_group (self->undo_stack);
  return group != NULL ? group->label : NULL;
}

const char *
trellis_document_get_redo_label (TrellisDocument *self)
{
  EditGroup *group;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  group = top_group (self->redo_stack);
  return group != NULL ? group->label : NULL;
}

/* Undoes (@forward %FALSE) or redoes the latest step of one stack and
 * moves it to the other. Undo applies the step's edits backwards, redo
 * forwards. */
static gboolean
replay_group (TrellisDocument *self,
              gboolean         forward)
{
  GPtrArray *from = forward ? self->redo_stack : self->undo_stack;
  GPtrArray *to = forward ? self->undo_stack : self->redo_stack;
  gboolean was_modified;
  gboolean could_undo;
  gboolean could_redo;
  EditGroup *group;

  g_assert (TRELLIS_IS_DOCUMENT (self));

  if (from->len == 0 || self->group_depth != 0)
    return FALSE;

  was_modified = trellis_document_get_modified (self);
  could_undo = trellis_document_can_undo (self);
  could_redo = trellis_document_can_redo (self);

  group = g_ptr_array_steal_index (from, from->len - 1);
  for (guint i = 0; i < group->edits->len; i++)
    {
      guint k = forward ? i : group->edits->len - 1 - i;

      edit_apply (self, g_ptr_array_index (group->edits, k), forward);
    }
  g_ptr_array_add (to, group);

  notify_history (self, was_modified, could_undo, could_redo);

  return TRUE;
}

/**
 * trellis_document_undo:
 * @self: a #TrellisDocument
 *
 * Undoes the last step.
 *
 * Returns: %TRUE if there was a step to undo
 */
gboolean
trellis_document_undo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return replay_group (self, FALSE);
}

/**
 * trellis_document_redo:
 * @self: a #TrellisDocument
 *
 * Redoes the last undone step.
 *
 * Returns: %TRUE if there was a step to redo
 */
gboolean
trellis_document_redo (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return replay_group (self, TRUE);
}

void
trellis_document_clear_history (TrellisDocument *self)
{
  gboolean was_modified;
  gboolean could_undo;
  gboolean could_redo;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));

  was_modified = trellis_document_get_modified (self);
  could_undo = trellis_document_can_undo (self);
  could_redo = trellis_document_can_redo (self);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_serial = was_modified ? G_MAXUINT : 0;

  notify_history (self, was_modified, could_undo, could_redo);
}

/* The load report */

TrellisLoadReport *
trellis_load_report_new (void)
{
  TrellisLoadReport *self = g_new0 (TrellisLoadReport, 1);

  self->items = g_array_new (FALSE, FALSE, sizeof (ReportItem));

  return self;
}

void
trellis_load_report_clear (TrellisLoadReport *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->items->len; i++)
    g_free (g_array_index (self->items, ReportItem, i).message);
  g_array_set_size (self->items, 0);
  self->n_errors = 0;
}

void
trellis_load_report_free (TrellisLoadReport *self)
{
  if (self == NULL)
    return;

  trellis_load_report_clear (self);
  g_array_unref (self->items);
  g_free (self);
}

guint
trellis_load_report_get_n_items (TrellisLoadReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

guint
trellis_load_report_get_n_errors (TrellisLoadReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_errors;
}

TrellisLoadSeverity
trellis_load_report_get_severity (TrellisLoadReport *self,
                                  guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, TRELLIS_LOAD_ERROR);

  return g_array_index (self->items, ReportItem, index).severity;
}

guint
trellis_load_report_get_line (TrellisLoadReport *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, 0);

  return g_array_index (self->items, ReportItem, index).line;
}

const char *
trellis_load_report_get_message (TrellisLoadReport *self,
                                 guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, NULL);

  return g_array_index (self->items, ReportItem, index).message;
}

gint
trellis_load_report_get_code (TrellisLoadReport *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL && index < self->items->len, -1);

  return g_array_index (self->items, ReportItem, index).code;
}

void
trellis_load_report_add (TrellisLoadReport   *self,
                         TrellisLoadSeverity  severity,
                         gint                 code,
                         guint                line,
                         const char          *message)
{
  ReportItem item = { severity, code, line, g_strdup (message) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->items, item);
  if (severity == TRELLIS_LOAD_ERROR)
    self->n_errors++;
}
