/* test-schema.c: the reader accepts exactly what the schema accepts
 *
 * Mutations of the example matrices — every kind of element and of
 * attribute duplicated, dropped, emptied and more, then a random sample
 * of further ones — go to the reader and to libxml2's RELAX NG validator
 * with data/trellis.rng: both accept or both refuse. What a schema cannot
 * say (unique ids, references, levels on the file's own scale, two
 * elements that say the same thing) the reader checks as well: where it
 * refuses a file the schema accepts, the test finds that reason in the
 * file itself, and the reader must have given it and nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <string.h>

#include "trellis-document.h"
#include "test-schema.h"
#include "test-util.h"

#define FOREIGN_NS "urn:example:other"
#define TWICE_MARK "@@twice@@"

/* Random mutations per example, besides the systematic ones. */
#define N_SAMPLED 100

typedef enum
{
  /* Of an element */
  M_DUPLICATE,
  M_DROP,
  M_EMPTY,
  M_TEXT,
  M_UNKNOWN_CHILD,
  M_FOREIGN_CHILD,
  M_SWAP,
  M_UNKNOWN_ATTR,
  M_FOREIGN_ATTR,
  /* Of an attribute */
  M_ATTR_DROP,
  M_ATTR_EMPTY,
  M_ATTR_PADDED,
  M_ATTR_PLUS,
  M_ATTR_ZERO,
  M_ATTR_TWICE,
  N_MUTATIONS,
  FIRST_ATTR_MUTATION = M_ATTR_DROP,
} MutationKind;

static const char * const mutation_names[N_MUTATIONS] = {
  "duplicate", "drop", "empty", "add text to", "add an unknown child to", "add a foreign child to",
  "swap with the next", "add an unknown attribute to", "add a foreign attribute to",
  "drop", "empty", "pad with spaces", "prefix with +", "prefix with 0", "give twice",
};

typedef struct
{
  MutationKind kind;
  guint        element;    /* in document order */
  guint        attribute;  /* for attribute mutations: its position on the element */
} Mutation;

static void
ignore_error (void        *user_data,
              xmlErrorPtr  error)
{
}

