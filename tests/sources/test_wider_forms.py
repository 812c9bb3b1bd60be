"""Forms documents of other cities and provinces print (tests/heldout): other brackets, verbs,
labels and headings, each rule on the smallest input that needs it."""

from __future__ import annotations

from pathlib import Path

from kg.sources.annotations import parse_annotation
from kg.sources.assignees import parse_assignees
from kg.sources.read import read_source
from kg.sources.spans import SpannedText


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    return path


def roles(text: str) -> tuple[list[str], list[str]]:
    parsed = parse_annotation(SpannedText.at(text, 3), "f.txt", False)
    return [m.written for m in parsed.leads], [m.written for m in parsed.cooperators]


def names(text: str) -> list[str]:
    return [m.written for m in parse_assignees(SpannedText.at(text, 3), "f.txt", "配合单位")]


def test_responsible_for_carrying_out_beside_a_lead_cooperates() -> None:
    assert roles("市政府办公厅牵头，各区政府、市政府各部门负责落实") == (
        ["市政府办公厅"],
        ["各区政府", "市政府各部门"],
    )


def test_each_leading_its_part_and_coordinated_cooperation() -> None:
    assert roles("市金融办、市人民银行分别牵头落实") == (["市金融办", "市人民银行"], [])
    assert roles("市商务局牵头，市财政局协同配合") == (["市商务局"], ["市财政局"])


def test_lead_and_coordinating_responsible_units_as_keys() -> None:
    assert roles("牵头责任单位：省商务厅；协同责任单位：省财政厅、合肥海关") == (
        ["省商务厅"],
        ["省财政厅", "合肥海关"],
    )


def test_each_township_and_street_office_is_one_collective() -> None:
    collective = "各乡镇人民政府、街道办事处"
    assert names(f"区教育局，{collective}") == ["区教育局", collective]


def test_a_cell_closing_with_a_full_stop_names_the_body_without_it() -> None:
    assert names("区投资促进中心。") == ["区投资促进中心"]


def test_a_body_and_the_others_concerned_are_two_assignees() -> None:
    assert names("区司法局等有关部门") == ["区司法局", "有关部门"]
    assert names("各高等学校") == ["各高等学校"]  # 等 inside a name stays


SQUARE_BRACKETS = """示例区深化改革重点任务分工方案
一、推进简政放权
1.承接下放的行政权力事项。〔牵头单位：区政府办公室，责任单位：区政府有关部门，各街道（功能区）〕
2.规范行政备案事项管理。（牵头单位：区司法局）
"""


def test_an_annotation_in_square_brackets(tmp_path: Path) -> None:
    task = read_source(written(tmp_path, SQUARE_BRACKETS)).tasks[0]
    assert [m.written for m in task.leads] == ["区政府办公室"]
    assert [m.written for m in task.cooperators] == ["区政府有关部门", "各街道（功能区）"]
    assert task.text == "承接下放的行政权力事项。"


DASH_HEADINGS = """示例市目标任务责任分解方案
——推进教育高质量发展
204.推进学前教育发展。（牵头单位：市教育局；责任单位：各区人民政府）
205.加强师德师风建设。（责任单位：市教育局）
——加快建设健康城市
206.推进公立医院高质量发展。（责任单位：市卫健委）
"""


def test_dash_headings_are_themes_and_end_the_item_before_them(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, DASH_HEADINGS))
    assert [theme.label for theme in document.themes] == ["推进教育高质量发展", "加快建设健康城市"]
    assert [(task.label, task.theme) for task in document.tasks] == [
        ("204.", 1),
        ("205.", 1),
        ("206.", 2),
    ]
    assert [m.written for m in document.tasks[1].leads] == ["市教育局"]


SMALL_FULL_STOP = """示例省重点工作及责任分解
一、确保完成全年主要预期目标
1﹒全省生产总值增长7%以上。
牵头负责领导：张三。
牵头责任单位：省发展改革委。
协同责任单位：省政府各部门、各直属机构。
2﹒一般公共预算收入增长7%左右。
牵头负责领导：李四。
牵头责任单位：省财政厅。
"""


