"""Train khabar's neural NER tagger (BiLSTM-CRF) with torch and save it as numpy weights.

    python scripts/train_ner_neural.py --epochs 16 --eval-out /tmp/ner/neural  # held-out scores
    python scripts/train_ner_neural.py --quick --eval-out DIR   # pick epochs on dev, score that
    python scripts/train_ner_neural.py --skip-eval --epochs 16 --bundle khabar/entities/models

Needs torch (the ``train`` extra: ``pip install -e .[train]``; CPU is enough) and ../shared/data.
Word vectors come from the ANT corpus (PPMI-SVD, khabar.entities.clusters.word_vectors), cached in
``--vectors-cache``. The epoch count is chosen on the last ``DEV_SHARE`` of the training sentences
(never on the held-out part); the bundled model is then trained on all of NewsFANE for that many
epochs. Runs on one thread (``torch.set_num_threads(1)``).

Only the NewsFANE sentences whose text is in ANERcorp's train part are trained on (as in
``scripts/train_ner.py``): NewsFANE holds a block of ANERcorp text that is not in its train part
and is very likely its test part (benchmarks/results_ner.md, round 5).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.arabic.lexicon import default_lexicon  # noqa: E402
from khabar.entities.clusters import (  # noqa: E402
    ant_texts_outside_reserved_days,
    corpus_words,
    word_vectors,
)
from khabar.entities.corpus import (  # noqa: E402
    Sentence,
    read_anercorp,
    read_newsfane,
    split_by_text,
    split_held_out,
)
from khabar.entities.evaluate import score  # noqa: E402
from khabar.entities.features import FeatureExtractor  # noqa: E402
from khabar.entities.gazetteer import cldr_places, names_from_sentences  # noqa: E402
from khabar.entities.neural import (  # noqa: E402
    NEURAL_FILE,
    TypeInput,
    Vocabularies,
    bag_features,
    type_input,
)
from khabar.entities.tagger import (  # noqa: E402
    BUNDLED_MODEL,
    CLUSTERS_FILE,
    NAMES_FILE,
    _read_clusters,
    _write_names,
)

try:
    import torch
    from torch import nn
except ImportError:  # pragma: no cover - training-only dependency
    raise SystemExit("training needs torch: pip install -e '.[train]'") from None

SHARED = ROOT.parent / "shared" / "data"
NEWSFANE = SHARED / "ner" / "NewsFANE_Gold_2014_170K.txt.xz"
ANERCORP = SHARED / "ner" / "anercorp" / "ANERCorp_CamelLab_train.txt.xz"
ANT = SHARED / "ant" / "ant-multisource-v2.1.tar.xz"

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
VECTOR_DIMS = 96  # leading SVD dimensions kept of 160 (size of the shipped table)
CHAR_DIM = 32  # character embedding size
CHAR_FILTERS = 64  # character CNN filters
CHAR_WIDTH = 3  # character CNN window
FEAT_DIM = 48  # size of the feature-bag embedding
IDENT_DIM = 32  # size of the learnt embedding of words seen in training
MIN_IDENT_COUNT = 2  # training words seen fewer times get no learnt embedding
MIN_FEAT_COUNT = 2  # bag features seen fewer times in training are dropped
HIDDEN = 100  # LSTM state size per direction
DROPOUT = 0.5  # on the network's input and on the LSTM output
WORD_DROPOUT = 0.1  # share of tokens whose word vector is hidden in training (names unseen in ANT)
LEARNING_RATE = 2e-3
BATCH = 16  # sentences per update
MAX_EPOCHS = 25
PATIENCE = 4  # epochs without a better dev score before stopping
DEV_SHARE = 0.1  # last share of the training sentences used to pick the epoch count
CLIP = 5.0  # gradient norm clip
SEED = 13


class CRF(nn.Module):
    """Linear-chain CRF: transition, start and end scores over the tag set."""

    def __init__(self, tags: int) -> None:
        super().__init__()
        self.trans = nn.Parameter(torch.zeros(tags, tags))
        self.start = nn.Parameter(torch.zeros(tags))
        self.end = nn.Parameter(torch.zeros(tags))

    def nll(self, emissions: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Negative log-likelihood summed over the batch (emissions: T × B × K)."""
        steps, batch, _ = emissions.shape
        idx = torch.arange(batch)
        gold = self.start[tags[0]] + emissions[0, idx, tags[0]]
        alpha = self.start + emissions[0]
        for t in range(1, steps):
            m = mask[t]
            step = self.trans[tags[t - 1], tags[t]] + emissions[t, idx, tags[t]]
            gold = gold + step * m
            nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], dim=1) + emissions[t]
            alpha = torch.where(m[:, None] > 0, nxt, alpha)
        last = tags[mask.sum(0).long() - 1, idx]
        gold = gold + self.end[last]
        return (torch.logsumexp(alpha + self.end, dim=1) - gold).sum()


