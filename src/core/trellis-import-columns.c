/* trellis-import-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-import-private.h"

/* What the columns of a spreadsheet hold, and the words in its cells.
 *
 * Headers are matched by name, in English, Dutch and German, and in the
 * language Trellis runs in (its own export's headers): lower case,
 * accents and everything but letters and digits taken off ("Person ID",
 * "person_id" and "PersonID" are one). "Name" and "ID" are the person's
 * or the competency's, as the kind of sheet says. A column that names a
 * competency of the matrix is that competency's level, in the wide form.
 * The kind of sheet follows from the columns it has (see
 * trellis_import_detect_kind()).
 *
 * The words of cells (yes and no, the sources of an assessment, the
 * sharing choices) come in the same three languages, in the file format's
 * own English names, and as Trellis shows them in its language. */

/* Generic headers, before the kind of sheet decides whose they are. */
enum
{
  HEADER_ID = TRELLIS_N_COLUMN_FIELDS,
  HEADER_NAME,
};

typedef struct
{
  const char *key;
  guint       field;
} Word;

static const Word header_words[] = {
  /* English */
  { "id", HEADER_ID }, { "identifier", HEADER_ID }, { "key", HEADER_ID }, { "code", HEADER_ID },
  { "name", HEADER_NAME }, { "fullname", HEADER_NAME },
  { "personid", TRELLIS_COLUMN_PERSON_ID }, { "employeeid", TRELLIS_COLUMN_PERSON_ID },
  { "employeenumber", TRELLIS_COLUMN_PERSON_ID }, { "employeeno", TRELLIS_COLUMN_PERSON_ID },
  { "staffnumber", TRELLIS_COLUMN_PERSON_ID }, { "personnelnumber", TRELLIS_COLUMN_PERSON_ID },
  { "person", TRELLIS_COLUMN_PERSON }, { "personname", TRELLIS_COLUMN_PERSON },
  { "employee", TRELLIS_COLUMN_PERSON }, { "employeename", TRELLIS_COLUMN_PERSON },
  { "teammember", TRELLIS_COLUMN_PERSON }, { "member", TRELLIS_COLUMN_PERSON },
  { "staff", TRELLIS_COLUMN_PERSON }, { "who", TRELLIS_COLUMN_PERSON },
  { "role", TRELLIS_COLUMN_ROLES }, { "roles", TRELLIS_COLUMN_ROLES },
  { "jobtitle", TRELLIS_COLUMN_ROLES }, { "job", TRELLIS_COLUMN_ROLES },
  { "function", TRELLIS_COLUMN_ROLES }, { "position", TRELLIS_COLUMN_ROLES },
  { "share", TRELLIS_COLUMN_SHARE }, { "sharing", TRELLIS_COLUMN_SHARE },
  { "sharedwith", TRELLIS_COLUMN_SHARE }, { "shareswith", TRELLIS_COLUMN_SHARE },
  { "visibility", TRELLIS_COLUMN_SHARE }, { "privacy", TRELLIS_COLUMN_SHARE },
  { "competencyid", TRELLIS_COLUMN_COMPETENCY_ID }, { "skillid", TRELLIS_COLUMN_COMPETENCY_ID },
  { "competency", TRELLIS_COLUMN_COMPETENCY }, { "competence", TRELLIS_COLUMN_COMPETENCY },
  { "competencyname", TRELLIS_COLUMN_COMPETENCY }, { "skill", TRELLIS_COLUMN_COMPETENCY },
  { "ability", TRELLIS_COLUMN_COMPETENCY },
  { "description", TRELLIS_COLUMN_DESCRIPTION }, { "definition", TRELLIS_COLUMN_DESCRIPTION },
  { "value", TRELLIS_COLUMN_VALUES }, { "values", TRELLIS_COLUMN_VALUES },
  { "corevalue", TRELLIS_COLUMN_VALUES }, { "corevalues", TRELLIS_COLUMN_VALUES },
  { "level", TRELLIS_COLUMN_LEVEL }, { "score", TRELLIS_COLUMN_LEVEL },
  { "rating", TRELLIS_COLUMN_LEVEL }, { "proficiency", TRELLIS_COLUMN_LEVEL },
  { "currentlevel", TRELLIS_COLUMN_LEVEL }, { "can", TRELLIS_COLUMN_LEVEL },
  { "want", TRELLIS_COLUMN_WANT }, { "wanttogrow", TRELLIS_COLUMN_WANT },
  { "wantstogrow", TRELLIS_COLUMN_WANT }, { "grow", TRELLIS_COLUMN_WANT },
  { "growthwish", TRELLIS_COLUMN_WANT },
  { "source", TRELLIS_COLUMN_SOURCE }, { "perspective", TRELLIS_COLUMN_SOURCE },
  { "assessedby", TRELLIS_COLUMN_SOURCE }, { "rater", TRELLIS_COLUMN_SOURCE },
  { "date", TRELLIS_COLUMN_DATE }, { "assessedon", TRELLIS_COLUMN_DATE }, { "when", TRELLIS_COLUMN_DATE },
  { "note", TRELLIS_COLUMN_NOTE }, { "notes", TRELLIS_COLUMN_NOTE }, { "comment", TRELLIS_COLUMN_NOTE },
  { "comments", TRELLIS_COLUMN_NOTE }, { "remark", TRELLIS_COLUMN_NOTE },
  { "evidence", TRELLIS_COLUMN_EVIDENCE }, { "proof", TRELLIS_COLUMN_EVIDENCE },
  { "example", TRELLIS_COLUMN_EVIDENCE }, { "link", TRELLIS_COLUMN_EVIDENCE },

  /* Dutch */
  { "naam", HEADER_NAME }, { "volledigenaam", HEADER_NAME }, { "nummer", HEADER_ID },
  { "personeelsnummer", TRELLIS_COLUMN_PERSON_ID }, { "medewerkernummer", TRELLIS_COLUMN_PERSON_ID },
  { "medewerkerid", TRELLIS_COLUMN_PERSON_ID }, { "persoonid", TRELLIS_COLUMN_PERSON_ID },
  { "persoon", TRELLIS_COLUMN_PERSON }, { "medewerker", TRELLIS_COLUMN_PERSON },
  { "werknemer", TRELLIS_COLUMN_PERSON }, { "teamlid", TRELLIS_COLUMN_PERSON },
  { "rol", TRELLIS_COLUMN_ROLES }, { "rollen", TRELLIS_COLUMN_ROLES },
  { "functie", TRELLIS_COLUMN_ROLES }, { "functies", TRELLIS_COLUMN_ROLES },
  { "delen", TRELLIS_COLUMN_SHARE }, { "deeltmet", TRELLIS_COLUMN_SHARE },
  { "gedeeldmet", TRELLIS_COLUMN_SHARE }, { "zichtbaarheid", TRELLIS_COLUMN_SHARE },
  { "competentieid", TRELLIS_COLUMN_COMPETENCY_ID },
  { "competentie", TRELLIS_COLUMN_COMPETENCY }, { "vaardigheid", TRELLIS_COLUMN_COMPETENCY },
  { "bekwaamheid", TRELLIS_COLUMN_COMPETENCY },
  { "omschrijving", TRELLIS_COLUMN_DESCRIPTION }, { "beschrijving", TRELLIS_COLUMN_DESCRIPTION },
  { "definitie", TRELLIS_COLUMN_DESCRIPTION },
  { "waarde", TRELLIS_COLUMN_VALUES }, { "waarden", TRELLIS_COLUMN_VALUES },
  { "kernwaarde", TRELLIS_COLUMN_VALUES }, { "kernwaarden", TRELLIS_COLUMN_VALUES },
  { "niveau", TRELLIS_COLUMN_LEVEL }, { "beoordeling", TRELLIS_COLUMN_LEVEL },
  { "kan", TRELLIS_COLUMN_LEVEL }, { "huidigniveau", TRELLIS_COLUMN_LEVEL },
  { "wens", TRELLIS_COLUMN_WANT }, { "groeiwens", TRELLIS_COLUMN_WANT },
  { "wilgroeien", TRELLIS_COLUMN_WANT }, { "ontwikkelwens", TRELLIS_COLUMN_WANT },
  { "bron", TRELLIS_COLUMN_SOURCE }, { "perspectief", TRELLIS_COLUMN_SOURCE },
  { "beoordeelddoor", TRELLIS_COLUMN_SOURCE }, { "door", TRELLIS_COLUMN_SOURCE },
  { "datum", TRELLIS_COLUMN_DATE }, { "beoordeeldop", TRELLIS_COLUMN_DATE },
  { "notitie", TRELLIS_COLUMN_NOTE }, { "opmerking", TRELLIS_COLUMN_NOTE },
  { "opmerkingen", TRELLIS_COLUMN_NOTE }, { "toelichting", TRELLIS_COLUMN_NOTE },
  { "commentaar", TRELLIS_COLUMN_NOTE },
  { "bewijs", TRELLIS_COLUMN_EVIDENCE }, { "onderbouwing", TRELLIS_COLUMN_EVIDENCE },
  { "voorbeeld", TRELLIS_COLUMN_EVIDENCE },

  /* German */
  { "vollstandigername", HEADER_NAME }, { "kennung", HEADER_ID }, { "nr", HEADER_ID },
  { "personalnummer", TRELLIS_COLUMN_PERSON_ID }, { "mitarbeiternummer", TRELLIS_COLUMN_PERSON_ID },
  { "mitarbeiterid", TRELLIS_COLUMN_PERSON_ID }, { "personenid", TRELLIS_COLUMN_PERSON_ID },
  { "mitarbeiter", TRELLIS_COLUMN_PERSON }, { "mitarbeiterin", TRELLIS_COLUMN_PERSON },
  { "angestellter", TRELLIS_COLUMN_PERSON }, { "teammitglied", TRELLIS_COLUMN_PERSON },
  { "rolle", TRELLIS_COLUMN_ROLES }, { "funktion", TRELLIS_COLUMN_ROLES },
  { "stelle", TRELLIS_COLUMN_ROLES },
  { "teilen", TRELLIS_COLUMN_SHARE }, { "teiltmit", TRELLIS_COLUMN_SHARE },
  { "geteiltmit", TRELLIS_COLUMN_SHARE }, { "sichtbarkeit", TRELLIS_COLUMN_SHARE },
  { "freigabe", TRELLIS_COLUMN_SHARE },
  { "kompetenzid", TRELLIS_COLUMN_COMPETENCY_ID },
  { "kompetenz", TRELLIS_COLUMN_COMPETENCY }, { "fahigkeit", TRELLIS_COLUMN_COMPETENCY },
  { "beschreibung", TRELLIS_COLUMN_DESCRIPTION },
  { "wert", TRELLIS_COLUMN_VALUES }, { "werte", TRELLIS_COLUMN_VALUES },
  { "kernwert", TRELLIS_COLUMN_VALUES }, { "kernwerte", TRELLIS_COLUMN_VALUES },
  { "stufe", TRELLIS_COLUMN_LEVEL }, { "bewertung", TRELLIS_COLUMN_LEVEL },
  { "einstufung", TRELLIS_COLUMN_LEVEL }, { "kann", TRELLIS_COLUMN_LEVEL },
  { "wunsch", TRELLIS_COLUMN_WANT }, { "entwicklungswunsch", TRELLIS_COLUMN_WANT },
  { "willwachsen", TRELLIS_COLUMN_WANT }, { "wachsen", TRELLIS_COLUMN_WANT },
  { "quelle", TRELLIS_COLUMN_SOURCE }, { "perspektive", TRELLIS_COLUMN_SOURCE },
  { "bewertetvon", TRELLIS_COLUMN_SOURCE }, { "von", TRELLIS_COLUMN_SOURCE },
  { "bewertetam", TRELLIS_COLUMN_DATE },
  { "notiz", TRELLIS_COLUMN_NOTE }, { "bemerkung", TRELLIS_COLUMN_NOTE },
  { "kommentar", TRELLIS_COLUMN_NOTE }, { "anmerkung", TRELLIS_COLUMN_NOTE },
  { "nachweis", TRELLIS_COLUMN_EVIDENCE }, { "beleg", TRELLIS_COLUMN_EVIDENCE },
  { "beispiel", TRELLIS_COLUMN_EVIDENCE },
};

