import { describe, expect, it } from 'vitest';
import { PseudonymList, pseudonymListProblems } from '../../../shared/report';

describe('the pseudonymisation list', () => {
  it('needs a name and a replacement in every entry', () => {
    expect(PseudonymList.safeParse([{ name: 'Jan', replacement: '[naam cliënt]' }]).success).toBe(true);
    expect(PseudonymList.safeParse([{ name: ' ', replacement: '[x]' }]).success).toBe(false);
    expect(PseudonymList.safeParse([{ name: 'Jan', replacement: '' }]).success).toBe(false);
  });

  it('finds names listed twice and replacements that would bring a listed name back', () => {
    expect(pseudonymListProblems([{ name: 'Jan', replacement: '[naam cliënt]' }])).toEqual([]);
    expect(
      pseudonymListProblems([
        { name: 'Jan', replacement: '[a]' },
        { name: 'jan', replacement: '[b]' },
      ]),
    ).toEqual([{ kind: 'duplicate', name: 'jan' }]);
    expect(
      pseudonymListProblems([
        { name: 'Petra', replacement: '[klantmanager van Jan]' },
        { name: 'Jan', replacement: '[naam cliënt]' },
      ]),
    ).toEqual([{ kind: 'replacement-contains-name', name: 'Petra', replacement: '[klantmanager van Jan]', found: ['Jan'] }]);
  });
});
