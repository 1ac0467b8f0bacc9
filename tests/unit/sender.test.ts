import { describe, expect, it } from 'vitest';
import { isOurSender, validDraft } from '../../utils/messages/sender';
import { albumJsonUrl } from '../../utils/batch/listing';

const self = { id: 'abcdefghijklmnop', pagesUrl: 'chrome-extension://abcdefghijklmnop/' };
const draft = { name: '标题', folder: '2025/公众号', markdown: 'x', slot: 's', images: [], title: 't', source: 'u', account: 'a', published: '' };

describe('the background checks who asks (finding 17)', () => {
  it('our content script on a WeChat page and our own pages; nobody else', () => {
    expect(isOurSender({ id: self.id, url: 'https://mp.weixin.qq.com/s/abc', tab: { id: 1 } }, self)).toBe(true);
    expect(isOurSender({ id: self.id, url: 'chrome-extension://abcdefghijklmnop/popup.html' }, self)).toBe(true);
    // Another extension, a page of ours in no tab on another site, no sender at all.
    expect(isOurSender({ id: 'otherextensionid', url: 'https://mp.weixin.qq.com/s/abc', tab: { id: 1 } }, self)).toBe(false);
    expect(isOurSender({ id: self.id, url: 'https://evil.example/', tab: { id: 1 } }, self)).toBe(false);
    expect(isOurSender({ id: self.id, url: 'https://mp.weixin.qq.com/s/abc' }, self)).toBe(false);
    expect(isOurSender(undefined, self)).toBe(false);
  });

  it('a draft is taken only with safe names and paths, whatever the sender built', () => {
    expect(validDraft(draft)).toEqual(draft);
    for (const bad of [
      { name: '../../.bashrc' },
      { name: 'a/b' },
      { name: 'CON' },
      { folder: '../outside' },
      { folder: '/abs' },
      { folder: 'a//b' },
      { folder: 'a/..' },
      { images: [1] },
      { markdown: undefined },
    ]) {
      expect(validDraft({ ...draft, ...bad }), JSON.stringify(bad)).toBeNull();
    }
    expect(validDraft(null)).toBeNull();
    expect(validDraft('deliver')).toBeNull();
  });

  it("the album's biz and ids are encoded in the listing address: none adds a parameter", () => {
    const url = new URL(albumJsonUrl({ id: '1&count=999', biz: 'Mzg4+NTc2OTYxMQ==&action=evil' }, { msgid: '1#x', itemidx: '2&f=html' }));
    expect(url.searchParams.get('__biz')).toBe('Mzg4+NTc2OTYxMQ==&action=evil');
    expect(url.searchParams.getAll('action')).toEqual(['getalbum']);
    expect(url.searchParams.get('count')).toBe('20');
    expect(url.searchParams.get('f')).toBe('json');
    expect(url.hash).toBe('');
    // A real biz keeps its '==' as WeChat writes it.
    expect(albumJsonUrl({ id: '3329839945947119618', biz: 'Mzg4NTc2OTYxMQ==' })).toContain('__biz=Mzg4NTc2OTYxMQ==&album_id=3329839945947119618&');
  });
});
