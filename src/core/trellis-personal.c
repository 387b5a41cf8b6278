/* trellis-personal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-personal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-analysis.h"
#include "trellis-document-private.h"
#include "trellis-personal.h"

/* A personal file is a matrix holding one person, made from a team's
 * matrix for that person to assess themself (see data/FORMAT.md):
 *
 * - The team's matrix has an identity, a UUID made the first time
 *   personal files are handed out from it and kept for good. Every
 *   personal file carries the identity of the matrix it was made from,
 *   so that it is merged back into that matrix only.
 * - A personal file says whose it is, and where its owner is in the
 *   guided self-assessment (TrellisProgress), so that they resume exactly
 *   where they stopped: it is their file, not the program's settings.
 *
 * Neither is an undo step: nobody should undo a matrix's identity (the
 * files handed out would no longer fit it), and moving from one
 * competency to the next is not an edit. A new identity makes the
 * document unsaved until it is saved; the progress is written with the
 * next save, which the guided mode makes at every step. */

G_DEFINE_BOXED_TYPE (TrellisProgress, trellis_progress, trellis_progress_copy, trellis_progress_free)

static const char * const stage_names[] = {
  [TRELLIS_GUIDE_START] = "start",
  [TRELLIS_GUIDE_COMPETENCY] = "competency",
  [TRELLIS_GUIDE_SUMMARY] = "summary",
};

G_STATIC_ASSERT (G_N_ELEMENTS (stage_names) == TRELLIS_N_GUIDE_STAGES);

const char *
trellis_guide_stage_to_string (TrellisGuideStage stage)
{
  g_return_val_if_fail (stage < TRELLIS_N_GUIDE_STAGES, NULL);

  return stage_names[stage];
}

