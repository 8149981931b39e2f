/**
 * Step 4: the INI file to write (by default a file per mailbox), what writing it would do, and the confirmation
 * a file holding another mailbox's token needs (see OutputFileField).
 */
import { OutputFileField } from '../components/OutputFileField.js';
import { fieldId, issuesOf } from './step-props.js';
import type { StepProps } from './step-props.js';

export { PortabilityWarnings } from '../components/OutputFileField.js';

export function OutputStep({ state, dispatch, issues }: StepProps) {
  return (
    <div className="step-body">
      <OutputFileField
        id={fieldId('outFile')}
        state={state}
        dispatch={dispatch}
        issues={issuesOf(issues, 'outFile')}
      />
    </div>
  );
}
