"""Relative and absolute dates resolved against the publication date."""

import datetime

import pytest

from briefing.extract import extract, resolve_date

TUESDAY = datetime.date(2023, 9, 19)


@pytest.mark.parametrize(
    ("expression", "resolved"),
    [
        ("on Monday", "2023-09-18"),
        ("last weekend", "2023-09-16/2023-09-17"),
        ("this weekend", "2023-09-23/2023-09-24"),
        ("this month", "2023-09"),
        ("later this year", "2023"),
        ("this year", "2023"),
        ("in November", "2023-11"),
        ("yesterday", "2023-09-18"),
        ("today", "2023-09-19"),
        ("tomorrow", "2023-09-20"),
        ("last week", "2023-09-11/2023-09-17"),
        ("next week", "2023-09-25/2023-10-01"),
        ("earlier this week", "2023-09-18/2023-09-24"),
        ("last month", "2023-08"),
        ("next month", "2023-10"),
        ("last year", "2022"),
        ("next year", "2024"),
        ("on Sept. 5", "2023-09-05"),
        ("Sept. 5", "2023-09-05"),
        ("March 3, 2024", "2024-03-03"),
        ("3 March 2024", "2024-03-03"),
        ("last Friday", "2023-09-15"),
        ("next Friday", "2023-09-22"),
        ("Friday", "2023-09-15"),
        ("in June 2022", "2022-06"),
        ("two days ago", "2023-09-17"),
        ("in 2019", "2019"),
        ("next March", "2024-03"),
        ("this summer", "2023-06/2023-08"),
        ("next spring", "2024-03/2024-05"),
        ("this winter", "2023-12/2024-02"),
        ("in mid-2022", "2022"),
        ("over the past week", "2023-09-12/2023-09-19"),
        ("a week ago", "2023-09-12"),
        ("on Monday night", "2023-09-18"),
        ("in the first half of next year", "2024-01/2024-06"),
        ("the second half of 2022", "2022-07/2022-12"),
        ("by the end of the year", "2023-12-31"),
        ("since the start of the year", "2023-01-01"),
        ("the end of last month", "2023-08-31"),
        ("last financial year", "2022-04-01/2023-03-31"),
        ("the current fiscal year", "2023-04-01/2024-03-31"),
    ],
)
def test_resolution(expression: str, resolved: str) -> None:
    assert resolve_date(expression, TUESDAY) == resolved


def test_future_tense_picks_the_coming_weekday() -> None:
    assert resolve_date("The leaders will meet on Friday", TUESDAY) == "2023-09-22"


def test_reported_speech_day_is_past() -> None:
    text = "The agency said on Thursday the line would open soon."
    assert resolve_date(text, TUESDAY) == "2023-09-14"


def test_date_text_keeps_its_preposition_and_offsets() -> None:
    text = "They met on Monday in Malta."
    (mention,) = extract(text, TUESDAY).dates
    assert (mention.text, text[mention.start : mention.end]) == ("on Monday", "on Monday")


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve_date("on Monday", None) is None
    assert resolve_date("March 3, 2024", None) == "2024-03-03"


def test_may_as_a_verb_is_not_a_date() -> None:
    assert extract("Officials May decide later.", TUESDAY).dates == ()


def test_a_timestamp_counts_as_its_day() -> None:
    stamp = datetime.datetime(2023, 9, 19, 23, 30)
    assert resolve_date("yesterday", stamp) == "2023-09-18"
    assert extract("They met yesterday.", stamp).dates[0].resolved == "2023-09-18"


def test_tense_is_read_in_the_date_s_own_clause() -> None:
    text = "Starmer will become prime minister after Labour won Thursday's election."
    assert resolve_date(text, datetime.date(2024, 7, 5)) == "2024-07-04"


def test_date_inside_a_quote_takes_the_quote_s_tense() -> None:
    text = '"The real verdict is going to be Nov. 5 by the people," he said.'
    assert extract(text, datetime.date(2024, 5, 31)).dates[0].resolved == "2024-11-05"


def test_month_takes_the_year_stated_in_its_sentence() -> None:
    text = "The trial starts in June 2025 and ends by December."
    dates = extract(text, datetime.date(2024, 3, 14)).dates
    assert [(d.text, d.resolved) for d in dates] == [
        ("in June 2025", "2025-06"),
        ("by December", "2025-12"),
    ]


def test_sentence_full_stop_is_not_part_of_a_month() -> None:
    (mention,) = extract("Results are due by the end of March.", datetime.date(2024, 3, 14)).dates
    assert mention.text == "March"