static xmlDocPtr
parse (const char *data,
       gsize       len)
{
  return xmlReadMemory (data, (int) len, "mutant.trellis", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* Whether the schema accepts @doc; what it said goes to @messages. */
static gboolean
schema_accepts (xmlDocPtr  doc,
                GString   *messages)
{
  xmlRelaxNGValidCtxtPtr ctxt;
  int ret;

  if (doc == NULL)
    {
      if (messages != NULL)
        g_string_append (messages, "    schema: not well-formed\n");
      return FALSE;
    }

  ctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (ctxt, messages != NULL ? collect_error : ignore_error, messages);
  ret = xmlRelaxNGValidateDoc (ctxt, doc);
  xmlRelaxNGFreeValidCtxt (ctxt);

  return ret == 0;
}

/* Elements in document order */

static void
collect_elements (xmlNodePtr  node,
                  GPtrArray  *out)
{
  for (xmlNodePtr n = node; n != NULL; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE)
        continue;
      g_ptr_array_add (out, n);
      collect_elements (n->children, out);
    }
}

static GPtrArray *
elements_of (xmlDocPtr doc)
{
  GPtrArray *out = g_ptr_array_new ();

  collect_elements (xmlDocGetRootElement (doc), out);
  return out;
}

static xmlAttrPtr
nth_attribute (xmlNodePtr node,
               guint      n)
{
  xmlAttrPtr a = node->properties;

  for (guint i = 0; a != NULL && i < n; i++)
    a = a->next;

  return a;
}

/* The kind of an element: its parent's name and its own, since <level>
 * is one thing in the scale and another in a competency. */
static char *
element_kind (xmlNodePtr node)
{
  if (node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
    return g_strdup ((const char *) node->name);

  return g_strdup_printf ("%s/%s", node->parent->name, node->name);
}

static char *
attribute_kind (xmlNodePtr node,
                xmlAttrPtr attr)
{
  g_autofree char *element = element_kind (node);

  return g_strdup_printf ("%s@%s%s", element, attr->ns != NULL ? "xml:" : "", attr->name);
}

static char *
describe (xmlNodePtr      node,
          const Mutation *m)
{
  g_autofree char *kind = element_kind (node);

  if (m->kind >= FIRST_ATTR_MUTATION)
    {
      xmlAttrPtr attr = nth_attribute (node, m->attribute);

      return g_strdup_printf ("%s the attribute ‘%s’ of <%s> on line %ld", mutation_names[m->kind],
                              attr->name, kind, xmlGetLineNo (node));
    }

  return g_strdup_printf ("%s <%s> on line %ld", mutation_names[m->kind], kind, xmlGetLineNo (node));
}

static xmlNodePtr
next_element (xmlNodePtr node)
{
  for (xmlNodePtr n = node->next; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE)
        return n;
    }

  return NULL;
}

/* Applies @m to a copy of @original; NULL when it does not apply. */
static GBytes *
mutate (xmlDocPtr       original,
        const Mutation *m)
{
  xmlDocPtr doc = xmlCopyDoc (original, 1);
  g_autoptr(GPtrArray) elements = elements_of (doc);
  xmlNodePtr node = g_ptr_array_index (elements, m->element);
  xmlAttrPtr attr = m->kind >= FIRST_ATTR_MUTATION ? nth_attribute (node, m->attribute) : NULL;
  g_autofree xmlChar *value = attr != NULL ? xmlNodeGetContent ((xmlNodePtr) attr) : NULL;
  gboolean applies = TRUE;
  xmlChar *mem = NULL;
  int size = 0;
  GBytes *bytes = NULL;

  switch (m->kind)
    {
    case M_DUPLICATE:
      xmlAddNextSibling (node, xmlCopyNode (node, 1));
      break;

    case M_DROP:
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      break;

    case M_EMPTY:
      applies = node->children != NULL;
      while (node->children != NULL)
        {
          xmlNodePtr child = node->children;

          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      break;

    case M_TEXT:
      xmlAddChild (node, xmlNewText ((const xmlChar *) "extra"));
      break;

    case M_UNKNOWN_CHILD:
      xmlAddChild (node, xmlNewNode (node->ns, (const xmlChar *) "colour"));
      break;

    case M_FOREIGN_CHILD:
      {
        xmlNodePtr child = xmlNewNode (NULL, (const xmlChar *) "extension");

        xmlSetNs (child, xmlNewNs (child, (const xmlChar *) FOREIGN_NS, (const xmlChar *) "x"));
        xmlAddChild (node, child);
      }
      break;

    case M_SWAP:
      {
        xmlNodePtr next = next_element (node);

        applies = next != NULL && !xmlStrEqual (next->name, node->name);
        if (applies)
          {
            xmlUnlinkNode (next);
            xmlAddPrevSibling (node, next);
          }
      }
      break;

    case M_UNKNOWN_ATTR:
      xmlNewProp (node, (const xmlChar *) "colour", (const xmlChar *) "blue");
      break;

    case M_FOREIGN_ATTR:
      xmlNewNsProp (node, xmlNewNs (node, (const xmlChar *) FOREIGN_NS, (const xmlChar *) "x"),
                    (const xmlChar *) "colour", (const xmlChar *) "blue");
      break;

    case M_ATTR_DROP:
      xmlRemoveProp (attr);
      break;

    case M_ATTR_EMPTY:
      applies = value[0] != '\0';
      xmlNodeSetContent ((xmlNodePtr) attr, (const xmlChar *) "");
      break;

    case M_ATTR_PADDED:
      {
        g_autofree char *padded = g_strdup_printf (" %s ", value);

        xmlNodeSetContent ((xmlNodePtr) attr, (const xmlChar *) padded);
      }
      break;

    case M_ATTR_PLUS:
    case M_ATTR_ZERO:
      {
        g_autofree char *prefixed = g_strdup_printf ("%s%s", m->kind == M_ATTR_PLUS ? "+" : "0", value);

        applies = g_ascii_isdigit (value[0]);
        xmlNodeSetContent ((xmlNodePtr) attr, (const xmlChar *) prefixed);
      }
      break;

    case M_ATTR_TWICE:
      xmlNodeSetContent ((xmlNodePtr) attr, (const xmlChar *) TWICE_MARK);
      break;

    case N_MUTATIONS:
    default:
      g_assert_not_reached ();
    }

  if (applies)
    {
      xmlDocDumpMemoryEnc (doc, &mem, &size, "UTF-8");

      if (m->kind == M_ATTR_TWICE)
        {
          g_autofree char *escaped = g_markup_escape_text ((const char *) value, -1);
          g_autofree char *twice = g_strdup_printf ("%s\" %s%s%s=\"%s", escaped,
                                                    attr->ns != NULL ? (const char *) attr->ns->prefix : "",
                                                    attr->ns != NULL ? ":" : "", attr->name, escaped);
          char *text = test_replace ((const char *) mem, TWICE_MARK, twice);

          bytes = g_bytes_new_take (text, strlen (text));
        }
      else
        bytes = g_bytes_new (mem, size);
      xmlFree (mem);
    }

  xmlFreeDoc (doc);
  return bytes;
}

/* What a schema cannot say, found in the mutated file: the codes of the
 * errors the reader must give for it, as bits. */

#define CODE(c) (1u << (c))

static gboolean
level_on_scale (GArray *scale,
                gint64  level)
{
  for (guint i = 0; i < scale->len; i++)
    {
      if (g_array_index (scale, gint64, i) == level)
        return TRUE;
    }

  return FALSE;
}

static const char * const reference_attributes[] = {
  "values", "result", "competency", "role", "roles", "owner", "person", "about",
};

/* Whether @key was seen among the children of one element before. */
static gboolean
seen_twice (GHashTable *seen,
            char       *key)
{
  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      return TRUE;
    }

  g_hash_table_add (seen, key);
  return FALSE;
}

static guint
beyond_schema (xmlDocPtr doc)
{
  g_autoptr(GPtrArray) elements = elements_of (doc);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, NULL);
  g_autoptr(GArray) scale = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean have_scale = FALSE;
  guint codes = 0;

  /* Ids, and the scale. */
  for (guint i = 0; i < elements->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (elements, i);
      xmlChar *id = xmlGetNoNsProp (node, (const xmlChar *) "id");

      if (id != NULL && !g_hash_table_add (ids, id))
        codes |= CODE (TRELLIS_DOCUMENT_ERROR_DUPLICATE_ID);

      if (xmlStrEqual (node->name, (const xmlChar *) "scale"))
        have_scale = TRUE;
      if (xmlStrEqual (node->name, (const xmlChar *) "level") &&
          xmlStrEqual (node->parent->name, (const xmlChar *) "scale"))
        {
          g_autofree xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) "value");
          gint64 level = g_ascii_strtoll ((const char *) value, NULL, 10);

          /* Levels go up the scale, each once. */
          if (scale->len > 0 && g_array_index (scale, gint64, scale->len - 1) >= level)
            codes |= CODE (TRELLIS_DOCUMENT_ERROR_INVALID);
          else
            g_array_append_val (scale, level);
        }
    }

  if (!have_scale)
    for (gint64 level = 0; level <= 4; level++)
      g_array_append_val (scale, level);

  for (guint i = 0; i < elements->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (elements, i);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* References name an id of the file. */
      for (guint k = 0; k < G_N_ELEMENTS (reference_attributes); k++)
        {
          g_autofree xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) reference_attributes[k]);
          g_auto(GStrv) refs = value != NULL ? g_strsplit ((const char *) value, " ", -1) : NULL;

          for (guint j = 0; refs != NULL && refs[j] != NULL; j++)
            {
              if (refs[j][0] != '\0' && !g_hash_table_contains (ids, refs[j]))
                codes |= CODE (TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE);
            }
        }

      /* Levels are on the scale. */
      {
        gboolean competency_level = xmlStrEqual (node->name, (const xmlChar *) "level") &&
                                    xmlStrEqual (node->parent->name, (const xmlChar *) "competency");
        g_autofree xmlChar *level = xmlGetNoNsProp (node, (const xmlChar *) (competency_level ? "value" : "level"));

        if (level != NULL && (competency_level || !xmlStrEqual (node->name, (const xmlChar *) "competency")) &&
            !level_on_scale (scale, g_ascii_strtoll ((const char *) level, NULL, 10)))
          codes |= CODE (TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE);
      }

      /* Two children that say the same thing. */
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          g_autofree xmlChar *competency = NULL, *value = NULL, *role = NULL, *source = NULL, *date = NULL;
          char *key = NULL;

          if (child->type != XML_ELEMENT_NODE)
            continue;

          competency = xmlGetNoNsProp (child, (const xmlChar *) "competency");
          value = xmlGetNoNsProp (child, (const xmlChar *) "value");
          role = xmlGetNoNsProp (child, (const xmlChar *) "role");
          source = xmlGetNoNsProp (child, (const xmlChar *) "source");
          date = xmlGetNoNsProp (child, (const xmlChar *) "date");

          if (xmlStrEqual (child->name, (const xmlChar *) "level") &&
              xmlStrEqual (node->name, (const xmlChar *) "competency"))
            key = g_strdup_printf ("level %s", value);
          else if (xmlStrEqual (child->name, (const xmlChar *) "needs") ||
                   xmlStrEqual (child->name, (const xmlChar *) "requires"))
            key = g_strdup_printf ("%s %s", child->name, competency);
          else if (xmlStrEqual (child->name, (const xmlChar *) "assign"))
            key = g_strdup_printf ("assign %s", role);
          else if (xmlStrEqual (child->name, (const xmlChar *) "assessment"))
            key = g_strdup_printf ("assessment %s %s %s", competency, source, date);

          if (key != NULL && seen_twice (seen, key))
            codes |= CODE (TRELLIS_DOCUMENT_ERROR_INVALID);
        }
    }

  return codes;
}

