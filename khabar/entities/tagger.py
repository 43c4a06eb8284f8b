"""The CRF named-entity tagger: features → a CRF trained by python-crfsuite, BIO tags over
PER/LOC/ORG/MISC; tagging decodes the model's weights in numpy (khabar.entities.crf), with the
tags python-crfsuite gives.

A model is a folder holding ``ner.crfsuite`` (the CRF weights), ``names.tsv.gz`` (tokens seen in
training entities, with their roles) and optionally ``clusters.tsv.gz`` (word clusters learnt from
unlabelled news). The bundled one lives in ``khabar/entities/models/``.
"""

from __future__ import annotations

import gzip
import logging
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from khabar.arabic.lexicon import Lexicon, default_lexicon
from khabar.config import EntitiesConfig
from khabar.entities.corpus import Sentence
from khabar.entities.crf import CrfDecoder, check_against_dump, read_crfsuite
from khabar.entities.crfsuite_tables import ModelTables, read_tables
from khabar.entities.features import FeatureExtractor
from khabar.entities.gazetteer import (
    cldr_places,
    known_places,
    merge_gazetteers,
    names_from_sentences,
)
from khabar.entities.neural import NEURAL_FILE, NeuralTagger
from khabar.entities.type_tables import BulkTypeDecoder
from khabar.errors import ModelError

log = logging.getLogger(__name__)

BUNDLED_MODEL = Path(__file__).parent / "models"
CRF_FILE = "ner.crfsuite"
NAMES_FILE = "names.tsv.gz"
CLUSTERS_FILE = "clusters.tsv.gz"

GAZETTEER_FOLDS = 5
"""With ``use_training_names``, training sentences get their gazetteer features from names seen in
the other folds only, so the CRF learns how far a known name can be trusted on unseen text. Off by
default: on the held-out split it scored 0.707 with and 0.712 without (the word features already
carry the training names); the names file is still written, for the mention filters."""


class Tagger:
    """A trained CRF tagger; ``fit`` trains one, :func:`load_tagger` opens a saved one."""

    def __init__(
        self,
        c1: float = 0.02,  # L1 penalty; 0.02 / 0.06 beat 0.05 / 0.01, 0.03 / 0.03, 0.1 / 0.01
        c2: float = 0.06,  # L2 penalty; (held-out micro F1, see benchmarks/results_ner.md)
        max_iterations: int = 200,
        use_training_names: bool = False,
        gazetteer_folds: int = GAZETTEER_FOLDS,
    ) -> None:
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations
        self.use_training_names = use_training_names
        self.gazetteer_folds = gazetteer_folds

    # ---- training -------------------------------------------------------------------------

    def fit(
        self,
        sentences: Sequence[Sentence],
        model_dir: str | Path,
        clusters: Mapping[str, tuple[str, ...]] | None = None,
        lexicon: Lexicon | None = None,
    ) -> Tagger:
        """Train on tagged sentences and save the model into ``model_dir``."""
        lexicon = lexicon if lexicon is not None else default_lexicon()
        places = known_places()
        clusters = clusters or {}
        trainer = pycrfsuite.Trainer(verbose=False)
        folds = max(1, self.gazetteer_folds) if self.use_training_names else 1
        for k in range(folds):
            part = [s for i, s in enumerate(sentences) if i % folds == k]
            others = [s for i, s in enumerate(sentences) if i % folds != k]
            names = names_from_sentences(others) if folds > 1 else {}
            extractor = FeatureExtractor(names, places, lexicon, clusters)
            for sentence in part:
                trainer.append(extractor.sequence(sentence.tokens), list(sentence.tags))
        trainer.set_params(
            {
                "c1": self.c1,
                "c2": self.c2,
                "max_iterations": self.max_iterations,
                "feature.possible_transitions": True,
            }
        )
        model_dir = Path(model_dir)
        model_dir.mkdir(parents=True, exist_ok=True)
        trainer.train(str(model_dir / CRF_FILE))
        _write_names(names_from_sentences(sentences), model_dir / NAMES_FILE)
        if clusters:
            _write_clusters(clusters, model_dir / CLUSTERS_FILE)
        return self._open(model_dir, lexicon)

    # ---- tagging --------------------------------------------------------------------------

    def _open(
        self, model_dir: Path, lexicon: Lexicon | None = None, *, via_dump: bool = False
    ) -> Tagger:
        """Load the saved model of ``model_dir`` into this object.

        A folder with neural weights (``ner.npz``) tags with them, otherwise with the CRF. The
        CRF's label and attribute names are read from its file's string tables
        (:func:`khabar.entities.crfsuite_tables.read_tables`); with ``via_dump``, or when the
        file's layout is not the one expected, from python-crfsuite's text dump instead (slow:
        the dump is parsed in Python; its weights are checked against the file's).
        """
        crf = model_dir / CRF_FILE
        neural = model_dir / NEURAL_FILE
        if not crf.exists() and not neural.exists():
            raise ModelError(
                f"no NER model at {model_dir} (neither {CRF_FILE} nor {NEURAL_FILE}); rebuild it "
                "with `python scripts/train_ner_neural.py --bundle DIR` (neural) or "
                "`python scripts/train_ner.py` (CRF), or point [entities] model_path at a "
                "trained model folder"
            )
        lexicon = lexicon or default_lexicon()
        self.model_dir_ = model_dir
        names = merge_gazetteers(_read_names(model_dir / NAMES_FILE))
        clusters = _read_clusters(model_dir / CLUSTERS_FILE)
        known: frozenset[str] | None = None
        self.crf_: pycrfsuite.Tagger | None = None
        self.decoder_: CrfDecoder | None = None
        weights = None
        if crf.exists():
            self.crf_ = pycrfsuite.Tagger()
            self.crf_.open(str(crf))
            tables = None if via_dump else _tables(crf, self.crf_)
            if tables is not None:
                weights = read_crfsuite(crf, tables.labels, tables.attributes)
                known = tables.known
            else:
                dump = self.crf_.info()
                known = frozenset(attribute for attribute, _ in dump.state_features)
                weights = read_crfsuite(crf, dump.labels, dump.attributes)
                check_against_dump(weights, dump.state_features, dump.transitions)
        self.extractor_ = FeatureExtractor(names, known_places(), lexicon, clusters, known)
        if weights is not None:
            self.decoder_ = BulkTypeDecoder(weights, self.extractor_)
        self.neural_: NeuralTagger | None = None
        if neural.exists():
            self.neural_ = NeuralTagger(
                neural, FeatureExtractor({}, cldr_places(), lexicon, clusters)
            )
        return self

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``B-PER``, ``I-LOC``, ``O``, …) for one sentence of tokens."""
        if not tokens:
            return []
        return self.tag_batch([tokens])[0]

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each of several sentences (faster than one at a time).

        The CRF's tags come from :class:`khabar.entities.crf.CrfDecoder` (its new word types
        added in bulk, :class:`khabar.entities.type_tables.BulkTypeDecoder`), the ones
        ``crf_.tag(extractor_.sequence(tokens))`` (python-crfsuite) gives, computed faster.
        """
        if self.neural_ is not None:
            return self.neural_.tag_batch(sentences)
        if self.decoder_ is None:
            raise ModelError("the tagger has no model loaded; open one with load_tagger")
        return self.decoder_.tag_batch(sentences)

    def known_roles(self, word: str) -> frozenset[str]:
        """Roles (``PER:B``, ``LOC:I``, …) a normalised word had in the training entities, and
        ``LOC`` ones for CLDR's places (GeoNames towns are features only: many are common words)."""
        roles = self.extractor_.gazetteer.get(word, frozenset())
        place = cldr_places().get(word)
        if place:
            roles = roles | {f"LOC:{place[-1]}"}
        return roles

    def __getstate__(self) -> dict[str, Any]:
        skip = ("crf_", "decoder_", "extractor_", "neural_")
        state = {k: v for k, v in self.__dict__.items() if k not in skip}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "model_dir_" in state:
            self._open(state["model_dir_"])