WEDNESDAY = datetime.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("sentence", "resolved"),
    [
        # a schedule verb in the simple present speaks of the coming day
        ("Parliament returns from recess on Monday.", "2024-05-20"),
        ("United host Chelsea on Saturday.", "2024-05-18"),
        ("The trial opens Monday.", "2024-05-20"),
        # ... but not as a noun, nor in the past
        ("After the vote on Tuesday, the party split.", "2024-05-14"),
        ("The trial, which opened on Monday, continues.", "2024-05-13"),
        # a present copula: the nearest such day
        ("Flights on Thursday are under review.", "2024-05-16"),
        ("The attack on Sunday is the third in a week.", "2024-05-12"),
        # modal future, and the verb after the date
        ("Talks could resume on Friday.", "2024-05-17"),
        ("Fans who queued on Saturday will get refunds.", "2024-05-11"),
        ("A ticket for Saturday will cost more.", "2024-05-18"),
        ("On Friday, the firm said it will cut 300 jobs.", "2024-05-10"),
        # the date's own preposition does not open its clause
        ("Owners will be paid if they apply before Friday.", "2024-05-17"),
        # "since" places a yearless day or month in the past
        ("Prices have risen every week since June 20.", "2023-06-20"),
        ("It has been shut since July.", "2023-07"),
        # the past by its verbs, except those that take an infinitive
        ("The minister sold the house in June.", "2023-06"),
        ("Seoul hoped to host the summit in June.", "2024-06"),
        ("She was the first woman to be elected on Thursday.", "2024-05-09"),
        # "continues" schedules; an -ed word after a determiner is an adjective
        ("The tour continues Friday in Lyon.", "2024-05-17"),
        ("The studio plans a limited run on July 4.", "2024-07-04"),
        # a comma that opens no clause (a place's) leaves the sentence's tense in force
        (
            "He said he would speak at the U.N. hall in Geneva, Switzerland, on Friday.",
            "2024-05-17",
        ),
        # an event's date is its own, not that of the verb that set it up
        ("The union has called a strike on June 3.", "2024-06-03"),
        ("Organisers announced a rally on June 3.", "2024-06-03"),
    ],
)
def test_tense_of_the_clause(sentence: str, resolved: str) -> None:
    assert [d.resolved for d in extract(sentence, WEDNESDAY).dates] == [resolved]


def test_a_weekday_named_again_without_tense_is_the_same_day() -> None:
    text = "The final is on Saturday. Fans who had tickets for Saturday, like Ann, were upset."
    assert [d.resolved for d in extract(text, WEDNESDAY).dates] == ["2024-05-18"] * 2


def test_recurrences_are_not_dates() -> None:
    text = "She swims every Friday, sings on Sundays and travels each March."
    assert extract(text, WEDNESDAY).dates == ()


def test_a_capitalised_deictic_in_a_name_is_not_a_date() -> None:
    text = "He told NBC's Today show on Tuesday that the Tomorrow festival was off. Today he left."
    dates = extract(text, WEDNESDAY).dates
    assert [(d.text, d.resolved) for d in dates] == [
        ("on Tuesday", "2024-05-14"),
        ("Today", "2024-05-15"),
    ]


def test_month_with_a_year_word_after_it() -> None:
    text = "Sales fell in March of last year and rose in April next year."
    dates = extract(text, WEDNESDAY).dates
    assert [(d.text, d.resolved) for d in dates] == [
        ("in March of last year", "2023-03"),
        ("in April", "2025-04"),
        ("next year", "2025"),
    ]


def test_fixed_holidays() -> None:
    text = "Shops shut on Christmas Day and the sales began on Boxing Day. "
    text += "They reopen on New Year's Day."
    assert [d.resolved for d in extract(text, datetime.date(2024, 2, 1)).dates] == [
        "2023-12-25",
        "2023-12-26",
        "2025-01-01",
    ]


def test_a_year_is_not_carried_into_the_next_paragraph() -> None:
    text = "The plan was agreed in March 2025.\n\nIn October the budget was set."
    dates = extract(text, datetime.date(2025, 1, 10)).dates
    assert [d.resolved for d in dates] == ["2025-03", "2024-10"]


def test_preposition_is_a_whole_word() -> None:
    (mention,) = extract("It was their third cancellation this week.", WEDNESDAY).dates
    assert mention.text == "this week"


def test_a_financial_year_ends_where_the_text_says() -> None:
    text = "Its fiscal year ends in June, and sales fell in the previous fiscal year."
    (mention,) = [d for d in extract(text, TUESDAY).dates if "fiscal" in d.text]
    assert mention.text == "in the previous fiscal year"
    assert mention.resolved == "2022-07-01/2023-06-30"


def test_a_relative_year_is_not_carried_to_a_month() -> None:
    text = "The mill closed last year and reopened in March with half its staff."
    dates = extract(text, datetime.date(2024, 11, 5)).dates
    assert [d.resolved for d in dates] == ["2023", "2024-03"]


def test_a_deadline_moved_until_a_day_lies_ahead() -> None:
    text = "The permit was extended until Oct. 31 by the board."
    assert resolve_date(text, datetime.date(2024, 6, 13)) == "2024-10-31"


def test_tense_of_a_month_qualifying_a_noun_after_its_preposition() -> None:
    text = "The bill is expected to pass before the August recess. Prices have soared since "
    text += "the June floods."
    dates = extract(text, datetime.date(2025, 4, 8)).dates
    assert [d.resolved for d in dates] == ["2025-08", "2024-06"]


def test_a_time_of_day_does_not_end_the_sentence_before_a_weekday() -> None:
    text = "The vigil will run from 6 to 8 p.m. Friday at the park."
    assert resolve_date(text, WEDNESDAY) == "2024-05-17"


def test_a_month_following_another_in_sequence_is_later() -> None:
    text = "The show opens in Paris on Nov. 2, followed by a tour in February."
    assert [d.resolved for d in extract(text, WEDNESDAY).dates] == ["2024-11-02", "2025-02"]
    text = "Sales rose in March, then fell in February last year."
    assert [d.resolved for d in extract(text, WEDNESDAY).dates] == ["2024-03", "2023-02", "2023"]


def test_an_expectation_speaks_of_the_coming_day() -> None:
    assert resolve_date("The utility expects power to be restored by Friday", TUESDAY) == (
        "2023-09-22"
    )
