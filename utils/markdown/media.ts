import type TurndownService from 'turndown';
import type { ConvertContext } from './context';
import { escapeLabel } from './escape';
import { decodeEntities } from '../page/script-vars';
import { wholeMarkdown, type WholeStep } from './whole';
import { safeDestination } from './links';
import { KNOWN_MEDIA, MEDIA_SELECTORS } from '../page/media';

/**
 * Audio, video, music, votes, mini-programs and account cards become one labelled link each.
 * Anything else the converter does not know (an unknown custom element, iframe or embed) becomes
 * a labelled placeholder, never silent loss.
 */

const attr = (el: Element, ...names: string[]) => {
  for (const n of names) {
    // Some editors encode twice: name="【Day&amp;nbsp;15】".
    const v = decodeEntities(el.getAttribute(n) ?? '').trim();
    if (v) return v;
  }
  return '';
};


/** An audio's length from its play_length in milliseconds ("1117000" → "18:37"); '' when there is none. */
export function duration(ms: string): string {
  const total = /^\d{4,9}$/.test(ms) ? Math.round(Number(ms) / 1000) : 0;
  if (!total) return '';
  const [h, m, sec] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/** A labelled link on its own line. The address comes from the page's attributes: it goes through the
 *  links' safe-destination function (no `javascript:`, nothing that ends the destination). */
export function mediaLine(label: string, name: string, url: string): string {
  const text = escapeLabel(name ? `${label}：${name}` : label);
  const dest = safeDestination(url);
  return dest ? `\n\n[${text}](${dest})\n\n` : `\n\n${text}\n\n`;
}

function videoUrl(el: Element, ctx: ConvertContext): string {
  const src = attr(el, 'data-src', 'src');
  const vid = /v\.qq\.com\/.*[?&]vid=(\w+)/.exec(src)?.[1];
  if (vid) return `https://v.qq.com/x/page/${vid}.html`;
  return ctx.source; // mpvideo plays only inside the article
}

interface MediaKind {
  selector: string;
  line: (el: Element, ctx: ConvertContext) => string;
}

/** Rows of data: what WeChat element, and how it reads in the note. */
export const MEDIA_KINDS: readonly MediaKind[] = [
  {
    selector: MEDIA_SELECTORS.audio,
    line: (el, ctx) => {
      const id = attr(el, 'voice_encode_fileid', 'data-voice_encode_fileid');
      const url = id ? `https://res.wx.qq.com/voice/getvoice?mediaid=${encodeURIComponent(id)}` : ctx.source;
      const length = duration(attr(el, 'play_length', 'data-play_length'));
      const name = attr(el, 'name', 'data-name', 'data-title');
      return mediaLine('音频', name && length ? `${name}（${length}）` : name || length, url);
    },
  },
  {
    // The player WeChat's scripts draw after an <mpvoice> ("0623 来自军渡 00:00 18:37"): chrome beside the
    // card, which already wrote the audio's line. Alone (its card gone from the copy), it is the line.
    selector: MEDIA_SELECTORS.audioFrame,
    line: (el, ctx) => {
      if (el.parentElement?.closest('.js_audio_frame')) return '';
      const id = /^voice_main_([\w=-]+)_\d+$/.exec(el.querySelector('[id^="voice_main_"]')?.id ?? el.id)?.[1] ?? '';
      const card = el.previousElementSibling?.matches('mpvoice, mp-common-mpaudio') || (id && el.ownerDocument.querySelector(`[voice_encode_fileid="${id}"], [data-voice_encode_fileid="${id}"]`));
      if (card) return '';
      const url = id ? `https://res.wx.qq.com/voice/getvoice?mediaid=${encodeURIComponent(id)}` : ctx.source;
      return mediaLine('音频', (el.querySelector('.share_audio_title')?.textContent ?? '').trim(), url);
    },
  },
  {
    selector: MEDIA_SELECTORS.music,
    line: (el, ctx) => {
      const name = [attr(el, 'music_name', 'data-music_name'), attr(el, 'singer', 'data-singer')].filter(Boolean).join(' - ');
      return mediaLine('音乐', name, attr(el, 'audiourl', 'data-audiourl') || ctx.source);
    },
  },
  {
    selector: MEDIA_SELECTORS.video,
    line: (el, ctx) => {
      const url = videoUrl(el, ctx);
      // A bare 视频 line reads as the player's own label (chrome); an unnamed video says where it plays.
      const name = attr(el, 'data-title', 'title', 'data-desc', 'data-nickname') || (url === ctx.source ? '在原文中播放' : new URL(url).hostname);
      return mediaLine('视频', name, url);
    },
  },
  {
    selector: MEDIA_SELECTORS.vote,
    line: (_el, ctx) => mediaLine('投票', '', ctx.source),
  },
  {
    selector: MEDIA_SELECTORS.miniprogram,
    line: (el, ctx) => mediaLine('小程序', attr(el, 'data-miniprogram-title', 'data-miniprogram-nickname') || (el.textContent ?? '').trim(), ctx.source),
  },
  {
    selector: MEDIA_SELECTORS.profile,
    line: (el) => {
      const name = attr(el, 'data-nickname');
      const sig = attr(el, 'data-signature');
      return mediaLine('公众号', [name, sig].filter(Boolean).join(' — '), '');
    },
  },
];

// Elements with no reading value: decoration, scripts, and WeChat's empty editor slots.
const DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'CANVAS', 'svg', 'SVG', 'LINK', 'META']);

