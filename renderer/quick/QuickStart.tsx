/**
 * Quick mode, the default start: the provider, the mailbox, the client ID, the secret Value, the file (a file per
 * mailbox by default) and one Sign in button, on one screen; everything else under "Options". As few inputs as
 * SmailRefreshToken.exe's three fields and one button, plus the browser sign-in. The guided wizard is one click
 * away, and a failure opens the wizard's step that fixes it.
 */
import { useEffect } from 'react';
import { PROTOCOLS } from '../../electron/core/providers/types.js';
import type { Protocol } from '../../electron/core/providers/types.js';
import { PROVIDERS } from '../../electron/core/providers/registry.js';
import type { KnownApp } from '../../electron/shared/contract.js';
import {
  ClientIdField,
  PublicClientChoice,
  RememberSecretChoice,
  RememberedSecretChoice,
  SecretField,
} from '../components/AppFields.js';
import { Field, FieldErrors } from '../components/Field.js';
import { GoogleAudience, ProviderValueField } from '../components/GoogleOptions.js';
import { Icon } from '../components/Icon.js';
import { OutputFileField } from '../components/OutputFileField.js';
import { ProviderChoice } from '../components/ProviderChoice.js';
import { TenantChoice } from '../components/TenantChoice.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { isAcquiring, keepsFileSecret, offersPublicClient } from '../state.js';
import type { Action, WizardState } from '../state.js';
import { CloudSelect } from '../steps/AccountStep.js';
import { CloudShellFor } from '../steps/RegistrationStep.js';
import { PortBusy, Progress } from '../steps/SignInStep.js';
import { fieldId, issuesOf } from '../steps/step-props.js';
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';

const PROTOCOL_LABELS: Readonly<Record<Protocol, MessageKey>> = {
  smtp: 'mailbox.protocol.smtp',
  imap: 'mailbox.protocol.imap',
  pop: 'mailbox.protocol.pop',
};

/** The ids of the fields under "Options": a problem there opens them before focus goes to it. */
const OPTION_IDS: ReadonlySet<string> = new Set([
  fieldId('tenant'),
  fieldId('cloud'),
  fieldId('protocols'),
  fieldId('appAudience'),
  fieldId('providerValue'),
  fieldId('redirectPort'),
]);

export interface QuickActions {
  cancel: () => void;
  retryOnPort: (port: number) => void;
}

/** True for an element under "Options": a problem there opens them before focus goes to it. */
export function isOptionField(id: string): boolean {
  return OPTION_IDS.has(id);
}

/** The label of a known app in the picker: provider, tenant, client ID, how many mailboxes use it. */
function appLabel(
  app: KnownApp,
  t: ReturnType<typeof useT>,
  localized: ReturnType<typeof useLocalized>,
): string {
  const provider = localized(PROVIDERS[app.provider].displayName);
  return t(app.tenant === '' ? 'quick.app.optionNoTenant' : 'quick.app.option', {
    provider,
    tenant: app.tenant,
    clientId: app.clientId,
    count: app.mailboxes,
  });
}

