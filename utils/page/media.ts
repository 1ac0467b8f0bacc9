/**
 * WeChat's media cards, by the elements that carry them: audio, music, video, votes, mini-programs, account
 * cards. The converter writes each whole, as one labelled link (markdown/media.ts: MEDIA_KINDS); the
 * extraction keeps their wrappers for it. The page's fact, below both.
 */
export const MEDIA_SELECTORS = {
  audio: 'mpvoice, mp-common-mpaudio',
  audioFrame: '.js_audio_frame, .share_audio_context',
  music: 'qqmusic, mp-common-qqmusic',
  video: 'iframe.video_iframe, span.video_iframe, mpvideo, mp-common-videosnap, mpvideosnap',
  vote: 'iframe.vote_iframe, .js_editor_vote_card, mp-common-vote',
  miniprogram: 'a[data-miniprogram-appid], mp-miniprogram, .weapp_text_link, .weapp_image_link, mp-common-miniprogram',
  profile: 'mp-common-profile',
} as const;

/** Every media card's selector: the converter writes such an element whole. */
export const KNOWN_MEDIA = Object.values(MEDIA_SELECTORS).join(', ');
