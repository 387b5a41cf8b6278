/* test-xml-errors.c: what is wrong with the XML of a file, said in
 * Trellis's own sentences
 *
 * Each input makes libxml2 report one kind of error; the reader must say
 * what is wrong and on which line in a sentence of its own, and never
 * pass on libxml2's English text. Every error code of libxml2's XML
 * parser and namespaces has a sentence of its own kind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <string.h>

#include "trellis-reader-private.h"
#include "test-util.h"

#define ROOT "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">"

typedef struct
{
  const char *name;
  const char *input;       /* NULL: made by the test */
  guint       line;
  const char *says;        /* part of the sentence */
} MessageCase;

static const MessageCase cases[] = {
  /* W3C not-wf/sa/052: a character reference that is none. */
  { "charref-not-a-number", "<?xml version=\"1.0\"?>\n" ROOT "<organisation name=\"O\">\n<vision>A &#RE; B</vision>\n</organisation></trellis>\n",
    3, "character reference (&#…;) here is malformed" },
  { "charref-before-root", "&#RE;" ROOT "</trellis>\n", 1, "before the matrix begins" },
  { "charref-nul", ROOT "\n<organisation name=\"&#0;\"/></trellis>\n", 2, "character reference" },
  { "charref-out-of-range", ROOT "\n<organisation name=\"O\"><vision>&#x110000;</vision></organisation></trellis>\n",
    2, "character reference" },
  { "charref-bad-hex", ROOT "\n\n<organisation name=\"O\"><vision>&#xZZ;</vision></organisation></trellis>\n",
    3, "character reference" },
  /* W3C not-wf/sa/106: an entity declared where no declaration may be. */
  { "entity-declaration-before-root", "<!ENTITY e \"x\">\n" ROOT "</trellis>\n", 1, "A declaration (<!…>)" },
  { "entity-declaration-inside", ROOT "\n<!ENTITY e \"x\">\n</trellis>\n", 2, "A declaration (<!…>)" },
  { "declaration-in-text", ROOT "<organisation name=\"O\">\n<vision>a<!b</vision></organisation></trellis>\n",
    2, "A declaration (<!…>)" },
  { "ampersand-alone", ROOT "<organisation name=\"O\">\n<vision>R & D</vision></organisation></trellis>\n",
    2, "An ampersand (&) here" },
  { "ampersand-no-semicolon", ROOT "\n<organisation name=\"R &amp D\"/></trellis>\n", 2, "An ampersand (&) here" },
  { "unknown-entity", ROOT "<organisation name=\"O\">\n<vision>a&nbsp;b</vision></organisation></trellis>\n",
    2, "The reference &nbsp; here names no character" },
  { "less-than-in-text", ROOT "<organisation name=\"O\">\n<vision>1 < 2</vision></organisation></trellis>\n",
    2, "A ‘<’ here does not start an element" },
  { "less-than-in-attribute", ROOT "\n<organisation name=\"1 < 2\"/></trellis>\n", 2, "An attribute value here contains a ‘<’" },
  { "attribute-without-quotes", ROOT "\n<organisation name=O/></trellis>\n", 2, "name=\"value\"" },
  { "attribute-without-value", ROOT "\n<organisation name/></trellis>\n", 2, "name=\"value\"" },
  { "attribute-twice", ROOT "\n<organisation name=\"A\" name=\"B\"/></trellis>\n", 2, "the attribute ‘name’ twice" },
  { "prefixed-attribute-twice", ROOT "\n<organisation xmlns:x=\"urn:x\" x:a=\"1\" x:a=\"2\"/></trellis>\n",
    2, "the attribute ‘x:a’ twice" },
  { "no-space-between-attributes", ROOT "\n<organisation name=\"A\"id=\"B\"/></trellis>\n", 2, "not separated by a space" },
  { "tag-not-closed", ROOT "<organisation name=\"O\">\n<vision>a</vision</organisation></trellis>\n",
    2, "A tag here is not closed with ‘>’" },
  { "end-tag-mismatch", ROOT "\n<organisation name=\"O\">\n<vision>a</mission>\n</organisation></trellis>\n",
    3, "The element <vision>, opened on line 3, is not closed" },
  { "end-tag-empty", ROOT "\n<organisation name=\"O\"><vision>a</></organisation></trellis>\n",
    2, "The element <vision>, opened on line 2, is not closed" },
  { "comment-unclosed-after-root", ROOT "</trellis>\n<!-- about\n", 3, "is not closed with -->" },
  { "no-xml-at-all", "Name,Role\nAnna,Agent\n", 1, "the file does not contain XML" },
  { "comment-hyphens", ROOT "\n<!-- a -- b -->\n</trellis>\n", 2, "contains ‘--’" },
  { "processing-instruction", ROOT "\n<? no name ?>\n</trellis>\n", 2, "A processing instruction (<?…?>)" },
  { "xml-declaration-late", ROOT "\n<?xml version=\"1.0\"?>\n</trellis>\n", 2, "may only stand at the very start" },
  { "xml-declaration-not-first", "  <?xml version=\"1.0\"?>\n" ROOT "</trellis>\n", 1, "may only stand at the very start" },
  { "xml-declaration-version", "<?xml version=\"2.0\"?>\n" ROOT "</trellis>\n", 1, "The XML declaration at the start" },
  { "xml-declaration-standalone", "<?xml version=\"1.0\" standalone=\"maybe\"?>\n" ROOT "</trellis>\n",
    1, "The XML declaration at the start" },
  { "xml-declaration-unclosed", "<?xml version=\"1.0\"\n" ROOT "</trellis>\n", 2, "The XML declaration at the start" },
  { "cdata-end-in-text", ROOT "<organisation name=\"O\">\n<vision>a ]]> b</vision></organisation></trellis>\n",
    2, "‘]]>’" },
  { "undeclared-prefix", ROOT "\n<x:organisation name=\"O\"/></trellis>\n", 2, "A namespace here is not declared" },
  { "empty-namespace", ROOT "\n<organisation xmlns:x=\"\" name=\"O\"/></trellis>\n", 2, "A namespace here is not declared" },
  { "bad-qname", ROOT "\n<organisation :n=\"1\"/></trellis>\n", 2, "A namespace here" },
  { "text-before-root", "<?xml version=\"1.0\"?>\nhello" ROOT "</trellis>\n", 2, "before the matrix begins" },
  { "second-root", ROOT "</trellis>\n" ROOT "</trellis>\n", 2, "after the end of the matrix" },
  { "text-after-root", ROOT "</trellis>\nhello\n", 2, "after the end of the matrix" },
  { "control-character", ROOT "<organisation name=\"O\">\n<vision>a\001b</vision></organisation></trellis>\n",
    2, "control character" },
  { "control-character-in-value", ROOT "\n<organisation name=\"a\002\"/></trellis>\n", 2, "control character" },
  { "name-with-digit", ROOT "<organisation name=\"O\">\n<1vision/></organisation></trellis>\n", 2, "A ‘<’ here" },
  /* libxml2's internal errors: a comment longer than it reads. */
  { "huge-comment", NULL, 2, "longer than XML readers allow" },
};