/* One mutation, judged by both; FALSE when they disagree. */
static gboolean
check_mutation (xmlDocPtr       original,
                GPtrArray      *original_elements,
                const char     *example,
                const Mutation *m,
                GString        *failures,
                guint          *n_checked)
{
  g_autoptr(GBytes) bytes = mutate (original, m);
  g_autoptr(TrellisLoadReport) report = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  xmlDocPtr parsed;
  gboolean schema_ok;
  guint expected = 0;
  guint given = 0;
  const char *problem = NULL;

  if (bytes == NULL)
    return TRUE;

  (*n_checked)++;
  parsed = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  schema_ok = schema_accepts (parsed, NULL);
  if (schema_ok)
    expected = beyond_schema (parsed);

  report = trellis_load_report_new ();
  doc = trellis_document_new_from_bytes (bytes, "mutant.trellis", report, &error);
  for (guint i = 0; i < trellis_load_report_get_n_items (report); i++)
    {
      if (trellis_load_report_get_severity (report, i) == TRELLIS_LOAD_ERROR)
        given |= CODE (trellis_load_report_get_code (report, i));
    }

  if (!schema_ok && doc != NULL)
    problem = "the reader accepts what the schema refuses";
  else if (schema_ok && expected == 0 && doc == NULL)
    problem = "the reader refuses what the schema accepts";
  else if (schema_ok && expected != 0 && doc != NULL)
    problem = "the reader accepts what it must refuse beyond the schema";
  else if (schema_ok && expected != 0 && (given & ~expected) != 0)
    problem = "the reader refuses for another reason than the one beyond the schema";

  if (problem != NULL)
    {
      g_autofree char *dump = test_report_dump (report);
      g_autoptr(GString) said = g_string_new (NULL);

      schema_accepts (parsed, said);
      what = describe (g_ptr_array_index (original_elements, m->element), m);
      g_string_append_printf (failures, "%s: %s: %s\n%s%s", example, what, problem, said->str, dump);
    }

  if (parsed != NULL)
    xmlFreeDoc (parsed);

  return problem == NULL;
}

