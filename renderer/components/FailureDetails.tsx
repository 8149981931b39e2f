/**
 * A failed sign-in explained: the explanation, the field problems the main process found, and for a secret Entra
 * refused, the first characters of the Value that was sent, to compare with the portal's list of secrets.
 */
import { useLocalized, useT } from '../i18n/context.js';
import type { Outcome } from '../state.js';
import { ExplanationView } from './ExplanationView.js';
import { Icon } from './Icon.js';

/** Explanations whose cause is the secret Value itself (wrong, or expired). */
const SECRET_REFUSED: ReadonlySet<string> = new Set(['AADSTS7000215', 'AADSTS7000222']);

export function FailureDetails({
  outcome,
  level = 3,
}: {
  outcome: Extract<Outcome, { kind: 'failure' }>;
  level?: 2 | 3 | 4;
}) {
  const t = useT();
  const localized = useLocalized();
  return (
    <>
      <ExplanationView explanation={outcome.explanation} role="alert" level={level} />
      {outcome.secretPrefix !== undefined && SECRET_REFUSED.has(outcome.explanation.id) ? (
        <div className="note note-info secret-prefix">
          <Icon name="info" />
          <p>
            {t('result.secretPrefix.before')}
            <code className="value">{outcome.secretPrefix}</code>
            {t('result.secretPrefix.after')}
          </p>
        </div>
      ) : null}
      {outcome.issues === undefined || outcome.issues.length === 0 ? null : (
        <ul className="field-errors">
          {outcome.issues.map((issue) => (
            <li key={`${issue.field}-${issue.key}`}>
              <Icon name="error" />
              <span>{localized(issue.message)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
