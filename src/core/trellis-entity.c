/* trellis-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-entity"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-entity-private.h"

typedef struct
{
  const char *id;         /* interned */
  GValue     *fields;     /* one per field of the class, in class order */
  GString    *unknown;    /* kept children of a newer format version */
} TrellisEntityPrivate;

struct _TrellisOrganisation   { TrellisEntity parent_instance; };
struct _TrellisValue          { TrellisEntity parent_instance; };
struct _TrellisResult         { TrellisEntity parent_instance; };
struct _TrellisCompetency     { TrellisEntity parent_instance; guint32 slot; };
struct _TrellisResponsibility { TrellisEntity parent_instance; };
struct _TrellisRole           { TrellisEntity parent_instance; };
struct _TrellisPerson
{
  TrellisEntity  parent_instance;
  GArray        *records;
  gboolean       records_shared;  /* with a copy of the document: copied before an edit */
};
struct _TrellisIndicator      { TrellisEntity parent_instance; };
struct _TrellisAction         { TrellisEntity parent_instance; };
struct _TrellisFeedback       { TrellisEntity parent_instance; };

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TrellisEntity, trellis_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  GType       (*get_type) (void);
} FieldInfo;

static GType
strv_type (void)
{
  return G_TYPE_STRV;
}

static GType
string_type (void)
{
  return G_TYPE_STRING;
}

static GType
int_type (void)
{
  return G_TYPE_INT;
}

static GType
uint_type (void)
{
  return G_TYPE_UINT;
}

static GType
double_type (void)
{
  return G_TYPE_DOUBLE;
}

static GType
array_type (void)
{
  return G_TYPE_ARRAY;
}

static GType
ptr_array_type (void)
{
  return G_TYPE_PTR_ARRAY;
}

static const FieldInfo field_info[TRELLIS_N_FIELDS] = {
  [TRELLIS_FIELD_NONE]           = { "none", NULL },
  [TRELLIS_FIELD_NAME]           = { "name", string_type },
  [TRELLIS_FIELD_DESCRIPTION]    = { "description", string_type },
  [TRELLIS_FIELD_VISION]         = { "vision", string_type },
  [TRELLIS_FIELD_MISSION]        = { "mission", string_type },
  [TRELLIS_FIELD_SCALE]          = { "scale", ptr_array_type },
  [TRELLIS_FIELD_BEHAVIOURS]     = { "behaviours", strv_type },
  [TRELLIS_FIELD_VALUES]         = { "values", strv_type },
  [TRELLIS_FIELD_LEVELS]         = { "levels", ptr_array_type },
  [TRELLIS_FIELD_RESULT]         = { "result", string_type },
  [TRELLIS_FIELD_NEEDS]          = { "needs", array_type },
  [TRELLIS_FIELD_ASSIGNS]        = { "assigns", array_type },
  [TRELLIS_FIELD_REQUIRES]       = { "requires", array_type },
  [TRELLIS_FIELD_TARGETS]        = { "targets", array_type },
  [TRELLIS_FIELD_ROLES]          = { "roles", strv_type },
  [TRELLIS_FIELD_SHARE]          = { "share", int_type },
  [TRELLIS_FIELD_INDICATOR_KIND] = { "indicator-kind", int_type },
  [TRELLIS_FIELD_TARGET]         = { "target", double_type },
  [TRELLIS_FIELD_UNIT]           = { "unit", string_type },
  [TRELLIS_FIELD_RHYTHM]         = { "rhythm", int_type },
  [TRELLIS_FIELD_OWNER]          = { "owner", string_type },
  [TRELLIS_FIELD_MEASUREMENTS]   = { "measurements", array_type },
  [TRELLIS_FIELD_REVIEWS]        = { "reviews", ptr_array_type },
  [TRELLIS_FIELD_PERSON]         = { "person", string_type },
  [TRELLIS_FIELD_COMPETENCY]     = { "competency", string_type },
  [TRELLIS_FIELD_ACTION_KIND]    = { "action-kind", int_type },
  [TRELLIS_FIELD_DUE]            = { "due", uint_type },
  [TRELLIS_FIELD_STATUS]         = { "status", int_type },
  [TRELLIS_FIELD_NOTE]           = { "note", string_type },
  [TRELLIS_FIELD_ABOUT]          = { "about", string_type },
  [TRELLIS_FIELD_DATE]           = { "date", uint_type },
  [TRELLIS_FIELD_TEXT]           = { "text", string_type },
  [TRELLIS_FIELD_RESPONSE]       = { "response", string_type },
  [TRELLIS_FIELD_DECISIONS]      = { "decisions", ptr_array_type },
  [TRELLIS_FIELD_TRANSLATIONS]   = { "translations", ptr_array_type },
};

