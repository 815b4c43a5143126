"""A self-contained HTML report for reviewers: the summary on top, filters by rule and severity,
and each segment with findings shown source beside target, terms and renderings highlighted.

One file, no network: styles and script are inline, and the page's content security policy
forbids loading anything else.
"""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import TextIO

from termcheck.model import CheckResult, Finding, Segment, Span
from termcheck.reporters.locations import source_region
from termcheck.reporters.summary import summarize
from termcheck.sortedfindings import close_findings, count_findings, sort_findings

# Longer segments (whole documents) are shown as the lines that hold a highlighted span.
_WHOLE_SEGMENT_CHARS = 600
_CJK_FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'

_STYLE = """
:root { color-scheme: light; --error: #b42318; --warning: #b54708; --info: #175cd3; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, %(fonts)s; color: #1d2939; background: #f9fafb; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #eaecf0; padding: 12px 24px; z-index: 1; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 16px; margin: 24px 0 8px; word-break: break-all; }
h3 { font-size: 13px; font-weight: 600; color: #475467; margin: 0 0 8px; }
main { padding: 0 24px 48px; }
#summary { display: flex; gap: 32px; flex-wrap: wrap; }
#summary table { border-collapse: collapse; font-size: 13px; }
#run td { word-break: break-all; }
#summary td, #summary th { padding: 2px 12px 2px 0; text-align: left; }
#filters { display: flex; gap: 24px; flex-wrap: wrap; margin-top: 8px; font-size: 14px; }
#filters fieldset { border: 1px solid #d0d5dd; border-radius: 6px; padding: 4px 12px; }
#filters label { margin-right: 12px; white-space: nowrap; }
.segment { background: #fff; border: 1px solid #eaecf0; border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.text { white-space: pre-wrap; word-break: break-word; }
.text[lang|=zh] { font-family: %(fonts)s; }
.label { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #667085; }
mark.term { background: #d1e9ff; border-bottom: 2px solid #175cd3; }
mark.rendering { background: #fef0c7; border-bottom: 2px solid #b54708; }
mark.deprecated { background: #fee4e2; border-bottom: 2px solid #b42318; }
.findings { list-style: none; padding: 0; margin: 12px 0 0; }
.finding { padding: 6px 0; border-top: 1px dashed #eaecf0; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 0 6px; border-radius: 4px; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.rule { font-weight: 600; } .where { color: #667085; font-size: 13px; }
.fix { color: #067647; }
.replacement del { background: #fee4e2; color: #912018; }
.replacement ins { background: #dcfae6; color: #067647; text-decoration: none; }
.gap { color: #98a2b3; }
[hidden] { display: none !important; }
@media (max-width: 800px) { .pair { grid-template-columns: 1fr; } }
""" % {"fonts": _CJK_FONTS}

