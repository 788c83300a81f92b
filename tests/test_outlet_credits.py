"""An outlet named only where the page credits it (a bracketed agency credit, a dateline, a byline's
date) is no actor (tags/entity_credits.py); one the story names anywhere else keeps its mentions."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor


def names(text: str) -> list[str]:
    return [m.text for m in extractor().extract(text).mentions]


@pytest.mark.parametrize("text, outlet", [
    ("【財新網】8月22日晚，五家企業公布財報，台積電營收成長。", "財新網"),
    ("【财新网】8月22日晚，五家企业公布财报，台积电营收增长。", "财新网"),
    ("中新社北京7月5日電（記者 陳康亮）據中國證監會5日發布的消息，台積電營收成長。", "中新社"),
    ("中新社北京7月5日电（记者 陈康亮）据中国证监会5日发布的消息，台积电营收增长。", "中新社"),
    ("(德國之聲中文網)歐洲人民黨領袖韋伯於10日表示，台積電將擴大投資。", "德國之聲"),
    ("联合早报 新加坡 2022-12-17\n\n新加坡航空公司公布业绩，第一季营收大增。", "联合早报"),
])
def test_a_credited_outlet_is_no_actor(text, outlet):
    assert not any(outlet in n for n in names(text))


@pytest.mark.parametrize("text, outlet", [
    ("【財新網】8月22日晚，台積電營收成長。財新網記者查證後指出，業績穩健。", "財新網"),
    ("台積電今天舉行法說會。據中央社報導，台積電第三季營收成長，毛利率創新高，市場看好後市發展。", "中央社"),
])
def test_an_outlet_the_story_names_stays(text, outlet):
    assert outlet in names(text)


@pytest.mark.parametrize("text, outlet", [
    ("外勞人數增加。\n照片來源：星洲日報\n人力資源部長表示，將開放申請。", "星洲日報"),
    ("外劳人数增加。\n照片来源：星洲日报\n人力资源部长表示，将开放申请。", "星洲日报"),
    ("鼎泰财经APP讯，华宇物流在4月2日接受调研时表示，业绩将增长。", "鼎泰财经"),
    ("鼎泰財經APP訊，華宇物流在4月2日接受調研時表示，業績將成長。", "鼎泰財經"),
])
def test_a_photo_credit_or_an_app_dateline_is_no_actor(text, outlet):
    assert not any(outlet in n for n in names(text))


@pytest.mark.parametrize("text, alias", [
    ("經濟部與電力委員會（EC）正在敲定新的電價表，預計明年實施。", "EC"),
    ("经济部与电力委员会（EC）正在敲定新的电价表，预计明年实施。", "EC"),
])
def test_a_bracketed_alias_of_a_body_no_lexicon_lists_is_no_credit(text, alias):
    found = names(text)
    assert any("電力委員會" in n or "电力委员会" in n for n in found), found
