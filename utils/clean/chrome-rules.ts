/**
 * Page chrome: everything around the article that a reader does not need. One row per element:
 * the selector, what it is, and one corpus page that has it (DOM-NOTES §7). A newly found noise
 * element is one more row here plus a test. All of these live outside #js_content, except the
 * video player's injected UI and the text-post follow widget.
 */
export interface ChromeRule {
  selector: string;
  what: string;
  /** A corpus page (tests/fixtures/pages) that has it. */
  page: string;
}

export const CHROME_RULES: readonly ChromeRule[] = [
  { selector: '#js_pc_qr_code', what: 'PC follow QR code (微信扫一扫 关注该公众号)', page: '01' },
  { selector: '#js_profile_qrcode', what: 'profile popup (微信号 / 功能介绍)', page: '20' },
  { selector: '.wx_follow_context', what: 'follow widget (account + 关注)', page: '09' },
  { selector: '#js_top_profile', what: 'text-post follow widget', page: '09' },
  { selector: '#js_view_source', what: '阅读原文 link (2018)', page: '20' },
  { selector: '#js_temp_bottom_area', what: '阅读原文 / 修改于 bar (2024–25)', page: '02' },
  { selector: '#wx_expand_article', what: '轻触阅读原文 button', page: '01' },
  { selector: '#js_tags_preview_toast', what: '预览时标签不可点 toast', page: '01' },
  { selector: '#js_tags', what: '收录于合集 tag list', page: '17' },
  { selector: '#wx_stream_article_slide_tip', what: '继续滑动看下一个 / 向上滑动看下一个', page: '01' },
  { selector: '#js_alert_panel', what: 'alert dialog (知道了)', page: '01' },
  { selector: '#js_minipro_dialog', what: 'mini-program dialog (取消 / 允许)', page: '01' },
  { selector: '#js_link_dialog', what: 'link dialog (取消 / 允许)', page: '01' },
  { selector: '#js_product_dialog', what: 'product dialog (取消 / 允许)', page: '01' },
  { selector: '#js_jump_wx_qrcode_dialog', what: 'open-in-WeChat dialog (微信扫一扫可打开此内容)', page: '01' },
  { selector: '#js_pc_weapp_code', what: 'PC mini-program QR (微信扫一扫使用小程序)', page: '01' },
  { selector: '#js_weapp_without_auth_dialog', what: '长按识别前往小程序 dialog', page: '18' },
  { selector: '.wx_bottom_modal_wrp', what: 'ad confirmation sheet', page: '15' },
  { selector: '.keyword_ad_card', what: 'keyword ad card (广告)', page: '15' },
  { selector: '#js_article_bottom_bar', what: 'bottom bar (赞 / 分享 / 在看 / 写留言)', page: '03' },
  { selector: '#unlogin_bottom_bar', what: 'logged-out bottom bar', page: '01' },
  { selector: '#js_stream_bottom_bar', what: 'stream bottom bar (account + 关注)', page: '01' },
  { selector: 'body > span.weui-a11y_ref', what: 'a11y labels of the bottom bar (赞 在看 分享 留言 收藏 听过 视频 小程序)', page: '01' },
  { selector: '.weui-a11y_ref[id^="js_a11y_"]', what: 'a11y labels placed elsewhere', page: '11' },
  { selector: '#js_toobar3', what: 'old toolbar (阅读 / 投诉 / 在看 / 阅读原文)', page: '20' },
  { selector: '#js_like_educate', what: '在看 education tip', page: '18' },
  { selector: '#js_cmt_area', what: 'comments', page: '18' },
  { selector: '.js_cmt_container', what: 'comments container', page: '15' },
  { selector: '#js_cmt_mine', what: 'own comments', page: '18' },
  { selector: '#js_friend_cmt_area', what: 'friends’ comments', page: '18' },
  { selector: '.comment_reply_dialog_wrp', what: 'comment reply dialog', page: '15' },
  { selector: '#js_reward_area', what: '赞赏 area', page: '20' },
  { selector: '#js_reward_qrcode', what: '赞赏 QR code', page: '20' },
  { selector: '#js_preview_reward', what: '赞赏 preview', page: '21' },
  { selector: '#js_preview_reward_qrcode', what: '赞赏 preview QR code', page: '21' },
  { selector: '#js_top_ad_area', what: 'top ad slot', page: '17' },
  { selector: '#js_sponsor_ad_area', what: 'sponsor ad slot', page: '18' },
  { selector: '#js_bottom_ad_area', what: 'bottom ad slot', page: '18' },
  { selector: '#content_bottom_area', what: 'bottom area (小程序广告, 搜索)', page: '15' },
  { selector: '#sg_tj', what: 'sougou recommendation slot', page: '20' },
  { selector: '#js_iframetest', what: 'ad test iframe', page: '20' },
  { selector: '#js_related_area', what: '相关阅读', page: '18' },
  { selector: '#js_more_read_area', what: 'more-reading area', page: '18' },
  { selector: '.js_related_area', what: '相关阅读 list of the 2023 page (class, no id)', page: '16' },
  { selector: '#js_hotspot_area', what: 'hotspot list', page: '18' },
  { selector: '#js_album_keep_read', what: '合集 keep-reading bar', page: '17' },
  { selector: '.original_area_primary .radius_avatar', what: 'account avatar in the reprint header (its text stays)', page: '05' },
  { selector: '.original_tool_area .radius_avatar', what: 'account avatar in the 2018 repost bar under the article (文章转载自公众号 / Forwarded from Official Account; its text stays)', page: '32' },
  { selector: '.original_account_avatar', what: 'account avatar in a share card (its text stays)', page: '07' },
  { selector: '#js_row_immersive_cover_img', what: 'immersive-stream cover (account avatar above the title)', page: '01' },
  { selector: '#js_ip_wording_wrp', what: 'IP region (发表于 江苏)', page: '15' },
  { selector: '#js_title_modify_wrp', what: 'title-modified note', page: '01' },
  // The video player that WeChat injects inside #js_content (DOM-NOTES §5): its UI, not the video.
  { selector: '#js_content .mp-video-player', what: 'injected video player UI', page: '16' },
  { selector: '#js_subscription_success', what: 'video player 已关注 toast', page: '16' },
  { selector: '#js_tail_share_button', what: 'video player share button', page: '16' },
  { selector: '#js_player_relate_video_list', what: 'video player related list', page: '16' },
];