/* Notes where a kind of element or attribute is first seen. */
static void
remember (GHashTable *first,
          char       *kind,
          guint       where)
{
  if (g_hash_table_contains (first, kind))
    g_free (kind);
  else
    g_hash_table_insert (first, kind, GUINT_TO_POINTER (where));
}

/* Every mutation of every kind of element and attribute where it first
 * comes, and a random sample of further mutations anywhere. */
static void
test_example (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_str_has_prefix (name, "tests/")
                          ? g_test_build_filename (G_TEST_DIST, "data", name + strlen ("tests/"), NULL)
                          : g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  xmlDocPtr original;
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GArray) mutations = g_array_new (FALSE, FALSE, sizeof (Mutation));
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261120);
  guint n_failed = 0;
  guint n_checked = 0;

  if (schema == NULL)
    load_schema ();

  contents = test_read_file (path, &len);
  original = parse (contents, len);
  g_assert_nonnull (original);
  g_assert_true (schema_accepts (original, NULL));
  elements = elements_of (original);

  /* The first element of each kind, and of each attribute. */
  for (guint i = 0; i < elements->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (elements, i);
      guint k = 0;

      remember (first, element_kind (node), i + 1);
      for (xmlAttrPtr a = node->properties; a != NULL; a = a->next, k++)
        remember (first, attribute_kind (node, a), ((i + 1) << 8) | k);
    }

  g_hash_table_iter_init (&iter, first);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint v = GPOINTER_TO_UINT (value);
      gboolean is_attribute = strchr (key, '@') != NULL;

      for (MutationKind kind = is_attribute ? FIRST_ATTR_MUTATION : 0;
           kind < (is_attribute ? N_MUTATIONS : FIRST_ATTR_MUTATION); kind++)
        {
          Mutation m = { kind, is_attribute ? (v >> 8) - 1 : v - 1, is_attribute ? (v & 0xff) : 0 };

          g_array_append_val (mutations, m);
        }
    }

  for (guint i = 0; i < N_SAMPLED; i++)
    {
      Mutation m = { 0 };
      xmlNodePtr node;
      guint n_attrs = 0;

      m.element = g_rand_int_range (rand, 0, elements->len);
      node = g_ptr_array_index (elements, m.element);
      for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
        n_attrs++;
      m.kind = g_rand_int_range (rand, 0, n_attrs > 0 ? N_MUTATIONS : FIRST_ATTR_MUTATION);
      if (m.kind >= FIRST_ATTR_MUTATION)
        m.attribute = g_rand_int_range (rand, 0, n_attrs);
      g_array_append_val (mutations, m);
    }

  for (guint i = 0; i < mutations->len; i++)
    {
      if (!check_mutation (original, elements, name, &g_array_index (mutations, Mutation, i), failures, &n_checked))
        n_failed++;
    }

  xmlFreeDoc (original);

  g_test_message ("%s: %u mutations, %u disagreements", name, n_checked, n_failed);
  g_assert_cmpuint (n_checked, >, 500);
  if (n_failed > 0)
    g_error ("%u of %u mutations of %s are judged otherwise by the reader than by %s:\n%s",
             n_failed, n_checked, name, schema_path (), failures->str);
}

