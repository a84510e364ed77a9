"""Readable, stable ids for new entities (stage 8b).

"SoftBank Group" -> ``softbank-group``. Entities from the seed folder keep
their id; a new id never collides with a seed id or another new one (a
``-2``, ``-3`` suffix is added). Names with no Latin letters get
``<type>-<hash>``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..model import Dataset
from .entities import EntityTable

MAX_LENGTH = 60


def slug(name: str) -> str:
    """A kebab-case id from a name.

    >>> slug("SoftBank Group"), slug("Japan’s $55 billion tool"), slug("Universidad del Pacífico")
    ('softbank-group', 'japans-55-billion-tool', 'universidad-del-pacifico')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("’", "").replace("'", "")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    if len(text) > MAX_LENGTH:
        text = text[:MAX_LENGTH].rsplit("-", 1)[0]
    return text


def mint_ids(table: EntityTable, seeds: Dataset | None) -> None:
    """Give every entity of ``table`` its id, in order of first mention."""
    taken = set(seeds.entities) if seeds is not None else set()
    for e in sorted(table, key=lambda e: (e.seed_id is None, e.first, e.key)):
        if e.seed_id is not None:
            e.id = e.seed_id
            continue
        base = slug(e.name) or f"{e.type}-{hashlib.sha1(e.name.encode()).hexdigest()[:8]}"
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        e.id = candidate
        taken.add(candidate)
