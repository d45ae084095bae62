import { defineMessages } from '../define';

/** Strings of the Settings page's frame: its sections, their saves, a stored value that could not be read. */
export const settingsPage = defineMessages(
  {
    'settings.general': 'General',
    'settings.savedGeneral': 'General settings saved.',
    'settings.savedRules': 'Rules saved.',
    'settings.unsaved': 'Unsaved changes',
    'settings.otherUnsaved': '“{section}” still has unsaved changes: use its own Save.',
    'settings.problem': 'Some saved settings could not be read and are shown with their defaults: {fields}. Your other settings are kept. Check these fields and save to store them again.',
  },
  {
    'settings.general': '常规',
    'settings.savedGeneral': '常规设置已保存。',
    'settings.savedRules': '规则已保存。',
    'settings.unsaved': '有未保存的更改',
    'settings.otherUnsaved': '“{section}”还有未保存的更改，请使用该部分自己的保存按钮。',
    'settings.problem': '部分已保存的设置无法读取，现按默认值显示：{fields}。其余设置均已保留。请检查这些字段并保存。',
  },
);
