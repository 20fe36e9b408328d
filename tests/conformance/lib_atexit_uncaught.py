# atexit: callbacks still run after an uncaught exception has been printed, and the
# exit status stays 1; sys.stdout output of a callback comes after the program's.
import atexit


def flush_report(items):
    print('report:', ', '.join(items))


done = []
atexit.register(flush_report, done)
atexit.register(lambda: print('lambda callback'))
done.append('a')
done.append('b')
print('raising')
raise ValueError('main failed')
