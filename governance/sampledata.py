"""Sample data the seeds do not give, kept apart from the real data and labelled.

The Improvement Board's monthly meetings (agendas, attendance, decisions, the action log)
are made up and marked `is_sample`. The committee paper drafted for the 21 June 2011
scrutiny committee is the real paper of seed 002: its narrative is the seed's own text,
and its progress and figures are drawn from the data, never typed."""

import random
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from actions.models import (
    Action,
    ActionLead,
    ActionLink,
    CoreTask,
    Lead,
    Measure,
    MeasureLead,
    Outcome,
    Plan,
    PlanLead,
    PlanSection,
    Priority,
    PriorityLead,
    ProgressUpdate,
)
from actions.sampledata import demo_accounts_load, sample_progress_load
from actions.snapshots import sample_snapshots_load
from governance import services
from governance.models import (
    AgendaItem,
    Attendance,
    BoardAction,
    BoardActionNote,
    Body,
    CommitteePaper,
    Decision,
    Meeting,
)
from targets.models import Indicator
from targets.sampledata import sample_measurements_load

BOARD = "kent-improvement-board"
BOARD_MEETINGS = [date(2011, m, d) for m, d in [(3, 17), (4, 21), (5, 19), (6, 16), (7, 21),
                                                (8, 18), (9, 15), (10, 20), (11, 10)]]  # fmt: skip
SAMPLE = "Sample: "


def sample_data_load() -> dict[str, int]:
    """Load all sample data; running it again changes nothing."""
    with transaction.atomic():
        return {
            "sample readings": sample_measurements_load(),
            "demo accounts": demo_accounts_load(),
            "sample progress updates": sample_progress_load(),
            "sample board meetings": sample_board_meetings_load(),
            "committee paper drafts": posc_june_2011_paper_load(),
            "month-end snapshots": sample_snapshots_load(),
            "records dated for the demo": sample_history_dates_load(),
        }


# What a plan is made of, with the path from each record to its plan: in the demo they
# are all dated as entered when the plan was issued.
PLAN_RECORDS = [
    (Plan, "id"), (PlanSection, "plan_id"), (PlanLead, "plan_id"), (CoreTask, "plan_id"),
    (Priority, "plan_id"), (PriorityLead, "priority__plan_id"), (Outcome, "plan_id"),
    (Action, "plan_id"), (ActionLead, "action__plan_id"), (ActionLink, "from_action__plan_id"),
    (Measure, "action__plan_id"), (MeasureLead, "measure__action__plan_id"),
]  # fmt: skip


def sample_history_dates_load() -> int:
    """Date the history as the demo tells it, so 'as at' a 2011 date shows what was true
    then: each plan's records as entered when the plan was issued (not when the seeds were
    loaded), and each sample update as made when it was submitted. Returns rows changed."""
    made = ProgressUpdate.history.filter(is_sample=True, history_type="+")
    changed = made.filter(history_date__gt=F("submitted_at")).update(history_date=F("submitted_at"))
    for plan in Plan.objects.filter(date__isnull=False):
        assert plan.date is not None  # the query asks for dated plans
        issued = timezone.make_aware(datetime.combine(plan.date, time()))
        for model, path in PLAN_RECORDS:
            changed += model.history.filter(  # type: ignore[attr-defined]  # simple_history adds .history
                **{path: plan.pk}, history_type="+", history_date__gt=issued
            ).update(history_date=issued)
    return changed


# The Improvement Board's meetings (made up) ----------------------------------------------

