/** Article pages only, in both address forms: /s?__biz=… and /s/<id>. */
export const ARTICLE_MATCHES = ['https://mp.weixin.qq.com/s?*', 'https://mp.weixin.qq.com/s/*'];
/** The album (合集) page: the content script offers to export the album there. */
export const ALBUM_MATCHES = ['https://mp.weixin.qq.com/mp/appmsgalbum?*'];
/**
 * WeChat's image hosts: the background fetches images from them for the ZIP (no foreign Referer).
 * HTTPS only: every address on them is rewritten to https first (normalizeImageUrl).
 */
export const IMAGE_HOSTS = ['https://mmbiz.qpic.cn/*', 'https://mmbiz.qlogo.cn/*'];
