"""The two stages of one result as two snapshots: the self-assessment (EM, as the region answered)
and the verification (VA, the verifier's points), so that `kla compare` shows what verification
cut, per group, indicator and question, with the predikat before and after."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kla_cli.core.compare import Entry, Snapshot

SELF_ASSESSED = "self_assessed"
VERIFIED = "verified"


def _verified(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """The entries at their verified points; none when the level carries no verification."""
    if not entries or any(e.verified is None for e in entries):
        return ()
    return tuple(Entry(e.key, e.name, e.verified or 0.0, e.max) for e in entries)


def verified_stage(snapshot: Snapshot) -> Snapshot:
    """`snapshot` as the verifier scored it; ValueError without verified points."""
    if snapshot.total_verified is None:
        raise ValueError("no verified points")
    return replace(
        snapshot,
        total=snapshot.total_verified,
        total_evidenced=None,
        predicate=snapshot.predicate_verified,
        predicate_id=snapshot.predicate_verified_id,
        groups=_verified(snapshot.groups),
        indicators=_verified(snapshot.indicators),
        items=_verified(snapshot.items),
        total_verified=None,
        predicate_verified=None,
        predicate_verified_id=None,
        stage=VERIFIED,
    )


def split_stages(snapshot: Snapshot, verified: Snapshot | None = None) -> tuple[Snapshot, Snapshot]:
    """(EM, VA) of one result; the VA stage is `verified` when the source gives it apart (a
    result sheet), else read from the snapshot's verified points. ValueError without them."""
    stage = verified_stage(snapshot) if verified is None else replace(verified, stage=VERIFIED)
    return replace(snapshot, stage=SELF_ASSESSED), stage
