// Exchange formats: what goes out of VKZ (CSV, WebVTT, SRT, ELAN) and what comes in (WebVTT,
// SRT, ELAN). Pure functions, strings in and strings out; file I/O is the services' job.
export * from './pseudonymise';
export { notesAndFragmentsToCsv, parseCsv, tableToCsv, CsvParseError, type CsvExportInput, type CsvSeparator } from './csv';
export * from './subtitles';
export * from './eaf';
export { parseXml, XmlParseError, type XmlElement, type XmlNode } from './xml';
