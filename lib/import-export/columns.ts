/**
 * What a spreadsheet column can mean, and the automatic guess from its header in English,
 * Chinese (simplified and traditional) and the languages Outlook / Thunderbird / Google localise
 * their exports into (German, French, Spanish, Italian, Portuguese, Polish, Slovak, Finnish,
 * Russian). Keyword rules rather than a list of exact headers, so variants ("Work Phone 2",
 * "手机号码", "E-Mail 3: Adresse") are recognised too.
 */
import { EXACT_HEADERS } from './layouts';

export const addressParts = ['street', 'city', 'region', 'postalCode', 'country'] as const;
export const placeLabels = ['home', 'work', 'other'] as const;
type Place = (typeof placeLabels)[number];

export const columnTargets = [
  'name', 'firstName', 'middleName', 'lastName', 'prefix', 'suffix', 'nickname',
  'company', 'department', 'title', 'kind',
  'email', 'email:work', 'email:home',
  'phone:mobile', 'phone:work', 'phone:home', 'phone:fax', 'phone:other',
  ...placeLabels.flatMap((l) => [...addressParts.map((p) => `${p}:${l}` as const), `address:${l}` as const]),
  'website', 'birthday', 'birthYear', 'birthMonth', 'birthDay', 'notes', 'tags',
  'wechat', 'qq', 'linkedin', 'weibo', 'x', 'dingtalk', 'whatsapp', 'social',
  'industry', 'owner', 'stage', 'interests', 'annualValue', 'customFields', 'custom',
] as const;
export type ColumnTarget = (typeof columnTargets)[number];

/** One column of the file: its header and what it is mapped to (null = ignored). */
export interface ColumnMapping {
  index: number;
  header: string;
  target: ColumnTarget | null;
  /** For Google's "E-mail 1 - Type" columns: the column holding this value's label. */
  labelColumn?: number;
  /** Columns with the same group make one address (Google's "Address 2 - …"). */
  group?: string;
}

const WORK = /pracovn|work|business|office|geschäftlich|geschaftlich|dienstlich|trabajo|työ|bureau|professionnel|lavoro|służbow|biuro|comercial|trabalho|раб|práca|práce|zamestnania|商務|商务|工作|办公|辦公|单位|單位/;
const HOME = /home|privat|domicile|casa|residenza|\bkoti|kodin|\bdom\b|domowy|domov|pessoal|particular|住家|居住|家庭|住宅|personal|personnel|perso/;
const OTHER = /other|weitere|\botr[oa]\b|autre|altro|\boutr[oa]\b|\bin[éáý]\b|ďalš|其他|其它|secondary|sekundär|toissijainen/;

function place(h: string): Place {
  if (WORK.test(h)) return 'work';
  if (OTHER.test(h)) return 'other';
  if (HOME.test(h)) return 'home';
  return 'home';
}

const BIRTH = /birth|geburt|nacimiento|syntymä|naissance|nascita|nascimento|рожден|narodeni|urodzin|compleanno|aniversário|^anniversaire$|生日|出生/;

