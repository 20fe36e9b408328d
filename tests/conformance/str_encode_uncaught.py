print('plain'.encode('ascii'))
print('price: 5€'.encode('ascii'))
