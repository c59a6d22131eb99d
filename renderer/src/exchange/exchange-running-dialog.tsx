// Stopping what the exchange service is busy with (reading a transcript, importing or writing an
// archive): the one Cancel button, and the dialog shown while an import runs, which Escape cancels too.
import type { ReactNode } from 'react';
import { call } from '../api';
import { Modal } from '../components/modal';
import { useI18n } from '../i18n';

const cancelExchange = () => void call('exchange.cancel', {});

export function CancelExchangeButton() {
  const { t } = useI18n();
  return (
    <button type="button" onClick={cancelExchange}>
      {t('common.cancel')}
    </button>
  );
}

export function ExchangeRunningDialog({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Modal title={title} onClose={cancelExchange}>
      {children}
      <div className="modal-actions">
        <CancelExchangeButton />
      </div>
    </Modal>
  );
}
