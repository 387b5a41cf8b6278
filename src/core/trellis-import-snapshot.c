/* trellis-import-snapshot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-import-private.h"

/* What an import knows of the matrix: its people, competencies, roles
 * and values, by id and by name, copied when the import is made (in the
 * main thread), so that the file can be read in another thread while the
 * matrix stays where it is. Fields that are immutable arrays are shared;
 * strings and the assessment records are copied.
 *
 * Names are matched folded: case, Unicode normal form and runs of white
 * space do not count ("anna  de vries" is "Anna de Vries"). An id is
 * matched as it is written. */

static const TrellisKind target_kinds[TRELLIS_N_IMPORT_TARGETS] = {
  [TRELLIS_IMPORT_PERSON] = TRELLIS_KIND_PERSON,
  [TRELLIS_IMPORT_COMPETENCY] = TRELLIS_KIND_COMPETENCY,
  [TRELLIS_IMPORT_ROLE] = TRELLIS_KIND_ROLE,
  [TRELLIS_IMPORT_VALUE] = TRELLIS_KIND_VALUE,
};

/**
 * trellis_import_fold:
 * @text: a name as written in a file or the matrix
 * @len: its length, or -1 when NUL-terminated
 *
 * The form in which names are compared: case folded, in Unicode's
 * compatibility composition, with white space trimmed and each run of it
 * made one space.
 *
 * Returns: (transfer full): the folded name
 */
char *
trellis_import_fold (const char *text,
                     gssize      len)
{
  g_autofree char *folded = NULL;
  g_autofree char *normal = NULL;
  GString *out;
  gboolean ascii = TRUE;
  gsize n = len < 0 ? strlen (text) : (gsize) len;

  for (gsize i = 0; i < n && ascii; i++)
    ascii = (guchar) text[i] < 0x80;

  if (ascii)
    folded = g_ascii_strdown (text, (gssize) n);
  else
    {
      normal = g_utf8_normalize (text, (gssize) n, G_NORMALIZE_ALL_COMPOSE);
      if (normal == NULL)
        return g_strndup (text, n);
      folded = g_utf8_casefold (normal, -1);
    }

  out = g_string_sized_new (n);
  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

static void
snap_entity_free (gpointer data)
{
  TrellisSnapEntity *item = data;

  g_clear_object (&item->entity);
  g_free (item->id);
  g_free (item->name);
  g_strfreev (item->roles);
  g_clear_pointer (&item->records, g_array_unref);
  g_free (item->description);
  g_strfreev (item->values);
  g_clear_pointer (&item->levels, g_ptr_array_unref);
  g_free (item);
}

static void
new_entity_free (gpointer data)
{
  TrellisNewEntity *item = data;

  g_free (item->name);
  g_free (item->id);
  g_free (item);
}

/* The cache of cells is looked up for every row of a long sheet: a hash
 * of eight bytes at a time, rather than GLib's of one. */
static guint
cell_hash (gconstpointer key)
{
  const char *s = key;
  gsize len = strlen (s);
  guint64 h = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) ^ len;
  guint64 w = 0;

  for (; len >= 8; s += 8, len -= 8)
    {
      memcpy (&w, s, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
      h ^= h >> 29;
    }
  w = 0;
  memcpy (&w, s, len);
  h = (h ^ w) * G_GUINT64_CONSTANT (0x94D049BB133111EB);

  return (guint) (h ^ (h >> 32));
}

static void
snap_list_reset_new (TrellisSnapList *list)
{
  g_clear_pointer (&list->created, g_ptr_array_unref);
  g_clear_pointer (&list->created_by_key, g_hash_table_unref);
  g_clear_pointer (&list->created_by_id, g_hash_table_unref);
  g_clear_pointer (&list->cache, g_hash_table_unref);
  g_clear_pointer (&list->next, g_array_unref);
  list->next = g_array_new (FALSE, TRUE, sizeof (TrellisPrediction));
  list->created = g_ptr_array_new_with_free_func (new_entity_free);
  list->created_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list->created_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  list->cache = g_hash_table_new_full (cell_hash, g_str_equal, g_free, g_free);
}

static void
snap_entity_read (TrellisSnapEntity *item,
                  TrellisDocument   *document,
                  gboolean           records)
{
  TrellisEntity *entity = item->entity;

  if (TRELLIS_IS_PERSON (entity))
    {
      item->roles = g_strdupv ((char **) trellis_entity_get_strv (entity, TRELLIS_FIELD_ROLES));
      item->share = trellis_entity_get_int (entity, TRELLIS_FIELD_SHARE);
      if (records)
        {
          GArray *live = trellis_person_get_records (TRELLIS_PERSON (entity));

          item->records = g_array_sized_new (FALSE, FALSE, sizeof (TrellisRecord), live->len);
          g_array_append_vals (item->records, live->data, live->len);
        }
    }
  else if (TRELLIS_IS_COMPETENCY (entity))
    {
      GPtrArray *levels = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_LEVELS);

      item->description = g_strdup (trellis_entity_get_string (entity, TRELLIS_FIELD_DESCRIPTION));
      item->values = g_strdupv ((char **) trellis_entity_get_strv (entity, TRELLIS_FIELD_VALUES));
      item->levels = levels != NULL ? g_ptr_array_ref (levels) : NULL;
      item->slot = trellis_competency_get_slot (TRELLIS_COMPETENCY (entity));
    }
}

