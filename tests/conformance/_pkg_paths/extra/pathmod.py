WHERE = "extra"
