/** Chinese signature fixtures written for Cardfile (no real people): body → the fields expected. */
export interface SigCase {
  name: string;
  body: string;
  senderName?: string;
  expect: Record<string, unknown>;
  phones?: { digits: string; label: string; e164?: string }[];
}

export const zhCases: SigCase[] = [
  {
    name: '此致敬礼, full block with 手机/电话/传真/地址/微信/QQ',
    body: '张总您好，\n\n报价单已附上，请查收。\n\n此致\n敬礼！\n\n王晓明\n销售经理\n深圳市华腾电子科技有限公司\n手机：138 0013 8000\n电话：0755-8888 6666\n传真：0755-8888 6667\n地址：广东省深圳市南山区科技园南区高新南一道6号TCL大厦B座12楼1203室\n微信：wxm_sales88\nQQ：12345678\n邮箱：wangxm@huateng-tech.com\n网址：www.huateng-tech.com',
    expect: { name: '王晓明', title: '销售经理', company: '深圳市华腾电子科技有限公司', address: '广东省深圳市南山区科技园南区高新南一道6号TCL大厦B座12楼1203室', wechat: 'wxm_sales88', qq: '12345678', emails: ['wangxm@huateng-tech.com'], websites: ['www.huateng-tech.com'] },
    phones: [
      { digits: '13800138000', label: 'mobile', e164: '+8613800138000' },
      { digits: '075588886666', label: 'work', e164: '+8675588886666' },
      { digits: '075588886667', label: 'fax' },
    ],
  },
  {
    name: '顺颂商祺, name | title | company on one line',
    body: '李经理：\n\n关于下季度的采购计划，我们下周可以当面沟通。\n\n顺颂商祺\n\n陈静 | 采购总监 | 杭州临安新材料股份有限公司\nM: 139-5712-3456\nT: 0571-6375 1234\n浙江省杭州市临安区锦城街道科技大道1188号',
    expect: { name: '陈静', title: '采购总监', company: '杭州临安新材料股份有限公司', address: '浙江省杭州市临安区锦城街道科技大道1188号' },
    phones: [
      { digits: '13957123456', label: 'mobile' },
      { digits: '057163751234', label: 'work' },
    ],
  },
  {
    name: '-- delimiter, 移动电话 and 座机',
    body: '附件是合同草稿，请审阅。\n\n-- \n赵强\n华东区 大客户经理\n上海浦江物流集团\n移动电话：186 2100 7788\n座机：021-6888 1234 转 808\n地址：上海市浦东新区张江路88号3号楼502室',
    expect: { name: '赵强', title: '大客户经理', company: '上海浦江物流集团', address: '上海市浦东新区张江路88号3号楼502室' },
    phones: [
      { digits: '18621007788', label: 'mobile' },
      { digits: '02168881234808', label: 'work' },
    ],
  },
  {
    name: '祝好, 微信同号',
    body: '好的，明天上午十点见。\n\n祝好\n刘洋\n北京云帆软件有限公司 市场部\n手机（微信同号）：15010012345\n邮箱：liuyang@yunfan-soft.cn',
    expect: { name: '刘洋', wechat: '15010012345', emails: ['liuyang@yunfan-soft.cn'] },
    phones: [{ digits: '15010012345', label: 'mobile', e164: '+8615010012345' }],
  },
  {
    name: 'trailing block without closing, +86 numbers',
    body: '样品已寄出，快递单号SF1234567890。\n\n周敏\n广州市白云区嘉禾望岗华南物流园C区12号\n电话：+86 20 3722 8899\n手机：+86 137 1122 3344\nQQ号：987654321',
    expect: { name: '周敏', qq: '987654321', address: '广州市白云区嘉禾望岗华南物流园C区12号' },
    phones: [
      { digits: '862037228899', label: 'work', e164: '+862037228899' },
      { digits: '8613711223344', label: 'mobile' },
    ],
  },
  {
    name: 'sender name given, 总经理 and 集团',
    body: '孙总，方案我们内部已经讨论过了，没有问题。\n\n谢谢！\n\n黄志伟\n总经理\n江苏恒润机械集团\nTel：0510-8321 5566\nFax：0510-8321 5567\nMobile：13806171234',
    senderName: '黄志伟',
    expect: { name: '黄志伟', title: '总经理', company: '江苏恒润机械集团' },
    phones: [
      { digits: '051083215566', label: 'work' },
      { digits: '051083215567', label: 'fax' },
      { digits: '13806171234', label: 'mobile' },
    ],
  },
  {
    name: 'quoted 原始邮件 below is not the sender signature',
    body: '收到，谢谢。\n\n吴磊\n手机：13912345678\n\n-----原始邮件-----\n发件人: 郑华 <zhenghua@example.cn>\n发送时间: 2024年3月5日 10:12\n收件人: 吴磊\n主题: 报价\n\n郑华\n手机：13698765432\n成都天府贸易有限公司',
    expect: { name: '吴磊' },
    phones: [{ digits: '13912345678', label: 'mobile' }],
  },
  {
    name: '发件人 header block cuts the quoted message',
    body: '已确认发货时间。\n\n此致\n何婷\n厦门海通进出口有限公司\n\n发件人: Tom Baker <tom@bakerco.com>\n发送时间: 2024年5月6日 9:30\n收件人: 何婷\n主题: Delivery\n\nTom Baker\nT: +1 212 555 0100',
    expect: { name: '何婷', company: '厦门海通进出口有限公司', emails: [] },
    phones: [],
  },
  {
    name: 'Chinese + English name, 研发工程师',
    body: '测试报告见附件。\n\nBest regards,\n林海 Lin Hai\n高级研发工程师\n苏州纳米光电科技有限公司\nE-mail: linhai@nano-opto.com\nPhone: 0512-6288 9000',
    expect: { name: '林海 Lin Hai', title: '高级研发工程师', company: '苏州纳米光电科技有限公司', emails: ['linhai@nano-opto.com'] },
    phones: [{ digits: '051262889000', label: 'work' }],
  },
  {
    name: '敬礼 with 县 镇 address and 400 number',
    body: '您好，货款已安排支付，请注意查收。\n\n此致 敬礼\n\n郭建国\n财务主管\n河北省保定市清苑县东闾镇工业路18号\n客服热线：400-818-6688\n手机：133 3128 6789',
    expect: { name: '郭建国', title: '财务主管', address: '河北省保定市清苑县东闾镇工业路18号' },
    phones: [
      { digits: '4008186688', label: 'other' },
      { digits: '13331286789', label: 'mobile' },
    ],
  },
  {
    name: 'WeChat label in English and qq in lower case',
    body: '明白，我来跟进。\n\n谢谢\n马丽\n客户成功专员\n重庆山城数据服务有限公司\nWeChat: mali_cq2020\nqq: 2233445566\n手机: 17723456789',
    expect: { name: '马丽', title: '客户成功专员', company: '重庆山城数据服务有限公司', wechat: 'mali_cq2020', qq: '2233445566' },
    phones: [{ digits: '17723456789', label: 'mobile' }],
  },
  {
    name: 'Gmail-style Chinese quote header 写道',
    body: '可以，周四下午两点。\n\n许丹\n市场专员 | 南京金陵会展有限公司\n电话 025-8456 7890\n\n2024年6月3日 周一 14:30，王先生 <wang@example.com> 写道：\n> 请问周四方便吗？\n> 王先生\n> 手机 13500001111',
    expect: { name: '许丹', title: '市场专员', company: '南京金陵会展有限公司' },
    phones: [{ digits: '02584567890', label: 'work' }],
  },
];
