import type { ScriptVars } from './script-vars';

/**
 * Which 公众号 a page belongs to, for what is remembered per account. `__biz` is the account's id
 * in every article address; some saved pages have it scrubbed (corpus 07, 09 carry neither `biz`
 * nor a `__biz=` link), but every article page in the corpus has the account's 原始ID
 * (`user_name = "gh_…"`), so both are read and either one matches a remembered account.
 */
export interface AccountId {
  /** `__biz`, e.g. 'MzI4NjAxNjY4Nw=='; '' when the page does not say. */
  biz: string;
  /** 原始ID, e.g. 'gh_2f5c59ad6e1e'; '' when the page does not say. */
  user: string;
}

// `var biz = "" || "MzI4NjAxNjY4Nw=="` (2018–2024 pages) or `"X"||""`: the first non-empty side.
const BIZ_VAR = /\s*=\s*(?:"([^"]*)"|'([^']*)')\s*\|\|\s*(?:"([^"]*)"|'([^']*)')/y;
export const BIZ_VALUE = /^[A-Za-z0-9+/]{4,}={0,2}$/;
// `__biz=MzI…==` in msg_link, og:url or the address (also %3D-escaped).
const BIZ_PARAM = /[?&](?:amp;)?__biz=([A-Za-z0-9+/]+(?:={0,2}|(?:%3D){0,2}))/i;
// `"bizuin":3286016687` in s1s_stat_info (URL-encoded): __biz is the base64 of its decimal digits.
const BIZUIN = /^%22%3A(\d{5,12})%2C/y;
export const USER = /^(?:gh_[0-9a-f]{6,}|wxid_\w+)$/;

function bizFromVars(vars: ScriptVars): string {
  const m = vars.find('var biz', BIZ_VAR)?.match;
  const value = m ? m[1] || m[2] || m[3] || m[4] || '' : '';
  return BIZ_VALUE.test(value) ? value : '';
}

function bizFromUrl(url: string): string {
  const m = BIZ_PARAM.exec(url);
  return m ? decodeURIComponent(m[1] ?? '') : '';
}

function bizFromBizuin(vars: ScriptVars): string {
  const digits = vars.find('bizuin', BIZUIN)?.match[1];
  return digits ? btoa(digits) : '';
}

/** The account of the page: from the script variables, its own links and its address. */
export function readAccount(doc: Document, vars: ScriptVars, pageUrl: string): AccountId {
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
  const biz = bizFromVars(vars) || bizFromUrl(vars.get('msg_link')) || bizFromUrl(og) || bizFromUrl(pageUrl) || bizFromBizuin(vars);
  const user = vars.get('user_name') || vars.key('user_name');
  return { biz, user: USER.test(user) ? user : '' };
}

/** True when the page named its account at all: nothing is remembered for an unknown one. */
export const knownAccount = (id: AccountId): boolean => id.biz !== '' || id.user !== '';
