/* trellis-po.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-po"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-po.h"

/* PO files, as GNU gettext writes and reads them (the gettext manual,
 * "The Format of PO Files"): messages of an optional msgctxt, a msgid,
 * an optional msgid_plural and the msgstr (or msgstr[0], msgstr[1] …),
 * each a string in double quotes with C escapes, continued by further
 * strings on the lines below. Comments start with '#'; "#," holds the
 * flags, among them "fuzzy"; "#~" starts the lines of an obsolete
 * message, which is no message any more. The message with an empty
 * msgid and no context is the header: "Field: value" lines.
 *
 * The reader is strict where gettext is (a file msgfmt refuses is
 * refused, with the line) and reads only UTF-8, the encoding every PO
 * editor keeps. Input comes from outside: tests/fuzz/fuzz-po.c feeds it
 * arbitrary bytes. */

G_DEFINE_QUARK (trellis-po-error, trellis_po_error)

struct _TrellisPoFile
{
  GPtrArray *entries;   /* TrellisPoEntry */
  char      *header;    /* the header's msgstr, or NULL */
};

typedef struct
{
  const char    *data;
  gsize          len;
  gsize          pos;
  guint          line;
  GError       **error;
  TrellisPoFile *file;

  /* The message being read. */
  gboolean       started;
  guint          entry_line;
  GString       *context;
  GString       *id;
  GString       *plural;
  GString       *str;
  GString       *other;       /* msgstr[1] and further: read, not kept */
  GString       *current;     /* what a continued string adds to */
  guint          next_plural; /* the msgstr[N] expected next */
  gboolean       has_str;
  gboolean       fuzzy;       /* from the flags above it */
  gboolean       failed;
} Parser;

static void
entry_free (gpointer data)
{
  TrellisPoEntry *e = data;

  g_free (e->context);
  g_free (e->id);
  g_free (e->id_plural);
  g_free (e->str);
  g_free (e);
}

static void
fail (Parser     *p,
      guint       line,
      gint        code,
      const char *message)
{
  if (p->failed)
    return;

  p->failed = TRUE;
  /* Translators: a problem of a PO file: the line, then the problem. */
  g_set_error (p->error, TRELLIS_PO_ERROR, code, _("Line %u: %s"), line, message);
}

static void
string_free (GString *s)
{
  g_string_free (s, TRUE);
}

static void
reset_entry (Parser *p)
{
  p->started = FALSE;
  p->has_str = FALSE;
  p->fuzzy = FALSE;
  p->current = NULL;
  p->next_plural = 0;
  g_clear_pointer (&p->context, string_free);
  g_clear_pointer (&p->id, string_free);
  g_clear_pointer (&p->plural, string_free);
  g_clear_pointer (&p->str, string_free);
  g_clear_pointer (&p->other, string_free);
}

/* Whether @s is UTF-8 and free of NUL characters (an escape can make
 * one, which no text of a matrix holds). */
static gboolean
string_ok (Parser  *p,
           GString *s)
{
  if (s == NULL)
    return TRUE;

  if (memchr (s->str, '\0', s->len) != NULL)
    {
      fail (p, p->entry_line, TRELLIS_PO_ERROR_SYNTAX, _("A string holds a NUL character, which no text can hold."));
      return FALSE;
    }
  if (!g_utf8_validate (s->str, s->len, NULL))
    {
      fail (p, p->entry_line, TRELLIS_PO_ERROR_ENCODING,
            _("A string is not UTF-8 text. Save the file as UTF-8 (msgconv --to-code=UTF-8 does that)."));
      return FALSE;
    }

  return TRUE;
}

static char *
steal_string (GString **s)
{
  return *s != NULL ? g_string_free (g_steal_pointer (s), FALSE) : NULL;
}

