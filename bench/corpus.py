"""A deterministic corpus for the benchmarks: the shipped seed article with its names varied.

Article `i` is `seeds/yann-lecun-leaves-meta.id.txt` with its people, companies, products and
figures replaced by names drawn (with `random.Random(i)`) from the invented lists below, so
the same `i` always gives the same text, and entities recur across articles as in real news.

    python bench/corpus.py OUT_DIR N      # write N articles into OUT_DIR
"""

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "yann-lecun-leaves-meta.id.txt"

# Invented names: none is meant to be a real person or company.
FIRST = ["Adi", "Bima", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hana", "Indra", "Joko",
         "Kirana", "Laras", "Maya", "Nadia", "Oki", "Putri", "Raka", "Sari", "Tegar", "Wulan",
         "Amara", "Bastian", "Clara", "Dorian", "Elena", "Felix", "Greta", "Hugo", "Ilse", "Jonas"]
LAST = ["Hartono", "Wibisono", "Kusuma", "Pratama", "Santoso", "Halim", "Nugraha", "Lestari",
        "Gunawan", "Susanto", "Wijaya", "Saputra", "Hidayat", "Setiawan", "Rahardjo", "Tanoto",
        "Brandt", "Castell", "Delacroix", "Everly", "Falk", "Garrow", "Hollis", "Ingram", "Jarvik",
        "Kessler", "Lindqvist", "Marlowe", "Novak", "Oberlin"]
BRAND = ["Nexora", "Kalvio", "Sentara", "Orbitra", "Veltrix", "Lumora", "Daxen", "Quorix",
         "Tavira", "Zentro", "Morvia", "Helix", "Brivant", "Corvana", "Ostrea", "Pyralis",
         "Solvane", "Trivex", "Umbra", "Valoris", "Wendex", "Xylo", "Yarrow", "Zephyra"]
UNIT = ["Labs", "Research", "Systems", "Robotics", "Cloud", "Analytics"]
PRODUCT = ["Orion", "Kestrel", "Aster", "Borealis", "Cygnus", "Dorado", "Equinox", "Fornax",
           "Gemma", "Halcyon", "Ibis", "Juno", "Kepler", "Lyra", "Meridian", "Nimbus"]
PLACE = ["Nusantara", "Andalas", "Borneo", "Celebes", "Malaka", "Sunda"]


def _person(rng: random.Random, taken: set[str]) -> tuple[str, str, str]:
    while True:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        if first not in taken and last not in taken:
            taken.update((first, last))
            return f"{first} {last}", first, last


def _brand(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = rng.choice(BRAND)
        if name not in taken:
            taken.add(name)
            return name


def substitutions(i: int) -> list[tuple[str, str]]:
    """(word in the seed, its replacement in article `i`), longest words first."""
    rng, taken = random.Random(i), set()
    yann, yann_first, yann_last = _person(rng, taken)
    mark, mark_first, mark_last = _person(rng, taken)
    alex, alex_first, alex_last = _person(rng, taken)
    meta, old, scale, rival, partner, social, paper = (_brand(rng, taken) for _ in range(7))
    lab, newlab = rng.choice(UNIT), rng.choice([u for u in UNIT if u != "Labs"])
    model, bot = rng.sample(PRODUCT, 2)
    pairs = {
        "Advanced Machine Intelligence Labs": f"{_brand(rng, taken)} {newlab}",
        "Superintelligence Labs": f"{meta} {lab}", "Scale AI": f"{scale} AI",
        "The Financial Times": f"The {paper} Times", "Telset.id": f"{paper.lower()}.id",
        "Yann LeCun": yann, "Yann Lecun": yann, "Yann": yann_first, "LeCun": yann_last,
        "Lecun": yann_last, "Mark Zuckerberg": mark, "Mark": mark_first,
        "Zuckerberg": mark_last, "Alexandr Wang": alex, "Alexandr": alex_first,
        "Alex": alex_first, "Wang": alex_last, "Facebook": old, "FB": old[:2].upper(),
        "FT": paper[0] + "T", "Meta": meta, "OpenAI": rival, "Microsoft": partner,
        "Instagram": social, "ChatGPT": bot, "Llama": model, "Yaman": rng.choice(PLACE),
        "$14 miliar": f"${rng.randint(2, 40)} miliar", "$3 miliar": f"${rng.randint(1, 9)} miliar",
        "49%": f"{rng.randint(5, 75)}%", "29 tahun": f"{rng.randint(24, 45)} tahun",
    }
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def article(i: int, seed_text: str | None = None) -> str:
    """The text of article `i`."""
    text = seed_text if seed_text is not None else SEED.read_text(encoding="utf-8")
    pairs = dict(substitutions(i))
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(old) + r"(?!\w)" for old in pairs))
    return pattern.sub(lambda m: pairs[m.group(0)], text)


def articles(n: int) -> Iterator[tuple[str, str]]:
    """(file name, text) of articles 0 … n-1."""
    seed_text = SEED.read_text(encoding="utf-8")
    for i in range(n):
        yield f"gen-{i:06d}.id.txt", article(i, seed_text)


def write_corpus(folder: Path, n: int) -> Path:
    """Write articles 0 … n-1 into `folder` (kept if it already holds them). Returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles(n):
        path = folder / name
        if not path.is_file():
            path.write_text(text, encoding="utf-8")
    return folder


def words(text: str) -> int:
    """Whitespace-separated words: the unit of the extraction benchmark."""
    return len(text.split())


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    print(write_corpus(Path(sys.argv[1]), int(sys.argv[2])))
