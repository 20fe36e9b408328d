# argparse: an invalid command line ends the program with exit status 2 and
# "prog: error: ..." on stderr; sys.argv is what parse_args reads by default.
import argparse
import sys

p = argparse.ArgumentParser(description='exit test')
p.add_argument('--count', type=int, default=3)
print(p.parse_args())
print(p.prog)
sys.argv[1:] = ['--count', 'many']
p.parse_args()
print('not reached')
