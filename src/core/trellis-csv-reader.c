/* trellis-csv-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-csv"

#include "config.h"

#include <csv.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-csv-private.h"
#include "trellis-import.h"

/* Reading CSV as spreadsheet programs write it, streaming: the bytes are
 * decoded to UTF-8 (checked, or converted with GIConv), the cells are
 * found by libcsv, and each row is handed on with the number a
 * spreadsheet program would show for it. Nothing is kept but the row
 * being read, so a file of any length needs the same memory.
 *
 * The first 64 KiB decide what is not chosen: the encoding (a byte order
 * mark; else UTF-8 when those bytes are UTF-8; else Windows-1252, what
 * Excel writes in Western Europe) and the delimiter (see
 * trellis_csv_detect_delimiter(); Excel's "sep=;" first line wins).
 * Bytes further on that are not UTF-8 stop the reading with
 * %TRELLIS_IMPORT_ERROR_ENCODING, which the import takes as the sign to
 * read again as Windows-1252, when the encoding was its guess.
 *
 * Bounds: the file (TRELLIS_CSV_MAX_SIZE), a cell (TRELLIS_CSV_MAX_CELL),
 * a row's cells (TRELLIS_CSV_MAX_COLUMNS) and bytes (MAX_ROW_BYTES). A
 * zero byte, or many control characters, mean the file is not text. */

#define HEAD_SIZE     (64 * 1024)
#define CHUNK_SIZE    (64 * 1024)
#define MAX_ROW_BYTES (16 * 1024 * 1024)

typedef struct
{
  const char             *display_name;
  TrellisCsvRowFunc       func;
  gpointer                user_data;
  GError                 *error;
  gboolean                failed;     /* stop: error set, or func said so */

  /* The row being read: its cells one after the other, each ended by a
   * NUL, and where each starts. */
  char                   *buf;
  gsize                   buf_used;
  gsize                   buf_size;
  gsize                  *offsets;
  gsize                  *lengths;
  const char            **fields;
  guint                   n_fields;
  guint                   max_fields;

  guint                   rows;       /* rows ended so far */
  gboolean                after_cr;   /* the last row ended with a CR */
} Reader;

typedef struct
{
  TrellisCsvEncoding  encoding;
  GIConv              cd;             /* (GIConv) -1 for UTF-8 */
  char                carry[8];       /* the start of a character cut by a chunk */
  gsize               n_carry;
  char               *out;            /* converted text */
  gsize               out_size;
} Decoder;

static const char * const encoding_names[TRELLIS_N_CSV_ENCODINGS] = {
  "auto", "utf-8", "windows-1252", "utf-16le", "utf-16be",
};

/* For GIConv. */
static const char * const iconv_names[TRELLIS_N_CSV_ENCODINGS] = {
  NULL, "UTF-8", "WINDOWS-1252", "UTF-16LE", "UTF-16BE",
};

static const char * const encoding_labels[TRELLIS_N_CSV_ENCODINGS] = {
  N_("Detect automatically"),
  N_("Unicode (UTF-8)"),
  N_("Western European (Windows-1252)"),
  N_("Unicode (UTF-16, little endian)"),
  N_("Unicode (UTF-16, big endian)"),
};

const char *
trellis_csv_encoding_to_string (TrellisCsvEncoding encoding)
{
  g_return_val_if_fail (encoding < TRELLIS_N_CSV_ENCODINGS, NULL);

  return encoding_names[encoding];
}