/* Ends the message being read: it is complete, with its msgstr. */
static void
finish_entry (Parser *p)
{
  TrellisPoEntry *e;

  if (!p->started)
    return;

  if (!string_ok (p, p->context) || !string_ok (p, p->id) || !string_ok (p, p->plural) || !string_ok (p, p->str))
    return;

  if (p->context == NULL && p->id->len == 0)
    {
      if (p->file->header != NULL)
        {
          fail (p, p->entry_line, TRELLIS_PO_ERROR_SYNTAX, _("The file has two headers (messages with an empty msgid)."));
          return;
        }
      p->file->header = steal_string (&p->str);
      reset_entry (p);
      return;
    }

  e = g_new0 (TrellisPoEntry, 1);
  e->context = steal_string (&p->context);
  e->id = steal_string (&p->id);
  e->id_plural = steal_string (&p->plural);
  e->str = steal_string (&p->str);
  e->line = p->entry_line;
  e->fuzzy = p->fuzzy;
  g_ptr_array_add (p->file->entries, e);

  reset_entry (p);
}

static guint
hex_value (char c)
{
  return g_ascii_isdigit (c) ? (guint) (c - '0') : (guint) (g_ascii_tolower (c) - 'a' + 10);
}

/* Reads a string in double quotes from @s (at its opening quote) to the
 * end of the line into @out, undoing C escapes. */
static gboolean
read_string (Parser     *p,
             const char *s,
             const char *end,
             GString    *out)
{
  if (s >= end || *s != '"')
    {
      fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("A string in double quotes was expected here."));
      return FALSE;
    }

  for (s++; s < end && *s != '"'; s++)
    {
      char c = *s;

      if (c != '\\')
        {
          g_string_append_c (out, c);
          continue;
        }

      if (++s >= end)
        break;

      switch (*s)
        {
        case 'n': g_string_append_c (out, '\n'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 'a': g_string_append_c (out, '\a'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'v': g_string_append_c (out, '\v'); break;
        case '\\': case '"': case '\'': case '?':
          g_string_append_c (out, *s);
          break;
        case 'x':
          {
            guint value = 0;
            guint n = 0;

            while (s + 1 < end && g_ascii_isxdigit (s[1]) && n < 2)
              {
                value = value * 16 + hex_value (*++s);
                n++;
              }
            if (n == 0)
              {
                fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("The escape \\x needs hexadecimal digits."));
                return FALSE;
              }
            g_string_append_c (out, (char) value);
          }
          break;
        default:
          if (*s >= '0' && *s <= '7')
            {
              guint value = (guint) (*s - '0');

              for (guint n = 1; n < 3 && s + 1 < end && s[1] >= '0' && s[1] <= '7'; n++)
                value = value * 8 + (guint) (*++s - '0');
              g_string_append_c (out, (char) (value & 0xff));
            }
          else
            {
              fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX,
                    _("A string holds an unknown escape; write a backslash as \\\\."));
              return FALSE;
            }
        }
    }

  if (s >= end)
    {
      fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("A string does not end on its line with a double quote."));
      return FALSE;
    }

  /* More strings may follow on the line, as in C. */
  for (s++; s < end && (*s == ' ' || *s == '\t'); s++)
    ;
  if (s < end && *s == '"')
    return read_string (p, s, end, out);
  if (s < end)
    {
      fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("There is text after the end of a string."));
      return FALSE;
    }

  return TRUE;
}

static void
start_entry (Parser *p)
{
  if (p->started)
    return;

  p->started = TRUE;
  p->entry_line = p->line;
}

static GString *
begin_string (GString **slot)
{
  *slot = g_string_new (NULL);
  return *slot;
}