type Rule = [RegExp, (h: string) => ColumnTarget];
/** Ordered: the first match wins (so "E-Mail-Adresse" is an email before it is an address). */
const RULES: Rule[] = [
  [/^(custom fields|自定义字段)$/, () => 'customFields'],
  [/wechat|weixin|微信/, () => 'wechat'],
  [/^qq|\bqq\b|qq号/, () => 'qq'],
  [/linkedin|领英|領英/, () => 'linkedin'],
  [/weibo|微博/, () => 'weibo'],
  [/twitter|^x$|^x \(twitter\)$/, () => 'x'],
  [/dingtalk|钉钉|釘釘/, () => 'dingtalk'],
  [/whatsapp/, () => 'whatsapp'],
  // The assistant's number and name are someone else's: kept, never the contact's own.
  [/assist|asystent|助理/, () => 'custom'],
  [/pager|buscapersonas|radiomessagerie|cercapersone|hakulait|пейджер|呼叫器|寻呼|operátor/, () => 'phone:other'],
  [/e-?mail|électronique|electronique|correo|courriel|messagerie|sähköposti|электрон|郵件|邮件|邮箱|郵箱|電郵|电邮/, (h) => (WORK.test(h) ? 'email:work' : 'email')],
  [/fax|faks|télécopie|telecopie|传真|傳真|факс/, () => 'phone:fax'],
  [/mobil|cell|portable|móvil|movil|celular|matkapuhelin|komórk|сотов|手機|手机|行動電話|移动电话|移動電話/, () => 'phone:mobile'],
  [/phone|\btel\b|^tel|(^|\s)tél|telefon|telefón|teléfono|téléphone|telefono|\bfone|puhelin|телефон|電話|电话|座机|座機|^particular$/, (h) => {
    const p = place(h);
    return WORK.test(h) ? 'phone:work' : p === 'home' && HOME.test(h) ? 'phone:home' : p === 'other' ? 'phone:other' : /main|haupt|principal|primary|代表/.test(h) ? 'phone:work' : HOME.test(h) ? 'phone:home' : 'phone:other';
  }],
  [/anniversary|jahrestag|anniversaire de mariage|anniversario|rocznica|výročie|紀念日|纪念日/, () => 'custom'],
  [BIRTH, (h) => {
    if (/year|jahr|año|vuosi|année|\banno\b|\bano\b|год|\brok\b|年/.test(h)) return 'birthYear';
    if (/month|monat|\bmes\b|kuukausi|mois|mese|mês|месяц|mesiac|月/.test(h)) return 'birthMonth';
    if (/birth day|(?<!geburts)\btag\b|día|päivä$|jour|giorno|\bdia\b|день|deň|\(日\)|出生日$/.test(h)) return 'birthDay';
    return 'birthday';
  }],
  [/zip|postal|postleitzahl|\bplz\b|código postal|code postal|\bcap\b|kod pocztowy|\bcep\b|почтовый индекс|psč|postinumero|郵遞區號|邮编|郵編|邮政编码|郵政編碼/, (h) => `postalCode:${place(h)}`],
  [/country|país|pais|\bpays\b|nazione|\bkraj|krajina|страна|\bmaa\b|maa$|štát|國家|国家|国别/, (h) => `country:${place(h)}`],
  [/state|\bstato\b|región|region|provinc|estado|county|lääni|województwo|okres|штат|縣|县|省|bundesland|^land|\bland\b|dép/, (h) => `region:${place(h)}`],
  [/city|\bort\b|^ort|ciudad|ville|città|citta|miasto|cidade|город|mesto|kaupunki|市|town/, (h) => `city:${place(h)}`],
  [/street|straße|strasse|calle|\brue\b|\bvia\b|ulica|\brua\b|улица|街|address|adresse|dirección|direccion|indirizzo|endereço|\badres\b|osoite|адрес|adresa|住址|地址/, (h) => `street:${place(h)}`],
  [/display name|anzeigename|nombre en pantalla|näyttönimi|näytettävä nimi|nom à afficher|nome visualizzato|mostrar nome|отображаемое имя|zobrazované meno|顯示名稱|显示名称|^name$|^full name$|^姓名|^名称$|^名稱$|联系人|聯絡人|contact name/, () => 'name'],
  [/middle name|additional name|weitere vornamen|segundo nombre|deuxième prénom|secondo nome|drugie imię|nome do meio|ďalšie meno|中間名|中间名/, () => 'middleName'],
  [/first name|given name|vorname|^nombre$|etunimi|prénom|prenom|^nome$|imię|primeiro nome|^имя$|krstné meno|名字|^名$/, () => 'firstName'],
  [/last name|family name|surname|nachname|apellido|sukunimi|^nom$|cognome|nazwisko|último nome|sobrenome|фамилия|priezvisko|姓氏|^姓$/, () => 'lastName'],
  [/nickname|spitzname|apodo|lempinimi|surnom|soprannome|przydomek|apelido|псевдоним|prezývka|暱稱|昵称/, () => 'nickname'],
  [/suffix|suffixe|suffisso|sufixo|prípona|稱謂/, () => 'suffix'],
  [/name prefix|^titre$|^titolo$|tytuł|^título$|^titul$|頭銜|称呼|稱呼/, () => 'prefix'],
  [/job title|work title|position|puesto|ammattinimi|profession|qualifica|titolo di lavoro|stanowisko|cargo|funkcia|職稱|职称|职位|職位|职务|職務|^title$|^organization title$|头衔/, () => 'title'],
  [/department|dept|abteilung|osasto|^service$|reparto|oddział|departamento|oddelenie|部門|部门/, () => 'department'],
  [/industry|行业|行業|branche|sector/, () => 'industry'],
  [/company|organi[sz]ation|organizzazione|^firma$|société|società|empresa|organización|organização|организация|spoločnosť|organizácia|järjestö|公司|单位|單位|机构|機構|企业|企業|客户名称/, () => 'company'],
  [/web|url|homepage|\bsite\b|página|pagina|verkkosivu|strona|веб|網頁|网页|网站|網站|主页|網址|网址/, () => 'website'],
  [/categor|catégor|group|kateg|類別|类别|标签|標籤|分组|分組|^tags?$|^labels?$/, () => 'tags'],
  [/^notes?$|notiz|^info$|muistiinpanot|notatki|^notas$|informações|заметки|poznámky|記事|备注|備註|说明|說明|memo|comment|^note$/, () => 'notes'],
  [/^owner$|负责人|負責人|所有者|客户经理|客戶經理|account manager/, () => 'owner'],
  [/^stage$|阶段|階段|pipeline/, () => 'stage'],
  [/interests|兴趣|興趣|爱好|愛好/, () => 'interests'],
  [/annual value|年度价值|年价值|年度價值/, () => 'annualValue'],
  [/^kind$|^类型$|^類型$/, () => 'kind'],
  [/social|screen name|\bim\b|skype|jabber|icq|\baim\b|\bmsn\b|yahoo|messenger/, () => 'social'],
];

