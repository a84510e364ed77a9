"""kg-explorer: seed files -> validated graph -> evidence-backed queries.

The package is the library; `cli/` is a thin click layer over it. Heavy
dependencies (networkx, pyvis, neo4j) are imported inside the functions that
need them so that importing :mod:`graph` stays cheap.
"""

__version__ = "0.1.0"
