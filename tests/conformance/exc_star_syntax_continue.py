# SyntaxError: continue in an except* block, inside a nested try
print("never")
for i in range(3):
    try:
        pass
    except* ValueError:
        try:
            pass
        finally:
            continue
