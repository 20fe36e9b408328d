s = "%d items" % "a"
