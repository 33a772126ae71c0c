"""The stage that draws a map as one offline HTML page.

- :mod:`~argmap.web.page`: the page's data, as JSON-ready columns;
- :mod:`~argmap.web.render`: the template, the inlined scripts, and writing the file;
- :mod:`~argmap.web.watch`: rebuilding on every change, and serving the page;
- ``templates/``: the HTML template;
- ``scripts/``: the page's script, one module per job (data, walks, view state,
  search, panels, the map, the app that joins them), tested under node in ``tests/js``.
"""