function unknownEmbed(el: Element): boolean {
  const tag = el.nodeName.toLowerCase();
  const embedTag = tag === 'iframe' || tag === 'embed' || tag === 'object' || tag === 'video' || tag === 'audio' || (tag.includes('-') && !tag.startsWith('o:')) || tag === 'mpcps' || tag === 'mpprofile';
  // The tag test first: the converter asks this of every element, and matches() is the slow part.
  return embedTag && !el.matches(KNOWN_MEDIA);
}

const mediaKind = (el: Element) => MEDIA_KINDS.find((k) => el.matches(k.selector));

/** The labelled placeholder for an element we do not know: a link to its source, or to the article. */
function placeholderLine(el: Element, ctx: ConvertContext): string {
  const src = attr(el, 'data-src', 'src', 'data');
  return mediaLine('未能转换的内容', el.nodeName.toLowerCase(), /^https?:/.test(src) ? src : ctx.source);
}

/** Media cards and dropped elements are converted whole; unknown embeds are looked inside. The
 *  cards in `root` are found by one search: the converter asks every element, and a 20-selector
 *  matches() on each cost more than the whole search. */
export const mediaSteps = (ctx: ConvertContext, root: Element): WholeStep[] => {
  const cards = new Set(root.querySelectorAll(KNOWN_MEDIA));
  return [
    { test: (el) => cards.has(el), markdown: (el) => mediaKind(el)?.line(el, ctx) ?? '' },
    { test: unknownEmbed, pass: true },
    { test: (el) => DROP.has(el.nodeName), markdown: () => '' },
  ];
};

/**
 * Turndown drops "blank" nodes (no text, no image) before any rule sees them; audio cards, account
 * cards and formulas are exactly such nodes, and so is a wrapper <section> holding only one. Its
 * blankReplacement hook gives them their lines back: whole-element Markdown, outermost first, and a
 * placeholder for an unknown embed.
 */
export function blankMarkdown(node: Node, steps: readonly WholeStep[], ctx: ConvertContext): string | null {
  if (node.nodeType !== 1) return null;
  const lines: string[] = [];
  const visit = (el: Element) => {
    const md = wholeMarkdown(el, steps);
    if (md !== undefined) lines.push(md);
    else if (unknownEmbed(el)) lines.push(placeholderLine(el, ctx));
    else for (const child of Array.from(el.children)) visit(child);
  };
  visit(node as Element);
  // Only dropped elements inside (a decorative <svg>): the node stays an ordinary blank one.
  return lines.join('') || null;
}

export function mediaRules(td: TurndownService, ctx: ConvertContext): void {
  td.addRule('wechatUnknownEmbed', {
    filter: (n) => n.nodeType === 1 && unknownEmbed(n as Element),
    replacement: (content, node) => {
      const el = node as Element;
      // A custom element that wraps ordinary text (WeChat editor wrappers) keeps its text.
      if (content.trim() && !/^(IFRAME|EMBED|OBJECT|VIDEO|AUDIO)$/.test(el.nodeName)) return content;
      return placeholderLine(el, ctx);
    },
  });
}
