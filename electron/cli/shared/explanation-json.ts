/** The JSON form of an explanation in one language, as every `--json` command prints it. */
import type { Explanation } from '../../core/diagnose/index.js';
import type { Lang } from '../../core/i18n.js';

/** `{id, title, why, steps, command?, docsUrl?, raw?}` in the chosen language; never a secret (explanations hold none). */
export function explanationJson(e: Explanation, lang: Lang): Record<string, unknown> {
  return {
    id: e.id,
    title: e.title[lang],
    why: e.why[lang],
    steps: e.steps.map((s) => s[lang]),
    ...(e.command === undefined ? {} : { command: e.command }),
    // For an AADSTS code the catalogue lacks, the link is Microsoft's look-up page for that very code.
    ...(e.docsUrl === undefined ? {} : { docsUrl: e.docsUrl }),
    ...(e.raw === undefined ? {} : { raw: e.raw }),
  };
}
