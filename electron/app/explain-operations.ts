/**
 * Explaining what the app did not see itself: the error Entra showed in the browser (its own sign-in page never
 * redirects to the app, whose sign-in then only times out) or a mail reply from a sender's log, pasted by the
 * admin. Pure: nothing runs, nothing leaves the machine.
 */
import { explainText } from '../core/diagnose/index.js';
import type { WizardOperations } from '../shared/contract.js';

export function explainOperations(): Pick<WizardOperations, 'explainText'> {
  return {
    explainText: ({ text, protocol }) =>
      Promise.resolve(explainText(text, protocol === undefined ? {} : { protocol })),
  };
}
