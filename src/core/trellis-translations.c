/* trellis-translations.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-translations"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-document-private.h"
#include "trellis-translations.h"

/* The team's own texts in other languages. Each text of the matrix (see
 * TrellisTextPart) may have a translation per language, kept by the
 * element it belongs to in its field TRELLIS_FIELD_TRANSLATIONS, next to
 * the original; the scale's texts are the organisation's. Editing a
 * translation is an edit of that field, so undo, deleting and the file
 * need nothing of their own; a translation goes with its element.
 *
 * A text is named by its element and a key: "name", "description",
 * "vision", "mission", "unit", "behaviour 2" (from 1, as people count),
 * "level 3" (a competency's description of level 3), and the
 * organisation's "scale level 3 name" and "scale level 3". The file
 * (data/FORMAT.md) and PO files (trellis-po-exchange.c) use the same
 * keys, so that a translator sees the names the file has.
 *
 * Everything that shows the matrix in a language looks its texts up
 * through trellis_entity_get_text(): the translation where there is one,
 * else the original. A translation whose original is empty is not shown:
 * it translates nothing. */

/* Language tags: "de", "nl", "pt-BR". A script or variant subtag is not
 * kept: gettext has no agreed way to write one. */
char *
trellis_language_normalize (const char *tag,
                            gssize      len)
{
  GString *out;
  gsize n = 0;

  g_return_val_if_fail (tag != NULL, NULL);

  if (len < 0)
    len = strlen (tag);

  while (n < (gsize) len && g_ascii_isalpha (tag[n]))
    n++;
  if (n < 2 || n > 3)
    return NULL;

  out = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, g_ascii_tolower (tag[i]));

  if (n == (gsize) len)
    return g_string_free (out, FALSE);

  if ((tag[n] == '-' || tag[n] == '_') && (gsize) len == n + 3 &&
      g_ascii_isalpha (tag[n + 1]) && g_ascii_isalpha (tag[n + 2]))
    {
      g_string_append_c (out, '-');
      g_string_append_c (out, g_ascii_toupper (tag[n + 1]));
      g_string_append_c (out, g_ascii_toupper (tag[n + 2]));
      return g_string_free (out, FALSE);
    }

  if ((tag[n] == '-' || tag[n] == '_') && (gsize) len == n + 4 &&
      g_ascii_isdigit (tag[n + 1]) && g_ascii_isdigit (tag[n + 2]) && g_ascii_isdigit (tag[n + 3]))
    {
      g_string_append_len (out, tag + n, 4);
      out->str[n] = '-';
      return g_string_free (out, FALSE);
    }

  g_string_free (out, TRUE);
  return NULL;
}

/**
 * trellis_language_to_po:
 * @language: a language as trellis_language_normalize() gives it
 *
 * Returns: (transfer full): the language as gettext writes it, "pt_BR"
 */
char *
trellis_language_to_po (const char *language)
{
  char *po = g_strdup (language);
  char *dash = strchr (po, '-');

  if (dash != NULL)
    *dash = '_';

  return po;
}

typedef struct
{
  const char *code;
  const char *name;
} LanguageName;

/* The languages teams most often write in, for the choices of the
 * application; others are shown by their tag. */
static const LanguageName language_names[] = {
  { "ar", NC_("language", "Arabic") },
  { "bg", NC_("language", "Bulgarian") },
  { "ca", NC_("language", "Catalan") },
  { "cs", NC_("language", "Czech") },
  { "da", NC_("language", "Danish") },
  { "de", NC_("language", "German") },
  { "el", NC_("language", "Greek") },
  { "en", NC_("language", "English") },
  { "es", NC_("language", "Spanish") },
  { "et", NC_("language", "Estonian") },
  { "eu", NC_("language", "Basque") },
  { "fa", NC_("language", "Persian") },
  { "fi", NC_("language", "Finnish") },
  { "fr", NC_("language", "French") },
  { "fy", NC_("language", "Frisian") },
  { "ga", NC_("language", "Irish") },
  { "he", NC_("language", "Hebrew") },
  { "hi", NC_("language", "Hindi") },
  { "hr", NC_("language", "Croatian") },
  { "hu", NC_("language", "Hungarian") },
  { "id", NC_("language", "Indonesian") },
  { "is", NC_("language", "Icelandic") },
  { "it", NC_("language", "Italian") },
  { "ja", NC_("language", "Japanese") },
  { "ko", NC_("language", "Korean") },
  { "lt", NC_("language", "Lithuanian") },
  { "lv", NC_("language", "Latvian") },
  { "nb", NC_("language", "Norwegian Bokmål") },
  { "nl", NC_("language", "Dutch") },
  { "nn", NC_("language", "Norwegian Nynorsk") },
  { "pl", NC_("language", "Polish") },
  { "pt", NC_("language", "Portuguese") },
  { "ro", NC_("language", "Romanian") },
  { "ru", NC_("language", "Russian") },
  { "sk", NC_("language", "Slovak") },
  { "sl", NC_("language", "Slovenian") },
  { "sr", NC_("language", "Serbian") },
  { "sv", NC_("language", "Swedish") },
  { "tr", NC_("language", "Turkish") },
  { "uk", NC_("language", "Ukrainian") },
  { "vi", NC_("language", "Vietnamese") },
  { "zh", NC_("language", "Chinese") },
};