static const char *
intern_or_null (const char *id)
{
  return id != NULL ? g_intern_string (id) : NULL;
}

static void
field_value_init (GValue       *value,
                  TrellisField  field)
{
  g_value_init (value, field_info[field].get_type ());

  if (field == TRELLIS_FIELD_TARGET)
    g_value_set_double (value, NAN);
}

static void
trellis_entity_field_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TrellisEntity *self = TRELLIS_ENTITY (object);
  const GValue *stored;

  if (prop_id == 0 || prop_id >= TRELLIS_N_FIELDS ||
      (stored = trellis_entity_get_field (self, prop_id)) == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_copy (stored, value);
}

static void
install_fields (gpointer           klass,
                TrellisKind        kind,
                const TrellisField *fields,
                guint               n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisEntityClass *entity_class = TRELLIS_ENTITY_CLASS (klass);

  g_assert (n_fields <= G_N_ELEMENTS (entity_class->fields));

  object_class->get_property = trellis_entity_field_get_property;
  entity_class->kind = kind;
  entity_class->n_fields = n_fields;
  memset (entity_class->slot_of, -1, sizeof entity_class->slot_of);

  for (guint i = 0; i < n_fields; i++)
    {
      TrellisField field = fields[i];
      const char *name = field_info[field].name;
      GType type = field_info[field].get_type ();
      GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec;

      entity_class->fields[i] = field;
      entity_class->slot_of[field] = (gint8) i;

      if (type == G_TYPE_STRING)
        pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
      else if (type == G_TYPE_INT)
        pspec = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
      else if (type == G_TYPE_UINT)
        pspec = g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, flags);
      else if (type == G_TYPE_DOUBLE)
        pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
      else
        pspec = g_param_spec_boxed (name, NULL, NULL, type, flags);

      g_object_class_install_property (object_class, field, pspec);
    }
}

#define DEFINE_ENTITY(TypeName, type_name, KIND, ...)                         \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, TRELLIS_TYPE_ENTITY)             \
  static void                                                                \
  type_name##_class_init (TypeName##Class *klass)                            \
  {                                                                          \
    static const TrellisField fields[] = { __VA_ARGS__ };                    \
    install_fields (klass, KIND, fields, G_N_ELEMENTS (fields));             \
  }

DEFINE_ENTITY (TrellisOrganisation, trellis_organisation, TRELLIS_KIND_ORGANISATION,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_VISION, TRELLIS_FIELD_MISSION,
               TRELLIS_FIELD_SCALE, TRELLIS_FIELD_TRANSLATIONS)
DEFINE_ENTITY (TrellisValue, trellis_value, TRELLIS_KIND_VALUE,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_DESCRIPTION, TRELLIS_FIELD_BEHAVIOURS,
               TRELLIS_FIELD_TRANSLATIONS)
DEFINE_ENTITY (TrellisResult, trellis_result, TRELLIS_KIND_RESULT,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_DESCRIPTION, TRELLIS_FIELD_VALUES,
               TRELLIS_FIELD_TRANSLATIONS)
DEFINE_ENTITY (TrellisCompetency, trellis_competency, TRELLIS_KIND_COMPETENCY,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_DESCRIPTION, TRELLIS_FIELD_VALUES,
               TRELLIS_FIELD_LEVELS, TRELLIS_FIELD_TRANSLATIONS)
DEFINE_ENTITY (TrellisResponsibility, trellis_responsibility, TRELLIS_KIND_RESPONSIBILITY,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_DESCRIPTION, TRELLIS_FIELD_RESULT,
               TRELLIS_FIELD_NEEDS, TRELLIS_FIELD_ASSIGNS, TRELLIS_FIELD_DECISIONS,
               TRELLIS_FIELD_TRANSLATIONS)
DEFINE_ENTITY (TrellisRole, trellis_role, TRELLIS_KIND_ROLE,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_DESCRIPTION, TRELLIS_FIELD_REQUIRES,
               TRELLIS_FIELD_TARGETS, TRELLIS_FIELD_DECISIONS, TRELLIS_FIELD_TRANSLATIONS)
