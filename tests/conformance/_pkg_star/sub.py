WHO = "sub"
