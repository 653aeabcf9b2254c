"""Every regular expression of the package is safe against catastrophic backtracking.

The patterns are found, not listed: module-level compiled patterns of every
boilerstrip module, the compiled rules of every rules/*.toml, and whatever
patterns the shipped detectors (and their rule indexes) hold. Each is searched
in hostile strings: long runs of one character (of the characters the pattern
names, and the usual suspects: spaces, letters, digits, dots, slashes), runs of
two alternating characters, unclosed brackets and space-less URLs, each ending
in a character that makes the match fail late. A linear pattern searches 10,000
characters in well under 10 ms; one search may take LIMIT seconds of CPU time.

``regex`` patterns run in-process with the module's own timeout; stdlib ``re``
patterns cannot be interrupted, so they run in a forked child that is killed
when one search takes too long. Rule patterns only ever see blocks up to their
``max_chars``, so they are tested at that length.
"""

from __future__ import annotations

import importlib
import itertools
import multiprocessing
import pkgutil
import re
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import regex

import boilerstrip
from boilerstrip.detectors import default_detectors
from boilerstrip.rules import load_rules

LIMIT = 0.25  # CPU seconds per search
# Wall seconds before a search is given up: CPU time is what is bounded (a busy machine
# stretches wall time several-fold), while a catastrophic pattern takes far longer than either.
WALL_LIMIT = 8 * LIMIT
N = 10_000  # characters per hostile string
PATTERN_TYPES = (re.Pattern, regex.Pattern)
PACKAGE = Path(boilerstrip.__file__).parent

# Known catastrophic patterns: each is a bug to fix in the named module (strict: a fix makes this fail).
KNOWN_UNSAFE: dict[str, str] = {}


