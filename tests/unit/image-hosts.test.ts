import { afterEach, describe, expect, it, vi } from 'vitest';
import { foreignImageOrigins, isPublicImageAddress, isWeChatImageHost, originPattern, originsToAsk } from '../../utils/deliver/image-hosts';
import { fetchImage, NO_HOST_PERMISSION, NOT_AN_IMAGE_ADDRESS } from '../../utils/deliver/image-fetch';

describe('image hosts', () => {
  const urls = ['https://mmbiz.qpic.cn/a/640?wx_fmt=png', 'http://img.cdn.example/x.jpg', 'https://img.cdn.example/y.jpg', 'https://img.cdn.example/z.jpg', 'data:image/png;base64,AA'];
  it('WeChat hosts need nothing; other hosts are asked for once per origin', () => {
    expect(isWeChatImageHost(urls[0]!)).toBe(true);
    expect(originPattern('https://img.cdn.example:8443/p.png?x=1')).toBe('https://img.cdn.example/*');
    // The http one is not asked for: it is never fetched (below).
    expect(foreignImageOrigins(urls)).toEqual(['https://img.cdn.example/*']);
  });
  it('only actions that fetch images ask', () => {
    const o = ['https://img.cdn.example/*'];
    expect(originsToAsk('download-zip', o, false)).toEqual(o);
    expect(originsToAsk('download-md', o, true)).toEqual(o);
    expect(originsToAsk('download-md', o, false)).toEqual([]);
    expect(originsToAsk('copy-md', o, true)).toEqual([]);
  });
  it('an image on a host not granted is refused before any request, with a reason the UI explains', async () => {
    let asked = '';
    const reply = await fetchImage('https://img.cdn.example/y.jpg', 2, async (u) => ((asked = u), false));
    expect(asked).toBe('https://img.cdn.example/y.jpg');
    expect(reply).toEqual({ index: 2, ok: false, error: NO_HOST_PERMISSION });
    expect((await fetchImage('javascript:alert(1)', 0, async () => true)).ok).toBe(false);
  });
});

// Addresses a page can put in an <img> that would reach the reader's own machine or network.
const LOCAL = [
  'http://127.0.0.1:41184/notes?token=x',
  'http://localhost:41184/',
  'http://foo.localhost/',
  'http://2130706433/a.png',
  'http://0x7f.1/a.png',
  'http://[::1]/a.png',
  'http://10.0.0.1/a.png',
  'http://192.168.1.1/a.png',
  'http://169.254.169.254/latest/meta-data',
  'https://printer.local/a.png',
  'https://intranet/a.png',
  'https://nas.home.arpa/a.png',
  'https://user:pw@img.cdn.example/a.png',
];

describe('image hosts a page cannot turn on the reader (finding 3, 12)', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it('public DNS names only: no loopback, IP literal, private, local or one-label name', () => {
    for (const u of LOCAL) expect(isPublicImageAddress(u), u).toBe(false);
    expect(isPublicImageAddress('https://img.cdn.example/2018/photo.png')).toBe(true);
    expect(isPublicImageAddress('https://pic.some-cdn.com.cn/a.jpg')).toBe(true);
  });

  it('the popup is never told to ask for a local origin, nor asks for one it is told', () => {
    expect(foreignImageOrigins([...LOCAL, 'https://img.cdn.example/a.png'])).toEqual(['https://img.cdn.example/*']);
    expect(originsToAsk('download-zip', ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*', 'https://img.cdn.example/*'], false)).toEqual(['https://img.cdn.example/*']);
  });

  it('a local address is refused before any request, granted or not (Joplin grants http://127.0.0.1/*)', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    for (const [i, u] of LOCAL.entries()) expect(await fetchImage(u, i, async () => true)).toEqual({ index: i, ok: false, error: NOT_AN_IMAGE_ADDRESS });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an answer that is not an image, or has no type, is not taken', async () => {
    for (const type of ['application/json', 'text/html', null]) {
      vi.stubGlobal('fetch', async () => new Response('{"secret":1}', { status: 200, headers: type ? { 'content-type': type } : {} }));
      const r = await fetchImage('https://mmbiz.qpic.cn/a/640', 0);
      expect(r.ok, String(type)).toBe(false);
    }
    vi.stubGlobal('fetch', async () => new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'image/png' } }));
    expect(await fetchImage('https://mmbiz.qpic.cn/a/640', 0)).toMatchObject({ ok: true, type: 'image/png' });
  });

  it('http on another host is refused before any request, granted or not: a name rebound to a local address would need no certificate', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(isPublicImageAddress('http://pic.some-cdn.com.cn/a.jpg')).toBe(false);
    expect(originsToAsk('download-zip', ['http://img.cdn.example/*'], false)).toEqual([]);
    expect(await fetchImage('http://img.cdn.example/a.png', 0, async () => true)).toEqual({ index: 0, ok: false, error: NOT_AN_IMAGE_ADDRESS });
    expect(fetch).not.toHaveBeenCalled();
  });

  // What a redirect ended at: a real Response as fetch gives it after following one.
  const redirectedTo = (url: string) => {
    const res = new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'image/png' } });
    Object.defineProperties(res, { redirected: { value: true }, url: { value: url } });
    return res;
  };

  it('a redirect that leaves the approved hosts is dropped unread: to a public host not granted, or to http on the granted one', async () => {
    const granted = async (u: string) => new URL(u).hostname === 'img.cdn.example';
    for (const to of ['https://elsewhere.example/a.png', 'http://img.cdn.example/a.png']) {
      vi.stubGlobal('fetch', async () => redirectedTo(to));
      expect(await fetchImage('https://img.cdn.example/a.png', 0, granted), to).toEqual({ index: 0, ok: false, error: NOT_AN_IMAGE_ADDRESS });
    }
    // Within the approved hosts a redirect is followed: to another path of the granted host, or to WeChat's.
    for (const to of ['https://img.cdn.example/b.png', 'https://mmbiz.qpic.cn/a/640']) {
      vi.stubGlobal('fetch', async () => redirectedTo(to));
      expect(await fetchImage('https://img.cdn.example/a.png', 0, granted), to).toMatchObject({ ok: true, type: 'image/png' });
    }
  });

  it('a public address that redirects to a local one is dropped unread', async () => {
    const res = new Response('secret', { status: 200, headers: { 'content-type': 'image/png' } });
    Object.defineProperties(res, { redirected: { value: true }, url: { value: 'http://127.0.0.1:41184/notes' } });
    vi.stubGlobal('fetch', async () => res);
    expect(await fetchImage('https://img.cdn.example/a.png', 0, async () => true)).toEqual({ index: 0, ok: false, error: NOT_AN_IMAGE_ADDRESS });
  });
});
