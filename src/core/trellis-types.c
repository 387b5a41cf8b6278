/* trellis-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-types-private.h"

static const char * const kind_elements[TRELLIS_N_KINDS] = {
  "organisation", "value", "result", "competency", "responsibility",
  "role", "person", "indicator", "action", "remark",
};

static const char * const kind_labels[TRELLIS_N_KINDS] = {
  N_("Organisation"),
  /* Translators: a core value of the team, such as “Respect”; not a measured value. */
  NC_("core value", "Value"),
  N_("Result"), N_("Competency"),
  N_("Responsibility"), N_("Role"), N_("Person"), N_("Indicator"),
  N_("Development action"), N_("Feedback"),
};

/* The context of a label whose word alone has other senses elsewhere. */
static const char * const kind_label_contexts[TRELLIS_N_KINDS] = {
  [TRELLIS_KIND_VALUE] = "core value",
};

static const char * const kind_plural_labels[TRELLIS_N_KINDS] = {
  N_("Organisation"), N_("Values"), N_("Results"), N_("Competencies"),
  N_("Responsibilities"), N_("Roles"), N_("People"), N_("Indicators"),
  N_("Development actions"), N_("Feedback"),
};

static const char * const source_names[TRELLIS_N_SOURCES] = {
  "self", "peer", "coach", "agreed",
};

static const char * const source_labels[TRELLIS_N_SOURCES] = {
  NC_("assessment source", "Self"),
  NC_("assessment source", "Peer"),
  NC_("assessment source", "Coach"),
  NC_("assessment source", "Agreed"),
};

static const char * const share_names[TRELLIS_N_SHARES] = {
  "private", "coach", "team",
};

static const char * const share_labels[TRELLIS_N_SHARES] = {
  N_("Only me"), N_("Me and my coach"), N_("The whole team"),
};

static const char * const authority_names[TRELLIS_N_AUTHORITIES] = {
  "", "tell", "sell", "consult", "agree", "advise", "inquire", "delegate",
};

static const char * const authority_labels[TRELLIS_N_AUTHORITIES] = {
  NC_("delegation level", "None"),
  NC_("delegation level", "1 Tell"),
  NC_("delegation level", "2 Sell"),
  NC_("delegation level", "3 Consult"),
  NC_("delegation level", "4 Agree"),
  NC_("delegation level", "5 Advise"),
  NC_("delegation level", "6 Inquire"),
  NC_("delegation level", "7 Delegate"),
};

static const char * const authority_descriptions[TRELLIS_N_AUTHORITIES] = {
  N_("No decision authority has been agreed."),
  N_("The manager decides and tells the role."),
  N_("The manager decides and explains why, to win the role over."),
  N_("The manager asks the role for input, then decides."),
  N_("The manager and the role decide together."),
  N_("The role decides after hearing the manager’s advice."),
  N_("The role decides and informs the manager afterwards."),
  N_("The role decides; the manager need not be told."),
};

static const char * const raci_labels[] = {
  NC_("RACI", "Responsible"),
  NC_("RACI", "Accountable"),
  NC_("RACI", "Consulted"),
  NC_("RACI", "Informed"),
};

static const char * const indicator_kind_names[TRELLIS_N_INDICATOR_KINDS] = {
  "output", "human",
};

static const char * const indicator_kind_labels[TRELLIS_N_INDICATOR_KINDS] = {
  /* Translators: the kinds of an indicator: it measures what the team
   * delivers (output, e.g. “Tickets solved”) or how people fare (human,
   * e.g. “Staff satisfaction”). */
  NC_("indicator kind", "Output"), NC_("indicator kind", "Human"),
};

static const char * const rhythm_names[TRELLIS_N_RHYTHMS] = {
  "", "weekly", "fortnightly", "monthly", "quarterly", "yearly",
};

static const char * const rhythm_labels[TRELLIS_N_RHYTHMS] = {
  NC_("review rhythm", "No rhythm"),
  NC_("review rhythm", "Weekly"),
  NC_("review rhythm", "Every two weeks"),
  NC_("review rhythm", "Monthly"),
  NC_("review rhythm", "Quarterly"),
  NC_("review rhythm", "Yearly"),
};

static const char * const action_kind_names[TRELLIS_N_ACTION_KINDS] = {
  "training", "coaching", "practice", "mentoring",
};

static const char * const action_kind_labels[TRELLIS_N_ACTION_KINDS] = {
  N_("Training"), N_("Coaching"), N_("Practice"), N_("Mentoring"),
};

static const char * const action_status_names[TRELLIS_N_ACTION_STATUSES] = {
  "planned", "in-progress", "done", "cancelled",
};

static const char * const action_status_labels[TRELLIS_N_ACTION_STATUSES] = {
  NC_("action status", "Planned"),
  NC_("action status", "In progress"),
  NC_("action status", "Done"),
  NC_("action status", "Cancelled"),
};