gboolean
trellis_csv_encoding_from_string (const char         *str,
                                  TrellisCsvEncoding *out)
{
  static const struct { const char *name; TrellisCsvEncoding encoding; } aliases[] = {
    { "utf8", TRELLIS_CSV_ENCODING_UTF8 },
    { "cp1252", TRELLIS_CSV_ENCODING_WINDOWS_1252 },
    { "windows1252", TRELLIS_CSV_ENCODING_WINDOWS_1252 },
    { "latin1", TRELLIS_CSV_ENCODING_WINDOWS_1252 },
    { "iso-8859-1", TRELLIS_CSV_ENCODING_WINDOWS_1252 },
    { "utf16le", TRELLIS_CSV_ENCODING_UTF16LE },
    { "utf16be", TRELLIS_CSV_ENCODING_UTF16BE },
  };

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < TRELLIS_N_CSV_ENCODINGS; i++)
    {
      if (g_ascii_strcasecmp (str, encoding_names[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      if (g_ascii_strcasecmp (str, aliases[i].name) == 0)
        {
          *out = aliases[i].encoding;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
trellis_csv_encoding_get_label (TrellisCsvEncoding encoding)
{
  g_return_val_if_fail (encoding < TRELLIS_N_CSV_ENCODINGS, NULL);

  return _(encoding_labels[encoding]);
}

gboolean
trellis_csv_delimiter_from_string (const char *str,
                                   char       *out)
{
  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (strcmp (str, ",") == 0 || g_ascii_strcasecmp (str, "comma") == 0)
    *out = ',';
  else if (strcmp (str, ";") == 0 || g_ascii_strcasecmp (str, "semicolon") == 0)
    *out = ';';
  else if (strcmp (str, "\t") == 0 || g_ascii_strcasecmp (str, "tab") == 0)
    *out = '\t';
  else if (g_ascii_strcasecmp (str, "auto") == 0)
    *out = 0;
  else
    return FALSE;

  return TRUE;
}

const char *
trellis_csv_delimiter_get_label (char delimiter)
{
  switch (delimiter)
    {
    /* Translators: the character that separates the fields of a CSV file. */
    case ',':  return C_("delimiter", "Comma");
    /* Translators: the character that separates the fields of a CSV file. */
    case ';':  return C_("delimiter", "Semicolon");
    /* Translators: the character that separates the fields of a CSV file. */
    case '\t': return C_("delimiter", "Tab");
    case 0:    return _("Detect automatically");
    default:   return NULL;
    }
}

/* Errors */

static void
set_row_error (GError     **error,
               gint         code,
               const char  *display_name,
               guint        row,
               const char  *sentence)
{
  /* Translators: the first %s is a file name, %u a row number, the last %s a sentence saying what is wrong. */
  g_set_error (error, TRELLIS_IMPORT_ERROR, code, _("%s, row %u: %s"), display_name, row, sentence);
}

static void
reader_fail_row (Reader     *self,
                 gint        code,
                 const char *sentence)
{
  if (self->failed)
    return;

  self->failed = TRUE;
  set_row_error (&self->error, code, self->display_name, self->rows + 1, sentence);
}

/* libcsv's callbacks */

static gboolean
reader_grow (Reader *self,
             gsize   len)
{
  if (G_UNLIKELY (self->n_fields == self->max_fields))
    {
      if (self->max_fields >= TRELLIS_CSV_MAX_COLUMNS)
        {
          /* Translators: %u is the most columns a row may have (16384). */
          g_autofree char *msg = g_strdup_printf (_("The row has more than %u columns, more than a spreadsheet "
                                                    "holds. Check that this is a CSV file of people, "
                                                    "competencies or assessments."),
                                                  TRELLIS_CSV_MAX_COLUMNS);
          reader_fail_row (self, TRELLIS_IMPORT_ERROR_TOO_LARGE, msg);
          return FALSE;
        }
      self->max_fields = MIN (MAX (self->max_fields * 2, 16), TRELLIS_CSV_MAX_COLUMNS);
      self->offsets = g_renew (gsize, self->offsets, self->max_fields);
      self->lengths = g_renew (gsize, self->lengths, self->max_fields);
      self->fields = g_renew (const char *, self->fields, self->max_fields);
    }

  if (G_UNLIKELY (self->buf_used + len + 1 > self->buf_size))
    {
      if (self->buf_used + len + 1 > MAX_ROW_BYTES)
        {
          reader_fail_row (self, TRELLIS_IMPORT_ERROR_TOO_LARGE,
                           _("The row holds more than 16 MiB of text. Check that this is a CSV file of "
                             "people, competencies or assessments."));
          return FALSE;
        }
      self->buf_size = MAX (self->buf_size * 2, self->buf_used + len + 1);
      self->buf = g_realloc (self->buf, self->buf_size);
    }

  return TRUE;
}

/* Most cells are short: copied with a few fixed-size moves the
 * compiler inlines, rather than a call of memcpy for each. */
static inline void
copy_cell (char       *dest,
           const char *src,
           gsize       len)
{
  if (len >= 8 && len <= 16)
    {
      memcpy (dest, src, 8);
      memcpy (dest + len - 8, src + len - 8, 8);
    }
  else if (len >= 4 && len < 8)
    {
      memcpy (dest, src, 4);
      memcpy (dest + len - 4, src + len - 4, 4);
    }
  else if (len < 4)
    {
      for (gsize i = 0; i < len; i++)
        dest[i] = src[i];
    }
  else
    memcpy (dest, src, len);
}

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  Reader *self = user_data;

  if (G_UNLIKELY (self->failed))
    return;

  if (G_UNLIKELY (len > TRELLIS_CSV_MAX_CELL))
    {
      reader_fail_row (self, TRELLIS_IMPORT_ERROR_TOO_LARGE,
                       _("A cell holds more than 1 MiB of text, which no list of people, competencies or "
                         "assessments does. Check the quotes (\") of that row."));
      return;
    }

  if (G_UNLIKELY (!reader_grow (self, len)))
    return;

  /* Trellis writes a text that a spreadsheet would run as a formula
   * after an apostrophe: see trellis-csv-writer.c. */
  if (len >= 2 && ((const char *) data)[0] == '\'' && strchr ("=+-@", ((const char *) data)[1]) != NULL)
    {
      data = (char *) data + 1;
      len--;
    }

  copy_cell (self->buf + self->buf_used, data, len);
  self->buf[self->buf_used + len] = '\0';
  self->offsets[self->n_fields] = self->buf_used;
  self->lengths[self->n_fields] = len;
  self->n_fields++;
  self->buf_used += len + 1;
}

static void
row_cb (int   c,
        void *user_data)
{
  Reader *self = user_data;
  TrellisCsvRow row;
  gboolean after_cr = self->after_cr;

  if (G_UNLIKELY (self->failed))
    return;

  self->after_cr = c == CSV_CR;

  /* libcsv reports every line end (CSV_REPALL_NL), so that blank rows
   * are counted as a spreadsheet program counts them; the LF of a CRLF
   * comes as a row of its own, which is not one. */
  if (self->n_fields == 0 && c == CSV_LF && after_cr)
    return;

  for (guint i = 0; i < self->n_fields; i++)
    self->fields[i] = self->buf + self->offsets[i];

  row.number = ++self->rows;
  row.n_fields = self->n_fields;
  row.fields = self->fields;
  row.lengths = self->lengths;

  self->n_fields = 0;
  self->buf_used = 0;

  if (!self->func (&row, self->user_data, &self->error))
    self->failed = TRUE;
}

/* Decoding */

/* The length of the longest prefix of @s that is UTF-8 without a zero
 * byte. Most text is ASCII: eight bytes at a time until a byte is zero
 * or not ASCII. */
static gsize
utf8_prefix (const char *s,
             gsize       len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  while (i < len)
    {
      guchar c;

      while (i + 8 <= len)
        {
          guint64 v;

          memcpy (&v, s + i, 8);
          if (((v - ones) & ~v & highs) != 0 || (v & highs) != 0)
            break;
          i += 8;
        }
      if (i >= len)
        break;

      c = (guchar) s[i];
      if (c == 0)
        return i;
      if (c < 0x80)
        {
          i++;
          continue;
        }
      if ((gint32) g_utf8_get_char_validated (s + i, (gssize) (len - i)) < 0)
        return i;
      i += g_utf8_skip[c];
    }

  return i;
}

/* Whether the bytes from @s on could be the start of one UTF-8
 * character cut short by the end of a chunk. */
static gboolean
utf8_incomplete (const char *s,
                 gsize       len)
{
  return len > 0 && len < 4 && (guchar) s[0] >= 0xC2 &&
         (gsize) g_utf8_skip[(guchar) s[0]] > len &&
         g_utf8_get_char_validated (s, (gssize) len) == (gunichar) -2;
}

static gboolean
decoder_init (Decoder            *self,
              TrellisCsvEncoding  encoding,
              GError            **error)
{
  self->encoding = encoding;
  self->cd = (GIConv) -1;
  self->n_carry = 0;
  self->out = NULL;
  self->out_size = 0;

  if (encoding == TRELLIS_CSV_ENCODING_UTF8)
    return TRUE;

  self->cd = g_iconv_open ("UTF-8", iconv_names[encoding]);
  if (self->cd == (GIConv) -1)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_ENCODING,
                   /* Translators: a spreadsheet import error; %s is the name of a character encoding,
                    * e.g. “Windows-1252”. */
                   _("This system cannot convert text from %s. Save the spreadsheet as CSV UTF-8 and import that."),
                   trellis_csv_encoding_get_label (encoding));
      return FALSE;
    }

  return TRUE;
}

static void
decoder_clear (Decoder *self)
{
  if (self->cd != (GIConv) -1)
    g_iconv_close (self->cd);
  self->cd = (GIConv) -1;
  g_clear_pointer (&self->out, g_free);
}

/* Feeds decoded text to libcsv. */
static void
feed (struct csv_parser *parser,
      Reader            *reader,
      const char        *text,
      gsize              len)
{
  if (len == 0 || reader->failed)
    return;

  csv_parse (parser, text, len, field_cb, row_cb, reader);

  /* A cell still open that is already too long: a quote never closed,
   * most likely, reading on through the whole file. */
  if (!reader->failed && parser->entry_pos > TRELLIS_CSV_MAX_CELL)
    field_cb (NULL, parser->entry_pos, reader);
}

static void
fail_encoding (Reader             *reader,
               TrellisCsvEncoding  encoding)
{
  g_autofree char *msg = NULL;

  if (encoding == TRELLIS_CSV_ENCODING_UTF8)
    msg = g_strdup (_("It holds bytes that are not UTF-8 text. Choose the file’s encoding (Excel in "
                      "Western Europe writes Windows-1252) and import it again."));
  else
    /* Translators: %s is the name of a character encoding. */
    msg = g_strdup_printf (_("It holds bytes that are not text in %s. Choose the file’s encoding and import "
                             "it again."), trellis_csv_encoding_get_label (encoding));

  reader_fail_row (reader, TRELLIS_IMPORT_ERROR_ENCODING, msg);
}

static void
fail_zero_byte (Reader *reader)
{
  reader_fail_row (reader, TRELLIS_IMPORT_ERROR_NOT_TEXT,
                   _("It holds a zero byte, which text never does: this is not a CSV file. Save the "
                     "spreadsheet as CSV and import that."));
}

/* UTF-8 needs no conversion, only a check; a character cut by the end of
 * the chunk waits for the next one. */
static void
decode_utf8 (Decoder           *self,
             struct csv_parser *parser,
             Reader            *reader,
             const char        *in,
             gsize              len,
             gboolean           last)
{
  gsize valid;

  while (self->n_carry > 0 && len > 0)
    {
      gsize n;

      self->carry[self->n_carry++] = *in++;
      len--;
      n = utf8_prefix (self->carry, self->n_carry);
      if (n == self->n_carry)
        {
          feed (parser, reader, self->carry, n);
          self->n_carry = 0;
        }
      else if (!utf8_incomplete (self->carry, self->n_carry))
        {
          fail_encoding (reader, TRELLIS_CSV_ENCODING_UTF8);
          return;
        }
    }

  valid = utf8_prefix (in, len);
  feed (parser, reader, in, valid);
  if (valid == len)
    {
      if (last && self->n_carry > 0)
        fail_encoding (reader, TRELLIS_CSV_ENCODING_UTF8);
      return;
    }

  if (in[valid] == '\0')
    fail_zero_byte (reader);
  else if (!last && utf8_incomplete (in + valid, len - valid))
    {
      memcpy (self->carry, in + valid, len - valid);
      self->n_carry = len - valid;
    }
  else
    fail_encoding (reader, TRELLIS_CSV_ENCODING_UTF8);
}

static void
decode_iconv (Decoder           *self,
              struct csv_parser *parser,
              Reader            *reader,
              const char        *in,
              gsize              len,
              gboolean           last)
{
  g_autofree char *joined = NULL;
  char *inbuf;
  gsize inleft;

  if (self->n_carry > 0)
    {
      joined = g_malloc (self->n_carry + len);
      memcpy (joined, self->carry, self->n_carry);
      memcpy (joined + self->n_carry, in, len);
      inbuf = joined;
      inleft = self->n_carry + len;
      self->n_carry = 0;
    }
  else
    {
      inbuf = (char *) in;
      inleft = len;
    }

  if (self->out_size < inleft * 3 + 16)
    {
      self->out_size = inleft * 3 + 16;
      self->out = g_realloc (self->out, self->out_size);
    }

  while (inleft > 0 && !reader->failed)
    {
      char *outbuf = self->out;
      gsize outleft = self->out_size;
      gsize res = g_iconv (self->cd, &inbuf, &inleft, &outbuf, &outleft);
      gsize produced = self->out_size - outleft;
      int saved = errno;

      if (memchr (self->out, '\0', produced) != NULL)
        {
          fail_zero_byte (reader);
          return;
        }
      feed (parser, reader, self->out, produced);

      if (res != (gsize) -1)
        break;
      if (saved == E2BIG)
        continue;
      if (saved == EINVAL && !last && inleft < sizeof self->carry)
        {
          memcpy (self->carry, inbuf, inleft);
          self->n_carry = inleft;
          return;
        }
      fail_encoding (reader, self->encoding);
      return;
    }

  if (last && self->n_carry > 0)
    fail_encoding (reader, self->encoding);
}

static void
decode (Decoder           *self,
        struct csv_parser *parser,
        Reader            *reader,
        const char        *in,
        gsize              len,
        gboolean           last)
{
  if (self->encoding == TRELLIS_CSV_ENCODING_UTF8)
    decode_utf8 (self, parser, reader, in, len, last);
  else
    decode_iconv (self, parser, reader, in, len, last);
}

/* Detecting what the file is */

static gboolean
read_head (GInputStream  *stream,
           char          *head,
           gsize         *len,
           GCancellable  *cancellable,
           GError       **error)
{
  return g_input_stream_read_all (stream, head, HEAD_SIZE, len, cancellable, error);
}

static gboolean
check_text (const char    *display_name,
            const guchar  *head,
            gsize          len,
            GError       **error)
{
  gsize controls = 0;

  /* XLSX and ODS are zip files; XLS an OLE2 compound file. */
  if ((len >= 4 && memcmp (head, "PK\003\004", 4) == 0) ||
      (len >= 8 && memcmp (head, "\320\317\021\340\241\261\032\341", 8) == 0))
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_NOT_TEXT,
                   /* Translators: a spreadsheet import error; %s is a file name, e.g. “team.xlsx”. */
                   _("%s is a workbook (XLSX, ODS or XLS), not a CSV file. Open it in your spreadsheet "
                     "program, save the sheet as CSV, and import that."), display_name);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (head[i] == 0)
        {
          controls = len;
          break;
        }
      if (head[i] < 0x20 && head[i] != '\t' && head[i] != '\n' && head[i] != '\r' && head[i] != '\f')
        controls++;
    }

  if (controls * 100 > len)
    {
      g_set_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_NOT_TEXT,
                   /* Translators: a spreadsheet import error; %s is a file name, e.g. “photo.jpg”. */
                   _("%s is not a text file, so it cannot be a spreadsheet saved as CSV. Save the "
                     "spreadsheet as CSV and import that."), display_name);
      return FALSE;
    }

  return TRUE;
}

