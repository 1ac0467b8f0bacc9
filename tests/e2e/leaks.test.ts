import { expect, it } from 'vitest';
import { eachBrowser } from './browsers';
import { buildPage } from '../page-builder';

// The other tests' "nothing left the machine" is only worth something if a request that does try to
// leave is seen: a page that asks another host for an image must be listed, in each browser.
eachBrowser('leaks', (b) => {
  it('a request from the page to another host is refused and listed', async () => {
    const html = buildPage({
      title: '外链测试',
      content: '<p>正文。</p><p><img src="https://tracker.example.org/pixel.png"></p>',
    });
    const before = b.browser.served.leaks.length;
    const page = await b.browser.openArticle('https://mp.weixin.qq.com/s/leak-test', html);
    await expect.poll(() => b.browser.served.leaks.slice(before)).toContain('https://tracker.example.org/pixel.png');
    await page.close();
  });
});
