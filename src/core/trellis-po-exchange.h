/* trellis-po-exchange.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-po.h"
#include "trellis-translations.h"

G_BEGIN_DECLS

/**
 * TrellisPoOutcome:
 * @TRELLIS_PO_APPLIED: the translation was taken (added or changed)
 * @TRELLIS_PO_UNCHANGED: the matrix has that translation already
 * @TRELLIS_PO_REMOVED: an empty msgstr removed the translation there was
 * @TRELLIS_PO_UNTRANSLATED: an empty msgstr, and no translation there
 * @TRELLIS_PO_FUZZY: marked fuzzy, so not taken: the translator was not
 *   sure of it
 * @TRELLIS_PO_STALE: the original changed since the file was exported
 *   (its msgid is not the text now): not taken
 * @TRELLIS_PO_UNKNOWN: the matrix has no such text (its element was
 *   deleted, or it is no text of a matrix): not taken
 * @TRELLIS_PO_REPEATED: the same text was given before in the file: not
 *   taken
 *
 * What became of one message of a PO file taken back into a matrix.
 */
typedef enum
{
  TRELLIS_PO_APPLIED,
  TRELLIS_PO_UNCHANGED,
  TRELLIS_PO_REMOVED,
  TRELLIS_PO_UNTRANSLATED,
  TRELLIS_PO_FUZZY,
  TRELLIS_PO_STALE,
  TRELLIS_PO_UNKNOWN,
  TRELLIS_PO_REPEATED,
  TRELLIS_N_PO_OUTCOMES
} TrellisPoOutcome;

/**
 * TrellisPoResult:
 * @outcome: what became of it
 * @line: the line of the message in the PO file
 * @context: (nullable): its context, which names the text
 * @text: the text it translates, for the outcomes that found one
 * @translation: (nullable): the translation it gives, for
 *   %TRELLIS_PO_APPLIED
 */
typedef struct
{
  TrellisPoOutcome  outcome;
  guint             line;
  const char       *context;
  TrellisTextRef    text;
  const char       *translation;
} TrellisPoResult;

typedef struct _TrellisPoImport TrellisPoImport;

GBytes                *trellis_document_export_po       (TrellisDocument  *self,
                                                         const char       *language);
char                  *trellis_po_dup_file_name         (TrellisDocument  *self,
                                                         const char       *matrix_name,
                                                         const char       *language);

TrellisPoImport       *trellis_po_import_new            (TrellisDocument  *document,
                                                         TrellisPoFile    *po,
                                                         const char       *language,
                                                         GError          **error);
void                   trellis_po_import_free           (TrellisPoImport  *self);
const char            *trellis_po_import_get_language   (TrellisPoImport  *self);
guint                  trellis_po_import_get_n_results  (TrellisPoImport  *self);
const TrellisPoResult *trellis_po_import_get_result     (TrellisPoImport  *self,
                                                         guint             index);
guint                  trellis_po_import_count          (TrellisPoImport  *self,
                                                         TrellisPoOutcome  outcome);
guint                  trellis_po_import_apply          (TrellisPoImport  *self);
char                  *trellis_po_import_dup_summary    (TrellisPoImport  *self);
char                  *trellis_po_result_dup_message    (const TrellisPoResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPoImport, trellis_po_import_free)

G_END_DECLS