/* The words before a number that make a column a level's description
 * ("Level 3", "Niveau 3", "Stufe 3"). */
static const char * const level_words[] = { "level", "niveau", "stufe", "lvl" };

static const char * const kind_names[TRELLIS_N_IMPORT_KINDS] = {
  "auto", "people", "competencies", "assessments", "assessments-wide",
};

static const char * const kind_labels[TRELLIS_N_IMPORT_KINDS] = {
  N_("Detect automatically"),
  N_("People"),
  N_("Competencies"),
  N_("Assessments, a row each"),
  N_("Assessments, a column each"),
};

static const char * const field_names[TRELLIS_N_COLUMN_FIELDS] = {
  "ignore", "person-id", "person", "roles", "share", "competency-id", "competency", "description", "values",
  "level-text", "level", "want", "source", "date", "note", "evidence", "competency-level",
};

static const char * const field_labels[TRELLIS_N_COLUMN_FIELDS] = {
  [TRELLIS_COLUMN_IGNORE] = N_("Not imported"),
  [TRELLIS_COLUMN_PERSON_ID] = N_("Person’s id"),
  [TRELLIS_COLUMN_PERSON] = N_("Person"),
  [TRELLIS_COLUMN_ROLES] = N_("Roles"),
  [TRELLIS_COLUMN_SHARE] = N_("Shares with"),
  [TRELLIS_COLUMN_COMPETENCY_ID] = N_("Competency’s id"),
  [TRELLIS_COLUMN_COMPETENCY] = N_("Competency"),
  [TRELLIS_COLUMN_DESCRIPTION] = N_("Description"),
  [TRELLIS_COLUMN_VALUES] = N_("Values"),
  [TRELLIS_COLUMN_LEVEL_TEXT] = N_("Description of a level"),
  [TRELLIS_COLUMN_LEVEL] = N_("Level"),
  [TRELLIS_COLUMN_WANT] = N_("Wants to grow"),
  [TRELLIS_COLUMN_SOURCE] = N_("Source"),
  [TRELLIS_COLUMN_DATE] = N_("Date"),
  [TRELLIS_COLUMN_NOTE] = N_("Note"),
  [TRELLIS_COLUMN_EVIDENCE] = N_("Evidence"),
  [TRELLIS_COLUMN_COMPETENCY_LEVEL] = N_("Level in a competency"),
};