DEFINE_ENTITY (TrellisPerson, trellis_person, TRELLIS_KIND_PERSON,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_ROLES, TRELLIS_FIELD_SHARE)
DEFINE_ENTITY (TrellisIndicator, trellis_indicator, TRELLIS_KIND_INDICATOR,
               TRELLIS_FIELD_NAME, TRELLIS_FIELD_DESCRIPTION, TRELLIS_FIELD_RESULT,
               TRELLIS_FIELD_INDICATOR_KIND, TRELLIS_FIELD_TARGET, TRELLIS_FIELD_UNIT,
               TRELLIS_FIELD_RHYTHM, TRELLIS_FIELD_OWNER, TRELLIS_FIELD_MEASUREMENTS,
               TRELLIS_FIELD_REVIEWS, TRELLIS_FIELD_TRANSLATIONS)
DEFINE_ENTITY (TrellisAction, trellis_action, TRELLIS_KIND_ACTION,
               TRELLIS_FIELD_PERSON, TRELLIS_FIELD_COMPETENCY, TRELLIS_FIELD_ACTION_KIND,
               TRELLIS_FIELD_DUE, TRELLIS_FIELD_STATUS, TRELLIS_FIELD_NOTE)
DEFINE_ENTITY (TrellisFeedback, trellis_feedback, TRELLIS_KIND_FEEDBACK,
               TRELLIS_FIELD_PERSON, TRELLIS_FIELD_ABOUT, TRELLIS_FIELD_DATE,
               TRELLIS_FIELD_STATUS, TRELLIS_FIELD_TEXT, TRELLIS_FIELD_RESPONSE)

static void trellis_organisation_init (TrellisOrganisation *self) { }
static void trellis_value_init (TrellisValue *self) { }
static void trellis_result_init (TrellisResult *self) { }
static void trellis_competency_init (TrellisCompetency *self) { self->slot = G_MAXUINT32; }
static void trellis_responsibility_init (TrellisResponsibility *self) { }
static void trellis_role_init (TrellisRole *self) { }
static void trellis_indicator_init (TrellisIndicator *self) { }
static void trellis_action_init (TrellisAction *self) { }
static void trellis_feedback_init (TrellisFeedback *self) { }

static void
trellis_person_init (TrellisPerson *self)
{
  self->records = g_array_new (FALSE, FALSE, sizeof (TrellisRecord));
}

GType
trellis_kind_get_entity_type (TrellisKind kind)
{
  switch (kind)
    {
    case TRELLIS_KIND_ORGANISATION:   return TRELLIS_TYPE_ORGANISATION;
    case TRELLIS_KIND_VALUE:          return TRELLIS_TYPE_VALUE;
    case TRELLIS_KIND_RESULT:         return TRELLIS_TYPE_RESULT;
    case TRELLIS_KIND_COMPETENCY:     return TRELLIS_TYPE_COMPETENCY;
    case TRELLIS_KIND_RESPONSIBILITY: return TRELLIS_TYPE_RESPONSIBILITY;
    case TRELLIS_KIND_ROLE:           return TRELLIS_TYPE_ROLE;
    case TRELLIS_KIND_PERSON:         return TRELLIS_TYPE_PERSON;
    case TRELLIS_KIND_INDICATOR:      return TRELLIS_TYPE_INDICATOR;
    case TRELLIS_KIND_ACTION:         return TRELLIS_TYPE_ACTION;
    case TRELLIS_KIND_FEEDBACK:       return TRELLIS_TYPE_FEEDBACK;
    case TRELLIS_N_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

static void
trellis_entity_constructed (GObject *object)
{
  TrellisEntity *self = TRELLIS_ENTITY (object);
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (self);

  G_OBJECT_CLASS (trellis_entity_parent_class)->constructed (object);

  priv->fields = g_new0 (GValue, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    field_value_init (&priv->fields[i], klass->fields[i]);
}

static void
trellis_entity_finalize (GObject *object)
{
  TrellisEntity *self = TRELLIS_ENTITY (object);
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    g_value_unset (&priv->fields[i]);
  g_clear_pointer (&priv->fields, g_free);
  if (priv->unknown != NULL)
    g_string_free (priv->unknown, TRUE);

  if (TRELLIS_IS_PERSON (self))
    g_clear_pointer (&TRELLIS_PERSON (self)->records, g_array_unref);

  G_OBJECT_CLASS (trellis_entity_parent_class)->finalize (object);
}

static void
trellis_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisEntity *self = TRELLIS_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, trellis_entity_get_id (self));
      break;

    case PROP_KIND:
      g_value_set_int (value, trellis_entity_get_kind (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_entity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrellisEntity *self = TRELLIS_ENTITY (object);
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = intern_or_null (g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_entity_class_init (TrellisEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = trellis_entity_constructed;
  object_class->finalize = trellis_entity_finalize;
  object_class->get_property = trellis_entity_get_property;
  object_class->set_property = trellis_entity_set_property;

  /**
   * TrellisEntity:id:
   *
   * The stable identifier other elements refer to. Never shown to people.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TrellisEntity:kind:
   *
   * The #TrellisKind of the entity.
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, TRELLIS_N_KINDS - 1, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_entity_init (TrellisEntity *self)
{
}

TrellisEntity *
trellis_entity_new_internal (TrellisKind  kind,
                             const char  *id)
{
  return g_object_new (trellis_kind_get_entity_type (kind),
                       "id", id,
                       NULL);
}

/**
 * trellis_entity_get_id:
 * @self: a #TrellisEntity
 *
 * Returns: (transfer none): the entity's interned id
 */
const char *
trellis_entity_get_id (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);

  return priv->id;
}

/**
 * trellis_entity_same:
 * @a: (nullable): an entity
 * @b: (nullable): another
 *
 * Whether @a and @b are the same entity of a matrix: the same object, or
 * its copies in copies of the document (trellis_document_snapshot()),
 * which share its id. Two %NULL are the same too.
 *
 * Returns: whether they are the same
 */
gboolean
trellis_entity_same (TrellisEntity *a,
                     TrellisEntity *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  /* Ids are interned. */
  return trellis_entity_get_id (a) == trellis_entity_get_id (b);
}

TrellisKind
trellis_entity_get_kind (TrellisEntity *self)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), TRELLIS_KIND_ORGANISATION);

  return TRELLIS_ENTITY_GET_CLASS (self)->kind;
}

gboolean
trellis_entity_has_field (TrellisEntity *self,
                          TrellisField   field)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), FALSE);
  g_return_val_if_fail (field < TRELLIS_N_FIELDS, FALSE);

  return field != TRELLIS_FIELD_NONE && TRELLIS_ENTITY_GET_CLASS (self)->slot_of[field] >= 0;
}

