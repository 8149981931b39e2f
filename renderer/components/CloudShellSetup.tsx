/**
 * "Register the app in one paste": the Azure Cloud Shell command for the form's choices (copy button, and a
 * button that opens Cloud Shell), and a box for the one line it prints, which fills in the client ID, the tenant,
 * the secret Value and its expiry. The pasted line holds the secret: the box is uncontrolled (the secret never
 * becomes a DOM attribute) and is emptied once read.
 */
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Protocol } from '../../electron/core/providers/types.js';
import { useWizardApi } from '../api-context.js';
import {
  DEFAULT_APP_NAME,
  cloudShellCommand,
  parseCloudShellPaste,
  signInAudienceOf,
  tenantOfRegistration,
} from '../cloud-shell.js';
import type { CloudShellPasteProblem, CloudShellValues } from '../cloud-shell.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useT } from '../i18n/context.js';
import { CopyButton } from './CopyButton.js';
import { Icon } from './Icon.js';

const PROBLEMS: Readonly<Record<CloudShellPasteProblem, MessageKey>> = {
  empty: 'cloudShell.paste.empty',
  'not-json': 'cloudShell.paste.notJson',
  'not-ours': 'cloudShell.paste.notOurs',
  'client-id': 'cloudShell.paste.clientId',
  'tenant-id': 'cloudShell.paste.tenantId',
  secret: 'cloudShell.paste.secret',
  expiry: 'cloudShell.paste.expiry',
  audience: 'cloudShell.paste.audience',
};

/** What the form receives from a pasted line. */
export interface CloudShellFill {
  clientId: string;
  tenant: string;
  secret: string;
  expiresAt: string;
}

export function CloudShellSetup({
  tenant,
  protocols,
  publicClient,
  allowPublicClientFlows,
  redirectUri,
  onFill,
}: {
  /** The form's tenant: decides the app's supported account types. */
  tenant: string;
  protocols: readonly Protocol[];
  publicClient: boolean;
  allowPublicClientFlows: boolean;
  redirectUri: string;
  onFill: (fill: CloudShellFill) => void;
}) {
  const t = useT();
  const api = useWizardApi();
  const box = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<CloudShellPasteProblem | undefined>();
  const [filled, setFilled] = useState(false);
  const command = cloudShellCommand({
    appName: DEFAULT_APP_NAME,
    audience: signInAudienceOf(tenant),
    redirectUri,
    protocols,
    publicClient,
    allowPublicClientFlows,
    secretYears: 2,
  });

  const fill = (): void => {
    const result = parseCloudShellPaste(box.current?.value ?? '');
    if (!result.ok) {
      setFilled(false);
      setProblem(result.problem);
      box.current?.focus();
      return;
    }
    const v: CloudShellValues = result.value;
    setProblem(undefined);
    setFilled(true);
    if (box.current !== null) box.current.value = '';
    onFill({
      clientId: v.clientId,
      tenant: tenantOfRegistration(v),
      secret: v.secret,
      expiresAt: v.secretExpiresAt,
    });
  };
  // Inside the wizard's form: Enter here must not submit it (a pasted line ends with one).
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      fill();
    }
  };

  return (
    <div className="cloud-shell">
      <p>{t('cloudShell.intro')}</p>
      <ol className="cloud-shell-steps">
        <li>
          <span>{t('cloudShell.step.open')}</span>{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => void api.openExternal({ page: 'azure-cloud-shell' }).catch(() => undefined)}
          >
            <Icon name="external" />
            <span>{t('cloudShell.open')}</span>
          </button>
        </li>
        <li>
          <span>{t('cloudShell.step.paste')}</span>
          <div className="value-row">
            <pre
              className="value value-block command-text"
              tabIndex={0}
              aria-label={t('cloudShell.commandLabel')}
            >
              <code>{command}</code>
            </pre>
          </div>
          <CopyButton text={command} what={t('cloudShell.commandWhat')} />
        </li>
        <li>
          <label htmlFor="cloud-shell-paste">{t('cloudShell.step.back')}</label>
          <textarea
            id="cloud-shell-paste"
            ref={box}
            className="input input-mono cloud-shell-paste"
            rows={2}
            spellCheck={false}
            autoComplete="off"
            placeholder='{"rtw":1,"clientId":"…","tenantId":"…","secret":"…","secretExpires":"…"}'
            aria-describedby={
              problem === undefined
                ? 'cloud-shell-paste-hint'
                : 'cloud-shell-paste-error cloud-shell-paste-hint'
            }
            aria-invalid={problem !== undefined}
            onKeyDown={onKeyDown}
          />
          {problem === undefined ? null : (
            <p className="field-errors-line" id="cloud-shell-paste-error">
              <Icon name="error" />
              <span>{t(PROBLEMS[problem])}</span>
            </p>
          )}
          <p className="field-hint" id="cloud-shell-paste-hint">
            {t('cloudShell.pasteHint')}
          </p>
          <div className="actions-inline">
            <button type="button" className="button" onClick={fill}>
              {t('cloudShell.fill')}
            </button>
          </div>
          <p className="visually-hidden" role="status">
            {filled ? t('cloudShell.filled') : ''}
          </p>
          {filled ? (
            <p className="note" aria-hidden="true">
              <Icon name="check" />
              <span>{t('cloudShell.filled')}</span>
            </p>
          ) : null}
        </li>
      </ol>
      <p className="field-hint">{t('cloudShell.consent')}</p>
    </div>
  );
}
