/**
 * Step 2: the app registration's client ID and secret, and a checklist of exactly what Entra must have for
 * this choice (account types, platform, redirect URI, permissions, public client flows), each value copyable.
 */
import { CLOUDS, OFFLINE_ACCESS, mailScopes } from '../../electron/core/providers/microsoft/clouds.js';
import { redirectUriOf, DEFAULT_REDIRECT_PATH } from '../../electron/core/sign-in/profile.js';
import { CopyButton } from '../components/CopyButton.js';
import { DateInput } from '../components/DateInput.js';
import { Field } from '../components/Field.js';
import { Icon } from '../components/Icon.js';
import { SecretInput } from '../components/SecretInput.js';
import { useWizardApi } from '../api-context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useT } from '../i18n/context.js';
import { keepsFileSecret } from '../state.js';
import type { Form } from '../state.js';
import { fieldId, issuesOf } from './step-props.js';
import type { StepProps } from './step-props.js';

/** The "Supported account types" choice that lets this account type and tenant sign in. */
function accountTypesKey(form: Form): MessageKey {
  if (form.accountType === 'personal') return 'reg.check.accountTypes.personal';
  const tenant = form.tenant.trim().toLowerCase();
  if (tenant === 'common' || tenant === '') return 'reg.check.accountTypes.common';
  if (tenant === 'organizations') return 'reg.check.accountTypes.organizations';
  return 'reg.check.accountTypes.single';
}

export function RegistrationStep({
  state,
  dispatch,
  issues,
  encryptionAvailable = false,
}: StepProps & { encryptionAvailable?: boolean }) {
  const t = useT();
  const api = useWizardApi();
  const { form, reissue } = state;
  const offerKeep = reissue !== undefined && reissue.secretInFile && form.outFile === reissue.path;
  const keep = keepsFileSecret(form, reissue);
  const cloud = CLOUDS[form.accountType === 'personal' ? 'global' : form.cloud];
  const scopes = [...mailScopes(cloud, form.protocols), OFFLINE_ACCESS];
  const redirectUri = redirectUriOf({ redirectPort: form.redirectPort, redirectPath: DEFAULT_REDIRECT_PATH });

  return (
    <div className="step-body">
      <Field
        id={fieldId('clientId')}
        label={t('reg.clientId.label')}
        issues={issuesOf(issues, 'clientId')}
        hint={t('reg.clientId.hint')}
      >
        {(aria) => (
          <input
            {...aria}
            className="input input-mono"
            type="text"
            value={form.clientId}
            autoComplete="off"
            spellCheck={false}
            placeholder="00000000-0000-0000-0000-000000000000"
            onChange={(e) => dispatch({ type: 'set', field: 'clientId', value: e.currentTarget.value })}
            onBlur={() => dispatch({ type: 'touch', fields: ['clientId'] })}
          />
        )}
      </Field>

      <div className="checkbox-row">
        <input
          id={fieldId('publicClient')}
          type="checkbox"
          checked={form.publicClient}
          aria-describedby={`${fieldId('publicClient')}-hint`}
          onChange={(e) => dispatch({ type: 'set', field: 'publicClient', value: e.currentTarget.checked })}
        />
        <div>
          <label htmlFor={fieldId('publicClient')} className="checkbox-label">
            {t('reg.public.label')}
          </label>
          <p className="field-hint" id={`${fieldId('publicClient')}-hint`}>
            {t('reg.public.hint')}
          </p>
        </div>
      </div>

      {form.publicClient || !offerKeep ? null : (
        <div className="checkbox-row">
          <input
            id="keep-file-secret"
            type="checkbox"
            checked={form.keepFileSecret}
            aria-describedby="keep-file-secret-hint"
            onChange={(e) =>
              dispatch({ type: 'set', field: 'keepFileSecret', value: e.currentTarget.checked })
            }
          />
          <div>
            <label htmlFor="keep-file-secret" className="checkbox-label">
              {t('reg.keepSecret.label')}
            </label>
            <p className="field-hint" id="keep-file-secret-hint">
              {reissue?.secretExpiresAt === undefined
                ? t('reg.keepSecret.hint')
                : t('reg.keepSecret.hintExpires', { date: reissue.secretExpiresAt })}
            </p>
          </div>
        </div>
      )}

      {form.publicClient || keep ? null : (
        <>
          <Field
            id={fieldId('clientSecret')}
            label={t('reg.secret.label')}
            issues={issuesOf(issues, 'clientSecret')}
            hint={t('reg.secret.hint')}
          >
            {(aria) => (
              <SecretInput
                {...aria}
                value={form.clientSecret}
                onChange={(value) => dispatch({ type: 'set', field: 'clientSecret', value })}
                onBlur={() => dispatch({ type: 'touch', fields: ['clientSecret'] })}
              />
            )}
          </Field>
          <Field
            id={fieldId('clientSecretExpiresAt')}
            label={t('reg.secretExpires.label')}
            issues={issuesOf(issues, 'clientSecretExpiresAt')}
            hint={t('reg.secretExpires.hint')}
          >
            {(aria) => (
              <DateInput
                {...aria}
                value={form.clientSecretExpiresAt}
                onChange={(value) => dispatch({ type: 'set', field: 'clientSecretExpiresAt', value })}
                onBlur={() => dispatch({ type: 'touch', fields: ['clientSecretExpiresAt'] })}
              />
            )}
          </Field>
          {encryptionAvailable ? (
            <div className="checkbox-row">
              <input
                id="remember-secret"
                type="checkbox"
                checked={form.rememberSecret}
                aria-describedby="remember-secret-hint"
                onChange={(e) =>
                  dispatch({ type: 'set', field: 'rememberSecret', value: e.currentTarget.checked })
                }
              />
              <div>
                <label htmlFor="remember-secret" className="checkbox-label">
                  {t('reg.remember.label')}
                </label>
                <p className="field-hint" id="remember-secret-hint">
                  {t('reg.remember.hint')}
                </p>
              </div>
            </div>
          ) : null}
        </>
      )}

      <section className="checklist" aria-labelledby="checklist-title">
        <div className="checklist-head">
          <h3 id="checklist-title">{t('reg.check.title')}</h3>
          <button
            type="button"
            className="button"
            onClick={() => void api.openExternal({ page: 'entra-app-registrations' })}
          >
            <Icon name="external" />
            <span>{t('reg.openPortal')}</span>
          </button>
        </div>
        <p className="checklist-intro">
          {form.publicClient ? t('reg.check.introPublic') : t('reg.check.introWeb')}
        </p>
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
              {scopes.map((scope) => (
                <li key={scope} className="value-row">
                  <code className="value">{scope}</code>
                  <CopyButton text={scope} what={scope} />
                </li>
              ))}
            </ul>
            <span className="check-note">{t('reg.check.permissionsNote')}</span>
          </li>
          <li>
            <span className="check-title">{t('reg.check.publicFlows')}</span>
            <span className="check-value">
              {form.publicClient || state.signInMethod === 'device-code'
                ? t('reg.check.publicFlowsYes')
                : t('reg.check.publicFlowsNo')}
            </span>
            {form.publicClient || state.signInMethod === 'device-code' ? null : (
              <span className="check-note">{t('reg.check.publicFlowsDeviceCode')}</span>
            )}
          </li>
        </ol>
      </section>
    </div>
  );
}
