# Field.metadata is a read-only mappingproxy (empty when not given); InitVar's repr.
import dataclasses
import typing
from dataclasses import dataclass, field, fields, InitVar


@dataclass
class Def:
    a: int = field(default=1, metadata={'unit': 'm'})
    b: list = field(default_factory=list)
    c: InitVar[int] = 0
    d: InitVar[typing.List[int]] = None


f = fields(Def)
print(f[0].metadata, type(f[0].metadata).__name__, f[1].metadata, len(f[1].metadata))
print(f[0].metadata['unit'], f[1].metadata is fields(Def)[1].metadata)
try:
    f[0].metadata['unit'] = 'km'
except TypeError as e:
    print(e)
print(Def.__dataclass_fields__['c'].type, Def.__dataclass_fields__['d'].type)
print(repr(dataclasses.MISSING).split(' at ')[0], type(dataclasses.KW_ONLY).__name__)
print(str(f[1]).replace(repr(dataclasses.MISSING), 'MISSING'))
