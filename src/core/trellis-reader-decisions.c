/* trellis-reader-decisions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-reader-private.h"

/* The decisions of workshop votes (format 1.1, see trellis-decisions.c):
 *
 *   <role …>
 *     <decision competency="c-listen" level="3" date="2026-11-20" votes="2:1 3:4 4:1">rationale</decision>
 *   <responsibility …>
 *     <decision role="ro-agent" authority="advise" date="2026-11-20" votes="4:2 5:3">rationale</decision>
 *
 * The level agreed is checked against the scale as a requirement's is;
 * the votes only against the levels there can be (0–10, or 1–7 for a
 * delegation), since a scale may change after a vote. A decision with a
 * wrong or missing attribute is reported and left out. */

void
trellis_reader_start_decision (Reader     *r,
                               Frame      *frame,
                               const Attr *attrs,
                               guint       n_attrs)
{
  Elem elem = frame->elem;
  gboolean delegation = elem == E_RESPONSIBILITY_DECISION;
  guint16 votes[TRELLIS_LEVEL_MAX + 1];
  const char *about = NULL;
  gint level = TRELLIS_LEVEL_NONE;
  TrellisDate date = 0;
  gboolean have_votes = FALSE;
  gboolean ok = TRUE;

  /* No level on the frame: the text has no decision to go with. */
  frame->level = TRELLIS_LEVEL_NONE;

  for (guint i = 0; i < n_attrs; i++)
    {
      const Attr *a = &attrs[i];

      if (a->name == (delegation ? r->a_role : r->a_competency))
        {
          about = trellis_reader_read_ref (r, elem, a,
                                           KIND_BIT (delegation ? TRELLIS_KIND_ROLE : TRELLIS_KIND_COMPETENCY));
          ok &= about != NULL;
        }
      else if (!delegation && a->name == r->a_level)
        ok &= trellis_reader_check_level (r, elem, a, &level);
      else if (delegation && a->name == r->a_authority)
        {
          TrellisAuthority authority;

          if (!trellis_authority_from_string (attr_value (a), attr_len (a), &authority) || authority == TRELLIS_AUTHORITY_NONE)
            {
              trellis_reader_bad_attribute (r, elem, a);
              ok = FALSE;
            }
          else
            level = (gint) authority;
        }
      else if (a->name == r->a_date)
        {
          if (!trellis_reader_parse_date (r, a, &date))
            {
              trellis_reader_bad_date (r, elem, a);
              ok = FALSE;
            }
        }
      else if (a->name == r->a_votes)
        {
          have_votes = trellis_votes_from_string (attr_value (a), attr_len (a),
                                                  delegation ? TRELLIS_AUTHORITY_TELL : TRELLIS_LEVEL_MIN,
                                                  delegation ? TRELLIS_AUTHORITY_DELEGATE : TRELLIS_LEVEL_MAX,
                                                  votes);
          if (!have_votes)
            {
              trellis_reader_bad_attribute (r, elem, a);
              ok = FALSE;
            }
        }
      else
        trellis_reader_unknown_attribute (r, elem, a);
    }

  if (!ok)
    return;

  if (about == NULL)
    trellis_reader_missing_attribute (r, elem, delegation ? "role" : "competency");
  else if (level == TRELLIS_LEVEL_NONE)
    trellis_reader_missing_attribute (r, elem, delegation ? "authority" : "level");
  else if (date == 0)
    trellis_reader_missing_attribute (r, elem, "date");
  else if (!have_votes)
    trellis_reader_missing_attribute (r, elem, "votes");
  else
    {
      g_ptr_array_add (r->decisions, trellis_decision_new (about, level, date, votes, NULL));
      frame->level = level;
    }
}

void
trellis_reader_text_decision (Reader  *r,
                              Frame   *frame,
                              Frame   *parent,
                              char   **text)
{
  TrellisDecision *decision;

  if (frame->level == TRELLIS_LEVEL_NONE || r->decisions->len == 0 || (*text)[0] == '\0')
    return;

  decision = g_ptr_array_index (r->decisions, r->decisions->len - 1);
  decision->rationale = g_steal_pointer (text);
}
