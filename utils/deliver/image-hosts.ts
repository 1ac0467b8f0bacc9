/**
 * Which image addresses the background may fetch. WeChat's image hosts always (a required host
 * permission); any other host (older pages keep images on their own CDNs) only once the user has
 * granted that origin, an optional host permission asked for from the popup's click.
 */

export function isWeChatImageHost(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && /^mmbiz\.(qpic|qlogo)\.cn$/.test(u.hostname);
  } catch {
    return false;
  }
}

/** The match pattern of an http(s) address's origin (`https://cdn.example.com/*`); '' for anything else. */
export function originPattern(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? `${u.protocol}//${u.hostname}/*` : '';
  } catch {
    return '';
  }
}

/** The origins, each once, of the images that are not on WeChat's hosts: what a ZIP needs to ask for. */
export function foreignImageOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.filter((u) => !isWeChatImageHost(u)).map(originPattern).filter(Boolean))];
}

/**
 * The origins an action must ask for before it runs: those of the images on other hosts, when the
 * action fetches images (the ZIP, or a file with images inline). Only an extension page can ask,
 * and only inside the user's click: a content script has no permissions API, and the background
 * gets no user gesture through a message. So the popup asks, synchronously in its click, before it
 * sends the action; a refusal means those images stay remote and are listed. The in-page toolbar
 * cannot ask: there the images stay remote unless the host was allowed from the popup before.
 */
export function originsToAsk(action: 'download-md' | 'copy-md' | 'download-zip', origins: readonly string[], inlineImages: boolean): string[] {
  const fetchesImages = action === 'download-zip' || (action === 'download-md' && inlineImages);
  return fetchesImages ? [...origins] : [];
}
