"""The names a document never breaks across lines: the shipped list, the clerk's own list (kept in the file, so it
travels with it) and the names of the campaign's liaisons."""

from __future__ import annotations

import json

from models.documents.pdf.protect import clean_words, shipped_words
from models.errors import ValidationError
from models.liaisons.liaison import liaison_names as campaign_liaison_names
from models.store.database import Store

META_KEY = "protected_words"
MAX_WORDS = 2000


def clerk_words(store: Store) -> list[str]:
    raw = store.meta(META_KEY) or ""
    try:
        words = json.loads(raw) if raw else []
    except ValueError:
        words = raw.split("、")
    return clean_words(words if isinstance(words, list) else [])


def set_clerk_words(store: Store, text: str) -> list[str]:
    """Save the clerk's list (one name a line); refuses a name that is too short or too long, saying which line."""
    words = []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip()
        if not word:
            continue
        if len(word) < 2 or len(word) > 30:
            raise ValidationError(f"第{number}行“{word[:40]}”：每行写一个2至30个字的姓名或词语。")
        if word not in words:
            words.append(word)
    if len(words) > MAX_WORDS:
        raise ValidationError(f"最多{MAX_WORDS}个词，现在有{len(words)}个。")
    store.set_meta(META_KEY, json.dumps(words, ensure_ascii=False))  # meta values are kept on one line
    return words


def liaison_names(store: Store, campaign_id: str | None) -> list[str]:
    if not campaign_id:
        return []
    names = campaign_liaison_names(store, campaign_id)
    return [name.strip() for name in names if name and 2 <= len(name.strip()) <= 30]


def protected_words(store: Store, campaign_id: str | None = None) -> list[str]:
    """Every name protected in this file's documents (the shipped ones are added by the PDF engine itself)."""
    return [*clerk_words(store), *liaison_names(store, campaign_id)]


def all_words(store: Store) -> list[str]:
    """The shipped names and the clerk's, as the clerk's list editor shows them."""
    return [*shipped_words(), *clerk_words(store)]