gboolean
trellis_guide_stage_from_string (const char        *str,
                                 gsize              len,
                                 TrellisGuideStage *out)
{
  for (guint i = 0; i < TRELLIS_N_GUIDE_STAGES; i++)
    {
      if (strlen (stage_names[i]) == len && memcmp (stage_names[i], str, len) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * trellis_progress_new:
 * @person: the id of the person the personal file is about
 *
 * Returns: (transfer full): the progress of a personal file whose owner
 *   has not begun
 */
TrellisProgress *
trellis_progress_new (const char *person)
{
  TrellisProgress *progress = g_new0 (TrellisProgress, 1);

  g_return_val_if_fail (person != NULL, NULL);

  progress->person = g_strdup (person);
  progress->stage = TRELLIS_GUIDE_START;

  return progress;
}

TrellisProgress *
trellis_progress_copy (const TrellisProgress *progress)
{
  TrellisProgress *copy;

  g_return_val_if_fail (progress != NULL, NULL);

  copy = g_memdup2 (progress, sizeof *progress);
  copy->person = g_strdup (progress->person);
  copy->at = g_strdup (progress->at);
  copy->added = g_strdupv (progress->added);

  return copy;
}

void
trellis_progress_free (TrellisProgress *progress)
{
  if (progress == NULL)
    return;

  g_free (progress->person);
  g_free (progress->at);
  g_strfreev (progress->added);
  g_free (progress);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  guint na = a != NULL ? g_strv_length (a) : 0;
  guint nb = b != NULL ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    {
      if (strcmp (a[i], b[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
trellis_progress_equal (const TrellisProgress *a,
                        const TrellisProgress *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->person, b->person) == 0 &&
         a->round == b->round &&
         a->stage == b->stage &&
         g_strcmp0 (a->at, b->at) == 0 &&
         strv_equal0 (a->added, b->added) &&
         a->handed_in == b->handed_in;
}

/* The matrix's identity */

/**
 * trellis_matrix_id_is_valid:
 * @id: a matrix identity as written in a file
 * @len: its length in bytes
 *
 * Returns: whether @id is a UUID in its canonical lower-case form
 */
gboolean
trellis_matrix_id_is_valid (const char *id,
                            gsize       len)
{
  if (len != 36)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = i == 8 || i == 13 || i == 18 || i == 23;

      if (dash ? id[i] != '-' : !(g_ascii_isdigit (id[i]) || (id[i] >= 'a' && id[i] <= 'f')))
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_document_get_matrix_id:
 * @self: a #TrellisDocument
 *
 * Returns: (nullable): the identity of the matrix, which every personal
 *   file made from it carries; %NULL when none was ever handed out
 */
const char *
trellis_document_get_matrix_id (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return self->matrix_id;
}

/**
 * trellis_document_ensure_matrix_id:
 * @self: a team's matrix
 *
 * Gives the matrix an identity, if it has none, before personal files
 * are made from it. A new identity leaves the document unsaved: save it,
 * or the files handed out cannot be merged back. It is not an undo step.
 *
 * Returns: the identity
 */
const char *
trellis_document_ensure_matrix_id (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (!trellis_document_is_personal (self), NULL);

  if (self->matrix_id == NULL)
    {
      gboolean was_modified = trellis_document_get_modified (self);

      self->matrix_id = g_uuid_string_random ();
      self->matrix_id_unsaved = TRUE;
      if (!was_modified)
        g_object_notify (G_OBJECT (self), "modified");
    }

  return self->matrix_id;
}

/* Personal files */

/**
 * trellis_document_is_personal:
 * @self: a #TrellisDocument
 *
 * Returns: whether the document is a personal file: one person's, made
 *   from a team's matrix for them to assess themself
 */
gboolean
trellis_document_is_personal (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  return self->progress != NULL;
}

/**
 * trellis_document_get_progress:
 * @self: a #TrellisDocument
 *
 * Returns: (nullable): where the owner of a personal file is in the
 *   guided self-assessment; %NULL when the document is not a personal file
 */
const TrellisProgress *
trellis_document_get_progress (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return self->progress;
}

/**
 * trellis_document_set_progress:
 * @self: a personal file
 * @progress: where its owner is now; its person must be the file's
 *
 * Keeps where the owner is, written with the next save. Not an undo
 * step, and it does not make the document unsaved: the guided mode saves
 * at every step.
 */
void
trellis_document_set_progress (TrellisDocument       *self,
                               const TrellisProgress *progress)
{
  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (progress != NULL && progress->person != NULL);
  g_return_if_fail (progress->stage < TRELLIS_N_GUIDE_STAGES);
  g_return_if_fail (self->progress == NULL || g_strcmp0 (self->progress->person, progress->person) == 0);

  if (trellis_progress_equal (self->progress, progress))
    return;

  trellis_progress_free (self->progress);
  self->progress = trellis_progress_copy (progress);
}

/**
 * trellis_personal_get_person:
 * @self: a personal file
 *
 * Returns: (transfer none) (nullable): the person the file is about
 */
TrellisPerson *
trellis_personal_get_person (TrellisDocument *self)
{
  TrellisEntity *person;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  if (self->progress == NULL)
    return NULL;

  person = trellis_document_lookup (self, self->progress->person);
  return person != NULL && TRELLIS_IS_PERSON (person) ? TRELLIS_PERSON (person) : NULL;
}

/* Calls @func for each competency the person's roles ask for, in the
 * order of the matrix, with the level asked: the rule of the analysis,
 * which is the one place that decides it. */
static void
foreach_required (TrellisDocument *self,
                  TrellisPerson   *person,
                  void           (*func) (TrellisCompetency *competency,
                                          gint               required,
                                          gpointer           data),
                  gpointer         data)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (self);
  gint p = trellis_analysis_get_index (analysis, TRELLIS_ENTITY (person));
  guint n = trellis_document_get_n_items (self, TRELLIS_KIND_COMPETENCY);

  for (guint c = 0; p >= 0 && c < n; c++)
    {
      const TrellisCell *cell = trellis_analysis_get_cell (analysis, p, c);

      if (cell->required != TRELLIS_LEVEL_NONE)
        func (TRELLIS_COMPETENCY (trellis_document_get_item (self, TRELLIS_KIND_COMPETENCY, c)),
              cell->required, data);
    }
}

static void
add_step (TrellisCompetency *competency,
          gint               required,
          gpointer           data)
{
  g_ptr_array_add (data, g_object_ref (competency));
}

/**
 * trellis_personal_dup_steps:
 * @self: a personal file
 *
 * The competencies of the round: those the person's roles ask for, in
 * the order of the matrix, then those the person added.
 *
 * Returns: (transfer full) (element-type TrellisCompetency): the steps
 */
GPtrArray *
trellis_personal_dup_steps (TrellisDocument *self)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_object_unref);
  TrellisPerson *person;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), steps);

  person = trellis_personal_get_person (self);
  if (person == NULL)
    return steps;

  foreach_required (self, person, add_step, steps);

  for (guint i = 0; self->progress->added != NULL && self->progress->added[i] != NULL; i++)
    {
      TrellisEntity *c = trellis_document_lookup (self, self->progress->added[i]);

      if (c != NULL && TRELLIS_IS_COMPETENCY (c) && !g_ptr_array_find (steps, c, NULL))
        g_ptr_array_add (steps, g_object_ref (c));
    }

  return steps;
}

/**
 * trellis_personal_get_required:
 * @self: a personal file
 * @competency: a competency of it
 *
 * Returns: the level the person's roles ask for, or %TRELLIS_LEVEL_NONE
 */
gint
trellis_personal_get_required (TrellisDocument   *self,
                               TrellisCompetency *competency)
{
  g_autoptr(TrellisAnalysis) analysis = NULL;
  TrellisPerson *person;
  gint p, c;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), TRELLIS_LEVEL_NONE);
  g_return_val_if_fail (TRELLIS_IS_COMPETENCY (competency), TRELLIS_LEVEL_NONE);

  if ((person = trellis_personal_get_person (self)) == NULL)
    return TRELLIS_LEVEL_NONE;

  analysis = trellis_analysis_new (self);
  p = trellis_analysis_get_index (analysis, TRELLIS_ENTITY (person));
  c = trellis_analysis_get_index (analysis, TRELLIS_ENTITY (competency));
  if (p < 0 || c < 0)
    return TRELLIS_LEVEL_NONE;

  return trellis_analysis_get_cell (analysis, p, c)->required;
}

static gboolean
strv_shares (const char **a,
             const char **b)
{
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    {
      if (trellis_strv_contains_id (b, a[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * trellis_personal_dup_results:
 * @self: a #TrellisDocument
 * @competency: a competency of it
 *
 * Why a competency matters: the results of the responsibilities that
 * need it; where none needs it, the results that serve a value it
 * expresses.
 *
 * Returns: (transfer full) (element-type TrellisResult): the results, in
 *   the order of the matrix
 */
GPtrArray *
trellis_personal_dup_results (TrellisDocument   *self,
                              TrellisCompetency *competency)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (g_object_unref);
  const char *id = trellis_entity_get_id (TRELLIS_ENTITY (competency));
  const char **values = trellis_entity_get_strv (TRELLIS_ENTITY (competency), TRELLIS_FIELD_VALUES);
  guint n_results = trellis_document_get_n_items (self, TRELLIS_KIND_RESULT);
  guint n_rs = trellis_document_get_n_items (self, TRELLIS_KIND_RESPONSIBILITY);
  g_autoptr(GHashTable) needed = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n_rs; i++)
    {
      TrellisEntity *rs = trellis_document_get_item (self, TRELLIS_KIND_RESPONSIBILITY, i);
      GArray *needs = trellis_entity_get_array (rs, TRELLIS_FIELD_NEEDS);
      const char *result = trellis_entity_get_string (rs, TRELLIS_FIELD_RESULT);

      if (result != NULL && needs != NULL &&
          trellis_requirements_lookup (needs, id) != TRELLIS_LEVEL_NONE)
        g_hash_table_add (needed, (gpointer) g_intern_string (result));
    }

  for (guint i = 0; i < n_results; i++)
    {
      TrellisEntity *result = trellis_document_get_item (self, TRELLIS_KIND_RESULT, i);
      gboolean wanted;

      if (g_hash_table_size (needed) > 0)
        wanted = g_hash_table_contains (needed, trellis_entity_get_id (result));
      else
        wanted = strv_shares (values, trellis_entity_get_strv (result, TRELLIS_FIELD_VALUES));

      if (wanted)
        g_ptr_array_add (results, g_object_ref (result));
    }

  return results;
}

/* The person's self-assessment of @competency dated @date exactly, or
 * else the latest before @before (0: any). */
static gboolean
find_self (TrellisDocument   *self,
           TrellisCompetency *competency,
           TrellisDate        date,
           TrellisDate        before,
           TrellisAssessment *out)
{
  TrellisPerson *person = trellis_personal_get_person (self);
  g_autoptr(GArray) all = NULL;
  gboolean found = FALSE;

  if (person == NULL)
    return FALSE;

  all = trellis_document_get_assessments (self, person, trellis_entity_get_id (TRELLIS_ENTITY (competency)));
  for (guint i = 0; i < all->len; i++)
    {
      const TrellisAssessment *a = &g_array_index (all, TrellisAssessment, i);

      if (a->source != TRELLIS_SOURCE_SELF)
        continue;
      if (date != 0 ? a->date == date : (before == 0 || a->date < before))
        {
          /* Oldest first: the last that fits is the latest. */
          if (out != NULL)
            *out = *a;
          found = TRUE;
        }
    }

  return found;
}

/**
 * trellis_personal_get_answer:
 * @self: a personal file
 * @competency: a competency of it
 * @out: (out caller-allocates) (optional): the answer; its strings belong
 *   to the document
 *
 * Returns: whether the person answered for @competency in this round
 */
gboolean
trellis_personal_get_answer (TrellisDocument   *self,
                             TrellisCompetency *competency,
                             TrellisAssessment *out)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  if (self->progress == NULL || self->progress->round == 0)
    return FALSE;

  return find_self (self, competency, self->progress->round, 0, out);
}

/**
 * trellis_personal_get_earlier:
 * @self: a personal file
 * @competency: a competency of it
 * @out: (out caller-allocates) (optional): the assessment
 *
 * Returns: whether the person assessed themself on @competency in an
 *   earlier round; @out is the latest such assessment
 */
gboolean
trellis_personal_get_earlier (TrellisDocument   *self,
                              TrellisCompetency *competency,
                              TrellisAssessment *out)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  if (self->progress == NULL)
    return FALSE;

  return find_self (self, competency, 0,
                    self->progress->round != 0 ? self->progress->round : trellis_date_today () + 1, out);
}

/**
 * trellis_personal_begin_round:
 * @self: a personal file
 *
 * The date of this round's answers, set to today at the first answer.
 *
 * Returns: the date
 */
TrellisDate
trellis_personal_begin_round (TrellisDocument *self)
{
  g_autoptr(TrellisProgress) progress = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (self->progress != NULL, 0);

  if (self->progress->round != 0)
    return self->progress->round;

  progress = trellis_progress_copy (self->progress);
  progress->round = trellis_date_today ();
  trellis_document_set_progress (self, progress);

  return progress->round;
}

/* The summary */

typedef struct
{
  TrellisDocument *doc;
  GHashTable      *required;   /* competency → level + 1 */
} SummaryData;

static void
remember_required (TrellisCompetency *competency,
                   gint               required,
                   gpointer           data)
{
  g_hash_table_insert (data, competency, GINT_TO_POINTER (required + 1));
}

/**
 * trellis_personal_summarise:
 * @self: a personal file
 *
 * Returns: (transfer full): the round in plain categories
 */
TrellisSummary *
trellis_personal_summarise (TrellisDocument *self)
{
  TrellisSummary *summary = g_new0 (TrellisSummary, 1);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GHashTable) required = g_hash_table_new (NULL, NULL);
  TrellisPerson *person;
  gint top = trellis_document_get_scale_max (self);
  gint bottom = trellis_document_get_scale_min (self);

  summary->strengths = g_ptr_array_new_with_free_func (g_object_unref);
  summary->below = g_ptr_array_new_with_free_func (g_object_unref);
  summary->grow = g_ptr_array_new_with_free_func (g_object_unref);
  summary->skipped = g_ptr_array_new_with_free_func (g_object_unref);

  if ((person = trellis_personal_get_person (self)) == NULL)
    return summary;

  foreach_required (self, person, remember_required, required);
  steps = trellis_personal_dup_steps (self);

  for (guint i = 0; i < steps->len; i++)
    {
      TrellisCompetency *c = g_ptr_array_index (steps, i);
      gint asked = GPOINTER_TO_INT (g_hash_table_lookup (required, c)) - 1;
      TrellisAssessment answer;

      if (!trellis_personal_get_answer (self, c, &answer))
        {
          g_ptr_array_add (summary->skipped, g_object_ref (c));
          continue;
        }

      /* Where the roles ask nothing, a strength is one of the two
       * highest levels of the scale (only the highest on a scale of two). */
      if (asked != TRELLIS_LEVEL_NONE ? answer.level >= asked : answer.level >= MAX (bottom + 1, top - 1))
        g_ptr_array_add (summary->strengths, g_object_ref (c));
      else if (asked != TRELLIS_LEVEL_NONE)
        g_ptr_array_add (summary->below, g_object_ref (c));

      if (answer.want)
        g_ptr_array_add (summary->grow, g_object_ref (c));
    }

  return summary;
}

void
trellis_summary_free (TrellisSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->strengths);
  g_ptr_array_unref (summary->below);
  g_ptr_array_unref (summary->grow);
  g_ptr_array_unref (summary->skipped);
  g_free (summary);
}

