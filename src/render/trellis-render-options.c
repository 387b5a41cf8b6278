/* trellis-render-options.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-render-options"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-entity.h"
#include "trellis-render-options.h"
#include "trellis-types-private.h"

G_DEFINE_BOXED_TYPE (TrellisRenderOptions, trellis_render_options,
                     trellis_render_options_copy, trellis_render_options_free)

G_DEFINE_QUARK (trellis-render-error-quark, trellis_render_error)

static const char * const theme_names[TRELLIS_N_THEMES] = {
  "light", "dark", "high-contrast",
};

static const char * const audience_names[TRELLIS_N_AUDIENCES] = {
  "coach", "workshop", "totals",
};

const char *
trellis_theme_to_string (TrellisTheme theme)
{
  g_return_val_if_fail (theme < TRELLIS_N_THEMES, NULL);
  return theme_names[theme];
}

gboolean
trellis_theme_from_string (const char   *str,
                           TrellisTheme *out)
{
  guint i;

  if (!trellis_names_lookup (theme_names, TRELLIS_N_THEMES, 0, str, -1, &i))
    return FALSE;

  *out = (TrellisTheme) i;
  return TRUE;
}

const char *
trellis_audience_to_string (TrellisAudience audience)
{
  g_return_val_if_fail (audience < TRELLIS_N_AUDIENCES, NULL);
  return audience_names[audience];
}

gboolean
trellis_audience_from_string (const char      *str,
                              TrellisAudience *out)
{
  guint i;

  if (!trellis_names_lookup (audience_names, TRELLIS_N_AUDIENCES, 0, str, -1, &i))
    return FALSE;

  *out = (TrellisAudience) i;
  return TRUE;
}

/**
 * trellis_audience_is_team:
 * @audience: an audience
 *
 * Returns: whether @audience is the whole team (a workshop, or totals
 *   only): nobody is shown who does not share with the team, no total
 *   covers fewer than three people, and no finding names a person
 */
gboolean
trellis_audience_is_team (TrellisAudience audience)
{
  return audience == TRELLIS_AUDIENCE_WORKSHOP || audience == TRELLIS_AUDIENCE_TOTALS;
}

/**
 * trellis_render_options_new:
 * @view: the view to draw
 *
 * Returns: (transfer full): options for @view with every other choice
 *   at its default: the whole matrix for a coach's eyes, light theme,
 *   scale and zoom 1, left to right, numbers in the cells
 */
TrellisRenderOptions *
trellis_render_options_new (TrellisView view)
{
  TrellisRenderOptions *self = g_new0 (TrellisRenderOptions, 1);

  self->view = view;
  self->theme = TRELLIS_THEME_LIGHT;
  self->audience = TRELLIS_AUDIENCE_COACH;
  self->scale = 1.0;
  self->zoom = 1.0;
  self->cell_text = TRUE;

  return self;
}

TrellisRenderOptions *
trellis_render_options_copy (const TrellisRenderOptions *self)
{
  TrellisRenderOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->role = g_strdup (self->role);
  copy->person = g_strdup (self->person);
  copy->font_family = g_strdup (self->font_family);
  copy->title = g_strdup (self->title);
  copy->content_language = g_strdup (self->content_language);

  return copy;
}

void
trellis_render_options_free (TrellisRenderOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->role);
  g_free (self->person);
  g_free (self->font_family);
  g_free (self->title);
  g_free (self->content_language);
  g_free (self);
}

gboolean
trellis_render_options_equal (const TrellisRenderOptions *a,
                              const TrellisRenderOptions *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->view == b->view &&
         g_strcmp0 (a->role, b->role) == 0 &&
         g_strcmp0 (a->person, b->person) == 0 &&
         a->since == b->since &&
         a->theme == b->theme &&
         a->scale == b->scale &&
         a->zoom == b->zoom &&
         a->fit_width == b->fit_width &&
         a->fit_height == b->fit_height &&
         !a->rtl == !b->rtl &&
         a->audience == b->audience &&
         !a->cell_text == !b->cell_text &&
         g_strcmp0 (a->font_family, b->font_family) == 0 &&
         a->font_size == b->font_size &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->content_language, b->content_language) == 0;
}

static void
replace_string (char       **slot,
                const char  *value)
{
  char *old = *slot;

  *slot = g_strdup (value);
  g_free (old);
}

void
trellis_render_options_set_role (TrellisRenderOptions *self,
                                 const char           *role)
{
  g_return_if_fail (self != NULL);
  replace_string (&self->role, role);
}

void
trellis_render_options_set_person (TrellisRenderOptions *self,
                                   const char           *person)
{
  g_return_if_fail (self != NULL);
  replace_string (&self->person, person);
}

void
trellis_render_options_set_font_family (TrellisRenderOptions *self,
                                        const char           *family)
{
  g_return_if_fail (self != NULL);
  replace_string (&self->font_family, family);
}

void
trellis_render_options_set_title (TrellisRenderOptions *self,
                                  const char           *title)
{
  g_return_if_fail (self != NULL);
  replace_string (&self->title, title);
}

/**
 * trellis_render_options_set_content_language:
 * @self: options
 * @language: (nullable): a language tag; %NULL or empty for the original
 */
void
trellis_render_options_set_content_language (TrellisRenderOptions *self,
                                             const char           *language)
{
  g_return_if_fail (self != NULL);
  replace_string (&self->content_language, language != NULL && language[0] != '\0' ? language : NULL);
}

/**
 * trellis_render_options_shows_person:
 * @self: a #TrellisRenderOptions
 * @person: a person of the matrix
 *
 * Whether the audience may see @person (see "Who is shown" in
 * src/render/README.md): their own choice of whom they share with, or a
 * view narrowed to them. Every output that shows people follows it: the
 * views, and the spreadsheets.
 *
 * Returns: %TRUE when @person may be shown
 */
gboolean
trellis_render_options_shows_person (const TrellisRenderOptions *self,
                                     TrellisEntity              *person)
{
  TrellisShare share;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), FALSE);

  if (self->person != NULL && g_strcmp0 (self->person, trellis_entity_get_id (person)) == 0)
    return TRUE;

  share = trellis_entity_get_int (person, TRELLIS_FIELD_SHARE);
  switch (self->audience)
    {
    case TRELLIS_AUDIENCE_COACH:
      return share == TRELLIS_SHARE_COACH || share == TRELLIS_SHARE_TEAM;
    case TRELLIS_AUDIENCE_TOTALS:
      return FALSE;
    case TRELLIS_AUDIENCE_WORKSHOP:
    case TRELLIS_N_AUDIENCES:
    default:
      return share == TRELLIS_SHARE_TEAM;
    }
}