/* A line that starts with a keyword. */
static void
read_keyword (Parser     *p,
              const char *s,
              const char *end)
{
  const char *word = s;
  gsize n;

  while (s < end && (g_ascii_isalpha (*s) || *s == '_'))
    s++;
  n = s - word;

#define IS(w) (n == strlen (w) && memcmp (word, w, n) == 0)
  if (IS ("msgctxt") || IS ("msgid"))
    {
      gboolean context = IS ("msgctxt");

      if (p->has_str)
        finish_entry (p);
      if (p->failed)
        return;
      if (p->id != NULL || (context && p->context != NULL))
        {
          fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX,
                _("A message starts before the one above has its msgstr."));
          return;
        }
      start_entry (p);
      p->current = begin_string (context ? &p->context : &p->id);
    }
  else if (IS ("msgid_plural"))
    {
      if (p->id == NULL || p->plural != NULL || p->has_str)
        {
          fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("A msgid_plural must follow the msgid."));
          return;
        }
      p->current = begin_string (&p->plural);
    }
  else if (IS ("msgstr") && s < end && *s == '[')
    {
      guint index = 0;
      const char *digits = ++s;

      while (s < end && g_ascii_isdigit (*s) && s - digits < 4)
        index = index * 10 + (guint) (*s++ - '0');
      if (p->plural == NULL || s == digits || s >= end || *s != ']' || index != p->next_plural)
        {
          fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX,
                _("The forms msgstr[0], msgstr[1] … must follow a msgid_plural, in order."));
          return;
        }
      s++;
      p->next_plural++;
      p->has_str = TRUE;
      if (index == 0)
        p->current = begin_string (&p->str);
      else
        {
          if (p->other != NULL)
            g_string_free (p->other, TRUE);
          p->current = begin_string (&p->other);
        }
    }
  else if (IS ("msgstr"))
    {
      if (p->id == NULL || p->plural != NULL || p->has_str)
        {
          fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("A msgstr must follow its msgid."));
          return;
        }
      p->has_str = TRUE;
      p->current = begin_string (&p->str);
    }
  else
    {
      fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("This line is not part of a PO file."));
      return;
    }
#undef IS

  if (s < end && *s != ' ' && *s != '\t' && *s != '"')
    {
      fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("This line is not part of a PO file."));
      return;
    }
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;

  read_string (p, s, end, p->current);
}

/* "#, fuzzy, c-format": whether the flags include fuzzy. */
static gboolean
flags_have_fuzzy (const char *s,
                  const char *end)
{
  while (s < end)
    {
      const char *comma = memchr (s, ',', end - s);
      const char *stop = comma != NULL ? comma : end;
      const char *a = s;
      const char *b = stop;

      while (a < b && g_ascii_isspace (*a))
        a++;
      while (b > a && g_ascii_isspace (b[-1]))
        b--;
      if (b - a == 5 && memcmp (a, "fuzzy", 5) == 0)
        return TRUE;

      s = comma != NULL ? comma + 1 : end;
    }

  return FALSE;
}

static void
read_line (Parser     *p,
           const char *s,
           const char *end)
{
  while (s < end && (*s == ' ' || *s == '\t'))
    s++;

  if (s == end)
    return;

  if (*s == '#')
    {
      /* Comments belong to the message below: the one above is done. */
      if (p->has_str)
        finish_entry (p);
      else if (p->started)
        {
          fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("A comment comes between a msgid and its msgstr."));
          return;
        }
      if (s + 1 < end && s[1] == ',' && flags_have_fuzzy (s + 2, end))
        p->fuzzy = TRUE;
      return;
    }

  if (*s == '"')
    {
      if (p->current == NULL)
        {
          fail (p, p->line, TRELLIS_PO_ERROR_SYNTAX, _("A string stands here without a keyword such as msgid."));
          return;
        }
      read_string (p, s, end, p->current);
      return;
    }

  read_keyword (p, s, end);
}

/* The line of the byte at @offset, for a message. */
static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += data[i] == '\n';

  return line;
}

/* Whether the header's charset is UTF-8, or says nothing that matters
 * for a file of ASCII alone. */
static gboolean
charset_ok (const char *header,
            gboolean    ascii)
{
  const char *ct = header != NULL ? strstr (header, "charset=") : NULL;
  g_autofree char *charset = NULL;

  if (ct == NULL || ascii)
    return TRUE;

  ct += strlen ("charset=");
  charset = g_strndup (ct, strcspn (ct, " \t;\n"));

  return g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0;
}

/**
 * trellis_po_file_parse:
 * @data: the bytes of a PO file
 * @len: how many
 * @error: return location for a #GError in %TRELLIS_PO_ERROR
 *
 * Reads a PO file in UTF-8.
 *
 * Returns: (transfer full) (nullable): its messages and header
 */