/* The encoding of a file starting with @head, and how long its byte
 * order mark is. */
static TrellisCsvEncoding
detect_encoding (const char *head,
                 gsize       len,
                 gboolean    complete,
                 gsize      *bom)
{
  gsize valid;

  *bom = 0;
  if (len >= 3 && memcmp (head, "\357\273\277", 3) == 0)
    {
      *bom = 3;
      return TRELLIS_CSV_ENCODING_UTF8;
    }
  if (len >= 2 && memcmp (head, "\377\376", 2) == 0)
    {
      *bom = 2;
      return TRELLIS_CSV_ENCODING_UTF16LE;
    }
  if (len >= 2 && memcmp (head, "\376\377", 2) == 0)
    {
      *bom = 2;
      return TRELLIS_CSV_ENCODING_UTF16BE;
    }

  valid = utf8_prefix (head, len);
  if (valid == len || (!complete && utf8_incomplete (head + valid, len - valid)))
    return TRELLIS_CSV_ENCODING_UTF8;

  return TRELLIS_CSV_ENCODING_WINDOWS_1252;
}

/* The length of a byte order mark of @encoding at the start of @head. */
static gsize
bom_length (TrellisCsvEncoding  encoding,
            const char         *head,
            gsize               len)
{
  switch (encoding)
    {
    case TRELLIS_CSV_ENCODING_UTF8:
      return len >= 3 && memcmp (head, "\357\273\277", 3) == 0 ? 3 : 0;
    case TRELLIS_CSV_ENCODING_UTF16LE:
      return len >= 2 && memcmp (head, "\377\376", 2) == 0 ? 2 : 0;
    case TRELLIS_CSV_ENCODING_UTF16BE:
      return len >= 2 && memcmp (head, "\376\377", 2) == 0 ? 2 : 0;
    case TRELLIS_CSV_ENCODING_AUTO:
    case TRELLIS_CSV_ENCODING_WINDOWS_1252:
    case TRELLIS_N_CSV_ENCODINGS:
    default:
      return 0;
    }
}

