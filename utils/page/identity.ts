/**
 * Which article a note is of, whatever its title or file name: `<__biz>/<mid>/<idx>` (the account,
 * the message and its place in the message), else `sn/<sn>` (the article's signature). Every note
 * carries it in its front matter (`wechat_id`), so "update that note" replaces a file only when it is
 * the same article. A value that does not have its known form is not used: a page cannot make one
 * article's identity match another's with odd characters.
 */
import type { ScriptVars } from './script-vars';

/** The front-matter property that holds the identity. */
export const IDENTITY_PROPERTY = 'wechat_id';

// The forms WeChat gives them; `sn` is hex (32 digits on every page seen), `__biz` is base64.
const FORMS = {
  __biz: /^[A-Za-z0-9+/]{4,}={0,2}$/,
  mid: /^\d{1,20}$/,
  idx: /^\d{1,3}$/,
  sn: /^[A-Za-z0-9_-]{8,64}$/,
} as const;
type Part = keyof typeof FORMS;

/** Whether a string is an identity as articleIdentity makes one (an imported one is checked before it is a storage key). */
export const isIdentity = (s: string): boolean => {
  const parts = s.split('/');
  if (parts.length === 2) return parts[0] === 'sn' && FORMS.sn.test(parts[1]!);
  // __biz is base64, so it may itself hold '/': the last two parts are mid and idx.
  const [mid, idx] = parts.slice(-2);
  return parts.length >= 3 && FORMS.__biz.test(parts.slice(0, -2).join('/')) && FORMS.mid.test(mid!) && FORMS.idx.test(idx!);
};

/** Script variables have other names: `var biz = "" || "MzA…"`, `var mid`, `var idx`, `var sn`. */
const SCRIPT_NAME: Record<Part, string> = { __biz: 'biz', mid: 'mid', idx: 'idx', sn: 'sn' };

/** The query parameters of an article address ('' where absent); `&amp;` as the page writes it. */
function queryOf(url: string): Map<string, string> {
  const out = new Map<string, string>();
  const q = /\?([^#]*)/.exec(url.replace(/&amp;/g, '&'))?.[1] ?? '';
  for (const kv of q.split('&')) {
    const at = kv.indexOf('=');
    if (at <= 0) continue;
    try {
      out.set(decodeURIComponent(kv.slice(0, at)), decodeURIComponent(kv.slice(at + 1)));
    } catch {
      // A malformed escape: that parameter is not known.
    }
  }
  return out;
}

/**
 * The article's identity from its canonical address (the note's `source`) and, for what the
 * address lacks (a short `/s/…` link), the page's script variables; null when neither names it.
 */
export function articleIdentity(source: string, vars?: ScriptVars): string | null {
  const query = queryOf(source);
  const part = (p: Part): string => {
    const v = query.get(p) || (vars?.alternative(SCRIPT_NAME[p]) ?? '');
    return FORMS[p].test(v) ? v : '';
  };
  const [biz, mid, idx] = [part('__biz'), part('mid'), part('idx')];
  if (biz && mid && idx) return `${biz}/${mid}/${idx}`;
  const sn = part('sn');
  return sn ? `sn/${sn}` : null;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const IDENTITY_LINE = new RegExp(`^${IDENTITY_PROPERTY}:[ \\t]*(.*?)[ \\t]*$`, 'm');

/** The identity a note's front matter names (as we write it: a JSON string, or a plain scalar); null when none. */
export function identityFromNote(markdown: string): string | null {
  const yaml = FRONT_MATTER.exec(markdown.replace(/^\uFEFF/, ''))?.[1];
  if (yaml === undefined) return null;
  const raw = IDENTITY_LINE.exec(yaml)?.[1] ?? '';
  let value = raw;
  if (raw.startsWith('"')) {
    try {
      value = JSON.parse(raw) as string;
    } catch {
      return null;
    }
  } else if (raw.startsWith("'")) value = raw.endsWith("'") && raw.length > 1 ? raw.slice(1, -1).replace(/''/g, "'") : '';
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
