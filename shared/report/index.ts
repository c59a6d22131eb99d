// The reflection report: document model, assembly and HTML rendering, all pure.
export * from './model';
export * from './phrases';
export * from './report-texts';
export * from './build-report';
export * from './pseudonym-list';
export * from './render-html';
