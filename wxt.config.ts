import { defineConfig } from 'wxt';

import { IMAGE_HOSTS } from './utils/page/matches';

// Images older pages keep on their own CDNs: asked for, per host, from the popup's ZIP click.
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  // Every `browser.*` call (imported from wxt/browser) goes through webextension-polyfill: one promise API in both browsers.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: the same modules run in Node tests without WXT's auto-import magic.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The daily check of followed albums (utils/follow) needs `alarms`: optional in Chrome, asked for
    // when the reader turns it on; Firefox takes no optional `alarms` (web-ext: invalid), and shows none.
    permissions: ['storage', 'contextMenus', 'clipboardWrite', ...(manifestVersion === 2 ? ['alarms'] : [])],
    // Saving into a subfolder of Downloads: asked for in the options when that destination is chosen.
    // MV2 (Firefox) has no optional_host_permissions (WXT drops the key): its optional hosts go here.
    optional_permissions: ['downloads', ...(manifestVersion === 2 ? OPTIONAL_HOSTS : ['alarms'])],
    host_permissions: ['https://mp.weixin.qq.com/*', ...IMAGE_HOSTS],
    optional_host_permissions: OPTIONAL_HOSTS,
    action: { default_title: '__MSG_extName__' },
    // The export pipeline, which the content script imports on the first export (utils/ui/pipeline-loader.ts).
    // Chrome takes only whole origins (path /*) here. use_dynamic_url: only under the per-session id
    // runtime.getURL gives, so a page cannot load it from the fixed id to learn the extension is there.
    // Firefox (MV2) has no such flag; its moz-extension:// id is already random per install.
    web_accessible_resources:
      manifestVersion === 2
        ? ['export-pipeline.js']
        : [{ resources: ['export-pipeline.js'], matches: ['https://mp.weixin.qq.com/*'], use_dynamic_url: true }],
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
              // Fixed: addons.mozilla.org ties every version to it, and the tests use it for moz-extension:// URLs.
              id: 'wechat-article-cleaner@example.org',
              // The first release (Firefox for Android; desktop has it since 140) that reads the data
              // collection declaration below; the tests run in the ESR installed (package.test.ts checks ≤ it).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The export pipeline is an unlisted script built as an ES module (WXT builds those as IIFE), so
    // that import() hands the content script its default export.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.name === 'export-pipeline') && config.build?.lib) config.build.lib.formats = ['es'];
    },
  },
  zip: {
    excludeSources: ['tests/**', 'out/**', 'scratch/**', '.ci/**'],
  },
});
