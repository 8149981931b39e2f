/**
 * The app's own values, as quick mode and the registration step both ask them: the client ID (in the provider's
 * shape) and the secret Value, or "use the remembered secret" when one is remembered for this client ID.
 */
import type { ValidationIssue } from '../../electron/core/sign-in/profile.js';
import { useT } from '../i18n/context.js';
import type { Action, Form } from '../state.js';
import { fieldId, issuesOf } from '../steps/step-props.js';
import { DateInput } from './DateInput.js';
import { Field } from './Field.js';
import { SecretInput } from './SecretInput.js';

export function ClientIdField({
  form,
  issues,
  dispatch,
}: {
  form: Form;
  issues: readonly ValidationIssue[];
  dispatch: (action: Action) => void;
}) {
  const t = useT();
  const google = form.provider === 'google';
  return (
    <Field
      id={fieldId('clientId')}
      label={t(google ? 'reg.clientId.labelGoogle' : 'reg.clientId.label')}
      issues={issuesOf(issues, 'clientId')}
      hint={t(google ? 'reg.clientId.hintGoogle' : 'reg.clientId.hint')}
    >
      {(aria) => (
        <input
          {...aria}
          className="input input-mono"
          type="text"
          value={form.clientId}
          autoComplete="off"
          spellCheck={false}
          placeholder={
            google ? '123456789012-abc123.apps.googleusercontent.com' : '00000000-0000-0000-0000-000000000000'
          }
          onChange={(e) => dispatch({ type: 'set', field: 'clientId', value: e.currentTarget.value })}
          onBlur={() => dispatch({ type: 'touch', fields: ['clientId'] })}
        />
      )}
    </Field>
  );
}

/** "Use the remembered secret", shown when one is remembered for the form's client ID. */
export function RememberedSecretChoice({
  form,
  dispatch,
}: {
  form: Form;
  dispatch: (action: Action) => void;
}) {
  const t = useT();
  return (
    <div className="checkbox-row">
      <input
        id="use-remembered-secret"
        type="checkbox"
        checked={form.useRememberedSecret}
        aria-describedby="use-remembered-secret-hint"
        onChange={(e) =>
          dispatch({ type: 'set', field: 'useRememberedSecret', value: e.currentTarget.checked })
        }
      />
      <div>
        <label htmlFor="use-remembered-secret" className="checkbox-label">
          {t('reg.useRemembered.label')}
        </label>
        <p className="field-hint" id="use-remembered-secret-hint">
          {t('reg.useRemembered.hint')}
        </p>
      </div>
    </div>
  );
}

export function SecretField({
  form,
  issues,
  dispatch,
}: {
  form: Form;
  issues: readonly ValidationIssue[];
  dispatch: (action: Action) => void;
}) {
  const t = useT();
  const google = form.provider === 'google';
  return (
    <Field
      id={fieldId('clientSecret')}
      label={t(google ? 'reg.secret.labelGoogle' : 'reg.secret.label')}
      issues={issuesOf(issues, 'clientSecret')}
      hint={t(google ? 'reg.secret.hintGoogle' : 'reg.secret.hint')}
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
  );
}

export function SecretExpiryField({
  form,
  issues,
  dispatch,
}: {
  form: Form;
  issues: readonly ValidationIssue[];
  dispatch: (action: Action) => void;
}) {
  const t = useT();
  return (
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
  );
}

/** "No secret (public client)": Microsoft only (Google's desktop clients always have a secret). */
export function PublicClientChoice({ form, dispatch }: { form: Form; dispatch: (action: Action) => void }) {
  const t = useT();
  return (
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
  );
}

/** "Remember the secret", where the OS can encrypt it. */
export function RememberSecretChoice({ form, dispatch }: { form: Form; dispatch: (action: Action) => void }) {
  const t = useT();
  return (
    <div className="checkbox-row">
      <input
        id="remember-secret"
        type="checkbox"
        checked={form.rememberSecret}
        aria-describedby="remember-secret-hint"
        onChange={(e) => dispatch({ type: 'set', field: 'rememberSecret', value: e.currentTarget.checked })}
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
  );
}
