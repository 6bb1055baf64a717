/** The report's stylesheet (written to assets/claimcheck.css): plain, printable, no web fonts. */
export const SITE_CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d232b; margin: 0; background: #fafafa; }
main { max-width: 1040px; margin: 0 auto; padding: 8px 24px 32px; background: #fff; }
nav.crumbs, footer { max-width: 1040px; margin: 0 auto; padding: 10px 24px; font-size: 13px; color: #555; }
nav.crumbs .sep { color: #aaa; }
h1 { font-size: 22px; margin: 12px 0 6px; } h1 code { font-size: 20px; }
h2 { font-size: 18px; border-bottom: 1px solid #e3e3e3; padding-bottom: 3px; margin-top: 28px; }
h3 { font-size: 16px; margin: 22px 0 6px; } h4 { margin: 14px 0 4px; font-size: 14px; }
a { color: #1f5fa8; } code, pre { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre.cmd { background: #f3f5f8; border: 1px solid #e1e5ea; padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
.note { color: #5c6470; font-size: 13px; }
.warn { color: #9a2117; font-weight: 600; }
.confirmation { border-left: 3px solid #e8cd7f; padding: 2px 10px; margin: 8px 0; }
.kicker { color: #5c6470; margin: 0; }
.statement { font-size: 16px; background: #f7f9fc; border-left: 4px solid #1f5fa8; padding: 8px 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600; white-space: nowrap; }
.badge.good { background: #e3f4e8; color: #17612d; border: 1px solid #9fd3ae; }
.badge.bad { background: #fbe6e4; color: #9a2117; border: 1px solid #eba7a0; }
.badge.open { background: #fff4d6; color: #7a5600; border: 1px solid #e8cd7f; }
.verdict-box .badge { font-size: 15px; padding: 3px 12px; }
.verdict-box .words { margin-top: 2px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
dl.facts dt { color: #5c6470; } dl.facts dd { margin: 0; }
dl.facts.inline { display: flex; flex-wrap: wrap; gap: 4px 10px; } dl.facts.inline dt::after { content: ":"; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
th, td { border-bottom: 1px solid #e6e6e6; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.op { text-align: center; } td.indent { padding-left: 22px; }
table.results { width: 100%; } tr.mutant-row td { font-size: 13px; background: #fcfcfd; }
tr.violated td { background: #fdf1ef; }
.bound-math { font-size: 18px; overflow-x: auto; padding: 4px 0; }
figure.plot { margin: 10px 0 18px; } figure.plot svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: #5c6470; }
section.mutant { border: 1px solid #e3e3e3; border-radius: 6px; padding: 4px 14px 10px; margin: 14px 0; }
section.mutant.survived { border-color: #eba7a0; background: #fffafa; }
.counterexample { border-left: 3px solid #c0392b; padding-left: 10px; }
.cx-description { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
.overall { font-size: 16px; }
`;