GValue *
trellis_entity_peek_field_value (TrellisEntity *self,
                                 TrellisField   field)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  gint8 slot;

  if (field == TRELLIS_FIELD_NONE || field >= TRELLIS_N_FIELDS)
    return NULL;

  slot = TRELLIS_ENTITY_GET_CLASS (self)->slot_of[field];
  if (slot < 0)
    return NULL;

  return &priv->fields[slot];
}

/**
 * trellis_entity_get_field:
 * @self: a #TrellisEntity
 * @field: one of the fields of the entity's kind
 *
 * Returns: (transfer none) (nullable): the field's value, or %NULL when
 *   the entity's kind has no such field
 */
const GValue *
trellis_entity_get_field (TrellisEntity *self,
                          TrellisField   field)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);

  return trellis_entity_peek_field_value (self, field);
}

void
trellis_entity_store_field (TrellisEntity *self,
                            TrellisField   field,
                            const GValue  *value,
                            gboolean       notify)
{
  GValue *stored = trellis_entity_peek_field_value (self, field);

  g_return_if_fail (stored != NULL);
  g_return_if_fail (G_VALUE_HOLDS (value, G_VALUE_TYPE (stored)));

  g_value_copy (value, g_value_reset (stored));

  if (notify)
    g_object_notify (G_OBJECT (self), field_info[field].name);
}

const char *
trellis_entity_get_string (TrellisEntity *self,
                           TrellisField   field)
{
  const GValue *v = trellis_entity_get_field (self, field);

  return v != NULL && G_VALUE_HOLDS_STRING (v) ? g_value_get_string (v) : NULL;
}

const char **
trellis_entity_get_strv (TrellisEntity *self,
                         TrellisField   field)
{
  const GValue *v = trellis_entity_get_field (self, field);

  return v != NULL && G_VALUE_HOLDS (v, G_TYPE_STRV) ? (const char **) g_value_get_boxed (v) : NULL;
}

gint
trellis_entity_get_int (TrellisEntity *self,
                        TrellisField   field)
{
  const GValue *v = trellis_entity_get_field (self, field);

  return v != NULL && G_VALUE_HOLDS_INT (v) ? g_value_get_int (v) : 0;
}

guint
trellis_entity_get_uint (TrellisEntity *self,
                         TrellisField   field)
{
  const GValue *v = trellis_entity_get_field (self, field);

  return v != NULL && G_VALUE_HOLDS_UINT (v) ? g_value_get_uint (v) : 0;
}

double
trellis_entity_get_double (TrellisEntity *self,
                           TrellisField   field)
{
  const GValue *v = trellis_entity_get_field (self, field);

  return v != NULL && G_VALUE_HOLDS_DOUBLE (v) ? g_value_get_double (v) : NAN;
}

