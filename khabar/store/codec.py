"""JSON (de)serialisers for the dataclasses of :mod:`khabar.model`, used by the store.

A dataclass becomes a JSON object of its fields; dates become ISO strings (``"2024-03-01"``),
tuples become lists, bytes become base64 text. Decoding reads the field types from the class's
annotations, so ``decode(Event, encode(event)) == event`` for every model class.

Decoders are built once, at import, into read-only tables; nothing here changes afterwards.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import sys
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from khabar import model
from khabar.clean.scrub import scrub_text

T = TypeVar("T")

Decoder = Callable[[Any], Any]


_SCALARS = frozenset({str, int, float, bool, type(None)})
"""Types written as they are (exactly these: a subclass takes the general path)."""


def encode(value: Any) -> Any:
    """Turn a model dataclass (or a value inside one) into plain JSON-ready data."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _MODEL_FIELDS.get(kind)
    if names is not None:  # a model class: its field names from the table, not fields()
        return {name: encode(getattr(value, name)) for name in names}
    if kind is tuple or kind is list:
        if _SCALARS.issuperset(map(type, value)):  # a token's forms: nothing to encode
            return list(value)
        return [encode(v) for v in value]
    return _encode_any(value)


def _encode_any(value: Any) -> Any:
    """:func:`encode` of any value, by what it is an instance of."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(k): encode(v) for k, v in value.items()}
    raise TypeError(f"cannot encode {type(value).__name__} for the store")


def dumps(value: Any) -> str:
    """Encode a model dataclass as compact JSON text (Arabic kept as is; a lone surrogate, which
    UTF-8 cannot hold, becomes U+FFFD)."""
    return scrub_text(json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")))


def _identity(value: Any) -> Any:
    return value


def _shared_strings(values: Any) -> tuple[Any, ...]:
    """A tuple of strings whose equal strings are one object (``sys.intern``; an interned
    string is freed once nothing else holds it). The tokens' normalised forms and stems are
    most of a stored article's analysis: decoded apart, every word repeated across articles
    would be a string of its own for each (as the annotator makes them, they are the
    tokeniser's cached strings, shared). Non-text items are kept as they are."""
    try:
        return tuple(map(sys.intern, values))
    except TypeError:  # an item that is not text: kept as it is
        return tuple(values)


def _decode_date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _decode_bytes(value: Any) -> bytes:
    return base64.b64decode(value)


def _decoder_for(tp: Any, classes: Mapping[type, Any]) -> Decoder:
    """Build the decoder of one annotated type; ``classes`` is consulted lazily for dataclasses."""
    if tp in (str, int, float, bool, type(None), Any):
        return _identity
    if tp is date:
        return _decode_date
    if tp is bytes:
        return _decode_bytes
    origin = get_origin(tp)
    if origin is Literal:
        return _identity
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"cannot decode the union {tp}: give it a single non-None member")
        inner = _decoder_for(options[0], classes)
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder_for(args[0], classes)
            if item is _identity:  # a tuple of strings (tokens' forms): one object per word
                return _shared_strings
            return lambda v: tuple(item(x) for x in v)
        parts = [_decoder_for(a, classes) for a in args]
        return lambda v: tuple(d(x) for d, x in zip(parts, v, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        cls = tp
        return lambda v: _build(cls, v, classes)
    raise TypeError(f"cannot decode values of type {tp}")


def _field_decoders(cls: type, classes: Mapping[type, Any]) -> dict[str, Decoder]:
    """The decoder of each init field of a dataclass."""
    hints = get_type_hints(cls, vars(model), vars(typing))
    return {f.name: _decoder_for(hints[f.name], classes) for f in dataclasses.fields(cls) if f.init}


def _build(cls: type, data: Any, classes: Mapping[type, Any]) -> Any:
    """Instantiate ``cls`` from decoded JSON data, filling absent fields with their defaults."""
    if type(data) is not dict and not isinstance(data, Mapping):
        raise TypeError(f"expected a JSON object for {cls.__name__}, got {type(data).__name__}")
    plan = _SLOT_PLANS.get(cls)
    if plan is not None and len(data) == len(plan):
        # every field written (the rows :func:`dumps` writes): fill the slots directly
        obj = _new(cls)
        try:
            for name, decoder, set_slot in plan:
                value = data[name]
                set_slot(obj, value if decoder is _identity else decoder(value))
        except KeyError:  # another key in a field's place: the general path below sorts it
            pass
        else:
            return obj
    decoders = classes.get(cls)
    if decoders is None:  # a dataclass outside khabar.model: build its decoders on the spot
        decoders = _field_decoders(cls, classes)
    return cls(**{name: decoders[name](v) for name, v in data.items() if name in decoders})


def _model_classes() -> Mapping[type, Any]:
    """Decoder tables of every dataclass in :mod:`khabar.model`, as a read-only mapping."""
    tables: dict[type, Any] = {}
    view = types.MappingProxyType(tables)
    for obj in vars(model).values():
        if (
            isinstance(obj, type)
            and dataclasses.is_dataclass(obj)
            and obj.__module__ == model.__name__
        ):
            tables[obj] = _field_decoders(obj, view)
    return view


_MODEL_DECODERS: Mapping[type, Any] = _model_classes()
"""Field decoders per model class; filled once at import, read-only afterwards."""

_new = object.__new__


SlotPlan = tuple[tuple[str, Decoder, Callable[[Any, Any], None]], ...]
"""Per field of a model class, in order: its name, its decoder, its slot's setter."""


def _slot_plans() -> Mapping[type, SlotPlan]:
    """How to fill each slotted model class without calling its ``__init__``: the generated
    ``__init__`` of a frozen dataclass sets each field through ``object.__setattr__`` by name;
    setting the slots' descriptors directly gives an equal object (the 1,966 stored rows of an
    add of 1,000 ANT articles, ``json.loads`` included: 1.73 -> 1.34 CPU s, median of 6
    alternated runs). Only for classes whose fields are all init fields, with no
    ``__post_init__`` (nothing else for ``__init__`` to do)."""
    plans: dict[type, SlotPlan] = {}
    for cls, decoders in _MODEL_DECODERS.items():
        fields = dataclasses.fields(cls)
        if (
            "__slots__" not in vars(cls)
            or hasattr(cls, "__post_init__")
            or any(not f.init for f in fields)
        ):
            continue
        plans[cls] = tuple((f.name, decoders[f.name], getattr(cls, f.name).__set__) for f in fields)
    return types.MappingProxyType(plans)


_SLOT_PLANS: Mapping[type, SlotPlan] = _slot_plans()
"""The slot plan of each model class that has one; read-only."""

_MODEL_FIELDS: Mapping[type, tuple[str, ...]] = types.MappingProxyType(
    {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _MODEL_DECODERS}
)
"""The field names of each model class, in order (what :func:`encode` writes); read-only."""


def decode(cls: type[T], data: Any) -> T:
    """Rebuild an instance of the dataclass ``cls`` from :func:`encode` output."""
    result: T = _build(cls, data, _MODEL_DECODERS)
    return result


def loads(cls: type[T], text: str | bytes) -> T:
    """Rebuild an instance of ``cls`` from :func:`dumps` text."""
    return decode(cls, json.loads(text))
