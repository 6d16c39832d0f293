import { describe, expect, it } from 'vitest';
import { bypassesProxy } from '../../electron/core/sync/http.js';
import { mediaSlug, parseMarker, postSlug, renderPostContent, withWithdrawalNotice, withdrawalNoticeOf, type ItemRequest } from '../../electron/core/sync/wordpress-post.js';
import { proxyAddressProblem, siteAddressProblem } from '../../shared/domain/site-address.js';

const ITEM_ID = '019cac0f-2680-7b55-ba9d-5aebdefc2742';
const item: ItemRequest = {
  edition: 2,
  previousEdition: 1,
  columnId: '7',
  title: '关于做好春耕生产工作的通知',
  catalogue: {
    indexNumber: '11441700007280420Y/2026-00001',
    topic: '农业、林业、水利',
    publisher: '雷州市人民政府办公室',
    writtenDate: '2026-02-27',
    documentNumber: '雷府办〔2026〕3号',
    publishDate: '2026-03-02',
    validity: 'repealed',
    repealedDate: '2026-06-30',
  },
  bodyHtml: '<p>正文<b>要点</b></p>',
  attachments: [{ sha256: 'ab'.repeat(32), name: '春耕<清单>.pdf', size: 10, mime: 'application/pdf' }],
  related: [{ itemId: 'doc-1', relation: 'interprets' }],
  contentHash: 'cd'.repeat(32),
};

describe('an item as a WordPress post', () => {
  const content = renderPostContent(ITEM_ID, item, {
    media: new Map([['ab'.repeat(32), 'https://site.example/wp-content/uploads/a.pdf']]),
    related: new Map([['doc-1', { url: 'https://site.example/?p=9', title: '原文件' }]]),
  });

  it('carries a marker with item, edition and hash that reads back', () => {
    expect(parseMarker(content)).toEqual({ itemId: ITEM_ID, edition: 2, contentHash: 'cd'.repeat(32) });
    expect(parseMarker('<p>a post written by hand</p>')).toBeNull();
  });

  it('puts the catalogue header above the body, escaped, with the repeal date', () => {
    expect(content.indexOf('<table class="gk-catalogue">')).toBeLessThan(content.indexOf('<div class="gk-body"><p>正文<b>要点</b></p></div>'));
    expect(content).toContain('<th scope="row">发文字号</th><td>雷府办〔2026〕3号</td>');
    expect(content).toContain('<th scope="row">有效性</th><td>废止（2026-06-30 废止）</td>');
    expect(content).toContain('<a href="https://site.example/wp-content/uploads/a.pdf">春耕&lt;清单&gt;.pdf</a>');
    expect(content).toContain('<h2>相关文件</h2>\n<ul class="gk-related gk-interprets"><li><a href="https://site.example/?p=9">原文件</a></li></ul>');
    expect(content).not.toContain('相关解读');
  });

  it('slugs that WordPress keeps as they are (lowercase, dashes)', () => {
    expect(postSlug('019CAC0F-2680')).toBe('gk-019cac0f-2680');
    expect(mediaSlug('AB'.repeat(32))).toBe(`gk-file-${'ab'.repeat(32)}`);
  });

  it('adds the withdrawal notice once, under the marker, and replaces it on a second withdrawal', () => {
    const once = withWithdrawalNotice(content, { reason: 'superseded', note: '见新通知', replacedBy: 'x' }, { url: 'https://site.example/?p=12', title: '新通知' });
    expect(parseMarker(once)).toEqual(parseMarker(content));
    expect(once.split('\n')[1]).toContain('该信息已撤回：已被新的信息替代');
    expect(once).toContain('<a href="https://site.example/?p=12">新通知</a>');
    const twice = withWithdrawalNotice(once, { reason: 'published_in_error', note: '', replacedBy: null }, null);
    expect(twice.match(/gk-withdrawn/g)).toHaveLength(1);
    expect(withdrawalNoticeOf(twice)).toContain('发布有误');
  });
});

describe('addresses', () => {
  it.each([
    ['https://www.leizhou.gov.cn/api', null],
    ['http://127.0.0.1:8080', null],
    ['http://localhost:3000/', null],
    ['http://[::1]:8080', null],
    ['http://www.leizhou.gov.cn', 'publishing.url_insecure'],
    ['http://10.1.2.3', 'publishing.url_insecure'],
    ['ftp://www.leizhou.gov.cn', 'publishing.url_invalid'],
    ['www.leizhou.gov.cn', 'publishing.url_invalid'],
    ['https://admin:pw@www.leizhou.gov.cn', 'publishing.url_invalid'],
    ['https://www.leizhou.gov.cn/?token=1', 'publishing.url_invalid'],
  ])('website %s → %s', (url, problem) => {
    expect(siteAddressProblem(url)).toBe(problem);
  });

  it.each([
    ['', null],
    ['http://proxy.gov.cn:8080', null],
    ['https://user:pw@proxy.gov.cn:8443', null],
    ['socks5://proxy.gov.cn:1080', 'publishing.proxy_invalid'],
    ['proxy.gov.cn:8080', 'publishing.proxy_invalid'],
    ['http://proxy.gov.cn:8080/path', 'publishing.proxy_invalid'],
  ])('proxy %s → %s', (url, problem) => {
    expect(proxyAddressProblem(url)).toBe(problem);
  });

  it.each([
    ['www.leizhou.gov.cn', 'leizhou.gov.cn', true],
    ['www.leizhou.gov.cn', '.gov.cn', true],
    ['www.leizhou.gov.cn', '*.gov.cn', true],
    ['gov.cn.evil.example', 'gov.cn', false],
    ['notleizhou.gov.cn', 'leizhou.gov.cn', false],
    ['127.0.0.1', 'localhost, 127.0.0.1', true],
    ['anything.example', '*', true],
    ['anything.example', '', false],
  ])('host %s with no-proxy "%s" bypasses: %s', (host, list, expected) => {
    expect(bypassesProxy(host, list)).toBe(expected);
  });
});