def load_tagger(cfg: EntitiesConfig, *, via_dump: bool = False) -> Tagger:
    """Open the bundled NER model, or the one at ``cfg.model_path`` (a folder or its .crfsuite);
    ``via_dump`` takes the CRF's names from python-crfsuite's dump (the slow way, to compare)."""
    path = Path(cfg.model_path) if cfg.model_path else BUNDLED_MODEL
    if path.is_file():
        path = path.parent
    return Tagger()._open(path, via_dump=via_dump)


def _tables(crf: Path, opened: pycrfsuite.Tagger) -> ModelTables | None:
    """The string tables of the CRF file ``crf`` (opened by python-crfsuite as ``opened``), or
    None when they cannot be read directly (an unexpected layout: the dump is then parsed)."""
    try:
        tables = read_tables(crf)
    except ModelError as e:
        log.warning("reading the string tables of %s failed (%s); parsing its dump", crf, e)
        return None
    if set(opened.labels()) != set(tables.labels):
        log.warning("the labels read from %s are not python-crfsuite's; parsing its dump", crf)
        return None
    return tables


def _write_names(names: Mapping[str, frozenset[str]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word in sorted(names):
            fh.write(f"{word}\t{','.join(sorted(names[word]))}\n")


def _read_names(path: Path) -> dict[str, frozenset[str]]:
    if not path.exists():
        return {}
    out: dict[str, frozenset[str]] = {}
    for line in _lines(path):
        word, _, roles = line.partition("\t")
        out[word] = frozenset(roles.split(",")) if roles else frozenset()
    return out


def _write_clusters(clusters: Mapping[str, tuple[str, ...]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word in sorted(clusters):
            fh.write(f"{word}\t{' '.join(clusters[word])}\n")


def _read_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    if not path.exists():
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(path):
        word, _, ids = line.partition("\t")
        out[word] = tuple(ids.split())
    return out


def _lines(path: Path) -> list[str]:
    """The lines of a gzipped UTF-8 table, without their line ends (the file decompressed and
    split at once: faster than reading it line by line)."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as text mode reads
    if lines[-1] == "":
        lines.pop()
    return lines


def scratch_dir() -> Path:
    """A fresh temporary folder for a model that is not to be kept."""
    return Path(tempfile.mkdtemp(prefix="khabar-ner-"))
