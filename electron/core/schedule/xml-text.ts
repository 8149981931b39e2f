/** Text for XML documents we write (the task definition, the launchd plist): escaped, never interpreted. */

/**
 * Escapes character data and attribute values. Characters XML 1.0 cannot carry at all (controls other than tab
 * and line breaks) make the document invalid whatever the escaping: they are refused, as no path holds them.
 */
export function xmlText(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(value))
    throw new Error('A value holds a control character XML cannot carry');
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