function Protocols({
  state,
  issues,
  dispatch,
}: {
  state: WizardState;
  issues: readonly ValidationIssue[];
  dispatch: (action: Action) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const { form } = state;
  const protocolIssues = issuesOf(issues, 'protocols');
  const toggle = (protocol: Protocol, on: boolean): void => {
    const next = on ? [...form.protocols, protocol] : form.protocols.filter((p) => p !== protocol);
    dispatch({ type: 'set', field: 'protocols', value: PROTOCOLS.filter((p) => next.includes(p)) });
  };
  return (
    <fieldset
      className={`choice-group${protocolIssues.length > 0 ? ' field-invalid' : ''}`}
      aria-describedby={protocolIssues.length > 0 ? `${fieldId('protocols')}-error` : undefined}
    >
      <legend className="field-label">{t('mailbox.protocols.legend')}</legend>
      <div className="inline-choices">
        {PROTOCOLS.map((protocol, index) => {
          const id = index === 0 ? fieldId('protocols') : `${fieldId('protocols')}-${protocol}`;
          return (
            <span key={protocol} className="checkbox-row">
              <input
                id={id}
                type="checkbox"
                checked={form.protocols.includes(protocol)}
                aria-invalid={protocolIssues.length > 0}
                onChange={(e) => toggle(protocol, e.currentTarget.checked)}
              />
              <label htmlFor={id} className="checkbox-label">
                {t(PROTOCOL_LABELS[protocol])}
              </label>
            </span>
          );
        })}
      </div>
      <FieldErrors id={`${fieldId('protocols')}-error`} issues={protocolIssues} localized={localized} />
    </fieldset>
  );
}

export function QuickStart({
  state,
  dispatch,
  issues,
  knownApps,
  secretRemembered,
  encryptionAvailable,
  actions,
  optionsOpen,
  setOptionsOpen,
}: {
  state: WizardState;
  dispatch: (action: Action) => void;
  issues: readonly ValidationIssue[];
  knownApps: readonly KnownApp[];
  secretRemembered: boolean;
  encryptionAvailable: boolean;
  actions: QuickActions;
  optionsOpen: boolean;
  setOptionsOpen: (open: boolean) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const { form, signIn, reissue } = state;
  const google = form.provider === 'google';
  const running = isAcquiring(signIn);
  const publicClient = form.publicClient && offersPublicClient(form.provider);
  const keep = keepsFileSecret(form, reissue);
  const useRemembered = !keep && !publicClient && secretRemembered && form.useRememberedSecret;
  // Google's consent screen question has no default (the file records the answer): shown at once.
  const mustAnswer = google && form.appAudience === '';
  useEffect(() => {
    if (mustAnswer) setOptionsOpen(true);
  }, [mustAnswer, setOptionsOpen]);

  const chosenApp = knownApps.find(
    (a) => a.clientId.trim().toLowerCase() === form.clientId.trim().toLowerCase(),
  );

  if (running)
    return (
      <div className="step-body">
        <Progress signIn={signIn} mailbox={form.userId} onCancel={actions.cancel} />
      </div>
    );

  return (
    <div className="step-body quick">
      {signIn.portBusy === undefined ? null : (
        <PortBusy busy={signIn.portBusy} onRetry={actions.retryOnPort} onDeviceCode={undefined} />
      )}
      {signIn.cancelled === true ? (
        <p className="note" role="status">
          <Icon name="info" />
          <span>{t('signin.cancelled')}</span>
        </p>
      ) : null}
      <div className="quick-grid">
        <ProviderChoice
          id={fieldId('provider')}
          hint={false}
          value={form.provider}
          onChange={(value) => dispatch({ type: 'set', field: 'provider', value })}
        />
        {knownApps.length === 0 ? null : (
          <div className="field">
            <label className="field-label" htmlFor="known-app">
              {t('quick.app.label')}
            </label>
            <select
              id="known-app"
              className="input"
              value={chosenApp?.clientId ?? ''}
              aria-describedby="known-app-hint"
              onChange={(e) => {
                const app = knownApps.find((a) => a.clientId === e.currentTarget.value);
                if (app !== undefined) dispatch({ type: 'use-app', app });
              }}
            >
              <option value="">{t('quick.app.new')}</option>
              {knownApps.map((app) => (
                <option key={app.clientId} value={app.clientId}>
                  {appLabel(app, t, localized)}
                </option>
              ))}
            </select>
            <p className="field-hint" id="known-app-hint">
              {t('quick.app.hint')}
            </p>
          </div>
        )}
      </div>

      <Field
        id={fieldId('userId')}
        label={t('mailbox.userId.label')}
        issues={issuesOf(issues, 'userId')}
        hint={t('quick.userId.hint')}
      >
        {(aria) => (
          <input
            {...aria}
            className="input"
            type="text"
            inputMode="email"
            value={form.userId}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="off"
            placeholder={google ? 'printer@example.com' : 'printer@contoso.com'}
            onChange={(e) => dispatch({ type: 'set', field: 'userId', value: e.currentTarget.value })}
            onBlur={() => dispatch({ type: 'touch', fields: ['userId'] })}
          />
        )}
      </Field>

      <ClientIdField form={form} issues={issues} dispatch={dispatch} />
      {publicClient || keep || !secretRemembered ? null : (
        <RememberedSecretChoice form={form} dispatch={dispatch} />
      )}
      {publicClient || keep || useRemembered ? null : (
        <SecretField form={form} issues={issues} dispatch={dispatch} />
      )}

      <OutputFileField
        id={fieldId('outFile')}
        state={state}
        dispatch={dispatch}
        issues={issuesOf(issues, 'outFile')}
        compact
      />

      <details
        className="advanced quick-options"
        open={optionsOpen}
        onToggle={(e) => setOptionsOpen(e.currentTarget.open)}
      >
        <summary>{t('quick.options')}</summary>
        <div className="quick-options-body">
          {google ? (
            <>
              <GoogleAudience
                id={fieldId('appAudience')}
                value={form.appAudience}
                issues={issuesOf(issues, 'appAudience')}
                onChange={(value) => dispatch({ type: 'set', field: 'appAudience', value })}
              />
              <Protocols state={state} issues={issues} dispatch={dispatch} />
              <ProviderValueField
                id={fieldId('providerValue')}
                value={form.providerValue}
                issues={issuesOf(issues, 'providerValue')}
                onChange={(value) => dispatch({ type: 'set', field: 'providerValue', value })}
              />
            </>
          ) : (
            <>
              <TenantChoice
                id={fieldId('tenant')}
                choice={form.tenantChoice}
                tenant={form.tenant}
                issues={issuesOf(issues, 'tenant')}
                onChoice={(value) => dispatch({ type: 'set', field: 'tenantChoice', value })}
                onTenant={(value) => dispatch({ type: 'set', field: 'tenant', value })}
                onBlur={() => dispatch({ type: 'touch', fields: ['tenant'] })}
              />
              <CloudSelect form={form} issues={issuesOf(issues, 'cloud')} dispatch={dispatch} />
              <Protocols state={state} issues={issues} dispatch={dispatch} />
              <PublicClientChoice form={form} dispatch={dispatch} />
            </>
          )}
          {encryptionAvailable && !publicClient && !useRemembered ? (
            <RememberSecretChoice form={form} dispatch={dispatch} />
          ) : null}
        </div>
      </details>

      {google ? null : <CloudShellFor form={form} deviceCode={false} dispatch={dispatch} />}
    </div>
  );
}
