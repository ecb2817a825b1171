"""The COVID-19 pandemic: which rows cite it, its share among reasons, what moved online."""

from __future__ import annotations

import re

import pandas as pd

from apanalysis.analysis import (
    STATUS_ORDER,
    UNDONE_STATUSES,
    explode_institutions,
    row_labels,
    split_list,
)
from apanalysis.vocabulary.collation import lithuanian_sorted

__all__ = [
    "COVID_REASON",
    "NOT_ONLINE_PHRASES",
    "ONLINE_STEMS",
    "covid_by",
    "covid_municipalities",
    "covid_share",
    "covid_vs_other",
    "moved_online",
    "online_stems",
    "reason_counts",
]

#: Lithuanian (and borrowed) word stems saying an activity took place online:
#: "nuotoliniu būdu" (remotely), "virtualiuose susitikimuose", "internetu"/"interneto".
ONLINE_STEMS: tuple[str, ...] = ("nuotolin", "virtual", "internet")
#: Phrases containing a stem that do not say an activity was held online (a website, the
#: internet's dangers, virtual reality); masked before the stems are searched.
NOT_ONLINE_PHRASES: tuple[str, ...] = (
    "interneto svetain",
    "interneto tinklalap",
    "interneto puslap",
    "internetiniame",
    "interneto pavoj",
    "interneto platform",
    "internetas tampa",
    "internete",
    "virtualios realyb",
    "virtualioje erdv",
)
#: Reason code of the pandemic (see ``apanalysis.vocabulary.reasons.REASONS``).
COVID_REASON = "covid"
#: Characters of context kept on each side of an online stem in the excerpt.
EXCERPT_CHARS = 120

_ONLINE_RE = re.compile("|".join(re.escape(s) for s in ONLINE_STEMS), re.IGNORECASE)
_NOT_ONLINE_RE = re.compile("|".join(re.escape(p) for p in NOT_ONLINE_PHRASES), re.IGNORECASE)


def _mask_not_online(text: str) -> str:
    """``text`` with :data:`NOT_ONLINE_PHRASES` blanked out (same length, positions kept)."""
    return _NOT_ONLINE_RE.sub(lambda m: " " * len(m.group(0)), text)


def covid_by(measures: pd.DataFrame, by: str) -> pd.DataFrame:
    """Rows, rows citing the pandemic and their share per ``by`` ("task", "status" or
    "institution" — the ";"-separated institutions exploded)."""
    df = explode_institutions(measures) if by == "institution" else measures
    grouped = df.groupby(by)["covid"]
    out = pd.DataFrame({"rows": grouped.size(), "covid": grouped.sum().astype(int)})
    out["not_covid"] = out["rows"] - out["covid"]
    out["covid_share"] = out["covid"] / out["rows"]
    if by == "status":
        out = out.reindex(list(STATUS_ORDER), fill_value=0)
        out["covid_share"] = out["covid"] / out["rows"].where(out["rows"] > 0)
    elif by == "institution":
        out = out.sort_values(["covid", "rows"], ascending=[False, False], kind="stable")
    return out


