s = "a,b"
n = s.split(",")[5].strip()
