data = b'valid then \xff invalid'
print(data.decode('utf-8', 'replace'))
print(data.decode())
