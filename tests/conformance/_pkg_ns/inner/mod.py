V = "namespace"