/* What libxml2 itself says of @input, to be sure none of it reaches the
 * user. */
static void
collect_libxml2 (void        *user_data,
                 xmlErrorPtr  error)
{
  GPtrArray *messages = user_data;

  if (error->message != NULL)
    g_ptr_array_add (messages, g_strchomp (g_strdup (error->message)));
}

static GPtrArray *
libxml2_says (const char *input,
              gsize       len)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);
  xmlParserCtxtPtr ctxt;

  xmlSetStructuredErrorFunc (messages, collect_libxml2);
  ctxt = xmlCreatePushParserCtxt (NULL, NULL, NULL, 0, "x");
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET);
  xmlParseChunk (ctxt, input, (int) len, 1);
  if (ctxt->myDoc != NULL)
    xmlFreeDoc (ctxt->myDoc);
  xmlFreeParserCtxt (ctxt);
  xmlSetStructuredErrorFunc (NULL, NULL);

  return messages;
}

static char *
make_input (const MessageCase *mc,
            gsize             *len)
{
  GString *s;

  if (mc->input != NULL)
    {
      *len = strlen (mc->input);
      return g_strdup (mc->input);
    }

  /* 12 MB of comment, beyond libxml2's 10 MB without XML_PARSE_HUGE. */
  s = g_string_new (ROOT "\n<!-- ");
  for (guint i = 0; i < 12 * 1024 * 1024 / 64; i++)
    g_string_append (s, "abcdefghijklmnopqrstuvwxyz0123456789 abcdefghijklmnopqrstuvwxyz .\n");
  g_string_append (s, " -->\n</trellis>\n");
  *len = s->len;

  return g_string_free (s, FALSE);
}

