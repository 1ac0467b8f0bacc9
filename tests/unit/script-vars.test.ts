import { describe, expect, it } from 'vitest';
import { ScriptVars } from '../../utils/page/script-vars';

// The styles WeChat writes its variables in (DOM-NOTES §2–§4), and a bundle big enough to be
// searched only through the index.
const bundle = `(function(){ var e=function(){}; window.item_show_type = window.item_show_type || 0; ${'x'.repeat(70 * 1024)} })();`;

describe('inline script variables', () => {
  it('reads every style of assignment', () => {
    const v = new ScriptVars([
      `var ct = "1740218460"; var msg_title = '标题 \\x26 副标题'.html(false);`,
      `var nickname = htmlDecode("阮一峰&amp;的网络日志"); var create_time = "1740218460" * 1;`,
      `window.item_show_type = '10' || ''; var a = window.msg_link = 'https://mp.weixin.qq.com/s/abc';`,
      `var TextContentNoEncode = window.a_value_which_never_exists || '第一行\\n第二行';`,
      `window.__data = { nick_name: JsDecode(''), content: 1 }; x({ nick_name: JsDecode('公众号') });`,
    ]);
    expect(v.get('ct')).toBe('1740218460');
    expect(v.get('msg_title')).toBe('标题 & 副标题');
    expect(v.get('nickname')).toBe('阮一峰&的网络日志');
    expect(v.get('create_time')).toBe('1740218460');
    expect(v.get('item_show_type')).toBe('10');
    expect(v.get('msg_link')).toBe('https://mp.weixin.qq.com/s/abc');
    expect(v.get('TextContentNoEncode')).toBe('第一行\n第二行');
    // Object keys repeat as empty placeholders: the first non-empty one counts.
    expect(v.key('nick_name')).toBe('公众号');
  });

  it('an empty declaration is an answer; a longer name, a property or a comparison is not the variable', () => {
    const v = new ScriptVars([`var author = ''; var author2 = 'x';`, `a.window.ct = '1'; evar ct = '2'; if (window.ct == '3') {}`]);
    expect(v.get('author')).toBe('');
    expect(v.get('ct')).toBe('');
  });

  it('finds a variable the small scripts lack in a big one, and a missing one is empty', () => {
    const v = new ScriptVars([`var ct = '1';`, `${bundle} var TextContentNoEncode = '正文';`]);
    expect(v.get('msg_cdn_url')).toBe('');
    expect(v.get('TextContentNoEncode')).toBe('正文');
    // The bundle reads item_show_type, it does not assign a value: no answer from it.
    expect(v.get('item_show_type')).toBe('');
    expect(v.get('ct')).toBe('1');
  });

  it('finds a literal followed by a pattern, small scripts first', () => {
    const v = new ScriptVars([`${bundle} picture_page_info_list = [{cdn_url: 'big'}]`, `var picture_page_info_list = [{ cdn_url: 'small' }];`]);
    const found = v.find('picture_page_info_list', /\s*=\s*\[\{\s*cdn_url:\s*'(\w+)'/y);
    expect(found?.match[1]).toBe('small');
  });
});
