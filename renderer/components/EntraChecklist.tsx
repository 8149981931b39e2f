/**
 * What the Entra app registration must have for the form's choices (account types, platform, redirect URI, the
 * secret, the permissions, public client flows), collapsible: the registration step stays short and its Next near.
 * Each permission is copied as the portal's picker finds it (`SMTP.Send`), with the full scope the wizard requests
 * beside it.
 */
import { CLOUDS, mailScopes } from '../../electron/core/providers/microsoft/clouds.js';
import type { Protocol } from '../../electron/core/providers/types.js';
import { useWizardApi } from '../api-context.js';
import { PERMISSION_OF } from '../cloud-shell.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useT } from '../i18n/context.js';
import type { Form } from '../state.js';
import { tenantOf } from '../state.js';
import { CopyButton } from './CopyButton.js';
import { Icon } from './Icon.js';

/** The "Supported account types" choice that lets this account type and tenant sign in. */
function accountTypesKey(form: Form): MessageKey {
  if (form.accountType === 'personal') return 'reg.check.accountTypes.personal';
  const tenant = tenantOf(form).trim().toLowerCase();
  if (tenant === 'common' || tenant === '') return 'reg.check.accountTypes.common';
  if (tenant === 'organizations') return 'reg.check.accountTypes.organizations';
  return 'reg.check.accountTypes.single';
}

const PROTOCOL_ORDER: readonly Protocol[] = ['smtp', 'imap', 'pop'];

export function EntraChecklist({
  form,
  redirectUri,
  deviceCode,
  open = false,
}: {
  form: Form;
  redirectUri: string;
  /** The device code sign-in is chosen: public client flows must be allowed. */
  deviceCode: boolean;
  open?: boolean;
}) {
  const t = useT();
  const api = useWizardApi();
  const cloud = CLOUDS[form.accountType === 'personal' ? 'global' : form.cloud];
  const protocols = PROTOCOL_ORDER.filter((p) => form.protocols.includes(p));
  const scopes = mailScopes(cloud, protocols);
  const publicFlows = form.publicClient || deviceCode;
  return (
    <details className="checklist" open={open}>
      <summary>
        <span className="checklist-summary">{t('reg.check.title')}</span>
      </summary>
      <div className="checklist-head">
        <p className="checklist-intro">
          {form.publicClient ? t('reg.check.introPublic') : t('reg.check.introWeb')}
        </p>
        <button
          type="button"
          className="button button-small"
          onClick={() => void api.openExternal({ page: 'entra-app-registrations' })}
        >
          <Icon name="external" />
          <span>{t('reg.openPortal')}</span>
        </button>
      </div>
      <ol className="checklist-items">
        <li>
          <span className="check-title">{t('reg.check.accountTypes')}</span>
          <span className="check-value">{t(accountTypesKey(form))}</span>
        </li>
        <li>
          <span className="check-title">{t('reg.check.platform')}</span>
          <span className="check-value">
            {form.publicClient ? t('reg.check.platformPublic') : t('reg.check.platformWeb')}
          </span>
        </li>
        <li>
          <span className="check-title">{t('reg.check.redirectUri')}</span>
          <span className="value-row">
            <code className="value">{redirectUri}</code>
            <CopyButton text={redirectUri} what={t('reg.check.redirectUriWhat')} />
          </span>
          <span className="check-note">{t('reg.check.redirectUriNote')}</span>
        </li>
        {form.publicClient ? null : (
          <li>
            <span className="check-title">{t('reg.check.secret')}</span>
            <span className="check-value">{t('reg.check.secretValue')}</span>
          </li>
        )}
        <li>
          <span className="check-title">{t('reg.check.permissions')}</span>
          <span className="check-value">{t('reg.check.permissionsHow')}</span>
          <ul className="scope-list">
            {protocols.map((protocol, i) => {
              const permission = PERMISSION_OF[protocol];
              return (
                <li key={protocol} className="value-row">
                  <code className="value">{permission}</code>
                  <CopyButton text={permission} what={permission} />
                  <span className="scope-full">{t('reg.check.requestedAs', { scope: scopes[i] ?? '' })}</span>
                </li>
              );
            })}
            <li className="value-row">
              <code className="value">offline_access</code>
              <CopyButton text="offline_access" what="offline_access" />
            </li>
          </ul>
          <span className="check-note">{t('reg.check.permissionsNote')}</span>
        </li>
        <li>
          <span className="check-title">{t('reg.check.publicFlows')}</span>
          <span className="check-value">
            {publicFlows ? t('reg.check.publicFlowsYes') : t('reg.check.publicFlowsNo')}
          </span>
          {publicFlows ? null : <span className="check-note">{t('reg.check.publicFlowsDeviceCode')}</span>}
        </li>
        <li>
          <span className="check-title">{t('reg.check.consent')}</span>
          <span className="check-value">{t('reg.check.consentHow')}</span>
        </li>
      </ol>
    </details>
  );
}
