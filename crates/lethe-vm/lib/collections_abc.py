"""lethe provides no abstract base classes yet."""
import _lethe
_lethe.unsupported("standard library module 'collections.abc'")
