# csv: the reader state machine, writer quoting modes, dialects, DictReader/DictWriter.
import csv
import io
import os

TMP = "tmp_csv_basic_%d.csv" % os.getpid()

data = 'name,age,note\r\nalice,30,"likes ""quotes"""\r\nbob,25,"multi\nline"\r\n"carol, jr",,\r\n\r\nlast,1,x'
rows = list(csv.reader(io.StringIO(data, newline="")))
print(rows)
r = csv.reader(["a,b", "c,d"])
print(next(r), r.line_num, list(r), r.line_num)
print(list(csv.reader(['a; b;"c;d"'], delimiter=";", skipinitialspace=True)))
print(list(csv.reader(["1,2.5,x"], quoting=csv.QUOTE_NONNUMERIC)) if False else "skip")
print(list(csv.reader(['"1",2.5,-3'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\\,b,c'], escapechar="\\")), list(csv.reader(["a'b,c'"], quotechar="'")))
print(list(csv.reader(['x,"unterminated'])), list(csv.reader(['"ab"cd,e'])))
try:
    list(csv.reader(['"ab"cd,e'], strict=True))
except csv.Error as e:
    print("Error", e)
try:
    list(csv.reader([b"bytes"]))
except csv.Error as e:
    print("Error", e)
out = io.StringIO()
w = csv.writer(out)
print(w.writerow(["a", "b,c", 'q"t', 1, 2.5, None, "line\nbreak", ""]))
w.writerows([[], [""], [None], ["x"]])
print(repr(out.getvalue()))
for q in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.QUOTE_MINIMAL):
    o = io.StringIO()
    try:
        csv.writer(o, quoting=q, escapechar="\\").writerow(["a", 1, 2.0, True, "b,c", None])
    except csv.Error as e:
        o.write("Error %s" % e)
    print(q, repr(o.getvalue()))
o = io.StringIO()
try:
    csv.writer(o, quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error", e)
o = io.StringIO()
csv.writer(o, delimiter="\t", lineterminator="\n").writerow(["a b", "c\td"])
print(repr(o.getvalue()))
src = io.StringIO("id,name\n1,ann\n2,ben,extra\n3\n\n4,dee\n")
dr = csv.DictReader(src, restkey="more", restval="?")
print(dr.fieldnames)
for row in dr:
    print(row, dr.line_num)
o = io.StringIO()
dw = csv.DictWriter(o, fieldnames=["id", "name"], restval="-")
dw.writeheader()
dw.writerow({"id": 1, "name": "x,y"})
dw.writerows([{"id": 2}, {"name": "z"}])
print(repr(o.getvalue()))
try:
    dw.writerow({"id": 1, "bad": 2})
except ValueError as e:
    print("ValueError", e)
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
o = io.StringIO()
csv.writer(o, "pipes").writerow(["a", "b"])
print(repr(o.getvalue()), "pipes" in csv.list_dialects(), csv.get_dialect("pipes").delimiter)
print(list(csv.reader(['"a"|"b"'], dialect="pipes")))
class Semi(csv.excel):
    delimiter = ";"
print(list(csv.reader(["1;2"], Semi)), list(csv.reader(["1\t2"], csv.excel_tab)))
try:
    csv.get_dialect("nope")
except csv.Error as e:
    print("Error", e)
try:
    csv.writer(io.StringIO(), delimiter="ab")
except TypeError as e:
    print("TypeError", e)
with open(TMP, "w", newline="") as f:
    csv.writer(f).writerows([["h1", "h2"], ["v 1", "v,2"]])
with open(TMP, newline="") as f:
    print(list(csv.reader(f)))
print(open(TMP, newline="").read().encode())
os.remove(TMP)
list(csv.reader([chr(34) + "a" + chr(34) + "b"], strict=True))