static void
snap_list_init (TrellisSnapList *list,
                TrellisDocument *document,
                TrellisKind      kind,
                gboolean         records,
                GHashTable      *texts)
{
  guint n = trellis_document_get_n_items (document, kind);

  list->items = g_ptr_array_new_full (n, snap_entity_free);
  list->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  list->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      TrellisSnapEntity *item = g_new0 (TrellisSnapEntity, 1);
      const char *name;
      char *key;
      gpointer old;

      item->entity = g_object_ref (trellis_document_get_item (document, kind, i));
      item->id = g_strdup (trellis_entity_get_id (item->entity));
      name = trellis_entity_get_name (item->entity);
      item->name = g_strdup (name != NULL ? name : "");
      snap_entity_read (item, document, records);
      g_ptr_array_add (list->items, item);

      g_hash_table_insert (list->by_id, item->id, GUINT_TO_POINTER (i + 1));
      key = trellis_import_fold (item->name, -1);
      if (*key == '\0')
        g_free (key);
      else if (g_hash_table_lookup_extended (list->by_key, key, NULL, &old))
        {
          g_hash_table_insert (list->by_key, key, GUINT_TO_POINTER (TRELLIS_SNAP_AMBIGUOUS));
        }
      else
        g_hash_table_insert (list->by_key, key, GUINT_TO_POINTER (i + 1));

      /* The notes and evidence of the records copied, which the matrix
       * never changes once made. */
      if (item->records != NULL)
        {
          for (guint r = 0; r < item->records->len; r++)
            {
              guint32 text = g_array_index (item->records, TrellisRecord, r).text;

              if (text != 0)
                g_hash_table_insert (texts, GUINT_TO_POINTER (text),
                                     (gpointer) trellis_document_get_text (document, text));
            }
        }
    }

  snap_list_reset_new (list);
}

/**
 * trellis_snapshot_init:
 * @self: an uninitialised snapshot
 * @document: the matrix
 * @records: whether to copy the assessments too
 *
 * Takes what an import needs to know of @document. Call in the thread
 * that owns the document.
 */
void
trellis_snapshot_init (TrellisSnapshot *self,
                       TrellisDocument *document,
                       gboolean         records)
{
  GPtrArray *scale = trellis_document_get_scale (document);

  memset (self, 0, sizeof *self);
  self->texts = g_hash_table_new (NULL, NULL);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; t < TRELLIS_N_IMPORT_TARGETS; t++)
    snap_list_init (&self->lists[t], document, target_kinds[t], records, self->texts);

  for (guint k = TRELLIS_KIND_VALUE; k < TRELLIS_N_KINDS; k++)
    {
      guint n = trellis_document_get_n_items (document, k);

      for (guint i = 0; i < n; i++)
        g_hash_table_add (self->ids, g_strdup (trellis_entity_get_id (trellis_document_get_item (document, k, i))));
    }

  self->scale_min = trellis_document_get_scale_min (document);
  self->scale_max = trellis_document_get_scale_max (document);
  self->level_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *level = g_ptr_array_index (scale, i);

      if (level->name != NULL && *level->name != '\0')
        g_hash_table_insert (self->level_names, trellis_import_fold (level->name, -1),
                             GINT_TO_POINTER (level->value + 1));
    }
}

