/**
 * Step 2: the app registration's client ID and secret (or the remembered one, or the file's on a re-issue), then
 * what the provider must have, collapsible: Entra's checklist and its one-paste registration in Azure Cloud Shell,
 * or Google's checklist.
 */
import { DEFAULT_REDIRECT_PATH, redirectUriOf } from '../../electron/core/sign-in/profile.js';
import {
  ClientIdField,
  PublicClientChoice,
  RememberSecretChoice,
  RememberedSecretChoice,
  SecretExpiryField,
  SecretField,
} from '../components/AppFields.js';
import { CloudShellSetup } from '../components/CloudShellSetup.js';
import { EntraChecklist } from '../components/EntraChecklist.js';
import { GoogleChecklist } from '../components/GoogleChecklist.js';
import { useT } from '../i18n/context.js';
import { keepsFileSecret, offersPublicClient, tenantOf } from '../state.js';
import type { Action, Form } from '../state.js';
import type { StepProps } from './step-props.js';

/** The Cloud Shell registration, for a Microsoft app in the global cloud (Cloud Shell's own). */
export function CloudShellFor({
  form,
  deviceCode,
  dispatch,
}: {
  form: Form;
  deviceCode: boolean;
  dispatch: (action: Action) => void;
}) {
  const t = useT();
  if (form.provider !== 'microsoft' || (form.accountType === 'work' && form.cloud !== 'global')) return null;
  return (
    <details className="checklist cloud-shell-panel">
      <summary>
        <span className="checklist-summary">{t('cloudShell.title')}</span>
      </summary>
      <CloudShellSetup
        tenant={tenantOf(form)}
        protocols={form.protocols}
        publicClient={form.publicClient}
        allowPublicClientFlows={form.publicClient || deviceCode}
        redirectUri={redirectUriOf({ redirectPort: form.redirectPort, redirectPath: DEFAULT_REDIRECT_PATH })}
        onFill={(fill) =>
          dispatch({
            type: 'cloud-shell-filled',
            clientId: fill.clientId,
            tenant: fill.tenant,
            secret: fill.secret,
            expiresAt: fill.expiresAt,
          })
        }
      />
    </details>
  );
}

export function RegistrationStep({
  state,
  dispatch,
  issues,
  encryptionAvailable = false,
  secretRemembered = false,
}: StepProps & { encryptionAvailable?: boolean; secretRemembered?: boolean }) {
  const t = useT();
  const { form, reissue } = state;
  const google = form.provider === 'google';
  const publicClient = form.publicClient && offersPublicClient(form.provider);
  const offerKeep = reissue !== undefined && reissue.secretInFile && form.outFile === reissue.path;
  const keep = keepsFileSecret(form, reissue);
  const useRemembered = !keep && !publicClient && secretRemembered && form.useRememberedSecret;
  const deviceCode = state.signInMethod === 'device-code';
  const redirectUri = redirectUriOf({ redirectPort: form.redirectPort, redirectPath: DEFAULT_REDIRECT_PATH });

  return (
    <div className="step-body">
      <ClientIdField form={form} issues={issues} dispatch={dispatch} />

      {google ? null : <PublicClientChoice form={form} dispatch={dispatch} />}

      {publicClient || !offerKeep ? null : (
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

      {publicClient || keep || !secretRemembered ? null : (
        <RememberedSecretChoice form={form} dispatch={dispatch} />
      )}

      {publicClient || keep || useRemembered ? null : (
        <>
          <SecretField form={form} issues={issues} dispatch={dispatch} />
          {google ? null : <SecretExpiryField form={form} issues={issues} dispatch={dispatch} />}
          {encryptionAvailable ? <RememberSecretChoice form={form} dispatch={dispatch} /> : null}
        </>
      )}

      {google ? (
        <GoogleChecklist audience={form.appAudience} />
      ) : (
        <>
          <EntraChecklist form={form} redirectUri={redirectUri} deviceCode={deviceCode} />
          {reissue === undefined ? (
            <CloudShellFor form={form} deviceCode={deviceCode} dispatch={dispatch} />
          ) : null}
        </>
      )}
    </div>
  );
}
