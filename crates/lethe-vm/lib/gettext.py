"""gettext (lethe): the API with no message catalogs: every message is its own
translation, as CPython's gettext behaves when no catalog is installed.

Reading a catalog (.mo file) is not supported: translation() without fallback=True
reports it as unsupported."""

import _lethe

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog', 'bindtextdomain',
           'find', 'translation', 'install', 'textdomain', 'dgettext', 'dngettext',
           'gettext', 'ngettext', 'pgettext', 'dpgettext', 'npgettext', 'dnpgettext']

_current_domain = 'messages'
_localedirs = {}


class NullTranslations:
    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._output_charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        if n == 1:
            return msgid1
        else:
            return msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        if n == 1:
            return msgid1
        else:
            return msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            allowed = {'gettext', 'ngettext', 'npgettext', 'pgettext'}
            for name in allowed & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    def _parse(self, fp):
        _lethe.unsupported('gettext message catalogs (.mo files)')


def find(domain, localedir=None, languages=None, all=False):
    # No catalog is ever found.
    return [] if all else None


def translation(domain, localedir=None, languages=None, class_=None, fallback=False):
    if fallback:
        return NullTranslations()
    _lethe.unsupported('gettext message catalogs (translation() without fallback)')


Catalog = translation


def install(domain, localedir=None, *, names=None):
    t = translation(domain, localedir, fallback=True)
    t.install(names)


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, '/usr/share/locale')


def bind_textdomain_codeset(domain, codeset=None):
    return codeset


def dgettext(domain, message):
    return message


def dngettext(domain, msgid1, msgid2, n):
    if n == 1:
        return msgid1
    else:
        return msgid2


def dpgettext(domain, context, message):
    return message


def dnpgettext(domain, context, msgid1, msgid2, n):
    if n == 1:
        return msgid1
    else:
        return msgid2


def gettext(message):
    return message


def ngettext(msgid1, msgid2, n):
    if n == 1:
        return msgid1
    else:
        return msgid2


def pgettext(context, message):
    return message


def npgettext(context, msgid1, msgid2, n):
    if n == 1:
        return msgid1
    else:
        return msgid2
