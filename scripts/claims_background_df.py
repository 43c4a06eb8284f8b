"""Build the background document frequencies of light stems used by khabar.claims.

Reads the ANT corpus (extract ``ant-multisource-v2.1.tar.xz`` somewhere first) and writes
``khabar/claims/resources/stem_df.tsv.gz``: a header line ``#docs<TAB>N`` then ``stem<TAB>df``
for every stem seen in at least MIN_DF documents. Usage::

    python scripts/claims_background_df.py /tmp/ant
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter
from pathlib import Path

from khabar.claims.text import words

MIN_DF = 3
"""Stems in fewer documents than this are left out (their IDF is the table's ceiling anyway)."""

_FIELD = re.compile(r"<(TITLE|TEXT)>(.*?)</\1>", re.S)


def main(root: str) -> None:
    """Count, over every ANT document, the documents each light stem occurs in."""
    df: Counter[str] = Counter()
    docs = 0
    for path in sorted(Path(root).rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        text = " ".join(m.group(2) for m in _FIELD.finditer(raw))
        if not text.strip():
            continue
        docs += 1
        df.update({w.stem for w in words(text)})
    out = Path(__file__).resolve().parents[1] / "khabar" / "claims" / "resources" / "stem_df.tsv.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        fh.write(f"#docs\t{docs}\n")
        for stem, count in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
            if count >= MIN_DF:
                fh.write(f"{stem}\t{count}\n")
    print(f"{docs} documents, {sum(1 for c in df.values() if c >= MIN_DF)} stems -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ant")