/* What the reader says of each kind of disagreement it had: the line,
 * and a sentence that names the problem. */

typedef struct
{
  const char *path;
  const char *body;        /* inside <trellis>, from line 3 on */
  const char *version;
  guint       line;
  const char *fragment;    /* in the message */
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "vision-twice", "<organisation>\n<vision>A</vision>\n<vision>B</vision>\n</organisation>", "1.0",
    5, "<vision> may come only once inside <organisation>" },
  { "description-twice", "<values>\n<value id=\"v\" name=\"V\">\n<description>A</description>\n"
    "<description>B</description>\n</value>\n</values>", "1.0",
    6, "<description> may come only once inside <value>" },
  { "description-last", "<values>\n<value id=\"v\" name=\"V\">\n<behaviour>A</behaviour>\n"
    "<description>B</description>\n</value>\n</values>", "1.0",
    6, "<description> must come before <behaviour> inside <value>" },
  { "note-twice", "<competencies><competency id=\"c\" name=\"C\"/></competencies>\n<people>\n"
    "<person id=\"p\" name=\"P\">\n<assessment competency=\"c\" level=\"1\" source=\"self\" date=\"2026-01-01\">\n"
    "<note>A</note>\n<note>B</note>\n</assessment>\n</person>\n</people>", "1.0",
    8, "<note> may come only once inside <assessment>" },
  { "evidence-before-note", "<competencies><competency id=\"c\" name=\"C\"/></competencies>\n<people>\n"
    "<person id=\"p\" name=\"P\">\n<assessment competency=\"c\" level=\"1\" source=\"self\" date=\"2026-01-01\">\n"
    "<evidence>A</evidence>\n<note>B</note>\n</assessment>\n</person>\n</people>", "1.0",
    8, "<note> must come before <evidence> inside <assessment>" },
  { "response-twice", "<feedback>\n<remark id=\"f\">\n<response>A</response>\n<response>B</response>\n"
    "</remark>\n</feedback>", "1.0",
    6, "<response> may come only once inside <remark>" },
  { "values-empty", "<competencies>\n<competency id=\"c\" name=\"C\" values=\"\"/>\n</competencies>", "1.0",
    4, "The value ‘’ is not valid for the attribute ‘values’ of <competency>" },
  { "roles-blank", "<people>\n<person id=\"p\" name=\"P\" roles=\" \"/>\n</people>", "1.0",
    4, "The value ‘ ’ is not valid for the attribute ‘roles’ of <person>" },
  { "foreign-element", "<roles>\n<role id=\"r\" name=\"R\">\n<x:extra xmlns:x=\"urn:example:other\"/>\n"
    "</role>\n</roles>", "1.0",
    5, "The element <extra> is not part of the Trellis format and is not allowed inside <role>" },
  { "foreign-attribute", "<roles>\n<role id=\"r\" name=\"R\" xmlns:x=\"urn:example:other\" x:colour=\"blue\"/>\n"
    "</roles>", "1.0",
    4, "The element <role> has no attribute ‘colour’" },
  { "xml-space", "<roles>\n<role id=\"r\" name=\"R\" xml:space=\"preserve\"/>\n</roles>", "1.0",
    4, "The element <role> has no attribute ‘xml:space’" },
  { "level-leading-zero", "<competencies>\n<competency id=\"c\" name=\"C\">\n<level value=\"03\">A</level>\n"
    "</competency>\n</competencies>", "1.0",
    5, "The value ‘03’ is not valid for the attribute ‘value’ of <level>" },
  { "people-plus", "<competencies><competency id=\"c\" name=\"C\"/></competencies>\n<roles>\n<role id=\"r\" name=\"R\">\n"
    "<target competency=\"c\" level=\"2\" people=\"+2\"/>\n</role>\n</roles>", "1.0",
    6, "The value ‘+2’ is not valid for the attribute ‘people’ of <target>" },
  { "level-padded", "<competencies><competency id=\"c\" name=\"C\"/></competencies>\n<roles>\n<role id=\"r\" name=\"R\">\n"
    "<requires competency=\"c\" level=\" 2\"/>\n</role>\n</roles>", "1.0",
    6, "The value ‘ 2’ is not valid for the attribute ‘level’ of <requires>" },
  { "version-leading-zero", "", "01.0",
    2, "The value ‘01.0’ is not valid for the attribute ‘version’ of <trellis>" },
  { "version-long-minor", "", "1.0000",
    2, "The value ‘1.0000’ is not valid for the attribute ‘version’ of <trellis>" },
};