def reason_counts(measures: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Reasons given for rows not (fully) implemented: rows per reason code, its English label
    and group ("pandemic" or "other"), most frequent first. A row may give several reasons."""
    if labels is None:
        from apanalysis.vocabulary.reasons import REASONS

        labels = REASONS
    undone = measures[measures["status"].isin(UNDONE_STATUSES)]
    codes = undone["reasons"].map(split_list).explode().dropna()
    counts = codes.value_counts()
    out = pd.DataFrame(
        {
            "reason": counts.index,
            "label": [labels.get(c, c) for c in counts.index],
            "group": ["pandemic" if c == COVID_REASON else "other" for c in counts.index],
            "rows": counts.to_numpy(dtype=int),
        }
    )
    order = list(labels)
    out["_order"] = out["reason"].map(lambda c: order.index(c) if c in order else len(order))
    out = out.sort_values(["rows", "_order"], ascending=[False, True], kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)


def covid_vs_other(measures: pd.DataFrame) -> pd.DataFrame:
    """Per undone status (and "all"): rows citing the pandemic vs rows that do not."""
    undone = measures[measures["status"].isin(UNDONE_STATUSES)]
    rows = []
    for status in (*UNDONE_STATUSES, "all"):
        part = undone if status == "all" else undone[undone["status"] == status]
        covid = int(part["covid"].astype(bool).sum())
        rows.append(
            {"status": status, "pandemic": covid, "other": len(part) - covid, "rows": len(part)}
        )
    return pd.DataFrame(rows).set_index("status")


def covid_share(measures: pd.DataFrame) -> pd.DataFrame:
    """How much of the unimplemented work the pandemic explains: per undone status and overall,
    rows, rows citing the pandemic and the share (NaN when there are no rows)."""
    out = covid_vs_other(measures).rename(columns={"pandemic": "covid"})[["rows", "covid"]]
    out["share"] = out["covid"] / out["rows"].where(out["rows"] > 0)
    return out


def online_stems(text: object) -> list[str]:
    """The :data:`ONLINE_STEMS` found in ``text`` outside :data:`NOT_ONLINE_PHRASES` (in stem
    order, each once)."""
    if not isinstance(text, str):
        return []
    lowered = _mask_not_online(text).lower()
    return [stem for stem in ONLINE_STEMS if stem in lowered]


def _excerpt(text: str) -> str:
    match = _ONLINE_RE.search(_mask_not_online(text))
    if match is None:
        return ""
    start = max(0, match.start() - EXCERPT_CHARS)
    end = min(len(text), match.end() + EXCERPT_CHARS)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + " ".join(text[start:end].split()) + suffix


def moved_online(measures: pd.DataFrame, municipal: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows whose result text mentions an online stem (:data:`ONLINE_STEMS`, outside
    :data:`NOT_ONLINE_PHRASES`), with the stems found and an excerpt around the first;
    municipality texts are included when given."""
    parts = []
    stems = measures["result_text"].map(online_stems)
    found = stems.map(bool).astype(bool)
    hit = measures.loc[found]
    parts.append(
        pd.DataFrame(
            {
                "task": hit["task"],
                "row": row_labels(hit),
                "municipality": "",
                "title": hit["title"],
                "institutions": hit["institutions"].fillna("").str.replace(";", ", "),
                "status": hit["status"],
                "covid": hit["covid"].astype(bool),
                "stems": stems.loc[found].map(", ".join),
                "excerpt": hit["result_text"].map(_excerpt),
            }
        )
    )
    if municipal is not None and len(municipal):
        mstems = municipal["text"].map(online_stems)
        mfound = mstems.map(bool).astype(bool)
        mhit = municipal.loc[mfound].merge(
            measures[["code", "action", "title"]].drop_duplicates(["code", "action"]),
            on=["code", "action"],
            how="left",
        )
        parts.append(
            pd.DataFrame(
                {
                    "task": [int(str(c).split(".")[1]) for c in mhit["code"]],
                    "row": row_labels(mhit),
                    "municipality": mhit["municipality"],
                    "title": mhit["title"].fillna(""),
                    "institutions": "SAV",
                    "status": mhit["status"],
                    "covid": mhit["covid"].astype(bool),
                    "stems": mstems.loc[mfound].map(", ".join).to_numpy(),
                    "excerpt": mhit["text"].map(_excerpt),
                }
            )
        )
    parts = [p for p in parts if len(p)] or parts[:1]
    return pd.concat(parts, ignore_index=True)


def covid_municipalities(municipal: pd.DataFrame) -> pd.DataFrame:
    """Municipalities citing the pandemic: results citing it, all their results, and the rows."""
    df = municipal.assign(row=row_labels(municipal))
    grouped = df.groupby("municipality")
    out = pd.DataFrame(
        {
            "covid": grouped["covid"].sum().astype(int),
            "results": grouped.size(),
        }
    )
    out["rows_citing"] = df[df["covid"].astype(bool)].groupby("municipality")["row"].agg(", ".join)
    out = out[out["covid"] > 0]
    out["rows_citing"] = out["rows_citing"].fillna("")
    out = out.loc[lithuanian_sorted(out.index)]  # ties in Lithuanian order
    return out.sort_values(["covid", "results"], ascending=[False, False], kind="stable")