TrellisPoFile *
trellis_po_file_parse (const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_autoptr(TrellisPoFile) file = NULL;
  const char *invalid = NULL;
  gboolean ascii = TRUE;
  Parser p = { 0 };

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > TRELLIS_PO_MAX_SIZE)
    {
      g_set_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_TOO_LARGE,
                   /* Translators: %u is a number of megabytes. */
                   _("The file is larger than %u MB; the texts of a matrix never are."),
                   (guint) (TRELLIS_PO_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (!g_utf8_validate (data, len, &invalid))
    {
      g_set_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_ENCODING,
                   /* Translators: shown when a PO file cannot be read (Translate Matrix Texts,
                    * trellis-cli po-import); %u is a line number, e.g. 12. Keep “msgconv
                    * --to-code=UTF-8”: it is a command. */
                   _("Line %u: The file is not UTF-8 text. Save it as UTF-8 (msgconv --to-code=UTF-8 does that)."),
                   line_of (data, invalid - data));
      return NULL;
    }

  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar) data[i] < 0x80;

  file = g_new0 (TrellisPoFile, 1);
  file->entries = g_ptr_array_new_with_free_func (entry_free);

  p.data = data;
  p.len = len;
  p.error = error;
  p.file = file;

  /* A byte order mark is no text. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p.pos = 3;

  while (p.pos < len && !p.failed)
    {
      const char *start = data + p.pos;
      const char *nl = memchr (start, '\n', len - p.pos);
      const char *end = nl != NULL ? nl : data + len;

      p.line++;
      p.pos = (gsize) (end - data) + (nl != NULL ? 1 : 0);
      if (end > start && end[-1] == '\r')
        end--;
      read_line (&p, start, end);
    }

  if (!p.failed && p.started && !p.has_str)
    fail (&p, p.entry_line, TRELLIS_PO_ERROR_SYNTAX, _("The last message has no msgstr."));
  if (!p.failed)
    finish_entry (&p);
  reset_entry (&p);

  if (p.failed)
    return NULL;

  if (!charset_ok (file->header, ascii))
    {
      g_set_error_literal (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_ENCODING,
                           _("The file says it is not in UTF-8. Save it as UTF-8 (msgconv --to-code=UTF-8 does that)."));
      return NULL;
    }

  return g_steal_pointer (&file);
}

void
trellis_po_file_free (TrellisPoFile *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->entries);
  g_free (self->header);
  g_free (self);
}

guint
trellis_po_file_get_n_entries (TrellisPoFile *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

const TrellisPoEntry *
trellis_po_file_get_entry (TrellisPoFile *self,
                           guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, index);
}

/**
 * trellis_po_file_dup_header:
 * @self: a PO file
 * @field: a field of the header, such as "Language"
 *
 * Returns: (transfer full) (nullable): the field's value, without the
 *   white space around it, or %NULL when the header has no such field
 */
char *
trellis_po_file_dup_header (TrellisPoFile *self,
                            const char    *field)
{
  gsize n = strlen (field);

  g_return_val_if_fail (self != NULL, NULL);

  for (const char *line = self->header; line != NULL && *line != '\0';)
    {
      const char *nl = strchr (line, '\n');
      const char *end = nl != NULL ? nl : line + strlen (line);

      if ((gsize) (end - line) > n && g_ascii_strncasecmp (line, field, n) == 0 && line[n] == ':')
        {
          const char *v = line + n + 1;

          while (v < end && g_ascii_isspace (*v))
            v++;
          while (end > v && g_ascii_isspace (end[-1]))
            end--;
          return g_strndup (v, end - v);
        }

      line = nl != NULL ? nl + 1 : NULL;
    }

  return NULL;
}

/* Writing */

/* The widest line gettext's tools write. */
#define PO_WIDTH 79

/* The width of UTF-8 text in columns: one per character. */
static gsize
columns (const char *s,
         gsize       len)
{
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    n += ((guchar) s[i] & 0xc0) != 0x80;

  return n;
}

static void
append_escaped (GString    *out,
                const char *s,
                gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      switch (s[i])
        {
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '"': g_string_append (out, "\\\""); break;
        default:
          if ((guchar) s[i] < 0x20)
            g_string_append_printf (out, "\\%03o", (guint) (guchar) s[i]);
          else
            g_string_append_c (out, s[i]);
        }
    }
}

