/* trellis-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-catalog.h"

/* A gettext message catalog (a compiled .mo file) read by hand, to
 * translate into a language other than the program's own: the vote page
 * speaks each phone's language, while gettext() speaks the process's
 * one language and changing that per request (LANGUAGE, setlocale) is
 * neither thread-safe nor possible for locales the system lacks.
 *
 * The format is GNU gettext's ("The Format of GNU MO Files"): a header
 * of 32-bit words in the file's byte order (told by the magic number),
 * then two tables of (length, offset) pairs, originals and
 * translations. An original with a context is "context\004msgid"; an
 * original with a plural form continues after a NUL, and so does its
 * translation: only the singular is looked up here, which is all the
 * vote page uses. Every offset and length is checked against the file
 * before anything is read, so a broken catalog is refused, never read
 * out of bounds. */

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

struct _TrellisCatalog
{
  gatomicrefcount  ref_count;
  GBytes          *bytes;
  GHashTable      *messages;   /* original (in bytes) → translation (in bytes) */
};

static gboolean
read_word (const guint8 *data,
           gsize         size,
           gsize         offset,
           gboolean      swapped,
           guint32      *out)
{
  guint32 word;

  if (offset > size || size - offset < 4)
    return FALSE;

  memcpy (&word, data + offset, 4);
  *out = swapped ? GUINT32_SWAP_LE_BE (word) : word;
  return TRUE;
}

/* The string of table entry @index at @table, NUL-terminated inside the
 * file. */
static const char *
read_string (const guint8 *data,
             gsize         size,
             guint32       table,
             guint32       index,
             gboolean      swapped)
{
  guint32 length, offset;
  gsize entry = (gsize) table + (gsize) index * 8;

  if (!read_word (data, size, entry, swapped, &length) ||
      !read_word (data, size, entry + 4, swapped, &offset))
    return NULL;

  if (offset >= size || length >= size - offset || data[offset + length] != '\0')
    return NULL;

  return (const char *) data + offset;
}

static gboolean
parse (TrellisCatalog  *self,
       GError         **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  guint32 magic, revision, n, originals, translations;
  gboolean swapped;

  if (!read_word (data, size, 0, FALSE, &magic) || (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED))
    goto broken;
  swapped = magic == MO_MAGIC_SWAPPED;

  if (!read_word (data, size, 4, swapped, &revision) ||
      !read_word (data, size, 8, swapped, &n) ||
      !read_word (data, size, 12, swapped, &originals) ||
      !read_word (data, size, 16, swapped, &translations))
    goto broken;

  /* Major revisions other than 0 and 1 may change the layout. */
  if ((revision >> 16) > 1 || n > size / 16)
    goto broken;

  for (guint32 i = 0; i < n; i++)
    {
      const char *original = read_string (data, size, originals, i, swapped);
      const char *translation = read_string (data, size, translations, i, swapped);

      if (original == NULL || translation == NULL)
        goto broken;

      /* The header (the empty original) and untranslated entries say
       * nothing to look up. */
      if (original[0] != '\0' && translation[0] != '\0')
        g_hash_table_replace (self->messages, (gpointer) original, (gpointer) translation);
    }

  return TRUE;

broken:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The translations could not be read: the message catalog is damaged."));
  return FALSE;
}

/**
 * trellis_catalog_new_from_bytes:
 * @bytes: the contents of a .mo file
 * @error: where to say why it could not be read
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL if @bytes is
 *   no catalog
 */
TrellisCatalog *
trellis_catalog_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  TrellisCatalog *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (TrellisCatalog, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->bytes = g_bytes_ref (bytes);
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_bytes_get_size (bytes) > TRELLIS_CATALOG_MAX_SIZE || !parse (self, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("The translations could not be read: the message catalog is too large."));
      trellis_catalog_unref (self);
      return NULL;
    }

  return self;
}

/**
 * trellis_catalog_new_from_file:
 * @path: a .mo file
 * @error: where to say why it could not be read
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL
 */
TrellisCatalog *
trellis_catalog_new_from_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  bytes = g_mapped_file_get_bytes (file);
  return trellis_catalog_new_from_bytes (bytes, error);
}

TrellisCatalog *
trellis_catalog_ref (TrellisCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_catalog_unref (TrellisCatalog *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->messages);
  g_bytes_unref (self->bytes);
  g_free (self);
}

/**
 * trellis_catalog_get_n_messages:
 * @self: a #TrellisCatalog
 *
 * Returns: how many messages the catalog translates
 */
guint
trellis_catalog_get_n_messages (TrellisCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->messages);
}

/**
 * trellis_catalog_lookup:
 * @self: (nullable): a #TrellisCatalog, or %NULL for the untranslated
 *   messages
 * @context: (nullable): the message's context, as given to C_() or NC_()
 * @msgid: the message
 *
 * Returns: the translation of @msgid, or @msgid itself when the catalog
 *   has none
 */
const char *
trellis_catalog_lookup (TrellisCatalog *self,
                        const char     *context,
                        const char     *msgid)
{
  g_autofree char *key = NULL;
  const char *translation;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (self == NULL)
    return msgid;

  if (context != NULL)
    key = g_strconcat (context, "\004", msgid, NULL);

  translation = g_hash_table_lookup (self->messages, key != NULL ? key : msgid);

  return translation != NULL ? translation : msgid;
}
