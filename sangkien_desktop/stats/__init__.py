"""Statistics of the unit: counts, participation, targets and the support team's workload.

Used by the overview and reports screens, the statistics workbook and ``sangkien stats``; the
upper-level union narrows them to some units with ``Scope``."""

from sangkien_desktop.stats.counts import (
    NO_DEPARTMENT,
    NO_PHASE,
    RECOGNISED_STATES,
    DepartmentLine,
    Line,
    MonthLine,
    Scope,
    Totals,
    eligible,
)
from sangkien_desktop.stats.participation import Participation
from sangkien_desktop.stats.report import Report, build_report
from sangkien_desktop.stats.targets import (
    Progress,
    program_quarters,
    quarter_label,
    set_phase_target,
    set_quarter_target,
)
from sangkien_desktop.stats.workload import (
    DOCUMENT_NAMES,
    REQUIRED_DOCUMENTS,
    HelperLoad,
    Todo,
    TodoItem,
    TodoKind,
)

__all__ = [
    "DOCUMENT_NAMES",
    "NO_DEPARTMENT",
    "NO_PHASE",
    "RECOGNISED_STATES",
    "REQUIRED_DOCUMENTS",
    "DepartmentLine",
    "HelperLoad",
    "Line",
    "MonthLine",
    "Participation",
    "Progress",
    "Report",
    "Scope",
    "Todo",
    "TodoItem",
    "TodoKind",
    "Totals",
    "build_report",
    "eligible",
    "program_quarters",
    "quarter_label",
    "set_phase_target",
    "set_quarter_target",
]
