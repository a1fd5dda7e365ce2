"""The user's actors file (``actors.toml``): actors and aliases that win over everything learned.

Format (see docs/actors.md)::

    [[actor]]
    name = "Joko Widodo"
    type = "PERSON"            # PERSON | ORG | GPE | LOC
    country = "IDN"            # ISO-3166 alpha-3, optional
    roles = ["president"]      # optional
    aliases = ["Jokowi", "Pak Jokowi"]
    id = "person:joko-widodo"  # optional; derived from type and name when absent
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warta.errors import ConfigError, Errors
from warta.names import fold, slug

TYPES = ("PERSON", "ORG", "GPE", "LOC")
_PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "gpe", "LOC": "loc"}
_ACTOR_KEYS = frozenset({"name", "type", "country", "roles", "aliases", "id"})


@dataclass(frozen=True)
class UserActor:
    id: str
    name: str
    type: str
    country: str | None
    roles: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class UserActors:
    """Alias index over the user's actors (folded alias → actor)."""

    actors: tuple[UserActor, ...]
    by_alias: dict[str, UserActor]

    def find(self, text: str) -> UserActor | None:
        return self.by_alias.get(_key(text))


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _actor(item: object, path: Path, n: int) -> UserActor:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ConfigError(Errors.E024.format(path=path, reason=f"actor #{n} needs a name"))
    kind = str(item.get("type", "PERSON")).upper()
    if kind not in TYPES:
        reason = f"actor {item['name']!r}: type must be one of {', '.join(TYPES)}"
        raise ConfigError(Errors.E024.format(path=path, reason=reason))
    country = item.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 3):
        reason = f"actor {item['name']!r}: country must be an ISO-3166 alpha-3 code"
        raise ConfigError(Errors.E024.format(path=path, reason=reason))
    name = item["name"]
    unknown = sorted(set(item) - _ACTOR_KEYS)
    if unknown:
        known = ", ".join(sorted(_ACTOR_KEYS))
        reason = f"actor {name!r}: unknown key(s) {unknown}; known: {known}"
        raise ConfigError(Errors.E024.format(path=path, reason=reason))
    for key in ("roles", "aliases"):  # a bare string would become one alias per letter
        values = item.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            reason = f"actor {name!r}: {key} must be a list of strings, not {values!r}"
            raise ConfigError(Errors.E024.format(path=path, reason=reason))
    default_id = f"{_PREFIX[kind]}:{country.upper()}" if kind == "GPE" and country else (
        f"{_PREFIX[kind]}:{slug(name)}")
    return UserActor(
        id=str(item.get("id") or default_id), name=name, type=kind,
        country=country.upper() if country else None,
        roles=tuple(str(r) for r in item.get("roles", [])),
        aliases=tuple(dict.fromkeys([name, *(str(a) for a in item.get("aliases", []))])),
    )


@lru_cache(maxsize=8)
def load_user_actors(path: str) -> UserActors:
    """Read and check an actors file once per process; ConfigError (E024) when it is invalid."""
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(Errors.E024.format(path=file, reason=err)) from err
    items = data.get("actor", [])
    if set(data) - {"actor"}:
        reason = (f"unknown key(s) {sorted(set(data) - {'actor'})}; an actors file holds "
                  "[[actor]] tables")
        raise ConfigError(Errors.E024.format(path=file, reason=reason))
    if not isinstance(items, list):
        raise ConfigError(Errors.E024.format(path=file, reason="[[actor]] tables expected"))
    actors = tuple(_actor(item, file, n) for n, item in enumerate(items, 1))
    by_alias: dict[str, UserActor] = {}
    for actor in actors:
        for alias in actor.aliases:
            by_alias.setdefault(_key(alias), actor)
    return UserActors(actors, by_alias)
