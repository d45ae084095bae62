import { defineMessages } from '../define';

export const interaction = defineMessages(
  {
    'ix.timeline': 'Timeline', 'ix.empty': 'No interactions yet.', 'ix.log': 'Log interaction', 'ix.addNote': 'Add note',
    'ix.type': 'Type', 'ix.direction': 'Direction', 'ix.occurredAt': 'When', 'ix.place': 'Place or channel',
    'ix.subject': 'Subject', 'ix.content': 'Content', 'ix.result': 'Result', 'ix.nextStep': 'Next step',
    'ix.nextStepDue': 'Next step due', 'ix.amount': 'Amount', 'ix.currency': 'Currency', 'ix.endsAt': 'Contract ends',
    'ix.satisfaction': 'Satisfaction (1–5)', 'ix.allTypes': 'All types', 'ix.openSource': 'Open original',
    'type.call': 'Call', 'type.email': 'Email', 'type.meeting': 'Meeting', 'type.visit': 'Visit', 'type.wechat': 'WeChat',
    'type.message': 'Message', 'type.note': 'Note', 'type.feedback': 'Feedback', 'type.complaint': 'Complaint',
    'type.purchase': 'Purchase', 'type.contract': 'Contract', 'type.survey': 'Survey', 'type.other': 'Other',
    'dir.in': 'Incoming', 'dir.out': 'Outgoing', 'dir.none': '—',
  },
  {
    'ix.timeline': '互动记录', 'ix.empty': '还没有互动记录。', 'ix.log': '记录互动', 'ix.addNote': '添加备注',
    'ix.type': '类型', 'ix.direction': '方向', 'ix.occurredAt': '时间', 'ix.place': '地点或渠道',
    'ix.subject': '主题', 'ix.content': '内容', 'ix.result': '结果', 'ix.nextStep': '下一步',
    'ix.nextStepDue': '下一步日期', 'ix.amount': '金额', 'ix.currency': '币种', 'ix.endsAt': '合同到期',
    'ix.satisfaction': '满意度（1–5）', 'ix.allTypes': '全部类型', 'ix.openSource': '打开原文',
    'type.call': '电话', 'type.email': '邮件', 'type.meeting': '会议', 'type.visit': '拜访', 'type.wechat': '微信',
    'type.message': '消息', 'type.note': '备注', 'type.feedback': '反馈', 'type.complaint': '投诉',
    'type.purchase': '购买', 'type.contract': '合同', 'type.survey': '调研', 'type.other': '其他',
    'dir.in': '来信/来电', 'dir.out': '去信/去电', 'dir.none': '—',
  },
);
