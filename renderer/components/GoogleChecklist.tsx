/**
 * What Google Cloud must have for Gmail's SMTP, IMAP and POP: an OAuth client of type "Desktop app", the consent
 * screen Internal (a Workspace domain) or External and In production (Testing tokens die after 7 days), the
 * restricted scope https://mail.google.com/, no API to enable, and IMAP/POP turned on in Gmail's settings.
 */
import { useWizardApi } from '../api-context.js';
import type { AppAudience } from '../../electron/core/sign-in/profile.js';
import { useT } from '../i18n/context.js';
import { CopyButton } from './CopyButton.js';
import { Icon } from './Icon.js';

export const GMAIL_SCOPE = 'https://mail.google.com/';

export function GoogleChecklist({ audience, open = false }: { audience: AppAudience | ''; open?: boolean }) {
  const t = useT();
  const api = useWizardApi();
  return (
    <details className="checklist" open={open}>
      <summary>
        <span className="checklist-summary">{t('google.check.title')}</span>
      </summary>
      <ol className="checklist-items">
        <li>
          <span className="check-title">{t('google.check.client')}</span>
          <span className="check-value">{t('google.check.clientHow')}</span>
          <span>
            <button
              type="button"
              className="button button-small"
              onClick={() => void api.openExternal({ page: 'google-credentials' })}
            >
              <Icon name="external" />
              <span>{t('google.check.openCredentials')}</span>
            </button>
          </span>
        </li>
        <li>
          <span className="check-title">{t('google.check.audience')}</span>
          <span className="check-value">{t('google.check.audienceHow')}</span>
          {audience === 'testing' ? (
            <span className="check-note check-warning">
              <Icon name="warning" />
              <span>{t('google.audience.testingWarning')}</span>
            </span>
          ) : null}
          <span>
            <button
              type="button"
              className="button button-small"
              onClick={() => void api.openExternal({ page: 'google-audience' })}
            >
              <Icon name="external" />
              <span>{t('google.check.openAudience')}</span>
            </button>
          </span>
        </li>
        <li>
          <span className="check-title">{t('google.check.scope')}</span>
          <span className="value-row">
            <code className="value">{GMAIL_SCOPE}</code>
            <CopyButton text={GMAIL_SCOPE} what={GMAIL_SCOPE} />
          </span>
          <span className="check-note">{t('google.check.scopeNote')}</span>
        </li>
        <li>
          <span className="check-title">{t('google.check.api')}</span>
          <span className="check-value">{t('google.check.apiHow')}</span>
        </li>
        <li>
          <span className="check-title">{t('google.check.gmail')}</span>
          <span className="check-value">{t('google.check.gmailHow')}</span>
        </li>
        <li>
          <span className="check-title">{t('google.check.redirect')}</span>
          <span className="check-value">{t('google.check.redirectHow')}</span>
        </li>
      </ol>
    </details>
  );
}
