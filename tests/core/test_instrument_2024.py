

def test_an_indicator_names_the_leads_of_its_questions(rubric: Rubric) -> None:
    """kla-2024 names OPDs per question; an indicator (score, report, rubric show) lists their
    leads in order, so no OPD column is empty."""
    assert rubric.indicator_index["1"].lead_opds == ("jdih", "bappeda")
    assert all(ind.lead_opds for ind in rubric.indicators)
    result = score_region(rubric, {})
    assert result.indicators[0].opd == ("jdih", "bappeda")
