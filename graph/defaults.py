"""Every default a user can override, written once.

The library's keyword arguments, the CLI's options and their ``--help`` all
read these names, so a default changes in one place.
"""

from __future__ import annotations

from typing import Final

SEEDS: Final = "seeds"              # the seed folder (or $KG_SEEDS)
BACKEND: Final = "memory"           # where queries run (or $KG_BACKEND)
FIND_LIMIT: Final = 20              # kg find: at most this many matches
DEPTH: Final = 1                    # kg neighbors / --focus: hops out
PATH_MAX_HOPS: Final = 4            # kg path: longest path considered
EXPOSURE_MAX_HOPS: Final = 3        # kg exposure: how far to look
STATS_TOP: Final = 10               # kg stats: most connected entities listed
MAX_SHORTEST_PATHS: Final = 20      # kg path without --k: at most this many shortest paths
NEO4J_BATCH_SIZE: Final = 5000      # kg load: rows per transaction
CYPHER_TIMEOUT: Final = 30.0        # kg cypher: seconds a query may run
RENDER_OUTPUT: Final = "graph.html"  # kg render: the page written
