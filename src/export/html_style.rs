//! The one-pager's inline stylesheet: large type with strong contrast for a projector, and a
//! print stylesheet that fits A4 and Letter alike. No user text ever goes in here.

/// The Content-Security-Policy of the one-pager: nothing may load or run; only the inline
/// stylesheet applies.
pub(super) const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                              base-uri 'none'; form-action 'none'";

/// The stylesheet, placed in a `<style>` element.
pub(super) const CSS: &str = r#"
:root { --ink: #1a1d21; --muted: #555b63; --line: #c9ced6; --panel: #f3f5f8;
  --accent: #1f5fbf; --good: #1c7c3a; --bad: #b3261e; --warn: #8a5a00; --calm: #3c4a5c; }
* { box-sizing: border-box; }
html { font-size: 18px; }
body { margin: 0 auto; max-width: 1100px; padding: 32px 40px 48px; color: var(--ink);
  background: #fff; font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", sans-serif,
    "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  line-height: 1.45; }
p, li, blockquote, h1, h3 { overflow-wrap: anywhere; }
td { overflow-wrap: anywhere; }
td.flags { white-space: nowrap; }
.table-scroll { overflow-x: auto; }
table.matrix td, table.matrix th { overflow-wrap: normal; word-break: normal; hyphens: manual; }
table.matrix .option-title { min-width: 11em; }
table.matrix th small { white-space: normal; }
.changed { color: var(--warn); font-weight: 600; }
h1 { font-size: 2.1rem; line-height: 1.15; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.7rem; padding-bottom: 0.25rem;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
p { margin: 0.4rem 0; }
ul { margin: 0.3rem 0; padding-left: 1.3rem; }
li { margin: 0.15rem 0; }
.kicker { color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em;
  font-size: 0.8rem; margin: 0; }
.meta { color: var(--muted); }
.directive { margin: 0.8rem 0; padding: 0.7rem 1rem; border-left: 6px solid var(--accent);
  background: var(--panel); font-size: 1.15rem; }
.status { display: inline-block; padding: 0.15rem 0.7rem; border-radius: 999px;
  color: #fff; font-weight: 700; background: var(--calm); }
.status-chosen { background: var(--good); }
.status-killed { background: var(--bad); }
.status-deferred { background: var(--warn); }
.bluf { margin: 1rem 0 0.6rem; padding: 0.9rem 1.2rem; border-left: 8px solid var(--accent);
  background: var(--panel); border-radius: 0 10px 10px 0; }
.bluf p { margin: 0.35rem 0; font-size: 1.1rem; }
.bluf .bluf-0 { font-size: 1.45rem; font-weight: 700; }
h1 .status { font-size: 1rem; vertical-align: middle; }
h2.appendix { margin-top: 3rem; color: var(--muted); }
.robust { color: var(--calm); }
.y-statement { font-size: 1rem; color: var(--calm); margin: 0.9rem 0 1.2rem;
  padding-left: 1rem; border-left: 4px solid var(--line); }
.bluf .short { color: var(--bad); }
.generated { color: var(--muted); font-style: italic; font-size: 0.85rem; }
.qa { margin: 0.6rem 0; }
.steelman { color: var(--calm); }
ul.details { color: var(--calm); }
.decision { margin-top: 1.4rem; padding: 1rem 1.2rem; border: 2px solid var(--line);
  border-radius: 10px; background: var(--panel); }
.decision h2 { margin-top: 0; border: 0; }
.outcome { font-size: 1.4rem; font-weight: 700; }
.advice { color: var(--calm); }
.advice.differs { color: var(--warn); font-weight: 600; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin-top: 1rem; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-weight: 700; margin-bottom: 0.3rem; }
.chart { width: 100%; height: auto; display: block; }
.chart .label { font-size: 15px; fill: var(--ink); }
.chart .value { font-size: 15px; fill: var(--ink); font-weight: 600; }
.chart .muted, .chart .tick { fill: var(--muted); font-size: 13px; }
.chart .axis-label { fill: var(--ink); font-size: 14px; }
.chart .bar { fill: var(--accent); }
.chart .bar.vetoed { fill: url(#hatch); stroke: var(--bad); stroke-width: 1.5; }
.chart .hatch-bg { fill: #f6d9d7; }
.chart .hatch-line { stroke: var(--bad); stroke-width: 3; }
.chart .axis { stroke: var(--muted); stroke-width: 1; }
.chart .frame { fill: none; stroke: var(--line); stroke-width: 1.5; }
.chart .sweet { fill: #e3f1e6; }
.chart .dot { fill: var(--accent); fill-opacity: 0.8; stroke: #fff; stroke-width: 1.5; }
.chart .dot.vetoed { fill: var(--bad); }
.chart .dot-label { fill: #fff; font-size: 12px; font-weight: 700; }
.chart .group-label { fill: var(--ink); font-size: 15px; font-weight: 700;
  paint-order: stroke; stroke: #fff; stroke-width: 4px; }
.chart .leader { stroke: var(--ink); stroke-width: 1.5; }
.legend { font-size: 0.85rem; color: var(--muted); margin-top: 0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.45rem; text-align: left;
  vertical-align: top; }
th { background: var(--panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th small { font-weight: 400; color: var(--muted); white-space: nowrap; }
tr.vetoed td { color: var(--bad); }
tr.unscored td { color: var(--muted); }
.key { font-weight: 700; color: var(--accent); }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 32px; }
.option { break-inside: avoid; margin-bottom: 0.8rem; }
.good { color: var(--good); font-weight: 600; }
.bad { color: var(--bad); font-weight: 600; }
.neutral { color: var(--muted); font-weight: 600; }
.tripped { color: var(--bad); font-weight: 700; }
.none { color: var(--muted); font-style: italic; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 800px) { .charts, .grid { grid-template-columns: 1fr; } }
@media print {
  @page { margin: 14mm 12mm; }
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .decision, .directive, .bluf, th { background: none; }
  .status { color: var(--ink); border: 1.5px solid var(--ink); background: none; }
  table, tr, figure, .option { break-inside: avoid; }
  .table-scroll { overflow: visible; }
  .charts { grid-template-columns: 1fr 1fr; }
}
"#;
