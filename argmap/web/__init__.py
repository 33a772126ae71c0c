"""The stage that draws a map as one offline HTML page.

- :mod:`~argmap.web.layout`: side-by-side positions, computed in Python;
- :mod:`~argmap.web.page`: the page's data, as JSON-ready columns;
- :mod:`~argmap.web.render`: the template, the inlined scripts, and writing the file;
- :mod:`~argmap.web.watch`: rebuilding on every change, and serving the page;
- ``templates/``: the HTML template and the page's script.
"""
