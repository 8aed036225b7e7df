"""Synthetic news corpora for the search benchmark and tests: deterministic, any size, no spaCy.

Words follow a Zipf distribution over a vocabulary of common English words and generated
ones (the long tail of rare terms a real corpus has); each article mentions a few named
entities, drawn from a pool with a Zipf distribution too, and carries them as Mentions,
as extraction would. The same (count, seed, words) always gives the same corpus.
"""

from __future__ import annotations

import itertools
import random
from bisect import bisect
from dataclasses import dataclass

from extract.model import Article, Block, Entity, Mention

# Frequent words first (the rank decides the frequency), Lode's own list.
COMMON = """
the of and to in a is that for on said with was as it by at from be has have are this which an will
but not were its had their been also more than after over about new would up into two they who
one year other first last out some could all when there three can people while government percent
minister million billion company project mining mineral minerals investment country officials deal
agreement week month day monday tuesday wednesday thursday friday saturday sunday time money
foreign trade export exports market price prices copper gold lithium cobalt nickel iron coal zinc
rare earth earths mine mines miners output production plant energy power water road railway port
province federal provincial local security workers jobs training equipment contract contracts
funding loan loans bank banks finance economic growth report reports according statement meeting
meetings forum visit talks partners partnership cooperation development key plan plans policy
policies law laws court board chief executive chairman director spokesman today yesterday always
never often early late north south east west region regional capital city town village border
international national public private sector industry industries firm firms shares stake owner
owners ownership value added processing refinery smelter ore reserves tonnes exploration licence
licences royalty royalties tax taxes revenue revenues budget debt interest rate rates dollar dollars
rupee rupees yen yuan euro pounds cent cents fund funds support supply supplies demand global
world largest major small big high low strong weak open close opened closed signed sign launch
launched announced expected planned said says told added noted called asked agreed joined held
""".split()
SYLLABLES = ("ka ri to ma sen lo vu dar pel min ock ash ber cal dor fen gal hir jun kel lum nar "
             "pos quin ras sul tev ush vor wex yal zor bri cha dre fla gri kro pla shu tra").split()
FIRST_NAMES = "Amina Bilal Chen Dana Emre Farah Goro Hana Imran Jia Kenji Laila Musa Nadia Omar Priya Rafael Sara Tariq Yuki".split()
FAMILY_NAMES = ("Abbasi Baig Chaudhry Durrani Endo Fujita Gill Hassan Ito Jatoi Khan Lodhi Malik Noor Okada Qureshi Rana "
                "Sato Tanaka Zaidi").split()
ORG_WORDS = ("Mining", "Resources", "Minerals", "Development", "Trade", "Investment", "Energy", "Metals")
ORG_KINDS = ("Corporation", "Authority", "Company", "Agency", "Limited", "Council")
SOURCES = ("Daily Ledger", "Mining Weekly Review", "The Frontier Post", "Capital Times", "Harbour Herald",
           "Ore & Metal News", "Evening Dispatch", "Trade Wire", "Lode Briefs", "Northern Star", "Market Courier",
           "Regional Observer")


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]


def _zipf_picker(size: int, exponent: float, rng: random.Random):
    weights = list(itertools.accumulate(1 / (rank ** exponent) for rank in range(1, size + 1)))
    total = weights[-1]
    return lambda: bisect(weights, rng.random() * total)


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))


def _entities(count: int, rng: random.Random) -> list[Entity]:
    entities: list[Entity] = []
    names: set[str] = set()
    while len(entities) < count:
        kind = rng.choice(("PERSON", "ORG", "ORG", "GPE", "PROJECT"))
        if kind == "PERSON":
            name, aliases = f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}", ()
        elif kind == "ORG":
            words = [_pseudo_word(rng).title(), rng.choice(ORG_WORDS), rng.choice(ORG_KINDS)]
            name = " ".join(words)
            aliases = ("".join(word[0] for word in words).upper() + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"),)
        elif kind == "GPE":
            name, aliases = _pseudo_word(rng).title(), ()
        else:
            name, aliases = f"{_pseudo_word(rng).title()} {rng.choice(('Copper', 'Gold', 'Lithium'))} Project", ()
        if name in names:
            continue
        names.add(name)
        slug = name.lower().replace(" ", "-")
        entities.append(Entity(f"e-{slug}", name, kind, aliases, f"entities/{slug}.html"))
    return entities


def generate(count: int, seed: int = 1, words: int = 630, vocabulary: int = 60_000, entity_pool: int | None = None) -> Corpus:
    """`count` articles of about `words` words each (lognormal spread), with their entities."""
    rng = random.Random(seed)
    vocab = list(COMMON)
    seen = set(vocab)
    while len(vocab) < vocabulary:
        word = _pseudo_word(rng)
        if word not in seen:
            seen.add(word)
            vocab.append(word)
    pick_word = _zipf_picker(len(vocab), 1.05, rng)
    pool = _entities(entity_pool or max(50, count // 10), rng)
    pick_entity = _zipf_picker(len(pool), 0.9, rng)
    used: set[int] = set()
    articles = []
    for number in range(count):
        article_id = f"a{number:05d}"
        chosen = sorted({pick_entity() for _ in range(rng.randint(2, 8))})
        length = max(20, int(rng.lognormvariate(0, 0.45) * words))
        paragraphs: list[list[str]] = [[]]
        mentions, offset, position = [], 0, 0  # offset: where the paragraph starts; position: characters into it
        for index in range(length):
            paragraph = paragraphs[-1]
            if chosen and rng.random() < 0.03:
                entity = pool[rng.choice(chosen)]
                token = rng.choice((entity.name, *entity.aliases))
                start = offset + position + (1 if paragraph else 0)
                mentions.append(Mention(article_id, start, start + len(token), token, entity.id))
                used.add(pool.index(entity))
            else:
                token = vocab[pick_word()]
                if index == 0 or (paragraph and paragraph[-1].endswith(".")):
                    token = token.title()
                if rng.random() < 0.07:
                    token += rng.choice((".", ".", ",", ",", ";"))
            position += len(token) + (1 if paragraph else 0)
            paragraph.append(token)
            if len(paragraph) >= 60 and token.endswith(".") and index < length - 1:
                offset += position + 2  # the blank line between blocks
                paragraphs.append([])
                position = 0
        blocks = tuple(Block("paragraph", " ".join(paragraph)) for paragraph in paragraphs)
        lead = pool[chosen[0]].name if chosen else vocab[pick_word()].title()
        title = " ".join([lead] + [vocab[pick_word()] for _ in range(rng.randint(4, 10))])
        if chosen:
            used.add(chosen[0])
        date = f"{rng.randint(2023, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        articles.append(Article(
            id=article_id, file=article_id, source_path=f"{article_id}.md", path=f"articles/{article_id}.html",
            title=title, blocks=blocks, source=rng.choice(SOURCES), authors=(), date=date, url=None,
            language="en", mentions=tuple(mentions),
        ))
    entities = tuple(entity for index, entity in enumerate(pool) if index in used)
    return Corpus(tuple(articles), entities)
