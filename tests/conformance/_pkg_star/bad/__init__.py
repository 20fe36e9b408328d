__all__ = ["ok", "nope"]
ok = 1