GArray *
trellis_entity_get_array (TrellisEntity *self,
                          TrellisField   field)
{
  const GValue *v = trellis_entity_get_field (self, field);

  return v != NULL && G_VALUE_HOLDS (v, G_TYPE_ARRAY) ? g_value_get_boxed (v) : NULL;
}

GPtrArray *
trellis_entity_get_ptr_array (TrellisEntity *self,
                              TrellisField   field)
{
  const GValue *v = trellis_entity_get_field (self, field);

  return v != NULL && G_VALUE_HOLDS (v, G_TYPE_PTR_ARRAY) ? g_value_get_boxed (v) : NULL;
}

const char *
trellis_entity_get_name (TrellisEntity *self)
{
  return trellis_entity_get_string (self, TRELLIS_FIELD_NAME);
}

/**
 * trellis_entity_dup_label:
 * @self: a #TrellisEntity
 *
 * A short text naming the entity for people: its name, or for kinds
 * without one a description built from what it is about.
 *
 * Returns: (transfer full): the label
 */
char *
trellis_entity_dup_label (TrellisEntity *self)
{
  const char *name;

  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);

  name = trellis_entity_get_name (self);
  if (name != NULL && name[0] != '\0')
    return g_strdup (name);

  if (TRELLIS_IS_ACTION (self))
    {
      const char *note = trellis_entity_get_string (self, TRELLIS_FIELD_NOTE);
      TrellisActionKind kind = trellis_entity_get_int (self, TRELLIS_FIELD_ACTION_KIND);

      if (note != NULL && note[0] != '\0')
        return g_strdup (note);
      return g_strdup (trellis_action_kind_get_label (kind));
    }

  if (TRELLIS_IS_FEEDBACK (self))
    {
      const char *text = trellis_entity_get_string (self, TRELLIS_FIELD_TEXT);

      if (text != NULL && text[0] != '\0')
        return g_strdup (text);
    }

  /* Translators: shown for an item that has no name yet, e.g. “Unnamed role”. */
  return g_strdup_printf (_("Unnamed %s"), trellis_kind_get_label (trellis_entity_get_kind (self)));
}

const char *
trellis_entity_get_unknown_xml (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  return priv->unknown != NULL ? priv->unknown->str : NULL;
}

void
trellis_entity_append_unknown_xml (TrellisEntity *self,
                                   const char    *xml,
                                   gsize          len)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);

  if (priv->unknown == NULL)
    priv->unknown = g_string_new (NULL);
  g_string_append_len (priv->unknown, xml, len);
}

const char *
trellis_field_get_name (TrellisField field)
{
  g_return_val_if_fail (field < TRELLIS_N_FIELDS, NULL);

  return field_info[field].name;
}

TrellisField
trellis_field_from_name (const char *name)
{
  for (guint i = 1; i < TRELLIS_N_FIELDS; i++)
    {
      if (g_strcmp0 (field_info[i].name, name) == 0)
        return i;
    }

  return TRELLIS_FIELD_NONE;
}

GType
trellis_field_get_value_type (TrellisField field)
{
  g_return_val_if_fail (field > TRELLIS_FIELD_NONE && field < TRELLIS_N_FIELDS, G_TYPE_INVALID);

  return field_info[field].get_type ();
}

guint32
trellis_competency_get_slot (TrellisCompetency *self)
{
  return self->slot;
}

void
trellis_competency_set_slot (TrellisCompetency *self,
                             guint32            slot)
{
  self->slot = slot;
}

GArray *
trellis_person_get_records (TrellisPerson *self)
{
  return self->records;
}

/* The records to change in place: the person's own, copied first when
 * a copy of the document still shares them. */
GArray *
trellis_person_edit_records (TrellisPerson *self)
{
  if (self->records_shared)
    {
      GArray *own = g_array_sized_new (FALSE, FALSE, sizeof (TrellisRecord), self->records->len);

      g_array_append_vals (own, self->records->data, self->records->len);
      g_array_unref (self->records);
      self->records = own;
      self->records_shared = FALSE;
    }

  return self->records;
}

/**
 * trellis_entity_copy_internal:
 * @self: an entity
 *
 * A copy of @self with the same id and fields, for a copy of the
 * document (trellis_document_snapshot()). Field values are copied as
 * GValues: strings are duplicated, arrays (immutable once set) shared. A
 * person's records are shared until either side edits them. A
 * competency keeps its slot.
 *
 * Returns: (transfer full): the copy
 */
