// One rule for writing to the database: every write runs inside writeTransaction
// (electron/services/store/write-transaction.ts). Only that tells the backend's write gate, so
// that an archive merge holding the write lock gives it up soon; a bare statement would instead
// wait for the lock synchronously (the whole backend frozen) or fail with SQLITE_BUSY after
// busy_timeout (a lost write). This reads the code: every prepared INSERT, UPDATE, DELETE or
// REPLACE must be run lexically inside a writeTransaction(...) call.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
/**
 * Where the database is written: the store. Not migrations (they run before anything else
 * opens the database, each in its own transaction) nor the data-folder lock (its own file).
 */
const SOURCES = readdirSync(path.join(ROOT, 'electron/services/store'))
  .filter((f) => f.endsWith('.ts') && f !== 'migrations.ts' && f !== 'data-folder-lock.ts')
  .map((f) => path.join('electron/services/store', f));
/** Other code that prepares statements itself. */
const OTHER_USERS = ['electron/services/backup/backups.ts', 'electron/services/backup/backup-worker.ts', 'electron/services/startup/about-info.ts'];

const WRITE_SQL = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;
/** `name = <db>.prepare<...>(` followed by the SQL's opening quote. */
const PREPARE = /(?:(\w+)\s*=\s*)?\b\w+\.prepare\s*(?:<[^()]*>)?\(\s*(['"`])/g;

/** The source with comments and the inside of strings blanked (same length), so brackets can be counted. */
function codeOnly(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const two = text.slice(i, i + 2);
    const end = two === '//' ? text.indexOf('\n', i) : two === '/*' ? text.indexOf('*/', i) + 2 : -2;
    if (end !== -2) {
      const stop = end < i ? text.length : end;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    const quote = text[i]!;
    if (quote === "'" || quote === '"' || quote === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
      out += quote + text.slice(i + 1, j).replace(/[^\n]/g, ' ') + quote;
      i = j + 1;
      continue;
    }
    out += quote;
    i++;
  }
  return out;
}

/** The spans of the arguments of every writeTransaction(...) call. */
function transactionSpans(code: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of code.matchAll(/\bwriteTransaction\s*\(/g)) {
    let depth = 0;
    for (let i = match.index + match[0].length - 1; i < code.length; i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')' && --depth === 0) {
        spans.push([match.index, i]);
        break;
      }
    }
  }
  return spans;
}

/** Each place a write statement is run outside writeTransaction, as `file:line`. */
function bareWrites(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const code = codeOnly(text);
  const runs: number[] = [];
  const statements: string[] = [];
  for (const match of text.matchAll(PREPARE)) {
    const sqlStart = match.index + match[0].length;
    if (!WRITE_SQL.test(text.slice(sqlStart, sqlStart + 200))) continue;
    if (match[1]) statements.push(match[1]);
    // Run where it is prepared: db.prepare('DELETE ...').run(...).
    let depth = 0;
    for (let i = code.indexOf('(', match.index); i < code.length; i++) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')' && --depth === 0) {
        if (/^\s*\.run\s*\(/.test(code.slice(i + 1, i + 40))) runs.push(i);
        break;
      }
    }
  }
  for (const name of statements) for (const run of code.matchAll(new RegExp(`\\b${name}\\s*\\.run\\s*\\(`, 'g'))) runs.push(run.index);
  for (const exec of text.matchAll(/\.exec\s*\(\s*(['"`])/g)) {
    if (WRITE_SQL.test(text.slice(exec.index + exec[0].length, exec.index + exec[0].length + 200))) runs.push(exec.index);
  }
  const spans = transactionSpans(code);
  return runs
    .filter((at) => !spans.some(([from, to]) => at > from && at < to))
    .sort((a, b) => a - b)
    .map((at) => `${file}:${text.slice(0, at).split('\n').length}`);
}

describe('every write to the database runs inside writeTransaction', () => {
  it('the check finds bare writes and passes wrapped ones', () => {
    const sample = [
      "const add = db.prepare<{ id: string }>(`",
      "  INSERT INTO t (id) VALUES (@id)`);",
      "const read = db.prepare('SELECT * FROM t');",
      "export const put = writeTransaction(db, (id: string) => { add.run({ id }); });",
      "export function bare(id: string) { add.run({ id }); read.all(); }",
      "export const clear = () => db.prepare(\"DELETE FROM t WHERE note = ')'\").run();",
      "// add.run() in a comment is no write",
    ].join('\n');
    expect(bareWrites('sample.ts', sample)).toEqual(['sample.ts:5', 'sample.ts:6']);
    expect(SOURCES.length).toBeGreaterThan(10);
  });

  it.each([...SOURCES, ...OTHER_USERS])('%s', (file) => {
    expect(bareWrites(file)).toEqual([]);
  });
});
