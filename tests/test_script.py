from h200claims import simplified_view, to_simplified


def test_view_keeps_length_and_folds():
    t = "輝達執行長黃仁勳：Ｈ２００晶片約為ＨＢＭ的６倍，５０００萬美元。"
    v = simplified_view(t)
    assert len(v) == len(t)
    assert v == "辉达执行长黄仁勋:H200晶片约为HBM的6倍,5000万美元。"


def test_both_scripts_share_one_view():
    trad = "美國商務部長盧特尼克說，這類決定最終都會放到川普的桌上。"
    simp = "美国商务部长卢特尼克说，这类决定最终都会放到川普的桌上。"
    assert simplified_view(trad) == simplified_view(simp)
    assert to_simplified(trad) == simp


def test_view_is_idempotent_on_simplified():
    s = "这类决定最终都会放到特朗普的桌上，英伟达发言人说。"
    assert simplified_view(s) == s.replace("，", ",")
