import { defineMessages } from '../define';

/** Strings of the shared write actions: "Done" with its contact type, merge with a choice. */
export const actions = defineMessages(
  {
    'done.as': 'Contact type logged by Done',
    'done.logged': 'Done: {type} logged on the timeline.',
    'merge.title': 'Merge two cards',
    'merge.pick': 'Where the cards differ, pick the value to keep. Values not picked are not lost: emails and phones stay in the lists, the rest go to the notes and the timeline.',
    'merge.field': 'Field',
    'merge.same': 'Everything else is the same on both cards, or empty on one.',
    'merge.confirm': 'Merge',
    'merge.done': 'Merged into {name}.',
    'merge.fromNote': 'Merged from {name}: {fields}',
    'merge.undone': 'Merge undone.',
  },
  {
    'done.as': '“完成”记录的联系方式',
    'done.logged': '已完成：已在时间线记录一次{type}。',
    'merge.title': '合并两张卡片',
    'merge.pick': '两张卡片不同之处，请选择要保留的值。未选的值不会丢失：邮箱和电话留在列表中，其余记入备注和时间线。',
    'merge.field': '字段',
    'merge.same': '其余字段两张卡片相同，或其中一张为空。',
    'merge.confirm': '合并',
    'merge.done': '已合并到 {name}。',
    'merge.fromNote': '由 {name} 合并：{fields}',
    'merge.undone': '已撤销合并。',
  },
);
