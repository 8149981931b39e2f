/**
 * Step 7: the new token checked against the mail servers, as the sender will use it (see CheckPanel).
 */
import type { Protocol } from '../../electron/core/providers/types.js';
import type { CheckState } from '../check-state.js';
import { checkOf } from '../check-state.js';
import { CheckPanel } from '../components/CheckPanel.js';
import type { Outcome } from '../state.js';

export function CheckStep({
  outcome,
  protocols,
  check,
  onRun,
}: {
  outcome: Outcome | undefined;
  protocols: readonly Protocol[];
  check: CheckState;
  onRun: (file: string, protocols: Protocol[], sendTo: string) => void;
}) {
  if (outcome?.kind !== 'success') return null;
  return (
    <div className="step-body">
      <CheckPanel
        file={outcome.file}
        defaultProtocols={protocols}
        check={checkOf(check, outcome.file)}
        onRun={(p, sendTo) => onRun(outcome.file, p, sendTo)}
      />
    </div>
  );
}
