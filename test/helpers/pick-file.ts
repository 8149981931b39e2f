/**
 * The admin picks a file in the host's "open" dialog (the fake platform's): afterwards the window may name it, as
 * the service allows only picked, listed or sign-in-written files (electron/app/path-allow-list.ts).
 */
import type { WizardService } from '../../electron/app/wizard-service.js';
import type { fakePlatform } from './fake-platform.js';

export async function pickFile(
  h: {
    service: Pick<WizardService, 'dispatch'>;
    platform: Pick<ReturnType<typeof fakePlatform>, 'chooseTokenFile'>;
  },
  ...files: string[]
): Promise<void> {
  for (const file of files) {
    h.platform.chooseTokenFile.mockResolvedValueOnce(file);
    const chosen = await h.service.dispatch('chooseTokenFile', undefined);
    if (chosen !== file) throw new Error(`the dialog did not return ${file}`);
  }
}
