import { defineContentScript } from 'wxt/utils/define-content-script';
import { ARTICLE_MATCHES } from '../utils/page/matches';
import { startArticlePage } from '../utils/ui/article-page';

export default defineContentScript({
  matches: ARTICLE_MATCHES,
  runAt: 'document_start',
  main(ctx) {
    startArticlePage(ctx);
  },
});
