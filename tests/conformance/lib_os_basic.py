import os
import os.path
from os.path import join, basename, dirname, exists, isfile, isdir, splitext

cwd = os.getcwd()
print(type(cwd).__name__, os.path.isabs(cwd), basename(cwd))
print(exists('lib_os_basic.py'), isfile('lib_os_basic.py'), isdir('lib_os_basic.py'))
print(exists('.'), isdir('.'), exists('no/such/file'), isfile('no_such'))
names = os.listdir('.')
print('lib_os_basic.py' in names, type(names).__name__, all(isinstance(n, str) for n in names))
print(sorted(n for n in names if n.startswith('lib_os_') and n.endswith('.py'))[:1])
print(join('a', 'b', 'c'), join('a/', 'b'), join('/x', '/abs', 'y'), join('', 'a'), join('a', ''))
print(basename('/usr/lib/file.txt'), basename('dir/'), basename('plain'), basename(''))
print(dirname('/usr/lib/file.txt'), dirname('file'), dirname('/file'), dirname('a//b'), repr(dirname('')))
print(os.path.split('/a/b/c.py'), os.path.split('c.py'), os.path.split('/'))
print(splitext('archive.tar.gz'), splitext('.bashrc'), splitext('noext'), splitext('a.b/c'))
print(os.path.normpath('a//b/./c/../d'), os.path.normpath('/../x'), os.path.normpath(''))
print(os.path.abspath('.') == cwd, os.sep, os.path.sep, os.linesep == '\n', os.name)
print(isinstance(os.environ.get('PATH'), str), 'PATH' in os.environ, os.getenv('LETHE_SURELY_UNSET_VAR'))
print(os.environ.get('LETHE_SURELY_UNSET_VAR', 'default'), os.getenv('LETHE_SURELY_UNSET_VAR', 'd2'))
print(len(os.environ) > 0, os.environ['PATH'] == os.getenv('PATH'))
print(os.path.getsize('lib_os_basic.py') > 100)
try:
    os.environ['LETHE_SURELY_UNSET_VAR']
except KeyError as e:
    print('KeyError', e)
try:
    os.listdir('no_such_dir_here')
except FileNotFoundError as e:
    print('FileNotFoundError', e, e.errno, e.filename)
try:
    os.listdir('lib_os_basic.py')
except NotADirectoryError as e:
    print('NotADirectoryError', e)
os.listdir('missing_dir')
