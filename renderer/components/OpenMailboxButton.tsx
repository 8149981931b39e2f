/** Opens a mailbox's token file in the file view (to check it, refresh it or re-issue it on its own). */
import { useT } from '../i18n/context.js';

export function OpenMailboxButton({
  mailbox,
  onClick,
  disabled = false,
}: {
  mailbox: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className="button button-small"
      disabled={disabled}
      aria-label={t('mailboxes.openLabel', { mailbox })}
      onClick={onClick}
    >
      {t('mailboxes.open')}
    </button>
  );
}