/**
 * trellis_csv_detect_delimiter:
 * @text: the start of a file, decoded
 * @len: its length
 * @complete: whether it is the whole file (else its last line may be cut)
 *
 * Which of `,`, `;` and tab separates the cells: the one that splits the
 * first lines (up to 50) into the same number of cells as the header,
 * most often; on a tie, the one that gives the header more cells. Quoted
 * text does not count. A file whose header has none of the three is a
 * single column, and comma-separated.
 *
 * Returns: the delimiter
 */
char
trellis_csv_detect_delimiter (const char *text,
                              gsize       len,
                              gboolean    complete)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best = ',';
  guint best_agree = 0;
  guint best_header = 0;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      char d = candidates[k];
      gboolean quoted = FALSE;
      guint line = 0;
      guint count = 0;
      guint header = 0;
      guint agree = 0;

      for (gsize i = 0; i < len && line < 50; i++)
        {
          char c = text[i];

          if (c == '"')
            quoted = !quoted;
          else if (quoted)
            continue;
          else if (c == d)
            count++;
          else if (c == '\n' || (c == '\r' && (i + 1 >= len || text[i + 1] != '\n')))
            {
              if (line == 0)
                header = count;
              else if (count == header)
                agree++;
              count = 0;
              line++;
            }
        }
      /* The last line counts only when the file ends there. */
      if (complete && count > 0)
        {
          if (line == 0)
            header = count;
          else if (count == header)
            agree++;
        }

      if (header == 0)
        continue;
      if (agree > best_agree || (agree == best_agree && header > best_header))
        {
          best = d;
          best_agree = agree;
          best_header = header;
        }
    }

  return best;
}

