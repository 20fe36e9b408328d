# os.environ can be changed: assignment, deletion, setdefault, pop, update.
import os

key = "LETHE_CONFORMANCE_VAR"
print(key in os.environ, os.environ.get(key), os.getenv(key, "unset"))
os.environ[key] = "one"
print(os.environ[key], key in os.environ, os.getenv(key))
print(os.environ.setdefault(key, "two"), os.environ.setdefault(key + "_B", "bee"))
os.environ.update({key: "three"}, **{key + "_C": "see"})
print(os.environ[key], os.environ[key + "_B"], os.environ[key + "_C"])
print(os.environ.pop(key + "_B"), os.environ.pop(key + "_B", "gone"), key + "_B" in os.environ)
del os.environ[key + "_C"]
print(os.getenv(key + "_C"))
for bad in [(key, 1), (1, "x")]:
    try:
        os.environ[bad[0]] = bad[1]
    except TypeError as e:
        print("TypeError", e)
try:
    del os.environ[key + "_missing"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ.pop(key + "_missing")
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["A=B"] = "x"
except ValueError as e:
    print("ValueError", e)
os.putenv(key + "_P", "direct")
del os.environ[key]
print(os.environ.get(key), sorted(k for k in os.environ if k.startswith(key)))
