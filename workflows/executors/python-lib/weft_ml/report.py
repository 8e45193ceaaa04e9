"""A small self-contained HTML report (no scripts, no external files): the run page shows HTML
artifacts in a sandboxed frame. Every value is escaped: column names and values come from data."""

import base64
import html

_STYLE = (
    "body{font:14px system-ui,sans-serif;margin:24px;color:#0f172a}table{border-collapse:collapse;margin:8px 0 20px}"
    "td,th{border:1px solid #cbd5e1;padding:4px 8px;text-align:left}th{background:#f1f5f9}"
    ".fail{color:#b91c1c;font-weight:600}.warn{color:#b45309;font-weight:600}.pass{color:#15803d}"
)


def page(title, sections):
    """``sections``: a list of (heading, html) pairs, html already built with ``table``/``text``."""
    body = "".join("<h2>%s</h2>%s" % (html.escape(h), content) for h, content in sections)
    return "<!doctype html><html><head><meta charset='utf-8'><title>%s</title><style>%s</style></head><body><h1>%s</h1>%s</body></html>" % (
        html.escape(title),
        _STYLE,
        html.escape(title),
        body,
    )


def table(headers, rows, status_column=None):
    """Rows of cells; the cell in ``status_column`` (pass/warn/fail) is coloured."""
    head = "".join("<th>%s</th>" % html.escape(str(h)) for h in headers)
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            css = " class='%s'" % html.escape(str(cell)) if i == status_column else ""
            cells.append("<td%s>%s</td>" % (css, html.escape(_shown(cell))))
        lines.append("<tr>%s</tr>" % "".join(cells))
    return "<table><tr>%s</tr>%s</table>" % (head, "".join(lines))


def text(value):
    return "<p>%s</p>" % html.escape(str(value))


def image(png_path, alt):
    """A PNG inlined as a data URI: the report stays one file wherever it is shown."""
    with open(png_path, "rb") as f:
        data = base64.b64encode(f.read()).decode("ascii")
    return "<p><img src='data:image/png;base64,%s' alt='%s' style='max-width:480px'></p>" % (data, html.escape(alt))


def _shown(cell):
    if isinstance(cell, float):
        return "%.4g" % cell
    return str(cell)