/** Marks what the promotion detector found; hidden by the same style sheet. */
export const PROMO_ATTR = 'data-wac-promo';
/** On a hidden block: the detector's signals that hid it ("; "-separated), for the reveal. */
export const PROMO_SIGNALS_ATTR = 'data-wac-signals';
/** On a block the detector is unsure of: it stays visible; the value is its signals. */
export const PROMO_UNSURE_ATTR = 'data-wac-unsure';
/** On #js_content: the marks inside are current, for this pass key (see memory.ts passKey). */
export const PASS_ATTR = 'data-wac-pass';
/** On <html> while the reader shows the hidden promotion in place, outlined. */
export const PROMO_REVEAL_ATTR = 'data-wac-promo-shown';
/** On <html> while the reader points at the toolbar's count of blocks that may be promotion: they are outlined. */
export const PROMO_UNSURE_SHOWN_ATTR = 'data-wac-unsure-shown';
/** On the block under the pointer while the reader picks a block to hide. */
export const PROMO_PICK_ATTR = 'data-wac-pick';

// Promotion blocks are page elements, so their reveal and the picker's outline are styled here.
const PROMO_CSS = [
  `html:not([${PROMO_REVEAL_ATTR}]) [${PROMO_ATTR}]{display:none!important}`,
  `html[${PROMO_REVEAL_ATTR}] [${PROMO_ATTR}]{outline:2px dashed #fa5151!important;outline-offset:2px!important;background:rgba(250,81,81,.06)!important}`,
  `html[${PROMO_UNSURE_SHOWN_ATTR}] [${PROMO_UNSURE_ATTR}]{outline:2px dashed #fa9d3b!important;outline-offset:2px!important;background:rgba(250,157,59,.08)!important}`,
  `[${PROMO_PICK_ATTR}]{outline:2px solid #07c160!important;outline-offset:2px!important;background:rgba(7,193,96,.08)!important;cursor:crosshair!important}`,
].join('\n');

// Raw 2022+ pages keep the content hidden until WeChat's scripts run (DOM-NOTES §1).
const REVEAL_CSS = '#js_content{visibility:visible!important;opacity:1!important}';

/** The one style sheet that cleans a page. Removing it restores the page. */
export function cleaningCss(rules: readonly ChromeRule[] = CHROME_RULES): string {
  const hide = rules.map((r) => r.selector).join(',\n');
  return `${hide}{display:none!important}\n${PROMO_CSS}\n${REVEAL_CSS}\n`;
}