void
trellis_snapshot_clear (TrellisSnapshot *self)
{
  for (guint t = 0; t < TRELLIS_N_IMPORT_TARGETS; t++)
    {
      TrellisSnapList *list = &self->lists[t];

      g_clear_pointer (&list->items, g_ptr_array_unref);
      g_clear_pointer (&list->by_id, g_hash_table_unref);
      g_clear_pointer (&list->by_key, g_hash_table_unref);
      g_clear_pointer (&list->created, g_ptr_array_unref);
      g_clear_pointer (&list->created_by_key, g_hash_table_unref);
      g_clear_pointer (&list->created_by_id, g_hash_table_unref);
      g_clear_pointer (&list->cache, g_hash_table_unref);
      g_clear_pointer (&list->next, g_array_unref);
    }
  g_clear_pointer (&self->level_names, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
}

/* Forgets the entities a reading planned to create, before the next. */
void
trellis_snapshot_reset_new (TrellisSnapshot *self)
{
  for (guint t = 0; t < TRELLIS_N_IMPORT_TARGETS; t++)
    snap_list_reset_new (&self->lists[t]);
}

TrellisSnapEntity *
trellis_snapshot_get (TrellisSnapshot     *self,
                      TrellisImportTarget  target,
                      TrellisImportRef     ref)
{
  GPtrArray *items = self->lists[target].items;

  return ref < items->len ? g_ptr_array_index (items, ref) : NULL;
}

TrellisNewEntity *
trellis_snapshot_get_new (TrellisSnapshot     *self,
                          TrellisImportTarget  target,
                          TrellisImportRef     ref)
{
  TrellisSnapList *list = &self->lists[target];

  if (ref == TRELLIS_IMPORT_REF_NONE || ref < list->items->len)
    return NULL;

  return g_ptr_array_index (list->created, ref - list->items->len);
}

/* The format's ids: a letter or underscore, then letters, digits, dots,
 * underscores and hyphens, at most 256. */
static gboolean
usable_id (const char *id)
{
  gsize n = strlen (id);

  if (n == 0 || n > 256 || !(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;
  for (gsize i = 1; i < n; i++)
    {
      if (!(g_ascii_isalnum (id[i]) || id[i] == '.' || id[i] == '_' || id[i] == '-'))
        return FALSE;
    }

  return TRUE;
}

static TrellisImportRef
create_new (TrellisSnapshot     *self,
            TrellisImportTarget  target,
            const char          *id,
            const char          *name,
            char                *key)
{
  TrellisSnapList *list = &self->lists[target];
  TrellisNewEntity *item = g_new0 (TrellisNewEntity, 1);
  guint index = list->created->len;

  item->name = g_strstrip (g_strdup (name));
  if (id != NULL && usable_id (id) && !g_hash_table_contains (self->ids, id) &&
      !g_hash_table_contains (list->created_by_id, id))
    {
      item->id = g_strdup (id);
      g_hash_table_insert (list->created_by_id, g_strdup (id), GUINT_TO_POINTER (index + 1));
    }
  g_ptr_array_add (list->created, item);
  g_hash_table_insert (list->created_by_key, key, GUINT_TO_POINTER (index + 1));

  return list->items->len + index;
}

static char *
unknown_id (TrellisImportTarget  target,
            const char          *id)
{
  switch (target)
    {
    case TRELLIS_IMPORT_PERSON:
      /* Translators: %s is an id as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has no person with the id ‘%s’; give their name as well to add them."), id);
    case TRELLIS_IMPORT_COMPETENCY:
      /* Translators: %s is an id as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has no competency with the id ‘%s’; give its name as well to add it."), id);
    case TRELLIS_IMPORT_ROLE:
      /* Translators: %s is an id as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has no role with the id ‘%s’."), id);
    case TRELLIS_IMPORT_VALUE:
      /* Translators: %s is an id as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has no value with the id ‘%s’."), id);
    case TRELLIS_N_IMPORT_TARGETS:
    default:
      g_assert_not_reached ();
    }
}

static char *
unknown_name (TrellisImportTarget  target,
              const char          *name)
{
  switch (target)
    {
    case TRELLIS_IMPORT_PERSON:
      /* Translators: %s is a person's name as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has nobody called ‘%s’. Check the spelling, or let the import add "
                                "what is missing."), name);
    case TRELLIS_IMPORT_COMPETENCY:
      /* Translators: %s is a competency's name as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has no competency called ‘%s’. Check the spelling, or let the "
                                "import add what is missing."), name);
    case TRELLIS_IMPORT_ROLE:
      /* Translators: %s is a role's name as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has no role called ‘%s’. Check the spelling, or let the import "
                                "add what is missing."), name);
    case TRELLIS_IMPORT_VALUE:
      /* Translators: %s is a value's name as written in a spreadsheet. */
      return g_strdup_printf (_("The matrix has no value called ‘%s’. Check the spelling, or let the import "
                                "add what is missing."), name);
    case TRELLIS_N_IMPORT_TARGETS:
    default:
      g_assert_not_reached ();
    }
}

static char *
ambiguous_name (TrellisImportTarget  target,
                const char          *name)
{
  switch (target)
    {
    case TRELLIS_IMPORT_PERSON:
      /* Translators: %s is a person's name as written in a spreadsheet. */
      return g_strdup_printf (_("More than one person is called ‘%s’; give their id to say which."), name);
    case TRELLIS_IMPORT_COMPETENCY:
      /* Translators: %s is a competency's name as written in a spreadsheet. */
      return g_strdup_printf (_("More than one competency is called ‘%s’; give its id to say which."), name);
    case TRELLIS_IMPORT_ROLE:
      /* Translators: %s is a role's name as written in a spreadsheet. */
      return g_strdup_printf (_("More than one role is called ‘%s’; give its id to say which."), name);
    case TRELLIS_IMPORT_VALUE:
      /* Translators: %s is a value's name as written in a spreadsheet. */
      return g_strdup_printf (_("More than one value is called ‘%s’; give its id to say which."), name);
    case TRELLIS_N_IMPORT_TARGETS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * trellis_snapshot_resolve:
 * @self: the snapshot
 * @target: what is looked for
 * @id: (nullable): the id written in the row, or %NULL or ""
 * @name: (nullable): the name written in the row, or %NULL or ""
 * @create: whether to plan a new entity when none matches
 * @problem: (out): why nothing matched, when it returns
 *   %TRELLIS_IMPORT_REF_NONE
 *
 * Finds what a row names: by id, else by name, among the matrix's
 * entities and then those the import creates; or plans a new one.
 *
 * Returns: the reference, or %TRELLIS_IMPORT_REF_NONE
 */
TrellisImportRef
trellis_snapshot_resolve (TrellisSnapshot      *self,
                          TrellisImportTarget   target,
                          const char           *id,
                          const char           *name,
                          gboolean              create,
                          char                **problem)
{
  TrellisSnapList *list = &self->lists[target];
  g_autofree char *key = NULL;
  guint found;

  *problem = NULL;
  if (id != NULL && *id != '\0')
    {
      found = GPOINTER_TO_UINT (g_hash_table_lookup (list->by_id, id));
      if (found != 0)
        return found - 1;
      found = GPOINTER_TO_UINT (g_hash_table_lookup (list->created_by_id, id));
      if (found != 0)
        return list->items->len + found - 1;
      if (name == NULL || *name == '\0')
        {
          *problem = unknown_id (target, id);
          return TRELLIS_IMPORT_REF_NONE;
        }
    }

  if (name == NULL || *name == '\0')
    return TRELLIS_IMPORT_REF_NONE;

  key = trellis_import_fold (name, -1);
  found = GPOINTER_TO_UINT (g_hash_table_lookup (list->by_key, key));
  if (found == TRELLIS_SNAP_AMBIGUOUS)
    {
      *problem = ambiguous_name (target, name);
      return TRELLIS_IMPORT_REF_NONE;
    }
  if (found != 0)
    return found - 1;

  found = GPOINTER_TO_UINT (g_hash_table_lookup (list->created_by_key, key));
  if (found != 0)
    return list->items->len + found - 1;

  if (!create)
    {
      *problem = unknown_name (target, name);
      return TRELLIS_IMPORT_REF_NONE;
    }

  return create_new (self, target, id, name, g_steal_pointer (&key));
}
