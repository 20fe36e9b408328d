# argparse: parsers, actions, nargs, choices, subparsers, groups, help and error text.
import argparse, io, sys

def run(p, args):
    out, err = io.StringIO(), io.StringIO()
    so, se = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        r = p.parse_args(args)
        code = None
    except SystemExit as e:
        r = None
        code = e.code
    finally:
        sys.stdout, sys.stderr = so, se
    print('args:', args)
    print('  result:', r)
    if code is not None:
        print('  exit:', code)
    if out.getvalue():
        print('  stdout:', repr(out.getvalue()))
    if err.getvalue():
        print('  stderr:', repr(err.getvalue()))

p = argparse.ArgumentParser(prog='prog', description='Process some integers.', epilog='And that is all.')
p.add_argument('integers', metavar='N', type=int, nargs='+', help='an integer for the accumulator')
p.add_argument('--sum', dest='accumulate', action='store_const', const=sum, default=max, help='sum the integers (default: find the max)')
run(p, ['1', '2', '3'])
print(p.parse_args(['1', '2', '--sum']).accumulate([1,2]))
run(p, ['-h'])
run(p, [])
run(p, ['a'])
run(p, ['1', '--bogus'])

p = argparse.ArgumentParser(prog='tool')
p.add_argument('-v', '--verbose', action='store_true')
p.add_argument('-q', action='store_false', dest='loud')
p.add_argument('--level', type=int, choices=[1, 2, 3], default=1)
p.add_argument('--name', required=True, metavar='NAME', help='the name')
p.add_argument('--tag', action='append', default=None)
p.add_argument('-c', '--count', action='count')
p.add_argument('--version', action='version', version='%(prog)s 1.0')
p.add_argument('--opt', nargs='?', const='C', default='D')
p.add_argument('--two', nargs=2, type=float)
p.add_argument('--many', nargs='*')
p.add_argument('files', nargs='*', default=['x'])
run(p, ['--name', 'n'])
run(p, ['--name=n', '-v', '-q', '--level', '2', '--tag', 'a', '--tag=b', '-ccc', 'f1', 'f2'])
run(p, ['--name', 'n', '--opt'])
run(p, ['--name', 'n', '--opt', 'val'])
run(p, ['--name', 'n', '--two', '1', '2.5'])
run(p, ['--name', 'n', '--two', '1'])
run(p, ['--name', 'n', '--many', 'a', 'b', '--', '-z'])
run(p, ['--name', 'n', '--level', '4'])
run(p, ['--name', 'n', '--level', 'x'])
run(p, [])
run(p, ['--version'])
run(p, ['--help'])
run(p, ['--nam', 'abbrev'])
run(p, ['--name', 'n', '--lev', '3', '-vc'])
run(p, ['--name'])

# parse_known_args
p = argparse.ArgumentParser(prog='k')
p.add_argument('--a')
p.add_argument('pos')
print(p.parse_known_args(['--a', '1', 'P', '--b', '2', 'extra']))

# choices with strings
p = argparse.ArgumentParser(prog='ch')
p.add_argument('mode', choices=['read', 'write'])
run(p, ['read'])
run(p, ['exec'])
run(p, ['-h'])

# subparsers
p = argparse.ArgumentParser(prog='git')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='cmd', help='sub-command help')
a = sub.add_parser('add', help='add files')
a.add_argument('paths', nargs='+')
a.add_argument('-n', '--dry-run', action='store_true')
a.set_defaults(func='do_add')
c = sub.add_parser('commit', help='record changes', aliases=['ci'])
c.add_argument('-m', '--message', required=True)
c.set_defaults(func='do_commit')
run(p, ['add', 'a.txt', 'b.txt'])
run(p, ['--debug', 'commit', '-m', 'msg'])
run(p, ['ci', '-m', 'msg'])
run(p, [])
run(p, ['push'])
run(p, ['-h'])
run(p, ['add', '-h'])
run(p, ['commit'])

sub_req = argparse.ArgumentParser(prog='req')
s2 = sub_req.add_subparsers(dest='cmd', required=True, title='commands', description='valid commands', metavar='COMMAND')
s2.add_parser('one')
s2.add_parser('two')
run(sub_req, [])
run(sub_req, ['-h'])
run(sub_req, ['one'])