/* Which fields each kind of sheet reads. */
static const guint32 kind_fields[TRELLIS_N_IMPORT_KINDS] = {
  [TRELLIS_IMPORT_KIND_PEOPLE] =
    1 << TRELLIS_COLUMN_PERSON_ID | 1 << TRELLIS_COLUMN_PERSON | 1 << TRELLIS_COLUMN_ROLES |
    1 << TRELLIS_COLUMN_SHARE,
  [TRELLIS_IMPORT_KIND_COMPETENCIES] =
    1 << TRELLIS_COLUMN_COMPETENCY_ID | 1 << TRELLIS_COLUMN_COMPETENCY | 1 << TRELLIS_COLUMN_DESCRIPTION |
    1 << TRELLIS_COLUMN_VALUES | 1 << TRELLIS_COLUMN_LEVEL_TEXT,
  [TRELLIS_IMPORT_KIND_ASSESSMENTS] =
    1 << TRELLIS_COLUMN_PERSON_ID | 1 << TRELLIS_COLUMN_PERSON | 1 << TRELLIS_COLUMN_COMPETENCY_ID |
    1 << TRELLIS_COLUMN_COMPETENCY | 1 << TRELLIS_COLUMN_LEVEL | 1 << TRELLIS_COLUMN_WANT |
    1 << TRELLIS_COLUMN_SOURCE | 1 << TRELLIS_COLUMN_DATE | 1 << TRELLIS_COLUMN_NOTE |
    1 << TRELLIS_COLUMN_EVIDENCE,
  [TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE] =
    1 << TRELLIS_COLUMN_PERSON_ID | 1 << TRELLIS_COLUMN_PERSON | 1 << TRELLIS_COLUMN_SOURCE |
    1 << TRELLIS_COLUMN_DATE | 1 << TRELLIS_COLUMN_COMPETENCY_LEVEL,
};