/**
 * trellis_language_dup_name:
 * @language: a language tag
 *
 * Returns: (transfer full): the language's name for people, with its
 *   tag: "German (de)", "Portuguese (pt-BR)", or the tag alone for a
 *   language Trellis has no name of
 */
char *
trellis_language_dup_name (const char *language)
{
  gsize n;

  g_return_val_if_fail (language != NULL, NULL);

  n = strcspn (language, "-_");
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    {
      if (strlen (language_names[i].code) == n && strncmp (language_names[i].code, language, n) == 0)
        /* Translators: a language and its code, e.g. “German (de)”. */
        return g_strdup_printf (C_("language", "%s (%s)"), g_dpgettext2 (GETTEXT_PACKAGE, "language", language_names[i].name),
                                language);
    }

  return g_strdup (language);
}

typedef struct
{
  const char *codes;  /* separated by spaces */
  const char *forms;
} PluralForms;

/* The plural forms of gettext's table of languages. A matrix's texts
 * have no plurals; the header needs them all the same for tools that
 * check it. */
static const PluralForms plural_forms[] = {
  { "ja ko th vi zh id ms", "nplurals=1; plural=0;" },
  { "fr pt-BR", "nplurals=2; plural=(n > 1);" },
  { "lv", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);" },
  { "ga", "nplurals=5; plural=n==1 ? 0 : n==2 ? 1 : (n>2 && n<7) ? 2 :(n>6 && n<11) ? 3 : 4;" },
  { "ro", "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);" },
  { "lt", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "ru uk be sr hr bs",
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "cs sk", "nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);" },
  { "pl", "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);" },
  { "sl", "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);" },
  { "ar", "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;" },
};

static gboolean
code_listed (const char *codes,
             const char *code,
             gsize       len)
{
  for (const char *p = codes; *p != '\0';)
    {
      gsize n = strcspn (p, " ");

      if (n == len && strncmp (p, code, len) == 0)
        return TRUE;
      p += n;
      while (*p == ' ')
        p++;
    }

  return FALSE;
}

/**
 * trellis_language_get_plural_forms:
 * @language: a language tag
 *
 * Returns: the language's plural forms as a PO header gives them; that of
 *   most languages, "nplurals=2; plural=(n != 1);", where gettext's table
 *   knows no other
 */
const char *
trellis_language_get_plural_forms (const char *language)
{
  gsize base = strcspn (language, "-_");

  /* The tag with its region first ("pt-BR"), then the language. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (plural_forms); i++)
      if (code_listed (plural_forms[i].codes, language, pass == 0 ? strlen (language) : base))
        return plural_forms[i].forms;

  return "nplurals=2; plural=(n != 1);";
}

/* Keys */

static const char * const part_keys[TRELLIS_N_TEXT_PARTS] = {
  [TRELLIS_TEXT_NAME] = "name",
  [TRELLIS_TEXT_DESCRIPTION] = "description",
  [TRELLIS_TEXT_VISION] = "vision",
  [TRELLIS_TEXT_MISSION] = "mission",
  [TRELLIS_TEXT_UNIT] = "unit",
  [TRELLIS_TEXT_BEHAVIOUR] = "behaviour",
  [TRELLIS_TEXT_LEVEL] = "level",
  [TRELLIS_TEXT_SCALE_NAME] = "scale level",
  [TRELLIS_TEXT_SCALE_DESCRIPTION] = "scale level",
};

/**
 * trellis_text_part_fits:
 * @kind: a kind of entity
 * @part: a part of a text
 *
 * Returns: whether entities of @kind have that text; the organisation
 *   has those of the scale too
 */
gboolean
trellis_text_part_fits (TrellisKind     kind,
                        TrellisTextPart part)
{
  switch (part)
    {
    case TRELLIS_TEXT_NAME:
      return kind != TRELLIS_KIND_PERSON && kind != TRELLIS_KIND_ACTION && kind != TRELLIS_KIND_FEEDBACK;
    case TRELLIS_TEXT_DESCRIPTION:
      return kind != TRELLIS_KIND_ORGANISATION && kind != TRELLIS_KIND_PERSON &&
             kind != TRELLIS_KIND_ACTION && kind != TRELLIS_KIND_FEEDBACK;
    case TRELLIS_TEXT_VISION:
    case TRELLIS_TEXT_MISSION:
    case TRELLIS_TEXT_SCALE_NAME:
    case TRELLIS_TEXT_SCALE_DESCRIPTION:
      return kind == TRELLIS_KIND_ORGANISATION;
    case TRELLIS_TEXT_UNIT:
      return kind == TRELLIS_KIND_INDICATOR;
    case TRELLIS_TEXT_BEHAVIOUR:
      return kind == TRELLIS_KIND_VALUE;
    case TRELLIS_TEXT_LEVEL:
      return kind == TRELLIS_KIND_COMPETENCY;
    case TRELLIS_N_TEXT_PARTS:
    default:
      return FALSE;
    }
}

static gboolean
index_fits (TrellisTextPart part,
            gint            index)
{
  switch (part)
    {
    case TRELLIS_TEXT_BEHAVIOUR:
      return index >= 0 && index < TRELLIS_MAX_BEHAVIOURS;
    case TRELLIS_TEXT_LEVEL:
    case TRELLIS_TEXT_SCALE_NAME:
    case TRELLIS_TEXT_SCALE_DESCRIPTION:
      return index >= TRELLIS_LEVEL_MIN && index <= TRELLIS_LEVEL_MAX;
    case TRELLIS_TEXT_NAME:
    case TRELLIS_TEXT_DESCRIPTION:
    case TRELLIS_TEXT_VISION:
    case TRELLIS_TEXT_MISSION:
    case TRELLIS_TEXT_UNIT:
    case TRELLIS_N_TEXT_PARTS:
    default:
      return index == 0;
    }
}

/**
 * trellis_text_key_format:
 * @part: a part
 * @index: its index
 *
 * Returns: (transfer full): the key of the text: "name", "behaviour 2",
 *   "level 3", "scale level 3 name"
 */
char *
trellis_text_key_format (TrellisTextPart part,
                         gint            index)
{
  g_return_val_if_fail (part < TRELLIS_N_TEXT_PARTS, NULL);

  switch (part)
    {
    case TRELLIS_TEXT_BEHAVIOUR:
      return g_strdup_printf ("behaviour %d", index + 1);
    case TRELLIS_TEXT_LEVEL:
      return g_strdup_printf ("level %d", index);
    case TRELLIS_TEXT_SCALE_DESCRIPTION:
      return g_strdup_printf ("scale level %d", index);
    case TRELLIS_TEXT_SCALE_NAME:
      return g_strdup_printf ("scale level %d name", index);
    case TRELLIS_TEXT_NAME:
    case TRELLIS_TEXT_DESCRIPTION:
    case TRELLIS_TEXT_VISION:
    case TRELLIS_TEXT_MISSION:
    case TRELLIS_TEXT_UNIT:
    case TRELLIS_N_TEXT_PARTS:
    default:
      return g_strdup (part_keys[part]);
    }
}

/* A number as keys write it: digits, no sign, no leading zero. */
static gboolean
parse_number (const char *s,
              gsize       len,
              gint        max,
              gint       *out)
{
  gint value = 0;

  if (len == 0 || len > 4 || (len > 1 && s[0] == '0'))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (s[i] - '0');
    }

  if (value > max)
    return FALSE;

  *out = value;
  return TRUE;
}

