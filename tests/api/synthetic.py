"""A synthetic graph in the project's vocabulary for pictures at scale: bodies under several
governments (central, provincial, municipal, district; some placed by dcterms:spatial, some not;
some under no government at all), documents of each government with numbered tasks, and lead and
cooperating assignments, a few bodies getting many tasks and most getting few.

The bodies and documents are invented and live under https://example.org/synthetic/; the places
are real: GB/T 2260 codes and names from docs/research/gb2260-raw/data/2022.txt (the Ministry of
Civil Affairs' list as yescallop/areacodes copies it).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

SYNTHETIC = "https://example.org/synthetic/"
PREFIXES = """@prefix pol: <https://w3id.org/policykg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix s: <https://example.org/synthetic/> .
"""
TOPICS = (
    "发展和改革", "工业和信息化", "教育", "科学技术", "公安", "民政", "司法", "财政",
    "人力资源和社会保障", "自然资源", "生态环境", "住房和城乡建设", "交通运输", "水务",
    "农业农村", "商务", "文化广电旅游", "卫生健康", "应急管理", "审计", "国有资产监督管理",
    "市场监督管理", "体育", "统计", "医疗保障", "城市管理和综合执法", "林业和园林", "地方金融",
    "政务服务数据管理", "退役军人事务", "港务", "口岸",
)  # fmt: skip
SUFFIXES = ("局", "委员会", "办公室", "服务中心")


@dataclass
class Government:
    """A government, its place (code, name) if the graph is to say it, and its bodies."""

    key: str
    name: str
    kind: str
    prefix: str  # how its bodies' names begin
    body_kind: str
    share: float  # of the bodies
    place: tuple[str, str] | None = None
    above: str | None = None
    bodies: list[str] = field(default_factory=list)


def governments() -> list[Government]:
    return [
        Government("cn", "国务院", "CentralGovernment", "国家", "NationalAgency", 0.15),
        Government("gd", "广东省人民政府", "ProvincialGovernment", "广东省", "ProvincialDepartment",
                   0.09, ("440000", "广东省"), "cn"),
        Government("sc", "四川省人民政府", "ProvincialGovernment", "四川省", "ProvincialDepartment",
                   0.09, ("510000", "四川省"), "cn"),
        Government("zj", "浙江省人民政府", "ProvincialGovernment", "浙江省", "ProvincialDepartment",
                   0.09, ("330000", "浙江省"), "cn"),
        Government("gz", "广州市人民政府", "MunicipalGovernment", "广州市", "MunicipalDepartment",
                   0.14, ("440100", "广州市"), "gd"),
        Government("cd", "成都市人民政府", "MunicipalGovernment", "成都市", "MunicipalDepartment",
                   0.13, ("510100", "成都市"), "sc"),
        Government("hz", "杭州市人民政府", "MunicipalGovernment", "杭州市", "MunicipalDepartment",
                   0.13, ("330100", "杭州市"), "zj"),
        # placed by no dcterms:spatial: grouped by its own name
        Government("sz", "深圳市人民政府", "MunicipalGovernment", "深圳市", "MunicipalDepartment",
                   0.18, None, "gd"),
    ]  # fmt: skip


DISTRICTS = (("440103", "荔湾区"), ("440104", "越秀区"), ("440105", "海珠区"), ("440106", "天河区"),
             ("440111", "白云区"), ("440112", "黄埔区"), ("440113", "番禺区"))  # fmt: skip


def text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"@zh'


def organization(
    iri: str, kind: str, name: str, above: str | None = None, place: tuple[str, str] | None = None
) -> str:
    """An organization's triples, and its place's where it has one."""
    lines = [f"{iri} a org:Organization, pol:{kind} ; skos:prefLabel {text(name)}"]
    if above:
        lines.append(f" ; org:subOrganizationOf {above}")
    if place:
        code, where = place
        lines.append(f" ; dcterms:spatial s:place-{code} .\n")
        lines.append(f's:place-{code} a dcterms:Location ; skos:notation "{code}"')
        lines.append(f" ; skos:prefLabel {text(where)}")
    return "".join(lines) + " .\n"


def write_graph(path: Path, bodies: int = 1000, seed: int = 2260) -> None:
    """Write the graph as Turtle: exactly `bodies` assigned bodies."""
    chance = random.Random(seed)
    govs = governments()
    out = [PREFIXES]
    out += [organization(f"s:gov-{g.key}", g.kind, g.name, g.above and f"s:gov-{g.above}", g.place)
            for g in govs]  # fmt: skip
    out.append(organization("s:party", "PartyCommittee", "中共样例市委"))
    extra = {  # bodies of Guangzhou's documents that are not its departments
        # each its own government
        **{f"s:district-{code}": ("DistrictGovernment", f"广州市{name}人民政府", "s:gov-gz",
                                  (code, name)) for code, name in DISTRICTS},
        # under a Party committee: no government up their chain
        **{f"s:party-{n}": ("PartyDepartment", f"市委样例工作部门{n + 1}", "s:party", None)
           for n in range(12)},
        # no chain at all
        **{f"s:collective-{n}": ("CollectiveAssignee", f"有关单位{n + 1}", None, None)
           for n in range(6)},
    }  # fmt: skip
    out += [organization(iri, *facts) for iri, facts in extra.items()]
    departments = bodies - len(extra)
    counts = [round(g.share * departments) for g in govs]
    counts[-1] += departments - sum(counts)
    for gov, count in zip(govs, counts, strict=True):
        for n in range(count):
            name = f"{gov.prefix}{chance.choice(TOPICS)}{chance.choice(SUFFIXES)}{n + 1}"
            gov.bodies.append(f"s:{gov.key}-{n}")
            out.append(organization(gov.bodies[-1], gov.body_kind, name, f"s:gov-{gov.key}"))
    next(g for g in govs if g.key == "gz").bodies.extend(extra)
    by_key = {g.key: g for g in govs}
    for gov in govs:
        out.extend(documents(gov, by_key.get(gov.above or ""), chance))
    path.write_text("".join(out), encoding="utf-8")


def documents(gov: Government, above: Government | None, chance: random.Random) -> list[str]:
    """Three documents of a government whose tasks go to its bodies (a few bodies most often)
    and now and then to the government above's; every body of it gets at least one task."""
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(gov.bodies))]
    out: list[str] = []
    tasks: list[str] = []
    drawn: set[str] = set()
    for number, year in enumerate(chance.sample(range(2016, 2025), 3), start=1):
        doc = f"s:doc-{gov.key}-{number}"
        title = f"{gov.name}关于样例工作的实施意见（{number}）"
        issued = f'"{year}-0{number}-15"^^xsd:date'
        out.append(f"{doc} a pol:PolicyDocument ; dcterms:title {text(title)} ; "
                   f"dcterms:issued {issued} ; dcterms:publisher s:gov-{gov.key} .\n")  # fmt: skip
        for task_number in range(1, len(gov.bodies) // 3 + 2):
            task = f"{doc}-task-{task_number}"
            members = set(chance.choices(gov.bodies, weights, k=chance.randint(2, 5)))
            if above and chance.random() < 0.25:
                members.add(chance.choice(above.bodies[:20]))
            leads = set(
                chance.sample(sorted(members), k=min(len(members), chance.choice((1, 1, 1, 2))))
            )
            out.append(
                f"{task} a pol:Task ; pol:taskNumber {task_number} ; dcterms:isPartOf {doc} .\n"
            )
            out.extend(assignment(task, body, body in leads) for body in sorted(members))
            tasks.append(task)
            drawn |= members
    # a cooperating assignment for every body no task has drawn yet
    out.extend(assignment(chance.choice(tasks), b, False) for b in gov.bodies if b not in drawn)
    return out


def assignment(task: str, body: str, lead: bool) -> str:
    role = "pol:LeadResponsibility" if lead else "pol:CooperatingResponsibility"
    iri = f"{task}-{body.removeprefix('s:')}"
    return (
        f"{task} pol:assignment {iri} .\n{iri} a pol:Assignment ; prov:agent {body} ; "
        f"prov:hadRole {role} ; pol:firstLine 1 ; pol:lastLine 1 .\n"
    )
