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
#include "trellis-personal.h"
#include "trellis-translations.h"

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

void
trellis_document_emit_change (TrellisDocument   *self,
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

/* Tells who follows the document's history what changed in it, given
 * what it was before a change. */
void
trellis_document_notify_history (TrellisDocument *self,
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

void
trellis_document_do_insert (TrellisDocument *self,
                            TrellisEntity   *entity,
                            guint            position)
{
  TrellisKind kind = trellis_entity_get_kind (entity);

  register_entity (self, entity);
  g_list_store_insert (self->lists[kind], position, entity);
  trellis_document_emit_change (self, TRELLIS_CHANGE_INSERTED, entity, TRELLIS_FIELD_NONE, position, position, NULL);
}

void
trellis_document_do_remove (TrellisDocument *self,
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
  trellis_document_emit_change (self, TRELLIS_CHANGE_REMOVED, entity, TRELLIS_FIELD_NONE, position, position, NULL);
  g_object_unref (entity);
}

void
trellis_document_do_move (TrellisDocument *self,
                          TrellisEntity   *entity,
                          guint            from,
                          guint            to)
{
  TrellisKind kind = trellis_entity_get_kind (entity);

  g_object_ref (entity);
  g_list_store_remove (self->lists[kind], from);
  g_list_store_insert (self->lists[kind], to, entity);
  trellis_document_emit_change (self, TRELLIS_CHANGE_MOVED, entity, TRELLIS_FIELD_NONE, to, from, NULL);
  g_object_unref (entity);
}

void
trellis_document_do_field (TrellisDocument *self,
                           TrellisEntity   *entity,
                           TrellisField     field,
                           const GValue    *value)
{
  trellis_entity_store_field (entity, field, value, self->frozen == 0);
  trellis_document_emit_change (self, TRELLIS_CHANGE_FIELD, entity, field, 0, 0, NULL);

  if (entity == TRELLIS_ENTITY (self->organisation) && field == TRELLIS_FIELD_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* GObject */

static void
trellis_document_dispose (GObject *object)
{
  TrellisDocument *self = TRELLIS_DOCUMENT (object);

  trellis_history_clear (&self->history);

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
  g_clear_pointer (&self->matrix_id, g_free);
  g_clear_pointer (&self->progress, trellis_progress_free);
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
  self->texts = g_ptr_array_new_with_free_func (trellis_text_free);
  g_ptr_array_add (self->texts, NULL);
  trellis_history_init (&self->history);
  self->format_minor = 0;

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

/**
 * trellis_document_snapshot:
 * @self: a #TrellisDocument
 *
 * A copy of the document as it is now, to be read in another thread
 * while this one goes on editing @self: to analyse it and lay it out.
 * Its entities are copies with the same ids (compare entities of the two
 * documents by id); arrays, which are never changed in place, are
 * shared, and so are people's assessments until @self changes them. The
 * copy has no file and no history; nothing may edit it. Making it takes
 * a few milliseconds for the largest matrices.
 *
 * Returns: (transfer full): the copy
 */
TrellisDocument *
trellis_document_snapshot (TrellisDocument *self)
{
  TrellisDocument *copy;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  copy = g_object_new (TRELLIS_TYPE_DOCUMENT, NULL);
  g_set_object (&copy->organisation,
                TRELLIS_ORGANISATION (trellis_entity_copy_internal (TRELLIS_ENTITY (self->organisation))));
  g_object_unref (copy->organisation);

  /* Competencies keep their slots, which assessments name. */
  g_ptr_array_set_size (copy->slots, self->slots->len);

  for (guint kind = 1; kind < TRELLIS_N_KINDS; kind++)
    {
      GListModel *list = G_LIST_MODEL (self->lists[kind]);
      guint n = g_list_model_get_n_items (list);
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TrellisEntity) entity = g_list_model_get_item (list, i);
          TrellisEntity *entity_copy = trellis_entity_copy_internal (entity);

          register_entity (copy, entity_copy);
          g_ptr_array_add (items, entity_copy);
        }
      g_list_store_splice (copy->lists[kind], 0, 0, items->pdata, n);

      if (self->unknown_in_section[kind] != NULL)
        copy->unknown_in_section[kind] = g_string_new_len (self->unknown_in_section[kind]->str,
                                                           self->unknown_in_section[kind]->len);
    }

  /* Notes and evidence, by the same indices as the records use. */
  for (guint i = 1; i < self->texts->len; i++)
    {
      const TrellisText *text = g_ptr_array_index (self->texts, i);
      TrellisText *text_copy = g_new0 (TrellisText, 1);

      text_copy->note = g_strdup (text->note);
      text_copy->evidence = g_strdup (text->evidence);
      g_ptr_array_add (copy->texts, text_copy);
    }

  copy->format_minor = self->format_minor;
  copy->lang = g_strdup (self->lang);
  if (self->unknown_root != NULL)
    copy->unknown_root = g_string_new_len (self->unknown_root->str, self->unknown_root->len);
  copy->matrix_id = g_strdup (self->matrix_id);
  if (self->progress != NULL)
    copy->progress = trellis_progress_copy (self->progress);

  return copy;
}

/* Loading support */

void
trellis_document_begin_loading (TrellisDocument *self)
{
  self->loading = TRUE;
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
  self->loading = FALSE;
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

  /* A personal file, or one person's assessments made another way. */
  return trellis_document_is_personal (self) ||
         (trellis_document_get_n_items (self, TRELLIS_KIND_PERSON) == 1 && self->n_records > 0);
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

/* Editing */

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
  TrellisEdit *edit;
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
  edit = trellis_edit_new (TRELLIS_EDIT_INSERT, entity);
  edit->position = position < 0 || (guint) position > n ? n : (guint) position;

  /* Translators: an undo step, e.g. “Add role”. %s is the kind of item, in lower case where your language needs it. */
  label = g_strdup_printf (_("Add %s"), trellis_kind_get_label (kind));
  trellis_document_commit_edit (self, edit, label);
}

/* What Undo and Redo say for a change of @field of @entity: the part
 * that changed, where people often change one. */
static char *
field_edit_label (TrellisEntity *entity,
                  TrellisField   field)
{
  g_autofree char *name = trellis_entity_dup_label (entity);

  switch (field)
    {
    case TRELLIS_FIELD_NAME:
      /* Translators: an undo step; %s is the name before, e.g. “Rename ‘Active listening’”. */
      return g_strdup_printf (_("Rename ‘%s’"), name);
    case TRELLIS_FIELD_DESCRIPTION:
      /* Translators: an undo step, e.g. “Change the Description of ‘Care’”. */
      return g_strdup_printf (_("Change the Description of ‘%s’"), name);
    case TRELLIS_FIELD_BEHAVIOURS:
      /* Translators: an undo step, e.g. “Change the Behaviours of ‘Care’”. */
      return g_strdup_printf (_("Change the Behaviours of ‘%s’"), name);
    case TRELLIS_FIELD_VALUES:
      /* Translators: an undo step: the values a result or competency serves, e.g. “Change the Values of ‘Listening’”. */
      return g_strdup_printf (_("Change the Values of ‘%s’"), name);
    case TRELLIS_FIELD_LEVELS:
      /* Translators: an undo step: what each level of a competency looks like, e.g. “Change the Levels of ‘Listening’”. */
      return g_strdup_printf (_("Change the Levels of ‘%s’"), name);
    case TRELLIS_FIELD_ROLES:
      /* Translators: an undo step: the roles of a person, e.g. “Change the Roles of ‘Anouk’”. */
      return g_strdup_printf (_("Change the Roles of ‘%s’"), name);
    case TRELLIS_FIELD_SHARE:
      /* Translators: an undo step: with whom a person shares assessments, e.g. “Change What ‘Anouk’ Shares”. */
      return g_strdup_printf (_("Change What ‘%s’ Shares"), name);
    default:
      /* Translators: an undo step, e.g. “Change ‘Active listening’”. */
      return g_strdup_printf (_("Change ‘%s’"), name);
    }
}

static void
push_field_edit (TrellisDocument *self,
                 TrellisEntity   *entity,
                 TrellisField     field,
                 const GValue    *value)
{
  const GValue *current = trellis_entity_get_field (entity, field);
  TrellisEdit *edit;
  g_autofree char *label = NULL;

  edit = trellis_edit_new (TRELLIS_EDIT_FIELD, entity);
  edit->field = field;
  g_value_init (&edit->old_value, G_VALUE_TYPE (current));
  g_value_copy (current, &edit->old_value);
  g_value_init (&edit->new_value, G_VALUE_TYPE (current));
  g_value_copy (value, &edit->new_value);

  label = field_edit_label (entity, field);
  trellis_document_commit_edit (self, edit, label);
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
          GPtrArray *decisions;

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

                /* A decision goes with what it was about: a role's with
                 * the competency, a responsibility's with the role. */
                case TRELLIS_FIELD_DECISIONS:
                  decisions = trellis_entity_get_ptr_array (e, f);
                  if (((removed_kind == TRELLIS_KIND_COMPETENCY && TRELLIS_IS_ROLE (e)) ||
                       (removed_kind == TRELLIS_KIND_ROLE && TRELLIS_IS_RESPONSIBILITY (e))) &&
                      trellis_decisions_mention (decisions, id))
                    trellis_document_take_ptr_array (self, e, f, trellis_decisions_copy_drop (decisions, id));
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
  TrellisEdit *edit;

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

  edit = trellis_edit_new (TRELLIS_EDIT_REMOVE, entity);
  edit->position = position;
  trellis_document_commit_edit (self, edit, label);
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
  TrellisEdit *edit;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));

  if (!trellis_document_find_position (self, entity, &from))
    g_return_if_reached ();

  n = trellis_document_get_n_items (self, trellis_entity_get_kind (entity));
  if (position >= n)
    position = n - 1;
  if (position == from)
    return;

  edit = trellis_edit_new (TRELLIS_EDIT_MOVE, entity);
  edit->position = from;
  edit->to_position = position;

  name = trellis_entity_dup_label (entity);
  /* Translators: an undo step, e.g. “Move ‘Anna’”. */
  label = g_strdup_printf (_("Move ‘%s’"), name);
  trellis_document_commit_edit (self, edit, label);
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

  /* A document being read has no history yet and nobody to tell. */
  if (self->loading)
    {
      trellis_entity_store_field (entity, field, value, FALSE);
      return;
    }

  if (field_values_equal (field, current, value))
    return;

  /* Translations of behaviours follow them (trellis-translations.c). */
  if (field == TRELLIS_FIELD_BEHAVIOURS)
    {
      g_autoptr(GPtrArray) moved =
        trellis_translations_follow_behaviours (trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_TRANSLATIONS),
                                                g_value_get_boxed (current), g_value_get_boxed (value));

      if (moved != NULL)
        {
          g_autofree char *label = field_edit_label (entity, field);

          trellis_document_begin_group (self, label);
          push_field_edit (self, entity, field, value);
          trellis_document_take_ptr_array (self, entity, TRELLIS_FIELD_TRANSLATIONS, g_steal_pointer (&moved));
          trellis_document_end_group (self);
          return;
        }
    }

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

  /* Borrowed for the call: whoever keeps the value copies it. */
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, value);
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
  g_value_set_static_boxed (&v, value);
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

