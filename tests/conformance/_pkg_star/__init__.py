__all__ = ["sub", "visible", "_listed"]
visible = "visible"
not_listed = "not listed"
_listed = "underscore but listed"
