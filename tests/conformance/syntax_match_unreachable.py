print('never printed')


def f(x):
    match x:
        case [a, b]:
            return 1
        case value:
            return 2
        case _:
            return 3
