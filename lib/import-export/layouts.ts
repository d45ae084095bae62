import type { ColumnTarget } from './columns';

/**
 * Exact headers of the export layouts people bring, checked before any guessing. Keys are
 * normalised (NFKC, lower case, "_" as space, spaces collapsed). `null` = a column of the
 * layout's own bookkeeping, ignored (Outlook's "E-mail Type" is always "SMTP"); 'custom' = kept
 * as a custom field because it is about someone else or is not a contact field (assistant,
 * spouse, ids, phonetic names).
 * Sources: the layouts as Google Contacts (2020+ and the older "Given Name … Yomi" one), Outlook
 * desktop and Outlook on the web, Thunderbird, Roundcube, Apple Contacts exporters, WeCom,
 * DingTalk, QQ Mail and NetEase 163 write them.
 */
type Dict = Record<string, ColumnTarget | null>;

const each = (names: string, target: ColumnTarget | null): Dict => Object.fromEntries(names.split('|').map((n) => [n, target]));

const OUTLOOK: Dict = {
  ...each('first name', 'firstName'), ...each('middle name', 'middleName'), ...each('last name', 'lastName'), ...each('suffix', 'suffix'),
  ...each('nickname', 'nickname'), ...each('company', 'company'), ...each('department', 'department'), ...each('job title', 'title'),
  ...each('business street|business street 2|business street 3|business address po box', 'street:work'),
  ...each('business city', 'city:work'), ...each('business state', 'region:work'), ...each('business postal code', 'postalCode:work'), ...each('business country/region|business country', 'country:work'),
  ...each('home street|home street 2|home street 3|home address po box', 'street:home'),
  ...each('home city', 'city:home'), ...each('home state', 'region:home'), ...each('home postal code', 'postalCode:home'), ...each('home country/region|home country', 'country:home'),
  ...each('other street|other street 2|other street 3|other address po box', 'street:other'),
  ...each('other city', 'city:other'), ...each('other state', 'region:other'), ...each('other postal code', 'postalCode:other'), ...each('other country/region|other country', 'country:other'),
  ...each('business phone|business phone 2|company main phone|callback|isdn|telex|tty/tdd phone', 'phone:work'),
  ...each('home phone|home phone 2', 'phone:home'), ...each('mobile phone|car phone|radio phone', 'phone:mobile'),
  ...each('business fax|home fax|other fax', 'phone:fax'), ...each('other phone|pager', 'phone:other'), ...each('primary phone', 'phone:work'),
  ...each("assistant's phone|assistant's name|manager's name|spouse|children|referred by|gender|government id number|organizational id number|account|billing information|directory server|mileage|initials|internet free busy|keywords|language|location|office location|priority|private|profession|sensitivity|hobby|schools|user 1|user 2|user 3|user 4|anniversary|given yomi|surname yomi|company yomi", 'custom'),
  ...each('e-mail address|e-mail 2 address|e-mail 3 address', 'email'),
  ...each('e-mail type|e-mail 2 type|e-mail 3 type|e-mail display name|e-mail 2 display name|e-mail 3 display name', null),
  ...each('birthday', 'birthday'), ...each('categories', 'tags'), ...each('notes', 'notes'), ...each('web page|personal web page', 'website'),
  ...each('imaddress|im address', 'social'),
};

const GOOGLE: Dict = {
  ...each('name', 'name'), ...each('given name', 'firstName'), ...each('additional name', 'middleName'), ...each('family name', 'lastName'),
  ...each('name prefix', 'prefix'), ...each('name suffix', 'suffix'), ...each('short name|maiden name|file as|occupation|subject|photo|yomi name|given name yomi|additional name yomi|family name yomi|phonetic first name|phonetic middle name|phonetic last name', 'custom'),
  ...each('organization name', 'company'), ...each('organization title', 'title'), ...each('organization department', 'department'),
  ...each('labels|group membership', 'tags'),
};

const THUNDERBIRD: Dict = {
  ...each('display name', 'name'), ...each('primary email', 'email'), ...each('secondary email', 'email'), ...each('screen name', 'social'),
  ...each('work phone', 'phone:work'), ...each('fax number', 'phone:fax'), ...each('pager number', 'phone:other'), ...each('mobile number', 'phone:mobile'),
  ...each('home address|home address 2', 'street:home'), ...each('home zipcode', 'postalCode:home'),
  ...each('work address|work address 2', 'street:work'), ...each('work city', 'city:work'), ...each('work state', 'region:work'), ...each('work zipcode', 'postalCode:work'), ...each('work country', 'country:work'),
  ...each('organization', 'company'), ...each('web page 1|web page 2', 'website'),
  ...each('birth year', 'birthYear'), ...each('birth month', 'birthMonth'), ...each('birth day', 'birthDay'),
  ...each('custom 1|custom 2|custom 3|custom 4', 'custom'),
};