/* Excel's own hint, "sep=;" on a line of its own before the header.
 * Returns the length of that line, or 0. */
static gsize
sep_line (const char *text,
          gsize       len,
          char       *delimiter)
{
  gsize n = 5;

  if (len < 5 || g_ascii_strncasecmp (text, "sep=", 4) != 0)
    return 0;
  if (text[4] != ',' && text[4] != ';' && text[4] != '\t')
    return 0;
  if (n < len && text[n] == '\r')
    n++;
  if (n < len && text[n] == '\n')
    n++;
  else if (n < len && text[n - 1] != '\r')
    return 0;

  *delimiter = text[4];
  return n;
}

/* Decodes the head on its own, to find the delimiter in it. */
static char *
decode_head (TrellisCsvEncoding  encoding,
             const char         *head,
             gsize               len,
             gsize              *out_len)
{
  gsize read = 0;
  char *text;

  if (encoding == TRELLIS_CSV_ENCODING_UTF8)
    {
      *out_len = utf8_prefix (head, len);
      return g_strndup (head, *out_len);
    }

  /* A character cut at the end, or a bad byte, ends the text early; the
   * real decoding reports it where it is. */
  text = g_convert (head, (gssize) len, "UTF-8", iconv_names[encoding], &read, out_len, NULL);
  if (text == NULL && read > 0)
    text = g_convert (head, (gssize) read, "UTF-8", iconv_names[encoding], NULL, out_len, NULL);
  if (text == NULL)
    {
      *out_len = 0;
      return g_strdup ("");
    }

  return text;
}