const char *
trellis_import_kind_to_string (TrellisImportKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_N_IMPORT_KINDS, NULL);

  return kind_names[kind];
}

gboolean
trellis_import_kind_from_string (const char        *str,
                                 TrellisImportKind *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < TRELLIS_N_IMPORT_KINDS; i++)
    {
      if (strcmp (str, kind_names[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
trellis_import_kind_get_label (TrellisImportKind kind)
{
  g_return_val_if_fail (kind < TRELLIS_N_IMPORT_KINDS, NULL);

  return _(kind_labels[kind]);
}

const char *
trellis_column_field_get_label (TrellisColumnField field)
{
  g_return_val_if_fail (field < TRELLIS_N_COLUMN_FIELDS, NULL);

  return _(field_labels[field]);
}

/* The fields' names on the command line: never translated. */
const char *
trellis_column_field_to_string (TrellisColumnField field)
{
  g_return_val_if_fail (field < TRELLIS_N_COLUMN_FIELDS, NULL);

  return field_names[field];
}

gboolean
trellis_column_field_from_string (const char         *str,
                                  TrellisColumnField *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < TRELLIS_N_COLUMN_FIELDS; i++)
    {
      if (strcmp (str, field_names[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * trellis_column_field_fits:
 * @field: what a column could hold
 * @kind: a kind of sheet
 *
 * Whether a sheet of @kind reads @field. Every kind takes
 * %TRELLIS_COLUMN_IGNORE.
 *
 * Returns: whether it fits
 */
gboolean
trellis_column_field_fits (TrellisColumnField field,
                           TrellisImportKind  kind)
{
  g_return_val_if_fail (field < TRELLIS_N_COLUMN_FIELDS, FALSE);
  g_return_val_if_fail (kind < TRELLIS_N_IMPORT_KINDS, FALSE);

  return field == TRELLIS_COLUMN_IGNORE || (kind_fields[kind] & (1u << field)) != 0;
}

/* Header matching */

/* A header as it is matched: ASCII letters and digits, lower case. */
static char *
header_key (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GString *key = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
    }

  return g_string_free (key, FALSE);
}

static gboolean
key_is_level_text (const char *key,
                   gint       *level)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_words); i++)
    {
      const char *word = strstr (key, level_words[i]);
      const char *digits;
      char *end;
      long value;

      if (word == NULL)
        continue;
      digits = key;
      while (*digits != '\0' && !g_ascii_isdigit (*digits))
        digits++;
      if (*digits == '\0')
        continue;
      value = strtol (digits, &end, 10);
      if (value < TRELLIS_LEVEL_MIN || value > TRELLIS_LEVEL_MAX)
        continue;
      *level = (gint) value;
      return TRUE;
    }

  return FALSE;
}

/* The field a header names whatever the kind, or HEADER_ID, HEADER_NAME,
 * or TRELLIS_COLUMN_IGNORE when it names none. */
static guint
match_header (const char *header,
              gint       *level)
{
  g_autofree char *key = header_key (header);

  *level = TRELLIS_LEVEL_NONE;
  if (*key == '\0')
    return TRELLIS_COLUMN_IGNORE;

  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    {
      if (strcmp (key, header_words[i].key) == 0)
        return header_words[i].field;
    }

  /* Trellis's own export, in the language it runs in. */
  for (guint c = 0; c < TRELLIS_N_ASSESSMENT_COLUMNS; c++)
    {
      static const TrellisColumnField fields[TRELLIS_N_ASSESSMENT_COLUMNS] = {
        TRELLIS_COLUMN_PERSON_ID, TRELLIS_COLUMN_PERSON, TRELLIS_COLUMN_COMPETENCY_ID,
        TRELLIS_COLUMN_COMPETENCY, TRELLIS_COLUMN_LEVEL, TRELLIS_COLUMN_WANT, TRELLIS_COLUMN_SOURCE,
        TRELLIS_COLUMN_DATE, TRELLIS_COLUMN_NOTE, TRELLIS_COLUMN_EVIDENCE,
      };
      g_autofree char *label = header_key (trellis_assessment_column_get_label (c));

      if (strcmp (key, label) == 0)
        return fields[c];
    }

  if (key_is_level_text (key, level))
    return TRELLIS_COLUMN_LEVEL_TEXT;

  return TRELLIS_COLUMN_IGNORE;
}

/* The competency a header names, by id or name, or NULL. */
static const char *
header_competency (TrellisImport *self,
                   const char    *header)
{
  TrellisSnapList *list = &self->snapshot.lists[TRELLIS_IMPORT_COMPETENCY];
  g_autofree char *key = NULL;
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (list->by_id, header));

  if (found == 0)
    {
      key = trellis_import_fold (header, -1);
      found = GPOINTER_TO_UINT (g_hash_table_lookup (list->by_key, key));
    }
  if (found == 0 || found == TRELLIS_SNAP_AMBIGUOUS)
    return NULL;

  return ((TrellisSnapEntity *) g_ptr_array_index (list->items, found - 1))->id;
}

/* Whether the cells of a column in the preview are levels, with at
 * least one filled in. */
static gboolean
column_holds_levels (TrellisImport *self,
                     guint          column)
{
  guint filled = 0;

  for (guint r = 0; r < self->preview->len; r++)
    {
      const char *cell = trellis_import_get_preview_cell (self, r, column);
      g_autofree char *problem = NULL;
      gint level;

      if (*cell == '\0')
        continue;
      if (!trellis_import_parse_level (self, cell, strlen (cell), &level, &problem))
        return FALSE;
      filled++;
    }

  return filled > 0;
}

/**
 * trellis_import_detect_kind:
 * @self: an import with headers
 *
 * What a sheet holds, from its columns: a level beside a competency is
 * the long form of assessments; descriptions of levels, values or a
 * description (and no roles) make a list of competencies; columns
 * named after competencies of the matrix (or holding levels) beside a
 * person make the wide form; anything else is a list of people.
 *
 * Returns: the kind
 */
TrellisImportKind
trellis_import_detect_kind (TrellisImport *self)
{
  gboolean has[TRELLIS_N_COLUMN_FIELDS + 2] = { FALSE };
  guint competency_columns = 0;
  guint level_columns = 0;

  for (guint i = 0; i < self->headers->len; i++)
    {
      const char *header = g_ptr_array_index (self->headers, i);
      gint level;
      guint field = match_header (header, &level);

      has[field] = TRUE;
      if (field == TRELLIS_COLUMN_IGNORE)
        {
          if (header_competency (self, header) != NULL)
            competency_columns++;
          else if (column_holds_levels (self, i))
            level_columns++;
        }
    }

  if ((has[TRELLIS_COLUMN_COMPETENCY] || has[TRELLIS_COLUMN_COMPETENCY_ID]) && has[TRELLIS_COLUMN_LEVEL])
    return TRELLIS_IMPORT_KIND_ASSESSMENTS;
  if (has[TRELLIS_COLUMN_LEVEL_TEXT] || has[TRELLIS_COLUMN_COMPETENCY] || has[TRELLIS_COLUMN_COMPETENCY_ID] ||
      ((has[TRELLIS_COLUMN_DESCRIPTION] || has[TRELLIS_COLUMN_VALUES]) &&
       !has[TRELLIS_COLUMN_ROLES] && !has[TRELLIS_COLUMN_SHARE]))
    return TRELLIS_IMPORT_KIND_COMPETENCIES;
  if (competency_columns > 0 || (level_columns > 0 && !has[TRELLIS_COLUMN_ROLES] && !has[TRELLIS_COLUMN_SHARE]))
    return TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE;

  return TRELLIS_IMPORT_KIND_PEOPLE;
}

/**
 * trellis_import_map_columns:
 * @self: an import with headers and a kind
 *
 * Says what each column holds, from its header and the kind of sheet:
 * the first column of each field wins (roles and values may take
 * several), and fields the kind does not read are not imported.
 */
void
trellis_import_map_columns (TrellisImport *self)
{
  TrellisImportKind kind = self->kind != TRELLIS_IMPORT_KIND_AUTO ? self->kind : self->found_kind;
  guint32 taken = 0;
  guint64 levels_taken = 0;

  for (guint i = 0; i < self->columns->len; i++)
    g_clear_pointer (&g_array_index (self->columns, TrellisImportColumn, i).competency, g_free);
  g_array_set_size (self->columns, self->headers->len);

  for (guint i = 0; i < self->headers->len; i++)
    {
      const char *header = g_ptr_array_index (self->headers, i);
      TrellisImportColumn *column = &g_array_index (self->columns, TrellisImportColumn, i);
      gint level;
      guint field = match_header (header, &level);

      column->field = TRELLIS_COLUMN_IGNORE;
      column->level = TRELLIS_LEVEL_NONE;
      column->competency = NULL;

      if (field == HEADER_ID)
        field = kind == TRELLIS_IMPORT_KIND_COMPETENCIES ? TRELLIS_COLUMN_COMPETENCY_ID : TRELLIS_COLUMN_PERSON_ID;
      else if (field == HEADER_NAME)
        field = kind == TRELLIS_IMPORT_KIND_COMPETENCIES ? TRELLIS_COLUMN_COMPETENCY : TRELLIS_COLUMN_PERSON;

      if (field == TRELLIS_COLUMN_IGNORE && kind == TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE)
        {
          const char *id = header_competency (self, header);

          if (id != NULL || column_holds_levels (self, i))
            {
              column->field = TRELLIS_COLUMN_COMPETENCY_LEVEL;
              column->competency = g_strdup (id);
            }
          continue;
        }

      if (!trellis_column_field_fits (field, kind))
        continue;

      if (field == TRELLIS_COLUMN_LEVEL_TEXT)
        {
          if ((levels_taken & (G_GUINT64_CONSTANT (1) << level)) != 0)
            continue;
          levels_taken |= G_GUINT64_CONSTANT (1) << level;
          column->level = level;
        }
      else if (field != TRELLIS_COLUMN_ROLES && field != TRELLIS_COLUMN_VALUES)
        {
          if ((taken & (1u << field)) != 0)
            continue;
          taken |= 1u << field;
        }

      column->field = field;
    }
}

static gboolean
has_field (TrellisImport      *self,
           TrellisColumnField  field)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      if (g_array_index (self->columns, TrellisImportColumn, i).field == field)
        return TRUE;
    }

  return FALSE;
}

static gboolean
column_error (GError     **error,
              const char  *message)
{
  g_set_error_literal (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_COLUMNS, message);
  return FALSE;
}

/**
 * trellis_import_check_columns:
 * @self: an import with its columns
 * @error: return location for a #GError
 *
 * Whether the columns say enough to import a row: whose it is, and for
 * assessments what and which level. Two columns may not hold the same
 * field, but for roles and values, which add up.
 *
 * Returns: %TRUE when they do
 */
gboolean
trellis_import_check_columns (TrellisImport  *self,
                              GError        **error)
{
  TrellisImportKind kind = trellis_import_get_kind (self);
  gboolean person = has_field (self, TRELLIS_COLUMN_PERSON) || has_field (self, TRELLIS_COLUMN_PERSON_ID);
  gboolean competency = has_field (self, TRELLIS_COLUMN_COMPETENCY) ||
                        has_field (self, TRELLIS_COLUMN_COMPETENCY_ID);
  guint count[TRELLIS_N_COLUMN_FIELDS] = { 0 };

  for (guint i = 0; i < self->columns->len; i++)
    {
      const TrellisImportColumn *column = &g_array_index (self->columns, TrellisImportColumn, i);

      if (!trellis_column_field_fits (column->field, kind))
        return column_error (error, _("A column holds something this kind of sheet does not have. Choose "
                                      "again what it holds, or leave it out."));
      count[column->field]++;
      if (count[column->field] > 1 && column->field != TRELLIS_COLUMN_IGNORE &&
          column->field != TRELLIS_COLUMN_ROLES && column->field != TRELLIS_COLUMN_VALUES &&
          column->field != TRELLIS_COLUMN_LEVEL_TEXT && column->field != TRELLIS_COLUMN_COMPETENCY_LEVEL)
        {
          /* Translators: %s is what a column holds, such as “Level”. */
          g_autofree char *msg = g_strdup_printf (_("Two columns hold the %s. Choose one of them."),
                                                  trellis_column_field_get_label (column->field));
          return column_error (error, msg);
        }
    }

  switch (kind)
    {
    case TRELLIS_IMPORT_KIND_PEOPLE:
      if (!person)
        return column_error (error, _("No column holds the names of the people. Choose which column does."));
      break;

    case TRELLIS_IMPORT_KIND_COMPETENCIES:
      if (!competency)
        return column_error (error, _("No column holds the names of the competencies. Choose which column does."));
      break;

    case TRELLIS_IMPORT_KIND_ASSESSMENTS:
      if (!person)
        return column_error (error, _("No column says whose assessment a row is. Choose which column holds "
                                      "the person."));
      if (!competency)
        return column_error (error, _("No column says which competency a row assesses. Choose which column "
                                      "holds the competency."));
      if (!has_field (self, TRELLIS_COLUMN_LEVEL))
        return column_error (error, _("No column holds the levels. Choose which column does."));
      break;

    case TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE:
      if (!person)
        return column_error (error, _("No column says whose row it is. Choose which column holds the person."));
      if (!has_field (self, TRELLIS_COLUMN_COMPETENCY_LEVEL))
        return column_error (error, _("No column holds the levels in a competency. Choose which columns do."));
      break;

    case TRELLIS_IMPORT_KIND_AUTO:
    case TRELLIS_N_IMPORT_KINDS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Cells */

static gboolean
word_in (const char         *key,
         const char * const *words,
         gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (strcmp (key, words[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
cell_key (const char *text,
          gsize       len)
{
  g_autofree char *folded = trellis_import_fold (text, (gssize) len);

  return header_key (folded);
}

/**
 * trellis_import_parse_level:
 *
 * A level: a whole number on the matrix's scale ("3", also "3.0" as a
 * spreadsheet may write it), or the name of a level of the scale.
 */
gboolean
trellis_import_parse_level (TrellisImport  *self,
                            const char     *text,
                            gsize           len,
                            gint           *level,
                            char          **problem)
{
  TrellisSnapshot *snap = &self->snapshot;
  gint value = 0;
  gsize i = 0;
  gboolean digits = FALSE;

  /* The usual case first: one digit. */
  if (len == 1 && g_ascii_isdigit (text[0]))
    {
      value = text[0] - '0';
      goto check;
    }

  while (i < len && g_ascii_isspace (text[i]))
    i++;
  if (i < len && text[i] == '+')
    i++;
  while (i < len && g_ascii_isdigit (text[i]) && value < 1000)
    {
      value = value * 10 + (text[i++] - '0');
      digits = TRUE;
    }
  if (digits && i < len && (text[i] == '.' || text[i] == ','))
    {
      i++;
      while (i < len && text[i] == '0')
        i++;
    }
  while (i < len && g_ascii_isspace (text[i]))
    i++;

  if (!digits || i != len)
    {
      g_autofree char *key = trellis_import_fold (text, (gssize) len);
      gpointer found = g_hash_table_lookup (snap->level_names, key);

      if (found == NULL)
        {
          /* Translators: %s is a cell as written; %d and %d are the lowest and highest level of the scale. */
          *problem = g_strdup_printf (_("‘%s’ is not a level: give a whole number from %d to %d, or the name of "
                                        "a level."), text, snap->scale_min, snap->scale_max);
          return FALSE;
        }
      *level = GPOINTER_TO_INT (found) - 1;
      return TRUE;
    }

check:
  if (value < snap->scale_min || value > snap->scale_max)
    {
      /* Translators: the first %d is a level; the others are the lowest and highest level of the scale. */
      *problem = g_strdup_printf (_("Level %d is outside the scale %d–%d."), value, snap->scale_min, snap->scale_max);
      return FALSE;
    }

  *level = value;
  return TRUE;
}

static gboolean
take_number (const char **p,
             const char  *end,
             guint       *out,
             guint       *n_digits)
{
  guint value = 0;
  guint n = 0;

  while (*p < end && g_ascii_isdigit (**p) && n < 5)
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  *out = value;
  *n_digits = n;

  return n > 0;
}

static gboolean
make_date (guint        day,
           guint        month,
           guint        year,
           TrellisDate *out)
{
  GDate date;

  if (year < 1 || year > 9999 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *out = g_date_get_julian (&date);

  return TRUE;
}

/* The date, as ISO writes it (2026-11-20), as Dutch and German
 * spreadsheets do (20-11-2026, 20.11.2026), or with slashes. Slashes
 * are day first, as in Britain and most of Europe, unless the day
 * cannot be first (11/20/2026); such a date, and one of each order in
 * the file, tell which order the file uses: see
 * trellis_import_plan_finish(). Two-digit years are this century's; a
 * time after the date is left out. */
static gboolean
parse_date_text (const char  *text,
                 gsize        len,
                 TrellisDate *date,
                 gboolean    *swappable,
                 guint8      *order)
{
  const char *p = text;
  const char *end = text + len;
  guint a, b, c, na, nb, nc;
  char sep;

  *swappable = FALSE;
  while (p < end && g_ascii_isspace (*p))
    p++;
  /* A time after the date. */
  for (const char *q = p; q < end; q++)
    {
      if (*q == ' ' || *q == 'T')
        {
          end = q;
          break;
        }
    }

  if (!take_number (&p, end, &a, &na) || p >= end)
    return FALSE;
  sep = *p++;
  if ((sep != '-' && sep != '.' && sep != '/') || !take_number (&p, end, &b, &nb) || p >= end || *p++ != sep ||
      !take_number (&p, end, &c, &nc) || p != end)
    return FALSE;

  if (na == 4 && sep == '-')
    return nb <= 2 && nc <= 2 && make_date (c, b, a, date);
  if (na > 2 || nb > 2 || (nc != 4 && nc != 2))
    return FALSE;
  if (nc == 2)
    c += 2000;

  if (sep != '/')
    return make_date (a, b, c, date);

  if (make_date (a, b, c, date))
    {
      if (a > 12)
        *order |= SLASH_DAY_FIRST;
      else
        *swappable = a != b && b <= 12;
      return TRUE;
    }
  if (make_date (b, a, c, date))
    {
      *order |= SLASH_MONTH_FIRST;
      return TRUE;
    }

  return FALSE;
}

gboolean
trellis_import_parse_date (TrellisImport  *self,
                           const char     *text,
                           gsize           len,
                           TrellisDate    *date,
                           gboolean       *swappable,
                           char          **problem)
{
  /* The usual case first: ISO. */
  if (len == 10 && trellis_date_parse (text, len, date))
    {
      *swappable = FALSE;
      return TRUE;
    }

  if (parse_date_text (text, len, date, swappable, &self->slash_order))
    return TRUE;

  /* Translators: %s is a cell as written. */
  *problem = g_strdup_printf (_("‘%s’ is not a date; write dates as YYYY-MM-DD."), text);
  return FALSE;
}

/* The same day with day and month the other way round. */
TrellisDate
trellis_import_swap_date (TrellisDate date)
{
  GDate d;
  TrellisDate swapped;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  if (!make_date (g_date_get_month (&d), g_date_get_day (&d), g_date_get_year (&d), &swapped))
    return date;

  return swapped;
}

gboolean
trellis_import_parse_want (const char  *text,
                           gsize        len,
                           gboolean    *want,
                           char       **problem)
{
  static const char * const yes[] = {
    "yes", "y", "true", "1", "x", "grow", "wantstogrow", "wanttogrow",
    "ja", "j", "waar", "groeien", "wilgroeien",
    "wahr", "wachsen", "willwachsen",
  };
  static const char * const no[] = {
    "no", "n", "false", "0", "nee", "onwaar", "nein", "falsch",
  };
  g_autofree char *key = NULL;
  g_autofree char *yes_key = NULL;

  if (len == 0)
    {
      *want = FALSE;
      return TRUE;
    }

  key = cell_key (text, len);
  if (*key == '\0' || word_in (key, no, G_N_ELEMENTS (no)))
    {
      /* "-" or "✗" and the like, or a word for no. */
      *want = FALSE;
      return TRUE;
    }
  if (word_in (key, yes, G_N_ELEMENTS (yes)) || strcmp (key, yes_key = cell_key (trellis_csv_yes (), strlen (trellis_csv_yes ()))) == 0)
    {
      *want = TRUE;
      return TRUE;
    }

  /* Translators: %s is a cell as written. */
  *problem = g_strdup_printf (_("‘%s’ is not yes or no (does the person want to grow?)."), text);
  return FALSE;
}

gboolean
trellis_import_parse_source (const char     *text,
                             gsize           len,
                             TrellisSource  *source,
                             char          **problem)
{
  static const Word words[] = {
    { "self", TRELLIS_SOURCE_SELF }, { "selfassessment", TRELLIS_SOURCE_SELF },
    { "zelf", TRELLIS_SOURCE_SELF }, { "zelfbeoordeling", TRELLIS_SOURCE_SELF },
    { "selbst", TRELLIS_SOURCE_SELF }, { "selbsteinschatzung", TRELLIS_SOURCE_SELF },
    { "peer", TRELLIS_SOURCE_PEER }, { "colleague", TRELLIS_SOURCE_PEER },
    { "collega", TRELLIS_SOURCE_PEER }, { "kollege", TRELLIS_SOURCE_PEER },
    { "kollegin", TRELLIS_SOURCE_PEER },
    { "coach", TRELLIS_SOURCE_COACH }, { "manager", TRELLIS_SOURCE_COACH },
    { "leidinggevende", TRELLIS_SOURCE_COACH }, { "fuhrungskraft", TRELLIS_SOURCE_COACH },
    { "agreed", TRELLIS_SOURCE_AGREED }, { "afgesproken", TRELLIS_SOURCE_AGREED },
    { "overeengekomen", TRELLIS_SOURCE_AGREED }, { "vereinbart", TRELLIS_SOURCE_AGREED },
  };
  g_autofree char *key = cell_key (text, len);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strcmp (key, words[i].key) == 0)
        {
          *source = words[i].field;
          return TRUE;
        }
    }
  for (guint s = 0; s < TRELLIS_N_SOURCES; s++)
    {
      g_autofree char *label = cell_key (trellis_source_get_label (s), strlen (trellis_source_get_label (s)));

      if (strcmp (key, label) == 0)
        {
          *source = s;
          return TRUE;
        }
    }

  /* Translators: %s is a cell as written. Keep the English words: they are always understood. */
  *problem = g_strdup_printf (_("‘%s’ is not a source of an assessment: self, peer, coach or agreed."), text);
  return FALSE;
}

gboolean
trellis_import_parse_share (const char    *text,
                            gsize          len,
                            TrellisShare  *share,
                            char         **problem)
{
  static const Word words[] = {
    { "private", TRELLIS_SHARE_PRIVATE }, { "onlyme", TRELLIS_SHARE_PRIVATE }, { "nobody", TRELLIS_SHARE_PRIVATE },
    { "prive", TRELLIS_SHARE_PRIVATE }, { "priv", TRELLIS_SHARE_PRIVATE }, { "privat", TRELLIS_SHARE_PRIVATE },
    { "niemand", TRELLIS_SHARE_PRIVATE }, { "alleenik", TRELLIS_SHARE_PRIVATE }, { "nurich", TRELLIS_SHARE_PRIVATE },
    { "meandmycoach", TRELLIS_SHARE_COACH }, { "ikenmijncoach", TRELLIS_SHARE_COACH },
    { "ichundmeincoach", TRELLIS_SHARE_COACH },
    { "thewholeteam", TRELLIS_SHARE_TEAM }, { "hetheleteam", TRELLIS_SHARE_TEAM }, { "dasganzeteam", TRELLIS_SHARE_TEAM },
    { "coach", TRELLIS_SHARE_COACH }, { "mycoach", TRELLIS_SHARE_COACH }, { "mijncoach", TRELLIS_SHARE_COACH },
    { "meincoach", TRELLIS_SHARE_COACH }, { "manager", TRELLIS_SHARE_COACH },
    { "team", TRELLIS_SHARE_TEAM }, { "myteam", TRELLIS_SHARE_TEAM }, { "mijnteam", TRELLIS_SHARE_TEAM },
    { "meinteam", TRELLIS_SHARE_TEAM }, { "everyone", TRELLIS_SHARE_TEAM }, { "iedereen", TRELLIS_SHARE_TEAM },
    { "alle", TRELLIS_SHARE_TEAM },
  };
  g_autofree char *key = cell_key (text, len);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strcmp (key, words[i].key) == 0)
        {
          *share = words[i].field;
          return TRUE;
        }
    }
  for (guint s = 0; s < TRELLIS_N_SHARES; s++)
    {
      g_autofree char *label = cell_key (trellis_share_get_label (s), strlen (trellis_share_get_label (s)));

      if (strcmp (key, label) == 0)
        {
          *share = s;
          return TRUE;
        }
    }

  /* Translators: %s is a cell as written. Keep the English words: they are always understood. */
  *problem = g_strdup_printf (_("‘%s’ is not a sharing choice: private, coach or team."), text);
  return FALSE;
}