AGENDA = [
    ("Apologies, and minutes of the last meeting", "Liz Railton"),
    ("Improvement Plan: progress and exceptions", "Malcolm Newsam"),
    ("Improvement Notice targets: performance", "Alastair Pettigrew"),
    ("Workforce: recruitment and retention of social workers", "Alastair Pettigrew"),
    ("Any other business", "Liz Railton"),
]
ACTIONS = [
    ("Report the unallocated cases by district, with the age of each case", "Alastair Pettigrew"),
    ("Circulate the workforce strategy and the “compelling offer” to members", "Malcolm Newsam"),
    ("Bring the partners’ referral data to the next meeting", "Maggie Blyth"),
    ("Set out the recovery plan for actions rated Red", "Malcolm Newsam"),
    ("Agree the health partners’ contribution to the health checks target", "Ann Sutton"),
]


def sample_board_meetings_load() -> int:
    """The Kent Improvement Board's monthly meetings, March–November 2011 (made up)."""
    board = Body.objects.filter(slug=BOARD).first()
    if board is None or Meeting.objects.filter(body=board, is_sample=True).exists():
        return 0
    members = [m.lead for m in board.memberships.select_related("lead").order_by("order")]
    leads = {lead.name: lead for lead in Lead.objects.filter(name__in={n for _, n in ACTIONS})}
    meetings = [_board_meeting(board, day, members) for day in BOARD_MEETINGS]
    _action_log(meetings, leads)
    return len(meetings)


def _board_meeting(board: Body, day: date, members: list[Lead]) -> Meeting:
    meeting = Meeting.objects.create(
        body=board, date=day, title="Kent Improvement Board", is_sample=True,
        note=f"{SAMPLE}the monthly meeting of the Board (made up for the demonstration).",
    )  # fmt: skip
    for order, (title, presenter) in enumerate(AGENDA, start=1):
        paper = "Monthly progress report (sample)" if order == 2 else ""
        AgendaItem.objects.create(meeting=meeting, order=order, title=title, presenter=presenter,
                                  paper_title=paper)  # fmt: skip
    rng = random.Random(f"board:{day}")
    for lead in members:
        status = Attendance.Status.APOLOGIES if rng.random() < 0.15 else Attendance.Status.ATTENDED
        Attendance.objects.create(meeting=meeting, lead=lead, status=status)
    progress = meeting.agenda_items.get(order=2)
    Decision.objects.create(
        meeting=meeting, agenda_item=progress,
        text=f"{SAMPLE}the Board noted the progress report and the actions rated Red.",
    )  # fmt: skip
    return meeting


def _action_log(meetings: list[Meeting], leads: dict[str, Lead]) -> None:
    """Each action raised at one meeting, reported on at the next, closed two meetings on
    (the last two stay open on the log)."""
    for n, (text, owner) in enumerate(ACTIONS):
        raised, later = meetings[n * 2], meetings[n * 2 + 1 :]
        action = BoardAction.objects.create(
            raised_at=raised, description=f"{SAMPLE}{text}", owner=leads[owner],
            due_date=later[0].date if later else None,
        )  # fmt: skip
        if later:
            note = f"{SAMPLE}in hand; an update was given."
            BoardActionNote.objects.create(action=action, meeting=later[0], text=note)
        if len(later) >= 2 and n < len(ACTIONS) - 2:
            action.status, action.closed_at = BoardAction.Status.CLOSED, later[1]
            action.save()


# The scrutiny committee paper of 21 June 2011 (seed 002) -----------------------------------

POSC = "specialist-childrens-services-posc"
PLAN = "putting-children-first-2011"
INDICATORS = [
    "unallocated-cases-over-28-days",
    "unallocated-cases",
    "outstanding-initial-assessments",
    "outstanding-core-assessments",
]

