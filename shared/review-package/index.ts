// The review package for a case manager (an offline page with clips) and the answers file that comes back.
export * from './model';
export * from './page-texts';
export * from './build-package';
export * from './render-page';
export * from './answers-file';
export * from './apply-answers';
