# html: escape and unescape (named, decimal and hex character references, CPython's invalid-codepoint rules), html.entities tables.
import html, html.entities
print(html.escape('<a href="x">Tom & \'Jerry\'</a>'), html.escape('<"\'>', quote=False))
for s in ['&lt;p&gt;', '&amp;amp;', '&#60;&#x3C;&#X3c;', '&copy; 2024 &eacute;t&eacute;', '&notit;', '&notin;', '&#0;', '&#x110000;', '&#128;', '&bogus;', 'no entities', '&lt', '&#65', '&;', '&#xD800;', '&#1114111;']:
    print(repr(s), repr(html.unescape(s)))
print(len(html.entities.html5), html.entities.name2codepoint['eacute'], html.entities.codepoint2name[233], html.entities.entitydefs['amp'])
print(sorted(html.entities.html5)[:5], html.entities.html5['gt;'])