TrellisEntity *
trellis_entity_copy_internal (TrellisEntity *self)
{
  TrellisEntityPrivate *priv = trellis_entity_get_instance_private (self);
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (self);
  TrellisEntity *copy = trellis_entity_new_internal (klass->kind, priv->id);
  TrellisEntityPrivate *copy_priv = trellis_entity_get_instance_private (copy);

  for (guint i = 0; i < klass->n_fields; i++)
    g_value_copy (&priv->fields[i], &copy_priv->fields[i]);
  if (priv->unknown != NULL)
    copy_priv->unknown = g_string_new_len (priv->unknown->str, priv->unknown->len);

  if (TRELLIS_IS_COMPETENCY (self))
    TRELLIS_COMPETENCY (copy)->slot = TRELLIS_COMPETENCY (self)->slot;

  if (TRELLIS_IS_PERSON (self))
    {
      TrellisPerson *person = TRELLIS_PERSON (self);
      TrellisPerson *person_copy = TRELLIS_PERSON (copy);

      g_array_unref (person_copy->records);
      person_copy->records = g_array_ref (person->records);
      person->records_shared = person_copy->records_shared = TRUE;
    }

  return copy;
}

/* Array helpers. The arrays of a field are immutable; each helper returns
 * a new array and leaves the one it was given alone. */

/* Requirements, assignments and coverage targets are arrays of structs
 * keyed by the interned id that is their first member. */
static inline gpointer
keyed_element (GArray *array,
               guint   i)
{
  return array->data + (gsize) i * g_array_get_element_size (array);
}

static inline const char *
keyed_id (GArray *array,
          guint   i)
{
  const char *id;

  memcpy (&id, keyed_element (array, i), sizeof id);
  return id;
}

static gconstpointer
keyed_lookup (GArray     *array,
              const char *id)
{
  id = g_intern_string (id);

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      if (keyed_id (array, i) == id)
        return keyed_element (array, i);
    }

  return NULL;
}

/* A copy of @array in which @item replaces the element keyed @id, or
 * comes last if there was none; a %NULL @item drops the element. */
static GArray *
keyed_copy_set (GArray        *array,
                guint          element_size,
                const char    *id,
                gconstpointer  item)
{
  GArray *copy = g_array_new (FALSE, FALSE, element_size);
  gboolean found = FALSE;

  for (guint i = 0; array != NULL && i < array->len; i++)
    {
      if (keyed_id (array, i) != id)
        g_array_append_vals (copy, keyed_element (array, i), 1);
      else
        {
          found = TRUE;
          if (item != NULL)
            g_array_append_vals (copy, item, 1);
        }
    }

  if (!found && item != NULL)
    g_array_append_vals (copy, item, 1);

  return copy;
}

GArray *
trellis_requirements_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (TrellisRequirement));
}

/**
 * trellis_requirements_copy_set:
 * @requirements: (nullable): the current requirements
 * @competency: a competency id
 * @level: the level, or %TRELLIS_LEVEL_NONE to drop the requirement
 *
 * Returns: (transfer full): a new array with the requirement set
 */
GArray *
trellis_requirements_copy_set (GArray     *requirements,
                               const char *competency,
                               gint        level)
{
  TrellisRequirement r = { g_intern_string (competency), level };

  return keyed_copy_set (requirements, sizeof r, r.competency,
                         level != TRELLIS_LEVEL_NONE ? &r : NULL);
}

gint
trellis_requirements_lookup (GArray     *requirements,
                             const char *competency)
{
  const TrellisRequirement *r = keyed_lookup (requirements, competency);

  return r != NULL ? r->level : TRELLIS_LEVEL_NONE;
}

GArray *
trellis_assignments_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (TrellisAssignment));
}

/**
 * trellis_assignments_copy_set:
 * @assignments: (nullable): the current assignments
 * @role: a role id
 * @raci: the letters; %TRELLIS_RACI_NONE with no authority drops the role
 * @authority: the delegation level
 *
 * Returns: (transfer full): a new array with the assignment set
 */
GArray *
trellis_assignments_copy_set (GArray           *assignments,
                              const char       *role,
                              TrellisRaci       raci,
                              TrellisAuthority  authority)
{
  TrellisAssignment a = { g_intern_string (role), raci, authority };
  gboolean drop = raci == TRELLIS_RACI_NONE && authority == TRELLIS_AUTHORITY_NONE;

  return keyed_copy_set (assignments, sizeof a, a.role, drop ? NULL : &a);
}

const TrellisAssignment *
trellis_assignments_lookup (GArray     *assignments,
                            const char *role)
{
  return keyed_lookup (assignments, role);
}