/* Reading */

/**
 * trellis_personal_load:
 * @file: a personal file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a file handed in as a personal file. A file larger than
 * %TRELLIS_PERSONAL_MAX_SIZE is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
TrellisDocument *
trellis_personal_load (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > TRELLIS_PERSONAL_MAX_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *size = g_format_size ((guint64) g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (TRELLIS_PERSONAL_MAX_SIZE);

      g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_TOO_LARGE,
                   /* Translators: shown when a personal file cannot be opened; the first %s is a file
                    * name, e.g. “anna.trellis”, the second its size, e.g. “50.0 MB”, the third the
                    * most a personal file may hold, e.g. “1.0 MB”. */
                   _("‘%s’ is %s, too large for a personal file, which holds one person and stays under %s. Check that it is a file handed out by Trellis."),
                   name, size, limit);
      return NULL;
    }

  return trellis_document_new_from_file (file, NULL, cancellable, error);
}

static gint
compare_files_by_name (gconstpointer a,
                       gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **) a);
  g_autofree char *nb = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (na, nb);
}

/**
 * trellis_personal_list_folder:
 * @folder: a folder, local or mounted (a network share through GVfs)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The files a folder of handed-in personal files holds: every `.trellis`
 * file directly in it that is not hidden, by name.
 *
 * Returns: (transfer full) (element-type GFile) (nullable): the files
 */
GPtrArray *
trellis_personal_list_folder (GFile         *folder,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &local_error);

  while (children != NULL)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, &local_error) || info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_is_hidden (info) || name[0] == '.' ||
          g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY ||
          !g_str_has_suffix (name, ".trellis"))
        continue;

      g_ptr_array_add (files, g_object_ref (child));
    }

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: shown when the folder of handed-in personal files cannot be read;
                    * the first %s is a folder, e.g. “Returned”, the second the system's reason, e.g.
                    * “Permission denied”. */
                   _("Could not read the folder ‘%s’: %s"), name, local_error->message);
      return NULL;
    }

  g_ptr_array_sort (files, compare_files_by_name);
  return g_steal_pointer (&files);
}

/* Names */

char *
trellis_name_fold (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL)
    return g_strdup ("");

  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}
