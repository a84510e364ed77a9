"""How often each rule is right, learned from the development corpus's gold.

Every typed relation a rule drafts carries the rule's name. ``data/rule_precision.json``
(rebuilt exactly by ``benchmarks/train_rule_precision.py`` from the dev gold only) counts, per
rule, per rule and relation type, and per rule, relation type and the two entity types, how
many such relations the dev drafts had and how many the gold confirmed. A relation's
estimated precision backs off from the broad count to the narrow one (each level shrunk
toward the level above by ``m`` pseudo-counts); a relation estimated under the threshold is
drafted as ``related_to`` (the link stays for the reviewer, the type is not claimed).
"""

from __future__ import annotations

import contextvars
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Mapping

DATA = Path(__file__).resolve().parent / "data" / "rule_precision.json"


@dataclass(frozen=True)
class RulePrecision:
    counts: Mapping[str, tuple[int, int]]     # key -> (right, drafted)
    prior: float
    m: float
    threshold: float

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RulePrecision:
        return cls({k: (int(v[0]), int(v[1])) for k, v in data["counts"].items()},
                   float(data["prior"]), float(data["m"]), float(data["threshold"]))

    def estimate(self, rule: str, rtype: str, source_type: str, target_type: str) -> float:
        """Shrunk precision: rule, then rule + type, then rule + type + entity types.

        >>> RulePrecision({"r": (1, 4), "r|owns": (0, 3)}, 0.7, 4.0, 0.4).estimate(
        ...     "r", "owns", "firm", "firm") < 0.4
        True
        """
        p = self.prior
        for key in keys(rule, rtype, source_type, target_type):
            right, drafted = self.counts.get(key, (0, 0))
            p = (right + self.m * p) / (drafted + self.m)
        return p


def keys(rule: str, rtype: str, source_type: str, target_type: str) -> tuple[str, str, str]:
    """The three counting levels of a drafted relation, broad to narrow."""
    return (rule, f"{rule}|{rtype}", f"{rule}|{rtype}|{source_type}|{target_type}")


_disabled: contextvars.ContextVar[bool] = contextvars.ContextVar("rule_precision_off",
                                                                 default=False)
_override: contextvars.ContextVar[RulePrecision | None] = contextvars.ContextVar(
    "rule_precision", default=None)


@cache
def _shipped() -> RulePrecision | None:
    if not DATA.is_file():
        return None
    return RulePrecision.from_json(json.loads(DATA.read_text(encoding="utf-8")))


def current() -> RulePrecision | None:
    """The shipped counts, unless switched off (counting the rules' own output)."""
    return None if _disabled.get() else _override.get() or _shipped()


def disable() -> contextvars.Token[bool]:
    """Rules only, every relation as drafted (to count how often each rule is right)."""
    return _disabled.set(True)


def enable(token: contextvars.Token[bool]) -> None:
    _disabled.reset(token)


def use(counts: RulePrecision) -> contextvars.Token[RulePrecision | None]:
    """Use these counts instead of the shipped ones (cross-validation)."""
    return _override.set(counts)


def restore(token: contextvars.Token[RulePrecision | None]) -> None:
    _override.reset(token)
