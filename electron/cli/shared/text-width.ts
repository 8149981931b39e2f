/** How wide a text is in a terminal, for the columns of the help and of `rtw show`. */

/** Columns a terminal gives the text: East Asian wide characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** `text` followed by spaces up to `width` columns, and at least `gap` spaces. */
export function padToWidth(text: string, width: number, gap = 1): string {
  return `${text}${' '.repeat(Math.max(gap, width - displayWidth(text)))}`;
}
