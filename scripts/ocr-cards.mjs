// Renders business cards in headless Chromium (CJK fonts from fonts-noto-cjk) with their true fields,
// for the OCR tests and measurements: clean renders and photo-like ones (wood, fabric, desk, scan;
// rotation, perspective, blur, dim light, JPEG), several layouts, fonts and languages, vertical 竖排.
//   node scripts/ocr-cards.mjs [outDir=artifacts/ocr-cards] [count=48] [--seed=N]
// Each card is <id>.png or <id>.jpg beside <id>.json ({ kind, lang, layout, truth: {...} }).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.mjs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const outDir = args[0] ?? 'artifacts/ocr-cards';
const count = Number(args[1] ?? 48);
const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? 7);

let s = seed >>> 0;
const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

const zhSurnames = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '欧阳', '司马'];
const zhGiven = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建国', '志强', '晓东', '海燕', '思远', '雨桐'];
const zhPinyin = { 张: 'zhang', 王: 'wang', 李: 'li', 刘: 'liu', 陈: 'chen', 杨: 'yang', 黄: 'huang', 赵: 'zhao', 周: 'zhou', 吴: 'wu', 徐: 'xu', 孙: 'sun', 马: 'ma', 朱: 'zhu', 胡: 'hu', 郭: 'guo', 何: 'he', 林: 'lin', 欧阳: 'ouyang', 司马: 'sima' };
const zhTitles = ['销售总监', '市场部经理', '总经理', '技术总监', '客户经理', '采购主管', '首席执行官', '高级工程师', '副总裁', '财务经理'];
const zhCompanies = [
  ['上海星河科技有限公司', 'xinghe-tech'], ['北京华远贸易有限公司', 'huayuan'], ['深圳市蓝海电子有限公司', 'lanhai-e'],
  ['杭州云帆网络科技有限公司', 'yunfan'], ['广州恒信物流有限公司', 'hengxin56'], ['成都天府软件股份有限公司', 'tfsoft'],
  ['苏州金桥机械制造有限公司', 'jinqiao-mfg'], ['南京紫金医疗器械有限公司', 'zijinmed'],
];
const zhAddresses = [
  '上海市浦东新区张江路88号3号楼501室', '北京市朝阳区建国路99号国贸大厦12层', '深圳市南山区科技园南区高新南一道18号',
  '杭州市西湖区文三路259号昌地火炬大厦8楼', '广州市天河区珠江新城华夏路10号富力中心2306室', '成都市高新区天府大道中段666号',
  '苏州工业园区星湖街328号创意产业园5栋', '南京市鼓楼区中山北路105号18楼',
];
const enFirst = ['James', 'Emily', 'Michael', 'Sarah', 'David', 'Laura', 'Daniel', 'Anna', 'Thomas', 'Olivia', 'Peter', 'Grace', 'Lukas', 'Sophie'];
const enLast = ['Carter', 'Bennett', 'Hughes', 'Morgan', 'Fischer', 'Walsh', 'Turner', 'Keller', 'Reed', 'Foster', 'Hoffmann', 'Lambert'];
const enTitles = ['Sales Director', 'Account Manager', 'Chief Executive Officer', 'Marketing Manager', 'Senior Engineer', 'Head of Procurement', 'Business Development Manager', 'Managing Director', 'Product Manager'];
const enCompanies = [
  ['Northwind Trading Ltd', 'northwind-trading.co.uk', 'UK'], ['Bergmann Maschinenbau GmbH', 'bergmann-mb.de', 'DE'],
  ['Bluefield Analytics Inc.', 'bluefield-analytics.com', 'US'], ['Harbor Logistics Ltd', 'harborlogistics.co.uk', 'UK'],
  ['Keller & Sohn GmbH', 'keller-sohn.de', 'DE'], ['Summit Medical Devices Inc.', 'summitmed.com', 'US'],
];
const enAddresses = {
  UK: ['221 Baker Street, London NW1 6XE', '14 Queen Street, Manchester M2 5JE'],
  DE: ['Hauptstraße 12, 80331 München', 'Königsallee 56, 40212 Düsseldorf'],
  US: ['500 Market Street, San Francisco, CA 94105', '1200 Main Street, Austin, TX 78701'],
};