def test_small_full_stop_numbering_and_leader_and_responsible_labels(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, SMALL_FULL_STOP))
    assert document.form == "list"
    assert [(t.label, t.leader) for t in document.tasks] == [("1﹒", "张三"), ("2﹒", "李四")]
    assert [m.written for m in document.tasks[0].leads] == ["省发展改革委"]
    assert [m.written for m in document.tasks[0].cooperators] == ["省政府各部门", "各直属机构"]


COVERING_NOTICE = """区政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务分解方案的通知
索 引 号 MB1534522/2023-05475 发文日期 2023-01-03
发布机构 区人民政府办公室 文    号 示政办〔2023〕1号
2023年《区〈政府工作报告〉确定的主要目标任务分解方案》已报经区人民政府同意，现印发给你们，并就有关事项通知如下：
一、各责任单位要高度重视，制订工作方案。
二、从第一季度开始，各责任单位要报送进展情况。
示例区人民政府办公室
2023年1月3日
2023年区《政府工作报告》确定的主要目标任务责任分解方案
一、2023年全区经济社会发展的主要预期目标
（一）地区生产总值增长7%以上
责任单位：区发展和改革局
（二）规上工业增加值增长12%以上
责任单位：区科技和经信局
"""


def test_a_covering_notices_own_points_are_not_themes(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, COVERING_NOTICE))
    assert [theme.label for theme in document.themes] == ["2023年全区经济社会发展的主要预期目标"]
    assert [task.label for task in document.tasks] == ["（一）", "（二）"]


def test_a_number_after_its_label_and_a_title_reported_for_approval(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, COVERING_NOTICE))
    assert document.identifier == "示政办〔2023〕1号"
    assert document.document_title == "区〈政府工作报告〉确定的主要目标任务分解方案"


def test_taking_part_cooperates_and_bodies_responsible_for_a_named_part() -> None:
    assert roles("市审改办牵头，各相关单位参加") == (["市审改办"], ["各相关单位"])
    assert roles("市法制局牵头，具体职能部门负责起草") == (["市法制局"], ["具体职能部门"])
    leads, cooperators = roles("市财政局牵头，年内负责验收")  # 年内 names no body
    assert (leads, cooperators) == (["市财政局"], [])


def test_a_list_closed_by_and_other_departments_names_the_bodies_listed() -> None:
    assert names("区住建局、区水务局等部门") == ["区住建局", "区水务局"]


PARTS_ANNOTATED = """示例市行政审批制度改革实施方案
（二）优化审批流程
--推进建立并联审批制度。推进工程建设项目并联审批（市发改局、监察局牵头，各有关部门参加）。2010年完善网上年审机制（市行政服务中心牵头）。
--改革“窗口”机构的服务与管理。（各区县政府负责）
"""


def test_annotations_of_an_items_parts_add_up_and_dash_items_are_numbered(
    tmp_path: Path,
) -> None:
    document = read_source(written(tmp_path, PARTS_ANNOTATED))
    first, second = document.tasks
    assert [m.written for m in first.leads] == ["市行政服务中心", "市发改局", "监察局"]
    assert [m.written for m in first.cooperators] == ["各有关部门"]
    assert first.text == "推进建立并联审批制度。推进工程建设项目并联审批。2010年完善网上年审机制"
    assert [m.written for m in second.leads] == ["各区县政府"]
    assert [theme.label for theme in document.themes] == ["优化审批流程"]


BODY_FIRST = """示例市推进一体化专题调研分工
（二十一）市公安局。负责对户籍管理一体化的调研，形成专题调研报告。
（二十二）市教育局。负责对教育资源共建共享的调研，形成专题调研报告。
"""


def test_items_that_open_with_their_body_assign_it(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, BODY_FIRST))
    assert document.form == "inline"
    leads = [[m.written for m in task.leads] for task in document.tasks]
    assert leads == [["市公安局"], ["市教育局"]]
    assert document.tasks[0].text == "负责对户籍管理一体化的调研，形成专题调研报告。"


