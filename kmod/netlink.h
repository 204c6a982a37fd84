/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the parts of the generic netlink family share.
 */
#ifndef _V4V6_NETLINK_H
#define _V4V6_NETLINK_H

#include <net/genetlink.h>

#include "v4v6.h"

#define V4V6_MCGRP_EVENTS 0

extern struct genl_family v4v6_genl_family;
extern const struct nla_policy v4v6_nl_policy[V4V6_A_MAX + 1];

int v4v6_nl_only(struct genl_info *info, u64 allowed);

/* Whether attribute @type is present; if not, the ack says @msg. */
#define v4v6_nl_need(info, type, msg) ({				\
	struct genl_info *__info = (info);				\
	int __type = (type);						\
	bool __present = __info->attrs[__type];				\
									\
	if (!__present) {						\
		NL_SET_ERR_ATTR_MISS(__info->extack, NULL, __type);	\
		NL_SET_ERR_MSG(__info->extack, msg);			\
	}								\
	__present;							\
})

int v4v6_nl_ifindex(struct net *net, struct nlattr *attr,
		    struct netlink_ext_ack *extack);
void v4v6_nl_event(struct net *net, struct sk_buff *msg);
int v4v6_cfg_fill(struct sk_buff *skb, const void *arg);
struct sk_buff *v4v6_nl_msg(u32 portid, u32 seq, u8 cmd,
			    int (*fill)(struct sk_buff *, const void *),
			    const void *arg);

/* allow.c */
int v4v6_allow_parse(const struct nlattr *list, struct v4v6_device *d,
		     struct netlink_ext_ack *extack);
int v4v6_allow_fill(struct sk_buff *skb, const struct v4v6_device *d);

/* nl_device.c */
int v4v6_dev_parse(struct net *net, struct genl_info *info,
		   const struct v4v6_config *cfg, struct v4v6_device *d);
void v4v6_dev_event(struct net *net, const struct v4v6_device *d, u8 cmd);
int v4v6_nl_new_device(struct sk_buff *skb, struct genl_info *info);
int v4v6_nl_set_device(struct sk_buff *skb, struct genl_info *info);
int v4v6_nl_del_device(struct sk_buff *skb, struct genl_info *info);
int v4v6_nl_get_device(struct sk_buff *skb, struct genl_info *info);
int v4v6_nl_dump_devices(struct sk_buff *skb, struct netlink_callback *cb);
int v4v6_nl_flush(struct sk_buff *skb, struct genl_info *info);

#endif /* _V4V6_NETLINK_H */