GArray *
trellis_targets_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (TrellisTarget));
}

/**
 * trellis_targets_copy_set:
 * @targets: (nullable): the current coverage targets
 * @competency: a competency id
 * @level: the level people must reach
 * @people: how many people; 0 drops the target
 *
 * Returns: (transfer full): a new array with the target set
 */
GArray *
trellis_targets_copy_set (GArray     *targets,
                          const char *competency,
                          gint        level,
                          guint       people)
{
  TrellisTarget t = { g_intern_string (competency), level, people };

  return keyed_copy_set (targets, sizeof t, t.competency, people > 0 ? &t : NULL);
}

GArray *
trellis_measurements_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (TrellisMeasurement));
}

static gint
compare_measurements (gconstpointer a,
                      gconstpointer b)
{
  const TrellisMeasurement *ma = a;
  const TrellisMeasurement *mb = b;

  return (ma->date > mb->date) - (ma->date < mb->date);
}

/**
 * trellis_measurements_copy_set:
 * @measurements: (nullable): the current measurements
 * @date: the date of the measurement
 * @value: the value measured
 *
 * Returns: (transfer full): a new array, in date order, holding @value
 *   for @date
 */
GArray *
trellis_measurements_copy_set (GArray      *measurements,
                               TrellisDate  date,
                               double       value)
{
  GArray *copy = trellis_measurements_copy_remove (measurements, date);
  TrellisMeasurement m = { date, value };

  g_array_append_val (copy, m);
  g_array_sort (copy, compare_measurements);

  return copy;
}

GArray *
trellis_measurements_copy_remove (GArray      *measurements,
                                  TrellisDate  date)
{
  GArray *copy = trellis_measurements_new ();

  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      const TrellisMeasurement *m = &g_array_index (measurements, TrellisMeasurement, i);

      if (m->date != date)
        g_array_append_val (copy, *m);
    }

  return copy;
}

static void
scale_level_free (gpointer data)
{
  TrellisScaleLevel *level = data;

  g_free (level->name);
  g_free (level->description);
  g_free (level);
}

GPtrArray *
trellis_scale_levels_new (void)
{
  return g_ptr_array_new_with_free_func (scale_level_free);
}

TrellisScaleLevel *
trellis_scale_level_new (gint        value,
                         const char *name,
                         const char *description)
{
  TrellisScaleLevel *level = g_new0 (TrellisScaleLevel, 1);

  level->value = value;
  level->name = g_strdup (name);
  level->description = g_strdup (description);

  return level;
}

/**
 * trellis_scale_new_default:
 *
 * The default scale of a new matrix, named in the language of the person
 * creating it: five levels from 0 (not yet) to 4 (expert who teaches).
 *
 * Returns: (transfer full): a new array of #TrellisScaleLevel
 */
GPtrArray *
trellis_scale_new_default (void)
{
  static const struct {
    const char *name;
    const char *description;
  } defaults[] = {
    /* Translators: the names of the five levels of a new matrix's scale,
     * from 0 to 4, each shown beside its number, e.g. “3 · Proficient”. */
    { NC_("scale level", "Not yet"), N_("Has not yet shown this in their work.") },
    { NC_("scale level", "With guidance"), N_("Does it with help and clear instructions.") },
    { NC_("scale level", "Independent"), N_("Does it alone in everyday situations.") },
    { NC_("scale level", "Proficient"), N_("Handles difficult and unusual situations too.") },
    { NC_("scale level", "Expert"), N_("Teaches others and improves how the team works.") },
  };
  GPtrArray *levels = trellis_scale_levels_new ();

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    g_ptr_array_add (levels, trellis_scale_level_new (i, g_dpgettext2 (GETTEXT_PACKAGE, "scale level", defaults[i].name),
                                                          _(defaults[i].description)));

  return levels;
}

static void
level_text_free (gpointer data)
{
  TrellisLevelText *text = data;

  g_free (text->text);
  g_free (text);
}

GPtrArray *
trellis_level_texts_new (void)
{
  return g_ptr_array_new_with_free_func (level_text_free);
}

static gint
compare_level_texts (gconstpointer a,
                     gconstpointer b)
{
  const TrellisLevelText *ta = *(const TrellisLevelText * const *) a;
  const TrellisLevelText *tb = *(const TrellisLevelText * const *) b;

  return (ta->level > tb->level) - (ta->level < tb->level);
}

/**
 * trellis_level_texts_copy_set:
 * @texts: (nullable): the current level descriptions
 * @level: a level of the scale
 * @text: (nullable): its behavioural description; %NULL or empty drops it
 *
 * Returns: (transfer full): a new array, in level order
 */