def test_the_body_that_works_with_others_leads_them() -> None:
    assert roles("由发展改革委会同农业部、财政部等部门负责落实") == (
        ["发展改革委"],
        ["农业部", "财政部"],
    )


TOGETHER = """国务院办公厅关于落实若干意见有关政策措施分工的通知
一、工作分工
（一）关于“严守耕地保护红线”的问题，由国土资源部会同农业部等部门负责落实。
（二）关于“加快农业科技创新”的问题，由科技部会同农业部研究提出落实意见。
（三）关于“增加资金投入”的问题，由财政部拨付专项资金。
"""


def test_items_that_close_with_who_works_with_whom(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, TOGETHER))
    assert document.form == "inline"
    read = [
        ([m.written for m in task.leads], [m.written for m in task.cooperators])
        for task in document.tasks
    ]
    assert read == [(["国土资源部"], ["农业部"]), (["科技部"], ["农业部"]), ([], [])]
    assert document.tasks[0].text == "关于“严守耕地保护红线”的问题。"


UNNUMBERED_TABLE = """示例市2017年政务公开工作要点实施方案
目标
任务
主要内容
责任单位
一、以政务公开助力稳增长
（一）加强预期引导
围绕全市经济政策执行落实情况，通过新闻发布会及时宣传解读。
市发改委牵头落实
加强就业创业政策信息公开，深入解读政策背景。
市人社局、市财政局
围绕货币政策，加强金融政策信息公开。
市金融办、市人民银行分别牵头落实
各单位要高度重视政务公开工作。
要明确责任分工，细化工作措施。
要加强督促检查，确保落实到位。
要及时总结经验，报送工作情况。
示例市人民政府办公厅
"""


def test_a_table_without_numbers_one_cell_a_line(tmp_path: Path) -> None:
    document = read_source(written(tmp_path, UNNUMBERED_TABLE))
    assert document.form == "table"
    assert [theme.label for theme in document.themes] == ["以政务公开助力稳增长", "加强预期引导"]
    read = [
        ([m.written for m in task.leads], [m.written for m in task.cooperators], task.label)
        for task in document.tasks
    ]
    assert read == [
        (["市发改委"], [], None),  # the cell writes its role: 牵头落实
        (["市人社局", "市财政局"], [], None),  # a 责任单位 list with no lead: all responsible
        (["市金融办", "市人民银行"], [], None),
    ]  # the prose after the table, and its signature, make no row
    assert document.tasks[0].text == "围绕全市经济政策执行落实情况，通过新闻发布会及时宣传解读。"


def test_an_annotated_item_that_opens_the_items_below_it_is_a_task(tmp_path: Path) -> None:
    """（一）……（A负责）具体措施：1．……（B牵头）: both levels carry assignments, both are tasks."""
    document = read_source(
        written(
            tmp_path,
            "一、总体要求\n（一）落实减税降费政策。（财政部、税务总局按职责分工负责）具体措施：\n"
            "1．完善直达机制。（财政部牵头，国务院相关部门及各地区按职责分工负责）\n"
            "2．简化优惠程序。（税务总局牵头）\n（二）优化信贷服务。（人民银行负责）\n",
        )
    )
    assert [task.label for task in document.tasks] == ["（一）", "1．", "2．", "（二）"]
    assert [m.written for m in document.tasks[0].leads] == ["财政部", "税务总局"]
    assert document.tasks[0].text == "落实减税降费政策。"


def test_leading_by_each_ones_duties_leads() -> None:
    assert roles("省财政厅、省金融监管局按职责分工牵头，省商务厅配合") == (
        ["省财政厅", "省金融监管局"],
        ["省商务厅"],
    )


def test_each_kind_of_division_with_its_bracketed_kinds_is_one_collective() -> None:
    assert names("省教育厅，各市、县〔区〕政府，赣江新区管委会") == [
        "省教育厅",
        "各市、县〔区〕政府",
        "赣江新区管委会",
    ]