def _module_patterns() -> Iterator[tuple[str, Any]]:
    for info in pkgutil.walk_packages(boilerstrip.__path__, "boilerstrip."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        for name, value in vars(module).items():
            # Only where the pattern is defined, not where it is imported.
            if isinstance(value, PATTERN_TYPES) and re.search(rf"^\s*{re.escape(name)}\s*[:=]", source, re.M):
                yield f"{info.name}.{name}", value


def _held_patterns(owner: str, obj: Any, depth: int = 0) -> Iterator[tuple[str, Any]]:
    """Patterns an object holds in its attributes, tuples and mappings (a few levels down)."""
    if isinstance(obj, PATTERN_TYPES):
        yield owner, obj
        return
    if depth > 3 or isinstance(obj, (str, bytes, int, float, type)) or obj is None:
        return
    if isinstance(obj, dict):
        items: Any = obj.items()
    elif isinstance(obj, (tuple, list, frozenset, set)):
        items = enumerate(obj)
    else:
        names = getattr(obj, "__slots__", ()) or getattr(obj, "__dict__", {}).keys()
        if not names and hasattr(obj, "__dataclass_fields__"):
            names = obj.__dataclass_fields__.keys()
        items = ((n, getattr(obj, n, None)) for n in names)
    for key, value in items:
        yield from _held_patterns(f"{owner}.{key}", value, depth + 1)


def _uses(name: str) -> str:
    """'match' when the package only ever anchors the pattern (match/fullmatch), else 'search'."""
    short = re.escape(name.rsplit(".", 1)[-1])
    calls = {m.group(1) for path in PACKAGE.rglob("*.py")
             for m in re.finditer(rf"\b{short}\.(\w+)\(", path.read_text("utf-8"))}  # fmt: skip
    return "match" if calls and calls <= {"match", "fullmatch"} else "search"


def all_patterns() -> dict[str, tuple[Any, int, str]]:
    """Every compiled pattern of the package: name -> (pattern, longest string it sees, how it is used)."""
    # by pattern and the longest string it sees: one rule's pattern reused by another at a greater length
    # (consent.dump-banner: cookie-notice-shape's pattern on longer dump lines) is tested at that length too
    found: dict[tuple[int, int], tuple[str, Any, int, str]] = {}
    for name, p in _module_patterns():
        found.setdefault((id(p), N), (name, p, N, _uses(name)))
        ALIASES.add(name.rsplit(".", 1)[-1])  # re caches: two modules' equal patterns are one object
    tomls = [f.name[:-5] for f in resources.files("boilerstrip.rules").iterdir() if f.name.endswith(".toml")]
    for table in sorted(tomls):
        for rule in load_rules(table):
            if rule.pattern is not None:
                n = min(N, rule.max_chars or N)
                found.setdefault((id(rule.pattern), n), (rule.id, rule.pattern, n, "search"))
    for det in default_detectors():
        for name, p in _held_patterns(det.name, det):
            if not name.startswith(f"{det.name}.rules."):
                found.setdefault((id(p), N), (name, p, N, "search"))
    return {name: (p, n, how) for name, p, n, how in found.values()}


ALIASES: set[str] = set()
PATTERNS = all_patterns()
_CLASS_SAMPLES = ["a", "A", "1", " ", ".", "-", "/", ",", ":", "_", "(", "[", "<", "'", '"', "é", "中", "\t", "\n",
                  "|", "@", "#", "=", "+", "%", "&"]  # fmt: skip


def _literals(source: str) -> list[str]:
    return list(dict.fromkeys(c for c in source if c not in "\\^$*+?{}()[]|" and not c.isspace()))[:10]


def hostile(source: str, n: int) -> Iterator[str]:
    """Strings on which a backtracking pattern built from ``source`` would blow up."""
    tail = "\x01"  # matches almost nothing, so a match attempt fails at the very end
    literals = _literals(source)
    for c in dict.fromkeys(_CLASS_SAMPLES + literals):
        yield c * n + tail
    partners = ["a", " ", "1", "."]
    for a, b in itertools.product(
        dict.fromkeys(["a", "A", "1", " ", ".", "-", "/", ","] + literals), partners
    ):
        if a != b:
            yield (a + b) * (n // 2) + tail
    yield "http://" + "a/" * (n // 2)
    yield "(" * (n // 2) + ")" * (n // 2 - 1)
    yield "a, " * (n // 3) + "!"
    yield "Aa " * (n // 3) + "!"
    yield "1-" * (n // 2) + "x"
    # Markup repeated: empty comments before a non-tag made the HTML sniffing pattern exponential.
    for unit in ("<!---->", "<!--", "-->", "<a ", "</", "<p>", "&#", "<script>", "<!--x--> "):
        yield unit * (n // len(unit)) + tail


def _source(p: Any) -> str:
    return p.pattern if isinstance(p.pattern, str) else p.pattern.decode("latin-1")


def _as_input(p: Any, s: str) -> Any:
    return s if isinstance(p.pattern, str) else s.encode("utf-8")


def _check_regex(p: Any, n: int, how: str) -> None:
    for s in hostile(_source(p), n):
        data = _as_input(p, s)
        start = time.thread_time()
        try:
            getattr(p, how)(data, timeout=WALL_LIMIT)
        except TimeoutError:
            pytest.fail(f"search timed out on {s[:24]!r}... ({len(s)} chars)")
        elapsed = time.thread_time() - start
        assert elapsed < LIMIT, f"search took {elapsed:.2f} s on {s[:24]!r}... ({len(s)} chars)"


def _child(p: Any, n: int, how: str, conn: Any) -> None:
    for i, s in enumerate(hostile(_source(p), n)):
        start = time.process_time()
        getattr(p, how)(_as_input(p, s))
        conn.send((i, time.process_time() - start))
    conn.send(None)


def _check_stdlib(p: Any, n: int, how: str) -> None:
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(p, n, how, child), daemon=True)
    proc.start()
    child.close()  # the parent keeps no write end, so a child that dies is seen at once (EOF)
    strings = list(hostile(_source(p), n))
    try:
        for i, s in enumerate(strings):
            if not parent.poll(WALL_LIMIT):
                pytest.fail(f"search did not finish on {s[:24]!r}... ({len(s)} chars)")
            message = parent.recv()
            assert message is not None and message[0] == i
            assert message[1] < LIMIT, f"search took {message[1]:.2f} s on {s[:24]!r}... ({len(s)} chars)"
    finally:
        proc.kill()
        proc.join()


def _params() -> list[Any]:
    marks = {name: pytest.mark.xfail(reason=why, strict=True) for name, why in KNOWN_UNSAFE.items()}
    return [pytest.param(name, id=name, marks=marks.get(name, ())) for name in sorted(PATTERNS)]


@pytest.mark.parametrize("name", _params())
def test_pattern_is_linear_on_hostile_strings(name: str) -> None:
    """One search (or match, for patterns only ever anchored) of a hostile string takes under LIMIT seconds."""
    p, n, how = PATTERNS[name]
    if isinstance(p, regex.Pattern):
        _check_regex(p, n, how)
    else:
        _check_stdlib(p, n, how)


def test_every_compiled_pattern_in_the_source_is_tested() -> None:
    """Each module-level `NAME = re.compile(` / `regex.compile(` in the package is among the tested patterns."""
    names = {name.rsplit(".", 1)[-1] for name in PATTERNS} | ALIASES
    missing = []
    for path in PACKAGE.rglob("*.py"):
        for m in re.finditer(
            r"^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:re|regex)\.compile\(", path.read_text("utf-8"), re.M
        ):
            if m.group(1) not in names:
                missing.append(f"{path.relative_to(PACKAGE)}:{m.group(1)}")
    assert not missing


def test_every_rule_file_pattern_is_tested() -> None:
    """Every rule with a pattern in rules/*.toml is among the tested patterns, and there are many."""
    with_patterns = [r.id for f in resources.files("boilerstrip.rules").iterdir() if f.name.endswith(".toml")
                     for r in load_rules(f.name[:-5]) if r.pattern is not None]  # fmt: skip
    assert with_patterns and set(with_patterns) <= set(PATTERNS)
    assert len(PATTERNS) >= 100


def test_known_unsafe_patterns_still_exist() -> None:
    """A renamed or deleted pattern leaves KNOWN_UNSAFE, instead of silently passing."""
    assert set(KNOWN_UNSAFE) <= set(PATTERNS)