function normalise(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Columns that describe the row, not the person: ids, IP addresses, "…Rel" / "…Type" qualifiers,
 * phonetic readings, timestamps. A keyword inside them ("ip_address", "Website Rel",
 * "MobileRelType", "Phonetic First Name") must never make them a contact field. Whole words.
 */
const TECHNICAL_WORD = /^(id|ids|uid|uuid|guid|userid|ip|ipv4|ipv6|ipaddress|rel|reltype|type|yomi|phonetic|furigana|pronunciation|timestamp|hash|token|password|latitude|longitude|lat|lng|created|updated|modified|deleted|etag|rev|revision)$/;
const TECHNICAL_CJK = /拼音|读音|ＩＤ|创建时间|更新时间|修改时间|^ip|ip地址|userid|账号类型|类型$/i;

export function isTechnicalHeader(header: string): boolean {
  // camelCase split into words here only ("MobileRelType"), not for the rules: "WeChat" stays one word.
  const h = normalise(header.replace(/([a-z])([A-Z])/g, '$1 $2'));
  if (TECHNICAL_CJK.test(h)) return true;
  const words = h.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  if (words.some((w) => TECHNICAL_WORD.test(w))) return true;
  // "mobilereltype", "emailtype" written as one word; "created at", "last_activity_at".
  const last = words.at(-1) ?? '';
  return /.(rel|reltype|type)$/.test(last) || (last === 'at' && words.length > 1);
}

/** The guess for one header on its own (no context): an exact layout header, else careful keyword rules. */
export function guessTarget(header: string): ColumnTarget | null {
  const h = normalise(header);
  if (!h) return null;
  const exact = EXACT_HEADERS.get(h);
  if (exact !== undefined) return exact;
  if (isTechnicalHeader(header)) return 'custom';
  for (const [re, pick] of RULES) if (re.test(h)) return pick(h);
  return 'custom';
}

const GOOGLE_SLOT = /^(e-?mail|phone|address|website|organization|relation|im|event|custom field) (\d+) - (type|label|value|formatted|street|city|po box|region|postal code|country|extended address|name|title|department|service)$/;

/**
 * Map every column of a header row. Context matters: Outlook's "Title" is the name prefix when a
 * "Job Title" column exists; Google's "E-mail 1 - Type" columns label the value column beside them.
 */
export function guessMapping(headers: string[]): ColumnMapping[] {
  const normalised = headers.map(normalise);
  const hasJobTitle = normalised.some((h) => /job title|work title/.test(h));
  const mapping: ColumnMapping[] = headers.map((header, index) => ({ index, header, target: guessTarget(header) }));
  const slotLabel = new Map<string, number>();
  normalised.forEach((h, i) => {
    const m = GOOGLE_SLOT.exec(h);
    if (m && (m[3] === 'type' || m[3] === 'label')) slotLabel.set(`${m[1]} ${m[2]}`, i);
  });
  mapping.forEach((col, i) => {
    const h = normalised[i]!;
    if (h === 'title' && hasJobTitle) col.target = 'prefix';
    const m = GOOGLE_SLOT.exec(h);
    if (!m) return;
    const [, kind, , part] = m;
    const key = `${kind} ${m[2]}`;
    if (part === 'type' || part === 'label') {
      col.target = null; // read through labelColumn
      return;
    }
    col.labelColumn = slotLabel.get(key);
    col.group = key;
    if (kind === 'e-mail' || kind === 'email') col.target = 'email';
    else if (kind === 'phone') col.target = 'phone:other';
    else if (kind === 'website') col.target = 'website';
    else if (kind === 'organization') col.target = part === 'name' ? 'company' : part === 'title' ? 'title' : part === 'department' ? 'department' : 'custom';
    else if (kind === 'address') {
      const p = { formatted: 'address', street: 'street', city: 'city', region: 'region', 'postal code': 'postalCode', country: 'country', 'po box': 'street', 'extended address': 'street' }[part!];
      col.target = (p ? `${p}:home` : 'custom') as ColumnTarget;
    } else if (kind === 'im') col.target = 'social';
    else col.target = 'custom';
  });
  return mapping;
}
