try:
    open('missing_file_for_test.txt')
except FileNotFoundError as e:
    print('caught:', e, e.errno, e.filename)
except OSError:
    print('wrong')
print(issubclass(FileNotFoundError, OSError))
with open('missing_file_for_test.txt') as f:
    print(f.read())