/**
 * trellis_po_append_string:
 * @out: where to write
 * @keyword: "msgctxt", "msgid" or "msgstr"
 * @text: the string
 *
 * Writes a keyword and its string as gettext does: on one line where it
 * fits, else as an empty string followed by lines that end after each
 * line break of the text or at a space before the width of 79.
 */
void
trellis_po_append_string (GString    *out,
                          const char *keyword,
                          const char *text)
{
  g_autoptr(GString) escaped = g_string_new (NULL);
  const char *s = text;

  append_escaped (escaped, text, strlen (text));
  if (strlen (keyword) + columns (escaped->str, escaped->len) + 3 <= PO_WIDTH && strchr (text, '\n') == NULL)
    {
      g_string_append_printf (out, "%s \"%s\"\n", keyword, escaped->str);
      return;
    }

  g_string_append_printf (out, "%s \"\"\n", keyword);
  while (*s != '\0')
    {
      const char *nl = strchr (s, '\n');
      gsize piece = nl != NULL ? (gsize) (nl - s) + 1 : strlen (s);
      gsize cut = piece;
      g_autoptr(GString) line = g_string_new (NULL);

      /* The longest start of the piece that fits, ending after a space
       * or a hyphen inside a word, as gettext's tools break lines. */
      append_escaped (line, s, piece);
      if (columns (line->str, line->len) + 2 > PO_WIDTH)
        {
          gsize width = 0;
          gsize last_break = 0;

          for (gsize i = 0; i < piece; i++)
            {
              guchar c = (guchar) s[i];

              width += c == '\n' || c == '\t' || c == '\r' || c == '\\' || c == '"' ? 2
                       : c < 0x20 ? 4 : (c & 0xc0) == 0x80 ? 0 : 1;
              if (width + 2 > PO_WIDTH && last_break > 0)
                break;
              if (c == ' ' || (c == '-' && i > 0 && g_ascii_isalpha (s[i - 1]) && i + 1 < piece &&
                               g_ascii_isalpha (s[i + 1])))
                last_break = i + 1;
            }
          if (last_break > 0 && last_break < piece)
            cut = last_break;
          g_string_truncate (line, 0);
          append_escaped (line, s, cut);
        }

      g_string_append_printf (out, "\"%s\"\n", line->str);
      s += cut;
    }
}

/**
 * trellis_po_append_comment:
 * @out: where to write
 * @prefix: "#" for a translator's comment, "#." for an extracted one
 * @text: the comment, one or more lines
 */
void
trellis_po_append_comment (GString    *out,
                           const char *prefix,
                           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        g_string_append_printf (out, "%s\n", prefix);
      else
        g_string_append_printf (out, "%s %s\n", prefix, lines[i]);
    }
}

/* Reading */

/**
 * trellis_po_file_read:
 * @stream: a stream with a PO file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a PO file of at most %TRELLIS_PO_MAX_SIZE bytes from @stream.
 *
 * Returns: (transfer full) (nullable): its messages and header
 */
TrellisPoFile *
trellis_po_file_read (GInputStream  *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[64 * 1024];

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  for (;;)
    {
      gsize n = 0;

      if (!g_input_stream_read_all (stream, chunk, sizeof chunk, &n, cancellable, error))
        return NULL;
      if (n == 0)
        break;
      if (data->len + n > TRELLIS_PO_MAX_SIZE)
        {
          g_set_error (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_TOO_LARGE,
                       _("The file is larger than %u MB; the texts of a matrix never are."),
                       (guint) (TRELLIS_PO_MAX_SIZE / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
    }

  return trellis_po_file_parse ((const char *) data->data, data->len, error);
}

/**
 * trellis_po_file_load:
 * @file: a PO file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a PO file; only a regular file, not a pipe or a device.
 *
 * Returns: (transfer full) (nullable): its messages and header
 */
TrellisPoFile *
trellis_po_file_load (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a file but a folder, a device or a pipe; choose a PO file."));
      return NULL;
    }

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  return trellis_po_file_read (G_INPUT_STREAM (in), cancellable, error);
}
