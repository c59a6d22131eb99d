// The report's stylesheet for the exported HTML (and so for the PDF printed from it): print
// first (A4, margins, page breaks, boxes that don't split), readable on screen too.
export const REPORT_CSS = `
@page { size: A4; margin: 22mm 20mm 22mm 20mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #ffffff; }
body {
  margin: 0; color: #1f2328; background: #ffffff;
  font-family: Calibri, Carlito, "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 11pt; line-height: 1.45;
}
.report { max-width: 820px; margin: 0 auto; padding: 32px 40px 48px; }
@media print { .report { max-width: none; padding: 0; } }
.report-header { border-bottom: 2px solid #2f5d8a; padding-bottom: 10px; margin-bottom: 18px; }
h1, h2, h3, h4 { font-weight: 600; line-height: 1.25; color: #17324d; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 22pt; margin: 0 0 4px; }
h2 { font-size: 16pt; margin: 22px 0 8px; border-bottom: 1px solid #c9d6e3; padding-bottom: 3px; }
h3 { font-size: 13pt; margin: 18px 0 6px; }
h4 { font-size: 11.5pt; margin: 14px 0 4px; }
p { margin: 0 0 7px; orphans: 3; widows: 3; }
.lead, caption { break-after: avoid; page-break-after: avoid; }
.subtitle { color: #5b6470; margin: 0; font-size: 12pt; }
.tone-meta { color: #3f4650; }
.tone-note { color: #5b6470; font-style: italic; }
ul, ol { margin: 0 0 9px; padding-left: 22px; }
li { margin: 0 0 3px; }
.time { font-variant-numeric: tabular-nums; font-weight: 600; color: #2f5d8a; margin-right: 6px; }
.line { margin: 0 0 4px; padding-left: 52px; text-indent: -52px; }
.line .time { display: inline-block; width: 46px; text-indent: 0; margin-right: 6px; }
.line .speaker { font-weight: 600; margin-right: 4px; }
.line.event { color: #5b6470; font-style: italic; }
.observation {
  border: 1.5px solid #2f5d8a; background: #eef3f8; border-radius: 4px; padding: 8px 12px; margin: 8px 0 10px;
  break-inside: avoid; page-break-inside: avoid;
}
.observation .block-head { margin-bottom: 3px; color: #17324d; }
.observation p:last-child, .question p:last-child, .fragment p:last-child, .feedback p:last-child { margin-bottom: 0; }
.question {
  border-left: 4px solid #c2571a; background: #fdf3ec; padding: 6px 12px; margin: 8px 0 10px;
  break-inside: avoid; page-break-inside: avoid;
}
.question-case-manager { border-left-color: #2e7d4f; background: #eef7f1; }
.question .q-mark {
  display: inline-block; width: 18px; height: 18px; border-radius: 50%; background: #c2571a; color: #fff;
  text-align: center; font-weight: 700; line-height: 18px; font-size: 10pt; margin-right: 6px;
}
.question-case-manager .q-mark { background: #2e7d4f; }
.fragment {
  border: 1px dashed #8a96a3; border-radius: 4px; padding: 6px 12px; margin: 8px 0 10px;
  break-inside: avoid; page-break-inside: avoid;
}
.fragment-positive { border-left: 4px solid #2e7d4f; }
.fragment-concern { border-left: 4px solid #c2571a; }
.fragment-ref { font-weight: 600; }
.fragment-meta { color: #5b6470; font-size: 10pt; }
.feedback { margin: 8px 0 10px 14px; padding: 4px 12px; border-left: 3px solid #9aa5b1; break-inside: avoid; page-break-inside: avoid; }
.feedback-quote p.feedback-text { font-style: italic; }
.feedback .attribution { color: #3f4650; font-size: 10pt; }
.feedback .feedback-label { color: #5b6470; font-size: 10pt; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 10pt; break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
caption { text-align: left; font-weight: 600; margin-bottom: 4px; color: #17324d; }
th, td { border: 1px solid #c9d0d8; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #eef1f4; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure.still { margin: 6px 0 12px; break-inside: avoid; page-break-inside: avoid; }
.fragment:has(+ figure.still) { break-after: avoid; page-break-after: avoid; }
figure.still img { max-width: 60%; height: auto; border: 1px solid #c9d0d8; }
figure.still figcaption { color: #5b6470; font-size: 9.5pt; }
.page-break { break-before: page; page-break-before: always; height: 0; }
@media screen { .page-break { border-top: 1px dashed #c9d0d8; margin: 28px 0; } }
`;
