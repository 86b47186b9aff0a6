"""The HTML report (checker/formatters/html.py), read back with lxml as a browser would see it.

The reports are made as the CLI makes them (``check_file`` then ``make_report``), from the folder
holding ``samples/`` so that paths print as a user typing ``plancheck check samples/…`` sees them; an
unreadable file is written to a temporary folder and checked from there for the same reason.
"""

from __future__ import annotations

import re

import lxml.html
import pytest
from conftest import MISSING, REPORTING_TEXT, TASK, TASK_TEXT, TRA_VINH, reader_report

from checker.formatters import html
from checker.model.document import Block, Location
from checker.model.plan import Plan
from checker.model.report import DocumentReport, Evidence, Finding, Report, ThemeCoverage

Element = lxml.html.HtmlElement


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return reader_report(tmp_path_factory.mktemp("vi"), "vi", accept=True)


@pytest.fixture(scope="module")
def page(report: Report) -> str:
    return html.render(report)


@pytest.fixture(scope="module")
def tree(page: str) -> Element:
    return lxml.html.document_fromstring(page)


@pytest.fixture(scope="module")
def tree_en(tmp_path_factory: pytest.TempPathFactory) -> Element:
    return lxml.html.document_fromstring(html.render(reader_report(tmp_path_factory.mktemp("en"), "en", accept=False)))


def text(element: Element) -> str:
    return " ".join(element.text_content().split())


def one(tree: Element, xpath: str) -> Element:
    found = tree.xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} elements"
    return found[0]


def document(tree: Element, number: int) -> Element:
    return one(tree, f'//section[@id="doc-{number}"]')


def finding(section: Element, rule: str) -> Element:
    return one(section, f'.//li[contains(@class, "finding")][@data-rule="{rule}"]')


def test_page_language_and_charset(tree: Element, tree_en: Element) -> None:
    assert tree.get("lang") == "vi" and tree_en.get("lang") == "en"
    assert one(tree, "//meta[@charset]").get("charset") == "utf-8"
    assert text(one(tree, "//h1")) == "Báo cáo kiểm tra kế hoạch"
    assert text(one(tree, "//title")) == "Báo cáo kiểm tra kế hoạch"


def test_summary_rows(tree: Element) -> None:
    rows = [[text(td) for td in tr.xpath("./td")] for tr in tree.xpath('//table[@class="summary"]/tbody/tr')]
    assert rows == [
        # assigns-tasks, its only error, is waived (the 2019 plan need not cover the themes of 2023): it passes.
        ["1", TASK, "KH Hoạt động thông tin đối ngoại trên địa bàn huyện Vạn Ninh năm 2019", "ttdn",
         "0", "1", "0", "1", "Đạt"],
        # has-own-date is in the baseline: 3 warnings less 1.
        ["2", MISSING, "KH Công tác thông tin đối ngoại năm 2023", "ttdn", "2", "2", "1", "1", "Chưa đạt"],
        # The covers-themes error waived by number-symbol: only an info finding counts, so the plan passes.
        ["3", TRA_VINH, "KH 12/KH-MTTQ-BTT Công tác thông tin đối ngoại năm 2023", "ttdn",
         "0", "0", "1", "1", "Đạt"],
        ["4", "garbage.docx", "", "", "1", "0", "0", "0",
         "Không đọc được garbage.docx: tệp không phải .docx hợp lệ (không phải gói ZIP)"],
    ]
    total = [text(td) for td in tree.xpath('//table[@class="summary"]/tfoot/tr/td')]
    assert total == ["", "Tổng cộng", "", "", "3", "3", "2", "3", "2/4 đạt"]
    spans = tree.xpath('//table[@class="summary"]/tbody//span[contains(@class, "verdict")]')
    verdicts = [span.get("class") for span in spans]
    assert verdicts == ["verdict passed", "verdict failed", "verdict passed", "verdict unreadable"]
    # Each path links to its document's section, inside the page.
    assert [a.get("href") for a in tree.xpath('//table[@class="summary"]//a')] == ["#doc-1", "#doc-2", "#doc-3",
                                                                                  "#doc-4"]


