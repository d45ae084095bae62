/** Word lists the signature parser recognises, in Chinese and English (and a few other closings). */

/** A closing line ("Best regards,", "此致", "敬礼！"), optionally followed by a short name on the same line. */
const CLOSINGS = [
  String.raw`best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards`,
  String.raw`warm wishes|regards|many thanks|thanks|thank you|thanks again|thanks and regards`,
  String.raw`thanks & regards|thx|cheers|sincerely|sincerely yours|yours sincerely|yours truly`,
  String.raw`yours faithfully|faithfully|respectfully|all the best|take care|talk soon|br|rgds|brgds|mfg`,
  String.raw`mit freundlichen grüßen|viele grüße|beste grüße|cordialement|bien à vous|saludos`,
  String.raw`atentamente|cordiali saluti`,
  String.raw`此致|敬礼|此致敬礼|此致\s*[,，]?\s*敬礼|顺颂商祺|顺颂|商祺|祝好|谢谢|多谢|感谢|祝商祺|顺祝商祺|顺祝|祝工作顺利|祝顺利|致礼|祝安`,
].join('|').split('|');
// Longest first, so "best regards" wins over "best" and the rest of the line is only a name.
export const CLOSING = new RegExp(
  `^(${[...CLOSINGS].sort((a, b) => b.length - a.length).join('|')})(?=$|[\\s,.!，。！、～~;；:：]|\\p{Extended_Pictographic})[\\s,.!，。！、～~;；:：]*(.{0,30})$`,
  'iu',
);

/** Company suffixes and organisation words. */
export const COMPANY =
  /(有限公司|有限责任公司|股份公司|集团|公司|分公司|研究院|研究所|事务所|银行|大学|学院|医院|工作室|商行|中心|协会|(?<![A-Za-z])(Inc|Incorporated|Ltd|Limited|LLC|L\.L\.C|LLP|L\.L\.P|LP|Corp|Corporation|GmbH|AG|S\.A|SA|SAS|SARL|S\.p\.A|B\.V|BV|N\.V|Co|Company|Group|PLC|Pty|Holdings|Partners|Associates|Consultants|Consulting|Technologies|Bank|University|Foundation|Institute|Agency|Solutions|Services|Systems|Studio|Labs)(?![A-Za-z]))\.?/;

/** Job words: a short line holding one is the title. */
export const TITLE =
  /(经理|总监|主管|工程师|总裁|总经理|副总|董事长|董事|主任|专员|助理|顾问|代表|会计|律师|主席|秘书|院长|教授|讲师|设计师|架构师|分析师|合伙人|创始人|负责人|业务员|客服|销售|采购|部长|处长|科长|行长|店长|厂长|(?<![A-Za-z])(Manager|Director|VP|SVP|EVP|AVP|Vice President|Engineer|Sales|President|CEO|CTO|CFO|COO|CIO|CMO|Founder|Co-founder|Cofounder|Partner|Counsel|Attorney|Lawyer|Analyst|Consultant|Specialist|Coordinator|Assistant|Associate|Officer|Head|Lead|Executive|Representative|Rep|Administrator|Admin|Architect|Developer|Designer|Advisor|Adviser|Chairman|Chair|Secretary|Trader|Accountant|Supervisor|Principal|Owner|Agent|Treasurer|Controller|Scientist|Professor|Intern|Recruiter|Editor|Producer|Strategist|Marketing|Operations|Support|Account)(?![A-Za-z]))/i;

/** Markers of a Chinese address (省 市 区 县 路 街 号 楼 室 …). */
export const CN_ADDRESS_MARK = /[省市区县镇乡村路街道巷弄号楼层室座栋幢园厦场]/g;
/** Western street line: a house number and a street word, or a PO box / suite. */
export const STREET =
  /(^\d{1,6}[A-Za-z]?\s+.{0,60}?(?<![A-Za-z])(Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Square|Sq|Plaza|Circle|Cir|Terrace|Trail|Center|Centre|Park)(?![A-Za-z])\.?)|^(P\.?\s?O\.?\s+Box|Suite|Ste\.?|\d+(st|nd|rd|th)\s+Floor)\b/i;
/** "Houston, TX 77002", "London SW1A 1AA", "75008 Paris", a bare country at the end of an address. */
export const CITY_LINE =
  /^[A-Za-z .'-]{2,40},\s*([A-Z]{2}|[A-Za-z]{4,20})\.?\s+\d{5}(-\d{4})?\s*$|(?<![A-Za-z])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![A-Za-z])|^\d{4,5}\s+[A-Z][A-Za-z .'-]{2,30}$|^(USA|U\.S\.A\.|United States|UK|United Kingdom|Canada|Germany|France|China|中国)$/;
/** A label that introduces an address. */
export const ADDRESS_LABEL = /^(地址|公司地址|办公地址|通讯地址|Add|Addr|Address|Adresse|Dirección|Indirizzo)\s*[.:：]\s*/i;

/** Phone label keywords, checked in this order (fax before work: "Phone/Fax" is a fax). */
export const PHONE_LABELS: ReadonlyArray<readonly ['fax' | 'mobile' | 'home' | 'work', RegExp]> = [
  ['fax', /(传真|fax|(?<![A-Za-z])fx(?![A-Za-z])|facsimile|(?<![A-Za-z])f\s*[:：.])/i],
  ['mobile', /(手机|移动电话|mobile|mobil|móvil|portable|mob|cell|cellular|handy|(?<![A-Za-z])(m|c)\s*[:：.])/i],
  ['home', /(住宅|家庭电话|home|(?<![A-Za-z])h\s*[:：.])/i],
  ['work', /(电话|座机|办公|总机|tél|tel|phone|ph|office|direct|dir|work|main|(?<![A-Za-z])(t|o|d|w|p)\s*[:：.])/i],
];

/** Where a disclaimer or attachment list starts: nothing from there on is the signature. */
export const DISCLAIMER =
  /^\s*(confidentiality|confidential|this (e-?mail|message|communication)|the information (contained|in this)|notice\s*:|disclaimer|privileged|免责声明|保密声明|本邮件|此邮件|注意：本)/i;
export const ATTACHMENT_LINE = /^\s*-\s+\S.*\.[A-Za-z0-9]{2,4}\s*$|^\s*<<[^>]+>>\s*$/;
