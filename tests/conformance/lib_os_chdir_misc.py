# os.chdir (relative paths follow it), os.strerror, os.urandom, os.cpu_count,
# os.error and the SEEK_/access constants.
import os

start = os.getcwd()
os.makedirs("_chdir_tmp/sub", exist_ok=True)
os.chdir("_chdir_tmp")
print(os.path.basename(os.getcwd()), sorted(os.listdir(".")))
with open("f.txt", "w") as f:
    f.write("hi")
os.chdir("sub")
print(open("../f.txt").read(), os.path.exists("../f.txt"))
try:
    os.chdir("no_such_dir")
except FileNotFoundError as e:
    print(e)
os.chdir(start)
os.remove("_chdir_tmp/f.txt")
os.rmdir("_chdir_tmp/sub")
os.rmdir("_chdir_tmp")
print(os.path.exists("_chdir_tmp"), os.getcwd() == start)
print(os.strerror(2), os.strerror(13), os.strerror(17))
r = os.urandom(33)
print(type(r).__name__, len(r), len(os.urandom(0)))
print(isinstance(os.cpu_count(), int), os.error is OSError)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
with open(__file__) as f:
    f.seek(0, os.SEEK_END)
    print(f.tell() > 100)
