"""Site settings: defaults, then lode.toml in the corpus folder, then command-line flags."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from .model import SiteConfig

CONFIG_FILE = "lode.toml"


class ConfigError(Exception):
    """lode.toml or a flag holds something Lode cannot use."""


def load_config(corpus: Path, overrides: dict[str, object]) -> SiteConfig:
    settings: dict[str, object] = {}
    path = corpus / CONFIG_FILE
    if path.is_file():
        try:
            settings = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: {error}; fix the file or remove it") from error
    known = {f.name for f in dataclasses.fields(SiteConfig)}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    settings.update({key: value for key, value in overrides.items() if value is not None})
    for field in dataclasses.fields(SiteConfig):
        if field.name in settings and not isinstance(settings[field.name], type(field.default)):
            raise ConfigError(f"{path}: '{field.name}' must be a {type(field.default).__name__}")
    base_url = str(settings.get("base_url", "") or "")
    if base_url and not base_url.startswith(("https://", "http://")):
        raise ConfigError(f"base_url '{base_url}' must start with https:// or http://")
    if base_url and not base_url.endswith("/"):
        settings["base_url"] = base_url + "/"
    if int(settings.get("per_page", 20)) < 1:
        raise ConfigError("per_page must be at least 1")
    return SiteConfig(**settings)
