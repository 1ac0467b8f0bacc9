/** WeChat image addresses: which one to take, and how to keep the original format. */

const PLACEHOLDER = /^data:/i;

// An export asks for each picture's address twice (its list of images, then the image rule), and the
// URL parser was 3–4 % of an export in Chromium: the answer stays with the element, while its address
// and the document's base are the same.
const parsed = new WeakMap<Element, { raw: string; base: string | undefined; src: string }>();

/** The real address of an <img>: data-src first (lazy images), never a data: placeholder. */
export function imageSource(img: Element): string {
  for (const attr of ['data-src', 'data-croporisrc', 'src']) {
    const raw = img.getAttribute(attr)?.trim();
    if (!raw || PLACEHOLDER.test(raw)) continue;
    const base = img.ownerDocument?.baseURI;
    const known = parsed.get(img);
    if (known && known.raw === raw && known.base === base) return known.src;
    const src = normalizeImageUrl(raw, base);
    parsed.set(img, { raw, base, src });
    return src;
  }
  return '';
}

// Parameters WeChat's lazy loader appends; tp=webp forces WebP, which some note apps cannot show.
// Without them the image comes in its real format (wx_fmt, or the mmbiz_<fmt> of its path). Others
// (from=appmsg, watermark=1 since 2026) are the image's own and stay; no image is judged by them.
const DROP = ['tp', 'wxfrom', 'wx_lazy', 'wx_co', 'retryload'];

export function normalizeImageUrl(raw: string, base?: string): string {
  let url: URL;
  try {
    url = new URL(raw.replace(/&amp;/g, '&'), base && base !== 'about:blank' ? base : 'https://mp.weixin.qq.com/');
  } catch {
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
  if (/(^|\.)(qpic|qlogo)\.cn$/.test(url.hostname)) {
    url.protocol = 'https:';
    // has() first: every delete() rewrites the whole query string, and most images carry none of them.
    for (const p of DROP) if (url.searchParams.has(p)) url.searchParams.delete(p);
    if (!url.search) url.search = ''; // `640?` → `640`
    // `#imgIndex=3` (2026): the page's own position of the image, nothing the server reads.
    url.hash = '';
  }
  return url.href;
}

const EXT_BY_FORMAT: Record<string, string> = { jpeg: 'jpg', jpg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', bmp: 'bmp', svg: 'svg', 'svg+xml': 'svg', other: 'jpg' };

/** The file extension an image will have: from wx_fmt, the mmbiz_<fmt> path, or the content type. */
export function imageExtension(url: string, contentType = ''): string {
  const fromType = /image\/([\w+]+)/.exec(contentType)?.[1];
  if (fromType && EXT_BY_FORMAT[fromType]) return EXT_BY_FORMAT[fromType]!;
  try {
    const u = new URL(url);
    const fmt = u.searchParams.get('wx_fmt') ?? /mmbiz_(\w+)/.exec(u.pathname)?.[1] ?? /\.(\w{3,4})$/.exec(u.pathname)?.[1];
    if (fmt && EXT_BY_FORMAT[fmt.toLowerCase()]) return EXT_BY_FORMAT[fmt.toLowerCase()]!;
  } catch {
    /* fall through */
  }
  return 'jpg';
}

/** WeChat's emoji are tiny images with the emoji's name as alt text ([微笑]); the text reads better. */
export function isEmojiImage(img: Element): boolean {
  const src = img.getAttribute('data-src') ?? img.getAttribute('src') ?? '';
  return /res\.wx\.qq\.com\/.*(we-emoji|emoji)/.test(src) || img.classList.contains('emoji');
}
