# A task board program mixing dataclasses, enum, typing with future annotations, match,
# heapq, re, json, datetime, statistics, textwrap and copy.
from __future__ import annotations
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Optional, Iterator
from collections import defaultdict
import heapq, json, re, datetime, statistics, textwrap, copy

class Priority(Enum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()

@dataclass(order=True)
class Task:
    sort_key: tuple = field(init=False, repr=False)
    title: str
    priority: Priority = Priority.MEDIUM
    due: Optional[datetime.date] = None
    tags: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = (-self.priority.value, self.due or datetime.date.max, self.title)

class Board:
    def __init__(self) -> None:
        self.tasks: list[Task] = []
    def add(self, *tasks: Task) -> Board:
        self.tasks.extend(tasks)
        return self
    def by_tag(self) -> dict[str, list[str]]:
        out = defaultdict(list)
        for t in self.tasks:
            for tag in t.tags:
                out[tag].append(t.title)
        return dict(sorted(out.items()))
    def __iter__(self) -> Iterator[Task]:
        return iter(sorted(self.tasks))
    def next_up(self, n: int = 2) -> list[str]:
        return [t.title for t in heapq.nsmallest(n, self.tasks)]

d = datetime.date
b = Board().add(
    Task('write report', Priority.HIGH, d(2024, 3, 1), ['work']),
    Task('buy milk', Priority.LOW, tags=['home']),
    Task('fix bug #42', Priority.HIGH, d(2024, 2, 20), ['work', 'urgent']),
    Task('call mom', due=d(2024, 2, 25), tags=['home']),
)
for t in b:
    match t:
        case Task(priority=Priority.HIGH, due=due) if due and due < d(2024, 2, 28):
            kind = 'urgent'
        case Task(priority=Priority.HIGH):
            kind = 'important'
        case Task(tags=[*_, 'home']):
            kind = 'chore'
        case _:
            kind = 'other'
    print(f'{t.title:<14} {t.priority.name:<6} {str(t.due or "-"):>10} {kind}')
print(b.by_tag(), b.next_up())
ids = [int(m) for t in b.tasks for m in re.findall(r'#(\d+)', t.title)]
print(ids, json.dumps({'tasks': [t.title for t in b], 'count': len(b.tasks)}, sort_keys=True))
durations = [3.5, 2.0, 4.25, 1.75]
print(statistics.mean(durations), statistics.median(durations), round(statistics.stdev(durations), 3))
print(textwrap.fill(' '.join(t.title for t in b) * 2, 30))
snapshot = copy.deepcopy(b.tasks)
b.tasks[0].tags.append('changed')
print(snapshot[0].tags, b.tasks[0].tags, snapshot[0] == b.tasks[0])


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __reduce__(self):
        return (Money, (self.cents,))

    def __repr__(self):
        return 'Money(%d)' % self.cents


wallet = {'cash': Money(500), 'when': d(2024, 1, 5), 'span': datetime.timedelta(days=2)}
w2 = copy.deepcopy(wallet)
print(w2, w2['cash'] is wallet['cash'], copy.copy(wallet['when']) == wallet['when'])
