"""doctest.testmod on this module: passing and failing examples, directives,
expected exceptions, <BLANKLINE>, the verbose report.

>>> 1 + 1
2
"""
import doctest
import sys


def double(x):
    """Double a value.

    >>> double(2)
    4
    >>> double(3)
    7
    >>> [double(i) for i in range(3)]
    [0, 2, 4]
    >>> for i in range(2):
    ...     double(i)
    0
    2
    >>> print('a\\n\\nb')
    a
    <BLANKLINE>
    b
    >>> double(None)
    Traceback (most recent call last):
        ...
    TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'
    >>> double(None)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    TypeError: something else
    >>> double('x')  # doctest: +ELLIPSIS
    'x...'
    >>> list(range(20))  # doctest: +NORMALIZE_WHITESPACE
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
     10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    >>> x = 5; x
    5
    >>> print('unexpected output')
    >>> double(1)  # doctest: +SKIP
    99
    >>> True
    1
    """
    return 2 * x


class Shape:
    """A shape.

    >>> Shape().area()
    1
    """

    def area(self):
        """>>> 1 + 1
        3
        """
        return 1

    @staticmethod
    def kind():
        """>>> Shape.kind()
        'static'
        """
        return "static"


def no_doc():
    pass


__test__ = {"extra": """
>>> 2 * 3
6
"""}

if __name__ == "__main__":
    # A relative file name, so that reports do not depend on the checkout path.
    sys.modules["__main__"].__file__ = "lib_doctest.py"
    print(doctest.testmod())
    print(doctest.testmod(verbose=True, report=True))
    print(doctest.testmod(optionflags=doctest.REPORT_ONLY_FIRST_FAILURE))
    doctest.run_docstring_examples(double, {"double": lambda v: 2 * v}, name="double")
