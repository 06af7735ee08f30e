"""Gap analysis (pure): how far a scored region is from a target predikat, and what closes the gap.

Modules: `ladder` (tiers, the rungs above a total, the basis), `actions` (an item's next answers,
opportunities and quick wins), `cuts` (the questions cut at verification), `plan` (the plan
reaching a target, per OPD, the full analysis), `whatif` (assumed answers and re-scoring).

Everything here is a function of a `Rubric` and a `ScoreResult`; nothing reads files or prints.

Which total is targeted
-----------------------
By default the gap is measured on `total_evidenced` (`Basis.EVIDENCED`): the total that counts an
item only when its required data dukung is present. That is the total that survives the
province's administrative verification (Kotim 2023: 721 self-assessed, 588,40 after verification
"karena ada beberapa berkas dokumen yang belum lengkap"), so it is the one a predikat target is
really about. It is also the only basis on which the "evidence quick wins" the secretariat asks
for add anything: on the self-assessed total, uploading a document changes nothing. With
`Basis.SELF_ASSESSED` (`kla gap --self-assessed`) the gap is measured on `total`, as answered in
the penilaian mandiri; evidence actions then drop out of the plan. With `Basis.VERIFIED`
(`kla gap --basis verified`, when the results carry the verifier's points, Nilai VA) the gap is
measured on `total_verified`: the plan starts by recovering the questions cut at verification
(self-assessed points above the verified ones: the verifier's note says what is missing), then
takes answer steps as usual; an item once changed counts its own points again.

Vocabulary
----------
- A *rung* of the ladder: a higher tier, its floor (the smallest two-decimal total that reaches
  it, `rubric_leaves.tier_floor`: bands are half-open, so Madya starts at 600,01) and the points needed.
- An *opportunity*: for an item below its maximum, the next reachable answer (next option, next
  band, one more checklist element, Ya) and the points the answer itself would add.
- A *quick win*: an answered item whose required data dukung is missing; adding the document
  restores `points - points_evidenced`.
- The *plan*: a small set of actions that reaches the target floor. Evidence first (cheapest),
  then answer steps by effort (low < medium < high; no hint counts as medium) and points, greedily
  until the floor is reached; then every action that is not needed is dropped, most costly first.
  The greedy only ever takes steps with positive gain and can continue to every item's best
  answer, so it reaches the target whenever the target is reachable at all; otherwise the plan
  says `reached=False` and how far the best possible total (`max_reachable`) falls short.
- An assumed answer (`what_if`, `kla gap --assume`) is taken to come with its data dukung, so that
  re-scoring a plan's answers (including evidence-only actions, assumed as the current answer)
  reproduces the plan's total on both bases.
"""