class Net(nn.Module):
    """Word vectors (frozen) + character CNN + feature bag → BiLSTM → emissions."""

    def __init__(self, vectors: np.ndarray, idents: int, chars: int, feats: int) -> None:
        super().__init__()
        table = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors])
        self.words = nn.Embedding.from_pretrained(torch.from_numpy(table), freeze=True)
        self.idents = nn.Embedding(idents, IDENT_DIM, padding_idx=0)
        self.chars = nn.Embedding(chars, CHAR_DIM, padding_idx=0)
        self.conv = nn.Conv1d(CHAR_DIM, CHAR_FILTERS, CHAR_WIDTH, padding=CHAR_WIDTH // 2)
        self.feats = nn.Embedding(feats, FEAT_DIM, padding_idx=0)
        self.drop = nn.Dropout(DROPOUT)
        size = vectors.shape[1] + IDENT_DIM + CHAR_FILTERS + FEAT_DIM
        self.lstm = nn.LSTM(size, HIDDEN, bidirectional=True)
        self.out = nn.Linear(2 * HIDDEN, len(TAGS))
        self.crf = CRF(len(TAGS))

    def type_vectors(
        self, words: torch.Tensor, idents: torch.Tensor, chars: torch.Tensor, feats: torch.Tensor
    ) -> torch.Tensor:
        """Input vectors of word types (N), from padded char (N × C) and feature (N × F) ids."""
        c = self.chars(chars).transpose(1, 2)  # N × D × C
        conv = self.conv(c).masked_fill((chars == 0)[:, None, :], -1e4)
        char_vec = torch.tanh(conv.max(dim=2).values)
        bag = self.feats(feats).sum(dim=1)
        return torch.cat([self.words(words), self.idents(idents), char_vec, bag], dim=1)

    def emissions(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Tag scores (T × B × K) of padded input vectors (T × B × D)."""
        packed = nn.utils.rnn.pack_padded_sequence(self.drop(x), lengths, enforce_sorted=False)
        states, _ = self.lstm(packed)
        states, _ = nn.utils.rnn.pad_packed_sequence(states, total_length=x.shape[0])
        return self.out(self.drop(states))


class Encoded:
    """Sentences as indices into one table of word types."""

    def __init__(self, types: list[TypeInput], sentences: list[tuple[list[int], list[int]]]):
        self.types = types
        self.sentences = sentences


def build_vocab(
    train: Sequence[Sentence], vocab_words: Sequence[str], extractor: FeatureExtractor
) -> Vocabularies:
    """Character and feature tables from the training sentences; words from the vector table."""
    chars: Counter[str] = Counter()
    feats: Counter[str] = Counter()
    idents: Counter[str] = Counter()
    for s in train:
        idents.update(extractor.word_features(t).bare for t in s.tokens)
    for token in {t for s in train for t in s.tokens}:
        wf = extractor.word_features(token)
        chars.update(wf.norm)
        feats.update(bag_features(wf.here))
    frequent = sorted(w for w, n in idents.items() if n >= MIN_IDENT_COUNT)
    return Vocabularies(
        words={w: i + 1 for i, w in enumerate(vocab_words)},
        idents={w: i + 1 for i, w in enumerate(frequent)},
        chars={c: i + 2 for i, c in enumerate(sorted(chars))},
        feats={f: i + 1 for i, (f, n) in enumerate(sorted(feats.items())) if n >= MIN_FEAT_COUNT},
        tags=TAGS,
    )


def reindex_feats(vocab: Vocabularies) -> Vocabularies:
    """Feature ids made contiguous (1…n) after the count filter."""
    kept = sorted(vocab.feats, key=vocab.feats.__getitem__)
    return Vocabularies(
        vocab.words, vocab.idents, vocab.chars, {f: i + 1 for i, f in enumerate(kept)}, vocab.tags
    )


def encode(
    sentences: Sequence[Sentence], extractor: FeatureExtractor, vocab: Vocabularies
) -> Encoded:
    """Index every token's word type and every tag."""
    types: list[TypeInput] = []
    index: dict[str, int] = {}
    out = []
    tag_ids = {t: i for i, t in enumerate(TAGS)}
    for s in sentences:
        ids = []
        for token in s.tokens:
            if token not in index:
                index[token] = len(types)
                types.append(type_input(token, extractor, vocab))
            ids.append(index[token])
        out.append((ids, [tag_ids[t] for t in s.tags]))
    return Encoded(types, out)


def type_tensors(types: Sequence[TypeInput]) -> tuple[torch.Tensor, ...]:
    """Padded tensors of word, character and feature ids for word types."""
    words = torch.tensor([t.word for t in types])
    idents = torch.tensor([t.ident for t in types])
    c_len = max(len(t.chars) for t in types)
    f_len = max(1, max(len(t.feats) for t in types))
    chars = torch.zeros(len(types), c_len, dtype=torch.long)
    feats = torch.zeros(len(types), f_len, dtype=torch.long)
    for i, t in enumerate(types):
        chars[i, : len(t.chars)] = torch.tensor(t.chars)
        if t.feats:
            feats[i, : len(t.feats)] = torch.tensor(t.feats)
    return words, idents, chars, feats


def run_batch(
    net: Net, data: Encoded, batch: Sequence[int], train: bool
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Emissions, gold tags, mask and lengths of a batch of sentences."""
    sents = [data.sentences[i] for i in batch]
    used = sorted({t for ids, _ in sents for t in ids})
    local = {t: i for i, t in enumerate(used)}
    words, idents, chars, feats = type_tensors([data.types[t] for t in used])
    if train and WORD_DROPOUT:
        drop = torch.rand(len(used)) < WORD_DROPOUT
        words = torch.where(drop, torch.zeros_like(words), words)
        idents = torch.where(drop, torch.zeros_like(idents), idents)
    vecs = net.type_vectors(words, idents, chars, feats)
    lengths = torch.tensor([len(ids) for ids, _ in sents])
    steps = int(lengths.max())
    tok = torch.zeros(steps, len(sents), dtype=torch.long)
    tags = torch.zeros(steps, len(sents), dtype=torch.long)
    for b, (ids, tg) in enumerate(sents):
        tok[: len(ids), b] = torch.tensor([local[t] for t in ids])
        tags[: len(tg), b] = torch.tensor(tg)
    mask = (torch.arange(steps)[:, None] < lengths[None, :]).float()
    return net.emissions(vecs[tok], lengths), tags, mask, lengths


def viterbi(net: Net, emissions: torch.Tensor, lengths: torch.Tensor) -> list[list[int]]:
    """Best paths (torch, for evaluation during training)."""
    crf = net.crf
    score = crf.start + emissions[0]
    back = []
    for t in range(1, emissions.shape[0]):
        total = score[:, :, None] + crf.trans[None]
        best, arg = total.max(dim=1)
        live = (t < lengths)[:, None]
        score = torch.where(live, best + emissions[t], score)
        back.append(arg)
    score = score + crf.end
    paths = []
    for b, n in enumerate(lengths.tolist()):
        tag = int(score[b].argmax())
        path = [tag]
        for t in range(n - 1, 0, -1):
            tag = int(back[t - 1][b, tag])
            path.append(tag)
        paths.append(path[::-1])
    return paths


def evaluate(net: Net, data: Encoded, sentences: Sequence[Sentence]) -> float:
    """Held-out micro F1 over PER/LOC/ORG."""
    net.eval()
    predicted: list[list[str]] = [[] for _ in sentences]
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i].tokens))
    with torch.no_grad():
        for start in range(0, len(order), 64):
            batch = order[start : start + 64]
            emissions, _, _, lengths = run_batch(net, data, batch, train=False)
            for i, path in zip(batch, viterbi(net, emissions, lengths), strict=True):
                predicted[i] = [TAGS[t] for t in path]
    return score((s.tags, p) for s, p in zip(sentences, predicted, strict=True)).micro[2]


def train_net(
    train: Sequence[Sentence],
    dev: Sequence[Sentence] | None,
    epochs: int,
    vocab: Vocabularies,
    vectors: np.ndarray,
    extractor: FeatureExtractor,
) -> tuple[Net, int]:
    """Train; with ``dev``, stop when it stops improving and return the best epoch's weights."""
    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    net = Net(vectors, len(vocab.idents) + 1, len(vocab.chars) + 2, len(vocab.feats) + 1)
    optim = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=LEARNING_RATE)
    data = encode(train, extractor, vocab)
    dev_data = encode(dev, extractor, vocab) if dev else None
    best, best_epoch, best_state = -1.0, 0, None
    for epoch in range(1, epochs + 1):
        net.train()
        started = time.perf_counter()
        order = list(range(len(train)))
        rng.shuffle(order)
        total = 0.0
        for start in range(0, len(order), BATCH):
            emissions, tags, mask, _ = run_batch(net, data, order[start : start + BATCH], True)
            loss = net.crf.nll(emissions, tags, mask)
            optim.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), CLIP)
            optim.step()
            total += float(loss.detach())
        line = f"epoch {epoch}: loss {total:.0f} ({time.perf_counter() - started:.0f}s)"
        if dev_data is not None and dev is not None:
            f1 = evaluate(net, dev_data, dev)
            line += f" dev F1 {f1:.3f}"
            if f1 > best:
                best, best_epoch = f1, epoch
                best_state = {k: v.clone() for k, v in net.state_dict().items()}
            elif epoch - best_epoch >= PATIENCE:
                print(line, flush=True)
                break
        print(line, flush=True)
    if best_state is not None:
        net.load_state_dict(best_state)
    return net, best_epoch or epochs