static const char * const feedback_status_names[TRELLIS_N_FEEDBACK_STATUSES] = {
  "open", "discussed", "resolved", "declined",
};

static const char * const feedback_status_labels[TRELLIS_N_FEEDBACK_STATUSES] = {
  NC_("feedback status", "Open"),
  NC_("feedback status", "Discussed"),
  NC_("feedback status", "Resolved"),
  NC_("feedback status", "Declined"),
};

/**
 * trellis_names_lookup:
 * @names: the names of an enumeration, indexed by value
 * @n_names: how many there are
 * @first: the first value that has a name in files
 * @str: (nullable): a name, not necessarily nul-terminated
 * @len: the length of @str, or -1 if it is nul-terminated
 * @out: (out): the value named @str
 *
 * Finds the value an enumeration's name in a file or on a command line
 * stands for. The core's enumerations and the renderer's options share it.
 *
 * Returns: whether @str is one of @names
 */
gboolean
trellis_names_lookup (const char * const *names,
                      guint               n_names,
                      guint               first,
                      const char         *str,
                      gssize              len,
                      guint              *out)
{
  if (str == NULL)
    return FALSE;
  if (len < 0)
    len = strlen (str);

  for (guint i = first; i < n_names; i++)
    {
      if (strlen (names[i]) == (gsize) len && memcmp (names[i], str, len) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

static inline const char *
translate_ctxt (const char *context,
                const char *msgid)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
}

const char *
trellis_kind_to_element (TrellisKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_N_KINDS, NULL);
  return kind_elements[kind];
}

const char *
trellis_kind_get_label (TrellisKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_N_KINDS, NULL);
  if (kind_label_contexts[kind] != NULL)
    return translate_ctxt (kind_label_contexts[kind], kind_labels[kind]);
  return _(kind_labels[kind]);
}

const char *
trellis_kind_get_plural_label (TrellisKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_N_KINDS, NULL);
  return _(kind_plural_labels[kind]);
}

#define DEFINE_ENUM_STRINGS(prefix, Type, N, names, first)                   \
const char *                                                                  \
prefix##_to_string (Type value)                                               \
{                                                                             \
  g_return_val_if_fail ((guint) value < N, NULL);                             \
  return names[value];                                                        \
}                                                                             \
                                                                              \
gboolean                                                                      \
prefix##_from_string (const char *str,                                        \
                      gsize       len,                                        \
                      Type       *out)                                        \
{                                                                             \
  guint i;                                                                    \
                                                                              \
  if (!trellis_names_lookup (names, N, first, str, (gssize) len, &i))         \
    return FALSE;                                                             \
  *out = (Type) i;                                                            \
  return TRUE;                                                                \
}

DEFINE_ENUM_STRINGS (trellis_source, TrellisSource, TRELLIS_N_SOURCES, source_names, 0)
DEFINE_ENUM_STRINGS (trellis_share, TrellisShare, TRELLIS_N_SHARES, share_names, 0)
DEFINE_ENUM_STRINGS (trellis_authority, TrellisAuthority, TRELLIS_N_AUTHORITIES, authority_names, 1)
DEFINE_ENUM_STRINGS (trellis_indicator_kind, TrellisIndicatorKind, TRELLIS_N_INDICATOR_KINDS, indicator_kind_names, 0)
DEFINE_ENUM_STRINGS (trellis_rhythm, TrellisRhythm, TRELLIS_N_RHYTHMS, rhythm_names, 1)
DEFINE_ENUM_STRINGS (trellis_action_kind, TrellisActionKind, TRELLIS_N_ACTION_KINDS, action_kind_names, 0)
DEFINE_ENUM_STRINGS (trellis_action_status, TrellisActionStatus, TRELLIS_N_ACTION_STATUSES, action_status_names, 0)
DEFINE_ENUM_STRINGS (trellis_feedback_status, TrellisFeedbackStatus, TRELLIS_N_FEEDBACK_STATUSES, feedback_status_names, 0)

const char *
trellis_source_get_label (TrellisSource source)
{
  g_return_val_if_fail (source < TRELLIS_N_SOURCES, NULL);
  return translate_ctxt ("assessment source", source_labels[source]);
}

const char *
trellis_share_get_label (TrellisShare share)
{
  g_return_val_if_fail (share < TRELLIS_N_SHARES, NULL);
  return _(share_labels[share]);
}

const char *
trellis_authority_get_label (TrellisAuthority authority)
{
  g_return_val_if_fail (authority < TRELLIS_N_AUTHORITIES, NULL);
  return translate_ctxt ("delegation level", authority_labels[authority]);
}

const char *
trellis_authority_get_description (TrellisAuthority authority)
{
  g_return_val_if_fail (authority < TRELLIS_N_AUTHORITIES, NULL);
  return _(authority_descriptions[authority]);
}

const char *
trellis_authority_get_label_msgid (TrellisAuthority authority)
{
  g_return_val_if_fail (authority < TRELLIS_N_AUTHORITIES, NULL);
  return authority_labels[authority];
}