def test_finding_with_message_location_marked_quote_fix_and_waiver(tree: Element) -> None:
    li = finding(document(tree, 1), "assigns-tasks")
    assert li.get("class") == "finding error accepted" and li.get("data-code") == "task-without-unit"
    assert text(one(li, './/p[@class="message"]')) == ("Nhiệm vụ «6. Theo dõi, tổng hợp diễn biến thông…» không "
                                                        "có cơ quan, đơn vị chịu trách nhiệm.")
    assert text(one(li, './/p[@class="accepted-mark"]')) == ("(đã chấp nhận: Nhiệm vụ 6 do BCH Quân sự chủ trì — "
                                                             "Nguyễn Văn A, đến 31/12/2099)")
    assert text(one(li, './/p[contains(@class, "where")]')) == "Vị trí: dòng 103 · III. › 6."
    # The location spans the whole task: all of it is marked.
    assert one(li, ".//blockquote//mark").text_content() == TASK_TEXT
    assert text(one(li, './/p[contains(@class, "fix")]')) == ("Cách sửa: Ghi rõ cơ quan chủ trì ở đầu nhiệm vụ, ví dụ "
                                                             "«Phòng Văn hóa và Thông tin chủ trì, …».")


def test_the_span_is_marked_inside_its_context(tree: Element) -> None:
    li = finding(document(tree, 2), "has-deadline")
    assert one(li, ".//blockquote//mark").text_content() == REPORTING_TEXT
    assert one(li, ".//blockquote").text_content() == f"«4. {REPORTING_TEXT}»"
    assert text(one(li, './/p[@class="message"]')) == ("Văn bản chỉ quy định báo cáo định kỳ (6 tháng, năm), "
                                                        "không có hạn cụ thể.")


def test_findings_are_grouped_errors_first_and_baseline_findings_are_marked(tree: Element) -> None:
    doc = document(tree, 2)
    assert [text(h) for h in doc.xpath("./h3")] == ["Lỗi (2)", "Cảnh báo (3, 1 đã chấp nhận)", "Thông tin (1)",
                                                    "Chủ đề — 9/11 có; thiếu: kieu-bao, the-gioi"]
    assert [li.get("data-rule") for li in doc.xpath('./ol[contains(@class, "warning")]/li')] == [
        "has-own-date", "has-recipients", "has-signer"]
    li = finding(doc, "has-own-date")
    assert "accepted" in li.get("class").split()
    assert text(one(li, './/p[@class="accepted-mark"]')) == "(đã có trong đường cơ sở)"
    assert "accepted" not in finding(doc, "has-signer").get("class").split()


def test_missing_themes_are_listed_as_missing_and_evidence_is_marked(tree: Element) -> None:
    doc = document(tree, 2)
    missing = one(doc, './/tr[@data-theme="kieu-bao"]')
    assert missing.get("class") == "theme missing"
    assert [text(td) for td in missing.xpath("./td")] == ["Người Việt Nam ở nước ngoài (kieu-bao)", "thiếu", "—"]
    assert [tr.get("data-theme") for tr in doc.xpath('.//tr[@class="theme missing"]')] == ["kieu-bao", "the-gioi"]
    covered = one(doc, './/tr[@data-theme="ho-chi-minh"]')
    assert text(covered.xpath("./td")[1]) == "có"
    assert [m.text_content() for m in covered.xpath(".//mark")] == ["tư tưởng Hồ Chí Minh"]
    assert text(one(covered, './/span[@class="where"]')) == "(dòng 20 · II.)"
    # A theme phrase found in the plan's text is marked where it is, capitals and all.
    quang_ba = one(document(tree, 1), './/tr[@data-theme="quang-ba"]')
    assert [m.text_content() for m in quang_ba.xpath(".//mark")] == ["quảng bá hình ảnh", "Quảng bá", "quảng bá"]


