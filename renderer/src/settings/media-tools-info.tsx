// Settings: which ffmpeg and ffprobe VKZ uses, where they come from, their version and build year.
import type { AppInfo } from '../../../shared/contract';
import { useI18n, type TextKey } from '../i18n';

export function MediaToolsInfo({ info }: { info: AppInfo }) {
  const { t } = useI18n();
  // A problem is read whole (it lists where VKZ looked), even if the dialog grows for it.
  if (!info.ffmpeg.ok) return <p className="settings-info settings-tools-problem">{t('settings.ffmpegMissing', { detail: info.ffmpeg.detail })}</p>;
  return (
    <table className="media-tools" aria-label={t('settings.toolsTitle')}>
      <tbody>
        {info.tools.map((tool) => (
          <tr key={tool.tool} data-testid={`tool-${tool.tool}`}>
            <th scope="row">{tool.tool}</th>
            {/* One line each, cut short with "…" (the whole path in its tooltip): the table's height is known before it arrives. */}
            <td>
              <span className="media-tools-line">{t('settings.toolVersion', { version: tool.version, year: tool.buildYear ?? '?' })}</span>
              <span className="media-tools-line settings-info" title={tool.path}>
                {t(`settings.toolSource.${tool.source}` as TextKey)}: {tool.path}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
