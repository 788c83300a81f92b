from h200claims.text.segment import paragraphs, sentences


def split(t):
    return [t[a:b] for a, b in sentences(t, (0, len(t)))]


def test_terminator_inside_quote_does_not_end_sentence():
    t = "發言人表示：「我們注意到相關報導。中國一貫主張互利共贏。」此前，北京反應冷淡。"
    assert split(t) == ["發言人表示：「我們注意到相關報導。中國一貫主張互利共贏。」", "此前，北京反應冷淡。"]


def test_nested_and_curly_quotes():
    t = "他說“外界稱為『小院高牆。』的做法有效。”接著離開了！真的嗎?"
    assert split(t) == ["他說“外界稱為『小院高牆。』的做法有效。”", "接著離開了！", "真的嗎?"]


def test_unclosed_quote_is_bounded_by_the_paragraph():
    t = "她說「這句話沒有結尾。第二句。\n新的段落開始。"
    paras = paragraphs(t, [(0, len(t))])
    assert len(paras) == 2
    assert [t[a:b] for a, b in sentences(t, paras[1])] == ["新的段落開始。"]


def test_offsets_point_into_the_text():
    t = "  第一句。  第二句！ "
    for a, b in sentences(t, (0, len(t))):
        assert t[a:b].strip() == t[a:b] and t[a:b]