const char *
trellis_authority_get_description_msgid (TrellisAuthority authority)
{
  g_return_val_if_fail (authority < TRELLIS_N_AUTHORITIES, NULL);
  return authority_descriptions[authority];
}

const char *
trellis_raci_get_label (TrellisRaci single_letter)
{
  switch ((guint) single_letter)
    {
    case TRELLIS_RACI_RESPONSIBLE: return translate_ctxt ("RACI", raci_labels[0]);
    case TRELLIS_RACI_ACCOUNTABLE: return translate_ctxt ("RACI", raci_labels[1]);
    case TRELLIS_RACI_CONSULTED:   return translate_ctxt ("RACI", raci_labels[2]);
    case TRELLIS_RACI_INFORMED:    return translate_ctxt ("RACI", raci_labels[3]);
    default:                       return "";
    }
}

const char *
trellis_indicator_kind_get_label (TrellisIndicatorKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_N_INDICATOR_KINDS, NULL);
  return translate_ctxt ("indicator kind", indicator_kind_labels[kind]);
}

const char *
trellis_rhythm_get_label (TrellisRhythm rhythm)
{
  g_return_val_if_fail (rhythm < TRELLIS_N_RHYTHMS, NULL);
  return translate_ctxt ("review rhythm", rhythm_labels[rhythm]);
}

const char *
trellis_action_kind_get_label (TrellisActionKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_N_ACTION_KINDS, NULL);
  return _(action_kind_labels[kind]);
}

const char *
trellis_action_status_get_label (TrellisActionStatus status)
{
  g_return_val_if_fail (status < TRELLIS_N_ACTION_STATUSES, NULL);
  return translate_ctxt ("action status", action_status_labels[status]);
}

const char *
trellis_feedback_status_get_label (TrellisFeedbackStatus status)
{
  g_return_val_if_fail (status < TRELLIS_N_FEEDBACK_STATUSES, NULL);
  return translate_ctxt ("feedback status", feedback_status_labels[status]);
}

const char *
trellis_raci_to_string (TrellisRaci raci,
                        char        buf[5])
{
  guint n = 0;

  if (raci & TRELLIS_RACI_RESPONSIBLE)
    buf[n++] = 'R';
  if (raci & TRELLIS_RACI_ACCOUNTABLE)
    buf[n++] = 'A';
  if (raci & TRELLIS_RACI_CONSULTED)
    buf[n++] = 'C';
  if (raci & TRELLIS_RACI_INFORMED)
    buf[n++] = 'I';
  buf[n] = '\0';

  return buf;
}

gboolean
trellis_raci_from_string (const char  *str,
                          gsize        len,
                          TrellisRaci *out)
{
  static const char order[] = "RACI";
  TrellisRaci raci = TRELLIS_RACI_NONE;
  guint next = 0;

  if (str == NULL || len == 0 || len > 4)
    return FALSE;

  /* The letters come at most once each, in the order R, A, C, I. */
  for (gsize i = 0; i < len; i++)
    {
      const char *at = strchr (order + next, str[i]);

      if (str[i] == '\0' || at == NULL)
        return FALSE;

      next = (guint) (at - order) + 1;
      raci |= 1 << (at - order);
    }

  *out = raci;
  return TRUE;
}

static inline gboolean
parse_digits (const char *str,
              guint       n,
              guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (str[i] < '0' || str[i] > '9')
        return FALSE;
      v = v * 10 + (guint) (str[i] - '0');
    }

  *out = v;
  return TRUE;
}

gboolean
trellis_date_parse (const char  *str,
                    gsize        len,
                    TrellisDate *out)
{
  guint year, month, day;

  if (str == NULL || len != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  if (!parse_digits (str, 4, &year) ||
      !parse_digits (str + 5, 2, &month) ||
      !parse_digits (str + 8, 2, &day))
    return FALSE;

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    *out = g_date_get_julian (&date);
  }

  return TRUE;
}

char *
trellis_date_format (TrellisDate date,
                     char        buf[11])
{
  GDate d;

  if (date == 0 || !g_date_valid_julian (date))
    {
      buf[0] = '\0';
      return buf;
    }

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  g_snprintf (buf, 11, "%04u-%02u-%02u",
              (guint) g_date_get_year (&d),
              (guint) g_date_get_month (&d),
              (guint) g_date_get_day (&d));

  return buf;
}

TrellisDate
trellis_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));

  return g_date_get_julian (&d);
}

/**
 * trellis_date_is_valid:
 * @date: a #TrellisDate
 *
 * Returns: whether @date can be written as YYYY-MM-DD (years 1 to 9999)
 */
gboolean
trellis_date_is_valid (TrellisDate date)
{
  GDate d;

  if (date == 0 || !g_date_valid_julian (date))
    return FALSE;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);

  return g_date_get_year (&d) <= 9999;
}
