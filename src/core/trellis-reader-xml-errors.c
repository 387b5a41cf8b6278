/* trellis-reader-xml-errors.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-reader-xml-errors"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-reader-private.h"

/* What libxml2 finds wrong with a file, in the reader's words: every
 * error of the XML parser and of namespaces (xmlParserErrors) that can
 * reach a user becomes a translated sentence saying what is wrong at the
 * line, never libxml2's own English text. Several errors share a
 * sentence; where libxml2 gives one code to different mistakes (a '<' or
 * an '&' without a name), the bytes where it stopped tell them apart. */

/* Whether the bytes before @at end a character reference, “&#…;”. */
static gboolean
after_char_ref (const guchar *at,
                gsize         n_before)
{
  gsize n = MIN (n_before, 16);

  if (n < 4 || at[-1] != ';')
    return FALSE;

  for (gsize i = 2; i <= n - 1; i++)
    {
      if (at[-(gssize) i - 1] == '&' && at[-(gssize) i] == '#')
        return TRUE;
    }

  return FALSE;
}

/* Whether the bytes at @at start with @prefix. */
static gboolean
at_has (const guchar *at,
        gsize         n_after,
        const char   *prefix)
{
  gsize n = strlen (prefix);

  return n_after >= n && memcmp (at, prefix, n) == 0;
}

/* A declaration (<!…>) other than a comment or a CDATA section. */
static gboolean
at_declaration (const guchar *at,
                gsize         n_after)
{
  return at_has (at, n_after, "<!") && !at_has (at, n_after, "<!--") && !at_has (at, n_after, "<![CDATA[");
}

/* One case for every error code of libxml2's XML parser and namespaces,
 * each named, grouped by the sentence it gets: a long function, but one
 * table to read, which the test of every code checks against. */
