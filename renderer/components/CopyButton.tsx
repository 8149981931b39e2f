/**
 * Copies a value through the main process (`wizard.copyText`; the renderer has no clipboard access of its
 * own) and says so for a moment, visibly and to screen readers.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n/context.js';
import { useWizardApi } from '../api-context.js';
import { Icon } from './Icon.js';

const FEEDBACK_MS = 2000;

export function CopyButton({ text, what, className }: { text: string; what: string; className?: string }) {
  const t = useT();
  const api = useWizardApi();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = (): void => {
    api.copyText({ text }).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <span className={`copy${className === undefined ? '' : ` ${className}`}`}>
      <button
        type="button"
        className="button button-small"
        onClick={copy}
        // The name holds the visible word (WCAG 2.5.3, axe label-content-name-mismatch): "Copied" while it shows.
        aria-label={state === 'copied' ? t('copy.announce', { what }) : t('copy.label', { what })}
      >
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        <span aria-hidden="true">{state === 'copied' ? t('copy.done') : t('copy.button')}</span>
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? t('copy.announce', { what }) : state === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
