/** Step 3: the mailbox written as `UserID`, and the protocols the sender uses. */
import { PROTOCOLS } from '../../electron/core/providers/types.js';
import type { Protocol } from '../../electron/core/providers/types.js';
import { Field, FieldErrors } from '../components/Field.js';
import { Icon } from '../components/Icon.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { useLocalized, useT } from '../i18n/context.js';
import { mailHostsOf } from '../state.js';
import { fieldId, issuesOf } from './step-props.js';
import type { StepProps } from './step-props.js';

const PROTOCOL_LABELS: Readonly<Record<Protocol, MessageKey>> = {
  smtp: 'mailbox.protocol.smtp',
  imap: 'mailbox.protocol.imap',
  pop: 'mailbox.protocol.pop',
};

export function MailboxStep({ state, dispatch, issues }: StepProps) {
  const t = useT();
  const localized = useLocalized();
  const { form } = state;
  const hosts = mailHostsOf(form);
  const protocolIssues = issuesOf(issues, 'protocols');
  const protocolsErrorId = `${fieldId('protocols')}-error`;

  const toggle = (protocol: Protocol, on: boolean): void => {
    const next = on ? [...form.protocols, protocol] : form.protocols.filter((p) => p !== protocol);
    dispatch({ type: 'set', field: 'protocols', value: PROTOCOLS.filter((p) => next.includes(p)) });
  };

  return (
    <div className="step-body">
      <Field
        id={fieldId('userId')}
        label={t('mailbox.userId.label')}
        issues={issuesOf(issues, 'userId')}
        hint={t('mailbox.userId.hint')}
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
            placeholder="printer@contoso.com"
            onChange={(e) => dispatch({ type: 'set', field: 'userId', value: e.currentTarget.value })}
            onBlur={() => dispatch({ type: 'touch', fields: ['userId'] })}
          />
        )}
      </Field>

      {form.provider === 'google' ? (
        <aside className="note note-info" aria-labelledby="google-mailbox-title">
          <Icon name="info" />
          <div>
            <p className="note-title" id="google-mailbox-title">
              {t('mailbox.google.title')}
            </p>
            <p>{t('mailbox.google.body')}</p>
          </div>
        </aside>
      ) : (
        <aside className="note note-info" aria-labelledby="shared-mailbox-title">
          <Icon name="info" />
          <div>
            <p className="note-title" id="shared-mailbox-title">
              {t('mailbox.shared.title')}
            </p>
            <p>{t('mailbox.shared.body')}</p>
          </div>
        </aside>
      )}

      <fieldset
        className={`choice-group${protocolIssues.length > 0 ? ' field-invalid' : ''}`}
        aria-describedby={protocolIssues.length > 0 ? protocolsErrorId : undefined}
      >
        <legend className="field-label">{t('mailbox.protocols.legend')}</legend>
        {PROTOCOLS.map((protocol, index) => {
          const id = index === 0 ? fieldId('protocols') : `${fieldId('protocols')}-${protocol}`;
          return (
            <div key={protocol} className="checkbox-row">
              <input
                id={id}
                type="checkbox"
                checked={form.protocols.includes(protocol)}
                aria-describedby={`${id}-hint`}
                aria-invalid={protocolIssues.length > 0}
                onChange={(e) => toggle(protocol, e.currentTarget.checked)}
              />
              <div>
                <label htmlFor={id} className="checkbox-label">
                  {t(PROTOCOL_LABELS[protocol])}
                </label>
                <p className="field-hint" id={`${id}-hint`}>
                  {t('mailbox.protocol.server', { server: hosts[protocol] })}
                </p>
              </div>
            </div>
          );
        })}
        <FieldErrors id={protocolsErrorId} issues={protocolIssues} localized={localized} />
        <p className="field-hint">{t('mailbox.protocols.hint')}</p>
      </fieldset>
    </div>
  );
}
