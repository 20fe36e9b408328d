print("init", __name__, __package__)
from .. import catalog
from ..catalog.items import Item
from . import tax
def total(items):
    return sum(i.cents for i in items) + tax.tax(sum(i.cents for i in items))
def check_errors():
    out = []
    try:
        from ... import nothing_above
    except ImportError as e:
        out.append((type(e).__name__, str(e)))
    try:
        from .missing_module import x
    except ImportError as e:
        out.append((type(e).__name__, str(e)))
    try:
        from . import not_a_name
    except ImportError as e:
        out.append((type(e).__name__, str(e).split(" (")[0]))
    return out
