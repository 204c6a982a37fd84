#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that the family's YAML spec and its uapi header agree.

    scripts/spec-check.py [--schema GENETLINK-LEGACY.YAML] [SPEC [HEADER [NETLINK_C]]]

Defaults: uapi/v4v6.yaml, uapi/linux/v4v6.h and kmod/netlink.c. Every C
name the spec defines (commands, attributes, enum and flag values,
constants, the family's name and version, the multicast group) must be in
the header with the same value, and every enum and numeric define of the
header must be in the spec; each attribute must have the type its
kernel-doc line in the header names (u32, be32, 16 bytes, ...); the
module's ops table must have the spec's commands with their flags and
handlers, and its policy the spec's attribute types and checks. With --schema the spec is also validated against the
kernel's JSON schema (python3-jsonschema). Exit status 1 on any difference,
each one printed.
"""
import argparse
import re
import sys

import yaml

errors = []


def err(msg):
    errors.append(msg)


def c_name(*parts):
    return ''.join(parts).upper().replace('-', '_')


def header_parse(text):
    """The header's enums ({tag: [(NAME, value)]}) and defines."""
    text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
    enums = {}
    for m in re.finditer(r'enum\s+(\w+)\s*\{(.*?)\};', text, re.S):
        val, entries = 0, []
        for item in m.group(2).split(','):
            item = item.strip()
            if not item:
                continue
            name, _, expr = item.partition('=')
            if expr:
                val = int(expr.strip(), 0)
            entries.append((name.strip(), val))
            val += 1
        enums[m.group(1)] = entries
    defines = dict(re.findall(r'^#define\s+(\w+)[ \t]+(.+?)\s*$', text, re.M))
    return enums, defines


def define_value(defines, known, name):
    """A define's value: a string, a number, or an expression of known names."""
    return evaluate(defines[name], known)


def evaluate(expr, known):
    """A C constant expression of numbers and KNOWN names, or None."""
    if expr.startswith('"'):
        return expr.strip('"')
    expr = re.sub(r'\b(0x[0-9a-fA-F]+|\d+)[uUlL]*\b', r'\1', expr)
    expr = re.sub(r'\b[A-Za-z_]\w*\b',
                  lambda m: str(known.get(m.group(0), 'None')), expr)
    try:
        return eval(expr, {'__builtins__': {}})  # digits and operators only
    except Exception:  # pylint: disable=broad-except
        return None


def expect(header, what, name, value):
    """The header defines NAME as VALUE (header: {NAME: value})."""
    if name not in header:
        err(f'{what}: {name} is in the spec, not in the header')
    elif header[name] != value:
        err(f'{what}: {name} is {header[name]!r} in the header, {value!r} in the spec')


# Names the header may define, with these values: the mask of each set of
# flags (PREFIX_ALL).
optional = {}


def spec_names(spec):
    """Every C name the spec defines: ({NAME: value}, {enum tag: [NAMES]})."""
    fam = spec['name']
    names, enums = {}, {}
    names[c_name(spec.get('c-family-name', fam + '-genl-name'))] = fam
    names[c_name(spec.get('c-version-name', fam + '-genl-version'))] = spec.get('version', 1)
    for grp in spec.get('mcast-groups', {}).get('list', []):
        names[c_name(grp.get('c-define-name', fam + '-mcgrp-' + grp['name']))] = grp['name']
    for d in spec.get('definitions', []):
        prefix = d.get('name-prefix', f"{fam}-{d['name']}-")
        if d['type'] == 'const':
            names[c_name(d.get('name-prefix', fam + '-'), d['name'])] = d['value']
            continue
        val = d.get('value-start', 0)
        mask, members = 0, []
        for i, e in enumerate(d['entries']):
            e = e if isinstance(e, dict) else {'name': e}
            if d['type'] == 'flags':
                v = e.get('value', i)
                names[c_name(prefix, e['name'])] = 1 << v
                mask |= 1 << v
            else:
                val = e.get('value', val)
                names[c_name(prefix, e['name'])] = val
                members.append(c_name(prefix, e['name']))
                val += 1
        if d['type'] == 'flags':
            optional[c_name(prefix, 'all')] = mask
        else:
            if d.get('render-max'):
                names['__' + c_name(prefix, 'max')] = val
            enums[c_name(d['enum-name'])] = members
    for s in spec['attribute-sets']:
        if 'subset-of' in s:
            continue
        prefix = s.get('name-prefix', f"{fam}-a-")
        val, members = 1, []
        for a in s['attributes']:
            val = a.get('value', val)
            names[c_name(prefix, a['name'])] = val
            members.append(c_name(prefix, a['name']))
            val += 1
        cnt = c_name(s.get('attr-cnt-name', '--' + prefix + 'max'))
        names[cnt] = val
        if spec.get('max-by-define'):
            names[c_name(s.get('attr-max-name', prefix + 'max'))] = val - 1
        enums[c_name(s['enum-name'])] = members
    ops = spec['operations']
    prefix = ops.get('name-prefix', f"{fam}-cmd-")
    val, members, by_name = 1, [], {}
    for op in ops['list']:
        val = op.get('value', val)
        by_name[op['name']] = val
        base = op['name'][:-len('-ntf')]
        if 'notify' in op and op['name'].endswith('-ntf') and base in by_name:
            # A command's own notification, under the command's number.
            if by_name[base] != val:
                err(f"operations: {op['name']} is {val}, {base} {by_name[base]}")
        else:
            names[c_name(prefix, op['name'])] = val
            members.append(c_name(prefix, op['name']))
        val += 1
    names[c_name(spec.get('cmd-cnt-name', '--' + prefix + 'max'))] = max(by_name.values()) + 1
    if spec.get('max-by-define'):
        names[c_name(spec.get('cmd-max-name', prefix + 'max'))] = max(by_name.values())
    enums[c_name(ops['enum-name'])] = members
    return names, enums


def check_header(spec, text):
    names, spec_enums = spec_names(spec)
    h_enums, defines = header_parse(text)
    header = {}
    for tag, entries in h_enums.items():
        header.update(entries)
        if tag.upper() not in spec_enums:
            err(f'enum {tag}: in the header, not in the spec')
            continue
        # Same members in the same order; UNSPEC = 0 of the commands is the
        # spec's reserved value 0, __*_MAX the counters checked below.
        got = [n for n, v in entries
               if not n.startswith('__') and not (n.endswith('_CMD_UNSPEC') and v == 0)]
        want = spec_enums[tag.upper()]
        for n in got:
            if n not in want:
                err(f'enum {tag}: {n} is in the header, not in the spec')
        if [n for n in got if n in want] != [n for n in want if n in got]:
            err(f'enum {tag}: members in another order than the spec')
    for name in defines:
        header[name] = define_value(defines, header, name)
    for name, value in names.items():
        expect(header, 'uapi', name, value)
    for name in defines:
        if name in optional:
            expect(header, 'uapi', name, optional[name])
        elif name not in names and not name.startswith('_UAPI_'):
            err(f'#define {name}: in the header, not in the spec')


def attr_types(spec):
    """{C name: attribute} of the spec's main attribute sets."""
    fam, out = spec['name'], {}
    for s in spec['attribute-sets']:
        if 'subset-of' not in s:
            prefix = s.get('name-prefix', f"{fam}-a-")
            out.update({c_name(prefix, a['name']): a for a in s['attributes']})
    return out


def limit(spec, v):
    for d in spec.get('definitions', []):
        if d['type'] == 'const' and d['name'] == v:
            return d['value']
    return v


def check_policy(spec, text, header):
    """The module's policy: NLA type and checks of each attribute."""
    _, defines = header_parse(header)
    known = {}
    for tag, entries in header_parse(header)[0].items():
        known.update(entries)
    for name in defines:
        known[name] = define_value(defines, known, name)
    known.update({'ETH_ALEN': 6, 'sizeof(struct in6_addr)': 16})
    pol = re.search(r'nla_policy v4v6_nl_policy\[.*?\] = \{(.*?)\n\};', text, re.S)
    ranges = dict(re.findall(r'struct netlink_range_validation (\w+) [^=]*= \{\s*'
                             r'\.min = (\w+),\s*\.max = (\w+)', text, re.S) and
                  [(n, (a, b)) for n, a, b in re.findall(
                      r'struct netlink_range_validation (\w+) [^=]*= \{\s*'
                      r'\.min = (\w+),\s*\.max = (\w+)', text, re.S)])
    if not pol:
        err('kmod: no v4v6_nl_policy')
        return
    def num(expr):
        if not expr:
            return None
        return known.get(expr.strip(), evaluate(expr.strip(), known))

    for attr, entry in re.findall(r'\[(\w+)\]\s*=\s*(.+?),?\n(?=\s*\[|$)',
                                  pol.group(1) + '\n', re.S):
        entry = ' '.join(entry.split())
        a = attr_types(spec).get(attr)
        if a is None:
            err(f'policy: {attr} is not in the spec')
            continue
        t, checks = a['type'], a.get('checks', {})
        if 'NLA_REJECT' in entry or 'READ_ONLY' in entry:
            continue        # read-only: absent from every request's list
        m = re.match(r'\{ \.type = NLA_(\w+) \}', entry)
        if m:
            got = {'U8': 'u8', 'U16': 'u16', 'U32': 'u32', 'U64': 'u64',
                   'FLAG': 'flag', 'NESTED': 'nest'}.get(m.group(1))
            if got != t:
                err(f'policy: {attr} is NLA_{m.group(1)}, {t} in the spec')
            continue
        m = re.match(r'NLA_POLICY_(EXACT_LEN|ETH_ADDR)\(?(.*?)\)?$', entry)
        if m:
            want = 6 if m.group(1) == 'ETH_ADDR' else num(m.group(2))
            if t != 'binary' or checks.get('exact-len') != want:
                err(f'policy: {attr} is {entry}, {t} {checks} in the spec')
            continue
        m = re.match(r'NLA_POLICY_(RANGE|MIN|MAX|MASK|FULL_RANGE)\(NLA_(\w+), (.*)\)$', entry)
        if not m:
            err(f'policy: {attr}: {entry}: not understood')
            continue
        kind, typ, args = m.group(1), m.group(2).lower(), [x.strip() for x in m.group(3).split(',')]
        if typ != t:
            err(f'policy: {attr} is NLA_{m.group(2)}, {t} in the spec')
        if kind == 'FULL_RANGE':
            lo, hi = ranges.get(args[0].lstrip('&'), (None, None))
            want = {'min': num(lo), 'max': num(hi)}
        elif kind == 'RANGE':
            want = {'min': num(args[0]), 'max': num(args[1])}
        elif kind == 'MIN':
            want = {'min': num(args[0])}
        else:
            want = {'max' if kind == 'MAX' else 'mask': num(args[0])}
        got = {k: limit(spec, v) for k, v in checks.items() if k in ('min', 'max')}
        # An enum attribute's range is the enum's (NLA_POLICY_MAX of its
        # last value, or a mask of every flag), as the kernel's own
        # generator makes it.
        names, _ = spec_names(spec)
        enum = next((d for d in spec.get('definitions', [])
                     if d['name'] == a.get('enum')), None)
        if enum:
            prefix = enum.get('name-prefix')
            vals = [names[c_name(prefix, e if isinstance(e, str) else e['name'])]
                    for e in enum['entries']]
            if enum['type'] == 'flags':
                got.setdefault('mask', sum(vals))
            else:
                got.setdefault('min', 0)
                got.setdefault('max', max(vals))
                want.setdefault('min', 0)
        if want != got:
            err(f'policy: {attr} is {entry} = {want}, {got} in the spec')


def check_doc_types(spec, header):
    """The type each attribute's kernel-doc line in the header names."""
    words = {'never used': ('unused',), 'padding': ('pad',), 'flag': ('flag',),
             'string': ('string',), 'nest': ('nest',), 'be32': ('u32', 'big-endian'),
             'u8': ('u8',), 'u16': ('u16',), 'u32': ('u32',), 'u64': ('u64',)}
    attrs = attr_types(spec)
    for name, doc in re.findall(r'^ \* @(V4V6_A_\w+): (.*)$', header, re.M):
        m = re.match(r'(\d+) bytes', doc)
        if m:
            want = ('binary', int(m.group(1)))
        else:
            want = next((v for k, v in words.items() if re.match(k + r'\b', doc)), None)
        a = attrs.get(name)
        if a is None or want is None:
            continue        # a missing one is reported by check_header
        got = (a['type'],)
        if want[0] == 'binary':
            got += (a.get('checks', {}).get('exact-len'),)
        elif a.get('byte-order') == 'big-endian':
            got += ('big-endian',)
        if got != want:
            err(f'types: {name} is "{doc}" in the header, {" ".join(map(str, got))} in the spec')


def check_ops(spec, text):
    """The module's ops table: the spec's commands, flags and handlers."""
    fam = spec['name']
    prefix = spec['operations'].get('name-prefix', f"{fam}-cmd-")
    table = re.search(r'genl_small_ops v4v6_genl_ops\[\] = \{(.*?)\n\};', text, re.S)
    if not table:
        err('kmod: no v4v6_genl_ops')
        return
    kernel = {}
    for block in re.findall(r'\{(.*?)\}', table.group(1), re.S):
        cmd = re.search(r'\.cmd = (\w+)', block).group(1)
        kernel[cmd] = ({'admin-perm'} if 'GENL_ADMIN_PERM' in block else set(),
                       {k for k in ('do', 'dump') if f'.{k}it' in block})
    spec_ops = {}
    for op in spec['operations']['list']:
        if 'do' in op or 'dump' in op:
            spec_ops[c_name(prefix, op['name'])] = (
                set(op.get('flags', [])), {k for k in ('do', 'dump') if k in op})
    for cmd in sorted(set(kernel) | set(spec_ops)):
        if kernel.get(cmd) != spec_ops.get(cmd):
            err(f'ops: {cmd} is {kernel.get(cmd)} in the module, {spec_ops.get(cmd)} in the spec')
    grp = re.search(r'genl_multicast_group v4v6_genl_mcgrps\[\] = \{(.*?)\n\};', text, re.S)
    groups = [g['name'] for g in spec.get('mcast-groups', {}).get('list', [])]
    if not grp or len(re.findall(r'\.name', grp.group(1))) != len(groups):
        err(f'mcast groups: the module\'s are not the spec\'s {groups}')
    for flag, key in (('.netnsok = true', 'netnsok'),):
        if flag not in text:
            err(f'family: the module is not {key}, as the spec says')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--schema')
    ap.add_argument('spec', nargs='?', default='uapi/v4v6.yaml')
    ap.add_argument('header', nargs='?', default='uapi/linux/v4v6.h')
    ap.add_argument('netlink_c', nargs='?', default='kmod/netlink.c')
    args = ap.parse_args()
    with open(args.spec, encoding='utf-8') as f:
        spec = yaml.safe_load(f)
    with open(args.header, encoding='utf-8') as f:
        header = f.read()
    with open(args.netlink_c, encoding='utf-8') as f:
        netlink_c = f.read()
    if args.schema:
        import jsonschema  # pylint: disable=import-outside-toplevel
        with open(args.schema, encoding='utf-8') as f:
            try:
                jsonschema.validate(spec, yaml.safe_load(f))
            except jsonschema.ValidationError as e:
                err(f'schema: {e.message} at {"/".join(map(str, e.absolute_path))}')
    check_header(spec, header)
    check_doc_types(spec, header)
    check_ops(spec, netlink_c)
    check_policy(spec, netlink_c, header)
    for e in errors:
        print(f'spec-check: {e}')
    print(f'spec-check: {args.spec} and {args.header}: '
          f'{"agree" if not errors else f"{len(errors)} differences"}')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