def export(net: Net, vocab: Vocabularies, path: Path) -> None:
    """Save the weights numpy needs (khabar.entities.neural.NeuralTagger) into ``path``."""
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    table = sd["words.weight"][1:]
    scale = np.abs(table).max(axis=1) / 127.0 + 1e-12
    quant = np.round(table / scale[:, None]).astype(np.int8)
    words = sorted(vocab.words, key=vocab.words.__getitem__)
    idents = sorted(vocab.idents, key=vocab.idents.__getitem__)
    chars = sorted(vocab.chars, key=vocab.chars.__getitem__)
    feats = sorted(vocab.feats, key=vocab.feats.__getitem__)
    conv = sd["conv.weight"]  # F × D × W → (W·D) × F, window-major as numpy reads it
    np.savez_compressed(
        path,
        vocab_words=np.array(words),
        vocab_idents=np.array(idents),
        ident_emb=sd["idents.weight"],
        vocab_chars=np.array(chars),
        vocab_feats=np.array(feats),
        vocab_tags=np.array(vocab.tags),
        word_vectors=quant,
        word_scale=scale.astype(np.float16),
        char_emb=sd["chars.weight"],
        conv_w=conv.transpose(2, 1, 0).reshape(-1, conv.shape[0]),
        conv_b=sd["conv.bias"],
        feat_emb=sd["feats.weight"],
        wih=np.concatenate([sd["lstm.weight_ih_l0"].T, sd["lstm.weight_ih_l0_reverse"].T], 1),
        bih=np.concatenate(
            [
                sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
                sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
            ]
        ),
        whh_f=sd["lstm.weight_hh_l0"].T,
        whh_b=sd["lstm.weight_hh_l0_reverse"].T,
        out_w=sd["out.weight"].T,
        out_b=sd["out.bias"],
        crf_trans=sd["crf.trans"],
        crf_start=sd["crf.start"],
        crf_end=sd["crf.end"],
    )


