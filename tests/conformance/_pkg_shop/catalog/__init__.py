print("init", __name__, __package__)
from .items import Item, ITEMS
from . import items as _items_module
from .. import VERSION
CATALOG_VERSION = VERSION + "-c"
