"""The stage that knows YAML and files.

- :mod:`~argmap.io.load`: load a map directory, or a map in one YAML string;
- :mod:`~argmap.io.documents`: read one manifest or claims document;
- :mod:`~argmap.io.yamlnodes`: compose YAML safely, read values out of nodes;
- :mod:`~argmap.io.validate`: the checks that span files;
- :mod:`~argmap.io.cache`: the parse cache;
- :mod:`~argmap.io.files`: finding a map's files, writing outputs atomically;
- :mod:`~argmap.io.quotes`: checking quotes against a source text;
- :mod:`~argmap.io.schema`: the JSON Schemas for editors;
- :mod:`~argmap.io.git`: a map as it was at a git revision.
"""
