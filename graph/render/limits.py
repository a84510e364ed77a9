"""Size limits for pages (kept apart so the CLI can show them without loading the renderer)."""

MAX_ENTITIES = 10_000     # above this `kg render` refuses (--max-entities changes it)
MAX_RELATIONS = 30_000    # likewise (--max-relations)
PHYSICS_LIMIT = 1_000     # above this the layout is computed in Python and physics is off
