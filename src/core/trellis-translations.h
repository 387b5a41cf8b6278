/* trellis-translations.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisTextPart:
 * @TRELLIS_TEXT_NAME: the name of an element or of the organisation
 * @TRELLIS_TEXT_DESCRIPTION: the description of an element
 * @TRELLIS_TEXT_VISION: the organisation's vision
 * @TRELLIS_TEXT_MISSION: the organisation's mission
 * @TRELLIS_TEXT_UNIT: the unit of an indicator
 * @TRELLIS_TEXT_BEHAVIOUR: one behaviour of a value; the index is its
 *   position, from 0
 * @TRELLIS_TEXT_LEVEL: what a level of a competency looks like; the
 *   index is the level
 * @TRELLIS_TEXT_SCALE_NAME: the name of a level of the scale (kept by the
 *   organisation); the index is the level
 * @TRELLIS_TEXT_SCALE_DESCRIPTION: the description of a level of the
 *   scale; the index is the level
 *
 * The team's own texts that can be translated: every text a person
 * writes into the matrix for the team to read. People's names, notes,
 * evidence, reviews, rationales and remarks are what somebody said, and
 * are not translated.
 */
typedef enum
{
  TRELLIS_TEXT_NAME,
  TRELLIS_TEXT_DESCRIPTION,
  TRELLIS_TEXT_VISION,
  TRELLIS_TEXT_MISSION,
  TRELLIS_TEXT_UNIT,
  TRELLIS_TEXT_BEHAVIOUR,
  TRELLIS_TEXT_LEVEL,
  TRELLIS_TEXT_SCALE_NAME,
  TRELLIS_TEXT_SCALE_DESCRIPTION,
  TRELLIS_N_TEXT_PARTS
} TrellisTextPart;

/**
 * TrellisTranslation:
 * @language: the language, a tag as trellis_language_normalize() gives
 *   it ("de", "pt-BR"), interned
 * @part: which text
 * @index: the behaviour's position or the level, else 0
 * @text: the text in @language, never empty
 *
 * One text in another language than the original. An entity keeps its
 * translations in the field %TRELLIS_FIELD_TRANSLATIONS, an immutable
 * array sorted by language, part and index.
 */
typedef struct
{
  const char      *language;
  TrellisTextPart  part;
  gint             index;
  char            *text;
} TrellisTranslation;

/**
 * TrellisTextRef:
 * @entity: the element, or the organisation (for its texts and the
 *   scale's)
 * @part: which of its texts
 * @index: the behaviour's position or the level, else 0
 * @original: the text as written, never empty
 *
 * One of the matrix's own texts, as trellis_document_list_texts() finds
 * them.
 */
typedef struct
{
  TrellisEntity   *entity;
  TrellisTextPart  part;
  gint             index;
  const char      *original;
} TrellisTextRef;

/* The most behaviours a value may have translated: a key names one by
 * its position. */
#define TRELLIS_MAX_BEHAVIOURS 1000

/* Language tags. */
char        *trellis_language_normalize        (const char      *tag,
                                                gssize           len);
char        *trellis_language_to_po            (const char      *language);
char        *trellis_language_dup_name         (const char      *language);
const char  *trellis_language_get_plural_forms (const char      *language);

/* The parts of texts, and their keys ("name", "behaviour 2", "level 3",
 * "scale level 3 name"). */
gboolean     trellis_text_part_fits            (TrellisKind      kind,
                                                TrellisTextPart  part);
char        *trellis_text_key_format           (TrellisTextPart  part,
                                                gint             index);
gboolean     trellis_text_key_parse            (const char      *key,
                                                gsize            len,
                                                TrellisTextPart *part,
                                                gint            *index);
char        *trellis_text_ref_dup_context      (const TrellisTextRef *ref);
char        *trellis_text_ref_dup_comment      (const TrellisTextRef *ref);

/* The arrays of %TRELLIS_FIELD_TRANSLATIONS. */
GPtrArray   *trellis_translations_new          (void);
GPtrArray   *trellis_translations_copy_set     (GPtrArray       *translations,
                                                const char      *language,
                                                TrellisTextPart  part,
                                                gint             index,
                                                const char      *text);
const char  *trellis_translations_lookup       (GPtrArray       *translations,
                                                const char      *language,
                                                TrellisTextPart  part,
                                                gint             index);
GPtrArray   *trellis_translations_follow_behaviours (GPtrArray  *translations,
                                                const char * const *before,
                                                const char * const *after);

/* Looking texts up: the original, or its translation. */
const char  *trellis_entity_get_original       (TrellisEntity   *self,
                                                TrellisTextPart  part,
                                                gint             index);
const char  *trellis_entity_get_translation    (TrellisEntity   *self,
                                                TrellisTextPart  part,
                                                gint             index,
                                                const char      *language);
const char  *trellis_entity_get_text           (TrellisEntity   *self,
                                                TrellisTextPart  part,
                                                gint             index,
                                                const char      *language);
const char  *trellis_entity_get_name_in        (TrellisEntity   *self,
                                                const char      *language);
char        *trellis_entity_dup_label_in       (TrellisEntity   *self,
                                                const char      *language);
const char  *trellis_document_get_level_name_in (TrellisDocument *self,
                                                gint             level,
                                                const char      *language);

/* The matrix's texts and languages. */
const char  *trellis_document_get_language     (TrellisDocument *self);
GArray      *trellis_document_list_texts       (TrellisDocument *self);
gboolean     trellis_document_find_text        (TrellisDocument *self,
                                                const char      *context,
                                                TrellisTextRef  *out);
char       **trellis_document_dup_languages    (TrellisDocument *self);
guint        trellis_document_count_translated (TrellisDocument *self,
                                                const char      *language,
                                                guint           *n_texts);
gboolean     trellis_document_has_translations (TrellisDocument *self);

/* Editing. */
void         trellis_document_set_translation  (TrellisDocument *self,
                                                TrellisEntity   *entity,
                                                TrellisTextPart  part,
                                                gint             index,
                                                const char      *language,
                                                const char      *text);

G_END_DECLS
