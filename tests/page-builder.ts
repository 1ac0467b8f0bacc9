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

export interface TextPostParts {
  title: string;
  /** text_page_info.is_user_title: '1' when the author wrote the title, '0' when WeChat made it from the text. */
  isUserTitle: '0' | '1';
  account?: string;
  ct?: string;
  text: string;
}

/** A minimal text post (item_show_type 10), shaped like 09 and 10: the text only in inline data. */
export function buildTextPost({ title, isUserTitle, account = '测试号', ct = '1735689600', text }: TextPostParts): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title></title>
<meta property="og:title" content="${title.replace(/"/g, '&quot;')}">
<script>
  window.item_show_type = '10' || '';
  window.ct = '${ct}' || '';
  window.msg_title = '${js(title)}' || '';
  window.is_user_title = '${isUserTitle}' * 1 || 0;
  var TextContentNoEncode = window.a_value_which_never_exists || '${js(text)}';
  window.msg_link = "http://mp.weixin.qq.com/s?__biz=MzAwMA==&amp;mid=2&amp;idx=1&amp;sn=text&amp;scene=21#rd";
  var data = { nick_name: JsDecode('${js(account)}'), text_page_info: { content_noencode: JsDecode('${js(text)}'), is_user_title: '${isUserTitle}' * 1 } };
</script></head>
<body id="activity-detail"><div id="js_article" class="page_pages"><div id="js_article_content" class="rich_media_area_primary"><div id="js_base_container">
<div id="js_content"><div id="js_top_profile" class="wx_follow_context"><span class="wx_follow_nickname">${account}</span></div>
<p id="js_text_desc" class="share_notice_inner js_underline_content"></p><em id="publish_time"></em></div>
</div></div></div></body></html>`;
}
