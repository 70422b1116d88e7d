from __future__ import annotations

from coordinator_app.domain.kana import is_kana_reading, normalise, sort_key


def test_katakana_hiragana_and_width_fold_together() -> None:
    assert normalise("フクシ") == normalise("ふくし") == normalise("ﾌｸｼ") == "ふくし"


def test_full_width_latin_and_digits_fold() -> None:
    assert normalise("ＮＰＯ　１") == "npo 1"


def test_sort_key_prefers_reading() -> None:
    names = [("渡辺", "わたなべ"), ("青木", "アオキ"), ("伊藤", "いとう")]
    ordered = sorted(names, key=lambda n: sort_key(n[1], n[0]))
    assert [n[0] for n in ordered] == ["青木", "伊藤", "渡辺"]


def test_sort_key_falls_back_to_name() -> None:
    assert sort_key("", "ＡＢＣ") == "abc"


def test_kana_reading() -> None:
    assert is_kana_reading("さとう いちろう")
    assert is_kana_reading("サトウ・イチロー")
    assert is_kana_reading("えぬぴーおーほうじん だい1")
    assert is_kana_reading("ｻﾄｳ ｲﾁﾛｰ")  # half-width katakana
    # Issue 11.13: the message says kana only, so Latin letters are refused too.
    assert not is_kana_reading("NPOほうじん")
    assert not is_kana_reading("ＮＰＯほうじん")
    assert not is_kana_reading("sato ichiro")
    assert not is_kana_reading("佐藤")
    assert not is_kana_reading("さとう一郎")
