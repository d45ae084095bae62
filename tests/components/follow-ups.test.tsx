import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowUps } from '../../components/customer/FollowUps';
import { addFollowUp, createCustomer, getRepo } from '../../lib/db';
import { lang } from '../../lib/i18n';

afterEach(() => {
  cleanup();
  lang.value = 'en';
});

const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  return { month: d.getMonth() + 1, day: d.getDate() };
};

describe("the card's follow-ups", () => {
  it.each([
    ['en', 'birthday in 3 days', 'call about the offer'],
    ['zh-CN', '生日还有3天', 'call about the offer'],
  ] as const)('in %s: a planned one says its reason in words, a manual one its note', async (language, birthday, note) => {
    lang.value = language;
    const repo = getRepo();
    const c = await createCustomer(repo, { name: `Lee ${language}`, birthday: inDays(3), reviewedAt: Date.now() });
    await addFollowUp(repo, { customerId: c.id, dueAt: Date.now() + 86_400_000, reason: 'manual', ruleKey: `manual:${c.id}`, note });
    render(<FollowUps customer={c} scheduling={false} onScheduled={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('follow-ups').querySelectorAll('[data-follow-up]')).toHaveLength(2));
    const rows = [...screen.getByTestId('follow-ups').querySelectorAll('[data-follow-up]')];
    const text = (reason: string) => rows.find((r) => r.getAttribute('data-reason') === reason)?.textContent ?? '';
    expect(text('birthday')).toContain(birthday);
    expect(text('birthday')).not.toContain('birthday:'); // never the rule id
    expect(text('manual')).toContain(note);
  });
});
