"""The stage that answers questions from a map's structure.

- :mod:`~argmap.analysis.query`: navigation (claims, supporters, paths, ...) and counts;
- :mod:`~argmap.analysis.compare`: the comparison (clashes, cruxes, common ground, ...);
- :mod:`~argmap.analysis.semantics`: Dung semantics and per-side acceptance;
- :mod:`~argmap.analysis.diff`: what changed between two maps;
- :mod:`~argmap.analysis.layout`: the side-by-side positions the page, the SVG and DOT share.
"""
