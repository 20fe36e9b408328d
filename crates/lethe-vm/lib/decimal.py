"""Decimal fixed-point and floating-point arithmetic.

lethe: CPython's pure-Python implementation (_pydecimal), as CPython's decimal.py
uses it when the C accelerator _decimal is missing.
"""

from _pydecimal import *
from _pydecimal import __doc__
from _pydecimal import __version__
from _pydecimal import __libmpdec_version__