static gboolean
has_prefix (const char *s,
            gsize       len,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return len >= n && memcmp (s, prefix, n) == 0;
}

/**
 * trellis_text_key_parse:
 * @key: a key, not necessarily NUL-terminated
 * @len: its length
 * @part: (out): the part
 * @index: (out): its index
 *
 * Reads a key as trellis_text_key_format() writes it. Whether the
 * element has that text is for trellis_text_part_fits() to say.
 *
 * Returns: whether @key is a key
 */
gboolean
trellis_text_key_parse (const char      *key,
                        gsize            len,
                        TrellisTextPart *part,
                        gint            *index)
{
  if (has_prefix (key, len, "scale level "))
    {
      gsize n = len;

      if (len > strlen (" name") && memcmp (key + len - strlen (" name"), " name", strlen (" name")) == 0)
        {
          n = len - strlen (" name");
          *part = TRELLIS_TEXT_SCALE_NAME;
        }
      else
        *part = TRELLIS_TEXT_SCALE_DESCRIPTION;

      return parse_number (key + strlen ("scale level "), n - strlen ("scale level "), TRELLIS_LEVEL_MAX, index);
    }

  for (guint p = TRELLIS_TEXT_NAME; p <= TRELLIS_TEXT_UNIT; p++)
    {
      if (strlen (part_keys[p]) == len && memcmp (key, part_keys[p], len) == 0)
        {
          *part = p;
          *index = 0;
          return TRUE;
        }
    }

  if (has_prefix (key, len, "behaviour "))
    {
      gint n;

      if (!parse_number (key + strlen ("behaviour "), len - strlen ("behaviour "), TRELLIS_MAX_BEHAVIOURS, &n) || n == 0)
        return FALSE;
      *part = TRELLIS_TEXT_BEHAVIOUR;
      *index = n - 1;
      return TRUE;
    }

  if (has_prefix (key, len, "level "))
    {
      *part = TRELLIS_TEXT_LEVEL;
      return parse_number (key + strlen ("level "), len - strlen ("level "), TRELLIS_LEVEL_MAX, index);
    }

  return FALSE;
}

/**
 * trellis_text_ref_dup_context:
 * @ref: a text
 *
 * The name of a text, stable for as long as its element is there: the
 * element's id and the key, "c-listen|level 3"; "organisation|vision"
 * and "organisation|scale level 2 name" for the organisation's and the
 * scale's. An element whose id is "organisation" is named by its kind
 * too, "competency:organisation|name".
 *
 * Returns: (transfer full): the context of the text in a PO file
 */
