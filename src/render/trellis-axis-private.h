/* trellis-axis-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "trellis-layout.h"
#include "trellis-translations.h"

G_BEGIN_DECLS

/* TrellisItem.index of the team's aggregate rows. */
#define TRELLIS_TEAM_INDEX G_MAXUINT
/* TrellisItem.role of a row that no role's requirement applies to. */
#define TRELLIS_NO_ROLE    (G_MAXUINT - 1)

/* Marks on a row or column header. */
enum
{
  TRELLIS_ITEM_MARK_SINGLE    = 1 << 0,  /* single point of knowledge */
  TRELLIS_ITEM_MARK_PROBLEM   = 1 << 1,  /* a rule finding of severity problem */
  TRELLIS_ITEM_MARK_WARNING   = 1 << 2,  /* a rule finding of severity warning */
  TRELLIS_ITEM_MARK_INFO      = 1 << 3,
  TRELLIS_ITEM_MARK_AGGREGATE = 1 << 4,  /* drawn in italics */
  TRELLIS_ITEM_MARK_FOCUS     = 1 << 5,  /* the role a view is narrowed to: bold */
};

#define TRELLIS_ITEM_MARKS_SHOWN (TRELLIS_ITEM_MARK_SINGLE | TRELLIS_ITEM_MARK_PROBLEM | \
                                  TRELLIS_ITEM_MARK_WARNING | TRELLIS_ITEM_MARK_INFO)

/**
 * TrellisItem:
 *
 * A row or a column.
 */
typedef struct
{
  TrellisItemKind  kind;
  guint            index;     /* position in the analysis; role or TEAM_INDEX for aggregates */
  guint            group;
  guint            role;      /* the role whose requirement applies, or NO_ROLE */
  TrellisEntity   *entity;    /* borrowed from the analysis; NULL for the team */
  double           pos;
  double           size;
  char            *label;
  guint            marks;
  guint            footnote;  /* 1-based number in the findings list, or 0 */
  guint            n_notes;   /* how many findings from footnote on */
  PangoLayout     *layout;    /* header text, made when first painted */
  gpointer         data;      /* the view's: aggregate cells, perspectives */
} TrellisItem;

/**
 * TrellisGroup:
 *
 * Rows or columns that go together under one name in the header band: a
 * role's people, a value's competencies, a result's responsibilities.
 */
typedef struct
{
  char            *label;
  TrellisEntity   *entity;
  guint            first;
  guint            n;
  double           pos;
  double           size;
  PangoLayout     *layout;
  PangoLayout     *layout_upright;
} TrellisGroup;

/**
 * TrellisAxis:
 *
 * The rows, or the columns, of a view: items in groups, their places
 * along the axis, and the size of their header.
 */
typedef struct
{
  GArray          *items;     /* TrellisItem */
  GArray          *groups;    /* TrellisGroup */
  double           extent;    /* length of the content along the axis */
  double           header;    /* breadth of the header */
  double           label_width;
  double           band;      /* breadth of the group band */
  gboolean         rotated;   /* column labels drawn vertically */
  const char      *language;  /* the content language of the labels, or NULL: the options' */
} TrellisAxis;

static inline TrellisItem *
trellis_axis_get_item (const TrellisAxis *axis,
                       guint              index)
{
  return &g_array_index (axis->items, TrellisItem, index);
}

static inline TrellisGroup *
trellis_axis_get_group (const TrellisAxis *axis,
                        guint              index)
{
  return &g_array_index (axis->groups, TrellisGroup, index);
}

/* Where an item starts: a mirrored axis runs from its far end back. */
static inline double
trellis_axis_item_start (const TrellisAxis *axis,
                         const TrellisItem *item,
                         gboolean           mirrored)
{
  return mirrored ? axis->extent - item->pos - item->size : item->pos;
}

void          trellis_axis_init             (TrellisAxis     *axis);
void          trellis_axis_clear            (TrellisAxis     *axis);
void          trellis_axis_begin_group      (TrellisAxis     *axis,
                                             TrellisEntity   *entity,
                                             const char      *label);
void          trellis_axis_end_group        (TrellisAxis     *axis);
TrellisItem  *trellis_axis_add_item         (TrellisAxis     *axis,
                                             TrellisItemKind  kind,
                                             guint            index,
                                             TrellisEntity   *entity,
                                             const char      *label);
void          trellis_axis_place            (TrellisAxis     *axis,
                                             double           size,
                                             double           group_gap);
gboolean      trellis_axis_find             (const TrellisAxis *axis,
                                             double           pos,
                                             gboolean         mirrored,
                                             guint           *index);
void          trellis_axis_visible          (const TrellisAxis *axis,
                                             double           from,
                                             double           length,
                                             gboolean         mirrored,
                                             guint           *first,
                                             guint           *end);
gboolean      trellis_axis_has_group_labels (const TrellisAxis *axis);

G_END_DECLS