static void
reader_clear (Reader *self)
{
  g_clear_pointer (&self->buf, g_free);
  g_clear_pointer (&self->offsets, g_free);
  g_clear_pointer (&self->lengths, g_free);
  g_clear_pointer (&self->fields, g_free);
  g_clear_error (&self->error);
}

/* The end of the file: the last row, if it has no line end, and a quote
 * still open. */
static void
finish (struct csv_parser *parser,
        Reader            *reader)
{
  if (reader->failed)
    return;

  /* libcsv checks this only in its strict mode, which also refuses a
   * stray quote inside a cell (5" screen) that spreadsheets accept: look
   * at its state, as csv_fini() would. In libcsv 3 a quoted cell still
   * open is in its third state, FIELD_BEGUN. */
  if (parser->quoted && parser->pstate == 2)
    reader_fail_row (reader, TRELLIS_IMPORT_ERROR_MALFORMED,
                     _("A quoted cell that starts in this row is never closed. Check the quotes (\") "
                       "of the row: a quote inside a cell is written twice (\"\")."));
  else if (csv_fini (parser, field_cb, row_cb, reader) != 0 && !reader->failed)
    reader_fail_row (reader, TRELLIS_IMPORT_ERROR_MALFORMED,
                     _("A quoted cell that starts in this row is never closed. Check the quotes (\") "
                       "of the row: a quote inside a cell is written twice (\"\")."));
}

