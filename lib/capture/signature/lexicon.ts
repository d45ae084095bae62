/**
 * Word lists the signature parser recognises: English, Chinese, French, German, Spanish,
 * Portuguese, Italian and Japanese (closings, company forms, job titles, address words, phone
 * labels). Chinese foreign-trade account managers write with customers in all of these.
 */

/** A closing line ("Best regards,", "Cordialement", "Mit freundlichen Grüßen", "此致"), optionally followed by a short name. */
const CLOSINGS = [
  // en
  String.raw`best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards|with regards|with best regards|with kind regards`,
  String.raw`warm wishes|regards|many thanks|thanks|thank you|thanks again|thanks and regards|thanks & regards|thanks and best regards|thanks & best regards`,
  String.raw`thx|cheers|sincerely|sincerely yours|yours sincerely|yours truly|yours|cordially|warmly|greetings|best rgds|kind rgds|rgds|regds|brgds`,
  String.raw`yours faithfully|faithfully|respectfully|all the best|take care|talk soon|br|mfg`,
  // fr
  String.raw`cordialement|bien cordialement|très cordialement|cordiales salutations|bien à vous|salutations|sincères salutations|meilleures salutations`,
  String.raw`bonne journée|bonne soirée|belle journée|excellente journée|merci|merci beaucoup|merci d'avance|merci par avance|amicalement|bien amicalement|à bientôt|respectueusement|cdlt|bàv`,
  // de
  String.raw`mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|beste grüsse`,
  String.raw`liebe grüße|liebe grüsse|herzliche grüße|herzliche grüsse|schöne grüße|gruß|grüße|grüsse|lg|vg|danke|vielen dank`,
  // es
  String.raw`saludos|saludos cordiales|un saludo|un cordial saludo|reciba un cordial saludo|atentamente|cordialmente|gracias|muchas gracias|un abrazo`,
  // pt
  String.raw`atenciosamente|cumprimentos|melhores cumprimentos|com os melhores cumprimentos|abraços|abraço|obrigado|obrigada|att|grato|grata|saudações`,
  // it
  String.raw`cordiali saluti|distinti saluti|saluti|un saluto|grazie|grazie mille|buona giornata|a presto`,
  // ja
  String.raw`よろしくお願いいたします|よろしくお願い致します|宜しくお願い致します|よろしくお願いします|宜しくお願いします|以上|敬具|草々`,
  // zh
  String.raw`此致|敬礼|此致敬礼|此致\s*[,，]?\s*敬礼|顺颂商祺|顺颂|商祺|祝好|谢谢|多谢|感谢|祝商祺|顺祝商祺|顺祝|祝工作顺利|祝顺利|致礼|祝安`,
].join('|').split('|');
// Longest first, so "best regards" wins over "best" and the rest of the line is only a name.
export const CLOSING = new RegExp(
  `^(${[...CLOSINGS].sort((a, b) => b.length - a.length).join('|')})(?=$|[\\s,.!，。！、～~;；:：]|\\p{Extended_Pictographic})[\\s,.!，。！、～~;；:：]*(.{0,30})$`,
  'iu',
);

/**
 * Company forms and organisation words. Case-sensitive: "SA", "AG", "KG" are company forms only
 * in capitals. Boundaries are Unicode letters, so "Société" and "GmbH & Co. KG" work.
 */
