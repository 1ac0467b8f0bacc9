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

/** Names that never resolve on the public Internet: the machine itself and local networks (RFC 6761, 6762, 8375). */
const LOCAL_NAMES = ['localhost', 'local', 'localdomain', 'internal', 'intranet', 'lan', 'home', 'corp', 'home.arpa'];

/**
 * Whether an image on another host may be fetched or asked for: an https address whose host is a
 * public DNS name. The page chooses its images' addresses, and the extension fetches with its own
 * permissions (Joplin's grant covers http://127.0.0.1/*): loopback, IP literals (every private
 * network among them), one-label and local names would let a page read a local service through us.
 * https only: a public name that resolves to a local address (DNS rebinding; no DNS API in an
 * extension to see it) then needs a certificate valid for that name, which a local service lacks.
 */
export function isPublicImageAddress(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  // The URL parser writes every IPv4 form (0x7f.1, 2130706433) dotted, and IPv6 in brackets.
  if (host.startsWith('[') || /^[\d.]+$/.test(host) || !host.includes('.')) return false;
  return !LOCAL_NAMES.some((n) => host === n || host.endsWith(`.${n}`));
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

/** The origins, each once, of the images on other public hosts: what a ZIP needs to ask for. */
export function foreignImageOrigins(urls: readonly string[]): string[] {
  return [...new Set(urls.filter((u) => !isWeChatImageHost(u) && isPublicImageAddress(u)).map(originPattern).filter(Boolean))];
}

/** Origin patterns (`https://host/*`) of public hosts only: what the popup asks for, whatever the tab said. */
export function publicOriginPatterns(patterns: readonly string[]): string[] {
  return patterns.filter((p) => /^https?:\/\/[^/]+\/\*$/.test(p) && isPublicImageAddress(p.slice(0, -1)) && originPattern(p.slice(0, -1)) === p);
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
  return fetchesImages ? publicOriginPatterns(origins) : [];
}