char *
trellis_text_ref_dup_context (const TrellisTextRef *ref)
{
  g_autofree char *key = NULL;
  TrellisKind kind;
  const char *id;

  g_return_val_if_fail (ref != NULL && TRELLIS_IS_ENTITY (ref->entity), NULL);

  key = trellis_text_key_format (ref->part, ref->index);
  kind = trellis_entity_get_kind (ref->entity);
  if (kind == TRELLIS_KIND_ORGANISATION)
    return g_strconcat ("organisation|", key, NULL);

  id = trellis_entity_get_id (ref->entity);
  if (g_str_equal (id, "organisation"))
    return g_strconcat (trellis_kind_to_element (kind), ":", id, "|", key, NULL);

  return g_strconcat (id, "|", key, NULL);
}

/* What the texts without an index are, for a translator. */
static const char * const whole_texts[] = {
  [TRELLIS_TEXT_NAME] = N_("its name"),
  [TRELLIS_TEXT_DESCRIPTION] = N_("its description"),
  [TRELLIS_TEXT_VISION] = N_("its vision"),
  [TRELLIS_TEXT_MISSION] = N_("its mission"),
  /* Translators: the unit of an indicator's numbers, such as “%” or “calls”. */
  [TRELLIS_TEXT_UNIT] = N_("the unit of its numbers"),
};

/**
 * trellis_text_ref_dup_comment:
 * @ref: a text
 *
 * Returns: (transfer full): what the text is, for a translator: “Competency
 *   ‘Active listening’: what level 3 (Proficient) looks like”
 */
char *
trellis_text_ref_dup_comment (const TrellisTextRef *ref)
{
  g_autofree char *what = NULL;
  g_autofree char *whose = NULL;
  TrellisKind kind = trellis_entity_get_kind (ref->entity);

  switch (ref->part)
    {
    case TRELLIS_TEXT_NAME:
    case TRELLIS_TEXT_DESCRIPTION:
    case TRELLIS_TEXT_VISION:
    case TRELLIS_TEXT_MISSION:
    case TRELLIS_TEXT_UNIT:
      what = g_strdup (_(whole_texts[ref->part]));
      break;
    case TRELLIS_TEXT_BEHAVIOUR:
      /* Translators: %d counts a value's behaviours from 1. */
      what = g_strdup_printf (_("behaviour %d, a way the value shows in daily work"), ref->index + 1);
      break;
    case TRELLIS_TEXT_LEVEL:
      /* Translators: %d is a level of the scale. */
      what = g_strdup_printf (_("what level %d looks like in behaviour"), ref->index);
      break;
    case TRELLIS_TEXT_SCALE_NAME:
      /* Translators: %d is a level of the scale, such as 3. */
      what = g_strdup_printf (_("the name of level %d"), ref->index);
      break;
    case TRELLIS_TEXT_SCALE_DESCRIPTION:
      /* Translators: in a PO file of a matrix's texts, what a text is, after “The scale: ”; %d is a
       * level of the scale, e.g. 3. */
      what = g_strdup_printf (_("the description of level %d"), ref->index);
      break;
    case TRELLIS_N_TEXT_PARTS:
    default:
      g_return_val_if_reached (NULL);
    }

  if (ref->part == TRELLIS_TEXT_SCALE_NAME || ref->part == TRELLIS_TEXT_SCALE_DESCRIPTION)
    /* Translators: in a PO file, what a text is; %s is e.g. “the name of level 2”. */
    return g_strdup_printf (_("The scale: %s"), what);

  if (kind == TRELLIS_KIND_ORGANISATION)
    /* Translators: in a PO file, what a text is; %s is e.g. “its mission”. */
    return g_strdup_printf (_("The organisation: %s"), what);

  whose = trellis_entity_dup_label (ref->entity);
  /* Translators: in a PO file, what a text is: a kind of element (“Competency”),
   * its name in the original, and which of its texts, e.g. “its description”. */
  return g_strdup_printf (_("%s ‘%s’: %s"), trellis_kind_get_label (kind), whose, what);
}

/* The arrays */

static void
translation_free (gpointer data)
{
  TrellisTranslation *t = data;

  g_free (t->text);
  g_free (t);
}

/**
 * trellis_translations_new:
 *
 * Returns: (transfer full): an empty array for
 *   %TRELLIS_FIELD_TRANSLATIONS
 */
GPtrArray *
trellis_translations_new (void)
{
  return g_ptr_array_new_with_free_func (translation_free);
}

static TrellisTranslation *
translation_new (const char      *language,
                 TrellisTextPart  part,
                 gint             index,
                 const char      *text)
{
  TrellisTranslation *t = g_new0 (TrellisTranslation, 1);

  t->language = g_intern_string (language);
  t->part = part;
  t->index = index;
  t->text = g_strdup (text);

  return t;
}

static gint
compare_key (const TrellisTranslation *t,
             const char               *language,
             TrellisTextPart           part,
             gint                      index)
{
  gint c = t->language == language ? 0 : strcmp (t->language, language);

  if (c != 0)
    return c;
  if (t->part != part)
    return t->part < part ? -1 : 1;
  return t->index < index ? -1 : t->index > index ? 1 : 0;
}

/**
 * trellis_translations_copy_set:
 * @translations: (nullable): the current translations
 * @language: a normalised language tag
 * @part: which text
 * @index: its index
 * @text: (nullable): the translation; %NULL or empty drops it
 *
 * Returns: (transfer full): a new array, sorted by language, part and
 *   index, with the translation set
 */
