"""Named entities: the tagger (CRF or BiLSTM-CRF), mentions in articles, resolution."""

from khabar.entities.conll import tag_conll
from khabar.entities.recognize import find_mentions, recognize
from khabar.entities.resolve import entity_id, mention_key, resolve_entities
from khabar.entities.tagger import Tagger, load_tagger

__all__ = [
    "Tagger",
    "entity_id",
    "find_mentions",
    "load_tagger",
    "mention_key",
    "recognize",
    "resolve_entities",
    "tag_conll",
]
