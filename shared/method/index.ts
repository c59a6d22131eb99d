// The method ("Van Kijken naar Zien") as pure functions over its records.
export * from './model';
export * from './cycle-steps';
export * from './new-cycle-method';
export * from './sharing';
export * from './live-feedback';
export * from './agenda-items';
export * from './agenda-merge';
export * from './fragment-order';
export * from './replay-labels';
export * from './note-questions';
export * from './interview-agenda';
export * from './reflection-agenda';
export * from './meeting-outcome';
export * from './review-playlist';
export * from './section-titles';
export * from './agenda-moves';
