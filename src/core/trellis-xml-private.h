/* trellis-xml-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)

/* Limits that keep a hostile file from costing more than a normal one. */
#define TRELLIS_XML_MAX_DEPTH          32
#define TRELLIS_XML_MAX_ATTRIBUTES     64
#define TRELLIS_XML_MAX_TAG_BYTES      (1024 * 1024)
#define TRELLIS_XML_MAX_TEXT_BYTES     (1024 * 1024)
#define TRELLIS_XML_SHORT_TAG_BYTES    8192
#define TRELLIS_XML_MAX_ERRORS         100

G_END_DECLS
