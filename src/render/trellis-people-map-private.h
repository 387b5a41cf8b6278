/* trellis-people-map-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-grid-map-private.h"

G_BEGIN_DECLS

/**
 * TrellisAggregateCell:
 * @agg: the total over the role's (or the team's) people
 * @mean_text: the text of its mean
 * @share_text: the text of its share of people meeting the requirement
 * @behind: how many people the total stands on, for the privacy rule
 * @hidden: people behind it who are not shown
 * @withheld: it would give them away beside the other totals shown
 *
 * One column of a role's (or the team's) aggregate rows.
 */
typedef struct
{
  TrellisAggregate   agg;
  guint16            mean_text;
  guint16            share_text;
  guint              behind;
  guint              hidden;
  gboolean           withheld;
} TrellisAggregateCell;

#define TRELLIS_TYPE_PEOPLE_MAP            (trellis_people_map_get_type ())
#define TRELLIS_PEOPLE_MAP(obj)            (G_TYPE_CHECK_INSTANCE_CAST ((obj), TRELLIS_TYPE_PEOPLE_MAP, TrellisPeopleMap))
#define TRELLIS_PEOPLE_MAP_CLASS(klass)    (G_TYPE_CHECK_CLASS_CAST ((klass), TRELLIS_TYPE_PEOPLE_MAP, TrellisPeopleMapClass))
#define TRELLIS_PEOPLE_MAP_GET_CLASS(obj)  (G_TYPE_INSTANCE_GET_CLASS ((obj), TRELLIS_TYPE_PEOPLE_MAP, TrellisPeopleMapClass))

typedef struct _TrellisPeopleMap      TrellisPeopleMap;
typedef struct _TrellisPeopleMapClass TrellisPeopleMapClass;

/**
 * TrellisPeopleMap:
 *
 * A grid of people (grouped by role; a person with two roles is in both
 * groups) × competencies (grouped by their first value), with, for views
 * that total them, each role's aggregate rows and the team's. The gap
 * heatmap, perception and trend are people maps.
 */
struct _TrellisPeopleMap
{
  TrellisGridMap  parent_instance;

  GPtrArray      *aggregates;  /* TrellisAggregateCell arrays, owned */
};

/**
 * TrellisPeopleMapClass:
 * @compute_person: what a person's cell holds and how it is painted (see
 *   #TrellisGridMapClass.compute_cell)
 * @describe_person: the lines that say what a person's cell means
 * @counts: whether a person counts in the total of a role (or
 *   %TRELLIS_TEAM_INDEX) over a competency; %NULL for a view without
 *   aggregate rows
 * @aggregate: works out the total of a role (or %TRELLIS_TEAM_INDEX)
 *   over a competency
 * @add_aggregate_rows: adds the rows that show a role's (or the team's)
 *   totals, with trellis_people_map_add_aggregate_row()
 * @compute_total: what a cell of an aggregate row holds and how it is
 *   painted
 * @describe_total: the lines that say what a total means, where it
 *   shows one
 */
struct _TrellisPeopleMapClass
{
  TrellisGridMapClass  parent_class;

  void      (*compute_person)     (TrellisPeopleMap           *self,
                                   guint                       row,
                                   guint                       column,
                                   TrellisCellInfo            *info,
                                   TrellisCellPaint           *paint);
  void      (*describe_person)    (TrellisPeopleMap           *self,
                                   guint                       row,
                                   guint                       column,
                                   const TrellisCellInfo      *info,
                                   gboolean                    tooltip,
                                   GPtrArray                  *lines);

  gboolean  (*counts)             (TrellisPeopleMap           *self,
                                   guint                       role,
                                   guint                       person,
                                   guint                       competency);
  void      (*aggregate)          (TrellisPeopleMap           *self,
                                   guint                       role,
                                   guint                       competency,
                                   TrellisAggregateCell       *cell);
  void      (*add_aggregate_rows) (TrellisPeopleMap           *self,
                                   guint                       role,
                                   TrellisEntity              *entity,
                                   TrellisAggregateCell       *cells);
  void      (*compute_total)      (TrellisPeopleMap           *self,
                                   guint                       row,
                                   const TrellisAggregateCell *cell,
                                   TrellisCellInfo            *info,
                                   TrellisCellPaint           *paint);
  void      (*describe_total)     (TrellisPeopleMap           *self,
                                   guint                       row,
                                   const TrellisAggregateCell *cell,
                                   const TrellisCellInfo      *info,
                                   GPtrArray                  *lines);
};

GType        trellis_people_map_get_type              (void);

void         trellis_people_map_add_aggregate_row     (TrellisPeopleMap       *self,
                                                       TrellisItemKind         kind,
                                                       guint                   role,
                                                       TrellisEntity          *entity,
                                                       const char             *label,
                                                       TrellisAggregateCell   *cells);

const TrellisCell *
             trellis_people_map_person_cell           (TrellisPeopleMap       *self,
                                                       guint                   row,
                                                       guint                   column,
                                                       TrellisCellInfo        *info,
                                                       TrellisCellPaint       *paint);
gboolean     trellis_people_map_aggregate_shown       (TrellisPeopleMap       *self,
                                                       const TrellisAggregateCell *cell,
                                                       TrellisCellInfo        *info,
                                                       TrellisCellPaint       *paint);

gboolean     trellis_people_map_get_assessment        (TrellisPeopleMap       *self,
                                                       guint                   row,
                                                       guint                   column,
                                                       TrellisAssessment      *effective);
void         trellis_people_map_describe_assessed     (TrellisPeopleMap       *self,
                                                       gboolean                assessed,
                                                       const TrellisAssessment *effective,
                                                       GPtrArray              *lines);
void         trellis_people_map_describe_wish_and_note (TrellisPeopleMap      *self,
                                                       const TrellisCellInfo  *info,
                                                       gboolean                tooltip,
                                                       gboolean                assessed,
                                                       const TrellisAssessment *effective,
                                                       GPtrArray              *lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisPeopleMap, g_object_unref)

G_END_DECLS
