// SPDX-License-Identifier: GPL-2.0
/*
 * v4v6: per-device CLAT for IPv4-only LANs on IPv6-only networks.
 */
#include <linux/module.h>
#include <net/genetlink.h>

#include "v4v6.h"

static int __init v4v6_init(void)
{
	int err;

	err = v4v6_instance_register();
	if (err)
		return err;
	err = v4v6_genl_register();
	if (err)
		goto err_instance;
	/* Last: it changes the instances and announces on the family. */
	err = v4v6_link_register();
	if (err)
		goto err_genl;
	pr_info("loaded\n");
	return 0;

err_genl:
	v4v6_genl_unregister();
err_instance:
	v4v6_instance_unregister();
	return err;
}

static void __exit v4v6_exit(void)
{
	v4v6_link_unregister();
	v4v6_genl_unregister();
	v4v6_instance_unregister();
	/* Configurations replaced just before unload are freed by RCU. */
	rcu_barrier();
	pr_info("unloaded\n");
}

module_init(v4v6_init);
module_exit(v4v6_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Per-device CLAT (RFC 6877) for IPv4-only LANs on IPv6-only networks");
MODULE_AUTHOR("The v4v6 authors");
MODULE_ALIAS_GENL_FAMILY(V4V6_GENL_NAME);
