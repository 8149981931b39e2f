/**
 * A scripted browser that notes the moment it sends the callback to the loopback listener: the start of the
 * "redirect reaching the listener → INI on disk" figure. It follows the IdP like `playBrowser` does.
 */
import { fetch } from 'undici';
import type { Dispatcher } from 'undici';

/** When the callback request left the browser, and when the listener's answer (after the write) came back. */
export interface TimedCallback {
  callbackUrl: string;
  sentAt: number;
  answeredAt: number;
  status: number;
}

const MAX_HOPS = 20;

/** Follows the authorize URL's redirects to the loopback redirect URI, then sends that request, timed. */
export async function timedBrowser(authorizeUrl: string, dispatcher: Dispatcher): Promise<TimedCallback> {
  let url = new URL(authorizeUrl);
  for (let hop = 0; hop < MAX_HOPS && url.protocol !== 'http:'; hop++) {
    const res = await fetch(url, { redirect: 'manual', dispatcher });
    const location = res.headers.get('location');
    await res.body?.cancel();
    if (location === null) throw new Error(`the IdP answered ${res.status} without a redirect`);
    url = new URL(location, url);
  }
  // A plain http request on the default dispatcher: what a browser tab does with the redirect.
  const sentAt = performance.now();
  const res = await fetch(url, { redirect: 'manual' });
  await res.body?.cancel();
  const answeredAt = performance.now();
  // Load the result page as a browser does: the session waits (up to a few seconds) for it before it ends.
  const location = res.headers.get('location');
  if (res.status === 303 && location !== null) {
    const page = await fetch(new URL(location, url), { redirect: 'manual' });
    await page.body?.cancel();
  }
  return { callbackUrl: url.href, sentAt, answeredAt, status: res.status };
}