GPtrArray *
trellis_translations_copy_set (GPtrArray       *translations,
                               const char      *language,
                               TrellisTextPart  part,
                               gint             index,
                               const char      *text)
{
  GPtrArray *copy = trellis_translations_new ();
  gboolean placed = text == NULL || text[0] == '\0';

  g_return_val_if_fail (language != NULL, copy);

  language = g_intern_string (language);
  for (guint i = 0; translations != NULL && i < translations->len; i++)
    {
      const TrellisTranslation *t = g_ptr_array_index (translations, i);
      gint c = compare_key (t, language, part, index);

      if (c > 0 && !placed)
        {
          g_ptr_array_add (copy, translation_new (language, part, index, text));
          placed = TRUE;
        }
      if (c != 0)
        g_ptr_array_add (copy, translation_new (t->language, t->part, t->index, t->text));
    }

  if (!placed)
    g_ptr_array_add (copy, translation_new (language, part, index, text));

  return copy;
}

/**
 * trellis_translations_lookup:
 * @translations: (nullable): an entity's translations
 * @language: (nullable): a language tag
 * @part: which text
 * @index: its index
 *
 * Returns: (nullable): the translation of that text into @language
 */
const char *
trellis_translations_lookup (GPtrArray       *translations,
                             const char      *language,
                             TrellisTextPart  part,
                             gint             index)
{
  if (translations == NULL || language == NULL || language[0] == '\0')
    return NULL;

  language = g_intern_string (language);
  for (guint i = 0; i < translations->len; i++)
    {
      const TrellisTranslation *t = g_ptr_array_index (translations, i);

      if (t->language == language && t->part == part && t->index == index)
        return t->text;
    }

  return NULL;
}

static guint
strv_len0 (const char * const *strv)
{
  return strv != NULL ? g_strv_length ((char **) strv) : 0;
}

/* For each behaviour of @after, the one of @before it was, or -1: the
 * same text at the same place, else the same text elsewhere, else (when
 * as many behaviours are left) the text at the same place, edited. */
static gint *
match_behaviours (const char * const *before,
                  const char * const *after)
{
  guint n_before = strv_len0 (before);
  guint n_after = strv_len0 (after);
  g_autofree gboolean *used = g_new0 (gboolean, n_before + 1);
  gint *from = g_new (gint, n_after + 1);

  for (guint j = 0; j < n_after; j++)
    {
      from[j] = -1;
      if (j < n_before && g_strcmp0 (before[j], after[j]) == 0)
        {
          from[j] = (gint) j;
          used[j] = TRUE;
        }
    }

  for (guint j = 0; j < n_after; j++)
    for (guint i = 0; from[j] < 0 && i < n_before; i++)
      if (!used[i] && g_strcmp0 (before[i], after[j]) == 0)
        {
          from[j] = (gint) i;
          used[i] = TRUE;
        }

  for (guint j = 0; n_before == n_after && j < n_after; j++)
    if (from[j] < 0 && !used[j])
      from[j] = (gint) j;

  return from;
}

/**
 * trellis_translations_follow_behaviours:
 * @translations: (nullable): a value's translations
 * @before: (nullable): its behaviours
 * @after: (nullable): its behaviours after an edit
 *
 * Behaviours are named by their position: when they are moved, added or
 * removed, their translations follow them. A behaviour whose text was
 * changed in place keeps its translation, as a name or a description
 * does; one removed loses it.
 *
 * Returns: (transfer full) (nullable): the translations after the edit,
 *   or %NULL when they stay as they are
 */
GPtrArray *
trellis_translations_follow_behaviours (GPtrArray          *translations,
                                        const char * const *before,
                                        const char * const *after)
{
  g_autoptr(GPtrArray) moved = NULL;
  g_autofree gint *from = NULL;
  guint n_after = strv_len0 (after);
  gboolean changed = FALSE;

  if (translations == NULL)
    return NULL;

  for (guint i = 0; i < translations->len && !changed; i++)
    changed = ((TrellisTranslation *) g_ptr_array_index (translations, i))->part == TRELLIS_TEXT_BEHAVIOUR;
  if (!changed)
    return NULL;

  from = match_behaviours (before, after);
  moved = trellis_translations_new ();
  for (guint i = 0; i < translations->len; i++)
    {
      const TrellisTranslation *t = g_ptr_array_index (translations, i);

      if (t->part != TRELLIS_TEXT_BEHAVIOUR)
        g_ptr_array_add (moved, translation_new (t->language, t->part, t->index, t->text));
      else
        for (guint j = 0; j < n_after; j++)
          if (from[j] == t->index)
            {
              g_autoptr(GPtrArray) next = trellis_translations_copy_set (moved, t->language, t->part, (gint) j, t->text);

              g_ptr_array_unref (moved);
              moved = g_steal_pointer (&next);
            }
    }

  /* Nothing moved: the array as it was. */
  changed = moved->len != translations->len;
  for (guint i = 0; i < moved->len && !changed; i++)
    {
      const TrellisTranslation *a = g_ptr_array_index (moved, i);
      const TrellisTranslation *b = g_ptr_array_index (translations, i);

      changed = compare_key (a, b->language, b->part, b->index) != 0 || strcmp (a->text, b->text) != 0;
    }

  return changed ? g_steal_pointer (&moved) : NULL;
}

