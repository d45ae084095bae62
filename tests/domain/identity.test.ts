import { describe, expect, it } from 'vitest';
import { companyKey, emailKey, linkedinKey, nameKey, phoneKey, sameCompany, sameLinkedin, sameNameAndCompany } from '../../lib/domain/identity';

describe('companyKey: legal forms removed in many languages, the name kept', () => {
  it.each([
    ['上海云帆科技有限公司', '上海云帆科技'], ['云帆科技股份有限公司', '云帆科技'], ['华信有限责任公司', '华信'], ['金石集团', '金石'],
    ['台積電股份有限公司', '台積電'], ['株式会社ソニー', 'ソニー'], ['トヨタ自動車株式会社', 'トヨタ自動車'], ['삼성전자 주식회사', '삼성전자'],
    ['Acme Inc.', 'acme'], ['Acme, Inc', 'acme'], ['Acme Co., Ltd.', 'acme'], ['ACME LIMITED', 'acme'], ['Acme LLC', 'acme'],
    ['Siemens AG', 'siemens'], ['Bosch GmbH', 'bosch'], ['Müller GmbH & Co. KG', 'müller'], ['Renault S.A.', 'renault'],
    ['Dupont SARL', 'dupont'], ['Telefónica S.L.', 'telefónica'], ['Fiat S.p.A.', 'fiat'], ['Natura Ltda', 'natura'],
    ['Philips N.V.', 'philips'], ['Nokia Oyj', 'nokia'], ['Volvo AB', 'volvo'], ['Maersk A/S', 'maersk'], ['Cemex S.A. de C.V.', 'cemex'],
    ['Ｃｉｓｃｏ', 'cisco'], ['Cisco', 'cisco'], ['Costco', 'costco'], ['Disco Co.', 'disco'], ['Tesco PLC', 'tesco'],
    ['Limited', 'limited'], ['公司', '公司'],
  ])('%s → %s', (input, key) => {
    expect(companyKey(input)).toBe(key);
  });
});

describe('sameCompany / sameNameAndCompany', () => {
  it.each([
    ['云帆科技', '上海云帆科技有限公司', true], ['Acme', 'ACME Inc.', true], ['Cisco Systems', 'Cisco Systems, Inc.', true],
    ['Cisco', 'Cis', false], ['Acme', 'Globex', false], ['云帆', '金石', false], ['IBM', 'IBM Corp', true],
  ])('%s ~ %s → %s', (a, b, same) => {
    expect(sameCompany(a, b)).toBe(same);
  });

  it.each([
    [{ name: '张伟', company: '云帆科技' }, { name: '张 伟', company: '上海云帆科技有限公司' }, true],
    [{ name: 'John Smith', company: '' }, { name: 'john  smith', company: 'Acme' }, true],
    [{ name: 'John Smith', company: 'Acme' }, { name: 'John Smith', company: 'Globex' }, false],
    [{ name: '', company: 'Acme' }, { name: '', company: 'Acme' }, false],
  ])('%o ~ %o → %s', (a, b, same) => {
    expect(sameNameAndCompany(a, b)).toBe(same);
  });
});

describe('emails, phones, names, LinkedIn', () => {
  it('compares emails without case or spaces', () => expect(emailKey('  Zhang.Wei@YunFan.CN ')).toBe('zhang.wei@yunfan.cn'));
  it('compares names without width, case or punctuation', () => expect(nameKey('ＺＨＡＮＧ-Wei')).toBe(nameKey('zhang wei')));
  it('compares phones by E.164, else digits', () => {
    expect(phoneKey({ raw: '138 0013 8000', e164: '+8613800138000' })).toBe('+8613800138000');
    expect(phoneKey({ raw: '(021) 555-01' })).toBe('02155501');
  });
  it.each([
    ['https://cn.linkedin.com/in/Zhang-Wei/?trk=x', 'in/zhang-wei'], ['linkedin.com/company/acme', 'company/acme'], ['@zhang-wei', '*/zhang-wei'],
  ])('LinkedIn %s → %s', (url, key) => expect(linkedinKey(url)).toBe(key));
  it('a bare handle matches the profile URL', () => expect(sameLinkedin(linkedinKey('zhang-wei'), linkedinKey('https://www.linkedin.com/in/zhang-wei/'))).toBe(true));
});
