// "All fragments tagged X": pick a theme of the framework and open review mode over them.
import { useState } from 'react';
import { focusedThemes, localText, openThemes, type Framework } from '../../../shared/framework';
import { useI18n } from '../i18n';
import { goTo } from '../route';

export function ThemeReviewPicker({ cycleId, framework }: { cycleId: string; framework: Framework | null }) {
  const { t, lang } = useI18n();
  const themes = framework ? [...focusedThemes(framework), ...openThemes(framework)] : [];
  const [themeId, setThemeId] = useState('');
  const chosen = themeId || themes[0]?.id || '';
  return (
    <form
      className="theme-review"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) goTo({ screen: 'review', cycleId, source: { kind: 'theme', themeId: chosen } });
      }}
    >
      <label>
        {t('themeReview.label')}
        <select value={chosen} onChange={(e) => setThemeId(e.target.value)} disabled={themes.length === 0}>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {localText(theme.label, lang)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!chosen}>
        ▶ {t('themeReview.open')}
      </button>
    </form>
  );
}