/* Looking texts up */

static const TrellisScaleLevel *
scale_level (TrellisEntity *organisation,
             gint           level)
{
  GPtrArray *scale = trellis_entity_get_ptr_array (organisation, TRELLIS_FIELD_SCALE);

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *l = g_ptr_array_index (scale, i);

      if (l->value == level)
        return l;
    }

  return NULL;
}

/**
 * trellis_entity_get_original:
 * @self: an entity, or the organisation
 * @part: which text
 * @index: its index
 *
 * Returns: (nullable): the text as written in the matrix
 */
const char *
trellis_entity_get_original (TrellisEntity   *self,
                             TrellisTextPart  part,
                             gint             index)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);

  if (!trellis_text_part_fits (trellis_entity_get_kind (self), part))
    return NULL;

  switch (part)
    {
    case TRELLIS_TEXT_NAME:
      return trellis_entity_get_name (self);
    case TRELLIS_TEXT_DESCRIPTION:
      return trellis_entity_get_string (self, TRELLIS_FIELD_DESCRIPTION);
    case TRELLIS_TEXT_VISION:
      return trellis_entity_get_string (self, TRELLIS_FIELD_VISION);
    case TRELLIS_TEXT_MISSION:
      return trellis_entity_get_string (self, TRELLIS_FIELD_MISSION);
    case TRELLIS_TEXT_UNIT:
      return trellis_entity_get_string (self, TRELLIS_FIELD_UNIT);
    case TRELLIS_TEXT_BEHAVIOUR:
      {
        const char **behaviours = trellis_entity_get_strv (self, TRELLIS_FIELD_BEHAVIOURS);

        return index >= 0 && (guint) index < strv_len0 (behaviours) ? behaviours[index] : NULL;
      }
    case TRELLIS_TEXT_LEVEL:
      return trellis_level_texts_lookup (trellis_entity_get_ptr_array (self, TRELLIS_FIELD_LEVELS), index);
    case TRELLIS_TEXT_SCALE_NAME:
    case TRELLIS_TEXT_SCALE_DESCRIPTION:
      {
        const TrellisScaleLevel *l = scale_level (self, index);

        return l == NULL ? NULL : part == TRELLIS_TEXT_SCALE_NAME ? l->name : l->description;
      }
    case TRELLIS_N_TEXT_PARTS:
    default:
      return NULL;
    }
}

/**
 * trellis_entity_get_translation:
 * @self: an entity, or the organisation
 * @part: which text
 * @index: its index
 * @language: (nullable): a language tag
 *
 * Returns: (nullable): the translation kept for that text, whether or
 *   not its original is there
 */
const char *
trellis_entity_get_translation (TrellisEntity   *self,
                                TrellisTextPart  part,
                                gint             index,
                                const char      *language)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (self), NULL);

  if (!trellis_entity_has_field (self, TRELLIS_FIELD_TRANSLATIONS))
    return NULL;

  return trellis_translations_lookup (trellis_entity_get_ptr_array (self, TRELLIS_FIELD_TRANSLATIONS),
                                      language, part, index);
}

/**
 * trellis_entity_get_text:
 * @self: an entity, or the organisation
 * @part: which text
 * @index: its index
 * @language: (nullable): the language to show, %NULL for the original
 *
 * The one rule by which every view, report and export shows the matrix
 * in a language: a text's translation into @language where it has one,
 * else the original. A translation of a text that is empty in the
 * original is never shown.
 *
 * Returns: (nullable): the text to show
 */
const char *
trellis_entity_get_text (TrellisEntity   *self,
                         TrellisTextPart  part,
                         gint             index,
                         const char      *language)
{
  const char *original = trellis_entity_get_original (self, part, index);
  const char *translation;

  if (original == NULL || original[0] == '\0' || language == NULL)
    return original;

  translation = trellis_entity_get_translation (self, part, index, language);
  return translation != NULL ? translation : original;
}

/**
 * trellis_entity_get_name_in:
 * @self: an entity
 * @language: (nullable): the language to show, %NULL for the original
 *
 * Returns: (nullable): its name in @language, else as written
 */
const char *
trellis_entity_get_name_in (TrellisEntity *self,
                            const char    *language)
{
  /* People's names are theirs, in no other language. */
  if (language == NULL || !trellis_text_part_fits (trellis_entity_get_kind (self), TRELLIS_TEXT_NAME))
    return trellis_entity_get_name (self);

  return trellis_entity_get_text (self, TRELLIS_TEXT_NAME, 0, language);
}

/**
 * trellis_entity_dup_label_in:
 * @self: an entity
 * @language: (nullable): the language to show, %NULL for the original
 *
 * trellis_entity_dup_label() in @language.
 *
 * Returns: (transfer full): the label
 */
char *
trellis_entity_dup_label_in (TrellisEntity *self,
                             const char    *language)
{
  const char *name = trellis_entity_get_name_in (self, language);

  if (name != NULL && name[0] != '\0')
    return g_strdup (name);

  return trellis_entity_dup_label (self);
}

/**
 * trellis_document_get_level_name_in:
 * @self: a #TrellisDocument
 * @level: a level of its scale
 * @language: (nullable): the language to show, %NULL for the original
 *
 * Returns: (nullable): the level's name in @language, else as written
 */