# mutually exclusive
p = argparse.ArgumentParser(prog='mx')
g = p.add_mutually_exclusive_group()
g.add_argument('--foo', action='store_true')
g.add_argument('--bar', action='store_false')
run(p, ['--foo'])
run(p, ['--foo', '--bar'])
run(p, ['-h'])
p = argparse.ArgumentParser(prog='mx2')
g = p.add_mutually_exclusive_group(required=True)
g.add_argument('--x', type=int)
g.add_argument('--y', type=int)
run(p, [])
run(p, ['--y', '5'])

# argument groups
p = argparse.ArgumentParser(prog='grp', add_help=False)
gr = p.add_argument_group('group', 'group description')
gr.add_argument('--gopt', help='group option')
gr.add_argument('gpos', help='group positional')
run(p, ['-h'])
p.print_help()
p.print_usage()
print(p.format_usage(), end='')

# prefix chars and defaults
p = argparse.ArgumentParser(prog='pc', prefix_chars='-+')
p.add_argument('+x', action='store_true')
p.add_argument('-y', default=5, type=int)
run(p, ['+x'])
p.set_defaults(extra=42)
print(p.parse_args([]))
print(p.get_default('y'), p.get_default('extra'))

# Namespace
ns = argparse.Namespace(a=1, b='two')
print(ns, repr(ns), vars(ns))
print(ns == argparse.Namespace(a=1, b='two'), 'a' in ns, 'c' in ns)
ns2 = argparse.Namespace(**{'not valid': 1, 'ok': 2})
print(ns2)

# nargs N positional, ? positional
p = argparse.ArgumentParser(prog='np')
p.add_argument('pair', nargs=2)
p.add_argument('opt', nargs='?', default='dflt')
run(p, ['a', 'b'])
run(p, ['a', 'b', 'c'])
run(p, ['a'])
run(p, ['a', 'b', 'c', 'd'])
run(p, ['-h'])

# type errors from a function
def even(s):
    v = int(s)
    if v % 2:
        raise argparse.ArgumentTypeError('%r is not even' % s)
    return v
p = argparse.ArgumentParser(prog='ty')
p.add_argument('n', type=even)
run(p, ['4'])
run(p, ['3'])

# formatter classes
p = argparse.ArgumentParser(prog='fmt', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument('--size', type=int, default=10, help='the size')
p.add_argument('--long-option-name-that-is-long', metavar='VALUE', help='a long help text that should wrap around because it is really quite long and goes on and on')
run(p, ['-h'])
p = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawDescriptionHelpFormatter,
    description='line one\n  indented line two\n\nparagraph')
run(p, ['-h'])

# error() and exit()
p = argparse.ArgumentParser(prog='er')
try:
    sys.stderr = io.StringIO()
    p.error('custom problem')
except SystemExit as e:
    msg = sys.stderr.getvalue()
    sys.stderr = sys.__stderr__
    print('exit', e.code, repr(msg))
# exit_on_error=False
p = argparse.ArgumentParser(prog='noexit', exit_on_error=False)
p.add_argument('--n', type=int)
try:
    p.parse_args(['--n', 'x'])
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
# conflicts
p = argparse.ArgumentParser(prog='cf')
p.add_argument('--a')
try:
    p.add_argument('--a')
except argparse.ArgumentError as e:
    print('ArgumentError:', e)
try:
    p.add_argument('bad', dest='x')
except ValueError as e:
    print('ValueError:', e)
# negative numbers
p = argparse.ArgumentParser(prog='neg')
p.add_argument('n', type=int)
p.add_argument('--x', type=float)
run(p, ['-5', '--x', '-2.5'])
# long usage wrapping
p = argparse.ArgumentParser(prog='a_rather_long_program_name')
for i in range(8):
    p.add_argument('--option-number-%d' % i, metavar='VALUE%d' % i)
p.add_argument('inputs', nargs='+')
p.add_argument('output')
run(p, ['-h'])
print(argparse.SUPPRESS, argparse.REMAINDER, argparse.ONE_OR_MORE)