_SCRIPT = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  function apply() {
    var on = { rule: {}, severity: {} };
    boxes.forEach(function (box) { on[box.dataset.filter][box.value] = box.checked; });
    var shown = 0;
    findings.forEach(function (item) {
      var visible = on.rule[item.dataset.rule] !== false && on.severity[item.dataset.severity] !== false;
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll('.segment').forEach(function (segment) {
      segment.hidden = !segment.querySelector('.finding:not([hidden])');
    });
    document.querySelectorAll('.file').forEach(function (file) {
      file.hidden = !file.querySelector('.segment:not([hidden])');
    });
    document.getElementById('shown-count').textContent = String(shown);
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  apply();
})();
"""


def _marked(text: str, spans: list[tuple[Span, str]]) -> str:
    """`text` as HTML with each span in a <mark> of its class (overlaps: the first one wins);
    a long text is cut to the lines that hold a span."""
    ordered = sorted(spans, key=lambda item: (item[0].start, -item[0].end))
    pieces: list[str] = []
    position = 0
    for span, css_class in ordered:
        if span.start < position or span.end <= span.start:
            continue
        pieces.append(escape(text[position : span.start]))
        pieces.append(f'<mark class="{css_class}">{escape(text[span.start : span.end])}</mark>')
        position = span.end
    pieces.append(escape(text[position:]))
    html = "".join(pieces)
    if len(text) <= _WHOLE_SEGMENT_CHARS:
        return html
    # Keep the lines with a highlight; mark what is left out.
    gap = '<span class="gap">…</span>'
    kept: list[str] = []
    skipped = False
    for line in html.split("\n"):
        if "<mark" in line or "</mark>" in line:
            if skipped:
                kept.append(gap)
            kept.append(line)
            skipped = False
        else:
            skipped = True
    if skipped:
        kept.append(gap)
    return "\n".join(kept)


def _fix_html(finding: Finding) -> str:
    """The fix; where it is a replacement, the words it replaces beside the new ones, as `termcheck
    fix` applies them."""
    if finding.replacement is not None:
        span = finding.replacement.span
        old = finding.segment.target[span.start : span.end]
        return (
            f'<br><span class="label">fix</span> <span class="replacement"><del>{escape(old)}</del> → '
            f'<ins>{escape(finding.replacement.text)}</ins></span>'
        )
    if finding.fix:
        return f'<br><span class="label">fix</span> <span class="fix">{escape(finding.fix)}</span>'
    return ""
def segment_label(segment: Segment) -> str:
    """Where a segment is, as its file says it: "line 28 · id 6" (an XLIFF unit, a TMX tuid, a
    PO context …); a pair of text files compared whole is "whole document"."""
    whole = segment.source_origin.line == 1 and "\n" in segment.source.strip() and not segment.id
    parts = ["whole document" if whole else f"line {segment.source_origin.line}"]
    if segment.id:
        parts.append(f"id {escape(segment.id)}")
    return " · ".join(parts)


def _where(finding: Finding) -> str:
    where = f"{finding.file}:{finding.line}:{finding.column}"
    source = source_region(finding)
    if source is not None and finding.rule == "missing":
        # A near miss points at the translation; the term it renders is elsewhere.
        where += f" (the term: {source.file}:{source.start_line}:{source.start_column})"
    return escape(where)


def _run_html(result: CheckResult) -> str:
    from termcheck import __version__

    rows = [
        ("date", result.run.started),
        ("command", result.run.command),
        ("termcheck", __version__),
        ("glossary", result.run.glossary),
    ]
    return "".join(f"<tr><th>{label}</th><td>{escape(value)}</td></tr>" for label, value in rows if value)


def _segment_html(segment: Segment, findings: list[Finding]) -> str:
    source_spans: list[tuple[Span, str]] = []
    target_spans: list[tuple[Span, str]] = []
    for finding in findings:
        if finding.source_span is not None:
            source_spans.append((finding.source_span, "term"))
        if finding.target_span is not None:
            target_spans.append((finding.target_span, "deprecated" if finding.rule in ("deprecated", "superseded") else "rendering"))
    title = segment_label(segment)
    items = []
    for finding in findings:
        expected = " / ".join(finding.expected)
        items.append(
            f'<li class="finding" data-rule="{escape(finding.rule)}" data-severity="{finding.severity.value}">'
            f'<span class="badge {finding.severity.value}">{finding.severity.value}</span> '
            f'<span class="rule">{escape(finding.rule)}</span> '
            f'<span class="where">{_where(finding)}</span><br>'
            f'<span class="message">{escape(finding.message)}</span>'
            + (f'<br><span class="label">expected</span> {escape(expected)}' if expected else "")
            + _fix_html(finding)
            + "</li>"
        )
    return (
        f'<article class="segment"><h3>{title}</h3><div class="pair">'
        f'<div><div class="label">source</div><div class="text" lang="zh">{_marked(segment.source, source_spans)}</div></div>'
        f'<div><div class="label">target</div><div class="text" lang="en">{_marked(segment.target, target_spans)}</div></div>'
        f'</div><ul class="findings">{"".join(items)}</ul></article>'
    )


def render(result: CheckResult) -> str:
    import io

    buffer = io.StringIO()
    report(result, buffer)
    return buffer.getvalue()


def report(result: CheckResult, out: TextIO) -> None:
    """The page, written a segment at a time: the findings are put in segment order (a stable
    sort, which spills to a temporary file when they are many), not held to build it."""
    counts = count_findings(result.findings)
    by_rule = counts.by_rule
    by_severity = {severity.value: count for severity, count in counts.by_severity.items()}
    rules = sorted(set(by_rule) | {"missing", "deprecated", "superseded", "inconsistent"})
    severities = ["error", "warning", "info"]
    rule_boxes = "".join(
        f'<label><input type="checkbox" data-filter="rule" value="{r}" checked> {r} ({by_rule.get(r, 0)})</label>' for r in rules
    )
    severity_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{s}" checked> {s} ({by_severity.get(s, 0)})</label>' for s in severities
    )
    summary = summarize(result)
    summary_rows = [
        ("files", summary["files"]),
        ("segments checked", summary["segments"]),
        ("segments skipped (not translated yet)", summary["skipped_segments"]),
        ("glossary terms in the source", summary["source_terms"]),
        ("errors", summary["errors"]),
        ("warnings", summary["warnings"]),
    ]
    if result.baselined:
        summary_rows.append(("findings in the baseline (not shown)", result.baselined))
    if result.silenced:
        summary_rows.append(("findings silenced in the files (not shown)", result.silenced))
    summary_html = "".join(f"<tr><th>{escape(label)}</th><td>{value}</td></tr>" for label, value in summary_rows)
    warnings = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
    out.write(
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        f"<title>termcheck report</title><style>{_STYLE}</style></head><body>"
        f'<header><h1>termcheck report</h1><section id="summary"><table>{summary_html}</table>'
        f'<table id="run">{_run_html(result)}</table></section>'
        + (f'<ul id="input-warnings">{warnings}</ul>' if warnings else "")
        + f'<div id="filters"><fieldset><legend>Rules</legend>{rule_boxes}</fieldset>'
        f'<fieldset><legend>Severity</legend>{severity_boxes}</fieldset></div>'
        f'<p>Showing <span id="shown-count">{counts.total}</span> of {counts.total} findings</p></header>'
        "<main>"
    )

    def segment_key(finding: Finding) -> tuple[str, int]:
        return finding.segment.document, finding.segment.number

    ordered = sort_findings(result.findings, key=segment_key)
    try:
        for document, document_findings in groupby(ordered, key=lambda f: f.segment.document):
            out.write(f'<section class="file"><h2>{escape(document)}</h2>')
            for _, segment_findings in groupby(document_findings, key=segment_key):
                findings = list(segment_findings)
                out.write(_segment_html(findings[0].segment, findings))
            out.write("</section>")
    finally:
        close_findings(ordered)
    if not counts.total:
        out.write("<p>No findings.</p>")
    out.write(f"</main><script>{_SCRIPT}</script></body></html>\n")
