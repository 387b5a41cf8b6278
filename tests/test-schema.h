/* test-schema.h: checking what the tests write against data/trellis.rng
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

/* The schema, read once; the test frees it at the end with
 * g_clear_pointer (&schema, xmlRelaxNGFree). */
static xmlRelaxNGPtr schema G_GNUC_UNUSED;

G_GNUC_UNUSED static const char *
schema_path (void)
{
  const char *env = g_getenv ("TRELLIS_SCHEMA");

  if (env != NULL && env[0] != '\0')
    return env;

  return g_test_get_filename (G_TEST_DIST, "..", "data", "trellis.rng", NULL);
}

G_GNUC_UNUSED static void
collect_error (void        *user_data,
               xmlErrorPtr  error)
{
  GString *messages = user_data;

  g_string_append_printf (messages, "  line %d: %s", error->line, error->message);
}

G_GNUC_UNUSED static void
load_schema (void)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlRelaxNGParserCtxtPtr ctxt = xmlRelaxNGNewParserCtxt (schema_path ());

  g_assert_nonnull (ctxt);
  xmlRelaxNGSetParserStructuredErrors (ctxt, collect_error, messages);
  schema = xmlRelaxNGParse (ctxt);
  xmlRelaxNGFreeParserCtxt (ctxt);

  if (schema == NULL)
    g_error ("could not read the schema %s:\n%s", schema_path (), messages->str);
}

/* Returns NULL when @data is valid, else what the validator said. */
G_GNUC_UNUSED static char *
schema_problems (const char *data,
                 gsize       len)
{
  GString *messages = g_string_new (NULL);
  xmlRelaxNGValidCtxtPtr ctxt;
  xmlDocPtr doc;
  int ret;

  if (schema == NULL)
    load_schema ();

  doc = xmlReadMemory (data, (int) len, "output.trellis", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      g_string_append (messages, "not well-formed");
      return g_string_free (messages, FALSE);
    }

  ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (ctxt, collect_error, messages);
  ret = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);

  if (ret == 0)
    {
      g_string_free (messages, TRUE);
      return NULL;
    }

  if (messages->len == 0)
    g_string_append_printf (messages, "invalid (%d)", ret);
  return g_string_free (messages, FALSE);
}

G_GNUC_UNUSED static void
assert_valid (const char *data,
              gsize       len)
{
  g_autofree char *problems = schema_problems (data, len);

  if (problems != NULL)
    g_error ("the output does not validate against %s:\n%s\n--- output ---\n%.*s",
             schema_path (), problems, (int) len, data);
}

