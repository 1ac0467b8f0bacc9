import { defineContentScript } from 'wxt/utils/define-content-script';
import { ALBUM_MATCHES, ARTICLE_MATCHES } from '../utils/page/matches';
import { isAlbumPageUrl } from '../utils/batch/album-info';
import { startAlbumPage } from '../utils/ui/album-page';
import { startArticlePage } from '../utils/ui/article-page';

export default defineContentScript({
  matches: [...ARTICLE_MATCHES, ...ALBUM_MATCHES],
  runAt: 'document_start',
  main(ctx) {
    if (isAlbumPageUrl(location.href)) startAlbumPage(ctx);
    else startArticlePage(ctx);
  },
});