function zhPerson() {
  const sur = pick(zhSurnames);
  const given = pick(zhGiven);
  const [company, slug] = pick(zhCompanies);
  const mobile = `1${pick(['38', '39', '86', '59', '37'])}${digits(8)}`;
  const tel = `0${pick(['21', '10', '755', '571', '20'])}-${digits(8)}`;
  const py = `${zhPinyin[sur]}${pick(['', '.'])}${pick(['wei', 'fang', 'ming', 'jun', 'li'])}`;
  return {
    name: sur + given, title: pick(zhTitles), company,
    mobile: `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`, tel,
    email: `${py}@${slug}.com`, website: `www.${slug}.com`, address: pick(zhAddresses),
  };
}
function enPerson() {
  const first = pick(enFirst);
  const last = pick(enLast);
  const [company, domain, country] = pick(enCompanies);
  const phone = country === 'US' ? `+1 ${digits(3).replace(/^[01]/, '4')} 555 ${digits(4)}` : country === 'UK' ? `+44 20 ${digits(4)} ${digits(4)}` : `+49 89 ${digits(4)} ${digits(3)}`;
  const mobile = country === 'US' ? `+1 ${pick(['415', '512', '646'])} 555 ${digits(4)}` : country === 'UK' ? `+44 7${digits(3)} ${digits(6)}` : `+49 1${pick(['51', '60', '72'])} ${digits(7)}`;
  return {
    name: `${first} ${last}`, title: pick(enTitles), company, mobile, tel: phone,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`, website: `www.${domain}`, address: pick(enAddresses[country]),
  };
}

const zhFonts = ["'Noto Sans CJK SC'", "'Noto Serif CJK SC'"];
const enFonts = ["'Liberation Sans'", "'DejaVu Sans'", "'Liberation Serif'", "'Noto Sans CJK SC'"];
const inks = ['#111', '#1d2b4f', '#222', '#3a2a1a'];
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function lines(p, lang) {
  const zh = lang !== 'en';
  const L = zh && lang === 'zh'
    ? { m: '手机', t: '电话', e: '邮箱', w: '网址', a: '地址' }
    : { m: 'Mobile', t: 'Tel', e: 'Email', w: 'Web', a: zh ? 'Add' : 'Address' };
  const sep = lang === 'zh' ? '：' : ': ';
  const useLabels = rnd() < 0.8;
  const lab = (k, v) => (useLabels ? `${L[k]}${sep}${v}` : v);
  return {
    contact: [lab('m', p.mobile), lab('t', p.tel), lab('e', p.email), lab('w', p.website), lab('a', p.address)],
  };
}

function cardHtml(p, lang, layout, font, ink, accent) {
  const { contact } = lines(p, lang);
  const nameSize = 44 + Math.floor(rnd() * 16);
  const body = 21 + Math.floor(rnd() * 4);
  const c = contact.map((l) => `<div>${esc(l)}</div>`).join('');
  const head = `<div class="name">${esc(p.name)}</div><div class="title">${esc(p.title)}</div>`;
  const company = `<div class="company">${esc(p.company)}</div>`;
  let inner;
  if (layout === 'vertical') {
    inner = `<div class="v">${company}<div class="vname">${esc(p.name)}</div><div>${esc(p.title)}</div>${c}</div>`;
  } else if (layout === 'split') {
    inner = `<div class="top">${company}</div><div class="cols"><div class="left">${head}</div><div class="right">${c}</div></div>`;
  } else if (layout === 'center') {
    inner = `<div class="center">${company}<div class="bar"></div>${head}<div class="ct">${c}</div></div>`;
  } else {
    inner = `<div class="leftl">${company}${head}<div class="ct">${c}</div></div>`;
  }
  return `<div class="card" style="font-family:${font};color:${ink}">
<style>
.card{width:1050px;height:600px;box-sizing:border-box;padding:44px 56px;background:#fbfaf6;position:relative;overflow:hidden;font-size:${body}px;line-height:1.45}
.name{font-size:${nameSize}px;font-weight:700;letter-spacing:${lang === 'en' ? 0 : 4}px;margin-top:18px}
.title{font-size:${body + 3}px;margin-bottom:16px}
.company{font-size:${body + 5}px;font-weight:700;color:${accent}}
.cols{display:flex;justify-content:space-between;margin-top:40px}.left{width:40%}.right{width:58%;font-size:${body - 1}px;margin-top:18px}
.center{text-align:center}.bar{height:4px;background:${accent};width:140px;margin:10px auto}
.ct{margin-top:6px}
.v{writing-mode:vertical-rl;height:520px;font-size:${body}px;line-height:1.7}.v .vname{font-size:${nameSize}px;font-weight:700;margin:0 18px}
</style>${inner}<div style="position:absolute;right:0;top:0;width:28px;height:100%;background:${accent};opacity:.85"></div></div>`;
}

const backgrounds = {
  wood: 'repeating-linear-gradient(88deg,#6b4423 0 7px,#7a5230 7px 13px,#5d3a1e 13px 22px,#845a35 22px 30px)',
  fabric: 'repeating-linear-gradient(45deg,#4a5a6a 0 3px,#55677a 3px 6px),repeating-linear-gradient(-45deg,rgba(0,0,0,.15) 0 3px,transparent 3px 6px)',
  desk: 'radial-gradient(circle at 30% 30%,#c9c4b8,#8f8a7f)',
  scan: '#f4f4f2',
};

function photoHtml(card, bg, angle, blur, dim, persp) {
  const shade = dim ? `<div style="position:absolute;inset:0;background:radial-gradient(circle at ${20 + rnd() * 60}% ${20 + rnd() * 60}%,rgba(0,0,0,0) 20%,rgba(0,0,0,${0.35 + rnd() * 0.25}) 100%)"></div>` : '';
  const noise = `<svg style="position:absolute;inset:0;opacity:${bg === 'scan' ? 0.08 : 0.18}" width="1400" height="1000"><filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2"/></filter><rect width="100%" height="100%" filter="url(#n)"/></svg>`;
  const tf = `${persp ? `perspective(1600px) rotateX(${(rnd() * 14 - 7).toFixed(1)}deg) rotateY(${(rnd() * 14 - 7).toFixed(1)}deg) ` : ''}rotate(${angle}deg) scale(${(0.9 + rnd() * 0.12).toFixed(2)})`;
  return `<div style="width:1400px;height:1000px;position:relative;overflow:hidden;background:${backgrounds[bg]}">
<div style="position:absolute;left:175px;top:200px;transform:${tf};filter:blur(${blur}px)${dim ? ' brightness(0.8)' : ''};box-shadow:${bg === 'scan' ? 'none' : '8px 12px 24px rgba(0,0,0,.5)'}">${card}</div>${noise}${shade}</div>`;
}

export async function renderCards(dir, n) {
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: await findChromium() });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const made = [];
  for (let i = 0; i < n; i++) {
    const lang = pick(['zh', 'zh', 'en', 'en', 'bi']);
    const layout = i % 12 === 11 && lang !== 'en' ? 'vertical' : pick(['left', 'center', 'split']);
    const p = lang === 'en' ? enPerson() : zhPerson();
    const font = lang === 'en' ? pick(enFonts) : pick(zhFonts);
    const card = cardHtml(p, lang, layout, font, pick(inks), pick(['#b3262d', '#1f5fa8', '#2b7a4b', '#8a6d1f']));
    const photo = i % 2 === 1;
    const id = `card-${String(i).padStart(3, '0')}-${lang}-${layout}${photo ? '-photo' : ''}`;
    let html;
    let meta = {};
    if (photo) {
      const bg = pick(Object.keys(backgrounds));
      const angle = (rnd() * 16 - 8).toFixed(1);
      const blur = pick([0, 0.5, 0.9, 1.3]);
      const dim = rnd() < 0.4;
      const persp = rnd() < 0.5 && bg !== 'scan';
      html = photoHtml(card, bg, angle, blur, dim, persp);
      meta = { bg, angle: Number(angle), blur, dim, persp };
    } else {
      html = card;
    }
    await page.setViewportSize(photo ? { width: 1400, height: 1000 } : { width: 1050, height: 600 });
    await page.setContent(`<!doctype html><meta charset="utf-8"><body style="margin:0">${html}</body>`);
    await page.evaluate(() => document.fonts.ready);
    const jpeg = photo && rnd() < 0.7;
    const file = `${id}.${jpeg ? 'jpg' : 'png'}`;
    await page.screenshot({ path: path.join(dir, file), type: jpeg ? 'jpeg' : 'png', ...(jpeg ? { quality: 70 + Math.floor(rnd() * 20) } : {}) });
    const truth = { name: p.name, title: p.title, company: p.company, phones: [p.mobile, p.tel], email: p.email, website: p.website, address: p.address };
    writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ file, lang, layout, photo, ...meta, truth }, null, 1));
    made.push(file);
  }
  await browser.close();
  return made;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const made = await renderCards(outDir, count);
  console.log(`${made.length} cards in ${outDir}`);
}