static void
test_refused (gconstpointer data)
{
  const RefusedCase *rc = data;
  g_autofree char *xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"%s\" xml:lang=\"en\">\n"
                                          "%s\n</trellis>\n", rc->version, rc->body);
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr parsed;

  if (schema == NULL)
    load_schema ();

  /* The schema refuses it too. */
  parsed = parse (xml, strlen (xml));
  g_assert_nonnull (parsed);
  g_assert_false (schema_accepts (parsed, NULL));
  xmlFreeDoc (parsed);

  doc = test_load_string (xml, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID);
  test_assert_message_line (error, TEST_DISPLAY_NAME, rc->line);
  if (strstr (error->message, rc->fragment) == NULL)
    g_error ("expected ‘%s’ in ‘%s’", rc->fragment, error->message);
}

/* xml:lang is a language tag, or the file is refused. */
static void
test_language (void)
{
  static const struct { const char *lang; gboolean valid; } cases[] = {
    { "en", TRUE }, { "nl-BE", TRUE }, { "zh-Hant-TW", TRUE }, { "de-1996", TRUE },
    { "", FALSE }, { "e n", FALSE }, { "en-", FALSE }, { "-en", FALSE }, { "1en", FALSE },
    { "abcdefghi", FALSE }, { "en--gb", FALSE }, { " en", FALSE },
  };

  if (schema == NULL)
    load_schema ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strdup_printf ("<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\" xml:lang=\"%s\"/>",
                                              cases[i].lang);
      g_autoptr(TrellisDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      xmlDocPtr parsed = parse (xml, strlen (xml));

      g_assert_cmpint (schema_accepts (parsed, NULL), ==, cases[i].valid);
      xmlFreeDoc (parsed);

      doc = test_load_string (xml, NULL, &error);
      if (cases[i].valid)
        {
          g_autofree char *out = test_serialize_string (doc);
          g_autofree char *attribute = g_strdup_printf ("xml:lang=\"%s\"", cases[i].lang);

          g_assert_no_error (error);
          g_assert_nonnull (strstr (out, attribute));
        }
      else
        {
          g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "xml:lang"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The example matrices, and a file of format 1.1 with the decisions
   * of workshop votes. */
  static const char * const examples[] = {
    "customer-service.trellis",
    "klantenservice.trellis",
    "kundenservice.trellis",
    "tests/decisions.trellis",
  };

  g_test_init (&argc, &argv, NULL);
  xmlSetStructuredErrorFunc (NULL, ignore_error);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *base = g_path_get_basename (examples[i]);
      g_autofree char *test_path = g_strdup_printf ("/trellis/schema/agreement/%s", base);

      g_test_add_data_func (test_path, examples[i], test_example);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/trellis/schema/refused/%s", refused_cases[i].path);

      g_test_add_data_func (test_path, &refused_cases[i], test_refused);
    }
  g_test_add_func ("/trellis/schema/language", test_language);

  return g_test_run ();
}