/** Roundcube's own export and the generic headers its importer knows. */
const ROUNDCUBE: Dict = {
  ...each('email', 'email'), ...each('email home', 'email:home'), ...each('email work', 'email:work'), ...each('email other', 'email'),
  ...each('date of birth', 'birthday'), ...each('home mobile|work mobile', 'phone:mobile'), ...each('home zip', 'postalCode:home'), ...each('work zip', 'postalCode:work'),
  ...each('info', 'notes'), ...each('url|website home page|website other|website profile|website blog|website work', 'website'),
  ...each('work company', 'company'), ...each('work dept', 'department'), ...each('work fax', 'phone:fax'), ...each('work title', 'title'),
  ...each('group|groups', 'tags'), ...each('phone video', 'phone:other'), ...each('user photo', 'custom'),
  ...each('im aim|im icq|im jabber|im msn|im skype|im yahoo', 'social'),
};

/** Chatwoot, HubSpot-like CRM exports (snake_case): ids, IPs and timestamps are not contact fields. */
const CRM: Dict = {
  ...each('phone number|phone_number', 'phone:other'), ...each('company name', 'company'), ...each('country code', 'country:work'),
  ...each('identifier|id|contact id|ip address|created at|updated at|last activity at|last seen at|browser language|referer|initiated at|avatar url|thumbnail', 'custom'),
};

/** Apple Contacts exporters (Numbers / "Exporter for Contacts") beside Outlook's names. */
const APPLE: Dict = {
  ...each('first|given', 'firstName'), ...each('last|family', 'lastName'), ...each('organization|organisation', 'company'),
  ...each('phone (mobile)|mobile|iphone', 'phone:mobile'), ...each('phone (work)|work', 'phone:work'), ...each('phone (home)|home', 'phone:home'),
  ...each('email (work)|work email', 'email:work'), ...each('email (home)|home email', 'email:home'), ...each('phonetic first name|phonetic last name', 'custom'),
};

/** WeCom (企业微信) and DingTalk (钉钉) member exports, QQ Mail and 163 address books. */
const CHINESE: Dict = {
  ...each('姓名|名字|联系人姓名|显示名称', 'name'), ...each('英文名|别名|昵称', 'nickname'),
  ...each('账号|帐号|员工userid|userid|工号|员工工号|序号|编号|id|激活状态|禁用状态|微信插件|视频号|入职时间|直属主管|主管|性别|扩展属性', 'custom'),
  ...each('职务|对外职务|职位|岗位|头衔', 'title'), ...each('部门|所在部门|对外部门', 'department'),
  ...each('手机|手机号|手机号码|移动电话', 'phone:mobile'), ...each('座机|办公电话|分机号|公司电话|工作电话', 'phone:work'), ...each('家庭电话|住宅电话', 'phone:home'), ...each('传真', 'phone:fax'),
  ...each('邮箱|电子邮件|电子邮件地址|电子邮箱|邮件地址|email地址|e-mail地址', 'email'), ...each('企业邮箱|工作邮箱|公司邮箱', 'email:work'), ...each('个人邮箱|私人邮箱', 'email:home'),
  ...each('公司地址|办公地点|工作地点', 'address:work'), ...each('联系地址|通讯地址', 'address:home'), ...each('家庭地址|住址', 'address:home'),
  ...each('公司|公司名称|单位|工作单位|企业名称', 'company'), ...each('生日|出生日期', 'birthday'), ...each('备注|说明', 'notes'),
  ...each('分组|组|群组|标签', 'tags'), ...each('qq|qq号|qq号码', 'qq'), ...each('微信|微信号', 'wechat'), ...each('钉钉号', 'dingtalk'),
  ...each('网址|个人主页|主页', 'website'), ...each('msn', 'social'),
};

/** Our own export's headers (csv-write.ts) are exact too, so a round trip never depends on guessing. */
const OWN: Dict = {
  ...each('kind', 'kind'), ...each('websites', 'website'), ...each('wechat', 'wechat'), ...each('linkedin', 'linkedin'), ...each('weibo', 'weibo'), ...each('x', 'x'),
  ...each('dingtalk', 'dingtalk'), ...each('whatsapp', 'whatsapp'), ...each('other social', 'social'), ...each('tags', 'tags'), ...each('interests', 'interests'),
  ...each('industry', 'industry'), ...each('owner', 'owner'), ...each('stage', 'stage'), ...each('annual value', 'annualValue'), ...each('custom fields', 'customFields'),
};

export const EXACT_HEADERS: ReadonlyMap<string, ColumnTarget | null> = new Map(Object.entries({ ...APPLE, ...CRM, ...ROUNDCUBE, ...THUNDERBIRD, ...GOOGLE, ...OUTLOOK, ...CHINESE, ...OWN }));
