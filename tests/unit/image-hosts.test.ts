import { describe, expect, it } from 'vitest';
import { foreignImageOrigins, isWeChatImageHost, originPattern, originsToAsk } from '../../utils/deliver/image-hosts';
import { fetchImage, NO_HOST_PERMISSION } from '../../utils/deliver/image-fetch';

describe('image hosts', () => {
  const urls = ['https://mmbiz.qpic.cn/a/640?wx_fmt=png', 'http://img.cdn.example/x.jpg', 'https://img.cdn.example/y.jpg', 'https://img.cdn.example/z.jpg', 'data:image/png;base64,AA'];
  it('WeChat hosts need nothing; other hosts are asked for once per origin', () => {
    expect(isWeChatImageHost(urls[0]!)).toBe(true);
    expect(originPattern('https://img.cdn.example:8443/p.png?x=1')).toBe('https://img.cdn.example/*');
    expect(foreignImageOrigins(urls)).toEqual(['http://img.cdn.example/*', 'https://img.cdn.example/*']);
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