const COMPANY_WORDS = [
  // en
  'Inc', 'Incorporated', 'Ltd', 'Limited', 'LLC', 'L\\.L\\.C', 'LLP', 'L\\.L\\.P', 'LP', 'Corp', 'Corporation', 'Co', 'Company', 'Group', 'PLC', 'Pty',
  'Holdings', 'Partners', 'Associates', 'Consultants', 'Consulting', 'Technologies', 'Bank', 'University', 'Foundation', 'Institute', 'Agency',
  'Solutions', 'Services', 'Systems', 'Studio', 'Labs', 'Industries', 'Trading', 'Logistics', 'Enterprises', 'Pte', 'Sdn Bhd',
  // fr
  'SARL', 'S\\.A\\.R\\.L', 'SAS', 'S\\.A\\.S', 'SASU', 'EURL', 'SNC', 'SCI', 'SA', 'S\\.A', 'Société', 'Groupe', 'Compagnie', 'Cie', 'Banque', 'Université', 'Cabinet',
  // de
  'GmbH', 'gGmbH', 'mbH', 'AG', 'KG', 'OHG', 'e\\.K', 'e\\.V', 'UG', 'Gruppe', 'Universität', 'Stiftung',
  // es / pt / it
  'S\\.L', 'S\\.L\\.U', 'SL', 'SLU', 'S\\.A\\.U', 'S\\.C', 'S\\.R\\.L', 'SRL', 'S\\.r\\.l', 'Srl', 'S\\.p\\.A', 'SpA', 'S\\.a\\.s', 'S\\.n\\.c', 'S\\.A\\.S',
  'Ltda', 'Lda', 'S/A', 'EIRELI', 'Grupo', 'Gruppo', 'Banco', 'Universidad', 'Universidade', 'Università', 'Compañía', 'Companhia', 'Industria', 'Indústria',
  // nl / nordic / others
  'B\\.V', 'BV', 'N\\.V', 'NV', 'Oy', 'AB', 'A/S', 'ApS', 'Sp\\. z o\\.o', 'K\\.K',
];
export const COMPANY = new RegExp(
  `(有限公司|有限责任公司|股份公司|股份有限公司|集团|公司|分公司|研究院|研究所|事务所|银行|大学|学院|医院|工作室|商行|中心|协会|株式会社|有限会社|合同会社|（株）|\\(株\\)|㈱|(?<![\\p{L}])(${COMPANY_WORDS.join('|')})(?![\\p{L}]))\\.?`,
  'u',
);

/** Job words: a short line holding one is the title (case-insensitive; accents kept). */
const TITLE_WORDS = [
  // en
  'Manager', 'Director', 'VP', 'SVP', 'EVP', 'AVP', 'Vice President', 'Engineer', 'Sales', 'President', 'CEO', 'CTO', 'CFO', 'COO', 'CIO', 'CMO',
  'Founder', 'Co-founder', 'Cofounder', 'Partner', 'Counsel', 'Attorney', 'Lawyer', 'Analyst', 'Consultant', 'Specialist', 'Coordinator',
  'Assistant', 'Associate', 'Officer', 'Head', 'Lead', 'Executive', 'Representative', 'Rep', 'Administrator', 'Admin', 'Architect', 'Developer',
  'Designer', 'Advisor', 'Adviser', 'Chairman', 'Chair', 'Secretary', 'Trader', 'Accountant', 'Supervisor', 'Principal', 'Owner', 'Agent',
  'Treasurer', 'Controller', 'Scientist', 'Professor', 'Intern', 'Recruiter', 'Editor', 'Producer', 'Strategist', 'Marketing', 'Operations',
  'Support', 'Account', 'Buyer', 'Purchasing', 'Geologist', 'Paralegal',
  // fr
  'Directeur', 'Directrice', 'Président', 'Présidente', 'Gérant', 'Gérante', 'Responsable', 'Chef', 'Chargé', 'Chargée', 'Ingénieur', 'Ingénieure',
  'Commercial', 'Commerciale', 'Technicien', 'Technicienne', 'Assistante', 'Attaché', 'Attachée', 'Conseiller', 'Conseillère', 'Comptable',
  'Fondateur', 'Fondatrice', 'Associé', 'Associée', 'Acheteur', 'Acheteuse', 'Délégué', 'Déléguée', 'Administrateur', 'Administratrice',
  'Secrétaire', 'PDG', 'DG', 'DRH', 'DAF', 'Avocat', 'Avocate', 'Notaire', 'Juriste', 'Adjoint', 'Adjointe', 'Stagiaire', 'Vendeur', 'Vendeuse',
  'Gestionnaire', 'Coordinateur', 'Coordinatrice', 'Consultante', 'Analyste', 'Développeur', 'Développeuse', 'Architecte', 'Superviseur',
  'Chef de projet', 'Service client', 'Export', 'Achats', 'Ventes',
  // de
  'Geschäftsführer', 'Geschäftsführerin', 'Leiter', 'Leiterin', 'Vertrieb', 'Vertriebsleiter', 'Vertriebsleiterin', 'Einkauf', 'Einkäufer',
  'Einkäuferin', 'Verkauf', 'Verkaufsleiter', 'Abteilungsleiter', 'Abteilungsleiterin', 'Vorstand', 'Prokurist', 'Prokuristin', 'Sachbearbeiter',
  'Sachbearbeiterin', 'Berater', 'Beraterin', 'Ingenieur', 'Ingenieurin', 'Inhaber', 'Inhaberin', 'Assistentin', 'Referent', 'Referentin',
  'Projektleiter', 'Projektleiterin', 'Kundenbetreuer', 'Kundenbetreuerin', 'Vorsitzender', 'Gründer', 'Gründerin', 'Teamleiter', 'Teamleiterin',
  // es
  'Directora', 'Gerente', 'Jefe', 'Jefa', 'Ejecutivo', 'Ejecutiva', 'Asesor', 'Asesora', 'Ingeniero', 'Ingeniera', 'Presidente', 'Presidenta',
  'Coordinador', 'Coordinadora', 'Ventas', 'Compras', 'Encargado', 'Encargada', 'Socio', 'Socia', 'Fundador', 'Fundadora', 'Abogado', 'Abogada',
  'Contador', 'Contadora', 'Analista', 'Consultor', 'Consultora', 'Auxiliar', 'Vendedor', 'Vendedora', 'Administrador', 'Administradora',
  // pt
  'Diretor', 'Diretora', 'Gestor', 'Gestora', 'Coordenador', 'Coordenadora', 'Assessor', 'Assessora', 'Engenheiro', 'Engenheira', 'Comprador',
  'Compradora', 'Sócio', 'Sócia', 'Advogado', 'Advogada', 'Executivo', 'Executiva', 'Assistente', 'Vendas', 'Supervisora',
  // it
  'Direttore', 'Direttrice', 'Responsabile', 'Amministratore', 'Amministratore Delegato', 'Titolare', 'Ingegnere', 'Consulente', 'Avvocato',
  'Impiegato', 'Impiegata', 'Geometra', 'Ragioniere', 'Vendite', 'Acquisti', 'Ufficio commerciale',
];
export const TITLE = new RegExp(
  `(经理|总监|主管|工程师|总裁|总经理|副总|董事长|董事|主任|专员|助理|顾问|代表|会计|律师|主席|秘书|院长|教授|讲师|设计师|架构师|分析师|合伙人|创始人|负责人|业务员|客服|销售|采购|部长|处长|科长|行长|店长|厂长|` +
    `課長|係長|社長|代表取締役|取締役|執行役員|室長|所長|支店長|専務|常務|会長|営業|担当|マネージャー|ディレクター|` +
    `(?<![\\p{L}])(${TITLE_WORDS.join('|')})(?![\\p{L}]))`,
  'iu',
);