def test_themes_not_required_in_the_plans_year_say_why(tree: Element, tree_en: Element) -> None:
    doc = document(tree, 1)  # a 2019 plan: the Hồ Chí Minh and cyberspace themes apply from 2023
    assert text(doc.xpath("./h3")[-1]) == ("Chủ đề — 9/9 có; chưa áp dụng năm 2019: ho-chi-minh (từ năm 2023, "
                                           "93-HD/BTGTU), khong-gian-mang (từ năm 2023, 93-HD/BTGTU)")
    rows = doc.xpath('.//tr[@class="theme not-required"]')
    assert [tr.get("data-theme") for tr in rows] == ["ho-chi-minh", "khong-gian-mang"]
    assert [text(td) for td in rows[0].xpath("./td")] == [
        "Tư tưởng, đạo đức, phong cách Hồ Chí Minh (ho-chi-minh)", "chưa áp dụng năm 2019 (từ năm 2023, 93-HD/BTGTU)",
        "—"]
    assert not doc.xpath('.//tr[@class="theme missing"]')
    assert text(one(document(tree_en, 1), './/tr[@data-theme="ho-chi-minh"]/td[2]')) == (
        "not required in 2019 (from 2023, 93-HD/BTGTU)")


def test_waiver_problems_and_baseline_are_listed(tree: Element, report: Report) -> None:
    problems = one(tree, '//section[@id="waiver-problems"]')
    assert text(one(problems, "./h2")) == "Tệp chấp nhận (--waivers)"
    assert [text(li) for li in problems.xpath(".//li")] == [
        "Mục chấp nhận 3 trong waivers.yaml không khớp phát hiện nào: không văn bản nào được kiểm tra là "
        "'ke-hoach-khac.txt' (theo đường dẫn, tên tệp hoặc số, ký hiệu)."]
    assert report.baseline is not None and (report.baseline.known, report.baseline.fixed) == (1, 0)
    assert [text(p) for p in tree.xpath('//section[@id="baseline"]/p')] == [
        f"Đường cơ sở baseline.json: 1 phát hiện đã biết, {report.baseline.new} phát hiện mới, 0 phát hiện đã sửa "
        "từ khi lập đường cơ sở."]


def test_without_waivers_or_baseline_there_are_no_such_sections(tree_en: Element) -> None:
    assert tree_en.xpath('//section[@id="waiver-problems"] | //section[@id="baseline"]') == []
    assert tree_en.xpath('//li[contains(@class, "accepted")] | //p[@class="accepted-mark"]') == []
    assert [text(td) for td in tree_en.xpath('//table[@class="summary"]//td[contains(@class, "accepted")]')] == [
        "0", "0", "0", "0", "0"]


def test_english_report(tree_en: Element) -> None:
    assert text(one(tree_en, "//h1")) == "Plan check report"
    assert [text(th) for th in tree_en.xpath('//table[@class="summary"]/thead//th')] == [
        "#", "File", "Document", "Pack", "Errors", "Warnings", "Info", "Accepted", "Verdict"]
    verdicts = [text(td) for td in tree_en.xpath('//table[@class="summary"]/tbody/tr/td[last()]')]
    assert verdicts[:3] == ["Failed", "Failed", "Failed"]
    assert verdicts[3] == "Unreadable garbage.docx: not a valid .docx file (not a ZIP package)"
    doc = document(tree_en, 2)
    assert [text(h) for h in doc.xpath("./h3")] == ["Errors (2)", "Warnings (3)", "Info (1)",
                                                    "Themes — 9/11 covered; missing: kieu-bao, the-gioi"]
    assert text(one(finding(doc, "has-deadline"), './/p[contains(@class, "where")]')) == "At: line 27 · III. › 4."
    assert text(one(doc, './/tr[@data-theme="kieu-bao"]/td[2]')) == "missing"
    assert "Tổng cộng" not in tree_en.text_content()


