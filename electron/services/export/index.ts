// Export renderers: files made from pure document models (shared/report) for the user to save.
export { DOCX_STYLES, renderReportDocx, type DocxRenderOptions, type DocxStill } from './report-docx';
export { findChromium, PdfError, printWithHeadlessChromium, renderReportPdf, type PdfOptions, type PrintHtmlToPdf } from './report-pdf';
export { docxText, readDocxPart } from './docx-text';
