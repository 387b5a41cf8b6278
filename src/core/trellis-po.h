/* trellis-po.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_PO_ERROR (trellis_po_error_quark ())

/**
 * TRELLIS_PO_MAX_SIZE:
 *
 * The most bytes a PO file may hold: the texts of the largest matrix
 * Trellis is built for, in several languages, take a few megabytes.
 */
#define TRELLIS_PO_MAX_SIZE (16 * 1024 * 1024)

/**
 * TrellisPoError:
 * @TRELLIS_PO_ERROR_SYNTAX: the file is not a PO file, or is broken
 * @TRELLIS_PO_ERROR_ENCODING: the file is not UTF-8
 * @TRELLIS_PO_ERROR_TOO_LARGE: the file is larger than
 *   %TRELLIS_PO_MAX_SIZE
 * @TRELLIS_PO_ERROR_LANGUAGE: the file's language is missing, not a
 *   language, or not the one asked for
 *
 * Why a PO file could not be read. The messages start with "LINE: "
 * where a line is to blame.
 */
typedef enum
{
  TRELLIS_PO_ERROR_SYNTAX,
  TRELLIS_PO_ERROR_ENCODING,
  TRELLIS_PO_ERROR_TOO_LARGE,
  TRELLIS_PO_ERROR_LANGUAGE,
} TrellisPoError;

/**
 * TrellisPoEntry:
 * @context: (nullable): its msgctxt
 * @id: its msgid
 * @id_plural: (nullable): its msgid_plural
 * @str: its msgstr, or msgstr[0] of a plural entry
 * @line: the line its msgctxt or msgid is on
 * @fuzzy: whether it is marked fuzzy
 *
 * One message of a PO file. Obsolete messages (`#~`) and the header are
 * not entries.
 */
typedef struct
{
  char     *context;
  char     *id;
  char     *id_plural;
  char     *str;
  guint     line;
  gboolean  fuzzy;
} TrellisPoEntry;

typedef struct _TrellisPoFile TrellisPoFile;

GQuark                trellis_po_error_quark        (void);

TrellisPoFile        *trellis_po_file_parse         (const char           *data,
                                                     gsize                 len,
                                                     GError              **error);
TrellisPoFile        *trellis_po_file_read          (GInputStream         *stream,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
TrellisPoFile        *trellis_po_file_load          (GFile                *file,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void                  trellis_po_file_free          (TrellisPoFile        *self);
guint                 trellis_po_file_get_n_entries (TrellisPoFile        *self);
const TrellisPoEntry *trellis_po_file_get_entry     (TrellisPoFile        *self,
                                                     guint                 index);
char                 *trellis_po_file_dup_header    (TrellisPoFile        *self,
                                                     const char           *field);

void                  trellis_po_append_string      (GString              *out,
                                                     const char           *keyword,
                                                     const char           *text);
void                  trellis_po_append_comment     (GString              *out,
                                                     const char           *prefix,
                                                     const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPoFile, trellis_po_file_free)

G_END_DECLS
