/**
 * The step list on the left: where the admin is (`aria-current="step"`), what is done, and a way back to any
 * step already reached. Locked while an acquisition runs.
 */
import { useT } from '../i18n/context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { STEP_IDS } from '../state.js';
import type { StepId } from '../state.js';
import { Icon } from './Icon.js';

export const STEP_TITLES: Readonly<Record<StepId, MessageKey>> = {
  account: 'step.account.title',
  registration: 'step.registration.title',
  mailbox: 'step.mailbox.title',
  output: 'step.output.title',
  signin: 'step.signin.title',
  result: 'step.result.title',
  check: 'step.check.title',
};

export interface StepRailProps {
  current: StepId;
  reached: number;
  hasOutcome: boolean;
  /** The last acquisition wrote a file: its check can be reached. */
  hasSuccess?: boolean;
  /** The last sign-in failed: its step is marked failed, not done. */
  failed?: boolean;
  /** Leaves the wizard for quick mode (one screen). */
  onQuick?: () => void;
  locked: boolean;
  onGo: (step: StepId) => void;
}

export function StepRail({
  current,
  reached,
  hasOutcome,
  hasSuccess = false,
  failed = false,
  locked,
  onGo,
  onQuick,
}: StepRailProps) {
  const t = useT();
  const currentIndex = STEP_IDS.indexOf(current);
  return (
    <nav className="rail" aria-label={t('rail.label')}>
      {onQuick === undefined ? null : (
        <button type="button" className="button button-small rail-quick" disabled={locked} onClick={onQuick}>
          {t('mode.toQuick')}
        </button>
      )}
      <ol className="rail-list">
        {STEP_IDS.map((step, index) => {
          const isCurrent = step === current;
          // The sign-in that failed is marked so, never ticked.
          const isFailed = failed && step === 'signin' && !isCurrent;
          // The result is done once the check (after it) is open; the check itself never "done".
          const after = step === 'check' || (step === 'result' && current !== 'check');
          const done = !isFailed && !after && !isCurrent && (index < currentIndex || index < reached);
          const reachable =
            !locked &&
            !isCurrent &&
            (step === 'result' ? hasOutcome : step === 'check' ? hasSuccess : index <= reached);
          const content = (
            <>
              <span className="rail-marker" aria-hidden="true">
                {isFailed ? <Icon name="error" /> : done ? <Icon name="check" /> : index + 1}
              </span>
              <span className="rail-text">
                <span className="visually-hidden">{t('rail.stepNumber', { n: index + 1 })}</span>
                {t(STEP_TITLES[step])}
                {done ? <span className="visually-hidden">{t('rail.done')}</span> : null}
                {isFailed ? <span className="visually-hidden">{t('rail.failed')}</span> : null}
              </span>
            </>
          );
          return (
            <li
              key={step}
              className={`rail-item${isCurrent ? ' is-current' : ''}${done ? ' is-done' : ''}${isFailed ? ' is-failed' : ''}`}
              aria-current={isCurrent ? 'step' : undefined}
            >
              {reachable ? (
                <button type="button" className="rail-button" onClick={() => onGo(step)}>
                  {content}
                </button>
              ) : (
                <span className="rail-button is-static">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