/**
 * trellis_csv_read:
 * @stream: the file
 * @display_name: its name, for messages
 * @format: (inout): what was chosen; on return, what was found
 * @func: receives each row
 * @user_data: data for @func
 * @progress: (nullable): told the bytes read after each chunk
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a CSV file row by row (see the top of this file).
 *
 * Returns: %TRUE when the file was read to its end, or @func stopped
 *   without an error
 */
gboolean
trellis_csv_read (GInputStream           *stream,
                  const char             *display_name,
                  TrellisCsvFormat       *format,
                  TrellisCsvRowFunc       func,
                  gpointer                user_data,
                  TrellisCsvProgressFunc  progress,
                  gpointer                progress_data,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_autofree char *head = g_malloc (HEAD_SIZE);
  g_autofree char *chunk = NULL;
  g_autofree char *text = NULL;
  struct csv_parser parser;
  Decoder decoder;
  Reader reader = { 0 };
  gsize head_len = 0;
  gsize text_len = 0;
  gsize bom = 0;
  gsize skip = 0;
  guint64 total;
  gboolean complete;
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!read_head (stream, head, &head_len, cancellable, error))
    return FALSE;
  complete = head_len < HEAD_SIZE;
  total = head_len;

  if (format->encoding == TRELLIS_CSV_ENCODING_AUTO)
    format->encoding = detect_encoding (head, head_len, complete, &bom);
  else
    bom = bom_length (format->encoding, head, head_len);
  format->bom = bom > 0;

  if (format->encoding != TRELLIS_CSV_ENCODING_UTF16LE && format->encoding != TRELLIS_CSV_ENCODING_UTF16BE &&
      !check_text (display_name, (const guchar *) head, head_len, error))
    return FALSE;

  text = decode_head (format->encoding, head + bom, head_len - bom, &text_len);
  if (format->delimiter == 0 || text_len > 0)
    {
      char hinted = 0;
      gsize sep = sep_line (text, text_len, &hinted);

      if (sep > 0)
        {
          /* The hint is ASCII: as many bytes in UTF-8 as characters. */
          skip = sep * (format->encoding == TRELLIS_CSV_ENCODING_UTF16LE ||
                        format->encoding == TRELLIS_CSV_ENCODING_UTF16BE ? 2 : 1);
          if (format->delimiter == 0)
            format->delimiter = hinted;
        }
      if (format->delimiter == 0)
        format->delimiter = trellis_csv_detect_delimiter (text + sep, text_len - sep, complete);
    }

  if (!decoder_init (&decoder, format->encoding, error))
    return FALSE;

  csv_init (&parser, CSV_APPEND_NULL | CSV_STRICT_FINI | CSV_REPALL_NL);
  csv_set_delim (&parser, (unsigned char) format->delimiter);
  csv_set_blk_size (&parser, 4096);
  reader.display_name = display_name;
  reader.func = func;
  reader.user_data = user_data;

  decode (&decoder, &parser, &reader, head + bom + skip, head_len - bom - skip, complete);
  if (progress != NULL)
    progress (total, progress_data);

  chunk = g_malloc (CHUNK_SIZE);
  while (!complete && !reader.failed)
    {
      gssize n = g_input_stream_read (stream, chunk, CHUNK_SIZE, cancellable, &reader.error);

      if (n < 0)
        {
          reader.failed = TRUE;
          break;
        }
      total += (guint64) n;
      if (total > TRELLIS_CSV_MAX_SIZE)
        {
          g_set_error (&reader.error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_TOO_LARGE,
                       /* Translators: a spreadsheet import error; %s is a file name, e.g. “team.csv”. */
                       _("%s is larger than 512 MiB, more than any team’s spreadsheet. Import it in parts."),
                       display_name);
          reader.failed = TRUE;
          break;
        }
      complete = n == 0;
      decode (&decoder, &parser, &reader, chunk, (gsize) n, complete);
      if (progress != NULL)
        progress (total, progress_data);
    }

  finish (&parser, &reader);
  csv_free (&parser);
  decoder_clear (&decoder);

  ok = reader.error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&reader.error));
  reader_clear (&reader);

  return ok;
}