TrellisXmlProblem
trellis_reader_classify_xml_error (gint          code,
                                   const char   *str1,
                                   gint          int1,
                                   const guchar *at,
                                   gsize         n_before,
                                   gsize         n_after)
{
  if (at == NULL)
    n_before = n_after = 0;

  switch (code)
    {
    case XML_ERR_NO_MEMORY:
      return TRELLIS_XML_PROBLEM_MEMORY;

    case XML_ERR_INTERNAL_ERROR:
      /* libxml2 says what in str1; only its limit on the length of a
       * comment, a processing instruction or a CDATA section, and a
       * declaration inside an element, reach a user here. */
      if (str1 != NULL && g_str_has_prefix (str1, "Huge input lookup"))
        return TRELLIS_XML_PROBLEM_TOO_LONG;
      if (at_declaration (at, n_after))
        return TRELLIS_XML_PROBLEM_DECLARATION;
      return TRELLIS_XML_PROBLEM_GENERIC;

    case XML_ERR_DOCUMENT_START:
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_CHARREF_IN_PROLOG:
    case XML_ERR_ENTITYREF_IN_PROLOG:
    case XML_ERR_PEREF_IN_PROLOG:
      return TRELLIS_XML_PROBLEM_BEFORE_ROOT;

    case XML_ERR_DOCUMENT_END:
    case XML_ERR_EXTRA_CONTENT:
    case XML_ERR_CHARREF_IN_EPILOG:
    case XML_ERR_ENTITYREF_IN_EPILOG:
    case XML_ERR_PEREF_IN_EPILOG:
      return TRELLIS_XML_PROBLEM_AFTER_ROOT;

    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_CHARREF_AT_EOF:
    case XML_ERR_CHARREF_IN_DTD:
      return TRELLIS_XML_PROBLEM_CHAR_REF;

    case XML_ERR_INVALID_CHAR:
      /* Bytes that are no text in the encoding, a reference to a
       * character XML forbids, or such a character itself. */
      if ((n_after > 0 && at[0] >= 0x80) || (str1 != NULL && g_str_has_prefix (str1, "Bytes:")))
        return TRELLIS_XML_PROBLEM_ENCODING;
      if (after_char_ref (at, n_before))
        return TRELLIS_XML_PROBLEM_CHAR_REF;
      if ((int1 > 0 && int1 < 0x20) || (n_after > 0 && at[0] < 0x20))
        return TRELLIS_XML_PROBLEM_CONTROL_CHAR;
      return TRELLIS_XML_PROBLEM_ENCODING;

    case XML_ERR_INVALID_ENCODING:
      return TRELLIS_XML_PROBLEM_ENCODING;

    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return TRELLIS_XML_PROBLEM_UNKNOWN_ENCODING;

    case XML_ERR_ENTITYREF_AT_EOF:
    case XML_ERR_ENTITYREF_NO_NAME:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return TRELLIS_XML_PROBLEM_AMPERSAND;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_NOT_STARTED:
    case XML_ERR_ENTITY_NOT_FINISHED:
    case XML_ERR_ENTITY_CHAR_ERROR:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITY_PROCESSING:
    case XML_ERR_ENTITYREF_IN_DTD:
    case XML_ERR_PEREF_AT_EOF:
    case XML_ERR_PEREF_IN_INT_SUBSET:
    case XML_ERR_PEREF_NO_NAME:
    case XML_ERR_PEREF_SEMICOL_MISSING:
    case XML_WAR_ENTITY_REDEFINED:
      return TRELLIS_XML_PROBLEM_ENTITY;

    case XML_ERR_NAME_REQUIRED:
      /* “<” or “&” without a name after it, or “<!” that starts no
       * comment: libxml2 stopped just behind the character. */
      if (n_before > 0 && at[-1] == '&')
        return TRELLIS_XML_PROBLEM_AMPERSAND;
      if (n_before > 0 && at[-1] == '<' && n_after > 0 && at[0] == '!')
        return TRELLIS_XML_PROBLEM_DECLARATION;
      if (n_before > 0 && at[-1] == '<')
        return TRELLIS_XML_PROBLEM_LESS_THAN;
      return TRELLIS_XML_PROBLEM_NAME;

    case XML_ERR_LT_REQUIRED:
      return TRELLIS_XML_PROBLEM_LESS_THAN;

    case XML_ERR_NMTOKEN_REQUIRED:
      return TRELLIS_XML_PROBLEM_NAME;

    case XML_ERR_RESERVED_XML_NAME:
      return TRELLIS_XML_PROBLEM_XML_DECLARATION_PLACE;

    case XML_ERR_NOTATION_NOT_STARTED:
    case XML_ERR_NOTATION_NOT_FINISHED:
    case XML_ERR_ATTLIST_NOT_STARTED:
    case XML_ERR_ATTLIST_NOT_FINISHED:
    case XML_ERR_MIXED_NOT_STARTED:
    case XML_ERR_MIXED_NOT_FINISHED:
    case XML_ERR_ELEMCONTENT_NOT_STARTED:
    case XML_ERR_ELEMCONTENT_NOT_FINISHED:
    case XML_ERR_CONDSEC_NOT_STARTED:
    case XML_ERR_CONDSEC_NOT_FINISHED:
    case XML_ERR_CONDSEC_INVALID:
    case XML_ERR_CONDSEC_INVALID_KEYWORD:
    case XML_ERR_EXT_SUBSET_NOT_FINISHED:
    case XML_ERR_DOCTYPE_NOT_FINISHED:
    case XML_ERR_SEPARATOR_REQUIRED:
    case XML_ERR_PCDATA_REQUIRED:
    case XML_ERR_URI_REQUIRED:
    case XML_ERR_PUBID_REQUIRED:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_NO_DTD:
    case XML_ERR_NOT_STANDALONE:
    case XML_ERR_NOTATION_PROCESSING:
    case XML_ERR_INVALID_URI:
    case XML_ERR_URI_FRAGMENT:
      return TRELLIS_XML_PROBLEM_DECLARATION;

    case XML_ERR_LT_IN_ATTRIBUTE:
      return TRELLIS_XML_PROBLEM_LESS_THAN_IN_ATTRIBUTE;

    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_EQUAL_REQUIRED:
    case XML_ERR_VALUE_REQUIRED:
    case XML_ERR_LITERAL_NOT_STARTED:
    case XML_ERR_LITERAL_NOT_FINISHED:
    case XML_ERR_STRING_NOT_STARTED:
    case XML_ERR_STRING_NOT_CLOSED:
      return TRELLIS_XML_PROBLEM_ATTRIBUTE;

    case XML_ERR_ATTRIBUTE_REDEFINED:
    case XML_NS_ERR_ATTRIBUTE_REDEFINED:
      return TRELLIS_XML_PROBLEM_ATTRIBUTE_TWICE;

    case XML_ERR_SPACE_REQUIRED:
      return TRELLIS_XML_PROBLEM_SPACE;

    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_NOT_WELL_BALANCED:
      return TRELLIS_XML_PROBLEM_TAG_NOT_CLOSED;

    case XML_ERR_TAG_NAME_MISMATCH:
      return TRELLIS_XML_PROBLEM_END_TAG;

    case XML_ERR_COMMENT_NOT_FINISHED:
      return TRELLIS_XML_PROBLEM_COMMENT_OPEN;

    case XML_ERR_HYPHEN_IN_COMMENT:
      return TRELLIS_XML_PROBLEM_COMMENT_HYPHENS;

    case XML_ERR_PI_NOT_STARTED:
    case XML_ERR_PI_NOT_FINISHED:
    case XML_WAR_CATALOG_PI:
      return TRELLIS_XML_PROBLEM_PROCESSING_INSTRUCTION;

    case XML_ERR_XMLDECL_NOT_STARTED:
    case XML_ERR_XMLDECL_NOT_FINISHED:
    case XML_ERR_STANDALONE_VALUE:
    case XML_ERR_ENCODING_NAME:
    case XML_ERR_MISSING_ENCODING:
    case XML_ERR_VERSION_MISSING:
    case XML_ERR_UNKNOWN_VERSION:
    case XML_ERR_VERSION_MISMATCH:
    case XML_WAR_UNKNOWN_VERSION:
      return TRELLIS_XML_PROBLEM_XML_DECLARATION;

    case XML_ERR_MISPLACED_CDATA_END:
      return TRELLIS_XML_PROBLEM_CDATA_END;

    case XML_ERR_CDATA_NOT_FINISHED:
      return TRELLIS_XML_PROBLEM_CDATA_OPEN;

    case XML_ERR_NS_DECL_ERROR:
    case XML_WAR_NS_URI:
    case XML_WAR_NS_URI_RELATIVE:
    case XML_WAR_NS_COLUMN:
    case XML_NS_ERR_XML_NAMESPACE:
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
    case XML_NS_ERR_QNAME:
    case XML_NS_ERR_EMPTY:
    case XML_NS_ERR_COLON:
      return TRELLIS_XML_PROBLEM_NAMESPACE;

    case XML_WAR_LANG_VALUE:
    case XML_WAR_SPACE_VALUE:
      return TRELLIS_XML_PROBLEM_ATTRIBUTE;

    case XML_ERR_NAME_TOO_LONG:
      return TRELLIS_XML_PROBLEM_TOO_LONG;

    case XML_ERR_USER_STOP:
    default:
      return TRELLIS_XML_PROBLEM_GENERIC;
    }
}

