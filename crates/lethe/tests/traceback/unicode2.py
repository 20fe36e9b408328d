s = "héllo wörld" + 1