def load_vectors(ant: Path, cache: Path) -> tuple[list[str], np.ndarray]:
    """ANT word vectors (most frequent word first), read from ``cache`` when it exists."""
    if cache.exists():
        with np.load(cache) as data:
            return data["vocab"].tolist(), data["vectors"]
    vocab, vectors = word_vectors(corpus_words(ant_texts_outside_reserved_days(ant)))
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, vocab=np.array(vocab), vectors=vectors.astype(np.float32))
    return vocab, vectors


def main(argv: list[str] | None = None) -> int:
    """Train, report held-out scores, optionally write the bundled neural model."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--newsfane", type=Path, default=NEWSFANE)
    parser.add_argument(
        "--anercorp", type=Path, default=ANERCORP, help="ANERcorp train (to drop its test text)"
    )
    parser.add_argument("--ant", type=Path, default=ANT)
    parser.add_argument("--vectors-cache", type=Path, default=Path("/tmp/ner/ant_vectors.npz"))
    parser.add_argument("--eval-out", type=Path, default=None, help="save the held-out model")
    parser.add_argument("--bundle", type=Path, default=None, help="train on all, save here")
    parser.add_argument("--epochs", type=int, default=0, help="fixed epochs (skip dev search)")
    parser.add_argument("--skip-eval", action="store_true")
    parser.add_argument("--dims", type=int, default=VECTOR_DIMS, help="word-vector dimensions")
    parser.add_argument(
        "--quick", action="store_true", help="score the dev-stopped model (90 %% of training)"
    )
    args = parser.parse_args(argv)
    torch.set_num_threads(1)

    words, vectors = load_vectors(args.ant, args.vectors_cache)
    vectors = prepare_vectors(vectors, args.dims)
    extractor = make_extractor()
    sentences = read_newsfane(args.newsfane)
    train, held_out = split_held_out(sentences)
    sentences, unknown = split_by_text(sentences, read_anercorp(args.anercorp))
    known = set(sentences)
    train = [s for s in train if s in known]
    print(f"{len(unknown)} NewsFANE sentences are not ANERcorp train's text: never trained on")
    epochs = args.epochs
    if not args.skip_eval:
        vocab = reindex_feats(build_vocab(train, words, extractor))
        cut = round(len(train) * (1 - DEV_SHARE))
        if not epochs:
            net, epochs = train_net(train[:cut], train[cut:], MAX_EPOCHS, vocab, vectors, extractor)
            print(f"epochs chosen on dev: {epochs}", flush=True)
        if not args.quick:  # retrain on the whole training part for the chosen epochs
            net, _ = train_net(train, None, epochs, vocab, vectors, extractor)
        f1 = evaluate(net, encode(held_out, extractor, vocab), held_out)
        print(f"held-out micro F1 (torch): {f1:.3f}", flush=True)
        if args.eval_out:
            save_model(net, vocab, train, args.eval_out)
    if args.bundle:
        vocab = reindex_feats(build_vocab(sentences, words, extractor))
        net, _ = train_net(sentences, None, epochs or MAX_EPOCHS, vocab, vectors, extractor)
        save_model(net, vocab, sentences, args.bundle)
    return 0


def prepare_vectors(vectors: np.ndarray, dims: int = VECTOR_DIMS) -> np.ndarray:
    """The leading ``dims`` SVD dimensions, rescaled to unit length."""
    vectors = vectors[:, :dims]
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8)


def make_extractor() -> FeatureExtractor:
    """The word-type feature extractor the network's bag is read from (no gazetteer)."""
    return FeatureExtractor({}, cldr_places(), default_lexicon(), load_clusters())


def load_clusters() -> dict[str, tuple[str, ...]]:
    """The bundled model's word clusters (features of the bag)."""
    return _read_clusters(BUNDLED_MODEL / CLUSTERS_FILE)


def save_model(net: Net, vocab: Vocabularies, sentences: Sequence[Sentence], folder: Path) -> None:
    """Write a complete model folder: neural weights, training names and word clusters."""
    folder.mkdir(parents=True, exist_ok=True)
    export(net, vocab, folder / NEURAL_FILE)
    _write_names(names_from_sentences(sentences), folder / NAMES_FILE)
    if folder.resolve() != BUNDLED_MODEL.resolve():
        shutil.copyfile(BUNDLED_MODEL / CLUSTERS_FILE, folder / CLUSTERS_FILE)
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    print(f"model written to {folder} ({size / 1e6:.1f} MB)", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