/* The file says its text is in an encoding; the bytes are not. */
void
trellis_reader_bad_encoding (Reader     *r,
                             guint       line,
                             const char *encoding)
{
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                          /* Translators: shown when a matrix file cannot be read, in the app and by
                           * trellis-cli check. %s is the encoding the file names, e.g. “Shift_JIS”. */
                          _("The file says its text is in the %s encoding, but it holds bytes that are not. Save it again as UTF-8."),
                          encoding);
  else
    trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                          _("The file contains bytes that are not valid UTF-8 text; it is damaged or not a Trellis matrix."));
}

/* The sentences of problems in the XML itself, which someone may have
 * made by editing the file by hand. */
static char *
describe (TrellisXmlProblem  problem,
          const xmlError    *error)
{
  switch (problem)
    {
    case TRELLIS_XML_PROBLEM_BEFORE_ROOT:
      return g_strdup (_("Something other than an element stands here before the matrix begins; a Trellis matrix starts with <trellis>."));
    case TRELLIS_XML_PROBLEM_AFTER_ROOT:
      return g_strdup (_("Something follows here after the end of the matrix; a Trellis matrix ends with </trellis>, so the file may be two files joined, or damaged."));
    case TRELLIS_XML_PROBLEM_CHAR_REF:
      return g_strdup (_("A character reference (&#…;) here is malformed or stands for a character that XML does not allow; write the character itself."));
    case TRELLIS_XML_PROBLEM_CONTROL_CHAR:
      return g_strdup (_("The file holds a control character here, which XML does not allow in texts and values; remove it."));
    case TRELLIS_XML_PROBLEM_AMPERSAND:
      return g_strdup (_("An ampersand (&) here does not start a reference such as &amp;; write a lone & as &amp;."));
    case TRELLIS_XML_PROBLEM_ENTITY:
      if (error->code == XML_ERR_UNDECLARED_ENTITY && error->str1 != NULL)
        /* Translators: %s is a name from the file, as in “&nbsp;”. */
        return g_strdup_printf (_("The reference &%s; here names no character: XML knows only &amp;, &lt;, &gt;, &quot; and &apos;. Write the character itself."),
                                error->str1);
      return g_strdup (_("The file uses an entity here, which Trellis never reads: XML knows only &amp;, &lt;, &gt;, &quot; and &apos;. Write the character itself."));
    case TRELLIS_XML_PROBLEM_LESS_THAN:
      return g_strdup (_("A ‘<’ here does not start an element; write a ‘<’ in a text as &lt;."));
    case TRELLIS_XML_PROBLEM_DECLARATION:
      return g_strdup (_("A declaration (<!…>) stands here; Trellis matrices hold none, and inside elements only comments (<!-- … -->) start with <!."));
    case TRELLIS_XML_PROBLEM_NAME:
      return g_strdup (_("A name here is missing or does not start with a letter, as names of elements and attributes must."));
    case TRELLIS_XML_PROBLEM_LESS_THAN_IN_ATTRIBUTE:
      return g_strdup (_("An attribute value here contains a ‘<’, or is not closed with its quote before the next tag; write a ‘<’ in a value as &lt;."));
    case TRELLIS_XML_PROBLEM_ATTRIBUTE:
      return g_strdup (_("An attribute here is not written as name=\"value\", with its value between two matching quotes."));
    case TRELLIS_XML_PROBLEM_ATTRIBUTE_TWICE:
      {
        /* libxml2 gives a prefixed name in two parts. */
        g_autofree char *name = error->str2 != NULL && error->code == XML_ERR_ATTRIBUTE_REDEFINED
                                ? g_strconcat (error->str1, ":", error->str2, NULL)
                                : g_strdup (error->str1 != NULL ? error->str1 : "");

        /* Translators: %s is an attribute name from the file. */
        return g_strdup_printf (_("An element here has the attribute ‘%s’ twice; keep one."), name);
      }
    case TRELLIS_XML_PROBLEM_SPACE:
      return g_strdup (_("Two attributes here are not separated by a space, or something other than an attribute stands in a tag."));
    case TRELLIS_XML_PROBLEM_TAG_NOT_CLOSED:
      return g_strdup (_("A tag here is not closed with ‘>’."));
    case TRELLIS_XML_PROBLEM_END_TAG:
      if (error->str1 != NULL && error->int1 > 0)
        /* Translators: e.g. “The element <vision>, opened on line 4, is not closed before this end tag; …” */
        return g_strdup_printf (_("The element <%s>, opened on line %d, is not closed before the end tag here; an element is left open, or closed twice."),
                                error->str1, error->int1);
      return g_strdup (_("The end tag here closes no element that is open; an element is left open, or closed twice."));
    case TRELLIS_XML_PROBLEM_COMMENT_OPEN:
      return g_strdup (_("A comment (<!--) is not closed with --> before the end of the file."));
    case TRELLIS_XML_PROBLEM_COMMENT_HYPHENS:
      return g_strdup (_("A comment here contains ‘--’, which XML does not allow inside a comment."));
    case TRELLIS_XML_PROBLEM_PROCESSING_INSTRUCTION:
      return g_strdup (_("A processing instruction (<?…?>) here has no name or is not closed with ?>."));
    case TRELLIS_XML_PROBLEM_XML_DECLARATION_PLACE:
      return g_strdup (_("An XML declaration (<?xml …?>) stands here; it may only stand at the very start of the file."));
    case TRELLIS_XML_PROBLEM_XML_DECLARATION:
      return g_strdup (_("The XML declaration at the start of the file is not written as <?xml version=\"1.0\" encoding=\"UTF-8\"?>."));
    case TRELLIS_XML_PROBLEM_CDATA_END:
      return g_strdup (_("A text here contains ‘]]>’, which XML does not allow; write it as ]]&gt;."));
    case TRELLIS_XML_PROBLEM_CDATA_OPEN:
      return g_strdup (_("A CDATA section (<![CDATA[) is not closed with ]]> before the end of the file."));
    case TRELLIS_XML_PROBLEM_NAMESPACE:
      return g_strdup (_("A namespace here is not declared, or not declared correctly: a prefix (as in x:name) needs its own xmlns:x=\"…\" with a non-empty URI."));
    case TRELLIS_XML_PROBLEM_TOO_LONG:
      return g_strdup (_("A name, comment, processing instruction or CDATA section here is longer than XML readers allow; a Trellis matrix never holds one so long."));
    case TRELLIS_XML_PROBLEM_GENERIC:
    case TRELLIS_XML_PROBLEM_MEMORY:
    case TRELLIS_XML_PROBLEM_ENCODING:
    case TRELLIS_XML_PROBLEM_UNKNOWN_ENCODING:
    default:
      return g_strdup (_("The XML of the file is damaged here, so it cannot be read further."));
    }
}

