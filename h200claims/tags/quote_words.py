"""The quote stage's vocabulary: cue words, pronouns, role nouns, descriptions, from data/quotes.json."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from h200claims import data
from h200claims.patterns import alternation as alt
from h200claims.patterns import compile_fast
from h200claims.text.script import simplified_view as v

OPEN = {"「": "」", "『": "』", "“": "”", '"': '"'}
#: how far before a cue the speaker is looked for (characters); keeps each cue's work bounded
SPEAKER_WINDOW = 120
CLAUSE_OR_QUOTE = regex.compile(r"[,，;；:：「『“]")
CLAUSE_MARK = regex.compile(r"[,，;；:：]")
SPEECH_MARK = regex.compile(r"[,，。!?！？]")
NOT_WORD = regex.compile(r"[^\p{Han}A-Za-z0-9]")
SENT_END = "。！？!?"
#: the lexicon kinds that 該公司 / 該智庫 / 報導 refer back to
QUOTE_KINDS = frozenset({"outlet", "think_tank", "company", "government", "court", "prosecutors"})


@dataclass(frozen=True)
class Words:
    cfg: dict[str, Any]
    cue_re: Any
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    weak: frozenset[str]
    direct_cues: frozenset[str]  # cues a 「…」 may follow (X說：「…」)
    cue_nouns: frozenset[str]
    heading_cue_re: Any
    openers: frozenset[str]
    adverbs: Any  # regex: trailing adverbs before a cue
    connective_only: Any
    pronouns: dict[str, str | None]
    role_end: Any  # regex: clause ending in a role noun
    role_any: Any  # regex: a role noun anywhere
    plural: tuple[str, ...]
    singular: frozenset[str]
    descriptions: dict[str, str]
    according: Any
    via: list[Any]
    relay: Any
    title_only: Any  # regex: a bare title ending the clause (部長, 董事長)
    report_cue: Any  # regex: the verb of an outlet's report (報導, 披露)
    speaker_after: Any  # regex: '，SPEAKER CUE。' closing a sentence after a quoted passage, or between two
    speaker_opens: Any  # regex: 'SPEAKER CUE，…' opening the sentence after a quoted one (“…。”呂大良表示，…)
    when_end: Any  # regex: a clause ending in 時/後/間 ('when' clauses give way to the main cue)
    not_name_chars: frozenset[str]  # characters that end a name before a pronoun or cue (也, 就, 則)
    phrase_openers: frozenset[str]  # 讓/被/由/據: a description starts after them
    data_end: Any  # regex: a clause ending in a data noun (海關數據, 調查) before 顯示
    data_cues: frozenset[str]  # 顯示: a cue only after a data noun
    own_document: Any  # regex: a clause ending in a company's own document (公告, 財報): its owner speaks
    named_only: frozenset[str]  # 報導, 披露: a cue only with a named speaker (媒體報導 is not one)
    bare: frozenset[str]  # 預估, 相信: a weak cue with no comma after, right after a named speaker
    inside: frozenset[str]  # 預期, 暗示: with an empty clause after an earlier cue, part of its content
    askers: frozenset[str]  # 記者, 問: who asks in an interview's 'X：' paragraphs
    answerers: frozenset[str]  # 答, A: the interviewee's turn in a Q&A
    question_cues: frozenset[str]  # 問, 提問: a question's cue (its content may open with whom it is put to)
    not_subject: tuple[str, ...]  # 對於, 與: a person named after them is not the sentence's subject
    before_cue: Any  # regex: what may stand between a speaker and the cue (2日, 在記者會上, 向中央社, 發文)
    unnamed_openers: tuple[str, ...]  # 有, 某, 一名: a phrase opening so names no one (有人, 某基金經理, 一名店主)
    phrase_leads: tuple[str, ...]  # openers and connectives before a speaker's phrase (但也有人), longest first
    headline_label: Any  # regex: a label opening a headline (專訪｜, 獨家|)


STRENGTHS = ("strong", "weak", "named", "data")
FRAMES = ("after", "direct", "before", "relay", "bare", "inside")


@dataclass(frozen=True)
class Cue:
    """One reporting verb of ``data/quote_cues.tsv``: how strong it is and the frames it takes."""

    word: str
    strength: str
    frames: frozenset[str]


def cue_table() -> list[Cue]:
    """The cue table, checked: an unknown strength or frame is refused with its line.

    >>> by_word = {c.word: c for c in cue_table()}
    >>> by_word["表示"].strength, sorted(by_word["說"].frames), by_word["顯示"].strength
    ('strong', ['after', 'before', 'direct'], 'data')
    """
    from h200claims.errors import H200ClaimsConfigError

    out = []
    for row in data.read_tsv("quote_cues.tsv"):
        word, strength, frames = row[0], row[1], frozenset(row[2].split(","))
        if strength not in STRENGTHS or not frames <= set(FRAMES):
            raise H200ClaimsConfigError(f"quote_cues.tsv: {word}: strength must be one of {STRENGTHS}, "
                                        f"frames a comma list of {FRAMES}")
        out.append(Cue(word, strength, frames))
    return out


@lru_cache(maxsize=1)
def words() -> Words:
    cfg = data.load_json("quotes.json")
    table = cue_table()

    def having(test: Any) -> frozenset[str]:
        return frozenset(v(c.word) for c in table if test(c))

    cues = sorted({v(c.word) for c in table}, key=len, reverse=True)
    adv = alt(v(a) for a in cfg["adverbs"])
    roles = alt(v(r) for r in cfg["role_nouns"])
    tail = alt(v(t) for t in cfg["role_tail"])
    return Words(
        cfg=cfg,
        cue_re=compile_fast(alt(cues)),
        not_before=tuple(v(x) for x in cfg["cue_not_before"]),
        not_after=tuple(v(x) for x in cfg["cue_not_after"]),
        weak=having(lambda c: c.strength != "strong"),  # weak, named and data cues all need a comma or colon after
        direct_cues=having(lambda c: "direct" in c.frames),
        cue_nouns=frozenset(v(x) for x in cfg["cue_nouns"]),
        heading_cue_re=compile_fast(alt(v(x) for x in cfg["heading_cues"])),
        openers=frozenset(v(x) for x in cfg["sentence_openers"]),
        adverbs=regex.compile(rf"(?:{adv})+$"),
        connective_only=regex.compile(rf"^(?:{alt(v(c) for c in cfg['connectives'])}|{adv})*$"),
        pronouns={v(k): g for k, g in cfg["pronouns"].items()},
        role_end=regex.compile(rf"{roles}(?:{tail})?$"),
        role_any=regex.compile(rf"{roles}(?:{tail})?"),
        plural=tuple(v(p) for p in cfg["plural_markers"]),
        singular=frozenset(v(s) for s in cfg["singular_descriptions"]),
        descriptions={v(k): val for k, val in cfg["descriptions"].items()},
        according=regex.compile(v(cfg["according_to"])),
        via=[regex.compile(v(p)) for p in cfg["via_patterns"]],
        relay=regex.compile(alt(v(r) for r in cfg["relay_cues"])),
        title_only=regex.compile(f"({alt(v(t) for t in cfg['title_only'])})$"),
        report_cue=regex.compile(alt(having(lambda c: "relay" in c.frames))),
        when_end=regex.compile(alt(v(x) for x in cfg["when_endings"]) + "$"),
        not_name_chars=frozenset(v(cfg["not_name_chars"]) + "，。、"),
        phrase_openers=frozenset(v(cfg["phrase_openers"])),
        data_end=regex.compile(alt(v(x) for x in cfg["data_nouns"]) + "$"),
        data_cues=having(lambda c: c.strength == "data"),
        own_document=regex.compile(alt(v(x) for x in cfg["own_documents"]) + "$"),
        named_only=having(lambda c: c.strength == "named"),
        bare=having(lambda c: "bare" in c.frames),
        inside=having(lambda c: "inside" in c.frames),
        askers=frozenset(v(x) for x in cfg["interview_askers"]),
        answerers=frozenset(v(x) for x in cfg["interview_answerers"]),
        question_cues=frozenset(v(x) for x in cfg["question_cues"]),
        not_subject=tuple(v(x) for x in cfg["not_subject_before"]),
        unnamed_openers=tuple(sorted((v(x) for x in cfg["unnamed_openers"]), key=len, reverse=True)),
        phrase_leads=tuple(sorted({v(x) for x in cfg["sentence_openers"] + cfg["connectives"] + cfg["phrase_leads"]},
                                  key=len, reverse=True)),
        before_cue=regex.compile(
            r"(?:\d{1,2}日|[週周][一二三四五六日]|在(?:(?!在)[^,，。:：「」]){1,12}?(?:(?:上|中|里|内|时|后|间)|(?:上|中)?"
            + alt(v(x) for x in cfg["pre_cue_verbs"]) + ")"
            + "|" + alt(v(x) for x in cfg["addressee_openers"]) + r"[^,，。:：「」\s]{1,8}"
            + "|" + alt(v(x) for x in cfg["pre_cue_verbs"]) + ")$"),
        headline_label=regex.compile(r"^\s*" + alt(v(x) for x in cfg["headline_labels"]) + r"\s*[｜|丨]\s*"),
        speaker_after=regex.compile(r"^[,，]?\s*(?:在[^,，。「」]{1,12}?(?:上|中|时|后)[,，]\s*)?(?P<who>[^,，。「」]{1,20}?)(?P<cue>"
                                    + alt(having(lambda c: "before" in c.frames))
                                    + r")(?:[。!！]?\s*$|[，,：:]\s*(?=[“「『\"]))"),  # or “…，”X說，“…”
        speaker_opens=regex.compile(r"^\s*(?:在[^,，。「」]{1,12}?(?:上|中|时|后)[,，]\s*)?(?P<who>[^,，。「」]{1,20}?)(?P<cue>"
                                    + alt(having(lambda c: "before" in c.frames)) + r")(?=[,，:：])"),
    )