/** Markers of a Chinese or Japanese address (省 市 区 县 路 街 号 楼 室 … 都 府 県 丁目 番地). */
export const CN_ADDRESS_MARK = /[省市区县镇乡村路街道巷弄号楼层室座栋幢园厦场都府県町丁目番地〒]/g;

/** Street words before the name (fr/es/pt/it: "12 rue …", "Calle Mayor 5", "Via Roma 1") or after it (de: "…straße 12"). */
const STREET_BEFORE = String.raw`rue|avenue|av|avda|avenida|boulevard|bd|blvd|allée|impasse|place|chemin|route|quai|cours|square|passage|voie|rond-point|lieu-dit|zi|za|zac|` +
  String.raw`calle|c/|paseo|plaza|carrera|camino|ronda|travesía|polígono|carretera|rua|travessa|praça|alameda|estrada|rodovia|largo|` +
  String.raw`via|viale|piazza|piazzale|corso|vicolo|strada|località|loc|am|an der|auf der|im`;
/** Western street line: a house number and a street word, a PO box / suite, or the forms of fr/de/es/pt/it. */
export const STREET = new RegExp(
  String.raw`(^\d{1,6}[A-Za-z]?\s+.{0,60}?(?<![A-Za-z])(Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Square|Sq|Plaza|Circle|Cir|Terrace|Trail|Center|Centre|Park)(?![A-Za-z])\.?)` +
    String.raw`|^(P\.?\s?O\.?\s+Box|Suite|Ste\.?|\d+(st|nd|rd|th)\s+Floor|B\.?P\.?\s*\d|C\.?S\.?\s*\d{3,}|Postfach|Apartado|Caixa Postal|Casella Postale)\b` +
    String.raw`|^\d{1,5}\s?(bis|ter|[a-d])?,?\s+(${STREET_BEFORE})\.?\s+\S.{1,60}$|^(${STREET_BEFORE})\.?\s+[^\d@]{2,40}\s\d{1,5}(?!\d)` +
    String.raw`|^[\p{L}.' -]{2,40}(straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)\s*\d{1,4}\s?[a-z]?\b`,
  'iu',
);
/** "Houston, TX 77002", "London SW1A 1AA", "75008 Paris", "D-80331 München", "01310-100 São Paulo", a bare country. */
export const CITY_LINE = new RegExp(
  String.raw`^[A-Za-z .'-]{2,40},\s*([A-Z]{2}|[A-Za-z]{4,20})\.?\s+\d{5}(-\d{4})?\s*$|(?<![A-Za-z])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![A-Za-z])` +
    String.raw`|^([A-Z]{1,2}-)?\d{4,5}(-\d{3})?\s+\p{Lu}[\p{L} .'’()/-]{1,40}$|^\d{3}-\d{4}\s+\S` +
    String.raw`|^(USA|U\.S\.A\.|United States|UK|United Kingdom|Canada|Germany|Deutschland|France|Spain|España|Italy|Italia|Portugal|Brasil|Brazil|México|Mexico|Japan|日本|Suisse|Schweiz|Belgique|België|Österreich|Argentina|Chile|Colombia|China|中国)$`,
  'u',
);
/** A label that introduces an address. */
export const ADDRESS_LABEL = /^(地址|公司地址|办公地址|通讯地址|住所|所在地|Add|Addr|Address|Adresse|Adr|Anschrift|Dirección|Direccion|Dir|Endereço|Endereco|Indirizzo|Sede)\s*[.:：]\s*/i;