/* Tells what libxml2 reported, as one sentence of ours with its line. */
void
trellis_reader_xml_error (Reader         *r,
                          const xmlError *error)
{
  xmlParserInputPtr input = r->ctxt != NULL ? r->ctxt->input : NULL;
  const guchar *at = input != NULL ? input->cur : NULL;
  gsize n_before = at != NULL && at >= input->base ? (gsize) (at - input->base) : 0;
  gsize n_after = at != NULL && input->end >= at ? (gsize) (input->end - at) : 0;
  guint line = error->line > 0 ? (guint) error->line : current_line (r);
  TrellisXmlProblem problem;
  g_autofree char *sentence = NULL;

  /* Whatever libxml2 calls it, a problem at the very end of a file that
   * is still inside an element means the file was cut off. */
  if (r->at_end && r->seen_root && r->depth > 0 && at != NULL && at >= input->end)
    {
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                            _("The file ends too early; it may have been cut off while being copied or saved. Open the backup copy if there is one."));
      return;
    }

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_DOCUMENT_START:
      if (r->n_bytes == 0)
        {
          trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE, _("The file is empty."));
          return;
        }
      /* Not a single tag in what was read: another kind of file. */
      if (!r->seen_root && input != NULL && memchr (input->base, '<', input->end - input->base) == NULL)
        {
          trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                                _("This is not a Trellis matrix: the file does not contain XML."));
          return;
        }
      break;

    case XML_ERR_DOCUMENT_END:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_TAG_NOT_FINISHED:
      if (r->seen_root && r->depth > 0)
        {
          trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                                _("The file ends too early; it may have been cut off while being copied or saved. Open the backup copy if there is one."));
          return;
        }
      break;

    default:
      break;
    }

  problem = trellis_reader_classify_xml_error (error->code, error->str1, error->int1, at, n_before, n_after);
  switch (problem)
    {
    case TRELLIS_XML_PROBLEM_MEMORY:
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE, _("Out of memory while reading the file."));
      return;

    case TRELLIS_XML_PROBLEM_UNKNOWN_ENCODING:
      trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                            /* Translators: shown when a matrix file cannot be read, in the app and by
                             * trellis-cli check. %s is the encoding the file names, e.g. “EBCDIC-US”. */
                            _("The file says its text is in the %s encoding, which Trellis cannot read. Save it again as UTF-8."),
                            error->str1 != NULL ? error->str1 : "?");
      return;

    case TRELLIS_XML_PROBLEM_ENCODING:
      trellis_reader_bad_encoding (r, line, r->declared_encoding[0] != '\0' ? r->declared_encoding : NULL);
      return;

    default:
      break;
    }

  sentence = describe (problem, error);
  trellis_reader_error (r, TRELLIS_DOCUMENT_ERROR_NOT_XML, line, TRUE,
                        /* Translators: shown when a matrix file cannot be read, in the app and by
                         * trellis-cli check. %s says what is wrong, as one of the sentences above,
                         * e.g. “Line 3 is not closed.” */
                        _("%s If the file was edited by hand, correct it there; otherwise open the backup copy if there is one."),
                        sentence);
}
