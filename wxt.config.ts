import { defineConfig } from 'wxt';

// Article pages only, in both address forms: /s?__biz=… and /s/<id>.
export const ARTICLE_MATCHES = ['https://mp.weixin.qq.com/s?*', 'https://mp.weixin.qq.com/s/*'];
// WeChat's image hosts: the background fetches images from them for the ZIP (no foreign Referer).
export const IMAGE_HOSTS = ['https://mmbiz.qpic.cn/*', 'http://mmbiz.qpic.cn/*', 'https://mmbiz.qlogo.cn/*', 'http://mmbiz.qlogo.cn/*'];

export default defineConfig({
  // Explicit imports: the same modules run in Node tests without WXT's auto-import magic.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'clipboardWrite'],
    host_permissions: ['https://mp.weixin.qq.com/*', ...IMAGE_HOSTS],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'download-markdown': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_cmdDownloadMarkdown__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'wechat-article-cleaner@example.org',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['tests/**', 'out/**', 'scratch/**', '.ci/**'],
  },
});
