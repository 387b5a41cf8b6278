/* trellis-network.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TrellisNetwork:
 * @interface: the name of the network interface ("wlp2s0", "lo")
 * @address: its IPv4 address
 * @loopback: whether only this computer reaches it
 *
 * A network the vote server can listen on.
 */
typedef struct
{
  char         *interface;
  GInetAddress *address;
  gboolean      loopback;
} TrellisNetwork;

GPtrArray *trellis_network_list         (void);
char      *trellis_network_dup_label    (const TrellisNetwork *network);
guint      trellis_network_find         (GPtrArray            *networks,
                                         const char           *interface);

G_END_DECLS
