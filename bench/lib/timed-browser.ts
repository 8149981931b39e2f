/**
 * A scripted browser that notes the moment it sends the callback to the loopback listener: the start of the
 * "redirect reaching the listener → INI on disk" figure. It follows the IdP like `playBrowser` does.
 */
import { fetch } from 'undici';
import type { Dispatcher } from 'undici';
import { selfPostingForm } from '../../test/fixtures/browser.js';

/** When the callback request left the browser, and when the listener's answer (after the write) came back. */
export interface TimedCallback {
  callbackUrl: string;
  sentAt: number;
  answeredAt: number;
  status: number;
}

const MAX_HOPS = 20;

/**
 * Opens the sign-in link the app gives the browser (the listener's one-time start link, which redirects to the
 * authorize URL), follows the IdP's redirects to the loopback redirect URI, then sends that request, timed.
 */
export async function timedBrowser(signInUrl: string, dispatcher: Dispatcher): Promise<TimedCallback> {
  let url = new URL(signInUrl);
  if (url.protocol === 'http:' && url.pathname.startsWith('/start/')) {
    // The start link is on this machine: the default dispatcher, as a browser tab.
    const started = await fetch(url, { redirect: 'manual' });
    const authorize = started.headers.get('location');
    await started.body?.cancel();
    if (authorize === null) throw new Error(`the start link answered ${started.status} without a redirect`);
    url = new URL(authorize, url);
  }
  // Entra answers with a self-posting form (response_mode=form_post, as the sign-in asks) or a redirect.
  let post: URLSearchParams | undefined;
  for (let hop = 0; hop < MAX_HOPS && url.protocol !== 'http:'; hop++) {
    const res = await fetch(url, { redirect: 'manual', dispatcher });
    const location = res.headers.get('location');
    if (location !== null) {
      await res.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    const form = res.status === 200 ? selfPostingForm(await res.text()) : undefined;
    if (form === undefined) throw new Error(`the IdP answered ${res.status} without a redirect or a form`);
    url = new URL(form.action, url);
    post = form.fields;
  }
  // A plain http request on the default dispatcher: what a browser tab does with the redirect or the form.
  const sentAt = performance.now();
  const res = await fetch(url, {
    redirect: 'manual',
    ...(post === undefined
      ? {}
      : {
          method: 'POST',
          body: post.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
  });
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
