/**
 * "What did the browser show?": a box for the error Entra displayed on its own sign-in page ("Message: AADSTS…"),
 * which never reaches the app — the sign-in only times out — or a mail reply from a sender's log. The main
 * process explains it from the same catalogue as everything else (`explainText`); nothing leaves the machine.
 */
import { useId, useState } from 'react';
import type { Explanation } from '../../electron/core/diagnose/types.js';
import { useWizardApi } from '../api-context.js';
import { useT } from '../i18n/context.js';
import { ExplanationView } from './ExplanationView.js';

export function PastedErrorExplainer({ level = 3 }: { level?: 3 | 4 }) {
  const t = useT();
  const api = useWizardApi();
  const id = useId();
  const [text, setText] = useState('');
  const [explanation, setExplanation] = useState<Explanation | undefined>(undefined);
  const explain = (): void => {
    api.explainText({ text: text.trim() }).then(setExplanation, () => setExplanation(undefined));
  };
  return (
    <section className="pasted-error" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('pasted.title')}</h3>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-text`}>
          {t('pasted.label')}
        </label>
        <textarea
          id={`${id}-text`}
          className="input"
          rows={4}
          spellCheck={false}
          value={text}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <p className="field-hint" id={`${id}-hint`}>
          {t('pasted.hint')}
        </p>
      </div>
      <div className="actions-inline">
        <button type="button" className="button" disabled={text.trim() === ''} onClick={explain}>
          {t('pasted.explain')}
        </button>
      </div>
      {explanation === undefined ? null : (
        <ExplanationView explanation={explanation} level={(level + 1) as 4 | 5} idSuffix="pasted" />
      )}
    </section>
  );
}
