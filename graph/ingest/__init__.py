"""Draft seed files from news articles: ``kg ingest`` (rule-based, reproducible).

A pipeline of small stages, each in its own module:

1. :mod:`.read` / :mod:`.htmltext` — bytes -> checked text (HTML via html.parser)
2. :mod:`.blocks` — headings, bullets, paragraphs
3. :mod:`.sentences` — sentences and sections
4. :mod:`.bilingual` — "SoftBank Group (软银集团)": the bracket is an alias
5. :mod:`.detect` (+ :mod:`.gazetteer`, :mod:`.names`, :mod:`.phrases`, :mod:`.lexicon`) —
   entity candidates from gazetteers and patterns
6. :mod:`.roles` — people and what they head or work for
7. :mod:`.mentions`, :mod:`.relations` — every mention, then relation patterns
8. :mod:`.entities`, :mod:`.ids`, :mod:`.source` — merging, stable ids, the source block
9. :mod:`.writer` — the seed file (YAML)

:mod:`.pipeline` runs them; :mod:`.score` measures a draft against a gold file.
"""

from __future__ import annotations

from .pipeline import Draft, extract, ingest, seed_dataset, summary
from .read import DEFAULT_MAX_BYTES, read_article
from .writer import draft_yaml, write_draft

__all__ = ["DEFAULT_MAX_BYTES", "Draft", "draft_yaml", "extract", "ingest", "read_article",
           "seed_dataset", "summary", "write_draft"]
