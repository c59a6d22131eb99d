import { Modal } from '../components/modal';
import { useI18n, type TextKey } from '../i18n';
import { SHORTCUTS } from './shortcuts';

/** The shortcut list of a page (the workspace's by default) with a hint below it. */
export function HelpOverlay({
  onClose,
  shortcuts = SHORTCUTS,
  hint = 'help.notesHint',
}: {
  onClose: () => void;
  shortcuts?: readonly { id: string; keys: string[]; label: TextKey }[];
  hint?: TextKey;
}) {
  const { t } = useI18n();
  return (
    <Modal title={t('help.title')} onClose={onClose} wide>
      <table className="shortcut-table">
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.id}>
              <td>
                {shortcut.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{t(shortcut.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t(hint)}</p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