/** Phone label keywords, checked in this order (fax before work: "Phone/Fax" is a fax). */
export const PHONE_LABELS: ReadonlyArray<readonly ['fax' | 'mobile' | 'home' | 'work', RegExp]> = [
  ['fax', /(传真|ファックス|ＦＡＸ|fax|télécopie|téléc|telefax|(?<![A-Za-z])fx(?![A-Za-z])|facsimile|(?<![A-Za-z])f\s*[:：.])/i],
  ['mobile', /(手机|移动电话|携帯|ケータイ|mobile|mobil|móvil|movil|portable|(?<![A-Za-z])port\.|mob|cell|cellulare|celular|(?<![A-Za-z])cel\.?(?![A-Za-z])|telemóvel|telemovel|(?<![A-Za-z])tlm|(?<![A-Za-z])gsm|handy|whatsapp|(?<![A-Za-z])(m|c)\s*[:：.])/i],
  ['home', /(住宅|家庭电话|自宅|home|domicile|privat|(?<![A-Za-z])h\s*[:：.])/i],
  ['work', /(电话|座机|办公|总机|電話|代表|直通|tél|tel|téléphone|telefon|teléfono|telefono|(?<![A-Za-z])(tfn|tfno|tlf|telf|fon|fixe|fijo|standard)(?![A-Za-z])|ligne directe|durchwahl|zentrale|phone|ph|office|direct|dir|work|main|(?<![A-Za-z])(t|o|d|w|p)\s*[:：.])/i],
];

/** Where a disclaimer or attachment list starts: nothing from there on is the signature. */
export const DISCLAIMER =
  /^\s*(confidentiality|confidential|this (e-?mail|message|communication)|the information (contained|in this)|notice\s*:|disclaimer|privileged|ce (message|courriel|mail|e-mail)|les informations contenues|avertissement|diese (e-?mail|nachricht)|este (mensaje|correo|e-?mail)|esta mensagem|este e-?mail|questo messaggio|le informazioni contenute|この(メール|電子メール)|免责声明|保密声明|本邮件|此邮件|注意：本)/i;
export const ATTACHMENT_LINE = /^\s*-\s+\S.*\.[A-Za-z0-9]{2,4}\s*$|^\s*<<[^>]+>>\s*$/;

/** Words that mark a signature's language, for the phone region when nothing else says it. */
export const LANGUAGE_REGION: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<!\p{L})(tél|portable|télécopie|cordialement|sarl|sasu|eurl|cedex|rue|directeur|directrice|responsable|chargée?)(?!\p{L})/iu, 'FR'],
  [/(?<!\p{L})(handy|mit freundlichen|gmbh|straße|strasse|geschäftsführer|telefon)(?!\p{L})/iu, 'DE'],
  [/(?<!\p{L})(móvil|teléfono|saludos|atentamente|calle|avda|s\.l\.|gerente)(?!\p{L})/iu, 'ES'],
  [/(?<!\p{L})(telemóvel|atenciosamente|cumprimentos|ltda|lda|rua)(?!\p{L})/iu, 'PT'],
  [/(?<!\p{L})(cellulare|cordiali saluti|distinti saluti|s\.p\.a|s\.r\.l|piazza|viale)(?!\p{L})/iu, 'IT'],
  [/携帯|株式会社|よろしく|〒|東京都/u, 'JP'],
];
