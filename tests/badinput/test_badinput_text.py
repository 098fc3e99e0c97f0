"""channels/text.py: what a chat client sends is checked and cleaned before Rasa sees it."""
from __future__ import annotations

import json

import pytest

from channels import text


def test_control_characters_bidi_overrides_and_lone_surrogates_are_removed():
    assert text.clean("\x00me\x07t\x1baal\x7f\x85") == "metaal"
    assert text.clean("\u202eetsil\u202c \ufeffja") == "etsil ja"
    assert text.clean("ja\ud800") == "ja"
    assert text.clean("  regel 1\r\nregel 2\r ") == "regel 1\nregel 2"


def test_emoji_other_scripts_and_markup_are_kept_as_text():
    for kept in ("😀👍🏽👨‍👩‍👧", "Привет", "مرحبا", "你好", "<script>alert(1)</script>", "Café"):
        assert text.clean(kept) == kept
    assert text.clean("Cafe\u0301") == "Café"  # composed


@pytest.mark.parametrize("length, too_long", [(text.MAX_CHARS, False), (text.MAX_CHARS + 1, True), (100_000, True)])
def test_a_message_over_the_limit_is_marked_and_not_passed_on(length, too_long):
    incoming = text.parse({"sender": "s", "message": "a" * length})
    assert incoming.too_long is too_long
    assert incoming.length == length
    assert incoming.text == ("" if too_long else "a" * length)


def test_the_limit_counts_characters_after_cleaning():
    assert not text.parse({"sender": "s", "message": "\x00" * 5000 + "ja"}).too_long


@pytest.mark.parametrize("body, error", [
    ([1, 2], "JSON object"),
    ("hallo", "JSON object"),
    ({"message": "hoi"}, "'sender' is missing"),
    ({"sender": "", "message": "hoi"}, "'sender' must not be empty"),
    ({"sender": ["x"], "message": "hoi"}, "'sender' must be a string"),
    ({"sender": True, "message": "hoi"}, "'sender' must be a string"),
    ({"sender": "x" * 200, "message": "hoi"}, "longer than"),
    ({"sender": "s"}, "'message' is missing"),
    ({"sender": "s", "message": 5}, "'message' must be a string"),
    ({"sender": "s", "message": {"text": "hoi"}}, "'message' must be a string"),
    ({"sender": "s", "message": "hoi", "metadata": [1]}, "'metadata' must be a JSON object"),
    ({"sender": "s", "message": "hoi", "metadata": "{not json"}, "'metadata' must be a JSON object"),
    ({"sender": "s", "message": "hoi", "metadata": {"x": "y" * 5000}}, "larger than"),
    ({"sender": "s", "message": "hoi", "message_id": 1.5}, "'message_id' must be a string"),
])
def test_wrong_shapes_are_refused_with_a_reason(body, error):
    with pytest.raises(text.BadMessage, match=error):
        text.parse(body)


def test_metadata_and_message_id_are_taken_over_cleaned():
    incoming = text.parse({"sender": 42, "message": "ja", "metadata": json.dumps({"site": "a\x00b", "n": 1}),
                           "message_id": "m-1"})
    assert (incoming.sender, incoming.metadata, incoming.message_id) == ("42", {"site": "ab", "n": 1}, "m-1")
    assert text.parse({"sender": "s", "message": "ja", "metadata": {"message_id": "m-2"}}).message_id == "m-2"


@pytest.mark.parametrize("raw, error", [(b"", "empty"), (b"{bad", "not valid JSON"), (b"\xff\xfe", "UTF-8")])
def test_bodies_that_are_not_json_are_refused(raw, error):
    with pytest.raises(text.BadMessage, match=error):
        text.decode(raw)