def test_no_external_resources(page: str, tree: Element) -> None:
    assert tree.xpath("//script | //link | //img | //iframe | //object | //embed | //source | //video | //audio") == []
    external = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # http:, https:, data:, //host, …
    for element in tree.iter():
        for name, value in element.attrib.items():
            if name in ("src", "href", "srcset", "action", "poster", "data", "background", "xlink:href"):
                assert not external.match(value), (element.tag, name, value)
    style = " ".join(s.text_content() for s in tree.xpath("//style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)


# --- escaping and offsets ------------------------------------------------------------------------------

HOSTILE = "Giao cho <b>Phòng A</b> & <script>alert(1)</script>; báo cáo trước ngày 05/11."


def hostile_report(location: Location) -> Report:
    plan = Plan(path="<i>a</i>.txt", format="txt", doc_type="KH", title="Kế hoạch <script>x</script>",
                blocks=[Block(index=0, text=HOSTILE, line=1)])
    bad = Finding(rule="r", code="c", severity="error", message="<script>alert('x')</script> & \"quotes\"",
                  location=location, evidence="<b>Phòng A</b>", suggestion="Sửa <i>ngay</i>")
    doc = DocumentReport(path="<i>a</i>.txt", status="checked", pack="p", plan=plan, findings=[bad])
    return Report(version="0", lang="vi", documents=[doc])


def test_html_in_the_report_is_escaped() -> None:
    page = html.render(hostile_report(Location(block=0, line=1, start=9, end=23)))
    tree = lxml.html.document_fromstring(page)
    assert tree.xpath("//script | //i | //b") == []
    assert "<script>" not in page and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    li = finding(document(tree, 1), "r")
    assert text(one(li, './/p[@class="message"]')) == "<script>alert('x')</script> & \"quotes\""
    assert one(li, ".//mark").text_content() == "<b>Phòng A</b>"
    assert one(li, ".//blockquote").text_content() == "«Giao cho <b>Phòng A</b> & <script>alert(1)</script>;…»"
    assert text(one(li, './/p[contains(@class, "fix")]')) == "Cách sửa: Sửa <i>ngay</i>"
    assert text(one(tree, '//table[@class="summary"]/tbody/tr/td[2]')) == "<i>a</i>.txt"
    assert text(one(tree, '//table[@class="summary"]/tbody/tr/td[3]')) == "KH Kế hoạch <script>x</script>"


@pytest.mark.parametrize("location", [
    Location(block=0, line=1, start=60, end=400),   # past the end of the block
    Location(block=3, line=1, start=9, end=23),     # no such block
    Location(block=0, line=1, start=40, end=50),    # a span away from where the evidence is quoted from
    Location(block=0, line=1, start=23, end=9),     # backwards
    Location(block=0, line=1),                      # no offsets
])
def test_offsets_that_do_not_fit_show_the_evidence_unmarked(location: Location) -> None:
    li = finding(document(lxml.html.document_fromstring(html.render(hostile_report(location))), 1), "r")
    assert li.xpath(".//mark") == []
    assert one(li, ".//blockquote").text_content() == "«<b>Phòng A</b>»"


def test_evidence_not_in_the_block_is_shown_as_quoted() -> None:
    report = hostile_report(Location(block=0, line=1, start=9, end=23))
    doc = report.documents[0]
    moved = doc.findings[0].model_copy(update={"evidence": "không có trong văn bản"})
    report = report.model_copy(update={"documents": [doc.model_copy(update={"findings": [moved]})]})
    li = finding(document(lxml.html.document_fromstring(html.render(report)), 1), "r")
    assert li.xpath(".//mark") == []
    assert one(li, ".//blockquote").text_content() == "«không có trong văn bản»"


def test_long_context_is_cut_around_the_marked_span() -> None:
    words = " ".join(f"từ{i}" for i in range(200))
    block = f"{words} Phòng Văn hóa {words}."
    start = block.index("Phòng")
    plan = Plan(path="p.txt", format="txt", blocks=[Block(index=0, text=block, line=1)])
    hit = Finding(rule="r", code="c", severity="warning", message="m", evidence="Phòng Văn hóa",
                  location=Location(block=0, line=1, start=start, end=start + len("Phòng Văn hóa")))
    doc = DocumentReport(path="p.txt", status="checked", pack="p", plan=plan, findings=[hit])
    li = finding(document(lxml.html.document_fromstring(html.render(Report(version="0", documents=[doc]))), 1), "r")
    quote = one(li, ".//blockquote").text_content()
    before, after = quote.split("Phòng Văn hóa")
    assert one(li, ".//mark").text_content() == "Phòng Văn hóa"
    assert before.startswith("«…từ") and before.endswith("từ199 ") and len(before) <= 125
    assert after.startswith(" từ0 ") and after.endswith("…»") and len(after) <= 125


def test_render_is_pure_and_deterministic(report: Report, page: str) -> None:
    before = report.model_dump(mode="json")
    assert html.render(report) == page
    assert report.model_dump(mode="json") == before


def quote_of(block: str, span: str) -> tuple[str, str]:
    """The quote and the marked text shown for a finding on ``span`` of a one-block plan."""
    start = block.index(span)
    plan = Plan(path="p.txt", format="txt", blocks=[Block(index=0, text=block, line=1)])
    hit = Finding(rule="r", code="c", severity="info", message="m", evidence=span,
                  location=Location(block=0, line=1, start=start, end=start + len(span)))
    doc = DocumentReport(path="p.txt", status="checked", pack="p", plan=plan, findings=[hit])
    li = finding(document(lxml.html.document_fromstring(html.render(Report(version="0", documents=[doc]))), 1), "r")
    return one(li, ".//blockquote").text_content(), one(li, ".//mark").text_content()


def test_the_context_is_the_sentence_of_the_span() -> None:
    block = "- Phòng Văn hóa: theo dõi dư luận; chủ trì tổng hợp, báo cáo UBND huyện; phối hợp các ngành. Hết."
    # A span that ends its sentence gets no text after it; the sentence before it is left out.
    assert quote_of(block, "chủ trì tổng hợp, báo cáo UBND huyện;") == (
        "«…chủ trì tổng hợp, báo cáo UBND huyện;…»", "chủ trì tổng hợp, báo cáo UBND huyện;")
    assert quote_of(block, "báo cáo") == ("«…chủ trì tổng hợp, báo cáo UBND huyện;…»", "báo cáo")
    assert quote_of(block, "Hết.") == ("«…Hết.»", "Hết.")
    # The dot of a list marker ("2.", "II.", "b.") does not end a sentence.
    assert quote_of("II. 2. b. Sở Nội vụ chủ trì. Khác.", "chủ trì") == ("«II. 2. b. Sở Nội vụ chủ trì.…»", "chủ trì")


def test_without_the_plan_text_quotes_are_shown_as_quoted(report: Report) -> None:
    # A report whose plans carry no text (as `plancheck parse` leaves out without --blocks): theme phrases are
    # found in their quotes (ignoring case), and a finding's evidence is shown as quoted, unmarked.
    doc = report.documents[1]
    assert doc.plan is not None
    bare = doc.model_copy(update={"plan": doc.plan.model_copy(update={"blocks": []})})
    tree = lxml.html.document_fromstring(html.render(report.model_copy(update={"documents": [bare]})))
    theme = one(document(tree, 1), './/tr[@data-theme="chinh-thuc"]')
    assert [m.text_content() for m in theme.xpath(".//mark")] == ["chủ trương, đường lối"]
    assert text(one(theme, ".//span[@class='q']")) == (
        "«…trong hệ thống Mặt trận Tổ quốc các cấp và các tổ chức thành viên của Mặt trận tiếp tục thực hiện có "
        "hiệu quả chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về đối ngoại và thông tin đối "
        "ngoại;…»")
    li = finding(document(tree, 1), "has-deadline")
    assert li.xpath(".//mark") == []
    assert one(li, ".//blockquote").text_content() == f"«{REPORTING_TEXT}»"


def test_a_theme_found_only_in_the_purpose_section_is_not_covered() -> None:
    theme = ThemeCoverage(id="nhan-thuc", label="Nâng cao nhận thức", covered=False, only_in_purpose=True,
                          evidence=[Evidence(quote="…nhằm nâng cao Nhận Thức của cán bộ;…", phrase="nhận thức",
                                             location=Location(block=4, line=9, section=["I.", "1."]))])
    doc = DocumentReport(path="p.txt", status="checked", pack="p", themes=[theme])
    statuses = {"vi": "thiếu (chỉ có ở phần mục đích, yêu cầu)", "en": "missing (only in the purpose section)"}
    for lang, status in statuses.items():
        tree = lxml.html.document_fromstring(html.render(Report(version="0", lang=lang, documents=[doc])))
        row = one(tree, '//tr[@data-theme="nhan-thuc"]')
        assert row.get("class") == "theme only-in-purpose"
        assert text(row.xpath("./td")[1]) == status
        # No plan text: the phrase is found in the quote, whatever its case.
        assert [m.text_content() for m in row.xpath(".//mark")] == ["Nhận Thức"]
        assert text(one(row, './/span[@class="where"]')) == ("(dòng 9 · I. › 1.)" if lang == "vi" else
                                                             "(line 9 · I. › 1.)")
