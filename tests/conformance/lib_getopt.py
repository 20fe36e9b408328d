# getopt (getopt, gnu_getopt, GetoptError) and gettext without catalogs.
import getopt
import gettext

print(getopt.getopt(['-a', '-b', 'val', '--long=x', 'rest', '-c'], 'ab:c', ['long=']))
print(getopt.getopt(['-abval', '--lo', 'x', '--flag', '--', '-a'], 'ab:', ['long=', 'flag']))
print(getopt.gnu_getopt(['rest', '-a', '--long', 'x', 'more'], 'a', ['long=']))
print(getopt.gnu_getopt(['+x'], '+a', []))
for args, short, long in [(['-z'], 'a', []), (['-b'], 'b:', []), (['--nope'], '', ['yes']),
                          (['--long'], '', ['long=']), (['--flag=1'], '', ['flag']),
                          (['--fl'], '', ['flag', 'flat'])]:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print('GetoptError:', e, '|', e.opt, '|', e.msg)
print(getopt.error is getopt.GetoptError)

print(gettext.gettext('hello'), gettext.ngettext('one', 'many', 1), gettext.ngettext('one', 'many', 2))
print(gettext.pgettext('ctx', 'msg'), gettext.dgettext('dom', 'msg'), gettext.textdomain())
t = gettext.translation('nothing', fallback=True)
print(type(t).__name__, t.gettext('x'), t.ngettext('a', 'b', 3), t.info(), t.charset())
print(gettext.find('nothing'), gettext.find('nothing', all=True))
