# argparse: less common actions, parents, abbreviations, custom actions, intermixed
# parsing, help formatting details.
import argparse, io, sys


def run(p, args, intermixed=False, known=False):
    out, err = io.StringIO(), io.StringIO()
    so, se = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        if intermixed:
            r = p.parse_intermixed_args(args)
        elif known:
            r = p.parse_known_args(args)
        else:
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
        print(out.getvalue(), end='')
    if err.getvalue():
        print('  stderr:', repr(err.getvalue()))


p = argparse.ArgumentParser(prog='bo')
p.add_argument('--color', action=argparse.BooleanOptionalAction, default=True, help='use color')
p.add_argument('--x', action='extend', nargs='+', type=int)
p.add_argument('--k', action='append_const', const='K', dest='ks')
p.add_argument('--j', action='append_const', const='J', dest='ks')
p.add_argument('--hidden', help=argparse.SUPPRESS)
p.add_argument('--dash-name', default='dn')
p.add_argument('--tuple', nargs=2, metavar=('A', 'B'), help='two things')
run(p, ['--no-color', '--x', '1', '2', '--x', '3', '--k', '--j', '--k'])
run(p, ['--color', '--dash-name', 'v', '--tuple', 'p', 'q'])
run(p, ['-h'])

# parents
base = argparse.ArgumentParser(add_help=False)
base.add_argument('--parent-opt', type=int, default=7)
child = argparse.ArgumentParser(prog='child', parents=[base])
child.add_argument('name')
run(child, ['n', '--parent-opt', '3'])
run(child, ['-h'])

# abbreviations
p = argparse.ArgumentParser(prog='ab', allow_abbrev=False)
p.add_argument('--verbose', action='store_true')
run(p, ['--verb'])
p = argparse.ArgumentParser(prog='amb')
p.add_argument('--alpha')
p.add_argument('--alps')
run(p, ['--al', '1'])
run(p, ['--alp=2'])

# custom action
class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper())

p = argparse.ArgumentParser(prog='cu')
p.add_argument('--word', action=Upper)
p.add_argument('rest', nargs=argparse.REMAINDER)
run(p, ['--word', 'hello', 'a', '--b', 'c'])

# intermixed
p = argparse.ArgumentParser(prog='im')
p.add_argument('--foo')
p.add_argument('cmd')
p.add_argument('rest', nargs='*', type=int)
run(p, ['doit', '1', '--foo', 'bar', '2', '3'], intermixed=True)
run(p, ['doit', '1', '--foo', 'bar', '2', '3'], known=True)

# help with defaults, types and formatting specifiers
p = argparse.ArgumentParser(prog='hp', usage='%(prog)s [options] FILE',
                            description='A description that is long enough that it has to be wrapped onto more than one line of output text.')
p.add_argument('--rate', type=float, default=0.5, help='rate (default: %(default)s, type %(type)s)')
p.add_argument('--mode', choices=['a', 'b', 'c'], help='mode')
p.add_argument('--n', type=int, help='')
p.add_argument('-s', '--super-extraordinarily-long-option', help='help goes on the next line')
run(p, ['-h'])
p = argparse.ArgumentParser(prog='rt', formatter_class=argparse.RawTextHelpFormatter)
p.add_argument('--t', help='line 1\n   line 2 kept')
run(p, ['--help'])
p = argparse.ArgumentParser(prog='mt', formatter_class=argparse.MetavarTypeHelpFormatter)
p.add_argument('--n', type=int)
p.add_argument('f', type=float)
run(p, ['-h'])

# subparser details
p = argparse.ArgumentParser(prog='top')
subs = p.add_subparsers(title='actions', dest='action')
r = subs.add_parser('run', description='Run it.', help='run something')
r.add_argument('--fast', action='store_true')
r.add_argument('target', choices=['x', 'y'])
subs.add_parser('stop')
run(p, ['run', 'x', '--fast'])
run(p, ['run', 'z'])
run(p, ['run'])
run(p, ['stop'])
run(p, ['run', '--help'])
run(p, ['--help'])
print(p.parse_args([]))

# namespace argument and defaults
ns = argparse.Namespace(pre='existing')
p = argparse.ArgumentParser(prog='ns')
p.add_argument('--a', default='A')
print(p.parse_args(['--a', 'b'], namespace=ns), ns.pre)
p = argparse.ArgumentParser(prog='ad', argument_default=argparse.SUPPRESS)
p.add_argument('--a')
p.add_argument('--b')
print(p.parse_args(['--b', '1']))
# string defaults go through type
p = argparse.ArgumentParser(prog='sd')
p.add_argument('--n', type=int, default='12')
print(p.parse_args([]))
# short options clustered with a value
p = argparse.ArgumentParser(prog='cl')
p.add_argument('-a', action='store_true')
p.add_argument('-b', action='store_true')
p.add_argument('-n')
run(p, ['-abn5'])
run(p, ['-n=6'])
run(p, ['-ab', '-nX'])
run(p, ['-z'])
# required positional missing with optionals
p = argparse.ArgumentParser(prog='rq')
p.add_argument('src')
p.add_argument('dst')
p.add_argument('--mode', required=True)
run(p, [])
run(p, ['only'])
# option values that look like negative numbers / options
p = argparse.ArgumentParser(prog='nv')
p.add_argument('-1', dest='one', action='store_true')
p.add_argument('--val')
run(p, ['-1'])
run(p, ['--val', '-x'])
run(p, ['--val=-x'])
# FileType reading stdin marker
ft = argparse.FileType('r')
print(ft, ft('-') is sys.stdin)
print(argparse.FileType('w', encoding='utf-8'))
a = p._actions[1]
print(a)
print(argparse.ArgumentParser(prog='rp', description='d'))
