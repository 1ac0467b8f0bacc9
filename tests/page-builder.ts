/** A minimal WeChat article page around given content, for tests that build their own pages. */
export interface PageParts {
  title?: string;
  account?: string;
  author?: string;
  ct?: string;
  content: string;
}

const js = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/</g, '\\x3c');

export function buildPage({ title = '测试文章', account = '测试号', author = '', ct = '1735689600', content }: PageParts): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title>
<script>
  var nickname = htmlDecode('${js(account)}');
  var ct = "${ct}";
  var msg_title = '${js(title)}'.html(false);
  var author = '${js(author)}';
  var msg_link = "http://mp.weixin.qq.com/s?__biz=MzAwMA==&amp;mid=1&amp;idx=1&amp;sn=test&amp;scene=21#rd";
</script></head>
<body id="activity-detail"><div id="js_article"><div id="img-content">
<h1 id="activity-name"></h1>
<div id="meta_content"><a id="js_name"></a><em id="publish_time"></em></div>
<div id="js_pc_qr_code" class="qr_code_pc_outer"><p>微信扫一扫<br>关注该公众号</p></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden; opacity: 0; ">${content}</div>
</div></div></body></html>`;
}