static void
test_message (gconstpointer data)
{
  const MessageCase *mc = data;
  gsize len = 0;
  g_autofree char *input = make_input (mc, &len);
  g_autoptr(GBytes) bytes = g_bytes_new (input, len);
  g_autoptr(GPtrArray) theirs = libxml2_says (input, len);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = trellis_document_new_from_bytes (bytes, TEST_DISPLAY_NAME, report, &error);

  g_assert_null (doc);
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_NOT_XML);
  test_assert_message_line (error, TEST_DISPLAY_NAME, mc->line);
  if (strstr (error->message, mc->says) == NULL)
    g_error ("expected ‘%s’ in ‘%s’", mc->says, error->message);

  /* libxml2 did find something, and none of its words reach the user. */
  g_assert_cmpuint (theirs->len, >, 0);
  for (guint i = 0; i < theirs->len; i++)
    {
      const char *said = g_ptr_array_index (theirs, i);

      if (strstr (error->message, said) != NULL)
        g_error ("libxml2's own ‘%s’ reached the user: %s", said, error->message);
    }
  g_assert_null (strstr (error->message, "xmlParse"));
  g_assert_null (strstr (error->message, "internal error"));

  /* The report holds the same sentence. */
  g_assert_cmpuint (trellis_load_report_get_n_errors (report), ==, 1);
  g_assert_true (g_str_has_suffix (error->message, trellis_load_report_get_message (report, 0)));
}

/* Every error of the XML parser and of namespaces has a sentence of its
 * own kind; only an internal error libxml2 does not explain, and its
 * stop at our request, fall back to the general one. */
static void
test_every_code (void)
{
  for (gint code = XML_ERR_INTERNAL_ERROR; code <= XML_NS_ERR_COLON; code++)
    {
      TrellisXmlProblem problem;

      if (code > XML_ERR_USER_STOP && code < XML_NS_ERR_XML_NAMESPACE)
        continue;

      problem = trellis_reader_classify_xml_error (code, NULL, 0, NULL, 0, 0);
      if (code == XML_ERR_INTERNAL_ERROR || code == XML_ERR_USER_STOP)
        g_assert_cmpint (problem, ==, TRELLIS_XML_PROBLEM_GENERIC);
      else if (problem == TRELLIS_XML_PROBLEM_GENERIC)
        g_error ("libxml2's error %d has no sentence of its own", code);
    }

  /* What tells apart errors libxml2 gives one code. */
  {
    static const guchar amp[] = "a & b", lt[] = "a < b", decl[] = "<!ENTITY";

    g_assert_cmpint (trellis_reader_classify_xml_error (XML_ERR_NAME_REQUIRED, NULL, 0, amp + 3, 3, 2),
                     ==, TRELLIS_XML_PROBLEM_AMPERSAND);
    g_assert_cmpint (trellis_reader_classify_xml_error (XML_ERR_NAME_REQUIRED, NULL, 0, lt + 3, 3, 2),
                     ==, TRELLIS_XML_PROBLEM_LESS_THAN);
    g_assert_cmpint (trellis_reader_classify_xml_error (XML_ERR_NAME_REQUIRED, NULL, 0, decl + 1, 1, 7),
                     ==, TRELLIS_XML_PROBLEM_DECLARATION);
    g_assert_cmpint (trellis_reader_classify_xml_error (XML_ERR_INTERNAL_ERROR, "Huge input lookup", 0, NULL, 0, 0),
                     ==, TRELLIS_XML_PROBLEM_TOO_LONG);
    g_assert_cmpint (trellis_reader_classify_xml_error (XML_ERR_INTERNAL_ERROR, NULL, 0, decl, 0, 8),
                     ==, TRELLIS_XML_PROBLEM_DECLARATION);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/xml-errors/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_message);
    }
  g_test_add_func ("/trellis/xml-errors/every-code", test_every_code);

  return g_test_run ();
}
