value = 70000
print(value.to_bytes(3, 'big'))
print(value.to_bytes(2, 'big'))
