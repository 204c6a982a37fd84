// SPDX-License-Identifier: GPL-2.0
/*
 * The per-network-namespace instance: its configuration and its hooks.
 */
#include <linux/percpu.h>
#include <linux/slab.h>
#include <net/netns/generic.h>

#include "path.h"
#include "route6.h"
#include "fib4.h"
#include "v4v6.h"

static unsigned int v4v6_net_id __read_mostly;

struct v4v6_net *v4v6_net(const struct net *net)
{
	return net_generic(net, v4v6_net_id);
}

/**
 * v4v6_config_init() - the configuration of a new namespace
 * @cfg: filled with no interfaces, 64:ff9b::/96 and a lowest MTU of 1280
 */
void v4v6_config_init(struct v4v6_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->pref64.addr.s6_addr[1] = 0x64;
	cfg->pref64.addr.s6_addr[2] = 0xff;
	cfg->pref64.addr.s6_addr[3] = 0x9b;
	cfg->pref64.len = V4V6_PREF64_DEFAULT_LEN;
	cfg->lowest_mtu = V4V6_MIN_MTU;
	cfg->unknown = V4V6_UNKNOWN_PASS;
	cfg->inbound = V4V6_INBOUND_REPLIES;
}

static int v4v6_counters_alloc(struct v4v6_net *vn)
{
	int cpu;

	vn->counters = alloc_percpu(struct v4v6_counters);
	if (!vn->counters)
		return -ENOMEM;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(vn->counters, cpu)->syncp);
	return 0;
}

static int __net_init v4v6_net_init(struct net *net)
{
	struct v4v6_net *vn = v4v6_net(net);
	struct v4v6_config *cfg;
	int err;

	cfg = kmalloc_obj(*cfg, GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	v4v6_config_init(cfg);
	mutex_init(&vn->lock);
	spin_lock_init(&vn->ev_lock);
	RCU_INIT_POINTER(vn->cfg, cfg);

	err = v4v6_counters_alloc(vn);
	if (err)
		goto err_cfg;
	err = v4v6_route6_init(&vn->route6);
	if (err)
		goto err_counters;
	err = v4v6_fib4_init(&vn->fib4);
	if (err)
		goto err_route6;
	err = v4v6_table_init(vn);
	if (err)
		goto err_fib4;
	err = v4v6_hooks_register(net);
	if (err)
		goto err_table;
	return 0;

err_table:
	v4v6_table_destroy(vn);
err_fib4:
	v4v6_fib4_destroy(vn->fib4);
err_route6:
	v4v6_route6_destroy(vn->route6);
err_counters:
	free_percpu(vn->counters);
err_cfg:
	RCU_INIT_POINTER(vn->cfg, NULL);
	kfree(cfg);
	return err;
}

static void __net_exit v4v6_net_exit(struct net *net)
{
	struct v4v6_net *vn = v4v6_net(net);

	/* Unregistering the hooks waits for every packet inside them. */
	v4v6_hooks_unregister(net);
	mutex_lock(&vn->lock);
	v4v6_ct_hold(net, vn, false);
	mutex_unlock(&vn->lock);
	v4v6_table_destroy(vn);
	v4v6_lan_unroute(vn);
	v4v6_route6_destroy(vn->route6);
	v4v6_fib4_destroy(vn->fib4);
	free_percpu(vn->counters);
	kfree(rcu_dereference_protected(vn->cfg, true));
	RCU_INIT_POINTER(vn->cfg, NULL);
}

static struct pernet_operations v4v6_net_ops = {
	.init = v4v6_net_init,
	.exit = v4v6_net_exit,
	.id = &v4v6_net_id,
	.size = sizeof(struct v4v6_net),
};

int v4v6_instance_register(void)
{
	return register_pernet_subsys(&v4v6_net_ops);
}

void v4v6_instance_unregister(void)
{
	unregister_pernet_subsys(&v4v6_net_ops);
}
