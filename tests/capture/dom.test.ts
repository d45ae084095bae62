import { describe, expect, it } from 'vitest';
import { blockText, parseAddressList } from '../../lib/capture/dom';
import { parseMailDate } from '../../lib/capture/webmail/dates';
import { toDocument } from './load';

describe('parseAddressList', () => {
  it.each([
    ['me@yahoo.com', [{ name: '', email: 'me@yahoo.com' }]],
    ['li.na@x.cn <li.na@x.cn>', [{ name: '', email: 'li.na@x.cn' }]],
    ['"Doe, Jane" <Jane.Doe@Example.com>', [{ name: 'Doe, Jane', email: 'jane.doe@example.com' }]],
    ['To: Jonas Weber <jonas@c.example>; Lena Fischer <lena@f.example>', [{ name: 'Jonas Weber', email: 'jonas@c.example' }, { name: 'Lena Fischer', email: 'lena@f.example' }]],
    ['Von: sender@example.com  sender@example.com', [{ name: '', email: 'sender@example.com' }]],
    ['发件人：张敏 <zhang@x.cn>', [{ name: '张敏', email: 'zhang@x.cn' }]],
    ['简·易~减 <3261486093@qq.com>', [{ name: '简·易~减', email: '3261486093@qq.com' }]],
    ['no address here', []],
  ])('%s', (text, expected) => {
    expect(parseAddressList(text)).toEqual(expected);
  });
});

describe('parseMailDate', () => {
  it.each([
    ['2017年10月28日(星期六) 中午11:57', Date.UTC(2017, 9, 28, 3, 57)],
    ['2025年03月18日 下午2:05', Date.UTC(2025, 2, 18, 6, 5)],
    ['2025年3月1日 晚上9:30', Date.UTC(2025, 2, 1, 13, 30)],
    ['Tue, 04 Mar 2025 10:31:00 +0000', Date.UTC(2025, 2, 4, 10, 31)],
    ['', undefined],
    ['yesterday', undefined],
  ])('%s', (text, expected) => {
    expect(parseMailDate(text)).toBe(expected);
  });
});

describe('blockText', () => {
  it('keeps line breaks, marks quotes, drops scripts and styles', () => {
    const doc = toDocument('<div>Hi<br>there<p>Para</p><blockquote>old<br>text</blockquote><script>x()</script><style>p{}</style><div>Jane&nbsp;Doe</div></div>');
    expect(blockText(doc.body)).toBe('Hi\nthere\nPara\n> old\n> text\nJane Doe');
  });
});
