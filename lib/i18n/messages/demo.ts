import { defineMessages } from '../define';

/** Demo data in the workspace header (components/workspace/DemoLoader). */
export const demo = defineMessages(
  {
    'demo.confirm': 'Add {count} made-up customers to this empty workspace to try Cardfile?',
    'demo.yes': 'Load the demo',
    'demo.remove': 'Remove the demo data ({count} cards)',
    'demo.removed': 'Removed {count} demo cards.',
  },
  {
    'demo.confirm': '向这个空的工作台添加 {count} 位虚构客户来试用 Cardfile？',
    'demo.yes': '载入演示数据',
    'demo.remove': '移除演示数据（{count} 张卡片）',
    'demo.removed': '已移除 {count} 张演示卡片。',
  },
);