INTRODUCTION = """The Improvement Plan is a standing item on the Committee's agenda. The Plan was drawn up in response to the findings of the Ofsted inspections which took place in August and October 2010. It sets out the overall strategy and detailed actions to significantly improve services to children in Kent and support for looked after children. It directly addresses the requirements set out in the Ofsted Report and subsequent Improvement Notice from government. More widely, it also seeks to enhance the quality of practice and improve the whole system through which children's needs are assessed and met via a fundamental re-shaping of Children's Services.

The governance arrangements for children's social care improvement were approved by the County Council on 6 April. The Kent Improvement Board, which has an independent chair, Liz Railton (approved by the Parliamentary Under-Secretary of State for Children & Families) and a membership that includes representatives from key partner agencies, meets monthly. Ms Railton's first quarterly report was sent to all Members on 1 June and subsequently went to Cabinet on 20 June.

The County Council also agreed to establish a Children's Services Improvement Panel which is an informal Member group that supports this (Families & Social Care Policy Overview & Scrutiny) Committee by offering challenge and overseeing the monitoring of progress. Because this Committee meets quarterly, the minutes of the Panel will be sent to Cabinet to note, as well as this POSC, so that they are reported to Members and the public in a timely manner."""  # noqa: E501

PROGRESS = """A detailed report on progress went to County Council and then Cabinet in May. Key actions to note since those reports were made are:
- On 23 May Cabinet approved the workforce strategy and “compelling offer” to improve recruitment and retention of children’s social workers.
- The Peripatetic Team is up to full strength, and has taken on 423 cases, which has had a significant impact on reducing numbers of unallocated cases.
- The Duty and Initial Assessment Team (DIAT) improvement programme has been rolled out from Swale to Thanet, Tunbridge Wells and Ashford and is having a positive impact.
- The county duty team, a small and temporary team of qualified social workers, has been recruited to work alongside the Kent Contact and Assessment Centre in order to make decisions about which cases need initial assessments and therefore should be passed through to DIATs. There have been some teething problems which are being resolved.
- The commissioning framework for early intervention and preventative services has been advertised on the SE Business Portal.

[progress]"""  # noqa: E501

PERFORMANCE = """[performance]

To deliver the improvement notice targets on bringing down outstanding initial and core assessments (to 200 and 100 respectively by August) is still very challenging indeed and every effort is being made to achieve them.

The Children’s Services Improvement Panel will be given detailed performance information for its meeting on 22 June."""  # noqa: E501


def posc_june_2011_paper(meeting: Meeting, plan: Plan) -> CommitteePaper:
    """The draft of seed 002's paper (not saved): its heading, contact and recommendation."""
    return CommitteePaper(
        meeting=meeting,
        plan=plan,
        by="Jenny Whittle, Cabinet Member for Specialist Children's Services\n"
        "Malcolm Newsam, Interim Corporate Director, Families & Social Care",
        subject="Putting Children First: Kent's Safeguarding and Looked After Children "
        "Improvement Plan",
        classification="Unrestricted",
        summary="Updates Members on progress on delivering the Improvement Plan",
        as_at=date(2011, 5, 31),
        previous_paper_date=date(2011, 5, 23),
        readings_from=date(2011, 2, 1),
        recommendations="Members are asked to NOTE the progress that is being made on "
        "delivering the Improvement Plan.",
        contact_name="Malcolm Newsam",
        contact_title="Interim Corporate Director Families & Social Care",
        contact_phone="01622 694173",
        contact_email="malcolm.newsam@kent.gov.uk",
        background_documents="None",
    )


def posc_june_2011_paper_load() -> int:
    """Draft the 21 June 2011 scrutiny paper for democratic services to issue."""
    meeting = Meeting.objects.filter(body__slug=POSC, date=date(2011, 6, 21)).first()
    plan = Plan.objects.filter(slug=PLAN).first()
    if not (meeting and plan) or CommitteePaper.objects.filter(meeting=meeting).exists():
        return 0
    services.committee_paper_save(
        paper=posc_june_2011_paper(meeting, plan),
        fields={},
        indicators=Indicator.objects.filter(slug__in=INDICATORS),
        sections=[
            services.SectionInput("Introduction", INTRODUCTION),
            services.SectionInput("Progress to date", PROGRESS),
            services.SectionInput("Impact on Performance", PERFORMANCE),
        ],
    )
    return 1
