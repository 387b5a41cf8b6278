/* trellis-personal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TRELLIS_PERSONAL_MAX_SIZE:
 *
 * The most bytes a personal file may hold. A personal file carries one
 * person: the competencies of the matrix with their level descriptions
 * and that person's own history, well under a megabyte even for the
 * largest matrices. Anything much larger is not a personal file and is
 * refused before it is read.
 */
#define TRELLIS_PERSONAL_MAX_SIZE (G_GUINT64_CONSTANT (16) * 1024 * 1024)

/**
 * TrellisGuideStage:
 * @TRELLIS_GUIDE_START: the person has not begun
 * @TRELLIS_GUIDE_COMPETENCY: at one competency (#TrellisProgress.at)
 * @TRELLIS_GUIDE_SUMMARY: at the summary, after the last competency
 *
 * Where a person is in the guided self-assessment of their personal
 * file.
 */
typedef enum
{
  TRELLIS_GUIDE_START,
  TRELLIS_GUIDE_COMPETENCY,
  TRELLIS_GUIDE_SUMMARY,
  TRELLIS_N_GUIDE_STAGES
} TrellisGuideStage;

/**
 * TrellisProgress:
 * @person: the id of the one person the file is about
 * @round: the date of this round's answers; 0 before the first answer
 * @stage: where the person is
 * @at: the competency id the person is at (stage %TRELLIS_GUIDE_COMPETENCY)
 * @added: (nullable): competency ids the person added to the round
 *   although their roles do not ask for them, in the order added
 * @handed_in: when the person last handed the file in; 0 if never
 *
 * What makes a document a personal file, and where its owner is in the
 * guided self-assessment, kept in the file itself so that they resume
 * where they stopped. See data/FORMAT.md.
 */
typedef struct _TrellisProgress
{
  char              *person;
  TrellisDate        round;
  TrellisGuideStage  stage;
  char              *at;
  char             **added;
  TrellisDate        handed_in;
} TrellisProgress;

#define TRELLIS_TYPE_PROGRESS (trellis_progress_get_type ())

GType            trellis_progress_get_type        (void);
TrellisProgress *trellis_progress_new             (const char            *person);
TrellisProgress *trellis_progress_copy            (const TrellisProgress *progress);
void             trellis_progress_free            (TrellisProgress       *progress);
gboolean         trellis_progress_equal           (const TrellisProgress *a,
                                                   const TrellisProgress *b);
const char      *trellis_guide_stage_to_string    (TrellisGuideStage      stage);
gboolean         trellis_guide_stage_from_string  (const char            *str,
                                                   gsize                  len,
                                                   TrellisGuideStage     *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisProgress, trellis_progress_free)

/* The matrix's identity. */
const char      *trellis_document_get_matrix_id   (TrellisDocument       *self);
const char      *trellis_document_ensure_matrix_id (TrellisDocument      *self);
gboolean         trellis_matrix_id_is_valid       (const char            *id,
                                                   gsize                  len);

/* Personal files. */
gboolean         trellis_document_is_personal     (TrellisDocument       *self);
const TrellisProgress *
                 trellis_document_get_progress    (TrellisDocument       *self);
void             trellis_document_set_progress    (TrellisDocument       *self,
                                                   const TrellisProgress *progress);
TrellisPerson   *trellis_personal_get_person      (TrellisDocument       *self);
GPtrArray       *trellis_personal_dup_steps       (TrellisDocument       *self);
GPtrArray       *trellis_personal_dup_results     (TrellisDocument       *self,
                                                   TrellisCompetency     *competency);
gint             trellis_personal_get_required    (TrellisDocument       *self,
                                                   TrellisCompetency     *competency);
gboolean         trellis_personal_get_answer      (TrellisDocument       *self,
                                                   TrellisCompetency     *competency,
                                                   TrellisAssessment     *out);
gboolean         trellis_personal_get_earlier     (TrellisDocument       *self,
                                                   TrellisCompetency     *competency,
                                                   TrellisAssessment     *out);
TrellisDate      trellis_personal_begin_round     (TrellisDocument       *self);

TrellisDocument *trellis_personal_load            (GFile                 *file,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
GPtrArray       *trellis_personal_list_folder     (GFile                 *folder,
                                                   GCancellable          *cancellable,
                                                   GError               **error);

/**
 * TrellisSummary:
 * @strengths: competencies rated at or above what the person's roles ask
 *   (where they ask nothing, at the two highest levels of the scale)
 * @below: competencies rated below what the person's roles ask
 * @grow: competencies the person wants to grow in
 * @skipped: competencies of the round left without an answer
 *
 * A round of a self-assessment in plain categories, without a score.
 * Each array holds #TrellisCompetency entities of the document, in the
 * order of the round.
 */
typedef struct
{
  GPtrArray *strengths;
  GPtrArray *below;
  GPtrArray *grow;
  GPtrArray *skipped;
} TrellisSummary;

TrellisSummary  *trellis_personal_summarise       (TrellisDocument       *self);
void             trellis_summary_free             (TrellisSummary        *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisSummary, trellis_summary_free)

/* Handing out. */
TrellisDocument *trellis_handout_new              (TrellisDocument       *team,
                                                   TrellisPerson         *person,
                                                   GError               **error);
char            *trellis_handout_dup_file_name    (TrellisPerson         *person);
GHashTable      *trellis_handout_dup_file_names   (TrellisDocument       *team);

/* Comparing names as people mean them: case, accents' composition and
 * runs of spaces do not count. */
char            *trellis_name_fold                (const char            *name);

G_END_DECLS