const char *
trellis_document_get_level_name_in (TrellisDocument *self,
                                    gint             level,
                                    const char      *language)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return trellis_entity_get_text (TRELLIS_ENTITY (self->organisation), TRELLIS_TEXT_SCALE_NAME, level, language);
}

/**
 * trellis_document_get_language:
 * @self: a #TrellisDocument
 *
 * Returns: (nullable): the language the matrix is written in, as the
 *   file says (`xml:lang`)
 */
const char *
trellis_document_get_language (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  return self->lang;
}

/* The matrix's texts */

static void
add_text (GArray          *texts,
          TrellisEntity   *entity,
          TrellisTextPart  part,
          gint             index)
{
  TrellisTextRef ref = { entity, part, index, trellis_entity_get_original (entity, part, index) };

  if (ref.original != NULL && ref.original[0] != '\0')
    g_array_append_val (texts, ref);
}

static void
add_entity_texts (GArray        *texts,
                  TrellisEntity *e)
{
  TrellisKind kind = trellis_entity_get_kind (e);

  add_text (texts, e, TRELLIS_TEXT_NAME, 0);
  if (kind == TRELLIS_KIND_ORGANISATION)
    {
      GPtrArray *scale = trellis_entity_get_ptr_array (e, TRELLIS_FIELD_SCALE);

      add_text (texts, e, TRELLIS_TEXT_VISION, 0);
      add_text (texts, e, TRELLIS_TEXT_MISSION, 0);
      for (guint i = 0; scale != NULL && i < scale->len; i++)
        {
          const TrellisScaleLevel *l = g_ptr_array_index (scale, i);

          add_text (texts, e, TRELLIS_TEXT_SCALE_NAME, l->value);
          add_text (texts, e, TRELLIS_TEXT_SCALE_DESCRIPTION, l->value);
        }
      return;
    }

  add_text (texts, e, TRELLIS_TEXT_DESCRIPTION, 0);
  if (kind == TRELLIS_KIND_VALUE)
    {
      guint n = strv_len0 (trellis_entity_get_strv (e, TRELLIS_FIELD_BEHAVIOURS));

      for (guint i = 0; i < MIN (n, TRELLIS_MAX_BEHAVIOURS); i++)
        add_text (texts, e, TRELLIS_TEXT_BEHAVIOUR, (gint) i);
    }
  else if (kind == TRELLIS_KIND_COMPETENCY)
    {
      GPtrArray *levels = trellis_entity_get_ptr_array (e, TRELLIS_FIELD_LEVELS);

      for (guint i = 0; levels != NULL && i < levels->len; i++)
        add_text (texts, e, TRELLIS_TEXT_LEVEL, ((TrellisLevelText *) g_ptr_array_index (levels, i))->level);
    }
  else if (kind == TRELLIS_KIND_INDICATOR)
    add_text (texts, e, TRELLIS_TEXT_UNIT, 0);
}

static const TrellisKind text_kinds[] = {
  TRELLIS_KIND_VALUE, TRELLIS_KIND_RESULT, TRELLIS_KIND_COMPETENCY,
  TRELLIS_KIND_RESPONSIBILITY, TRELLIS_KIND_ROLE, TRELLIS_KIND_INDICATOR,
};

/**
 * trellis_document_list_texts:
 * @self: a #TrellisDocument
 *
 * Every text of the matrix that can be translated and is not empty, in
 * the order of the file: the organisation, the scale, then each element
 * of the sections, its name first.
 *
 * Returns: (transfer full) (element-type TrellisTextRef): the texts,
 *   valid until the document changes
 */
GArray *
trellis_document_list_texts (TrellisDocument *self)
{
  GArray *texts;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  texts = g_array_new (FALSE, FALSE, sizeof (TrellisTextRef));
  add_entity_texts (texts, TRELLIS_ENTITY (self->organisation));
  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    for (guint i = 0; i < trellis_document_get_n_items (self, text_kinds[k]); i++)
      add_entity_texts (texts, trellis_document_get_item (self, text_kinds[k], i));

  return texts;
}

/**
 * trellis_document_find_text:
 * @self: a #TrellisDocument
 * @context: the name of a text, as trellis_text_ref_dup_context() gives it
 * @out: (out caller-allocates): the text
 *
 * Returns: whether the matrix has that text, and it is not empty
 */
gboolean
trellis_document_find_text (TrellisDocument *self,
                            const char      *context,
                            TrellisTextRef  *out)
{
  const char *bar;
  g_autofree char *element = NULL;
  const char *colon;
  TrellisEntity *entity = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (context == NULL || (bar = strchr (context, '|')) == NULL)
    return FALSE;

  element = g_strndup (context, bar - context);
  colon = strchr (element, ':');
  if (g_str_equal (element, "organisation"))
    entity = TRELLIS_ENTITY (self->organisation);
  else if (colon != NULL)
    {
      const char *id = g_quark_to_string (g_quark_try_string (colon + 1));

      entity = id != NULL ? trellis_document_lookup (self, id) : NULL;
      if (entity != NULL &&
          (strlen (trellis_kind_to_element (trellis_entity_get_kind (entity))) != (gsize) (colon - element) ||
           strncmp (trellis_kind_to_element (trellis_entity_get_kind (entity)), element, colon - element) != 0))
        entity = NULL;
    }
  else
    {
      const char *id = g_quark_to_string (g_quark_try_string (element));

      entity = id != NULL ? trellis_document_lookup (self, id) : NULL;
    }

  if (entity == NULL ||
      !trellis_text_key_parse (bar + 1, strlen (bar + 1), &out->part, &out->index) ||
      !trellis_text_part_fits (trellis_entity_get_kind (entity), out->part))
    return FALSE;

  out->entity = entity;
  out->original = trellis_entity_get_original (entity, out->part, out->index);

  return out->original != NULL && out->original[0] != '\0';
}