GPtrArray *
trellis_level_texts_copy_set (GPtrArray  *texts,
                              gint        level,
                              const char *text)
{
  GPtrArray *copy = trellis_level_texts_new ();

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      const TrellisLevelText *t = g_ptr_array_index (texts, i);
      TrellisLevelText *c;

      if (t->level == level)
        continue;

      c = g_new0 (TrellisLevelText, 1);
      c->level = t->level;
      c->text = g_strdup (t->text);
      g_ptr_array_add (copy, c);
    }

  if (text != NULL && text[0] != '\0')
    {
      TrellisLevelText *c = g_new0 (TrellisLevelText, 1);

      c->level = level;
      c->text = g_strdup (text);
      g_ptr_array_add (copy, c);
    }

  g_ptr_array_sort (copy, compare_level_texts);

  return copy;
}

const char *
trellis_level_texts_lookup (GPtrArray *texts,
                            gint       level)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      const TrellisLevelText *t = g_ptr_array_index (texts, i);

      if (t->level == level)
        return t->text;
    }

  return NULL;
}

static void
review_free (gpointer data)
{
  TrellisReview *review = data;

  g_free (review->plan);
  g_free (review->do_);
  g_free (review->check);
  g_free (review->act);
  g_free (review);
}

GPtrArray *
trellis_reviews_new (void)
{
  return g_ptr_array_new_with_free_func (review_free);
}

TrellisReview *
trellis_review_new (TrellisDate  date,
                    const char  *plan,
                    const char  *do_,
                    const char  *check,
                    const char  *act)
{
  TrellisReview *review = g_new0 (TrellisReview, 1);

  review->date = date;
  review->plan = g_strdup (plan);
  review->do_ = g_strdup (do_);
  review->check = g_strdup (check);
  review->act = g_strdup (act);

  return review;
}

/**
 * trellis_strv_copy_toggle:
 * @strv: (nullable): a list of ids
 * @item: an id
 * @present: whether @item should be in the list
 *
 * Returns: (transfer full): a new list holding @item or not, order kept
 */
char **
trellis_strv_copy_toggle (const char **strv,
                          const char  *item,
                          gboolean     present)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  gboolean found = FALSE;
  char **ret;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (g_str_equal (strv[i], item))
        {
          found = TRUE;
          if (!present)
            continue;
        }
      g_strv_builder_add (builder, strv[i]);
    }

  if (present && !found)
    g_strv_builder_add (builder, item);

  ret = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ret;
}

gboolean
trellis_strv_contains_id (const char **strv,
                          const char  *item)
{
  return strv != NULL && item != NULL && g_strv_contains (strv, item);
}

static gint
compare_reviews (gconstpointer a,
                 gconstpointer b)
{
  const TrellisReview *ra = *(const TrellisReview * const *) a;
  const TrellisReview *rb = *(const TrellisReview * const *) b;

  return (ra->date > rb->date) - (ra->date < rb->date);
}

/**
 * trellis_reviews_copy_remove:
 * @reviews: (nullable): the current reviews of an indicator
 * @date: the date of the review to drop
 *
 * Returns: (transfer full): a new array without the review of @date
 */
GPtrArray *
trellis_reviews_copy_remove (GPtrArray   *reviews,
                             TrellisDate  date)
{
  GPtrArray *copy = trellis_reviews_new ();

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const TrellisReview *r = g_ptr_array_index (reviews, i);

      if (r->date != date)
        g_ptr_array_add (copy, trellis_review_new (r->date, r->plan, r->do_, r->check, r->act));
    }

  return copy;
}

/**
 * trellis_reviews_copy_set:
 * @reviews: (nullable): the current reviews of an indicator
 * @review: the review to set, replacing one of the same date
 *
 * Returns: (transfer full): a new array, in date order
 */
GPtrArray *
trellis_reviews_copy_set (GPtrArray           *reviews,
                          const TrellisReview *review)
{
  GPtrArray *copy = trellis_reviews_copy_remove (reviews, review->date);

  g_ptr_array_add (copy, trellis_review_new (review->date, review->plan, review->do_,
                                             review->check, review->act));
  g_ptr_array_sort (copy, compare_reviews);

  return copy;
}

GPtrArray *
trellis_scale_copy (GPtrArray *scale)
{
  GPtrArray *copy = trellis_scale_levels_new ();

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *l = g_ptr_array_index (scale, i);

      g_ptr_array_add (copy, trellis_scale_level_new (l->value, l->name, l->description));
    }

  return copy;
}
