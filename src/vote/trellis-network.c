/* trellis-network.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-network"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "trellis-network.h"

/* The networks the vote server may listen on: every interface that is up
 * with an IPv4 address, the others first and this computer alone last.
 * The facilitator chooses one (the room's Wi-Fi, usually); the server
 * never listens on all of them, so that a laptop on two networks opens
 * the vote to only one. IPv6 is left out: phones type an IPv4 address
 * far more easily, and every network that phones share has one. */

static void
network_free (gpointer data)
{
  TrellisNetwork *network = data;

  g_free (network->interface);
  g_clear_object (&network->address);
  g_free (network);
}

static int
compare_networks (gconstpointer a,
                  gconstpointer b)
{
  const TrellisNetwork *x = *(const TrellisNetwork * const *) a;
  const TrellisNetwork *y = *(const TrellisNetwork * const *) b;

  if (x->loopback != y->loopback)
    return x->loopback ? 1 : -1;

  return g_strcmp0 (x->interface, y->interface);
}

/**
 * trellis_network_list:
 *
 * Returns: (transfer full) (element-type TrellisNetwork): the networks
 *   this computer is on now, loopback last
 */
GPtrArray *
trellis_network_list (void)
{
  GPtrArray *networks = g_ptr_array_new_with_free_func (network_free);
  struct ifaddrs *list = NULL;

  if (getifaddrs (&list) != 0)
    {
      g_debug ("The network interfaces could not be listed: %s", g_strerror (errno));
      return networks;
    }

  for (struct ifaddrs *i = list; i != NULL; i = i->ifa_next)
    {
      TrellisNetwork *network;

      if (i->ifa_addr == NULL || i->ifa_addr->sa_family != AF_INET || (i->ifa_flags & IFF_UP) == 0)
        continue;

      network = g_new0 (TrellisNetwork, 1);
      network->interface = g_strdup (i->ifa_name);
      network->address = g_inet_address_new_from_bytes ((const guint8 *) &((struct sockaddr_in *) (void *) i->ifa_addr)->sin_addr,
                                                        G_SOCKET_FAMILY_IPV4);
      network->loopback = (i->ifa_flags & IFF_LOOPBACK) != 0 || g_inet_address_get_is_loopback (network->address);
      g_ptr_array_add (networks, network);
    }

  freeifaddrs (list);
  g_ptr_array_sort (networks, compare_networks);

  return networks;
}

/**
 * trellis_network_dup_label:
 * @network: a network
 *
 * Returns: (transfer full): what to call it in a list of choices
 */
char *
trellis_network_dup_label (const TrellisNetwork *network)
{
  g_autofree char *address = NULL;

  g_return_val_if_fail (network != NULL, NULL);

  address = g_inet_address_to_string (network->address);
  if (network->loopback)
    /* Translators: a network to let phones vote on; %s is an address such as 127.0.0.1. */
    return g_strdup_printf (_("This computer only (%s)"), address);

  /* Translators: a network to let phones vote on; the first %s is the interface (“wlp2s0”), the second its address. */
  return g_strdup_printf (_("%s (%s)"), network->interface, address);
}

/**
 * trellis_network_find:
 * @networks: (element-type TrellisNetwork): networks
 * @interface: (nullable): an interface name
 *
 * Returns: the position of @interface in @networks; else the first
 *   network, which is not loopback when there is another
 */
guint
trellis_network_find (GPtrArray  *networks,
                      const char *interface)
{
  g_return_val_if_fail (networks != NULL, 0);

  for (guint i = 0; interface != NULL && i < networks->len; i++)
    if (g_strcmp0 (((TrellisNetwork *) g_ptr_array_index (networks, i))->interface, interface) == 0)
      return i;

  return 0;
}