static void
add_languages (GPtrArray     *languages,
               TrellisEntity *e)
{
  GPtrArray *translations = trellis_entity_get_ptr_array (e, TRELLIS_FIELD_TRANSLATIONS);

  for (guint i = 0; translations != NULL && i < translations->len; i++)
    {
      const char *language = ((TrellisTranslation *) g_ptr_array_index (translations, i))->language;

      if (!g_ptr_array_find (languages, language, NULL))
        g_ptr_array_add (languages, (gpointer) language);
    }
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * trellis_document_dup_languages:
 * @self: a #TrellisDocument
 *
 * Returns: (transfer full): the languages the matrix has translations
 *   into, sorted
 */
char **
trellis_document_dup_languages (TrellisDocument *self)
{
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();
  GStrvBuilder *builder = g_strv_builder_new ();
  char **result;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), NULL);

  add_languages (languages, TRELLIS_ENTITY (self->organisation));
  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    for (guint i = 0; i < trellis_document_get_n_items (self, text_kinds[k]); i++)
      add_languages (languages, trellis_document_get_item (self, text_kinds[k], i));

  g_ptr_array_sort (languages, compare_strings);
  for (guint i = 0; i < languages->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (languages, i));

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/**
 * trellis_document_count_translated:
 * @self: a #TrellisDocument
 * @language: a language tag
 * @n_texts: (out) (optional): how many texts the matrix has
 *
 * Returns: how many of the matrix's texts have a translation into
 *   @language
 */
guint
trellis_document_count_translated (TrellisDocument *self,
                                   const char      *language,
                                   guint           *n_texts)
{
  g_autoptr(GArray) texts = trellis_document_list_texts (self);
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      const TrellisTextRef *ref = &g_array_index (texts, TrellisTextRef, i);

      n += trellis_entity_get_translation (ref->entity, ref->part, ref->index, language) != NULL;
    }

  if (n_texts != NULL)
    *n_texts = texts->len;
  return n;
}

static gboolean
has_translations (TrellisEntity *e)
{
  GPtrArray *translations = trellis_entity_get_ptr_array (e, TRELLIS_FIELD_TRANSLATIONS);

  return translations != NULL && translations->len > 0;
}

/**
 * trellis_document_has_translations:
 * @self: a #TrellisDocument
 *
 * Returns: whether any text of the matrix has a translation kept
 */
gboolean
trellis_document_has_translations (TrellisDocument *self)
{
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);

  if (has_translations (TRELLIS_ENTITY (self->organisation)))
    return TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (text_kinds); k++)
    for (guint i = 0; i < trellis_document_get_n_items (self, text_kinds[k]); i++)
      if (has_translations (trellis_document_get_item (self, text_kinds[k], i)))
        return TRUE;

  return FALSE;
}

/* Editing */

/**
 * trellis_document_set_translation:
 * @self: a #TrellisDocument
 * @entity: an entity of the document, or its organisation
 * @part: a text the entity's kind has
 * @index: its index
 * @language: a language tag as trellis_language_normalize() gives it
 * @text: (nullable): the translation; %NULL or empty removes it
 *
 * Sets the translation of one text, as one undoable step. The original
 * is not changed.
 */
void
trellis_document_set_translation (TrellisDocument *self,
                                  TrellisEntity   *entity,
                                  TrellisTextPart  part,
                                  gint             index,
                                  const char      *language,
                                  const char      *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  GPtrArray *current;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (entity));
  g_return_if_fail (trellis_text_part_fits (trellis_entity_get_kind (entity), part));
  g_return_if_fail (index_fits (part, index));
  g_return_if_fail (language != NULL);

  normal = trellis_language_normalize (language, -1);
  g_return_if_fail (normal != NULL && g_str_equal (normal, language));

  if (text != NULL && text[0] == '\0')
    text = NULL;

  current = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_TRANSLATIONS);
  if (g_strcmp0 (trellis_translations_lookup (current, language, part, index), text) == 0)
    return;

  name = trellis_entity_dup_label (entity);
  label = text != NULL
          /* Translators: an undo step; %s names what was translated, e.g. “Active listening”. */
          ? g_strdup_printf (_("Translate ‘%s’"), name)
          /* Translators: an undo step; %s names the element. */
          : g_strdup_printf (_("Remove a translation of ‘%s’"), name);

  trellis_document_begin_group (self, label);
  trellis_document_take_ptr_array (self, entity, TRELLIS_FIELD_TRANSLATIONS,
                                   trellis_translations_copy_set (current, language, part, index, text));
  trellis_document_end_group (self);
}
