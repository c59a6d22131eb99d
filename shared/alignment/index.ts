// Aligning two researchers' analyses (afstemmen): pairing, differences, agreement and the
// joint analysis, as pure functions.
export * from './overlap';
export * from './pairing';
export * from './pair-differences';
export * from './note-groups';
export * from './agreement';
export * from './model';
export * from './joint-analysis';
export * from './agreement-texts';
export * from './agreement-csv';
export * from './units';
export * from './overview';
